"""Sensitivity analysis, one module per method with a shared signature
``analyze(case, output="npv", scenario=None, ...) -> SensitivityResult``:

* :mod:`~mkba.analysis.sensitivity.tornado` — one-way, P10/P90;
* :mod:`~mkba.analysis.sensitivity.breakeven` — switching values (NPV = 0, BCR = target);
* :mod:`~mkba.analysis.sensitivity.sobol` — first-order and total Sobol' indices (SALib), plus the
  generic :func:`~mkba.analysis.sensitivity.sobol.sobol_indices` for any vectorised function;
* :mod:`~mkba.analysis.sensitivity.morris` — elementary-effects screening (SALib).
"""

from __future__ import annotations

from mkba.analysis.sensitivity import breakeven, morris, sobol, tornado
from mkba.analysis.sensitivity.common import Note, OutputSpec, SensitivityResult
from mkba.analysis.sensitivity.sobol import sobol_indices

METHODS = {"tornado": tornado, "breakeven": breakeven, "sobol": sobol, "morris": morris}

__all__ = ["METHODS", "Note", "OutputSpec", "SensitivityResult", "breakeven", "morris", "sobol", "sobol_indices", "tornado"]
