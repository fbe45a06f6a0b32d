"""Excel out (DESIGN §12): case workbooks in the template, and formatted result workbooks.

- :func:`case_workbook` writes a case's plain data (as a YAML file gives it) in the layout of
  :mod:`mkba.data_in.xlsx`, with a ``Toelichting`` sheet, data-validation lists, frozen header
  rows and sensible column widths. Reading it back gives the same data (``mkba convert``).
- :func:`write_run_workbook` / :func:`write_compare_workbook` write the numbers of
  ``mkba run`` / ``mkba compare`` as tables whose cells are numbers with number formats
  (``€ 1.234``, ``1,20``, ``78%`` in a Dutch Excel), never numbers as text.

Every file is written atomically (:mod:`mkba.core.io`).
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from mkba.core.distributions import FAMILIES
from mkba.core.io import write_bytes_atomic
from mkba.data_in import xlsx as layout
from mkba.faces import text_nl

# Number formats (format codes are locale-neutral: a Dutch Excel shows "," as "." and "." as ",").
FMT_EUR = '"€" #,##0;"€" -#,##0'
FMT_COUNT = "#,##0"
FMT_RATIO = "0.00"
FMT_PERCENT = "0%"
FMT_RATE = "0.00%"
FMT_YEAR = "0"

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
_TITLE_FONT = Font(bold=True, size=13)
_VALIDATION_ROWS = 500


# --------------------------------------------------------------------------------------------
# Case workbooks
# --------------------------------------------------------------------------------------------
def _fmt_item(x: Any) -> str:
    if isinstance(x, float):
        return str(int(x)) if x.is_integer() and abs(x) < 1e15 else repr(x)
    return str(x)


def _join(items: list[Any]) -> str:
    return "; ".join(_fmt_item(x) for x in items)


def _cell_value(value: Any, kind: str) -> Any:
    """A field's value as it goes into a cell of a column of ``kind`` (see :class:`layout.Column`)."""
    if value is None:
        return None
    if isinstance(value, list):
        if kind == "quantity":
            return _join(value) + (";" if len(value) == 1 else "")  # "5;" is a one-year list
        if len(value) == 1 and kind in ("list", "numbers", "texts"):
            return value[0]
        return _join(value)
    if isinstance(value, dict) and kind == "split":
        return "; ".join(f"{k}: {_fmt_item(v)}" for k, v in value.items())
    return value


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text that looks like a formula stays text
    return cell


def _table(ws: Any, columns: list[layout.Column], rows: list[dict[str, Any]], freeze: str = "A2") -> None:
    """Header row, then one row per record; widths from the content; frozen header."""
    for j, col in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j, value=col.name)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for i, rec in enumerate(rows, start=2):
        for j, col in enumerate(columns, start=1):
            value = _cell_value(rec.get(col.name), col.kind)
            if value is not None:
                cell = _put(ws, i, j, value)
                if isinstance(value, str) and len(value) > 60:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    for j, col in enumerate(columns, start=1):
        lengths = [len(col.name)] + [len(str(_cell_value(r.get(col.name), col.kind) or "")) for r in rows]
        ws.column_dimensions[get_column_letter(j)].width = max(8, min(60, max(lengths) + 2))
    ws.freeze_panes = freeze


def _validate(ws: Any, columns: list[layout.Column], name: str, formula: str, strict: bool = True,
              message: str | None = None) -> None:
    names = [c.name for c in columns]
    if name not in names:
        return
    letter = get_column_letter(names.index(name) + 1)
    dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                        errorStyle="stop" if strict else "information",
                        showErrorMessage=True, error=message, errorTitle=text_nl.XLSX_VALIDATION_TITLE)
    ws.add_data_validation(dv)
    dv.add(f"{letter}2:{letter}{_VALIDATION_ROWS}")


def _literal(values: list[str]) -> str:
    return '"' + ",".join(values) + '"'


def _range(sheet: str, column: str = "A") -> str:
    return f"{quote_sheetname(sheet)}!${column}$2:${column}${_VALIDATION_ROWS}"


