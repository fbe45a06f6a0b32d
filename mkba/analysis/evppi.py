"""Expected value of partial perfect information (EVPPI) per parameter or group (DESIGN §13).

EVPPI answers *which* uncertainty is worth researching before choosing between options: the
expected gain from learning a parameter (or a group of parameters) exactly before the choice,

    EVPPI(X) = E_X[ max_d E(nb_d | X) ] − max_d E(nb_d)   ≤   EVPI.

It is estimated from the compare draws by regression (Strong, Oakley & Brennan 2014): for every
option *d* other than a reference option 0, the incremental net benefit Δ_d = nb_d − nb_0 is
regressed on the parameter(s); the fitted values ĝ_d(x_i) estimate E(Δ_d | X = x_i), and

    EVPPI ≈ mean_i max(0, ĝ_1(x_i), …, ĝ_{D−1}(x_i)) − max(0, mean_i ĝ_1, …, mean_i ĝ_{D−1}).

(The reference cancels: E[max_d E(nb_d|X)] = E[nb_0] + E[max(0, E(Δ_d|X))].)

Smoothers
---------
* **one continuous parameter** — a penalised cubic regression spline: the B-spline basis and
  the second-derivative penalty of statsmodels' ``BSplines`` (knots at quantiles), i.e. the
  model of statsmodels' ``GLMGam`` with a Gaussian family; the penalty weight is chosen per
  option by generalised cross-validation (GCV) over a log grid, computed exactly and cheaply
  from one QR and one eigen-decomposition of the basis (Demmler–Reinsch form). statsmodels'
  own penalty search (``select_penweight``, basin-hopping over refits) is orders of magnitude
  slower and fails on Gaussian models in 0.15; the fits are identical to ``GLMGam`` at the
  chosen weight (``tests/test_evppi.py`` checks it).
* **a discrete parameter** (few distinct values) — the group means, i.e. the exact conditional
  expectation (indicator regression, no penalty).
* **a group of 2–5 parameters** — a penalised additive model with all pairwise interactions
  (a GAM: a cubic spline per parameter plus a tensor-product spline per pair, each penalised on
  its second derivatives, as mgcv's ``s() + ti()``), with the same exact GCV; the penalty on
  the interaction terms relative to the main effects is chosen by GCV among a few ratios.
  Three-way and higher interactions are not modelled. Strong et al. also use a Gaussian
  process; scikit-learn's ``GaussianProcessRegressor`` took 20–100 s per option on 500–1000
  draws on this (shared) machine, too slow for a command-line answer, so it is not used.

Standard error
--------------
``se`` combines two independent parts, ``se² = se_fit² + se_mc²``:

* ``se_fit`` — uncertainty of the fitted smoother (Strong et al. §2.4): ``n_se`` draws of the
  fitted values from the smoother's Bayesian posterior (spline: coefficients ~ N(β̂, σ̂²(BᵀB +
  λS)⁻¹), as mgcv's ``Vp``), the
  EVPPI recomputed for each, and their standard deviation; for one parameter each recomputation
  runs on :data:`SE_BINS` bins of the sorted draws (their mean basis rows, weighted by count;
  exact per value for a discrete parameter) rather than on every draw;
* ``se_mc`` — Monte Carlo error of averaging over the draws with the fitted function held
  fixed: sd_i(max_d ĝ_d(x_i) − ĝ_{d*}(x_i)) / √n, d* the option best on average.

Random numbers (posterior samples) come from a local generator seeded by
``seed``; the global RNG state is never touched, and the same inputs give the same estimate.

An estimate above EVPI (possible only through noise: EVPI is the EVPPI of everything) is
clipped to EVPI and flagged ``clipped``.

Shapes: net benefits ``nb`` are **draws × options** (n × D, D ≥ 2; column 0 is the reference);
inputs ``x`` are **draws × parameters** (n × p, or a vector of n for one parameter).

References
----------
.. [1] Strong, M., Oakley, J. E. & Brennan, A. (2014). Estimating multiparameter partial
   expected value of perfect information from a probabilistic sensitivity analysis sample:
   a nonparametric regression approach. *Medical Decision Making* 34(3), 311–326.
.. [2] Wood, S. N. (2017). *Generalized Additive Models*, 2nd ed., CRC (GCV, §4.2; Bayesian
   covariance of penalised regression, §6.10).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from mkba.analysis import decision
from mkba.core.errors import UsageError

SPLINE_DF = 12          # B-spline basis functions (cubic, knots at quantiles)
DISCRETE_MAX = 12       # at most this many distinct values: indicator regression (group means)
TENSOR_DF = 6           # B-spline functions per margin of a pairwise tensor-product term
INTERACTION_RATIOS = (0.01, 1.0, 100.0)   # candidate interaction / main-effect penalty ratios
GROUP_MAX = 5
N_SE = 100              # posterior samples of the fitted values for se_fit (sd to ~7%)
SE_CHUNK = 25           # posterior samples evaluated at once (memory: options × chunk × draws)
SE_BINS = 2000          # one parameter: the se's posterior samples evaluated on this many bins of draws
LAMBDA_GRID = np.logspace(-8, 6, 57)   # penalty weights relative to trace(BᵀB)/trace(S)
METHODS = ("auto", "spline", "discrete", "gam")
RANK_TOLERANCE = 1e-6   # relative pivot below which a basis column counts as dependent
CLIP_TOLERANCE = 1e-9   # relative excess over EVPI that counts as rounding, not as clipping
ALL = "alle"            # CLI/report keyword: every uncertain parameter on its own
MIN_DRAWS = 100         # fewer draws cannot support even a cubic per parameter
DRAWS_PER_COLUMN = 25   # bases shrink (fewer knots, no interactions) below this many draws per column


@dataclass(frozen=True)
class EvppiEstimate:
    """EVPPI of one parameter or one group, from one perspective.

    Attributes
    ----------
    name : str
        ``"param"`` or ``"a+b"`` (or the case's group name).
    parameters : tuple of str
        The parameter(s) learned.
    value : float
        EVPPI in euros, in [0, evpi] (clipped if the raw estimate exceeded EVPI).
    se : float
        Standard error of ``raw`` (see the module docstring).
    raw : float
        The estimate before clipping.
    evpi : float
        EVPI of the same choice and perspective (the ceiling).
    clipped : bool
        True when ``raw`` exceeded ``evpi`` by more than rounding (relative 1e-9) and
        ``value`` was set to ``evpi``.
    method : str
        ``"spline"``, ``"discrete"`` or ``"gam"``.
    perspective : str
        ``"society"`` or a stakeholder id (empty for the pure functions).
    """

    name: str
    parameters: tuple[str, ...]
    value: float
    se: float
    raw: float
    evpi: float
    clipped: bool
    method: str
    perspective: str = ""

    @property
    def share_of_evpi(self) -> float:
        """EVPPI / EVPI (0 when EVPI is 0)."""
        return self.value / self.evpi if self.evpi > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The ``decision.evppi[name]`` record of ``mkba compare --json``."""
        return {"value": self.value, "se": self.se, "share_of_evpi": self.share_of_evpi,
                "clipped": self.clipped, "method": self.method, "parameters": list(self.parameters)}


@dataclass(frozen=True)
class EvppiTable:
    """EVPPI estimates for one perspective, ranked by value (largest first)."""

    perspective: str
    evpi: float
    draws: int
    estimates: tuple[EvppiEstimate, ...]

    def ranked(self) -> EvppiTable:
        order = sorted(self.estimates, key=lambda e: (-e.value, e.name))
        return EvppiTable(self.perspective, self.evpi, self.draws, tuple(order))

    def to_frame(self) -> pd.DataFrame:
        """Tidy frame, one row per estimate: ``name, parameters, perspective, value, se, raw,
        evpi, share_of_evpi, clipped, method`` (ranked)."""
        rows = [{"name": e.name, "parameters": "+".join(e.parameters), "perspective": self.perspective,
                 "value": e.value, "se": e.se, "raw": e.raw, "evpi": e.evpi, "share_of_evpi": e.share_of_evpi,
                 "clipped": e.clipped, "method": e.method} for e in self.ranked().estimates]
        return pd.DataFrame(rows, columns=["name", "parameters", "perspective", "value", "se", "raw", "evpi",
                                           "share_of_evpi", "clipped", "method"])

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """``{name: {"value", "se", ...}}`` in rank order (the ``decision.evppi`` object)."""
        return {e.name: e.to_dict() for e in self.ranked().estimates}


# ---------------------------------------------------------------------------------------------
# Pure functions of arrays
# ---------------------------------------------------------------------------------------------
def _check(nb, x) -> tuple[np.ndarray, np.ndarray]:
    nb = np.asarray(nb, dtype=float)
    x = np.asarray(x, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    if nb.ndim != 2 or nb.shape[1] < 2:
        raise UsageError(f"net benefits must be draws × options with at least 2 options (got shape {nb.shape})",
                         "evppi.nb_shape", shape=str(nb.shape))
    if x.ndim != 2 or x.shape[0] != nb.shape[0] or x.shape[1] < 1:
        raise UsageError(f"inputs must be draws × parameters with {nb.shape[0]} draws (got shape {x.shape})",
                         "evppi.x_shape", draws=nb.shape[0], shape=str(x.shape))
    if nb.shape[0] < MIN_DRAWS:
        raise UsageError(f"EVPPI needs at least {MIN_DRAWS} draws (got {nb.shape[0]})", "evppi.min_draws",
                         minimum=MIN_DRAWS, draws=nb.shape[0])
    if not (np.all(np.isfinite(nb)) and np.all(np.isfinite(x))):
        raise UsageError("net benefits or inputs contain NaN or infinite values", "evppi.not_finite")
    return nb, x


def _evppi_of_fitted(fitted: np.ndarray) -> float:
    """EVPPI from fitted incremental net benefits, n × (D−1)."""
    return float(np.maximum(fitted.max(axis=1), 0.0).mean() - max(fitted.mean(axis=0).max(), 0.0))


def _evppi_of_samples(samples: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """EVPPI of each posterior sample of the fitted values, (D−1) × S × n → (S,); ``weights``
    (summing to 1) weigh the n points (default: equal)."""
    if weights is None:
        best_each = np.maximum(samples.max(axis=0), 0.0).mean(axis=1)
        best_mean = np.maximum(samples.mean(axis=2).max(axis=0), 0.0)
    else:
        best_each = np.maximum(samples.max(axis=0), 0.0) @ weights
        best_mean = np.maximum((samples @ weights).max(axis=0), 0.0)
    return best_each - best_mean


def _bin_codes(x: np.ndarray, bins: int = SE_BINS) -> np.ndarray:
    """Each draw's bin among ``bins`` bins of equal counts of the sorted parameter (fewer draws:
    every draw its own bin)."""
    n = x.size
    if n <= bins:
        return np.arange(n)
    codes = np.empty(n, dtype=np.intp)
    codes[np.argsort(x)] = np.arange(n) * bins // n
    return codes


def _mc_se(fitted: np.ndarray) -> float:
    """sd_i(max(0, ĝ(x_i)) − ĝ_{d*}(x_i)) / √n with d* the option best on average (0 = reference)."""
    full = np.column_stack([np.zeros(fitted.shape[0]), fitted])
    star = int(np.argmax(full.mean(axis=0)))
    gain = full.max(axis=1) - full[:, star]
    return float(gain.std(ddof=1) / math.sqrt(gain.size))


def _penalised_fit(basis: np.ndarray, penalties: Sequence[np.ndarray], y: np.ndarray, n_se: int,
                   rng: np.random.Generator, lambdas: np.ndarray | None = None, codes: np.ndarray | None = None
                   ) -> tuple[np.ndarray, np.ndarray | None]:
    """Penalised least squares of every column of ``y`` (n × m) on ``basis`` (n × k).

    The fit is :func:`_penalised_solve`'s. Returns fitted values (n × m) and the EVPPI of each of
    ``n_se`` posterior samples of them (None when ``n_se`` < 2), coefficients ~ N(β̂,
    σ̂²(BᵀB + λS)⁻¹) (Wood 2017 §6.10). With ``codes`` (a bin per draw, e.g. from
    :func:`_bin_codes`) each sample's EVPPI is computed on the bins' mean basis rows, weighted
    by their counts, instead of on every draw: exact for a discrete parameter, and for one
    continuous parameter different only in the few bins where the best option changes inside
    the bin (the standard error moves by well under its own 7% sampling error, at a small
    fraction of the cost).
    """
    keep, info = _penalised_solve(basis, penalties, y, lambdas)
    if keep is not None:
        basis = basis[:, keep]
    n, k = basis.shape
    m = y.shape[1]
    fitted = np.column_stack([basis @ (w @ (sh * zj)) for w, sh, zj, _, _ in info])
    if n_se <= 1:
        return fitted, None
    coefs = [coefficient_samples(entry, n, n_se, rng) for entry in info]     # each (k, n_se)
    weights = None
    if codes is not None:
        counts = np.bincount(codes)
        basis = np.column_stack([np.bincount(codes, weights=basis[:, c], minlength=counts.size)
                                 for c in range(k)]) / np.maximum(counts, 1)[:, None]
        weights = counts / n
        n = counts.size
    # posterior samples, in chunks (memory: options × chunk × n), reduced to EVPPI at once
    basis_t = np.ascontiguousarray(basis.T)
    values = np.empty(n_se)
    buffer = np.empty((m, SE_CHUNK, n))
    for start in range(0, n_se, SE_CHUNK):
        stop = min(start + SE_CHUNK, n_se)
        chunk = buffer[:, : stop - start]                                  # (m, chunk, n)
        for j, c in enumerate(coefs):
            np.matmul(c[:, start:stop].T, basis_t, out=chunk[j])
        values[start:stop] = _evppi_of_samples(chunk, weights)
    return fitted, values


def coefficient_samples(entry, n: int, n_se: int, rng: np.random.Generator) -> np.ndarray:
    """``n_se`` posterior samples (k × n_se) of one column's coefficients from its
    :func:`_penalised_solve` entry: N(β̂, σ̂²(BᵀB + λS)⁻¹) with σ̂² = rss / (n − edf)."""
    w, sh, zj, edf_j, rss_j = entry
    sigma = math.sqrt(max(rss_j, 0.0) / max(n - edf_j, 1.0))
    k = sh.size
    draws = (sh * zj)[:, None] + sigma * np.sqrt(sh)[:, None] * rng.standard_normal((k, n_se))
    return w @ draws


def _penalised_solve(basis: np.ndarray, penalties: Sequence[np.ndarray], y: np.ndarray,
                     lambdas: np.ndarray | None = None, _reduced: bool = False
                     ) -> tuple[np.ndarray | None, list[Any]]:
    """The penalised least-squares solution of every column of ``y`` (n × m) on ``basis`` (n × k).

    ``penalties`` are candidate penalty matrices (k × k; empty: none); for each column of ``y``
    the candidate and its weight λ are chosen together by GCV over :data:`LAMBDA_GRID`, exactly,
    in Demmler–Reinsch form: with BᵀB = RᵀR and R⁻ᵀSR⁻¹ = U diag(e) Uᵀ, the columns of
    Q = B R⁻¹ U are orthonormal, the fit is Q diag(1/(1 + λe)) Qᵀy and GCV(λ) costs O(k) (one
    Cholesky and one k × k eigen-decomposition per candidate; no n × k factorisation, which a
    loaded machine's threaded BLAS makes slow). ``lambdas`` (absolute penalty weights) replaces
    the relative grid (for tests). A (nearly) dependent basis column — e.g. a parameter that
    takes few values — is dropped first (pivoted QR).

    Returns ``(keep, info)``: ``keep`` the basis columns used (None: all), and per column of
    ``y`` the tuple ``(W, shrink, z, edf, rss)``; the coefficients are β̂ = W (shrink · z).
    """
    from scipy.linalg import cholesky, qr, solve_triangular

    n, k = basis.shape
    m = y.shape[1]
    gram = basis.T @ basis
    d = np.sqrt(np.diag(gram))
    d[d == 0] = 1.0
    try:
        r = cholesky(gram / np.outer(d, d), lower=False)
        ok = bool(np.all(np.abs(np.diag(r)) > RANK_TOLERANCE))
    except np.linalg.LinAlgError:
        ok = False
    if not ok:
        if _reduced:
            raise UsageError("EVPPI: the regression basis is singular; the parameter varies too little", "evppi.singular")
        # (near) rank-deficient basis: keep the independent columns of a pivoted QR
        _, rr, piv = qr(basis / d, mode="economic", pivoting=True)
        diag = np.abs(np.diag(rr))
        keep = np.sort(piv[: diag.size][diag > RANK_TOLERANCE * diag[0]])
        _, info = _penalised_solve(basis[:, keep], [pen[np.ix_(keep, keep)] for pen in penalties], y, lambdas,
                                   _reduced=True)
        return keep, info
    rinv = solve_triangular(r, np.eye(k), lower=False) / d[:, None]   # R⁻¹ of BᵀB = RᵀR
    by = basis.T @ y                                                   # (k, m)
    yy = np.einsum("ij,ij->j", y, y)
    # per column of y: (W, shrink, z, edf, rss) of the best candidate, with Q = B W
    info: list[Any] = [None] * m
    if not penalties:
        z = rinv.T @ by
        for j in range(m):
            info[j] = (rinv, np.ones(k), z[:, j], float(k), float(yy[j] - z[:, j] @ z[:, j]))
    else:
        best = np.full(m, np.inf)
        for pen in penalties:
            eig, u = np.linalg.eigh(rinv.T @ pen @ rinv)
            eig = np.clip(eig, 0.0, None)
            w = rinv @ u
            z = w.T @ by                                                   # (k, m)
            grid = LAMBDA_GRID * (k / eig.sum() if eig.sum() > 0 else 1.0) if lambdas is None else np.asarray(lambdas)
            shrink = 1.0 / (1.0 + grid[:, None] * eig[None, :])            # (L, k)
            rss = yy[None, :] - (2 * shrink - shrink**2) @ z**2            # (L, m)
            edf = shrink.sum(axis=1)
            gcv = n * np.maximum(rss, 0.0) / np.maximum(n - edf[:, None], 1.0) ** 2
            at = np.argmin(gcv, axis=0)
            for j in range(m):
                if gcv[at[j], j] < best[j]:
                    best[j] = gcv[at[j], j]
                    info[j] = (w, shrink[at[j]], z[:, j], float(edf[at[j]]), float(rss[at[j], j]))
    return None, info


def _bsplines(x: np.ndarray):
    """statsmodels' cubic B-spline smoother of one parameter (knots at quantiles)."""
    from statsmodels.gam.api import BSplines

    return BSplines(x[:, None], df=[_spline_df(x.size)], degree=[3])


def _spline_df(n: int) -> int:
    """Basis functions per parameter: ``SPLINE_DF``, fewer below 300 draws (≥ 25 draws each;
    4 = a cubic polynomial)."""
    return int(min(SPLINE_DF, max(4, n // DRAWS_PER_COLUMN)))


class FastBSpline:
    """statsmodels' ``BSplines`` of one parameter (cubic, ``df`` functions without the
    intercept, knots at quantiles, the penalty ∫B''B''ᵀ by its Simpson rule), built the fast way:
    the knots from one percentile call and the basis as scipy's sparse B-spline design matrix,
    instead of one ``splev`` per function and derivative over all draws (8× faster on 100.000
    draws; the numbers are identical, ``tests/test_evppi.py`` checks it)."""

    degree = 3

    def __init__(self, x: np.ndarray, df: int):
        from scipy.interpolate import BSpline
        from statsmodels.gam.smooth_basis import get_covder2

        x = np.asarray(x, dtype=float)
        order = self.degree + 1
        inner = np.percentile(x, 100 * np.linspace(0, 1, df - order + 2)[1:-1]) if df > order else np.empty(0)
        self.knots = np.concatenate([[x.min()] * order, inner, [x.max()] * order])
        self._design = BSpline.design_matrix
        self.basis = self.transform(x)
        self.penalty_matrices = [get_covder2(self, skip_ctransf=True)]

    def transform(self, x_new, deriv: int = 0, skip_ctransf: bool = False) -> np.ndarray:
        """The basis (or its ``deriv``-th derivative) at ``x_new`` (inside the knots' range)."""
        x_new = np.asarray(x_new, dtype=float).reshape(-1)
        if deriv:
            from statsmodels.gam.smooth_basis import _eval_bspline_basis

            return _eval_bspline_basis(x_new, self.knots, self.degree, deriv=deriv, include_intercept=False)
        return self._design(x_new, self.knots, self.degree).toarray()[:, 1:]


def _spline_basis(x: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """One parameter: intercept + cubic B-splines (statsmodels' model, :class:`FastBSpline`),
    second-derivative penalty."""
    bs = FastBSpline(x, _spline_df(x.size))
    k = bs.basis.shape[1]
    basis = np.column_stack([np.ones(x.size), bs.basis])
    penalty = np.zeros((k + 1, k + 1))
    penalty[1:, 1:] = bs.penalty_matrices[0]
    return basis, [penalty]


def _gam_basis(x: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """A group: intercept + a cubic spline per parameter (``SPLINE_DF``) + a tensor-product
    spline per pair (``TENSOR_DF`` per margin, or 4), with candidate penalties main +
    ρ·interaction for ρ in :data:`INTERACTION_RATIOS` (each block scaled to unit trace first).
    With too few draws for the interactions (< 25 per basis column) the model is additive."""
    from itertools import combinations

    from statsmodels.gam.api import BSplines

    n, p = x.shape
    df = _spline_df(n)
    main = BSplines(x, df=[df] * p, degree=[3] * p)
    pairs = list(combinations(range(p), 2))
    # interactions only with enough draws per column (else: the additive model alone)
    tensor = next((t for t in (TENSOR_DF, 4)
                   if n >= DRAWS_PER_COLUMN * (1 + p * (df - 1) + len(pairs) * (t - 1) ** 2)), None)
    if tensor is None:
        pairs = []
    marg = BSplines(x, df=[tensor] * p, degree=[3] * p) if pairs else None
    blocks = [np.ones((n, 1))]
    pen_main, pen_int = [np.zeros((1, 1))], [np.zeros((1, 1))]
    for j, sm in enumerate(main.smoothers):
        blocks.append(sm.basis)
        pm = main.penalty_matrices[j]
        pen_main.append(pm / np.trace(pm))
        pen_int.append(np.zeros_like(pm))
    for a, b in pairs:
        ba, bb = marg.smoothers[a].basis, marg.smoothers[b].basis
        blocks.append((ba[:, :, None] * bb[:, None, :]).reshape(n, -1))
        sa, sb = marg.penalty_matrices[a], marg.penalty_matrices[b]
        pen = np.kron(sa / np.trace(sa), np.eye(sb.shape[0])) + np.kron(np.eye(sa.shape[0]), sb / np.trace(sb))
        pen_main.append(np.zeros_like(pen))
        pen_int.append(pen)
    from scipy.linalg import block_diag

    basis = np.column_stack(blocks)
    s_main, s_int = block_diag(*pen_main), block_diag(*pen_int)
    return basis, [s_main + rho * s_int for rho in INTERACTION_RATIOS] if pairs else [s_main]


def _indicator_basis(x: np.ndarray) -> np.ndarray:
    _, codes = np.unique(x, return_inverse=True)
    return np.eye(codes.max() + 1)[codes]


def evppi(nb, x, *, method: str = "auto", n_se: int = N_SE, seed: int = 0,
          name: str = "", parameters: Sequence[str] = (), perspective: str = "") -> EvppiEstimate:
    """EVPPI of one parameter (``x`` a vector or n × 1) or a group (n × p, p ≤ 5).

    Parameters
    ----------
    nb : array, draws × options (n × D, D ≥ 2)
        Net benefit of each option per draw; column 0 is the reference option.
    x : array, draws × parameters (n × p) or vector (n)
        The draws of the parameter(s) learned, aligned with ``nb``'s rows.
    method : {"auto", "spline", "discrete", "gam"}
        ``auto``: one parameter with ≤ 12 distinct values → discrete (group means); one
        parameter → spline; a group → gam.
    n_se : int
        Posterior samples of the fitted values for the standard error (0: no ``se_fit``).
    seed : int
        Seed of the local generator for the posterior samples.

    Returns
    -------
    EvppiEstimate

    Examples
    --------
    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> x, y = rng.normal(size=(2, 5000))
    >>> nb = np.column_stack([np.zeros(5000), x + y])       # D = X + Y, EVPI ≈ 0,56
    >>> est = evppi(nb, x)                                   # closed form 0,2821
    >>> abs(est.value - 0.2821) < 4 * est.se
    True
    """
    from threadpoolctl import threadpool_limits

    # small matrices (k ≤ ~300): a threaded BLAS only adds contention (7× slower on a loaded
    # 2-core machine), so the estimate runs single-threaded
    with threadpool_limits(limits=1, user_api="blas"):
        return _evppi(nb, x, method=method, n_se=n_se, seed=seed, name=name, parameters=parameters,
                      perspective=perspective)


def _evppi(nb, x, *, method: str, n_se: int, seed: int, name: str, parameters: Sequence[str],
           perspective: str, cache: dict | None = None) -> EvppiEstimate:
    """:func:`evppi` without the thread limit; ``cache`` keeps regression bases by the inputs'
    bytes, so several perspectives on the same draws build each basis once."""
    nb, x = _check(nb, x)
    if method not in METHODS:
        raise UsageError(f"unknown EVPPI method '{method}'; choose one of: {', '.join(METHODS)}", "evppi.method_unknown",
                         method=method, known=", ".join(METHODS))
    n, p = x.shape
    if p > GROUP_MAX:
        raise UsageError(f"EVPPI of a group of {p} parameters: at most {GROUP_MAX} at once", "evppi.group_too_big",
                         size=p, maximum=GROUP_MAX)
    rng = np.random.default_rng(seed)
    y = nb[:, 1:] - nb[:, :1]
    if method == "auto":
        if p == 1:
            method = "discrete" if np.unique(x[:, 0]).size <= DISCRETE_MAX else "spline"
        else:
            method = "gam"
    if method in ("spline", "discrete") and p != 1:
        raise UsageError(f"method '{method}' takes one parameter; use 'gam' for a group", "evppi.method_single",
                         method=method)
    key = (method, x.shape, hashlib.blake2b(np.ascontiguousarray(x).tobytes(), digest_size=16).digest())
    if cache is not None and key in cache:
        basis, penalties = cache[key]
    else:
        if method == "spline":
            basis, penalties = _spline_basis(x[:, 0])
        elif method == "gam":
            basis, penalties = _gam_basis(x)
        else:
            basis, penalties = _indicator_basis(x[:, 0]), []
        if cache is not None:
            cache[key] = (basis, penalties)
    codes = (_bin_codes(x[:, 0]) if method == "spline"
             else np.unique(x[:, 0], return_inverse=True)[1].reshape(-1) if method == "discrete" else None)
    fitted, sampled = _penalised_fit(basis, penalties, y, n_se, rng, codes=codes)
    se_fit = float(np.std(sampled, ddof=1)) if sampled is not None else 0.0
    raw = _evppi_of_fitted(fitted)
    se = math.hypot(se_fit, _mc_se(fitted))
    ceiling = decision.evpi(nb)
    value = min(max(raw, 0.0), ceiling)
    # above EVPI by more than rounding (an exact fit reproduces EVPI to ~1e-12): noise, flagged
    clipped = raw > ceiling + CLIP_TOLERANCE * max(abs(ceiling), 1.0)
    return EvppiEstimate(name or "+".join(parameters) or "x", tuple(parameters), value, se, raw, ceiling,
                         bool(clipped), method, perspective)


def evppi_many(nb, inputs: Mapping[str, tuple[Sequence[str], np.ndarray]], *, perspective: str = "",
               **kwargs: Any) -> EvppiTable:
    """EVPPI for several parameters/groups on the same net benefits.

    ``inputs`` maps a name to ``(parameter names, draws × parameters array)``; ``kwargs`` go
    to :func:`evppi` (``method``, ``n_se``, ``seed``) plus ``cache``, a dict shared between
    calls on the same draws so each regression basis is built once. Returns the estimates
    ranked by value.
    """
    from threadpoolctl import threadpool_limits

    nb = np.asarray(nb, dtype=float)
    options = {"method": "auto", "n_se": N_SE, "seed": 0, **kwargs}
    with threadpool_limits(limits=1, user_api="blas"):
        estimates = tuple(_evppi(nb, arr, name=name, parameters=tuple(params), perspective=perspective, **options)
                          for name, (params, arr) in inputs.items())
    return EvppiTable(perspective, decision.evpi(nb), nb.shape[0], estimates).ranked()


# ---------------------------------------------------------------------------------------------
# Wrapper on a Comparison
# ---------------------------------------------------------------------------------------------
class EvppiTargetError(UsageError):
    """A ``--evppi`` target that is not an uncertain parameter or a group of the case.

    ``reason`` is ``"unknown"``, ``"fixed"``, ``"too_many"`` or ``"empty"``; ``name`` the
    offending name; ``known`` the valid names. The faces word it in Dutch."""

    def __init__(self, reason: str, name: str, known: Sequence[str] = ()):
        super().__init__(f"EVPPI target '{name}': {reason}")
        self.reason, self.name, self.known = reason, name, tuple(known)


def uncertain_parameters(cmp) -> list[str]:
    """Every parameter with draws in any option of the comparison (baseline's order first)."""
    names: list[str] = []
    for res in cmp.results.values():
        names += [c[len("param."):] for c in res.store.columns if c.startswith("param.") and c[len("param."):] not in names]
    return names


def case_uncertain_parameters(case) -> list[str]:
    """The names :func:`uncertain_parameters` will find, from the case alone (baseline first,
    then parameters only a scenario makes uncertain) — to check targets before simulating."""
    from mkba.core.case import apply_scenario

    names = list(case.uncertain_parameters)
    for sid in case.scenarios:
        names += [n for n in apply_scenario(case, sid).uncertain_parameters if n not in names]
    return names


def parameter_draws(cmp, names: Iterable[str]) -> np.ndarray:
    """Draws × parameters array of ``names`` from the comparison (each from the first option
    that samples it: scenarios share the uniforms, so any option carries the same information)."""
    cols = []
    for name in names:
        for res in cmp.results.values():
            if f"param.{name}" in res.store.columns:
                cols.append(res.column(f"param.{name}"))
                break
        else:
            raise EvppiTargetError("fixed", name)
    return np.column_stack(cols)


def resolve_targets(case, available: Sequence[str], specs: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Turn ``--evppi`` values into ``{name: parameters}``.

    Each spec is ``alle`` (every uncertain parameter on its own), a parameter name, a group
    name from the case's ``groepen:`` or a comma list ``a,b`` (one group, named ``a+b``).
    """
    out: dict[str, tuple[str, ...]] = {}
    groups = getattr(case, "groepen", {}) or {}
    for spec in specs:
        parts = [s.strip() for s in str(spec).split(",") if s.strip()]
        if not parts:
            raise EvppiTargetError("empty", str(spec))
        if parts == [ALL]:
            for name in available:
                out.setdefault(name, (name,))
            continue
        members: list[str] = []
        for part in parts:
            if part in groups and part not in case.parameters:
                members += [m for m in groups[part] if m not in members]
            elif part in available:
                if part not in members:
                    members.append(part)
            elif part in case.parameters:
                raise EvppiTargetError("fixed", part, available)
            else:
                raise EvppiTargetError("unknown", part, [*available, *groups])
        for m in members:
            if m not in available:
                raise EvppiTargetError("fixed", m, available)
        if len(members) > GROUP_MAX:
            raise EvppiTargetError("too_many", "+".join(parts), available)
        name = parts[0] if len(parts) == 1 else "+".join(parts)
        out[name] = tuple(members)
    return out


def comparison_evppi(cmp, specs: Iterable[str], perspective: str | None = None, max_draws: int | None = None,
                     **kwargs: Any) -> EvppiTable:
    """EVPPI of the targets ``specs`` (see :func:`resolve_targets`) for the choice between the
    options of a :class:`~mkba.analysis.scenarios.Comparison`, from ``perspective`` (default:
    the comparison's; ``"society"`` or a stakeholder id). Reference option: the baseline.
    ``max_draws`` uses only the first draws (EVPI and EVPPI then both from those draws)."""
    from mkba.analysis.scenarios import check_perspective

    perspective = check_perspective(cmp.case, perspective or cmp.perspective)
    available = uncertain_parameters(cmp)
    targets = resolve_targets(cmp.case, available, specs)
    rows = slice(None) if max_draws is None else slice(0, int(max_draws))
    nb = cmp.net_benefits(perspective).to_numpy()[rows]
    inputs = {name: (params, parameter_draws(cmp, params)[rows]) for name, params in targets.items()}
    return evppi_many(nb, inputs, perspective=perspective, **kwargs)


def comparison_evppi_by_perspective(cmp, specs: Iterable[str], perspectives: Sequence[str],
                                    max_draws: int | None = None, **kwargs: Any) -> dict[str, EvppiTable]:
    """:func:`comparison_evppi` for several perspectives, each regression basis built once
    (the numbers equal separate calls)."""
    cache: dict = {}
    return {p: comparison_evppi(cmp, specs, perspective=p, max_draws=max_draws, cache=cache, **kwargs)
            for p in perspectives}

