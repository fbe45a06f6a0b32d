"""Comparing the baseline and every scenario of a case on common random numbers (DESIGN §6).

All options are simulated on the same draws (uniforms keyed by seed and parameter name), so a
difference between two options is not blurred by sampling noise. Net benefits are arranged
**draws × options** for :mod:`mkba.analysis.decision`.

The *perspective* of a decision is society (NPV) or one stakeholder (its net: PV benefits
received minus PV costs paid). A *weight* on non-fiscal benefits gives the acceptability curve
from a treasurer's view (w = 0: only cash counts) to the full MKBA (w = 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from mkba.analysis import decision
from mkba.core import outputs
from mkba.core.case import Case, override_record, scenario_label
from mkba.core.errors import UsageError
from mkba.core.results import Progress, Result, simulate_many, stats
from mkba.core.seeding import SeedLike

SOCIETY = "society"
DEFAULT_WEIGHTS = tuple(np.round(np.linspace(0, 1, 11), 2))
DEFAULT_RATES = (0.0, 0.01, 0.02, 0.0225, 0.03, 0.04, 0.05, 0.06)


def check_perspective(case: Case, perspective: str | None) -> str:
    """Return a valid perspective ("society" or a stakeholder id) or raise UsageError."""
    if perspective in (None, SOCIETY):
        return SOCIETY
    if perspective not in case.stakeholders:
        raise UsageError(f"perspective '{perspective}' is not a stakeholder of case '{case.id}'; "
                         f"choose society or one of: {', '.join(case.stakeholders)}", "analysis.perspective_unknown",
                         perspective=perspective, case=case.id, known=", ".join(case.stakeholders))
    return perspective


def net_benefit_columns(result: Result, perspective: str, weight: float = 1.0) -> np.ndarray:
    """Per-draw net benefit of one option: fiscal + weight × non-fiscal benefits − costs."""
    if perspective == SOCIETY:
        costs, benefits, fiscal = (result.column(c) for c in ("pv_costs", "pv_benefits", "pv_fiscal"))
    else:
        costs, benefits, fiscal = (result.column(outputs.stakeholder(perspective, c))
                                   for c in ("pv_costs", "pv_benefits", "pv_fiscal"))
    if weight == 1.0:
        return benefits - costs
    return fiscal + weight * (benefits - fiscal) - costs


@dataclass
class Comparison:
    """Baseline and scenarios of one case, simulated on common random numbers.

    Attributes
    ----------
    case : Case
        The baseline case.
    results : dict of option id -> Result
        ``"baseline"`` first, then the scenarios in file order.
    perspective : str
        ``"society"`` or a stakeholder id.
    """

    case: Case
    results: dict[str, Result]
    perspective: str
    draws: int
    seed: Any
    design: str

    @property
    def options(self) -> list[str]:
        """The options chosen between: the baseline and every ``soort: beleid`` scenario simulated
        (DESIGN §6). Scenarios of ``soort: gevoeligheid`` are in :attr:`results` and in the
        summary's ``scenarios``, but never in P(best), EVPI, EVPPI, EVSI or the cuts."""
        chosen = set(self.case.option_ids())
        return [opt for opt in self.results if opt in chosen]

    @property
    def sensitivities(self) -> list[str]:
        """Simulated scenarios of ``soort: gevoeligheid`` (alternative assumptions), in file order."""
        chosen = set(self.case.option_ids())
        return [opt for opt in self.results if opt not in chosen]

    def label(self, option: str) -> str:
        return scenario_label(self.case, option)

    def net_benefits(self, perspective: str | None = None, weight: float = 1.0) -> pd.DataFrame:
        """Net benefits, draws × options, from ``perspective`` (default: the comparison's)."""
        perspective = check_perspective(self.case, perspective or self.perspective)
        return pd.DataFrame({opt: net_benefit_columns(self.results[opt], perspective, weight)
                             for opt in self.options})

    def decision(self, perspective: str | None = None, weight: float = 1.0) -> dict[str, Any]:
        """Expected net benefit, P(best), expected loss per option, and EVPI."""
        perspective = check_perspective(self.case, perspective or self.perspective)
        nb = self.net_benefits(perspective, weight)
        matrix = nb.to_numpy()
        return {
            "perspective": perspective,
            "expected_npv": dict(zip(nb.columns, map(float, decision.expected_net_benefit(matrix)), strict=True)),
            "prob_best": dict(zip(nb.columns, map(float, decision.prob_best(matrix)), strict=True)),
            "expected_loss": dict(zip(nb.columns, map(float, decision.expected_loss(matrix)), strict=True)),
            "evpi": decision.evpi(matrix),
        }

    def funder(self) -> str:
        """The stakeholder paying most of the baseline's costs (the municipality in De Kop)."""
        return self.results["baseline"].funder()

    def vs_baseline(self) -> dict[str, dict[str, Any]]:
        """Per scenario and stakeholder, the change in net (scenario − baseline), per draw."""
        base = self.results["baseline"]
        out = {}
        for opt, res in self.results.items():
            if opt == "baseline":
                continue
            out[opt] = {sid: {"net_change": stats(res.column(outputs.stakeholder(sid, "net")) - base.column(outputs.stakeholder(sid, "net")))}
                        for sid in self.case.stakeholders}
        return out

    def cuts(self) -> dict[str, dict[str, Any]]:
        """What each scenario saves and loses relative to the baseline (PV, per draw); society's
        change in NPV is ``npv_change``."""
        base = self.results["baseline"]
        funder = self.funder()
        out = {}
        for opt in self.options:
            if opt == "baseline":
                continue
            res = self.results[opt]
            out[opt] = {
                "npv_change": stats(res.column("npv") - base.column("npv")),
                "budget_saved": stats(base.column("pv_costs") - res.column("pv_costs")),
                "benefits_lost": stats(base.column("pv_benefits") - res.column("pv_benefits")),
                "benefits_lost_by_stakeholder": {
                    sid: stats(base.column(outputs.stakeholder(sid, "pv_benefits")) - res.column(outputs.stakeholder(sid, "pv_benefits")))
                    for sid in self.case.stakeholders},
                "funder": funder,
                "funder_net_change": stats(res.column(outputs.stakeholder(funder, "net")) - base.column(outputs.stakeholder(funder, "net"))),
                "funder_fiscal_lost": stats(base.column(outputs.stakeholder(funder, "pv_fiscal")) - res.column(outputs.stakeholder(funder, "pv_fiscal"))),
            }
        return out

    def acceptability_by_weight(self, weights: Sequence[float] = DEFAULT_WEIGHTS,
                                perspective: str | None = None) -> pd.DataFrame:
        """P(best) per option as the weight on non-fiscal benefits goes from 0 to 1.

        Returns a tidy DataFrame with columns ``weight``, ``option``, ``prob_best``.
        """
        rows = []
        for w in weights:
            probs = decision.prob_best(self.net_benefits(perspective, float(w)).to_numpy())
            rows += [{"weight": float(w), "option": opt, "prob_best": float(p)} for opt, p in zip(self.options, probs, strict=True)]
        return pd.DataFrame(rows)

    def summary(self) -> dict[str, Any]:
        """The §5 ``mkba compare --json`` object (extension: ``cuts``, ``labels``)."""
        return {
            "case": self.case.id,
            "draws": self.draws,
            "seed": self.results["baseline"].summary_seed(),
            "perspective": self.perspective,
            "labels": {opt: self.label(opt) for opt in self.options},
            "scenarios": {opt: res.summary() for opt, res in self.results.items()},
            "decision": self.decision(),
            "vs_baseline": self.vs_baseline(),
            "cuts": self.cuts(),
            **override_record(self.case),  # "set" only when --set was used (DESIGN §15)
        }