def _with_extras(fields: tuple[layout.Column, ...], records: list[dict[str, Any]], tail: tuple[layout.Column, ...] = ()) -> list[layout.Column]:
    """Known columns, then a column for every other field a record has (a newer format field)."""
    known = {c.name for c in fields} | {c.name for c in tail}
    extras: list[str] = []
    for rec in records:
        for key in rec:
            if key not in known and key not in extras:
                extras.append(key)
    return [*fields, *(layout.Column(k, "raw") for k in extras), *tail]


def case_workbook(data: dict[str, Any]) -> Workbook:
    """A workbook in the case template holding ``data`` (plain data of a valid case file)."""
    unknown = [k for k in data if k not in layout.KNOWN_TOP_LEVEL]
    if unknown:  # never drop data silently
        from mkba.core.errors import UsageError

        keys = ", ".join(map(str, unknown))
        raise UsageError(f"these parts of the case do not fit in a workbook (yet): {keys}; nothing was written",
                         "xlsx.cannot_write", keys=keys)
    wb = Workbook()
    ws = wb.active
    ws.title = layout.EXPLANATION_SHEET
    _explanation(ws)

    # Case
    info = dict(data.get("case") or {})
    bias = info.pop("optimism_bias", None) or {}
    report = dict(data.get("report") or {})
    rows = [{"veld": "mkba", "waarde": data.get("mkba"), "toelichting": text_nl.XLSX_CASE_HINTS.get("mkba")}]
    known = [c.name for c in layout.CASE_FIELDS]
    for col in layout.CASE_FIELDS[1:]:
        if col.name.startswith("optimism_bias."):
            value = bias.get(col.name.partition(".")[2])
        elif col.name == "include":
            value = data.get("include")
        elif col.name.startswith("report."):
            value = report.get(col.name.partition(".")[2])
        else:
            value = info.get(col.name)
        rows.append({"veld": col.name, "waarde": _cell_value(value, col.kind),
                     "toelichting": text_nl.XLSX_CASE_HINTS.get(col.name)})
    for key, value in info.items():
        if key not in known:
            rows.append({"veld": key, "waarde": value})
    for key, value in bias.items():
        if f"optimism_bias.{key}" not in known:
            rows.append({"veld": f"optimism_bias.{key}", "waarde": value})
    for key, value in report.items():
        if f"report.{key}" not in known:
            rows.append({"veld": f"report.{key}", "waarde": value})
    _table(wb.create_sheet(layout.CASE_SHEET), list(layout.CASE_COLUMNS), rows)

    _table(wb.create_sheet(layout.SOURCES_SHEET), list(layout.SOURCES_COLUMNS),
           [{"bron": k, "omschrijving": v} for k, v in (data.get("sources") or {}).items()])
    _table(wb.create_sheet(layout.STAKEHOLDERS_SHEET), list(layout.STAKEHOLDERS_COLUMNS),
           [{"id": k, "naam": v} for k, v in (data.get("stakeholders") or {}).items()])

    scenarios = data.get("scenarios") or {}
    # Parameters: the baseline's, then each scenario's 'set' records (distributions) and 'add'
    params: list[dict[str, Any]] = []
    for name, rec in (data.get("parameters") or {}).items():
        params.append({"naam": name, **_record(rec)})
    scenario_rows: list[dict[str, Any]] = []
    costs = [dict(c) for c in data.get("costs") or []]
    effects = [dict(e) for e in data.get("effects") or []]
    posts = [dict(p) for p in data.get("pm_posten") or []]
    for sid, scen in scenarios.items():
        scen = scen or {}
        scenario_rows.append({"scenario": sid, "bewerking": "scenario",
                              **{c.name: scen.get(c.name) for c in layout.SCENARIO_FIELDS}})
        for name, rec in (scen.get("set") or {}).items():
            if isinstance(rec, int | float) and not isinstance(rec, bool):
                scenario_rows.append({"scenario": sid, "bewerking": "set", "naam": name, "waarde": rec})
            else:
                params.append({"naam": name, **_record(rec), "scenario": sid, "bewerking": "set"})
        for name, factor in (scen.get("scale") or {}).items():
            scenario_rows.append({"scenario": sid, "bewerking": "scale", "naam": name, "waarde": factor})
        for line in scen.get("drop") or []:
            scenario_rows.append({"scenario": sid, "bewerking": "drop", "naam": line})
        add = scen.get("add") or {}
        for name, rec in (add.get("parameters") or {}).items():
            params.append({"naam": name, **_record(rec), "scenario": sid, "bewerking": "add"})
        costs += [{**c, "scenario": sid} for c in add.get("costs") or []]
        effects += [{**e, "scenario": sid} for e in add.get("effects") or []]
        posts += [{**p, "scenario": sid} for p in add.get("pm_posten") or []]

    pcols = _with_extras((layout.PARAMETERS_COLUMNS[0], *layout.PARAMETER_FIELDS), params,
                         layout.PARAMETERS_COLUMNS[-2:])
    ws = wb.create_sheet(layout.PARAMETERS_SHEET)
    _table(ws, pcols, params, freeze="B2")
    families = list(FAMILIES)
    _validate(ws, pcols, "dist", _literal(families), message=text_nl.XLSX_VALIDATION_DIST.format(allowed=", ".join(families)))
    _validate(ws, pcols, "source", _range(layout.SOURCES_SHEET), message=text_nl.XLSX_VALIDATION_SOURCE)
    _validate(ws, pcols, "scenario", _range(layout.SCENARIOS_SHEET), strict=False, message=text_nl.XLSX_VALIDATION_SCENARIO)
    _validate(ws, pcols, "bewerking", _literal(list(layout.PARAMETER_OPERATIONS)), message=text_nl.XLSX_VALIDATION_OPERATION)

    for sheet, fields, tail, lines in ((layout.COSTS_SHEET, layout.COST_FIELDS, layout.COSTS_COLUMNS[-1:], costs),
                                       (layout.EFFECTS_SHEET, layout.EFFECT_FIELDS, layout.EFFECTS_COLUMNS[-1:], effects)):
        cols = _with_extras(fields, lines, tail)
        ws = wb.create_sheet(sheet)
        _table(ws, cols, lines, freeze="B2")
        for split in ("payer", "beneficiaries"):
            _validate(ws, cols, split, _range(layout.STAKEHOLDERS_SHEET), strict=False, message=text_nl.XLSX_VALIDATION_SPLIT)
        _validate(ws, cols, "kind", _literal(["fiscal", "economic", "social"]), message=text_nl.XLSX_VALIDATION_KIND)
        _validate(ws, cols, "source", _range(layout.SOURCES_SHEET), message=text_nl.XLSX_VALIDATION_SOURCE)
        _validate(ws, cols, "scenario", _range(layout.SCENARIOS_SHEET), strict=False, message=text_nl.XLSX_VALIDATION_SCENARIO)

    cols = list(layout.SCENARIOS_COLUMNS)
    ws = wb.create_sheet(layout.SCENARIOS_SHEET)
    _table(ws, cols, scenario_rows)
    _validate(ws, cols, "bewerking", _literal(list(layout.SCENARIO_OPERATIONS)), message=text_nl.XLSX_VALIDATION_OPERATION)
    _validate(ws, cols, "source", _range(layout.SOURCES_SHEET), message=text_nl.XLSX_VALIDATION_SOURCE)

    cols = _with_extras(layout.PM_FIELDS, posts, layout.PM_COLUMNS[-1:])
    ws = wb.create_sheet(layout.PM_SHEET)
    _table(ws, cols, posts)
    _validate(ws, cols, "stakeholder", _range(layout.STAKEHOLDERS_SHEET), message=text_nl.XLSX_VALIDATION_STAKEHOLDER)
    _validate(ws, cols, "direction", _literal(["positief", "negatief"]), message=text_nl.XLSX_VALIDATION_DIRECTION)
    _validate(ws, cols, "source", _range(layout.SOURCES_SHEET), message=text_nl.XLSX_VALIDATION_SOURCE)
    _validate(ws, cols, "scenario", _range(layout.SCENARIOS_SHEET), strict=False, message=text_nl.XLSX_VALIDATION_SCENARIO)

    _table(wb.create_sheet(layout.CORRELATIONS_SHEET), list(layout.CORRELATIONS_COLUMNS),
           [{"parameter_a": a, "parameter_b": b, "rho": rho} for a, b, rho in data.get("correlations") or []])
    _table(wb.create_sheet(layout.LIMITATIONS_SHEET), list(layout.LIMITATIONS_COLUMNS),
           [{"beperking": text} for text in data.get("beperkingen") or []])
    _table(wb.create_sheet(layout.GROUPS_SHEET), list(layout.GROUPS_COLUMNS),
           [row for g, members in (data.get("groepen") or {}).items() for row in _group_rows(g, members)])
    wb.active = 1  # open on the Case sheet
    return wb


