"""Results: merging blocks of draws (the reduce of DESIGN §8) and summarising them.

:func:`simulate` makes a plan (:func:`mkba.core.engine.make_plan`), runs its chunks in this
process or in ``workers`` local processes (:func:`mkba.core.engine.iter_blocks`), and merges
the blocks with :func:`collect` into one :class:`Result` per option. Every per-draw output is
kept (so quantiles are exact, from all draws), in memory up to
:data:`~mkba.core.store.RAM_LIMIT_BYTES` and column by column in a temporary file beyond
(:mod:`mkba.core.store`), so peak memory stays bounded whatever the draw count.

Shapes: per-draw outputs are **draws × outputs**.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from mkba.core import outputs
from mkba.core.case import Case, apply_scenario, override_record
from mkba.core.engine import DEFAULT_CHUNK, Block, RunPlan, iter_blocks, make_plan
from mkba.core.errors import UsageError
from mkba.core.model import base_values, evaluate
from mkba.core.outputs import Layout
from mkba.core.sampling import DESIGNS
from mkba.core.seeding import SeedLike, seed_record
from mkba.core.store import RAM_LIMIT_BYTES, ColumnStore

if TYPE_CHECKING:
    import pandas as pd

Progress = Callable[[int], None]
__all__ = ["DEFAULT_CHUNK", "DESIGNS", "RAM_LIMIT_BYTES", "Block", "Collector", "ColumnStore", "Progress", "Result",
           "RunPlan", "collect", "deterministic", "new_stores", "simulate", "simulate_many", "sorted_quantiles", "stats"]


_QUANTILES = np.array([0.05, 0.5, 0.95])
_THREADED_FROM = 2**17  # draws from which summarising in threads pays


def sorted_quantiles(ordered: np.ndarray, q: np.ndarray) -> np.ndarray:
    """``np.quantile(x, q)`` (its default, linear method) from ``ordered = np.sort(x)``, to the
    last bit: the same virtual index ``(n − 1) q`` and the same two-sided interpolation as
    NumPy's ``_lerp``. One sort is about half the cost of NumPy's selection for three quantiles
    of a million draws."""
    n = ordered.size
    virtual = (n - 1) * np.asarray(q, dtype=float)
    below = np.floor(virtual).astype(np.intp)
    above = np.minimum(below + 1, n - 1)
    gamma = virtual - below
    a, b = ordered[below], ordered[above]
    diff = b - a
    out = a + diff * gamma
    np.subtract(b, diff * (1 - gamma), out=out, where=gamma >= 0.5)
    return out


def stats(values: np.ndarray) -> dict[str, float]:
    """The §5 summary ``S`` of per-draw values: mean, sd, p05, p50, p95 and the Monte Carlo
    standard error of the mean (sd / sqrt(N); for Latin hypercube and Sobol' designs this
    independent-sampling formula is a conservative bound). Non-finite draws (e.g. a BCR with zero costs)
    are left out and counted in ``"non_finite"`` when there are any."""
    values = np.asarray(values, dtype=float)
    mask = np.isfinite(values)
    finite = values if mask.all() else values[mask]
    n = finite.size
    if n == 0:
        return {"mean": None, "sd": None, "p05": None, "p50": None, "p95": None, "mcse": None}
    mean = float(np.mean(finite))
    sd = float(np.std(finite, ddof=1)) if n > 1 else 0.0
    p05, p50, p95 = (float(x) for x in sorted_quantiles(np.sort(finite), _QUANTILES))
    out = {"mean": mean, "sd": sd, "p05": p05, "p50": p50, "p95": p95, "mcse": sd / math.sqrt(n)}
    if n < values.size:
        out["non_finite"] = int(values.size - n)
    return out


@dataclass
class Result:
    """The outcome of one simulation (one case, one scenario).

    Attributes
    ----------
    case : Case
        The case with the scenario applied.
    draws, design : int, str
    seed : int or dict
        The run's seed as the JSON reports it (:func:`mkba.core.seeding.seed_record`): the
        int to pass again for the same numbers.
    deterministic : bool
        True for a run with every parameter at its base value (one "draw").
    store : ColumnStore
        Per-draw outputs and the draws of the uncertain parameters (``param.<name>``).
    yearly : dict
        Mean undiscounted flows per year: ``costs``, ``benefits`` and ``outcomes.<effect>``.
    workers : int
        Threads :meth:`summary` may use to summarise columns side by side (the run's
        ``workers``); the numbers do not depend on it.
    """

    case: Case
    draws: int
    seed: Any
    design: str
    deterministic: bool
    store: ColumnStore
    yearly: dict[str, np.ndarray] = field(default_factory=dict)
    workers: int = 1
    _stats: dict[str, dict[str, float]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def scenario(self) -> str:
        return self.case.scenario

    def column(self, name: str) -> np.ndarray:
        """Per-draw values of an output (``npv``, ``stakeholder.gemeente.net``, ...) or of a
        parameter (``param.substitutie``)."""
        if name not in self.store.columns:
            raise UsageError(f"no output '{name}'; known: {', '.join(self.store.columns)}", "core.no_output",
                             name=name, known=", ".join(self.store.columns))
        return self.store.column(name)

    def funder(self) -> str:
        """The stakeholder paying the largest share of the costs (the municipality for De Kop)."""
        return max(self.case.stakeholders,
                   key=lambda sid: float(np.mean(self.column(outputs.stakeholder(sid, "pv_costs")))))

    def summary_seed(self) -> Any:
        """The JSON ``seed``: the int to pass again for the same numbers (``None`` when
        deterministic)."""
        return None if self.deterministic else _jsonable_seed(self.seed)

    def _s(self, name: str) -> dict[str, float] | float:
        if self.deterministic:
            return float(self.column(name)[0])
        if name not in self._stats:
            self._stats[name] = stats(self.column(name))
        return dict(self._stats[name])

    def _prepare_stats(self, names: list[str]) -> None:
        """Summarise the columns ``names`` in ``workers`` threads at once (sorting and NumPy's
        reductions release the GIL, so two threads take about half the time on 1e6 draws)."""
        todo = [n for n in names if n not in self._stats]
        if self.deterministic or self.workers <= 1 or len(todo) < 2 or self.draws < _THREADED_FROM:
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for name, values in zip(todo, pool.map(lambda n: stats(self.column(n)), todo), strict=True):
                self._stats[name] = values

    def summary(self) -> dict[str, Any]:
        """The §5 ``mkba run --json`` object (extensions: ``scenario_label``, ``design``,
        ``pv_fiscal``, ``pv_cut_off``, mcse of the headline numbers, per-year means, ``pm_posten``)."""
        self._prepare_stats(self.summary_columns())
        costs = self.column("pv_costs")
        benefits = self.column("pv_benefits")
        npv = self.column("npv")
        mean_c, mean_b = float(np.mean(costs)), float(np.mean(benefits))
        bcr_of_means = mean_b / mean_c if mean_c else None
        prob = float(np.mean(npv > 0))
        metrics: dict[str, Any] = {name: self._s(name) for name in outputs.SOCIETY}
        metrics["bcr_of_means"] = bcr_of_means
        metrics["prob_npv_positive"] = prob
        if not self.deterministic:
            n = self.draws
            metrics["prob_npv_positive_mcse"] = math.sqrt(prob * (1 - prob) / n)
            if mean_c:
                # delta method for a ratio of means
                cov = np.cov(benefits, costs) if n > 1 else np.zeros((2, 2))
                ratio = bcr_of_means
                var = (cov[0, 0] - 2 * ratio * cov[0, 1] + ratio**2 * cov[1, 1]) / (mean_c**2 * n)
                metrics["bcr_of_means_mcse"] = math.sqrt(max(var, 0.0))
        stakeholders = {sid: {f: self._s(outputs.stakeholder(sid, f)) for f in outputs.STAKEHOLDER_FIELDS}
                        for sid in self.case.stakeholders}
        lines = {e.id: {f: self._s(outputs.effect(e.id, f)) for f in outputs.EFFECT_FIELDS} for e in self.case.effects}
        costs_out = {c.id: {f: self._s(outputs.cost(c.id, f)) for f in outputs.COST_FIELDS} for c in self.case.costs}
        out = {
            "case": self.case.id,
            "scenario": self.scenario,
            "draws": 1 if self.deterministic else self.draws,
            "seed": self.summary_seed(),
            "design": "deterministic" if self.deterministic else self.design,
            "horizon": self.case.horizon,
            "start_year": self.case.start_year,
            "discount_rate": _jsonable_scalar(self.case.discount_rate),
            "metrics": metrics,
            "stakeholders": stakeholders,
            "lines": lines,
            "costs": costs_out,
            "by_kind": {k: self._s(outputs.kind(k)) for k in outputs.KINDS},
            "yearly": {
                "years": self.case.years,
                "costs_mean": [float(x) for x in self.yearly.get("costs", [])],
                "benefits_mean": [float(x) for x in self.yearly.get("benefits", [])],
            },
            # effects that matter but are not valued in money, listed beside the balance (DESIGN §11)
            "pm_posten": [{"label": p.label, "stakeholder": p.stakeholder, "direction": p.direction,
                           "note": p.note, "source": p.source} for p in self.case.pm_posten],
        }
        out.update(override_record(self.case))  # "set" only when --set was used (DESIGN §15)
        return out

    def summary_columns(self) -> list[str]:
        """The per-draw columns :meth:`summary` summarises."""
        return list(Layout.of(self.case).columns)

    def to_frame(self) -> pd.DataFrame:
        """All per-draw outputs and parameter draws as a DataFrame (rows = draws)."""
        import pandas as pd

        return pd.DataFrame({c: self.store.column(c) for c in self.store.columns})


def _jsonable_seed(seed: Any) -> Any:
    if isinstance(seed, int | np.integer):
        return int(seed)
    if isinstance(seed, dict):
        return seed
    if isinstance(seed, np.random.SeedSequence):
        return seed_record(seed)
    return str(seed)


def _jsonable_scalar(q: Any) -> Any:
    return q if isinstance(q, str) else float(q)


def new_stores(plan: RunPlan, ram_limit: int = RAM_LIMIT_BYTES, shared: bool = False) -> dict[str, ColumnStore]:
    """An empty :class:`ColumnStore` per option of ``plan`` (``shared``: writable by local worker
    processes forked afterwards, see :func:`mkba.core.engine.iter_blocks`)."""
    return {opt: ColumnStore(plan.draws, plan.columns(opt), ram_limit, shared=shared) for opt in plan.options}


class Collector:
    """The reduce of one plan, one block at a time: blocks may arrive in any order (e.g. as Dask
    futures complete) and are stored as they come, so memory holds one block at a time.

    Parameters
    ----------
    plan : RunPlan
    ram_limit : int
        As :class:`ColumnStore`.
    stores : dict of option -> ColumnStore, optional
        Stores from :func:`new_stores`; a block without outputs was already written into them by
        the process that computed it.
    workers : int
        Threads each result's :meth:`Result.summary` may use.
    """

    def __init__(self, plan: RunPlan, ram_limit: int = RAM_LIMIT_BYTES,
                 stores: dict[str, ColumnStore] | None = None, workers: int = 1):
        self.plan = plan
        self._in_place = stores is not None  # blocks may come without outputs, already stored
        self.stores = stores if stores is not None else new_stores(plan, ram_limit)
        self.workers = workers
        self._sums: dict[int, Block] = {}
        self.covered = 0

    @property
    def complete(self) -> bool:
        return self.covered == self.plan.draws

    def add(self, block: Block) -> None:
        """Store one block's draws and keep its yearly sums."""
        if block.start in self._sums:
            raise UsageError(f"draws [{block.start}, {block.stop}) arrived twice", "core.block_twice",
                                 start=str(block.start), stop=str(block.stop))
        for opt in self.plan.options:
            if opt in block.outputs:
                self.stores[opt].write(block.start, block.outputs[opt])
            elif not (self._in_place and not block.outputs):
                raise UsageError(f"draws [{block.start}, {block.stop}) arrived without option '{opt}'",
                                 "core.block_option", start=str(block.start), stop=str(block.stop), option=opt)
        self._sums[block.start] = Block(block.start, block.stop, {}, block.yearly)
        self.covered += block.stop - block.start

    def close(self) -> None:
        """Free the stores (after a failure; results own them otherwise)."""
        for store in self.stores.values():
            store.close()

    def results(self) -> dict[str, Result]:
        """One :class:`Result` per option. Yearly sums are added in order of ``start``, so the
        results do not depend on the order the blocks arrived in."""
        plan = self.plan
        if not self.complete:
            raise UsageError(f"blocks cover {self.covered} of {plan.draws} draws", "core.blocks_incomplete",
                             covered=str(self.covered), draws=str(plan.draws))
        seed = seed_record(plan.seed)
        results = {}
        for opt, c in zip(plan.options, plan.cases, strict=True):
            total = {"costs": np.zeros(c.horizon), "benefits": np.zeros(c.horizon)}
            total.update({f"outcomes.{e.id}": np.zeros(c.horizon) for e in c.effects})
            for start in sorted(self._sums):
                for k, v in self._sums[start].yearly[opt].items():
                    total[k] += v
            means = {k: v / plan.draws for k, v in total.items()}
            results[opt] = Result(c, plan.draws, seed, plan.design, False, self.stores[opt], means, self.workers)
        return results