def compare(case: Case, draws: int = 10_000, seed: SeedLike = 1, perspective: str | None = None,
            design: str = "mc", scenarios: Sequence[str] | None = None,
            progress: Progress | None = None, workers: int = 1) -> Comparison:
    """Simulate the baseline and every scenario (or ``scenarios``) on common random numbers.

    Parameters
    ----------
    case : Case
    draws : int
        Monte Carlo draws (default 10.000).
    seed : int, SeedSequence or Generator
    perspective : str, optional
        ``"society"`` (default) or a stakeholder id.
    scenarios : sequence of str, optional
        Scenario ids to include (default: all in the case file).
    workers : int
        Local processes evaluating chunks of draws (default 1); results do not depend on it.

    Returns
    -------
    Comparison
        ``.summary()`` gives the §5 compare object.
    """
    perspective = check_perspective(case, perspective)
    ids = list(case.scenarios) if scenarios is None else list(scenarios)
    for sid in ids:
        if sid not in case.scenarios:
            raise UsageError(f"unknown scenario '{sid}'; choose from: {', '.join(case.scenarios) or '(none declared)'}",
                             "analysis.scenario_unknown", scenario=sid, known=", ".join(case.scenarios) or "–")
    if not ids:
        raise UsageError(f"case '{case.id}' declares no scenarios to compare; add some under 'scenarios:'",
                         "analysis.no_scenarios", case=case.id)
    results = simulate_many(case, [None, *ids], draws=draws, seed=seed, design=design, progress=progress,
                            workers=workers)
    return Comparison(case, results, perspective, draws, results["baseline"].seed, design)


