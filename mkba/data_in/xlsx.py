"""Case workbooks (DESIGN §12): an ``.xlsx`` in the case template → the plain data a YAML case
file gives, so :func:`~mkba.core.case.build_case` validates both with the same rules.

The layout (sheet names, column headers, how nested parts are written in cells) is the file
format, like the YAML keys; it is defined here once and shared with the writer in
:mod:`mkba.faces.excel_out`. Column headers are the YAML field names, so a new field (or a new
distribution family) only adds a column. Columns are found by their header, in any order.

Cells hold:

- a number, or a text (an id, a label, a parameter name);
- a *list* (per-year quantities, ``ramp_up``, ``values``/``probs``, ``years``): its items in one
  text cell, separated by ``;`` (``393; 581; trajecten``); a one-item per-year list ends in ``;``;
- a *split* (``payer``, ``beneficiaries``): one stakeholder id, or ``gemeente: 0.9; huishoudens: rest``.

Rows that belong to a scenario say so in their ``scenario`` column (parameters also in
``bewerking``: ``set`` or ``add``); the ``Scenario's`` sheet holds each scenario's own row
(``bewerking`` = ``scenario``: label, description, ...) and its ``set`` (a number), ``scale``
and ``drop`` rows.

Every value read remembers its cell, so a validation problem at a YAML path is reported at
that cell: ``case.xlsx:Parameters!D12: ...`` (see :class:`CellMap`).
"""

from __future__ import annotations

import math
import re
import warnings
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mkba.core.case import Cost, Effect, PmPost, ScenarioIn
from mkba.core.errors import CaseError, LineMap, Problem, YamlPath, dotted
from mkba.data_in.yamlio import MAX_ABS, MAX_FILE_BYTES

#: A case workbook unpacks to well under 1 MB; more than this is refused before reading.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


# --------------------------------------------------------------------------------------------
# The layout
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    """One column of a sheet: its header (= the YAML field name) and how its cells are read.

    ``kind`` is one of ``id`` (text, stripped), ``text``, ``number``, ``int``, ``scalar``
    (number or parameter name), ``quantity`` (scalar or per-year list), ``list`` (always a
    list of scalars), ``numbers`` (list of numbers), ``years`` (``first; last``), ``split``,
    ``texts`` (list of texts), ``raw`` (as found).
    """

    name: str
    kind: str


def _cols(spec: str) -> tuple[Column, ...]:
    out = []
    for item in spec.split():
        name, _, kind = item.partition(":")
        out.append(Column(name, kind or "text"))
    return tuple(out)


def _record_columns(record: type[BaseModel], names: tuple[str, ...] | None = None) -> tuple[Column, ...]:
    """The columns of a record's sheet, in the record's field order, each read as the field's
    ``form`` says (:func:`mkba.core.case.form`; plain text when it gives none)."""
    fields = record.model_fields
    return tuple(Column(name, (fields[name].json_schema_extra or {}).get("form", "text"))
                 for name in (names or tuple(fields)))


CASE_SHEET = "Case"
SOURCES_SHEET = "Bronnen"
STAKEHOLDERS_SHEET = "Belanghebbenden"
PARAMETERS_SHEET = "Parameters"
COSTS_SHEET = "Kosten"
EFFECTS_SHEET = "Effecten"
SCENARIOS_SHEET = "Scenario's"
PM_SHEET = "PM-posten"
CORRELATIONS_SHEET = "Correlaties"
LIMITATIONS_SHEET = "Beperkingen"
GROUPS_SHEET = "Groepen"
EXPLANATION_SHEET = "Toelichting"

#: Sheets every case workbook has (DESIGN §12); the others may be left out when empty.
REQUIRED_SHEETS = (CASE_SHEET, SOURCES_SHEET, STAKEHOLDERS_SHEET, PARAMETERS_SHEET, COSTS_SHEET,
                   EFFECTS_SHEET, SCENARIOS_SHEET, PM_SHEET)
OPTIONAL_SHEETS = (CORRELATIONS_SHEET, LIMITATIONS_SHEET, GROUPS_SHEET)

#: Rows of the Case sheet (``veld`` → how ``waarde`` is read). ``optimism_bias.costs`` maps
#: to ``case.optimism_bias.costs``; ``mkba`` and ``include`` are top-level keys.
CASE_FIELDS = _cols("mkba:int id:id title description start_year:int horizon:int price_year:int "
                    "discount_rate:scalar optimism_bias.costs:scalar optimism_bias.benefits:scalar "
                    "include:texts report.target_bcr:number")
