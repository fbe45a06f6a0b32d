"""The council brief as data (DESIGN §14): what each option saves, what society gains or loses,
who bears it, how sure we are, what drives the answer, and what is left out.

:func:`build` is a pure function from a :class:`~mkba.analysis.scenarios.Comparison` and the
sensitivity results of the baseline to a :class:`Brief` record of numbers and ids; the faces word
it (:mod:`mkba.faces.text_nl`) and render the same worded document to HTML, PDF and Word, so the
sentences are identical in every format. :func:`calibrated_drivers` is shared with ``mkba run``
and every report headline: a calibrated parameter among the top three drivers (tornado or Sobol')
means the outcome largely repeats that calibration.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mkba.analysis.calibration import calibrated_settings, gaps
from mkba.analysis.cofinancing import cofinancing_if_any
from mkba.core.case import Case
from mkba.core.errors import MkbaError
from mkba.core.results import Result, stats

TOP_DRIVERS = 3
BEARER_SHARE = 0.05  # a stakeholder bears a cut when its expected loss exceeds 5% of what the option saves
SOBOL_N = 512  # base samples for the drivers' Sobol' indices (cheap; the report's chart uses --sobol-n)
SAVES_TOLERANCE = 0.5  # euros: below this an option saves nothing


@dataclass(frozen=True)
class Driver:
    """One assumption that drives society's NPV of the baseline."""

    name: str
    swing: float | None  # tornado: NPV at P90 minus at P10 (absolute)
    share: float | None  # Sobol' total index ST (share of the variance), when computed
    calibrated: str | None  # the parameter's ``calibrated:`` text (why and to what), or None
    benefit_share: float | None  # share of the baseline's PV benefits from effect lines valued by it


@dataclass(frozen=True)
class Bearer:
    stakeholder: str
    loss: float  # expected loss (positive euros, PV)


@dataclass(frozen=True)
class OptionBrief:
    """One option compared with the baseline (every amount PV over the horizon unless named)."""

    id: str
    saved: dict[str, float]  # budget saved (summary S)
    saved_per_year: float  # mean undiscounted saving per cut year
    cut_years: tuple[int, ...]  # the years in which the option spends less
    npv_change: dict[str, float]  # society's change in NPV (S); > 0 is a gain
    prob_gain: float  # P(npv_change > 0)
    benefits_lost: dict[str, float]  # S
    funder_net_change: dict[str, float]  # S, the funder's own net effect
    bearers: tuple[Bearer, ...]  # stakeholders whose expected loss exceeds 5% of the saving, largest first
    prob_best: float
    loss_per_euro: dict[str, float] | None  # society's loss per euro saved (mean = ratio of means; p05/p95 per draw)
    rank: int | None  # 1 = least cost to society per euro saved; None when the option saves nothing
    pm_posten: tuple = ()

    @property
    def saves(self) -> bool:
        return self.saved["mean"] > SAVES_TOLERANCE

    @property
    def gains(self) -> bool:
        """Society's NPV rises (in expectation)."""
        return self.npv_change["mean"] > 0


@dataclass(frozen=True)
class SensitivityBrief:
    """A scenario of ``soort: gevoeligheid``: the baseline under other assumptions, never ranked."""

    id: str
    npv: dict[str, float]
    bcr_of_means: float | None
    prob_npv_positive: float


@dataclass(frozen=True)
class Brief:
    case: Case
    funder: str
    draws: int
    seed: Any
    baseline: dict[str, Any]  # the baseline's run summary (§5 object)
    baseline_cost_per_year: float  # mean undiscounted cost per year of the baseline
    baseline_prob_best: float
    options: tuple[OptionBrief, ...]  # ranked cuts first (by rank), then options that save nothing
    sensitivities: tuple[SensitivityBrief, ...]
    drivers: tuple[Driver, ...]
    calibrated: tuple[str, ...]  # calibrated parameters among the top drivers (tornado or Sobol')
    evpi: float
    pm_posten: tuple = ()  # the baseline's
    extra: dict[str, Any] = field(default_factory=dict)  # lines other analyses add (co-financing, EVSI, ...)

    @property
    def ranked(self) -> list[OptionBrief]:
        return [o for o in self.options if o.rank is not None]


