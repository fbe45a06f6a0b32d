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
from mkba.data_in.monitor import MonitorEstimate, _slug
from mkba.data_in.registrations import RegistrationEstimate, parameters_document
from mkba.faces import text_nl as T
from mkba.faces.formatting import nl_number, nl_percent


def _pct(x: float) -> str:
    return nl_percent(x, 1)


def print_registrations(est: RegistrationEstimate, console: Console) -> None:
    """The estimate as readable Dutch tables."""
    w = T.ESTIMATE_WORDS
    console.print(w["reg_head"].format(file=est.file, rows=est.rows, used=est.used)
                  + (w["reg_soort"].format(soort=est.soort) if est.soort else "")
                  + w["reg_dates"].format(first=est.first_date, last=est.last_date))
    if est.excluded:
        console.print(w["excluded_head"])
        for reason, n in est.excluded.items():
            examples = [e for e in est.exclusions if e.reason == reason][:3]
            where = "; ".join(w["excluded_example"].format(row=e.row, column=e.column, value=repr(e.value))
                              for e in examples)
            console.print(w["excluded_line"].format(reason=T.EXCLUSION_REASONS[reason], n=T.small(n), where=where))
    table = Table(title=w["substitution_title"], title_justify="left", header_style="bold")
    for name, justify in zip(w["substitution_columns"], ("left", "right", "right", "right", "right"), strict=True):
        table.add_column(name, justify=justify)

    def row(label: str, e, k=None, n=None) -> None:
        k = e.successes if k is None else k
        n = e.trials if n is None else n
        table.add_row(label, T.small(int(k)), T.small(int(n)), _pct(e.mean), f"{_pct(e.p05)} – {_pct(e.p95)}")

    row(w["total"], est.overall)
    for a, e in est.by_alternative.items():
        row(f"  {T.ALTERNATIVES.get(a, a)}", e)
    for y, e in est.by_year.items():
        row(w["start_year"].format(year=y), e)
    for t, e in est.by_team.items():
        row(w["team"].format(team=t), e.pooled, e.successes, e.trials)
    console.print(table)
    if est.unknown_alternative:
        console.print(w["unknown_alternative"].format(n=T.small(est.unknown_alternative)))
    if est.pooling is not None:
        p = est.pooling
        note = T.POOLING_NOTE_DIFFER if p.teams_differ else T.POOLING_NOTE_SAME
        console.print(note.format(chi2=nl_number(p.chi2, 2), df=p.df, p=nl_number(p.p_value, 3)))
    vol = Table(title=w["volumes_title"], title_justify="left", header_style="bold")
    kinds = sorted({k for v in est.volumes.values() for k in v})
    vol.add_column(w["year"])
    for k in kinds:
        vol.add_column(k, justify="right")
    vol.add_column("")
    for y, v in est.volumes.items():
        vol.add_row(str(y), *(T.small(v.get(k, 0)) for k in kinds), T.PARTIAL_YEAR if y in est.partial_years else "")
    console.print(vol)
    g = est.goal_reached
    console.print(w["goal"].format(deels=nl_number(est.deels, 2), mean=_pct(g.mean), p05=_pct(g.p05), p95=_pct(g.p95),
                                   n=T.small(g.trials)))


def print_monitor(est: MonitorEstimate, console: Console) -> None:
    w = T.ESTIMATE_WORDS
    console.print(w["mon_head"].format(file=est.file, rows=est.rows, vanaf=est.vanaf)
                  + (w["mon_comparison"].format(comparison=est.comparison) if est.comparison else "") + ".")
    for v, s in est.series.items():
        table = Table(title=f"{v} — {T.METHODS[s.method]}", title_justify="left", header_style="bold")
        for name, justify in zip(w["mon_columns"], ("left", "right", "right"), strict=True):
            table.add_column(name, justify=justify)
        table.add_row(w["level_change"], nl_number(s.level_change.mean, 3),
                      f"{nl_number(s.level_change.p05, 3)} – {nl_number(s.level_change.p95, 3)}")
        table.add_row(w["slope_change"], nl_number(s.slope_change.mean, 3),
                      f"{nl_number(s.slope_change.p05, 3)} – {nl_number(s.slope_change.p95, 3)}")
        for y, a in s.avoided.items():
            table.add_row(w["avoided"].format(year=y), nl_number(a.mean, 1),
                          f"{nl_number(a.p05, 1)} – {nl_number(a.p95, 1)}")
        console.print(table)
        extra = w["censored"].format(n=s.censored) if s.censored else ""
        console.print(w["verdict"].format(verdict=T.VERDICTS[s.verdict]) + extra)
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
    """Write the includable parameters file (atomically)."""
    name = _relative(Path(est.file), out)
    key = _slug(Path(est.file).stem).replace("_", "-")
    source = T.registration_source(Path(est.file).name, est.sha256, est.first_date, est.last_date, est.rows, est.used)
    doc = parameters_document(est, key, name, source, T.EST_LABELS)
    command = (f"mkba estimate registraties {est.file}" + (f" --soort {est.soort}" if est.soort else "")
               + f" --deels {est.deels:g}")
    header = T.ESTIMATE_WORDS["reg_header"].format(command=command)
    write_text_atomic(out, _dump(doc, header))


def write_monitor(est: MonitorEstimate, out: Path) -> Path:
    """Write the draws file (CSV, beside ``out``) and the includable parameters file that uses
    it with ``dist: draws``; returns the draws file's path."""
    draws_path = out.with_name(out.stem + "_trekkingen.csv")
    write_bytes_atomic(draws_path, est.draws.to_csv(index=False, float_format="%.6g").encode("utf-8"))
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
        },
    }
    header = T.ESTIMATE_WORDS["mon_header"].format(command=f"mkba estimate monitor {est.file} --vanaf {est.vanaf}",
                                                   draws=draws_path.name)
    write_text_atomic(out, _dump(doc, header))
    return draws_path
