"""Who should pay? Co-financing between the parties whose budgets gain (DESIGN §18).

Over the draws of one option — its present-value costs ``C`` (all payers together) and each
payer's present-value *money* benefits ``F`` (``kind: fiscal`` effects: avoided spending in
that payer's budget; economic and social benefits are not cash and pay nothing) — per payer:

* ``fiscal_benefit``: the summary ``S`` of ``F`` (DESIGN §5);
* ``benefit_share`` = E[F] / Σ E[F] over the payers, and ``proposed_share`` = ``benefit_share``:
  the split that gives every payer the same expected money return per euro it contributes;
* ``max_share`` = the largest s ≥ 0 with P(F ≥ s·C) ≥ *zekerheid* over the joint draws (so
  uncertain and correlated C and F count as they are); 0 when no s ≥ 0 qualifies. With C > 0
  in every draw this is the (1 − zekerheid) quantile of F / C taken as an order statistic: the
  k-th largest ratio, k = ⌈zekerheid · N⌉ (ties counted as they are); draws with C = 0 count
  when F ≥ 0, draws with C < 0 when s ≥ F / C (see :func:`max_share`);
* ``prob_gain_at_proposed`` = P(F ≥ proposed_share · C).

For all payers together: ``feasible`` (Σ max_share ≥ 1: a split exists in which every payer
gains with the chosen certainty), ``uncovered_share`` = max(0, 1 − Σ max_share) (the part of
the cost that money benefits cannot carry at that certainty — the price paid for the social
and economic benefits), and, when feasible, ``certain_split`` = max_share / Σ max_share.

Extensions beyond §18 (each a number the faces may show): Monte Carlo errors of
``max_share`` (from the order statistics: the spread of the ratio over ±1 binomial sd of the
rank) and of the probabilities; ``money_return`` = Σ E[F] / E[C] (each payer's expected return
per euro at the proposed split); ``prob_gain_without_contribution`` = P(F ≥ 0);
``prob_all_gain_at_certain_split`` (every payer gains *at once*: lower than each alone); the
fiscal effect lines each payer's money comes from.

Pure functions over a :class:`~mkba.core.results.Result`; :func:`analyze` checks the request
before simulating (a typo must not cost a run) and simulates with the same
:func:`~mkba.core.results.simulate` as ``mkba run`` (discounting, horizon, optimism bias).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from mkba.core.case import Case, apply_scenario
from mkba.core.errors import UsageError
from mkba.core.results import Progress, Result, simulate, stats
from mkba.core.seeding import SeedLike

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_CERTAINTY = 0.8
MIN_DRAWS = 100  # below this a quantile at 80% certainty rests on a handful of draws

__all__ = ["DEFAULT_CERTAINTY", "MIN_DRAWS", "Cofinancing", "PayerShare", "analyze", "check_request",
           "cofinancing", "fiscal_lines", "max_share", "required_draws"]


# --------------------------------------------------------------------------------------------
# The order statistic
# --------------------------------------------------------------------------------------------
def required_draws(certainty: float, n: int) -> int:
    """k = ⌈certainty · n⌉ computed exactly (0,7 · 10 is 7, not 7,000000000000001 → 8)."""
    return math.ceil(Fraction(certainty).limit_denominator(10**9) * n)


def _largest_share(ratio_pos: np.ndarray, ratio_neg: np.ndarray, always: int, k: int) -> float:
    """The largest s ≥ 0 with count(s) ≥ k, where count(s) = ``always`` + #{ratio_pos ≥ s} +
    #{ratio_neg ≤ s} (both arrays sorted ascending); ``inf`` when the count never falls below k,
    0 when no s ≥ 0 reaches k."""
    if k <= 0:
        return math.inf
    if always + ratio_neg.size >= k:  # for s large enough every C < 0 draw counts: no upper limit
        return math.inf
    # The set {s: count(s) ≥ k} is a union of closed intervals; each ends just after a ratio of
    # a C > 0 draw (where such a draw stops counting), so its largest point is such a ratio.
    candidates = ratio_pos[ratio_pos >= 0]
    if candidates.size == 0:
        return 0.0
    above = ratio_pos.size - np.searchsorted(ratio_pos, candidates, side="left")   # #{ratio_pos ≥ s}
    below = np.searchsorted(ratio_neg, candidates, side="right")                   # #{ratio_neg ≤ s}
    ok = always + above + below >= k
    return float(candidates[ok].max()) if ok.any() else 0.0


def _split_draws(f: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    pos, neg, zero = c > 0, c < 0, c == 0
    ratio_pos = np.sort(f[pos] / c[pos])
    ratio_neg = np.sort(f[neg] / c[neg])
    always = int(np.count_nonzero(zero & (f >= 0)))
    return ratio_pos, ratio_neg, always


def max_share(f: np.ndarray, c: np.ndarray, certainty: float) -> float:
    """The largest share s ≥ 0 of the costs with P(F ≥ s·C) ≥ ``certainty`` over the joint draws
    ``(f[i], c[i])``; 0 when none, ``inf`` when no share is too large (only possible when some
    draws have C ≤ 0).

    With C > 0 in every draw this is the k-th largest of F / C, k = ⌈certainty · N⌉, clipped at 0.

    Examples
    --------
    >>> import numpy as np
    >>> max_share(np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.full(5, 10.0), 0.8)
    0.2
    """
    f, c = np.asarray(f, dtype=float), np.asarray(c, dtype=float)
    return _largest_share(*_split_draws(f, c), required_draws(certainty, f.size))


def _max_share_with_mcse(f: np.ndarray, c: np.ndarray, certainty: float) -> tuple[float, float | None]:
    """:func:`max_share` and its Monte Carlo standard error: half the distance between the shares
    at ranks k ∓ √(N q (1 − q)) (one binomial standard deviation of the rank; the order-statistic
    band that is distribution-free and needs no density estimate)."""
    n = f.size
    parts = _split_draws(f, c)
    k = required_draws(certainty, n)
    value = _largest_share(*parts, k)
    if not math.isfinite(value):
        return value, None
    d = max(1, round(math.sqrt(n * certainty * (1 - certainty))))
    high = _largest_share(*parts, max(k - d, 1))
    low = _largest_share(*parts, min(k + d, n))
    if not (math.isfinite(high) and math.isfinite(low)):
        return value, None
    return value, (high - low) / 2


# --------------------------------------------------------------------------------------------
# The record
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PayerShare:
    """One payer's part (see the module docstring for each field)."""

    stakeholder: str
    label: str
    fiscal_benefit: dict[str, float]
    benefit_share: float
    proposed_share: float
    max_share: float
    max_share_mcse: float | None
    prob_gain_at_proposed: float
    prob_gain_at_proposed_mcse: float
    prob_gain_without_contribution: float
    fiscal_lines: tuple[str, ...]

    def summary(self) -> dict[str, Any]:
        return {
            "fiscal_benefit": dict(self.fiscal_benefit),
            "benefit_share": self.benefit_share,
            "proposed_share": self.proposed_share,
            "max_share": self.max_share,  # inf (JSON null): no share too large, only when some C <= 0
            "prob_gain_at_proposed": self.prob_gain_at_proposed,
            # extensions
            "max_share_mcse": self.max_share_mcse,
            "prob_gain_at_proposed_mcse": self.prob_gain_at_proposed_mcse,
            "prob_gain_without_contribution": self.prob_gain_without_contribution,
            "fiscal_lines": list(self.fiscal_lines),
        } | ({"max_share_unbounded": True} if math.isinf(self.max_share) else {})


