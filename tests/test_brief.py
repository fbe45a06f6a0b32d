"""The council brief (DESIGN §14): its numbers and sentences for a small case with closed-form
answers and for De Kop (expected values derived from the same run's JSON, never pinned), the
same sentences in HTML and Word, at most two A4 pages, the calibrated-driver sentence in `mkba
run` and the headlines, the validate warning, and coherent money-above-total headlines."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

import mkba
from mkba.analysis.brief import missing_calibrated
from mkba.faces import brief as brief_module
from mkba.faces import report_data, text_nl
from mkba.faces.cli import main
from mkba.faces.formatting import nl_eur, nl_eur_short

# Two years, no discounting, everything fixed except two PERT values, so every number of the brief
# has a closed form. The municipality pays 100.000 a year. Both options cut 40.000 in 2025 only:
# - A drops the neighbourhood activities (worth waarde_buurt a year, E = 10.000, both years): society
#   loses 2 × 10.000 = 20.000 of benefits for 40.000 saved -> society GAINS 20.000 (0,50 per euro);
#   the neighbourhood (Buurt) bears 20.000 (> 5% of 40.000);
# - B helps no household in 2025 (20 × waarde_welzijn, E = 3.000): 60.000 lost for 40.000 saved ->
#   society LOSES 20.000 (0,50 per euro); the households bear 60.000.
# The gevoeligheid scenario values welzijn at 2.500: B/C = (60.000 + 2·20·2.500 + 20.000) / 200.000 = 0,90.
TWEE = """
mkba: 1
case: {id: twee, title: "Buurtwerk Twee", start_year: 2024, horizon: 2, discount_rate: 0}
sources: {jv: "Jaarverslag Twee 2023", mkba: "Eerdere MKBA"}
stakeholders: {gemeente: Gemeente Twee, huishoudens: Huishoudens, buurt: Buurt}
parameters:
  budget_2025: {value: 100000, label: "Subsidie 2025", source: jv}
  bereik_2025: {value: 20, label: "Huishoudens geholpen in 2025", source: jv}
  waarde_welzijn:
    dist: pert
    min: 2000
    mode: 3000
    max: 4000
    label: "Waarde van welzijn per huishouden"
    source: mkba
    note: "Gekalibreerd op de eerdere MKBA."
    calibrated: "gekozen om de verhouding 1,0 van de eerdere MKBA na te bootsen"
  waarde_buurt: {dist: pert, min: 5000, mode: 10000, max: 15000, label: "Waarde van buurtactiviteiten per jaar",
                 note: "Aanname."}
costs:
  - {id: subsidie, label: Subsidie, amount: [100000, budget_2025], payer: gemeente}
effects:
  - {id: zorg, label: Vermeden zorg, category: substitutie, kind: fiscal, volume: 10, value: 3000, beneficiaries: gemeente}
  - {id: welzijn, label: Welzijn huishoudens, category: hulp, kind: social, volume: [20, bereik_2025],
     value: waarde_welzijn, beneficiaries: huishoudens}
  - {id: activiteiten, label: Buurtactiviteiten, category: buurt, kind: social, volume: 1, value: waarde_buurt,
     beneficiaries: buurt}
pm_posten:
  - {label: "Signalering in de wijk", stakeholder: gemeente, direction: positief}
scenarios:
  helpt:
    label: "Optie A: buurtactiviteiten stoppen"
    set: {budget_2025: 60000}
    drop: [activiteiten]
  schaadt:
    label: "Optie B: minder huishoudens helpen"
    set: {budget_2025: 60000, bereik_2025: 0}
  lage-waardering:
    label: "Lagere waardering van welzijn"
    soort: gevoeligheid
    set: {waarde_welzijn: 2500}
