"""What a board member reads, without running notebooks: labels instead of ids, PM-posten,
the case's own limitations, optimism bias disclosed, Dutch notes with nl-NL numbers, axis
ticks that never repeat, and no 'bezuiniging' that saves nothing."""

from __future__ import annotations

import json
import re

import matplotlib
import numpy as np
import pytest

import mkba
from mkba.analysis.sensitivity import Note, breakeven, sobol, tornado
from mkba.core.distributions import FAMILIES, parse_parameter
from mkba.faces import plotting, report_data, text_nl
from mkba.faces.cli import main

matplotlib.use("Agg")

ENGLISH = ("Each", "evaluations", "break-even", "baseline", "Scenario baseline", "base output", "model evaluations",
           "settled", "Convergence", "The output", "Held at", "correlations")

SMALL = """
mkba: 1
case: {id: klein, title: "Welzijn Klein", start_year: 2024, horizon: 3,
       optimism_bias: {costs: 0.05, benefits: 0.1}}
sources: {bron: "Jaarverslag Klein"}
stakeholders: {gemeente: Gemeente Klein, huishoudens: Huishoudens}
parameters:
  budget: {value: 100000, label: "Subsidie per jaar", source: bron}
  aandeel_sub: {dist: pert, min: 0.2, mode: 0.3, max: 0.4, label: "Aandeel dat maatwerk vervangt", source: bron}
  prijs_mw: {dist: uniform, min: 2000, max: 4000, label: "Prijs maatwerk", source: bron}
  aantal_tr: {dist: triangular, min: 80, mode: 100, max: 120, label: "Trajecten per jaar", source: bron}
correlations:
  - [aandeel_sub, prijs_mw, 0.3]
costs:
  - {id: subsidie, label: Subsidie, amount: budget, payer: gemeente}
effects:
  - {id: mw, label: Vermeden maatwerk, category: substitutie, kind: fiscal, volume: aantal_tr, share: aandeel_sub,
     value: prijs_mw, beneficiaries: {gemeente: 0.8, huishoudens: rest}}
pm_posten:
  - {label: "Betere buurtcontacten", stakeholder: huishoudens, direction: positief, note: "Niet gemeten.", source: bron}
beperkingen:
  - "Klein: alleen individuele hulp is meegenomen."
scenarios:
  zelfde-geld:
    label: "Variant A: andere werkwijze, zelfde budget"
    scale: {aantal_tr: 0.9}
  minder-geld:
    label: "Variant B: 20% minder budget"
    scale: {budget: 0.8, aantal_tr: 0.8}
"""


@pytest.fixture(scope="module")
def small():
    return mkba.load_case_text(SMALL, "klein.yaml")


@pytest.fixture(scope="module")
def small_result(small):
    return mkba.simulate(small, draws=2000, seed=5)


def ids_in(text: str, case) -> list[str]:
    return [name for name in case.parameters if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)]


def test_assumptions_table_uses_labels_and_discloses_optimism(small):
    frame = report_data.assumptions_frame(small)
    assert list(frame["Aanname"])[:4] == ["Subsidie per jaar", "Aandeel dat maatwerk vervangt", "Prijs maatwerk",
                                          "Trajecten per jaar"]
    assert frame["Verdeling"].iloc[1] == "PERT (min 0,20; meest waarschijnlijk 0,30; max 0,40)"
    assert frame["Basiswaarde"].iloc[0] == "100.000" and frame["Basiswaarde"].iloc[3] == "100"
    optimism = frame[frame["Aanname"].str.startswith("Correctie voor optimisme")]
    assert list(optimism["Basiswaarde"]) == ["10%", "5%"]
    assert ids_in(frame.to_string(), small) == []


def test_headline_meaning_and_limitations(small, small_result):
    lines = report_data.board_summary(small_result)
    m = small_result.summary()["metrics"]
    assert lines[0].startswith("Voor de maatschappij: elke geïnvesteerde euro levert naar verwachting "
                               f"€\u00a0{m['bcr_of_means']:.2f}".replace(".", ","))
    note = report_data.optimism_note(small)
    assert note == ("Correctie voor optimisme: de baten met 10% verlaagd en de kosten met 5% verhoogd, omdat "
                    "ramingen vooraf doorgaans te gunstig uitvallen. Alle bedragen en verhoudingen in dit rapport "
                    "zijn ná deze correctie.")
    meaning = report_data.meaning(small_result)
    # the funder gets 0,8 of the fiscal benefits: its own return per euro, from the same draws
    own = np.mean(small_result.column("stakeholder.gemeente.pv_fiscal")) / np.mean(small_result.column("stakeholder.gemeente.pv_costs"))
    assert f"€\u00a0{own:.2f}".replace(".", ",") in meaning and "1 effecten die niet in geld" in meaning
    limits = report_data.limitations(small_result)
    assert "Klein: alleen individuele hulp is meegenomen." in limits and note in limits
    assert not any("De Kop" in line or "evaluatie" in line for line in limits)  # nothing of another organisation
    kop = mkba.load_case(report_data.__file__.rsplit("/mkba/", 1)[0] + "/parameters/de_kop.yaml")
    assert all(sentence in report_data.limitations(mkba.simulate(kop, draws=200, seed=1)) for sentence in kop.beperkingen)


