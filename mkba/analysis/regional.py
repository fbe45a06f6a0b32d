"""Regional comparison: several organisations' cases side by side, in one price level.

Each case is simulated on its own (baseline, same seed and draw count); money amounts are then
expressed in euros of one common ``price_year`` by the ratio of CBS CPI annual averages
(:mod:`mkba.data_in.unit_costs`). Ratios and probabilities (BCR, P(NPV > 0)) do not depend on
the price level. What the comparison can *not* make comparable — different years, horizons,
scope of the costs, and how much of each case rests on assumptions — is returned as data too,
so the report states it next to the numbers.

Returns data only; the Dutch wording lives in the report notebook
(``notebooks/regionale_vergelijking.ipynb``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mkba.core.case import Case, scope_warnings
from mkba.core.errors import UsageError
from mkba.core.results import simulate
from mkba.data_in.unit_costs import CpiTable, load_cpi

MONEY_KEYS = ("mean", "sd", "p05", "p50", "p95", "mcse")


@dataclass(frozen=True)
class Region:
    """One case's headline numbers in the common price level."""

    case_id: str
    title: str
    path: str | None
    years: tuple[int, int]
    horizon: int
    price_year: int
    cpi_factor: float                       # multiply the case's euros by this → common euros
    npv: dict[str, float]                   # summary statistics, common euros
    pv_costs: dict[str, float]
    pv_benefits: dict[str, float]
    bcr: dict[str, float]                   # summary of per-draw ratios (no unit)
    bcr_of_means: float
    prob_npv_positive: float
    benefit_shares: dict[str, float]        # stakeholder id → share of mean PV benefits
    stakeholder_net: dict[str, float]       # stakeholder id → mean net PV, common euros
    stakeholder_labels: dict[str, str]
    drivers: tuple[dict[str, Any], ...]     # tornado top N: name, label, swing (common euros)
    cost_scope: tuple[str, ...]             # per cost line: "organisatie+aandeel", "organisatie", "diensten", "onbekend"
    scope_warnings: int
    uncertain_share: float                  # share of parameters with a distribution
    sourced_share: float                    # share of parameters with a 'source'
    pm_posten: int
    beperkingen: int
    categories: tuple[str, ...]
    # The value per outcome of each effect line (DESIGN §19), by label: from the value bank with a
    # source, from the bank without one (an assumption), or the case's own value.
    values_bank_cited: tuple[str, ...] = ()
    values_bank_assumed: tuple[str, ...] = ()
    values_own: tuple[str, ...] = ()


def value_evidence(case: Case) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The effect lines' values per outcome, split by where they rest: (bank with a source, bank
    without a source, the case's own)."""
    from mkba.data_in.value_bank import NO_SOURCE, bank_included, load_value_bank

    bank = load_value_bank().entries if bank_included(case) else {}
    cited, assumed, own = [], [], []
    for name in dict.fromkeys(e.value for e in case.effects if isinstance(e.value, str)):
        label = case.label_of(name)
        if name in bank:
            (assumed if bank[name].spec.source == NO_SOURCE else cited).append(label)
        else:
            own.append(label)
    return tuple(cited), tuple(assumed), tuple(own)


@dataclass(frozen=True)
class RegionalComparison:
    price_year: int
    draws: int
    seed: int
    regions: tuple[Region, ...]
    cpi_source: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def _scaled(stats: dict[str, float], factor: float) -> dict[str, float]:
    return {k: (v * factor if k in MONEY_KEYS and v is not None else v) for k, v in stats.items()}


def _scope_of(case: Case) -> tuple[str, ...]:
    out = []
    for c in case.costs:
        if c.scope == "organisatie":
            out.append("organisatie+aandeel" if c.aandeel is not None else "organisatie")
        else:
            out.append(c.scope or "onbekend")
    return tuple(out)


