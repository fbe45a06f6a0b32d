"""Sensitivity analysis against closed forms: a product case (Sobol' indices from
Var(XY) = μy²σx² + μx²σy² + σx²σy²), Ishigami through the generic path, a linear case with
exact tornado swings, break-even and target-BCR values, and Morris on one dominant parameter."""

from __future__ import annotations

import json

import numpy as np
import pytest
from SALib.sample import sobol as sobol_sample

import mkba
from mkba.analysis.sensitivity import breakeven, morris, sobol, sobol_indices, tornado
from mkba.core.errors import UsageError
from mkba.core.test_functions import (
    ISHIGAMI_S1,
    ISHIGAMI_ST,
    ishigami,
    ishigami_parameters,
    product_indices,
)
from mkba.faces.cli import main

PRODUCT = """
mkba: 1
case: {id: product, title: XY, start_year: 2020, horizon: 1, discount_rate: 0}
stakeholders: {g: G}
parameters:
  x: {dist: normal, mean: 10, sd: 2, min: 0}  # volume must be ≥ 0; truncation at −5 sd
  y: {dist: normal, mean: 5, sd: 3}
costs: [{id: c, label: C, amount: 40, payer: g}]
effects: [{id: e, label: E, category: c, kind: social, volume: x, value: y, beneficiaries: g}]
"""

LINEAR = """
mkba: 1
case: {id: linear, title: L, start_year: 2020, horizon: 1, discount_rate: 0}
stakeholders: {g: G, h: H}
parameters:
  a: {dist: uniform, min: 0, max: 20}
  b: {dist: uniform, min: 50, max: 150}
  c: {dist: uniform, min: 0, max: 2}
costs: [{id: k, label: K, amount: 800, payer: g}]
effects:
  - {id: e, label: E, category: c, kind: fiscal, volume: a, value: b, beneficiaries: {g: 0.25, h: rest}}
  - {id: f, label: F, category: c, kind: social, volume: 1, value: c, beneficiaries: h}
"""


REPLICATES = 8


def replicate_check(run, truth: dict, names, indices=("S1", "ST")) -> dict:
    """Tolerances from the estimator's own spread: ``REPLICATES`` independent scrambles of the
    Sobol' design (randomised QMC) give each index's standard deviation sd; their mean must lie
    within 4 standard errors (4·sd/√R) of the closed form, and sd itself must be small, so the
    check cannot pass by being vague. (SALib's bootstrap interval, S1_conf, is no such check:
    on a QMC design it is ~100× wider than the actual error.) Returns {(name, index): sd}."""
    reps = [run(seed) for seed in range(REPLICATES)]
    spread = {}
    for name in names:
        for index in indices:
            values = np.array([r.parameters[name][index] for r in reps])
            sd = values.std(ddof=1)
            se = sd / np.sqrt(REPLICATES)
            assert abs(values.mean() - truth[name][index]) <= 4 * se, (name, index, values.mean(), truth[name][index], se)
            assert sd < 0.005, (name, index, sd)
            spread[name, index] = sd
    return spread


def test_product_case_sobol_matches_closed_form():
    case = mkba.load_case_text(PRODUCT)
    x, y = case.parameters["x"], case.parameters["y"]
    assert x.mean == pytest.approx(10, rel=1e-5) and x.sd == pytest.approx(2, rel=1e-5)
    truth = product_indices(x.mean, x.sd, y.mean, y.sd)
    spread = replicate_check(lambda seed: sobol.analyze(case, n=2**12, seed=100 + seed, num_resamples=2), truth, "xy")
    res = sobol.analyze(case, n=2**13, seed=3)
    for name in ("x", "y"):
        for index in ("S1", "ST"):  # one run of twice the size: within 4 sd of a half-size run
            assert res.parameters[name][index] == pytest.approx(truth[name][index], abs=4 * spread[name, index])
    assert truth["x"]["S1"] + truth["y"]["S1"] < 1  # the interaction is real
    assert res.parameters["y"]["ST"] > res.parameters["y"]["S1"]


def test_ishigami_through_the_generic_path():
    truth = {name: {"S1": ISHIGAMI_S1[name], "ST": ISHIGAMI_ST[name]} for name in ISHIGAMI_S1}
    spread = replicate_check(lambda seed: sobol_indices(ishigami, ishigami_parameters(), n=2**12, seed=100 + seed,
                                                        convergence=False, num_resamples=2), truth, truth)
    res = sobol_indices(ishigami, ishigami_parameters(), n=2**13, seed=1)
    for name in ("x1", "x2", "x3"):
        for index in ("S1", "ST"):
            assert res.parameters[name][index] == pytest.approx(truth[name][index], abs=4 * spread[name, index])
        assert res.parameters[name]["S1_conf"] > 0
    assert list(res.parameters) == ["x1", "x2", "x3"]  # by descending ST
    assert res.notes[-1].code == "sobol.convergence" and res.notes[-1].data["settled"] is True


