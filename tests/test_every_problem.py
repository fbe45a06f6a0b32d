"""Every problem at once (issue 23): a Dutch-written number is one more located problem, and the
rest of the file is still checked — YAML and workbook alike."""

from __future__ import annotations

import openpyxl

from mkba.data_in.cases import validate_case
from mkba.faces.cli import main

THREE_MISTAKES = """\
mkba: 1
case: {id: t, title: T, start_year: 2019, horizon: 2}
stakeholders: {gemeente: Gemeente}
parameters:
  budget:
    value: 1.500,50
  volume:
    value: 2.200
costs: [{id: c, label: C, amount: budget, payer: gemeenteX}]
effects: [{id: e, label: E, category: s, kind: fiscal, volume: volume, share: 0.3, value: 20, beneficiaries: gemeente}]
"""


def test_a_three_mistake_yaml_file_gives_all_three(tmp_path, capsys):
    path = tmp_path / "drie.yaml"
    path.write_text(THREE_MISTAKES, encoding="utf-8")
    problems = validate_case(path)
    assert [(p.line, p.path) for p in problems] == [(6, "parameters.budget.value"), (8, "parameters.volume.value"),
                                                    (9, "costs[0].payer")]
    assert main(["validate", str(path)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "1500.50" in err and "2200" in err and "'gemeenteX'" in err
    assert "3 problemen gevonden" in err and "Traceback" not in err


def test_fixing_the_dutch_numbers_leaves_exactly_the_third(tmp_path):
    path = tmp_path / "twee.yaml"
    path.write_text(THREE_MISTAKES.replace("1.500,50", "1500.50").replace("2.200", "2200"), encoding="utf-8")
    assert [p.path for p in validate_case(path)] == ["costs[0].payer"]


def test_a_three_mistake_workbook_gives_all_three(tmp_path, capsys, example_path):
    book = tmp_path / "drie.xlsx"
    assert main(["convert", str(example_path), str(book)]) == 0
    wb = openpyxl.load_workbook(book)
    params, costs = wb["Parameters"], wb["Kosten"]
    header = [c.value for c in params[1]]
    rows = list(params.iter_rows(min_row=2))
    first, second = rows[0], rows[1]
    a = first[header.index("value")].coordinate if first[header.index("value")].value is not None else \
        first[header.index("min")].coordinate
    b = second[header.index("value")].coordinate if second[header.index("value")].value is not None else \
        second[header.index("min")].coordinate
    params[a] = "1.500,50"
    params[b] = "2.200"
    cost_header = [c.value for c in costs[1]]
    payer = costs.cell(row=2, column=cost_header.index("payer") + 1)
    payer.value = "gemeenteX"
    wb.save(book)
    cells = sorted(p.cell for p in validate_case(book))
    assert cells == sorted([f"Parameters!{a}", f"Parameters!{b}", f"Kosten!{payer.coordinate}"])
    capsys.readouterr()
    assert main(["validate", str(book)]) == 2
    assert "3 problemen gevonden" in " ".join(capsys.readouterr().err.split())