def collect(plan: RunPlan, blocks: Iterable[Block], ram_limit: int = RAM_LIMIT_BYTES,
            progress: Progress | None = None, stores: dict[str, ColumnStore] | None = None,
            workers: int = 1) -> dict[str, Result]:
    """Merge the blocks of a plan into one :class:`Result` per option (the reduce).

    Blocks may come in any order but must cover draws ``[0, N)`` exactly once; see
    :class:`Collector` (``stores``: blocks written in place by local workers; ``workers``:
    summary threads).
    """
    collector = Collector(plan, ram_limit, stores, workers)
    try:
        for block in blocks:
            collector.add(block)
            if progress is not None:
                progress(block.stop - block.start)
        return collector.results()
    except BaseException:
        collector.close()
        raise


def simulate_many(case: Case, scenarios: Sequence[str | None], draws: int = 10_000, seed: SeedLike = 1,
                  design: str = "mc", chunk_size: int = DEFAULT_CHUNK,
                  progress: Progress | None = None, ram_limit: int = RAM_LIMIT_BYTES,
                  workers: int = 1) -> dict[str, Result]:
    """Simulate several scenarios of one case on common random numbers.

    Every parameter name gets the same uniforms in every scenario (they are keyed by seed and
    name), so differences between scenarios are not blurred by sampling noise.

    Parameters
    ----------
    case : Case
        The baseline case.
    scenarios : sequence of str or None
        Scenario ids (``None`` or ``"baseline"`` for the case as written).
    draws : int
        Number of Monte Carlo draws N (default 10.000).
    seed : int, SeedSequence or Generator
        Normalised once to a SeedSequence; the results' ``seed`` is its entropy.
    design : {"mc", "lhs", "sobol"}
    chunk_size : int
        Draws evaluated at once; results do not depend on it.
    progress : callable, optional
        Called with the number of draws finished after each chunk.
    workers : int
        Local processes evaluating chunks (default 1: this process); results do not depend on it.

    Returns
    -------
    dict of scenario id -> Result
    """
    plan = make_plan(case, scenarios, draws, seed, design, chunk_size)
    stores = new_stores(plan, ram_limit, shared=workers > 1)
    return collect(plan, iter_blocks(plan, workers, sinks=stores), ram_limit, progress, stores=stores,
                   workers=workers)


