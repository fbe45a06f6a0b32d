"""A small multi-year case computed by hand, exercising every term of DESIGN §3:
per-year volumes, ramp-up (last value repeats), share, deadweight, attribution, displacement,
lag, persistence, drop-off, the horizon cut-off, optimism bias on costs and benefits, a cost
restricted to some years, payer and beneficiary splits with 'rest', a negative value
(dis-benefit) and discounting 1/(1+r)^t."""

from __future__ import annotations

import pytest

import mkba
from mkba.core.reference import evaluate_draw

HAND_CASE = """
mkba: 1
case: {id: hand, title: Hand, start_year: 2020, horizon: 3, discount_rate: 0.1,
       optimism_bias: {costs: 0.1, benefits: 0.2}}
stakeholders: {a: A, b: B}
parameters:
  volume_2: {value: 30}
  waarde: {value: 100}
  aandeel_a: {value: 0.3}
costs:
  - {id: kosten, label: Kosten, amount: [100, 200, 300], payer: {a: 0.25, b: rest}, years: [1, 2]}
effects:
  - id: e1
    label: E1
    category: c
    kind: fiscal
    volume: [10, 20, volume_2]
    ramp_up: [0.5, 1.0]
    share: 0.8
    deadweight: 0.25
    attribution: 0.5
    displacement: 0.1
    value: waarde
    lag: 1
    persistence: 2
    drop_off: 0.4
    beneficiaries: {a: aandeel_a, b: rest}
  - {id: e2, label: E2, category: c, kind: social, volume: 5, value: -10, beneficiaries: b}
"""

# --- by hand --------------------------------------------------------------------------------
R = 0.1
D1, D2, D3, D4 = 1 / 1.1, 1 / 1.1**2, 1 / 1.1**3, 1 / 1.1**4
PV_COSTS = 200 * 1.1 * D1 + 300 * 1.1 * D2  # year 0 excluded by years: [1, 2]
FACTOR = 0.8 * (1 - 0.25) * 0.5 * (1 - 0.1)  # 0.27
OUTCOMES = [10 * 0.5 * FACTOR, 20 * FACTOR, 30 * FACTOR]  # ramp 0.5 in year 0, then 1.0
AMOUNT = [o * 100 * (1 - 0.2) for o in OUTCOMES]  # value × (1 − optimism bias on benefits)
# lag 1, persistence 2, keep 0.6: year-t outcomes pay in t+1 (×1) and t+2 (×0.6)
FLOW_E1 = [0.0, AMOUNT[0], AMOUNT[0] * 0.6 + AMOUNT[1]]
CUT_E1 = AMOUNT[1] * 0.6 * D3 + AMOUNT[2] * D3 + AMOUNT[2] * 0.6 * D4
PV_E1 = FLOW_E1[1] * D1 + FLOW_E1[2] * D2
PV_E2 = -10 * 5 * 0.8 * (1 + D1 + D2)
EXPECTED = {
    "pv_costs": PV_COSTS,
    "pv_benefits": PV_E1 + PV_E2,
    "npv": PV_E1 + PV_E2 - PV_COSTS,
    "bcr": (PV_E1 + PV_E2) / PV_COSTS,
    "pv_fiscal": PV_E1,
    "pv_cut_off": CUT_E1,
    "kind.fiscal.pv": PV_E1,
    "kind.social.pv": PV_E2,
    "kind.economic.pv": 0.0,
    "stakeholder.a.pv_costs": 0.25 * PV_COSTS,
    "stakeholder.b.pv_costs": 0.75 * PV_COSTS,
    "stakeholder.a.pv_benefits": 0.3 * PV_E1,
    "stakeholder.b.pv_benefits": 0.7 * PV_E1 + PV_E2,
    "stakeholder.a.net": 0.3 * PV_E1 - 0.25 * PV_COSTS,
    "stakeholder.b.net": 0.7 * PV_E1 + PV_E2 - 0.75 * PV_COSTS,
    "stakeholder.a.pv_fiscal": 0.3 * PV_E1,
    "stakeholder.b.pv_fiscal": 0.7 * PV_E1,
    "stakeholder.a.pv_social": 0.0,
    "stakeholder.b.pv_social": PV_E2,
    "stakeholder.a.pv_economic": 0.0,
    "stakeholder.b.pv_economic": 0.0,
    "cost.kosten.pv": PV_COSTS,
    "effect.e1.pv": PV_E1,
    "effect.e1.outcomes": sum(OUTCOMES),
    "effect.e2.pv": PV_E2,
    "effect.e2.outcomes": 15.0,
}


