"""Excel in and out (DESIGN §12): case workbooks, ``mkba convert``, result workbooks.

Round trips are proved on numbers: YAML → xlsx → YAML gives the identical ``run --json`` (and
the identical validated case) for the example case and for a case using every distribution
family, every optional field and every scenario operation. Result workbooks are read back and
compared with ``run --json`` / ``compare --json`` cell by cell, and their cells are numbers with
the intended number formats. Broken workbooks are rejected with the cell named, exit 2.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

import mkba
from mkba.data_in.cases import read_case_data
from mkba.faces import excel_out
from mkba.faces.cli import main

EVERYTHING = """
mkba: 1
case:
  id: alles
  title: "Elke verdeling en elke scenariobewerking"
  description: "Een casus die elk veld van formaat v1 gebruikt; ook een ; in tekst."
  start_year: 2024
  horizon: 4
  price_year: 2023
  discount_rate: voet
  optimism_bias: {costs: 0.05, benefits: ob_baten}
sources:
  bron-a: "Bron A; met puntkomma"
  bron-b: "=geen formule"
stakeholders:
  gemeente: Gemeente
  huishoudens: Huishoudens
  rijk: Rijk
parameters:
  voet: {value: 0.03, label: Discontovoet, unit: fractie, source: bron-a, note: "Vast."}
  ob_baten: {dist: uniform, min: 0.0, max: 0.1}
  budget: 100000
  vast_expliciet: {dist: fixed, value: 12.5}
  uni: {dist: uniform, min: 0.1, max: 0.3, base: 0.2, label: "Uniform aandeel"}
  tri: {dist: triangular, min: 100, mode: 150, max: 300}
  pert4: {dist: pert, min: 0.2, mode: 0.35, max: 0.45, calibrated: "Gekozen om de BCR 1,20 van 2019 na te bootsen."}
  pert_l: {dist: pert, min: 1000, mode: 2000, max: 5000, lambda: 6, unit: EUR, source: bron-b}
  nor: {dist: normal, mean: 500, sd: 50}
  nor_trunc: {dist: normal, mean: 0.5, sd: 0.2, min: 0.0, max: 1.0}
  logn: {dist: lognormal, mean: 1500, sd: 500}
  beta_ab: {dist: beta, alpha: 2, beta: 5}
  beta_ms: {dist: beta, mean: 30, sd: 5, min: 10, max: 60}
  beta_st: {dist: beta, successes: 37, trials: 104}
  gam_ms: {dist: gamma, mean: 3.5, sd: 1.25}
  gam_ss: {dist: gamma, shape: 2.0, scale: 0.123456789012345}
  disc: {dist: discrete, values: [1, 2.5, 4], probs: [0.2, 0.5, 0.3]}
  emp: {dist: empirical, values: [0.11, 0.13, 0.12, 0.17, 1.0e-7]}
  aandeel_gem: {dist: uniform, min: 0.5, max: 0.8}
  opstart: {dist: pert, min: 0.4, mode: 0.5, max: 0.7}
  factor: {dist: uniform, min: 0.7, max: 0.9}
correlations:
  - [uni, tri, 0.3]
  - [nor, logn, -0.2]
costs:
  - id: subsidie
    label: Subsidie
    amount: [budget, budget, 90000, 80000.5]
    payer: {gemeente: 0.75, rijk: rest}
    category: uitvoering
    source: bron-a
    note: "Per jaar."
  - id: eenmalig
    label: Eenmalige opstart
    amount: 25000
    payer: gemeente
    years: [0, 0]
  - id: een-jaar-lijst
    label: Lijst van één
    amount: 1000
    payer: {gemeente: 1}
effects:
  - id: substitutie
    label: Vermeden maatwerk
    category: substitutie
    kind: fiscal
    volume: [tri, 160, 170, tri]
    ramp_up: [opstart, 0.9, 1]
    share: pert4
    deadweight: beta_ab
    attribution: 0.8
    displacement: 0.05
    value: pert_l
    lag: 1
    persistence: 2
    drop_off: 0.25
    beneficiaries: {gemeente: aandeel_gem, huishoudens: rest}
    unit: trajecten
    source: bron-a
    note: "=begint met een is-teken"
  - id: welzijn
    label: Welzijn
    category: individuele hulp
    kind: social
    volume: logn
    ramp_up: [opstart]
    share: nor_trunc
    value: nor
    beneficiaries: huishoudens
  - id: overig
    label: Overig
    category: overig
    kind: economic
    volume: disc
    share: uni
    value: gam_ss
    deadweight: emp
    beneficiaries: rijk
  - id: nog-meer
    label: Nog meer
    category: overig
    kind: economic
    volume: [10, 10, 10, 10]
    value: beta_ms
    attribution: beta_st
    drop_off: 0.0
    beneficiaries: {rijk: 0.5, gemeente: 0.25, huishoudens: 0.25}
  - id: gamma-post
    label: Gamma
    category: overig
    kind: fiscal
    volume: gam_ms
    value: vast_expliciet
    beneficiaries: gemeente
