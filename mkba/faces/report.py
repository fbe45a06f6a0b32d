"""``mkba report``: run the parameterised notebooks with papermill into a board-ready report.

Order of work (DESIGN §7):

1. validate the case, the options and every notebook parameter *before* papermill runs
   (papermill itself only warns about unknown parameters);
2. execute the notebooks into a hidden working folder ``reports/<case>/.bezig-<run>/``;
3. convert each to a self-contained HTML page with code hidden (nbconvert, offline template);
4. write ``summary.json`` (the ``mkba run --json`` object for the same seed), ``draws.parquet``,
   ``manifest.json`` (case SHA-256, options, seed, draws, versions, time, file hashes) and
   ``index.html``; with ``pdf=True`` every report page is also printed to A4 PDF
   (:mod:`mkba.faces.pdf`, headless Chromium), listed in the index and the manifest;
5. rename the folder to ``reports/<case>/<run>/`` in one step.

A failure renames the working folder to ``<run>-mislukt`` (the executed notebook kept for
diagnosis), leaves every earlier run untouched, and raises :class:`ReportError`. An
interruption (Ctrl-C, SIGTERM) removes the working folder. A run killed outright (``kill -9``)
leaves only the hidden ``.bezig-<run>`` folder (and its owner file ``.bezig-<run>.eigenaar``:
host, pid, process start time), which never looks like a finished run; the next report into
the same folder removes it once that process is gone (:func:`sweep_abandoned`).

Concurrent runs of the same case into the same ``--out`` never collide: each reserves its run
folder by creating ``.bezig-<run>`` atomically (``mkdir`` fails if it exists) and takes the
next free suffix (``-2``, ``-3``, ...) otherwise; the final rename never replaces a folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import html
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mkba.core.bundled import notebooks_dir
from mkba.core.case import Case
from mkba.core.errors import MkbaError, UsageError
from mkba.data_in.cases import load_case
from mkba.faces import text_nl
from mkba.faces.formatting import nl_number

NOTEBOOKS = notebooks_dir()  # checkout: notebooks/; installed wheel: mkba/resources/notebooks/
TEMPLATES = Path(__file__).resolve().parent.parent / "resources" / "templates"
REPORT_NOTEBOOK = "mkba_report.ipynb"
COMPARISON_NOTEBOOK = "scenario_comparison.ipynb"


class ReportError(MkbaError):
    """A report could not be built; earlier reports are untouched. The CLI exits with 1."""

    exit_status = 1


@dataclass(frozen=True)
class Job:
    """One notebook to execute: template, output stem, parameters, title for the index."""

    notebook: str
    stem: str
    parameters: dict
    title: str


def plan_notebooks(case: Case, case_path: Path, scenario: str | None, all_options: bool, draws: int, seed: int,
                   sobol_n: int, workers: int = 1, whatif: dict | None = None) -> list[Job]:
    """The notebooks a report consists of, with their parameters (validated)."""
    from mkba.analysis.sensitivity.sobol import check_power_of_two

    if scenario and all_options:
        raise UsageError("give either --scenario or --all, not both", "report.both_scenario_all")
    if scenario and scenario not in case.scenarios:
        raise UsageError(f"unknown scenario '{scenario}' in case '{case.id}'; choose one of: baseline, {', '.join(case.scenarios)}",
                         "scenario.unknown", scenario=scenario, case=case.id, known=", ".join(["baseline", *case.scenarios]))
    if draws < 100:
        raise UsageError(f"a report needs at least 100 draws (got {draws}); use e.g. --draws 10000", "report.min_draws",
                         draws=draws)
    if seed < 0:
        raise UsageError(f"seed must be ≥ 0 (got {seed})", "report.seed", seed=seed)
    check_power_of_two(sobol_n, "--sobol-n")
    from mkba.core.engine import check_workers

    workers = check_workers(workers)
    options = [None, *case.scenarios] if all_options else [scenario]
    jobs = []
    for option in options:
        stem = f"rapport-{option or 'basis'}"
        jobs.append(Job(REPORT_NOTEBOOK, stem, {"case_path": str(case_path), "scenario": option or "", "draws": draws,
                                                "seed": seed, "sobol_n": sobol_n, "workers": workers, **(whatif or {})},
                        text_nl.option_label(case, option)))
    if case.scenarios and not scenario:
        jobs.append(Job(COMPARISON_NOTEBOOK, "scenariovergelijking",
                        {"case_path": str(case_path), "draws": draws, "seed": seed, "workers": workers, **(whatif or {})},
                        text_nl.INDEX_COMPARISON))
    return jobs


def check_notebook_parameters(jobs: list[Job]) -> None:
    """Every parameter we pass must be declared in the notebook's ``parameters`` cell."""
    import papermill

    for job in jobs:
        path = NOTEBOOKS / job.notebook
        if not path.exists():
            raise ReportError(f"notebook {path} is missing", "report.notebook_missing", path=str(path))
        declared = set(papermill.inspect_notebook(str(path)))
        unknown = set(job.parameters) - declared
        if unknown:
            raise ReportError(f"{path}: the parameters cell does not declare {', '.join(sorted(unknown))}")


