"""Global sensitivity: Sobol' first-order and total indices with bootstrap intervals (SALib).

Uniforms of a Saltelli design (SALib, scrambled Sobol' sequence, ``calc_second_order=False``)
are mapped through each parameter's inverse CDF, so every distribution of case format v1
works. Sampling is independent: correlations declared in the case are not imposed (a note
says so). In the design each base sample is a block of D + 2 rows — A, AB_1 … AB_D, B — and
every value in column j comes from A or B, so the inverse CDF is evaluated only on A and B
(2N values per parameter instead of N(D + 2)).

References
----------
.. [1] Saltelli, A. et al. (2010). Variance based sensitivity analysis of model output.
   *Computer Physics Communications* 181(2), 259–270.
.. [2] Herman, J. & Usher, W. (2017). SALib: An open-source Python library for sensitivity
   analysis. *JOSS* 2(9), 97.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from SALib.analyze import sobol as sobol_analyze
from scipy.stats import qmc

from mkba.analysis.sensitivity.common import Note, SensitivityResult, prepare
from mkba.core.case import Case
from mkba.core.distributions import ParameterSpec
from mkba.core.errors import UsageError
from mkba.core.seeding import SeedLike, generator

_EPS = 2.0**-53


def check_power_of_two(n: int, what: str = "--n") -> int:
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 4 or (n & (n - 1)) != 0:
        raise UsageError(f"{what} must be a power of two ≥ 4 for Sobol' sampling (e.g. 1024, 4096, 8192); got {n}",
                         "analysis.sobol_power_of_two", option=what, n=n)
    return int(n)


def _int_seed(seed: SeedLike, name: str) -> int:
    return int(generator(seed, name).integers(0, 2**31 - 1))


def sobol_indices(func: Callable[[Mapping[str, np.ndarray]], np.ndarray], parameters: Mapping[str, ParameterSpec],
                  n: int = 1024, seed: SeedLike = 1, num_resamples: int = 100, conf_level: float = 0.95,
                  convergence: bool = True, label: str = "function", workers: int = 1) -> SensitivityResult:
    """Sobol' indices of any vectorised function of named, distributed parameters.

    Parameters
    ----------
    func : callable
        ``func(values) -> y`` where ``values`` maps each parameter name to an array of points
        and ``y`` has one value per point.
    parameters : mapping of name -> ParameterSpec
        The uncertain inputs (e.g. ``{"x1": Uniform(dist="uniform", min=-pi, max=pi), ...}``).
    n : int
        Base samples N (a power of two); the function is evaluated N (D + 2) times.
    seed : int, SeedSequence or Generator
    num_resamples, conf_level : int, float
        Bootstrap resamples and confidence level of the intervals.
    convergence : bool
        Also compute the indices from the first N/2 base samples and report the largest
        change in ``notes``.
    workers : int
        Local processes for SALib's bootstrap analysis (its ``parallel`` mode); the indices
        and intervals do not depend on it.

    Returns
    -------
    SensitivityResult
        Per parameter ``{"S1", "S1_conf", "ST", "ST_conf"}``, by descending ST.

    Examples
    --------
    >>> from mkba.core.test_functions import ishigami, ishigami_parameters
    >>> res = sobol_indices(ishigami, ishigami_parameters(), n=1024, seed=1)
    >>> round(res.parameters["x2"]["S1"], 1)
    0.4
    """
    n = check_power_of_two(n)
    names = list(parameters)
    d = len(names)
    if d < 1:
        raise UsageError("no uncertain parameters to analyse", "analysis.no_uncertain_parameters")
    problem = {"num_vars": d, "names": names, "bounds": [[0.0, 1.0]] * d}
    # SALib's Saltelli sample (calc_second_order=False) is rows A, AB_1 … AB_D, B per base point, with
    # A and B the two halves of one scrambled Sobol' point in 2D dimensions; it builds them in a Python
    # loop over N·(D + 2)·D cells. Only A and B are needed here, so take them from the same sequence.
    base = qmc.Sobol(d=2 * d, scramble=True, seed=_int_seed(seed, "sobol-design")).random(n)  # as SALib seeds it
    base = np.clip(base, _EPS, 1 - _EPS)
    a, b = base[:, :d], base[:, d:]
    values = {}
    for j, name in enumerate(names):
        va = np.asarray(parameters[name].ppf(a[:, j]), dtype=float)
        vb = np.asarray(parameters[name].ppf(b[:, j]), dtype=float)
        col = np.repeat(va[:, None], d + 2, axis=1)
        col[:, j + 1] = vb
        col[:, d + 1] = vb
        values[name] = col.reshape(-1)
    y = np.asarray(func(values), dtype=float)
    if y.shape != (n * (d + 2),):
        raise UsageError(f"the function returned shape {y.shape}; expected ({n * (d + 2)},)", "analysis.sobol_shape",
                         shape=str(y.shape), expected=f"({n * (d + 2)},)")
    if not np.all(np.isfinite(y)):
        raise UsageError("the output is not finite for some samples (e.g. a BCR with zero costs); use --output npv",
                         "analysis.not_finite")
    if np.var(y) == 0:
        raise UsageError("the output does not vary with these parameters; Sobol' indices are undefined",
                         "analysis.no_variation")
    analyze_seed = _int_seed(seed, "sobol-bootstrap")
    parallel = {"parallel": workers > 1, "n_processors": workers} if workers > 1 else {}
    si = sobol_analyze.analyze(problem, y, calc_second_order=False, num_resamples=num_resamples,
                               conf_level=conf_level, seed=analyze_seed, **parallel)
    records = {name: {"S1": float(si["S1"][j]), "S1_conf": float(si["S1_conf"][j]),
                      "ST": float(si["ST"][j]), "ST_conf": float(si["ST_conf"][j])} for j, name in enumerate(names)}
    ordered = dict(sorted(records.items(), key=lambda kv: -kv[1]["ST"]))
    notes = [Note("sobol.design", {"n": n, "evaluations": n * (d + 2), "conf_level": conf_level,
                                   "resamples": num_resamples})]
    extra = {"n": n, "evaluations": n * (d + 2)}
    if convergence and n >= 8:
        half = n // 2
        # only the half-sample point estimates are compared: they do not depend on the bootstrap,
        # so two resamples (SALib's minimum for an interval) spare most of the second analysis
        si_half = sobol_analyze.analyze(problem, y[: half * (d + 2)], calc_second_order=False,
                                        num_resamples=2, conf_level=conf_level, seed=analyze_seed)
        d1 = float(np.max(np.abs(si["S1"] - si_half["S1"])))
        dt = float(np.max(np.abs(si["ST"] - si_half["ST"])))
        settled = max(d1, dt) < 0.05
        notes.append(Note("sobol.convergence", {"n_half": half, "n": n, "max_change_s1": d1, "max_change_st": dt,
                                                "settled": settled}))
        extra["convergence"] = {"n_half": half, "max_abs_change_S1": d1, "max_abs_change_ST": dt, "settled": settled}
    return SensitivityResult(label, "-", "sobol", "y", ordered, notes, extra)


def analyze(case: Case, output: str = "npv", scenario: str | None = None, n: int = 1024, seed: SeedLike = 1,
            num_resamples: int = 100, conf_level: float = 0.95, versus: str | None = None,
            workers: int = 1) -> SensitivityResult:
    """Sobol' indices of a case's output over its uncertain parameters (see :func:`sobol_indices`);
    with ``versus``, of the difference between two options."""
    n = check_power_of_two(n)
    analysis = prepare(case, scenario, output, versus)
    c = analysis.case
    res = sobol_indices(analysis.func, analysis.parameters, n=n, seed=seed,
                        num_resamples=num_resamples, conf_level=conf_level, label=c.id, workers=workers)
    res.scenario = c.scenario
    res.output = analysis.output.key
    res.notes += analysis.note()
    if analysis.versus:
        res.extra["versus"] = analysis.versus
    if c.correlations:
        res.notes.append(Note("sobol.correlations", {"pairs": [[a, b, float(rho)] for a, b, rho in c.correlations]}))
    return res
