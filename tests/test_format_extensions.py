"""Format v1 extensions of DESIGN §11: parameter labels, PM-posten, beperkingen, groepen."""

from __future__ import annotations

import pytest

import mkba
from mkba.core.errors import CaseError

BASE = """
mkba: 1
case: {id: x, title: X, start_year: 2024, horizon: 2}
sources: {bron: "Een bron"}
stakeholders: {gemeente: Gemeente, huishoudens: Huishoudens}
parameters:
  budget: {value: 1000, label: "Subsidie per jaar", source: bron}
  aandeel: {dist: uniform, min: 0.1, max: 0.3, label: "Aandeel substitutie"}
  waarde: {dist: uniform, min: 100, max: 200}
costs:
  - {id: subsidie, label: Subsidie, amount: budget, payer: gemeente}
effects:
  - {id: e, label: E, category: c, kind: fiscal, volume: 10, share: aandeel, value: waarde,
     beneficiaries: gemeente}
"""

EXTRA = """
pm_posten:
  - {label: "Signalering van zorgen", stakeholder: huishoudens, direction: positief, source: bron}
beperkingen:
  - "Preventieve effecten op lange termijn zijn niet gewaardeerd."
groepen:
  effect: [aandeel, waarde]
"""


def test_extensions_are_read_and_survive_a_scenario():
    case = mkba.load_case_text(BASE + EXTRA)
    assert case.label_of("aandeel") == "Aandeel substitutie"
    assert case.label_of("waarde") == "waarde"
    assert case.pm_posten[0].direction == "positief" and case.pm_posten[0].stakeholder == "huishoudens"
    assert case.beperkingen == ("Preventieve effecten op lange termijn zijn niet gewaardeerd.",)
    assert case.groepen == {"effect": ("aandeel", "waarde")}
    # a label changes nothing in the numbers
    plain = mkba.load_case_text(BASE.replace(', label: "Aandeel substitutie"', ""))
    a = mkba.simulate(case, draws=500, seed=4).to_frame()["npv"].to_numpy()
    b = mkba.simulate(plain, draws=500, seed=4).to_frame()["npv"].to_numpy()
    assert (a == b).all()


@pytest.mark.parametrize("extra, where", [
    ("pm_posten:\n  - {label: X, stakeholder: niemand, direction: positief}\n", "pm_posten[0].stakeholder"),
    ("pm_posten:\n  - {label: X, stakeholder: gemeente, direction: omhoog}\n", "pm_posten[0]"),
    ("pm_posten:\n  - {label: X, stakeholder: gemeente, direction: negatief, source: onbekend}\n", "pm_posten[0].source"),
    ("beperkingen: geen lijst\n", "beperkingen"),
    ("groepen:\n  g: [aandeel, bestaat_niet]\n", "groepen.g"),
    ("groepen:\n  g: [budget]\n", "groepen.g"),
])
def test_bad_extensions_are_located(extra, where):
    with pytest.raises(CaseError) as info:
        mkba.load_case_text(BASE + extra, "x.yaml")
    assert any(p.path.startswith(where) for p in info.value.problems), info.value.problems


SOORT = """
scenarios:
  minder:
    label: "Bezuiniging"
    scale: {budget: 0.5}
  andere-aanname:
    label: "Andere waardering"
    soort: gevoeligheid
    set: {waarde: 400}
"""


def test_sensitivity_scenarios_are_shown_but_never_chosen_between():
    """DESIGN §6: a ``soort: gevoeligheid`` scenario is simulated beside the options, but P(best),
    EVPI and the cuts are over the options (baseline and ``soort: beleid``) only."""
    case = mkba.load_case_text(BASE + SOORT)
    assert case.option_ids() == ["baseline", "minder"]
    assert case.sensitivity_ids() == ["andere-aanname"]
    assert case.scenarios["minder"].soort == "beleid" and case.scenarios["andere-aanname"].soort == "gevoeligheid"
    cmp = mkba.compare(case, draws=400, seed=2)
    out = cmp.summary()
    assert set(out["scenarios"]) == {"baseline", "minder", "andere-aanname"}
    assert set(out["decision"]["prob_best"]) == {"baseline", "minder"}
    assert set(out["cuts"]) == {"minder"}
    # the decision equals the one without the alternative assumptions at all
    alone = mkba.compare(mkba.load_case_text(BASE + SOORT.split("  andere-aanname:")[0]), draws=400, seed=2)
    assert alone.summary()["decision"] == out["decision"]
    # the value 400 lies outside the baseline's range of waarde, so the alternative is far better:
    # were it an option, it would be best in every draw
    assert out["scenarios"]["andere-aanname"]["metrics"]["npv"]["mean"] > out["scenarios"]["baseline"]["metrics"]["npv"]["mean"]


def test_a_bad_soort_is_located():
    with pytest.raises(CaseError) as info:
        mkba.load_case_text(BASE + SOORT.replace("soort: gevoeligheid", "soort: misschien"), "x.yaml")
    assert "scenarios.andere-aanname.soort" in str(info.value)


def test_calibrated_is_kept_on_the_parameter():
    case = mkba.load_case_text(BASE.replace('label: "Aandeel substitutie"',
                                            'label: "Aandeel substitutie", calibrated: "Zo gekozen dat de BCR 1,2 is."'))
    assert case.parameters["aandeel"].calibrated == "Zo gekozen dat de BCR 1,2 is."
    assert case.parameters["waarde"].calibrated is None
