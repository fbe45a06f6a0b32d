"""A deliberately simple scalar evaluator of the MKBA model: one draw, plain loops.

It is the oracle for tests of the vectorised engine (:mod:`mkba.core.model`) and the naive
baseline in ``benchmarks/``. It shares no code with the engine beyond the :class:`Case`
objects and each parameter's inverse CDF (:func:`parameter_draw` maps uniforms through the
same ``ppf`` as the engine, DESIGN §4), and it follows DESIGN §3 literally: outcomes per year, benefits spread over
``lag`` and ``persistence`` with ``drop_off``, cut off at the horizon, split over
stakeholders, optimism bias, and discounting by ``1 / (1 + r) ** t``.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from mkba.core.case import EVIDENCE_CORRECTION, REST, Case


def _value(q, params: dict[str, float]) -> float:
    if isinstance(q, str):
        return params[q]
    return float(q)


def _in_year(q, t: int, params: dict[str, float]) -> float:
    if isinstance(q, tuple):
        return _value(q[t], params)
    return _value(q, params)


def _shares(split, params: dict[str, float]) -> dict[str, float]:
    shares = {}
    rest_id = None
    for sid, share in split:
        if share == REST:
            rest_id = sid
        else:
            shares[sid] = shares.get(sid, 0.0) + _value(share, params)
    if rest_id is not None:
        shares[rest_id] = shares.get(rest_id, 0.0) + 1.0 - sum(v for k, v in shares.items() if k != rest_id)
    return shares


def parameter_draw(case: Case, uniforms: Mapping[str, float]) -> dict[str, float]:
    """One draw's parameter values from its uniforms, one parameter at a time.

    Each uncertain parameter's uniform goes through its inverse CDF (the same ``ppf`` the
    engine uses, DESIGN §4); fixed parameters take their value; then the scenario's ``scale``
    factors multiply, in the case's order.
    """
    params: dict[str, float] = {}
    for name, spec in case.parameters.items():
        if spec.is_fixed:
            params[name] = float(spec.base_value)
        else:
            params[name] = float(spec.ppf(np.array([float(uniforms[name])]))[0])
    for name, factors in case.scales.items():
        for factor in factors:
            params[name] = params[name] * (params[factor] if isinstance(factor, str) else float(factor))
    return params


def evaluate_draw(case: Case, params: dict[str, float]) -> dict[str, float]:
    """Evaluate one draw.

    Parameters
    ----------
    case : Case
    params : dict of name -> float
        One value per parameter (scenario scales already applied).

    Returns
    -------
    dict
        The same output names as :class:`mkba.core.outputs.Layout` (``npv``, ``bcr``,
        ``stakeholder.<id>.net``, ``effect.<id>.pv``, ...).
    """
    horizon = case.horizon
    r = _value(case.discount_rate, params)

    result: dict[str, float] = {
        "pv_costs": 0.0, "pv_benefits": 0.0, "pv_fiscal": 0.0, "pv_cut_off": 0.0,
        "kind.fiscal.pv": 0.0, "kind.economic.pv": 0.0, "kind.social.pv": 0.0,
    }
    for sid in case.stakeholders:
        for field in ("pv_costs", "pv_benefits", "pv_fiscal", "pv_economic", "pv_social"):
            result[f"stakeholder.{sid}.{field}"] = 0.0

    for cost in case.costs:
        pv = 0.0
        for t in range(horizon):
            if cost.years is not None and not (cost.years[0] <= t <= cost.years[1]):
                continue
            ob = case.optimism_costs if cost.optimism_bias is None else cost.optimism_bias
            amount = _in_year(cost.amount, t, params) * (1 + _value(ob, params))
            if cost.aandeel is not None:
                amount *= _value(cost.aandeel, params)
            pv += amount / (1 + r) ** t
        result[f"cost.{cost.id}.pv"] = pv
        result["pv_costs"] += pv
        for sid, share in _shares(cost.payer, params).items():
            result[f"stakeholder.{sid}.pv_costs"] += pv * share

    for eff in case.effects:
        share = _value(eff.share, params)
        deadweight = _value(eff.deadweight, params)
        attribution = _value(eff.attribution, params)
        displacement = _value(eff.displacement, params)
        value = _value(eff.value, params)
        drop_off = _value(eff.drop_off, params)
        if eff.optimism_bias is not None:  # the line's own correction
            ob_benefits = _value(eff.optimism_bias, params)
        elif eff.evidence is not None:  # the default of its evidence grade (DESIGN §19)
            ob_benefits = EVIDENCE_CORRECTION[eff.evidence]
        else:
            ob_benefits = _value(case.optimism_benefits, params)
        pv = 0.0
        cut = 0.0
        total_outcomes = 0.0
        for t in range(horizon):
            volume = _in_year(eff.volume, t, params)
            if eff.ramp_up is not None:
                volume *= _value(eff.ramp_up[min(t, len(eff.ramp_up) - 1)], params)
            outcomes = volume * share * (1 - deadweight) * attribution * (1 - displacement)
            total_outcomes += outcomes
            for u in range(t + eff.lag, t + eff.lag + eff.persistence):
                benefit = outcomes * value * (1 - drop_off) ** (u - t - eff.lag) * (1 - ob_benefits)
                if u < horizon:
                    pv += benefit / (1 + r) ** u
                else:
                    cut += benefit / (1 + r) ** u
        result[f"effect.{eff.id}.pv"] = pv
        result[f"effect.{eff.id}.outcomes"] = total_outcomes
        result["pv_benefits"] += pv
        result["pv_cut_off"] += cut
        result[f"kind.{eff.kind}.pv"] += pv
        if eff.kind == "fiscal":
            result["pv_fiscal"] += pv
        for sid, s in _shares(eff.beneficiaries, params).items():
            result[f"stakeholder.{sid}.pv_benefits"] += pv * s
            if eff.kind == "fiscal":
                result[f"stakeholder.{sid}.pv_fiscal"] += pv * s
            elif eff.kind == "economic":
                result[f"stakeholder.{sid}.pv_economic"] += pv * s
            else:
                result[f"stakeholder.{sid}.pv_social"] += pv * s

    result["npv"] = result["pv_benefits"] - result["pv_costs"]
    result["bcr"] = result["pv_benefits"] / result["pv_costs"] if result["pv_costs"] else float("nan")
    for sid in case.stakeholders:
        result[f"stakeholder.{sid}.net"] = (result[f"stakeholder.{sid}.pv_benefits"]
                                           - result[f"stakeholder.{sid}.pv_costs"])
    return result


def parameter_values_at(case: Case, uniforms: dict[str, float]) -> dict[str, float]:
    """Map one draw's uniforms (``{name: u}``) to parameter values, one parameter at a time.

    A ``dist: draws`` parameter takes row ``floor(u · rows)`` of its file column (its ``u`` is
    the file's shared uniform, so parameters of one file read the same row); every other
    parameter goes through its inverse CDF. Scenario ``scale`` factors are applied last.
    """
    params: dict[str, float] = {}
    for name, spec in case.parameters.items():
        u = uniforms[name]
        if spec.from_draws_file:  # its file's row, by the same rule as Draws.pick
            row = int(u * spec.rows)
            if row >= spec.rows:
                row = spec.rows - 1
            params[name] = float(spec.values[row])
        else:
            params[name] = spec.quantile(u)
    for name, factors in case.scales.items():
        for factor in factors:
            params[name] = params[name] * (params[factor] if isinstance(factor, str) else factor)
    return params