def test_saltelli_reuse_equals_mapping_every_row():
    """The A/B reuse gives exactly the values of mapping SALib's whole design."""
    params = ishigami_parameters()
    seen = {}

    def capture(values):
        seen.update({k: v.copy() for k, v in values.items()})
        return ishigami(values)

    sobol_indices(capture, params, n=16, seed=4, convergence=False)
    from mkba.analysis.sensitivity.sobol import _int_seed

    problem = {"num_vars": 3, "names": list(params), "bounds": [[0, 1]] * 3}
    x = sobol_sample.sample(problem, 16, calc_second_order=False, scramble=True, seed=_int_seed(4, "sobol-design"))
    x = np.clip(x, 2.0**-53, 1 - 2.0**-53)
    for j, name in enumerate(params):
        assert np.array_equal(seen[name], params[name].ppf(x[:, j]))


def test_linear_case_tornado_is_exact():
    case = mkba.load_case_text(LINEAR)
    res = tornado.analyze(case)
    # base: a = 10, b = 100, c = 1 -> NPV = 10·100 + 1 − 800 = 201
    assert res.extra["base_output"] == pytest.approx(201)
    a = res.parameters["a"]
    assert (a["low"], a["high"]) == pytest.approx((2, 18))
    assert (a["output_low"], a["output_high"]) == pytest.approx((2 * 100 + 1 - 800, 18 * 100 + 1 - 800))
    assert a["swing"] == pytest.approx(1600)
    b = res.parameters["b"]
    assert b["swing"] == pytest.approx(10 * (140 - 60))
    assert list(res.parameters) == ["a", "b", "c"]
    g = tornado.analyze(case, output="net:g")  # g receives 25% of e and pays all costs
    assert g.parameters["a"]["swing"] == pytest.approx(0.25 * 1600)
    assert "c" in g.parameters and g.parameters["c"]["swing"] == 0


def test_linear_case_breakeven_and_target_bcr_are_exact():
    case = mkba.load_case_text(LINEAR)
    res = breakeven.analyze(case)
    assert res.parameters["a"]["value"] == pytest.approx(799 / 100, rel=1e-10)  # a·100 + 1 = 800
    assert res.parameters["a"]["quantile"] == pytest.approx(7.99 / 20, rel=1e-8)
    assert res.parameters["b"]["value"] == pytest.approx(79.9, rel=1e-10)
    assert res.parameters["c"]["value"] is None  # NPV stays positive for c in [0, 2]
    assert "stays above 0" in res.parameters["c"]["reason"]
    target = breakeven.analyze(case, target_bcr=1.2)
    assert target.output == "bcr"
    assert target.parameters["a"]["value"] == pytest.approx((1.2 * 800 - 1) / 100, rel=1e-10)
    assert target.parameters["b"]["value"] == pytest.approx((1.2 * 800 - 1) / 10, rel=1e-10)
    # c would need 1.2·800 − 1000 < 0: outside its range and below zero -> no value at all
    assert target.parameters["c"]["value"] is None


def test_breakeven_reports_value_outside_the_assumed_range():
    case = mkba.load_case_text(LINEAR.replace("a: {dist: uniform, min: 0, max: 20}", "a: {dist: uniform, min: 9, max: 11}"))
    res = breakeven.analyze(case, target_bcr=1.5)  # needs a = (1200 − 1)/100 = 11.99
    record = res.parameters["a"]
    assert record["value"] is None
    assert record["value_outside_range"] == pytest.approx(11.99, rel=1e-10)


def test_morris_ranks_the_dominant_parameter_first(tiny_case):
    # tiny_case (discount rate 0, cost 100 a year to g) with three linear effects of its own
    parameters = {"groot": {"dist": "uniform", "min": 0, "max": 1000},
                  "klein1": {"dist": "uniform", "min": 0, "max": 10},
                  "klein2": {"dist": "uniform", "min": 0, "max": 10}}
    effects = [{"id": f"e{i}", "label": f"E{i}", "category": "c", "kind": "social", "volume": 1, "value": name,
                "beneficiaries": "g"} for i, name in enumerate(parameters, start=1)]
    res = morris.analyze(tiny_case(parameters=parameters, effects=effects), n=20, seed=2)
    assert list(res.parameters)[0] == "groot"
    # linear model: elementary effect is exact, sigma 0, mu* = slope × range in quantile space
    assert res.parameters["groot"]["sigma"] == pytest.approx(0, abs=1e-6)
    assert res.parameters["groot"]["mu_star"] > 50 * res.parameters["klein1"]["mu_star"]


