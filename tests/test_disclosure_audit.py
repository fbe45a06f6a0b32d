"""Black-box audit of the small-count rule (DESIGN §17, issue 23): leaks found by running hostile
exports through every output, each pinned here so it stays closed.

* **Rows beside used rows.** The rows of a file with 1–9 excluded rows were written as their band
  of ten (``1000–1009``) beside the exact used rows (``1008``): the band's edge then gives the
  exclusions away (at most 1009 rows, at least one excluded: exactly 1). Likewise with banded
  volumes, the used rows' band and the rows' band beside an exact number of exclusions (11) can
  leave one value for the used rows. Rows are now a range built from published numbers only.
* **The console's missing line.** With banded volumes the unknown alternatives are ``<10`` in JSON
  and YAML even when there are none (0 beside exact trials would make the volume bands exact);
  the console left the line out when there were none, which said 0.
* **Bands of ten beside exact trials.** A volume's band fixed by the volume itself (120–129) beside
  the exact trials (111) left one value for the unknown codes (9); a merged start year's exact
  trials beside its other year's band left one value for a small volume (1). Volumes are now ranges
  anchored on the published trials (``disclosure.anchored_bands``).
* **An example row number.** The last of 1000 + 9 rows, shown as the example of its reason beside
  1000 used, said 9 excluded.
* **Goals reached 'deels'.** With 3 'deels', runs with ``--deels 0,5`` and ``--deels 0`` differed by
  1,5 successes: their count. The goal share is now the mixture over that hidden count.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from mkba.data_in import disclosure as D
from mkba.data_in.registrations import estimate_registrations
from mkba.faces.cli import main
from tests.test_disclosure import big_teams, rows_of, save


def run_all(folder: Path, rows: list[str], capsys, extra=()) -> dict:
    """Console, --json and the --out YAML (with its header) of one export."""
    data = save(folder, rows)
    out = folder / "schatting.yaml"
    assert main(["estimate", "registraties", str(data), *extra]) == 0
    console = capsys.readouterr().out
    assert main(["estimate", "registraties", str(data), "--json", *extra]) == 0
    js = json.loads(capsys.readouterr().out)
    assert main(["estimate", "registraties", str(data), "--out", str(out), *extra]) == 0
    capsys.readouterr()
    text = out.read_text(encoding="utf-8")
    return {"console": console.replace(str(folder), "DIR"), "json": js, "yaml_text": text, "yaml": yaml.safe_load(text)}


def four_groups(total: int, start: int = 0) -> list[str]:
    """``total`` good rows over two years and two teams, every group far above 10."""
    per = total // 4
    return rows_of([(per, 2019, "individueel", "noord", "wmo-begeleiding"), (per, 2019, "individueel", "zuid", "geen"),
                    (per, 2020, "individueel", "noord", "jeugdhulp"),
                    (total - 3 * per, 2020, "individueel", "zuid", "geen")], start)


def with_duplicates(good: int, dup: int) -> list[str]:
    """``good`` usable rows followed by ``dup`` repeated ids (excluded as duplicates)."""
    rows = four_groups(good)
    return rows + [rows[i] for i in range(dup)]


def published(o: dict) -> dict:
    """What the outputs say about rows: JSON, the YAML's estimate block and sources, the console's head."""
    est = o["yaml"]["estimate"]
    return {"json": (o["json"]["rows"], o["json"]["used"], o["json"]["excluded"]),
            "yaml": (est["rows"], est["used"], est["excluded"]),
            "source": next(iter(o["yaml"]["sources"].values())).split(";", 1)[1],
            "head": o["console"].splitlines()[0]}


def test_rows_beside_exact_used_rows_do_not_give_the_exclusions_away(tmp_path, capsys):
    # 1008 usable rows and 1 or 9 duplicates: 1009 or 1017 rows. The old band of the rows (1000–1009
    # beside 1010–1019) told them apart, and 1000–1009 beside 1008 used said "exactly 1 excluded".
    one = run_all(tmp_path / "one", with_duplicates(1008, 1), capsys)
    nine = run_all(tmp_path / "nine", with_duplicates(1008, 9), capsys)
    assert published(one) == published(nine)
    assert one["json"]["used"] == 1008
    assert one["json"]["excluded"] == {"duplicate_id": D.SUPPRESSED}
    # the range is the used rows plus 1 to 9: exactly what "<10 excluded" says, nothing more
    assert one["json"]["rows"] == one["yaml"]["estimate"]["rows"] == "1009-1017"
    assert "1009–1017 rijen, 1008 gebruikt" in one["console"]
    assert "1009–1017 rijen, waarvan 1008 gebruikt" in one["yaml_text"]


def test_rows_at_the_edge_of_a_band_give_nothing_away(tmp_path, capsys):
    # 1000 usable and 9 excluded (1009 rows) and 1000 usable and 1 excluded (1001 rows): same outputs
    a = run_all(tmp_path / "a", with_duplicates(1000, 9), capsys)
    b = run_all(tmp_path / "b", with_duplicates(1000, 1), capsys)
    assert published(a) == published(b)
    assert a["json"]["rows"] == "1001-1009"


def banded_with_exclusions(good: int) -> list[str]:
    """``good`` usable individual rows plus 4 advice trajectories (a volume below 10, so volumes
    and row counts are banded) and 11 unreadable dates (exclusions published exactly)."""
    rows = four_groups(good - 4) + rows_of([(4, 2019, "advies", "noord", "geen")], start=50_000)
    return rows + [f"x{i},31-02-2019,,individueel,noord,geen,ja" for i in range(11)]


def test_banded_rows_and_used_rows_beside_exact_exclusions_do_not_pin_the_used_rows(tmp_path, capsys):
    # used 1320 or 1329 (band 1320–1329), 11 excluded: rows 1331 or 1340. The old bands of the rows
    # (1330–1339 / 1340–1349) beside "used 1320–1329, 11 excluded" left one value for 1329 used.
    low = run_all(tmp_path / "low", banded_with_exclusions(1320), capsys, ["--soort", "individueel"])
    high = run_all(tmp_path / "high", banded_with_exclusions(1329), capsys, ["--soort", "individueel"])
    for o in (low, high):
        assert o["json"]["excluded"] == {"bad_date": 11}
        lo, hi = band(o["json"]["used"])
        assert hi - lo >= 9 and lo <= o["json"]["substitution"]["overall"]["trials"] + 4 <= hi
        assert o["json"]["rows"] == f"{lo + 11}-{hi + 11}"  # the used range shifted by the exact exclusions
        assert o["yaml"]["estimate"]["rows"] == o["json"]["rows"]


def test_geen_onderdrukking_still_writes_the_exact_rows(tmp_path, capsys):
    o = run_all(tmp_path, with_duplicates(1008, 1), capsys, ["--geen-onderdrukking"])
    assert (o["json"]["rows"], o["json"]["used"], o["json"]["excluded"]) == (1009, 1008, {"duplicate_id": 1})
    assert o["json"][D.SMALL_COUNTS_FLAG] is True


def small_year(unknown: int) -> list[str]:
    """Big teams in 2019–2020 plus a year 2021 of 7 trajectories (volumes banded), and ``unknown``
    trajectories with alternative 'onbekend'."""
    rows = rows_of(big_teams()) + rows_of([(3, 2021, "individueel", "noord", "wmo-begeleiding"),
                                           (4, 2021, "individueel", "zuid", "geen")], start=900)
    return rows + rows_of([(unknown, 2020, "individueel", "zuid", "onbekend")], start=950)


def test_console_does_not_say_there_are_no_unknown_alternatives_when_the_files_hide_it(tmp_path, capsys):
    none = run_all(tmp_path / "none", small_year(0), capsys)
    assert none["json"]["unknown_alternative"] == D.SUPPRESSED   # 0 hidden: beside exact trials it would fix the bands
    line = [x for x in none["console"].splitlines() if "'onbekend'" in x]
    assert line and line[0].rstrip().endswith("<10.")
    some = run_all(tmp_path / "some", small_year(3), capsys)
    assert [x for x in some["console"].splitlines() if "'onbekend'" in x] == line
    # without banding, no unknown alternatives is simply not mentioned (0 is not a small count)
    plain = run_all(tmp_path / "plain", rows_of(big_teams()), capsys)
    assert plain["json"]["unknown_alternative"] == 0
    assert "'onbekend'" not in plain["console"]


# --- fixed bands of ten beside exact trials ----------------------------------------------------------
# Bands of ten are fixed by the hidden value (134 → 130–139). Beside a number that stays exact (the
# substitution's trials, a start-year group's trials), the band's edge could leave one value for a
# small count. Two reproductions, computed the way an outsider would from the JSON alone; the ranges
# are now anchored on the published trials (disclosure.anchored_bands).
def band(text: str) -> tuple[int, int]:
    lo, hi = text.split("-")
    return int(lo), int(hi)


def feasible(lo: int, hi: int, small_lo: int = 0) -> range:
    """The values a hidden count below 10 can still take."""
    return range(max(lo, small_lo), min(hi, D.THRESHOLD - 1) + 1)


def test_used_rows_band_beside_exact_trials_does_not_pin_the_unknown_codes(tmp_path, capsys):
    # one start year, one soort: 120 trajectories of which 9 'onbekend'. JSON: used 120–129, trials 111,
    # unknown '<10'; used − trials ∈ [9, 18], so the unknown codes are exactly 9.
    rows = rows_of([(60, 2019, "individueel", "", "wmo-begeleiding"), (51, 2019, "individueel", "", "geen"),
                    (9, 2019, "individueel", "", "onbekend")])
    js = run_all(tmp_path, rows, capsys)["json"]
    assert js["unknown_alternative"] == D.SUPPRESSED
    n = js["substitution"]["overall"]["trials"]
    lo, hi = band(js["used"])
    assert len(feasible(lo - n, hi - n)) > 1


def test_merged_start_year_trials_beside_bands_do_not_pin_a_small_volume(tmp_path, capsys):
    # 2019: 128, 2020: 110, 2021: 1 (one soort, no unknown codes). Published: used 230–239 and trials 239
    # (so no unknown codes), 2020–2021 trials 111, volume 2020 110–119, 2021 '<10': 2021 = 111 − 2020 = 1.
    rows = rows_of([(64, 2019, "individueel", "", "wmo-begeleiding"), (64, 2019, "individueel", "", "geen"),
                    (55, 2020, "individueel", "", "wmo-begeleiding"), (55, 2020, "individueel", "", "geen"),
                    (1, 2021, "individueel", "", "geen")])
    js = run_all(tmp_path, rows, capsys)["json"]
    assert js["volumes"]["2021"]["individueel"] == D.SUPPRESSED
    n = js["substitution"]["overall"]["trials"]
    u = feasible(band(js["used"])[0] - n, band(js["used"])[1] - n)
    t = js["substitution"]["by_year"]["2020-2021"]["trials"]
    lo20, hi20 = band(js["volumes"]["2020"]["individueel"])
    assert len(feasible(t - hi20 + min(u), t - lo20 + max(u), small_lo=1)) > 1


def late_exclusions(dup: int, bad: int) -> list[str]:
    """1000 usable rows, then ``dup`` repeated ids, then ``bad`` unreadable dates (the file's last rows)."""
    rows = with_duplicates(1000, dup)
    return rows + [f"x{i},31-02-2019,,individueel,noord,geen,ja" for i in range(bad)]


def test_an_example_row_number_does_not_tell_how_many_rows_were_excluded(tmp_path, capsys):
    # 8 duplicates and then 1 bad date: the bad date is the 1009th data row, so its row number beside
    # "1000 used" would say 9 excluded. 1 duplicate and 1 bad date must read the same.
    nine = run_all(tmp_path / "nine", late_exclusions(8, 1), capsys)
    two = run_all(tmp_path / "two", late_exclusions(1, 1), capsys)
    assert nine["console"] == two["console"]
    lines = nine["console"].splitlines()
    dup = next(x for x in lines if "dubbel" in x)
    date = next(x for x in lines if "'startdatum'" in x)
    assert "rij 1002" in dup                  # the first duplicate is data row 1001: says only "at least 1"
    assert "rij " not in date and "'31-02-2019'" in date and "niet getoond" in date
    # the analyst's own environment: every row number shown
    raw = run_all(tmp_path / "raw", late_exclusions(8, 1), capsys, ["--geen-onderdrukking"])
    assert "rij 1010" in next(x for x in raw["console"].splitlines() if "'startdatum'" in x)


def with_goals(partly: int, whole: int) -> list[str]:
    """Big teams with ``partly`` goals 'deels' and ``whole`` 'ja' first, then ja/nee alternating."""
    rows = rows_of(big_teams())
    goals = ["deels"] * partly + ["ja"] * whole
    return [r.rsplit(",", 1)[0] + "," + (goals[i] if i < len(goals) else ("ja" if i % 2 else "nee"))
            for i, r in enumerate(rows)]


def test_a_few_partly_reached_goals_are_not_given_away_by_another_deels(tmp_path, capsys):
    # 3 or 7 'deels' among the same 7 that reached the goal at least partly: s = ja + d·deels would
    # differ by d·4, and two runs with --deels 0,5 and 0 would give the count as their difference
    three, seven = {}, {}
    for d in ("0.5", "0", "0.25"):
        three[d] = run_all(tmp_path / f"a{d}", with_goals(3, 4), capsys, ["--deels", d])
        seven[d] = run_all(tmp_path / f"b{d}", with_goals(7, 0), capsys, ["--deels", d])
        assert three[d]["json"]["goal_reached"] == seven[d]["json"]["goal_reached"], d
        assert three[d]["yaml"]["parameters"]["doel_bereikt"] == seven[d]["yaml"]["parameters"]["doel_bereikt"], d
        assert three[d]["json"]["goal_reached"]["successes"] is None
        assert "goal_deels_censored" in {n["code"] for n in three[d]["json"]["disclosure"]}
        assert "deels bereikt" in three[d]["console"] and "deels bereikt" in three[d]["yaml_text"]
    # the mixture's mean is the mean over the hidden count: J = 7 + ja of the rest, n = 228
    g = three["0.5"]["json"]["goal_reached"]
    rest = sum(1 for i in range(7, 228) if i % 2)
    mean = np.mean([(1 + 7 + rest - 0.5 * j) / (2 + 228) for j in range(1, 10)])
    assert g["mean"] == pytest.approx(mean, rel=1e-3)  # moment-matched: mean kept exactly (alpha rounded)
    # --deels 1: the successes are ja + deels itself, nothing hidden, so published as they are
    one = run_all(tmp_path / "one", with_goals(3, 4), capsys, ["--deels", "1"])
    assert one["json"]["goal_reached"]["successes"] == 7 + rest
    # the analyst's own environment: exact
    raw = run_all(tmp_path / "raw", with_goals(3, 4), capsys, ["--geen-onderdrukking"])
    assert raw["json"]["goal_reached"]["successes"] == 4 + 1.5 + rest


def test_no_linear_reading_of_the_published_numbers_pins_a_small_count(tmp_path):
    """An outsider with a linear-programming solver: the volume ranges, the used rows' range, the
    exact trials per start-year group and overall, and 'unknown codes < 10'. For exports at the edges
    of the bands (a year of 120 or 129, 110 or 119, a small year of 1 or 9, 0 or 9 unknown codes in
    either group) the small year's volume and the unknown codes must each keep more than one value.
    (The fixed bands of ten pinned one in 51 of 81 such exports.)"""
    from scipy.optimize import linprog

    def rng(text) -> tuple[int, int]:
        return band(text) if isinstance(text, str) else (text, text)

    for v19, v20, v21, ua, ub in itertools.product((120, 129), (110, 119), (1, 9), (0, 9), (0, 9)):
        if ua + ub > 9:
            continue
        rows = rows_of([(40, 2019, "individueel", "", "wmo-begeleiding"), (v19 - 40 - ua, 2019, "individueel", "", "geen"),
                        (ua, 2019, "individueel", "", "onbekend"), (40, 2020, "individueel", "", "wmo-begeleiding"),
                        (v20 - 40 - ub, 2020, "individueel", "", "geen"), (ub, 2020, "individueel", "", "onbekend"),
                        (v21, 2021, "individueel", "", "geen")])
        js = estimate_registrations(save(tmp_path, rows)).to_json()
        # variables: volumes 2019, 2020, 2021 and the unknown codes in 2019 and in 2020–2021
        vol = js["volumes"]
        bounds = [(1, 9) if vol[y]["individueel"] == D.SUPPRESSED else rng(vol[y]["individueel"])
                  for y in ("2019", "2020", "2021")] + [(0, 9), (0, 9)]
        a_eq, b_eq = [], []
        for key, e in js["substitution"]["by_year"].items():
            years = range(int(key.split("-")[0]), int(key.split("-")[-1]) + 1)
            a_eq.append([int(2019 + i in years) for i in range(3)] + [-int(2019 in years), -int(2020 in years)])
            b_eq.append(e["trials"])
        a_eq.append([1, 1, 1, -1, -1])
        b_eq.append(js["substitution"]["overall"]["trials"])
        lo_used, hi_used = rng(js["used"])
        a_ub, b_ub = [[1, 1, 1, 0, 0], [-1, -1, -1, 0, 0], [0, 0, 0, 1, 1]], [hi_used, -lo_used, 9]
        for target, what in ((2, "volume 2021"), (3, "unknown codes 2019")):
            c = [0] * 5
            c[target] = 1
            low = linprog(c, a_ub, b_ub, a_eq, b_eq, bounds).fun
            c[target] = -1
            high = -linprog(c, a_ub, b_ub, a_eq, b_eq, bounds).fun
            assert high - low >= 1, (what, (v19, v20, v21, ua, ub), low, high)