@dataclass(frozen=True)
class Cofinancing:
    """Co-financing of one option (DESIGN §18); :meth:`summary` is the ``mkba verdeel --json``
    object, :meth:`to_frame` one row per payer."""

    case: str
    option: str
    certainty: float
    draws: int
    seed: Any
    cost: dict[str, float]
    payers: tuple[PayerShare, ...]
    feasible: bool
    uncovered_share: float
    certain_split: dict[str, float] | None
    money_return: float
    prob_all_gain_at_certain_split: float | None
    payers_given: bool  # False: the default (every stakeholder with money benefits)

    def payer(self, sid: str) -> PayerShare:
        for p in self.payers:
            if p.stakeholder == sid:
                return p
        raise KeyError(sid)

    @property
    def sum_max_share(self) -> float:
        return float(sum(p.max_share for p in self.payers))

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "case": self.case,
            "option": self.option,
            "certainty": self.certainty,
            "cost": dict(self.cost),
            "payers": {p.stakeholder: p.summary() for p in self.payers},
            "feasible": self.feasible,
            "uncovered_share": self.uncovered_share,
        }
        if self.certain_split is not None:
            out["certain_split"] = dict(self.certain_split)
        # extensions
        out["draws"] = self.draws
        out["seed"] = self.seed
        out["money_return"] = self.money_return
        if self.prob_all_gain_at_certain_split is not None:
            out["prob_all_gain_at_certain_split"] = self.prob_all_gain_at_certain_split
        out["payers_given"] = self.payers_given
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per payer: id, label, mean money benefit (and its 90% interval), the shares,
        probabilities, and the amounts at the expected cost."""
        import pandas as pd

        mean_cost = self.cost["mean"]
        rows = []
        for p in self.payers:
            rows.append({
                "stakeholder": p.stakeholder, "label": p.label,
                "fiscal_benefit": p.fiscal_benefit["mean"], "fiscal_benefit_p05": p.fiscal_benefit["p05"],
                "fiscal_benefit_p95": p.fiscal_benefit["p95"],
                "benefit_share": p.benefit_share, "proposed_share": p.proposed_share,
                "proposed_amount": p.proposed_share * mean_cost,
                "prob_gain_at_proposed": p.prob_gain_at_proposed,
                "max_share": p.max_share, "max_share_mcse": p.max_share_mcse,
                "max_amount": p.max_share * mean_cost if math.isfinite(p.max_share) else math.inf,
                "certain_split": None if self.certain_split is None else self.certain_split[p.stakeholder],
                "prob_gain_without_contribution": p.prob_gain_without_contribution,
            })
        return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# Payers and checks
# --------------------------------------------------------------------------------------------
def fiscal_lines(case: Case, stakeholder: str) -> tuple[str, ...]:
    """The ``kind: fiscal`` effect lines of ``case`` (an option applied) that give ``stakeholder``
    a share of their money benefits."""
    return tuple(e.id for e in case.effects
                 if e.kind == "fiscal" and any(sid == stakeholder for sid, _ in e.beneficiaries))


def _money_stakeholders(case: Case) -> list[str]:
    return [sid for sid in case.stakeholders if fiscal_lines(case, sid)]


def _check_payers(case: Case, option: str, payers: list[str], money: list[str]) -> None:
    """Every payer named once, a stakeholder of the case, with money benefits in the option."""
    if len(payers) == 0:
        raise UsageError("no payers given", "analysis.cofinancing_no_payers", known=", ".join(money) or "–")
    seen: set[str] = set()
    for sid in payers:
        if sid in seen:
            raise UsageError(f"payer '{sid}' given twice", "analysis.cofinancing_payer_twice", payer=sid)
        seen.add(sid)
        if sid not in case.stakeholders:
            raise UsageError(f"unknown payer '{sid}'", "analysis.cofinancing_payer_unknown", payer=sid,
                             case=case.id, known=", ".join(case.stakeholders))
        if sid not in money:
            raise UsageError(f"payer '{sid}' has no money benefits in option '{option}'",
                             "analysis.cofinancing_payer_no_money", payer=sid, label=case.stakeholders[sid],
                             option=option, known=", ".join(money) or "–")


def check_request(case: Case, scenario: str | None = None, certainty: float = DEFAULT_CERTAINTY,
                  payers: Sequence[str] | None = None, draws: int | None = None) -> Case:
    """Refuse a bad request before anything is simulated; returns the case with the option
    applied. ``case`` is the baseline case (as loaded)."""
    option = scenario or "baseline"
    if option != "baseline" and option not in case.scenarios:
        raise UsageError(f"unknown scenario '{option}'; choose from: {', '.join(case.option_ids())}",
                         "analysis.cofinancing_scenario_unknown", scenario=option, case=case.id,
                         known=", ".join(case.option_ids()))
    if option != "baseline" and not case.scenarios[option].is_option:
        raise UsageError(f"scenario '{option}' is a sensitivity scenario (soort: gevoeligheid), not an option",
                         "analysis.cofinancing_not_option", scenario=option, label=case.scenarios[option].label,
                         known=", ".join(case.option_ids()))
    if not (isinstance(certainty, int | float) and math.isfinite(certainty) and 0 < certainty < 1):
        raise UsageError(f"certainty {certainty} outside (0, 1)", "analysis.cofinancing_certainty",
                         value=certainty)
    if draws is not None and draws < MIN_DRAWS:
        raise UsageError(f"co-financing needs at least {MIN_DRAWS} draws (got {draws})",
                         "analysis.cofinancing_min_draws", draws=draws, minimum=MIN_DRAWS)
    applied = apply_scenario(case, option)
    money = _money_stakeholders(applied)
    if payers is None:
        if not money:
            raise UsageError(f"option '{option}' has no money benefits (no kind: fiscal effect)",
                             "analysis.cofinancing_no_money", option=option, case=case.id)
        return applied
    _check_payers(case, option, list(payers), money)
    return applied


# --------------------------------------------------------------------------------------------
# The computation
# --------------------------------------------------------------------------------------------
def cofinancing(result: Result, certainty: float = DEFAULT_CERTAINTY,
                payers: Sequence[str] | None = None) -> Cofinancing:
    """Co-financing of the option simulated in ``result`` (see the module docstring).

    Parameters
    ----------
    result : Result
        One option's simulation (``mkba.simulate``); not deterministic.
    certainty : float
        The chance (0 < zekerheid < 1) with which each payer must at least earn its share back.
    payers : sequence of str, optional
        Stakeholder ids; default every stakeholder that receives a share of a ``kind: fiscal``
        effect and whose expected money benefits are positive. A payer given here must have
        money benefits with a positive expectation.

    Returns
    -------
    Cofinancing
    """
    case = result.case
    option = result.scenario
    if result.deterministic:
        raise UsageError("co-financing needs simulated draws, not a deterministic run",
                         "analysis.cofinancing_min_draws", draws=1, minimum=MIN_DRAWS)
    base_scenarios = case.scenarios
    if option != "baseline" and option in base_scenarios and not base_scenarios[option].is_option:
        raise UsageError(f"scenario '{option}' is a sensitivity scenario (soort: gevoeligheid), not an option",
                         "analysis.cofinancing_not_option", scenario=option, label=base_scenarios[option].label,
                         known=", ".join(case.option_ids()))
    if not (isinstance(certainty, int | float) and math.isfinite(certainty) and 0 < certainty < 1):
        raise UsageError(f"certainty {certainty} outside (0, 1)", "analysis.cofinancing_certainty",
                         value=certainty)
    if result.draws < MIN_DRAWS:
        raise UsageError(f"co-financing needs at least {MIN_DRAWS} draws (got {result.draws})",
                         "analysis.cofinancing_min_draws", draws=result.draws, minimum=MIN_DRAWS)
    money = _money_stakeholders(case)
    given = payers is not None
    if given:
        payers = list(payers)
        _check_payers(case, option, payers, money)
    c = result.column("pv_costs")
    mean_c = float(np.mean(c))
    if not mean_c > 0:
        raise UsageError(f"option '{option}' has no positive costs to share", "analysis.cofinancing_no_costs",
                         option=option, cost=mean_c)
    fiscal = {sid: result.column(f"stakeholder.{sid}.pv_fiscal") for sid in money}
    means = {sid: float(np.mean(f)) for sid, f in fiscal.items()}
    if given:
        for sid in payers:
            if not means[sid] > 0:
                raise UsageError(f"payer '{sid}' loses money on balance in option '{option}'",
                                 "analysis.cofinancing_payer_loses", payer=sid, label=case.stakeholders[sid],
                                 option=option, amount=means[sid])
        chosen = payers
    else:
        chosen = [sid for sid in money if means[sid] > 0]
        if not chosen:
            raise UsageError(f"option '{option}' has no money benefits (no kind: fiscal effect)",
                             "analysis.cofinancing_no_money", option=option, case=case.id)
    total = sum(means[sid] for sid in chosen)
    n = result.draws
    shares: list[PayerShare] = []
    for sid in chosen:
        f = fiscal[sid]
        share = means[sid] / total
        top, mcse = _max_share_with_mcse(f, c, certainty)
        prob = float(np.mean(f >= share * c))
        shares.append(PayerShare(
            stakeholder=sid, label=case.stakeholders[sid], fiscal_benefit=stats(f), benefit_share=share,
            proposed_share=share, max_share=top, max_share_mcse=mcse, prob_gain_at_proposed=prob,
            prob_gain_at_proposed_mcse=math.sqrt(prob * (1 - prob) / n),
            prob_gain_without_contribution=float(np.mean(f >= 0)), fiscal_lines=fiscal_lines(case, sid)))
    sum_max = float(sum(p.max_share for p in shares))
    feasible = sum_max >= 1
    split = None
    prob_all = None
    if feasible:
        if math.isinf(sum_max):  # some payer can carry any share: it (or they, equally) carry all
            unbounded = [p for p in shares if math.isinf(p.max_share)]
            split = {p.stakeholder: (1 / len(unbounded) if math.isinf(p.max_share) else 0.0) for p in shares}
        else:
            split = {p.stakeholder: p.max_share / sum_max for p in shares}
        gain = np.ones(n, dtype=bool)
        for p in shares:
            gain &= fiscal[p.stakeholder] >= split[p.stakeholder] * c
        prob_all = float(np.mean(gain))
    return Cofinancing(
        case=case.id, option=option, certainty=float(certainty), draws=n, seed=result.summary_seed(),
        cost=stats(c), payers=tuple(shares), feasible=feasible,
        uncovered_share=max(0.0, 1.0 - sum_max) if math.isfinite(sum_max) else 0.0,
        certain_split=split, money_return=total / mean_c, prob_all_gain_at_certain_split=prob_all,
        payers_given=given)


def cofinancing_if_any(result: Result, certainty: float = DEFAULT_CERTAINTY) -> Cofinancing | None:
    """:func:`cofinancing` of one simulated option, or None where there is nothing to split: a
    sensitivity scenario (not an option), or an option without money benefits or costs."""
    option = result.scenario
    if option != "baseline" and not result.case.scenarios[option].is_option:
        return None
    try:
        return cofinancing(result, certainty)
    except UsageError as exc:
        if exc.code in ("analysis.cofinancing_no_money", "analysis.cofinancing_no_costs"):
            return None
        raise


def analyze(case: Case, scenario: str | None = None, certainty: float = DEFAULT_CERTAINTY,
            payers: Sequence[str] | None = None, draws: int = 10_000, seed: SeedLike = 1,
            workers: int = 1, progress: Progress | None = None) -> Cofinancing:
    """Check the request, simulate the option as ``mkba run`` does, and compute its
    co-financing (:func:`cofinancing`). ``case`` is the baseline case as loaded."""
    check_request(case, scenario, certainty, payers, draws)
    result = simulate(case, draws=draws, seed=seed, scenario=scenario, progress=progress, workers=workers)
    return cofinancing(result, certainty, payers)