def simulate(case: Case, draws: int = 10_000, seed: SeedLike = 1, scenario: str | None = None,
             design: str = "mc", chunk_size: int = DEFAULT_CHUNK,
             progress: Progress | None = None, workers: int = 1) -> Result:
    """Monte Carlo simulation of one case (or one of its scenarios).

    Parameters
    ----------
    case : Case
        A loaded case (see :func:`mkba.load_case`).
    draws : int
        Number of draws N (default 10.000).
    seed : int, SeedSequence or Generator
        Same seed → bit-identical per-draw results, whatever ``chunk_size`` or ``workers``.
    scenario : str, optional
        A scenario id of the case; ``None`` runs the baseline.
    design : {"mc", "lhs", "sobol"}
        Uniform design: plain Monte Carlo (default), Latin hypercube, scrambled Sobol.
    chunk_size : int
        Draws evaluated at once (memory vs. speed); results do not depend on it.
    progress : callable, optional
        Called with the number of draws finished after each chunk.
    workers : int
        Local processes evaluating chunks (default 1); per-draw results are bit-identical
        for any number.

    Returns
    -------
    Result
        ``.summary()`` gives the §5 JSON object.

    Examples
    --------
    >>> import mkba
    >>> case = mkba.load_case(mkba.example_case_path())
    >>> res = mkba.simulate(case, draws=2_000, seed=1)
    >>> 0.7 < res.summary()["metrics"]["bcr_of_means"] < 1.1   # De Kop with the value bank: about 0,89
    True
    """
    key = scenario or "baseline"
    return simulate_many(case, [scenario], draws, seed, design, chunk_size, progress, workers=workers)[key]


def deterministic(case: Case, scenario: str | None = None) -> Result:
    """Evaluate the case with every parameter at its base value (one "draw")."""
    c = apply_scenario(case, scenario)
    layout = Layout.of(c)
    values = base_values(c)
    ev = evaluate(c, values, layout, n=1)
    store = ColumnStore(1, list(layout.columns))
    store.write(0, ev.outputs)
    yearly = {"costs": ev.costs_by_year[0], "benefits": ev.benefits_by_year[0]}
    for eid, outcomes in ev.outcomes_by_year.items():
        yearly[f"outcomes.{eid}"] = outcomes[0]
    return Result(c, 1, None, "deterministic", True, store, yearly)