"""
DRAWS, SEED = 4000, 1


@pytest.fixture(scope="module")
def twee():
    return mkba.load_case_text(TWEE, "twee.yaml")


@pytest.fixture(scope="module")
def twee_brief(twee):
    return brief_module.make(twee, draws=DRAWS, seed=SEED)


def plain(text: str) -> str:
    """Text as a reader sees it: no-break spaces and word joiners as plain, whitespace collapsed."""
    return " ".join(text.replace("\u00a0", " ").replace("\u2060", "").split())


def html_text(page: str) -> str:
    page = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return plain(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def docx_text(path: Path) -> str:
    import docx

    word = docx.Document(str(path))
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return plain(" ".join(parts))


# --- the small case: closed forms ----------------------------------------------------------------
def test_small_case_numbers_have_their_closed_forms(twee_brief):
    b = twee_brief
    assert [o.id for o in b.options] == ["helpt", "schaadt"]  # ranked: the gain first
    assert [o.rank for o in b.options] == [1, 2]
    assert [s.id for s in b.sensitivities] == ["lage-waardering"]  # apart, never ranked
    helpt, schaadt = b.options
    for o in (helpt, schaadt):
        assert o.saved["mean"] == pytest.approx(40_000) and o.saved["p05"] == o.saved["p95"]
        assert o.cut_years == (2025,) and o.saved_per_year == pytest.approx(40_000)
        assert o.funder_net_change["mean"] == pytest.approx(40_000)  # the municipality keeps all it saves
    # A: 40.000 − 2·E[waarde_buurt]; E[PERT(5k, 10k, 15k)] = 10.000; MC error of the mean ≈ 60
    assert helpt.npv_change["mean"] == pytest.approx(20_000, abs=300)
    assert helpt.prob_gain == 1.0 and helpt.gains
    # per euro saved society gains 1 − b/20.000, b = 5.000 + 10.000·Beta(3, 3)
    x05, x95 = stats.beta(3, 3).ppf([0.05, 0.95])
    assert helpt.loss_per_euro["mean"] == pytest.approx(-0.5, abs=0.01)
    assert helpt.loss_per_euro["p05"] == pytest.approx(-(1 - (5000 + 10000 * x05) / 20000), abs=0.01)
    assert helpt.loss_per_euro["p95"] == pytest.approx(-(1 - (5000 + 10000 * x95) / 20000), abs=0.01)
    assert [(x.stakeholder, round(x.loss, -3)) for x in helpt.bearers] == [("buurt", 20_000)]
    # B: 40.000 − 20·E[waarde_welzijn] = 40.000 − 60.000
    assert schaadt.npv_change["mean"] == pytest.approx(-20_000, abs=500)
    assert schaadt.prob_gain == 0.0 and not schaadt.gains
    assert schaadt.loss_per_euro["mean"] == pytest.approx(0.5, abs=0.0125)
    assert [(x.stakeholder, round(x.loss, -3)) for x in schaadt.bearers] == [("huishoudens", 60_000)]
    assert helpt.prob_best + schaadt.prob_best + b.baseline_prob_best == pytest.approx(1.0)
    assert b.sensitivities[0].bcr_of_means == pytest.approx(0.90, abs=0.005)
    assert b.calibrated == ("waarde_welzijn",)
    assert b.drivers[0].name == "waarde_welzijn" and b.drivers[0].calibrated
    # 20·E[w] + 20·E[w] = 120.000 of the baseline's 200.000 benefits come from the calibrated value
    assert b.drivers[0].benefit_share == pytest.approx(0.6, abs=0.01)


def test_small_case_sentences(twee_brief):
    doc = brief_module.document(twee_brief)
    text = plain(" ".join(doc.sentences()))
    a, b = twee_brief.options
    gain = -a.loss_per_euro["mean"]
    assert plain(f"Van de 2 bezuinigingen pakt Optie A (buurtactiviteiten stoppen), die {nl_eur(40_000)} per jaar "
                 f"bespaart (2025), voor de maatschappij het best uit: de maatschappij gaat er naar verwachting op "
                 f"vooruit, {nl_eur(gain, 2)} per bespaarde euro") in text
    assert nl_eur(gain, 2) == nl_eur(0.5, 2)
    assert "minst nadelig" not in text.lower()  # never 'least harmful' beside a gain
    assert plain(f"Optie A (buurtactiviteiten stoppen) bespaart {nl_eur(40_000)} per jaar in 2025 "
                 f"({nl_eur(40_000)} contante waarde).") in text
    assert plain("De maatschappij gaat er naar verwachting op vooruit: +€ 20.000") in text
    assert "vooral doordat de besparing groter is dan de baten die verloren gaan" in text
    assert plain("De maatschappij gaat er naar verwachting op achteruit: −€ 20.000") in text
    assert plain(f"Wie het draagt (verwacht verlies boven 5% van de besparing): Buurt: {nl_eur_short(a.bearers[0].loss)}.") in text
    assert plain(f"Huishoudens: {nl_eur_short(b.bearers[0].loss)}.") in text
    assert plain("Gemeente Twee zelf: netto +€ 40.000: de besparing min de eigen baten die wegvallen.") in text
    assert plain(f"Lagere waardering van welzijn: elke euro levert naar verwachting {nl_eur(0.9, 2)} op") in text
    assert "Let op: deze uitkomst herhaalt grotendeels een kalibratie: Waarde van welzijn per huishouden" in text
    assert "gekozen om de verhouding 1,0 van de eerdere MKBA na te bootsen" in text
    assert "Basis: Signalering in de wijk (+)." in text and "Optie A: dezelfde als de basis." in text
    # the gevoeligheid scenario is not a row of the ranked table
    table = next(b for b in doc.blocks if b.kind == "table")
    assert [row[1] for row in table.rows] == ["Optie A: buurtactiviteiten stoppen", "Optie B: minder huishoudens helpen"]
    assert "Verwacht verlies" not in text  # the analyst's measure stays in the detail pages


def test_docx_and_html_carry_the_same_sentences(twee_brief, tmp_path):
    files = brief_module.write(twee_brief, tmp_path, docx=True)
    assert [f.name for f in files] == ["samenvatting.html", "samenvatting.docx"]
    page = html_text((tmp_path / "samenvatting.html").read_text(encoding="utf-8"))
    word = docx_text(tmp_path / "samenvatting.docx")
    for sentence in brief_module.document(twee_brief).sentences():
        for line in sentence.split("\n"):  # a table cell's interval is its second line
            assert plain(line) in page, line
            assert plain(line) in word, line
    assert "<script" not in (tmp_path / "samenvatting.html").read_text(encoding="utf-8")


# --- De Kop: derived from the same run's JSON ---------------------------------------------------
@pytest.fixture(scope="module")
def de_kop_json(example_path, tmp_path_factory):
    import subprocess
    import sys

    def run(*args):
        out = subprocess.run([sys.executable, "-m", "mkba.faces.cli", *args], capture_output=True, text=True, check=True)
        return json.loads(out.stdout)
    cmp = run("compare", str(example_path), "--draws", "2000", "--seed", "1", "--json")
    tornado = run("sensitivity", str(example_path), "--method", "tornado", "--json")
    return cmp, tornado


def test_de_kop_brief_follows_the_compare_json(example_case, de_kop_json):
    cmp, tornado = de_kop_json
    b = brief_module.make(example_case, draws=2000, seed=1)
    text = plain(" ".join(brief_module.document(b).sentences()))
    cuts = cmp["cuts"]
    # ranked by society's loss per euro saved, from the JSON's means
    expected_order = sorted(cuts, key=lambda o: -cuts[o]["npv_change"]["mean"] / cuts[o]["budget_saved"]["mean"])
    assert [o.id for o in b.ranked] == expected_order
    best = expected_order[0]
    label = text_nl.label_inline(cmp["labels"][best])
    gain = cuts[best]["npv_change"]["mean"] / cuts[best]["budget_saved"]["mean"]
    if gain > 0:
        assert plain(f"pakt {label}") in text and plain(f"op vooruit, {nl_eur(gain, 2)} per bespaarde euro") in text
    else:
        assert plain(f"kost {label}") in text and plain(f"naar verwachting {nl_eur(-gain, 2)} per bespaarde euro") in text
    for opt in cuts:
        o = next(x for x in b.options if x.id == opt)
        saved = cuts[opt]["budget_saved"]["mean"]
        assert o.saved["mean"] == pytest.approx(saved)
        assert o.prob_best == pytest.approx(cmp["decision"]["prob_best"][opt])
        bearers = {sid: -rec["net_change"]["mean"] for sid, rec in cmp["vs_baseline"][opt].items()
                   if -rec["net_change"]["mean"] > 0.05 * saved}
        assert {x.stakeholder for x in o.bearers} == set(bearers)
        for sid, loss in bearers.items():
            assert plain(f"{example_case.stakeholders[sid]}: {nl_eur_short(loss)}") in text
        direction = "op vooruit" if cuts[opt]["npv_change"]["mean"] > 0 else "op achteruit"
        assert plain(f"{text_nl.label_inline(cmp['labels'][opt])} bespaart") in text
        sentences = [s for s in brief_module.option_sentences(b, o)]
        assert direction in sentences[1]
    # the calibration sentence appears exactly when a calibrated parameter is a top-3 driver
    top3 = list(tornado["parameters"])[:3]
    calibrated = [n for n, spec in example_case.parameters.items() if spec.calibrated]
    if set(top3) & set(calibrated):
        assert "herhaalt grotendeels een kalibratie" in text
    assert all(n in calibrated for n in b.calibrated)
    assert "waarde_zelfredzaamheid" not in text  # labels, never ids
    # the lines other analyses add: how far the 2019 calibration lies from the value bank (its two
    # ratios from the same comparison), and who could co-finance the baseline
    gap = b.extra["calibration_gaps"][0]
    assert gap.scenario == "kalibratie-2019" and gap.parameter == "waarde_zelfredzaamheid"
    assert gap.bcr_bank["expected"] == pytest.approx(cmp["scenarios"]["baseline"]["metrics"]["bcr_of_means"])
    assert gap.bcr_calibrated["expected"] == pytest.approx(cmp["scenarios"]["kalibratie-2019"]["metrics"]["bcr_of_means"])
    assert plain(text_nl.calibration_gap_sentence(gap)) in text and "gekalibreerd" in text
    from mkba.faces.cofinancing import brief_lines

    assert b.extra["cofinancing"] is not None
    for line in brief_lines(b.extra["cofinancing"]):
        assert plain(line) in text


CHROMIUM = next((p for p in (shutil.which("chromium"), "/usr/bin/chromium") if p and Path(p).exists()), None)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine: apt-get install chromium")
def test_de_kop_brief_prints_on_at_most_two_pages(example_case, tmp_path, monkeypatch):
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("playwright.sync_api")
    from mkba.faces import pdf

    monkeypatch.setenv("MKBA_CHROMIUM", CHROMIUM)
    b = brief_module.make(example_case, draws=1000, seed=2)
    brief_module.write(b, tmp_path, provenance_info=brief_module.provenance(example_case, 2, "test", "nu"))
    pdf.print_pdfs([(tmp_path / "samenvatting.html", tmp_path / "samenvatting.pdf")], example_case.title)
    reader = pypdf.PdfReader(str(tmp_path / "samenvatting.pdf"))
    assert len(reader.pages) <= 2
    printed = plain(" ".join(page.extract_text() for page in reader.pages))
    assert plain(brief_module.headline(b)[0])[:60] in printed


# --- calibrated: run, headlines, validate ----------------------------------------------------------
def test_run_and_headlines_say_when_a_calibrated_value_drives(tmp_path, capsys, twee):
    path = tmp_path / "twee.yaml"
    path.write_text(TWEE, encoding="utf-8")
    assert main(["run", str(path), "--draws", "500"]) == 0
    out = plain(capsys.readouterr().out)
    assert "Let op: deze uitkomst herhaalt grotendeels een kalibratie: Waarde van welzijn per huishouden" in out
    lines = report_data.board_summary(mkba.simulate(twee, draws=500, seed=1))
    assert any("herhaalt grotendeels een kalibratie" in line for line in lines)
    # without the field: no sentence, and validate warns (the note still says 'Gekalibreerd')
    bare = tmp_path / "kaal.yaml"
    bare.write_text(TWEE.replace('    calibrated: "gekozen om de verhouding 1,0 van de eerdere MKBA na te bootsen"\n', ""),
                    encoding="utf-8")
    assert main(["run", str(bare), "--draws", "500"]) == 0
    assert "kalibratie" not in capsys.readouterr().out
    assert main(["validate", str(bare)]) == 0
    err = plain(capsys.readouterr().err)
    assert "parameters.waarde_welzijn" in err and "'calibrated:' ontbreekt" in err
    assert main(["validate", str(path)]) == 0
    assert "ontbreekt" not in capsys.readouterr().err


def test_a_note_that_denies_calibration_is_no_warning():
    case = mkba.load_case_text(TWEE.replace("Gekalibreerd op de eerdere MKBA.", "Hier niet gekalibreerd, anders dan elders.")
                               .replace('    calibrated: "gekozen om de verhouding 1,0 van de eerdere MKBA na te bootsen"\n', ""))
    assert missing_calibrated(case, text_nl.CALIBRATION_NOTE_WORDS, text_nl.CALIBRATION_NOTE_NEGATIONS) == []


def test_bundled_cases_declare_what_their_notes_say(example_path):
    for path in sorted(example_path.parent.glob("*.yaml")):
        case = mkba.load_case(path)
        assert missing_calibrated(case, text_nl.CALIBRATION_NOTE_WORDS, text_nl.CALIBRATION_NOTE_NEGATIONS) == [], path


# --- item 5: money benefits above all benefits ---------------------------------------------------
NEGATIEF = """
mkba: 1
case: {id: negatief, title: "Negatief effect", start_year: 2024, horizon: 1, discount_rate: 0}
stakeholders: {gemeente: Gemeente, buurt: Buurt}
parameters:
  waarde: {dist: uniform, min: 40000, max: 60000}
