"""Safe YAML loading that remembers where every value came from, within limits.

Case files are data, never code: only a safe loader is used (libyaml's when installed). Besides
the plain Python data, :func:`load_yaml` returns a map from YAML path (a tuple of keys and list
indices) to its 1-based line number, so validation errors can say ``file:line path``.

Hostile or mistaken input fails fast and small (the limits are listed in the README):

- files larger than :data:`MAX_FILE_BYTES` are refused before parsing;
- nesting deeper than :data:`MAX_DEPTH` is refused while the event stream is read;
- aliases are expanded with a budget: a document that would expand to more than
  :data:`MAX_NODES` values (a "billion laughs" file) is refused before it is built;
- duplicate keys, which PyYAML silently resolves to the last one, are reported;
- a plain number that looks like Dutch thousands notation (``2.200``, ``1.500.000``) or has a
  decimal comma (``0,35``) is refused with both readings and how to write it; quoting it
  (``"1.500.000"``) marks it as text on purpose;
- numbers must be finite and at most :data:`MAX_ABS` in size, so every product the model forms
  (volume × value × ramp-up × horizon) stays finite;
- YAML 1.2 floats without a dot (``1e6``, ``2E-3``) are read as numbers, as a reader expects.

Every problem carries a stable ``code`` and its ``params``; the faces render them in Dutch.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import yaml

from mkba.core.errors import CaseError, LineMap, Problem, YamlPath, dotted

MAX_FILE_BYTES = 5 * 1024 * 1024  # a large real case is ~50 kB
MAX_DEPTH = 32  # a case nests ~6 levels deep
MAX_NODES = 50_000  # values after alias expansion (a large case has ~2 000)
MAX_ABS = 1e12  # € 1 biljoen / 10^12 people: beyond anything a social-work MKBA holds

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_FLOAT_12 = re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$")
THOUSANDS = re.compile(r"^[-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+$")  # 2.200, 1.500.000 (not 0.350)
DECIMAL_COMMA = re.compile(r"^[-+]?[0-9]+,[0-9]+$")  # 0,35
THOUSANDS_COMMA = re.compile(r"^[-+]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+,[0-9]+$")  # 1.500,50


class CaseLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that also reads YAML 1.2 exponent floats (``1e6``) as numbers."""


CaseLoader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT_12, list("-+0123456789"))


def dutch_number_readings(text: str) -> tuple[str, str] | None:
    """If ``text`` looks like a Dutch-written number, return ``(as_dutch, as_written_in_yaml)``:
    the value a Dutch reader means, written the way YAML needs it, and how YAML would read
    the text as it stands (``None`` when it is not such a number)."""
    t = text.strip()
    if THOUSANDS.match(t):
        dutch = t.replace(".", "")
        parts = t.split(".")
        yaml_reading = repr(float(t)) if len(parts) == 2 else f"tekst '{t}'"
        return dutch, yaml_reading
    if THOUSANDS_COMMA.match(t):
        return t.replace(".", "").replace(",", "."), f"tekst '{t}'"
    if DECIMAL_COMMA.match(t):
        return t.replace(",", "."), f"tekst '{t}'"
    return None


def _problem(file: str, path: YamlPath, line: int | None, code: str, message: str, **params: Any) -> Problem:
    return Problem(file, dotted(path), message, line, code=code, params=tuple(params.items()))


def _check_depth(text: str, file: str) -> None:
    """Read the event stream once: refuse deep nesting and documents with too many values."""
    depth = 0
    for count, event in enumerate(yaml.parse(text, Loader=CaseLoader)):
        if count > MAX_NODES:  # more values than the budget even before aliases are expanded
            line = event.start_mark.line + 1 if event.start_mark else None
            raise CaseError([_problem(file, (), line, "yaml.too_big",
                                      f"the document holds more than {MAX_NODES} values", limit=MAX_NODES)])
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise CaseError([_problem(file, (), line, "yaml.too_deep",
                                          f"nested more than {MAX_DEPTH} levels deep; a case needs about 6",
                                          limit=MAX_DEPTH)])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _Walker:
    """Walks the node graph once, expanding aliases within a budget."""

    def __init__(self, file: str):
        self.file = file
        self.lines: dict[YamlPath, int] = {}
        self.problems: list[Problem] = []
        self.count = 0

    def add(self, path: YamlPath, line: int, code: str, message: str, **params: Any) -> None:
        self.problems.append(_problem(self.file, path, line, code, message, **params))

    def walk(self, node: yaml.Node, path: YamlPath) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise CaseError([_problem(self.file, path, node.start_mark.line + 1, "yaml.too_big",
                                      f"the document expands to more than {MAX_NODES} values (aliases '*' "
                                      "repeating anchors '&'?); write the values out or shorten the file",
                                      limit=MAX_NODES)])
        line = node.start_mark.line + 1
        if len(path) > MAX_DEPTH:  # only an alias that refers to itself gets here (the event check ran first)
            raise CaseError([_problem(self.file, path[:3], line, "yaml.too_deep",
                                      f"nested more than {MAX_DEPTH} levels deep", limit=MAX_DEPTH)])
        self.lines.setdefault(path, line)
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
                key_line = key_node.start_mark.line + 1
                if key in seen:
                    self.add(path + (key,), key_line, "yaml.duplicate_key",
                             f"duplicate key (first on line {seen[key]}); keep one", first=seen[key])
                seen[key] = key_line
                self.lines[path + (key,)] = key_line
                self.walk(value_node, path + (key,))
                self.lines[path + (key,)] = key_line
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.walk(item, path + (index,))
        elif isinstance(node, yaml.ScalarNode):
            self.scalar(node, path, line)

    def scalar(self, node: yaml.ScalarNode, path: YamlPath, line: int) -> None:
        if node.style not in (None, ""):  # quoted or block text: text on purpose
            return
        text = node.value
        readings = dutch_number_readings(text)
        if readings is not None:
            dutch, as_read = readings
            self.add(path, line, "number.dutch_text" if as_read.startswith("tekst") else "number.dutch",
                     f"'{text}' is ambiguous: read as {as_read}, but in Dutch it means {dutch}; "
                     f"write {dutch} (or {as_read} if that is meant), without thousands separators",
                     text=text, dutch=dutch, as_read=as_read)
            return
        if node.tag in ("tag:yaml.org,2002:float", "tag:yaml.org,2002:int"):
            value = _number(text)
            if value is None:
                return
            if not math.isfinite(value):
                self.add(path, line, "number.not_finite", f"'{text}' is not a finite number", text=text)
            elif abs(value) > MAX_ABS:
                self.add(path, line, "number.too_large",
                         f"{text} is implausibly large: numbers in a case are at most 1e12 in size",
                         text=text, limit="10^12")


