"""The bundled unit-cost table (``mkba/resources/kostprijzen.yaml``) and CPI table
(``mkba/resources/cpi.yaml``): load them, and bring a price to a case's ``price_year``.

Indexing uses the ratio of CBS annual-average consumer price indices (2015 = 100):
a price ``p`` of price year ``a`` is worth ``p · CPI[b] / CPI[a]`` in prices of year ``b``.
Only money fields of a parameter record are scaled (``value``, ``min``, ``mode``, ``max``,
``mean``, ``sd``, ``base``, ``values``, gamma's ``scale``); shapes and probabilities are not.

>>> from mkba.data_in.unit_costs import load_cpi, indexed_parameters
>>> round(load_cpi().factor(2022, 2024), 3)
1.073
>>> indexed_parameters(2024)["prijs_begeleiding_uur"]["mode"]   # € 64 of 2022 in 2024 prices
68.65

References
----------
.. [1] CBS StatLine 83131NED, Consumentenprijzen; prijsindex 2015=100 (annual figures).
.. [2] Zorginstituut Nederland (2024), Kostenhandleiding, herziene versie (prijspeil 2022).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkba.core.distributions import ParameterSpec, parse_parameter
from mkba.core.errors import CaseError, UsageError
from mkba.data_in.yamlio import load_yaml

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
UNIT_COST_FILE = RESOURCES / "kostprijzen.yaml"
CPI_FILE = RESOURCES / "cpi.yaml"

#: Fields of a parameter record that hold money (and so scale with the price level).
MONEY_FIELDS = ("value", "min", "mode", "max", "mean", "sd", "base", "scale")
#: Families whose money fields can be scaled linearly without changing their meaning.
SCALABLE = ("fixed", "uniform", "triangular", "pert", "normal", "lognormal", "gamma", "empirical", "discrete")


@dataclass(frozen=True)
class CpiTable:
    """CBS CPI annual averages (``index[year]``, base year = 100) with the published annual
    rates (``jaarmutatie``, %) and cited factors ``(from, to, factor, citation)``."""

    base: int
    index: dict[int, float]
    jaarmutatie: dict[int, float]
    factoren: tuple[tuple[int, int, float, str], ...]
    verified: tuple[int, ...]
    source: str
    #: The sentence added to an indexed record's note (``{own}``, ``{to}``, ``{factor}``), from the table's file.
    indexed_note: str = "{own} -> {to} (CPI {factor:.4f})."

    @property
    def years(self) -> list[int]:
        return sorted(self.index)

    def factor(self, from_year: int, to_year: int) -> float:
        """CPI[to_year] / CPI[from_year]: multiply a price of ``from_year`` by this to express
        it in prices of ``to_year``."""
        for year in (from_year, to_year):
            if year not in self.index:
                raise UsageError(f"no CPI annual figure for {year} in {CPI_FILE.name}; "
                                 f"available: {self.years[0]}-{self.years[-1]}", "cpi.no_year",
                                 year=year, first=self.years[0], last=self.years[-1])
        return self.index[to_year] / self.index[from_year]

    def to_price_year(self, amount: float, from_year: int, to_year: int) -> float:
        """An amount in euros of ``from_year`` expressed in euros of ``to_year``."""
        return amount * self.factor(from_year, to_year)


@dataclass(frozen=True)
class CatalogueEntry:
    """One entry of a catalogue file (unit costs, value bank): its name, raw record (as in the
    file) and validated spec."""

    name: str
    record: dict[str, Any]
    spec: ParameterSpec


@dataclass(frozen=True)
class UnitCost(CatalogueEntry):
    """One entry of the unit-cost table."""

    @property
    def price_year(self) -> int:
        return int(self.spec.price_year)  # validated present at load


@dataclass(frozen=True)
class UnitCostTable:
    sources: dict[str, str]
    entries: dict[str, UnitCost]


def load_cpi(path: str | Path = CPI_FILE) -> CpiTable:
    """Load and check the CPI table (years consecutive, positive, base year = 100)."""
    data, lines = load_yaml(path)
    problems = []
    index = {int(y): float(v) for y, v in (data.get("index") or {}).items()}
    base = data.get("base")
    if not index:
        problems.append(lines.problem(("index",), "the CPI table needs 'index: {year: level}'", "cpi.no_index"))
    elif base not in index or abs(index[base] - 100.0) > 1e-9:
        problems.append(lines.problem(("base",), f"the base year ({base}) must be in 'index' with level 100",
                                      "cpi.base", base=base))
    years = sorted(index)
    if years and years != list(range(years[0], years[-1] + 1)):
        problems.append(lines.problem(("index",), "years must be consecutive (no gaps)", "cpi.gap"))
    for y, v in index.items():
        if not v > 0:
            problems.append(lines.problem(("index", y), f"index level must be > 0 (got {v})", "cpi.level", got=v))
    if problems:
        raise CaseError(problems)
    factoren = tuple((int(f["van"]), int(f["naar"]), float(f["factor"]), str(f["bron"]))
                     for f in data.get("factoren") or [])
    return CpiTable(base=int(base), index=index,
                    jaarmutatie={int(y): float(v) for y, v in (data.get("jaarmutatie") or {}).items()},
                    factoren=factoren, verified=tuple(int(y) for y in data.get("verified") or ()),
                    source=str(data.get("source", "")),
                    **({"indexed_note": str(data["indexed_note"])} if data.get("indexed_note") else {}))


@dataclass
class Catalogue:
    """A catalogue file read entry by entry (the unit costs, the value bank): its ``sources:``,
    each entry's raw record and parsed spec, the problems found so far, and the line map for
    the caller's own checks."""

    sources: dict[str, str]
    entries: dict[str, tuple[dict[str, Any], ParameterSpec]]
    problems: list
    lines: Any


