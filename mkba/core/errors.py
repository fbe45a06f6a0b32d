"""Errors that reach users as clear, located messages (never tracebacks)."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    cell : str or None
        Workbook cell when the input is a workbook, e.g. ``Parameters!D12``; shown instead of
        the YAML path.
    code, args : str and dict, optional
        A stable code of the kind of problem (e.g. ``xlsx.merged``) and the values in its
        message, so a face can word it in the user's language.
    """

    file: str
    path: str
    message: str
    line: int | None = None
    cell: str | None = None
    code: str | None = None
    args: dict[str, str] | None = field(default=None, compare=False, hash=False)

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}:{self.cell}: {self.message}"
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class MkbaError(Exception):
    """Base class for errors shown to users without a traceback."""


class CaseError(MkbaError):
    """A case file (or an option referring to it) is invalid; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
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

    def problem(self, path: YamlPath, message: str) -> Problem:
        return Problem(self.file, dotted(path), message, self.line(path))
