"""Co-financing (mkba verdeel, DESIGN §18) against closed forms, brute force, and as a user meets it.

The small case below has normal money benefits and fixed costs, so every number has a closed
form: P(F ≥ s·C) ≥ q  ⇔  s ≤ (μ − z_q σ)/C, with z_q the standard normal q-quantile. Tolerances
are tied to the estimators' own standard errors: the q-quantile of F/C from N draws has
sd ≈ (σ/C) √(q(1 − q)/N) / φ(z_q).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from scipy import optimize, stats

import mkba
from mkba.analysis import cofinancing as cf
from mkba.core.errors import UsageError
from mkba.faces.cli import main

CASE = """\
mkba: 1
case: {{id: verdeel-toets, title: "Kostendeling-toets", start_year: 2024, horizon: {horizon}, discount_rate: {rate},
        optimism_bias: {{costs: {ob_costs}, benefits: {ob_benefits}}}}}
stakeholders: {{gemeente: Gemeente, verzekeraar: Zorgverzekeraars, huishoudens: Huishoudens}}
parameters:
  kosten: {{value: {cost}, label: Kosten per jaar}}
  geld_gemeente: {{dist: normal, mean: 600, sd: 100, label: Vermeden uitgaven gemeente}}
  geld_verzekeraar: {{dist: normal, mean: 700, sd: 150, label: Vermeden zorgkosten}}
  welzijn: {{value: 500, label: Welzijn}}
costs:
  - {{id: subsidie, label: Subsidie, amount: kosten, payer: gemeente}}
effects:
  - {{id: maatwerk, label: Vermeden maatwerk, category: c, kind: fiscal, volume: 1, value: geld_gemeente, beneficiaries: gemeente}}
  - {{id: zorg, label: Minder huisartsbezoek, category: c, kind: fiscal, volume: 1, value: geld_verzekeraar, beneficiaries: verzekeraar}}
  - {{id: welzijn, label: Meer welzijn, category: c, kind: social, volume: 1, value: welzijn, beneficiaries: huishoudens}}
scenarios:
  krap:
    label: "Scenario krap: minder geldbaten"
    set:
      geld_gemeente: {{dist: normal, mean: 300, sd: 100}}
    scale:
      geld_verzekeraar: 0.5
  kalibratie:
    label: "Gevoeligheid: andere aannamen"
    soort: gevoeligheid
    scale:
      geld_gemeente: 2
