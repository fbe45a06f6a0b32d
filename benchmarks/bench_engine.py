"""Engine benchmark on the example case; one run prints every figure side by side (Markdown).

Each measurement runs in a fresh process, so start-up and peak memory are its own:

* the engine as it was at the end of round 1 (``--before REV``, default the last round-1 commit,
  unpacked from git into a temporary folder and run there), 1e6 draws: the "today" of issue 8;
* the inverse CDF: SciPy's exact special functions (the engine before the numerical inverse,
  kept as a private switch for this comparison only) vs the numerical inverse, 1e6 draws;
* the floor: uniforms, inverse CDFs and the model, each timed alone, nothing kept;
* ``mkba.simulate`` + ``summary()`` with 1 and with 2 local worker processes, 1e6 draws;
* 1e7 draws: time and peak memory (the process and its workers);
* start-up of ``mkba --help`` (median of 5);
* the scalar reference evaluator per draw against the engine per draw.

Usage::

    python benchmarks/bench_engine.py                 # everything (the exact 1e6 run takes ~1 min)
    python benchmarks/bench_engine.py --max 1e6       # skip 1e7
    python benchmarks/bench_engine.py --exact-draws 2e5   # a shorter exact run, scaled to 1e6
    python benchmarks/bench_engine.py --before none       # skip the round-1 engine (~100 s)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "parameters" / "de_kop.yaml"
MKBA = Path(sys.executable).parent / "mkba"
ROUND1 = "8618d60"  # the last commit of round 1: one process, SciPy's exact inverse CDFs

_ROUND1_CODE = """
import json, resource, time, mkba
case = mkba.load_case("parameters/de_kop.yaml")
t0 = time.perf_counter()
summary = mkba.simulate(case, draws={draws}, seed=1).summary()
print(json.dumps({{"seconds": time.perf_counter() - t0, "file": mkba.__file__,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "bcr_of_means": summary["metrics"]["bcr_of_means"]}}))
"""


def round1_engine(rev: str, draws: int) -> dict | None:
    """Time the engine of commit ``rev`` (unpacked with ``git archive``) on ``draws`` draws of its
    own De Kop case, in a fresh process whose working folder is that tree (so it imports that
    ``mkba``). ``None`` when git or the commit is not available."""
    with tempfile.TemporaryDirectory(prefix="mkba-round1-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True)
        if archive.returncode != 0:
            return None
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        t0 = time.perf_counter()
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        out = subprocess.run([sys.executable, "-c", _ROUND1_CODE.format(draws=draws)], cwd=tmp, env=env,
                             capture_output=True, text=True, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        if not result["file"].startswith(tmp):
            raise RuntimeError(f"the round-1 run imported {result['file']}, not the unpacked tree")
        result["wall"] = time.perf_counter() - t0
        return result


def _peak_mb() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_mb": own, "peak_worker_mb": children}


def child_engine(draws: int, workers: int, exact: bool) -> dict:
    import mkba
    from mkba.core import distributions

    distributions._EXACT_INVERSE = exact
    case = mkba.load_case(CASE)
    t0 = time.perf_counter()
    res = mkba.simulate(case, draws=draws, seed=1, workers=workers)
    summary = res.summary()
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "on_disk": res.store.on_disk,
            "bcr_of_means": summary["metrics"]["bcr_of_means"], **_peak_mb()}


def child_floor(draws: int) -> dict:
    """Uniforms, inverse CDFs and the model for ``draws`` draws in the engine's chunks, each timed
    alone; nothing is stored or summarised."""
    import mkba
    from mkba.core.engine import DEFAULT_CHUNK, make_plan, warm
    from mkba.core.model import apply_scales, evaluate_blocks
    from mkba.core.outputs import Layout
    from mkba.core.sampling import Sampler

    case = mkba.load_case(CASE)
    plan = make_plan(case, [None], draws=draws, seed=1)
    t0 = time.perf_counter()
    warm(plan)
    setup = time.perf_counter() - t0
    sampler = Sampler(plan.names, draws, plan.seed, plan.design, plan.correlations)
    layout = Layout.of(case)
    t_u = t_inv = t_model = 0.0
    for start in range(0, draws, DEFAULT_CHUNK):
        stop = min(start + DEFAULT_CHUNK, draws)
        t0 = time.perf_counter()
        u = sampler.uniforms(start, stop)
        t1 = time.perf_counter()
        values = {n: spec.ppf(u[:, j]) for j, (n, spec) in enumerate(
            (n, case.parameters[n]) for n in plan.names)}
        t2 = time.perf_counter()
        apply_scales(case, values)
        for _ in evaluate_blocks(case, values, layout, n=stop - start):
            pass
        t3 = time.perf_counter()
        t_u, t_inv, t_model = t_u + t1 - t0, t_inv + t2 - t1, t_model + t3 - t2
    return {"setup": setup, "uniforms": t_u, "inverse": t_inv, "model": t_model,
            "values": draws * len(case.uncertain_parameters)}


def reference_speed(n_ref: int = 3000, n_engine: int = 200_000) -> dict:
    import mkba
    from mkba.core.model import evaluate_blocks, parameter_values
    from mkba.core.outputs import Layout
    from mkba.core.reference import evaluate_draw
    from mkba.core.sampling import Sampler

    case = mkba.load_case(CASE)
    res = mkba.simulate(case, draws=n_ref, seed=1)
    params = [{n: s.base_value for n, s in case.parameters.items()} for _ in range(n_ref)]
    for name in case.uncertain_parameters:
        col = res.column(f"param.{name}")
        for i in range(n_ref):
            params[i][name] = float(col[i])
    t0 = time.perf_counter()
    for p in params:
        evaluate_draw(case, p)
    ref_per_draw = (time.perf_counter() - t0) / n_ref
    names = list(case.parameters)
    values = parameter_values(case, Sampler(names, n_engine, 1).uniforms(), names)
    layout = Layout.of(case)
    t0 = time.perf_counter()
    for _ in evaluate_blocks(case, values, layout, n=n_engine):
        pass
    engine_per_draw = (time.perf_counter() - t0) / n_engine
    return {"reference_us": ref_per_draw * 1e6, "engine_us": engine_per_draw * 1e6,
            "ratio": ref_per_draw / engine_per_draw}


def help_startup(repeats: int = 5) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run([str(MKBA), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def cli_wall(draws: int, workers: int, repeats: int = 3) -> float:
    """Median wall time of ``mkba run de_kop.yaml --draws N --workers W`` as a user types it
    (start-up, the draw-count check and its estimate, the run, the summary, the tables)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run([str(MKBA), "run", str(CASE), "--draws", str(draws), "--workers", str(workers)],
                       capture_output=True, check=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _child(*args: str) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = time.perf_counter() - t0  # including the process's own start-up
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=float, default=1e7, help="largest draw count (default 1e7)")
    parser.add_argument("--exact-draws", type=float, default=1e6,
                        help="draws for the exact-inverse run (default 1e6; fewer are scaled to 1e6)")
    parser.add_argument("--before", default=ROUND1,
                        help=f"git commit of the engine to compare with (default {ROUND1}, end of round 1; 'none' skips)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, draws = args.child[0], int(float(args.child[1]))
        if kind == "floor":
            print(json.dumps(child_floor(draws)))
        else:
            print(json.dumps(child_engine(draws, int(args.child[2]), kind == "exact")))
        return

    n = 1_000_000
    n_exact = int(args.exact_draws)
    print(f"# mkba engine benchmark — {CASE.name}, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"load average {' '.join(f'{x:.1f}' for x in __import__('os').getloadavg())}\n")
    floor = _child("floor", str(n))
    exact = _child("exact", str(n_exact), "1")
    new1 = _child("engine", str(n), "1")
    new2 = _child("engine", str(n), "2")
    scale = n / n_exact
    per_value_exact = (exact["seconds"] * scale - (new1["seconds"] - floor["inverse"])) / floor["values"]
    before = None if args.before == "none" else round1_engine(args.before, n)
    print("| 1e6 draws of De Kop | seconds (in process) | wall incl. start-up | peak MB |")
    print("|---|---:|---:|---:|")
    if before is not None:
        print(f"| round 1 (commit {args.before}): exact inverse CDFs, 1 process | {before['seconds']:.2f} | "
              f"{before['wall']:.2f} | {before['peak_mb']:,.0f} |")
    note = "" if n_exact == n else f" ({n_exact:,} draws × {scale:g})"
    print(f"| before: exact inverse CDFs (SciPy `betaincinv` …), 1 process{note} | {exact['seconds'] * scale:.2f} | "
          f"{exact['wall'] * scale:.2f} | {exact['peak_mb']:,.0f} |")
    print(f"| now: numerical inverse, `--workers 1` | {new1['seconds']:.2f} | {new1['wall']:.2f} | {new1['peak_mb']:,.0f} |")
    print(f"| now: numerical inverse, `--workers 2` | {new2['seconds']:.2f} | {new2['wall']:.2f} | "
          f"{new2['peak_mb']:,.0f} + workers {new2['peak_worker_mb']:,.0f} |")
    for workers in (1, 2):
        print(f"| `mkba run de_kop.yaml --draws 1000000 --workers {workers}` (median of 3) | | "
              f"{cli_wall(n, workers):.2f} | |")
    total = floor["uniforms"] + floor["inverse"] + floor["model"]
    print(f"| floor, 1 process: uniforms {floor['uniforms']:.2f} + inverse CDFs {floor['inverse']:.2f} "
          f"+ model {floor['model']:.2f} (+ one-off inverse set-up {floor['setup']:.2f}) | {total:.2f} | | |")
    print(f"\nInverse CDF per value: exact ≈ {per_value_exact * 1e9:,.0f} ns, numerical "
          f"{floor['inverse'] / floor['values'] * 1e9:,.0f} ns ({floor['values']:,} values); "
          f"speed-up of the whole run {exact['seconds'] * scale / new1['seconds']:.1f}× (1 process), "
          f"{exact['seconds'] * scale / new2['seconds']:.1f}× (2 processes); "
          f"engine / floor {new1['seconds'] / (total + floor['setup']):.2f}×.")
    if before is not None:
        print(f"\nAgainst round 1: {before['seconds'] / new1['seconds']:.1f}× (1 process), "
              f"{before['seconds'] / new2['seconds']:.1f}× (`--workers 2`), in-process seconds; "
              f"{before['wall'] / new2['wall']:.1f}× in wall time with start-up.")
    if args.max >= 1e7:
        big = _child("engine", "10000000", "2")
        print(f"\n1e7 draws, `--workers 2`: {big['seconds']:.1f} s ({big['wall']:.1f} s wall), peak memory "
              f"{big['peak_mb']:,.0f} MB (main process; draws kept {'on disk' if big['on_disk'] else 'in memory'}), "
              f"largest worker {big['peak_worker_mb']:,.0f} MB.")
    print(f"\n`mkba --help` start-up: {help_startup():.2f} s (median of 5).")
    ref = reference_speed()
    print(f"\nModel evaluation per draw: scalar reference {ref['reference_us']:.1f} µs, "
          f"vectorised engine {ref['engine_us']:.3f} µs → engine is {ref['ratio']:,.0f}× faster.")


if __name__ == "__main__":
    main()