def _group_rows(name: str, group: Any) -> list[dict[str, Any]]:
    """One row per member; a group's label (``{label, parameters}``) on its first row."""
    label, members = (group.get("label"), group.get("parameters") or []) if isinstance(group, dict) else (None, group)
    rows = [{"groep": name, "parameter": p} for p in members]
    if label and rows:
        rows[0]["label"] = label
    return rows


def _record(rec: Any) -> dict[str, Any]:
    """A parameter record as a row; a bare number is a fixed value."""
    if isinstance(rec, dict):
        return dict(rec)
    return {"value": rec}


def _explanation(ws: Any) -> None:
    ws.cell(row=1, column=1, value=text_nl.XLSX_EXPLANATION_TITLE).font = _TITLE_FONT
    row = 2
    for line in text_nl.XLSX_EXPLANATION_INTRO:
        _put(ws, row, 1, line).alignment = Alignment(wrap_text=False)
        row += 1
    row += 1
    for j, head in enumerate(text_nl.XLSX_EXPLANATION_HEADERS, start=1):
        cell = ws.cell(row=row, column=j, value=head)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for sheet, column, text in text_nl.XLSX_EXPLANATION_ROWS:
        row += 1
        ws.cell(row=row, column=1, value=sheet)
        ws.cell(row=row, column=2, value=column)
        _put(ws, row, 3, text).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 110


