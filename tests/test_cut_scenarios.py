"""Template cuts as cuts (issue 23): the template's cut uses ``scale``, and ``mkba validate``
warns (in Dutch, not an error) when a scenario called a cut raises a cost."""

from __future__ import annotations

import yaml

from mkba.analysis.scenarios import cut_warnings
from mkba.data_in.cases import load_case
from mkba.faces import text_nl
from mkba.faces.cli import TEMPLATE, main


def test_the_template_cut_scales_and_stays_a_cut_when_the_budget_changes(tmp_path, capsys):
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    cut = data["scenarios"]["bezuiniging"]
    assert "set" not in cut and cut["scale"]["budget"] == 0.8
    data["parameters"]["budget"]["value"] = 700_000        # a lower budget: still a 20% cut
    path = tmp_path / "lager.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cut_warnings(load_case(path), text_nl.CUT_WORDS) == []
    assert main(["validate", str(path)]) == 0
    assert "bezuiniging" not in capsys.readouterr().err.lower()


def test_a_cut_written_as_a_fixed_amount_that_became_an_increase_is_warned(tmp_path, capsys):
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    data["parameters"]["budget"]["value"] = 700_000
    data["scenarios"]["bezuiniging"] = {"label": "Korting op de subsidie", "set": {"budget": 800_000}}
    path = tmp_path / "fout.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (w,) = cut_warnings(load_case(path), text_nl.CUT_WORDS)
    assert w.scenario == "bezuiniging" and w.scenario_value / w.base == 800_000 / 700_000
    assert main(["validate", str(path)]) == 0                # a warning, not an error
    err = " ".join(capsys.readouterr().err.split())
    assert err.startswith(text_nl.WARNING) and "Korting op de subsidie" in err and "scale" in err
    assert str(path) in err
    # the same scenario under a neutral name is not a cut: no warning
    data["scenarios"]["uitbreiding"] = data["scenarios"].pop("bezuiniging")
    data["scenarios"]["uitbreiding"]["label"] = "Meer subsidie"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert cut_warnings(load_case(path), text_nl.CUT_WORDS) == []
