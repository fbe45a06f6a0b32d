"""The value bank (mkba:waarden, DESIGN §19), De Kop on evidence with its 2019 calibration as a
gevoeligheid scenario, and optimism bias per line (Green Book worked example) with evidence grades."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import mkba
from mkba.analysis.calibration import calibration_gaps
from mkba.analysis.regional import value_evidence
from mkba.core.case import EVIDENCE_CORRECTION, build_case, unused_parameters
from mkba.core.errors import LineMap
from mkba.core.reference import evaluate_draw
from mkba.core.results import deterministic
from mkba.data_in.cases import load_case_text
from mkba.data_in.unit_costs import load_cpi
from mkba.data_in.value_bank import MAX_EXCERPT_WORDS, excerpt_words, load_value_bank
from mkba.faces import text_nl
from mkba.faces.cli import main

ROOT = Path(__file__).resolve().parent.parent
DE_KOP = ROOT / "parameters" / "de_kop.yaml"
METHODS = {"market_price", "avoided_cost", "wellbeing", "willingness_to_pay"}


# --- the bank itself ----------------------------------------------------------------------------------
def test_every_bank_entry_has_its_fields_and_a_source_with_an_excerpt_or_an_explicit_geen():
    bank = load_value_bank()  # raises with every incomplete entry
    assert len(bank.entries) >= 15
    cited = [e for e in bank.entries.values() if e.has_source]
    assert len(cited) >= 10
    assert bank.sources["geen"] == "geen bron gevonden"
    for name, entry in bank.entries.items():
        spec = entry.spec
        assert spec.label and spec.unit and spec.note and spec.method in METHODS, name
        assert 2015 <= spec.price_year <= 2025, name  # inside the CPI table, so a case can index it
        assert spec.unit.upper().startswith("EUR"), name  # money: indexed by the CPI when included
        if entry.has_source:
            assert spec.excerpt and excerpt_words(spec.excerpt) <= MAX_EXCERPT_WORDS, name
            text = bank.sources[spec.source]
            assert any(ch.isdigit() for ch in text), name  # a year at least
        else:
            assert spec.excerpt is None and "AANNAME" in spec.note, name
        if entry.transferred:  # from another country: a wide range around the central value
            assert (spec.max - spec.min) / spec.mode >= 0.9, name
    # each source text that is a public page names its address
    for key, text in bank.sources.items():
        if key not in ("geen", "monitor-sd-weststellingwerf-2024"):
            assert "https://" in text, key


def test_an_entry_without_its_fields_is_refused(tmp_path):
    bad = tmp_path / "bank.yaml"
    bad.write_text("bank: true\nsources: {x: 'X 2020 https://x'}\nparameters:\n"
                   "  a: {value: 1, unit: EUR, price_year: 2020, method: wellbeing, source: x, note: n, label: A}\n"
                   "  b: {value: 1, unit: EUR, price_year: 2020, method: wellbeing, source: geen, note: n, label: B}\n",
                   encoding="utf-8")
    with pytest.raises(mkba.CaseError) as err:
        load_value_bank(bad)
    codes = {p.code for p in err.value.problems}
    assert {"bank.no_excerpt", "ref.source", "bank.assumption_unsaid"} <= codes
    from mkba.faces import text_nl

    for problem in err.value.problems:  # each worded in Dutch, not the English fallback
        assert problem.code in text_nl.PROBLEM_TEXT, problem.code
        assert text_nl.render_problem(problem) != problem.plain()


CASE = """
mkba: 1
include: [mkba:waarden]
case: {{id: t, title: T, start_year: 2024, horizon: 1, price_year: {year}, discount_rate: 0}}
stakeholders: {{h: H}}
parameters:
  n: {{value: 10, note: aanname}}
costs: [{{id: c, label: C, amount: 1000, payer: h}}]
effects:
  - {{id: e, label: E, category: x, kind: social, volume: n, value: {value}, beneficiaries: h}}