def _number(text: str) -> float | None:
    """The value of a YAML 1.1/1.2 number scalar (``None`` for forms we do not check)."""
    t = text.replace("_", "").lower()
    if t in (".inf", "+.inf"):
        return math.inf
    if t == "-.inf":
        return -math.inf
    if t == ".nan":
        return math.nan
    try:
        return float(t)
    except ValueError:
        try:
            return float(int(t, 0))
        except ValueError:
            return None


SOFT_CODES = ("number.dutch", "number.dutch_text")  # the document is still whole: check the rest too


def load_yaml_text(text: str, file: str = "<text>", soft: list[Problem] | None = None) -> tuple[Any, LineMap]:
    """Parse YAML text safely within the limits; return ``(data, LineMap)`` or raise
    :class:`CaseError`. With a ``soft`` list, a Dutch-written number (``1.500,50``, ``2.200``)
    is added to it instead of stopping: the document is built as YAML reads it, so that the
    caller can report every other problem of the file at the same time."""
    if len(text) > MAX_FILE_BYTES:
        raise CaseError([_problem(file, (), None, "yaml.too_large_file",
                                  f"file is {len(text) / 1e6:.1f} MB; case files are at most "
                                  f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
                                  size_mb=len(text) / 1e6, limit_mb=MAX_FILE_BYTES // (1024 * 1024))])
    try:
        _check_depth(text, file)
        loader = CaseLoader(text)
        try:
            node = loader.get_single_node()
            walker = _Walker(file)
            if node is not None:
                walker.walk(node, ())
            if soft is not None:
                soft.extend(p for p in walker.problems if p.code in SOFT_CODES)
                walker.problems = [p for p in walker.problems if p.code not in SOFT_CODES]
            if walker.problems:
                raise CaseError(walker.problems)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = str(exc.problem or exc)
        if "nesting depth" in problem:  # libyaml's own limit (deeper than ours)
            raise CaseError([_problem(file, (), line, "yaml.too_deep", f"nested more than {MAX_DEPTH} levels deep",
                                      limit=MAX_DEPTH)]) from None
        raise CaseError([_problem(file, (), line, "yaml.invalid", f"not valid YAML: {problem}",
                                  detail=problem)]) from None
    except yaml.YAMLError as exc:
        raise CaseError([_problem(file, (), None, "yaml.invalid", f"not valid YAML: {exc}", detail=str(exc))]) from None
    except RecursionError:
        raise CaseError([_problem(file, (), None, "yaml.too_deep", f"nested more than {MAX_DEPTH} levels deep",
                                  limit=MAX_DEPTH)]) from None
    return data, LineMap(file, walker.lines)


def load_yaml(path: str | Path, soft: list[Problem] | None = None) -> tuple[Any, LineMap]:
    """Read and parse a YAML file; a missing, unreadable or too large file is a :class:`CaseError`
    (``soft``: see :func:`load_yaml_text`)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise CaseError([_problem(str(path), (), None, "file.is_dir", "is a folder, not a case file")])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CaseError([_problem(str(path), (), None, "yaml.too_large_file",
                                      f"file is {size / 1e6:.1f} MB; case files are at most "
                                      f"{MAX_FILE_BYTES // (1024 * 1024)} MB",
                                      size_mb=size / 1e6, limit_mb=MAX_FILE_BYTES // (1024 * 1024))])
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseError([_problem(str(path), (), None, "file.not_found", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise CaseError([_problem(str(path), (), None, "file.not_utf8",
                                  f"cannot read file: not UTF-8 text ({exc.reason} at byte {exc.start})",
                                  byte=exc.start)]) from None
    except OSError as exc:
        import errno

        raise CaseError([_problem(str(path), (), None, "file.unreadable", f"cannot read file: {exc.strerror or exc}",
                                  reason=errno.errorcode.get(exc.errno or -1, str(exc.strerror or exc)))]) from None
    return load_yaml_text(text, str(path), soft)
