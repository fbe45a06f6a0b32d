"""Errors that reach users as clear, located messages (never tracebacks).

Every error carries a stable ``code`` and the numbers it quotes (``params``); its English
``str()`` is the plain fallback for Python users. The faces word the code in Dutch
(:mod:`mkba.faces.text_nl`); nothing here depends on which face is loaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we can.

    Attributes
    ----------
    file : str
        The file the problem is in.
    path : str
        Dotted YAML path, e.g. ``parameters.substitutie.max``.
    message : str
        What is wrong and what would be right.
    line : int or None
        1-based line number in ``file`` when known.
    code : str
        Stable identifier of the kind of problem (e.g. ``dist.max_below_mode``); empty when
        the problem has none. The faces render ``code`` + ``params`` in Dutch
        (``mkba.faces.text_nl``); ``message`` is the plain fallback.
    params : tuple of (name, value)
        The values the message quotes (numbers as numbers, names as strings).

    ``str(problem)`` is the plain form (:meth:`plain`); a face words it (in Dutch:
    :func:`mkba.faces.text_nl.render_problem`).
    cell : str or None
        Workbook cell when the input is a workbook, e.g. ``Parameters!D12`` (or a whole sheet,
        ``Parameters``); shown instead of the line and YAML path: ``case.xlsx:Parameters!D12: …``.
    """

    file: str
    path: str
    message: str
    line: int | None = None
    code: str = ""
    params: tuple[tuple[str, Any], ...] = ()
    cell: str | None = None

    def __str__(self) -> str:
        return self.plain()

    def plain(self) -> str:
        """``file:line path: message`` (workbooks: ``file:Sheet!A1: message``) with the core's
        own (fallback) wording."""
        if self.cell:
            return f"{self.where}: {self.message}"
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} {self.path}: {self.message}" if self.path else f"{where}: {self.message}"

    @property
    def where(self) -> str:
        """``file:line`` or ``file:Sheet!A1`` (or just the file when neither is known)."""
        if self.cell:
            return f"{self.file}:{self.cell}"
        return f"{self.file}:{self.line}" if self.line else self.file



class MkbaError(Exception):
    """Base class for errors shown to users without a traceback.

    ``code`` and ``params`` (optional) let the faces render the message in Dutch; ``str()``
    is the plain fallback message.
    """

    def __init__(self, message: str = "", code: str = "", **params: Any):
        super().__init__(message)
        self.code = code
        self.params = params


class CaseError(MkbaError):
    """A case file (or an option referring to it) is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        unique: list[Problem] = []
        for p in problems:  # each problem once, in the order found
            if p not in unique:
                unique.append(p)
        self.problems = unique
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(MkbaError):
    """A command-line or API argument is invalid (unknown scenario, bad draw count, ...)."""


# Locations: a path of keys and list indices into a case (YAML or a workbook), with its line.
YamlPath = tuple[Any, ...]


def dotted(path: YamlPath) -> str:
    """Format a YAML path tuple as ``a.b[2].c``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class LineMap:
    """Line numbers of YAML paths; unknown paths fall back to the nearest known parent."""

    def __init__(self, file: str, lines: dict[YamlPath, int]):
        self.file = file
        self._lines = lines

    def line(self, path: YamlPath) -> int | None:
        path = tuple(path)
        while True:
            if path in self._lines:
                return self._lines[path]
            if not path:
                return None
            path = path[:-1]

    def problem(self, path: YamlPath, message: str, code: str = "", **params: Any) -> Problem:
        return Problem(self.file, dotted(path), message, self.line(path), code, tuple(params.items()))


class Invalid(ValueError):
    """A ``ValueError`` with a stable code and parameters (raised inside validators; the
    collector turns it into a :class:`Problem` the faces can render in Dutch)."""

    def __init__(self, code: str, message: str, **params: Any):
        super().__init__(message)
        self.code = code
        self.params = params
