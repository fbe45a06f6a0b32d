"""Small counts stay private (DESIGN §17, issue 23): hostile registration and monitor exports —
tiny teams, one rare alternative, duplicates, every year small, a handful of successes, a tiny
volume — run through EVERY output of ``mkba estimate`` (console, ``--json``, ``--out`` YAML, the
draws file, the report section "Hoe is de substitutie geschat?").

Three kinds of proof:
* **invariance** — two exports that differ only in what must stay hidden (which tiny team a
  trajectory belongs to, 3 or 6 successes out of 200, a volume of 4 or 7) give byte-identical
  outputs, so nothing written can reveal the difference;
* **relations** — no published number, nor a difference of published totals (rows − used,
  volumes − trials, a total minus the other groups), is a count of 1–9;
* **a scan** of every console and report string for a number below 10 beside a count word.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy import stats

import mkba
from mkba.data_in import disclosure as D
from mkba.data_in.registrations import DataFileError, estimate_registrations
from mkba.faces import report_data
from mkba.faces.cli import main

HEADER = "traject_id,startdatum,einddatum,soort,team,alternatief,doel_bereikt\n"
GOALS = ("ja", "nee", "deels")


def rows_of(spec: list[tuple[int, int, str, str, str]], start: int = 0) -> list[str]:
    """``(count, year, soort, team, alternatief)`` groups → CSV rows with unique ids, start dates
    spread over the whole year (so no year is partial) and goals cycling ja/nee/deels."""
    out = []
    i = start
    for count, year, soort, team, alt in spec:
        for _ in range(count):
            month = 1 + i % 12
            out.append(f"t{i},{year}-{month:02d}-{1 + i % 27:02d},,{soort},{team},{alt},{GOALS[i % 3]}")
            i += 1
    return out


def big_teams(years=(2019, 2020)) -> list[tuple[int, int, str, str, str]]:
    spec = []
    for y in years:
        for team in ("noord", "zuid", "midden"):
            spec += [(12, y, "individueel", team, "wmo-begeleiding"), (6, y, "individueel", team, "jeugdhulp"),
                     (20, y, "individueel", team, "geen")]
    return spec


def save(folder: Path, rows: list[str], name: str = "reg.csv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


# --- the hostile exports ---------------------------------------------------------------------------
def tiny_teams(variant: int = 0) -> list[str]:
    """Three big teams, team 'klein' (5 rows) and team 'mini' (6 rows), and 3 rows without team.
    ``variant`` 1 swaps the team of one maatwerk row of klein with one 'geen' row of mini."""
    rows = rows_of(big_teams())
    klein = rows_of([(3, 2019, "individueel", "klein", "wmo-begeleiding"), (2, 2020, "individueel", "klein", "geen")],
                    start=1000)
    mini = rows_of([(1, 2019, "individueel", "mini", "jeugdhulp"), (5, 2020, "individueel", "mini", "geen")],
                   start=2000)
    loose = rows_of([(2, 2019, "individueel", "", "geen"), (1, 2020, "individueel", "", "wmo-begeleiding")], start=3000)
    if variant:
        klein[0] = klein[0].replace(",klein,", ",mini,")
        mini[1] = mini[1].replace(",mini,", ",klein,")
    return rows + klein + mini + loose


def rare_alternative(ggz: int = 3) -> list[str]:
    """ggz (3 or 7) is rare; jeugdhulp takes up the difference, so wmo and the total are the same."""
    return rows_of([(60, 2019, "individueel", "", "wmo-begeleiding"), (43 - ggz, 2019, "individueel", "", "jeugdhulp"),
                    (ggz, 2019, "individueel", "", "ggz"), (100, 2019, "individueel", "", "geen"),
                    (97, 2020, "individueel", "", "geen")])


def duplicates(dup: int = 2) -> list[str]:
    """A good export plus ``dup`` duplicate ids and 3 − dup bad dates, and 4 'onbekend' alternatives."""
    rows = rows_of(big_teams()) + rows_of([(4, 2020, "individueel", "zuid", "onbekend")], start=5000)
    bad = [rows[0].replace(rows[0].split(",")[1], "2019-07-07")] * dup           # same id again
    bad += [f"x{i},31-02-2019,,individueel,noord,geen,ja" for i in range(3 - dup)]  # no such date
    return rows + bad


def every_year_small() -> list[str]:
    """Ten start years, each with 4 maatwerk and 8 'geen': every year on its own is too small."""
    return rows_of([g for y in range(2012, 2022) for g in ((4, y, "individueel", "", "wmo-begeleiding"),
                                                            (8, y, "individueel", "", "geen"))])


def few_successes(k: int = 6) -> list[str]:
    """200 trajectories of which only ``k`` had a maatwerk alternative (k and 200 − k published?)."""
    return rows_of([(k, 2019, "individueel", "noord", "ggz"), (100 - k, 2019, "individueel", "noord", "geen"),
                    (100, 2020, "individueel", "zuid", "geen")])


def small_volume(advies: int = 4) -> list[str]:
    """A good individual export plus ``advies`` advice trajectories in 2019 (a volume below 10)."""
    return rows_of(big_teams()) + rows_of([(advies, 2019, "advies", "noord", "geen")], start=7000)


def unknown_codes(alternative: int = 0, goal: int = 4) -> list[str]:
    """A good export where ``goal`` trajectories have doel_bereikt 'onbekend' and ``alternative``
    more have alternatief 'onbekend': the trials of the two shares beside each other (and beside
    the volumes) must not give either small count away."""
    rows = rows_of(big_teams()) + rows_of([(alternative, 2020, "individueel", "zuid", "onbekend")], start=8000)
    for i in range(goal):
        rows[i] = rows[i].rsplit(",", 1)[0] + ",onbekend"
    return rows


HOSTILE = {
    "unknown_goal": (unknown_codes, []),
    "unknown_alternative": (lambda: unknown_codes(alternative=3, goal=0), []),
    "tiny_teams": (tiny_teams, []),
    "rare_alternative": (rare_alternative, []),
    "duplicates": (duplicates, []),
    "every_year_small": (every_year_small, []),
    "few_successes": (few_successes, []),
    "small_volume": (small_volume, []),
    "small_volume_soort": (small_volume, ["--soort", "individueel"]),
}

CASE = ("mkba: 1\ninclude: [schatting.yaml]\ncase: {id: t, title: T, start_year: 2019, horizon: 2}\n"
        "stakeholders: {gemeente: Gemeente}\n"
        "costs: [{id: c, label: C, amount: 100, payer: gemeente}]\n"
        "effects: [{id: e, label: E, category: s, kind: fiscal, volume: 10, share: substitutie, value: 20,"
        " beneficiaries: gemeente}]\n")


def outputs(folder: Path, rows: list[str], capsys, options=(), extra=()) -> dict:
    """Every output of one estimate: console, JSON, the --out YAML and the report section."""
    data = save(folder, rows)
    out = folder / "schatting.yaml"
    assert main(["estimate", "registraties", str(data), *options, *extra]) == 0
    console = capsys.readouterr().out
    assert main(["estimate", "registraties", str(data), "--json", *options, *extra]) == 0
    js = json.loads(capsys.readouterr().out)
    assert main(["estimate", "registraties", str(data), "--out", str(out), *options, *extra]) == 0
    capsys.readouterr()
    (folder / "case.yaml").write_text(CASE, encoding="utf-8")
    case = mkba.load_case(folder / "case.yaml")
    (est,) = report_data.included_estimates(case)
    report = report_data.estimate_text(case, est)
    return {"console": console, "json": js, "yaml_text": out.read_text(encoding="utf-8"),
            "yaml": yaml.safe_load(out.read_text(encoding="utf-8")), "report": report, "case": case}


def without_file(o: dict, folder: Path) -> dict:
    """The outputs with the file's own name, folder and hash taken out (they differ by design)."""
    js = {k: v for k, v in o["json"].items() if k != "file"}
    doc = {k: v for k, v in o["yaml"].items() if k != "sources"}
    doc["estimate"] = {k: v for k, v in doc["estimate"].items() if k not in ("sha256", "file")}
    digest = o["yaml"]["estimate"]["sha256"]
    report = o["report"].replace(digest[:16], "HASH")
    console = o["console"].replace(str(folder), "DIR")
    return {"json": js, "yaml": doc, "report": report, "console": console}


