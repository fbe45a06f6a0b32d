"""Sobol' indices on the example case with N = 2^13 base samples and bootstrap intervals
(aim: under 30 s on the 2-core machine). Prints one Markdown line for the README."""

from __future__ import annotations

import time
from pathlib import Path

import mkba
from mkba.analysis.sensitivity import sobol, tornado
from mkba.faces.text_nl import sensitivity_note

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"


def main() -> None:
    case = mkba.load_case(CASE)
    t0 = time.perf_counter()
    res = sobol.analyze(case, n=2**13, seed=1, num_resamples=100)
    seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    tornado.analyze(case)
    t_tornado = time.perf_counter() - t0
    top = ", ".join(f"{n} (ST {r['ST']:.2f})" for n, r in list(res.parameters.items())[:3])
    print(f"| Sobol' N = 2^13, {len(case.uncertain_parameters)} parameters, {res.extra['evaluations']:,} evaluations, "
          f"100 bootstrap resamples | {seconds:.1f} s |")
    print(f"| Tornado, {len(case.uncertain_parameters)} parameters | {t_tornado:.2f} s |")
    print(f"\nTop of the Sobol' ranking: {top}. {sensitivity_note(res.notes[1], case)}")


if __name__ == "__main__":
    main()
