"""Parameter records: frozen, validated distributions with inverse CDFs and exact moments.

Every uncertain parameter of a case is a *named record*, e.g.
``{dist: pert, min: 0.25, mode: 0.35, max: 0.45, source: evaluatie-2019}``; fields are never
positional. Each family maps uniforms in (0, 1) to values through its inverse CDF
(:meth:`ParameterSpec.ppf`), so any uniform design (Monte Carlo, Latin hypercube, Sobol) and
any rank-correlation method works for every family.

Shapes: ``ppf`` takes a 1-D array of uniforms (one per draw) and returns an array of the
same shape.

Inverse CDFs (DESIGN §4): closed forms for uniform, triangular, normal (``ndtri``), truncated
normal (``ndtri`` of a rescaled u, on the tail side that keeps precision) and lognormal; beta,
PERT and gamma use SciPy's ``NumericalInversePolynomial`` (UNU.RAN PINV), built once per
distinct shape and cached per process (see :func:`numerical_inverse`), checked at build time
to keep |F(x̂(u)) − u| ≤ :data:`U_TOLERANCE`; where that check fails (e.g. a beta shape below 1,
whose density is unbounded) the exact special-function inverse is used for that shape. Either
way the map from u to x is a fixed function of the parameter record: the same uniforms always
give the same values, in any process, and :mod:`mkba.core.reference` uses the same ``ppf``.

References
----------
.. [1] Vose, D. (2008). *Risk Analysis: A Quantitative Guide*, 3rd ed., Wiley (PERT, §10).
.. [2] Johnson, Kotz & Balakrishnan (1994). *Continuous Univariate Distributions*, Wiley.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Annotated, Any, ClassVar, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from mkba.core.errors import Invalid

Number = Annotated[float, Field(allow_inf_nan=False)]


class _LazyStats:
    """``scipy.stats``, imported on first use: reading, validating (and refusing) a case does
    not pay scipy's import time."""

    def __getattr__(self, name: str):
        from scipy import stats as _stats

        return getattr(_stats, name)


stats = _LazyStats()


class _LazySpecial:
    """``scipy.special`` (the inverse CDFs' special functions), imported on first use."""

    def __getattr__(self, name: str):
        from scipy import special as _special

        return getattr(_special, name)


special = _LazySpecial()


def _g(x: float) -> str:
    return f"{x:g}"


class ParameterSpec(BaseModel):
    """Fields every parameter record shares; subclasses add the family's named fields."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    family: ClassVar[str] = ""
    base: Number | None = None
    unit: str | None = None
    source: str | None = None
    note: str | None = None
    label: str | None = None  # display name in tables and figures (format extension, DESIGN §11)
    calibrated: str | None = None  # why and to what the value was calibrated (DESIGN §14); None: not calibrated
    price_year: int | None = Field(default=None, ge=1900, le=2100)  # price level of a money amount (e.g. 2022 for Kostenhandleiding prices)
    # Evidence of a value (the value bank, DESIGN §19); descriptive, the model does not read them:
    method: Literal["market_price", "avoided_cost", "wellbeing", "willingness_to_pay"] | None = None
    excerpt: str | None = None  # the source's own words with the figure (≤ 30 words)
    deadweight: float | None = Field(default=None, ge=0.0, le=1.0)  # the deadweight the source gives (not applied)
    overdraagbaarheid: str | None = None  # transferred from another country/setting: how, and why the wider range

    #: True for a parameter whose values are rows of a draws file, joint with the file's other
    #: columns (its uniforms are the file's shared stream, and it cannot be rank-correlated).
    from_draws_file: ClassVar[bool] = False

    # -- interface -------------------------------------------------------------------------
    def ppf(self, u: np.ndarray) -> np.ndarray:
        """Inverse CDF: map uniforms in (0, 1) to parameter values (same shape)."""
        raise NotImplementedError

    def values_at(self, u: np.ndarray) -> np.ndarray:
        """The parameter's values for a run's uniforms ``u`` (one per draw): its inverse CDF.
        A draws-file parameter overrides this to read rows of its file (:meth:`Draws.pick`);
        methods that vary parameters one at a time use :meth:`ppf` (the marginal)."""
        return self.ppf(u)

    @property
    def mean(self) -> float:
        """Exact mean of the distribution."""
        raise NotImplementedError

    @property
    def sd(self) -> float:
        """Exact standard deviation of the distribution."""
        raise NotImplementedError

    @property
    def support(self) -> tuple[float, float]:
        """Smallest interval holding all probability mass (may be infinite)."""
        raise NotImplementedError

    # -- derived ---------------------------------------------------------------------------
    @property
    def is_fixed(self) -> bool:
        return False

    @property
    def base_value(self) -> float:
        """The deterministic value: ``base`` if given, else the distribution's mean."""
        return float(self.base) if self.base is not None else float(self.mean)

    def quantile(self, p: float) -> float:
        """The value at cumulative probability ``p`` (e.g. 0.1 for P10)."""
        return float(self.ppf(np.array([p]))[0])

    @model_validator(mode="after")
    def _base_inside_support(self) -> ParameterSpec:
        if self.base is not None and not self.is_fixed:
            low, high = self.support
            if not low <= self.base <= high:
                raise Invalid(
                    "dist.base_outside", f"base ({_g(self.base)}) lies outside the distribution's range "
                    f"[{_g(low)}, {_g(high)}]; choose a base inside it", base=self.base, low=low, high=high
                )
        return self


