"""Morris elementary-effects screening (SALib): mu*, its bootstrap interval, and sigma.

Trajectories are laid out on a grid in *quantile space* (each parameter's P1–P99 range), then
mapped through the inverse CDF, so every distribution works and effects are comparable across
parameters with different units.

References
----------
.. [1] Morris, M. D. (1991). Factorial sampling plans for preliminary computational
   experiments. *Technometrics* 33(2), 161–174.
.. [2] Campolongo, Cariboni & Saltelli (2007). An effective screening design for sensitivity
   analysis of large models. *Environ. Model. Softw.* 22(10), 1509–1518.
"""

from __future__ import annotations

import numpy as np
from SALib.analyze import morris as morris_analyze
from SALib.sample import morris as morris_sample

from mkba.analysis.sensitivity.common import Note, SensitivityResult, prepare
from mkba.core.case import Case
from mkba.core.errors import UsageError
from mkba.core.seeding import SeedLike, generator

Q_LOW, Q_HIGH = 0.01, 0.99


def analyze(case: Case, output: str = "npv", scenario: str | None = None, n: int = 100, seed: SeedLike = 1,
            num_levels: int = 4, num_resamples: int = 1000, conf_level: float = 0.95,
            versus: str | None = None) -> SensitivityResult:
    """Morris screening with ``n`` trajectories (N (D + 1) model evaluations).

    Returns
    -------
    SensitivityResult
        Per parameter ``{"mu_star", "mu_star_conf", "sigma", "mu"}``, by descending mu*.
    """
    if n < 2:
        raise UsageError(f"Morris needs at least 2 trajectories (--n); got {n}", "analysis.morris_n", n=n)
    if num_levels < 2 or num_levels % 2:
        raise UsageError(f"num_levels must be an even number ≥ 2; got {num_levels}", "analysis.morris_levels",
                         levels=num_levels)
    analysis = prepare(case, scenario, output, versus)
    c, spec, names = analysis.case, analysis.output, analysis.names
    d = len(names)
    problem = {"num_vars": d, "names": names, "bounds": [[Q_LOW, Q_HIGH]] * d}
    x = morris_sample.sample(problem, n, num_levels=num_levels,
                             seed=int(generator(seed, "morris-design").integers(0, 2**31 - 1)))
    values = {name: np.asarray(analysis.parameters[name].ppf(x[:, j]), dtype=float) for j, name in enumerate(names)}
    y = analysis.func(values)
    if not np.all(np.isfinite(y)):
        raise UsageError("the output is not finite for some samples; use --output npv", "analysis.not_finite")
    si = morris_analyze.analyze(problem, x, y, num_resamples=num_resamples, conf_level=conf_level,
                                num_levels=num_levels, seed=int(generator(seed, "morris-bootstrap").integers(0, 2**31 - 1)))
    records = {name: {"mu_star": float(si["mu_star"][j]), "mu_star_conf": float(si["mu_star_conf"][j]),
                      "sigma": float(si["sigma"][j]), "mu": float(si["mu"][j])} for j, name in enumerate(names)}
    ordered = dict(sorted(records.items(), key=lambda kv: -kv[1]["mu_star"]))
    notes = [Note("morris.design", {"trajectories": n, "levels": num_levels, "evaluations": len(y),
                                    "q_low": round(Q_LOW * 100), "q_high": round(Q_HIGH * 100)})]
    notes += analysis.note()
    if c.correlations:
        notes.append(Note("morris.correlations"))
    extra = {"trajectories": n} | ({"versus": analysis.versus} if analysis.versus else {})
    return SensitivityResult(c.id, c.scenario, "morris", spec.key, ordered, notes, extra)
