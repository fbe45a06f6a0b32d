"""Same seed → same numbers, however the run is split; streams keyed by parameter name."""

from __future__ import annotations

import numpy as np
import pytest

import mkba
from mkba.core.case import build_case
from mkba.core.errors import LineMap


def _columns(res):
    return {c: res.store.column(c).copy() for c in res.store.columns}


@pytest.mark.parametrize("design", ["mc", "lhs", "sobol"])
def test_bit_identical_whatever_the_chunk_size(example_case, design):
    runs = [mkba.simulate(example_case, draws=20_000, seed=7, design=design, chunk_size=size)
            for size in (20_000, 4_096, 999)]
    ref = _columns(runs[0])
    for other in runs[1:]:
        for name, values in _columns(other).items():
            assert np.array_equal(values, ref[name]), (design, name)


def test_same_seed_same_summary_different_seed_differs(example_case):
    a = mkba.simulate(example_case, draws=5_000, seed=11).summary()
    b = mkba.simulate(example_case, draws=5_000, seed=11).summary()
    c = mkba.simulate(example_case, draws=5_000, seed=12).summary()
    assert a == b
    assert a["metrics"]["npv"]["mean"] != c["metrics"]["npv"]["mean"]


def test_disk_backed_store_gives_the_same_numbers(example_case):
    from mkba.core.results import simulate_many

    in_ram = simulate_many(example_case, [None], draws=3_000, seed=5)["baseline"]
    on_disk = simulate_many(example_case, [None], draws=3_000, seed=5, ram_limit=0)["baseline"]
    assert on_disk.store.on_disk and not in_ram.store.on_disk
    assert in_ram.summary() == on_disk.summary()


def _raw(example_path):
    """The case's plain data with its ``include:`` (the value bank) resolved, for build_case."""
    from mkba.data_in.includes import apply_includes
    from mkba.data_in.yamlio import load_yaml

    data, lines = load_yaml(example_path)
    merged, _, _ = apply_includes(data, lines, example_path)
    return merged


def test_reordering_the_file_changes_nothing(example_path):
    raw = _raw(example_path)
    shuffled = dict(raw)
    names = list(raw["parameters"])
    rng = np.random.default_rng(0)
    shuffled["parameters"] = {n: raw["parameters"][n] for n in rng.permutation(names)}
    shuffled["effects"] = list(reversed(raw["effects"]))
    a = mkba.simulate(build_case(raw, LineMap("a", {})), draws=4_000, seed=3)
    b = mkba.simulate(build_case(shuffled, LineMap("b", {})), draws=4_000, seed=3)
    for e in raw["effects"]:
        for field in ("pv", "outcomes"):
            assert np.array_equal(a.column(f"effect.{e['id']}.{field}"), b.column(f"effect.{e['id']}.{field}"))
    # totals sum the lines in another order: equal to rounding
    assert np.allclose(a.column("npv"), b.column("npv"), rtol=1e-12, atol=1e-6)


def test_adding_an_unrelated_parameter_changes_nothing(example_path):
    raw = _raw(example_path)
    extended = dict(raw)
    extended["parameters"] = {"aaa_nieuw": {"dist": "uniform", "min": 0, "max": 1}, **raw["parameters"]}
    a = mkba.simulate(build_case(raw, LineMap("a", {})), draws=4_000, seed=3)
    b = mkba.simulate(build_case(extended, LineMap("b", {})), draws=4_000, seed=3)
    for name in a.store.columns:
        assert np.array_equal(a.column(name), b.column(name)), name


def test_global_numpy_state_is_untouched(example_case):
    np.random.seed(123)  # noqa: NPY002 - this test checks the legacy global state
    before = np.random.get_state()[1].copy()  # noqa: NPY002
    mkba.simulate(example_case, draws=1_000, seed=1, design="lhs")
    assert np.array_equal(np.random.get_state()[1], before)  # noqa: NPY002