def region(case: Case, draws: int, seed: int, price_year: int, cpi: CpiTable, top: int = 3) -> Region:
    """Simulate one case (baseline) and express it in euros of ``price_year``."""
    from mkba.analysis.sensitivity import tornado

    if case.price_year is None:
        raise UsageError(f"case '{case.id}' has no price_year; a regional comparison needs one to index its euros",
                         "regio.no_price_year", cases=case.id)
    factor = cpi.factor(case.price_year, price_year)
    summary = simulate(case, draws=draws, seed=seed).summary()
    m = summary["metrics"]
    benefits = {sid: s["pv_benefits"]["mean"] for sid, s in summary["stakeholders"].items()}
    total = sum(benefits.values())
    shares = {sid: (b / total if total else float("nan")) for sid, b in benefits.items()}
    torn = tornado.analyze(case).summary()["parameters"]
    drivers = tuple({"name": name, "label": case.label_of(name), "swing": rec["swing"] * factor,
                     "output_low": rec["output_low"] * factor, "output_high": rec["output_high"] * factor}
                    for name, rec in list(torn.items())[:top])
    params = list(case.parameters.values())
    evidence = value_evidence(case)
    return Region(
        case_id=case.id, title=case.title, path=case.path,
        years=(case.start_year, case.start_year + case.horizon - 1), horizon=case.horizon,
        price_year=case.price_year, cpi_factor=factor,
        npv=_scaled(m["npv"], factor), pv_costs=_scaled(m["pv_costs"], factor),
        pv_benefits=_scaled(m["pv_benefits"], factor), bcr=dict(m["bcr"]),
        bcr_of_means=float(m["bcr_of_means"]), prob_npv_positive=float(m["prob_npv_positive"]),
        benefit_shares=shares,
        stakeholder_net={sid: s["net"]["mean"] * factor for sid, s in summary["stakeholders"].items()},
        stakeholder_labels=dict(case.stakeholders), drivers=drivers, cost_scope=_scope_of(case),
        scope_warnings=len(scope_warnings(case)),
        uncertain_share=float(np.mean([not p.is_fixed for p in params])) if params else 0.0,
        sourced_share=float(np.mean([p.source is not None for p in params])) if params else 0.0,
        pm_posten=len(case.pm_posten), beperkingen=len(case.beperkingen),
        categories=tuple(dict.fromkeys(e.category for e in case.effects)),
        values_bank_cited=evidence[0], values_bank_assumed=evidence[1], values_own=evidence[2],
    )


def compare_regions(cases: Sequence[Case], draws: int = 10_000, seed: int = 1,
                    price_year: int | None = None, top: int = 3) -> RegionalComparison:
    """Each case's baseline, side by side, in euros of ``price_year`` (default: the latest
    price year among the cases)."""
    if not cases:
        raise UsageError("give at least one case to compare", "regio.too_few", minimum=1)
    ids = [c.id for c in cases]
    if len(set(ids)) != len(ids):
        raise UsageError(f"a case is listed twice: {', '.join(ids)}", "regio.twice", cases=", ".join(ids))
    cpi = load_cpi()
    missing = [c.id for c in cases if c.price_year is None]
    if missing:
        raise UsageError(f"case(s) without price_year: {', '.join(missing)}; a regional comparison indexes "
                         "every case's euros to one price year and needs each case's own", "regio.no_price_year",
                         cases=", ".join(missing))
    target = price_year if price_year is not None else max(c.price_year for c in cases)
    regions = tuple(region(c, draws, seed, target, cpi, top) for c in cases)
    notes = []
    if len({r.years for r in regions}) > 1:
        notes.append("different-years")
    if len({r.horizon for r in regions}) > 1:
        notes.append("different-horizons")
    if len({r.price_year for r in regions}) > 1:
        notes.append("indexed")
    if any("organisatie" == s or "onbekend" == s for r in regions for s in r.cost_scope):
        notes.append("scope-unclear")
    return RegionalComparison(price_year=target, draws=draws, seed=seed, regions=regions,
                              cpi_source=cpi.source, notes=tuple(notes))


__all__ = ["Region", "RegionalComparison", "compare_regions", "region"]
