"""Safe YAML loading that remembers where every value came from.

Case files are data, never code: only :class:`yaml.SafeLoader` is used. Besides the plain
Python data, :func:`load_yaml` returns a map from YAML path (a tuple of keys and list
indices) to its 1-based line number, so validation errors can say ``file:line path``.
Duplicate keys, which PyYAML silently resolves to the last one, are reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mkba.core.errors import CaseError, LineMap, Problem, YamlPath, dotted


def _walk(node: yaml.Node, path: YamlPath, lines: dict, problems: list, file: str) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            if key in seen:
                problems.append(
                    Problem(file, dotted(path + (key,)),
                            f"duplicate key (first on line {seen[key]}); keep one", key_node.start_mark.line + 1)
                )
            seen[key] = key_node.start_mark.line + 1
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines, problems, file)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines, problems, file)


def load_yaml_text(text: str, file: str = "<text>") -> tuple[Any, LineMap]:
    """Parse YAML text safely; return ``(data, LineMap)`` or raise :class:`CaseError`."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506 - SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise CaseError([Problem(file, "", f"not valid YAML: {exc.problem or exc}", line)]) from None
    except yaml.YAMLError as exc:
        raise CaseError([Problem(file, "", f"not valid YAML: {exc}")]) from None
    lines: dict[YamlPath, int] = {}
    problems: list[Problem] = []
    if node is not None:
        _walk(node, (), lines, problems, file)
    if problems:
        raise CaseError(problems)
    return data, LineMap(file, lines)


def load_yaml(path: str | Path) -> tuple[Any, LineMap]:
    """Read and parse a YAML file; a missing or unreadable file is a :class:`CaseError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseError([Problem(str(path), "", "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError([Problem(str(path), "", f"cannot read file: {exc}")]) from None
    return load_yaml_text(text, str(path))
