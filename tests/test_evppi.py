"""EVPPI (mkba.analysis.evppi) against closed forms, a nested Monte Carlo estimate and
statsmodels' GAM.

Tolerances: an estimate must lie within 4 standard errors of the exact value. The standard
error is the estimator's own (posterior spread of the smoother + Monte Carlo error); over 60
independent data sets the z-scores of the single-parameter estimate had sd 0,99 and mean −0,12,
so 4 se is a false-alarm rate of about 1 in 15.000 — and every test uses fixed seeds, so a
pass is reproducible.
"""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from scipy.stats import norm

import mkba
from mkba.analysis import decision
from mkba.analysis import evppi as ev
from mkba.core.distributions import Fixed
from mkba.core.errors import UsageError
from mkba.faces.cli import main
from tests.conftest import CASES

LINEAR = CASES / "evppi_lineair.yaml"


def closed_form(mu: float, sigma_x: float) -> float:
    """EVPPI of X when D = a·X + Y: σ'φ(μ/σ') + μΦ(μ/σ') − max(0, μ), σ' = |a|·sd(X)."""
    z = mu / sigma_x
    return float(sigma_x * norm.pdf(z) + mu * norm.cdf(z) - max(0.0, mu))


# --- pure functions on arrays -----------------------------------------------------------------
@pytest.mark.parametrize(("a", "mu"), [(2.0, 0.5), (1.0, -0.3), (-3.0, 1.0)])
def test_one_parameter_matches_the_closed_form(a, mu):
    rng = np.random.default_rng(11)
    n = 10_000
    x, y = rng.standard_normal((2, n))
    nb = np.column_stack([np.zeros(n), mu + a * x + y])
    est = ev.evppi(nb, x)
    assert est.method == "spline"
    assert abs(est.value - closed_form(mu, abs(a))) <= 4 * est.se
    assert 0 < est.se < 0.05 * max(est.value, 0.1)


def test_group_of_all_parameters_equals_evpi():
    rng = np.random.default_rng(3)
    n = 10_000
    x, y = rng.standard_normal((2, n))
    nb = np.column_stack([np.zeros(n), 0.2 + 1.5 * x + y])
    est = ev.evppi(nb, np.column_stack([x, y]))
    assert est.method == "gam"
    # D is linear in (x, y), in the smoother's unpenalised space: the fit is exact
    assert est.raw == pytest.approx(decision.evpi(nb), rel=1e-6)
    assert est.value <= est.evpi


def test_group_smoother_captures_a_pure_interaction():
    # D = X·Y + 0,3: no main effects, so an additive model alone would find nothing; with the
    # pairwise tensor term the group's EVPPI is the EVPI (D is a function of the group)
    rng = np.random.default_rng(6)
    n = 10_000
    x, y, w = rng.standard_normal((3, n))
    nb = np.column_stack([np.zeros(n), x * y + 0.3])
    est = ev.evppi(nb, np.column_stack([x, y, w]))
    assert abs(est.raw - est.evpi) <= 4 * est.se
    assert est.raw > 0.97 * est.evpi
    assert ev.evppi(nb, x).value <= 0.02 * est.evpi       # one of them alone says little


def test_three_options_and_reference_invariance():
    rng = np.random.default_rng(8)
    n = 8_000
    x, y = rng.standard_normal((2, n))
    nb = np.column_stack([10 + x + y, 10.3 + 2 * x, 9.0 + np.sin(3 * x) + y])
    one = ev.evppi(nb, x, n_se=0)
    # another column order (another reference option) gives the same estimate up to the smoother
    two = ev.evppi(nb[:, [2, 0, 1]], x, n_se=0)
    assert one.raw == pytest.approx(two.raw, rel=0.02)
    # E[max_d E(nb_d|x)] − max_d E(nb_d) with the exact conditional means
    cond = np.column_stack([10 + x, 10.3 + 2 * x, 9.0 + np.sin(3 * x)])
    exact = cond.max(axis=1).mean() - cond.mean(axis=0).max()
    assert abs(one.raw - exact) <= 4 * ev.evppi(nb, x).se


def test_irrelevant_parameter_is_zero_within_its_error():
    rng = np.random.default_rng(5)
    n = 10_000
    x, y, w = rng.standard_normal((3, n))
    nb = np.column_stack([np.zeros(n), 0.1 + x + y])   # close call: EVPI is large
    est = ev.evppi(nb, w)
    assert est.value <= 3 * est.se + 1e-12
    assert est.value < 0.02 * est.evpi


