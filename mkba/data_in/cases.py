"""Reading case files into validated :class:`~mkba.core.case.Case` objects."""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkba.core.case import Case, build_case
from mkba.core.errors import CaseError, Problem
from mkba.data_in.yamlio import load_yaml, load_yaml_text


def load_case(path: str | Path) -> Case:
    """Load and validate a case file.

    Parameters
    ----------
    path : str or Path
        The YAML case file (format version 1).

    Returns
    -------
    Case

    Raises
    ------
    CaseError
        With every problem found, each located by file, line and YAML path.
    """
    path = Path(path)
    data, lines = load_yaml(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return build_case(data, lines, path=str(path), sha256=digest)


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


