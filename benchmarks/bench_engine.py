"""Engine benchmark on the example case (prints a Markdown table; the README quotes it).

For each draw count (1e5, 1e6, 1e7 by default), in a fresh process so peak memory is its own:

* engine: ``mkba.simulate`` + ``summary()`` (draws/s, seconds, peak RSS);
* sampling floor: the unavoidable work — each uncertain parameter's uniforms through its
  inverse CDF, in the same chunks, nothing kept — and the engine's ratio to it;
* start-up: importing mkba and loading the case.

Then the scalar reference evaluator (``mkba.core.reference``) per draw against the engine per
draw. Usage::

    python benchmarks/bench_engine.py            # 1e5, 1e6, 1e7
    python benchmarks/bench_engine.py --max 1e6  # skip 1e7
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "parameters" / "de_kop.yaml"


def child(draws: int) -> dict:
    t0 = time.perf_counter()
    import mkba
    from mkba.core.results import DEFAULT_CHUNK
    from mkba.core.seeding import open_uniforms

    case = mkba.load_case(CASE)
    startup = time.perf_counter() - t0

    t0 = time.perf_counter()
    for start in range(0, draws, DEFAULT_CHUNK):
        stop = min(start + DEFAULT_CHUNK, draws)
        for name in case.uncertain_parameters:
            case.parameters[name].ppf(open_uniforms(1, "u:" + name, start, stop))
    floor = time.perf_counter() - t0

    t0 = time.perf_counter()
    res = mkba.simulate(case, draws=draws, seed=1)
    summary = res.summary()
    engine = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"draws": draws, "startup": startup, "floor": floor, "engine": engine, "peak_mb": peak_mb,
            "on_disk": res.store.on_disk, "bcr_of_means": summary["metrics"]["bcr_of_means"]}


def reference_speed(n_ref: int = 3000, n_engine: int = 200_000) -> dict:
    import mkba
    from mkba.core.reference import evaluate_draw

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

    # engine model evaluation per draw, parameters given (same work as the reference)
    from mkba.core.model import Layout, evaluate_blocks, parameter_values
    from mkba.core.sampling import Sampler

    names = list(case.parameters)
    u = Sampler(names, n_engine, 1).uniforms()
    values = parameter_values(case, u, names)
    layout = Layout.of(case)
    t0 = time.perf_counter()
    for _ in evaluate_blocks(case, values, layout, n=n_engine):
        pass
    engine_per_draw = (time.perf_counter() - t0) / n_engine
    return {"reference_us": ref_per_draw * 1e6, "engine_us": engine_per_draw * 1e6,
            "ratio": ref_per_draw / engine_per_draw}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=float, default=1e7, help="largest draw count (default 1e7)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return

    sizes = [n for n in (100_000, 1_000_000, 10_000_000) if n <= args.max]
    print(f"# mkba engine benchmark — {CASE.name}, {time.strftime('%Y-%m-%d')}\n")
    print("| draws | engine (s) | draws/s | sampling floor (s) | engine / floor | start-up (s) | peak memory (MB) | draws kept |")
    print("|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"| {n:,} | {r['engine']:.2f} | {n / r['engine']:,.0f} | {r['floor']:.2f} | "
              f"{r['engine'] / r['floor']:.2f}× | {r['startup']:.2f} | {r['peak_mb']:,.0f} | "
              f"{'on disk' if r['on_disk'] else 'in memory'} |", flush=True)
    ref = reference_speed()
    print(f"\nModel evaluation per draw: scalar reference {ref['reference_us']:.1f} µs, "
          f"vectorised engine {ref['engine_us']:.3f} µs → engine is {ref['ratio']:,.0f}× faster.")


if __name__ == "__main__":
    main()
