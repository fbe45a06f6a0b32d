"""``mkba convert IN OUT``: a case file between YAML and an Excel workbook, losslessly.

The input is read and validated first (a broken case is reported, nothing is written); the
output holds the same plain data, so both files give the same ``run --json``. YAML comments
are not data and are not carried over (put explanations in ``note`` fields).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

from mkba.core.case import Case
from mkba.core.errors import UsageError
from mkba.core.io import write_text_atomic
from mkba.faces import text_nl

SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx"}


def kind_of(path: str | Path) -> str:
    """``"yaml"`` or ``"xlsx"`` by the file's suffix; anything else is a usage error."""
    kind = SUFFIXES.get(Path(path).suffix.lower())
    if kind is None:
        raise UsageError(f"{path}: unknown file type; use .yaml, .yml or .xlsx", "xlsx.convert_unknown_type", path=str(path))
    return kind


def read_case_file(path: str | Path) -> tuple[dict[str, Any], Case]:
    """The plain data of a case file as written (``include:`` kept as a reference) and the
    validated case (includes and draws files resolved); raises ``CaseError``."""
    from mkba.data_in.cases import load_case_and_data

    kind_of(path)
    return load_case_and_data(path)


class _Dumper(yaml.SafeDumper):
    """Block style for records, flow style for short lists of scalars (per-year lists)."""


def _represent_list(dumper: yaml.SafeDumper, items: list) -> yaml.Node:
    flow = all(not isinstance(x, dict | list) for x in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def yaml_text(data: dict[str, Any]) -> str:
    """The case's plain data as YAML (keys in file order)."""
    return text_nl.CONVERT_YAML_HEADER + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                               default_flow_style=False)


def write_case_file(data: dict[str, Any], path: str | Path) -> None:
    """Write plain case data as YAML or as a workbook, by ``path``'s suffix (atomically)."""
    if kind_of(path) == "xlsx":
        from mkba.faces.excel_out import write_case_workbook

        write_case_workbook(data, path)
    else:
        write_text_atomic(path, yaml_text(data))


def convert(source: str | Path, target: str | Path, overwrite: bool = False) -> tuple[Case, list[str]]:
    """Convert ``source`` to ``target`` (formats by suffix).

    Returns the validated case and the parts of it (dotted paths) that read back differently
    from ``target``: none, except numbers with more significant digits than a workbook keeps
    (openpyxl writes 16; Excel shows 15). The written file is checked by reading it back.
    """
    kind_of(target)
    if Path(target).exists() and not overwrite:
        raise UsageError(f"{target} exists already; choose another name or add --overwrite (nothing was written)",
                         "xlsx.convert_exists", path=str(target))
    if Path(source).resolve() == Path(target).resolve():
        raise UsageError("IN and OUT are the same file", "xlsx.convert_same_file")
    data, case = read_case_file(source)
    write_case_file(data, target)
    _, again = read_case_file(target)
    return case, differences(case, again)


def differences(a: Case, b: Case) -> list[str]:
    """Dotted names of the parts in which two validated cases differ (``path``/``sha256`` aside)."""
    out: list[str] = []
    for f in dataclasses.fields(Case):
        if f.name in ("path", "sha256"):
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if x == y:
            continue
        if isinstance(x, dict) and isinstance(y, dict):
            out += [f"{f.name}.{k}" for k in [*x, *(k for k in y if k not in x)] if x.get(k) != y.get(k)]
        else:
            out.append(f.name)
    return out