"""


def test_a_case_gets_only_the_entries_it_uses_indexed_by_the_cpi():
    case = load_case_text(CASE.format(year=2024, value="waarde_zelfredzaamheid"))
    assert [n for n in case.parameters] == ["n", "waarde_zelfredzaamheid"]  # the other 16 are not sampled
    assert set(case.sources) == {"ntvg-qaly-2013"}                       # nor their sources listed
    assert unused_parameters(case) == []
    spec = case.parameters["waarde_zelfredzaamheid"]
    cpi = load_cpi()
    factor = cpi.index[2024] / cpi.index[2015]
    assert spec.price_year == 2024
    assert spec.mode == pytest.approx(round(2500 * factor, 2), abs=1e-9)
    assert spec.min == pytest.approx(round(1000 * factor, 2), abs=1e-9)
    assert "Geïndexeerd van prijspeil 2015 naar 2024" in spec.note
    assert spec.excerpt and spec.method == "willingness_to_pay"        # evidence travels with the value
    res = mkba.simulate(case, draws=50, seed=1)
    assert [c for c in res.store.columns if c.startswith("param.")] == ["param.waarde_zelfredzaamheid"]
    # a price year before the bank's is indexed down, the same entry
    old = load_case_text(CASE.format(year=2018, value="waarde_zelfredzaamheid")).parameters["waarde_zelfredzaamheid"]
    assert old.mode == pytest.approx(round(2500 * cpi.index[2018] / cpi.index[2015], 2), abs=1e-9)


def test_transferred_values_are_named_in_the_limitations():
    from mkba.faces.report_data import limitations

    case = load_case_text(CASE.format(year=2024, value="welzijnswaarde_minder_eenzaam"))
    lines = limitations(mkba.simulate(case, draws=200, seed=1))
    label = case.parameters["welzijnswaarde_minder_eenzaam"].label
    assert text_nl.transferred_limitation([label]) in lines


# --- De Kop on evidence, its calibration as a gevoeligheid scenario -------------------------------------------
def test_de_kop_values_zelfredzaamheid_from_the_bank_and_keeps_2019_as_gevoeligheid():
    case = mkba.load_case(DE_KOP)
    bank = case.parameters["waarde_zelfredzaamheid"]
    assert bank.source == "ntvg-qaly-2013" and bank.calibrated is None and bank.price_year == 2018
    assert case.sensitivity_ids() == ["kalibratie-2019"]
    assert case.option_ids() == ["baseline", "s1-taakvelden", "s2-uitvoeringsvereisten", "s3-generiek"]
    calibrated = dict(case.scenarios["kalibratie-2019"].set)["waarde_zelfredzaamheid"]
    assert (calibrated.min, calibrated.mode, calibrated.max) == (2000, 3700, 6000) and calibrated.calibrated
    cmp = mkba.compare(case, draws=300, seed=1)
    assert "kalibratie-2019" not in cmp.decision()["prob_best"]  # never a choice (DESIGN §6)


# Pinned with seed 1 and 2.000 draws (Monte Carlo) and deterministically; regression values of the
# committed case files. Change De Kop or the bank → update here (and the README).
PINNED_DE_KOP = {
    None: {"bcr_of_means": 0.887809960387433, "prob_npv_positive": 0.2125, "pv_benefits": 9332918.048598919},
    "kalibratie-2019": {"bcr_of_means": 1.0417702470008592, "prob_npv_positive": 0.581, "pv_benefits": 10947612.575717205},
}


@pytest.mark.parametrize("scenario", [None, "kalibratie-2019"])
def test_de_kop_result_with_the_bank_and_with_kalibratie_2019_is_pinned(scenario):
    case = mkba.load_case(DE_KOP)
    m = mkba.simulate(case, draws=2000, seed=1, scenario=scenario).summary()["metrics"]
    pinned = PINNED_DE_KOP[scenario]
    assert m["bcr_of_means"] == pytest.approx(pinned["bcr_of_means"], rel=1e-9)
    assert m["prob_npv_positive"] == pinned["prob_npv_positive"]
    d = deterministic(case, scenario).summary()["metrics"]
    assert d["pv_benefits"] == pytest.approx(pinned["pv_benefits"], rel=1e-9)
    assert d["pv_costs"] == pytest.approx(10526428.464261796, rel=1e-9)  # costs do not depend on the value


def test_the_calibrated_and_bank_runs_differ_only_by_the_household_value():
    """Same draws: every line but zelfredzaamheid is identical; that line scales with the value."""
    case = mkba.load_case(DE_KOP)
    base = deterministic(case).summary()
    cal = deterministic(case, "kalibratie-2019").summary()
    for line, rec in base["lines"].items():
        if line != "zelfredzaamheid-huishoudens":
            assert cal["lines"][line]["pv"] == pytest.approx(rec["pv"], rel=1e-12), line
    ratio = cal["lines"]["zelfredzaamheid-huishoudens"]["pv"] / base["lines"]["zelfredzaamheid-huishoudens"]["pv"]
    bank = case.parameters["waarde_zelfredzaamheid"]
    assert ratio == pytest.approx((2000 + 4 * 3700 + 6000) / 6 / bank.mean, rel=1e-12)


def test_the_sentence_on_the_distance_to_the_2019_figure():
    case = mkba.load_case(DE_KOP)
    (gap,) = calibration_gaps(case, draws=2000, seed=1)
    bank = case.parameters["waarde_zelfredzaamheid"]
    assert gap.scenario == "kalibratie-2019" and gap.calibrated_value == 3700
    assert (gap.bank_low, gap.bank_central, gap.bank_high) == (bank.min, bank.mode, bank.max)
    assert gap.position == "inside" and gap.beyond_range == 0
    assert gap.factor_to_bank == pytest.approx(3700 / bank.mode)
    assert gap.bcr_bank["expected"] == pytest.approx(PINNED_DE_KOP[None]["bcr_of_means"], rel=1e-9)
    assert gap.bcr_calibrated["expected"] == pytest.approx(PINNED_DE_KOP["kalibratie-2019"]["bcr_of_means"], rel=1e-9)
    sentence = text_nl.calibration_gap_sentence(gap).replace("\xa0", " ")
    assert sentence.startswith("De waarde van meer zelfredzaamheid per huishouden in de MKBA van 2019 (€ 3.700) "
                               "is gekalibreerd")
    assert "binnen de bandbreedte van de waardenbank (€ 1.030 – € 5.170), 1,4 keer de middenwaarde van € 2.590" in sentence
    assert "Met de waarde uit de waardenbank levert elke euro naar verwachting € 0,89 op" in sentence
    assert sentence.endswith("met de gekalibreerde waarde € 1,04.")


def test_a_calibrated_value_above_the_bank_says_how_far():
    text = CASE.format(year=2015, value="waarde_zelfredzaamheid") + """
