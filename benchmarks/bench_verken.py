"""How live is ``mkba verken``? (issue 19: ``/api/run`` with 10.000 draws in ≤ 0,3 s on 2 cores)

Times, in this process through Starlette's test client (the whole request: query parsing and
checks, the what-if case, the simulation, the JSON):

* the server's set-up once (load the case, tornado order, warm the engine's inverse CDFs);
* ``/api/run`` with 10.000 draws: each request a new slider value (no cached answer);
* ``/api/beeld`` (what the page asks after a slider move: every option on the same draws, the
  Dutch sentences) and ``/api/compare`` with 10.000 draws, likewise.

Usage::

    python benchmarks/bench_verken.py [--case parameters/de_kop.yaml] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", default=str(ROOT / "parameters" / "de_kop.yaml"))
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    warnings.simplefilter("ignore", DeprecationWarning)
    from starlette.testclient import TestClient

    from mkba.faces.verken import Explorer, create_app

    t = time.perf_counter()
    explorer = Explorer(args.case)
    explorer.warm()
    setup = time.perf_counter() - t
    client = TestClient(create_app(explorer, allowed_hosts=("testserver",)))
    name = explorer.top[0]
    spec = explorer.case.parameters[name]
    low, high = spec.quantile(0.05), spec.quantile(0.95)

    def timed(path: str) -> list[float]:
        times = []
        for i in range(args.repeat):
            value = low + (high - low) * (i + 0.5) / args.repeat   # a new value each time: nothing cached
            t = time.perf_counter()
            response = client.get(f"{path}&set={name}={value!r}")
            times.append(time.perf_counter() - t)
            assert response.status_code == 200, response.text
        return times

    print(f"case: {explorer.case.id}; slider: {name}; {args.repeat} requests each, 10.000 draws, seed 1\n")
    print("| what | median | slowest |")
    print("|---|---|---|")
    print(f"| set-up once per server (load, tornado, warm) | {setup:.2f} s | |")
    for label, path in (("/api/run", "/api/run?draws=10000"), ("/api/beeld (the page after a slider move)",
                                                              "/api/beeld?draws=10000"),
                        ("/api/compare", "/api/compare?draws=10000")):
        times = timed(path)
        print(f"| {label} | {statistics.median(times):.3f} s | {max(times):.3f} s |")


if __name__ == "__main__":
    main()