costs:
  - {id: subsidie, label: Subsidie, amount: 100000, payer: gemeente}
effects:
  - {id: geld, label: Vermeden uitgaven, category: c, kind: fiscal, volume: 1, value: waarde, beneficiaries: gemeente}
  - {id: verlies, label: Verlies van een partner, category: c, kind: social, volume: 1, value: -20000,
     beneficiaries: gemeente}
"""


def test_money_above_total_benefits_is_explained():
    result = mkba.simulate(mkba.load_case_text(NEGATIEF), draws=2000, seed=1)
    funder = report_data.board_summary(result)[1]
    fiscal = np.mean(result.column("stakeholder.gemeente.pv_fiscal")) / 100_000
    total = np.mean(result.column("stakeholder.gemeente.pv_benefits")) / 100_000
    assert total == pytest.approx(fiscal - 0.2)  # closed form: the social effect is −20.000 on 100.000
    assert plain(f"Dat {nl_eur(fiscal, 2)} in geld meer is dan het totaal van {nl_eur(total, 2)} komt doordat een "
                 "maatschappelijk effect voor Gemeente negatief is: Verlies van een partner") in plain(funder)
    assert "de rest komt bij anderen terecht" not in funder  # no 'rest' when money exceeds the total


def test_an_options_own_pm_posten_are_shown_as_its_difference(twee_brief):
    from dataclasses import replace

    from mkba.core.case import PmPost

    base = twee_brief.pm_posten
    extra = PmPost(label="Minder toezicht", stakeholder="buurt", direction="negatief")
    a, b = twee_brief.options
    brief = replace(twee_brief, options=(replace(a, pm_posten=(*base, extra)), replace(b, pm_posten=())))
    lines = brief_module.pm_lines(brief)
    assert lines == ["Basis: Signalering in de wijk (+).", "Optie A: als de basis; komt erbij: Minder toezicht (−).",
                     "Optie B: geen."]


def test_one_option_brief_and_a_case_without_options(twee):
    one = brief_module.make(twee, draws=500, seed=1, scenario="schaadt")  # mkba report CASE --scenario schaadt
    assert [o.id for o in one.options] == ["schaadt"] and one.sensitivities == ()
    assert plain(brief_module.headline(one)[0]).startswith(
        "De bezuiniging Optie B (minder huishoudens helpen), die € 40.000 per jaar bespaart (2025), kost de maatschappij")
    apart = brief_module.make(twee, draws=500, seed=1, scenario="lage-waardering")  # a gevoeligheid: never an option
    assert apart.options == () and [s.id for s in apart.sensitivities] == ["lage-waardering"]
    alone = brief_module.make(mkba.load_case_text(NEGATIEF), draws=500, seed=1)
    text = plain(" ".join(brief_module.document(alone).sentences()))
    assert alone.options == () and "bezuiniging" not in text and "De casus kost € 100.000 per jaar." in text


# --- council pages review: an option that costs more is no saving ---------------------------------
# Optie C helps 40 instead of 20 households in 2025 for 140.000 instead of 100.000: it saves nothing
# (+40.000 of costs); society gains 20·E[waarde_welzijn] − 40.000 = 20.000; the municipality pays the
# 40.000 and gets none of it back (its only money benefit, Vermeden zorg, does not change).
MEER = TWEE + """  meer:
    label: "Optie C: meer huishoudens helpen"
    set: {budget_2025: 140000, bereik_2025: 40}
