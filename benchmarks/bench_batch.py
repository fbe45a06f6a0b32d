"""`mkba batch` on a local 2-worker Dask cluster vs the serial loop over the same tasks.

Three cases (De Kop, the `mkba init` template, De Kop under another id) × all their scenarios
(11 runs) × 1e5 draws. Both figures are end to end, from the case files to every output file:
the serial loop plans, runs :func:`mkba.batch.run_task` for every task in this process and writes
the outputs; the batch figure is :func:`mkba.batch.run_batch` (cluster start-up, planning, the
map, writing every file), with the cluster start-up also timed on its own.
Usage: ``python benchmarks/bench_batch.py [DRAWS ...] [--workers N]``. Prints Markdown rows.
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import time
from pathlib import Path

from mkba import batch
from mkba.faces.cli import main as cli

ROOT = Path(__file__).resolve().parent.parent


def _cases(folder: Path) -> list[Path]:
    template = folder / "sjabloon.yaml"
    other = folder / "de_kop_2.yaml"
    with contextlib.redirect_stdout(io.StringIO()):
        assert cli(["init", "sjabloon", "--out", str(template)]) == 0
        assert cli(["init", "de-kop-2", "--voorbeeld", "de-kop", "--out", str(other)]) == 0
    return [ROOT / "parameters" / "de_kop.yaml", template, other]


def one(draws: int, workers: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = _cases(folder)
        t0 = time.perf_counter()
        tasks, failures = batch.plan_tasks(cases, scenario="all", draws=draws, seed=1)
        assert not failures
        serial = [batch.run_task(t) for t in tasks]
        batch.write_outputs(folder / "serieel", serial, failures, lambda f: f.detail)
        t_serial = time.perf_counter() - t0
        assert all(isinstance(r, batch.RunOutput) for r in serial)

        t0 = time.perf_counter()
        with batch.open_client(workers=workers) as client:
            t_start = time.perf_counter() - t0
            client.submit(sum, [1]).result()
        t0 = time.perf_counter()
        written = batch.run_batch(cases, folder / "uit", lambda f: f.detail, scenario="all", draws=draws,
                                  seed=1, workers=workers)
        t_batch = time.perf_counter() - t0
        assert not written.failed and len(written.runs) == len(tasks)
        for run in written.runs:  # the same bytes either way
            relative = Path(run["file"]).relative_to(folder / "uit")
            assert Path(run["file"]).read_bytes() == (folder / "serieel" / relative).read_bytes()
    print(f"| `mkba batch`: {len(cases)} cases × all scenarios = {len(tasks)} runs × {draws:,} draws | "
          f"serial loop {t_serial:.1f} s | local cluster ({workers} workers, end to end) {t_batch:.1f} s "
          f"(of which cluster start ≈ {t_start:.1f} s) | speed-up {t_serial / t_batch:.2f}× |")


def main() -> None:
    args = sys.argv[1:]
    workers = 2
    if "--workers" in args:
        at = args.index("--workers")
        workers = int(args[at + 1])
        del args[at:at + 2]
    for draws in [int(float(a)) for a in args] or [100_000]:
        one(draws, workers)


if __name__ == "__main__":
    main()
