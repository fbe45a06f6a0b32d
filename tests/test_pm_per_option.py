"""Issue 18: each option its own PM-posten (id, effect, scenario add/drop), the validate warning
when an option values an effect it also lists as PM-post, the report's target BCR from the case
(or none), and EVPPI groups with a label (DESIGN §2, §7, §14)."""

from __future__ import annotations

import pytest

import mkba
from mkba.core.case import pm_warnings
from mkba.core.errors import CaseError
from mkba.faces import report_data, text_nl
from mkba.faces.cli import main

BASE = """
mkba: 1
case: {id: x, title: X, start_year: 2024, horizon: 3}
sources: {bron: "Een bron"}
stakeholders: {gemeente: Gemeente, huishoudens: Huishoudens}
parameters:
  budget: {value: 1000}
  aandeel: {dist: uniform, min: 0.1, max: 0.3, label: "Aandeel substitutie"}
  waarde: {dist: uniform, min: 100, max: 200, label: "Waarde per uitkomst"}
  verlies: {dist: uniform, min: -50, max: -10, label: "Verlies signalering"}
costs:
  - {id: subsidie, label: Subsidie, amount: budget, payer: gemeente}
effects:
  - {id: e, label: E, category: c, kind: fiscal, volume: 10, share: aandeel, value: waarde, beneficiaries: gemeente}
pm_posten:
  - {id: pm-signalering, label: "Signalering", stakeholder: gemeente, direction: positief, effect: verlies-signalering,
     note: "Niet gewaardeerd.", source: bron}
  - {id: pm-netwerk, label: "Netwerk", stakeholder: huishoudens, direction: positief}
  - {label: "Zonder id", stakeholder: huishoudens, direction: negatief}
scenarios:
  minder:
    label: "Scenario 1: minder"
    scale: {aandeel: 0.5}
    drop: [pm-signalering]
    add:
      effects:
        - {id: verlies-signalering, label: "Verlies signalering", category: gevolgen, kind: social, volume: 1,
           value: verlies, beneficiaries: gemeente}
      pm_posten:
        - {id: pm-wachtlijst, label: "Wachtlijst", stakeholder: huishoudens, direction: negatief}
  anders:
    label: "Scenario 2: anders"
    drop: [pm-netwerk]
"""


def test_each_option_shows_its_own_pm_posten():
    case = mkba.load_case_text(BASE)
    ids = {sid: [p.id or p.label for p in case.with_scenario(sid).pm_posten] for sid in ("baseline", *case.scenarios)}
    assert ids == {"baseline": ["pm-signalering", "pm-netwerk", "Zonder id"],
                   "minder": ["pm-netwerk", "Zonder id", "pm-wachtlijst"],
                   "anders": ["pm-signalering", "Zonder id"]}
    # a run of an option carries (and its JSON and report pages show) that option's list only
    result = mkba.simulate(case, draws=200, seed=1, scenario="minder")
    assert [p["label"] for p in result.summary()["pm_posten"]] == ["Netwerk", "Zonder id", "Wachtlijst"]
    frame = report_data.pm_frame(result.case)
    assert list(frame[text_nl.PM_COLUMNS[0]]) == ["Netwerk", "Zonder id", "Wachtlijst"]
    # the comparison: one row per PM-post of any option, a mark per option that lists it
    table = report_data.pm_by_option_frame(case)
    marks = {row[text_nl.PM_BY_OPTION_COLUMNS[0]]: [row[c] for c in ("Basis", "Scenario 1", "Scenario 2")]
             for _, row in table.iterrows()}
    yes, no = text_nl.PM_BY_OPTION_YES, text_nl.PM_BY_OPTION_NO
    assert marks == {"Signalering": [yes, no, yes], "Netwerk": [yes, yes, no], "Zonder id": [yes, yes, yes],
                     "Wachtlijst": [no, yes, no]}
    # a gevoeligheid scenario (other assumptions, not a choice) gets no column of its own
    other = mkba.load_case_text(BASE + "  andere-waarde:\n    label: Andere waarde\n    soort: gevoeligheid\n")
    assert list(report_data.pm_by_option_frame(other).columns) == list(table.columns)
    # the numbers do not depend on PM-posten
    plain = mkba.load_case_text(BASE.replace("    drop: [pm-signalering]\n", ""))
    assert (mkba.simulate(plain, draws=200, seed=1, scenario="minder").column("npv") == result.column("npv")).all()