def acceptability_by_discount_rate(case: Case, rates: Sequence[float] = DEFAULT_RATES, draws: int = 10_000,
                                   seed: SeedLike = 1, perspective: str | None = None,
                                   scenarios: Sequence[str] | None = None,
                                   progress: Progress | None = None, workers: int = 1) -> pd.DataFrame:
    """P(best) per option at each discount rate (every option re-simulated on the same draws,
    in ``workers`` local processes; no number depends on it).

    Returns a tidy DataFrame with columns ``discount_rate``, ``option``, ``prob_best``,
    ``expected_npv``.
    """
    rows = []
    for rate in rates:
        if not -0.99 < rate < 1:
            raise UsageError(f"discount rate {rate} outside (−0,99, 1)", "analysis.discount_rate_range", rate=float(rate))
        cmp = compare(replace(case, discount_rate=float(rate)), draws, seed, perspective, scenarios=scenarios,
                      workers=workers)
        d = cmp.decision()
        rows += [{"discount_rate": float(rate), "option": opt, "prob_best": d["prob_best"][opt],
                  "expected_npv": d["expected_npv"][opt]} for opt in cmp.options]
        if progress is not None:
            progress(1)
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class CutWarning:
    """A scenario called a cut (its id or label holds one of the cut words) that raises a cost:
    ``cost`` (a line id, or ``None`` for the total) goes from ``base`` to ``scenario`` (present
    values with every parameter at its base value)."""

    scenario: str
    label: str
    cost: str | None
    cost_label: str
    base: float
    scenario_value: float


def cut_warnings(case: Case, words: Sequence[str]) -> list[CutWarning]:
    """Scenarios named or labelled as a cut (``words``, e.g. bezuiniging, korting; matched
    case-insensitively in the id and label) in which a cost line present in the baseline costs
    more than in the baseline — e.g. ``set: budget: 800000`` after the budget was lowered to
    700 000 turns the "cut" into an increase — or in which the total cost rises."""
    from mkba.core.results import deterministic

    cuts = [sid for sid, s in case.scenarios.items()
            if any(w.lower() in f"{sid} {s.label or ''}".lower() for w in words)]
    if not cuts:
        return []
    base = deterministic(case)
    out = []
    for sid in cuts:
        res = deterministic(case, sid)
        label = scenario_label(case, sid)
        raised = False
        for cost in res.case.costs:
            col = f"cost.{cost.id}.pv"
            if col not in base.store.columns:
                continue
            before, after = float(base.store.column(col)[0]), float(res.store.column(col)[0])
            if after > before * (1 + 1e-9) + 1e-9:
                out.append(CutWarning(sid, label, cost.id, cost.label, before, after))
                raised = True
        before, after = float(base.store.column("pv_costs")[0]), float(res.store.column("pv_costs")[0])
        if not raised and after > before * (1 + 1e-9) + 1e-9:
            out.append(CutWarning(sid, label, None, "", before, after))
    return out
