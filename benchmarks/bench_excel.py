"""Excel in and out on the example case: loading a case workbook vs the YAML file, writing
the case workbook, and writing the result workbook of a 10.000-draw run. Best of 5 each.
Prints Markdown lines."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import mkba
from mkba.data_in.cases import read_case_data
from mkba.faces.excel_out import write_case_workbook, write_run_workbook

CASE = Path(__file__).resolve().parent.parent / "parameters" / "de_kop.yaml"


def best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "de_kop.xlsx"
        data, _, _ = read_case_data(CASE)
        write_case_workbook(data, book)
        t_write = best(lambda: write_case_workbook(data, Path(tmp) / "again.xlsx"))
        t_yaml = best(lambda: mkba.load_case(CASE))
        t_xlsx = best(lambda: mkba.load_case(book))
        case = mkba.load_case(CASE)
        result = mkba.simulate(case, draws=10_000, seed=1)
        summary = result.summary()
        t_out = best(lambda: write_run_workbook(Path(tmp) / "uit.xlsx", summary, result.case))
    print(f"| Load de_kop as YAML / as workbook | {t_yaml * 1000:.0f} ms / {t_xlsx * 1000:.0f} ms |")
    print(f"| Write the case workbook (`mkba convert` yaml → xlsx, without start-up) | {t_write * 1000:.0f} ms |")
    print(f"| Write the result workbook of `run --xlsx` | {t_out * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