CASE_COLUMNS = _cols("veld:id waarde:raw toelichting")

SOURCES_COLUMNS = _cols("bron:id omschrijving")
STAKEHOLDERS_COLUMNS = _cols("id:id naam")
PARAMETER_FIELDS = _cols(
    "label dist:id value:number min:number mode:number max:number lambda:number mean:number "
    "sd:number alpha:number beta:number successes:int trials:int shape:number scale:number "
    "values:numbers probs:numbers file column order:id base:number unit source:id note calibrated "
    "price_year:int method:id excerpt deadweight:number overdraagbaarheid")
PARAMETERS_COLUMNS = (Column("naam", "id"), *PARAMETER_FIELDS, Column("scenario", "id"),
                      Column("bewerking", "id"))
COST_FIELDS = _record_columns(Cost)
COSTS_COLUMNS = (*COST_FIELDS, Column("scenario", "id"))
EFFECT_FIELDS = _record_columns(Effect)
EFFECTS_COLUMNS = (*EFFECT_FIELDS, Column("scenario", "id"))
SCENARIO_FIELDS = _record_columns(ScenarioIn, ScenarioIn.OWN_FIELDS)
SCENARIOS_COLUMNS = (*_cols("scenario:id bewerking:id naam:id waarde:scalar"), *SCENARIO_FIELDS)
PM_FIELDS = _record_columns(PmPost)
PM_COLUMNS = (*PM_FIELDS, Column("scenario", "id"))  # a scenario id: that scenario adds the PM-post
CORRELATIONS_COLUMNS = _cols("parameter_a:id parameter_b:id rho:number")
LIMITATIONS_COLUMNS = _cols("beperking")
GROUPS_COLUMNS = _cols("groep:id parameter:id label")  # label: on any one row of the group

COLUMNS: dict[str, tuple[Column, ...]] = {
    CASE_SHEET: CASE_COLUMNS, SOURCES_SHEET: SOURCES_COLUMNS, STAKEHOLDERS_SHEET: STAKEHOLDERS_COLUMNS,
    PARAMETERS_SHEET: PARAMETERS_COLUMNS, COSTS_SHEET: COSTS_COLUMNS, EFFECTS_SHEET: EFFECTS_COLUMNS,
    SCENARIOS_SHEET: SCENARIOS_COLUMNS, PM_SHEET: PM_COLUMNS, CORRELATIONS_SHEET: CORRELATIONS_COLUMNS,
    LIMITATIONS_SHEET: LIMITATIONS_COLUMNS, GROUPS_SHEET: GROUPS_COLUMNS,
}
#: Sheets of records whose unknown columns are passed on as fields (validation names them),
#: so a new field of the format needs no change here.
OPEN_SHEETS = (PARAMETERS_SHEET, COSTS_SHEET, EFFECTS_SHEET, PM_SHEET)

#: ``bewerking`` values: on the Parameters sheet, and on the Scenario's sheet.
PARAMETER_OPERATIONS = ("set", "add")
SCENARIO_OPERATIONS = ("scenario", "set", "scale", "drop")
KNOWN_TOP_LEVEL = ("mkba", "case", "include", "sources", "stakeholders", "parameters", "correlations",
                   "costs", "effects", "scenarios", "pm_posten", "beperkingen", "groepen", "report")

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")


def parse_number_text(text: str) -> int | float | None:
    """A number written as text (``12``, ``0.5``, ``0,5``, ``1e-05``), or ``None``."""
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    if "," in text and "." in text:
        return None
    text = text.replace(",", ".")
    if re.match(r"^[+-]?\d+$", text):
        return int(text)
    return float(text)


