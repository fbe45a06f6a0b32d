"""Break-even (switching) values: for each uncertain parameter, the value at which NPV = 0
(or the chosen output reaches a target, e.g. BCR = 1,20), all others at base.

Found with Brent's bracketing root finder inside the parameter's range (its support, or its
P0,0001–P99,9999 range when unbounded); ``None`` with a reason when the output does not cross
the target there. ``quantile`` says where the value lies in the parameter's distribution, so
``P(parameter beyond its break-even)`` is readable at a glance.

References
----------
.. [1] Brent, R. P. (1973). *Algorithms for Minimization without Derivatives*, ch. 4.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import brentq

from mkba.analysis.sensitivity.common import Note, SensitivityResult, prepare
from mkba.core.case import Case
from mkba.core.errors import UsageError

TAIL = 1e-6


def _search_range(spec) -> tuple[float, float]:
    low, high = spec.support
    if not math.isfinite(low):
        low = spec.quantile(TAIL)
    if not math.isfinite(high):
        high = spec.quantile(1 - TAIL)
    return float(low), float(high)


def _wide_range(spec, lo: float, hi: float) -> tuple[float, float]:
    """A wider, still meaningful search range: ten widths either side, but never below 0 for a
    non-negative parameter nor above 1 for a fraction."""
    width = max(hi - lo, abs(hi) * 0.1, 1e-9)
    low, high = spec.support
    wide_lo = max(lo - 10 * width, 0.0) if low >= 0 else lo - 10 * width
    wide_hi = min(hi + 10 * width, 1.0) if (low >= 0 and high <= 1) else hi + 10 * width
    return wide_lo, wide_hi


def _quantile_of(spec, value: float) -> float:
    """The cumulative probability at ``value`` (inverse of the inverse CDF)."""
    f = lambda u: spec.quantile(u) - value  # noqa: E731
    lo, hi = 1e-12, 1 - 1e-12
    if f(lo) >= 0:
        return 0.0
    if f(hi) <= 0:
        return 1.0
    return float(brentq(f, lo, hi, xtol=1e-12))


def analyze(case: Case, output: str = "npv", scenario: str | None = None,
            target_bcr: float | None = None, target: float | None = None,
            versus: str | None = None) -> SensitivityResult:
    """Break-even values.

    Parameters
    ----------
    case : Case
    output : {"npv", "bcr", "net:STAKEHOLDER"}
        Solved for ``output = 0`` (npv, net) or ``= 1`` (bcr) unless a target is given.
    scenario : str, optional
    target_bcr : float, optional
        Solve for BCR = ``target_bcr`` instead (sets output to bcr), e.g. 1.2.
    target : float, optional
        Solve for output = ``target``.
    versus : str, optional
        ``"baseline"`` or a scenario id: solve for the value at which the option and ``versus``
        are equally good (the switching value of the choice between them).

    Returns
    -------
    SensitivityResult
        Per parameter ``{"value", "quantile", "base"}`` or ``{"value": None, "reason": ...}``.
    """
    if target_bcr is not None:
        if target_bcr <= 0:
            raise UsageError(f"--target-bcr must be > 0 (got {target_bcr})", "analysis.target_bcr_positive",
                             value=float(target_bcr))
        output, target = "bcr", float(target_bcr)
    if target_bcr is not None and versus is not None:
        raise UsageError("--target-bcr and --versus do not go together", "analysis.target_bcr_versus")
    analysis = prepare(case, scenario, output, versus)
    c, spec, names, func = analysis.case, analysis.output, analysis.names, analysis.func
    if target is None:
        target = 1.0 if spec.key == "bcr" else 0.0
    base = analysis.base()
    base_out = float(func({n: np.array([v]) for n, v in base.items()})[0])
    records = {}
    for name in names:
        pspec = analysis.parameters[name]

        def g(x: float, name: str = name) -> float:
            point = {n: np.array([v]) for n, v in base.items()}
            point[name] = np.array([x])
            return float(func(point)[0]) - target

        lo, hi = _search_range(pspec)
        g_lo, g_hi = g(lo), g(hi)
        if g_lo == 0:
            value = lo
        elif g_hi == 0:
            value = hi
        elif np.sign(g_lo) == np.sign(g_hi):
            side = "above" if g_lo > 0 else "below"
            record = {"value": None, "base": pspec.base_value,
                      "reason": f"{spec.key} stays {side} {target:g} over the whole range [{lo:.6g}, {hi:.6g}]"}
            w_lo, w_hi = _wide_range(pspec, lo, hi)
            gw_lo, gw_hi = g(w_lo), g(w_hi)
            if np.sign(gw_lo) != np.sign(gw_hi):
                outside = float(brentq(g, w_lo, w_hi, xtol=1e-12 * max(1.0, abs(w_lo), abs(w_hi)), rtol=1e-12))
                record["value_outside_range"] = outside
                record["reason"] += f"; it would take {name} = {outside:.6g}, outside the assumed range"
            records[name] = record
            continue
        else:
            value = float(brentq(g, lo, hi, xtol=1e-12 * max(1.0, abs(lo), abs(hi)), rtol=1e-12))
        records[name] = {"value": value, "quantile": _quantile_of(pspec, value), "base": pspec.base_value}
    ordered = dict(sorted(records.items(), key=lambda kv: (kv[1]["value"] is None, _closeness(kv[1]))))
    notes = [Note("breakeven.definition", {"output": spec.key, "target": target, "base_output": base_out}),
             Note("breakeven.order"), *analysis.note()]
    extra = {"target": target, "base_output": base_out} | ({"versus": analysis.versus} if analysis.versus else {})
    return SensitivityResult(c.id, c.scenario, "breakeven", spec.key, ordered, notes, extra)


def _closeness(record: dict) -> float:
    q = record.get("quantile")
    return abs(q - 0.5) if q is not None else 1.0
