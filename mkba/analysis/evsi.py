"""Expected value of sample information (EVSI) of one parameter (DESIGN §13).

EVPPI says what *perfect* knowledge of a parameter θ is worth for the choice between options;
EVSI what N new observations of it are worth before choosing:

    EVSI(N) = E_x[ max_d E(nb_d | x) ] − max_d E(nb_d),       x the N observations,

and 0 ≤ EVSI(N) ≤ EVPPI(θ) ≤ EVPI, rising with N towards EVPPI.

Method
------
1. **The conditional expectation once.** The incremental net benefits Δ_d = nb_d − nb_0 of the
   compare draws are regressed on θ with the EVPPI smoother (a penalised cubic spline with GCV,
   :mod:`mkba.analysis.evppi`; Strong, Oakley & Brennan 2014): ĝ_d(θ) ≈ E(Δ_d | θ). Other
   parameters, correlated or not, are averaged over inside ĝ. Because every observation model
   below informs θ only, E(nb_d | x) = E[g_d(θ) | x] (the other parameters' uncertainty is not
   reduced), as in Strong et al. (2015)'s regression-based EVSI.
2. **The preposterior analysis exactly, on a fine grid of θ.** The prior of θ (the case's own
   distribution: beta, PERT, triangular, uniform, normal, …) is discretised into
   :data:`GRID` equal-width cells of its support (cell masses from the exact CDF; midpoints as
   nodes). The observation model is
   * ``binomial`` — a share on [0, 1] learned from N new registrations: x ~ Binomial(N, θ),
     summed exactly over x = 0 … N;
   * ``normal`` — any continuous parameter learned from N observations with a given sd:
     x̄ ~ N(θ, sd²/N), on a fine grid of x̄ (spacing ≤ sd/(20√N)).
   With the likelihood matrix L[x, j] = P(x | θ_j) and prior masses π_j, the posterior
   expectation is E[g_d | x] ∝ Σ_j L[x, j] π_j g_d(θ_j), so

       EVSI = Σ_x max(0, max_d Σ_j L[x, j] π_j ĝ_d(θ_j)) − max(0, max_d Σ_j π_j ĝ_d(θ_j)).

   This is the exact Bayesian preposterior value for the discretised prior (no Monte Carlo
   error in the sums; it is non-decreasing in N and never exceeds the same prior's EVPPI); the
   discretisation error is of order (cell width)², negligible at :data:`GRID` cells. For a beta
   prior the sums equal the beta-binomial ones (the test suite checks a case with ĝ linear in
   θ against the closed form). A PERT, triangular or uniform share is used as it is, not
   through a moment-matched beta: the grid integrates the case's own prior.
3. **Standard error** — from the smoother's Bayesian posterior (Wood 2017 §6.10), as the
   EVPPI's ``se_fit``: the EVSI recomputed for :data:`~mkba.analysis.evppi.N_SE` samples of the
   spline coefficients; since the EVSI is linear in the coefficients before the max, each
   sample costs one small matrix product.
4. **Ceiling** — an estimate above the parameter's EVPPI (the regression estimate from the same
   draws, itself ≤ EVPI) is clipped to it and flagged ``clipped``.

Expected net benefit of sampling (with a cost per observation c and a population P of
decisions the information serves): ENBS(N) = P · EVSI(N) − c · N; its maximum is searched on a
log grid of N up to :data:`N_SEARCH_MAX`.

References
----------
.. [1] Strong, M., Oakley, J. E., Brennan, A. & Breeze, P. (2015). Estimating the expected
   value of sample information using the probabilistic sensitivity analysis sample: a fast,
   nonparametric regression-based method. *Medical Decision Making* 35(5), 570–583.
.. [2] Ades, A. E., Lu, G. & Claxton, K. (2004). Expected value of sample information
   calculations in medical decision modeling. *Medical Decision Making* 24(2), 207–227.
.. [3] Strong, M., Oakley, J. E. & Brennan, A. (2014). *Medical Decision Making* 34(3), 311–326.
.. [4] Wood, S. N. (2017). *Generalized Additive Models*, 2nd ed., CRC.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mkba.analysis import decision
from mkba.analysis import evppi as ev
from mkba.core.errors import UsageError

GRID = 4000              # cells of the prior's support
N_MAX = 100_000          # largest sample size asked for
N_SEARCH_MAX = 20_000    # largest N searched for the ENBS optimum
SEARCH_POINTS = 36       # log-spaced sample sizes searched for the ENBS optimum
TAIL = 1e-9              # prior mass left out of an unbounded support, each side
X_STEP = 20.0            # x̄ grid: at least this many nodes per sd/√N
X_NODES_MAX = 40_000     # at most this many x̄ nodes
ROWS_CHUNK = 4096        # likelihood rows per block (memory: rows × GRID)
CONTINUOUS = ("beta", "pert", "triangular", "uniform", "normal", "lognormal", "gamma")


@dataclass(frozen=True)
class EvsiRequest:
    """One ``--evsi NAME:N[:SD]``: the parameter, the sample size, the sd of one observation
    (None: binomial registrations)."""

    name: str
    n: int
    sd: float | None = None


@dataclass(frozen=True)
class EvsiEstimate:
    """EVSI of N observations of one parameter, from one perspective.

    ``value`` in [0, evppi] (clipped, and ``clipped`` set, when ``raw`` exceeded the EVPPI);
    ``se`` the smoother's standard error; ``method`` ``"binomial"`` or ``"normal"`` (the
    observation model); ``prior`` the parameter's distribution family; ``enbs`` the expected
    net benefit of sampling when a cost per observation was given."""

    parameters: tuple[str, ...]
    n: int
    value: float
    se: float
    raw: float
    evppi: float
    evpi: float
    clipped: bool
    method: str
    prior: str
    sd: float | None = None
    perspective: str = ""
    enbs: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """A ``decision.evsi`` record of ``mkba compare --json``."""
        out = {"parameters": list(self.parameters), "n": self.n, "value": self.value, "se": self.se,
               "method": self.method, "prior": self.prior, "evppi": self.evppi, "clipped": self.clipped}
        if self.sd is not None:
            out["sd"] = self.sd
        if self.enbs is not None:
            out["enbs"] = self.enbs
        return out


@dataclass(frozen=True)
class SamplingOptimum:
    """The sample size that maximises ENBS = population · EVSI(N) − cost · N."""

    parameter: str
    n: int
    enbs: float
    evsi: float
    cost_per_observation: float
    population: float
    searched: tuple[int, ...] = field(default=(), repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {"parameters": [self.parameter], "n": self.n, "enbs": self.enbs, "evsi": self.evsi,
                "cost_per_observation": self.cost_per_observation, "population": self.population}


class EvsiRequestError(UsageError):
    """A bad ``--evsi`` value. ``reason``: ``format``, ``n_integer``, ``n_range``, ``sd``,
    ``sd_missing``, ``unknown``, ``fixed``, ``not_share``, ``family``; the faces word it in Dutch."""

    def __init__(self, reason: str, spec: str, known: Sequence[str] = (), **numbers: Any):
        super().__init__(f"--evsi {spec}: {reason}", f"evsi.{reason}", spec=spec, known=", ".join(known), **numbers)
        self.reason, self.spec, self.known = reason, spec, tuple(known)


def parse_request(spec: str) -> EvsiRequest:
    """``NAME:N`` or ``NAME:N:SD`` → :class:`EvsiRequest` (N a whole number 1 … N_MAX; SD > 0,
    with a decimal point or comma)."""
    parts = [p.strip() for p in str(spec).split(":")]
    if len(parts) not in (2, 3) or not parts[0]:
        raise EvsiRequestError("format", spec)
    text = parts[1]
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):    # Dutch thousands: 1.000
        text = text.replace(".", "")
    if not text.isdigit():
        raise EvsiRequestError("n_integer", spec, value=parts[1])
    n = int(text)
    if not 1 <= n <= N_MAX:
        raise EvsiRequestError("n_range", spec, value=n, maximum=N_MAX)
    sd = None
    if len(parts) == 3:
        raw = parts[2].replace(",", ".") if parts[2].count(",") == 1 and "." not in parts[2] else parts[2]
        try:
            sd = float(raw)
        except ValueError:
            raise EvsiRequestError("sd", spec, value=parts[2]) from None
        if not (math.isfinite(sd) and sd > 0):
            raise EvsiRequestError("sd", spec, value=parts[2])
    return EvsiRequest(parts[0], n, sd)


def _family(spec) -> str:
    return getattr(spec, "family", "") or type(spec).__name__.lower()


def check_request(request: EvsiRequest, spec, available: Sequence[str], raw: str = "") -> str:
    """The observation model (``binomial``/``normal``) for ``request`` on parameter ``spec``
    (None: not a parameter of the case), or an :class:`EvsiRequestError`."""
    raw = raw or f"{request.name}:{request.n}" + (f":{request.sd:g}" if request.sd is not None else "")
    if spec is None:
        raise EvsiRequestError("unknown", raw, available)
    if request.name not in available:
        raise EvsiRequestError("fixed", raw, available)
    family = _family(spec)
    if family not in CONTINUOUS:
        raise EvsiRequestError("family", raw, family=family)
    if request.sd is not None:
        return "normal"
    low, high = spec.support
    if low >= 0.0 and high <= 1.0:
        return "binomial"
    raise EvsiRequestError("sd_missing", raw, family=family)


# ---------------------------------------------------------------------------------------------
# The prior on a grid
# ---------------------------------------------------------------------------------------------
def _cdf(spec):
    """The exact CDF of a parameter distribution (a function of an array), via scipy."""
    from scipy import stats

    family = _family(spec)
    if family in ("beta", "pert"):
        a, b = spec.shape
        return stats.beta(a, b, loc=spec.min, scale=spec.max - spec.min).cdf
    if family == "uniform":
        return stats.uniform(loc=spec.min, scale=spec.max - spec.min).cdf
    if family == "triangular":
        width = spec.max - spec.min
        return stats.triang((spec.mode - spec.min) / width, loc=spec.min, scale=width).cdf
    if family == "normal":
        return spec._frozen_dist().cdf
    if family == "lognormal":
        mu, sigma = spec.log_params
        return stats.lognorm(sigma, scale=math.exp(mu)).cdf
    # any other family with an inverse CDF: its CDF by interpolating a dense inverse
    u = np.linspace(0.0, 1.0, 200_001)[1:-1]
    x = np.maximum.accumulate(spec.ppf(u))
    return lambda t: np.interp(t, x, u, left=0.0, right=1.0)


def prior_grid(spec, cells: int = GRID) -> tuple[np.ndarray, np.ndarray]:
    """Nodes (cell midpoints) and prior masses (summing to 1) of ``cells`` equal-width cells
    covering the support of ``spec`` (an unbounded side cut at prior mass :data:`TAIL`)."""
    low, high = spec.support
    if not math.isfinite(low):
        low = spec.quantile(TAIL)
    if not math.isfinite(high):
        high = spec.quantile(1.0 - TAIL)
    edges = np.linspace(low, high, cells + 1)
    mass = np.diff(_cdf(spec)(edges))
    mass = np.clip(mass, 0.0, None)
    return 0.5 * (edges[:-1] + edges[1:]), mass / mass.sum()


def prior_grid_from(family_cdf, low: float, high: float, cells: int = GRID) -> tuple[np.ndarray, np.ndarray]:
    """:func:`prior_grid` for a bare CDF on [low, high] (tests, notebooks)."""
    edges = np.linspace(low, high, cells + 1)
    mass = np.clip(np.diff(family_cdf(edges)), 0.0, None)
    return 0.5 * (edges[:-1] + edges[1:]), mass / mass.sum()


# ---------------------------------------------------------------------------------------------
# Likelihood blocks and the preposterior sums
# ---------------------------------------------------------------------------------------------
def _binomial_blocks(nodes: np.ndarray, n: int):
    """Blocks of L[x, j] = P(x | N, θ_j), x = 0 … N (each column sums to 1)."""
    from scipy.special import gammaln

    theta = np.clip(nodes, 0.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_t, log_1t = np.log(theta), np.log1p(-theta)
    for start in range(0, n + 1, ROWS_CHUNK):
        x = np.arange(start, min(n + 1, start + ROWS_CHUNK), dtype=float)[:, None]
        log_c = gammaln(n + 1.0) - gammaln(x + 1.0) - gammaln(n - x + 1.0)
        with np.errstate(invalid="ignore"):
            logl = log_c + np.where(x > 0, x * log_t, 0.0) + np.where(n - x > 0, (n - x) * log_1t, 0.0)
        yield np.exp(logl)


def _normal_blocks(nodes: np.ndarray, n: int, sd: float):
    """Blocks of L[k, j] = P(x̄ in cell k | θ_j), x̄ ~ N(θ, sd²/N) on a fine grid (columns sum to 1)."""
    s = sd / math.sqrt(n)
    low, high = nodes[0] - 8 * s, nodes[-1] + 8 * s
    step = min(s / X_STEP, (high - low) / 400)
    count = int(min(X_NODES_MAX, math.ceil((high - low) / step) + 1))
    xbar = np.linspace(low, high, count)
    dens = np.exp(-0.5 * ((xbar[:, None] - nodes[None, :]) / s) ** 2)
    dens /= dens.sum(axis=0, keepdims=True)
    for start in range(0, count, ROWS_CHUNK):
        yield dens[start:start + ROWS_CHUNK]


def _blocks(method: str, nodes: np.ndarray, n: int, sd: float | None):
    return _binomial_blocks(nodes, n) if method == "binomial" else _normal_blocks(nodes, n, float(sd))


def preposterior(weighted: np.ndarray, blocks: Iterable[np.ndarray]) -> np.ndarray:
    """M = L · weighted (X × k): with ``weighted`` = π_j · basis(θ_j) (G × k) and ``blocks``
    the likelihood rows, row x of M β_d is P(x) · E[ĝ_d(θ) | x]."""
    return np.vstack([block @ weighted for block in blocks])


def _evsi_of(m_rows: np.ndarray, prior_row: np.ndarray, coefs: np.ndarray, continuous: bool = False) -> np.ndarray:
    """EVSI for coefficient sets ``coefs`` (options × k × S): Σ_x max(0, max_d M β_d) −
    max(0, max_d πᵀBβ_d); ``m_rows`` X × k, ``prior_row`` k; ``continuous``: x is a grid of a
    continuous x̄ (then the kinks of the max are integrated exactly, :func:`_kink_correction`)."""
    a = np.einsum("xk,dks->dxs", m_rows, coefs)
    a = np.concatenate([np.zeros((1,) + a.shape[1:]), a])                 # the reference option: 0
    best = a.max(axis=0)                                                  # X × S
    pre = best.sum(axis=0)
    if continuous and a.shape[1] > 1:
        pre = pre + _kink_correction(a)
    now = np.maximum(np.einsum("k,dks->ds", prior_row, coefs).max(axis=0), 0.0)
    return pre - now


def _kink_correction(a: np.ndarray) -> np.ndarray:
    """For a continuous x̄ on an even grid, Σ_x max_d a[d, x] is the trapezoid rule of a function
    with kinks where the best option changes; between two nodes where it changes, replace the
    trapezoid by the exact integral of the larger of the two options' straight-line
    interpolants, and add the Euler–Maclaurin end terms of the smooth pieces that meet there
    (error O(h³) instead of O(h²) per kink). ``a``: options × X × S (rows weighted
    by the grid step). Returns the correction per S."""
    idx = a.argmax(axis=0)                                                # X × S
    k, s = np.nonzero(idx[:-1] != idx[1:])
    if k.size == 0:
        return np.zeros(a.shape[2])
    d1, d2 = idx[k, s], idx[k + 1, s]
    a1, b1 = a[d1, k, s], a[d1, k + 1, s]
    a2, b2 = a[d2, k, s], a[d2, k + 1, s]
    gap0, gap1 = a1 - a2, b1 - b2                                         # ≥ 0 at the left, ≤ 0 at the right
    t = np.clip(np.divide(gap0, gap0 - gap1, out=np.full_like(gap0, 0.5), where=(gap0 - gap1) != 0), 0.0, 1.0)
    exact = a1 * t + (b1 - a1) * t**2 / 2 + a2 * (1 - t) + (b2 - a2) * (1 - t**2) / 2
    trapezoid = (a1 + b2) / 2
    # the smooth pieces on either side end at the kink: their trapezoid sums miss the
    # Euler–Maclaurin end term h²/12 · (f₂'(right) − f₁'(left))
    ends = ((b2 - a2) - (b1 - a1)) / 12
    return np.bincount(s, weights=exact - trapezoid + ends, minlength=a.shape[2])


# ---------------------------------------------------------------------------------------------
# The estimator on arrays
# ---------------------------------------------------------------------------------------------
@dataclass
class ConditionalMean:
    """ĝ_d(θ) = E(Δ_d | θ) fitted once: evaluate on any θ within the draws' range (clipped)."""

    bsplines: Any
    keep: np.ndarray | None
    coefs: np.ndarray           # options × k × (1 + S): the estimate, then S posterior samples
    low: float
    high: float

    def _raw_basis(self, t: np.ndarray) -> np.ndarray:
        out = np.column_stack([np.ones(t.size), self.bsplines.transform(t)])
        return out if self.keep is None else out[:, self.keep]

    def basis(self, theta: np.ndarray) -> np.ndarray:
        """Basis rows at ``theta``; beyond the draws' range the spline goes on as the straight
        line tangent at the end (as a natural spline), never as a constant."""
        theta = np.asarray(theta, dtype=float)
        t = np.clip(theta, self.low, self.high)
        out = self._raw_basis(t)
        h = 1e-6 * (self.high - self.low)
        for edge, inner, side in ((self.low, self.low + h, theta < self.low), (self.high, self.high - h, theta > self.high)):
            if side.any():
                at = self._raw_basis(np.array([edge, inner]))
                slope = (at[0] - at[1]) / (edge - inner)
                out[side] = at[0] + (theta[side] - edge)[:, None] * slope
        return out

    def __call__(self, theta: np.ndarray) -> np.ndarray:
        """ĝ at ``theta``: len(theta) × options."""
        return self.basis(theta) @ self.coefs[:, :, 0].T