# --------------------------------------------------------------------------------------------
# Messages: a code and its arguments travel with each problem; the faces word them in Dutch
# (mkba.faces.text_nl.XLSX_MESSAGES, same codes ``xlsx.<code>``); these English texts are the fallback.
# --------------------------------------------------------------------------------------------
MESSAGES = {
    "file_not_found": "file not found",
    "not_a_workbook": "not a readable Excel workbook (.xlsx): {error}",
    "missing_sheet": "sheet '{sheet}' is missing; a case workbook has the sheets {sheets} (start from 'mkba init NAME --xlsx')",
    "merged": "merged cells ({range}) cannot be read; unmerge them (one value per cell)",
    "formula_not_computed": "this formula has no computed value in the file (never opened and saved in a spreadsheet); open and save it in Excel or LibreOffice, or type the value",
    "text_in_number": "'{value}' is text, but a number belongs here",
    "number_as_text": "'{value}' is stored as text; type it as a number",
    "not_a_value": "'{value}' is a date, time or true/false; a number or text belongs here",
    "not_a_number_in_list": "'{item}' is not a number; give numbers separated by ';', e.g. 10; 20; 30",
    "years": "'{value}' is not a range of years; write 'first; last', e.g. 0; 4",
    "split": "'{value}' is not a split; write one stakeholder (gemeente) or shares: gemeente: 0.9; huishoudens: rest",
    "split_twice": "stakeholder '{who}' appears twice in this split",
    "header_twice": "column '{header}' appears twice in the header row",
    "unknown_column": "unknown column '{header}'; columns of this sheet: {known}",
    "no_header": "this cell is in a column without a header in row 1; give the column a header or clear the cell",
    "case_no_field": "a value without a field name in column A",
    "twice": "'{name}' appears twice (first in {cell}); keep one",
    "twice_in": "'{name}' appears twice in {where}; keep one",
    "missing_key": "column '{column}' is empty in a row with data; fill it in or clear the row",
    "missing_value": "'{operation}' needs a value in column 'waarde'",
    "operation": "operation '{value}' is unknown; choose from: {allowed}",
    "operation_without_scenario": "an operation belongs to a scenario: fill in column 'scenario' (or clear 'bewerking')",
    "too_large": "the workbook is {size_mb} MB; a case workbook is at most {limit_mb} MB",
    "too_large_unpacked": "the workbook unpacks to more than {limit_mb} MB; a case workbook is far smaller",
    "scenario_row_extra": "the row 'scenario' describes the scenario itself; put '{column}' in a set, scale or drop row",
}


def located(file: str, cell: str | None, code: str, **params: Any) -> Problem:
    """A reading problem at ``cell``, with its code (``xlsx.<code>``) and the values it quotes."""
    params = {k: v if isinstance(v, int | float | str) else str(v) for k, v in params.items()}
    return Problem(file, "", MESSAGES[code].format(**params), None, code=f"xlsx.{code}",
                   params=tuple(params.items()), cell=cell)


# --------------------------------------------------------------------------------------------
# Cell locations
# --------------------------------------------------------------------------------------------
class CellMap(LineMap):
    """Workbook cells of YAML paths (``("parameters", "x", "max")`` → ``"Parameters!F12"``);
    an unknown path falls back to its nearest known parent, like :class:`LineMap` for lines."""

    def __init__(self, file: str, cells: dict[YamlPath, str]):
        super().__init__(file, {})
        self._cells = cells

    def cell(self, path: YamlPath) -> str | None:
        path = tuple(path)
        while True:
            if path in self._cells:
                return self._cells[path]
            if not path:
                return None
            path = path[:-1]

    def line(self, path: YamlPath) -> int | None:
        return None

    def problem(self, path: YamlPath, message: str, code: str = "", **params: Any) -> Problem:
        return Problem(self.file, dotted(path), message, None, code, tuple(params.items()), cell=self.cell(path))


