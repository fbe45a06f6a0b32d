"""EVPPI of every uncertain parameter of the example case, per perspective, on 10.000 and on
100.000 compare draws (aim: all 35 parameters on 100.000 draws ≤ 3 s on the 2-core machine,
excluding the simulation itself), before and after issue 22's speed-up (the basis from scipy's
sparse B-spline design matrix instead of statsmodels' per-function ``splev``; the se's posterior
samples on 2.000 bins of draws), with the largest difference in value and se between the two.
Also times one two-parameter group (the pairwise GAM), and — when installed (the ``peers``
extra) — the Python peers on the same draws. Prints Markdown lines for the README."""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

import mkba
from mkba.analysis import evppi

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"


def _legacy_spline_basis(x):
    """The spline basis as before issue 22: statsmodels' BSplines (same numbers, slower)."""
    bs = evppi._bsplines(x)
    k = bs.basis.shape[1]
    basis = np.column_stack([np.ones(x.size), bs.basis])
    penalty = np.zeros((k + 1, k + 1))
    penalty[1:, 1:] = bs.penalty_matrices[0]
    return basis, [penalty]


@contextmanager
def before():
    """The EVPPI as it was before issue 22 (statsmodels basis, se on every draw)."""
    saved = evppi._spline_basis, evppi._bin_codes
    evppi._spline_basis = _legacy_spline_basis
    evppi._bin_codes = lambda x, bins=None: None
    try:
        yield
    finally:
        evppi._spline_basis, evppi._bin_codes = saved


def timed(cmp, perspective):
    t0 = time.perf_counter()
    table = evppi.comparison_evppi(cmp, [evppi.ALL], perspective=perspective)
    return table, time.perf_counter() - t0


def peers(cmp, ours: dict[str, float], seconds: float) -> None:
    """heormodel's spline EVPPI (and voiage's, if importable) on the same draws, society."""
    import pandas as pd

    nb = cmp.net_benefits("society").to_numpy()
    names = evppi.uncertain_parameters(cmp)
    x = evppi.parameter_draws(cmp, names)
    top = sorted(ours, key=ours.get, reverse=True)[:2]
    try:
        from heormodel.models import Outcomes
        from heormodel.voi import evppi as h_evppi
    except ImportError:
        print("| heormodel | not installed (`pip install mkba[peers]`) |")
    else:
        idx = pd.RangeIndex(len(nb), name="iteration")
        cols = list(cmp.net_benefits("society").columns)
        out = Outcomes.from_wide(pd.DataFrame(np.zeros_like(nb), columns=cols, index=idx),
                                 pd.DataFrame(nb, columns=cols, index=idx))
        frame = pd.DataFrame(x, columns=names, index=idx)
        t0 = time.perf_counter()
        theirs = {n: h_evppi(out, frame, n, wtp=1.0) for n in names}
        t = time.perf_counter() - t0
        print(f"| heormodel {getattr(__import__('heormodel'), '__version__', '')} spline EVPPI, same {len(nb):,} draws: "
              f"{t:.1f} s, mkba {seconds:.1f} s ({t / seconds:.1f}×); "
              + "; ".join(f"{n}: heormodel € {theirs[n]:,.0f}, mkba € {ours[n]:,.0f}" for n in top) + " |")
    try:
        from voiage.methods.basic import evppi as v_evppi
    except ImportError:
        print("| voiage | not installed (it pins scipy < 1.17 and needs jax; not in the peers extra) |")
    else:  # pragma: no cover - optional
        t0 = time.perf_counter()
        theirs = {n: v_evppi(nb, {m: x[:, j] for j, m in enumerate(names)}, [n]) for n in names}
        t = time.perf_counter() - t0
        print(f"| voiage default EVPPI, same draws: {t:.1f} s ({t / seconds:.1f}×) |")


def main() -> None:
    case = mkba.load_case(CASE)
    for draws in (10_000, 100_000):
        t0 = time.perf_counter()
        cmp = mkba.compare(case, draws=draws, seed=1)
        print(f"| compare: {len(cmp.options)} options × {draws:,} draws (the input) | {time.perf_counter() - t0:.1f} s |")
        n_params = len(evppi.uncertain_parameters(cmp))
        with before():
            old, t_old = timed(cmp, "society")
        new, t_new = timed(cmp, "society")
        a = {e.name: e for e in old.estimates}
        dv = max(abs(e.value - a[e.name].value) for e in new.estimates)
        dse = max(abs(e.se - a[e.name].se) / max(a[e.name].se, 1e-9) for e in new.estimates if a[e.name].se > 1e-6)
        print(f"| EVPPI, all {n_params} parameters, {draws:,} draws, society, se from {evppi.N_SE} posterior samples: "
              f"before {t_old:.1f} s, now {t_new:.1f} s ({t_old / t_new:.1f}× faster); largest change: value "
              f"€ {dv:,.2f}, se {100 * dse:.1f}% |")
        funder = cmp.funder()
        _, t_f = timed(cmp, funder)
        print(f"| EVPPI, all {n_params} parameters, {draws:,} draws, perspective {funder} | {t_f:.1f} s |")
        t0 = time.perf_counter()
        evppi.comparison_evppi_by_perspective(cmp, [evppi.ALL], ["society", funder])
        print(f"| EVPPI, all {n_params} parameters, {draws:,} draws, both perspectives at once (bases shared, as "
              f"the report) | {time.perf_counter() - t0:.1f} s |")
        top = new.ranked().estimates[:2]
        t0 = time.perf_counter()
        group = evppi.comparison_evppi(cmp, [",".join(e.name for e in top)]).estimates[0]
        print(f"| EVPPI of the group {group.name} (pairwise GAM), {draws:,} draws | {time.perf_counter() - t0:.1f} s |")
        ranked = new.ranked().estimates
        peers(cmp, {e.name: e.value for e in new.estimates}, t_new)
        print(f"  society: EVPI € {new.evpi:,.0f}; top: "
              + ", ".join(f"{e.name} € {e.value:,.0f} ± {e.se:,.0f}" for e in ranked[:3]))


if __name__ == "__main__":
    main()