def test_discrete_parameter_uses_group_means_exactly():
    rng = np.random.default_rng(2)
    n = 6_000
    k = rng.integers(0, 3, n).astype(float)
    nb = np.column_stack([np.zeros(n), k - 1.0 + rng.standard_normal(n)])
    est = ev.evppi(nb, k)
    assert est.method == "discrete"
    means = np.array([nb[k == v, 1].mean() for v in (0, 1, 2)])
    exact = np.mean(np.maximum(means[k.astype(int)], 0)) - max(nb[:, 1].mean(), 0)
    assert est.raw == pytest.approx(exact, rel=1e-9)


def test_parameter_with_few_values_beyond_the_discrete_limit():
    # 15 distinct values: more than DISCRETE_MAX, so a spline, whose basis then has dependent
    # columns (dropped by pivoted QR); the estimate still matches the exact conditional mean
    rng = np.random.default_rng(0)
    n = 5_000
    x = rng.integers(0, 15, n).astype(float)
    nb = np.column_stack([np.zeros(n), x**2 / 50 - 1 + rng.standard_normal(n)])
    est = ev.evppi(nb, x)
    assert est.method == "spline"
    cond = x**2 / 50 - 1
    exact = np.maximum(cond, 0).mean() - max(cond.mean(), 0)
    assert abs(est.value - exact) <= 4 * est.se


@pytest.mark.parametrize("n", [100, 150, 400])
def test_few_draws_shrink_the_bases_instead_of_failing(n):
    # a 5-parameter group has 306 basis columns at full size; with few draws the bases shrink
    # (fewer knots, then no interactions) so the fit stays determined, and D = ΣX is still exact
    rng = np.random.default_rng(n)
    x = rng.standard_normal((n, 5))
    nb = np.column_stack([np.zeros(n), x.sum(axis=1) + 0.5])
    group = ev.evppi(nb, x)
    assert group.raw == pytest.approx(group.evpi, rel=1e-6)
    one = ev.evppi(nb, x[:, 0])
    assert 0 <= one.value <= one.evpi and np.isfinite(one.se)


def test_clipped_to_evpi_and_flagged(monkeypatch):
    # a perfect fit: raw EVPPI equals EVPI up to rounding, and may exceed it by a hair
    rng = np.random.default_rng(4)
    x = rng.standard_normal(2_000)
    nb = np.column_stack([np.zeros_like(x), x])
    est = ev.evppi(nb, x)
    assert est.value <= est.evpi
    assert est.value == pytest.approx(est.evpi, rel=1e-6)
    assert not est.clipped            # an excess at rounding level is not noise
    # noise above EVPI: a smoother that overshoots is clipped and flagged
    with monkeypatch.context() as m:
        m.setattr(ev, "_evppi_of_fitted", lambda fitted: 1.5 * decision.evpi(nb))
        over = ev.evppi(nb, x, n_se=0)
    assert over.clipped and over.value == over.evpi and over.raw == pytest.approx(1.5 * over.evpi)


def test_spline_fit_is_statsmodels_glmgam_at_the_same_penalty():
    from statsmodels.gam.api import GLMGam

    rng = np.random.default_rng(0)
    n = 3_000
    x = rng.normal(size=n)
    y = np.sin(2 * x) + rng.normal(size=n)
    basis, penalties = ev._spline_basis(x)
    for lam in (0.5, 50.0):
        fitted, _ = ev._penalised_fit(basis, penalties, y[:, None], 0, np.random.default_rng(0),
                                      lambdas=np.array([lam]))
        # statsmodels' PIRLS adds 2·alpha·S to BᵀB (penalized_wls)
        gam = GLMGam(y, exog=np.ones((n, 1)), smoother=ev._bsplines(x), alpha=[lam / 2]).fit()
        assert np.max(np.abs(fitted[:, 0] - gam.fittedvalues)) < 1e-8


def test_same_seed_same_estimate_and_global_rng_untouched():
    rng = np.random.default_rng(1)
    x, y = rng.standard_normal((2, 3_000))
    nb = np.column_stack([np.zeros_like(x), x + y])
    state = np.random.get_state()[1].copy()  # noqa: NPY002  (checking it is untouched)
    a, b = ev.evppi(nb, x, seed=7), ev.evppi(nb, x, seed=7)
    assert a == b
    assert np.array_equal(np.random.get_state()[1], state)  # noqa: NPY002


