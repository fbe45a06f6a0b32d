"""Data in (DESIGN §11): estimating from a large registration export, fitting a monitor series,
and the cost of `dist: draws` in a simulation. Prints Markdown lines for the README.

Aims on the 2-core machine: 100.000 registration rows estimated in a few seconds; a draws
parameter costs no more than a PERT parameter per draw.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import mkba
from mkba.data_in.monitor import estimate_monitor
from mkba.data_in.registrations import estimate_registrations

ROOT = Path(__file__).resolve().parent.parent
MONITOR = ROOT / "parameters" / "data" / "monitor_weststellingwerf.csv"
CASE = """mkba: 1
case: {id: b, title: B, start_year: 2020, horizon: 5}
stakeholders: {gemeente: Gemeente}
parameters:
  a: %s
  b: %s
costs: [{id: c, label: C, amount: 1000, payer: gemeente}]
effects: [{id: e, label: E, category: s, kind: fiscal, volume: a, value: b, beneficiaries: gemeente}]
"""


def registrations(folder: Path, n: int) -> Path:
    rng = np.random.default_rng(1)
    start = pd.Timestamp("2018-01-01") + pd.to_timedelta(rng.integers(0, 730, n), unit="D")
    frame = pd.DataFrame({
        "traject_id": [f"T{i}" for i in range(n)], "startdatum": start.strftime("%Y-%m-%d"), "einddatum": "",
        "soort": rng.choice(["individueel", "leun-en-steun"], n), "team": rng.choice(["a", "b", "c", "d"], n),
        "alternatief": rng.choice(["geen", "wmo-begeleiding", "jeugdhulp", "onbekend"], n, p=[0.6, 0.2, 0.15, 0.05]),
        "doel_bereikt": rng.choice(["ja", "deels", "nee", "onbekend"], n),
    })
    path = folder / "reg.csv"
    frame.to_csv(path, index=False)
    return path


def timed(func, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        func()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = registrations(folder, 100_000)
        t_reg = timed(lambda: estimate_registrations(path), 2)
        t_mon = timed(lambda: estimate_monitor(MONITOR, "2023-Q1"), 2)
        rng = np.random.default_rng(2)
        pd.DataFrame({"a": rng.gamma(50, 2, 10_000), "b": rng.normal(100, 10, 10_000)}).to_csv(folder / "d.csv", index=False)
        (folder / "draws.yaml").write_text(CASE % ("{dist: draws, file: d.csv, column: a}", "{dist: draws, file: d.csv, column: b}"))
        (folder / "pert.yaml").write_text(CASE % ("{dist: pert, min: 50, mode: 100, max: 150}", "{dist: pert, min: 80, mode: 100, max: 120}"))
        n = 200_000
        times = {}
        for name in ("draws", "pert"):
            case = mkba.load_case(folder / f"{name}.yaml")
            times[name] = timed(lambda case=case: mkba.simulate(case, draws=n, seed=1), 3)
    print(f"| estimate registraties, 100.000 rows (4 teams, pooling) | {t_reg:.2f} s |")
    print(f"| estimate monitor, Weststellingwerf Tabel 1 (5 series fitted, 2.000 draws each) | {t_mon:.2f} s |")
    print(f"| simulate {n:,} draws, two `dist: draws` parameters (10.000-row file) | {times['draws']:.2f} s |")
    print(f"| simulate {n:,} draws, two PERT parameters | {times['pert']:.2f} s |")


if __name__ == "__main__":
    main()