def test_validate_warns_when_an_option_values_an_effect_it_lists_as_pm_post(tmp_path, capsys):
    """A warning (exit 0), worded in Dutch, naming the option, the effect, the PM-post and the fix."""
    good = tmp_path / "goed.yaml"
    good.write_text(BASE, encoding="utf-8")
    assert pm_warnings(mkba.load_case(good)) == []
    assert main(["validate", str(good)]) == 0
    assert text_nl.WARNING not in capsys.readouterr().err

    bad = tmp_path / "dubbel.yaml"
    bad.write_text(BASE.replace("    drop: [pm-signalering]\n", ""), encoding="utf-8")
    warnings = pm_warnings(mkba.load_case(bad))
    assert [(w.scenario, w.effect, w.pm_id) for w in warnings] == [("minder", "verlies-signalering", "pm-signalering")]
    assert main(["validate", str(bad)]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert text_nl.WARNING in err and "scenarios.minder" in err and "'Verlies signalering'" in err
    assert "drop: [pm-signalering]" in err and "'Signalering'" in err


@pytest.mark.parametrize("change, where, code", [
    (("drop: [pm-netwerk]", "drop: [pm-bestaat-niet]"), "scenarios.anders.drop[0]", "scenario.drop_unknown"),
    (("id: pm-netwerk,", "id: e,"), "pm_posten[1].id", "pm.id_is_line"),
    (("id: pm-netwerk,", "id: pm-signalering,"), "pm_posten[1].id", "pm.id_twice"),
    (("effect: verlies-signalering,", "effect: bestaat-niet,"), "pm_posten[0].effect", "pm.effect_unknown"),
    (("{id: pm-wachtlijst,", "{id: subsidie,"), "scenarios.minder.add.pm_posten[0].id", "pm.id_is_line"),
    (("{id: pm-wachtlijst, label: \"Wachtlijst\", stakeholder: huishoudens",
      "{id: pm-wachtlijst, label: \"Wachtlijst\", stakeholder: niemand"),
     "scenarios.minder.add.pm_posten[0].stakeholder", "ref.stakeholder"),
])
def test_bad_pm_posten_are_located_and_worded_in_dutch(change, where, code):
    with pytest.raises(CaseError) as info:
        mkba.load_case_text(BASE.replace(*change), "x.yaml")
    found = [p for p in info.value.problems if p.path.startswith(where) and p.code == code]
    assert found, info.value.problems
    assert code in text_nl.PROBLEM_TEXT


def test_a_dropped_pm_id_may_be_reused_by_what_the_scenario_adds():
    case = mkba.load_case_text(BASE.replace("{id: pm-wachtlijst,", "{id: pm-signalering,"))
    assert [p.label for p in case.with_scenario("minder").pm_posten] == ["Netwerk", "Zonder id", "Wachtlijst"]


def test_the_report_target_comes_from_the_case_or_there_is_none():
    from pandas.io.formats.style import Styler

    plain = mkba.load_case_text(BASE)
    assert plain.target_bcr is None
    items = report_data.breakeven_tables(plain)
    assert [type(i) for i in items] == [Styler, str] and items[1] == text_nl.NO_TARGET_BCR
    assert "1,20" not in " ".join(i.caption for i in items if isinstance(i, Styler))

    case = mkba.load_case_text(BASE + "report:\n  target_bcr: 1.35\n")
    assert case.target_bcr == 1.35
    items = report_data.breakeven_tables(case)
    captions = [i.caption for i in items if isinstance(i, Styler)]
    assert len(captions) == 2 and "1,35" in captions[1] and "1,35" not in captions[0]
    # the analysis behind the second table used the case's target
    assert "1,35" in items[2]


@pytest.mark.parametrize("report, where", [("report: 1.2\n", "report"), ("report:\n  target_bcr: 0\n", "report.target_bcr"),
                                           ("report:\n  doel: 1.2\n", "report.doel")])
def test_a_bad_report_section_is_located(report, where):
    with pytest.raises(CaseError) as info:
        mkba.load_case_text(BASE + report, "x.yaml")
    assert any(p.path.startswith(where) for p in info.value.problems), info.value.problems


GROUPS = """
groepen:
  waardering: {label: "Wat een uitkomst waard is", parameters: [waarde, aandeel]}
  lijst: [aandeel]
"""


def test_groups_take_a_label_and_the_list_form_stays_valid():
    from mkba.analysis.evppi import EvppiEstimate
    from mkba.faces.console import evppi_group_lines, evppi_label

    case = mkba.load_case_text(BASE + GROUPS)
    assert case.groepen == {"waardering": ("waarde", "aandeel"), "lijst": ("aandeel",)}
    assert case.group_label("waardering") == "Wat een uitkomst waard is" and case.group_label("lijst") is None
    fields = {f: None for f in EvppiEstimate.__dataclass_fields__}
    estimate = EvppiEstimate(**{**fields, "name": "waardering", "parameters": ("waarde", "aandeel")})
    assert evppi_label(case, estimate).startswith("Wat een uitkomst waard is")
    assert "waardering" not in evppi_label(case, estimate)

    class Table:
        def ranked(self):
            return type("R", (), {"estimates": [estimate]})()

    assert evppi_group_lines(case, Table()) == ["Wat een uitkomst waard is: Waarde per uitkomst, Aandeel substitutie."]
    with pytest.raises(CaseError) as info:
        mkba.load_case_text(BASE + "groepen:\n  g: {label: G}\n", "x.yaml")
    assert any(p.path.startswith("groepen.g") for p in info.value.problems)


def test_de_kop_pm_posten_per_option_and_its_target(example_case):
    """De Kop: scenario 2 values the loss of signalling and partnership, so neither is its PM-post;
    scenarios 1 and 3 add the consequences the council note names; the target is 1,2."""
    case = example_case
    assert all(p.id for p in case.pm_posten)
    assert pm_warnings(case) == []
    s2 = case.with_scenario("s2-uitvoeringsvereisten")
    valued = {e.id for e in s2.effects}
    assert "verlies-partnerschap" in valued
    assert not any(p.effect in valued for p in s2.pm_posten)
    assert not any(p.label.startswith("Signalerende rol") for p in s2.pm_posten)
    assert len(case.with_scenario("s1-taakvelden").pm_posten) == len(case.pm_posten) + 1
    assert case.target_bcr == 1.2
    assert all(case.group_label(g) for g in case.groepen)
