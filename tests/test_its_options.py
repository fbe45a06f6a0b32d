"""ITS options of mkba estimate monitor (DESIGN §16): a published result reproduced (the Sicily
smoking-ban tutorial), coverage of the 90% intervals on simulated series with an offset and a
season, autocorrelation and Newey–West, placebo breaks, CBS StatLine input and exposure numbers."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from mkba.data_in.monitor import (
    ItsOptions,
    estimate_monitor,
    newey_west_lags,
    parse_exposure,
    parse_period,
    read_monitor,
    season_columns,
)
from mkba.data_in.registrations import DataFileError
from mkba.faces.cli import main
from tests.conftest import CASES

SICILY = CASES / "sicily_its.csv"


def test_sicily_smoking_ban_reproduces_the_published_rate_ratio():
    """Lopez Bernal, Cummins & Gasparrini (2017), model 3 of their R code: quasi-Poisson, offset
    log(stdpop), a step change and a linear trend, harmonic(month, 2, 12): RR 0,885 (95% CI
    0,839–0,933) for acute coronary events after the Sicilian smoking ban."""
    est = estimate_monitor(SICILY, "2005-01", options=ItsOptions(exposure="stdpop", season=2, model="niveau",
                                                                 overdispersion="quasipoisson"))
    s = est.series["ACE"]
    b, se = s.params[2], math.sqrt(s.cov[2][2])
    assert math.exp(b) == pytest.approx(0.885, abs=0.0005)
    assert math.exp(b - 1.959964 * se) == pytest.approx(0.839, abs=0.0006)
    assert math.exp(b + 1.959964 * se) == pytest.approx(0.933, abs=0.0006)
    assert s.method == "quasi-poisson" and s.dispersion == pytest.approx(2.26, abs=0.01)
    doc = s.to_json()
    assert doc["model"] == "niveau" and doc["slope_change"] is None and doc["offset"] == "stdpop"
    assert doc["season"] == {"kind": "harmonic", "k": 2, "period": 12}
    assert doc["se_type"] == "model" and doc["autocorrelation"]["lags"] == 10     # min(10, 59/5)
    assert 0.05 < doc["autocorrelation"]["ljung_box_p"] < 1
    # the rate change: fitted − counterfactual per 1.000 stdpop in the last month, a fall
    assert doc["rate_change"]["p95"] < 0 and doc["rate_change"]["per"] == 1000
    # avoided events at the last exposure: (1/RR − 1) × fitted, roughly 12% of ~840 a month
    assert 80 < s.avoided[2006].mean < 150


def simulate(rng, n=60, rr=0.8, k_season=1, offset=True):
    months = np.arange(n)
    periods = [f"{2015 + m // 12}-{1 + m % 12:02d}" for m in months]
    t = 2015 + (1 + months % 12) / 12 + months // 12
    t0 = 2015 + 36 / 12 + 1 / 12 - 1 / 12   # 2018-01 is month 36
    post = months >= 36
    exposure = np.round(20_000 * (1 + 0.004 * months) * rng.uniform(0.98, 1.02, n), 1)
    season = 0.15 * np.cos(2 * np.pi * (1 + months % 12) / 12) if k_season else 0
    mu = (exposure if offset else 20_000) * 0.01 * np.exp(0.02 * (t - t0) + np.log(rr) * post + season)
    return periods, rng.poisson(mu), exposure


def write(path, periods, counts, exposure=None, sep=",", quoted=False):
    q = '"' if quoted else ""
    head = [f"{q}periode{q}", f"{q}voorziening{q}", f"{q}aantal{q}"] + ([f"{q}inwoners{q}"] if exposure is not None else [])
    lines = [sep.join(head)]
    for i, (p, c) in enumerate(zip(periods, counts, strict=True)):
        row = [p, "Begeleiding", str(c)]
        if exposure is not None:
            row.append(str(exposure[i]).replace(".", ",") if sep == ";" else str(exposure[i]))
        lines.append(sep.join(row))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_coverage_of_the_90_percent_interval_with_offset_and_season(tmp_path):
    rng = np.random.default_rng(2024)
    hits, runs = 0, 120
    for i in range(runs):
        periods, counts, exposure = simulate(rng)
        path = write(tmp_path / f"s{i}.csv", periods, counts, exposure)
        s = estimate_monitor(path, "2018-01", draws=50, options=ItsOptions(exposure="inwoners", season=1,
                                                                            model="niveau")).series["Begeleiding"]
        b, se = s.params[2], math.sqrt(s.cov[2][2])
        hits += math.exp(b - 1.645 * se) <= 0.8 <= math.exp(b + 1.645 * se)
    # binomial(120, 0,9): 95% of runs between 101 and 114
    assert 100 <= hits <= 115, hits


def test_without_the_offset_a_growing_population_biases_the_level_change(tmp_path):
    """A municipality that grows: counts rise with the population. With the offset the level
    change is recovered; the same fit on raw counts is off (the trend absorbs only part)."""
    rng = np.random.default_rng(5)
    months = np.arange(48)
    periods = [f"{2016 + m // 12}-{1 + m % 12:02d}" for m in months]
    exposure = np.where(months >= 24, 30_000.0, 20_000.0)           # a merger: +50% at the break
    mu = exposure * 0.01 * 0.8 ** (months >= 24)
    counts = rng.poisson(mu)
    path = write(tmp_path / "fusie.csv", periods, counts, exposure)
    with_offset = estimate_monitor(path, "2018-01", options=ItsOptions(exposure="inwoners", model="niveau"))
    raw = estimate_monitor(path, "2018-01", options=ItsOptions(model="niveau"))
    lc = with_offset.series["Begeleiding"].level_change
    assert lc.p05 < 0.8 < lc.p95
    assert raw.series["Begeleiding"].level_change.p05 > 1.0   # raw counts: a rise instead of a fall


def test_autocorrelated_series_gets_newey_west_automatically(tmp_path):
    rng = np.random.default_rng(11)
    n = 80
    e = np.zeros(n)
    for i in range(1, n):
        e[i] = 0.8 * e[i - 1] + rng.normal(0, 0.08)
    months = np.arange(n)
    periods = [f"{2014 + m // 12}-{1 + m % 12:02d}" for m in months]
    counts = rng.poisson(2000 * np.exp(e))
    path = write(tmp_path / "ar.csv", periods, counts)
    s = estimate_monitor(path, "2019-01", options=ItsOptions(model="niveau")).series["Begeleiding"]
    assert s.autocorrelation["lag1"] > 0.4 and s.autocorrelation["ljung_box_p"] < 0.05
    assert s.se_type == "newey-west-auto"
    asked = estimate_monitor(path, "2019-01", options=ItsOptions(model="niveau", hac=True)).series["Begeleiding"]
    assert asked.se_type == "newey-west"
    assert newey_west_lags(80) == 3 and newey_west_lags(100) == 4


def test_placebo_breaks_before_the_real_one(tmp_path):
    rng = np.random.default_rng(3)
    periods, counts, exposure = simulate(rng, rr=0.7)
    path = write(tmp_path / "p.csv", periods, counts, exposure)
    est = estimate_monitor(path, "2018-01", options=ItsOptions(exposure="inwoners", season=1, model="niveau",
                                                               placebo=True))
    placebo = est.series["Begeleiding"].to_json()["placebo"]
    assert 1 <= len(placebo) <= 6
    assert all(parse_period(p["vanaf"]) < parse_period("2018-01") for p in placebo)
    # no real change before 2018: the placebo level changes stay near 1
    assert all(0.85 < p["level_change"]["mean"] < 1.15 for p in placebo)
    assert est.series["Begeleiding"].level_change.p95 < 0.8


def test_cbs_statline_export_with_semicolons_quotes_and_decimal_commas(tmp_path):
    rng = np.random.default_rng(1)
    periods, counts, exposure = simulate(rng)
    cbs = [f"{p[:4]}MM{p[5:]}" for p in periods]
    path = write(tmp_path / "cbs.csv", cbs, counts, exposure, sep=";", quoted=True)
    table = read_monitor(path, "inwoners")
    assert list(table["periode"][:2]) == ["2015-01", "2015-02"]
    assert table["exposure"].to_numpy() == pytest.approx(exposure)
    assert parse_period("2022KW01") == pd.Period("2022Q1", freq="Q")
    assert parse_period("2022MM03") == pd.Period("2022-03", freq="M")
    assert parse_period("2022JJ00") == pd.Period("2022", freq="Y")
    assert parse_period("2022MM13") is None and parse_period("2022KW05") is None


@pytest.mark.parametrize(("values", "expected"), [
    (["12.345", "1.234.567"], [12345, 1234567]),        # a column with a two-dot value: thousands
    (["364277.4", "12.345"], [364277.4, 12.345]),       # a column with a decimal point
    (["12.345,5", "100"], [12345.5, 100]),              # Dutch
    (["1234,5", "99"], [1234.5, 99]),
])
def test_exposure_numbers(values, expected):
    assert parse_exposure(values, "f.csv", "inwoners", [2, 3]) == pytest.approx(expected)


def test_ambiguous_exposure_is_refused_with_both_readings():
    with pytest.raises(DataFileError) as info:
        parse_exposure(["12.345", "20.000"], "f.csv", "inwoners", [2, 3])
    assert info.value.code == "ambiguous_exposure" and info.value.row == 2
    assert info.value.detail["thousands"] == "12345" and info.value.detail["decimal"] == "12,345"
    for bad in (["0"], ["-5"], ["veel"], [""]):
        with pytest.raises(DataFileError):
            parse_exposure(bad, "f.csv", "inwoners", [2])


def test_season_columns():
    months = [pd.Period(f"2020-{m:02d}", freq="M") for m in range(1, 13)]
    cols, info = season_columns(months, 6)
    assert cols.shape == (12, 11) and info == {"kind": "harmonic", "k": 6, "period": 12}   # sin(πm) left out
    cols, info = season_columns(months, "kwartaal")
    assert cols.shape == (12, 3)
    quarters = [pd.Period(f"2020Q{q}", freq="Q") for q in range(1, 5)]
    with pytest.raises(DataFileError) as info:
        season_columns(quarters, 3)
    assert info.value.code == "season_k"
    with pytest.raises(DataFileError):
        season_columns(quarters, "maand")


def test_cli_options_json_and_dutch_errors(tmp_path, capsys):
    rng = np.random.default_rng(7)
    periods, counts, exposure = simulate(rng)
    path = write(tmp_path / "m.csv", periods, counts, exposure)
    assert main(["estimate", "monitor", str(path), "--vanaf", "2018-01", "--bevolking", "inwoners", "--seizoen", "1",
                 "--model", "niveau", "--hac", "--placebo", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)["series"]["Begeleiding"]
    assert {"model", "offset", "season", "autocorrelation", "se_type", "rate_change", "placebo"} <= set(doc)
    assert doc["se_type"] == "newey-west" and doc["slope_change"] is None
    assert main(["estimate", "monitor", str(path), "--vanaf", "2018-01"]) == 0
    plain = capsys.readouterr().out
    assert "Autocorrelatie van de residuen" in plain and "Trendbreuk" in plain
    for args, words in ((["--seizoen", "lente"], "--seizoen 'lente'"), (["--model", "trend"], "--model 'trend'"),
                        (["--seizoen", "7"], "hooguit 6 paren"), (["--bevolking", "bestaat_niet"], "bestaat_niet"),
                        (["--overdispersie", "veel"], "--overdispersie 'veel'")):
        assert main(["estimate", "monitor", str(path), "--vanaf", "2018-01", *args]) == 2
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err