scenarios:
  minder:
    label: "Minder budget"
    description: "Alles schalen."
    source: bron-a
    note: "Een notitie."
    set:
      budget: 80000
      pert4: {dist: pert, min: 0.1, mode: 0.2, max: 0.3, note: "Lager."}
    scale: {tri: 0.8, nor: factor}
    drop: [overig, eenmalig, pm-signalering]
    add:
      parameters:
        extra_kosten: {dist: triangular, min: -5000, mode: -3000, max: -1000}
      pm_posten:
        - {id: pm-minder, label: "Minder zichtbaar", stakeholder: gemeente, direction: negatief, effect: escalatie}
      costs:
        - {id: afbouw, label: Afbouw, amount: [0, 0, 5000, 5000], payer: gemeente}
      effects:
        - id: escalatie
          label: Escalatie
          category: gevolgen
          kind: fiscal
          volume: 5
          ramp_up: [0, 0, 1]
          value: extra_kosten
          beneficiaries: gemeente
  alleen-label:
    label: "Alleen een label"
    soort: gevoeligheid
pm_posten:
  - {id: pm-signalering, label: "Signalering", stakeholder: gemeente, direction: positief, note: "Niet te waarderen.",
     source: bron-a, effect: escalatie}
  - {label: "Wachtlijst", stakeholder: huishoudens, direction: negatief}
beperkingen:
  - "Lange termijn niet gewaardeerd."
  - "Geen verdringing op de arbeidsmarkt."
groepen:
  effect: [pert4, pert_l]
  welzijn: {label: "Onderzoek naar welzijn", parameters: [nor_trunc]}
report:
  target_bcr: 1.35