# --- invariance: what must stay hidden changes nothing that is written -----------------------------
@pytest.mark.parametrize("make,a,b,options", [
    (tiny_teams, 0, 1, []),            # which tiny team a trajectory is in
    (rare_alternative, 3, 7, []),      # 3 or 7 of the rare alternative
    (few_successes, 6, 3, []),         # 6 or 3 successes out of 200
    (small_volume, 4, 7, ["--soort", "individueel"]),  # a volume of 4 or 7
])
def test_outputs_do_not_depend_on_what_is_suppressed(tmp_path, capsys, make, a, b, options):
    one = outputs(tmp_path / "a", make(a), capsys, options)
    two = outputs(tmp_path / "b", make(b), capsys, options)
    first, second = without_file(one, tmp_path / "a"), without_file(two, tmp_path / "b")
    for kind in ("json", "yaml", "report", "console"):
        assert first[kind] == second[kind], kind
    # and the parameters a case gets are the same distributions
    for name, spec in one["case"].parameters.items():
        other = two["case"].parameters[name]
        assert (spec.family, spec.mean, spec.quantile(0.05)) == (other.family, other.mean, other.quantile(0.05))


def test_exclusions_do_not_depend_on_which_reason_is_small(tmp_path, capsys):
    one = outputs(tmp_path / "a", duplicates(2), capsys)
    two = outputs(tmp_path / "b", duplicates(1), capsys)
    assert without_file(one, tmp_path / "a")["json"] == without_file(two, tmp_path / "b")["json"]
    assert one["json"]["excluded"] == {"duplicate_id": "<10", "bad_date": "<10"}
    # rows − used would give the exclusions: the rows are the used rows' range plus 1–9
    lo, hi = (int(x) for x in one["json"]["used"].split("-"))
    assert one["json"]["rows"] == two["json"]["rows"] == f"{lo + 1}-{hi + 9}"


