"""``mkba batch``: many cases × scenarios on a ``dask.distributed`` cluster (DESIGN §8).

Structure: **plan → chunk → reduce**, exactly as :func:`mkba.simulate` runs locally.

- :func:`plan` (on the client) loads and validates every case file (``include:`` and draws
  files resolved there, as :func:`mkba.load_case` does) and turns each requested (case,
  scenario) into a :class:`Task` holding the engine's :class:`~mkba.core.engine.RunPlan` — small,
  frozen and picklable, with every value a run needs (draws-file columns included), so workers
  need no shared file system and no copy of the case files.
- :func:`execute` scatters each plan to the cluster once and maps the engine's pure chunk
  function :func:`~mkba.core.engine.run_chunk` over every ``[start, stop)`` of every plan, so
  one large run spreads over all workers as well as many small ones.
- The reduce runs on the client: each block is stored the moment it arrives
  (:class:`~mkba.core.results.Collector`, memory or column files), and a run is summarised
  when its last block is in — the same code path as ``mkba run``, hence byte-equal JSON.
  :func:`write_outputs` then writes ``<out>/<case-id>/<scenario>.json``, ``<out>/batch.parquet``
  (one row per run: headline metrics) and, when anything failed, ``<out>/fouten.json`` — every
  file atomically.

:func:`run_task` runs one task's chunks in this process (the serial reference, and what the
benchmark compares the cluster with).

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
from typing import TYPE_CHECKING, Any

from mkba.core.errors import CaseError, MkbaError, Problem

if TYPE_CHECKING:
    from mkba.core.engine import RunPlan

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
class Task:
    """One (case, scenario) run: the case file's name (for messages), the case id, the scenario
    (``"baseline"`` or an id) and the engine's plan of the run (picklable, self-contained)."""

    case_name: str
    case_id: str
    scenario: str
    plan: RunPlan = field(repr=False)


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


def plan_tasks(paths: Sequence[str | Path], scenario: str = BASELINE, draws: int = 10_000, seed: int = 1,
               design: str = "mc") -> tuple[list[Task], list[Failure]]:
    """Validate every case and list the runs: ``scenario`` is an id, ``"baseline"`` or ``"all"``.

    A case that does not load, lacks the scenario, or repeats another case's id becomes a
    :class:`Failure`; the others are planned as usual.
    """
    from mkba.core.engine import check_draw_count, make_plan
    from mkba.core.sampling import check_design
    from mkba.data_in.cases import load_case

    check_design(design)
    check_draw_count(draws)
    tasks: list[Task] = []
    failures: list[Failure] = []
    seen: dict[str, str] = {}
    for path in paths:
        name = str(path)
        try:
            case = load_case(path)
        except MkbaError as exc:
            failures.append(Failure.of(name, LOAD, exc))
            continue
        if case.id in seen:
            failures.append(Failure(name, DUPLICATE, case.id, extra=(("eerder", seen[case.id]),)))
            continue
        seen[case.id] = name
        if scenario == ALL:
            options = [BASELINE, *case.scenarios]
        elif scenario == BASELINE or scenario in case.scenarios:
            options = [scenario]
        else:
            failures.append(Failure(name, SCENARIO, case.id, scenario=scenario,
                                    extra=(("bekend", ", ".join([BASELINE, *case.scenarios])),)))
            continue
        for option in options:
            try:  # the same plan `mkba run CASE --scenario ID` makes, hence the same draws
                run_plan = make_plan(case, [None if option == BASELINE else option], draws, seed, design)
            except MkbaError as exc:
                failures.append(Failure.of(name, RUN, exc, scenario=option))
                continue
            tasks.append(Task(name, case.id, option, run_plan))
    return tasks, failures


def _output(task: Task, collector) -> RunOutput:
    """Summarise a task's collected draws (then free them)."""
    result = collector.results()[task.plan.options[0]]
    try:
        return RunOutput(task.case_name, task.case_id, task.scenario, result.summary())
    finally:
        result.store.close()


def run_task(task: Task) -> RunOutput | Failure:
    """One task's chunks, one after another in this process, reduced as :func:`execute` does."""
    from mkba.core.engine import run_chunk
    from mkba.core.results import Collector

    collector = Collector(task.plan)
    try:
        for start, stop in task.plan.chunks():
            collector.add(run_chunk(task.plan, start, stop))
    except Exception as exc:  # noqa: BLE001 - reported per run, the batch goes on
        collector.close()
        return _failure(task, exc)
    return _output(task, collector)


