"""Sensitivity benchmark on the example case (aim: Sobol' N = 2^13 within 3 s on the 2-core
machine). Prints Markdown lines for the README: Sobol' with 1 and 2 local processes (the
bootstrap analysis runs in SALib's parallel mode), its parts, and the tornado."""

from __future__ import annotations

import os
import time
from pathlib import Path

import mkba
from mkba.analysis.sensitivity import sobol, tornado
from mkba.analysis.sensitivity.common import prepare
from mkba.faces.text_nl import sensitivity_note

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"


def main() -> None:
    case = mkba.load_case(CASE)
    print(f"Load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} (a busy machine makes every figure slower).\n")
    prepare(case, None, "npv").parameters["substitutie"].ppf([0.5])  # import SciPy outside the timings
    timings = {}
    for workers in (1, 2):
        t0 = time.perf_counter()
        res = sobol.analyze(case, n=2**13, seed=1, num_resamples=100, workers=workers)
        timings[workers] = time.perf_counter() - t0
    t0 = time.perf_counter()
    tornado.analyze(case)
    t_tornado = time.perf_counter() - t0
    label = (f"Sobol' N = 2^13, {len(case.uncertain_parameters)} parameters, {res.extra['evaluations']:,} "
             "evaluations, 100 bootstrap resamples (+ the N/2 convergence check)")
    print(f"| {label}, `--workers 1` | {timings[1]:.1f} s |")
    print(f"| {label}, `--workers 2` | {timings[2]:.1f} s |")
    print(f"| Tornado, {len(case.uncertain_parameters)} parameters | {t_tornado:.2f} s |")
    top = ", ".join(f"{n} (ST {r['ST']:.2f})" for n, r in list(res.parameters.items())[:3])
    print(f"\nTop of the Sobol' ranking: {top}. {sensitivity_note(res.notes[1], case)}")


if __name__ == "__main__":
    main()