def test_no_optimism_no_disclosure(example_case):
    assert report_data.optimism_note(example_case) is None
    assert not report_data.assumptions_frame(example_case)["Aanname"].str.contains("optimisme").any()


def test_pm_posten_in_run_json_and_deterministic(tmp_path, capsys):
    path = tmp_path / "klein.yaml"
    path.write_text(SMALL, encoding="utf-8")
    expected = [{"label": "Betere buurtcontacten", "stakeholder": "huishoudens", "direction": "positief",
                 "note": "Niet gemeten.", "source": "bron"}]
    for extra in ([], ["--deterministic"]):
        assert main(["run", str(path), "--draws", "300", "--json", *extra]) == 0
        assert json.loads(capsys.readouterr().out)["pm_posten"] == expected
    assert main(["run", str(path), "--draws", "300"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Niet in geld uitgedrukt (PM-posten)" in out and "Betere buurtcontacten" in out
    assert "Correctie voor optimisme: de baten met 10% verlaagd en de kosten met 5% verhoogd" in out
    assert "scenario: baseline" not in out and "baseline" not in out


def test_pm_table_lists_every_post_with_its_source(example_case):
    frame = report_data.pm_frame(example_case)
    assert len(frame) == len(example_case.pm_posten) >= 5
    assert set(frame["Richting"]) == {"positief (+)", "negatief (−)"}
    assert all("Bron: " in note for note in frame["Toelichting"])


def test_every_family_is_described_in_dutch():
    records = {
        "fixed": {"value": 1700000}, "uniform": {"dist": "uniform", "min": 0.1, "max": 0.3},
        "triangular": {"dist": "triangular", "min": 1, "mode": 2, "max": 4},
        "pert": {"dist": "pert", "min": 0.25, "mode": 0.35, "max": 0.45},
        "normal": {"dist": "normal", "mean": 10, "sd": 2, "min": 0},
        "lognormal": {"dist": "lognormal", "mean": 1500, "sd": 500},
        "beta": {"dist": "beta", "successes": 42, "trials": 60},
        "gamma": {"dist": "gamma", "mean": 4, "sd": 2},
        "discrete": {"dist": "discrete", "values": [1, 2], "probs": [0.25, 0.75]},
        "empirical": {"dist": "empirical", "values": [1, 2, 3, 6]},
    }
    assert set(records) == set(FAMILIES) - {"draws"}  # draws needs a file: worded from its fields below
    from types import SimpleNamespace

    draws = SimpleNamespace(family="draws", file="vermeden.csv", column="jaar_2025", rows=4000, mean=12.5)
    assert text_nl.describe_distribution(draws) == "trekkingen uit vermeden.csv (kolom jaar_2025; 4.000 rijen; gemiddelde 12,50)"
    words = {family: text_nl.describe_distribution(parse_parameter(r)) for family, r in records.items()}
    assert words == {
        "fixed": "vast: 1.700.000", "uniform": "uniform tussen 0,10 en 0,30",
        "triangular": "driehoek (min 1; meest waarschijnlijk 2; max 4)",
        "pert": "PERT (min 0,25; meest waarschijnlijk 0,35; max 0,45)",
        "normal": "normaal (gemiddelde 10; sd 2), afgekapt op [0; ∞]",
        "lognormal": "lognormaal (gemiddelde 1.500; sd 500)", "beta": "bèta uit 42 van 60 waarnemingen",
        "gamma": "gamma (gemiddelde 4; sd 2)", "discrete": "discreet: 1 (kans 0,25); 2 (kans 0,75)",
        "empirical": "empirisch: 4 waarnemingen (gemiddelde 3)",
    }
    assert not any(hasattr(cls, "describe_nl") for cls in FAMILIES.values())  # core keeps only data
    # a value-bank range (0,4 × and 2 × a CPI-indexed mode) shows no cents on thousands
    bank = parse_parameter({"dist": "pert", "min": 1034.4, "mode": 2586, "max": 10620.72})
    assert text_nl.describe_distribution(bank) == "PERT (min 1.034; meest waarschijnlijk 2.586; max 10.621)"
    assert text_nl.nl_value(30.87) == "30,87"  # a tariff keeps its cents


def test_sensitivity_notes_are_codes_worded_in_dutch(small):
    s = sobol.analyze(small, n=64, seed=1)
    d = len(s.parameters)
    codes = [n.code for n in s.notes]
    assert codes == ["sobol.design", "sobol.convergence", "sobol.correlations"]
    assert s.notes[0].data == {"n": 64, "evaluations": 64 * (d + 2), "conf_level": 0.95, "resamples": 100}
    assert s.summary()["notes"][0] == {"code": "sobol.design", **s.notes[0].data}  # JSON: code + numbers
    words = [text_nl.sensitivity_note(n, small) for n in s.notes]
    assert words[0] == (f"Saltelli-ontwerp met N = 64 basissteekproeven, {64 * (d + 2)} modelberekeningen; "
                        "95%-betrouwbaarheidsintervallen uit 100 herhaalde steekproeven (SALib).")
    assert "Aandeel dat maatwerk vervangt en Prijs maatwerk (0,30)" in words[2]
    big = Note("sobol.design", {"n": 2048, "evaluations": 237568, "conf_level": 0.95, "resamples": 100})
    assert "237.568 modelberekeningen" in text_nl.sensitivity_note(big)
    b = breakeven.analyze(small, scenario="minder-geld", versus="baseline")
    worded = " ".join(text_nl.sensitivity_note(n, small) for n in b.notes)
    assert "verschil tussen Variant B en de basis" in worded
    base = b.extra["base_output"]
    assert text_nl.nl_value(0) in worded and text_nl.nl_eur_short(base) in worded  # rounded as DESIGN §7 (issue 18)
    for note in [*s.notes, *b.notes, *tornado.analyze(small).notes]:
        text = text_nl.sensitivity_note(note, small)
        assert not any(word in text for word in ENGLISH) and ids_in(text, small) == [], text


def test_cli_sensitivity_speaks_dutch_with_labels(small, tmp_path, capsys, monkeypatch):
    from rich.console import Console

    from mkba.faces import cli

    monkeypatch.setattr(cli, "stdout", Console(width=250, highlight=False))  # whole labels, not wrapped
    path = tmp_path / "klein.yaml"
    path.write_text(SMALL, encoding="utf-8")
    for method in ("tornado", "breakeven", "sobol", "morris"):
        extra = ["--n", "64"] if method == "sobol" else ["--n", "10"] if method == "morris" else []
        assert main(["sensitivity", str(path), "--method", method, *extra]) == 0
        out = " ".join(capsys.readouterr().out.split())
        assert "Aandeel dat maatwerk vervangt" in out, method
        assert ids_in(out, small) == [] and not any(word in out for word in ENGLISH), (method, out)
        # nl-NL: a point only ever groups thousands (1.234), never separates decimals (0.35)
        assert not re.search(r"\d\.(?!\d{3}(?!\d))\d", out), (method, out)
    assert main(["sensitivity", str(path), "--method", "breakeven", "--scenario", "minder-geld", "--versus", "baseline"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "verschil Variant B − Basis" in out and "baseline" not in out


def _tick_labels(fig, axis: str) -> list[str]:
    fig.canvas.draw()
    ax = fig.axes[0]
    ticks = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    lo, hi = ax.get_xlim() if axis == "x" else ax.get_ylim()
    positions = ax.get_xticks() if axis == "x" else ax.get_yticks()
    return [t.get_text() for t, p in zip(ticks, positions, strict=True) if lo <= p <= hi]


@pytest.mark.parametrize("seed", range(6))
def test_axis_ticks_never_repeat(seed):
    import matplotlib.pyplot as plt

    rng = np.random.default_rng(seed)
    scale = [1e4, 3e5, 2.5e6, 8e6, 1.3e7, 4e5][seed]
    values = rng.normal(scale * 0.2, scale, 20_000 if seed % 2 else 400)
    for kind in ("npv", "bcr"):
        data = values if kind == "npv" else 1 + values / (5 * scale)
        fig = plotting.distribution(data, kind)
        for axis in ("x", "y"):
            labels = _tick_labels(fig, axis)
            assert len(labels) == len(set(labels)) >= 2, (kind, axis, labels)
            assert all("." not in label or "€" in label for label in labels if "%" in label)
        plt.close(fig)


def test_a_cut_that_saves_nothing_is_no_bezuiniging(small):
    cmp = mkba.compare(small, draws=500, seed=3)
    saved = {o: c["budget_saved"]["mean"] for o, c in cmp.cuts().items()}
    assert saved["zelfde-geld"] == 0 and saved["minder-geld"] > 0
    assert text_nl.cut_noun(0.0) == "optie" and text_nl.cut_noun(20_000) == "bezuiniging"
    sentence = report_data.least_harmful(cmp)
    least = max(saved, key=lambda o: cmp.decision()["expected_npv"][o])
    noun = "bezuiniging" if least == "minder-geld" else "optie"
    if cmp.decision()["expected_npv"][least] > cmp.decision()["expected_npv"]["baseline"]:  # a gain, said plainly
        assert sentence == (f"Beste {noun} voor de maatschappij: {cmp.label(least)}; de maatschappij gaat er naar "
                            "verwachting op vooruit ten opzichte van de basis.")
    else:
        assert sentence == f"Minst nadelige {noun} voor de maatschappij: {cmp.label(least)}."


def test_init_template_documents_every_field_and_runs(tmp_path, capsys):
    """`mkba init` writes a template that names every field of the format (DESIGN §2, §11)
    and still validates and runs, every scenario included."""
    from mkba.core import case as case_module
    from mkba.core.distributions import ParameterSpec
    from mkba.faces.cli import TEMPLATE

    text = TEMPLATE.read_text(encoding="utf-8")
    fields = set()
    for model in (case_module.CaseInfo, case_module.Cost, case_module.Effect, case_module.ScenarioIn,
                  case_module.ScenarioAdd, case_module.PmPost, case_module.ReportIn, case_module.GroupIn,
                  ParameterSpec):
        fields |= {info.alias or name for name, info in model.model_fields.items()}
    fields |= {"mkba", "case", "sources", "stakeholders", "parameters", "correlations", "costs", "effects", "scenarios",
               "pm_posten", "beperkingen", "groepen", "include", "benefits", "report"}
    for family, cls in FAMILIES.items():
        fields |= {info.alias or name for name, info in cls.model_fields.items()}
        assert re.search(rf"dist: {family}\b", text) or family == "fixed", family
    missing = sorted(f for f in fields if not re.search(rf"(?<![\w-]){re.escape(f)}:", text))
    assert missing == [], missing
    for future in ("dist: draws", "order: resample", "include:"):  # format extensions documented for later use
        assert future in text, future
    target = tmp_path / "nieuw.yaml"
    assert main(["init", "nieuw", "--out", str(target)]) == 0
    capsys.readouterr()
    assert main(["compare", str(target), "--draws", "500", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out["scenarios"]) == {"baseline", "bezuiniging", "welzijn-apart"}


def test_every_error_code_the_analyses_raise_has_dutch_words():
    """No layer hands a user an English sentence: each UsageError / MkbaError raised anywhere in
    mkba carries a code (with its numbers) that text_nl words in Dutch, and no English pattern
    translation is left for it. A code built with an f-string (``f"evsi.{reason}"``) must have
    Dutch words for at least one key of that family."""
    import re
    from pathlib import Path

    root = Path(mkba.__file__).resolve().parent
    words = {**text_nl.CLI_ERROR_TEXT, **text_nl.PROBLEM_TEXT}
    codes, families, layers = set(), set(), set()
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for call in re.findall(r"raise (?:UsageError|MkbaError)\((.*?)\)(?: from \w+)?\n", source, flags=re.DOTALL):
            found = re.findall(r'"([a-z_]+\.[a-z_]+)"', call)
            family = re.findall(r'f"([a-z_]+\.[a-z_]*)\{', call)
            assert found or family, f"{path.relative_to(root)}: a UsageError without a code: {call[:80]}"
            codes.update(found)
            families.update(family)
            layers.add(path.relative_to(root).parts[0])
    assert len(codes) >= 100 and {"analysis", "faces", "core"} <= layers
    missing = sorted(c for c in codes if c not in words)
    missing += sorted(f for f in families if not any(key.startswith(f) for key in words))
    assert not missing, missing
    assert not hasattr(text_nl, "USAGE_PATTERNS")  # no English-to-Dutch pattern table is left


# --- council pages review: numbers as precise as known, labels inside sentences -------------------
def test_compare_verdict_rounds_to_its_interval_and_says_below_one_percent():
    from mkba.faces.console import verdict

    line = verdict("Scenario 1: schrappen", {"mean": 74_300, "p05": -216_000, "p95": 324_000}, 0.003, "de maatschappij")
    line = line.replace("\u00a0", " ")
    assert "naar verwachting winst van € 70.000 t.o.v. de basis (90%-interval −€ 220.000 – € 320.000" in line
    assert "74.300" not in line and line.endswith("kans dat dit de beste keuze is: <1%.")  # not '0%' when it is not 0


def test_evsi_and_evppi_sentences_round_value_and_error_and_lower_a_label_inside_a_sentence(example_case):
    # EVSI: '€ 376 waard (± € 98)' read as more precise than it is; the label began with a capital mid-sentence
    name = next(n for n, s in example_case.parameters.items() if s.label and s.label[0].isupper()
                and s.label[1].islower() and s.dist != "fixed")
    label = example_case.label_of(name)
    report = {"parameters": [name], "records": [
        {"parameters": [name], "n": 500, "value": 190.4, "se": 61.0, "evppi": 797.0, "method": "binomial"},
        {"parameters": [name], "n": 1000, "value": 376.0, "se": 98.0, "evppi": 797.0, "method": "binomial"}]}
    first, breakeven = (s.replace("\u00a0", " ") for s in report_data.evsi_sentences(example_case, report)[:2])
    inside = text_nl.label_mid_sentence(label)
    assert first == (f"1.000 extra registraties van {inside} zijn voor deze keuze naar verwachting € 380 waard "
                     "(± € 100); volledige zekerheid erover is hooguit € 797 waard.")
    assert f"Meer registreren van {inside} loont" in breakeven and "(500 registraties zijn samen naar verwachting € 190 waard)" in breakeven
    assert label not in first and inside != label
    # EVPPI: the research budget sentence, for one parameter (inside the sentence) with its error rounded alike
    from mkba.analysis.evppi import EvppiEstimate, EvppiTable

    estimate = EvppiEstimate(name=name, parameters=(name,), value=12_093.0, se=622.0, raw=12_093.0, evpi=20_200.0,
                             clipped=False, method="spline", perspective="society")
    table = EvppiTable(perspective="society", evpi=20_200.0, draws=10_000, estimates=(estimate,))
    line = report_data.evppi_sentences(example_case, table)[0].replace("\u00a0", " ")
    assert line.startswith(f"Onderzoek dat {inside} precies vaststelt, is voor deze keuze hooguit € 12.100 waard (± € 600;")


def test_breakeven_captions_count_in_singular_or_plural(example_case):
    """'23 aanname(s) kunnen …' read like a form; the caption counts properly."""
    from pandas.io.formats.style import Styler

    assert text_nl.breakeven_never(1) == " 1 aanname kan de uitkomst op geen enkele toegestane waarde laten omslaan."
    assert text_nl.breakeven_never(23).startswith(" 23 aannames kunnen de uitkomst")
    assert text_nl.breakeven_left_out(1).startswith(" 1 verdere aanname met een omslag ver buiten haar bereik")
    assert text_nl.breakeven_left_out(9).startswith(" 9 verdere aannames met een omslag ver buiten hun bereik")
    captions = [i.caption for i in report_data.breakeven_tables(example_case) if isinstance(i, Styler)]
    assert captions and not any("(s)" in c for c in captions)
    assert any("aannames kunnen de uitkomst" in c or "aanname kan de uitkomst" in c for c in captions)


def test_evppi_groups_worth_nothing_share_one_line(example_case):
    """Three '… hooguit € 0 waard (± € 0; …). Kost het meer, …' lines said one thing: one line now."""
    from mkba.analysis.evppi import EvppiEstimate, EvppiTable
    from mkba.faces.console import evppi_label

    groups = list(example_case.groepen)[:3]
    assert len(groups) == 3

    def est(name, value, se):
        return EvppiEstimate(name=name, parameters=(name,), value=value, se=se, raw=value, evpi=20_200.0,
                             clipped=False, method="gam", perspective="society")

    table = EvppiTable("society", 20_200.0, 10_000, (est(groups[0], 5_970.0, 435.0), est(groups[1], 0.0, 0.0),
                                                     est(groups[2], 0.0, 0.0)))
    lines = [x.replace("\u00a0", " ") for x in report_data.evppi_sentences(example_case, table)]
    assert not any("(± € 0;" in x for x in lines)
    zero = [x for x in lines if x.startswith("Onderzoek naar ")]
    assert len(zero) == 1 and zero[0].endswith("verandert deze keuze naar verwachting niet (waarde van perfecte informatie: € 0).")
    for e in table.estimates[1:]:  # both worthless groups named in it, inside the sentence
        assert text_nl.label_mid_sentence(evppi_label(example_case, e)) in zero[0]
    assert any("hooguit € 6.000 waard (± € 400;" in x for x in lines)
