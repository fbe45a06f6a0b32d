"""``include:`` (DESIGN §11): parameters and sources from other files join a case.

A case may say ``include: [data/substitutie.yaml, mkba:kostprijzen]``. Paths are relative to the
case file; ``mkba:NAME`` names a file bundled with the package (``mkba/resources/NAME.yaml``).
An included file holds top-level ``sources:`` and ``parameters:`` (and optionally ``mkba: 1``
and an ``estimate:`` block of provenance written by ``mkba estimate``, which is not merged).
A file that says ``bank: true`` (the value bank ``mkba:waarden``, DESIGN §19) is a catalogue: only
its parameters that the case uses join the case (:func:`prune_bank`), and only the sources those
use.
A name defined twice is an error naming both places. An included money parameter (``unit: EUR
…``) with a ``price_year`` other than the case's is brought to the case's price year by the CPI
(its note says so). Problems inside an included file are
reported with THAT file's name and line: :class:`FilesLineMap` knows which file each
parameter and source came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkba.core.errors import CaseError, LineMap, Problem, YamlPath, dotted
from mkba.data_in.yamlio import load_yaml

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
BUNDLED_PREFIX = "mkba:"
INCLUDE_KEYS = ("mkba", "sources", "parameters", "estimate", "bank")
MERGED = ("sources", "parameters")


class FilesLineMap(LineMap):
    """A :class:`LineMap` over several files: paths under an owned prefix (e.g.
    ``("parameters", "substitutie")``) are located in the file that defined them; every other
    path behaves exactly as in the case file's own map."""

    def __init__(self, main: LineMap, owners: dict[YamlPath, LineMap]):
        super().__init__(main.file, main._lines)
        self._main = main  # a workbook's map locates by cell: ask it, not the plain line map
        self._owners = owners

    def _map(self, path: YamlPath) -> LineMap | None:
        path = tuple(path)
        for n in range(len(path), 0, -1):
            owner = self._owners.get(path[:n])
            if owner is not None:
                return owner
        return None

    def file_of(self, path: YamlPath) -> str:
        owner = self._map(path)
        return owner.file if owner is not None else self.file

    def line(self, path: YamlPath) -> int | None:
        owner = self._map(path)
        return owner.line(path) if owner is not None else self._main.line(path)

    def problem(self, path: YamlPath, message: str, code: str = "", **params: Any) -> Problem:
        owner = self._map(path)
        if owner is None:
            return self._main.problem(path, message, code, **params)
        return Problem(owner.file, dotted(path), message, owner.line(path), code, tuple(params.items()))


@dataclass(frozen=True)
class Included:
    """One included file: where it was named, its resolved path and its parsed content."""

    name: str
    path: Path
    data: dict
    lines: LineMap


def resolve_include(name: str, case_dir: Path) -> Path:
    """The file an ``include:`` entry names (``mkba:NAME`` → bundled resource)."""
    if name.startswith(BUNDLED_PREFIX):
        return RESOURCES / f"{name[len(BUNDLED_PREFIX):]}.yaml"
    path = Path(name)
    return path if path.is_absolute() else case_dir / path


def apply_includes(data: Any, lines: LineMap, case_path: Path) -> tuple[Any, LineMap, tuple[Included, ...]]:
    """Merge the files named by ``include:`` into ``data`` (which is not modified).

    Returns the merged data (without ``include``), a :class:`FilesLineMap` and the included
    files; raises :class:`CaseError` with every problem found.
    """
    if not isinstance(data, dict) or "include" not in data:
        return data, lines, ()
    problems: list[Problem] = []
    raw = data["include"]
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise CaseError([lines.problem(("include",), "must be a list of file names, e.g. [data/substitutie.yaml]",
                                       "include.not_list")])
    merged = {k: v for k, v in data.items() if k != "include"}
    owners: dict[YamlPath, LineMap] = {}
    defined: dict[tuple[str, str], str] = {}
    for section in MERGED:
        merged[section] = dict(data.get(section) or {}) if isinstance(data.get(section) or {}, dict) else data.get(section)
        if isinstance(merged[section], dict):
            for key in merged[section]:
                defined[(section, key)] = _where(lines, (section, key))
    included = []
    for index, name in enumerate(raw):
        path = resolve_include(name, case_path.parent)
        if name.startswith(BUNDLED_PREFIX) and not path.exists():
            known = sorted(p.stem for p in RESOURCES.glob("*.yaml") if p.stem != "template")
            bundled = ", ".join(BUNDLED_PREFIX + k for k in known) or "-"
            problems.append(lines.problem(("include", index), f"no bundled file '{name}' (looked for {path.name} in "
                                          f"mkba/resources; bundled: {bundled})", "include.bundled_missing",
                                          name=name, looked=path.name, known=bundled))
            continue
        if not path.exists():
            problems.append(lines.problem(("include", index), f"included file not found: {path}",
                                          "include.not_found", file=str(path)))
            continue
        try:
            sub, sub_lines = load_yaml(path)
        except CaseError as exc:
            problems += exc.problems
            continue
        if not isinstance(sub, dict):
            problems.append(sub_lines.problem((), "an included file must be a mapping with 'sources:' and/or 'parameters:'",
                                              "include.not_mapping"))
            continue
        if "mkba" in sub and sub["mkba"] != 1:
            problems.append(sub_lines.problem(("mkba",), f"format version {sub['mkba']!r} is not supported; this mkba reads version 1",
                                              "include.version", version=str(sub["mkba"])))
        for key in sub:
            if key not in INCLUDE_KEYS:
                problems.append(sub_lines.problem((key,), f"not allowed in an included file; allowed: {', '.join(INCLUDE_KEYS)}",
                                                  "include.key_not_allowed", allowed=", ".join(INCLUDE_KEYS)))
        for section in MERGED:
            block = sub.get(section)
            if block is None:
                continue
            if not isinstance(block, dict):
                problems.append(sub_lines.problem((section,), "must be a mapping", "include.section_not_mapping"))
                continue
            target = merged.get(section)
            if not isinstance(target, dict):
                continue
            for key, value in block.items():
                here = _where(sub_lines, (section, key))
                if (section, key) in defined:
                    problems.append(sub_lines.problem(
                        (section, key), f"'{key}' is defined twice: here and at {defined[(section, key)]}; keep one",
                        "include.defined_twice", name=str(key), other=defined[(section, key)]))
                    continue
                defined[(section, key)] = here
                target[key] = value
                owners[(section, key)] = sub_lines
        included.append(Included(name, path, sub, sub_lines))
    problems += _index_prices(merged, owners, data.get("case"), lines)
    if problems:
        raise CaseError(problems)
    return merged, FilesLineMap(lines, owners), tuple(included)