# --- relations: nothing published is a small count, nor a difference of published counts ----------
COUNT_KEYS = {"successes", "trials", "failures", "rows", "used", "unknown_alternative"}
BAND = re.compile(r"^\d+-\d+$")


def allowed(value) -> bool:
    if value is None or value == D.SUPPRESSED:
        return True
    if isinstance(value, str):
        return bool(BAND.match(value))
    return value == 0 or value >= D.THRESHOLD


def counts_in(obj, path=()):
    """Every count-valued leaf: under a count key, or under 'excluded' / 'volumes'."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            inside = path + (str(k),)
            if isinstance(v, dict | list):
                yield from counts_in(v, inside)
            elif str(k) in COUNT_KEYS or any(p in ("excluded", "volumes") for p in path):
                yield inside, v
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from counts_in(v, path + (i,))


def check_relations(js: dict) -> None:
    sub = js["substitution"]
    for where, value in counts_in(js):
        assert allowed(value), (where, value)
    for group in ("by_alternative", "by_year", "by_team"):
        for key, e in sub[group].items():  # every published group: both sides at least 10
            assert e["successes"] >= 10 and e["trials"] - e["successes"] >= 10, (group, key, e)
    overall = sub["overall"]
    if isinstance(overall["successes"], int):
        assert overall["successes"] >= 10 and overall["trials"] - overall["successes"] >= 10
        if sub["by_alternative"]:
            assert sum(e["successes"] for e in sub["by_alternative"].values()) == overall["successes"]
    else:  # censored: only "<10" and the beta of the censored posterior
        assert "<10" in (overall["successes"], overall.get("failures"))
    for group in ("by_year", "by_team"):  # a partition covers the total: no hidden group follows
        if sub[group]:
            assert sum(e["trials"] for e in sub[group].values()) == overall["trials"], group
    if isinstance(js["rows"], int) and isinstance(js["used"], int):
        assert not D.is_small(js["rows"] - js["used"])
    cells = [v for year in js["volumes"].values() for v in year.values()]
    if all(isinstance(v, int) for v in cells):
        volume = sum(v for year in js["volumes"].values() for k, v in year.items()
                     if js["soort"] is None or k == js["soort"])
        assert not D.is_small(volume - overall["trials"])
        if js["goal_reached"]:
            assert not D.is_small(volume - js["goal_reached"]["trials"])
        for key, e in sub["by_year"].items():
            years = [int(y) for y in str(key).split("-")]
            in_years = sum(v for y, kinds in js["volumes"].items() if years[0] <= int(y) <= years[-1]
                           for k, v in kinds.items() if js["soort"] is None or k == js["soort"])
            assert not D.is_small(in_years - e["trials"]), key


def check_parameters(doc: dict) -> None:
    for name, spec in doc["parameters"].items():
        if "successes" in spec:
            assert spec["successes"] >= 10 and spec["trials"] - spec["successes"] >= 10, name
        if "value" in spec:
            assert spec["value"] >= 10, name
        if spec.get("dist") == "uniform":  # a <10 volume: 0–9; else its published range (disclosure.anchored_bands)
            assert (spec["min"], spec["max"]) == (0, 9) or (spec["min"] >= 10 and spec["max"] - spec["min"] >= 9), name
    for where, value in counts_in(doc["estimate"]):
        assert allowed(value), (where, value)


SMALL_NEAR_WORD = [
    re.compile(r"│\s*([1-9])\s*│"),                                  # a table cell holding 1–9
    re.compile(r"(?<![\d,.–-])([1-9])(?![\d,.%–])\s*(rijen|rij\b|trajecten|gebruikt|uitgesloten|teams|cliënten)"),
    re.compile(r"(rijen|trajecten|uitgesloten|noemer|traject_id|datum|code)\s*:?\s*(?<![\d,.–-])([1-9])(?![\d,.%–])"),
    re.compile(r"Beta\(([1-9]),0; ([0-9]+),0\)|Beta\(([0-9]+),0; ([1-9]),0\)"),  # an integer beta spelling k, n
]


def scan(text: str) -> list[str]:
    return [m.group(0) for pattern in SMALL_NEAR_WORD for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_exports_disclose_no_small_count_anywhere(tmp_path, capsys, name):
    make, options = HOSTILE[name]
    o = outputs(tmp_path, make(), capsys, options)
    check_relations(o["json"])
    check_parameters(o["yaml"])
    for kind in ("console", "report", "yaml_text"):
        assert scan(o[kind]) == [], (kind, scan(o[kind]))
    notes = o["json"]["disclosure"]
    # whatever was merged or hidden is said, in the console, the YAML and the report alike
    for note in notes:
        assert "Privacy:" in o["console"] and "Privacy:" in o["yaml_text"] and "Privacy:" in o["report"], note


def test_what_each_hostile_export_publishes(tmp_path, capsys):
    """The shapes, one per hostile export (DESIGN §17)."""
    teams = outputs(tmp_path / "t", tiny_teams(), capsys)["json"]
    # klein + mini + no team hold 5 with and 9 without a maatwerk alternative: still too small, so
    # the smallest big team (ties by name: midden) joins them — complementary suppression
    assert set(teams["substitution"]["by_team"]) == {"noord", "zuid", "overige-teams"}
    (note,) = [n for n in teams["disclosure"] if n["code"] == "teams_merged"]
    assert set(note["teams"]) == {"klein", "mini"} and note["without_team"] and note["complementary"] == ["midden"]
    merged = teams["substitution"]["by_team"]["overige-teams"]
    assert merged["successes"] >= 10 and merged["trials"] - merged["successes"] >= 10

    rare = outputs(tmp_path / "r", rare_alternative(), capsys)["json"]
    assert set(rare["substitution"]["by_alternative"]) == {"wmo-begeleiding", "overige-alternatieven"}
    assert rare["substitution"]["by_alternative"]["overige-alternatieven"]["successes"] == 43

    years = outputs(tmp_path / "y", every_year_small(), capsys)["json"]["substitution"]["by_year"]
    assert all("-" in key for key in years) and len(years) >= 2        # merged into periods, e.g. 2012-2014
    assert [int(k.split("-")[0]) for k in years] == sorted(int(k.split("-")[0]) for k in years)

    few = outputs(tmp_path / "f", few_successes(), capsys)
    overall = few["json"]["substitution"]["overall"]
    assert overall["successes"] == "<10" and overall["trials"] == 200 and overall["censored"]
    assert few["json"]["substitution"]["by_alternative"] == {} and few["json"]["substitution"]["by_team"] == {}
    spec = few["yaml"]["parameters"]["substitutie"]
    assert set(spec) >= {"alpha", "beta"} and "successes" not in spec

    vol = outputs(tmp_path / "v", small_volume(), capsys, ["--soort", "individueel"])
    assert vol["json"]["volumes"]["2019"]["advies"] == "<10"
    # 114 with 114 trials in 2019: a range beside the <10, anchored on those trials (114 + 0–9 unknown codes)
    assert vol["json"]["volumes"]["2019"]["individueel"] == "114-123"
    advies = vol["yaml"]["parameters"]["volume_advies_2019"]
    assert (advies["dist"], advies["min"], advies["max"]) == ("uniform", 0, 9)
    assert vol["case"].parameters["volume_advies_2019"].mean == pytest.approx(4.5)


def test_unknown_codes_are_not_given_away_by_the_trials_of_two_shares(tmp_path, capsys):
    for alternative, goal in ((0, 4), (3, 0), (20, 4)):
        js = outputs(tmp_path / f"u{alternative}-{goal}", unknown_codes(alternative, goal), capsys)["json"]
        # the substitution's trials stay exact (the core number); everything that would pin the
        # total beside them is a band
        assert isinstance(js["substitution"]["overall"]["trials"], int)
        assert BAND.match(js["goal_reached"]["trials"]) and js["goal_reached"]["successes"] is None
        assert isinstance(js["unknown_alternative"], str) and isinstance(js["used"], str)
        assert all(isinstance(v, str) for year in js["volumes"].values() for v in year.values())
        assert {n["code"] for n in js["disclosure"]} >= {"volumes_banded", "goal_banded"}


def test_banded_share_keeps_the_share_and_hides_the_trials():
    a, b = D.banded_share(97, 134)
    assert a / (a + b) == pytest.approx(98 / 136, abs=0.005)             # the posterior mean, to about ½ point
    assert D.banded_share(97, 134) == D.banded_share(94, 130)            # any trials in the band, same share
    assert a + b == pytest.approx(134 + 2, rel=0.08)                     # about as sure as the data


def test_censored_share_is_the_posterior_given_only_less_than_ten():
    """The published beta has the mean and variance of the equal mixture of Beta(1 + j, 1 + n − j),
    j = 0..9 (the posterior given 'k < 10' under a uniform prior), checked by quadrature."""
    n = 200
    a, b = D.censored_share(6, n)
    p = np.linspace(0, 1, 200_001)
    density = stats.binom.cdf(9, n, p)                  # P(K ≤ 9 | p) · uniform prior
    density /= np.trapezoid(density, p)
    mean = np.trapezoid(p * density, p)
    var = np.trapezoid((p - mean) ** 2 * density, p)
    assert a / (a + b) == pytest.approx(mean, rel=1e-4)
    assert a * b / ((a + b) ** 2 * (a + b + 1)) == pytest.approx(var, rel=1e-3)
    assert D.censored_share(0, n) == D.censored_share(9, n)   # the same for every hidden k
    assert D.censored_share(195, n) == (b, a)                # failures small: the mirror image
    with pytest.raises(ValueError):
        D.censored_share(3, 8)


def test_merge_rules_protect_the_complement():
    # one small group: merged together with the smallest publishable one (else total − others gives it)
    m = D.merge_small({"a": (20, 50), "b": (15, 40), "c": (2, 3)}, "overig")
    assert m.groups == {"a": ("a",), "overig": ("b", "c")} and m.complementary == ("b",)
    # two small groups that together pass: no complementary group needed
    m = D.merge_small({"a": (20, 50), "b": (6, 12), "c": (5, 12)}, "overig")
    assert m.groups == {"a": ("a",), "overig": ("b", "c")} and m.complementary == ()
    # everything merged: the partition would repeat the total, so it is dropped
    assert D.merge_small({"a": (3, 5), "b": (20, 40)}, "overig").dropped
    # years: merged with the smaller neighbour into a period
    m = D.merge_adjacent({2018: (30, 80), 2019: (4, 9), 2020: (12, 30), 2021: (40, 90)})
    assert m.groups == {"2018": ("2018",), "2019-2020": ("2019", "2020"), "2021": ("2021",)}


def test_too_few_trajectories_is_refused_not_published(tmp_path, capsys):
    path = save(tmp_path, rows_of([(3, 2019, "individueel", "", "ggz"), (5, 2019, "individueel", "", "geen")]))
    with pytest.raises(DataFileError) as info:
        estimate_registrations(path)
    assert info.value.code == "too_few_to_publish"
    assert main(["estimate", "registraties", str(path)]) == 2
    err = capsys.readouterr().err
    assert "reg.csv" in err and "--geen-onderdrukking" in err and "Traceback" not in err


def test_geen_onderdrukking_marks_every_output(tmp_path, capsys):
    o = outputs(tmp_path, tiny_teams(), capsys, extra=["--geen-onderdrukking"])
    assert "bevat kleine aantallen" in o["console"]
    assert o["json"]["bevat_kleine_aantallen"] is True
    assert "bevat kleine aantallen" in o["yaml_text"].splitlines()[0]
    assert o["yaml"]["estimate"]["bevat_kleine_aantallen"] is True
    assert "bevat kleine aantallen" in o["report"].lower()
    assert "klein" in o["json"]["substitution"]["by_team"]              # nothing merged
    # the checks used on the hostile exports do catch these small counts (they can fail)
    assert scan(o["console"])
    with pytest.raises(AssertionError):
        check_relations(o["json"])
    # without the flag: none of these marks
    plain = outputs(tmp_path / "p", tiny_teams(), capsys)
    assert "bevat kleine aantallen" not in plain["console"] + plain["yaml_text"] + plain["report"].lower()
    assert "bevat_kleine_aantallen" not in plain["json"]


# --- monitor series -------------------------------------------------------------------------------
def monitor_csv(folder: Path, small_cell: str) -> Path:
    """A quarterly series with one cell below 10 written out (as an internal export would)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["periode,voorziening,aantal"]
    values = [40, 42, 39, 41, 44, 43, 38, 36, 33, 31, 30, 28]
    for i, v in enumerate(values):
        lines.append(f"{2021 + i // 4}-Q{1 + i % 4},begeleiding,{v}")
        lines.append(f"{2021 + i // 4}-Q{1 + i % 4},kortdurend verblijf,{small_cell if i == 2 else 15 + i % 3}")
    path = folder / "monitor.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def monitor_outputs(folder: Path, cell: str, capsys, extra=()) -> dict:
    path = monitor_csv(folder, cell)
    out = folder / "m.yaml"
    assert main(["estimate", "monitor", str(path), "--vanaf", "2023-Q1", "--draws", "200", *extra]) == 0
    console = capsys.readouterr().out.replace(str(folder), "DIR")
    assert main(["estimate", "monitor", str(path), "--vanaf", "2023-Q1", "--draws", "200", "--json", *extra]) == 0
    js = json.loads(capsys.readouterr().out)
    assert main(["estimate", "monitor", str(path), "--vanaf", "2023-Q1", "--draws", "200", "--out", str(out), *extra]) == 0
    capsys.readouterr()
    doc = yaml.safe_load(out.read_text(encoding="utf-8"))
    js.pop("file")
    for key in ("sha256", "file"):
        doc["estimate"].pop(key)
    doc.pop("sources")
    return {"console": console, "json": js, "yaml": doc, "draws": (folder / "m_trekkingen.csv").read_text(),
            "yaml_text": out.read_text(encoding="utf-8")}


