"""Uniform designs and rank correlation."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from mkba.core.errors import UsageError
from mkba.core.sampling import IC_BLOCK, Sampler
from mkba.core.seeding import child, open_uniforms


def test_open_uniforms_are_in_open_interval_and_chunkable():
    whole = open_uniforms(1, "x", 0, 10_000)
    parts = np.concatenate([open_uniforms(1, "x", a, min(a + 333, 10_000)) for a in range(0, 10_000, 333)])
    assert np.array_equal(whole, parts)
    assert whole.min() > 0 and whole.max() < 1
    # uniform: KS test at a strict level
    assert stats.kstest(whole, "uniform").pvalue > 1e-4


def test_streams_depend_on_name_not_position():
    a = Sampler(["x", "y"], 100, seed=5).uniforms()
    b = Sampler(["y", "z", "x"], 100, seed=5).uniforms()
    assert np.array_equal(a[:, 0], b[:, 2]) and np.array_equal(a[:, 1], b[:, 0])


def test_child_seed_sequences_differ_by_name():
    assert child(1, "a").generate_state(2).tolist() != child(1, "b").generate_state(2).tolist()


def test_lhs_is_stratified():
    n = 1000
    u = Sampler(["a", "b", "c"], n, seed=2, design="lhs").uniforms()
    for j in range(3):
        strata = np.floor(u[:, j] * n).astype(int)
        assert sorted(strata) == list(range(n))


def test_sobol_is_balanced_and_chunkable():
    s = Sampler(["a", "b"], 1024, seed=2, design="sobol")
    whole = s.uniforms()
    parts = np.vstack([s.uniforms(a, a + 256) for a in range(0, 1024, 256)])
    assert np.array_equal(whole, parts)
    # a scrambled Sobol net of 2^10 points has exactly 4 points per 1/256 × 1/4 box... check 1-D strata
    for j in range(2):
        assert sorted(np.floor(whole[:, j] * 1024).astype(int)) == list(range(1024))


@pytest.mark.parametrize("design", ["mc", "lhs"])
def test_iman_conover_reaches_target_and_keeps_marginals(design):
    n = 3 * IC_BLOCK
    corr = [("a", "b", 0.7), ("b", "c", -0.4)]
    free = Sampler(["a", "b", "c"], n, seed=9, design=design).uniforms()
    tied = Sampler(["a", "b", "c"], n, seed=9, design=design, correlations=corr).uniforms()
    # marginals exact: within each block each column holds exactly the same values
    for b0 in range(0, n, IC_BLOCK):
        for j in range(3):
            assert np.array_equal(np.sort(free[b0:b0 + IC_BLOCK, j]), np.sort(tied[b0:b0 + IC_BLOCK, j]))
    rho = stats.spearmanr(tied).statistic
    assert rho[0, 1] == pytest.approx(0.7, abs=0.02)
    assert rho[1, 2] == pytest.approx(-0.4, abs=0.02)
    assert rho[0, 2] == pytest.approx(0.0, abs=0.03)


def test_correlated_chunks_are_independent_of_chunk_size():
    corr = [("a", "b", 0.5)]
    s = Sampler(["a", "b", "c"], 20_000, seed=1, correlations=corr)
    whole = s.uniforms()
    parts = np.vstack([s.uniforms(a, min(a + 3_000, 20_000)) for a in range(0, 20_000, 3_000)])
    assert np.array_equal(whole, parts)


def test_bad_design_and_draws():
    with pytest.raises(UsageError, match="unknown design"):
        Sampler(["a"], 10, 1, design="halton")
    with pytest.raises(UsageError, match="≥ 1"):
        Sampler(["a"], 0, 1)