def top_drivers(tornado_result, sobol_result=None, top: int = TOP_DRIVERS) -> list[str]:
    """The ``top`` drivers: by Sobol' total index when given, else by tornado swing."""
    if sobol_result is not None and sobol_result.parameters:
        ranked = sorted(sobol_result.parameters, key=lambda n: -_finite(sobol_result.parameters[n].get("ST")))
        return ranked[:top]
    return list(tornado_result.parameters)[:top]


def calibrated_drivers(case: Case, tornado_result=None, sobol_result=None, scenario: str | None = None,
                       seed: Any = 1, top: int = TOP_DRIVERS) -> list[str]:
    """Calibrated parameters (``calibrated:`` set) among the ``top`` drivers of society's NPV by
    tornado swing or by Sobol' total index; either result is computed when not given (tornado is
    deterministic; Sobol' with :data:`SOBOL_N` base samples and ``seed``). In file order."""
    option_case = case.with_scenario(scenario)
    if not any(spec.calibrated for spec in option_case.parameters.values()):
        return []
    tornado_result, sobol_result = drivers_analyses(case, scenario, seed, tornado_result, sobol_result)
    leading = set(list(tornado_result.parameters)[:top])
    if sobol_result is not None:
        leading |= set(top_drivers(tornado_result, sobol_result, top))
    return [n for n, spec in option_case.parameters.items() if spec.calibrated and n in leading]


def drivers_analyses(case: Case, scenario: str | None = None, seed: Any = 1, tornado_result=None, sobol_result=None,
                     sobol_n: int = SOBOL_N):
    """Tornado and Sobol' of society's NPV (computing those not given); Sobol' is None when the
    case has too few uncertain parameters for it."""
    from mkba.analysis.sensitivity import sobol, tornado

    if tornado_result is None:
        tornado_result = tornado.analyze(case, scenario=scenario)
    if sobol_result is None:
        try:
            sobol_result = sobol.analyze(case, scenario=scenario, n=sobol_n, seed=seed)
        except MkbaError:
            sobol_result = None
    return tornado_result, sobol_result


def missing_calibrated(case: Case, words: tuple[str, ...], negations: tuple[str, ...]) -> list[str]:
    """Parameters whose note says they are calibrated (contains one of ``words``, none of
    ``negations``; case-insensitive) but which lack the ``calibrated:`` field. The faces pass
    the words (Dutch and English) from :mod:`mkba.faces.text_nl`."""
    out = []
    for name, spec in case.parameters.items():
        note = (spec.note or "").lower()
        if spec.calibrated or not note:
            continue
        if any(w in note for w in words) and not any(n in note for n in negations):
            out.append(name)
    return out


def _finite(x) -> float:
    try:
        x = float(x)
    except (TypeError, ValueError):
        return -np.inf
    return x if np.isfinite(x) else -np.inf


def _benefit_share(result: Result, name: str) -> float | None:
    total = float(np.mean(result.column("pv_benefits")))
    if not total:
        return None
    lines = [e.id for e in result.case.effects if e.value == name]
    if not lines:
        return None
    return sum(float(np.mean(result.column(f"effect.{line}.pv"))) for line in lines) / total


def _drivers(result: Result, tornado_result, sobol_result, top: int) -> tuple[Driver, ...]:
    case = result.case
    names = top_drivers(tornado_result, sobol_result, top)
    out = []
    for name in names:
        t = tornado_result.parameters.get(name, {})
        s = sobol_result.parameters.get(name, {}) if sobol_result is not None else {}
        share = s.get("ST")
        out.append(Driver(name, float(t["swing"]) if "swing" in t else None,
                          float(min(max(share, 0.0), 1.0)) if share is not None and np.isfinite(share) else None,
                          case.parameters[name].calibrated if name in case.parameters else None,
                          _benefit_share(result, name)))
    return tuple(out)


def _cut_years(base: Result, option: Result) -> tuple[tuple[int, ...], float]:
    """The years in which ``option`` spends less than the baseline, and the mean saving per
    such year (undiscounted)."""
    diff = np.asarray(base.yearly["costs"]) - np.asarray(option.yearly["costs"])
    years = tuple(y for y, d in zip(base.case.years, diff, strict=True) if d > SAVES_TOLERANCE)
    per_year = float(np.mean([d for d in diff if d > SAVES_TOLERANCE])) if years else 0.0
    return years, per_year