def test_bad_shapes_are_refused():
    with pytest.raises(UsageError, match="at least 2 options"):
        ev.evppi(np.zeros((100, 1)), np.zeros(100))
    with pytest.raises(UsageError, match="at least 100 draws"):
        ev.evppi(np.zeros((99, 2)), np.zeros(99))
    with pytest.raises(UsageError, match="draws"):
        ev.evppi(np.zeros((100, 2)), np.zeros(99))
    with pytest.raises(UsageError, match="at most 5"):
        ev.evppi(np.zeros((100, 2)), np.zeros((100, 6)))


# --- on a case file, through the engine -------------------------------------------------------
@pytest.fixture(scope="module")
def linear_cmp():
    case = mkba.load_case(LINEAR)
    return mkba.compare(case, draws=20_000, seed=2)


# society: D = 2X + Y; gemeente: D = X + Y (its half of aX, all of Y)
PERSPECTIVES = {"society": (2 * 100 - 150, 2 * 40, np.hypot(2 * 40, 60)),
                "gemeente": (100 - 150, 40, np.hypot(40, 60))}


@pytest.mark.parametrize("perspective", ["society", "gemeente"])
def test_case_file_closed_forms(linear_cmp, perspective):
    mu, sigma_x, sigma = PERSPECTIVES[perspective]
    table = ev.comparison_evppi(linear_cmp, ["x", "x,y", "beide", "z"], perspective=perspective)
    got = {e.name: e for e in table.estimates}
    n = linear_cmp.draws
    # EVPI of the sample against its closed form (Monte Carlo error < σ/√n)
    assert table.evpi == pytest.approx(decision.evpi_normal_two_options(mu, sigma), abs=5 * sigma / np.sqrt(n))
    assert abs(got["x"].value - closed_form(mu, sigma_x)) <= 4 * got["x"].se
    for name in ("x+y", "beide"):   # the comma group and the case's named group
        assert got[name].parameters == ("x", "y")
        assert got[name].raw == pytest.approx(table.evpi, rel=1e-6)
    assert got["z"].value <= 3 * got["z"].se + 1e-9
    assert table.to_frame()["name"].iloc[-1] == "z"          # ranked, smallest last
    assert all(e.perspective == perspective for e in table.estimates)


def test_nested_monte_carlo_agrees_on_a_nonlinear_case():
    """D = s²·v − k with s ~ U(0, 1): the regression estimate against a nested Monte Carlo
    estimate (outer draws of s, inner simulations of the rest through the engine) and the
    exact value ∫ max(0, 900 s² − 300) ds over [1/√3, 1] = 300(1 − 3^−1,5) − 300(1 − 3^−0,5)
    = 115,47 (E[D] = 0, so max over the means is 0)."""
    text = """
mkba: 1
case: {id: nested, title: Nested, start_year: 2020, horizon: 1, discount_rate: 0}
stakeholders: {gemeente: Gemeente}
parameters:
  s: {dist: uniform, min: 0, max: 1}
  v: {dist: normal, mean: 900, sd: 300}
  k: {dist: normal, mean: 300, sd: 50, min: 0}
costs:
  - {id: kosten, label: K, amount: 100, payer: gemeente}
effects:
  - {id: basis, label: B, category: c, kind: social, volume: 1, value: 100, beneficiaries: gemeente}
scenarios:
  alternatief:
    label: Alternatief
    add:
      costs:
        - {id: extra-kosten, label: K2, amount: k, payer: gemeente}
      effects:
        - {id: extra, label: X, category: c, kind: social, volume: s, share: s, value: v, beneficiaries: gemeente}
"""
    case = mkba.load_case_text(text)
    exact = 900 * (1 - 3 ** -1.5) / 3 - 300 * (1 - 3 ** -0.5)
    reg = ev.comparison_evppi(mkba.compare(case, draws=20_000, seed=4), ["s"]).estimates[0]
    assert abs(reg.value - exact) <= 4 * reg.se
    # nested: for each outer draw of s, the expected net benefits by simulation of the rest
    outer = np.random.default_rng(99).uniform(size=400)
    inner_means = []
    for j, s in enumerate(outer):
        fixed = replace(case, parameters={**case.parameters, "s": Fixed(value=float(s))})
        nb = mkba.compare(fixed, draws=1_000, seed=1000 + j).net_benefits().to_numpy()
        inner_means.append(nb.mean(axis=0))
    inner_means = np.array(inner_means)
    gain = inner_means.max(axis=1) - inner_means[:, np.argmax(inner_means.mean(axis=0))]
    nested, nested_se = gain.mean(), gain.std(ddof=1) / np.sqrt(gain.size)
    assert abs(reg.value - nested) <= 3 * np.hypot(reg.se, nested_se)
    assert abs(nested - exact) <= 4 * nested_se


