"""Running simulations and summarising their results.

:func:`simulate` streams draws in chunks through the vectorised model and keeps every
per-draw output (so quantiles are exact, from all draws). Outputs are held in memory up to
:data:`RAM_LIMIT_BYTES`; larger runs keep them column by column in a temporary file, so peak
memory stays bounded whatever the draw count.

Shapes: per-draw outputs are **draws × outputs**.
"""

from __future__ import annotations

import math
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from mkba.core.case import Case, apply_scenario
from mkba.core.errors import UsageError
from mkba.core.model import Layout, base_values, evaluate, evaluate_blocks, parameter_values
from mkba.core.sampling import DESIGNS, Sampler, draws_files
from mkba.core.seeding import SeedLike

RAM_LIMIT_BYTES = 512 * 2**20
DEFAULT_CHUNK = 2**16
Progress = Callable[[int], None]


class ColumnStore:
    """Per-draw values, draws × columns, filled chunk by chunk and read column by column.

    Small stores live in memory; above ``RAM_LIMIT_BYTES`` they live in a temporary file in
    column-major order, so reading one column reads one contiguous range.
    """

    def __init__(self, rows: int, columns: Sequence[str], ram_limit: int = RAM_LIMIT_BYTES):
        self.rows = rows
        self.columns = list(columns)
        self._index = {c: i for i, c in enumerate(self.columns)}
        nbytes = rows * len(self.columns) * 8
        if nbytes <= ram_limit:
            self._array: np.ndarray | None = np.empty((len(self.columns), rows))
            self._file = None
        else:
            self._array = None
            self._file = tempfile.TemporaryFile(prefix="mkba-draws-")
            self._file.truncate(nbytes)

    @property
    def on_disk(self) -> bool:
        return self._file is not None

    def write(self, start: int, block: np.ndarray) -> None:
        """Store ``block`` (rows × columns) at rows ``start ..``."""
        stop = start + block.shape[0]
        if self._array is not None:
            self._array[:, start:stop] = block.T
            return
        fd = self._file.fileno()
        for j in range(block.shape[1]):
            data = np.ascontiguousarray(block[:, j]).tobytes()
            os.pwrite(fd, data, (j * self.rows + start) * 8)

    def column(self, name: str) -> np.ndarray:
        """All draws of one column (a copy when on disk)."""
        j = self._index[name]
        if self._array is not None:
            return self._array[j]
        self._file.seek(j * self.rows * 8)
        return np.fromfile(self._file, dtype=np.float64, count=self.rows)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def stats(values: np.ndarray) -> dict[str, float]:
    """The §5 summary ``S`` of per-draw values: mean, sd, p05, p50, p95 and the Monte Carlo
    standard error of the mean (sd / sqrt(N); for Latin hypercube and Sobol' designs this
    independent-sampling formula is a conservative bound). Non-finite draws (e.g. a BCR with zero costs)
    are left out and counted in ``"non_finite"`` when there are any."""
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    n = finite.size
    if n == 0:
        return {"mean": None, "sd": None, "p05": None, "p50": None, "p95": None, "mcse": None}
    mean = float(np.mean(finite))
    sd = float(np.std(finite, ddof=1)) if n > 1 else 0.0
    p05, p50, p95 = (float(x) for x in np.quantile(finite, [0.05, 0.5, 0.95]))
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
    draws, seed, design : int, int, str
    deterministic : bool
        True for a run with every parameter at its base value (one "draw").
    store : ColumnStore
        Per-draw outputs and the draws of the uncertain parameters (``param.<name>``).
    yearly : dict
        Mean undiscounted flows per year: ``costs``, ``benefits`` and ``outcomes.<effect>``.
    """

    case: Case
    draws: int
    seed: Any
    design: str
    deterministic: bool
    store: ColumnStore
    yearly: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def scenario(self) -> str:
        return self.case.scenario

    def column(self, name: str) -> np.ndarray:
        """Per-draw values of an output (``npv``, ``stakeholder.gemeente.net``, ...) or of a
        parameter (``param.substitutie``)."""
        if name not in self.store.columns:
            raise UsageError(f"no output '{name}'; known: {', '.join(self.store.columns)}")
        return self.store.column(name)

    def funder(self) -> str:
        """The stakeholder paying the largest share of the costs (the municipality for De Kop)."""
        return max(self.case.stakeholders,
                   key=lambda sid: float(np.mean(self.column(f"stakeholder.{sid}.pv_costs"))))

    def _s(self, name: str) -> dict[str, float] | float:
        values = self.column(name)
        return float(values[0]) if self.deterministic else stats(values)

    def summary(self) -> dict[str, Any]:
        """The §5 ``mkba run --json`` object (extensions: ``scenario_label``, ``design``,
        ``pv_fiscal``, ``pv_cut_off``, mcse of the headline numbers, per-year means)."""
        costs = self.column("pv_costs")
        benefits = self.column("pv_benefits")
        npv = self.column("npv")
        mean_c, mean_b = float(np.mean(costs)), float(np.mean(benefits))
        bcr_of_means = mean_b / mean_c if mean_c else None
        prob = float(np.mean(npv > 0))
        metrics: dict[str, Any] = {name: self._s(name) for name in
                                   ("npv", "bcr", "pv_costs", "pv_benefits", "pv_fiscal", "pv_cut_off")}
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
        stakeholders = {}
        for sid in self.case.stakeholders:
            stakeholders[sid] = {
                "pv_costs": self._s(f"stakeholder.{sid}.pv_costs"),
                "pv_benefits": self._s(f"stakeholder.{sid}.pv_benefits"),
                "net": self._s(f"stakeholder.{sid}.net"),
                "pv_fiscal": self._s(f"stakeholder.{sid}.pv_fiscal"),
                "pv_economic": self._s(f"stakeholder.{sid}.pv_economic"),
                "pv_social": self._s(f"stakeholder.{sid}.pv_social"),
            }
        lines = {e.id: {"pv": self._s(f"effect.{e.id}.pv"), "outcomes": self._s(f"effect.{e.id}.outcomes")}
                 for e in self.case.effects}
        costs_out = {c.id: {"pv": self._s(f"cost.{c.id}.pv")} for c in self.case.costs}
        return {
            "case": self.case.id,
            "scenario": self.scenario,
            "draws": 1 if self.deterministic else self.draws,
            "seed": None if self.deterministic else _jsonable_seed(self.seed),
            "design": "deterministic" if self.deterministic else self.design,
            "horizon": self.case.horizon,
            "start_year": self.case.start_year,
            "discount_rate": _jsonable_scalar(self.case.discount_rate),
            "metrics": metrics,
            "stakeholders": stakeholders,
            "lines": lines,
            "costs": costs_out,
            "by_kind": {k: self._s(f"kind.{k}.pv") for k in ("fiscal", "economic", "social")},
            "yearly": {
                "years": self.case.years,
                "costs_mean": [float(x) for x in self.yearly.get("costs", [])],
                "benefits_mean": [float(x) for x in self.yearly.get("benefits", [])],
            },
        }

    def to_frame(self) -> pd.DataFrame:
        """All per-draw outputs and parameter draws as a DataFrame (rows = draws)."""
        return pd.DataFrame({c: self.store.column(c) for c in self.store.columns})


def _jsonable_seed(seed: Any) -> Any:
    return int(seed) if isinstance(seed, int | np.integer) else str(seed)


def _jsonable_scalar(q: Any) -> Any:
    return q if isinstance(q, str) else float(q)


def _check_draws(draws: int) -> int:
    if isinstance(draws, bool) or not isinstance(draws, int | np.integer) or draws < 1:
        raise UsageError(f"draws must be a whole number ≥ 1 (got {draws!r})")
    return int(draws)


def simulate_many(case: Case, scenarios: Sequence[str | None], draws: int = 10_000, seed: SeedLike = 1,
                  design: str = "mc", chunk_size: int = DEFAULT_CHUNK,
                  progress: Progress | None = None, ram_limit: int = RAM_LIMIT_BYTES) -> dict[str, Result]:
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
    design : {"mc", "lhs", "sobol"}
    chunk_size : int
        Draws evaluated at once; results do not depend on it.
    progress : callable, optional
        Called with the number of draws finished after each chunk.

    Returns
    -------
    dict of scenario id -> Result
    """
    draws = _check_draws(draws)
    if design not in DESIGNS:
        raise UsageError(f"unknown design '{design}'; choose one of: {', '.join(DESIGNS)}")
    if chunk_size < 1:
        raise UsageError("chunk_size must be ≥ 1")
    cases = {}
    for sid in scenarios:
        key = sid or "baseline"
        cases[key] = apply_scenario(case, sid)
    names: list[str] = []
    for c in cases.values():
        names += [n for n in c.parameters if n not in names]
    all_specs = {n: c.parameters[n] for c in cases.values() for n in c.parameters}
    sampler = Sampler(names, draws, seed, design, case.correlations, draws_files(all_specs))
    stores, layouts, yearly = {}, {}, {}
    for key, c in cases.items():
        layouts[key] = Layout.of(c)
        uncertain = [f"param.{n}" for n in c.uncertain_parameters]
        stores[key] = ColumnStore(draws, list(layouts[key].columns) + uncertain, ram_limit)
        yearly[key] = {"costs": np.zeros(c.horizon), "benefits": np.zeros(c.horizon)}
        for e in c.effects:
            yearly[key][f"outcomes.{e.id}"] = np.zeros(c.horizon)
    try:
        for start in range(0, draws, chunk_size):
            stop = min(start + chunk_size, draws)
            uniforms = sampler.uniforms(start, stop)
            for key, c in cases.items():
                values = parameter_values(c, uniforms, names)
                params = [values[n] for n in c.uncertain_parameters]
                for offset, ev in evaluate_blocks(c, values, layouts[key], n=stop - start):
                    rows = ev.outputs.shape[0]
                    block = (np.column_stack([ev.outputs, *(p[offset:offset + rows] for p in params)])
                             if params else ev.outputs)
                    stores[key].write(start + offset, block)
                    yearly[key]["costs"] += ev.costs_by_year.sum(axis=0)
                    yearly[key]["benefits"] += ev.benefits_by_year.sum(axis=0)
                    for eid, outcomes in ev.outcomes_by_year.items():
                        yearly[key][f"outcomes.{eid}"] += outcomes.sum(axis=0)
            if progress is not None:
                progress(stop - start)
    except BaseException:
        for store in stores.values():
            store.close()
        raise
    results = {}
    for key, c in cases.items():
        means = {k: v / draws for k, v in yearly[key].items()}
        results[key] = Result(c, draws, seed, design, False, stores[key], means)
    return results


