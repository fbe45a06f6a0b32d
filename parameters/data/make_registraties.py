"""Generate ``registraties_de_kop.csv``: a SYNTHETIC registration export for Sociaal Werk De Kop.

THIS DATA IS SYNTHETIC. De Kop's real casework registrations are not public. The file is built
to be consistent with what the evaluation 2018-2019 (seed 004, ``shared/domain/seed_facts.md``
§2.1) does report, so the data → estimate → MKBA chain can be shown end to end:

* individual trajectories (soort ``individueel``) starting in 2018: 393, in 2019: 581;
* leun-en-steun trajectories: 184 (2018) and 170 (2019);
* about 35% of individual trajectories with a maatwerk alternative (the MKBA's 35% substitution;
  each trajectory draws one with probability 0.35 among those with a known alternative);
* three area teams ("de gemeente in drie gebieden te verdelen"), with true shares 0.31 / 0.35 /
  0.39 (whether a sample this size shows the difference is for the chi-square test to say);
* goal reached ja / deels / nee / onbekend with probabilities 0.58 / 0.24 / 0.12 / 0.06, so the
  goal-reached share (deels = ½) is about 0.70, the mode the case assumes.

Everything else (alternative mix, durations, team sizes, date formats) is invented. A few
deliberately unusable rows are appended — two duplicate ids, one unreadable date, one unknown
code — to show that ``mkba estimate`` counts them per reason instead of dropping them silently;
they do not change the counts above.

Run from the repository root: ``python parameters/data/make_registraties.py`` (seeded: the
output is the same every time).
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np

SEED = 20180101
MARKER = ("# synthetisch: verzonnen voorbeelddata voor Sociaal Werk De Kop, gemaakt door "
          "parameters/data/make_registraties.py; geen echte registraties\n")
OUT = Path(__file__).resolve().parent / "registraties_de_kop.csv"
TEAMS = {"noord": 0.31, "midden": 0.35, "zuid": 0.39}
TEAM_WEIGHTS = [0.30, 0.40, 0.30]
MAATWERK = ["wmo-begeleiding", "huishoudelijke-hulp", "jeugdhulp", "ggz"]
MAATWERK_P = [0.45, 0.20, 0.25, 0.10]
COUNTS = {("individueel", 2018): 393, ("individueel", 2019): 581,
          ("leun-en-steun", 2018): 184, ("leun-en-steun", 2019): 170}
SUBSTITUTION = {"individueel": None, "leun-en-steun": 0.20}  # None: the team's share
P_UNKNOWN_ALTERNATIVE = 0.06
GOALS = ["ja", "deels", "nee", "onbekend"]
GOALS_P = [0.58, 0.24, 0.12, 0.06]


def main() -> None:
    rng = np.random.default_rng(SEED)
    rows = []
    number = 0
    for (soort, year), n in COUNTS.items():
        days = np.sort(rng.integers(0, 365, size=n))
        days[0], days[-1] = 2, 360  # every year has starts in January and December (complete year)
        for d in days:
            number += 1
            start = date(year, 1, 1) + timedelta(days=int(d))
            team = str(rng.choice(list(TEAMS), p=TEAM_WEIGHTS))
            share = SUBSTITUTION[soort] or TEAMS[team]
            if rng.random() < P_UNKNOWN_ALTERNATIVE:
                alternative = "onbekend"
            elif rng.random() < share:
                alternative = str(rng.choice(MAATWERK, p=MAATWERK_P))
            else:
                alternative = "geen"
            duration = int(rng.integers(14, 270)) if soort == "individueel" else int(rng.integers(60, 365))
            end = start + timedelta(days=duration)
            dutch = rng.random() < 0.2  # some rows in the Dutch date format dd-mm-jjjj
            fmt = "%d-%m-%Y" if dutch else "%Y-%m-%d"
            rows.append({
                "traject_id": f"DK-{year}-{number:04d}",
                "startdatum": start.strftime(fmt),
                "einddatum": "" if end > date(2019, 12, 31) else end.strftime(fmt),
                "soort": soort, "team": team, "alternatief": alternative,
                "doel_bereikt": str(rng.choice(GOALS, p=GOALS_P)),
            })
    # deliberately unusable rows (see the docstring)
    rows.append({**rows[10]})                                            # duplicate id
    rows.append({**rows[500], "team": "zuid"})                           # duplicate id
    rows.append({**rows[20], "traject_id": "DK-2019-9001", "startdatum": "31-02-2019"})  # bad date
    rows.append({**rows[30], "traject_id": "DK-2019-9002", "alternatief": "wmo begeleiding?"})  # unknown code
    with open(OUT, "w", newline="", encoding="utf-8") as fh:
        # the marker mkba estimate reads (mkba/data_in/synthetic.py): estimates from this file
        # carry synthetic: true, and every case that includes them says so
        fh.write(MARKER)
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{OUT.name}: {len(rows)} rijen (synthetisch)")


if __name__ == "__main__":
    main()