class _Stopped(Exception):
    """A kernel was asked to start after the run was stopped."""


def _kernel_manager_class(ipc_dir: str, started: list | None = None, stopping=None):
    """Kernels talk to us over local IPC sockets, not TCP (no open ports, no warning).

    ``started`` collects the provisioner of every kernel launched (so a stopped run can end its
    kernels at once); while ``stopping`` (a ``threading.Event``) is set no kernel starts."""
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum, default

    class IPCKernelManager(AsyncKernelManager):
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

        @default("ip")
        def _ip_default(self) -> str:
            # one socket path per kernel: two reports running at once must not share
            # jupyter's default "kernel-ipc-N" in the notebooks folder (they did: "Invalid Signature")
            return os.path.join(ipc_dir, f"kernel-{uuid.uuid4().hex[:12]}")

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            # the kernel's own log lines (e.g. "Parent appears to have exited" after Ctrl-C) are
            # not for the user; cell errors still reach the notebook over the kernel protocol
            if stopping is not None and stopping.is_set():
                raise _Stopped("the report was stopped")
            kw.setdefault("stderr", subprocess.DEVNULL)
            connection = await super()._async_launch_kernel(kernel_cmd, **kw)
            if started is not None:
                started.append(self.provisioner)
            return connection

    return IPCKernelManager


