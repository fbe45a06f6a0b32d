"""EVSI (DESIGN §13): exact preposterior sums against closed forms, monotone in N, below EVPPI
and EVPI, end to end through a case, and bad input refused in Dutch before simulating.

Closed forms used:
* beta prior Beta(α, β), x ~ Binomial(N, p), E(D | p) = a + b·p:
  EVSI = Σ_x BetaBinom(x; N, α, β) · max(0, a + b·(α + x)/(α + β + N)) − max(0, a + b·α/(α + β));
* normal prior N(μ, σ²), x̄ ~ N(θ, s²/N), E(D | θ) = a + b·θ: the posterior mean is normal with
  variance τ² = σ⁴/(σ² + s²/N), so EVSI = τ'φ(m/τ') + mΦ(m/τ') − max(0, m), m = a + bμ, τ' = |b|τ.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest
from scipy import integrate, stats

import mkba
from mkba.analysis import decision
from mkba.analysis import evppi as ev
from mkba.analysis import evsi as es
from mkba.core.distributions import Pert
from mkba.faces import text_nl
from mkba.faces.cli import main
from tests.conftest import CASES

CASE = CASES / "evsi_aandeel.yaml"
SIZES = (10, 30, 100, 300, 1000)


def beta_spec(a: float, b: float):
    return SimpleNamespace(family="beta", shape=(a, b), min=0.0, max=1.0, support=(0.0, 1.0), is_fixed=False)


def bb_closed_form(a: float, b: float, al: float, be: float, n: int) -> float:
    x = np.arange(n + 1)
    pre = stats.betabinom.pmf(x, n, al, be) * np.maximum(0.0, a + b * (al + x) / (al + be + n))
    return float(pre.sum() - max(0.0, a + b * al / (al + be)))


def linear_draws(a, b, al, be, n=20_000, noise=0.0, seed=3):
    rng = np.random.default_rng(seed)
    p = rng.beta(al, be, n)
    d = a + b * p + noise * rng.standard_normal(n)
    return np.column_stack([np.zeros(n), d]), p


# --- the sums ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("a", "b", "al", "be"), [(-3000.0, 10000.0, 3.0, 7.0), (1000.0, -4000.0, 8.0, 12.0)])
def test_beta_binomial_exact_sums_monotone_and_bounded(a, b, al, be):
    """ĝ fitted on noise-free linear draws is the line itself; the grid sums then equal the
    beta-binomial closed form to 1e-5 for N = 10 … 1000, rise with N, and stay below the EVPPI
    of the same prior, the regression EVPPI and EVPI."""
    nb, p = linear_draws(a, b, al, be)
    g = es.fit_conditional_mean(nb, p, n_se=0)
    nodes, mass = es.prior_grid(beta_spec(al, be))
    curve = [v for v, _ in es.evsi_curve(g, nodes, mass, SIZES, "binomial")]
    exact = [bb_closed_form(a, b, al, be, n) for n in SIZES]
    assert curve == pytest.approx(exact, rel=1e-5, abs=1e-8 * abs(b))
    assert all(later >= earlier - 1e-9 for earlier, later in zip(curve, curve[1:], strict=False))
    ceiling_grid = es.evppi_on_grid(g, nodes, mass)
    regression = ev.evppi(nb, p, n_se=0).value
    assert curve[-1] <= ceiling_grid + 1e-9
    assert ceiling_grid == pytest.approx(regression, rel=0.02)       # same quantity, prior vs draws
    assert regression <= decision.evpi(nb) + 1e-9
    # and the estimator on top clips at the EVPPI it is given
    est = es.evsi(nb, p, beta_spec(al, be), [es.EvsiRequest("p", n) for n in SIZES], n_se=0)
    assert [e.value for e in est] == pytest.approx([min(v, est[0].evppi) for v in exact], rel=1e-5, abs=1e-8 * abs(b))
    assert all(e.value <= e.evppi <= e.evpi + 1e-9 for e in est)


def test_noisy_draws_within_four_standard_errors():
    """With noise from other parameters, ĝ is estimated: the closed form lies within 4 se."""
    a, b, al, be = -2800.0, 10000.0, 6.0, 14.0
    nb, p = linear_draws(a, b, al, be, noise=300.0, seed=5)
    est = es.evsi(nb, p, beta_spec(al, be), [es.EvsiRequest("p", n) for n in (10, 100, 1000)], seed=1)
    for e in est:
        exact = bb_closed_form(a, b, al, be, e.n)
        assert e.se > 0
        assert abs(e.value - exact) <= 4 * e.se + 1e-6 * abs(exact)
    assert [e.value for e in est] == sorted(e.value for e in est)


@pytest.mark.parametrize("n", [1, 10, 100])
def test_normal_observations_closed_form(n):
    mu, sigma, s, a, b = 0.0, 300.0, 450.0, 200.0, 1.0
    rng = np.random.default_rng(7)
    theta = rng.normal(mu, sigma, 20_000)
    nb = np.column_stack([np.zeros(theta.size), a + b * theta])
    spec = SimpleNamespace(family="normal", support=(-np.inf, np.inf), is_fixed=False,
                           quantile=lambda q: float(stats.norm.ppf(q, mu, sigma)),
                           _frozen_dist=lambda: stats.norm(mu, sigma))
    g = es.fit_conditional_mean(nb, theta, n_se=0)
    nodes, mass = es.prior_grid(spec)
    (value, _), = es.evsi_curve(g, nodes, mass, [n], "normal", s)
    tau = sigma**2 / np.sqrt(sigma**2 + s**2 / n)
    assert value == pytest.approx(decision.evpi_normal_two_options(a + b * mu, abs(b) * tau), rel=1e-4)


def test_pert_share_uses_its_own_prior():
    """A PERT share on [0,2; 0,6]: the grid against an independent integration of the PERT
    density times the binomial likelihood (scipy.integrate.quad), N = 40."""
    spec = Pert(dist="pert", min=0.2, mode=0.3, max=0.6)
    a, b, n = -1500.0, 4000.0, 40
    rng = np.random.default_rng(11)
    p = spec.ppf(rng.uniform(size=20_000))
    nb = np.column_stack([np.zeros(p.size), a + b * p])
    g = es.fit_conditional_mean(nb, p, n_se=0)
    nodes, mass = es.prior_grid(spec)
    (value, _), = es.evsi_curve(g, nodes, mass, [n], "binomial")
    al, be = spec.shape
    dens = stats.beta(al, be, loc=0.2, scale=0.4).pdf
    total = 0.0
    for x in range(n + 1):
        lik = lambda t, x=x: stats.binom.pmf(x, n, t) * dens(t)  # noqa: E731
        px = integrate.quad(lik, 0.2, 0.6, epsabs=1e-13, limit=200)[0]
        mx = integrate.quad(lambda t, x=x: t * stats.binom.pmf(x, n, t) * dens(t), 0.2, 0.6, epsabs=1e-13, limit=200)[0]
        total += max(0.0, a * px + b * mx)
    exact = total - max(0.0, a + b * spec.mean)
    assert value == pytest.approx(exact, rel=1e-5)


def test_same_seed_same_estimate_and_global_rng_untouched():
    nb, p = linear_draws(-2800.0, 10000.0, 6.0, 14.0, noise=300.0)
    state = np.random.get_state()[1].copy()  # noqa: NPY002  (checking it is untouched)
    one = es.evsi(nb, p, beta_spec(6, 14), [es.EvsiRequest("p", 50)], seed=4)
    two = es.evsi(nb, p, beta_spec(6, 14), [es.EvsiRequest("p", 50)], seed=4)
    assert one == two
    assert np.array_equal(state, np.random.get_state()[1])  # noqa: NPY002


def test_optimal_sample_size_maximises_enbs():
    a, b, al, be = -2800.0, 10000.0, 6.0, 14.0
    nb, p = linear_draws(a, b, al, be)
    opt = es.optimal_sample_size(nb, p, beta_spec(al, be), cost=0.5, population=1.0, name="p")
    assert opt.n > 0 and opt.enbs > 0
    enbs = {n: min(bb_closed_form(a, b, al, be, n), opt.evsi * 10) - 0.5 * n for n in opt.searched}
    assert opt.n == max(enbs, key=enbs.get)
    assert opt.enbs == pytest.approx(enbs[opt.n], rel=1e-5)
    nothing = es.optimal_sample_size(nb, p, beta_spec(al, be), cost=1e6, name="p")
    assert nothing.n == 0 and nothing.enbs == 0.0


# --- requests ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("spec", "reason"), [("p:0", "n_range"), ("p:1.5", "n_integer"), ("p:tien", "n_integer"),
                                              ("p", "format"), (":10", "format"), ("y:10:-3", "sd"),
                                              ("y:10:abc", "sd")])
def test_bad_requests(spec, reason):
    with pytest.raises(es.EvsiRequestError) as info:
        es.parse_request(spec)
    assert info.value.reason == reason and info.value.code == f"evsi.{reason}"


def test_requests_parse_dutch_numbers():
    assert es.parse_request("p:1.000") == es.EvsiRequest("p", 1000)
    assert es.parse_request("y:20:0,5") == es.EvsiRequest("y", 20, 0.5)


def test_requests_checked_against_the_case():
    case = mkba.load_case(CASE)
    assert [m for _, m in es.check_requests(case, ["p:10", "y:5:100", "k:3:50"])] == ["binomial", "normal", "normal"]
    for spec, reason in (("q:10", "unknown"), ("opzet:10", "fixed"), ("y:10", "sd_missing"), ("k:10", "sd_missing")):
        with pytest.raises(es.EvsiRequestError) as info:
            es.check_requests(case, [spec])
        assert info.value.reason == reason
    assert set(es.EvsiRequestError("x", "y").params) >= {"spec", "known"}
    assert all(f"evsi.{r}" in text_nl.CLI_ERROR_TEXT for r in ("format", "n_integer", "n_range", "sd", "sd_missing",
                                                               "unknown", "fixed", "family"))


# --- command line -----------------------------------------------------------------------------
def test_cli_json_end_to_end(capsys):
    code = main(["compare", str(CASE), "--draws", "20000", "--seed", "3", "--evsi", "p:10", "--evsi", "p:100",
                 "--evsi", "p:1000", "--evsi", "y:10:300", "--json"])
    assert code == 0
    d = json.loads(capsys.readouterr().out)["decision"]
    records = d["evsi"]
    assert [r["n"] for r in records] == [10, 100, 1000, 10]
    assert {tuple(r["parameters"]) for r in records} == {("p",), ("y",)}
    ps = [r for r in records if r["parameters"] == ["p"]]
    assert [r["value"] for r in ps] == sorted(r["value"] for r in ps)
    for r in ps:
        assert abs(r["value"] - bb_closed_form(-2800.0, 10000.0, 6.0, 14.0, r["n"])) <= 4 * r["se"] + 1.0
        assert r["value"] <= r["evppi"] <= d["evpi"] + 1e-9
        assert r["method"] == "binomial" and r["prior"] == "beta"
    y = records[-1]
    tau = 300.0**2 / np.sqrt(300.0**2 + 300.0**2 / 10)
    assert abs(y["value"] - decision.evpi_normal_two_options(200.0, tau)) <= 4 * y["se"] + 2.0
    assert y["method"] == "normal" and y["sd"] == 300.0
    assert "evsi_optimum" not in d


def test_cli_without_evsi_has_no_key_and_costs_give_an_optimum(capsys):
    assert main(["compare", str(CASE), "--draws", "2000", "--json"]) == 0
    assert "evsi" not in json.loads(capsys.readouterr().out)["decision"]
    assert main(["compare", str(CASE), "--draws", "5000", "--evsi", "p:50", "--kosten-per-waarneming", "0,50",
                 "--populatie", "2", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)["decision"]
    rec, opt = d["evsi"][0], d["evsi_optimum"][0]
    assert rec["enbs"] == pytest.approx(2 * rec["value"] - 0.5 * 50)
    assert opt["parameters"] == ["p"] and opt["n"] > 0 and opt["cost_per_observation"] == 0.5 and opt["population"] == 2


def test_cli_table(capsys):
    assert main(["compare", str(CASE), "--draws", "3000", "--evsi", "p:200", "--kosten-per-waarneming", "1"]) == 0
    out = capsys.readouterr().out
    assert "Loont meer registreren?" in out and "Aandeel dat maatwerk vervangt" in out and "€\u00a0200" in out


@pytest.mark.parametrize(("args", "words"), [
    (["--evsi", "p:0"], "tussen 1 en"),
    (["--evsi", "onbekend:10"], "geen parameter van deze casus"),
    (["--evsi", "p:2,5"], "geen geheel getal"),
    (["--evsi", "y:10"], "standaardafwijking"),
    (["--evsi", "p:10", "--kosten-per-waarneming", "veel"], "--kosten-per-waarneming veel"),
    (["--kosten-per-waarneming", "10"], "hoort bij --evsi"),
    (["--draws", "50", "--evsi", "p:10"], "te weinig trekkingen (50)"),
])
def test_cli_bad_input_exits_2_in_dutch_before_simulating(capsys, monkeypatch, args, words):
    import mkba.analysis.scenarios as scenarios

    def no_simulation(*a, **k):
        raise AssertionError("--evsi must be checked before simulating")

    monkeypatch.setattr(scenarios, "compare", no_simulation)
    code = main(["compare", str(CASE), *args])
    err = capsys.readouterr().err
    assert code == 2, err
    assert words in err and "Traceback" not in err


def test_brief_sentence():
    rec = {"n": 200, "value": 12_345.0, "se": 800.0, "evppi": 20_000.0, "method": "binomial"}
    assert text_nl.evsi_sentence(rec, "Substitutie").replace("\u00a0", " ") == (
        "200 extra registraties van Substitutie zijn voor deze keuze naar verwachting € 12.300 waard (± € 800); "
        "volledige zekerheid erover is hooguit € 20.000 waard.")
    assert text_nl.evsi_sentence(rec, "Substitutie", cost=100.0).startswith("Meer registreren loont niet: 200")
    assert "netto € 2.340" in text_nl.evsi_sentence(rec, "Substitutie", cost=50.0).replace("\u00a0", " ")


def test_report_section_on_a_case():
    """The comparison report's "Loont meer registreren?": the share with an EVPPI gets its EVSI
    curve (monotone, below its EVPPI) and plain sentences, and the figure draws."""
    from mkba.faces import plotting, report_data

    case = mkba.load_case(CASE)
    cmp = mkba.compare(case, draws=5_000, seed=2)
    table = report_data.evppi_tables(cmp, ["society"], max_draws=5_000)["society"]
    rep = report_data.evsi_report(cmp, table, sizes=(10, 100, 1000))
    assert rep["parameters"] == ["p"]                      # y is no share, k changes nothing
    values = [r["value"] for r in rep["records"]]
    assert values == sorted(values) and values[-1] <= rep["records"][0]["evppi"]
    lines = report_data.evsi_sentences(case, rep)
    assert any("loont zolang één registratie minder kost dan" in line for line in lines)
    fig = plotting.evsi_curves(report_data.evsi_frame(case, rep), "maatschappij", cost_per_observation=0.5)
    assert len(fig.axes[0].lines) >= 3


# --- the faster EVPPI basis (issue 22) --------------------------------------------------------
@pytest.mark.parametrize("draw", [lambda r, n: r.normal(size=n), lambda r, n: r.gamma(2.0, size=n),
                                  lambda r, n: r.integers(0, 40, size=n).astype(float)])
def test_fast_basis_is_statsmodels_bsplines(draw):
    x = draw(np.random.default_rng(4), 5_000)
    fast = ev.FastBSpline(x, ev._spline_df(x.size))
    slow = ev._bsplines(x)
    assert np.array_equal(fast.knots, slow.smoothers[0].knots)
    assert np.allclose(fast.basis, slow.basis, rtol=0, atol=1e-14)
    assert np.allclose(fast.penalty_matrices[0], slow.penalty_matrices[0], rtol=1e-12, atol=1e-12)


def test_binned_se_matches_the_se_on_every_draw():
    """The se's posterior samples on 2.000 bins agree with those on every draw within 5%
    (their own sampling error is ~7%); the estimate itself is unchanged."""
    rng = np.random.default_rng(8)
    n = 30_000
    x, y = rng.normal(size=(2, n))
    nb = np.column_stack([np.zeros(n), 0.3 + np.sin(2 * x) + y, 0.1 + x**2 - 1 + y])
    binned = ev.evppi(nb, x, seed=3)
    basis, pens = ev._spline_basis(x)
    fitted, every = ev._penalised_fit(basis, pens, nb[:, 1:] - nb[:, :1], ev.N_SE, np.random.default_rng(3))
    fitted_b, in_bins = ev._penalised_fit(basis, pens, nb[:, 1:] - nb[:, :1], ev.N_SE, np.random.default_rng(3),
                                          codes=ev._bin_codes(x))
    assert np.array_equal(fitted, fitted_b)
    assert np.std(in_bins, ddof=1) == pytest.approx(np.std(every, ddof=1), rel=0.05)
    assert binned.value == pytest.approx(ev._evppi_of_fitted(fitted), rel=1e-12)
