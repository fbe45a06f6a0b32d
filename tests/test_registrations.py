"""mkba estimate registraties: posteriors, partial pooling, volumes, goal reached, bad input."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy import optimize, stats

import mkba
from mkba.data_in.registrations import DataFileError, estimate_registrations, fit_pooling
from mkba.faces.cli import main

HEADER = "traject_id,startdatum,einddatum,soort,team,alternatief,doel_bereikt\n"


def write(tmp_path, rows: list[str], name="reg.csv", header=HEADER, sep=","):
    path = tmp_path / name
    text = header + "".join(r + "\n" for r in rows)
    path.write_text(text.replace(",", sep), encoding="utf-8")
    return path


def hand_rows() -> list[str]:
    """12 trajectories: 2018 has 5 known alternatives (2 maatwerk), 2019 has 6 known (4 maatwerk),
    one 'onbekend'. Maatwerk: 3 wmo-begeleiding, 2 jeugdhulp, 1 ggz."""
    return [
        "a1,2018-01-05,,individueel,noord,wmo-begeleiding,ja",
        "a2,2018-02-10,,individueel,noord,geen,ja",
        "a3,14-03-2018,,individueel,zuid,geen,deels",
        "a4,2018-06-01,,individueel,zuid,jeugdhulp,nee",
        "a5,2018-12-20,,leun-en-steun,zuid,geen,onbekend",
        "b1,2019-01-02,,individueel,noord,wmo-begeleiding,ja",
        "b2,2019-03-03,2019-05-01,individueel,noord,wmo-begeleiding,deels",
        "b3,2019-04-04,,individueel,zuid,jeugdhulp,ja",
        "b4,2019-05-05,,individueel,zuid,ggz,nee",
        "b5,2019-06-06,,individueel,noord,geen,ja",
        "b6,2019-06-07,,individueel,zuid,geen,ja",
        "b7,2019-06-08,,individueel,zuid,onbekend,ja",
    ]


def test_posteriors_are_beta_one_plus_k(tmp_path):
    est = estimate_registrations(write(tmp_path, hand_rows()), suppress=False)
    assert (est.rows, est.used, est.excluded) == (12, 12, {})
    o = est.overall
    assert (o.successes, o.trials) == (6, 11)
    assert (o.alpha, o.beta) == (7.0, 6.0)
    assert o.mean == pytest.approx(7 / 13, abs=1e-15)
    assert o.p05 == pytest.approx(stats.beta.ppf(0.05, 7, 6), abs=1e-14)
    assert o.p95 == pytest.approx(stats.beta.ppf(0.95, 7, 6), abs=1e-14)
    alt = est.by_alternative
    assert {a: (e.successes, e.trials) for a, e in alt.items()} == {
        "wmo-begeleiding": (3, 11), "jeugdhulp": (2, 11), "ggz": (1, 11)}
    assert (alt["ggz"].alpha, alt["ggz"].beta) == (2.0, 11.0)
    assert {y: (e.successes, e.trials) for y, e in est.by_year.items()} == {2018: (2, 5), 2019: (4, 6)}
    assert est.unknown_alternative == 1


def test_soort_filter_and_goal_reached_with_deels(tmp_path):
    path = write(tmp_path, hand_rows())
    est = estimate_registrations(path, soort="individueel", suppress=False)
    assert (est.overall.successes, est.overall.trials) == (6, 10)
    # known goals among individueel: ja 6 (a1,a2,b1,b3,b5,b6 + b7) = 7, deels 2, nee 2 -> n = 11
    g = est.goal_reached
    assert (g.trials, g.successes) == (11, 7 + 0.5 * 2)
    assert (g.alpha, g.beta) == (1 + 8.0, 1 + 11 - 8.0)
    g1 = estimate_registrations(path, soort="individueel", deels=1.0, suppress=False).goal_reached
    assert g1.successes == 9.0
    # volumes count every soort, per start year
    assert est.volumes == {2018: {"individueel": 4, "leun-en-steun": 1}, 2019: {"individueel": 7}}
    # 2018 has starts in January and December; 2019 stops in June: partial, never annualised
    assert est.partial_years == (2019,)


def test_pooling_equals_the_beta_binomial_closed_form():
    k, n = [2, 5, 9, 4], [10, 10, 12, 20]
    pool = fit_pooling(k, n)

    def nll(ab):
        a, b = np.exp(ab)
        return -stats.betabinom.logpmf(k, n, a, b).sum()

    # an independent optimiser on (log alpha, log beta) finds the same maximum
    ref = optimize.minimize(nll, np.log([2.0, 2.0]), method="Nelder-Mead",
                            options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 20000})
    assert nll(np.log([pool.alpha, pool.beta])) <= ref.fun + 1e-7
    assert pool.alpha / (pool.alpha + pool.beta) == pytest.approx(np.exp(ref.x[0]) / np.exp(ref.x).sum(), rel=1e-3)
    # the team posterior mean is (alpha + k) / (alpha + beta + n): between the raw share and the prior mean
    prior_mean = pool.mean
    for kj, nj in zip(k, n, strict=True):
        post = (pool.alpha + kj) / (pool.alpha + pool.beta + nj)
        raw = kj / nj
        assert min(raw, prior_mean) <= post <= max(raw, prior_mean)
        assert abs(post - prior_mean) < abs(raw - prior_mean) or raw == prior_mean
    chi2, p, df, _ = stats.chi2_contingency(np.column_stack([k, np.subtract(n, k)]), correction=False)
    assert (pool.chi2, pool.p_value, pool.df) == pytest.approx((chi2, p, df))


def test_pooling_shrinks_teams_to_the_overall_share(tmp_path):
    rows = []
    # three teams with identical shares (3 of 10): complete pooling, no note of difference
    for t in ("noord", "midden", "zuid"):
        for i in range(10):
            rows.append(f"{t}{i},2019-0{1 + i % 9}-01,,individueel,{t},{'jeugdhulp' if i < 3 else 'geen'},ja")
    est = estimate_registrations(write(tmp_path, rows), suppress=False)
    assert est.pooling.complete and not est.pooling.teams_differ
    for team in est.by_team.values():
        assert team.pooled.mean == pytest.approx(0.3, abs=1e-4)
    # now make the teams differ strongly: the note fires and every team moves toward the total
    rows = []
    for t, m in (("noord", 1), ("midden", 5), ("zuid", 9)):
        for i in range(10):
            rows.append(f"{t}{i},2019-0{1 + i % 9}-01,,individueel,{t},{'ggz' if i < m else 'geen'},ja")
    est = estimate_registrations(write(tmp_path, rows, name="b.csv"), suppress=False)
    assert est.pooling.teams_differ
    overall = est.overall.successes / est.overall.trials
    for team in est.by_team.values():
        assert abs(team.pooled.mean - overall) <= abs(team.raw_share - overall) + 1e-8
        a, b = est.pooling.alpha, est.pooling.beta
        assert team.pooled.mean == pytest.approx((a + team.successes) / (a + b + team.trials), rel=1e-12)


def test_unusable_rows_are_counted_per_reason_with_their_place(tmp_path, capsys):
    rows = hand_rows() + [
        "a1,2019-07-01,,individueel,noord,geen,ja",          # duplicate id (row 14)
        "c1,31-02-2019,,individueel,noord,geen,ja",          # bad date (row 15)
        "c2,2019-07-02,,individueel,noord,thuiszorg,ja",     # unknown code (row 16)
        "c3,2019-07-03,,individueel,noord,geen,misschien",   # unknown code (row 17)
        ",2019-07-04,,individueel,noord,geen,ja",            # missing id (row 18)
        "c4,2019-07-05,2019-07-01,individueel,noord,geen,ja",  # ends before it starts (row 19)
    ]
    path = write(tmp_path, rows)
    est = estimate_registrations(path, suppress=False)
    assert est.excluded == {"duplicate_id": 1, "bad_date": 2, "unknown_code": 2, "missing_id": 1}
    assert est.used == 12 and est.rows == 18
    places = {(e.row, e.column, e.reason) for e in est.exclusions}
    assert {(14, "traject_id", "duplicate_id"), (15, "startdatum", "bad_date"), (16, "alternatief", "unknown_code"),
            (17, "doel_bereikt", "unknown_code"), (18, "traject_id", "missing_id"),
            (19, "einddatum", "bad_date")} == places
    assert main(["estimate", "registraties", str(path)]) == 0  # small counts suppressed (DESIGN §17)
    out = capsys.readouterr().out
    assert "dubbel traject_id: <10" in out
    # 12 used (published as 10–19) and 1–9 excluded: row 15 would say "at least 14 rows" (rows 2–13 are
    # the used ones), so beside 10–19 used it narrows the exclusions; the examples name column and value only
    assert "rij 14" not in out
    assert "kolom 'startdatum': '31-02-2019'; rijnummer niet getoond" in out and "rij 15" not in out
    assert main(["estimate", "registraties", str(path), "--json", "--geen-onderdrukking"]) == 0
    js = json.loads(capsys.readouterr().out)
    assert js["excluded"] == {"missing_id": 1, "duplicate_id": 1, "bad_date": 2, "unknown_code": 2}
    assert js["rows"] == 18 and js["used"] == 12
    assert js["substitution"]["overall"]["successes"] == 6 and js["substitution"]["overall"]["trials"] == 11
    assert set(js["substitution"]["by_team"]["noord"]) >= {"successes", "trials", "mean", "p05", "p95"}


@pytest.mark.parametrize("case", ["empty", "header_only", "delimiter", "missing_column"])
def test_unusable_files_exit_2_naming_file_row_and_column(tmp_path, capsys, case):
    if case == "empty":
        path = tmp_path / "reg.csv"
        path.write_text("")
        expect = ["reg.csv", "leeg"]
    elif case == "header_only":
        path = write(tmp_path, [])
        expect = ["reg.csv", "leeg"]
    elif case == "delimiter":
        path = write(tmp_path, hand_rows(), sep="|")
        expect = ["reg.csv rij 1", "scheidingsteken", "'|'"]
    else:
        path = write(tmp_path, ["a,2019-01-01,x,geen,ja"], header="traject_id,startdatum,soort,alternatief,doel\n")
        expect = ["reg.csv rij 1", "kolom 'doel_bereikt'", "--kolommen"]
    assert main(["estimate", "registraties", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for word in expect:
        assert word in err


def test_xlsx_sheets_semicolons_case_and_renames(tmp_path, capsys):
    frame = pd.read_csv(write(tmp_path, hand_rows()), dtype=str, keep_default_na=False)
    frame.columns = [c.upper() for c in frame.columns]           # case-insensitive names
    frame = frame.rename(columns={"TEAM": "Gebiedsteam"})        # renamed by --kolommen
    xlsx = tmp_path / "reg.xlsx"
    with pd.ExcelWriter(xlsx) as writer:
        pd.DataFrame({"x": [1]}).to_excel(writer, sheet_name="Toelichting", index=False)
        frame.to_excel(writer, sheet_name="Trajecten", index=False)
    mapping = tmp_path / "kolommen.yaml"
    mapping.write_text("Gebiedsteam: team\n")
    est = estimate_registrations(xlsx, sheet="Trajecten", renames={"Gebiedsteam": "team"}, suppress=False)
    assert (est.overall.successes, est.overall.trials) == (6, 11) and set(est.by_team) == {"noord", "zuid"}
    assert main(["estimate", "registraties", str(xlsx), "--blad", "Trajecten", "--kolommen", str(mapping), "--json", "--geen-onderdrukking"]) == 0
    assert json.loads(capsys.readouterr().out)["substitution"]["by_team"]["zuid"]["trials"] == 6
    assert main(["estimate", "registraties", str(xlsx), "--blad", "Blad1"]) == 2
    err = capsys.readouterr().err
    assert "reg.xlsx" in err and "'Blad1'" in err and "Toelichting, Trajecten" in err
    semi = write(tmp_path, hand_rows(), name="semi.csv", sep=";")
    assert estimate_registrations(semi, suppress=False).overall.trials == 11
    with pytest.raises(DataFileError) as info:
        estimate_registrations(semi, soort="advies", suppress=False)
    assert info.value.code == "unknown_soort"


def test_out_file_is_includable_and_carries_the_data_hash(tmp_path):
    import hashlib

    data = write(tmp_path, hand_rows())
    out = tmp_path / "schatting.yaml"
    assert main(["estimate", "registraties", str(data), "--soort", "individueel", "--out", str(out),
                 "--geen-onderdrukking"]) == 0
    case = tmp_path / "case.yaml"
    case.write_text(
        "mkba: 1\ninclude: [schatting.yaml]\ncase: {id: t, title: T, start_year: 2018, horizon: 2}\n"
        "stakeholders: {gemeente: Gemeente}\n"
        "costs: [{id: c, label: C, amount: 100, payer: gemeente}]\n"
        "effects: [{id: e, label: E, category: s, kind: fiscal, volume: 10, share: substitutie, value: 20,"
        " beneficiaries: gemeente}]\n")
    c = mkba.load_case(case)
    assert c.parameters["volume_individueel_2018"].value == 4        # complete year: written
    assert "volume_individueel_2019" not in c.parameters             # partial year: never annualised
    spec = c.parameters["substitutie"]
    assert (spec.successes, spec.trials, spec.shape) == (6, 10, (7.0, 5.0))
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    assert any(digest in text and "reg.csv" in text for text in c.sources.values())
    assert c.includes == (str(out),)


def test_the_committed_synthetic_export_is_what_the_seeded_script_makes(tmp_path, monkeypatch):
    import importlib.util

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("make_registraties", ROOT / "parameters" / "data" / "make_registraties.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path / "out.csv")
    module.main()
    committed = ROOT / "parameters" / "data" / "registraties_de_kop.csv"
    assert (tmp_path / "out.csv").read_bytes() == committed.read_bytes()
    est = estimate_registrations(committed, soort="individueel")
    assert est.volumes[2018]["individueel"] == 393 and est.volumes[2019]["individueel"] == 581
    assert set(est.by_team) == {"noord", "midden", "zuid"}
    assert 0.30 < est.overall.mean < 0.40
    assert est.excluded == {"duplicate_id": 2, "bad_date": 1, "unknown_code": 1}