"""


def _run_json(capsys, path: Path, *extra: str) -> dict:
    capsys.readouterr()
    assert main(["run", str(path), "--draws", "1500", "--seed", "3", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _same_case(a, b) -> None:
    """Two validated cases are the same apart from where they were read from."""
    strip = {"path": None, "sha256": None}
    assert dataclasses.replace(a, **strip) == dataclasses.replace(b, **strip)


def _convert(capsys, source: Path, target: Path) -> None:
    assert main(["convert", str(source), str(target)]) == 0, capsys.readouterr().err


@pytest.fixture
def everything(tmp_path) -> Path:
    path = tmp_path / "alles.yaml"
    path.write_text(EVERYTHING, encoding="utf-8")
    return path


@pytest.mark.parametrize("which", ["example", "everything"])
def test_yaml_xlsx_yaml_round_trip_gives_identical_run_json(which, tmp_path, capsys, example_path, everything):
    source = example_path if which == "example" else everything
    book, back = tmp_path / "casus.xlsx", tmp_path / "terug.yaml"
    _convert(capsys, source, book)
    _convert(capsys, book, back)
    case = mkba.load_case(source)
    _same_case(case, mkba.load_case(book))
    _same_case(case, mkba.load_case(back))
    for scenario in ["baseline", *case.scenarios]:
        extra = ("--scenario", scenario)
        want = _run_json(capsys, source, *extra)
        assert _run_json(capsys, book, *extra) == want
        assert _run_json(capsys, back, *extra) == want
    # and the deterministic run (base values, e.g. 'base' of a parameter)
    want = _run_json(capsys, source, "--deterministic")
    assert _run_json(capsys, book, "--deterministic") == want
    # a second trip changes nothing: the workbook written from the YAML copy holds the same cells
    again = tmp_path / "nogmaals.xlsx"
    _convert(capsys, back, again)
    assert _cells(book) == _cells(again)


def _cells(path: Path) -> dict:
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb}


def test_every_field_survives_as_plain_data(tmp_path, capsys, everything):
    book = tmp_path / "alles.xlsx"
    _convert(capsys, everything, book)
    data, _, problems = read_case_data(book)
    original, _, _ = read_case_data(everything)
    assert problems == []
    # a bare number is a fixed parameter either way; everything else is identical data
    original["parameters"]["budget"] = {"value": 100000}
    assert data == original
    # exact floats survive the trip through the workbook
    assert data["parameters"]["gam_ss"]["scale"] == 0.123456789012345
    # PM-posten per option (id, effect, a scenario's own), group labels and the report's target (issue 18)
    case = mkba.load_case(book)
    assert [p.id for p in case.with_scenario("minder").pm_posten] == [None, "pm-minder"]
    assert case.pm_posten[0].effect == "escalatie" and case.group_label("welzijn") == "Onderzoek naar welzijn"
    assert case.group_label("effect") is None and case.target_bcr == 1.35
    assert data["parameters"]["emp"]["values"][-1] == 1.0e-7


def test_convert_says_when_a_number_has_more_digits_than_a_workbook_keeps(tmp_path, capsys, everything):
    precise = tmp_path / "precies.yaml"
    precise.write_text(EVERYTHING.replace("0.123456789012345}", "0.1234567890123456789}"), encoding="utf-8")
    capsys.readouterr()
    assert main(["convert", str(precise), str(tmp_path / "precies.xlsx")]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "parameters.gam_ss: leest anders terug" in err and err.count("let op") == 1
    _convert(capsys, everything, tmp_path / "alles.xlsx")
    assert "let op" not in capsys.readouterr().err


def test_workbook_layout_for_analysts(tmp_path, everything, capsys):
    book = tmp_path / "alles.xlsx"
    _convert(capsys, everything, book)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[:9] == ["Toelichting", "Case", "Bronnen", "Belanghebbenden", "Parameters", "Kosten",
                                 "Effecten", "Scenario's", "PM-posten"]
    params = wb["Parameters"]
    assert params.freeze_panes == "B2" and wb["Case"].freeze_panes == "A2"
    header = [c.value for c in params[1]]
    row = {c.value: i for i, c in enumerate(params["A"], start=1)}
    assert params.cell(row=row["tri"], column=header.index("mode") + 1).value == 150  # a number, not text
    assert params.cell(row=row["disc"], column=header.index("values") + 1).value == "1; 2.5; 4"
    assert params.column_dimensions["A"].width >= len("vast_expliciet")
    # per-year lists, splits and scenario rows read as an analyst would write them
    costs = wb["Kosten"]
    ch = [c.value for c in costs[1]]
    assert costs.cell(row=2, column=ch.index("amount") + 1).value == "budget; budget; 90000; 80000.5"
    assert costs.cell(row=2, column=ch.index("payer") + 1).value == "gemeente: 0.75; rijk: rest"
    assert costs.cell(row=4, column=ch.index("amount") + 1).value == 1000
    scen = [[c.value for c in r][:4] for r in wb["Scenario's"].iter_rows(min_row=2)]
    assert ["minder", "scale", "nor", "factor"] in scen and ["minder", "drop", "eenmalig", None] in scen
    assert ["minder", "set", "budget", 80000] in scen
    # data-validation lists: dist, kind, stakeholders (payer, beneficiaries, PM-posten), direction
    def lists(ws):
        return {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "pert" in lists(params)[chr(ord("A") + header.index("dist"))]
    effects = wb["Effecten"]
    eh = [c.value for c in effects[1]]
    ev = lists(effects)
    assert ev[chr(ord("A") + eh.index("kind"))] == '"fiscal,economic,social"'
    assert "Belanghebbenden" in ev[chr(ord("A") + eh.index("beneficiaries"))]
    pm = lists(wb["PM-posten"])
    assert pm["C"] == '"positief,negatief"' and "Belanghebbenden" in pm["B"]
    # the explanation sheet covers every column of every sheet
    text = " ".join(str(c.value) for row in wb["Toelichting"].iter_rows() for c in row if c.value)
    for column in ("ramp_up", "beneficiaries", "successes / trials", "scenario / bewerking", "drop"):
        assert column in text


def test_init_xlsx_writes_the_documented_template(tmp_path, capsys):
    book = tmp_path / "nieuw.xlsx"
    assert main(["init", "nieuw", "--xlsx", "--out", str(book)]) == 0
    yaml_twin = tmp_path / "nieuw.yaml"
    assert main(["init", "nieuw", "--out", str(yaml_twin)]) == 0
    _same_case(mkba.load_case(book), mkba.load_case(yaml_twin))
    assert _run_json(capsys, book) == _run_json(capsys, yaml_twin)
    assert "Toelichting" in openpyxl.load_workbook(book).sheetnames
    assert main(["init", "nieuw", "--xlsx", "--out", str(book)]) == 2  # never overwrites


def test_convert_refuses_to_overwrite_and_checks_the_input_first(tmp_path, capsys, example_path):
    book = tmp_path / "dk.xlsx"
    _convert(capsys, example_path, book)
    before = book.read_bytes()
    assert main(["convert", str(example_path), str(book)]) == 2
    assert book.read_bytes() == before
    assert main(["convert", str(example_path), str(book), "--overwrite"]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(example_path.read_text(encoding="utf-8").replace("max: 0.45", "max: 0.30", 1), encoding="utf-8")
    assert main(["convert", str(bad), str(tmp_path / "bad.xlsx")]) == 2
    assert not (tmp_path / "bad.xlsx").exists()
    assert main(["convert", str(example_path), str(tmp_path / "x.csv")]) == 2


# --------------------------------------------------------------------------------------------
# Broken workbooks: each rejected with the cell named, exit 2, no traceback
# --------------------------------------------------------------------------------------------
@pytest.fixture
def book(tmp_path, capsys, example_path) -> Path:
    path = tmp_path / "dk.xlsx"
    _convert(capsys, example_path, path)
    return path


def _find(ws, column: str, first_value: str) -> str:
    """Cell (e.g. ``E12``) in column ``column`` (by header) of the row whose A cell is ``first_value``."""
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[0].value == first_value:
            return row[header.index(column)].coordinate
    raise KeyError(first_value)


def _at(err: str, where: str) -> str:
    """The message reported at ``where`` (e.g. ``book.xlsx:Kosten!D2:``), up to the next one."""
    assert where in err, f"nothing reported at {where}: {err}"
    return err.split(where, 1)[1].split(" fout ", 1)[0]


def _errors(capsys, path: Path) -> str:
    capsys.readouterr()
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return " ".join(err.split())


def test_missing_sheet(book, capsys):
    wb = openpyxl.load_workbook(book)
    del wb["Parameters"]
    wb.save(book)
    err = _errors(capsys, book)
    assert f"{book}:Parameters: werkblad 'Parameters' ontbreekt" in err
    assert err.count("fout ") == 1  # not a cascade of unknown-parameter errors


def test_text_in_a_number_cell(book, capsys):
    wb = openpyxl.load_workbook(book)
    ws = wb["Parameters"]
    cell = _find(ws, "min", "substitutie")
    ws[cell] = "veel"
    other = _find(ws, "max", "doel_bereikt")
    ws[other] = "0,85"
    wb.save(book)
    err = _errors(capsys, book)
    assert f"{book}:Parameters!{cell}: 'veel' is tekst, maar hier hoort een getal" in err
    assert f"{book}:Parameters!{other}: '0,85' staat als tekst in de cel" in err
    # each bad cell is reported once (not again as "not a valid number")
    assert err.count(f"Parameters!{cell}") == 1 and err.count(f"Parameters!{other}") == 1


def test_unknown_stakeholder(book, capsys):
    wb = openpyxl.load_workbook(book)
    ws = wb["Kosten"]
    cell = _find(ws, "payer", "subsidie-structureel")
    ws[cell] = "gemeent"
    wb.save(book)
    err = _errors(capsys, book)
    assert "'gemeent'" in _at(err, f"{book}:Kosten!{cell}:")


def test_merged_cell(book, capsys):
    wb = openpyxl.load_workbook(book)
    wb["Effecten"].merge_cells("B3:C3")
    wb.save(book)
    err = _errors(capsys, book)
    assert f"{book}:Effecten!B3: samengevoegde cellen (B3:C3)" in err


def test_all_problems_at_once_each_at_its_cell(book, capsys):
    wb = openpyxl.load_workbook(book)
    params = wb["Parameters"]
    mode = _find(params, "mode", "substitutie")
    params[mode] = 0.9  # mode above max: a validation rule of build_case, located at the row
    name = _find(params, "naam", "substitutie")
    effects = wb["Effecten"]
    share = _find(effects, "share", "vermeden-maatwerk")
    effects[share] = "onbekend"
    wb["PM-posten"]["A2"] = "Signalering"
    wb["PM-posten"]["B2"] = "buren"
    wb["PM-posten"]["C2"] = "positief"
    wb["Scenario's"].merge_cells("F2:G2")
    amount = _find(wb["Kosten"], "amount", "subsidie-structureel")
    wb["Kosten"][amount] = datetime.date(2024, 1, 2)  # Excel turned "1-2" into a date
    wb.save(book)
    err = _errors(capsys, book)
    assert f"Kosten!{amount}: '2024-01-02 00:00:00' is een datum" in err
    # validation rules shared with YAML (their wording lives there), each at its cell
    assert "mode" in _at(err, f"Parameters!{name}:") and "(0,9)" in _at(err, f"Parameters!{name}:")
    assert "'onbekend'" in _at(err, f"Effecten!{share}:")
    assert "'buren'" in _at(err, "PM-posten!B2:")
    assert "Scenario's!F2: samengevoegde cellen" in err


def test_not_a_workbook(tmp_path, capsys):
    fake = tmp_path / "nep.xlsx"
    fake.write_text("geen werkmap", encoding="utf-8")
    assert "geen Excel-werkmap" in _errors(capsys, fake)
    assert "bestand niet gevonden" in _errors(capsys, tmp_path / "weg.xlsx")


# --------------------------------------------------------------------------------------------
# Result workbooks
# --------------------------------------------------------------------------------------------
def _same(x):
    """Equal to ``x`` as a workbook keeps it: openpyxl writes 16 significant digits."""
    return pytest.approx(x, rel=1e-15, abs=0)


def _table(ws, first_header: str) -> tuple[list[str], list[list]]:
    """The table whose header row starts with ``first_header``: (headers, rows of cells)."""
    rows = list(ws.iter_rows())
    for i, row in enumerate(rows):
        if row[0].value == first_header and row[0].font.bold and row[0].fill.fgColor.rgb.endswith("1F4E78"):
            headers = [c.value for c in row if c.value is not None]
            body = []
            for r in rows[i + 1:]:
                if r[0].value is None:
                    break
                body.append(list(r[:len(headers)]))
            return headers, body
    raise KeyError(first_header)


def test_run_xlsx_holds_the_numbers_of_run_json(tmp_path, capsys, example_path, example_case):
    out = tmp_path / "uitkomst.xlsx"
    want = _run_json(capsys, example_path)
    assert main(["run", str(example_path), "--draws", "1500", "--seed", "3", "--xlsx", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Samenvatting", "Belanghebbenden", "Posten", "Per jaar"]

    headers, rows = _table(wb["Samenvatting"], "Maatstaf")
    by_label = {r[0].value: r for r in rows}
    npv = by_label["Netto contante waarde"]
    for j, key in enumerate(("mean", "sd", "p05", "p50", "p95", "mcse"), start=1):
        assert npv[j].value == _same(want["metrics"]["npv"][key])
        assert npv[j].data_type == "n" and npv[j].number_format == excel_out.FMT_EUR
    bcr = by_label["Baten/kosten-verhouding per trekking"]
    assert bcr[1].value == _same(want["metrics"]["bcr"]["mean"]) and bcr[1].number_format == "0.00"
    pairs = {r[0].value: r[1] for r in wb["Samenvatting"].iter_rows() if r[0].value}
    assert pairs["Kans dat de baten de kosten overtreffen"].value == _same(want["metrics"]["prob_npv_positive"])
    assert pairs["Kans dat de baten de kosten overtreffen"].number_format == "0%"
    assert pairs["Baten/kosten-verhouding (verwacht)"].value == _same(want["metrics"]["bcr_of_means"])
    assert pairs["Discontovoet"].value == 0.0225 and pairs["Discontovoet"].number_format == "0.00%"

    headers, rows = _table(wb["Belanghebbenden"], "Belanghebbende")
    assert [r[0].value for r in rows] == [example_case.stakeholders[s] for s in want["stakeholders"]]
    for r, s in zip(rows, want["stakeholders"].values(), strict=True):
        assert r[3].value == _same(s["net"]["mean"]) and r[4].value == _same(s["net"]["p05"])
        assert all(c.data_type == "n" and c.number_format == excel_out.FMT_EUR for c in r[1:])

    headers, rows = _table(wb["Posten"], "Soort")
    effects = [r for r in rows if r[0].value == "effect"]
    assert [r[4].value for r in effects] == _same([s["pv"]["mean"] for s in want["lines"].values()])
    assert [r[7].value for r in effects] == _same([s["outcomes"]["mean"] for s in want["lines"].values()])
    costs = [r for r in rows if r[0].value == "kosten"]
    assert [r[4].value for r in costs] == _same([s["pv"]["mean"] for s in want["costs"].values()])

    headers, rows = _table(wb["Per jaar"], "Jaar")
    assert [r[0].value for r in rows] == want["yearly"]["years"]
    assert [r[1].value for r in rows] == pytest.approx(want["yearly"]["costs_mean"], rel=1e-12)
    assert [r[2].value for r in rows] == pytest.approx(want["yearly"]["benefits_mean"], rel=1e-12)
    assert all(r[0].number_format == "0" and r[3].number_format == excel_out.FMT_EUR for r in rows)


def test_deterministic_run_xlsx(tmp_path, capsys, example_path):
    out = tmp_path / "basis.xlsx"
    want = _run_json(capsys, example_path, "--deterministic")
    assert main(["run", str(example_path), "--deterministic", "--xlsx", str(out)]) == 0
    _, rows = _table(openpyxl.load_workbook(out)["Samenvatting"], "Maatstaf")
    npv = {r[0].value: r for r in rows}["Netto contante waarde"]
    assert npv[1].value == _same(want["metrics"]["npv"]) and npv[2].value is None  # no spread without draws


def test_compare_xlsx_holds_the_decision(tmp_path, capsys, example_path, example_case):
    out = tmp_path / "vergelijking.xlsx"
    capsys.readouterr()
    assert main(["compare", str(example_path), "--draws", "800", "--seed", "2", "--json"]) == 0
    want = json.loads(capsys.readouterr().out)
    assert main(["compare", str(example_path), "--draws", "800", "--seed", "2", "--xlsx", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Samenvatting", "Beslissing", "Belanghebbenden", "Posten", "Per jaar"]
    d = want["decision"]
    _, rows = _table(wb["Beslissing"], "Optie")
    options = list(d["prob_best"])  # the choices; a gevoeligheid scenario (kalibratie-2019) is not one
    labels = [want["labels"][o] for o in options]
    assert [r[0].value for r in rows] == labels
    for r, opt in zip(rows, options, strict=True):
        assert r[1].value == _same(d["expected_npv"][opt]) and r[1].number_format == excel_out.FMT_EUR
        assert r[2].value == _same(d["prob_best"][opt]) and r[2].number_format == "0%"
        assert r[3].value == _same(d["expected_loss"][opt])
    pairs = {r[0].value: r[1] for r in wb["Beslissing"].iter_rows() if r[0].value}
    assert pairs["Waarde van volledige informatie (EVPI)"].value == _same(d["evpi"])
    _, rows = _table(wb["Samenvatting"], "Optie")
    for r, run in zip(rows, want["scenarios"].values(), strict=True):
        assert r[1].value == _same(run["metrics"]["npv"]["mean"]) and r[6].value == _same(run["metrics"]["bcr_of_means"])
    # the scenario's added lines carry their labels from the case
    _, rows = _table(wb["Posten"], "Optie")
    assert "Eerder maatwerk door oplopende wachttijden" in {r[2].value for r in rows}


def test_xlsx_option_needs_an_xlsx_name(tmp_path, capsys, example_path):
    assert main(["run", str(example_path), "--draws", "100", "--xlsx", str(tmp_path / "uit.csv")]) == 2
    assert not (tmp_path / "uit.csv").exists()


def test_an_analyst_may_reorder_columns_use_decimal_commas_and_type_a_scenario(book, capsys, example_case):
    wb = openpyxl.load_workbook(book)
    # reverse the columns of the Parameters sheet: columns are found by their header
    ws = wb["Parameters"]
    grid = [[c.value for c in row] for row in ws.iter_rows()]
    for i, row in enumerate(grid, start=1):
        for j, value in enumerate(reversed(row), start=1):
            ws.cell(row=i, column=j).value = value  # (value=None in ws.cell() would keep the old value)
    # a ramp_up typed with decimal commas, and a new scenario typed row by row (no 'bewerking'
    # on the scenario's own row)
    effects = wb["Effecten"]
    ramp = _find(effects, "ramp_up", "vermeden-maatwerk")
    effects[ramp] = "opstart_2018; 1,0; 1; capaciteit_individueel_vanaf_2021"
    scen = wb["Scenario's"]
    last = scen.max_row
    for offset, row in enumerate([["s4-nieuw", None, None, None, "Scenario 4: halveren"],
                                  ["s4-nieuw", "set", "budget_incidenteel_vanaf_2021", 250000],
                                  ["s4-nieuw", "scale", "trajecten_vanaf_2020", 0.5],
                                  ["s4-nieuw", "drop", "buurtbemiddeling"]], start=1):
        for j, value in enumerate(row, start=1):
            scen.cell(row=last + offset, column=j, value=value)
    wb.save(book)
    case = mkba.load_case(book)
    assert case.parameters == example_case.parameters
    assert case.effects == example_case.effects
    s4 = case.scenarios["s4-nieuw"]
    assert s4.label == "Scenario 4: halveren" and s4.drop == ("buurtbemiddeling",)
    assert s4.scale == (("trajecten_vanaf_2020", 0.5),) and s4.set[0][1].value == 250000


def test_a_list_of_numbers_with_a_word_in_it(tmp_path, capsys, everything):
    book = tmp_path / "alles.xlsx"
    _convert(capsys, everything, book)
    wb = openpyxl.load_workbook(book)
    ws = wb["Parameters"]
    cell = _find(ws, "values", "disc")
    ws[cell] = "1; twee; 4"
    wb.save(book)
    err = _errors(capsys, book)
    assert f"Parameters!{cell}: 'twee' is geen getal" in err


def test_run_xlsx_discloses_optimism_bias_and_lists_pm_posten(tmp_path, capsys, everything):
    out = tmp_path / "alles-uit.xlsx"
    assert main(["run", str(everything), "--draws", "300", "--xlsx", str(out)]) == 0
    ws = openpyxl.load_workbook(out)["Samenvatting"]
    pairs = {r[0].value: r[1] for r in ws.iter_rows() if r[0].value}
    assert pairs["Optimism bias: opslag op de kosten"].value == 0.05
    assert pairs["Optimism bias: opslag op de kosten"].number_format == "0%"
    assert pairs["Optimism bias: korting op de baten"].value == "ob_baten"  # a parameter: named
    _, rows = _table(ws, "PM-post")
    assert [[c.value for c in r] for r in rows] == [["Signalering", "Gemeente", "positief", "Niet te waarderen."],
                                                    ["Wachtlijst", "Huishoudens", "negatief", None]]


def test_formulas_count_by_their_value_and_an_uncomputed_one_is_named(book, capsys, tmp_path, example_case):
    wb = openpyxl.load_workbook(book)
    ws = wb["Parameters"]
    cell = _find(ws, "max", "substitutie")
    ws[cell] = "=0.3+0.15"
    wb.save(book)
    # written by a program: no computed value stored, so the cell is named rather than read as empty
    err = _errors(capsys, book)
    assert f"Parameters!{cell}: deze formule heeft geen berekende waarde" in err
    # as a spreadsheet saves it (the formula with its value): the value counts
    index = wb.sheetnames.index("Parameters") + 1
    with zipfile.ZipFile(book) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = f"xl/worksheets/sheet{index}.xml"
    # openpyxl writes the empty value as <v /> or <v></v> depending on its version
    parts[sheet] = re.sub(rf'<c r="{cell}"><f>0\.3\+0\.15</f><v\s*(/>|></v>)</c>'.encode(),
                          f'<c r="{cell}"><f>0.3+0.15</f><v>0.45</v></c>'.encode(), parts[sheet])
    assert b"<v>0.45</v>" in parts[sheet]
    with zipfile.ZipFile(book, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    assert mkba.load_case(book).parameters["substitutie"] == example_case.parameters["substitutie"]


def test_toelichting_explains_every_column_of_every_sheet():
    from mkba.data_in import xlsx as layout
    from mkba.faces import text_nl

    documented: dict[str, set[str]] = {}
    for sheet, columns, text in text_nl.XLSX_EXPLANATION_ROWS:
        documented.setdefault(sheet, set()).update(c.strip() for c in columns.split("/"))
        documented[sheet].update(w.strip(",.:;()") for w in text.split())
    for sheet, columns in layout.COLUMNS.items():
        missing = [c.name for c in columns if c.name not in documented.get(sheet, set()) and c.name != "toelichting"]
        assert not missing, f"Toelichting lacks {sheet}: {missing}"
    case_fields = {c.name for c in layout.CASE_FIELDS}
    assert case_fields <= documented["Case"]


def test_reading_problems_carry_codes_that_the_faces_word_in_dutch(book):
    import string

    from mkba.core.errors import CaseError
    from mkba.data_in import xlsx as layout
    from mkba.faces import text_nl

    # every code has a Dutch wording with the same placeholders
    assert {f"xlsx.{code}" for code in layout.MESSAGES} <= set(text_nl.XLSX_MESSAGES) <= set(text_nl.PROBLEM_TEXT)
    for code, english in layout.MESSAGES.items():
        fields = {f for _, f, _, _ in string.Formatter().parse(english) if f}
        assert fields == {f for _, f, _, _ in string.Formatter().parse(text_nl.XLSX_MESSAGES[f"xlsx.{code}"]) if f}
    # the data layer returns the code and its values (no Dutch words below the faces)
    wb = openpyxl.load_workbook(book)
    wb["Kosten"].merge_cells("B2:C2")
    wb.save(book)
    with pytest.raises(CaseError) as info:
        mkba.load_case(book)
    problem = info.value.problems[0]
    assert (problem.code, problem.cell, problem.params) == ("xlsx.merged", "Kosten!B2", (("range", "B2:C2"),))
    assert problem.plain() == f"{book}:Kosten!B2: merged cells (B2:C2) cannot be read; unmerge them (one value per cell)"
    assert str(problem) == problem.plain()  # importing a face changes no global wording
    assert text_nl.render_problem(problem).startswith(f"{book}:Kosten!B2: samengevoegde cellen (B2:C2)")


def test_workbooks_keep_the_limits_of_yaml_case_files(book, tmp_path, capsys):
    from mkba.data_in import xlsx as layout

    wb = openpyxl.load_workbook(book)
    ws = wb["Parameters"]
    cell = _find(ws, "max", "vermeden_kosten_maatwerk")
    ws[cell] = 1e15
    amount = _find(wb["Kosten"], "amount", "subsidie-incidenteel")
    wb["Kosten"][amount] = "budget_incidenteel; 1e400; 0; 0; 0"
    wb.save(book)
    err = _errors(capsys, book)
    assert "niet plausibel groot" in _at(err, f"Parameters!{cell}:")
    assert "geen eindig getal" in _at(err, f"Kosten!{amount}:")
    # a file beyond the size limit, or a zip that unpacks to far more, is refused before reading
    big = tmp_path / "groot.xlsx"
    big.write_bytes(b"\0" * (layout.MAX_FILE_BYTES + 1))
    assert "hoogstens 5 MB" in _errors(capsys, big)
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w") as entry:
            for _ in range(layout.MAX_UNPACKED_BYTES // 2**20 + 1):
                entry.write(b"\0" * 2**20)
    assert "pakt uit tot meer dan" in _errors(capsys, bomb)


DRAWS_CASE = """
mkba: 1
include: [extra.yaml]
case: {id: trekkingen, title: Trekkingen uit een bestand, start_year: 2023, horizon: 2}
stakeholders: {gemeente: Gemeente}
parameters:
  vermeden: {dist: draws, file: trekkingen.csv, column: begeleiding_vermeden_2023, order: resample, label: Vermeden}
