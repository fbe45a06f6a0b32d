"""EVSI of one parameter of the example case at 5 sample sizes (aim: ≤ 5 s on the 2-core
machine, excluding the simulation itself), on 10.000 and 100.000 compare draws, with the se
from the smoother's posterior samples; plus the search for the ENBS-maximising N.
Prints Markdown lines for the README."""

from __future__ import annotations

import time
from pathlib import Path

import mkba
from mkba.analysis import evppi, evsi

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"
SIZES = (10, 30, 100, 300, 1000)
PREFERRED = "bereik_zonder_outreach"   # a share with a visible EVPPI in De Kop


def share_parameter(case) -> str:
    names = evppi.case_uncertain_parameters(case)
    if PREFERRED in names:
        return PREFERRED
    return next(n for n in names if evsi.parameter_spec(case, n).support[0] >= 0
                and evsi.parameter_spec(case, n).support[1] <= 1)


def main() -> None:
    case = mkba.load_case(CASE)
    name = share_parameter(case)
    specs = [f"{name}:{n}" for n in SIZES]
    for draws in (10_000, 100_000):
        t0 = time.perf_counter()
        cmp = mkba.compare(case, draws=draws, seed=1)
        t_compare = time.perf_counter() - t0
        t0 = time.perf_counter()
        estimates, _ = evsi.comparison_evsi(cmp, specs)
        seconds = time.perf_counter() - t0
        print(f"| compare: {len(cmp.options)} options × {draws:,} draws (the input) | {t_compare:.1f} s |")
        print(f"| EVSI of {name} at N = {', '.join(map(str, SIZES))}, {draws:,} draws, se from {evppi.N_SE} "
              f"posterior samples (incl. its EVPPI ceiling) | {seconds:.1f} s |")
        t0 = time.perf_counter()
        _, optima = evsi.comparison_evsi(cmp, [f"{name}:100"], cost=10.0)
        print(f"| the same + ENBS optimum search ({evsi.SEARCH_POINTS} sizes up to {evsi.N_SEARCH_MAX:,}), "
              f"€ 10 per registration | {time.perf_counter() - t0:.1f} s |")
        print("  " + "; ".join(f"N={e.n}: € {e.value:,.0f} ± {e.se:,.0f}" for e in estimates)
              + f" (EVPPI € {estimates[0].evppi:,.0f}); optimum N={optima[0].n}, ENBS € {optima[0].enbs:,.0f}")


if __name__ == "__main__":
    main()
