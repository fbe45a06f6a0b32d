"""Inverse CDFs (DESIGN §4): closed forms or a checked numerical inverse, with
max |F(x̂(u)) − u| ≤ 1e-10 against SciPy's exact CDF over a dense grid reaching u = 1e-12 and
1 − 1e-12; and the same u always gives the same x, however the uniforms are grouped."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from mkba.core import distributions
from mkba.core.distributions import U_TOLERANCE, parse_parameter


def _lognormal(mean, sd):
    sigma2 = math.log1p((sd / mean) ** 2)
    return stats.lognorm(math.sqrt(sigma2), scale=math.exp(math.log(mean) - sigma2 / 2))


def _pert(a, m, b, lam=4.0):
    w = b - a
    return stats.beta(1 + lam * (m - a) / w, 1 + lam * (b - m) / w, loc=a, scale=w)


# (record, the exact distribution from scipy.stats)
FAMILIES = [
    ({"dist": "uniform", "min": 2, "max": 8}, stats.uniform(2, 6)),
    ({"dist": "triangular", "min": 0, "mode": 1, "max": 4}, stats.triang(0.25, loc=0, scale=4)),
    ({"dist": "triangular", "min": 0, "mode": 0, "max": 1}, stats.triang(0.0, loc=0, scale=1)),
    ({"dist": "triangular", "min": 3, "mode": 5, "max": 5}, stats.triang(1.0, loc=3, scale=2)),
    ({"dist": "pert", "min": 0.25, "mode": 0.35, "max": 0.45}, _pert(0.25, 0.35, 0.45)),
    ({"dist": "pert", "min": 0, "mode": 1, "max": 10}, _pert(0, 1, 10)),
    ({"dist": "pert", "min": 100, "mode": 990, "max": 1000}, _pert(100, 990, 1000)),
    ({"dist": "pert", "min": 0, "mode": 5, "max": 10, "lambda": 2}, _pert(0, 5, 10, 2)),
    ({"dist": "pert", "min": 0, "mode": 0, "max": 1}, _pert(0, 0, 1)),  # alpha = 1: exact inverse
    ({"dist": "normal", "mean": 10, "sd": 2}, stats.norm(10, 2)),
    ({"dist": "normal", "mean": 0, "sd": 1, "min": -1, "max": 1}, stats.truncnorm(-1, 1)),
    ({"dist": "normal", "mean": 15, "sd": 2, "min": 0}, stats.truncnorm(-7.5, np.inf, loc=15, scale=2)),
    ({"dist": "normal", "mean": 5, "sd": 2, "min": 11, "max": 30}, stats.truncnorm(3, 12.5, loc=5, scale=2)),
    ({"dist": "normal", "mean": 5, "sd": 2, "max": -1}, stats.truncnorm(-np.inf, -3, loc=5, scale=2)),
    ({"dist": "lognormal", "mean": 100, "sd": 30}, _lognormal(100, 30)),
    ({"dist": "lognormal", "mean": 1, "sd": 3}, _lognormal(1, 3)),
    ({"dist": "beta", "alpha": 2, "beta": 6}, stats.beta(2, 6)),
    ({"dist": "beta", "alpha": 1.5, "beta": 60}, stats.beta(1.5, 60)),
    ({"dist": "beta", "alpha": 400, "beta": 300}, stats.beta(400, 300)),
    ({"dist": "beta", "alpha": 0.5, "beta": 0.7}, stats.beta(0.5, 0.7)),  # unbounded density: exact inverse
    ({"dist": "beta", "successes": 7, "trials": 10, "min": 10, "max": 20}, stats.beta(8, 4, loc=10, scale=10)),
    ({"dist": "gamma", "mean": 4, "sd": 2}, stats.gamma(4, scale=1)),
    ({"dist": "gamma", "shape": 50, "scale": 2}, stats.gamma(50, scale=2)),
    ({"dist": "gamma", "shape": 1.2, "scale": 3}, stats.gamma(1.2, scale=3)),
    ({"dist": "gamma", "shape": 0.3, "scale": 2}, stats.gamma(0.3, scale=2)),  # shape < 1: exact inverse
]

TAILS = np.array([1e-12, 3e-12, 1e-11, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3])
GRID = np.sort(np.concatenate([TAILS, 1.0 - TAILS, (np.arange(1, 200_000) + 0.37) / 200_000]))


@pytest.mark.parametrize(("record", "exact"), FAMILIES, ids=lambda x: str(x)[:50] if isinstance(x, dict) else "")
def test_inverse_cdf_error_in_u_is_below_1e_10(record, exact):
    spec = parse_parameter(record)
    x = spec.ppf(GRID)
    error = np.abs(exact.cdf(x) - GRID)
    assert float(np.max(error)) <= U_TOLERANCE, (record, float(np.max(error)), GRID[np.argmax(error)])
    assert np.all(np.diff(x) >= 0), "the inverse must be monotone"
    low, high = spec.support
    assert x.min() >= low and x.max() <= high


@pytest.mark.parametrize(("record", "exact"), FAMILIES[:9:4] + FAMILIES[16:18] + FAMILIES[21:22],
                         ids=lambda x: str(x)[:50] if isinstance(x, dict) else "")
def test_same_u_same_x_however_grouped(record, exact):
    spec = parse_parameter(record)
    u = np.random.default_rng(1).random(5_000)
    whole = spec.ppf(u)
    parts = np.concatenate([spec.ppf(u[:1]), spec.ppf(u[1:2_000]), spec.ppf(u[2_000:][::-1])[::-1]])
    assert np.array_equal(whole, parts)
    assert np.array_equal(whole[::3], spec.ppf(u[::3]))  # strided input


def test_numerical_inverse_serves_smooth_shapes_and_exact_serves_the_rest():
    """PERT/beta with both shapes > 1 and gamma with shape > 1 use the fast numerical inverse (not
    the special function: it differs from it, within the tolerance); unbounded densities fall
    back to the exact inverse (equal to it bit for bit)."""
    from scipy import special

    u = np.linspace(0.001, 0.999, 999)
    fast = distributions.numerical_inverse("beta", 3.0, 3.0)(u)
    assert not np.array_equal(fast, special.betaincinv(3.0, 3.0, u))
    np.testing.assert_allclose(fast, special.betaincinv(3.0, 3.0, u), atol=1e-9)
    assert not np.array_equal(distributions.numerical_inverse("gamma", 4.0)(u), special.gammaincinv(4.0, u))
    assert np.array_equal(distributions.numerical_inverse("beta", 0.5, 0.7)(u), special.betaincinv(0.5, 0.7, u))
    assert np.array_equal(distributions.numerical_inverse("gamma", 0.3)(u), special.gammaincinv(0.3, u))
