"""Reading case files into validated :class:`~mkba.core.case.Case` objects.

Loading resolves the format extensions that need files (DESIGN §11): ``include:`` (other
parameter files join the case) and ``dist: draws`` (values read from a draws file), then hands
plain data to the core's validation.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkba.core.errors import CaseError, LineMap, Problem
from mkba.data_in.draws import attach_draws
from mkba.data_in.includes import apply_includes, prune_bank
from mkba.data_in.yamlio import load_yaml, load_yaml_text

if TYPE_CHECKING:
    from mkba.core.case import Case


def build_case(*args: Any, **kwargs: Any) -> Case:
    """:func:`mkba.core.case.build_case`, imported on first use: a file refused while reading
    (too large, too deep, an alias bomb) is refused before numpy and scipy are loaded."""
    from mkba.core.case import build_case as build

    return build(*args, **kwargs)


def read_case_data(path: str | Path) -> tuple[Any, LineMap, list[Problem]]:
    """The plain data of a case file (YAML, or an ``.xlsx`` workbook in the case template),
    its location map, and problems found while reading that leave the rest checkable (a
    workbook's cells; a YAML file's Dutch-written numbers), so every problem is reported at once."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from mkba.data_in.xlsx import read_workbook

        return read_workbook(path)
    early: list[Problem] = []
    data, lines = load_yaml(path, soft=early)
    return data, lines, early


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


def _build(data: Any, lines: LineMap, early: list[Problem], path: Path, name: str, sha256: str) -> Case:
    """Resolve ``include:`` and draws files (DESIGN §11), then validate."""
    try:
        data, lines, included = apply_includes(data, lines, path)
        data = attach_draws(data, lines, path)
    except CaseError as exc:  # an include or draws file's problems, beside the reading problems
        from mkba.data_in.xlsx import combine

        raise CaseError(combine(early, exc.problems)) from None
    case = build_checked(data, lines, early, path=name, sha256=sha256)
    if included:
        case = dataclasses.replace(prune_bank(case, included), includes=tuple(str(i.path.resolve()) for i in included))
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
    return _build(data, lines, early, path, str(path), digest)


def load_case_and_data(path: str | Path) -> tuple[Any, Case]:
    """The plain data of a case file as written (``include:`` unresolved, for ``mkba convert``)
    and the validated case (includes and draws files resolved, as :func:`load_case`)."""
    path = Path(path)
    data, lines, early = read_case_data(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return data, _build(data, lines, early, path, str(path), digest)


def load_case_text(text: str, name: str = "<text>") -> Case:
    """Load a case from YAML text (for tests and notebooks); ``include:`` and draws files are
    resolved relative to the current folder."""
    early: list[Problem] = []
    data, lines = load_yaml_text(text, name, soft=early)
    return _build(data, lines, early, Path.cwd() / "case.yaml", name, hashlib.sha256(text.encode()).hexdigest())


def validate_case(path: str | Path) -> list[Problem]:
    """Return every problem in a case file (empty list: valid)."""
    try:
        load_case(path)
    except CaseError as exc:
        return exc.problems
    return []