scenarios:
  oud:
    label: Oude kalibratie
    soort: gevoeligheid
    set:
      waarde_zelfredzaamheid: {value: 8000, calibrated: "gekozen om 1,5 te halen"}
"""
    (gap,) = calibration_gaps(load_case_text(text), draws=100, seed=1)
    assert gap.position == "above" and gap.beyond_range == pytest.approx(3000)
    assert gap.bcr_calibrated["expected"] == pytest.approx(10 * 8000 / 1000, rel=1e-12)  # 10 × € 8.000 per € 1.000
    assert gap.bcr_bank["expected"] == pytest.approx(10 * (1000 + 4 * 2500 + 5000) / 6 / 1000, rel=0.05)  # PERT mean
    sentence = text_nl.calibration_gap_sentence(gap, "de oude studie").replace("\xa0", " ")
    assert sentence.startswith("De waarde van meer zelfredzaamheid per huishouden in de oude studie (€ 8.000) is gekalibreerd")
    assert "€ 3.000 boven de bandbreedte van de waardenbank (€ 1.000 – € 5.000)" in sentence


# --- optimism bias per line and evidence grades --------------------------------------------------------
GREEN_BOOK = """
mkba: 1
case: {id: gb, title: Green Book, start_year: 2020, horizon: 1, discount_rate: 0, optimism_bias: {costs: 0.04}}
stakeholders: {o: Overheid}
costs:
  - {id: kapitaal, label: Kapitaal, amount: 100, payer: o}
  - {id: risico, label: Risicobeheersing, amount: 7, payer: o%s}