def test_monitor_counts_below_ten_are_censored_like_the_monitor_does(tmp_path, capsys):
    four = monitor_outputs(tmp_path / "a", "4", capsys)
    seven = monitor_outputs(tmp_path / "b", "7", capsys)
    hidden = monitor_outputs(tmp_path / "c", "<10", capsys)
    for kind in ("json", "yaml", "draws", "console"):
        assert four[kind] == seven[kind] == hidden[kind], kind
    table = four["yaml"]["estimate"]["series"]["kortdurend verblijf"]["table"]
    assert table["waargenomen"][2] is None and table["gecensureerd"][2] is True
    assert all(v is None or v >= 10 for s in four["yaml"]["estimate"]["series"].values()
               for v in s["table"]["waargenomen"])
    # --geen-onderdrukking: the 4 is used as it is, and every output says so
    raw = monitor_outputs(tmp_path / "d", "4", capsys, ["--geen-onderdrukking"])
    assert raw["json"]["bevat_kleine_aantallen"] is True and "bevat kleine aantallen" in raw["console"]
    assert raw["yaml"]["estimate"]["bevat_kleine_aantallen"] is True and "bevat kleine aantallen" in raw["yaml_text"]
    assert "bevat_kleine_aantallen" in raw["draws"].splitlines()[0]
    assert raw["yaml"]["estimate"]["series"]["kortdurend verblijf"]["table"]["waargenomen"][2] == 4
