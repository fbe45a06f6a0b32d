"""mkba estimate monitor: the interrupted time series recovers known changes, says "no change"
when there is none, and treats <10 as censored in [0, 9]."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, stats

from mkba.data_in.monitor import (
    _ratio,
    design_matrix,
    estimate_monitor,
    fit_series,
    parse_period,
    read_monitor,
)
from mkba.faces.cli import main

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
WESTSTELLINGWERF = ROOT / "parameters" / "data" / "monitor_weststellingwerf.csv"


def quarterly(n: int) -> tuple[list[str], np.ndarray]:
    periods = [f"{2018 + i // 4}-Q{1 + i % 4}" for i in range(n)]
    t = np.array([(2018 + i // 4) + (3 * (1 + i % 4)) / 12 for i in range(n)])
    return periods, t


def write_series(path, periods, counts, name="Begeleiding"):
    lines = ["periode,voorziening,aantal"] + [f"{p},{name},{c}" for p, c in zip(periods, counts, strict=True)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_periods_in_all_three_spellings():
    assert parse_period("2022-Q1") == pd.Period("2022Q1", freq="Q")
    assert parse_period("2022-03") == pd.Period("2022-03", freq="M")
    assert parse_period("mrt-22") == pd.Period("2022-03", freq="M")
    assert parse_period("okt-2023") == pd.Period("2023-10", freq="M")
    assert parse_period("maart") is None


def test_its_interval_covers_a_known_level_change_85_to_95_percent():
    """200 seeded Poisson series (24 quarters, change at quarter 13, true rate ratio 0.85):
    the 90% interval of the level change covers 0.85 in 85–95% of them."""
    periods, t = quarterly(24)
    t0 = t[12]
    x = design_matrix(t, t0)
    truth = np.array([math.log(300), 0.02, math.log(0.85), -0.03])
    mu = np.exp(x @ truth)
    rng = np.random.default_rng(2024)
    covered = 0
    for _ in range(200):
        y = rng.poisson(mu).astype(float)
        params, cov, _, _ = fit_series(t, y, np.zeros(len(y), bool), t0)
        ci = _ratio(params[2], math.sqrt(cov[2, 2]))
        covered += ci.p05 <= 0.85 <= ci.p95
    assert 0.85 <= covered / 200 <= 0.95


def test_series_without_change_says_so_and_a_drop_is_found(tmp_path, capsys):
    periods, t = quarterly(16)
    flat = np.round(400 * np.exp(0.01 * (t - t[0]))).astype(int)  # on the trend, no break
    path = write_series(tmp_path / "vlak.csv", periods, flat)
    est = estimate_monitor(path, "2020-Q1")
    s = est.series["Begeleiding"]
    assert s.verdict == "no_change"
    assert s.level_change.p05 < 1 < s.level_change.p95 and s.level_change.mean == pytest.approx(1, abs=0.01)
    assert main(["estimate", "monitor", str(path), "--vanaf", "2020-Q1"]) == 0
    assert "geen aantoonbare daling" in capsys.readouterr().out
    dropped = flat.copy()
    dropped[8:] = np.round(dropped[8:] * 0.7)
    est = estimate_monitor(write_series(tmp_path / "daling.csv", periods, dropped), "2020-Q1")
    s = est.series["Begeleiding"]
    assert s.verdict == "decline"
    assert s.level_change.mean == pytest.approx(0.7, abs=0.02)
    # avoided clients in 2021 ≈ counterfactual − fitted ≈ 0.3 × the trend level
    expected = np.mean(400 * np.exp(0.01 * (t[12:16] - t[0])) * 0.3)
    assert s.avoided[2021].mean == pytest.approx(expected, rel=0.05)


def censored_nll(beta, t, y, cens, t0):
    mu = np.exp(design_matrix(t, t0) @ beta)
    return -np.where(cens, stats.poisson.logcdf(9, mu), stats.poisson.logpmf(np.where(cens, 0, y), mu)).sum()


def test_small_counts_are_censored_not_zero_or_ten(tmp_path):
    """A low series with `<10` cells: the fit maximises the censored-Poisson likelihood
    (P(Y ≤ 9) for a `<10` cell), found independently here with scipy; setting the cells to
    0 or to 10 gives different answers."""
    periods, t = quarterly(16)
    rng = np.random.default_rng(7)
    mu = np.exp(design_matrix(t, t[8]) @ np.array([math.log(14), 0.0, math.log(0.6), 0.0]))
    y = rng.poisson(mu)
    cells = [("<10" if v < 10 else str(v)) for v in y]
    assert 2 <= cells.count("<10") <= 12
    path = write_series(tmp_path / "laag.csv", periods, cells)
    table = read_monitor(path)
    assert table["censored"].sum() == cells.count("<10") and table["aantal"].isna().sum() == cells.count("<10")
    est = estimate_monitor(path, "2020-Q1")
    s = est.series["Begeleiding"]
    assert s.method.endswith("+censored") and s.censored == cells.count("<10")
    cens = np.array([c == "<10" for c in cells])
    yy = np.where(cens, 0, y).astype(float)
    ref = optimize.minimize(censored_nll, np.array([math.log(14), 0, 0, 0]), args=(t, yy, cens, t[8]),
                            method="Nelder-Mead", options={"xatol": 1e-9, "fatol": 1e-11, "maxiter": 40000})
    assert np.allclose(s.params, ref.x, atol=2e-3)
    for fill in (0.0, 10.0):
        naive, _, _, _ = fit_series(t, np.where(cens, fill, y).astype(float), np.zeros(16, bool), t[8])
        assert abs(naive[2] - s.params[2]) > 0.02


def test_weststellingwerf_table_1(capsys, tmp_path):
    table = read_monitor(WESTSTELLINGWERF)
    assert len(table) == 54 and table["censored"].sum() == 6     # Beschermd Wonen dec-22 .. mrt-24
    assert table.loc[(table.voorziening == "Begeleiding") & (table.periode == "2022-03"), "aantal"].item() == 362
    out = tmp_path / "monitor.yaml"
    assert main(["estimate", "monitor", str(WESTSTELLINGWERF), "--vanaf", "2023-Q1", "--out", str(out), "--json"]) == 0
    js = json.loads(capsys.readouterr().out)
    assert js["skipped"] == {"Beschermd Wonen": "censored"}
    s = js["series"]["Begeleiding"]
    assert set(s) >= {"level_change", "slope_change", "avoided", "method"}
    assert set(s["avoided"]) == {"2023", "2024"} and set(s["avoided"]["2023"]) == {"mean", "p05", "p95"}
    draws = pd.read_csv(tmp_path / "monitor_trekkingen.csv")
    assert len(draws) == 2000 and "begeleiding_vermeden_2024" in draws.columns
    assert draws["begeleiding_vermeden_2024"].mean() == pytest.approx(s["avoided"]["2024"]["mean"], rel=1e-5)


@pytest.mark.parametrize("cell,word", [("veel", "aantal 'veel'"), ("-3", "aantal '-3'")])
def test_bad_monitor_cells_are_located(tmp_path, capsys, cell, word):
    periods, _ = quarterly(8)
    path = write_series(tmp_path / "m.csv", periods, ["100"] * 5 + [cell] + ["100"] * 2)
    assert main(["estimate", "monitor", str(path), "--vanaf", "2019-Q2"]) == 2
    err = capsys.readouterr().err
    assert "m.csv rij 7, kolom 'aantal'" in err and word in err


def test_comparison_series_absorbs_a_common_shock(tmp_path):
    """Treated = control-driven series with a true level change 0.8 from 2020-Q1; both share a
    shock (a dip in 2019). With --vergelijking the change is recovered; the JSON names the control."""
    periods, t = quarterly(16)
    shock = np.where((t > 2019.2) & (t < 2019.8), 0.75, 1.0)
    control = np.round(500 * shock * np.exp(0.03 * (t - t[0]))).astype(int)
    change = np.where(t >= t[8] - 1e-9, 0.8, 1.0)
    treated = np.round(0.6 * control * change).astype(int)
    write_series(tmp_path / "controle.csv", periods, control, name="Totaal")
    path = write_series(tmp_path / "reeks.csv", periods, treated)
    est = estimate_monitor(path, "2020-Q1", vergelijking=tmp_path / "controle.csv")
    s = est.series["Begeleiding"]
    assert s.level_change.mean == pytest.approx(0.8, abs=0.02) and s.level_change.p95 < 1
    assert s.verdict == "decline" and est.comparison.endswith("controle.csv")
    assert len(s.params) == 5  # 1, t, post, (t − t0)·post, log(control)
    short = write_series(tmp_path / "kort.csv", periods[:10], control[:10], name="Totaal")
    with pytest.raises(Exception, match="comparison_mismatch"):
        estimate_monitor(path, "2020-Q1", vergelijking=short)


def test_overdispersed_series_uses_the_negative_binomial():
    periods, t = quarterly(24)
    rng = np.random.default_rng(11)
    mu = 200 * np.exp(0.02 * (t - t[0]))
    y = rng.negative_binomial(n=8, p=8 / (8 + mu)).astype(float)  # variance mu + mu²/8 ≫ mu
    params, cov, method, dispersion = fit_series(t, y, np.zeros(24, bool), t[12])
    assert dispersion > 1.5 and method == "negative-binomial"
    pois, pcov, _, _ = fit_series(t, rng.poisson(mu).astype(float), np.zeros(24, bool), t[12])
    assert np.sqrt(cov[2, 2]) > 2 * np.sqrt(pcov[2, 2])  # honest, wider intervals under overdispersion


@pytest.mark.parametrize("vanaf,word", [("begin", "--vanaf 'begin' niet herkend"),
                                        ("2018-Q2", "te weinig perioden voor 'Begeleiding': 1 vóór")])
def test_unusable_vanaf_is_explained(tmp_path, capsys, vanaf, word):
    periods, _ = quarterly(8)
    path = write_series(tmp_path / "m.csv", periods, ["100"] * 8)
    assert main(["estimate", "monitor", str(path), "--vanaf", vanaf]) == 2
    err = capsys.readouterr().err
    assert "m.csv" in err and word in err and "Traceback" not in err
