"""Plan → chunk → reduce (DESIGN §8): per-draw results do not depend on chunk size, process
count, block arrival order or seed kind; a plan is small and picklable; the scalar reference
maps uniforms to parameter values exactly as the engine does."""

from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys

import numpy as np
import pytest

import mkba
from mkba.core.engine import Block, iter_blocks, make_plan, run_chunk
from mkba.core.errors import UsageError
from mkba.core.outputs import Layout
from mkba.core.reference import evaluate_draw, parameter_draw
from mkba.core.results import collect, simulate_many
from mkba.core.sampling import Sampler
from mkba.core.seeding import seed_sequence


def _columns(res):
    return {c: res.store.column(c).copy() for c in res.store.columns}


def _assert_same_draws(a, b):
    ca, cb = _columns(a), _columns(b)
    assert list(ca) == list(cb)
    for name, values in ca.items():
        assert np.array_equal(values, cb[name]), name


@pytest.mark.parametrize("design", ["mc", "lhs", "sobol"])
def test_bit_identical_for_any_chunk_size_and_worker_count(example_case, design):
    one = simulate_many(example_case, [None, "s3-generiek"], draws=12_000, seed=9, design=design, chunk_size=12_000)
    for chunk, workers in ((2_500, 2), (999, 1), (4_096, 2)):
        other = simulate_many(example_case, [None, "s3-generiek"], draws=12_000, seed=9, design=design,
                              chunk_size=chunk, workers=workers)
        for option in one:
            _assert_same_draws(one[option], other[option])
            # yearly means are sums in another grouping: equal to rounding (DESIGN §4)
            for key, values in one[option].yearly.items():
                np.testing.assert_allclose(other[option].yearly[key], values, rtol=1e-12)


def test_workers_give_the_same_summary_as_one_process(example_case):
    a = mkba.simulate(example_case, draws=8_000, seed=3, chunk_size=1_000, workers=1).summary()
    b = mkba.simulate(example_case, draws=8_000, seed=3, chunk_size=1_000, workers=2).summary()
    assert a == b


def test_chunks_concatenate_to_the_whole_run(example_case):
    plan = make_plan(example_case, [None, "s1-taakvelden"], draws=3_000, seed=5)
    whole = run_chunk(plan, 0, 3_000)
    parts = [run_chunk(plan, a, b) for a, b in ((0, 1), (1, 1_234), (1_234, 3_000))]
    for option in plan.options:
        stacked = np.concatenate([p.outputs[option] for p in parts], axis=0)
        assert stacked.shape == (3_000, len(plan.columns(option)))
        assert np.array_equal(stacked, whole.outputs[option])
        summed = sum(p.yearly[option]["costs"] for p in parts)
        np.testing.assert_allclose(summed, whole.yearly[option]["costs"], rtol=1e-12)


def test_plan_is_small_picklable_and_blocks_are_plain_arrays(example_case):
    plan = make_plan(example_case, [None, *example_case.scenarios], draws=10_000, seed=2, chunk_size=4_000)
    data = pickle.dumps(plan)
    assert len(data) < 200_000  # the cases and a few numbers, no draws
    again = pickle.loads(data)
    assert again.options == ("baseline", *example_case.scenarios)
    assert isinstance(again.seed, np.random.SeedSequence) and again.token == plan.token
    block = run_chunk(again, 4_000, 8_000)
    direct = run_chunk(plan, 4_000, 8_000)
    assert isinstance(block, Block) and (block.start, block.stop) == (4_000, 8_000)
    for option in plan.options:
        assert isinstance(block.outputs[option], np.ndarray) and block.outputs[option].dtype == np.float64
        assert np.array_equal(block.outputs[option], direct.outputs[option])
    # a block survives pickling too (it travels back from a worker)
    back = pickle.loads(pickle.dumps(block))
    assert np.array_equal(back.outputs["baseline"], block.outputs["baseline"])
    assert plan.chunks() == [(0, 4_000), (4_000, 8_000), (8_000, 10_000)]


def test_collect_accepts_blocks_in_any_order(example_case):
    plan = make_plan(example_case, [None], draws=5_000, seed=8, chunk_size=700)
    ordered = collect(plan, iter_blocks(plan))["baseline"]
    blocks = [run_chunk(plan, a, b) for a, b in plan.chunks()]
    random.Random(0).shuffle(blocks)
    shuffled = collect(plan, blocks)["baseline"]
    _assert_same_draws(ordered, shuffled)
    assert ordered.summary() == shuffled.summary()
    with pytest.raises(UsageError, match="cover"):
        collect(plan, blocks[:-1])


