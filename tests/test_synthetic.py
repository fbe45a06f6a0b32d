"""Synthetic data said (issue 22): the example registrations carry a marker; an estimate written
from them carries synthetic: true; a case that includes it says so in mkba run and its reports."""

from __future__ import annotations

import json

import yaml

import mkba
from mkba.data_in.synthetic import is_synthetic, synthetic_includes
from mkba.faces import report_data, text_nl
from mkba.faces.cli import main

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
DATA = ROOT / "parameters" / "data"


def test_the_example_registrations_are_marked_and_their_estimate_says_so():
    assert is_synthetic(DATA / "registraties_de_kop.csv")
    assert not is_synthetic(DATA / "monitor_weststellingwerf.csv")          # real numbers
    committed = yaml.safe_load((DATA / "registraties_de_kop.yaml").read_text(encoding="utf-8"))
    assert committed["estimate"]["synthetic"] is True


def test_estimate_carries_the_marker_or_the_option(tmp_path, capsys):
    marked = DATA / "registraties_de_kop.csv"
    assert main(["estimate", "registraties", str(marked), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["synthetic"] is True
    plain = tmp_path / "echt.csv"
    lines = marked.read_text(encoding="utf-8").splitlines()
    plain.write_text("\n".join(lines[1:]) + "\n", encoding="utf-8")            # without the marker line
    assert main(["estimate", "registraties", str(plain), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert "synthetic" not in doc
    out = tmp_path / "est.yaml"
    assert main(["estimate", "registraties", str(plain), "--synthetisch", "--out", str(out)]) == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["estimate"]["synthetic"] is True
    capsys.readouterr()
    # the marker line does not shift the rows a problem is reported at
    assert main(["estimate", "registraties", str(marked), "--json"]) == 0
    with_marker = json.loads(capsys.readouterr().out)
    assert with_marker["excluded"] == doc["excluded"] and with_marker["rows"] == doc["rows"]


def test_run_and_reports_say_synthetic(capsys):
    case = mkba.load_case(ROOT / "parameters" / "de_kop_data.yaml")
    assert synthetic_includes(case) == ["registraties_de_kop.yaml"]
    note = report_data.synthetic_note(case)
    assert note == text_nl.synthetic_sentence(["registraties_de_kop.yaml"]) and "synthetische" in note
    assert report_data.synthetic_note(mkba.load_case(ROOT / "parameters" / "de_kop.yaml")) is None
    assert main(["run", str(ROOT / "parameters" / "de_kop_data.yaml"), "--draws", "200"]) == 0
    assert "synthetische voorbeelddata" in capsys.readouterr().out
    assert main(["run", str(ROOT / "parameters" / "de_kop_data.yaml"), "--draws", "200", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["synthetic_data"] == ["registraties_de_kop.yaml"]
    assert main(["run", str(ROOT / "parameters" / "de_kop.yaml"), "--draws", "200", "--json"]) == 0
    assert "synthetic_data" not in json.loads(capsys.readouterr().out)


def test_every_report_notebook_shows_it_in_its_headline():
    for name in ("mkba_report.ipynb", "scenario_comparison.ipynb"):
        nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
        code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
        first = next(i for i, src in enumerate(code) if "load_case" in src)
        assert "report_data.show_synthetic(case)" in code[first + 1], name