class Fixed(ParameterSpec):
    """A known number: ``{value: x}`` or ``{dist: fixed, value: x}``."""

    family: ClassVar[str] = "fixed"
    dist: Literal["fixed"] = "fixed"
    value: Number

    @property
    def is_fixed(self) -> bool:
        return True

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return np.full(np.shape(u), float(self.value))

    @property
    def mean(self) -> float:
        return float(self.value)

    @property
    def sd(self) -> float:
        return 0.0

    @property
    def support(self) -> tuple[float, float]:
        return (float(self.value), float(self.value))

    @property
    def base_value(self) -> float:
        return float(self.value)


class Uniform(ParameterSpec):
    """Uniform on [min, max]."""

    family: ClassVar[str] = "uniform"
    dist: Literal["uniform"]
    min: Number
    max: Number

    @model_validator(mode="after")
    def _check(self) -> Uniform:
        if not self.max > self.min:
            raise Invalid("dist.max_not_above_min", f"max ({_g(self.max)}) must be > min ({_g(self.min)})",
                          max=self.max, min=self.min)
        return self

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return self.min + u * (self.max - self.min)

    @property
    def mean(self) -> float:
        return (self.min + self.max) / 2

    @property
    def sd(self) -> float:
        return (self.max - self.min) / math.sqrt(12)

    @property
    def support(self) -> tuple[float, float]:
        return (self.min, self.max)


class Triangular(ParameterSpec):
    """Triangular with named ``min``, ``mode``, ``max``."""

    family: ClassVar[str] = "triangular"
    dist: Literal["triangular"]
    min: Number
    mode: Number
    max: Number

    @model_validator(mode="after")
    def _check(self) -> Triangular:
        _check_min_mode_max(self.min, self.mode, self.max)
        return self

    def ppf(self, u: np.ndarray) -> np.ndarray:
        # closed form: F(x) = (x − a)² / ((b − a)(c − a)) left of the mode c, 1 − (b − x)² / ((b − a)(b − c)) right of it
        u = np.asarray(u, dtype=float)
        width = self.max - self.min
        c = (self.mode - self.min) / width
        left = self.min + width * np.sqrt(u * c)
        right = self.max - width * np.sqrt((1.0 - u) * (1.0 - c))
        return np.clip(np.where(u < c, left, right), self.min, self.max)

    @property
    def mean(self) -> float:
        return (self.min + self.mode + self.max) / 3

    @property
    def sd(self) -> float:
        a, c, b = self.min, self.mode, self.max
        return math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18)

    @property
    def support(self) -> tuple[float, float]:
        return (self.min, self.max)