def _run_id(scenario: str | None, all_options: bool, draws: int, seed: int) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    what = "alle" if all_options else (scenario or "basis")
    return f"{stamp}-{what}-n{draws}-s{seed}"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def html_exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="mkba_report", extra_template_basedirs=[str(TEMPLATES)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    if exporter.has_trait("language_code"):
        exporter.language_code = "nl"  # <html lang="nl">: screen readers read the report in Dutch
    return exporter


def _index_html(case: Case, run_id: str, jobs: list[Job], headline: list[str], manifest: dict) -> str:
    """The run's front page: the headline (the comparison's, then the baseline's), the brief and
    the reports (and their PDFs), then — at the end — the data files and provenance."""
    esc = html.escape
    pdfs = set(manifest.get("pdf", []))
    files_made = set(manifest.get("files", {}))
    brief = ""
    if "samenvatting.html" in files_made:  # the council brief: the first link (DESIGN §14)
        brief = (f'<li><strong><a href="samenvatting.html">{esc(text_nl.BRIEF_INDEX_LINK)}</a></strong>'
                 + (f' — <a href="samenvatting.pdf">{text_nl.INDEX_PDF}</a>' if "samenvatting.pdf" in pdfs else "")
                 + (f' — <a href="samenvatting.docx">{text_nl.BRIEF_DOCX}</a>' if "samenvatting.docx" in files_made else "")
                 + "</li>\n")
    links = brief + "\n".join(
        f'<li><a href="{esc(j.stem)}.html">{esc(j.title)}</a>'
        + (f' — <a href="{esc(j.stem)}.pdf">{text_nl.INDEX_PDF}</a>' if f"{j.stem}.pdf" in pdfs else "") + "</li>"
        for j in jobs)
    lines = "\n".join(f"<p><strong>{esc(line)}</strong></p>" for line in headline)
    optimism = text_nl.optimism_sentence(case.optimism_costs, case.optimism_benefits)
    lines += f"\n<p><em>{esc(optimism)}</em></p>" if optimism else ""
    files = "\n".join(f'<li><a href="{esc(name)}">{esc(name)}</a></li>'
                      for name in sorted(manifest["files"]) if not name.endswith((".html", ".pdf", ".docx")))
    provenance = text_nl.INDEX_PROVENANCE.format(
        run=f"<code>{esc(run_id)}</code>", draws=nl_number(manifest["draws"], 0), seed=manifest["seed"],
        file=f"<code>{esc(manifest['case_file'])}</code>", sha=f"<code>{manifest['case_sha256'][:16]}…</code>",
        version=esc(manifest["versions"]["mkba"]), time=esc(manifest["finished"]))
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>MKBA {esc(case.title)}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;line-height:1.5}}
code{{background:#f3f3f3;padding:0 .2rem}} .herkomst{{color:#555;font-size:.9rem}}</style></head>
<body>
<h1>MKBA {esc(case.title)}</h1>
{lines}
<h2>{text_nl.INDEX_REPORTS}</h2>
<ul>
{links}
</ul>
<h2>{text_nl.PROVENANCE_TITLE}</h2>
<div class="herkomst">
<p>{provenance}</p>
<p>{text_nl.INDEX_FILES}</p>
<ul>
{files}
</ul>
</div>
</body></html>
"""


def build_report(case_path: str | Path, scenario: str | None = None, all_options: bool = False, draws: int = 10_000,
                 seed: int = 1, out: str | Path = "reports", sobol_n: int = 2048,
                 on_notebook: Callable[[int, int, str], None] | None = None, progress_bar: bool = False,
                 workers: int = 1, pdf: bool = False, notebooks_at_once: int | None = None, docx: bool = False,
                 set_values: dict[str, float] | None = None, discount_rate: float | None = None) -> Path:
    """Build a report; return the run folder ``<out>/<case-id>/<run-id>``.

    Parameters
    ----------
    case_path : path
        The case file.
    scenario : str, optional
        Report on one scenario instead of the baseline.
    all_options : bool
        A report for the baseline and every scenario, plus the comparison.
    draws, seed : int
        Monte Carlo draws and seed (the same numbers as ``mkba run`` with these).
    out : path
        Folder for reports (default ``reports/``).
    sobol_n : int
        Base samples for the Sobol' indices (a power of two).
    on_notebook : callable, optional
        Called as ``on_notebook(index, total, title)`` before each notebook runs.
    progress_bar : bool
        Show papermill's per-cell progress bar.
    workers : int
        Local processes for the draws and the Sobol' bootstrap, in every notebook (the
        notebooks' ``workers`` parameter); no number changes.
    pdf : bool
        Also print every report page to A4 PDF (headless Chromium); checked before anything runs.
    notebooks_at_once : int, optional
        Notebooks executed side by side, each in its own kernel process (default: one per core,
        at most 4); the pages do not depend on it.
    docx : bool
        Also write the council brief as ``samenvatting.docx`` (the same sentences as the HTML).
    set_values, discount_rate : optional
        ``--set`` / ``--discontovoet`` (DESIGN §15): passed to every notebook as its ``zet`` and
        ``discontovoet`` parameters, which apply them with
        :func:`mkba.analysis.whatif.with_overrides`; recorded in the manifest and the provenance.

    Raises
    ------
    CaseError, UsageError, PdfError
        Before anything runs, for bad input (or ``pdf=True`` without Chromium or Playwright).
    ReportError
        When a notebook fails; the run folder is kept as ``<run-id>-mislukt``.
    """
    from mkba.core.io import to_json, write_text_atomic
    from mkba.core.results import simulate_many
    from mkba.faces import report_data

    case_path = Path(case_path).resolve()
    from mkba.analysis.whatif import with_overrides
    from mkba.core.case import override_record

    case = with_overrides(load_case(case_path), set=set_values, discount_rate=discount_rate)  # validates
    whatif = {}
    if set_values:
        whatif["zet"] = {k: float(v) for k, v in set_values.items()}
    if discount_rate is not None:
        whatif["discontovoet"] = float(discount_rate)
    jobs = plan_notebooks(case, case_path, scenario, all_options, draws, seed, sobol_n, workers, whatif)
    check_notebook_parameters(jobs)
    chromium = None
    if pdf:
        from mkba.faces import pdf as pdf_module

        chromium = pdf_module.check()  # before anything runs: no half-made report for want of Chromium

    if notebooks_at_once is None:
        notebooks_at_once = min(os.cpu_count() or 1, 4)
    with run_folder(case_dir(Path(out), case.id), _run_id(scenario, all_options, draws, seed)) as folder:
        work = folder.work
        # side by side, each notebook in its own kernel; papermill's per-cell bar only when one at a time
        folder.execute_all(jobs, notebooks_at_once, progress_bar and notebooks_at_once <= 1, on_notebook)
        # the council brief (DESIGN §14): every option (or the one asked for) on two pages
        from mkba.faces import brief as brief_module

        brief = brief_module.make(case, draws=draws, seed=seed, scenario=None if all_options else scenario,
                                  workers=workers)
        versions = report_data.versions()
        brief_module.write(brief, work, docx=docx, provenance_info=brief_module.provenance(
            case, seed, versions["mkba"], datetime.now(timezone.utc).isoformat(timespec="seconds")))
        pdfs = []
        if pdf:
            pages = [("samenvatting", text_nl.BRIEF_TITLE), *((j.stem, j.title) for j in jobs)]
            pdfs = [p.name for p in pdf_module.print_pdfs(
                [(work / f"{stem}.html", work / f"{stem}.pdf") for stem, _ in pages], case.title, chromium)]
        main_option = scenario if not all_options else None
        options = [main_option, *(case.scenarios if all_options else ())]
        results = simulate_many(case, options, draws=draws, seed=seed, workers=workers)
        main_result = results[main_option or "baseline"]
        write_text_atomic(work / "summary.json", to_json(main_result.summary()) + "\n")
        main_result.to_frame().to_parquet(work / "draws.parquet", index=False)
        for sid, res in results.items():
            if sid != (main_option or "baseline"):
                write_text_atomic(work / f"summary-{sid}.json", to_json(res.summary()) + "\n")
        first = brief_module.headline(brief)  # the comparison's headline, then the baseline's
        board = [line for line in report_data.board_summary(main_result) if line not in first]
        # after the cuts' headline the baseline's sentences need saying whose they are (index.html)
        lead = [text_nl.INDEX_BASELINE_LEAD] if first and board and main_option is None else []
        headline = first + lead + board
        folder.check_unchanged([(case_path, case.sha256)])
        manifest = {
            "run_id": folder.final.name, "case_id": case.id, "case_file": str(case_path), "case_sha256": case.sha256,
            "scenario": "alle" if all_options else (scenario or "baseline"),
            "options": ["baseline", *case.scenarios] if all_options else [scenario or "baseline"],
            "draws": draws, "seed": seed, "sobol_n": sobol_n, **folder.times(), "versions": versions,
            "notebooks": [{"notebook": j.notebook, "output": f"{j.stem}.html", "parameters": j.parameters} for j in jobs],
            "pdf": pdfs,
            **override_record(case),  # "set" only when --set was used (DESIGN §15)
        }
        return folder.finish(manifest, lambda m: _index_html(case, folder.final.name, jobs, headline, m))


class RunFolder:
    """A report's run folder from its reservation to the final rename (``mkba report`` and
    ``mkba vergelijk`` alike); made by :func:`run_folder`, which also handles every way a run
    can end.

    Attributes
    ----------
    final : Path
        The reserved name of the finished run (``<parent>/<run-id>``).
    work : Path
        The hidden working folder (``<parent>/.bezig-<run-id>``) everything is written into.
    """

    def __init__(self, parent: Path, run_id: str, ipc_dir: str):
        import threading

        self.parent = parent
        self.final, self.work = _reserve(parent, run_id)
        self.current: Job | None = None  # the notebook that failed (named in the error)
        self._kernels: list = []  # provisioners of the kernels started, to end them when stopped
        self._stopping = threading.Event()
        self._kernel_manager_class = _kernel_manager_class(ipc_dir, self._kernels, self._stopping)
        self._started = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self._t0 = time.perf_counter()

    def execute(self, job: Job, exporter=None, progress_bar: bool = False) -> Path:
        """Run ``job``'s notebook with papermill into the working folder and write its HTML page
        (code hidden); return the page. Safe to call from several threads at once (each job
        gets its own kernel and files; ``exporter`` must then be one per thread)."""
        import papermill

        from mkba.core.io import write_text_atomic

        exporter = exporter or html_exporter()
        executed = self.work / f"{job.stem}.ipynb"
        try:
            papermill.execute_notebook(str(NOTEBOOKS / job.notebook), str(executed), parameters=job.parameters,
                                       kernel_name="python3", progress_bar=progress_bar, cwd=str(NOTEBOOKS),
                                       log_output=False, report_mode=True,
                                       kernel_manager_class=self._kernel_manager_class)
        except BaseException:
            if self.current is None:
                self.current = job
            raise
        import nbformat

        notebook = nbformat.read(str(executed), as_version=4)
        notebook.metadata["title"] = job.title  # the page's <title> is the option's label, never its id
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": job.stem},
                                                                   "toc_title": text_nl.TOC_TITLE})
        page = self.work / f"{job.stem}.html"
        write_text_atomic(page, body)
        return page

    def execute_all(self, jobs: list[Job], at_once: int = 1, progress_bar: bool = False,
                    on_notebook: Callable[[int, int, str], None] | None = None) -> None:
        """Execute every job, ``at_once`` notebooks side by side (each in its own kernel
        process; the pages are the same as one by one). The first failure stops the rest: their
        kernels are ended, the running notebooks waited for, and the failure raised; so is an
        interruption."""
        if at_once <= 1 or len(jobs) <= 1:
            exporter = html_exporter()
            for index, job in enumerate(jobs, start=1):
                if on_notebook is not None:
                    on_notebook(index, len(jobs), job.title)
                self.execute(job, exporter, progress_bar)
            return
        import itertools
        from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

        counter = itertools.count(1)  # numbers the notebooks as they start

        def one(job: Job) -> None:
            if self._stopping.is_set():
                return
            if on_notebook is not None:
                on_notebook(next(counter), len(jobs), job.title)
            self.execute(job)

        # the longest notebook (the comparison: every option, EVPPI) starts first, so it does
        # not run alone at the end
        order = sorted(range(len(jobs)), key=lambda i: jobs[i].notebook != COMPARISON_NOTEBOOK)
        pool = ThreadPoolExecutor(max_workers=at_once, thread_name_prefix="mkba-notebook")
        futures = [None] * len(jobs)
        try:
            for i in order:
                futures[i] = pool.submit(one, jobs[i])
            wait(futures, return_when=FIRST_EXCEPTION)
            for job, future in zip(jobs, futures, strict=True):  # in job order: the first failure is reported
                if future.done() and future.exception() is not None:
                    self.current = job
                    raise future.exception()
        except BaseException:
            self.stop()
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def stop(self) -> None:
        """No new kernel starts, and the running ones are ended (their notebooks then fail fast;
        nbclient's log lines about the kernels we ended are not for the user)."""
        import logging

        self._stopping.set()
        for name in ("traitlets", "papermill", "nbclient"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        for provisioner in list(self._kernels):
            process = getattr(provisioner, "process", None)
            try:
                if process is not None and process.poll() is None:
                    process.kill()
            except OSError:
                pass

    def check_unchanged(self, files: list[tuple[Path, str]]) -> None:
        """Refuse to finish when a case file changed while the run was being made."""
        for path, sha in files:
            if _sha256(path) != sha:
                raise ReportError(f"{path} changed while the report was being made; run again", "report.case_changed",
                                  path=str(path))

    def times(self) -> dict:
        """``started``, ``finished`` and ``seconds`` for the manifest."""
        return {"started": self._started, "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "seconds": round(time.perf_counter() - self._t0, 1)}

    def finish(self, manifest: dict, index_html: Callable[[dict], str]) -> Path:
        """Hash every file into ``manifest["files"]``, write ``index.html`` (``index_html(manifest)``)
        and ``manifest.json``, and rename the working folder to its final name in one step."""
        from mkba.core.io import write_bytes_atomic, write_text_atomic

        manifest["files"] = {path.name: _sha256(path) for path in sorted(self.work.iterdir())}
        write_text_atomic(self.work / "index.html", index_html(manifest))
        write_bytes_atomic(self.work / "manifest.json",
                           json.dumps(manifest, ensure_ascii=False, indent=2).encode() + b"\n")
        os.rename(self.work, self.final)  # never replaces: `final` was reserved, and rename onto a non-empty folder fails
        _owner_file(self.work).unlink(missing_ok=True)
        return self.final


@contextlib.contextmanager
def run_folder(parent: Path, run_id: str) -> Iterator[RunFolder]:
    """Reserve a run folder in ``parent`` and see the run through, however it ends.

    * an interruption (Ctrl-C, SIGTERM) removes the working folder and re-raises;
    * any other failure renames it to ``<run-id>-mislukt`` (the executed notebooks kept for
      diagnosis) and raises :class:`ReportError` (an :class:`MkbaError` passes unchanged);
    * earlier runs are never touched; the kernels' socket folder is always removed.
    """
    from papermill.exceptions import PapermillExecutionError

    sweep_abandoned(parent)  # working folders of earlier runs that were killed outright
    ipc_dir = tempfile.mkdtemp(prefix="mkba-kernels-")  # the kernels' sockets; removed however the run ends
    try:
        folder = RunFolder(parent, run_id, ipc_dir)
        try:
            yield folder
        except KeyboardInterrupt:
            shutil.rmtree(folder.work, ignore_errors=True)
            _owner_file(folder.work).unlink(missing_ok=True)
            raise
        except BaseException as exc:
            failed = parent / f"{folder.final.name}-mislukt"
            if folder.work.exists():
                os.rename(folder.work, failed)
            _owner_file(folder.work).unlink(missing_ok=True)
            current = folder.current
            if isinstance(exc, PapermillExecutionError):
                where = f" in {failed / (current.stem + '.ipynb')}" if current else ""
                raise ReportError(f"notebook '{current.notebook if current else '?'}' failed: {exc.ename}: {exc.evalue}"
                                  f"; the executed notebook is kept{where} for diagnosis; earlier reports are untouched",
                                  "report.notebook_failed", notebook=current.notebook if current else "?",
                                  error=f"{exc.ename}: {exc.evalue}", kept=str(failed)) from None
            if isinstance(exc, MkbaError):
                raise
            raise ReportError(f"report failed: {type(exc).__name__}: {exc}; partial output kept in {failed}; "
                              "earlier reports are untouched", "report.failed", error=f"{type(exc).__name__}: {exc}",
                              kept=str(failed)) from None
    finally:
        shutil.rmtree(ipc_dir, ignore_errors=True)


def case_dir(out: Path, case_id: str) -> Path:
    """``OUT/<case>``, created; a clear error when OUT is a file or cannot be written."""
    out = out.resolve()
    for folder in (out, out / case_id):
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--out {folder} is a file, not a folder", "cli.out_is_file", path=str(folder))
    try:
        (out / case_id).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot create or write ({exc.strerror})", "cli.out_unusable",
                         path=str(out), reason=errno.errorcode.get(exc.errno or -1, exc.strerror or str(exc))) from None
    if not os.access(out / case_id, os.W_OK):
        raise UsageError(f"--out {out}: not writable", "cli.out_unusable", path=str(out), reason="geen schrijfrechten")
    return out / case_id


def _reserve(case_dir: Path, run_id: str, attempts: int = 1000) -> tuple[Path, Path]:
    """Reserve a free run folder name: ``(final, work)`` with ``work`` created.

    ``mkdir`` is atomic, so of two runs started in the same second exactly one gets each name;
    after reserving, the final name is checked again (a run that just finished renamed its own
    ``.bezig-`` folder to it) and the next suffix is tried.
    """
    for n in range(1, attempts + 1):
        name = run_id if n == 1 else f"{run_id}-{n}"
        final, work = case_dir / name, case_dir / f".bezig-{name}"
        if final.exists() or (case_dir / f"{name}-mislukt").exists():
            continue
        try:
            work.mkdir()
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EROFS):
                raise UsageError(f"--out {case_dir}: not writable", "cli.out_unusable", path=str(case_dir),
                                 reason=errno.errorcode.get(exc.errno or -1, exc.strerror or str(exc))) from None
            raise
        if final.exists() or (case_dir / f"{name}-mislukt").exists():
            work.rmdir()
            continue
        _owner_file(work).write_text(json.dumps(_this_process()), encoding="utf-8")
        return final, work
    raise ReportError(f"no free run folder in {case_dir}", "report.busy", folder=str(case_dir))


def _owner_file(work: Path) -> Path:
    """``.bezig-<run>.eigenaar`` beside the working folder: which process made it (host, pid and
    the process's start time, so a reused pid is not mistaken for the owner)."""
    return work.with_name(work.name + ".eigenaar")


def _start_time(pid: int) -> str | None:
    """The kernel's start time of process ``pid`` (Linux ``/proc``), or None when unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def _this_process() -> dict:
    import socket

    return {"host": socket.gethostname(), "pid": os.getpid(), "start": _start_time(os.getpid())}


def _owner_alive(owner: dict) -> bool:
    """Whether the process that wrote ``owner`` still runs on this machine (True when it cannot
    be told: another host, or no ``/proc``)."""
    import socket

    if owner.get("host") != socket.gethostname() or not isinstance(owner.get("pid"), int):
        return True
    try:
        os.kill(owner["pid"], 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    start = _start_time(owner["pid"])
    return start is None or owner.get("start") is None or start == owner["start"]


def sweep_abandoned(case_dir: Path) -> list[str]:
    """Remove the hidden working folders of runs killed outright (``kill -9``, a crash): those
    whose owner file names a process of this machine that no longer runs. Runs in progress,
    runs of other machines and folders without an owner file are left alone. Returns the names
    removed."""
    removed = []
    for owner_file in sorted(case_dir.glob(".bezig-*.eigenaar")):
        try:
            owner = json.loads(owner_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(owner, dict) or _owner_alive(owner):
            continue
        work = owner_file.with_name(owner_file.name.removesuffix(".eigenaar"))
        shutil.rmtree(work, ignore_errors=True)
        owner_file.unlink(missing_ok=True)
        removed.append(work.name)
    return removed


def main_progress(console) -> Callable[[int, int, str], None]:
    """A simple per-notebook progress line for the CLI."""
    def report(index: int, total: int, title: str) -> None:
        console.print(f"[{index}/{total}] {title} …")
    return report


__all__ = ["Job", "ReportError", "RunFolder", "build_report", "case_dir", "check_notebook_parameters", "html_exporter",
           "plan_notebooks", "run_folder"]

