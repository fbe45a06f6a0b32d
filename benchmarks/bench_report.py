"""A full report end to end: baseline + every scenario + the comparison, 20.000 draws,
Sobol' N = 2^11 (aim: under 2 minutes on the 2-core machine). Prints one Markdown line."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from mkba.faces.report import build_report

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        folder = build_report(CASE, all_options=True, draws=20_000, seed=1, out=out, sobol_n=2**11)
        seconds = time.perf_counter() - t0
        pages = len(list(folder.glob("*.html"))) - 1
        size = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
    print(f"| Full report (`mkba report --all`): {pages} HTML pages, 20.000 draws, Sobol' N = 2^11 | {seconds:.0f} s | {size:.1f} MB |")


if __name__ == "__main__":
    main()