def _loss_per_euro(npv_change: np.ndarray, saved: np.ndarray) -> dict[str, float] | None:
    if np.mean(saved) <= SAVES_TOLERANCE or np.any(saved <= SAVES_TOLERANCE):
        return None
    ratio = -npv_change / saved
    p05, p95 = np.quantile(ratio, [0.05, 0.95])
    return {"mean": float(-np.mean(npv_change) / np.mean(saved)), "p05": float(p05), "p95": float(p95)}


def option_briefs(cmp) -> tuple[OptionBrief, ...]:
    """Every option of a comparison against its baseline: the cuts ranked by society's loss
    per euro saved (least first), then the options that save nothing (unranked)."""
    base = cmp.results["baseline"]
    case = cmp.case
    decision = cmp.decision("society")
    cuts = cmp.cuts()
    options = []
    for opt in cmp.options:
        if opt == "baseline":
            continue
        res = cmp.results[opt]
        c = cuts[opt]
        npv_change = res.column("npv") - base.column("npv")
        saved = base.column("pv_costs") - res.column("pv_costs")
        years, per_year = _cut_years(base, res)
        threshold = BEARER_SHARE * max(c["budget_saved"]["mean"], 0.0)
        bearers = []
        for sid in case.stakeholders:
            change = float(np.mean(res.column(f"stakeholder.{sid}.net") - base.column(f"stakeholder.{sid}.net")))
            if -change > threshold and -change > SAVES_TOLERANCE:
                bearers.append(Bearer(sid, -change))
        bearers.sort(key=lambda b: -b.loss)
        options.append(OptionBrief(
            id=opt, saved=c["budget_saved"], saved_per_year=per_year, cut_years=years, npv_change=stats(npv_change),
            prob_gain=float(np.mean(npv_change > 0)), benefits_lost=c["benefits_lost"],
            funder_net_change=c["funder_net_change"], bearers=tuple(bearers), prob_best=decision["prob_best"][opt],
            loss_per_euro=_loss_per_euro(npv_change, saved), rank=None,
            pm_posten=tuple(case.with_scenario(opt).pm_posten)))
    ranked = sorted((o for o in options if o.saves and o.loss_per_euro is not None),
                    key=lambda o: o.loss_per_euro["mean"])
    ordered = [_with_rank(o, i) for i, o in enumerate(ranked, start=1)]
    ordered += [o for o in options if o.id not in {r.id for r in ranked}]
    return tuple(ordered)


def build(cmp, tornado_result, sobol_result=None, top: int = TOP_DRIVERS) -> Brief:
    """The brief of a comparison (its options and gevoeligheid scenarios) with the drivers of
    the baseline's society NPV (``tornado_result``, ``sobol_result`` of the baseline)."""
    base = cmp.results["baseline"]
    case = cmp.case
    decision = cmp.decision("society")
    ordered = option_briefs(cmp)
    sensitivities = []
    for sid in cmp.sensitivities:
        m = cmp.results[sid].summary()["metrics"]
        sensitivities.append(SensitivityBrief(sid, m["npv"], m["bcr_of_means"], float(m["prob_npv_positive"])))
    drivers = _drivers(base, tornado_result, sobol_result, top)
    calibrated = tuple(calibrated_drivers(case, tornado_result, sobol_result, top=top))
    extra: dict[str, Any] = {"cofinancing": cofinancing_if_any(base)}
    if all(sid in cmp.results for sid, _, _ in calibrated_settings(case)):
        extra["calibration_gaps"] = gaps(case, lambda sid: cmp.results[sid].summary())
    return Brief(case=case, funder=cmp.funder(), draws=cmp.draws, seed=base.summary_seed(), baseline=base.summary(),
                 baseline_cost_per_year=float(np.mean(base.yearly["costs"])),
                 baseline_prob_best=decision["prob_best"]["baseline"], options=tuple(ordered),
                 sensitivities=tuple(sensitivities), drivers=drivers, calibrated=calibrated,
                 evpi=float(decision["evpi"]), pm_posten=tuple(case.pm_posten), extra=extra)


def _with_rank(option: OptionBrief, rank: int) -> OptionBrief:
    from dataclasses import replace

    return replace(option, rank=rank)


__all__ = ["BEARER_SHARE", "Bearer", "Brief", "Driver", "OptionBrief", "SensitivityBrief", "build", "option_briefs",
           "calibrated_drivers", "drivers_analyses", "missing_calibrated", "top_drivers"]