"""


def test_green_book_worked_example_capital_at_4_percent_plus_risk_management():
    """HM Treasury, Supplementary Green Book guidance: optimism bias (Mott MacDonald): £100m capital at
    a 4% uplift plus £7m of risk management gives £111m (= £104m + £7m); one case-wide factor on
    both lines gives £111,28m."""
    per_line = build_case(_yaml(GREEN_BOOK % ", optimism_bias: 0"), LineMap("<gb>", {}))
    one_factor = build_case(_yaml(GREEN_BOOK % ""), LineMap("<gb>", {}))
    assert deterministic(per_line).summary()["metrics"]["pv_costs"] == pytest.approx(111.0, rel=1e-12)
    assert evaluate_draw(per_line, {})["pv_costs"] == pytest.approx(111.0, rel=1e-12)
    assert mkba.simulate(per_line, draws=3, seed=1).column("pv_costs") == pytest.approx([111.0] * 3, rel=1e-12)
    assert deterministic(one_factor).summary()["metrics"]["pv_costs"] == pytest.approx(111.28, rel=1e-12)
    assert evaluate_draw(one_factor, {})["pv_costs"] == pytest.approx(111.28, rel=1e-12)


EVIDENCE = """
mkba: 1
case: {id: ev, title: E, start_year: 2020, horizon: 1, discount_rate: 0, optimism_bias: {benefits: 0.05}}
stakeholders: {h: H}
costs: [{id: c, label: C, amount: 100, payer: h}]
effects:
  - {id: sterk, label: Sterk, category: x, kind: social, volume: 1, value: 100, beneficiaries: h, evidence: 1}
  - {id: aanname, label: Aanname, category: x, kind: social, volume: 1, value: 100, beneficiaries: h, evidence: 5}
  - {id: eigen, label: Eigen, category: x, kind: social, volume: 1, value: 100, beneficiaries: h, evidence: 5, optimism_bias: 0.15}
  - {id: casus, label: Casus, category: x, kind: social, volume: 1, value: 100, beneficiaries: h}