def fit_conditional_mean(nb, x, *, n_se: int = ev.N_SE, seed: int = 0) -> ConditionalMean:
    """Fit ĝ_d(θ) = E(nb_d − nb_0 | θ) by the EVPPI spline (GCV), with ``n_se`` posterior
    samples of its coefficients."""
    nb, xx = ev._check(nb, x)
    if xx.shape[1] != 1:
        raise UsageError("EVSI takes one parameter", "evsi.one_parameter")
    theta = xx[:, 0]
    y = nb[:, 1:] - nb[:, :1]
    bs = ev.FastBSpline(theta, ev._spline_df(theta.size))
    basis, penalties = ev._spline_basis(theta)
    keep, info = ev._penalised_solve(basis, penalties, y)
    rng = np.random.default_rng(seed)
    n = theta.size
    sets = []
    for entry in info:
        w, sh, zj, _, _ = entry
        est = (w @ (sh * zj))[:, None]
        samples = ev.coefficient_samples(entry, n, n_se, rng) if n_se > 1 else np.empty((est.shape[0], 0))
        sets.append(np.hstack([est, samples]))
    return ConditionalMean(bs, keep, np.stack(sets), float(theta.min()), float(theta.max()))


def evsi_curve(g: ConditionalMean, nodes: np.ndarray, mass: np.ndarray, sizes: Sequence[int], method: str,
               sd: float | None = None) -> list[tuple[float, float]]:
    """(EVSI, se) of ĝ under the discretised prior (``nodes``, ``mass``) for each N in ``sizes``."""
    weighted = mass[:, None] * g.basis(nodes)            # G × k
    prior_row = weighted.sum(axis=0)
    out = []
    for n in sizes:
        m_rows = preposterior(weighted, _blocks(method, nodes, int(n), sd))
        values = _evsi_of(m_rows, prior_row, g.coefs, continuous=method == "normal")
        se = float(np.std(values[1:], ddof=1)) if values.size > 2 else 0.0
        out.append((float(values[0]), se))
    return out


