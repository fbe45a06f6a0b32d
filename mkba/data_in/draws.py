"""Draws files for ``dist: draws`` parameters (DESIGN §11): read, check, and hand to the core.

``{dist: draws, file: data/x.csv, column: avoided_2024, order: resample | sequential}`` takes its
values from a column of a CSV or parquet file. The core never reads files, so this loader reads
each file once, checks it (missing file, missing column, non-numeric values, empty file) with
errors located at the record, and passes the column into the record as ``values``, with a
``key`` (the file's path relative to the case, which names its random stream) and the file's
SHA-256. ``file`` is relative to the YAML file that holds the record.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkba.core.errors import CaseError, LineMap, Problem, YamlPath
from mkba.data_in.includes import file_of

if TYPE_CHECKING:
    import pandas as pd

LOADER_FIELDS = ("values", "key", "sha256")


def read_table(path: Path) -> pd.DataFrame:
    """A draws file as a DataFrame (CSV with ',' or ';', or parquet); raises ``ValueError``."""
    import pandas as pd  # only when a case has draws files: validating other cases stays light

    if path.suffix.lower() in (".parquet", ".pq"):
        return pd.read_parquet(path)
    with open(path, encoding="utf-8-sig") as fh:
        head = fh.readline()
    sep = ";" if head.count(";") > head.count(",") else ","
    return pd.read_csv(path, sep=sep, encoding="utf-8-sig")


def _records(data: dict) -> list[tuple[YamlPath, dict]]:
    """Every parameter record of the case, with its YAML path (baseline and scenarios)."""
    out = []
    params = data.get("parameters")
    if isinstance(params, dict):
        out += [(("parameters", n), r) for n, r in params.items()]
    scenarios = data.get("scenarios")
    if isinstance(scenarios, dict):
        for sid, scen in scenarios.items():
            if not isinstance(scen, dict):
                continue
            if isinstance(scen.get("set"), dict):
                out += [(("scenarios", sid, "set", n), r) for n, r in scen["set"].items()]
            add = scen.get("add")
            if isinstance(add, dict) and isinstance(add.get("parameters"), dict):
                out += [(("scenarios", sid, "add", "parameters", n), r) for n, r in add["parameters"].items()]
    return [(p, r) for p, r in out if isinstance(r, dict) and r.get("dist") == "draws"]


def attach_draws(data: Any, lines: LineMap, case_path: Path) -> Any:
    """Return ``data`` with every ``dist: draws`` record filled from its file (``data`` is not
    modified); raise :class:`CaseError` with every problem found."""
    if not isinstance(data, dict):
        return data
    records = _records(data)
    if not records:
        return data
    import numpy as np
    import pandas as pd

    problems: list[Problem] = []
    tables: dict[Path, tuple[pd.DataFrame | None, tuple]] = {}
    filled: dict[YamlPath, dict] = {}
    for path, record in records:
        given = [k for k in LOADER_FIELDS if k in record]
        if given:
            problems.append(lines.problem(path + (given[0],), f"'{given[0]}' is filled from the draws file; leave it out",
                                          "draws.loader_field", field=given[0]))
            continue
        name, column = record.get("file"), record.get("column")
        if not isinstance(name, str) or not isinstance(column, str):
            continue  # the record's own validation reports the missing field
        base = Path(file_of(lines, path)).parent
        file = Path(name) if Path(name).is_absolute() else base / name
        if file not in tables:
            tables[file] = _load(file)
        table, error = tables[file]
        if table is None:
            code, message, params = error
            problems.append(lines.problem(path + ("file",), message, code, **params))
            continue
        if column not in table.columns:
            columns = ", ".join(map(str, table.columns))
            problems.append(lines.problem(path + ("column",), f"no column '{column}' in {file}; columns: {columns}",
                                          "draws.no_column", column=column, file=str(file), columns=columns))
            continue
        values = pd.to_numeric(table[column], errors="coerce")
        bad = np.flatnonzero(~np.isfinite(values.to_numpy(dtype=float)))
        if len(bad):
            row = int(bad[0])
            value = repr(table[column].iloc[row])
            problems.append(lines.problem(path + ("column",), f"{file} row {row + 2}, column '{column}': "
                                          f"{value} is not a number ({len(bad)} such value(s))", "draws.not_number",
                                          file=str(file), row=str(row + 2), column=column, value=value,
                                          count=str(len(bad))))
            continue
        key = Path(os.path.relpath(file.resolve(), case_path.parent.resolve())).as_posix()
        filled[path] = {**record, "values": values.to_numpy(dtype=float).tolist(), "key": key,
                        "sha256": hashlib.sha256(file.read_bytes()).hexdigest()}
    if problems:
        raise CaseError(problems)
    return _replace_records(data, filled)


def _load(file: Path) -> tuple[pd.DataFrame | None, tuple]:
    """The table, or ``None`` and (code, plain message, params) saying why not."""
    import pandas as pd

    if not file.exists():
        return None, ("draws.file_not_found", f"draws file not found: {file}", {"file": str(file)})
    try:
        table = read_table(file)
    except (ValueError, OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        return None, ("draws.unreadable", f"cannot read draws file {file}: {exc}", {"file": str(file), "reason": str(exc)})
    if len(table) == 0:
        return None, ("draws.empty", f"draws file {file} has no rows", {"file": str(file)})
    return table, ()


def _replace_records(data: dict, filled: dict[YamlPath, dict]) -> dict:
    out = dict(data)
    for path, record in filled.items():
        node = out
        for key in path[:-1]:
            node[key] = dict(node[key])
            node = node[key]
        node[path[-1]] = record
    return out