def _record_processes(monkeypatch, folder):
    """Make every chunk leave a file named after the process that ran it (the patched functions
    are found by name in forked workers, so they are what the workers run)."""
    from mkba.core import engine

    folder.mkdir()
    for name in ("run_chunk", "_run_chunk_to_sinks"):
        original = getattr(engine, name)

        def recorded(plan, start, stop, _original=original):
            (folder / f"{os.getpid()}-{start}").touch()
            return _original(plan, start, stop)

        recorded.__module__, recorded.__qualname__ = engine.__name__, name  # picklable by reference
        monkeypatch.setattr(engine, name, recorded)
    return lambda: {int(p.name.split("-")[0]) for p in folder.iterdir()}, lambda: len(list(folder.iterdir()))


@pytest.mark.parametrize("kind", ["int", "seedsequence", "generator"])
def test_every_seed_kind_is_chunk_size_independent(example_case, kind, monkeypatch, tmp_path):
    def seed():
        if kind == "int":
            return 2024
        if kind == "seedsequence":
            return np.random.SeedSequence(2024)
        return np.random.Generator(np.random.PCG64(2024))

    a = mkba.simulate(example_case, draws=6_000, seed=seed(), chunk_size=1_000)
    b = mkba.simulate(example_case, draws=6_000, seed=seed(), chunk_size=100)
    processes, chunks = _record_processes(monkeypatch, tmp_path / "chunks")
    c = mkba.simulate(example_case, draws=6_000, seed=seed(), chunk_size=250, workers=2)
    # 24 chunks, and they really ran in two processes other than this one
    assert chunks() == 24 and len(processes() - {os.getpid()}) == 2, (chunks(), processes())
    monkeypatch.undo()
    _assert_same_draws(a, b)
    _assert_same_draws(a, c)
    recorded = a.summary()["seed"]
    assert isinstance(recorded, int)  # the JSON seed is a number that repeats the run
    json.dumps(recorded)
    _assert_same_draws(a, mkba.simulate(example_case, draws=6_000, seed=recorded, chunk_size=777))
    if kind != "generator":
        assert recorded == 2024


def test_generator_seed_is_drawn_once_and_recorded_as_its_entropy():
    gen = np.random.Generator(np.random.PCG64(5))
    ss = seed_sequence(gen)
    words = np.random.Generator(np.random.PCG64(5)).integers(0, 2**32, size=4, dtype=np.uint64)
    assert ss.entropy == sum(int(w) << (32 * i) for i, w in enumerate(words))


def test_spawned_seed_sequence_is_recorded_with_its_spawn_key(example_case):
    child = np.random.SeedSequence(7).spawn(2)[1]
    out = mkba.simulate(example_case, draws=500, seed=child).summary()
    assert out["seed"] == {"entropy": 7, "spawn_key": [1]}


def test_bad_arguments_are_usage_errors(example_case):
    with pytest.raises(UsageError, match="workers"):
        mkba.simulate(example_case, draws=100, workers=0)
    with pytest.raises(UsageError, match="chunk_size"):
        mkba.simulate(example_case, draws=100, chunk_size=0)
    plan = make_plan(example_case, [None], draws=100, seed=1)
    with pytest.raises(UsageError, match="outside"):
        run_chunk(plan, 50, 101)


def test_reference_maps_uniforms_exactly_as_the_engine(example_case):
    """Same uniforms → same parameter values (DESIGN §4), through the scalar reference, also with a
    scenario's scale factors; and the reference model agrees with the engine on those draws."""
    option = next(sid for sid, sc in example_case.scenarios.items() if example_case.with_scenario(sid).scales)
    plan = make_plan(example_case, [option], draws=300, seed=11, design="lhs")
    res = collect(plan, iter_blocks(plan))[option]
    case = plan.case(option)
    uniforms = Sampler(plan.names, plan.draws, plan.seed, plan.design, plan.correlations).uniforms()
    columns = Layout.of(case).columns
    for i in range(0, 300, 7):
        params = parameter_draw(case, dict(zip(plan.names, uniforms[i], strict=True)))
        for name in case.uncertain_parameters:
            assert params[name] == res.column(f"param.{name}")[i], name
        expected = evaluate_draw(case, params)
        for name in columns:
            assert res.column(name)[i] == pytest.approx(expected[name], rel=1e-9, abs=1e-7), name


