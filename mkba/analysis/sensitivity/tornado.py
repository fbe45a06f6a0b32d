"""One-way sensitivity (tornado): each uncertain parameter at a low and a high quantile
(default P10 and P90) with all others at base; sorted by swing.

References
----------
.. [1] Briggs, Claxton & Sculpher (2006). *Decision Modelling for Health Economic
   Evaluation*, Oxford, ch. 4 (one-way sensitivity analysis).
"""

from __future__ import annotations

import numpy as np

from mkba.analysis.sensitivity.common import Note, SensitivityResult, prepare
from mkba.core.case import Case
from mkba.core.errors import UsageError


def analyze(case: Case, output: str = "npv", scenario: str | None = None, low: float = 0.1,
            high: float = 0.9, versus: str | None = None) -> SensitivityResult:
    """Tornado analysis.

    Parameters
    ----------
    case : Case
    output : {"npv", "bcr", "net:STAKEHOLDER"}
    scenario : str, optional
    low, high : float
        Quantiles at which each parameter is set (default 0.1 and 0.9).
    versus : str, optional
        ``"baseline"`` or a scenario id: study the difference option − versus.

    Returns
    -------
    SensitivityResult
        Per parameter ``{"low", "high", "output_low", "output_high", "swing"}``, by descending
        swing; ``base_output`` holds the output with every parameter at base.
    """
    if not 0 < low < high < 1:
        raise UsageError(f"need 0 < low ({low}) < high ({high}) < 1", "analysis.tornado_quantiles", low=low, high=high)
    analysis = prepare(case, scenario, output, versus)
    names, base = analysis.names, analysis.base()
    k = len(names)
    values = {n: np.full(2 * k + 1, v) for n, v in base.items()}
    lows, highs = {}, {}
    for j, name in enumerate(names):
        lows[name] = analysis.parameters[name].quantile(low)
        highs[name] = analysis.parameters[name].quantile(high)
        values[name][2 * j] = lows[name]
        values[name][2 * j + 1] = highs[name]
    y = analysis.func(values)
    base_output = float(y[-1])
    records = {}
    for j, name in enumerate(names):
        y_low, y_high = float(y[2 * j]), float(y[2 * j + 1])
        records[name] = {"low": lows[name], "high": highs[name], "output_low": y_low, "output_high": y_high,
                         "swing": abs(y_high - y_low)}
    ordered = dict(sorted(records.items(), key=lambda kv: -kv[1]["swing"]))
    c = analysis.case
    notes = [Note("tornado.quantiles", {"low": round(low * 100), "high": round(high * 100)}), *analysis.note()]
    if c.correlations:
        notes.append(Note("tornado.correlations_ignored"))
    extra = {"base_output": base_output} | ({"versus": analysis.versus} if analysis.versus else {})
    return SensitivityResult(c.id, c.scenario, "tornado", analysis.output.key, ordered, notes, extra)