class Pert(ParameterSpec):
    """(Modified) PERT: a beta on [min, max] with shape from ``mode`` and ``lambda`` (default 4).

    alpha = 1 + lambda (mode - min) / (max - min), beta = 1 + lambda (max - mode) / (max - min);
    mean = (min + lambda mode + max) / (lambda + 2) [1]_.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    family: ClassVar[str] = "pert"
    dist: Literal["pert"]
    min: Number
    mode: Number
    max: Number
    lambda_: Number = Field(default=4.0, alias="lambda")

    @model_validator(mode="after")
    def _check(self) -> Pert:
        _check_min_mode_max(self.min, self.mode, self.max)
        if not self.lambda_ > 0:
            raise Invalid("dist.lambda_positive", f"lambda ({_g(self.lambda_)}) must be > 0 (4 is the usual PERT choice)",
                          value=self.lambda_)
        return self

    @property
    def shape(self) -> tuple[float, float]:
        width = self.max - self.min
        return (1 + self.lambda_ * (self.mode - self.min) / width,
                1 + self.lambda_ * (self.max - self.mode) / width)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        a, b = self.shape
        return self.min + (self.max - self.min) * beta_ppf(a, b, u)

    @property
    def mean(self) -> float:
        return (self.min + self.lambda_ * self.mode + self.max) / (self.lambda_ + 2)

    @property
    def sd(self) -> float:
        a, b = self.shape
        width = self.max - self.min
        return width * math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))

    @property
    def support(self) -> tuple[float, float]:
        return (self.min, self.max)


class Normal(ParameterSpec):
    """Normal with ``mean`` and ``sd``; optional ``min``/``max`` truncate it.

    With truncation, ``mean`` and ``sd`` are those of the parent normal; :attr:`mean` and
    :attr:`sd` of this object are the exact moments of the truncated distribution.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    family: ClassVar[str] = "normal"
    dist: Literal["normal"]
    mean_: Number = Field(alias="mean")
    sd_: Number = Field(alias="sd")
    min: Number | None = None
    max: Number | None = None

    @model_validator(mode="after")
    def _check(self) -> Normal:
        if not self.sd_ > 0:
            raise Invalid("dist.sd_positive_fixed", f"sd ({_g(self.sd_)}) must be > 0; use {{value: ...}} for a fixed number",
                          sd=self.sd_)
        if self.min is not None and self.max is not None and not self.max > self.min:
            raise Invalid("dist.max_not_above_min", f"max ({_g(self.max)}) must be > min ({_g(self.min)})",
                          max=self.max, min=self.min)
        if self._mass() < 1e-12:
            raise Invalid("dist.truncation_empty", "the truncation range [min, max] holds no probability mass; widen it")
        return self

    @property
    def _lower(self) -> float:
        return -math.inf if self.min is None else self.min

    @property
    def _upper(self) -> float:
        return math.inf if self.max is None else self.max

    def _mass(self) -> float:
        """Probability of the parent normal inside [min, max]."""
        a = (self._lower - self.mean_) / self.sd_
        b = (self._upper - self.mean_) / self.sd_
        def ndtr(x: float) -> float:  # standard normal CDF; math keeps validation free of scipy
            return 0.5 * math.erfc(-x / math.sqrt(2.0))

        if a > 0:
            return ndtr(-a) - ndtr(-b)
        return ndtr(b) - ndtr(a)

    def _frozen_dist(self):
        from scipy import stats

        if self.min is None and self.max is None:
            return stats.norm(self.mean_, self.sd_)
        a = (self._lower - self.mean_) / self.sd_
        b = (self._upper - self.mean_) / self.sd_
        return stats.truncnorm(a, b, loc=self.mean_, scale=self.sd_)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        u = np.asarray(u, dtype=float)
        if self.min is None and self.max is None:
            return self.mean_ + self.sd_ * special.ndtri(u)
        a = (self._lower - self.mean_) / self.sd_
        b = (self._upper - self.mean_) / self.sd_
        if a > 0:  # mass in the upper tail: work with survival probabilities, which are precise there
            sa, sb = special.ndtr(-a), special.ndtr(-b)
            z = -special.ndtri(sa - u * (sa - sb))
        else:
            fa, fb = special.ndtr(a), special.ndtr(b)
            z = special.ndtri(fa + u * (fb - fa))
        return np.clip(self.mean_ + self.sd_ * z, self._lower, self._upper)

    @property
    def mean(self) -> float:
        return float(self._frozen_dist().mean())

    @property
    def sd(self) -> float:
        return float(self._frozen_dist().std())

    @property
    def support(self) -> tuple[float, float]:
        return (self._lower, self._upper)