"""


def test_an_evidence_grade_sets_the_benefit_correction_and_a_line_value_wins():
    case = build_case(_yaml(EVIDENCE), LineMap("<ev>", {}))
    expected = {"sterk": 100 * (1 - EVIDENCE_CORRECTION[1]), "aanname": 100 * (1 - EVIDENCE_CORRECTION[5]),
                "eigen": 85.0, "casus": 95.0}
    assert EVIDENCE_CORRECTION == {1: 0.0, 2: 0.1, 3: 0.2, 4: 0.3, 5: 0.4}
    det, ref = deterministic(case).summary()["lines"], evaluate_draw(case, {})
    for line, value in expected.items():
        assert det[line]["pv"] == pytest.approx(value, rel=1e-12)
        assert ref[f"effect.{line}.pv"] == pytest.approx(value, rel=1e-12)
    from mkba.faces.report_data import assumptions_frame, line_optimism

    rows = line_optimism(case)
    assert [(r[0], r[2], r[3]) for r in rows] == [("Sterk", 0.0, "evidence"), ("Aanname", 0.4, "evidence"),
                                                  ("Eigen", 0.15, "line")]
    frame = assumptions_frame(case)
    shown = frame[text_nl.ASSUMPTION_COLUMNS[0]].tolist()
    assert f"{text_nl.LINE_OPTIMISM_TITLE}: Aanname" in shown and f"{text_nl.LINE_OPTIMISM_TITLE}: Casus" not in shown


def test_a_bad_line_correction_is_refused_with_its_place():
    bad = EVIDENCE.replace("evidence: 1}", "evidence: 7}").replace("optimism_bias: 0.15", "optimism_bias: 1.5")
    with pytest.raises(mkba.CaseError) as err:
        build_case(_yaml(bad), LineMap("<ev>", {}))
    paths = {p.path for p in err.value.problems}
    assert "effects[0].evidence" in paths and "effects[2].optimism_bias" in paths


# --- for a reviewer: mkba bronnen, the regional comparison, the workbook -----------------------------------
def test_bronnen_lists_every_value_with_its_source_and_excerpt(capsys):
    assert main(["bronnen", str(DE_KOP), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    rows = {(r["name"], r["scenario"]): r for r in out["values"]}
    bank = rows[("waarde_zelfredzaamheid", None)]
    assert bank["origin"] == "bank" and bank["excerpt"].startswith("Een extra levensjaar in goede gezondheid")
    assert "ntvg.nl" in bank["source_text"] and bank["method"] == "willingness_to_pay"
    calibrated = rows[("waarde_zelfredzaamheid", "kalibratie-2019")]
    assert calibrated["calibrated"] and calibrated["distribution"] == {"dist": "pert", "min": 2000, "mode": 3700,
                                                                      "max": 6000}
    assert rows[("vermeden_kosten_burenruzie", None)]["source"] == "geen"
    case = mkba.load_case(DE_KOP)
    assert len(rows) == len(case.parameters) + sum(len(sc.set) + len(sc.add_parameters) for sc in case.scenarios.values())
    assert main(["bronnen", str(DE_KOP)]) == 0
    text = capsys.readouterr().out
    assert "Waarden en hun bronnen" in text and "waardenbank" in text and "aanname" in text


def test_the_regional_comparison_says_which_values_rest_on_the_bank():
    cited, assumed, own = value_evidence(mkba.load_case(ROOT / "parameters" / "westerveld.yaml"))
    assert "Waarde van meer zelfredzaamheid per huishouden" in cited
    assert "Maatschappelijke kosten van problematische schulden per huishouden" in cited
    assert assumed == ("Kosten van een licht jeugdhulptraject",)
    assert "Vermeden maatwerk per traject" in own
    sentence = text_nl.regional_value_evidence("Westerveld", list(cited), list(assumed), list(own))
    assert "uit de waardenbank maar zonder bron (aanname): Kosten van een licht jeugdhulptraject" in sentence


def test_new_fields_travel_through_the_workbook(tmp_path, capsys):
    src = tmp_path / "ev.yaml"
    src.write_text(EVIDENCE.replace("costs: [{id: c, label: C, amount: 100, payer: h}]",
                                    "costs: [{id: c, label: C, amount: 100, payer: h, optimism_bias: 0.04}]")
                   + "parameters:\n  w: {value: 3, unit: EUR, method: wellbeing, excerpt: 'drie euro', deadweight: 0.2, "
                     "overdraagbaarheid: 'Brits', note: n, price_year: 2020}\n", encoding="utf-8")
    book, back = tmp_path / "ev.xlsx", tmp_path / "terug.yaml"
    assert main(["convert", str(src), str(book)]) == 0 and main(["convert", str(book), str(back)]) == 0
    capsys.readouterr()
    a, b = mkba.load_case(src), mkba.load_case(back)
    assert a.parameters == b.parameters and a.costs == b.costs and a.effects == b.effects


def _yaml(text: str):
    import yaml

    return yaml.safe_load(text)
