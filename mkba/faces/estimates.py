"""Console output and ``--out`` files of ``mkba estimate`` (registrations and monitor series).

The numbers come from :mod:`mkba.data_in.registrations` and :mod:`mkba.data_in.monitor`; the
words from :mod:`mkba.faces.text_nl` (section "Data in"). Counts from person-level data below
10 are shown as ``<10``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from rich.console import Console
from rich.table import Table

from mkba.core.io import write_bytes_atomic, write_text_atomic
from mkba.data_in import disclosure as D
from mkba.data_in.monitor import MonitorEstimate, _slug
from mkba.data_in.registrations import RegistrationEstimate, parameters_document
from mkba.faces import text_nl as T
from mkba.faces.formatting import nl_number, nl_percent


def _pct(x: float) -> str:
    return nl_percent(x, 1)


def print_registrations(est: RegistrationEstimate, console: Console) -> None:
    """The estimate as readable Dutch tables; every count as it may be shown (DESIGN §17)."""
    w = T.ESTIMATE_WORDS

    def small(n) -> str:
        return T.small(n, est.suppress)

    if est.small_counts:
        console.print(f"[bold red]{T.SMALL_COUNTS_WARNING}[/bold red]")
    first, last = est.published_period()
    console.print(w["reg_head"].format(file=est.file, rows=small(est.published_rows()), used=small(est.published_used()))
                  + (w["reg_soort"].format(soort=est.soort) if est.soort else "")
                  + w["reg_dates"].format(first=first, last=last))
    excluded = est.published_excluded()
    if excluded:
        console.print(w["excluded_head"])
        for reason, n in excluded.items():
            # one example when suppressing: showing "up to three" would tell a count of 1 or 2
            examples = [e for e in est.exclusions if e.reason == reason][:1 if est.suppress else 3]
            where = "; ".join((w["excluded_example_id"] if e.column == "traject_id" else w["excluded_example"]).format(
                row=e.row, column=e.column, value=repr(e.value)) if est.example_row_shown(e.row) else
                (T.EXCLUDED_EXAMPLE_NO_ROW_ID if e.column == "traject_id" else T.EXCLUDED_EXAMPLE_NO_ROW).format(
                    column=e.column, value=repr(e.value)) for e in examples)
            label = T.EXCLUSION_REASONS.get(reason) or T.group_label(reason)
            console.print((w["excluded_line"] if where else w["excluded_line_bare"]).format(reason=label, n=small(n),
                                                                                             where=where))
    table = Table(title=w["substitution_title"], title_justify="left", header_style="bold")
    for name, justify in zip(w["substitution_columns"], ("left", "right", "right", "right", "right"), strict=True):
        table.add_column(name, justify=justify)

    def row(label: str, e, k=None, n=None) -> None:
        d = e.to_dict()
        k = d["successes"] if k is None else k
        n = d["trials"] if n is None else n
        shown_k = small(k if isinstance(k, str) else int(k)) if k is not None else f"{small(int(n))} − <10"
        table.add_row(label, shown_k, small(int(n)), _pct(e.mean), f"{_pct(e.p05)} – {_pct(e.p95)}")

    row(w["total"], est.overall)
    for a, e in est.by_alternative.items():
        row(f"  {T.group_label(a)}", e)
    for y, e in est.by_year.items():
        row(w["start_year"].format(year=str(y).replace("-", "–")), e)
    for t, e in est.by_team.items():
        row(w["team_other"].format(group=T.group_label(t).capitalize()) if t in T.OTHER_GROUPS else w["team"].format(team=t),
            e.pooled, e.successes, e.trials)
    console.print(table)
    if est.published_unknown() != 0:  # banded, 0 is '<10' too: leaving the line out would say 0
        console.print(w["unknown_alternative"].format(n=small(est.published_unknown())))
    if est.pooling is not None:
        p = est.pooling
        note = T.POOLING_NOTE_DIFFER if p.teams_differ else T.POOLING_NOTE_SAME
        console.print(note.format(chi2=nl_number(p.chi2, 2), df=p.df, p=nl_number(p.p_value, 3)))
    vol = Table(title=w["volumes_title"], title_justify="left", header_style="bold")
    volumes = est.published_volumes()
    kinds = sorted({k for v in volumes.values() for k in v})
    vol.add_column(w["year"])
    for k in kinds:
        vol.add_column(k, justify="right")
    vol.add_column("")
    for y, v in volumes.items():
        vol.add_row(str(y), *(small(v.get(k, 0)) for k in kinds), T.PARTIAL_YEAR if y in est.partial_years else "")
    console.print(vol)
    g = est.goal_reached
    if g is not None:
        console.print(w["goal"].format(deels=nl_number(est.deels, 2), mean=_pct(g.mean), p05=_pct(g.p05), p95=_pct(g.p95),
                                       n=small(g.to_dict()["trials"])))
    for code, facts in est.disclosure:
        console.print(f"[yellow]{T.PRIVACY}:[/yellow] {T.disclosure_note(code, facts)}")


def print_monitor(est: MonitorEstimate, console: Console) -> None:
    w = T.ESTIMATE_WORDS
    if est.small_counts:
        console.print(f"[bold red]{T.SMALL_COUNTS_WARNING}[/bold red]")
    console.print(w["mon_head"].format(file=est.file, rows=est.rows, vanaf=est.vanaf)
                  + (w["mon_comparison"].format(comparison=est.comparison) if est.comparison else "") + ".")
    for v, s in est.series.items():
        table = Table(title=f"{v} — {T.METHODS[s.method]}", title_justify="left", header_style="bold")
        for name, justify in zip(w["mon_columns"], ("left", "right", "right"), strict=True):
            table.add_column(name, justify=justify)
        table.add_row(w["level_change"], nl_number(s.level_change.mean, 3),
                      f"{nl_number(s.level_change.p05, 3)} – {nl_number(s.level_change.p95, 3)}")
        if s.slope_change is not None:
            table.add_row(w["slope_change"], nl_number(s.slope_change.mean, 3),
                          f"{nl_number(s.slope_change.p05, 3)} – {nl_number(s.slope_change.p95, 3)}")
        for y, a in s.avoided.items():
            table.add_row(w["avoided"].format(year=y), nl_number(a.mean, 1),
                          f"{nl_number(a.p05, 1)} – {nl_number(a.p95, 1)}")
        console.print(table)
        extra = w["censored"].format(n=s.censored) if s.censored else ""
        console.print(w["verdict"].format(verdict=T.VERDICTS[s.verdict]) + extra)
        for line in T.its_lines(s.to_json()):
            console.print(line)
    for v, reason in est.skipped.items():
        console.print(w["skipped"].format(name=v, reason=T.SKIP_REASONS[reason]))


def _plain(frame) -> dict:
    """A DataFrame as ``{column: [plain Python values]}`` (NaN → None) for YAML."""
    return {c: json.loads(frame[c].to_json(orient="values")) for c in frame.columns}


def _dump(doc: dict, header: str) -> str:
    body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    return "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()) + body


def _relative(target: Path, base: Path) -> str:
    return Path(os.path.relpath(target.resolve(), base.resolve().parent)).as_posix()


def write_registrations(est: RegistrationEstimate, out: Path) -> None:
    """Write the includable parameters file (atomically); counts as they may be shown."""
    name = _relative(Path(est.file), out)
    key = _slug(Path(est.file).stem).replace("_", "-")
    source = T.registration_source_published(Path(est.file).name, est.sha256, *est.published_period(),
                                             est.published_rows(), est.published_used(), est.small_counts)
    doc = parameters_document(est, key, name, source, T.EST_LABELS)
    if est.synthetic:
        doc["estimate"]["synthetic"] = True
    command = (f"mkba estimate registraties {est.file}" + (f" --soort {est.soort}" if est.soort else "")
               + f" --deels {est.deels:g}" + (" --geen-onderdrukking" if est.small_counts else ""))
    header = ((T.SMALL_COUNTS_WARNING + "\n") if est.small_counts else "") + T.ESTIMATE_WORDS["reg_header"].format(
        command=command)
    for code, facts in est.disclosure:
        header += f"\n{T.PRIVACY}: " + T.disclosure_note(code, facts)
    write_text_atomic(out, _dump(doc, header))


def write_monitor(est: MonitorEstimate, out: Path) -> Path:
    """Write the draws file (CSV, beside ``out``) and the includable parameters file that uses
    it with ``dist: draws``; returns the draws file's path."""
    draws_path = out.with_name(out.stem + "_trekkingen.csv")
    draws = est.draws
    if est.small_counts:  # the draws file says so too: a column a case never reads
        draws = draws.assign(**{D.SMALL_COUNTS_FLAG: 1})
    write_bytes_atomic(draws_path, draws.to_csv(index=False, float_format="%.6g").encode("utf-8"))
    key = _slug(Path(est.file).stem).replace("_", "-")
    first = min(p for s in est.series.values() for p in s.periods)
    last = max(p for s in est.series.values() for p in s.periods)
    params = {}
    for v, s in est.series.items():
        slug = _slug(v)
        for y in s.avoided:
            params[f"vermeden_{slug}_{y}"] = {
                "dist": "draws", "file": draws_path.name, "column": f"{slug}_vermeden_{y}", "order": "resample",
                "unit": T.ESTIMATE_WORDS["avoided_unit"],
                "label": T.ESTIMATE_WORDS["avoided_label"].format(name=v, year=y), "source": key}
    doc = {
        "mkba": 1,
        "sources": {key: T.monitor_source(Path(est.file).name, est.sha256, first, last, est.rows)},
        "parameters": params,
        "estimate": {
            "kind": "monitor", "file": _relative(Path(est.file), out), "sha256": est.sha256, "vanaf": est.vanaf,
            "comparison": est.comparison, "rows": est.rows, "draws_file": draws_path.name,
            "series": {v: {**s.to_json(), "table": _plain(s.to_frame())} for v, s in est.series.items()},
            "skipped": dict(est.skipped),
            **({"synthetic": True} if est.synthetic else {}),
        },
    }
    flags = est.command_options()
    if est.small_counts:
        doc["estimate"][D.SMALL_COUNTS_FLAG] = True
    command = (f"mkba estimate monitor {est.file} --vanaf {est.vanaf}" + (f" {flags}" if flags else "")
               + (" --geen-onderdrukking" if est.small_counts else ""))
    header = ((T.SMALL_COUNTS_WARNING + "\n") if est.small_counts else "") + T.ESTIMATE_WORDS["mon_header"].format(
        command=command, draws=draws_path.name)
    write_text_atomic(out, _dump(doc, header))
    return draws_path