class LogNormal(ParameterSpec):
    """Lognormal given by its ``mean`` and ``sd`` on the natural scale (not the log scale).

    sigma^2 = ln(1 + sd^2 / mean^2), mu = ln(mean) - sigma^2 / 2.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    family: ClassVar[str] = "lognormal"
    dist: Literal["lognormal"]
    mean_: Number = Field(alias="mean")
    sd_: Number = Field(alias="sd")

    @model_validator(mode="after")
    def _check(self) -> LogNormal:
        if not self.mean_ > 0:
            raise Invalid("dist.lognormal_mean", f"mean ({_g(self.mean_)}) must be > 0 for a lognormal", mean=self.mean_)
        if not self.sd_ > 0:
            raise Invalid("dist.sd_positive", f"sd ({_g(self.sd_)}) must be > 0", sd=self.sd_)
        return self

    @property
    def log_params(self) -> tuple[float, float]:
        sigma2 = math.log1p((self.sd_ / self.mean_) ** 2)
        return math.log(self.mean_) - sigma2 / 2, math.sqrt(sigma2)

    def ppf(self, u: np.ndarray) -> np.ndarray:
        mu, sigma = self.log_params
        return np.exp(mu + sigma * special.ndtri(np.asarray(u, dtype=float)))

    @property
    def mean(self) -> float:
        return float(self.mean_)

    @property
    def sd(self) -> float:
        return float(self.sd_)

    @property
    def support(self) -> tuple[float, float]:
        return (0.0, math.inf)


class Beta(ParameterSpec):
    """Beta by ``alpha``/``beta``, or ``mean``/``sd``, or ``successes``/``trials``.

    ``successes``/``trials`` gives the posterior under a uniform prior:
    Beta(successes + 1, trials - successes + 1). Optional ``min``/``max`` rescale from [0, 1];
    ``mean`` and ``sd`` are then on the rescaled scale.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    family: ClassVar[str] = "beta"
    dist: Literal["beta"]
    alpha: Number | None = None
    beta: Number | None = None
    mean_: Number | None = Field(default=None, alias="mean")
    sd_: Number | None = Field(default=None, alias="sd")
    successes: int | None = None
    trials: int | None = None
    min: Number = 0.0
    max: Number = 1.0

    @model_validator(mode="after")
    def _check(self) -> Beta:
        given = {
            "alpha/beta": self.alpha is not None or self.beta is not None,
            "mean/sd": self.mean_ is not None or self.sd_ is not None,
            "successes/trials": self.successes is not None or self.trials is not None,
        }
        chosen = [k for k, v in given.items() if v]
        if len(chosen) != 1:
            raise Invalid(
                "dist.beta_one_way", "give exactly one of alpha/beta, mean/sd or successes/trials "
                f"(found: {', '.join(chosen) or 'none'})", found=", ".join(chosen)
            )
        if not self.max > self.min:
            raise Invalid("dist.max_not_above_min", f"max ({_g(self.max)}) must be > min ({_g(self.min)})",
                          max=self.max, min=self.min)
        kind = chosen[0]
        if kind == "alpha/beta":
            if self.alpha is None or self.beta is None:
                raise Invalid("dist.give_both", "give both alpha and beta", a="alpha", b="beta")
            if not (self.alpha > 0 and self.beta > 0):
                raise Invalid("dist.both_positive", f"alpha ({_g(self.alpha)}) and beta ({_g(self.beta)}) must be > 0",
                              a="alpha", b="beta", va=self.alpha, vb=self.beta)
        elif kind == "mean/sd":
            if self.mean_ is None or self.sd_ is None:
                raise Invalid("dist.give_both", "give both mean and sd", a="mean", b="sd")
            width = self.max - self.min
            m = (self.mean_ - self.min) / width
            s = self.sd_ / width
            if not 0 < m < 1:
                raise Invalid("dist.beta_mean_range", f"mean ({_g(self.mean_)}) must lie strictly between min ({_g(self.min)}) "
                              f"and max ({_g(self.max)})", mean=self.mean_, min=self.min, max=self.max)
            if not (s > 0 and s * s < m * (1 - m)):
                limit = width * math.sqrt(m * (1 - m))
                raise Invalid(
                    "dist.beta_sd_impossible", f"sd ({_g(self.sd_)}) is impossible for a beta with mean {_g(self.mean_)}: "
                    f"sd must be > 0 and < {limit:.4g} (sd² < mean·(1 − mean) on the unit scale)", sd=self.sd_, mean=self.mean_, limit=limit
                )
        else:
            if self.successes is None or self.trials is None:
                raise Invalid("dist.give_both", "give both successes and trials", a="successes", b="trials")
            if not (self.trials >= 1 and 0 <= self.successes <= self.trials):
                raise Invalid(
                    "dist.successes_trials", f"need 0 ≤ successes ({self.successes}) ≤ trials ({self.trials}) and trials ≥ 1",
                    successes=self.successes, trials=self.trials
                )
        return self

    @property
    def shape(self) -> tuple[float, float]:
        """(alpha, beta) of the standard beta on [0, 1]."""
        if self.alpha is not None:
            return float(self.alpha), float(self.beta)
        if self.successes is not None:
            return self.successes + 1.0, self.trials - self.successes + 1.0
        width = self.max - self.min
        m = (self.mean_ - self.min) / width
        s = self.sd_ / width
        common = m * (1 - m) / (s * s) - 1
        return m * common, (1 - m) * common

    def ppf(self, u: np.ndarray) -> np.ndarray:
        a, b = self.shape
        return self.min + (self.max - self.min) * beta_ppf(a, b, u)

    @property
    def mean(self) -> float:
        a, b = self.shape
        return self.min + (self.max - self.min) * a / (a + b)

    @property
    def sd(self) -> float:
        a, b = self.shape
        return (self.max - self.min) * math.sqrt(a * b / ((a + b) ** 2 * (a + b + 1)))

    @property
    def support(self) -> tuple[float, float]:
        return (self.min, self.max)


