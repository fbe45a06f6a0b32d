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
    console.print(f"[bold]Registraties[/bold] {est.file}: {est.rows} rijen, {est.used} gebruikt"
                  + (f", soort '{est.soort}'" if est.soort else "") + f"; startdata {est.first_date} t/m {est.last_date}.")
    if est.excluded:
        console.print("Uitgesloten rijen (niet stilzwijgend weggelaten):")
        for reason, n in est.excluded.items():
            examples = [e for e in est.exclusions if e.reason == reason][:3]
            where = "; ".join(f"rij {e.row}, kolom '{e.column}': {e.value!r}" for e in examples)
            console.print(f"  {T.EXCLUSION_REASONS[reason]}: {T.small(n)} (bijv. {where})")
    table = Table(title="Substitutie: aandeel trajecten met een maatwerkalternatief", title_justify="left",
                  header_style="bold")
    for name, justify in (("", "left"), ("Met maatwerk", "right"), ("Met bekend alternatief", "right"),
                          ("Gemiddelde", "right"), ("90%-interval", "right")):
        table.add_column(name, justify=justify)

    def row(label: str, e, k=None, n=None) -> None:
        k = e.successes if k is None else k
        n = e.trials if n is None else n
        table.add_row(label, T.small(int(k)), T.small(int(n)), _pct(e.mean), f"{_pct(e.p05)} – {_pct(e.p95)}")

    row("Totaal", est.overall)
    for a, e in est.by_alternative.items():
        row(f"  {T.ALTERNATIVES.get(a, a)}", e)
    for y, e in est.by_year.items():
        row(f"Startjaar {y}", e)
    for t, e in est.by_team.items():
        row(f"Team {t} (gepoold)", e.pooled, e.successes, e.trials)
    console.print(table)
    if est.unknown_alternative:
        console.print(f"Trajecten met alternatief 'onbekend' tellen niet mee in de noemer: {T.small(est.unknown_alternative)}.")
    if est.pooling is not None:
        p = est.pooling
        note = T.POOLING_NOTE_DIFFER if p.teams_differ else T.POOLING_NOTE_SAME
        console.print(note.format(chi2=nl_number(p.chi2, 2), df=p.df, p=nl_number(p.p_value, 3)))
    vol = Table(title="Volumes per startjaar en soort", title_justify="left", header_style="bold")
    kinds = sorted({k for v in est.volumes.values() for k in v})
    vol.add_column("Jaar")
    for k in kinds:
        vol.add_column(k, justify="right")
    vol.add_column("")
    for y, v in est.volumes.items():
        vol.add_row(str(y), *(T.small(v.get(k, 0)) for k in kinds), T.PARTIAL_YEAR if y in est.partial_years else "")
    console.print(vol)
    g = est.goal_reached
    console.print(f"Doel bereikt (ja = 1, deels = {nl_number(est.deels, 2)}): {_pct(g.mean)} "
                  f"(90%-interval {_pct(g.p05)} – {_pct(g.p95)}; {T.small(g.trials)} trajecten met bekende uitkomst).")


def print_monitor(est: MonitorEstimate, console: Console) -> None:
    console.print(f"[bold]Monitor[/bold] {est.file}: {est.rows} rijen; verandering vanaf {est.vanaf}"
                  + (f"; vergelijkingsreeks {est.comparison}" if est.comparison else "") + ".")
    for v, s in est.series.items():
        table = Table(title=f"{v} — {T.METHODS[s.method]}", title_justify="left", header_style="bold")
        for name, justify in (("", "left"), ("Gemiddelde", "right"), ("90%-interval", "right")):
            table.add_column(name, justify=justify)
        table.add_row("Niveausprong (factor)", nl_number(s.level_change.mean, 3),
                      f"{nl_number(s.level_change.p05, 3)} – {nl_number(s.level_change.p95, 3)}")
        if s.slope_change is not None:
            table.add_row("Trendbreuk (factor per jaar)", nl_number(s.slope_change.mean, 3),
                          f"{nl_number(s.slope_change.p05, 3)} – {nl_number(s.slope_change.p95, 3)}")
        for y, a in s.avoided.items():
            table.add_row(f"Vermeden cliënten {y} (gemiddeld in zorg)", nl_number(a.mean, 1),
                          f"{nl_number(a.p05, 1)} – {nl_number(a.p95, 1)}")
        console.print(table)
        extra = f" {s.censored} cel(len) '<10' als gecensureerd behandeld." if s.censored else ""
        console.print(f"Oordeel: {T.VERDICTS[s.verdict]}.{extra}")
        for line in T.its_lines(s.to_json()):
            console.print(line)
    for v, reason in est.skipped.items():
        console.print(f"[yellow]Niet geschat[/yellow] {v}: {T.SKIP_REASONS[reason]}.")


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
    if est.synthetic:
        doc["estimate"]["synthetic"] = True
    header = (f"Geschat met: mkba estimate registraties {est.file}"
              + (f" --soort {est.soort}" if est.soort else "") + f" --deels {est.deels:g}\n"
              "Niet met de hand aanpassen: opnieuw schatten als de data veranderen.\n"
              "Gebruik in een casus: include: [<pad naar dit bestand>]")
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
                "unit": "cliënten in zorg (gemiddeld over het jaar)",
                "label": f"Vermeden cliënten {v} {y} (monitor)", "source": key}
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
    header = (f"Geschat met: mkba estimate monitor {est.file} --vanaf {est.vanaf}" + (f" {flags}" if flags else "") + "\n"
              f"Trekkingen (gezamenlijk per rij): {draws_path.name}\n"
              "Gebruik in een casus: include: [<pad naar dit bestand>]")
    write_text_atomic(out, _dump(doc, header))
    return draws_path