"""


def test_an_option_that_costs_more_is_not_described_as_a_saving():
    case = mkba.load_case_text(MEER, "meer.yaml")
    brief = brief_module.make(case, draws=2000, seed=1)
    meer = next(o for o in brief.options if o.id == "meer")
    assert not meer.saves and meer.rank is None
    assert meer.funder_net_change["mean"] == pytest.approx(-40_000)  # closed form, fixed costs
    text = plain(" ".join(brief_module.option_sentences(brief, meer)))
    assert plain(f"Optie C (meer huishoudens helpen) bespaart niets: ze kost {nl_eur(40_000)} meer dan de basis") in text
    assert plain("Gemeente Twee zelf: netto −€ 40.000: de extra kosten min de eigen baten die erbij komen.") in text
    assert plain(f"Wie erop achteruitgaat: Gemeente Twee: {nl_eur_short(40_000)}.") in text
    assert "besparing" not in text  # it was 'de besparing min …' and 'boven 5% van de besparing'
    # an option that saves keeps its words
    helpt = plain(" ".join(brief_module.option_sentences(brief, brief.options[0])))
    assert "de besparing min de eigen baten die wegvallen" in helpt and "5% van de besparing" in helpt


def test_a_label_without_a_number_is_quoted_in_the_headline():
    """'Van de 2 bezuinigingen kost Korting van 10% vanaf 2026, die …' read as a capital in mid-sentence."""
    case = mkba.load_case_text(TWEE.replace("Optie A: buurtactiviteiten stoppen", "Buurtactiviteiten stoppen"), "t.yaml")
    line = plain(brief_module.headline(brief_module.make(case, draws=1000, seed=1))[0])
    assert line.startswith("Van de 2 bezuinigingen pakt ‘Buurtactiviteiten stoppen’, die € 40.000 per jaar bespaart")