def _index_prices(merged: dict, owners: dict[YamlPath, LineMap], case: Any, lines: LineMap) -> list[Problem]:
    """Included money parameters in another price year than the case's are brought to the
    case's ``price_year`` by the CPI (:func:`mkba.data_in.unit_costs.index_to_price_year`): a
    record with ``unit: EUR …`` and a ``price_year`` of its own. Parameters the case defines
    itself are left as written. Returns the problems (a year outside the CPI table, a
    distribution that cannot be scaled), located in the included file."""
    target = case.get("price_year") if isinstance(case, dict) else None
    parameters = merged.get("parameters")
    if not isinstance(target, int) or isinstance(target, bool) or not isinstance(parameters, dict):
        return []  # no price year (or an invalid one, reported by the case's own validation)
    from mkba.core.errors import MkbaError
    from mkba.data_in.unit_costs import index_to_price_year, load_cpi

    todo = []
    for name, record in parameters.items():
        owner = owners.get(("parameters", name))
        if owner is None or not isinstance(record, dict):
            continue
        year, unit = record.get("price_year"), str(record.get("unit") or "")
        if isinstance(year, int) and not isinstance(year, bool) and year != target and unit.upper().startswith("EUR"):
            todo.append((name, record, owner))
    if not todo:
        return []
    cpi = load_cpi()
    try:
        cpi.factor(target, target)
    except MkbaError as exc:  # the case's own price year: one problem, in the case file
        return [lines.problem(("case", "price_year"), str(exc), getattr(exc, "code", ""), **getattr(exc, "params", {}))]
    problems = []
    for name, record, owner in todo:
        try:
            parameters[name] = index_to_price_year(record, target, cpi)
        except MkbaError as exc:
            problems.append(owner.problem(("parameters", name, "price_year"), str(exc), getattr(exc, "code", ""),
                                          **getattr(exc, "params", {})))
    return problems


def bank_entries(included: tuple[Included, ...]) -> tuple[set[str], set[str]]:
    """Parameter and source names that came from included files marked ``bank: true``."""
    params: set[str] = set()
    sources: set[str] = set()
    for inc in included:
        if inc.data.get("bank") is True:
            params |= set(inc.data.get("parameters") or {})
            sources |= set(inc.data.get("sources") or {})
    return params, sources


def prune_bank(case: Any, included: tuple[Included, ...]) -> Any:
    """``case`` without the value-bank entries it does not use (baseline, scenarios, correlations
    and groups count as use), and without the bank's sources nothing refers to any more. The
    random streams are keyed by parameter name, so dropping entries changes no other draw."""
    import dataclasses

    from mkba.core.case import apply_scenario

    params, sources = bank_entries(included)
    if not params:
        return case
    used = set(case.used_parameters())
    for sid in case.scenarios:
        used |= set(apply_scenario(case, sid).used_parameters())
    used |= {n for a, b, _ in case.correlations for n in (a, b)}
    used |= {n for members in case.groepen.values() for n in members}
    kept = {n: spec for n, spec in case.parameters.items() if n not in params or n in used}
    referred = {spec.source for spec in kept.values()}
    referred |= {line.source for line in (*case.costs, *case.effects)}
    referred |= {p.source for p in case.pm_posten}
    for scen in case.scenarios.values():
        referred |= {scen.source, *(spec.source for _, spec in scen.set), *(spec.source for _, spec in scen.add_parameters)}
        referred |= {line.source for line in (*scen.add_costs, *scen.add_effects)}
    kept_sources = {k: v for k, v in case.sources.items() if k not in sources or k in referred}
    return dataclasses.replace(case, parameters=kept, sources=kept_sources)


def _where(lines: LineMap, path: YamlPath) -> str:
    line = lines.line(path)
    return f"{lines.file}:{line}" if line else lines.file


def file_of(lines: LineMap, path: YamlPath) -> str:
    """The file a YAML path of a (possibly merged) case came from."""
    return lines.file_of(path) if isinstance(lines, FilesLineMap) else lines.file