class Gamma(ParameterSpec):
    """Gamma by ``mean``/``sd`` or ``shape``/``scale``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    family: ClassVar[str] = "gamma"
    dist: Literal["gamma"]
    mean_: Number | None = Field(default=None, alias="mean")
    sd_: Number | None = Field(default=None, alias="sd")
    shape_: Number | None = Field(default=None, alias="shape")
    scale: Number | None = None

    @model_validator(mode="after")
    def _check(self) -> Gamma:
        by_moments = self.mean_ is not None or self.sd_ is not None
        by_shape = self.shape_ is not None or self.scale is not None
        if by_moments == by_shape:
            raise Invalid("dist.gamma_one_way", "give either mean/sd or shape/scale")
        if by_moments:
            if self.mean_ is None or self.sd_ is None:
                raise Invalid("dist.give_both", "give both mean and sd", a="mean", b="sd")
            if not (self.mean_ > 0 and self.sd_ > 0):
                raise Invalid("dist.both_positive", f"mean ({_g(self.mean_)}) and sd ({_g(self.sd_)}) must be > 0",
                              a="mean", b="sd", va=self.mean_, vb=self.sd_)
        else:
            if self.shape_ is None or self.scale is None:
                raise Invalid("dist.give_both", "give both shape and scale", a="shape", b="scale")
            if not (self.shape_ > 0 and self.scale > 0):
                raise Invalid("dist.both_positive", f"shape ({_g(self.shape_)}) and scale ({_g(self.scale)}) must be > 0",
                              a="shape", b="scale", va=self.shape_, vb=self.scale)
        return self

    @property
    def params(self) -> tuple[float, float]:
        """(shape k, scale theta)."""
        if self.shape_ is not None:
            return float(self.shape_), float(self.scale)
        return (self.mean_ / self.sd_) ** 2, self.sd_**2 / self.mean_

    def ppf(self, u: np.ndarray) -> np.ndarray:
        k, theta = self.params
        return theta * gamma_ppf(k, u)

    @property
    def mean(self) -> float:
        k, theta = self.params
        return k * theta

    @property
    def sd(self) -> float:
        k, theta = self.params
        return math.sqrt(k) * theta

    @property
    def support(self) -> tuple[float, float]:
        return (0.0, math.inf)


class Discrete(ParameterSpec):
    """A finite set of ``values`` with probabilities ``probs`` (summing to 1)."""

    family: ClassVar[str] = "discrete"
    dist: Literal["discrete"]
    values: list[Number] = Field(min_length=1)
    probs: list[Number] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Discrete:
        if len(self.values) != len(self.probs):
            raise Invalid("dist.values_probs_length", f"values ({len(self.values)}) and probs ({len(self.probs)}) "
                          "must have the same length", n_values=len(self.values), n_probs=len(self.probs))
        if any(p < 0 for p in self.probs):
            raise Invalid("dist.probs_negative", "probs must be ≥ 0")
        if abs(sum(self.probs) - 1) > 1e-9:
            raise Invalid("dist.probs_sum", f"probs must sum to 1 (they sum to {sum(self.probs):.6g})", total=sum(self.probs))
        return self

    def _sorted(self) -> tuple[np.ndarray, np.ndarray]:
        order = np.argsort(self.values, kind="stable")
        values = np.asarray(self.values, dtype=float)[order]
        cum = np.cumsum(np.asarray(self.probs, dtype=float)[order])
        cum[-1] = 1.0
        return values, cum

    def ppf(self, u: np.ndarray) -> np.ndarray:
        values, cum = self._sorted()
        index = np.searchsorted(cum, u, side="left")
        return values[np.minimum(index, len(values) - 1)]

    @property
    def mean(self) -> float:
        return float(np.dot(self.values, self.probs))

    @property
    def sd(self) -> float:
        v = np.asarray(self.values, dtype=float)
        return float(math.sqrt(max(np.dot(self.probs, (v - self.mean) ** 2), 0.0)))

    @property
    def support(self) -> tuple[float, float]:
        return (float(min(self.values)), float(max(self.values)))


class _ObservedValues:
    """What a parameter given by its observed ``values`` knows of itself (empirical, draws file):
    the sorted values as the marginal inverse CDF, their mean, sd and range. (How draws map
    uniforms to values stays the subclass's own: ``values_at`` is not defined here.)"""

    def ppf(self, u: np.ndarray) -> np.ndarray:
        return sorted_values_ppf(self.values, u)

    @property
    def mean(self) -> float:
        return float(np.mean(self.values))

    @property
    def sd(self) -> float:
        return float(np.std(self.values))

    @property
    def support(self) -> tuple[float, float]:
        if not self.values:
            return (-math.inf, math.inf)
        return (float(min(self.values)), float(max(self.values)))


class Empirical(_ObservedValues, ParameterSpec):
    """Observed ``values``, resampled with replacement (each equally likely)."""

    family: ClassVar[str] = "empirical"
    dist: Literal["empirical"]
    values: list[Number] = Field(min_length=1)



class Draws(_ObservedValues, ParameterSpec):
    """Values taken from a column of a draws file (DESIGN §11): ``{dist: draws, file, column,
    order: resample | sequential}``.

    The core never reads files: the data-in loader (:mod:`mkba.data_in.draws`) reads the file
    and passes the column's values in ``values`` (file row order) and a stable ``key`` naming
    the file. All parameters with the same ``key`` share one row per draw, so the joint
    uncertainty in the file is kept; :meth:`pick` maps the file's one uniform per draw to a row
    (``floor(u · rows)``). :meth:`ppf` is the marginal inverse CDF (the sorted column), used by
    methods that treat parameters one at a time (tornado, Sobol, Morris).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    family: ClassVar[str] = "draws"
    from_draws_file: ClassVar[bool] = True
    dist: Literal["draws"]
    file: str
    column: str
    order: Literal["resample", "sequential"] = "resample"
    values: tuple[Number, ...] | None = None
    key: str | None = None
    sha256: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Draws:
        if self.values is None:
            raise ValueError(f"the draws file '{self.file}' has not been read (load the case with mkba.load_case)")
        if len(self.values) < 1:
            raise ValueError(f"the draws file '{self.file}' has no rows")
        return self

    @property
    def rows(self) -> int:
        return len(self.values or ())

    @property
    def stream(self) -> str:
        """Name of the file's shared design column (keyed by file, not by parameter)."""
        return "draws-file:" + (self.key or self.file)

    def pick(self, u: np.ndarray) -> np.ndarray:
        """Values at rows ``floor(u · rows)`` in file order (the joint, row-keeping mapping)."""
        values = np.asarray(self.values, dtype=float)
        index = np.floor(np.asarray(u) * len(values)).astype(np.int64)
        return values[np.clip(index, 0, len(values) - 1)]

    def values_at(self, u: np.ndarray) -> np.ndarray:
        return self.pick(u)



# ============================================================================================
# Numerical inverse CDFs (beta, PERT, gamma)
# ============================================================================================

U_TOLERANCE = 1e-10  # largest |F(x̂(u)) − u| a numerical inverse may have (DESIGN §4)
_PINV_RESOLUTION = 1e-12  # what PINV is asked for; the build-time check demands U_TOLERANCE
_CHECK_TAILS = np.array([1e-14, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4])
_CHECK_GRID = np.sort(np.concatenate([_CHECK_TAILS, 1.0 - _CHECK_TAILS, (np.arange(1, 4096) / 4096)]))
# Inverses per distinct shape, built lazily in each process from plain numbers and reused by
# every later chunk. This is a cache of pure functions, not random state.
_INVERSES: dict[tuple, Callable[[np.ndarray], np.ndarray]] = {}
_MAX_INVERSES = 1024
# Benchmarks only (``benchmarks/bench_engine.py``): True restores the exact special-function
# inverse everywhere, to measure what the numerical inverse saves. Not a user option.
_EXACT_INVERSE = False


class _BetaDensity:
    """Standard beta density scaled to 1 at its mode (a, b > 1), for PINV (scalar calls)."""

    def __init__(self, a: float, b: float):
        self.a, self.b = a, b
        self.mode = (a - 1) / (a + b - 2)
        self.log_top = (a - 1) * math.log(self.mode) + (b - 1) * math.log1p(-self.mode)

    def pdf(self, x: float) -> float:
        if not 0.0 < x < 1.0:
            return 0.0
        return math.exp((self.a - 1.0) * math.log(x) + (self.b - 1.0) * math.log1p(-x) - self.log_top)


class _GammaDensity:
    """Standard gamma density (scale 1) scaled to 1 at its mode (k > 1), for PINV (scalar calls)."""

    def __init__(self, k: float):
        self.k = k
        self.mode = k - 1.0

    def pdf(self, x: float) -> float:
        if not x > 0.0:
            return 0.0
        return math.exp((self.k - 1.0) * math.log(x / self.mode) - (x - self.mode))


def sorted_values_ppf(values, u: np.ndarray) -> np.ndarray:
    """The inverse CDF of a list of equally likely values: the sorted values, value
    ``floor(u · n)`` for uniform ``u`` (``empirical`` parameters; the marginal of a draws-file
    column)."""
    ordered = np.sort(np.asarray(values, dtype=float))
    index = np.floor(np.asarray(u) * len(ordered)).astype(np.int64)
    return ordered[np.clip(index, 0, len(ordered) - 1)]


def numerical_inverse(kind: str, *shape: float) -> Callable[[np.ndarray], np.ndarray]:
    """The inverse CDF of the standard ``beta(a, b)`` (on [0, 1]) or ``gamma(k)`` (scale 1).

    Built once per process and shape: SciPy's ``NumericalInversePolynomial`` from the density,
    then checked on a fixed grid of u (tails down to 1e-14) against the exact CDF; if it cannot
    be built or misses :data:`U_TOLERANCE`, the exact special-function inverse (``betaincinv``,
    ``gammaincinv``) serves this shape instead. The choice depends only on the shape, so the
    same uniforms give the same values in every process.
    """
    key = (kind, *(float(x) for x in shape))
    inverse = _INVERSES.get(key)
    if inverse is None:
        while len(_INVERSES) >= _MAX_INVERSES:  # bounded: drop the oldest shape
            _INVERSES.pop(next(iter(_INVERSES)))
        inverse = _INVERSES[key] = _build_inverse(kind, *key[1:])
    return inverse


def _build_inverse(kind: str, *shape: float) -> Callable[[np.ndarray], np.ndarray]:
    from scipy.stats.sampling import NumericalInversePolynomial

    if kind == "beta":
        a, b = shape
        exact = lambda u: special.betaincinv(a, b, u)  # noqa: E731
        if not (a > 1 and b > 1):  # density unbounded or maximal at an end: PINV is slow or inaccurate there
            return exact
        cdf = lambda x: special.betainc(a, b, x)  # noqa: E731
        density = _BetaDensity(a, b)
        domain, low, high = (0.0, 1.0), 0.0, 1.0
    elif kind == "gamma":
        (k,) = shape
        exact = lambda u: special.gammaincinv(k, u)  # noqa: E731
        if not k > 1:
            return exact
        cdf = lambda x: special.gammainc(k, x)  # noqa: E731
        density = _GammaDensity(k)
        # a finite domain holding all but ~1e-17 of the mass spares PINV its search for the tail
        domain, low, high = (0.0, float(special.gammainccinv(k, 1e-17))), 0.0, math.inf
    else:
        raise ValueError(f"no numerical inverse for '{kind}'")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # UNU.RAN reports accuracy trouble as warnings; we check below
            pinv = NumericalInversePolynomial(density, domain=domain, center=density.mode,
                                              u_resolution=_PINV_RESOLUTION,
                                              random_state=np.random.default_rng(0))
            x = np.clip(pinv.ppf(_CHECK_GRID), low, high)
            error = float(np.max(np.abs(cdf(x) - _CHECK_GRID)))
    except Exception:  # noqa: BLE001 - any set-up failure means: use the exact inverse
        return exact
    if not error <= U_TOLERANCE:
        return exact

    def inverse(u: np.ndarray) -> np.ndarray:
        return np.clip(pinv.ppf(u), low, high)

    return inverse


def beta_ppf(a: float, b: float, u: np.ndarray) -> np.ndarray:
    """Inverse CDF of the standard beta(a, b) at ``u`` (numerical, cached per shape)."""
    u = np.asarray(u, dtype=float)
    if _EXACT_INVERSE:
        return special.betaincinv(a, b, u)
    return numerical_inverse("beta", a, b)(u)


def gamma_ppf(k: float, u: np.ndarray) -> np.ndarray:
    """Inverse CDF of the standard gamma(k) (scale 1) at ``u`` (numerical, cached per shape)."""
    u = np.asarray(u, dtype=float)
    if _EXACT_INVERSE:
        return special.gammaincinv(k, u)
    return numerical_inverse("gamma", k)(u)


FAMILIES: dict[str, type[ParameterSpec]] = {
    cls.family: cls
    for cls in (Fixed, Uniform, Triangular, Pert, Normal, LogNormal, Beta, Gamma, Discrete, Empirical, Draws)
}


def parse_parameter(record: Any) -> ParameterSpec:
    """Build a validated :class:`ParameterSpec` from a YAML record (raises ``ValueError`` /
    ``pydantic.ValidationError``). A bare number is accepted as a fixed value."""
    if isinstance(record, bool):
        raise Invalid("param.not_record", "a parameter must be a number or a record like {dist: pert, min: …, mode: …, max: …}")
    if isinstance(record, int | float):
        return Fixed(value=record)
    if not isinstance(record, dict):
        raise Invalid("param.not_record", "a parameter must be a number or a record like {dist: pert, min: …, mode: …, max: …}")
    dist = record.get("dist", "fixed" if "value" in record else None)
    if dist is None:
        raise Invalid("param.missing_dist", f"missing 'dist' (one of: {', '.join(FAMILIES)}) or 'value'",
                      families=", ".join(FAMILIES))
    if dist not in FAMILIES:
        raise Invalid("param.unknown_dist", f"unknown dist '{dist}'; choose one of: {', '.join(FAMILIES)}",
                      dist=str(dist), families=", ".join(FAMILIES))
    return FAMILIES[dist].model_validate(record)


def _check_min_mode_max(low: float, mode: float, high: float) -> None:
    if not high > low:
        raise Invalid("dist.max_not_above_min", f"max ({_g(high)}) must be > min ({_g(low)})", max=high, min=low)
    if mode < low:
        raise Invalid("dist.mode_below_min", f"mode ({_g(mode)}) must be ≥ min ({_g(low)})", mode=mode, min=low)
    if mode > high:
        raise Invalid("dist.max_below_mode", f"max ({_g(high)}) must be ≥ mode ({_g(mode)})", max=high, mode=mode)
