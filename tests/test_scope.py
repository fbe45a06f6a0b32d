"""Cost-line scope: `scope: organisatie|diensten` and `aandeel` (the modelled services' share of
an organisation budget), with a validation warning when a whole budget meets partial effects."""

from __future__ import annotations

import pytest

import mkba
from mkba.core.case import scope_warnings
from mkba.core.errors import CaseError
from mkba.core.reference import evaluate_draw
from mkba.core.results import deterministic
from mkba.faces.cli import main

CASE = """
mkba: 1
case: {id: s, title: S, start_year: 2024, horizon: 2, discount_rate: 0.1}
sources: {bron: Bron}
stakeholders: {gemeente: Gemeente}
parameters:
  budget: {value: 1000, source: bron}
  deel: {dist: uniform, min: 0.4, max: 0.6, note: aanname}
costs:
  - {id: org, label: Budget organisatie, amount: budget, payer: gemeente COSTFIELDS}
effects:
  - {id: e, label: E, category: c, kind: fiscal, volume: 1, value: 600, beneficiaries: gemeente}
"""


def case(fields: str = ""):
    return mkba.load_case_text(CASE.replace("COSTFIELDS", fields), "s.yaml")


def test_aandeel_scales_the_cost_in_engine_and_reference():
    c = case(", scope: organisatie, aandeel: deel")
    det = deterministic(c).summary()["metrics"]
    # PV costs = 1000·0,5 + 1000·0,5/1,1 (base of uniform(0,4; 0,6) is its mean 0,5)
    expected = 500 + 500 / 1.1
    assert det["pv_costs"] == pytest.approx(expected, rel=1e-12)
    assert evaluate_draw(c, {"budget": 1000, "deel": 0.5})["pv_costs"] == pytest.approx(expected, rel=1e-12)
    # per draw: the engine charges budget × deel, exactly as the scalar reference does
    res = mkba.simulate(c, draws=200, seed=3)
    deel = res.column("param.deel")
    assert res.column("pv_costs") == pytest.approx(1000 * deel * (1 + 1 / 1.1), rel=1e-12)
    for i in (0, 57, 199):
        ref = evaluate_draw(c, {"budget": 1000, "deel": float(deel[i])})
        assert res.column("npv")[i] == pytest.approx(ref["npv"], rel=1e-12)
    # a fixed aandeel of 0,25 quarters the cost and so quadruples the BCR
    full = deterministic(case()).summary()["metrics"]
    quarter = deterministic(case(", aandeel: 0.25")).summary()["metrics"]
    assert quarter["bcr"] == pytest.approx(4 * full["bcr"], rel=1e-12)
    assert c.costs[0].scope == "organisatie"
    assert case(", aandeel: 0.25").costs[0].scope == "organisatie"  # aandeel implies organisatie
    assert "deel" in c.used_parameters()


def test_warning_only_for_a_whole_organisation_budget_without_aandeel():
    assert scope_warnings(case()) == []                       # not declared: nothing to say
    assert scope_warnings(case(", scope: diensten")) == []
    assert scope_warnings(case(", scope: organisatie, aandeel: deel")) == []
    (w,) = scope_warnings(case(", scope: organisatie"))
    assert (w.code, w.line_id, w.scenario) == ("budget-hele-organisatie", "org", "baseline")


@pytest.mark.parametrize("fields, path, code, dutch", [
    (", scope: diensten, aandeel: 0.5", "costs[0].aandeel", "scope.aandeel_with_diensten", "met 'scope: diensten'"),
    (", aandeel: 1.5", "costs[0].aandeel", "range.number", "aandeel in [0; 1]"),
    (", scope: alles", "costs[0].scope", None, "'organisatie' of 'diensten'"),
    (", aandeel: onbekend", "costs[0].aandeel", "ref.parameter", "onbekende parameter 'onbekend'"),
])
def test_bad_scope_is_located(fields, path, code, dutch):
    from mkba.faces.text_nl import render_problem

    with pytest.raises(CaseError) as info:
        case(fields)
    (problem,) = info.value.problems
    assert problem.file == "s.yaml" and problem.line == 10 and problem.path == path
    if code is not None:
        assert problem.code == code
    assert dutch in render_problem(problem)


def test_validate_prints_the_dutch_warning_and_still_succeeds(tmp_path, capsys):
    path = tmp_path / "s.yaml"
    path.write_text(CASE.replace("COSTFIELDS", ", scope: organisatie"), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    err = capsys.readouterr().err
    assert "let op" in err and "costs.org" in err and "budget van de hele organisatie" in err and "aandeel:" in err
    path.write_text(CASE.replace("COSTFIELDS", ", scope: organisatie, aandeel: deel"), encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert "hele organisatie" not in capsys.readouterr().err
