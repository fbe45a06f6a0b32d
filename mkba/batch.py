"""``mkba batch``: many cases × scenarios on a ``dask.distributed`` cluster (DESIGN §8).

Structure: **plan → map → reduce**.

- :func:`plan` (on the client) reads every case file's *text*, validates it, and turns the
  requested options into :class:`Task` objects — small, frozen, picklable, and carrying the
  case text itself, so workers need no shared file system.
- :func:`run_task` is the unit of work: a pure function from a :class:`Task` to a
  :class:`RunOutput` (the ``mkba run --json`` object) or a :class:`Failure`. It touches no files,
  no globals and no open handles. :func:`execute` maps it over a Dask client.
- :func:`write_outputs` (on the client) writes ``<out>/<case-id>/<scenario>.json`` byte for
  byte what ``mkba run CASE --scenario ID --draws N --seed S --json`` prints,
  ``<out>/batch.parquet`` (one row per run: headline metrics) and, when anything failed,
  ``<out>/fouten.json`` — every file atomically.

Today the unit of work is one whole (case, scenario) run through :func:`mkba.simulate`. When the
engine's chunk API lands (``make_plan`` / ``run_chunk``), :func:`run_task` is the one place to
change; large draw counts can then be split into chunk tasks mapped the same way.

This module returns data and codes; the Dutch wording of failures comes from the caller
(:mod:`mkba.faces.text_nl` via the CLI), as ``describe``.
"""

from __future__ import annotations

import io
import logging
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mkba.core.errors import CaseError, MkbaError, Problem

ALL = "all"
BASELINE = "baseline"
HEADLINE_METRICS = ("npv", "bcr", "pv_costs", "pv_benefits")
HEADLINE_STATS = ("mean", "p05", "p50", "p95", "mcse")

# Failure codes (the CLI words them in Dutch)
LOAD = "load"            # the case file could not be read or is invalid
SCENARIO = "scenario"    # the requested scenario is not in this case
DUPLICATE = "duplicate"  # two case files share one case id
RUN = "run"              # the run itself raised
LOST = "lost"            # the cluster lost the task (worker died, connection closed)


@dataclass(frozen=True)
class CaseText:
    """A case file as plain data: the name it was given by (used in messages), its folder
    (for files a case may refer to) and its full text."""

    name: str
    directory: str
    text: str


@dataclass(frozen=True)
class Task:
    """One (case, scenario) run, as plain picklable inputs."""

    case: CaseText
    scenario: str
    draws: int
    seed: int
    design: str


@dataclass(frozen=True)
class RunOutput:
    """The result of one task: the ``mkba run --json`` object."""

    case_name: str
    case_id: str
    scenario: str
    summary: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Failure:
    """A case (or one of its scenarios) that could not be run: a code and the underlying
    message (already located, e.g. ``x.yaml:12 parameters.p: ...``)."""

    case_name: str
    code: str
    detail: str
    scenario: str | None = None
    extra: tuple[tuple[str, str], ...] = ()
    problems: tuple[Problem, ...] = ()              # a CaseError's located problems (codes + params)
    error_code: str = ""                           # an MkbaError's code and params, for wording
    error_params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, case_name: str, code: str, exc: MkbaError, scenario: str | None = None) -> Failure:
        """A failure from an mkba error, keeping what the faces need to word it."""
        problems = tuple(exc.problems) if isinstance(exc, CaseError) else ()
        return cls(case_name, code, "\n".join(p.plain() for p in problems) if problems else str(exc),
                   scenario=scenario, problems=problems, error_code=getattr(exc, "code", "") or "",
                   error_params=tuple(getattr(exc, "params", {}).items()))


@dataclass(frozen=True)
class Written:
    """What :func:`write_outputs` wrote: one entry per run, and the failures with their message."""

    runs: tuple[dict[str, str], ...]
    failed: tuple[dict[str, Any], ...]

    def to_json_object(self) -> dict[str, Any]:
        """The ``mkba batch --json`` object (DESIGN §8)."""
        return {"runs": list(self.runs), "failed": list(self.failed)}


def read_case(path: str | Path) -> CaseText:
    """A case file as plain data (workers may not share the file system). Exact bytes, so the
    case's SHA-256 matches :func:`mkba.load_case`'s. Raises :class:`CaseError` as ``load_case``
    does for a missing, unreadable or invalid file."""
    from mkba.data_in.cases import load_case

    path = Path(path)
    load_case(path)  # every file check and validation in one place
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):  # changed since it was validated: validate again
        load_case(path)
        raise
    return CaseText(str(path), str(path.resolve().parent), text)