def combine(early: list[Problem], later: list[Problem]) -> list[Problem]:
    """Reader problems first, then validation problems not about a cell already reported (a
    text in a number cell is reported once, not again as 'not a valid number')."""
    seen = {p.cell for p in early if p.cell}
    paths = {(p.file, p.path) for p in early if not p.cell}  # YAML: a Dutch number is reported once
    return list(early) + [p for p in later if p.cell not in seen and (p.cell or (p.file, p.path) not in paths)]


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------
class _Reader:
    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.cells: dict[YamlPath, str] = {}

    def problem(self, cell: str, code: str, **args: Any) -> None:
        self.problems.append(located(self.file, cell, code, **args))

    def at(self, path: YamlPath, cell: str, overwrite: bool = True) -> None:
        if overwrite or path not in self.cells:
            self.cells[path] = cell

    # -- cell values --------------------------------------------------------------------
    def value(self, raw: Any, kind: str, cell: str) -> Any:
        """Convert one cell's value by the column's kind; a wrong type is a problem and the
        raw value is kept (validation then stays quiet about that cell, see :func:`combine`)."""
        if isinstance(raw, bool) or isinstance(raw, datetime | date | time):
            self.problem(cell, "not_a_value", value=raw)
            return str(raw)
        if kind == "raw":
            return raw
        if kind in ("id", "text", "texts"):
            if isinstance(raw, int | float):
                raw = _number_text(raw)
            if kind == "id":
                return raw.strip()
            if kind == "texts":
                return [item.strip() for item in raw.split(";") if item.strip()]
            return raw
        if kind in ("number", "int"):
            return self.number(raw, kind, cell)
        if kind == "scalar":
            return self.scalar(raw, cell)
        if kind in ("quantity", "list"):
            if isinstance(raw, str) and ";" in raw:
                return [self.plausible(_item(x), cell) for x in _items(raw)]
            value = self.scalar(raw, cell)
            return [value] if kind == "list" else value
        if kind in ("numbers", "years"):  # a ';'-list of numbers (or years)
            def each(x):
                return self.plausible(x, cell) if kind == "numbers" else _int_if_whole(x)

            if isinstance(raw, int | float):
                return [each(raw)]
            out = []
            for item in _items(raw):
                number = parse_number_text(item)
                if number is None:
                    if kind == "numbers":
                        self.problem(cell, "not_a_number_in_list", item=item)
                    else:
                        self.problem(cell, "years", value=raw)
                    return raw
                out.append(each(number))
            return out
        if kind == "split":
            if isinstance(raw, int | float):
                self.problem(cell, "split", value=_number_text(raw))
                return str(raw)
            if ":" not in raw:
                return raw.strip()
            split: dict[str, Any] = {}
            for item in _items(raw):
                who, sep, share = item.partition(":")
                if not sep or not who.strip() or not share.strip():
                    self.problem(cell, "split", value=raw)
                    return raw
                if who.strip() in split:
                    self.problem(cell, "split_twice", who=who.strip())
                split[who.strip()] = self.plausible(_item(share), cell)
            return split
        raise ValueError(f"unknown column kind {kind!r}")  # a bug in the layout, not user input

    def plausible(self, x: Any, cell: str) -> Any:
        """Numbers obey the limits of YAML case files: finite, at most 1e12 in size."""
        if isinstance(x, int | float) and not isinstance(x, bool):
            if not math.isfinite(x):
                self.problems.append(Problem(self.file, "", f"'{x}' is not a finite number", None,
                                             "number.not_finite", (("text", str(x)),), cell=cell))
            elif abs(x) > MAX_ABS:
                self.problems.append(Problem(self.file, "", f"{x:g} is implausibly large: numbers in a case are at most 1e12 in size",
                                             None, "number.too_large", (("text", f"{x:g}"), ("limit", "10^12")), cell=cell))
        return x

    def number(self, raw: Any, kind: str, cell: str) -> Any:
        if isinstance(raw, str):
            if parse_number_text(raw) is not None:
                self.problem(cell, "number_as_text", value=raw.strip())
            else:
                self.problem(cell, "text_in_number", value=raw.strip())
            return raw
        return self.plausible(_int_if_whole(raw) if kind == "int" else raw, cell)

    def scalar(self, raw: Any, cell: str) -> Any:
        if isinstance(raw, str):
            if parse_number_text(raw) is not None:
                self.problem(cell, "number_as_text", value=raw.strip())
            return raw.strip()
        return self.plausible(raw, cell)

    # -- sheets -------------------------------------------------------------------------
    def rows(self, ws: Any, sheet: str) -> list[tuple[int, dict[str, tuple[Any, str]], dict[str, str]]]:
        """``[(row number, {header: (value, cell)} for filled cells, {header: cell} for all)]``."""
        known = {c.name: c for c in COLUMNS[sheet]}
        grid = list(ws.iter_rows())
        if not grid:
            return []
        headers: dict[int, str] = {}
        for index, cell in enumerate(grid[0]):
            value = cell.value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            name = str(value).strip()
            lowered = name.lower()
            name = lowered if lowered in known else name
            if name in headers.values():
                self.problem(f"{sheet}!{cell.coordinate}", "header_twice", header=name)
                continue
            if name not in known and sheet not in OPEN_SHEETS:
                self.problem(f"{sheet}!{cell.coordinate}", "unknown_column",
                    header=name, known=", ".join(known))
                continue
            headers[index] = name
        out = []
        for row in grid[1:]:
            filled: dict[str, tuple[Any, str]] = {}
            where: dict[str, str] = {}
            for index, cell in enumerate(row):
                ref = f"{sheet}!{cell.coordinate}"
                value = cell.value
                if isinstance(value, str) and not value.strip():
                    value = None
                if index not in headers:
                    if value is not None:
                        self.problem(ref, "no_header")
                    continue
                where[headers[index]] = ref
                if value is not None:
                    filled[headers[index]] = (value, ref)
            if filled:
                for name in known:  # a column the sheet lacks: point at the row
                    where.setdefault(name, f"{sheet}!A{row[0].row}")
                out.append((row[0].row, filled, where))
        return out

    def record(self, filled: dict, where: dict, fields: dict[str, Column], path: YamlPath,
               skip: tuple[str, ...] = ()) -> dict[str, Any]:
        """The fields of one row as a record; every column's cell is remembered at its path."""
        rec: dict[str, Any] = {}
        for name, cell in where.items():
            if name not in skip:
                self.at(path + (name,), cell)
        for name, (raw, cell) in filled.items():
            if name in skip:
                continue
            kind = fields[name].kind if name in fields else "raw"
            rec[name] = self.value(raw, kind, cell)
        return rec


