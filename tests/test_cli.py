"""The command line as a user meets it: JSON shapes, Dutch tables, the template."""

from __future__ import annotations

import json

import pytest

import mkba
from mkba.faces.cli import main

S_KEYS = {"mean", "sd", "p05", "p50", "p95", "mcse"}


def run_json(capsys, *args):
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_run_json_has_the_contract_shape(capsys, example_path):
    out = run_json(capsys, "run", str(example_path), "--draws", "2000", "--seed", "4", "--json")
    assert {"case", "scenario", "draws", "seed", "horizon", "discount_rate", "metrics", "stakeholders", "lines"} <= set(out)
    assert out["case"] == "de-kop" and out["scenario"] == "baseline" and out["draws"] == 2000 and out["seed"] == 4
    for key in ("npv", "bcr", "pv_costs", "pv_benefits"):
        assert set(out["metrics"][key]) >= S_KEYS
    assert isinstance(out["metrics"]["bcr_of_means"], float)
    assert 0 <= out["metrics"]["prob_npv_positive"] <= 1
    assert set(out["stakeholders"]) == {"gemeente", "huishoudens", "zorgverzekeraars", "samenleving"}
    for s in out["stakeholders"].values():
        assert set(s["net"]) >= S_KEYS
    for line in out["lines"].values():
        assert set(line["pv"]) >= S_KEYS and set(line["outcomes"]) >= S_KEYS


def test_run_json_equals_python_api(capsys, example_path, example_case):
    out = run_json(capsys, "run", str(example_path), "--draws", "3000", "--seed", "9", "--json", "--chunk-size", "700")
    api = json.loads(json.dumps(mkba.simulate(example_case, draws=3000, seed=9).summary()))
    # per-year means are sums streamed over chunks: equal to rounding (DESIGN §4: 1e-12)
    yearly_out, yearly_api = out.pop("yearly"), api.pop("yearly")
    assert out == api
    for key in ("costs_mean", "benefits_mean"):
        assert yearly_out[key] == pytest.approx(yearly_api[key], rel=1e-12)


def test_run_deterministic_json(capsys, example_path, example_case):
    out = run_json(capsys, "run", str(example_path), "--deterministic", "--json")
    assert isinstance(out["metrics"]["npv"], float)
    assert out["metrics"]["npv"] == pytest.approx(out["metrics"]["pv_benefits"] - out["metrics"]["pv_costs"])
    assert out["metrics"]["bcr"] == pytest.approx(out["metrics"]["bcr_of_means"])


def test_run_table_is_dutch(capsys, example_path):
    assert main(["run", str(example_path), "--draws", "2000"]) == 0
    text = " ".join(capsys.readouterr().out.replace("\u00a0", " ").split())
    assert "Elke geïnvesteerde euro levert naar verwachting €" in text
    assert "kans dat de baten de kosten overtreffen" in text
    assert "Maatschappij (contante waarde)" in text and "Per belanghebbende" in text


def test_init_writes_a_template_that_validates_and_runs(tmp_path, capsys):
    target = tmp_path / "mijn-gemeente.yaml"
    assert main(["init", "mijn-gemeente", "--out", str(target)]) == 0
    case = mkba.load_case(target)
    assert case.id == "mijn-gemeente" and case.scenarios
    res = mkba.simulate(case, draws=500, seed=1).summary()
    assert res["metrics"]["pv_costs"]["mean"] > 0
    # never overwrites
    before = target.read_text()
    assert main(["init", "mijn-gemeente", "--out", str(target)]) == 2
    assert target.read_text() == before
    assert "bestaat al" in capsys.readouterr().err
    assert main(["init", "Mijn Gemeente"]) == 2