def _load(case: CaseText):
    from mkba.data_in.cases import load_case_text

    return load_case_text(case.text, case.name)


def plan(paths: Sequence[str | Path], scenario: str = BASELINE, draws: int = 10_000, seed: int = 1,
         design: str = "mc") -> tuple[list[Task], list[Failure]]:
    """Validate every case and list the runs: ``scenario`` is an id, ``"baseline"`` or ``"all"``.

    A case that does not load, lacks the scenario, or repeats another case's id becomes a
    :class:`Failure`; the others are planned as usual.
    """
    from mkba.core.errors import UsageError
    from mkba.core.sampling import DESIGNS

    if design not in DESIGNS:
        raise UsageError(f"unknown design '{design}'; choose one of: {', '.join(DESIGNS)}", "cli.unknown_design",
                         design=design, known=", ".join(DESIGNS))
    tasks: list[Task] = []
    failures: list[Failure] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            source = read_case(path)
            case = _load(source)
        except MkbaError as exc:
            failures.append(Failure.of(str(path), LOAD, exc))
            continue
        if case.id in seen:
            failures.append(Failure(source.name, DUPLICATE, case.id, extra=(("eerder", seen[case.id]),)))
            continue
        seen[case.id] = source.name
        if scenario == ALL:
            options = [BASELINE, *case.scenarios]
        elif scenario == BASELINE or scenario in case.scenarios:
            options = [scenario]
        else:
            failures.append(Failure(source.name, SCENARIO, case.id, scenario=scenario,
                                    extra=(("bekend", ", ".join([BASELINE, *case.scenarios])),)))
            continue
        tasks += [Task(source, option, draws, seed, design) for option in options]
    return tasks, failures


def run_task(task: Task) -> RunOutput | Failure:
    """The unit of work: one (case, scenario) run from plain inputs. Pure and picklable.

    This is the one place to change when the engine's ``make_plan`` / ``run_chunk`` land.
    """
    import mkba

    try:
        case = _load(task.case)
        result = mkba.simulate(case, draws=task.draws, seed=task.seed, scenario=task.scenario,
                               design=task.design)
        summary = result.summary()  # the per-draw store is freed with `result` when this returns
    except CaseError as exc:
        return Failure.of(task.case.name, LOAD, exc, scenario=task.scenario)
    except MkbaError as exc:
        return Failure.of(task.case.name, RUN, exc, scenario=task.scenario)
    except Exception as exc:  # noqa: BLE001 - reported per run, the batch goes on
        return Failure(task.case.name, RUN, f"{type(exc).__name__}: {exc}", scenario=task.scenario)
    return RunOutput(task.case.name, case.id, task.scenario, summary)


def execute(tasks: Sequence[Task], client, progress: Callable[[int], None] | None = None
            ) -> list[RunOutput | Failure]:
    """Map :func:`run_task` over a ``dask.distributed`` client; results in task order."""
    from distributed import as_completed

    if not tasks:
        return []
    tag = uuid.uuid4().hex[:8]
    keys = [f"mkba-batch-{tag}-{i}" for i in range(len(tasks))]
    futures = client.map(run_task, list(tasks), key=keys, pure=False)
    index = {f.key: i for i, f in enumerate(futures)}
    out: list[RunOutput | Failure | None] = [None] * len(tasks)
    try:
        for future in as_completed(futures):
            i = index[future.key]
            try:
                out[i] = future.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker fails that run only
                out[i] = Failure(tasks[i].case.name, LOST, f"{type(exc).__name__}: {exc}",
                                 scenario=tasks[i].scenario)
            if progress is not None:
                progress(1)
    finally:
        for future in futures:
            future.release()
    return out  # type: ignore[return-value]