def evppi_on_grid(g: ConditionalMean, nodes: np.ndarray, mass: np.ndarray) -> float:
    """The EVPPI of the same ĝ and discretised prior (EVSI's limit as N → ∞)."""
    vals = g(nodes)
    return float(mass @ np.maximum(vals.max(axis=1), 0.0) - max((mass @ vals).max(), 0.0))


def evsi(nb, x, spec, requests: Sequence[EvsiRequest], *, method: str = "", n_se: int = ev.N_SE, seed: int = 0,
         perspective: str = "", evppi_ceiling: float | None = None,
         cost: float | None = None, population: float = 1.0) -> list[EvsiEstimate]:
    """EVSI of one parameter at each requested sample size.

    Parameters
    ----------
    nb : draws × options (column 0 the reference); x : the parameter's draws (aligned).
    spec : the parameter's distribution (a case ``ParameterSpec``): the prior.
    requests : sample sizes (and, for a normal observation model, the sd of one observation);
        all for the same parameter.
    method : ``"binomial"`` or ``"normal"``; empty: binomial without an sd, normal with one.
    evppi_ceiling : the parameter's EVPPI (default: estimated here from the same draws).
    cost, population : with a cost per observation, each estimate carries ENBS = population ·
        EVSI − cost · N.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        nb = np.asarray(nb, dtype=float)
        xv = np.asarray(x, dtype=float).reshape(-1)
        g = fit_conditional_mean(nb, xv, n_se=n_se, seed=seed)
        nodes, mass = prior_grid(spec)
        ceiling_evpi = decision.evpi(nb)
        if evppi_ceiling is None:
            evppi_ceiling = ev._evppi(nb, xv, method="spline", n_se=0, seed=seed, name="", parameters=(),
                                      perspective=perspective).value
        ceiling = min(max(evppi_ceiling, 0.0), ceiling_evpi)
        out = []
        for req in requests:
            model = method or ("normal" if req.sd is not None else "binomial")
            (raw, se), = evsi_curve(g, nodes, mass, [req.n], model, req.sd)
            value = min(max(raw, 0.0), ceiling)
            clipped = raw > ceiling + ev.CLIP_TOLERANCE * max(abs(ceiling), 1.0)
            enbs = population * value - cost * req.n if cost is not None else None
            out.append(EvsiEstimate((req.name,), req.n, value, se, raw, ceiling, ceiling_evpi, bool(clipped), model,
                                    _family(spec), req.sd, perspective, enbs))
        return out


def optimal_sample_size(nb, x, spec, *, cost: float, population: float = 1.0, sd: float | None = None,
                        method: str = "", name: str = "", n_max: int = N_SEARCH_MAX,
                        evppi_ceiling: float | None = None, seed: int = 0) -> SamplingOptimum:
    """The N (on a log grid up to ``n_max``, and up to where cost · N passes population ·
    EVPPI) that maximises ENBS = population · EVSI(N) − cost · N; N = 0 when no N pays."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        nb = np.asarray(nb, dtype=float)
        xv = np.asarray(x, dtype=float).reshape(-1)
        g = fit_conditional_mean(nb, xv, n_se=0, seed=seed)
        nodes, mass = prior_grid(spec)
        if evppi_ceiling is None:
            evppi_ceiling = ev._evppi(nb, xv, method="spline", n_se=0, seed=seed, name="", parameters=(),
                                      perspective="").value
        ceiling = min(max(evppi_ceiling, 0.0), decision.evpi(nb))
        upper = n_max if cost <= 0 else int(min(n_max, max(1.0, population * ceiling / cost)))
        sizes = sorted({int(round(v)) for v in np.geomspace(1, max(upper, 1), SEARCH_POINTS)})
        model = method or ("normal" if sd is not None else "binomial")
        curve = evsi_curve(g, nodes, mass, sizes, model, sd)
        values = [min(max(v, 0.0), ceiling) for v, _ in curve]
        enbs = [population * v - cost * n for v, n in zip(values, sizes, strict=True)]
        best = int(np.argmax(enbs))
        if enbs[best] <= 0:
            return SamplingOptimum(name, 0, 0.0, 0.0, cost, population, tuple(sizes))
        return SamplingOptimum(name, sizes[best], float(enbs[best]), float(values[best]), cost, population,
                               tuple(sizes))