def case_workbook_bytes(data: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    case_workbook(data).save(buffer)
    return buffer.getvalue()


def write_case_workbook(data: dict[str, Any], path: str | Path) -> None:
    """Write ``data`` as a case workbook to ``path`` (atomically)."""
    write_bytes_atomic(path, case_workbook_bytes(data))


# --------------------------------------------------------------------------------------------
# Result workbooks
# --------------------------------------------------------------------------------------------
T = text_nl


def _num(x: Any) -> Any:
    """Numbers go in as numbers; NaN/inf (e.g. a ratio with no costs) as an empty cell."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return None
    return float(x) if not isinstance(x, int) else x


class _Sheet:
    """Writes titled tables one under another; remembers column widths."""

    def __init__(self, wb: Workbook, title: str):
        self.ws = wb.create_sheet(title)
        self.row = 1
        self.widths: dict[int, int] = {}

    def title(self, text: str) -> None:
        self.ws.cell(row=self.row, column=1, value=text).font = _TITLE_FONT
        self.row += 2

    def pairs(self, items: list[tuple[str, Any, str | None]]) -> None:
        for label, value, fmt in items:
            self._text(self.row, 1, label).font = Font(bold=True)
            cell = self.ws.cell(row=self.row, column=2, value=value if isinstance(value, str) else _num(value))
            if fmt and not isinstance(value, str):
                cell.number_format = fmt
            self._width(2, 14 if not isinstance(value, str) else len(value))
            self.row += 1
        self.row += 1

    def table(self, headers: list[str], rows: list[list[Any]], formats: list[str | None]) -> int:
        """Write a table; returns the row number of its header."""
        header_row = self.row
        for j, head in enumerate(headers, start=1):
            cell = self._text(self.row, j, head)
            cell.font = _HEADER_FONT
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for values in rows:
            self.row += 1
            for j, (value, fmt) in enumerate(zip(values, formats, strict=True), start=1):
                if isinstance(value, str):
                    self._text(self.row, j, value)
                    continue
                cell = self.ws.cell(row=self.row, column=j, value=_num(value))
                if fmt:
                    cell.number_format = fmt
                self._width(j, 14)
        self.row += 2
        return header_row

    def _text(self, row: int, col: int, value: str) -> Any:
        self._width(col, min(len(value), 48) + 2)
        return _put(self.ws, row, col, value)

    def _width(self, col: int, n: int) -> None:
        self.widths[col] = max(self.widths.get(col, 10), n)

    def finish(self, freeze: str | None = None) -> None:
        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = width
        if freeze:
            self.ws.freeze_panes = freeze


def _stat(s: Any, key: str) -> Any:
    """A summary statistic of ``S`` (``mean``, ``p05``, ...); a deterministic run's number."""
    if isinstance(s, dict):
        return s.get(key)
    return s if key in ("mean", "p50") else None


def _mean(s: Any) -> Any:
    return _stat(s, "mean")


STAT_KEYS = ("mean", "sd", "p05", "p50", "p95", "mcse")


def _run_info(summary: dict[str, Any], case: Any, label: str) -> list[tuple[str, Any, str | None]]:
    deterministic = summary.get("design") == "deterministic"
    items: list[tuple[str, Any, str | None]] = [
        (T.XLSX_INFO_CASE, case.title, None),
        (T.XLSX_INFO_OPTION, label, None),
    ]
    if deterministic:
        items.append((T.XLSX_INFO_DESIGN, T.XLSX_DETERMINISTIC, None))
    else:
        items += [(T.XLSX_INFO_DRAWS, summary["draws"], FMT_COUNT), (T.XLSX_INFO_SEED, summary["seed"] if isinstance(summary["seed"], int) else str(summary["seed"]), "0")]
    rate = summary.get("discount_rate")
    items.append((T.XLSX_INFO_RATE, rate if not isinstance(rate, str) else rate, FMT_RATE))
    items.append((T.XLSX_INFO_YEARS, f"{case.start_year}–{case.start_year + case.horizon - 1}", None))
    items += _optimism(case)
    return items


def _optimism(case: Any) -> list[tuple[str, Any, str | None]]:
    """Optimism bias, disclosed wherever it is applied (a number, or the parameter's name)."""
    out = []
    for label, q in ((T.XLSX_INFO_OB_COSTS, case.optimism_costs), (T.XLSX_INFO_OB_BENEFITS, case.optimism_benefits)):
        if isinstance(q, str) or q:
            out.append((label, case.label_of(q) if isinstance(q, str) else q, FMT_PERCENT))
    return out


def _pm_posten(sheet: _Sheet, case: Any) -> None:
    """The PM-posten beside the balance: effects that count but are not valued in money."""
    if not case.pm_posten:
        return
    sheet.ws.cell(row=sheet.row, column=1, value=T.XLSX_PM_TITLE).font = Font(bold=True)
    sheet.row += 1
    sheet.table(T.XLSX_PM_HEADERS, [[p.label, case.stakeholders.get(p.stakeholder, p.stakeholder), p.direction,
                                     p.note or ""] for p in case.pm_posten], [None] * 4)


def _summary_rows(m: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for key, fmt in (("npv", FMT_EUR), ("pv_costs", FMT_EUR), ("pv_benefits", FMT_EUR), ("bcr", FMT_RATIO),
                     ("pv_fiscal", FMT_EUR), ("pv_cut_off", FMT_EUR)):
        s = m.get(key)
        if s is None:
            continue
        rows.append(([T.XLSX_METRICS[key], *[_stat(s, k) for k in STAT_KEYS]], fmt))
    return rows


def _add_run_sheets(wb: Workbook, summary: dict[str, Any], case: Any, label: str) -> None:
    m = summary["metrics"]
    sheet = _Sheet(wb, T.XLSX_SHEET_SUMMARY)
    sheet.title(T.XLSX_TITLE_RUN.format(title=case.title))
    sheet.pairs(_run_info(summary, case, label))
    sheet.pairs([(T.XLSX_METRICS["bcr_of_means"], m.get("bcr_of_means"), FMT_RATIO),
                 (T.XLSX_METRICS["prob_npv_positive"], m.get("prob_npv_positive"), FMT_PERCENT)])
    rows = _summary_rows(m)
    # each row has its own format (euros or a ratio); the statistic columns share it
    header = sheet.row
    sheet.table([T.XLSX_COL_METRIC, *T.XLSX_STAT_HEADERS], [r for r, _ in rows], [None] * 7)
    for i, (_, fmt) in enumerate(rows, start=1):
        for j in range(2, 8):
            sheet.ws.cell(row=header + i, column=j).number_format = fmt
    _pm_posten(sheet, case)
    sheet.finish()

    sheet = _Sheet(wb, T.XLSX_SHEET_STAKEHOLDERS)
    sheet.table(T.XLSX_STAKEHOLDER_HEADERS, [
        [case.stakeholders.get(sid, sid), _mean(s["pv_costs"]), _mean(s["pv_benefits"]), _mean(s["net"]),
         _stat(s["net"], "p05"), _stat(s["net"], "p95"), _mean(s.get("pv_fiscal")), _mean(s.get("pv_economic")),
         _mean(s.get("pv_social"))]
        for sid, s in summary["stakeholders"].items()], [None] + [FMT_EUR] * 8)
    sheet.finish("B2")

    sheet = _Sheet(wb, T.XLSX_SHEET_LINES)
    costs = {c.id: c for c in case.costs}
    effects = {e.id: e for e in case.effects}
    rows = []
    for cid, s in (summary.get("costs") or {}).items():
        c = costs.get(cid)
        rows.append([T.XLSX_LINE_COST, c.label if c else cid, (c.category or "") if c else "", "",
                     _mean(s["pv"]), _stat(s["pv"], "p05"), _stat(s["pv"], "p95"), None])
    for eid, s in summary["lines"].items():
        e = effects.get(eid)
        rows.append([T.XLSX_LINE_EFFECT, e.label if e else eid, e.category if e else "",
                     T.XLSX_KINDS.get(e.kind, e.kind) if e else "",
                     _mean(s["pv"]), _stat(s["pv"], "p05"), _stat(s["pv"], "p95"), _mean(s["outcomes"])])
    sheet.table(T.XLSX_LINE_HEADERS, rows, [None, None, None, None, FMT_EUR, FMT_EUR, FMT_EUR, FMT_COUNT])
    sheet.finish("C2")

    sheet = _Sheet(wb, T.XLSX_SHEET_YEARS)
    yearly = summary.get("yearly") or {}
    rows = [[year, c, b, b - c] for year, c, b in zip(yearly.get("years", []), yearly.get("costs_mean", []),
                                                      yearly.get("benefits_mean", []), strict=True)]
    sheet.table(T.XLSX_YEAR_HEADERS, rows, [FMT_YEAR, FMT_EUR, FMT_EUR, FMT_EUR])
    sheet.finish("B2")


def run_workbook(summary: dict[str, Any], case: Any) -> Workbook:
    """Result tables of one run (``summary`` = the ``run --json`` object; ``case`` with its
    scenario applied, for labels)."""
    from mkba.core.case import scenario_label

    wb = Workbook()
    wb.remove(wb.active)
    label = scenario_label(case, None) if case.scenario == "baseline" else case.scenarios[case.scenario].label
    _add_run_sheets(wb, summary, case, label)
    return wb


def write_run_workbook(path: str | Path, summary: dict[str, Any], case: Any) -> None:
    """Write :func:`run_workbook` to ``path`` atomically."""
    _save(run_workbook(summary, case), path)


def compare_workbook(summary: dict[str, Any], cases: dict[str, Any]) -> Workbook:
    """Result tables of ``mkba compare`` (``summary`` = its JSON object; ``cases``: option id →
    case with that option applied, for labels)."""
    wb = Workbook()
    wb.remove(wb.active)
    base = cases["baseline"]
    runs = summary["scenarios"]
    labels = dict(summary["labels"])  # the options; a gevoeligheid scenario is labelled from the case
    for opt in runs:
        labels.setdefault(opt, base.scenarios[opt].label if opt in base.scenarios else opt)

    sheet = _Sheet(wb, T.XLSX_SHEET_SUMMARY)
    sheet.title(T.XLSX_TITLE_COMPARE.format(title=base.title))
    first = next(iter(runs.values()))
    sheet.pairs([(T.XLSX_INFO_CASE, base.title, None), (T.XLSX_INFO_DRAWS, summary["draws"], FMT_COUNT),
                 (T.XLSX_INFO_SEED, summary["seed"] if isinstance(summary["seed"], int) else str(summary["seed"]), "0"),
                 (T.XLSX_INFO_RATE, first.get("discount_rate"), FMT_RATE), *_optimism(base)])
    rows = []
    for opt, run in runs.items():
        m = run["metrics"]
        rows.append([labels[opt], _mean(m["npv"]), _stat(m["npv"], "p05"), _stat(m["npv"], "p95"),
                     _mean(m["pv_costs"]), _mean(m["pv_benefits"]), m.get("bcr_of_means"), m.get("prob_npv_positive")])
    sheet.table(T.XLSX_COMPARE_HEADERS, rows, [None, FMT_EUR, FMT_EUR, FMT_EUR, FMT_EUR, FMT_EUR, FMT_RATIO, FMT_PERCENT])
    _pm_posten(sheet, base)
    sheet.finish()

    d = summary["decision"]
    sheet = _Sheet(wb, T.XLSX_SHEET_DECISION)
    who = T.XLSX_SOCIETY if d["perspective"] == "society" else base.stakeholders.get(d["perspective"], d["perspective"])
    sheet.title(T.XLSX_TITLE_DECISION.format(who=who))
    sheet.table(T.XLSX_DECISION_HEADERS,
                [[labels[o], d["expected_npv"][o], d["prob_best"][o], d["expected_loss"][o]]
                 for o in runs if o in d["prob_best"]],  # options only: a gevoeligheid scenario is not a choice
                [None, FMT_EUR, FMT_PERCENT, FMT_EUR])
    sheet.pairs([(T.XLSX_EVPI, d["evpi"], FMT_EUR)])
    cuts = summary.get("cuts") or {}
    if cuts:
        funder = next(iter(cuts.values()))["funder"]
        sheet.table([*T.XLSX_CUT_HEADERS, T.XLSX_CUT_FUNDER.format(who=base.stakeholders.get(funder, funder))],
                    [[labels[o], _mean(c["budget_saved"]), _mean(c["benefits_lost"]), _mean(c["npv_change"]),
                      _stat(c["npv_change"], "p05"), _stat(c["npv_change"], "p95"), _mean(c["funder_net_change"])]
                     for o, c in cuts.items()], [None] + [FMT_EUR] * 6)
    sheet.finish()

    sheet = _Sheet(wb, T.XLSX_SHEET_STAKEHOLDERS)
    rows = []
    for opt, run in runs.items():
        for sid, s in run["stakeholders"].items():
            change = (summary.get("vs_baseline") or {}).get(opt, {}).get(sid, {}).get("net_change")
            rows.append([labels[opt], base.stakeholders.get(sid, sid), _mean(s["pv_costs"]), _mean(s["pv_benefits"]),
                         _mean(s["net"]), _mean(change) if change is not None else (0.0 if opt == "baseline" else None)])
    sheet.table(T.XLSX_COMPARE_STAKEHOLDER_HEADERS, rows, [None, None, FMT_EUR, FMT_EUR, FMT_EUR, FMT_EUR])
    sheet.finish("C2")

    sheet = _Sheet(wb, T.XLSX_SHEET_LINES)
    rows = []
    for opt, run in runs.items():
        case = cases[opt]
        costs = {c.id: c for c in case.costs}
        effects = {e.id: e for e in case.effects}
        for cid, s in (run.get("costs") or {}).items():
            rows.append([labels[opt], T.XLSX_LINE_COST, costs[cid].label if cid in costs else cid, _mean(s["pv"]), None])
        for eid, s in run["lines"].items():
            rows.append([labels[opt], T.XLSX_LINE_EFFECT, effects[eid].label if eid in effects else eid,
                         _mean(s["pv"]), _mean(s["outcomes"])])
    sheet.table(T.XLSX_COMPARE_LINE_HEADERS, rows, [None, None, None, FMT_EUR, FMT_COUNT])
    sheet.finish("D2")

    sheet = _Sheet(wb, T.XLSX_SHEET_YEARS)
    rows = []
    for opt, run in runs.items():
        y = run.get("yearly") or {}
        rows += [[labels[opt], year, c, b, b - c] for year, c, b in
                 zip(y.get("years", []), y.get("costs_mean", []), y.get("benefits_mean", []), strict=True)]
    sheet.table([T.XLSX_COL_OPTION, *T.XLSX_YEAR_HEADERS], rows, [None, FMT_YEAR, FMT_EUR, FMT_EUR, FMT_EUR])
    sheet.finish("C2")
    return wb


def write_compare_workbook(path: str | Path, summary: dict[str, Any], cases: dict[str, Any]) -> None:
    """Write :func:`compare_workbook` to ``path`` atomically."""
    _save(compare_workbook(summary, cases), path)


def _save(wb: Workbook, path: str | Path) -> None:
    buffer = io.BytesIO()
    wb.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
