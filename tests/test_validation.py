"""Broken case files: each is rejected with file:line, YAML path and what to change;
the CLI exits non-zero without a traceback."""

from __future__ import annotations

import pytest

import mkba
from mkba.core.errors import CaseError
from mkba.faces.cli import main
from mkba.faces.text_nl import render_problem

VALID = """\
mkba: 1
case:
  id: mini
  title: Mini
  start_year: 2020
  horizon: 3
  discount_rate: 0.0225
sources:
  bron: Een bron
stakeholders:
  gemeente: Gemeente
  huishoudens: Huishoudens
parameters:
  budget: {value: 1000, source: bron}
  substitutie: {dist: pert, min: 0.25, mode: 0.35, max: 0.45}
  aantal: {dist: uniform, min: 10, max: 20}
costs:
  - id: subsidie
    label: Subsidie
    amount: budget
    payer: gemeente
effects:
  - id: effect
    label: Effect
    category: substitutie
    kind: fiscal
    volume: aantal
    share: substitutie
    value: 100
    beneficiaries: {gemeente: 0.8, huishoudens: rest}
scenarios:
  s1:
    label: S1
    scale: {aantal: 0.5}
"""


def load(text, tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(text, tmp_path):
    path = load(text, tmp_path)
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    return info.value.problems, path


def test_valid_mini_case_loads(tmp_path):
    case = mkba.load_case(load(VALID, tmp_path))
    assert case.id == "mini" and case.uncertain_parameters == ["substitutie", "aantal"]


# (replace this, with this, expected line, expected path, fragment of the message)
BROKEN = [
    ("max: 0.45}", "max: 0.30}", 15, "parameters.substitutie", "max (0,3) moet ≥ mode (0,35) zijn"),
    ("{dist: uniform, min: 10, max: 20}", "{dist: uniform, min: 10}", 16, "parameters.aantal.max", "verplicht veld ontbreekt"),
    ("{dist: uniform, min: 10, max: 20}", "{dist: weibul, k: 2}", 16, "parameters.aantal", "onbekende verdeling 'weibul'"),
    ("payer: gemeente", "payer: provincie", 21, "costs[0].payer", "onbekende belanghebbende 'provincie'"),
    ("amount: budget", "amount: budjet", 20, "costs[0].amount", "onbekende parameter 'budjet'"),
    ("source: bron}", "source: onbekend}", 14, "parameters.budget.source", "onbekende bron 'onbekend'"),
    ("huishoudens: rest}", "huishoudens: 0.1}", 30, "effects[0].beneficiaries", "moeten optellen tot 1 (ze tellen op tot 0,9)"),
    ("share: substitutie", "share: aantal", 28, "effects[0].share", "parameter 'aantal' kan waarden in [10; 20] aannemen"),
    ("share: substitutie", "share: 1.5", 28, "effects[0].share", "1,5 valt buiten het bereik"),
    ("kind: fiscal", "kind: financieel", 26, "effects[0].kind", "moet een van"),
    ("    value: 100\n", "    value: 100\n    vaule: 3\n", 30, "effects[0].vaule", "onbekend veld 'vaule'"),
    ("volume: aantal", "volume: [1, 2]", 27, "effects[0].volume", "één waarde per jaar van de horizon (3)"),
    ("scale: {aantal: 0.5}", "drop: [bestaat-niet]", 34, "scenarios.s1.drop[0]", "geen kosten- of effectpost met id 'bestaat-niet'"),
    ("scale: {aantal: 0.5}", "drop: [subsidie]", 34, "scenarios.s1.drop", "verwijdert alle kostenposten"),
    ("scale: {aantal: 0.5}", "set: {onbekend: 3}", 34, "scenarios.s1.set.onbekend", "onbekende parameter 'onbekend'"),
    ("  id: mini", "  id: Mini Case", 3, "case.id", "kleine letters"),
    ("mkba: 1", "mkba: 2", 1, "mkba", "formaatversie 2 wordt niet ondersteund"),
    ("  horizon: 3", "  horizon: 0", 6, "case.horizon", "horizon 0 is niet plausibel"),
    ("  - id: effect", "  - id: subsidie", 23, "effects[0].id", "komt twee keer voor"),
    ("gemeente: Gemeente\n", "gemeente: Gemeente\n  gemeente: Dubbel\n", 12, "stakeholders.gemeente", "dubbele sleutel"),
    ("  discount_rate: 0.0225", "  discount_rate: -2", 7, "case.discount_rate", "valt buiten het bereik"),
]


@pytest.mark.parametrize(("old", "new", "line", "path", "fragment"), BROKEN, ids=[b[4][:30] for b in BROKEN])
def test_broken_case_is_rejected_with_location(tmp_path, old, new, line, path, fragment):
    assert old in VALID
    problems, file = problems_of(VALID.replace(old, new, 1), tmp_path)
    matching = [p for p in problems if fragment in render_problem(p)]
    assert matching, [render_problem(p) for p in problems]
    p = matching[0]
    assert p.file == str(file)
    assert p.path == path
    assert p.line == line, str(p)
    assert p.code, "every validation problem has a stable code"
    assert render_problem(p).startswith(f"{file}:{line} {path}: ")
    assert str(p).startswith(f"{file}:{line} {path}: ")  # the plain fallback keeps the location too


def test_all_problems_reported_at_once(tmp_path):
    text = VALID.replace("max: 0.45}", "max: 0.30}").replace("payer: gemeente", "payer: provincie")
    problems, _ = problems_of(text, tmp_path)
    assert len(problems) >= 2


def test_correlations_are_checked(tmp_path):
    text = VALID + "correlations:\n  - [substitutie, budget, 0.5]\n  - [substitutie, aantal, 1.5]\n"
    problems, _ = problems_of(text, tmp_path)
    messages = " | ".join(render_problem(p) for p in problems)
    assert "'budget' is vast" in messages
    assert "strikt tussen -1 en 1" in messages


def test_inconsistent_correlation_matrix(tmp_path):
    text = VALID.replace("  aantal: {dist: uniform, min: 10, max: 20}",
                         "  aantal: {dist: uniform, min: 10, max: 20}\n  x: {dist: uniform, min: 0, max: 1}")
    text += "correlations:\n  - [substitutie, aantal, 0.9]\n  - [substitutie, x, 0.9]\n  - [aantal, x, -0.9]\n"
    problems, _ = problems_of(text, tmp_path)
    assert any(p.code == "corr.inconsistent" and "niet positief definiet" in render_problem(p) for p in problems)


def test_yaml_syntax_error_has_a_line(tmp_path):
    problems, file = problems_of(VALID.replace("  title: Mini", "  title: [Mini"), tmp_path)
    assert problems[0].line is not None and "geen geldige YAML" in render_problem(problems[0])


def test_yaml_is_never_executed(tmp_path):
    text = VALID.replace("  title: Mini", "  title: !!python/object/apply:os.system ['echo hacked']")
    problems, _ = problems_of(text, tmp_path)
    assert "geen geldige YAML" in render_problem(problems[0])


def test_cli_validate_exit_codes_and_no_traceback(tmp_path, capsys):
    good = load(VALID, tmp_path)
    assert main(["validate", str(good)]) == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(VALID.replace("max: 0.45}", "max: 0.30}"), encoding="utf-8")
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:15 parameters.substitutie: max (0,3) moet ≥ mode (0,35) zijn" in " ".join(err.split())
    assert "1 probleem gevonden" in err
    assert "Traceback" not in err


def test_cli_missing_file_and_unknown_scenario(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope.yaml")]) == 2
    assert "bestand niet gevonden" in capsys.readouterr().err
    good = load(VALID, tmp_path)
    assert main(["run", str(good), "--scenario", "s9", "--draws", "10"]) == 2
    err = capsys.readouterr().err
    assert "onbekend scenario 's9'" in err and "s1" in err and "Traceback" not in err


def test_cli_bad_option_value(tmp_path, capsys):
    good = load(VALID, tmp_path)
    assert main(["run", str(good), "--draws", "0"]) == 2
    assert main(["run", str(good), "--design", "halton", "--draws", "5"]) == 2
    assert "onbekend steekproefontwerp 'halton'" in capsys.readouterr().err


def test_validate_warns_about_unused_parameters(tmp_path, capsys):
    text = VALID.replace("  aantal: {dist: uniform, min: 10, max: 20}",
                         "  aantal: {dist: uniform, min: 10, max: 20}\n  vergeten: {value: 3}")
    path = load(text, tmp_path)
    assert main(["validate", str(path)]) == 0
    assert "parameters.vergeten: geen post of scenario gebruikt deze parameter" in " ".join(capsys.readouterr().err.split())


def test_used_parameters_follow_the_scenario(tmp_path):
    text = VALID.replace("    scale: {aantal: 0.5}", "    add:\n      parameters: {extra: {dist: uniform, min: 0, max: 1}}\n"
                         "      effects: [{id: x, label: X, category: c, kind: social, volume: 1, value: extra, beneficiaries: gemeente}]")
    case = mkba.load_case(load(text, tmp_path))
    assert case.used_parameters() == ["budget", "substitutie", "aantal"]
    assert "extra" in case.with_scenario("s1").used_parameters()
    from mkba.analysis.sensitivity import tornado

    assert "extra" not in tornado.analyze(case).parameters
    assert "extra" in tornado.analyze(case, scenario="s1").parameters
