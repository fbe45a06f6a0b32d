"""Reading case files into validated :class:`~mkba.core.case.Case` objects."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from mkba.core.case import Case, build_case
from mkba.core.errors import CaseError, LineMap, Problem
from mkba.data_in.yamlio import load_yaml, load_yaml_text


def read_case_data(path: str | Path) -> tuple[Any, LineMap, list[Problem]]:
    """The plain data of a case file (YAML, or an ``.xlsx`` workbook in the case template),
    its location map, and problems found while reading (workbooks only; YAML stops at once)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from mkba.data_in.xlsx import read_workbook

        return read_workbook(path)
    data, lines = load_yaml(path)
    return data, lines, []


def build_checked(data: Any, lines: LineMap, early: list[Problem], path: str | None = None,
                  sha256: str | None = None) -> Case:
    """:func:`build_case`, reporting reading problems and validation problems together."""
    from mkba.data_in.xlsx import combine

    try:
        case = build_case(data, lines, path=path, sha256=sha256)
    except CaseError as exc:
        raise CaseError(combine(early, exc.problems)) from None
    if early:
        raise CaseError(early)
    return case


def load_case(path: str | Path) -> Case:
    """Load and validate a case file.

    Parameters
    ----------
    path : str or Path
        The YAML case file (format version 1), or an ``.xlsx`` workbook in the case template
        (DESIGN §12; ``mkba init NAAM --xlsx`` writes one).

    Returns
    -------
    Case

    Raises
    ------
    CaseError
        With every problem found, each located by file, line and YAML path (workbooks: by cell).
    """
    path = Path(path)
    data, lines, early = read_case_data(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return build_checked(data, lines, early, path=str(path), sha256=digest)


def load_case_text(text: str, name: str = "<text>") -> Case:
    """Load a case from YAML text (for tests and notebooks)."""
    data, lines = load_yaml_text(text, name)
    return build_case(data, lines, path=name, sha256=hashlib.sha256(text.encode()).hexdigest())


def validate_case(path: str | Path) -> list[Problem]:
    """Return every problem in a case file (empty list: valid)."""
    try:
        load_case(path)
    except CaseError as exc:
        return exc.problems
    return []