def _item(text: str) -> Any:
    """One item of a list cell: a number (decimal point or comma) or a name."""
    text = text.strip()
    number = parse_number_text(text)
    return number if number is not None else text


def _items(text: str) -> list[str]:
    parts = [p.strip() for p in str(text).split(";")]
    if parts and parts[-1] == "":
        parts = parts[:-1]  # "5;" is a one-item list
    return parts


def _int_if_whole(x: Any) -> Any:
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


def _number_text(x: int | float) -> str:
    return str(_int_if_whole(x))


def read_workbook(path: str | Path) -> tuple[dict[str, Any], CellMap, list[Problem]]:
    """Read a case workbook into ``(plain data, CellMap, problems found while reading)``.

    Raises
    ------
    CaseError
        When the file is missing or is not a workbook at all.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    file = str(path)
    _check_size(path, file)
    try:
        with warnings.catch_warnings():
            # Excel stores some validation lists as extensions openpyxl does not keep; harmless here
            warnings.simplefilter("ignore", UserWarning)
            wb = openpyxl.load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise CaseError([located(file, None, "file_not_found")]) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise CaseError([located(file, None, "not_a_workbook", error=exc)]) from None
    r = _Reader(file)
    uncomputed = _uncomputed_formulas(path, wb)
    sheets = {}
    for name in REQUIRED_SHEETS + OPTIONAL_SHEETS:
        if name in wb.sheetnames:
            ws = wb[name]
            for merged in ws.merged_cells.ranges:
                r.problem(f"{name}!{merged.coord.split(':')[0]}", "merged", range=merged.coord)
            for coordinate in uncomputed.get(name, []):
                r.problem(f"{name}!{coordinate}", "formula_not_computed")
            sheets[name] = r.rows(ws, name)
            r.at(_SECTION[name], f"{name}!A2")
        elif name in REQUIRED_SHEETS:
            r.problem(name, "missing_sheet", sheet=name, sheets=", ".join(REQUIRED_SHEETS))
            r.at(_SECTION[name], name)
    data: dict[str, Any] = {}
    _read_case(r, sheets.get(CASE_SHEET, []), data)
    for sheet, section, key_col, value_col in ((SOURCES_SHEET, "sources", "bron", "omschrijving"),
                                                (STAKEHOLDERS_SHEET, "stakeholders", "id", "naam")):
        if sheet in sheets:
            data[section] = _read_pairs(r, sheets[sheet], section, key_col, value_col)
    scenarios: dict[str, dict[str, Any]] = {}
    _read_scenarios(r, sheets.get(SCENARIOS_SHEET, []), scenarios)
    if PARAMETERS_SHEET in sheets:
        data["parameters"] = _read_parameters(r, sheets[PARAMETERS_SHEET], scenarios)
    if CORRELATIONS_SHEET in sheets and sheets[CORRELATIONS_SHEET]:
        data["correlations"] = _read_correlations(r, sheets[CORRELATIONS_SHEET])
    for sheet, section, fields in ((COSTS_SHEET, "costs", COST_FIELDS), (EFFECTS_SHEET, "effects", EFFECT_FIELDS)):
        if sheet in sheets:
            data[section] = _read_lines(r, sheets[sheet], section, fields, scenarios)
    if sheets.get(PM_SHEET):
        posts = _read_lines(r, sheets[PM_SHEET], "pm_posten", PM_FIELDS, scenarios)
        if posts:
            data["pm_posten"] = posts
    if scenarios:
        data["scenarios"] = scenarios
    if sheets.get(LIMITATIONS_SHEET):
        data["beperkingen"] = [r.value(filled["beperking"][0], "text", filled["beperking"][1])
                               for _, filled, _ in sheets[LIMITATIONS_SHEET] if "beperking" in filled]
    if sheets.get(GROUPS_SHEET):
        data["groepen"] = _read_groups(r, sheets[GROUPS_SHEET])
    if any(name not in wb.sheetnames for name in REQUIRED_SHEETS):
        # without a whole sheet, validation would only echo its absence (every parameter unknown)
        raise CaseError(r.problems)
    return _ordered(data), CellMap(file, r.cells), r.problems


def _check_size(path: Path, file: str) -> None:
    """Refuse a workbook beyond the limits YAML case files have (and a zip that unpacks to far
    more than a case can hold) before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # reported by the reader
    if size > MAX_FILE_BYTES:
        raise CaseError([located(file, None, "too_large", size_mb=round(size / 2**20, 1),
                                 limit_mb=MAX_FILE_BYTES // 2**20)])
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # reported by the reader
    if unpacked > MAX_UNPACKED_BYTES:
        raise CaseError([located(file, None, "too_large_unpacked", limit_mb=MAX_UNPACKED_BYTES // 2**20)])


def _uncomputed_formulas(path: Path, values: Any) -> dict[str, list[str]]:
    """Cells holding a formula whose result the file does not store (written by a program, never
    opened in a spreadsheet): they would read as empty, so they are reported instead."""
    import openpyxl

    with zipfile.ZipFile(path) as archive:
        if not any(b"<f>" in archive.read(n) or b"<f " in archive.read(n)
                   for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")):
            return {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        formulas = openpyxl.load_workbook(path, data_only=False)
    out: dict[str, list[str]] = {}
    for ws in formulas:
        if ws.title not in values.sheetnames:
            continue
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and values[ws.title][cell.coordinate].value is None:
                    out.setdefault(ws.title, []).append(cell.coordinate)
    return out


_SECTION: dict[str, YamlPath] = {
    CASE_SHEET: ("case",), SOURCES_SHEET: ("sources",), STAKEHOLDERS_SHEET: ("stakeholders",),
    PARAMETERS_SHEET: ("parameters",), COSTS_SHEET: ("costs",), EFFECTS_SHEET: ("effects",),
    SCENARIOS_SHEET: ("scenarios",), PM_SHEET: ("pm_posten",), CORRELATIONS_SHEET: ("correlations",),
    LIMITATIONS_SHEET: ("beperkingen",), GROUPS_SHEET: ("groepen",),
}


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in KNOWN_TOP_LEVEL if k in data} | {k: v for k, v in data.items() if k not in KNOWN_TOP_LEVEL}


def _read_case(r: _Reader, rows: list, data: dict[str, Any]) -> None:
    fields = {c.name: c for c in CASE_FIELDS}
    info: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for _, filled, where in rows:
        if "veld" not in filled:
            if "waarde" in filled:
                r.problem(where["veld"], "case_no_field")
            continue
        key = r.value(filled["veld"][0], "id", filled["veld"][1])
        if key in seen:
            r.problem(filled["veld"][1], "twice", name=key, cell=seen[key])
            continue
        seen[key] = filled["veld"][1]
        cell = where["waarde"] if "waarde" in where else filled["veld"][1]
        if key == "mkba":
            path: YamlPath = ("mkba",)
        elif key == "include":
            path = ("include",)
        elif key.startswith("optimism_bias."):
            path = ("case", "optimism_bias", key.partition(".")[2])
        elif key.startswith("report."):
            path = ("report", key.partition(".")[2])
        else:
            path = ("case", key)
        r.at(path, cell)
        if "waarde" not in filled:
            continue
        value = r.value(filled["waarde"][0], fields[key].kind if key in fields else "raw", cell)
        if path[0] in ("mkba", "include"):
            data[path[0]] = value
        elif path[0] == "report":
            data.setdefault("report", {})[path[1]] = value
        elif len(path) == 3:
            info.setdefault("optimism_bias", {})[path[2]] = value
        else:
            info[key] = value
    if rows or info:
        data["case"] = info


def _read_pairs(r: _Reader, rows: list, section: str, key_col: str, value_col: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    first: dict[str, str] = {}
    for _, filled, where in rows:
        if key_col not in filled:
            r.problem(where[key_col], "missing_key", column=key_col)
            continue
        key = r.value(filled[key_col][0], "id", filled[key_col][1])
        if key in out:
            r.problem(filled[key_col][1], "twice", name=key, cell=first[key])
            continue
        first[key] = filled[key_col][1]
        r.at((section, key), filled[key_col][1])
        out[key] = r.value(filled[value_col][0], "text", filled[value_col][1]) if value_col in filled else ""
    return out


def _scenario(r: _Reader, scenarios: dict[str, dict[str, Any]], sid: str, cell: str) -> dict[str, Any]:
    if sid not in scenarios:
        scenarios[sid] = {}
        r.at(("scenarios", sid), cell)
    return scenarios[sid]


def _read_scenarios(r: _Reader, rows: list, scenarios: dict[str, dict[str, Any]]) -> None:
    fields = {c.name: c for c in SCENARIOS_COLUMNS}
    meta_seen: dict[str, str] = {}
    for _, filled, where in rows:
        if "scenario" not in filled:
            r.problem(where["scenario"], "missing_key", column="scenario")
            continue
        sid = r.value(filled["scenario"][0], "id", filled["scenario"][1])
        scen = _scenario(r, scenarios, sid, filled["scenario"][1])
        op = r.value(filled["bewerking"][0], "id", filled["bewerking"][1]) if "bewerking" in filled else None
        if op is None and "naam" not in filled and "waarde" not in filled:
            op = "scenario"  # a row with only the scenario's own fields
        if op not in SCENARIO_OPERATIONS:
            r.problem(where["bewerking"], "operation", value=op or "", allowed=", ".join(SCENARIO_OPERATIONS))
            continue
        base: YamlPath = ("scenarios", sid)
        if op == "scenario":
            if sid in meta_seen:
                r.problem(filled["scenario"][1], "twice", name=sid, cell=meta_seen[sid])
                continue
            meta_seen[sid] = filled["scenario"][1]
            for name in ("naam", "waarde"):
                if name in filled:
                    r.problem(filled[name][1], "scenario_row_extra", column=name)
            r.at(base, filled["scenario"][1])
            rec = r.record({k: v for k, v in filled.items() if k in fields and k in {c.name for c in SCENARIO_FIELDS}},
                           {k: v for k, v in where.items() if k in {c.name for c in SCENARIO_FIELDS}}, fields, base)
            scen.update(rec)
            continue
        if "naam" not in filled:
            r.problem(where["naam"], "missing_key", column="naam")
            continue
        name = r.value(filled["naam"][0], "id", filled["naam"][1])
        if op == "drop":
            drops = scen.setdefault("drop", [])
            r.at(base + ("drop",), filled["naam"][1], overwrite=False)
            r.at(base + ("drop", len(drops)), filled["naam"][1])
            drops.append(name)
            continue
        if "waarde" not in filled:
            r.problem(where["waarde"], "missing_value", operation=op)
            continue
        target = scen.setdefault(op, {})
        if name in target:
            r.problem(filled["naam"][1], "twice_in", name=name, where=f"{op} ({sid})")
            continue
        r.at(base + (op,), filled["naam"][1], overwrite=False)
        r.at(base + (op, name), filled["naam"][1])
        kind = "number" if op == "set" else "scalar"
        target[name] = r.value(filled["waarde"][0], kind, filled["waarde"][1])


def _read_parameters(r: _Reader, rows: list, scenarios: dict[str, dict[str, Any]]) -> dict[str, Any]:
    fields = {c.name: c for c in PARAMETERS_COLUMNS}
    out: dict[str, Any] = {}
    first: dict[YamlPath, str] = {}
    for _, filled, where in rows:
        if "naam" not in filled:
            r.problem(where["naam"], "missing_key", column="naam")
            continue
        name = r.value(filled["naam"][0], "id", filled["naam"][1])
        sid = r.value(filled["scenario"][0], "id", filled["scenario"][1]) if "scenario" in filled else None
        op = r.value(filled["bewerking"][0], "id", filled["bewerking"][1]) if "bewerking" in filled else None
        if sid is None and op is not None:
            r.problem(where["scenario"], "operation_without_scenario")
            continue
        if sid is not None:
            if op not in PARAMETER_OPERATIONS:
                r.problem(where.get("bewerking", filled["scenario"][1]),
                          "operation", value=op or "", allowed=", ".join(PARAMETER_OPERATIONS))
                continue
            scen = _scenario(r, scenarios, sid, filled["scenario"][1])
            if op == "set":
                target = scen.setdefault("set", {})
                path: YamlPath = ("scenarios", sid, "set", name)
            else:
                target = scen.setdefault("add", {}).setdefault("parameters", {})
                path = ("scenarios", sid, "add", "parameters", name)
            r.at(path[:-1], filled["naam"][1], overwrite=False)
        else:
            target = out
            path = ("parameters", name)
        if name in target:
            r.problem(filled["naam"][1], "twice", name=name, cell=first.get(path, "?"))
            continue
        first[path] = filled["naam"][1]
        r.at(path, filled["naam"][1])
        target[name] = r.record(filled, where, fields, path, skip=("naam", "scenario", "bewerking"))
    return out


def _read_lines(r: _Reader, rows: list, section: str, fields: tuple[Column, ...],
                scenarios: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    by_name = {c.name: c for c in fields}
    out: list[dict[str, Any]] = []
    for _, filled, where in rows:
        sid = r.value(filled["scenario"][0], "id", filled["scenario"][1]) if "scenario" in filled else None
        if sid is None:
            target = out
            base: YamlPath = (section,)
        else:
            target = _scenario(r, scenarios, sid, filled["scenario"][1]).setdefault("add", {}).setdefault(section, [])
            base = ("scenarios", sid, "add", section)
            r.at(base, where.get("id", filled["scenario"][1]), overwrite=False)
        path = base + (len(target),)
        r.at(path, where.get("id", next(iter(where.values()))))
        target.append(r.record(filled, where, by_name, path, skip=("scenario",)))
    return out


def _read_correlations(r: _Reader, rows: list) -> list[list[Any]]:
    out = []
    for _, filled, where in rows:
        path = ("correlations", len(out))
        r.at(path, where["parameter_a"])
        item = [r.value(filled[c][0], kind, filled[c][1]) if c in filled else None
                for c, kind in (("parameter_a", "id"), ("parameter_b", "id"), ("rho", "number"))]
        out.append(item)
    return out


def _read_groups(r: _Reader, rows: list) -> dict[str, Any]:
    """Groups: one row per member; a group with a ``label`` (on any of its rows) becomes
    ``{label, parameters}``, one without stays a plain list (both are valid case files)."""
    out: dict[str, list[str]] = {}
    labels: dict[str, tuple[str, str]] = {}
    for _, filled, where in rows:
        if "groep" not in filled:
            r.problem(where["groep"], "missing_key", column="groep")
            continue
        name = r.value(filled["groep"][0], "id", filled["groep"][1])
        r.at(("groepen", name), filled["groep"][1], overwrite=False)
        members = out.setdefault(name, [])
        if "parameter" in filled:
            members.append(r.value(filled["parameter"][0], "id", filled["parameter"][1]))
        if "label" in filled:
            if name in labels:
                r.problem(filled["label"][1], "twice_in", name="label", where=f"groep {name}")
                continue
            labels[name] = (r.value(filled["label"][0], "text", filled["label"][1]), filled["label"][1])
    result: dict[str, Any] = {}
    for name, members in out.items():
        if name in labels:
            r.at(("groepen", name, "label"), labels[name][1])
            r.at(("groepen", name, "parameters"), r.cells.get(("groepen", name), labels[name][1]))
            result[name] = {"label": labels[name][0], "parameters": members}
        else:
            result[name] = members
    return result