def test_hand_numbers_are_what_we_think():
    # guard the hand arithmetic itself with a few literal values
    assert FACTOR == pytest.approx(0.27)
    assert OUTCOMES == pytest.approx([1.35, 5.4, 8.1])
    assert PV_COSTS == pytest.approx(200 + 300 / 1.1)
    assert PV_E1 == pytest.approx(108 / 1.1 + (64.8 + 432) / 1.21)


def test_engine_matches_hand_computation():
    case = mkba.load_case_text(HAND_CASE)
    res = mkba.deterministic(case)
    for name, expected in EXPECTED.items():
        assert res.column(name)[0] == pytest.approx(expected, rel=1e-12, abs=1e-9), name
    assert res.yearly["costs"] == pytest.approx([0.0, 220.0, 330.0])
    assert res.yearly["benefits"] == pytest.approx([f - 40 for f in FLOW_E1])


def test_reference_matches_hand_computation():
    case = mkba.load_case_text(HAND_CASE)
    out = evaluate_draw(case, {"volume_2": 30.0, "waarde": 100.0, "aandeel_a": 0.3})
    for name, expected in EXPECTED.items():
        assert out[name] == pytest.approx(expected, rel=1e-12, abs=1e-9), name


def test_summary_json_shape_deterministic():
    case = mkba.load_case_text(HAND_CASE)
    s = mkba.deterministic(case).summary()
    assert s["case"] == "hand" and s["scenario"] == "baseline" and s["horizon"] == 3
    assert s["metrics"]["npv"] == pytest.approx(EXPECTED["npv"])
    assert s["metrics"]["bcr_of_means"] == pytest.approx(EXPECTED["bcr"])
    assert s["metrics"]["prob_npv_positive"] == (1.0 if EXPECTED["npv"] > 0 else 0.0)
    assert s["stakeholders"]["a"]["net"] == pytest.approx(EXPECTED["stakeholder.a.net"])
    assert s["lines"]["e1"]["outcomes"] == pytest.approx(sum(OUTCOMES))


def test_discounting_and_persistence_with_uncertain_rate():
    """An uncertain discount rate is applied per draw: check one draw against the formula."""
    text = HAND_CASE.replace("discount_rate: 0.1", "discount_rate: rente").replace(
        "parameters:\n", "parameters:\n  rente: {dist: uniform, min: 0.0, max: 0.2}\n")
    case = mkba.load_case_text(text)
    res = mkba.simulate(case, draws=5, seed=3)
    for i in range(5):
        r = res.column("param.rente")[i]
        expected = 200 * 1.1 / (1 + r) + 300 * 1.1 / (1 + r) ** 2
        assert res.column("pv_costs")[i] == pytest.approx(expected, rel=1e-12)


def test_a_case_without_parameters_fills_every_draw(tiny_case):
    """Regression: with no parameters the draw count must not be inferred from (empty) values."""
    res = mkba.simulate(tiny_case(parameters=None), draws=37, seed=1, chunk_size=10)
    assert (res.column("pv_costs") == 200.0).all()
    assert res.column("effect.s.outcomes") == pytest.approx([14.0] * 37)  # (20 + 50) × 0,2
    assert res.yearly["costs"] == pytest.approx([100.0, 100.0])
    assert res.yearly["outcomes.s"] == pytest.approx([4.0, 10.0])