# ---------------------------------------------------------------------------------------------
# Wrapper on a Comparison
# ---------------------------------------------------------------------------------------------
def parameter_spec(case, name: str):
    """The distribution of ``name`` in the baseline, else in the first scenario that makes it
    uncertain (None: no such parameter)."""
    from mkba.core.case import apply_scenario

    spec = case.parameters.get(name)
    if spec is not None and not spec.is_fixed:
        return spec
    for sid in case.scenarios:
        other = apply_scenario(case, sid).parameters.get(name)
        if other is not None and not other.is_fixed:
            return other
    return spec


def check_requests(case, specs: Iterable[str]) -> list[tuple[EvsiRequest, str]]:
    """Parse and check ``--evsi`` values against the case before simulating:
    ``[(request, observation model)]``."""
    available = ev.case_uncertain_parameters(case)
    out = []
    for raw in specs:
        req = parse_request(raw)
        out.append((req, check_request(req, parameter_spec(case, req.name), available, raw)))
    return out


def comparison_evsi(cmp, specs: Iterable[str], perspective: str | None = None, *, cost: float | None = None,
                    population: float = 1.0, n_se: int = ev.N_SE, seed: int = 0, max_draws: int | None = None
                    ) -> tuple[list[EvsiEstimate], list[SamplingOptimum]]:
    """EVSI of every ``--evsi`` request for the choice between the comparison's options (the
    baseline the reference), and with ``cost`` the ENBS-maximising N per parameter.
    ``max_draws`` uses only the first draws (EVPPI ceiling and EVPI from the same draws)."""
    from mkba.analysis.scenarios import check_perspective

    perspective = check_perspective(cmp.case, perspective or cmp.perspective)
    checked = check_requests(cmp.case, specs)
    rows = slice(None) if max_draws is None else slice(0, int(max_draws))
    nb = cmp.net_benefits(perspective).to_numpy()[rows]
    by_name: dict[tuple[str, str, float | None], list[EvsiRequest]] = {}
    for req, model in checked:
        by_name.setdefault((req.name, model, req.sd), []).append(req)
    estimates: list[EvsiEstimate] = []
    optima: list[SamplingOptimum] = []
    ceilings: dict[str, float] = {}
    for (name, model, sd), reqs in by_name.items():
        x = ev.parameter_draws(cmp, [name])[rows, 0]
        spec = parameter_spec(cmp.case, name)
        if name not in ceilings:
            ceilings[name] = ev.comparison_evppi(cmp, [name], perspective=perspective, n_se=0,
                                                 max_draws=max_draws).estimates[0].value
        estimates += evsi(nb, x, spec, reqs, method=model, n_se=n_se, seed=seed, perspective=perspective,
                          evppi_ceiling=ceilings[name], cost=cost, population=population)
        if cost is not None:
            optima.append(optimal_sample_size(nb, x, spec, cost=cost, population=population, sd=sd, method=model,
                                              name=name, evppi_ceiling=ceilings[name], seed=seed))
    return estimates, optima