def test_several_perspectives_equal_separate_calls(linear_cmp):
    both = ev.comparison_evppi_by_perspective(linear_cmp, ["alle", "beide"], ["society", "gemeente"])
    for perspective, table in both.items():
        assert table == ev.comparison_evppi(linear_cmp, ["alle", "beide"], perspective=perspective)


def test_unknown_and_fixed_targets_are_refused(linear_cmp):
    with pytest.raises(ev.EvppiTargetError) as info:
        ev.comparison_evppi(linear_cmp, ["onbekend"])
    assert info.value.reason == "unknown"
    with pytest.raises(ev.EvppiTargetError) as info:
        ev.comparison_evppi(linear_cmp, ["a"])
    assert info.value.reason == "fixed"


def test_alle_ranks_every_uncertain_parameter(linear_cmp):
    frame = ev.comparison_evppi(linear_cmp, ["alle"]).to_frame()
    assert sorted(frame["name"]) == ["x", "y", "z"]
    assert list(frame["value"]) == sorted(frame["value"], reverse=True)
    assert (frame["value"] <= frame["evpi"]).all()


# --- command line ---------------------------------------------------------------------------
def test_cli_json(capsys):
    code = main(["compare", str(LINEAR), "--draws", "5000", "--evppi", "x", "--evppi", "x,y",
                 "--evppi", "beide", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    evppi = out["decision"]["evppi"]
    assert list(evppi) == sorted(evppi, key=lambda k: -evppi[k]["value"])
    assert set(evppi) == {"x", "x+y", "beide"}
    assert evppi["x"]["parameters"] == ["x"] and evppi["beide"]["parameters"] == ["x", "y"]
    assert 0 < evppi["x"]["value"] <= out["decision"]["evpi"]
    assert evppi["x+y"]["value"] == pytest.approx(out["decision"]["evpi"], rel=1e-6)
    assert evppi["x"]["se"] > 0


def test_cli_table_and_perspective(capsys):
    code = main(["compare", str(LINEAR), "--draws", "3000", "--evppi", "alle", "--perspective", "gemeente"])
    assert code == 0
    text = capsys.readouterr().out
    assert "Welk onderzoek loont" in text
    assert text.index("Effect X") < text.index("Gedeelde kosten")   # ranked, labels used


def test_cli_unknown_target_is_a_dutch_error(capsys, monkeypatch):
    import mkba.analysis.scenarios as scenarios

    def no_simulation(*args, **kwargs):
        raise AssertionError("targets must be checked before simulating")

    monkeypatch.setattr(scenarios, "compare", no_simulation)
    code = main(["compare", str(LINEAR), "--draws", "500", "--evppi", "onbekend"])
    assert code == 2
    err = capsys.readouterr().err
    assert "onbekend" in err and "Traceback" not in err
    assert main(["compare", str(LINEAR), "--draws", "50", "--evppi", "x"]) == 2
    assert "te weinig trekkingen (50)" in capsys.readouterr().err


# --- report ---------------------------------------------------------------------------------
def test_report_data_and_figure(linear_cmp):
    from mkba.faces import plotting, report_data
    from mkba.faces.formatting import nl_eur

    tables = report_data.evppi_tables(linear_cmp, ["society", "gemeente"], max_draws=5_000)
    assert set(tables) == {"society", "gemeente"}
    table = tables["society"]
    assert table.draws == 5_000
    frame = report_data.evppi_frame(linear_cmp.case, table)
    # every parameter, then the case's group; labels from the case
    assert list(frame["label"]) == ["Effect X", "Effect Y", "Gedeelde kosten", "groep beide (2 aannames)"]
    got = {e.name: e for e in table.estimates}
    assert frame["value"].tolist() == [got[n].value for n in ("x", "y", "z", "beide")]
    text = " ".join(report_data.evppi_sentences(linear_cmp.case, table))
    assert nl_eur(got["x"].value) in text and nl_eur(table.evpi) in text and "Effect X, Effect Y" in text
    fig = plotting.evppi_bars(frame, table.evpi, "maatschappij")
    ax = fig.axes[0]
    assert [round(p.get_width(), 9) for p in ax.patches] == [round(v, 9) for v in frame["value"]]
    assert ax.get_lines()[-1].get_xdata()[0] == pytest.approx(table.evpi)