def _failure(task: Task, exc: BaseException) -> Failure:
    """A run that raised (``RUN``), or whose chunk the cluster lost (``LOST``: a worker died,
    a connection closed, the task was cancelled)."""
    if isinstance(exc, MkbaError):
        return Failure.of(task.case_name, RUN, exc, scenario=task.scenario)
    lost = type(exc).__module__.split(".")[0] in ("distributed", "tornado", "asyncio") or isinstance(
        exc, OSError | TimeoutError)
    return Failure(task.case_name, LOST if lost else RUN, f"{type(exc).__name__}: {exc}", scenario=task.scenario)


SPLIT_FROM_BYTES = 512 * 2**20  # runs whose draws take more than this are split into chunk tasks


def execute(tasks: Sequence[Task], client, progress: Callable[[int], None] | None = None
            ) -> list[RunOutput | Failure]:
    """Run every task on a ``dask.distributed`` client; results in task order.

    A run whose draws fit in :data:`SPLIT_FROM_BYTES` is one Dask task (:func:`run_task`: the
    engine's chunk function over its chunks, reduced where they were made, so only the summary
    travels and many runs fill the workers). A larger run is split: its plan is scattered once,
    :func:`~mkba.core.engine.run_chunk` is mapped over its chunks on every worker, and the client
    stores each block as it arrives (memory or column files) and summarises when the last is in.
    A chunk that fails fails its run only; ``progress(1)`` is called per finished run.
    """
    from distributed import as_completed

    from mkba.core.engine import run_chunk
    from mkba.core.results import Collector

    if not tasks:
        return []
    tag = uuid.uuid4().hex[:8]
    futures, owner, remaining = [], {}, [0] * len(tasks)
    for i, task in enumerate(tasks):
        option = task.plan.options[0]
        if task.plan.draws * len(task.plan.columns(option)) * 8 <= SPLIT_FROM_BYTES:
            mine = [client.submit(run_task, task, key=f"mkba-batch-{tag}-{i}", pure=False)]
        else:
            plan_future = client.scatter(task.plan, hash=False)  # sent once, shared by the run's chunks
            mine = [client.submit(run_chunk, plan_future, start, stop, key=f"mkba-batch-{tag}-{i}-{start}",
                                  pure=False) for start, stop in task.plan.chunks()]
        for future in mine:
            owner[future.key] = i
            futures.append(future)
        remaining[i] = len(mine)
    collectors: dict[int, Collector] = {}
    failed: dict[int, Failure] = {}
    out: list[RunOutput | Failure | None] = [None] * len(tasks)
    try:
        for future in as_completed(futures):
            i = owner[future.key]
            try:
                item = future.result()
                if isinstance(item, RunOutput | Failure):  # a whole run, done on a worker
                    out[i] = item
                elif i not in failed:
                    collectors.setdefault(i, Collector(tasks[i].plan)).add(item)
            except Exception as exc:  # noqa: BLE001 - a failed or lost chunk fails that run only
                failed.setdefault(i, _failure(tasks[i], exc))
            future.release()
            remaining[i] -= 1
            if remaining[i]:
                continue
            collector = collectors.pop(i, None)
            if i in failed:
                if collector is not None:
                    collector.close()
                out[i] = failed[i]
            elif out[i] is None:
                out[i] = _output(tasks[i], collector)
            if progress is not None:
                progress(1)
    finally:
        for future in futures:
            future.release()
        for collector in collectors.values():
            collector.close()
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
    import dask

    n = workers or os.cpu_count() or 1
    # dashboard off; the scheduler's small HTTP server (health, metrics) that dask starts anyway
    # goes to a free port on 127.0.0.1 instead of the fixed :8787. Our tasks are pure Python +
    # NumPy loops: the workers' statistical profiler (a stack sample every 10 ms, holding the
    # GIL) and glibc's forced memory trimming (every large array a fresh mmap) only slow them.
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}):
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
    tasks, failures = plan_tasks(paths, scenario, draws, seed, design)
    if on_plan is not None:
        on_plan(len(tasks))
    results: list[RunOutput | Failure] = []
    if tasks:
        with open_client(scheduler, workers) as client:
            results = execute(tasks, client, progress)
    return write_outputs(out, results, failures, describe)


__all__ = ["ALL", "BASELINE", "SPLIT_FROM_BYTES", "ConnectError", "Failure", "RunOutput", "Task", "Written",
           "default_out", "execute", "headline_row", "open_client", "plan_tasks", "run_batch", "run_task", "write_outputs"]