def test_de_kop_sensitivity_makes_sense(example_case):
    """On the example: household valuation and substitution economics drive the answer."""
    top_society = list(tornado.analyze(example_case).parameters)[:5]
    assert "waarde_zelfredzaamheid" in top_society
    assert "vermeden_kosten_maatwerk" in top_society
    top_municipality = list(tornado.analyze(example_case, output="net:gemeente").parameters)[:3]
    assert top_municipality[:2] == ["vermeden_kosten_maatwerk", "substitutie"]
    s = sobol.analyze(example_case, n=2**10, seed=1)
    assert sum(r["S1"] for r in s.parameters.values()) == pytest.approx(1.0, abs=0.1)  # near-additive
    assert any(note.code == "sobol.correlations" for note in s.notes)


def test_cli_sensitivity_json_and_errors(capsys, example_path):
    assert main(["sensitivity", str(example_path), "--method", "tornado", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"case", "scenario", "method", "output", "parameters", "notes"} <= set(out)
    first = next(iter(out["parameters"].values()))
    assert set(first) == {"low", "high", "output_low", "output_high", "swing"}
    swings = [r["swing"] for r in out["parameters"].values()]
    assert swings == sorted(swings, reverse=True)
    # notes: a code with its numbers for programs, and the Dutch sentence the report shows
    assert [n["code"] for n in out["notes"]] == ["tornado.quantiles", "tornado.correlations_ignored"]
    assert out["notes"][0]["low"] == 10 and out["notes"][0]["text"].startswith("Elke aanname op haar P10 en P90")
    assert main(["sensitivity", str(example_path), "--method", "sobol", "--n", "256", "--json", "--output", "net:gemeente"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(next(iter(out["parameters"].values()))) == {"S1", "S1_conf", "ST", "ST_conf"}
    assert main(["sensitivity", str(example_path), "--method", "breakeven", "--target-bcr", "1.2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["output"] == "bcr"
    for bad, message in ((["--method", "sobl"], "onbekende methode"), (["--method", "sobol", "--n", "1000"], "macht van twee"),
                         (["--output", "net:provincie"], "onbekende belanghebbende"), (["--output", "irr"], "onbekende uitkomst"),
                         (["--target-bcr", "1.2"], "hoort bij --method breakeven")):
        assert main(["sensitivity", str(example_path), *bad]) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err


def test_generic_path_rejects_bad_input():
    with pytest.raises(UsageError, match="power of two"):
        sobol_indices(ishigami, ishigami_parameters(), n=100)
    with pytest.raises(UsageError, match="does not vary"):
        sobol_indices(lambda v: np.zeros(len(v["x1"])), ishigami_parameters(), n=8)


VERSUS = LINEAR + """scenarios:
  s:
    label: S
    drop: [e]
    add:
      effects:
        - {id: g, label: G, category: c, kind: fiscal, volume: a, value: 90, beneficiaries: g}
"""


def test_versus_baseline_is_the_exact_difference():
    """s − baseline = (a·90 + c) − (a·b + c) = a (90 − b): c cancels, b switches at 90."""
    case = mkba.load_case_text(VERSUS)
    t = tornado.analyze(case, scenario="s", versus="baseline")
    assert t.extra["base_output"] == pytest.approx(10 * (90 - 100))
    assert (t.parameters["b"]["output_low"], t.parameters["b"]["output_high"]) == pytest.approx((10 * 30, 10 * -50))
    assert t.parameters["c"]["swing"] == pytest.approx(0, abs=1e-9)
    assert any(note.code == "versus.difference" and note.data == {"option": "s", "versus": "baseline"}
               for note in t.notes)
    b = breakeven.analyze(case, scenario="s", versus="baseline")
    assert b.parameters["b"]["value"] == pytest.approx(90, rel=1e-10)
    assert b.parameters["b"]["quantile"] == pytest.approx(0.4, rel=1e-8)
    assert b.extra["versus"] == "baseline"
    # the other way round is the negative difference with the same switching value
    back = breakeven.analyze(case, scenario=None, versus="s")
    assert back.parameters["b"]["value"] == pytest.approx(90, rel=1e-10)


def test_versus_rejects_meaningless_requests(capsys, example_path):
    case = mkba.load_case_text(VERSUS)
    with pytest.raises(UsageError, match="difference of benefit-cost ratios"):
        tornado.analyze(case, output="bcr", scenario="s", versus="baseline")
    with pytest.raises(UsageError, match="is the option being analysed"):
        tornado.analyze(case, scenario="s", versus="s")
    assert main(["sensitivity", str(example_path), "--versus", "s9"]) == 2
    assert "--versus s9: onbekende optie" in capsys.readouterr().err


def test_de_kop_switching_value_of_scenario_2(capsys, example_path):
    """How much reach may outreach lose before scenario 2 stops beating the baseline?"""
    assert main(["sensitivity", str(example_path), "--method", "breakeven", "--scenario", "s2-uitvoeringsvereisten",
                 "--versus", "baseline", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["versus"] == "baseline" and out["output"] == "npv"
    reach = out["parameters"]["bereik_zonder_outreach"]
    assert reach["value"] is not None and reach["value"] < out["parameters"]["bereik_zonder_outreach"]["base"]
