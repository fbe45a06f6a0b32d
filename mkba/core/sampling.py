"""Uniform designs, rank correlation and parameter draws.

Shapes are fixed once: every matrix here is **draws × parameters** (rows are draws, columns
are parameters, like a DataFrame).

A parameter's uniforms are keyed by the seed and the parameter's *name*:

* ``mc`` (default): each name has its own PCG64 stream, so adding or reordering parameters
  changes no other parameter's draws, and draws ``[a, b)`` can be generated alone (chunks).
* ``lhs``: Latin hypercube; each name has its own permutation and jitter stream. The
  permutation of all N draws is kept in memory (4 bytes per draw and parameter).
* ``sobol``: scrambled Sobol points (scipy.stats.qmc). A QMC design is joint, so columns are
  assigned to parameters in *sorted name order*: reordering the file changes nothing, but
  adding a parameter changes the design of those sorted after it.

Rank correlations are imposed with the Iman–Conover method, which only reorders each
parameter's uniforms and so keeps every marginal exact. It works on fixed blocks of
:data:`IC_BLOCK` draws (not on the evaluation chunks), so results do not depend on chunk size.

References
----------
.. [1] Iman, R. L. & Conover, W. J. (1982). A distribution-free approach to inducing rank
   correlation among input variables. *Communications in Statistics B* 11(3), 311–334.
.. [2] McKay, Beckman & Conover (1979). A comparison of three methods for selecting values
   of input variables. *Technometrics* 21(2), 239–245.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import special

from mkba.core.errors import UsageError
from mkba.core.seeding import SeedLike, generator, open_uniforms

DESIGNS = ("mc", "lhs", "sobol")
IC_BLOCK = 8192
_EPS = 2.0**-53


def check_design(design: str) -> str:
    """The sampling design, checked (the one place that knows which designs exist)."""
    if design not in DESIGNS:
        raise UsageError(f"unknown design '{design}'; choose one of: {', '.join(DESIGNS)}", "core.design",
                         design=str(design), known=", ".join(DESIGNS))
    return design


class Sampler:
    """A chunkable uniform design over named parameters.

    Parameters
    ----------
    names : sequence of str
        Parameter names (columns of :meth:`uniforms`, in this order).
    draws : int
        Total number of draws N.
    seed : int, SeedSequence or Generator
        The run's seed; every stream is derived from it by name.
    design : {"mc", "lhs", "sobol"}
    correlations : sequence of (name_a, name_b, spearman_rho)
        Target rank correlations (Iman–Conover, in blocks of :data:`IC_BLOCK`).
    """

    def __init__(self, names: Sequence[str], draws: int, seed: SeedLike, design: str = "mc",
                 correlations: Sequence[tuple[str, str, float]] = (),
                 files: Mapping[str, DrawsFile] | None = None):
        check_design(design)
        if draws < 1:
            raise UsageError(f"the number of draws must be ≥ 1 (got {draws})", "core.draws", got=repr(draws))
        self.names = list(names)
        self.draws = int(draws)
        self.seed = seed
        self.design = design
        corr_names = sorted({n for a, b, _ in correlations for n in (a, b)})
        missing = [n for n in corr_names if n not in self.names]
        if missing:
            raise UsageError(f"correlated parameters not sampled: {', '.join(missing)}", "core.correlated_unsampled",
                             names=", ".join(missing))
        self.corr_names = corr_names
        self.target = _pearson_target(corr_names, correlations)
        self._lhs_perm: dict[str, np.ndarray] = {}
        self.files = dict(files or {})
        self._sobol_order = sorted(design_names(self.names, self.files))
        check_draws_files(self.files, self.draws)

    # -- raw designs -----------------------------------------------------------------------
    def _independent(self, names: Sequence[str], start: int, stop: int) -> np.ndarray:
        out = np.empty((stop - start, len(names)), order="F")  # each parameter's column contiguous
        if self.design == "sobol":
            dims = [self._sobol_order.index(n) for n in names]
            out[:] = self._sobol(start, stop)[:, dims]
            return out
        for j, name in enumerate(names):
            if self.design == "mc":
                out[:, j] = open_uniforms(self.seed, "u:" + name, start, stop)
            else:  # lhs
                perm = self._lhs_perm.get(name)
                if perm is None:
                    dtype = np.uint32 if self.draws < 2**32 else np.uint64
                    perm = generator(self.seed, "lhs-perm", name).permutation(self.draws).astype(dtype)
                    self._lhs_perm[name] = perm
                jitter = open_uniforms(self.seed, "lhs-jitter:" + name, start, stop)
                out[:, j] = (perm[start:stop] + jitter) / self.draws
        return out

    def _sobol(self, start: int, stop: int) -> np.ndarray:
        from scipy.stats import qmc  # imported here: SciPy's stats package takes ~1 s to import

        engine = qmc.Sobol(d=max(len(self._sobol_order), 1), scramble=True,
                           rng=generator(self.seed, "sobol"))
        if start:
            engine.fast_forward(start)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # balance warning for n not 2^m
            points = engine.random(stop - start)
        return np.clip(points, _EPS, 1 - _EPS)

    # -- public ----------------------------------------------------------------------------
    def uniforms(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Uniforms for draws ``[start, stop)``: an array of shape (stop − start) × parameters,
        stored column-major (each parameter's draws contiguous)."""
        stop = self.draws if stop is None else stop
        if not 0 <= start <= stop <= self.draws:
            raise UsageError(f"draw range [{start}, {stop}) outside [0, {self.draws})", "core.draw_range",
                             start=str(start), stop=str(stop), draws=str(self.draws))
        free = [n for n in self.names if n not in self.corr_names and n not in self.files]
        out = np.empty((stop - start, len(self.names)), order="F")
        if free:
            block = self._independent(free, start, stop)
            for k, n in enumerate(free):
                out[:, self.names.index(n)] = block[:, k]
        if self.corr_names and stop > start:
            block = self._correlated(start, stop)
            for k, n in enumerate(self.corr_names):
                out[:, self.names.index(n)] = block[:, k]
        if self.files:
            fill_draws_columns(self, out, start, stop)
        return out

    def _correlated(self, start: int, stop: int) -> np.ndarray:
        parts = []
        for block in range(start // IC_BLOCK, (stop - 1) // IC_BLOCK + 1):
            b0, b1 = block * IC_BLOCK, min((block + 1) * IC_BLOCK, self.draws)
            u = self._independent(self.corr_names, b0, b1)
            u = iman_conover(u, self.target, generator(self.seed, "iman-conover", block))
            parts.append(u[max(start, b0) - b0 : min(stop, b1) - b0])
        return np.concatenate(parts, axis=0)


def _pearson_target(names: list[str], correlations) -> np.ndarray:
    """Target correlation of normal scores giving Spearman rho: 2 sin(pi rho / 6)."""
    k = len(names)
    target = np.eye(k)
    for a, b, rho in correlations:
        i, j = names.index(a), names.index(b)
        target[i, j] = target[j, i] = 2 * np.sin(np.pi * rho / 6)
    return target


def iman_conover(u: np.ndarray, target: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Reorder the columns of ``u`` (draws × parameters) so their rank correlation
    approaches ``target`` (a correlation matrix for normal scores). Each column keeps
    exactly its values; only their order changes.

    References
    ----------
    .. [1] Iman & Conover (1982), see the module docstring.
    """
    n, k = u.shape
    if n < k + 2 or k < 2:
        return u
    scores = _normal_scores(n)
    m = np.column_stack([rng.permutation(scores) for _ in range(k)])
    actual = np.corrcoef(m, rowvar=False)
    try:
        q = np.linalg.cholesky(actual)
        p = np.linalg.cholesky(target)
    except np.linalg.LinAlgError:
        return u
    m_star = m @ np.linalg.inv(q).T @ p.T
    out = np.empty_like(u)
    positions = np.arange(n)
    ranks = np.empty(n, dtype=np.intp)
    for j in range(k):
        ranks[_stable_argsort(m_star[:, j])] = positions  # rank of each row (inverse permutation)
        out[:, j] = np.sort(u[:, j])[ranks]
    return out


@functools.lru_cache(maxsize=4)
def _normal_scores(n: int) -> np.ndarray:
    """van der Waerden scores Φ⁻¹(i / (n + 1)), i = 1..n (read-only; one array per block size)."""
    scores = special.ndtri(np.arange(1, n + 1) / (n + 1))
    scores.flags.writeable = False
    return scores


def _stable_argsort(x: np.ndarray) -> np.ndarray:
    """``np.argsort(x, kind="stable")``, a few times faster: without ties every sort gives the
    same order, so the fast introsort is used and checked for ties (then the stable sort)."""
    order = np.argsort(x)
    ordered = x[order]
    if np.any(ordered[1:] == ordered[:-1]):
        return np.argsort(x, kind="stable")
    return order


# ------------------------------------------------------------------------------------------------
# Draws files (DESIGN §11, ``dist: draws``): one design column per FILE, shared by its parameters
# ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DrawsFile:
    """How a ``dist: draws`` parameter picks rows: ``stream`` names its file's design column
    (keyed by the file, not the parameter), ``order`` is resample | sequential, ``rows`` the
    file's row count."""

    stream: str
    order: str
    rows: int


def draws_files(parameters: Mapping[str, object]) -> dict[str, DrawsFile]:
    """``{parameter name: DrawsFile}`` for every ``dist: draws`` parameter in ``parameters``."""
    out = {}
    for name, spec in parameters.items():
        if getattr(spec, "family", "") == "draws":
            out[name] = DrawsFile(spec.stream, spec.order, spec.rows)
    return out


def design_names(names: Sequence[str], files: Mapping[str, DrawsFile]) -> list[str]:
    """Columns of the uniform design: ordinary parameters by name, and one column per draws
    file that is resampled (its stream name), so every draws parameter of a file shares it."""
    out = [n for n in names if n not in files]
    for f in files.values():
        if f.order == "resample" and f.stream not in out:
            out.append(f.stream)
    return out


def check_draws_files(files: Mapping[str, DrawsFile], draws: int) -> None:
    for name, f in files.items():
        if f.order == "sequential" and draws > f.rows:
            file = f.stream.removeprefix("draws-file:")
            raise UsageError(
                f"parameter '{name}' reads {file} in order 'sequential', "
                f"which has {f.rows} rows, but {draws} draws were asked; ask at most {f.rows} draws "
                "or use order: resample", "draws.too_few_rows", name=name, file=file, rows=str(f.rows),
                draws=str(draws))


def fill_draws_columns(sampler: Sampler, out: np.ndarray, start: int, stop: int) -> None:
    """Write the uniform of each draws parameter into ``out`` (draws × sampler.names).

    ``resample``: the file's own design column (its stream under the run's design: a PCG64
    stream keyed by seed and file for ``mc``, the file's LHS column, or its Sobol dimension).
    ``sequential``: draw i gets (i + ½) / rows, which :meth:`Draws.pick` maps to row i.
    Parameters of one file get identical columns, so they share one row per draw.
    """
    streams = sorted({f.stream for f in sampler.files.values() if f.order == "resample"})
    design = dict(zip(streams, sampler._independent(streams, start, stop).T, strict=True)) if streams else {}
    index = np.arange(start, stop, dtype=np.float64)
    for name, f in sampler.files.items():
        col = sampler.names.index(name)
        out[:, col] = design[f.stream] if f.order == "resample" else (index + 0.5) / f.rows