"""
MEANS = {"gemeente": 600.0, "verzekeraar": 700.0}
SDS = {"gemeente": 100.0, "verzekeraar": 150.0}
KRAP = {"gemeente": (300.0, 100.0), "verzekeraar": (350.0, 75.0)}
DRAWS = 20_000


def write_case(tmp: Path, horizon: int = 1, rate: float = 0.0, ob_costs: float = 0.0, ob_benefits: float = 0.0,
               cost: float = 1000.0) -> Path:
    path = tmp / "verdeel.yaml"
    path.write_text(CASE.format(horizon=horizon, rate=rate, ob_costs=ob_costs, ob_benefits=ob_benefits, cost=cost),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def small_path(tmp_path_factory) -> Path:
    return write_case(tmp_path_factory.mktemp("verdeel"))


@pytest.fixture(scope="module")
def small(small_path):
    return mkba.load_case(small_path)


@pytest.fixture(scope="module")
def base_record(small):
    return cf.analyze(small, draws=DRAWS, seed=3)


@pytest.fixture(scope="module")
def krap_record(small):
    return cf.analyze(small, scenario="krap", draws=DRAWS, seed=3)


def quantile_se(sigma_over_c: float, q: float, n: int) -> float:
    z = stats.norm.ppf(q)
    return sigma_over_c * math.sqrt(q * (1 - q) / n) / stats.norm.pdf(z)


# --------------------------------------------------------------------------------------------
# The order statistic
# --------------------------------------------------------------------------------------------
def brute_force(f: np.ndarray, c: np.ndarray, q: float) -> float:
    """The definition, literally: try every share at which some draw changes side."""
    k = cf.required_draws(q, f.size)
    if np.count_nonzero(c < 0) + np.count_nonzero((c == 0) & (f >= 0)) >= k:
        return math.inf
    candidates = [0.0, *(x for x in f[c != 0] / c[c != 0] if x >= 0)]
    ok = [s for s in candidates if np.count_nonzero(f >= s * c) >= k]
    return max(ok) if ok else 0.0


def test_max_share_equals_the_definition_with_ties_and_costs_of_any_sign():
    rng = np.random.default_rng(20)
    kinds = {"ties": 0, "inf": 0, "zero": 0}
    for _ in range(3000):
        n = int(rng.integers(1, 16))
        f = rng.integers(-3, 5, n).astype(float)   # few values: many ties
        c = rng.integers(-2, 4, n).astype(float)   # C < 0, = 0 and > 0 draws
        q = float(rng.choice([0.1, 0.5, 0.7, 0.8, 0.95]))
        got = cf.max_share(f, c, q)
        assert got == brute_force(f, c, q), (f, c, q)
        kinds["inf"] += math.isinf(got)
        kinds["zero"] += got == 0
        kinds["ties"] += len(set(f / np.where(c == 0, 1, c))) < n
    assert min(kinds.values()) > 50  # every special case was met many times


def test_max_share_is_the_lower_quantile_of_the_ratio_when_costs_are_positive():
    rng = np.random.default_rng(5)
    f, c = rng.normal(500, 100, 1000), rng.uniform(800, 1200, 1000)
    ratio = np.sort(f / c)
    # k = 800 largest ratios must qualify: the 800th largest is the 201st smallest
    assert cf.max_share(f, c, 0.8) == ratio[200]
    assert np.mean(f >= ratio[200] * c) >= 0.8 > np.mean(f >= np.nextafter(ratio[200], 1) * c)
    assert cf.required_draws(0.7, 10) == 7  # 0,7 · 10 is 7, not 8 by rounding
    assert cf.max_share(np.array([-1.0, -2.0]), np.array([10.0, 10.0]), 0.5) == 0.0  # no s ≥ 0: 0


def test_max_share_follows_the_joint_draws_of_correlated_costs_and_benefits():
    """F and C jointly normal: F − s·C is normal, so P(F ≥ s·C) = q has a closed-form root."""
    rng = np.random.default_rng(11)
    n, q, rho = 40_000, 0.8, 0.6
    mf, sf, mc, sc = 600.0, 100.0, 1000.0, 150.0
    cov = [[sf**2, rho * sf * sc], [rho * sf * sc, sc**2]]
    f, c = rng.multivariate_normal([mf, mc], cov, n).T
    z = stats.norm.ppf(q)

    def gap(s):  # P(F − sC ≥ 0) − q through the normal of F − sC
        sd = math.sqrt(sf**2 - 2 * s * rho * sf * sc + s**2 * sc**2)
        return stats.norm.cdf((mf - s * mc) / sd) - q

    exact = optimize.brentq(gap, 0.0, 1.0)
    value, mcse = cf._max_share_with_mcse(f, c, q)
    assert abs(value - exact) <= 4 * mcse
    independent = optimize.brentq(lambda s: stats.norm.cdf((mf - s * mc) / math.hypot(sf, s * sc)) - q, 0.0, 1.0)
    assert abs(independent - exact) > 10 * mcse  # the correlation matters, and is used
    # the reported error agrees with the asymptotic sd of a quantile (density from the closed form)
    sd_g = math.sqrt(sf**2 - 2 * exact * rho * sf * sc + exact**2 * sc**2)
    dens = stats.norm.pdf(z) * mc / sd_g  # |d P(F ≥ sC)/ds| at the root (C's spread adds little)
    assert 0.5 < mcse / (math.sqrt(q * (1 - q) / n) / dens) < 2.0


# --------------------------------------------------------------------------------------------
# Closed forms on a case (discounting, horizon, optimism bias as in `run`)
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("variant", [
    {"horizon": 1, "rate": 0.0, "ob_costs": 0.0, "ob_benefits": 0.0, "cost": 1000.0},
    {"horizon": 2, "rate": 0.1, "ob_costs": 0.2, "ob_benefits": 0.1, "cost": 500.0},
])
@pytest.mark.parametrize("q", [0.8, 0.95])
def test_max_share_against_the_closed_form(tmp_path, variant, q):
    case = mkba.load_case(write_case(tmp_path, **variant))
    rec = cf.analyze(case, certainty=q, draws=DRAWS, seed=7)
    annuity = sum((1 + variant["rate"]) ** -t for t in range(variant["horizon"]))  # same draw every year
    cost = variant["cost"] * (1 + variant["ob_costs"]) * annuity
    assert rec.cost["mean"] == pytest.approx(cost, rel=1e-12)
    z = stats.norm.ppf(q)
    for sid in MEANS:
        scale = (1 - variant["ob_benefits"]) * annuity
        mu, sigma = MEANS[sid] * scale, SDS[sid] * scale
        expected = (mu - z * sigma) / cost
        p = rec.payer(sid)
        se = quantile_se(sigma / cost, q, DRAWS)
        assert abs(p.max_share - expected) <= 4 * se, (sid, p.max_share, expected, se)
        assert 0.5 < p.max_share_mcse / se < 2.0  # the reported error is the right size


def test_a_feasible_split(base_record):
    rec = base_record
    z = stats.norm.ppf(0.8)
    shares = {sid: (MEANS[sid] - z * SDS[sid]) / 1000 for sid in MEANS}   # 0,516 + 0,574 = 1,09
    assert rec.feasible and rec.uncovered_share == 0
    assert set(rec.summary()["payers"]) == {"gemeente", "verzekeraar"}   # households only have social benefits
    assert sum(rec.certain_split.values()) == pytest.approx(1.0)
    for sid, split in rec.certain_split.items():
        p = rec.payer(sid)
        assert split <= p.max_share  # each within its limit
        assert split == pytest.approx(p.max_share / rec.sum_max_share)
        assert np.isclose(split, shares[sid] / sum(shares.values()), atol=4 * quantile_se(0.15, 0.8, DRAWS))
        # the proposed split gives everyone the same return per euro: its benefit share
        assert p.proposed_share == p.benefit_share
        assert p.benefit_share == pytest.approx(MEANS[sid] / 1300, abs=4 * 150 / math.sqrt(DRAWS) / 1300)
        # P(F ≥ proposed·C) against Φ((μ − p·C)/σ), within its binomial error
        exact = stats.norm.cdf((MEANS[sid] - p.proposed_share * 1000) / SDS[sid])
        assert abs(p.prob_gain_at_proposed - exact) <= 4 * math.sqrt(exact * (1 - exact) / DRAWS) + 0.002
    # with independent F's, all gain at once with the product of each one's chance at its split
    alone = [stats.norm.cdf((MEANS[s] - rec.certain_split[s] * 1000) / SDS[s]) for s in MEANS]
    assert rec.prob_all_gain_at_certain_split == pytest.approx(np.prod(alone), abs=0.015)
    assert rec.money_return == pytest.approx(1.3, abs=0.005)


def test_an_infeasible_split_per_scenario(krap_record, base_record):
    rec = krap_record
    assert rec.option == "krap" and not rec.feasible and rec.certain_split is None
    assert "certain_split" not in rec.summary() and "prob_all_gain_at_certain_split" not in rec.summary()
    z = stats.norm.ppf(0.8)
    expected = {sid: (mu - z * sd) / 1000 for sid, (mu, sd) in KRAP.items()}
    for sid, value in expected.items():
        assert abs(rec.payer(sid).max_share - value) <= 4 * quantile_se(KRAP[sid][1] / 1000, 0.8, DRAWS)
    se_sum = math.hypot(*(quantile_se(KRAP[s][1] / 1000, 0.8, DRAWS) for s in KRAP))
    assert abs(rec.uncovered_share - (1 - sum(expected.values()))) <= 4 * se_sum
    assert rec.money_return == pytest.approx(0.65, abs=0.005)
    # the scenario shares the baseline's draws (common random numbers): the insurer's F is halved
    assert rec.payer("verzekeraar").fiscal_benefit["mean"] == pytest.approx(
        base_record.payer("verzekeraar").fiscal_benefit["mean"] / 2, rel=1e-12)


def test_payers_can_be_chosen(small):
    rec = cf.analyze(small, payers=["verzekeraar"], draws=2000, seed=1)
    assert [p.stakeholder for p in rec.payers] == ["verzekeraar"] and rec.payers_given
    assert rec.payer("verzekeraar").benefit_share == 1.0
    assert rec.feasible == (rec.payer("verzekeraar").max_share >= 1)


# --------------------------------------------------------------------------------------------
# Refusals (Python) and the JSON contract
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, code", [
    ({"scenario": "kalibratie"}, "analysis.cofinancing_not_option"),
    ({"scenario": "onbekend"}, "analysis.cofinancing_scenario_unknown"),
    ({"certainty": 1.0}, "analysis.cofinancing_certainty"),
    ({"certainty": 0.0}, "analysis.cofinancing_certainty"),
    ({"certainty": math.nan}, "analysis.cofinancing_certainty"),
    ({"payers": ["buurman"]}, "analysis.cofinancing_payer_unknown"),
    ({"payers": ["huishoudens"]}, "analysis.cofinancing_payer_no_money"),
    ({"payers": ["gemeente", "gemeente"]}, "analysis.cofinancing_payer_twice"),
    ({"payers": []}, "analysis.cofinancing_no_payers"),
    ({"draws": 50}, "analysis.cofinancing_min_draws"),
])
def test_bad_requests_are_refused_before_simulating(small, kwargs, code):
    with pytest.raises(UsageError) as err:
        cf.check_request(small, **{"draws": 1000, **kwargs})
    assert err.value.code == code
    from mkba.faces import text_nl

    assert code in text_nl.CLI_ERROR_TEXT


def test_a_sensitivity_result_is_refused(small):
    res = mkba.simulate(small, draws=200, seed=1, scenario="kalibratie")
    with pytest.raises(UsageError) as err:
        cf.cofinancing(res)
    assert err.value.code == "analysis.cofinancing_not_option"


def run_json(capsys, *args):
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape(capsys, small_path):
    out = run_json(capsys, "verdeel", str(small_path), "--draws", "2000", "--seed", "4", "--json")
    assert {"case", "option", "certainty", "cost", "payers", "feasible", "uncovered_share", "certain_split"} <= set(out)
    assert out["case"] == "verdeel-toets" and out["option"] == "baseline" and out["certainty"] == 0.8
    assert set(out["cost"]) >= {"mean", "sd", "p05", "p50", "p95", "mcse"}
    for p in out["payers"].values():
        assert {"fiscal_benefit", "benefit_share", "proposed_share", "max_share", "prob_gain_at_proposed"} <= set(p)
        assert set(p["fiscal_benefit"]) >= {"mean", "sd", "p05", "p50", "p95", "mcse"}
    assert sum(p["benefit_share"] for p in out["payers"].values()) == pytest.approx(1.0)
    krap = run_json(capsys, "verdeel", str(small_path), "--scenario", "krap", "--zekerheid", "0,9", "--draws", "2000",
                    "--json")
    assert krap["option"] == "krap" and krap["certainty"] == 0.9 and not krap["feasible"] and "certain_split" not in krap


def test_numbers_are_those_of_run(capsys, example_path):
    """Discounting, horizon and optimism bias as in `mkba run`: the same simulate(), the same
    draws (De Kop's figures are not pinned: they move with the value bank)."""
    verdeel = run_json(capsys, "verdeel", str(example_path), "--scenario", "s2-uitvoeringsvereisten", "--draws", "2000",
                       "--seed", "5", "--json")
    run = run_json(capsys, "run", str(example_path), "--scenario", "s2-uitvoeringsvereisten", "--draws", "2000",
                   "--seed", "5", "--json")
    assert verdeel["cost"] == run["metrics"]["pv_costs"]
    for sid, p in verdeel["payers"].items():
        assert p["fiscal_benefit"] == run["stakeholders"][sid]["pv_fiscal"]
        assert p["fiscal_benefit"]["mean"] > 0
    money = [sid for sid, s in run["stakeholders"].items() if s["pv_fiscal"]["mean"] > 0]
    assert sorted(verdeel["payers"]) == sorted(money)
    total = sum(run["stakeholders"][sid]["pv_fiscal"]["mean"] for sid in money)
    assert verdeel["money_return"] == pytest.approx(total / run["metrics"]["pv_costs"]["mean"], rel=1e-12)
    assert verdeel["uncovered_share"] == pytest.approx(max(0.0, 1 - sum(p["max_share"] for p in verdeel["payers"].values())))


# --------------------------------------------------------------------------------------------
# The command line: bad input, the table, the workbook
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("args, words", [
    (["--betalers", "buurman"], ["--betalers", "'buurman' is geen belanghebbende", "kies uit: gemeente, verzekeraar, huishoudens"]),
    (["--betalers", "gemeente,huishoudens"], ["Huishoudens ('huishoudens') krijgt", "geen geldbaten", "gemeente, verzekeraar"]),
    (["--zekerheid", "1"], ["--zekerheid 1", "tussen 0 en 1"]),
    (["--zekerheid", "0"], ["--zekerheid 0", "tussen 0 en 1"]),
    (["--zekerheid", "1.5"], ["--zekerheid 1.5", "tussen 0 en 1"]),
    (["--zekerheid", "veel"], ["--zekerheid veel", "tussen 0 en 1"]),
    (["--scenario", "kalibratie"], ["gevoeligheidsscenario", "Gevoeligheid: andere aannamen", "baseline, krap"]),
    (["--draws", "20"], ["minstens 100 trekkingen"]),
])
def test_bad_input_exits_2_with_a_dutch_message(capsys, small_path, args, words):
    assert main(["verdeel", str(small_path), *args]) == 2
    captured = capsys.readouterr()
    err = " ".join(captured.err.split())
    assert err.startswith("fout:"), err
    for word in words:
        assert word in err, (word, err)
    assert "Traceback" not in err and captured.out == ""


def test_cli_table_and_sentences(capsys, small_path):
    import re

    assert main(["verdeel", str(small_path), "--draws", "5000"]) == 0
    text = " ".join(capsys.readouterr().out.replace("\u00a0", " ").split())
    for word in ("Wie zou moeten meebetalen?", "Kostendeling-toets", "Per betaler", "Geldbaten (gem.)",
                 "Hoogste bijdrage (80% zeker)", "Verdeling (80% zeker)", "Gemeente", "Zorgverzekeraars", "Samen",
                 "Zorgverzekeraars: naar verwachting 54% van de geldbaten",
                 "Bij een bijdrage naar rato, 54% van de kosten (€ 53",
                 "Met 80% zekerheid kunnen de betalers de kosten samen dragen",
                 "De geldbaten van zorgverzekeraars komen uit: Minder huisartsbezoek."):
        assert word in text, word
    assert re.search(r"dekken samen naar verwachting 1(29|30|31)% van de kosten", text)
    assert "huishoudens" not in text.split("Per betaler")[1].split("Samen")[0].lower()  # not a payer
    assert "verzekeraar " not in text  # labels, never ids
    assert main(["verdeel", str(small_path), "--scenario", "krap", "--draws", "5000"]) == 0
    text = " ".join(capsys.readouterr().out.replace("\u00a0", " ").split())
    assert "Scenario krap: minder geldbaten" in text
    assert re.search(r"verdienen de betalers samen hooguit (49|50|51)% van de kosten in geld terug\. De overige (49|50|51)%", text)
    assert "houdt dus geen betaler er naar verwachting geld aan over" in text


def test_workbook_has_numbers_with_formats(tmp_path, capsys, small_path):
    from openpyxl import load_workbook

    out = tmp_path / "verdeel.xlsx"
    assert main(["verdeel", str(small_path), "--draws", "2000", "--xlsx", str(out)]) == 0
    assert "Excel-tabellen geschreven" in capsys.readouterr().out
    ws = load_workbook(out)["Wie betaalt mee"]
    rows = list(ws.iter_rows())
    header = next(i for i, r in enumerate(rows) if r[0].value == "Betaler")
    names = [c.value for c in rows[header]]
    first = rows[header + 1]
    assert first[0].value == "Gemeente"
    cell = dict(zip(names, first, strict=False))
    assert isinstance(cell["Geldbaten (CW, gem.)"].value, float) and "€" in cell["Geldbaten (CW, gem.)"].number_format
    share = cell["Hoogste bijdrage met deze zekerheid (deel kosten)"]
    assert isinstance(share.value, float) and share.number_format.endswith("%") and 0.3 < share.value < 0.7
    assert isinstance(cell["Verdeling met deze zekerheid"].value, float)
    texts = [r[0].value for r in rows if isinstance(r[0].value, str)]
    assert any("van de geldbaten" in t for t in texts)
    assert main(["verdeel", str(small_path), "--xlsx", str(tmp_path / "x.txt")]) == 2


# --------------------------------------------------------------------------------------------
# The report section and the brief's lines
# --------------------------------------------------------------------------------------------
def test_report_section_and_brief_lines(small):
    import re

    from mkba.faces import cofinancing as face
    from mkba.faces import text_nl

    res = mkba.simulate(small, draws=4000, seed=2)
    table, text = face.report_section(res)
    html = table.to_html()
    assert "Zorgverzekeraars" in html and "Hoogste bijdrage (80% zeker)" in html
    assert "van de geldbaten" in text and "`--betalers`" in text
    lines = face.brief_lines_for(res)
    assert len(lines) == 1 and "met 80% zekerheid kunnen de betalers de kosten samen dragen, bijvoorbeeld gemeente" in lines[0]
    krap = face.brief_lines_for(mkba.simulate(small, draws=4000, seed=2, scenario="krap"))
    # the payers by what they can carry, largest first: the insurer (29%) before the municipality (22%)
    assert len(krap) == 2 and "Met 80% zekerheid verdienen terug: zorgverzekeraars 29% en gemeente 2" in krap[0]
    assert re.search(r"\(samen (49|50|51)%\)", krap[0]) and "prijs van de maatschappelijke baten" in krap[1]
    gevoelig = mkba.simulate(small, draws=200, seed=2, scenario="kalibratie")
    assert face.brief_lines_for(gevoelig) == []
    assert face.report_section(gevoelig) == [text_nl.VERDEEL_NOT_OPTION.format(label="Gevoeligheid: andere aannamen")]


def test_the_report_has_the_section_in_place(tmp_path, small_path):
    """The per-option report (notebooks/mkba_report.ipynb) shows "Wie zou moeten meebetalen?"
    right after who pays and who benefits, with the table and the sentences."""
    import re

    from mkba.faces.report import build_report

    folder = build_report(small_path, scenario="krap", draws=600, seed=1, out=tmp_path, sobol_n=64)
    page = " ".join((folder / "rapport-krap.html").read_text(encoding="utf-8").replace("\u00a0", " ").split())
    headings = ("Wie betaalt en wie profiteert", "Wie zou moeten meebetalen?", "Kosten en baten per jaar")
    positions = [re.search(rf"<h[1-4][^>]*>\s*{re.escape(h)}", page).start() for h in headings]
    assert positions == sorted(positions)
    section = page[positions[1]:positions[2]]
    assert "Hoogste bijdrage (80% zeker)" in section and "Zorgverzekeraars" in section
    assert "verdienen de betalers samen hooguit" in section and "prijs van de maatschappelijke baten" in section
    assert "import" not in section  # code hidden


def test_doctests():
    import doctest

    result = doctest.testmod(cf, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_costs_zero_in_most_draws_make_every_share_bearable(tmp_path, capsys):
    """Costs of zero in 85% of the draws (cost lines are ≥ 0, so C < 0 only reaches the pure
    function) and positive on average: every payer gains with 80% certainty whatever its share,
    so max_share is unbounded (JSON null with a flag) and the certain split shares the cost
    equally between them."""
    path = write_case(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "kosten: {value: 1000.0, label: Kosten per jaar}",
        "kosten: {dist: discrete, values: [0, 5000], probs: [0.85, 0.15], label: Kosten per jaar}")
    path.write_text(text, encoding="utf-8")
    out = run_json(capsys, "verdeel", str(path), "--draws", "4000", "--json")
    assert out["cost"]["mean"] > 0 and out["feasible"] and out["uncovered_share"] == 0
    for p in out["payers"].values():
        assert p["max_share"] is None and p["max_share_unbounded"] is True and p["max_share_mcse"] is None
    assert out["certain_split"] == {"gemeente": 0.5, "verzekeraar": 0.5}
    assert main(["verdeel", str(path), "--draws", "4000"]) == 0
    assert "onbegrensd" in capsys.readouterr().out
