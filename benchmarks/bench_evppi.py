"""EVPPI of every uncertain parameter of the example case on 10.000 compare draws, per
perspective (aim: under 30 s on the 2-core machine, excluding the simulation itself).
Also times one two-parameter group (the pairwise GAM). Prints Markdown lines for the README."""

from __future__ import annotations

import time
from pathlib import Path

import mkba
from mkba.analysis import evppi

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"
DRAWS = 10_000


def main() -> None:
    case = mkba.load_case(CASE)
    t0 = time.perf_counter()
    cmp = mkba.compare(case, draws=DRAWS, seed=1)
    t_compare = time.perf_counter() - t0
    n_params = len(evppi.uncertain_parameters(cmp))
    print(f"| compare: {len(cmp.options)} options × {DRAWS:,} draws (the input) | {t_compare:.1f} s |")
    tables = {}
    for perspective in ("society", cmp.funder()):
        t0 = time.perf_counter()
        tables[perspective] = evppi.comparison_evppi(cmp, [evppi.ALL], perspective=perspective)
        seconds = time.perf_counter() - t0
        print(f"| EVPPI, all {n_params} parameters, {DRAWS:,} draws, perspective {perspective}, "
              f"se from {evppi.N_SE} posterior samples | {seconds:.1f} s |")
    t0 = time.perf_counter()
    evppi.comparison_evppi_by_perspective(cmp, [evppi.ALL], list(tables))
    print(f"| EVPPI, all {n_params} parameters, both perspectives at once (bases shared, as the report) "
          f"| {time.perf_counter() - t0:.1f} s |")
    top = tables["society"].ranked().estimates[:2]
    pair = [e.name for e in top]
    t0 = time.perf_counter()
    group = evppi.comparison_evppi(cmp, [",".join(pair)]).estimates[0]
    print(f"| EVPPI of the group {group.name} (pairwise GAM) | {time.perf_counter() - t0:.1f} s |")
    for perspective, table in tables.items():
        ranked = table.ranked().estimates
        print(f"\n{perspective}: EVPI € {table.evpi:,.0f}; top: "
              + ", ".join(f"{e.name} € {e.value:,.0f} ± {e.se:,.0f}" for e in ranked[:3]))
    print(f"group {group.name}: € {group.value:,.0f} ± {group.se:,.0f}")


if __name__ == "__main__":
    main()
