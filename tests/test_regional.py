"""Regional comparison: cases side by side in one CPI-indexed price year (analysis) and the
`mkba vergelijk` report (papermill → HTML, atomic run folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mkba
from mkba.analysis.regional import compare_regions
from mkba.core.errors import UsageError
from mkba.data_in.unit_costs import load_cpi
from mkba.faces.cli import main

ROOT = Path(__file__).resolve().parent.parent
PATHS = [ROOT / "parameters" / f"{n}.yaml" for n in ("de_kop", "midden_drenthe", "westerveld")]


@pytest.fixture(scope="module")
def cases():
    return [mkba.load_case(p) for p in PATHS]


def test_money_is_indexed_and_ratios_are_not(cases):
    cmp = compare_regions(cases[:2], draws=400, seed=2, price_year=2024)
    cpi = load_cpi()
    assert cmp.price_year == 2024 and "indexed" in cmp.notes
    for case, region in zip(cases[:2], cmp.regions, strict=True):
        own = mkba.simulate(case, draws=400, seed=2).summary()["metrics"]
        f = cpi.factor(case.price_year, 2024)
        assert region.cpi_factor == f
        assert region.pv_costs["mean"] == pytest.approx(own["pv_costs"]["mean"] * f, rel=1e-12)
        assert region.npv["p05"] == pytest.approx(own["npv"]["p05"] * f, rel=1e-12)
        assert region.bcr == own["bcr"] and region.prob_npv_positive == own["prob_npv_positive"]
        assert sum(region.benefit_shares.values()) == pytest.approx(1.0)
        assert len(region.drivers) == 3
        assert region.drivers[0]["swing"] >= region.drivers[1]["swing"] >= region.drivers[2]["swing"]
    # De Kop (prices of 2018) is raised by CPI 2024/2018
    assert cmp.regions[0].cpi_factor == pytest.approx(130.26 / 103.44, rel=1e-12)
    # Midden-Drenthe's top driver is the scope of its costs
    assert cmp.regions[1].drivers[0]["name"] == "aandeel_gemodelleerde_diensten"
    assert cmp.regions[1].cost_scope == ("organisatie+aandeel",)


def test_bad_requests_are_clear(cases):
    with pytest.raises(UsageError, match="listed twice"):
        compare_regions([cases[0], cases[0]], draws=100)
    with pytest.raises(UsageError, match="no CPI annual figure for 1990"):
        compare_regions(cases[:1], draws=100, price_year=1990)


def test_vergelijk_builds_a_report_with_every_organisation(tmp_path, capsys, cases):
    code = main(["vergelijk", *map(str, PATHS), "--draws", "300", "--out", str(tmp_path)])
    assert code == 0, capsys.readouterr().err
    (run,) = [p for p in (tmp_path / "regio").iterdir()]
    assert not run.name.startswith(".bezig") and not run.name.endswith("mislukt")
    names = {p.name for p in run.iterdir()}
    assert {"index.html", "regionale_vergelijking.html", "regionale_vergelijking.ipynb", "vergelijking.json",
            "manifest.json"} <= names
    html = (run / "regionale_vergelijking.html").read_text(encoding="utf-8")
    for case in cases:
        assert case.title in html
    assert "Kanttekeningen vooraf" in html and "Wie profiteert" in html and "Wat drijft de uitkomst" in html
    data = json.loads((run / "vergelijking.json").read_text(encoding="utf-8"))
    assert data["price_year"] == 2025 and [r["case_id"] for r in data["regions"]] == [c.id for c in cases]
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    assert [c["sha256"] for c in manifest["cases"]] == [c.sha256 for c in cases]


def test_vergelijk_refuses_one_case_without_traceback(tmp_path, capsys):
    assert main(["vergelijk", str(PATHS[0]), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "minstens 2 casusbestanden" in err and "Traceback" not in err
    assert not (tmp_path / "regio").exists()
