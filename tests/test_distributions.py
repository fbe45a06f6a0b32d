"""Every distribution family: exact mean and sd against closed forms, and the inverse CDF
against those moments by numerical integration over a uniform grid."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import integrate

from mkba.core.distributions import parse_parameter

# (record, true_mean, true_sd): closed forms computed by hand, independently of the code.
CASES = [
    ({"value": 3.5}, 3.5, 0.0),
    ({"dist": "uniform", "min": 2, "max": 8}, 5.0, 6 / math.sqrt(12)),
    # triangular: mean (a+b+c)/3, var (a²+b²+c²−ab−ac−bc)/18
    ({"dist": "triangular", "min": 0, "mode": 1, "max": 4}, 5 / 3, math.sqrt((0 + 16 + 1 - 0 - 0 - 4) / 18)),
    # PERT(0.25, 0.35, 0.45): alpha = beta = 3 on width 0.2 -> mean 0.35, sd = 0.2·sqrt(9/(36·7))
    ({"dist": "pert", "min": 0.25, "mode": 0.35, "max": 0.45}, 0.35, 0.2 * math.sqrt(9 / (36 * 7))),
    # PERT(0, 1, 10), lambda 4: mean (0+4+10)/6; alpha = 1.4, beta = 4.6
    ({"dist": "pert", "min": 0, "mode": 1, "max": 10}, 14 / 6, 10 * math.sqrt(1.4 * 4.6 / (36 * 7))),
    # PERT with lambda 2: mean (0 + 2·5 + 10)/4 = 5; alpha = beta = 2 -> sd 10·sqrt(4/(16·5))
    ({"dist": "pert", "min": 0, "mode": 5, "max": 10, "lambda": 2}, 5.0, 10 * math.sqrt(4 / 80)),
    ({"dist": "normal", "mean": 10, "sd": 2}, 10.0, 2.0),
    # normal truncated symmetrically at ±1 sd: mean unchanged; var = 1 − 2φ(1)/(2Φ(1)−1)
    ({"dist": "normal", "mean": 0, "sd": 1, "min": -1, "max": 1}, 0.0,
     math.sqrt(1 - 2 * math.exp(-0.5) / math.sqrt(2 * math.pi) / math.erf(1 / math.sqrt(2)))),
    # normal truncated at the mean from below: half-normal: mean sd·sqrt(2/pi), var sd²(1−2/pi)
    ({"dist": "normal", "mean": 5, "sd": 2, "min": 5}, 5 + 2 * math.sqrt(2 / math.pi), 2 * math.sqrt(1 - 2 / math.pi)),
    ({"dist": "lognormal", "mean": 100, "sd": 30}, 100.0, 30.0),
    ({"dist": "beta", "alpha": 2, "beta": 6}, 0.25, math.sqrt(12 / (64 * 9))),
    ({"dist": "beta", "mean": 0.3, "sd": 0.1}, 0.3, 0.1),
    ({"dist": "beta", "mean": 30, "sd": 5, "min": 0, "max": 100}, 30.0, 5.0),
    # successes/trials: Beta(8, 4) -> mean 8/12, var 32/(144·13)
    ({"dist": "beta", "successes": 7, "trials": 10}, 8 / 12, math.sqrt(32 / (144 * 13))),
    ({"dist": "gamma", "mean": 4, "sd": 2}, 4.0, 2.0),
    ({"dist": "gamma", "shape": 3, "scale": 2}, 6.0, math.sqrt(3) * 2),
    ({"dist": "discrete", "values": [1, 2, 10], "probs": [0.5, 0.3, 0.2]}, 3.1,
     math.sqrt(0.5 * 1 + 0.3 * 4 + 0.2 * 100 - 3.1**2)),
    ({"dist": "empirical", "values": [2, 4, 4, 6]}, 4.0, math.sqrt(2.0)),
]


@pytest.mark.parametrize(("record", "true_mean", "true_sd"), CASES, ids=lambda x: str(x)[:40])
def test_exact_moments(record, true_mean, true_sd):
    spec = parse_parameter(record)
    assert spec.mean == pytest.approx(true_mean, rel=1e-12, abs=1e-12)
    assert spec.sd == pytest.approx(true_sd, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(("record", "true_mean", "true_sd"), CASES, ids=lambda x: str(x)[:40])
def test_inverse_cdf_reproduces_moments(record, true_mean, true_sd):
    """∫₀¹ ppf(u) du = mean and ∫₀¹ (ppf(u) − mean)² du = var (adaptive quadrature)."""
    spec = parse_parameter(record)
    if spec.family in ("discrete", "empirical", "fixed"):
        u = (np.arange(200_000) + 0.5) / 200_000  # step functions: midpoint rule is exact-ish
        x = spec.ppf(u)
        assert x.mean() == pytest.approx(true_mean, rel=1e-4, abs=1e-9)
        assert x.std() == pytest.approx(true_sd, rel=1e-3, abs=1e-9)
        return
    f = lambda u: float(spec.ppf(np.array([u]))[0])  # noqa: E731
    mean, _ = integrate.quad(f, 0, 1, limit=200)
    var, _ = integrate.quad(lambda u: (f(u) - true_mean) ** 2, 0, 1, limit=200)
    assert mean == pytest.approx(true_mean, rel=1e-6, abs=1e-9)
    assert math.sqrt(var) == pytest.approx(true_sd, rel=1e-5)


def test_ppf_is_monotone_and_inside_support():
    u = np.linspace(1e-9, 1 - 1e-9, 1001)
    for record, _, _ in CASES:
        spec = parse_parameter(record)
        x = spec.ppf(u)
        assert np.all(np.diff(x) >= 0), record
        low, high = spec.support
        assert x.min() >= low - 1e-12 and x.max() <= high + 1e-12, record


def test_base_defaults_to_mean_and_can_be_set():
    spec = parse_parameter({"dist": "pert", "min": 0, "mode": 1, "max": 10})
    assert spec.base_value == pytest.approx(14 / 6)
    spec = parse_parameter({"dist": "pert", "min": 0, "mode": 1, "max": 10, "base": 1})
    assert spec.base_value == 1.0


def test_quantiles_of_uniform():
    spec = parse_parameter({"dist": "uniform", "min": 0, "max": 10})
    assert spec.quantile(0.1) == pytest.approx(1.0)
    assert spec.quantile(0.9) == pytest.approx(9.0)


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        ({"dist": "pert", "min": 0.25, "mode": 0.35, "max": 0.30}, "max (0.3) must be ≥ mode (0.35)"),
        ({"dist": "triangular", "min": 1, "mode": 0, "max": 3}, "mode (0) must be ≥ min (1)"),
        ({"dist": "uniform", "min": 3, "max": 3}, "max (3) must be > min (3)"),
        ({"dist": "beta", "mean": 0.5, "sd": 0.6}, "impossible for a beta"),
        ({"dist": "beta", "alpha": 2}, "give both alpha and beta"),
        ({"dist": "beta", "alpha": 2, "beta": 2, "mean": 0.5, "sd": 0.1}, "exactly one of"),
        ({"dist": "beta", "successes": 11, "trials": 10}, "successes (11) ≤ trials (10)"),
        ({"dist": "normal", "mean": 0, "sd": 0}, "sd (0) must be > 0"),
        ({"dist": "lognormal", "mean": -1, "sd": 1}, "must be > 0"),
        ({"dist": "gamma", "mean": 1}, "give both mean and sd"),
        ({"dist": "discrete", "values": [1, 2], "probs": [0.5, 0.6]}, "must sum to 1"),
        ({"dist": "weibull", "k": 1}, "unknown dist 'weibull'"),
        ({"dist": "pert", "min": 0, "mode": 1, "max": 2, "base": 5}, "outside the distribution's range"),
    ],
)
def test_impossible_specifications_are_rejected(record, fragment):
    with pytest.raises(Exception) as info:
        parse_parameter(record)
    assert fragment in str(info.value)


def test_unknown_field_is_rejected():
    with pytest.raises(Exception) as info:
        parse_parameter({"dist": "pert", "min": 0, "mode": 1, "max": 2, "lamda": 3})
    assert "lamda" in str(info.value)