def test_help_path_imports_no_numerical_libraries():
    code = ("import sys\nfrom mkba.faces.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "try:\n    main(['run', '--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('numpy', 'scipy', 'pandas', 'matplotlib') if m in sys.modules]\n"
            "print('HEAVY', heavy)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out
    assert "--workers" in out


def test_lazy_public_api_still_works():
    code = ("import sys, mkba\nassert 'numpy' not in sys.modules\n"
            "names = [mkba.load_case, mkba.simulate, mkba.compare, mkba.decision.evpi, mkba.Result, mkba.Case,\n"
            "         mkba.CaseError, mkba.simulate_many, mkba.deterministic, mkba.make_plan, mkba.run_chunk]\n"
            "assert 'load_case' in dir(mkba)\n"
            "from mkba import simulate, decision\nprint('OK')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "OK" in out
    with pytest.raises(AttributeError):
        mkba.no_such_name  # noqa: B018


def test_cli_workers_option_changes_nothing(capsys, example_path):
    from mkba.faces.cli import main

    outs = []
    for workers in ("1", "2"):
        assert main(["run", str(example_path), "--draws", "3000", "--chunk-size", "500", "--workers", workers,
                     "--json"]) == 0
        outs.append(json.loads(capsys.readouterr().out))
    assert outs[0] == outs[1]
    assert main(["compare", str(example_path), "--draws", "1500", "--workers", "2", "--json"]) == 0
    cmp = json.loads(capsys.readouterr().out)
    assert cmp["seed"] == 1 and cmp["scenarios"]["baseline"]["metrics"] == \
        mkba.compare(mkba.load_case(example_path), draws=1500).summary()["scenarios"]["baseline"]["metrics"]


def test_report_passes_workers_to_every_notebook(example_case, example_path):
    from mkba.faces.report import check_notebook_parameters, plan_notebooks

    jobs = plan_notebooks(example_case, example_path, None, True, 2_000, 1, 1024, workers=2)
    assert jobs and all(job.parameters["workers"] == 2 for job in jobs)
    check_notebook_parameters(jobs)  # every notebook declares `workers` in its parameters cell
    with pytest.raises(UsageError, match="workers"):
        plan_notebooks(example_case, example_path, None, True, 2_000, 1, 1024, workers=0)


@pytest.mark.parametrize("ram_limit", [0, 2**40], ids=["in-a-file", "in-memory"])
def test_local_workers_write_into_the_shared_store_and_change_nothing(example_case, ram_limit):
    """With workers > 1 the forked workers write their blocks straight into the run's store (an
    anonymous shared mapping, or the store's temporary file); the parent only adds yearly sums.
    Every draw and the summary equal a one-process run, in memory and on disk alike."""
    from mkba.core.results import new_stores

    one = simulate_many(example_case, [None, "s3-generiek"], draws=9_000, seed=4, chunk_size=1_000,
                        ram_limit=ram_limit)
    two = simulate_many(example_case, [None, "s3-generiek"], draws=9_000, seed=4, chunk_size=1_000,
                        ram_limit=ram_limit, workers=2)
    for option in one:
        assert two[option].store.on_disk is (ram_limit == 0)
        _assert_same_draws(one[option], two[option])
        assert one[option].summary() == two[option].summary()
    # the blocks the parent receives from forked workers carry no per-draw outputs
    plan = make_plan(example_case, [None], draws=4_000, seed=4, chunk_size=1_000)
    stores = new_stores(plan, shared=True)
    blocks = list(iter_blocks(plan, workers=2, sinks=stores))
    assert [b.outputs for b in blocks] == [{}] * 4
    merged = collect(plan, blocks, stores=stores)["baseline"]
    _assert_same_draws(merged, simulate_many(example_case, [None], draws=4_000, seed=4)["baseline"])


def test_blocks_without_outputs_are_refused_unless_written_in_place(example_case):
    plan = make_plan(example_case, [None], draws=2_000, seed=4, chunk_size=1_000)
    empty = [Block(b.start, b.stop, {}, b.yearly) for b in iter_blocks(plan)]
    with pytest.raises(UsageError, match="without option"):
        collect(plan, empty)


def test_summary_in_threads_equals_one_thread(example_case, monkeypatch):
    from mkba.core import results

    monkeypatch.setattr(results, "_THREADED_FROM", 1)
    res = mkba.simulate(example_case, draws=5_000, seed=2)
    serial = res.summary()
    threaded = results.Result(res.case, res.draws, res.seed, res.design, False, res.store, res.yearly, workers=2)
    assert threaded.summary() == serial
    assert set(threaded._stats) == set(threaded.summary_columns())  # every summarised column went through the pool


def test_sorted_quantiles_equal_numpy_quantile_to_the_last_bit():
    from mkba.core.results import sorted_quantiles

    rng = np.random.default_rng(11)
    for n in [*range(1, 40), 999, 1_000, 65_537]:
        for scale in (1.0, 1e6, 1e-3):
            x = rng.standard_normal(n) * scale
            q = np.concatenate([[0.0, 0.05, 0.5, 0.95, 1.0], rng.uniform(size=6)])
            assert np.array_equal(sorted_quantiles(np.sort(x), q), np.quantile(x, q)), (n, scale)
    ties = np.repeat([1.0, 2.0, 3.0], 7)
    assert np.array_equal(sorted_quantiles(ties, q), np.quantile(ties, q))


def test_fast_argsort_equals_the_stable_one_with_and_without_ties():
    from mkba.core.sampling import _stable_argsort

    rng = np.random.default_rng(3)
    smooth = rng.standard_normal(5_000)
    tied = rng.integers(0, 50, 5_000).astype(float)
    for x in (smooth, tied, np.zeros(10), np.arange(10.0)[::-1]):
        assert np.array_equal(_stable_argsort(x), np.argsort(x, kind="stable"))