def headline_row(run: RunOutput, file: str) -> dict[str, Any]:
    """One ``batch.parquet`` row: identifiers and the headline metrics of a run."""
    s = run.summary
    m = s["metrics"]
    row: dict[str, Any] = {"case": run.case_id, "scenario": run.scenario, "file": file,
                           "case_file": run.case_name, "draws": s["draws"], "seed": s["seed"],
                           "design": s["design"]}
    for name in HEADLINE_METRICS:
        for stat in HEADLINE_STATS:
            value = m[name][stat] if isinstance(m[name], dict) else None
            row[f"{name}_{stat}"] = value
    row["bcr_of_means"] = m["bcr_of_means"]
    row["bcr_of_means_mcse"] = m.get("bcr_of_means_mcse")
    row["prob_npv_positive"] = m["prob_npv_positive"]
    return row


def write_outputs(out: str | Path, results: Sequence[RunOutput | Failure], failures: Sequence[Failure],
                  describe: Callable[[Failure], str]) -> Written:
    """Reduce: write every run's JSON, then ``fouten.json`` (or remove a stale one), then
    ``batch.parquet`` last. ``describe`` words a failure for users."""
    import pandas as pd

    from mkba.core.io import to_json, write_bytes_atomic, write_text_atomic

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    runs, rows = [], []
    all_failures = list(failures)
    for item in results:
        if isinstance(item, Failure):
            all_failures.append(item)
            continue
        path = out / item.case_id / f"{item.scenario}.json"
        write_text_atomic(path, to_json(item.summary) + "\n")  # exactly what `mkba run --json` prints
        runs.append({"case": item.case_id, "scenario": item.scenario, "file": str(path)})
        rows.append(headline_row(item, str(path.relative_to(out))))
    failed = [{"case": f.case_name, "scenario": f.scenario, "message": describe(f)} for f in all_failures]
    errors = out / "fouten.json"
    if failed:
        write_text_atomic(errors, to_json({"failed": failed}) + "\n")
    else:
        errors.unlink(missing_ok=True)  # a stale list from an earlier batch would mislead
    frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=["case", "scenario", "file"])
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    write_bytes_atomic(out / "batch.parquet", buffer.getvalue())
    return Written(tuple(runs), tuple(failed))


def default_out(root: str | Path = "reports") -> Path:
    """``reports/batch/<UTC timestamp>/`` (a new folder per batch, never mixing two batches)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    base = Path(root) / "batch" / stamp
    folder, n = base, 2
    while folder.exists():
        folder = base.with_name(f"{stamp}-{n}")
        n += 1
    return folder


@contextmanager
def open_client(scheduler: str | None = None, workers: int | None = None,
                timeout: float = 20.0) -> Iterator[Any]:
    """A ``dask.distributed`` client: connected to ``scheduler`` when given, else to a new
    ``LocalCluster`` of ``workers`` processes (one thread each) on 127.0.0.1, dashboard off.

    Raises :class:`ConnectError` when the scheduler cannot be reached.
    """
    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConnectError(scheduler, f"{type(exc).__name__}: {exc}") from None
        try:
            yield client
        finally:
            client.close()
        return
    n = workers or os.cpu_count() or 1
    # dashboard off; the scheduler's small HTTP server (health, metrics) that dask starts anyway
    # goes to a free port on 127.0.0.1 instead of the fixed :8787
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, worker_dashboard_address=None,
                           scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                           silence_logs=logging.ERROR)
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


class ConnectError(MkbaError):
    """The scheduler at ``address`` could not be reached (``reason`` says why)."""

    def __init__(self, address: str, reason: str):
        self.address = address
        self.reason = reason
        super().__init__(f"{address}: {reason}")


def run_batch(paths: Sequence[str | Path], out: str | Path, describe: Callable[[Failure], str],
              scenario: str = BASELINE, draws: int = 10_000, seed: int = 1, design: str = "mc",
              scheduler: str | None = None, workers: int | None = None,
              progress: Callable[[int], None] | None = None,
              on_plan: Callable[[int], None] | None = None) -> Written:
    """Plan, map over the cluster, reduce. ``on_plan(n_tasks)`` is called before the map."""
    tasks, failures = plan(paths, scenario, draws, seed, design)
    if on_plan is not None:
        on_plan(len(tasks))
    results: list[RunOutput | Failure] = []
    if tasks:
        with open_client(scheduler, workers) as client:
            results = execute(tasks, client, progress)
    return write_outputs(out, results, failures, describe)


__all__ = ["ALL", "BASELINE", "CaseText", "ConnectError", "Failure", "RunOutput", "Task", "Written",
           "default_out", "execute", "headline_row", "open_client", "plan", "read_case", "run_batch",
           "run_task", "write_outputs"]
