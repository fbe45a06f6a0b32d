"""Reference models with known answers, for tests and for checking the generic Sobol' path
(as SALib's ``test_functions``).

References
----------
.. [1] Ishigami, T. & Homma, T. (1990). An importance quantification technique in uncertainty
   analysis for computer models. *ISUMA '90*, 398–403.
.. [2] Saltelli, A. et al. (2008). *Global Sensitivity Analysis: The Primer*, Wiley, §4.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from mkba.core.distributions import Normal, ParameterSpec, Uniform

# Ishigami, a = 7, b = 0.1, inputs U(−π, π): analytic first-order and total indices.
ISHIGAMI_S1 = {"x1": 0.31391, "x2": 0.44241, "x3": 0.0}
ISHIGAMI_ST = {"x1": 0.55759, "x2": 0.44241, "x3": 0.24368}


def ishigami_parameters() -> dict[str, ParameterSpec]:
    return {name: Uniform(dist="uniform", min=-math.pi, max=math.pi) for name in ("x1", "x2", "x3")}


def ishigami(values: Mapping[str, np.ndarray], a: float = 7.0, b: float = 0.1) -> np.ndarray:
    """sin x1 + a sin² x2 + b x3⁴ sin x1."""
    x1, x2, x3 = values["x1"], values["x2"], values["x3"]
    return np.sin(x1) + a * np.sin(x2) ** 2 + b * x3**4 * np.sin(x1)


def product_parameters(mu_x: float, sd_x: float, mu_y: float, sd_y: float) -> dict[str, ParameterSpec]:
    return {"x": Normal(dist="normal", mean=mu_x, sd=sd_x), "y": Normal(dist="normal", mean=mu_y, sd=sd_y)}


def product_indices(mu_x: float, sd_x: float, mu_y: float, sd_y: float) -> dict[str, dict[str, float]]:
    """Sobol' indices of X·Y (− a constant) for independent X, Y:
    Var = μy²σx² + μx²σy² + σx²σy²; S_X = μy²σx²/Var; ST_X = (μy²σx² + σx²σy²)/Var."""
    vx, vy, vxy = mu_y**2 * sd_x**2, mu_x**2 * sd_y**2, sd_x**2 * sd_y**2
    var = vx + vy + vxy
    return {"x": {"S1": vx / var, "ST": (vx + vxy) / var}, "y": {"S1": vy / var, "ST": (vy + vxy) / var},
            "variance": {"total": var}}
