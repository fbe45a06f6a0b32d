"""Format v1 extensions of DESIGN §11: ``include:`` and ``dist: draws``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import mkba
from mkba.core.errors import CaseError, UsageError
from mkba.core.model import parameter_values
from mkba.core.outputs import Layout
from mkba.core.reference import evaluate_draw, parameter_values_at
from mkba.core.sampling import Sampler, draws_files

CASE = """mkba: 1
case: {id: t, title: T, start_year: 2020, horizon: 3}
stakeholders: {gemeente: Gemeente, huishoudens: Huishoudens}
parameters:
  prijs: {dist: uniform, min: 10, max: 20}
%s
costs:
  - {id: c, label: C, amount: 1000, payer: gemeente}
effects:
  - {id: e, label: E, category: s, kind: fiscal, volume: a, share: 0.5, value: prijs,
     beneficiaries: {gemeente: 0.5, huishoudens: rest}}
  - {id: f, label: F, category: s, kind: social, volume: b, value: 3, beneficiaries: huishoudens}
"""


def draws_case(tmp_path, order="resample", rows=500, extra="", seed=3):
    rng = np.random.default_rng(seed)
    z = rng.multivariate_normal([0, 0], [[1, 0.8], [0.8, 1]], size=rows)
    frame = pd.DataFrame({"a": 50 + 10 * z[:, 0], "b": 20 + 5 * z[:, 1]})
    frame.to_csv(tmp_path / "psa.csv", index=False)
    params = (f"  a: {{dist: draws, file: psa.csv, column: a, order: {order}}}\n"
              f"  b: {{dist: draws, file: psa.csv, column: b, order: {order}}}\n" + extra)
    path = tmp_path / "case.yaml"
    path.write_text(CASE % params)
    return path, frame


def test_sequential_equals_the_file_rows(tmp_path):
    path, frame = draws_case(tmp_path, "sequential", rows=300)
    res = mkba.simulate(mkba.load_case(path), draws=300, seed=1, chunk_size=37)
    out = res.to_frame()
    np.testing.assert_array_equal(out["param.a"].to_numpy(), frame["a"].to_numpy())
    np.testing.assert_array_equal(out["param.b"].to_numpy(), frame["b"].to_numpy())
    with pytest.raises(UsageError, match="300 rows, but 301 draws"):
        mkba.simulate(mkba.load_case(path), draws=301, seed=1)


@pytest.mark.parametrize("design", ["mc", "lhs", "sobol"])
def test_resample_keeps_rows_whole_and_the_rank_correlation(tmp_path, design):
    path, frame = draws_case(tmp_path, rows=400)
    out = mkba.simulate(mkba.load_case(path), draws=4096, seed=5, design=design).to_frame()
    pairs = set(zip(frame["a"], frame["b"], strict=True))
    assert all(p in pairs for p in zip(out["param.a"], out["param.b"], strict=True))  # joint rows kept
    rho_file = stats.spearmanr(frame["a"], frame["b"])[0]
    rho_draws = stats.spearmanr(out["param.a"], out["param.b"])[0]
    assert rho_draws == pytest.approx(rho_file, abs=0.03)
    # every row is equally likely: the draws' mean matches the file's mean within MC error
    se = frame["a"].std() / np.sqrt(4096)
    assert abs(out["param.a"].mean() - frame["a"].mean()) < 4 * se


@pytest.mark.parametrize("design", ["mc", "lhs", "sobol"])
def test_chunk_size_independence_with_draws_files(tmp_path, design):
    path, _ = draws_case(tmp_path)
    case = mkba.load_case(path)
    one = mkba.simulate(case, draws=1000, seed=9, design=design, chunk_size=1000).to_frame()
    many = mkba.simulate(case, draws=1000, seed=9, design=design, chunk_size=7).to_frame()
    pd.testing.assert_frame_equal(one, many, check_exact=True)
    if design == "mc":  # and whichever process computes a chunk
        two = mkba.simulate(case, draws=1000, seed=9, design=design, chunk_size=100, workers=2).to_frame()
        pd.testing.assert_frame_equal(one, two, check_exact=True)


def test_stream_is_keyed_by_the_file_not_the_parameter_name(tmp_path):
    path, _ = draws_case(tmp_path)
    base = mkba.simulate(mkba.load_case(path), draws=200, seed=2).to_frame()
    renamed = path.read_text().replace("  a: {dist", "  a_renamed: {dist").replace("volume: a,", "volume: a_renamed,")
    path.write_text(renamed)
    other = mkba.simulate(mkba.load_case(path), draws=200, seed=2).to_frame()
    np.testing.assert_array_equal(base["param.a"], other["param.a_renamed"])
    np.testing.assert_array_equal(base["param.b"], other["param.b"])


def test_reference_evaluator_agrees_with_the_engine(tmp_path):
    path, _ = draws_case(tmp_path, extra="  c: {dist: pert, min: 0, mode: 1, max: 2}\n")
    case = mkba.load_case(path)
    names = list(case.parameters)
    sampler = Sampler(names, 50, 4, "mc", (), draws_files(case.parameters))
    u = sampler.uniforms()
    values = parameter_values(case, u, names)
    res = mkba.simulate(case, draws=50, seed=4).to_frame()
    layout = Layout.of(case)
    for i in range(50):
        params = parameter_values_at(case, {n: u[i, j] for j, n in enumerate(names)})
        for n in names:
            assert params[n] == pytest.approx(values[n][i], rel=1e-12)
        ref = evaluate_draw(case, params)
        for col in ("npv", "pv_benefits", "stakeholder.huishoudens.net"):
            assert ref[col] == pytest.approx(res[col][i], rel=1e-10)
    assert layout.columns  # the engine's layout includes the lines the reference reports


def test_draws_file_problems_are_located(tmp_path):
    path, _ = draws_case(tmp_path)
    text = path.read_text()
    bad = text.replace("file: psa.csv, column: a,", "file: weg.csv, column: a,").replace("column: b,", "column: bb,")
    path.write_text(bad)
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    messages = [p.plain() for p in info.value.problems]
    assert [p.code for p in info.value.problems] == ["draws.file_not_found", "draws.no_column"]
    assert any("case.yaml:6 parameters.a.file: draws file not found" in m for m in messages)
    assert any("case.yaml:7 parameters.b.column: no column 'bb'" in m and "columns: a, b" in m for m in messages)
    frame = pd.read_csv(tmp_path / "psa.csv", dtype=str)
    frame.loc[4, "a"] = "x"
    frame.to_csv(tmp_path / "psa.csv", index=False)
    path.write_text(text)
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    assert "row 6, column 'a': 'x' is not a number" in info.value.problems[0].plain()
    path.write_text(text.replace("order: resample}", "order: resample, values: [1, 2]}", 1))
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    assert "filled from the draws file" in info.value.problems[0].plain()


def test_draws_parameters_cannot_be_rank_correlated(tmp_path):
    path, _ = draws_case(tmp_path)
    path.write_text(path.read_text().replace("costs:", "correlations:\n  - [a, prijs, 0.5]\ncosts:"))
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    assert info.value.problems[0].code == "correlation.draws"
    assert "takes its values from a draws file" in info.value.problems[0].plain()


def include_case(tmp_path, included: str, own: str = "") -> str:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "inc.yaml").write_text(included)
    path = tmp_path / "case.yaml"
    text = (CASE % own).replace("mkba: 1\n", "mkba: 1\ninclude: [data/inc.yaml]\n")
    path.write_text(text)
    return path


def test_include_merges_parameters_and_sources(tmp_path):
    inc = ("sources:\n  reg: Registraties\nparameters:\n  a: {value: 40, source: reg}\n"
           "  b: {dist: beta, successes: 3, trials: 9, min: 0, max: 50}\n")
    case = mkba.load_case(include_case(tmp_path, inc))
    assert case.parameters["a"].value == 40 and case.sources["reg"] == "Registraties"
    assert case.parameters["b"].shape == (4.0, 7.0)
    assert case.includes == (str(tmp_path / "data" / "inc.yaml"),)
    assert mkba.deterministic(case).summary()["metrics"]["npv"] != 0


def test_include_errors_name_the_included_file_and_both_places(tmp_path):
    inc = ("parameters:\n  a: {value: 40}\n  b: {dist: pert, min: 5, mode: 1, max: 9}\n  prijs: {value: 3}\n")
    path = include_case(tmp_path, inc, own="  a2: {value: 1}\n")
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    messages = [p.plain() for p in info.value.problems]
    twice = [m for m in messages if "defined twice" in m]
    assert twice and "inc.yaml:4 parameters.prijs" in twice[0] and "case.yaml:6" in twice[0]
    inc = "parameters:\n  a: {value: 40}\n  b: {dist: pert, min: 5, mode: 1, max: 9}\n"
    path = include_case(tmp_path, inc)
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    first = info.value.problems[0]
    assert (first.file, first.line, first.path) == (str(tmp_path / "data" / "inc.yaml"), 3, "parameters.b")
    assert "mode (1)" in first.plain() and "min (5)" in first.plain()


def test_bundled_includes_use_the_mkba_prefix(tmp_path, monkeypatch):
    import mkba.data_in.includes as inc

    path = include_case(tmp_path, "parameters:\n  a: {value: 1}\n  b: {value: 2}\n")
    path.write_text(path.read_text().replace("include: [data/inc.yaml]", "include: [mkba:bestaat_niet]"))
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    assert "no bundled file 'mkba:bestaat_niet'" in info.value.problems[0].plain()
    res = tmp_path / "res"
    res.mkdir()
    (res / "prijzen.yaml").write_text("sources: {kh: Kostenhandleiding}\nparameters:\n  a: {value: 5}\n  b: {value: 6}\n")
    monkeypatch.setattr(inc, "RESOURCES", res)
    path.write_text(path.read_text().replace("mkba:bestaat_niet", "mkba:prijzen"))
    assert mkba.load_case(path).parameters["b"].value == 6


def test_the_example_chain_de_kop_data(tmp_path):
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    case = mkba.load_case(root / "parameters" / "de_kop_data.yaml")
    sub = case.parameters["substitutie"]
    assert sub.family == "beta" and sub.successes is not None
    est = __import__("yaml").safe_load((root / "parameters" / "data" / "registraties_de_kop.yaml").read_text())
    assert (sub.successes, sub.trials) == (est["parameters"]["substitutie"]["successes"],
                                           est["parameters"]["substitutie"]["trials"])
    import hashlib

    data = root / "parameters" / "data" / "registraties_de_kop.csv"
    assert est["estimate"]["sha256"] == hashlib.sha256(data.read_bytes()).hexdigest()  # estimate is current
    assert est["estimate"]["volumes"][2018]["individueel"] == 393 and est["estimate"]["volumes"][2019]["individueel"] == 581
    assert 0.30 < sub.mean < 0.40
    res = mkba.simulate(case, draws=500, seed=1)
    assert np.isfinite(res.summary()["metrics"]["bcr_of_means"])


def test_monitor_estimate_feeds_a_case_through_draws(tmp_path):
    """The committed monitor estimate is includable: its draws parameters share one row of the
    draws file per draw, and a scenario can scale them (common random numbers)."""
    root = __import__("pathlib").Path(__file__).resolve().parent.parent
    inc = root / "parameters" / "data" / "monitor_weststellingwerf.yaml"
    path = tmp_path / "case.yaml"
    path.write_text(
        f"mkba: 1\ninclude: [{inc}]\ncase: {{id: m, title: M, start_year: 2023, horizon: 2}}\n"
        "stakeholders: {gemeente: Gemeente}\nparameters:\n  prijs: {value: 9000}\n"
        "costs: [{id: c, label: C, amount: 100000, payer: gemeente}]\n"
        # avoided clients can be negative (more in care than without the change), so they enter
        # as the signed 'value' per unit of a price-valued 'volume', not as a volume (which must be ≥ 0)
        "effects:\n  - {id: e, label: E, category: substitutie, kind: fiscal,"
        " volume: [prijs, 0], value: vermeden_begeleiding_2023, beneficiaries: gemeente}\n"
        "  - {id: f, label: F, category: substitutie, kind: fiscal,"
        " volume: [0, prijs], value: vermeden_begeleiding_2024, beneficiaries: gemeente}\n"
        "scenarios:\n  half: {label: Half, scale: {vermeden_begeleiding_2024: 0.5}}\n")
    case = mkba.load_case(path)
    spec = case.parameters["vermeden_begeleiding_2024"]
    assert spec.family == "draws" and spec.rows == 2000 and len(spec.sha256) == 64
    frame = pd.read_csv(root / "parameters" / "data" / "monitor_weststellingwerf_trekkingen.csv")
    base = mkba.simulate(case, draws=800, seed=3).to_frame()
    half = mkba.simulate(case, draws=800, seed=3, scenario="half").to_frame()
    rows = set(zip(frame["begeleiding_vermeden_2023"], frame["begeleiding_vermeden_2024"], strict=True))
    assert all(p in rows for p in zip(base["param.vermeden_begeleiding_2023"], base["param.vermeden_begeleiding_2024"], strict=True))
    np.testing.assert_allclose(half["param.vermeden_begeleiding_2024"], 0.5 * base["param.vermeden_begeleiding_2024"], rtol=1e-15)
    from mkba.analysis.sensitivity import tornado

    torn = tornado.analyze(case)  # one-at-a-time methods use the column's marginal quantiles
    p10 = float(np.sort(frame["begeleiding_vermeden_2024"])[200])  # floor(u·rows), as dist: empirical
    assert spec.quantile(0.1) == pytest.approx(p10, abs=1e-9)
    assert torn is not None
    npv = base["npv"].to_numpy()
    expected = (9000 * base["param.vermeden_begeleiding_2023"] + 9000 * base["param.vermeden_begeleiding_2024"] / 1.0225
                - 100000 * (1 + 1 / 1.0225))
    np.testing.assert_allclose(npv, expected, rtol=1e-9, atol=1e-6)


def test_cli_reports_draws_problems_without_traceback(tmp_path, capsys):
    from mkba.faces.cli import main

    path, _ = draws_case(tmp_path, "sequential", rows=100)
    assert main(["run", str(path), "--draws", "200"]) == 2
    err = capsys.readouterr().err
    assert "(100 rijen), maar er zijn 200 trekkingen gevraagd" in err and "Traceback" not in err
    path.write_text(path.read_text().replace("column: b,", "column: nee,"))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "case.yaml:7 parameters.b.column: geen kolom 'nee'" in err


def test_parquet_draws_files_and_scenario_set_records(tmp_path):
    path, frame = draws_case(tmp_path, "sequential", rows=64)
    frame.to_parquet(tmp_path / "psa.parquet")
    text = path.read_text().replace("psa.csv", "psa.parquet")
    text = text.replace("costs:", "scenarios:\n  s: {label: S, set: {prijs: {dist: draws, file: psa.parquet, column: b,"
                                  " order: sequential}}}\ncosts:")
    path.write_text(text)
    case = mkba.load_case(path)
    out = mkba.simulate(case, draws=64, seed=1, scenario="s").to_frame()
    np.testing.assert_array_equal(out["param.a"], frame["a"])
    np.testing.assert_array_equal(out["param.prijs"], frame["b"])   # set in a scenario, same file, same rows


def test_included_file_with_another_format_version_is_refused(tmp_path):
    path = include_case(tmp_path, "mkba: 2\nparameters:\n  a: {value: 1}\n  b: {value: 2}\n")
    with pytest.raises(CaseError) as info:
        mkba.load_case(path)
    assert "inc.yaml:1 mkba: format version 2" in info.value.problems[0].plain()


def test_sensitivity_says_draws_columns_vary_one_at_a_time(tmp_path, capsys):
    """Tornado/Sobol'/Morris vary each draws-file column alone (its sorted column as inverse CDF);
    the rows' joint uncertainty, which the simulation keeps, is not in them — and a note says so."""
    from mkba.analysis.sensitivity import tornado
    from mkba.faces.cli import main
    from mkba.faces.text_nl import sensitivity_note

    path, _ = draws_case(tmp_path)
    case = mkba.load_case(path)
    res = tornado.analyze(case)
    notes = [n for n in res.notes if n.code == "draws.marginal"]
    assert [n.data["names"] for n in notes] == [["a", "b"]]
    assert "elk los" in sensitivity_note(notes[0], case)
    assert main(["sensitivity", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    assert '"code": "draws.marginal"' in out and "samenhang tussen kolommen van hetzelfde bestand" in out
    example = mkba.load_case(mkba.example_case_path())
    assert not [n for n in tornado.analyze(example).notes if n.code == "draws.marginal"]  # no file, no note