def read_catalogue(path: str | Path, code: str, what: str, required: tuple[str, ...],
                   check: Callable[[Any, tuple, ParameterSpec], list] | None = None) -> Catalogue:
    """The check both catalogues share: every entry under ``parameters:`` parses as a
    parameter, states each field in ``required`` and cites a source declared under
    ``sources:``. Problems carry ``{code}.invalid`` / ``{code}.missing`` / ``ref.source``;
    ``check(lines, where, spec)`` adds the catalogue's own problems per entry. Nothing is
    raised here: the caller adds its file-wide checks and raises one :class:`CaseError`."""
    data, lines = load_yaml(path)
    problems: list = []
    sources = {str(k): str(v) for k, v in (data.get("sources") or {}).items()}
    entries: dict[str, tuple[dict[str, Any], ParameterSpec]] = {}
    for name, record in (data.get("parameters") or {}).items():
        where = ("parameters", name)
        try:
            spec = parse_parameter(record)
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            first = str(exc).splitlines()[0]
            problems.append(lines.problem(where, first, f"{code}.invalid", detail=first))
            continue
        for field_name in required:
            if getattr(spec, field_name) is None:
                problems.append(lines.problem(where, f"missing '{field_name}': every {what} states "
                                                     f"{', '.join(required)}", f"{code}.missing", field=field_name))
        if spec.source is not None and spec.source not in sources:
            problems.append(lines.problem(where + ("source",), f"unknown source '{spec.source}'; declare it under 'sources:'",
                                          "ref.source", name=spec.source, known=", ".join(sources) or "–"))
        if check is not None:
            problems += check(lines, where, spec)
        entries[name] = (dict(record), spec)
    return Catalogue(sources, entries, problems, lines)


def load_unit_costs(path: str | Path = UNIT_COST_FILE) -> UnitCostTable:
    """Load the unit-cost table; every entry must parse as a parameter and carry a ``unit``,
    a ``source`` that resolves in ``sources:``, a ``price_year`` and a ``note``."""
    cat = read_catalogue(path, "unitcost", "unit cost", ("unit", "source", "price_year", "note"))
    if cat.problems:
        raise CaseError(cat.problems)
    return UnitCostTable(sources=cat.sources,
                         entries={name: UnitCost(name, record, spec) for name, (record, spec) in cat.entries.items()})


def index_record(record: dict[str, Any], factor: float, *, decimals: int = 2) -> dict[str, Any]:
    """A copy of a parameter record with its money fields multiplied by ``factor`` (rounded to
    ``decimals``, i.e. cents by default)."""
    dist = record.get("dist", "fixed" if "value" in record else None)
    if dist not in SCALABLE:
        raise UsageError(f"cannot index a '{dist}' parameter by a price factor; give its money fields by hand",
                         "unitcost.not_scalable", dist=str(dist))
    out = dict(record)
    for key in MONEY_FIELDS:
        if key == "scale" and dist != "gamma":
            continue
        if key in out and isinstance(out[key], int | float) and not isinstance(out[key], bool):
            out[key] = round(float(out[key]) * factor, decimals)
    if "values" in out and dist in ("empirical", "discrete"):
        out["values"] = [round(float(v) * factor, decimals) for v in out["values"]]
    return out


def indexed_parameters(price_year: int, names: list[str] | None = None, *,
                       table: UnitCostTable | None = None, cpi: CpiTable | None = None) -> dict[str, dict]:
    """The unit-cost records (all, or ``names``) brought to prices of ``price_year``; each gets
    ``price_year`` set and a sentence appended to its note saying how it was indexed."""
    table = table or load_unit_costs()
    cpi = cpi or load_cpi()
    unknown = [n for n in names or () if n not in table.entries]
    if unknown:
        raise UsageError(f"unknown unit cost(s): {', '.join(unknown)}; known: {', '.join(table.entries)}",
                         "unitcost.unknown", names=", ".join(unknown), known=", ".join(table.entries))
    return {name: index_to_price_year(table.entries[name].record, price_year, cpi)
            for name in names or list(table.entries)}


def index_to_price_year(record: dict[str, Any], price_year: int, cpi: CpiTable | None = None) -> dict[str, Any]:
    """A copy of a parameter record with a ``price_year`` of its own, brought to prices of
    ``price_year`` by the CPI: money fields multiplied, ``price_year`` set, and a sentence added
    to its note saying how (nothing changes when the years agree). Raises :class:`UsageError`
    (``cpi.no_year``, ``unitcost.not_scalable``)."""
    cpi = cpi or load_cpi()
    own = int(record["price_year"])
    f = cpi.factor(own, price_year)
    rec = index_record(record, f)
    rec["price_year"] = price_year
    if own != price_year:
        indexed = cpi.indexed_note.format(own=own, to=price_year, factor=f)
        rec["note"] = f"{str(record.get('note') or '').rstrip()} {indexed}".lstrip()
    return rec


__all__ = ["Catalogue", "CatalogueEntry", "CpiTable", "UnitCost", "UnitCostTable", "load_cpi", "load_unit_costs", "read_catalogue", "index_record",
           "index_to_price_year", "indexed_parameters", "CPI_FILE", "UNIT_COST_FILE"]
