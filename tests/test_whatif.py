"""--set NAME=VALUE and --discontovoet X (issue 19, DESIGN §15): closed forms per draw, common
random numbers for the parameters left uncertain, the scenario overlay order, validation, and
outputs that stay byte-identical when nothing is set."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

import mkba
from mkba.analysis.whatif import parse_assignment, parse_assignments, with_overrides
from mkba.core.errors import UsageError
from mkba.core.io import to_json
from tests.conftest import CASES, ROOT

CASE = CASES / "wat_als.yaml"


@pytest.fixture(scope="module")
def case():
    return mkba.load_case(CASE)


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkba.faces.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_set_values_give_the_closed_form_per_draw_and_keep_other_draws(case):
    plain = mkba.simulate(case, draws=2000, seed=7)
    fixed = mkba.simulate(with_overrides(case, {"w": 200, "s": 0.5}), draws=2000, seed=7)
    v = fixed.column("param.v")
    np.testing.assert_array_equal(v, plain.column("param.v"))       # v keeps its draws (same uniforms)
    np.testing.assert_array_equal(fixed.column("param.n"), plain.column("param.n"))
    assert "param.w" not in fixed.store.columns and "param.s" not in fixed.store.columns  # no longer uncertain
    np.testing.assert_allclose(fixed.column("effect.minder-zorg.pv"), v * 0.5 * 200 * (1 + 1 / 1.1), rtol=1e-12)
    assert np.std(v) > 1  # the others stay uncertain


def test_discount_rate_override_closed_form(case):
    res = mkba.simulate(with_overrides(case, discount_rate=0.0), draws=500, seed=3)
    np.testing.assert_allclose(res.column("pv_costs"), 2000.0)    # 2 years × 1000, undiscounted
    s = res.summary()
    assert s["discount_rate"] == 0.0 and s["set_discount_rate"] == 0.0 and "set" not in s


def test_set_wins_over_the_scenario_set_and_the_scale_still_applies(case):
    res = mkba.simulate(with_overrides(case, {"budget": 800, "v": 20}), draws=200, seed=1, scenario="halveren")
    np.testing.assert_allclose(res.column("cost.subsidie.pv"), 800 * (1 + 1 / 1.1))   # not the scenario's 500
    s = res.column("param.s")
    w = res.column("param.w")
    np.testing.assert_allclose(res.column("effect.minder-zorg.pv"), 20 * 0.5 * s * w * (1 + 1 / 1.1), rtol=1e-12)
    # a scenario that replaces a distribution is overruled too
    hoog = mkba.simulate(with_overrides(case, {"w": 120}), draws=200, seed=1, scenario="hoge-waarde")
    assert "param.w" not in hoog.store.columns


def test_compare_and_deterministic_record_the_set(case):
    c = with_overrides(case, {"s": 0.4})
    summary = mkba.compare(c, draws=200, seed=1).summary()
    assert summary["set"] == {"s": 0.4}
    assert all(opt["set"] == {"s": 0.4} for opt in summary["scenarios"].values())
    det = mkba.deterministic(c).summary()
    assert det["set"] == {"s": 0.4}


def test_nothing_set_is_the_same_case_and_no_key(case):
    assert with_overrides(case) is case and with_overrides(case, {}, None) is case
    s = mkba.simulate(case, draws=100, seed=1).summary()
    assert "set" not in s and "set_discount_rate" not in s


@pytest.mark.parametrize("name,value", [("s", 0.0), ("s", 1.0), ("w", 100), ("w", 300), ("v", 10), ("v", 30),
                                        ("n", -1e6), ("n", 1e9), ("budget", 250), ("budget", -5), ("schaal", 2)])
def test_inclusive_bounds_fixed_and_unbounded_accept(case, name, value):
    assert with_overrides(case, {name: value}).parameters[name].value == value


@pytest.mark.parametrize("name,value,code", [("s", 1.0001, "analysis.set_outside"), ("w", 99.9, "analysis.set_outside"),
                                             ("v", 31, "analysis.set_outside"), ("n", float("inf"), "analysis.set_not_finite"),
                                             ("budget", float("nan"), "analysis.set_not_finite"),
                                             ("onbekend", 1, "analysis.set_unknown")])
def test_bad_values_are_refused_with_a_code(case, name, value, code):
    with pytest.raises(UsageError) as err:
        with_overrides(case, {name: value})
    assert err.value.code == code


def test_bad_discount_rates(case):
    for rate in (float("nan"), 1.5, -0.6):
        with pytest.raises(UsageError) as err:
            with_overrides(case, discount_rate=rate)
        assert err.value.code == "analysis.set_discount_rate"


def test_parse_assignments():
    assert parse_assignment("s=0,25") == ("s", 0.25)
    assert parse_assignments(["a=1", "b=2e3", "a=3"]) == {"b": 2000.0, "a": 3.0}
    for bad in ("s", "=1", "s=", "s=abc"):
        with pytest.raises(UsageError):
            parse_assignment(bad)


def test_cli_json_byte_identical_without_set_and_records_it_with(case):
    plain = cli("run", str(CASE), "--draws", "300", "--json")
    assert plain.returncode == 0
    assert plain.stdout == to_json(mkba.simulate(case, draws=300, seed=1).summary()) + "\n"
    assert '"set"' not in plain.stdout
    setrun = cli("run", str(CASE), "--draws", "300", "--json", "--set", "w=200", "--set", "s=0.5",
                 "--discontovoet", "0.05", "-s", "halveren")
    assert setrun.returncode == 0, setrun.stderr
    expected = mkba.simulate(with_overrides(case, {"w": 200, "s": 0.5}, 0.05), draws=300, seed=1, scenario="halveren")
    assert setrun.stdout == to_json(expected.summary()) + "\n"
    data = json.loads(setrun.stdout)
    assert data["set"] == {"w": 200.0, "s": 0.5} and data["set_discount_rate"] == 0.05
    cmp = cli("compare", str(CASE), "--draws", "200", "--json")
    assert '"set"' not in cmp.stdout and cmp.returncode == 0
    cmp_set = cli("compare", str(CASE), "--draws", "200", "--json", "--set", "v=12")
    assert json.loads(cmp_set.stdout)["set"] == {"v": 12.0}


def test_cli_errors_are_located_dutch_exit_2():
    out = cli("run", str(CASE), "--set", "s=1.5")
    assert out.returncode == 2
    assert "buiten het bereik van 'Substitutie'" in out.stderr and "parameters.s" in out.stderr
    assert "wat_als.yaml" in out.stderr and "Traceback" not in out.stderr
    out = cli("compare", str(CASE), "--set", "x=1")
    assert out.returncode == 2 and "geen parameter met die naam" in out.stderr
    out = cli("sensitivity", str(CASE), "--set", "s")
    assert out.returncode == 2 and "NAAM=WAARDE" in out.stderr
    out = cli("report", str(CASE), "--discontovoet", "2")
    assert out.returncode == 2 and "discontovoet" in out.stderr


def test_sensitivity_leaves_a_set_parameter_out_and_records_it():
    out = cli("sensitivity", str(CASE), "--json", "--set", "w=150")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert "w" not in data["parameters"] and data["set"] == {"w": 150.0}
    plain = json.loads(cli("sensitivity", str(CASE), "--json").stdout)
    assert "w" in plain["parameters"] and "set" not in plain


def test_report_headline_provenance_and_notebook_parameters(case, tmp_path):
    from mkba.faces import report, report_data, text_nl

    c = with_overrides(case, {"s": 0.25, "budget": 800}, 0.03)
    lines = [x.replace("\xa0", " ") for x in report_data.board_summary(mkba.simulate(c, draws=200, seed=1))]
    assert lines[0].startswith("Bij een substitutie van 25%, een budget van € 800 per jaar en een discontovoet "
                               "van 3%, voor de maatschappij: elke geïnvesteerde euro")
    assert lines[1].startswith("Bij een substitutie van 25%") and "voor Gemeente zelf" in lines[1]
    frame = report_data.provenance_frame(report_data.provenance(c, 200, 1, None))
    row = frame[frame["Gegeven"] == text_nl.WHATIF_PROVENANCE]["Waarde"].tolist()
    assert [r.replace("\xa0", " ") for r in row] == [
        "Een substitutie van 25%, een budget van € 800 per jaar en een discontovoet van 3% "
        "(--set s=0.25 --set budget=800 --discontovoet 0.03)"]
    plain = report_data.provenance_frame(report_data.provenance(case, 200, 1, None))
    assert text_nl.WHATIF_PROVENANCE not in plain["Gegeven"].tolist()
    assert report_data.board_summary(mkba.simulate(case, draws=200, seed=1))[0].startswith("Voor de maatschappij")
    jobs = report.plan_notebooks(c, CASE, None, False, 200, 1, 64, 1, {"zet": {"s": 0.25}, "discontovoet": 0.03})
    report.check_notebook_parameters(jobs)  # both notebooks declare zet and discontovoet
    assert all(j.parameters["zet"] == {"s": 0.25} for j in jobs)


def test_a_set_parameter_leaves_the_evppi_groups(example_case):
    from mkba.faces import report_data

    c = with_overrides(example_case, {"substitutie": 0.3})
    assert "substitutie" not in c.groepen["substitutie_meting"]
    assert set(c.groepen["substitutie_meting"]) == set(example_case.groepen["substitutie_meting"]) - {"substitutie"}
    cmp = mkba.compare(c, draws=600, seed=1)
    tables = report_data.evppi_tables(cmp, ["society"], max_draws=600)  # as the comparison report does
    assert "substitutie" not in [e.name for e in tables["society"].estimates]
    assert with_overrides(example_case, {"substitutie": 0.3, "deadweight_substitutie": 0.2,
                                         "vermeden_kosten_maatwerk": 3000}).groepen.get("substitutie_meting") is None


def test_report_with_set_says_it_in_headline_provenance_and_manifest(tmp_path, example_path):
    from mkba.faces.report import build_report

    folder = build_report(example_path, draws=200, seed=1, out=tmp_path, sobol_n=32,
                          set_values={"substitutie": 0.3}, discount_rate=0.03)
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "Bij een aandeel trajecten dat maatwerk vervangt (substitutie) van 30% en een discontovoet van 3%, " \
           "voor de maatschappij: elke" in index
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["set"] == {"substitutie": 0.3} and manifest["set_discount_rate"] == 0.03
    page = (folder / "rapport-basis.html").read_text(encoding="utf-8")
    assert "Vastgezet (wat als?)" in page
    assert "Een aandeel trajecten dat maatwerk vervangt (substitutie) van 30% en een discontovoet van 3% " \
           "(--set substitutie=0.3 --discontovoet 0.03)" in page
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["set"] == {"substitutie": 0.3} and summary["discount_rate"] == 0.03
