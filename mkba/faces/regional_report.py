"""``mkba vergelijk``: a regional comparison report of several cases (papermill → HTML).

Same safety rules as :mod:`mkba.faces.report` (DESIGN §7): every case is validated and the
options checked before papermill runs; the notebook executes in a hidden working folder
``OUT/regio/.bezig-<run>/``, which is renamed to ``OUT/regio/<run>/`` in one step when
everything succeeded. A failure renames it to ``<run>-mislukt`` (the executed notebook kept for
diagnosis) and leaves every earlier run untouched; an interruption removes the working folder.
Folder reservation, kernel sockets and error codes are those of :mod:`mkba.faces.report`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from mkba.core.errors import CaseError, UsageError
from mkba.faces import text_nl
from mkba.faces.report import (
    Job,
    ReportError,
    case_dir,
    check_notebook_parameters,
    html_exporter,
    run_folder,
)

REGIONAL_NOTEBOOK = "regionale_vergelijking.ipynb"
FOLDER = "regio"


def _index_html(run_id: str, cases, manifest: dict, data: dict) -> str:
    import html

    from mkba.faces.formatting import nl_eur, nl_number, nl_percent

    rows = "\n".join(
        f"<tr><td>{html.escape(r['title'])}</td><td>{r['years'][0]}–{r['years'][1]}</td>"
        f"<td>{nl_eur(r['bcr_of_means'], 2)}</td><td>{nl_percent(r['prob_npv_positive'])}</td></tr>"
        for r in data["regions"])
    files = "\n".join(f'<li><a href="{html.escape(n)}">{html.escape(n)}</a></li>' for n in sorted(manifest["files"]))
    return text_nl.REGIONAL_INDEX_HTML.format(
        run_id=html.escape(run_id), rows=rows, files=files, draws=nl_number(manifest["draws"], 0), seed=manifest["seed"],
        price_year=data["price_year"], version=html.escape(manifest["versions"]["mkba"]),
        finished=html.escape(manifest["finished"]))


def build_regional_report(case_paths: Sequence[str | Path], draws: int = 10_000, seed: int = 1,
                          price_year: int | None = None, out: str | Path = "reports") -> Path:
    """Build the regional comparison of ``case_paths``; return the run folder ``<out>/regio/<run-id>``.

    Raises
    ------
    CaseError
        Before anything runs, with every problem of every case.
    UsageError
        For bad options (fewer than two cases, too few draws, a case listed twice, a price year
        outside the CPI table, a case without ``price_year``).
    ReportError
        When the notebook fails; the run folder is kept as ``<run-id>-mislukt``.
    """
    from mkba.data_in.cases import load_case
    from mkba.data_in.unit_costs import load_cpi
    from mkba.faces import report_data

    paths = [Path(p).resolve() for p in case_paths]
    if len(paths) < 2:
        raise UsageError("a regional comparison needs at least two case files", "regio.too_few", minimum=2)
    if draws < 100:
        raise UsageError(f"a report needs at least 100 draws (got {draws}); use e.g. --draws 10000", "report.min_draws",
                         draws=draws)
    if seed < 0:
        raise UsageError(f"seed must be ≥ 0 (got {seed})", "report.seed", seed=seed)
    problems, cases = [], []
    for p in paths:
        try:
            cases.append(load_case(p))
        except CaseError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CaseError(problems)
    ids = [c.id for c in cases]
    if len(set(ids)) != len(ids):
        raise UsageError(f"a case is listed twice: {', '.join(ids)}", "regio.twice", cases=", ".join(ids))
    missing = [c.id for c in cases if c.price_year is None]
    if missing:
        raise UsageError(f"case(s) without price_year: {', '.join(missing)}; each case needs one to be indexed",
                         "regio.no_price_year", cases=", ".join(missing))
    cpi = load_cpi()
    target = price_year if price_year is not None else max(c.price_year for c in cases)
    for year in {target, *(c.price_year for c in cases)}:
        cpi.factor(year, year)  # raises a clear UsageError for a year outside the CPI table

    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    job = Job(REGIONAL_NOTEBOOK, "regionale_vergelijking",
              {"case_paths": [str(p) for p in paths], "draws": draws, "seed": seed, "prijspeil": price_year or 0,
               "output_dir": ""}, "Regionale vergelijking")
    check_notebook_parameters([job])
    with run_folder(case_dir(Path(out), FOLDER), f"{stamp}-{len(cases)}-casussen-n{draws}-s{seed}") as folder:
        job.parameters["output_dir"] = str(folder.work)
        folder.execute(job, html_exporter())
        data_file = folder.work / "vergelijking.json"
        if not data_file.exists():
            raise ReportError("the notebook did not write vergelijking.json", "regio.no_data")
        data = json.loads(data_file.read_text(encoding="utf-8"))
        folder.check_unchanged([(path, case.sha256) for case, path in zip(cases, paths, strict=True)])
        manifest = {
            "run_id": folder.final.name,
            "cases": [{"id": c.id, "file": str(p), "sha256": c.sha256} for c, p in zip(cases, paths, strict=True)],
            "draws": draws, "seed": seed, "price_year": data["price_year"], **folder.times(),
            "versions": report_data.versions(),
            "notebooks": [{"notebook": job.notebook, "output": f"{job.stem}.html",
                           "parameters": {k: v for k, v in job.parameters.items() if k != "output_dir"}}],
        }
        return folder.finish(manifest, lambda m: _index_html(folder.final.name, cases, m, data))


__all__ = ["build_regional_report"]
