"""The vectorised MKBA model (DESIGN §3), evaluated for a block of draws at once.

Shapes: parameter draws are **draws × parameters**; yearly flows are **draws × years**;
the per-draw outputs are **draws × outputs** with the column names of
:class:`mkba.core.outputs.Layout` (the output schema lives in :mod:`mkba.core.outputs`).

For effect line *i* and year *t* (t = 0 … H−1)::

    O(i,t) = volume(t) · ramp_up(t) · share · (1 − deadweight) · attribution · (1 − displacement)
    benefit(u) += O(i,t) · value · (1 − drop_off)^(u − t − lag)   for t+lag ≤ u < t+lag+persistence

benefits at u ≥ H are cut off (their PV is reported as ``pv_cut_off``); costs are multiplied by
(1 + optimism bias of the line, else of the case), benefits by (1 − the line's correction: its
own ``optimism_bias``, else its evidence grade's default, else the case's); a flow in year t is worth
flow / (1 + r)^t at t = 0.

Every operation is elementwise per draw, in a fixed order, so a draw's outputs do not depend
on how many draws are evaluated together (bit-identical across chunk sizes).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mkba.core import outputs
from mkba.core.case import REST, Case, Quantity, Scalar, Split, cost_optimism, effect_optimism
from mkba.core.outputs import Layout

EVAL_BLOCK = 2048  # draws evaluated at once: small enough that the working arrays stay in cache
@dataclass
class Evaluation:
    """Outputs for a block of draws.

    Attributes
    ----------
    outputs : ndarray, draws × outputs
        Columns as in :class:`Layout`.
    costs_by_year, benefits_by_year : ndarray, draws × years
        Undiscounted flows (after optimism bias).
    outcomes_by_year : dict of ndarray, draws × years
        Outcomes O(i, t) per effect line.
    """

    outputs: np.ndarray
    costs_by_year: np.ndarray
    benefits_by_year: np.ndarray
    outcomes_by_year: dict[str, np.ndarray]


class _Resolver:
    """Turns quantities into arrays for a block of ``n`` draws (year-major internally)."""

    def __init__(self, values: dict[str, np.ndarray], n: int, horizon: int):
        self.values = values
        self.n = n
        self.horizon = horizon

    def scalar(self, q: Scalar) -> np.ndarray | float:
        return self.values[q] if isinstance(q, str) else float(q)

    def by_year(self, q: Quantity) -> np.ndarray:
        """years × draws (each year's row contiguous)."""
        out = np.empty((self.horizon, self.n))
        if isinstance(q, tuple):
            for t, item in enumerate(q):
                out[t] = self.scalar(item)
        else:
            out[:] = self.scalar(q)
        return out

    def split(self, split: Split) -> list[tuple[str, np.ndarray | float]]:
        shares: list[tuple[str, np.ndarray | float]] = []
        rest_id = None
        total: np.ndarray | float = 0.0
        for sid, share in split:
            if share == REST:
                rest_id = sid
                continue
            value = self.scalar(share)
            shares.append((sid, value))
            total = total + value
        if rest_id is not None:
            shares.append((rest_id, 1.0 - total))
        return shares


def parameter_values(case: Case, draws: np.ndarray, names: Sequence[str]) -> dict[str, np.ndarray]:
    """Map uniforms to parameter values for ``case``.

    Parameters
    ----------
    draws : ndarray, draws × parameters
        Uniforms in (0, 1); column j belongs to ``names[j]`` (which must include every
        parameter of the case).

    Returns
    -------
    dict of name -> ndarray (draws,)
        Each parameter through its inverse CDF, with scenario ``scale`` factors applied.
    """
    values = {}
    for name, spec in case.parameters.items():
        u = draws[:, names.index(name)]
        values[name] = np.asarray(spec.values_at(u), dtype=float)
    apply_scales(case, values)
    return values


def base_values(case: Case) -> dict[str, np.ndarray]:
    """Every parameter at its base value, as one-draw arrays (scales applied)."""
    values = {name: np.array([spec.base_value]) for name, spec in case.parameters.items()}
    apply_scales(case, values)
    return values


def apply_scales(case: Case, values: dict[str, np.ndarray]) -> None:
    """Multiply parameter values in place by the scenario's ``scale`` factors."""
    for name, factors in case.scales.items():
        for factor in factors:
            values[name] = values[name] * (values[factor] if isinstance(factor, str) else factor)


def evaluate(case: Case, values: dict[str, np.ndarray], layout: Layout | None = None,
             n: int | None = None) -> Evaluation:
    """Evaluate the model for a block of draws.

    Parameters
    ----------
    case : Case
    values : dict of name -> ndarray (draws,)
        Parameter values, e.g. from :func:`parameter_values`.
    layout : Layout, optional
        Output columns (default: ``Layout.of(case)``).
    n : int, optional
        Number of draws; needed when ``values`` is empty (a case without parameters),
        otherwise taken from the arrays.

    Returns
    -------
    Evaluation
        Arrays in the documented shapes (draws × ...); internally the work is done on
        year-major and output-major arrays so every operation reads contiguous memory.
    """
    layout = layout or Layout.of(case)
    n = _draw_count(values, n)
    horizon = case.horizon
    res = _Resolver(values, n, horizon)
    col = {name: i for i, name in enumerate(layout.columns)}
    out = np.zeros((len(layout.columns), n))  # outputs × draws; returned transposed

    rate = np.broadcast_to(np.asarray(res.scalar(case.discount_rate), dtype=float), (n,))
    growth = 1.0 + rate
    # discount factors for t = 0 .. H + max reach (cut-off PV needs years past the horizon)
    reach = max([e.lag + e.persistence for e in case.effects] + [1])
    df = np.empty((horizon + reach, n))
    df[0] = 1.0
    for t in range(1, horizon + reach):
        df[t] = df[t - 1] / growth

    scratch = np.empty(n)

    costs_by_year = np.zeros((horizon, n))
    for cost in case.costs:
        flow = res.by_year(cost.amount)
        flow *= 1.0 + res.scalar(cost_optimism(case, cost))  # the line's own uplift, else the case's
        if cost.aandeel is not None:  # the modelled services' share of an organisation budget
            flow *= res.scalar(cost.aandeel)
        if cost.years is not None:
            first, last = cost.years
            flow[:first] = 0.0
            flow[last + 1 :] = 0.0
        pv = _present_value(flow, df, scratch)
        costs_by_year += flow
        out[col[outputs.cost(cost.id)]] = pv
        out[col["pv_costs"]] += pv
        for sid, share in res.split(cost.payer):
            out[col[outputs.stakeholder(sid, "pv_costs")]] += pv * share

    benefits_by_year = np.zeros((horizon, n))
    outcomes_by_year = {}
    for eff in case.effects:
        factor = (np.asarray(res.scalar(eff.share)) * (1.0 - np.asarray(res.scalar(eff.deadweight)))
                  * res.scalar(eff.attribution) * (1.0 - np.asarray(res.scalar(eff.displacement))))
        outcomes = res.by_year(eff.volume)
        if eff.ramp_up is not None:
            for t in range(horizon):
                outcomes[t] = outcomes[t] * res.scalar(eff.ramp_up[min(t, len(eff.ramp_up) - 1)])
        outcomes *= factor
        value = res.scalar(eff.value)
        ob_benefits = 1.0 - res.scalar(effect_optimism(case, eff)[0])  # line, evidence grade, or case
        keep = 1.0 - np.asarray(res.scalar(eff.drop_off))
        flow = np.zeros((horizon, n))
        cut = np.zeros(n)
        amount = scratch
        for t in range(horizon):
            np.multiply(outcomes[t], value, out=amount)
            amount *= ob_benefits
            for j in range(eff.persistence):
                u = t + eff.lag + j
                if u < horizon:
                    flow[u] += amount
                else:
                    cut += amount * df[u]
                if j + 1 < eff.persistence:
                    amount *= keep
        pv = _present_value(flow, df, scratch)
        total_outcomes = outcomes.sum(axis=0)
        benefits_by_year += flow
        outcomes_by_year[eff.id] = outcomes.T
        out[col[outputs.effect(eff.id)]] = pv
        out[col[outputs.effect(eff.id, "outcomes")]] = total_outcomes
        out[col["pv_benefits"]] += pv
        out[col["pv_cut_off"]] += cut
        out[col[outputs.kind(eff.kind)]] += pv
        if eff.kind == "fiscal":
            out[col["pv_fiscal"]] += pv
        for sid, share in res.split(eff.beneficiaries):
            np.multiply(pv, share, out=scratch)
            out[col[outputs.stakeholder(sid, "pv_benefits")]] += scratch
            out[col[outputs.stakeholder(sid, f"pv_{eff.kind}")]] += scratch

    out[col["npv"]] = out[col["pv_benefits"]] - out[col["pv_costs"]]
    with np.errstate(divide="ignore", invalid="ignore"):
        out[col["bcr"]] = out[col["pv_benefits"]] / out[col["pv_costs"]]
    for sid in case.stakeholders:
        out[col[outputs.stakeholder(sid, "net")]] = (out[col[outputs.stakeholder(sid, "pv_benefits")]]
                                               - out[col[outputs.stakeholder(sid, "pv_costs")]])
    return Evaluation(out.T, costs_by_year.T, benefits_by_year.T, outcomes_by_year)


def evaluate_blocks(case: Case, values: dict[str, np.ndarray], layout: Layout | None = None,
                    n: int | None = None, block: int = EVAL_BLOCK):
    """Evaluate ``values`` (``n`` draws) in cache-sized blocks; yields ``(offset, Evaluation)``.

    Results are the same as one :func:`evaluate` call (every operation is per draw)."""
    layout = layout or Layout.of(case)
    n = _draw_count(values, n)
    for start in range(0, n, block):
        stop = min(start + block, n)
        yield start, evaluate(case, {k: v[start:stop] for k, v in values.items()}, layout, stop - start)


def _draw_count(values: dict[str, np.ndarray], n: int | None) -> int:
    if n is not None:
        return n
    if not values:
        raise ValueError("no parameter values: pass the number of draws n")
    return len(next(iter(values.values())))


def _present_value(flow: np.ndarray, df: np.ndarray, scratch: np.ndarray) -> np.ndarray:
    """Sum over years of flow(t) · df(t), added year by year in order (as the reference does).

    ``flow`` is years × draws; ``scratch`` a work array of one row.
    """
    pv = np.zeros(flow.shape[1])
    for t in range(flow.shape[0]):
        np.multiply(flow[t], df[t], out=scratch)
        pv += scratch
    return pv