def simulate(case: Case, draws: int = 10_000, seed: SeedLike = 1, scenario: str | None = None,
             design: str = "mc", chunk_size: int = DEFAULT_CHUNK,
             progress: Progress | None = None) -> Result:
    """Monte Carlo simulation of one case (or one of its scenarios).

    Parameters
    ----------
    case : Case
        A loaded case (see :func:`mkba.load_case`).
    draws : int
        Number of draws N (default 10.000).
    seed : int, SeedSequence or Generator
        Same seed → bit-identical per-draw results, whatever ``chunk_size``.
    scenario : str, optional
        A scenario id of the case; ``None`` runs the baseline.
    design : {"mc", "lhs", "sobol"}
        Uniform design: plain Monte Carlo (default), Latin hypercube, scrambled Sobol.
    chunk_size : int
        Draws evaluated at once (memory vs. speed); results do not depend on it.
    progress : callable, optional
        Called with the number of draws finished after each chunk.

    Returns
    -------
    Result
        ``.summary()`` gives the §5 JSON object.

    Examples
    --------
    >>> import mkba
    >>> case = mkba.load_case(mkba.example_case_path())
    >>> res = mkba.simulate(case, draws=2_000, seed=1)
    >>> 1.0 < res.summary()["metrics"]["bcr_of_means"] < 1.5
    True
    """
    key = scenario or "baseline"
    return simulate_many(case, [scenario], draws, seed, design, chunk_size, progress)[key]


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
