"""`mkba batch` on a local 2-worker Dask cluster vs the serial loop over the same tasks.

Three cases (De Kop, the `mkba init` template, De Kop under another id) × all their scenarios
(10 runs) × 1e5 draws. The serial figure runs :func:`mkba.batch.run_task` for every task in this
process; the batch figure is :func:`mkba.batch.run_batch` end to end (cluster start-up, planning,
the map, writing every file), with the cluster start-up also timed on its own.
Usage: ``python benchmarks/bench_batch.py [DRAWS] [WORKERS]``. Prints Markdown rows.
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


def main() -> None:
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = _cases(folder)
        tasks, failures = batch.plan(cases, scenario="all", draws=draws, seed=1)
        assert not failures
        t0 = time.perf_counter()
        serial = [batch.run_task(t) for t in tasks]
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
        for run, ref in zip(written.runs, serial, strict=True):  # the same numbers either way
            assert Path(run["file"]).read_text(encoding="utf-8").startswith('{\n  "case": "' + ref.case_id)
    print(f"| `mkba batch`: {len(cases)} cases × all scenarios = {len(tasks)} runs × {draws:,} draws | "
          f"serial loop {t_serial:.1f} s | local cluster ({workers} workers, end to end) {t_batch:.1f} s "
          f"(of which cluster start ≈ {t_start:.1f} s) | speed-up {t_serial / t_batch:.2f}× |")


if __name__ == "__main__":
    main()
