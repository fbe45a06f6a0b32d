"""Decision analysis against closed forms, and the scenario comparison on common random numbers."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm

import mkba
from mkba.analysis import decision
from mkba.core.errors import UsageError
from mkba.faces.cli import main

TWO_OPTIONS = """
mkba: 1
case: {id: twee, title: Twee, start_year: 2020, horizon: 1, discount_rate: 0}
stakeholders: {gemeente: Gemeente, huishoudens: Huishoudens}
parameters:
  x: {dist: normal, mean: MU, sd: SIGMA}
  nul: {value: 0}
costs:
  - {id: kosten, label: K, amount: 1000, payer: gemeente}
effects:
  - {id: baat, label: B, category: c, kind: social, volume: 1, value: 1000, beneficiaries: gemeente}
scenarios:
  alternatief:
    label: Alternatief
    add:
      effects:
        - {id: extra, label: X, category: c, kind: social, volume: 1, value: x, beneficiaries: {gemeente: 0.5, huishoudens: rest}}
"""


@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (0.5, 1.0), (-1.0, 2.0), (3.0, 1.5)])
def test_evpi_and_prob_best_closed_form_on_a_matrix(mu, sigma):
    rng = np.random.default_rng(0)
    d = mu + sigma * rng.standard_normal(2_000_000)
    nb = np.column_stack([np.zeros_like(d), d])
    expected = decision.evpi_normal_two_options(mu, sigma)
    # Monte Carlo error of E[max(0, D)] is sd(max(0,D))/sqrt(n) < sigma/sqrt(n)
    assert decision.evpi(nb) == pytest.approx(expected, abs=5 * sigma / np.sqrt(d.size))
    assert decision.prob_best(nb)[1] == pytest.approx(norm.cdf(mu / sigma), abs=5 * 0.5 / np.sqrt(d.size))
    assert decision.expected_loss(nb).min() == pytest.approx(decision.evpi(nb), rel=1e-12)


def test_evpi_closed_form_values():
    # at mu = 0: sigma φ(0) = sigma / sqrt(2 pi)
    assert decision.evpi_normal_two_options(0.0, 2.0) == pytest.approx(2 / np.sqrt(2 * np.pi))
    assert decision.evpi_normal_two_options(10.0, 1.0) == pytest.approx(0.0, abs=1e-20)


@pytest.mark.parametrize("perspective", ["society", "gemeente", "huishoudens"])
def test_evpi_through_compare_for_society_and_stakeholders(perspective):
    mu, sigma = 200.0, 300.0
    case = mkba.load_case_text(TWO_OPTIONS.replace("MU", str(mu)).replace("SIGMA", str(sigma)))
    n = 200_000
    cmp = mkba.compare(case, draws=n, seed=5, perspective=perspective)
    share = {"society": 1.0, "gemeente": 0.5, "huishoudens": 0.5}[perspective]
    m, s = share * mu, share * sigma  # the difference alternative − baseline ~ N(m, s²)
    dec = cmp.decision()
    assert dec["perspective"] == perspective
    assert dec["evpi"] == pytest.approx(decision.evpi_normal_two_options(m, s), abs=5 * s / np.sqrt(n))
    assert dec["prob_best"]["alternatief"] == pytest.approx(norm.cdf(m / s), abs=0.005)
    assert dec["expected_npv"]["alternatief"] - dec["expected_npv"]["baseline"] == pytest.approx(m, abs=5 * s / np.sqrt(n))


def test_evpi_zero_when_one_option_dominates():
    nb = np.column_stack([np.linspace(0, 1, 100), np.linspace(0, 1, 100) + 0.1])
    assert decision.evpi(nb) == 0.0
    assert decision.prob_best(nb).tolist() == [0.0, 1.0]


def test_ties_share_probability():
    nb = np.array([[1.0, 1.0], [2.0, 0.0]])
    assert decision.prob_best(nb).tolist() == [0.75, 0.25]


def test_decision_rejects_bad_matrices():
    with pytest.raises(UsageError):
        decision.evpi(np.array([1.0, 2.0]))
    with pytest.raises(UsageError):
        decision.evpi(np.array([[np.nan, 1.0]]))


def test_common_random_numbers_across_scenarios(example_case):
    cmp = mkba.compare(example_case, draws=3_000, seed=2)
    base = cmp.results["baseline"]
    for opt, res in cmp.results.items():
        for name in base.case.uncertain_parameters:
            replaced = dict(example_case.scenarios[opt].set) if opt != "baseline" else {}
            if name in dict(res.case.scales) or name in replaced or f"param.{name}" not in res.store.columns:
                continue  # scaled, or given another distribution by the scenario (kalibratie-2019)
            assert np.array_equal(base.column(f"param.{name}"), res.column(f"param.{name}")), (opt, name)
    # a scaled parameter is exactly the baseline draw times the scale factor's draw
    s1 = cmp.results["s3-generiek"]
    assert np.array_equal(s1.column("param.capaciteit_generiek"), base.column("param.capaciteit_generiek"))


def test_scenario_overlays_set_scale_drop_add(tiny_case):
    # tiny_case: 2 years, discount rate 0, one stakeholder g; these lines and the overlay replace its own
    case = tiny_case(
        parameters={"a": {"value": 10}, "b": {"dist": "uniform", "min": 1, "max": 3}},
        costs=[{"id": "k1", "label": "K1", "amount": "a", "payer": "g"},
               {"id": "k2", "label": "K2", "amount": 5, "payer": "g"}],
        effects=[{"id": "e1", "label": "E1", "category": "c", "kind": "fiscal", "volume": "b", "value": 1,
                  "beneficiaries": "g"}],
        scenarios={"s": {"label": "S", "set": {"a": 20}, "scale": {"b": 2}, "drop": ["k2"],
                         "add": {"parameters": {"c": {"value": 7}},
                                 "effects": [{"id": "e2", "label": "E2", "category": "c", "kind": "social",
                                              "volume": 1, "value": "c", "beneficiaries": "g"}]}}})
    cmp = mkba.compare(case, draws=50, seed=1)
    base, scen = cmp.results["baseline"], cmp.results["s"]
    assert np.allclose(base.column("pv_costs"), 2 * (10 + 5))
    assert np.allclose(scen.column("pv_costs"), 2 * 20)  # set a=20, k2 dropped
    assert np.array_equal(scen.column("param.b"), 2 * base.column("param.b"))  # scaled, same draws
    assert np.allclose(scen.column("effect.e2.pv"), 14)  # added line with added parameter
    assert "cost.k2.pv" not in scen.store.columns


def test_compare_cli_json_and_bad_input(capsys, example_path):
    assert main(["compare", str(example_path), "--draws", "500", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["scenarios"]) == {"baseline", "s1-taakvelden", "s2-uitvoeringsvereisten", "s3-generiek", "kalibratie-2019"}
    assert set(out["decision"]) >= {"perspective", "expected_npv", "prob_best", "expected_loss", "evpi"}
    assert sum(out["decision"]["prob_best"].values()) == pytest.approx(1.0)
    assert set(out["vs_baseline"]["s3-generiek"]) == {"gemeente", "huishoudens", "zorgverzekeraars", "samenleving"}
    assert set(out["vs_baseline"]["s3-generiek"]["gemeente"]["net_change"]) >= {"mean", "p05", "p95", "mcse"}
    # society's change equals the sum of the stakeholders' changes, draw by draw -> in the mean
    total = sum(v["net_change"]["mean"] for v in out["vs_baseline"]["s3-generiek"].values())
    assert out["cuts"]["s3-generiek"]["npv_change"]["mean"] == pytest.approx(total, rel=1e-9)
    assert out["decision"]["evpi"] == pytest.approx(min(out["decision"]["expected_loss"].values()), rel=1e-9)
    assert main(["compare", str(example_path), "--draws", "100", "--perspective", "provincie"]) == 2
    assert "is geen belanghebbende" in capsys.readouterr().err


def test_compare_table_names_the_least_harmful_cut(capsys, example_path):
    assert main(["compare", str(example_path), "--draws", "2000", "--json"]) == 0
    expected = json.loads(capsys.readouterr().out)["decision"]["expected_npv"]
    best = max((o for o in expected if o != "baseline"), key=expected.get)
    assert main(["compare", str(example_path), "--draws", "2000"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    if expected[best] > expected["baseline"]:  # a gain is said plainly, never 'least harmful' (issue 18)
        assert "Beste bezuiniging voor de maatschappij" in text and "Minst nadelige" not in text
        assert "gaat er naar verwachting op vooruit" in text
    else:
        assert "Minst nadelige bezuiniging voor de maatschappij" in text
    assert "EVPI" in text and "kans dat dit de beste keuze is" in text


def test_acceptability_curves(example_case):
    cmp = mkba.compare(example_case, draws=2_000, seed=1, perspective="gemeente")
    by_w = cmp.acceptability_by_weight([0.0, 0.5, 1.0])
    totals = by_w.groupby("weight")["prob_best"].sum()
    assert np.allclose(totals, 1.0)
    # weight 1 equals the plain decision
    w1 = by_w[by_w.weight == 1.0].set_index("option")["prob_best"].to_dict()
    assert w1 == pytest.approx(cmp.decision()["prob_best"])
    from mkba.analysis.scenarios import acceptability_by_discount_rate

    by_r = acceptability_by_discount_rate(example_case, rates=[0.0, 0.03], draws=1_000, seed=1)
    assert set(by_r.discount_rate) == {0.0, 0.03}
    assert np.allclose(by_r.groupby("discount_rate")["prob_best"].sum(), 1.0)
    # discounting lowers every option's expected NPV magnitude of future flows: check one by hand
    base0 = by_r[(by_r.discount_rate == 0.0) & (by_r.option == "baseline")]["expected_npv"].item()
    direct = mkba.compare(__import__("dataclasses").replace(example_case, discount_rate=0.0), draws=1_000, seed=1)
    assert base0 == pytest.approx(direct.decision()["expected_npv"]["baseline"], rel=1e-12)
    # local worker processes change no number
    two = acceptability_by_discount_rate(example_case, rates=[0.0, 0.03], draws=1_000, seed=1, workers=2)
    pd.testing.assert_frame_equal(two, by_r)


def test_compare_curves_in_the_terminal(capsys, example_path):
    assert main(["compare", str(example_path), "--draws", "300", "--curves"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Kans dat elke optie de beste is, per gewicht niet-fiscale baten" in text
    assert "per discontovoet" in text and "2,25%" in text
