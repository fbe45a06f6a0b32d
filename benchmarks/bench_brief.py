"""The council's full set (issue 18): `mkba report de_kop.yaml --all --pdf --docx` end to end —
5 notebooks, the brief (HTML, PDF, Word) and every page as A4 PDF — at the command's defaults
(10.000 draws, Sobol' N = 2^11). Aim: ≤ 60 s on the 2-core machine. Also times the brief alone
(its record, HTML and Word, without notebooks or printing). Prints Markdown lines."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import mkba
from mkba.faces import brief
from mkba.faces.report import build_report

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"


def main() -> None:
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        record = brief.make(mkba.load_case(CASE), draws=10_000, seed=1)
        brief.write(record, Path(out), docx=True)
        alone = time.perf_counter() - t0
        t0 = time.perf_counter()
        folder = build_report(CASE, all_options=True, draws=10_000, seed=1, out=out, sobol_n=2**11, pdf=True, docx=True)
        seconds = time.perf_counter() - t0
        pdfs = len(list(folder.glob("*.pdf")))
    print(f"| `mkba report de_kop.yaml --all --pdf --docx` (10.000 draws, Sobol' N = 2^11, {pdfs} PDFs + brief .docx) "
          f"| {seconds:.0f} s |")
    print(f"| the brief alone (compare, tornado, Sobol' N = 2^9, HTML + Word) | {alone:.1f} s |")


if __name__ == "__main__":
    main()