costs:
  - {id: kosten, label: Kosten, amount: budget, payer: gemeente}
effects:
  - {id: e, label: E, category: c, kind: fiscal, volume: 40, value: vermeden, beneficiaries: gemeente}
"""


def test_round_trip_keeps_include_and_draws_files(tmp_path, capsys, example_path):
    """``include:`` stays a reference and ``dist: draws`` a row with file/column/order."""
    import shutil

    data = example_path.parent / "data"
    shutil.copy(data / "monitor_weststellingwerf_trekkingen.csv", tmp_path / "trekkingen.csv")
    (tmp_path / "extra.yaml").write_text("mkba: 1\nparameters:\n  budget: {value: 250000}\n", encoding="utf-8")
    source = tmp_path / "casus.yaml"
    source.write_text(DRAWS_CASE, encoding="utf-8")
    book, back = tmp_path / "casus.xlsx", tmp_path / "terug.yaml"
    _convert(capsys, source, book)
    _convert(capsys, book, back)
    want = _run_json(capsys, source)
    assert want["metrics"]["pv_benefits"]["sd"] > 0  # the draws file is used
    assert _run_json(capsys, book) == want and _run_json(capsys, back) == want
    text = back.read_text(encoding="utf-8")
    assert "include: [extra.yaml]" in text and "file: trekkingen.csv" in text and "250000" not in text
