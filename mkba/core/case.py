"""The case (format version 1): its records, their validation, and scenario overlays.

This module owns what a case *is*: one frozen, validated record per concept of the format
(:class:`CaseInfo`, :class:`Cost`, :class:`Effect`, :class:`PmPost`, :class:`ScenarioIn` /
:class:`Scenario`; parameters are :mod:`mkba.core.distributions` records), the :class:`Case`
that holds them, :func:`build_case`, which validates parsed data into a :class:`Case` or raises
:class:`~mkba.core.errors.CaseError` carrying *every* problem found (each located as
``FILE:LINE yaml.path``, with a code and its numbers), and :func:`apply_scenario`. Reading files
(YAML, workbooks, includes, draws files) is :mod:`mkba.data_in` (``load_case`` lives in
:mod:`mkba.data_in.cases`); the core never opens a file.

A *quantity* is a number, the name of a parameter, or (where a per-year list is allowed) a
list of those with one entry per year of the horizon; a record stores it as a float, a str or
a tuple. A *split* (``payer``, ``beneficiaries``) is stored as ``((stakeholder, share), ...)``.

References
----------
.. [1] ``shared/DESIGN.md`` §2 (the public contract for the case format).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

from mkba.core.distributions import ParameterSpec, parse_parameter
from mkba.core.errors import CaseError, Invalid, LineMap, Problem, UsageError, YamlPath

FORMAT_VERSION = 1
REST = "rest"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"

# Plausible ranges (README "Grenzen"): with these every product the model forms
# (volume × value × ramp-up × (1 + bias) × discount factor, summed over ≤ 200 years) stays finite.
YEAR_RANGE = (1950, 2100)
HORIZON_RANGE = (1, 200)
MAX_AMOUNT = 1e11  # € 100 miljard per year or per unit
MAX_VOLUME = 1e9  # units per year (people, contacts, nights)
MAX_MULTIPLIER = 1e3  # ramp-up factors
DISCOUNT_RANGE = (-0.5, 1.0)

Scalar = float | str
Quantity = float | str | tuple[float | str, ...]
Split = tuple[tuple[str, float | str], ...]  # ((stakeholder, share | parameter | "rest"), ...)


# --------------------------------------------------------------------------------------------
# Records: each concept of the format defined once, validated and immutable at once. Validators
# check the YAML's shape (cross-references are checked afterwards, by _RefChecker) and normalise
# into the forms the model reads: a quantity becomes a number, a name or a tuple; a split a
# tuple of (stakeholder, share) pairs.
# --------------------------------------------------------------------------------------------
class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _scalar(value: Any) -> Scalar:
    return value if isinstance(value, str) else float(value)


def _quantity(value: Any) -> Quantity:
    if isinstance(value, list | tuple):
        return tuple(_scalar(v) for v in value)
    return _scalar(value)


def _scalars(value: Any) -> tuple[Scalar, ...] | None:
    return None if value is None else tuple(_scalar(v) for v in value)


def _split_in(value: Any) -> Any:
    """A split given in its normalised form (pairs) reads like the mapping it came from."""
    return dict(value) if isinstance(value, tuple) else value


def _split(value: Any) -> Split:
    if isinstance(value, str):
        return ((value, 1.0),)
    return tuple((k, v if isinstance(v, str) else float(v)) for k, v in value.items())


#: A number or a parameter name (stored as float | str).
ScalarIn = Annotated[float | str, AfterValidator(_scalar)]
#: A scalar or a per-year list of scalars (stored as float | str | tuple).
QuantityIn = Annotated[float | str | list[float | str], AfterValidator(_quantity)]
#: One stakeholder id, or ``{stakeholder: share | parameter | "rest"}`` (stored as pairs).
SplitIn = Annotated[str | dict[str, float | str], BeforeValidator(_split_in), AfterValidator(_split)]


def form(kind: str) -> dict[str, Any]:
    """Field metadata saying how a value is written when it is not plain text (``id``,
    ``scalar``, ``quantity``, ``split``, ``list``, ``years``, ``int``); the workbook layout
    (:mod:`mkba.data_in.xlsx`) reads its columns from it, so a new field is declared once."""
    return {"form": kind}


class CaseInfo(_Record):
    id: str = Field(pattern=ID_PATTERN)
    title: str
    start_year: int
    horizon: int
    price_year: int | None = None
    discount_rate: float | str = 0.0225
    optimism_bias: dict[Literal["costs", "benefits"], float | str] = Field(default_factory=dict)
    description: str | None = None

    @model_validator(mode="after")
    def _plausible_years(self) -> CaseInfo:
        low, high = YEAR_RANGE
        for name in ("start_year", "price_year"):
            year = getattr(self, name)
            if year is not None and not low <= year <= high:
                raise Invalid("case.year_range", f"{name} {year} is not plausible: use a year from {low} to {high}",
                              field=name, year=year, low=low, high=high)
        if not HORIZON_RANGE[0] <= self.horizon <= HORIZON_RANGE[1]:
            raise Invalid("case.horizon_range", f"horizon {self.horizon} is not plausible: use 1 to "
                          f"{HORIZON_RANGE[1]} years", horizon=self.horizon, low=HORIZON_RANGE[0], high=HORIZON_RANGE[1],
                          field="horizon")
        return self


class Cost(_Record):
    """A cost line: ``amount`` per year, paid by ``payer`` (one stakeholder or shares).

    ``scope`` (optional) says what the amount covers: ``organisatie`` (the whole organisation's
    budget) or ``diensten`` (only the services whose effects the case models). ``aandeel`` is the
    share of an organisation budget that the modelled services account for (a quantity in
    [0, 1]; the model charges ``amount × aandeel``); giving it implies ``scope: organisatie``.
    """

    id: str = Field(pattern=ID_PATTERN, json_schema_extra=form("id"))
    label: str
    amount: QuantityIn = Field(json_schema_extra=form("quantity"))
    payer: SplitIn = Field(json_schema_extra=form("split"))
    years: tuple[int, int] | None = Field(default=None, json_schema_extra=form("years"))
    category: str | None = None
    source: str | None = Field(default=None, json_schema_extra=form("id"))
    note: str | None = None
    scope: Literal["organisatie", "diensten"] | None = Field(default=None, json_schema_extra=form("id"))
    aandeel: ScalarIn | None = Field(default=None, json_schema_extra=form("scalar"))
    # this line's cost uplift, overriding the case's (Green Book: capital and operating costs carry
    # different uplifts, a risk-management cost none; DESIGN §19)
    optimism_bias: ScalarIn | None = Field(default=None, json_schema_extra=form("scalar"))

    @model_validator(mode="before")
    @classmethod
    def _aandeel_implies_organisation(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("aandeel") is not None and data.get("scope") is None:
            return {**data, "scope": "organisatie"}
        return data


class Effect(_Record):
    """An effect line; see DESIGN §3 for how each field enters the model."""

    id: str = Field(pattern=ID_PATTERN, json_schema_extra=form("id"))
    label: str
    category: str
    kind: Literal["fiscal", "economic", "social"] = Field(json_schema_extra=form("id"))
    volume: QuantityIn = Field(json_schema_extra=form("quantity"))
    ramp_up: Annotated[list[float | str] | None, AfterValidator(_scalars)] = Field(
        default=None, json_schema_extra=form("list"))
    share: ScalarIn = Field(default=1.0, json_schema_extra=form("scalar"))
    deadweight: ScalarIn = Field(default=0.0, json_schema_extra=form("scalar"))
    attribution: ScalarIn = Field(default=1.0, json_schema_extra=form("scalar"))
    displacement: ScalarIn = Field(default=0.0, json_schema_extra=form("scalar"))
    value: ScalarIn = Field(json_schema_extra=form("scalar"))
    lag: int = Field(default=0, ge=0, json_schema_extra=form("int"))
    persistence: int = Field(default=1, ge=1, json_schema_extra=form("int"))
    drop_off: ScalarIn = Field(default=0.0, json_schema_extra=form("scalar"))
    beneficiaries: SplitIn = Field(json_schema_extra=form("split"))
    unit: str | None = None
    source: str | None = Field(default=None, json_schema_extra=form("id"))
    note: str | None = None
    # this line's benefit correction, overriding the case's; else the default of its evidence grade
    optimism_bias: ScalarIn | None = Field(default=None, json_schema_extra=form("scalar"))
    evidence: int | None = Field(default=None, ge=1, le=5, json_schema_extra=form("int"))  # 1 = strong … 5 = assumption (DESIGN §19)


#: Default benefit correction per evidence grade (DESIGN §19), GMCA-style confidence grading:
#: 1 = strong evidence (a local evaluation with a comparison group) … 5 = an assumption. The
#: percentages are a documented ASSUMPTION of mkba, in the spirit of the benefit optimism bias
#: the Green Book (2022, §5.45 and its footnote 11) leaves to local evidence and points to GMCA's
#: "Supporting public service transformation: cost benefit analysis for local partnerships" for.
EVIDENCE_CORRECTION: dict[int, float] = {1: 0.0, 2: 0.1, 3: 0.2, 4: 0.3, 5: 0.4}


def cost_optimism(case: Case, cost: Cost) -> Scalar:
    """The uplift on a cost line: its own ``optimism_bias``, else the case's."""
    return cost.optimism_bias if cost.optimism_bias is not None else case.optimism_costs


def effect_optimism(case: Case, effect: Effect) -> tuple[Scalar, str]:
    """The benefit correction on an effect line and where it comes from: ``("line")`` its own
    ``optimism_bias``, ``("evidence")`` the default of its evidence grade, else ``("case")``."""
    if effect.optimism_bias is not None:
        return effect.optimism_bias, "line"
    if effect.evidence is not None:
        return EVIDENCE_CORRECTION[effect.evidence], "evidence"
    return case.optimism_benefits, "case"


class PmPost(_Record):
    """A PM-post: an effect that matters but is not valued in money (MKBA leidraad).

    ``id`` (optional) lets a scenario ``drop`` it; ``effect`` (optional) names the effect line it
    describes, so validation can warn when an option both values that effect and lists it here.
    """

    label: str
    stakeholder: str = Field(json_schema_extra=form("id"))
    direction: Literal["positief", "negatief"] = Field(json_schema_extra=form("id"))
    note: str | None = None
    source: str | None = Field(default=None, json_schema_extra=form("id"))
    id: str | None = Field(default=None, pattern=ID_PATTERN, json_schema_extra=form("id"))
    effect: str | None = Field(default=None, json_schema_extra=form("id"))


#: Kinds of scenario (DESIGN §6): a choice the decision maker can make (``beleid``, the default),
#: or an alternative set of assumptions shown beside the options (``gevoeligheid``), which never
#: enters P(best), EVPI/EVPPI/EVSI, the ranking of cuts or co-financing.
SCENARIO_KINDS = ("beleid", "gevoeligheid")


class ScenarioAdd(_Record):
    """The ``add:`` block of an overlay as written (its records are validated one by one)."""

    parameters: dict[str, Any] = Field(default_factory=dict)
    costs: list[Any] = Field(default_factory=list)
    effects: list[Any] = Field(default_factory=list)
    pm_posten: list[Any] = Field(default_factory=list)


class ReportIn(_Record):
    """Optional ``report:`` section: settings of the reports (DESIGN §7, §14)."""

    target_bcr: float | None = Field(default=None, gt=0)


class GroupIn(_Record):
    """A named group of parameters with a display label (``groepen: {naam: {label, parameters}}``)."""

    label: str | None = None
    parameters: list[str]


class ScenarioIn(_Record):
    """A scenario overlay as written: what it says about itself, and its ``set``/``scale``/
    ``drop``/``add`` still as raw records (validated one by one, with their own locations, into
    a :class:`Scenario`). The fields a scenario keeps as they are (:data:`OWN_FIELDS`) are
    validated here and copied by :meth:`Scenario.of`; the overlay fields differ in kind (raw
    records here, parsed parameters and lines there), so the two stay two classes."""

    label: str
    description: str | None = None
    soort: Literal["beleid", "gevoeligheid"] = Field(default="beleid", json_schema_extra=form("id"))
    set: dict[str, Any] = Field(default_factory=dict)
    scale: dict[str, float | str] = Field(default_factory=dict)
    drop: list[str] = Field(default_factory=list)
    add: ScenarioAdd = Field(default_factory=ScenarioAdd)
    source: str | None = Field(default=None, json_schema_extra=form("id"))
    note: str | None = None

    #: Fields that describe the scenario itself (the rest is the overlay).
    OWN_FIELDS: ClassVar[tuple[str, ...]] = ("label", "description", "soort", "source", "note")


class Scenario(_Record):
    """A validated scenario overlay: ``set`` and ``add`` hold parsed parameters and lines."""

    id: str
    label: str
    description: str | None = None
    set: tuple[tuple[str, ParameterSpec], ...] = ()
    scale: tuple[tuple[str, ScalarIn], ...] = ()
    drop: tuple[str, ...] = ()
    add_parameters: tuple[tuple[str, ParameterSpec], ...] = ()
    add_costs: tuple[Cost, ...] = ()
    add_effects: tuple[Effect, ...] = ()
    source: str | None = None
    note: str | None = None
    soort: Literal["beleid", "gevoeligheid"] = "beleid"  # DESIGN §6
    add_pm_posten: tuple[PmPost, ...] = ()  # PM-posten this option adds; ``drop`` removes them by id

    @classmethod
    def of(cls, sid: str, rec: ScenarioIn, **overlay: Any) -> Scenario:
        """The validated scenario ``sid`` from its record ``rec`` and its parsed overlay."""
        return cls(id=sid, **{name: getattr(rec, name) for name in ScenarioIn.OWN_FIELDS}, **overlay)

    @property
    def is_option(self) -> bool:
        """A choice between options (``soort: beleid``), not an alternative set of assumptions."""
        return self.soort == "beleid"


# --------------------------------------------------------------------------------------------
# The validated case
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """A validated case (baseline, or a scenario applied to it).

    ``parameters`` keeps the file's order; ``scales`` holds multipliers a scenario applies to a
    parameter's draws (``{name: (factor, ...)}``, each factor a number or parameter name).
    """

    id: str
    title: str
    start_year: int
    horizon: int
    price_year: int | None
    discount_rate: Scalar
    optimism_costs: Scalar
    optimism_benefits: Scalar
    sources: dict[str, str]
    stakeholders: dict[str, str]
    parameters: dict[str, ParameterSpec]
    correlations: tuple[tuple[str, str, float], ...]
    costs: tuple[Cost, ...]
    effects: tuple[Effect, ...]
    scenarios: dict[str, Scenario]
    scales: dict[str, tuple[Scalar, ...]] = field(default_factory=dict)
    scenario: str = "baseline"
    path: str | None = None
    sha256: str | None = None
    description: str | None = None
    pm_posten: tuple[PmPost, ...] = ()
    beperkingen: tuple[str, ...] = ()
    groepen: dict[str, tuple[str, ...]] = field(default_factory=dict)
    includes: tuple[str, ...] = ()  # files named by ``include:`` (resolved paths), DESIGN §11
    groep_labels: dict[str, str] = field(default_factory=dict)  # display labels of groups that give one
    target_bcr: float | None = None  # ``report: {target_bcr}``: the reports' target ratio, or none
    # what-if values (``--set``, the explorer; DESIGN §15): parameters fixed after any scenario's
    # overlay, and a discount rate replacing the case's; set by mkba.analysis.whatif.with_overrides
    overrides: tuple[tuple[str, ParameterSpec], ...] = ()
    discount_rate_set: float | None = None

    def group_label(self, name: str) -> str | None:
        """Display label of a group in ``groepen:``, or None when the case gives none."""
        return self.groep_labels.get(name)

    def label_of(self, name: str) -> str:
        """Display name of a parameter: its ``label`` if the case gives one, else its name."""
        spec = self.parameters.get(name)
        return spec.label if spec is not None and spec.label else name

    @property
    def years(self) -> list[int]:
        """Calendar years t = 0 .. horizon − 1."""
        return [self.start_year + t for t in range(self.horizon)]

    @property
    def uncertain_parameters(self) -> list[str]:
        """Names of parameters that have a distribution (not fixed), in file order."""
        return [n for n, p in self.parameters.items() if not p.is_fixed]

    def used_parameters(self) -> list[str]:
        """Names of parameters this case (with its scenario applied) actually uses, in file
        order; a parameter only a scenario refers to is not used by the baseline."""
        used: set[str] = set()

        def add(q) -> None:
            if isinstance(q, tuple):
                for item in q:
                    add(item)
            elif isinstance(q, str) and q in self.parameters:
                used.add(q)

        add(self.discount_rate)
        add(self.optimism_costs)
        add(self.optimism_benefits)
        for c in self.costs:
            add(c.amount)
            add(c.aandeel)
            add(c.optimism_bias)
            add(tuple(share for _, share in c.payer))
        for e in self.effects:
            for q in (e.volume, e.ramp_up or (), e.share, e.deadweight, e.attribution, e.displacement,
                      e.value, e.drop_off, e.optimism_bias, tuple(share for _, share in e.beneficiaries)):
                add(q)
        for name, factors in self.scales.items():
            if name in used:
                add(tuple(factors))
        return [n for n in self.parameters if n in used]

    def option_ids(self) -> list[str]:
        """The options a decision chooses between: "baseline" and every ``soort: beleid``
        scenario, in file order (DESIGN §6)."""
        return ["baseline", *(sid for sid, s in self.scenarios.items() if s.is_option)]

    def sensitivity_ids(self) -> list[str]:
        """Scenarios of ``soort: gevoeligheid``: alternative assumptions, shown beside the options
        but never ranked, in file order (DESIGN §6)."""
        return [sid for sid, s in self.scenarios.items() if not s.is_option]

    def line_ids(self) -> list[str]:
        return [c.id for c in self.costs] + [e.id for e in self.effects]

    def with_scenario(self, scenario_id: str | None) -> Case:
        """Return the case with scenario ``scenario_id`` applied (``None``/"baseline": as is)."""
        return apply_scenario(self, scenario_id)


@dataclass(frozen=True)
class ScopeWarning:
    """A warning (not an error) about what a cost line covers; faces word it in Dutch.

    ``code`` is ``"budget-hele-organisatie"``: a cost line declares ``scope: organisatie`` but no
    ``aandeel``, so the whole organisation's budget is set against the effects of the services
    the case models (which understates the benefit-cost ratio when they are only part of it).
    """

    code: str
    line_id: str
    label: str
    scenario: str = "baseline"


def scope_warnings(case: Case) -> list[ScopeWarning]:
    """Cost lines (baseline and scenario additions) that charge a whole-organisation budget
    without saying which share of it belongs to the modelled services."""
    out = []
    for c in case.costs:
        if c.scope == "organisatie" and c.aandeel is None:
            out.append(ScopeWarning("budget-hele-organisatie", c.id, c.label))
    for sid, scen in case.scenarios.items():
        for c in scen.add_costs:
            if c.scope == "organisatie" and c.aandeel is None:
                out.append(ScopeWarning("budget-hele-organisatie", c.id, c.label, sid))
    return out


def unused_parameters(case: Case) -> list[str]:
    """Parameters that neither the baseline nor any scenario uses (likely a typo or leftover)."""
    used = set(case.used_parameters())
    for sid in case.scenarios:
        used |= set(apply_scenario(case, sid).used_parameters())
    return [n for n in case.parameters if n not in used]


class _Collector:
    """Collects problems with their locations while validation carries on."""

    def __init__(self, lines: LineMap):
        self.lines = lines
        self.problems: list[Problem] = []
        self.failed: set[str] = set()  # parameters that did not parse: no follow-on "unknown" problems

    def add(self, path: YamlPath, message: str, code: str = "", **params: Any) -> None:
        self.problems.append(self.lines.problem(path, message, code, **params))

    def record(self, model: type[BaseModel], data: Any, path: YamlPath) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self._pydantic(exc, path, model)
            return None

    def parameter(self, record: Any, path: YamlPath) -> ParameterSpec | None:
        try:
            return parse_parameter(record)
        except ValidationError as exc:
            self._pydantic(exc, path, None)
        except Invalid as exc:
            self.add(path, str(exc), exc.code, **exc.params)
        except ValueError as exc:
            self.add(path, str(exc))
        return None

    def _pydantic(self, exc: ValidationError, path: YamlPath, model: type[BaseModel] | None) -> None:
        union_paths: set[tuple] = set()
        for err in exc.errors():
            loc = tuple(err["loc"])
            kind = err["type"]
            plain = tuple(part for part in loc if not (isinstance(part, str) and _UNION_MEMBER.match(part)))
            if plain != loc:  # one value tried against each type of a union: report it once
                if plain not in union_paths:
                    union_paths.add(plain)
                    self.add(path + plain, f"must be a number, a parameter name or a per-year list (got {_shown(err.get('input'))})",
                             "field.union", got=_shown(err.get("input")))
                continue
            if kind == "extra_forbidden":
                allowed = ""
                if model is not None:
                    names = [f.alias or n for n, f in model.model_fields.items()]
                    allowed = f"; allowed here: {', '.join(names)}"
                self.add(path + loc, f"unknown field '{loc[-1]}'{allowed}", "field.unknown",
                         field=str(loc[-1]), allowed=allowed.removeprefix("; allowed here: "))
            elif kind == "missing":
                self.add(path + loc, "missing required field", "field.missing", field=str(loc[-1]) if loc else "")
            elif kind in ("value_error", "assertion_error"):
                original = (err.get("ctx") or {}).get("error")
                msg = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
                if isinstance(original, Invalid):
                    at = (original.params["field"],) if not loc and "field" in original.params else ()
                    self.add(path + loc + at, msg, original.code, **original.params)
                else:
                    self.add(path + loc, msg)
            elif kind == "string_pattern_mismatch":
                self.add(path + loc, f"'{err.get('input')}' is not allowed: use lower-case letters, digits and '-'",
                         "field.id_pattern", value=str(err.get("input")))
            elif isinstance(err.get("input"), str) and number_text(err["input"]) is not None:
                self.add(path + loc, f"'{err['input']}' is text, not a number; write {number_text(err['input'])}",
                         "number.as_text", text=err["input"], number=number_text(err["input"]))
            else:
                ctx = {k: v for k, v in (err.get("ctx") or {}).items() if isinstance(v, int | float | str)}
                self.add(path + loc, f"{err['msg']} (got {err.get('input')!r})", f"pydantic.{kind}",
                         got=_shown(err.get("input")), **ctx)


def _as_mapping(col: _Collector, data: Any, path: YamlPath, what: str) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        col.add(path, f"must be a mapping of {what}", f"shape.mapping.{what.replace(' ', '_')}")
        return {}
    return data


def _parse_parameters(col: _Collector, raw: Any, path: YamlPath) -> dict[str, ParameterSpec]:
    out: dict[str, ParameterSpec] = {}
    for name, record in _as_mapping(col, raw, path, "parameter records").items():
        if not isinstance(name, str) or not re.match(NAME_PATTERN, name):
            col.add(path + (name,), "parameter names must start with a letter or '_' and hold only letters, digits and '_'",
                    "param.bad_name", name=str(name))
            continue
        spec = col.parameter(record, path + (name,))
        if spec is not None:
            out[name] = spec
        else:
            col.failed.add(name)
    return out


def _parse_lines(col: _Collector, raw: Any, path: YamlPath, model: type[Cost | Effect]) -> list:
    if raw is None:
        return []
    if not isinstance(raw, list):
        col.add(path, "must be a list of line records (each starting with '- id: ...')", "shape.lines")
        return []
    out = []
    for index, item in enumerate(raw):
        rec = col.record(model, item, path + (index,))
        if rec is not None:
            out.append((index, rec))
    return out


def build_case(data: Any, lines: LineMap, path: str | None = None, sha256: str | None = None) -> Case:
    """Validate parsed YAML ``data`` (with its :class:`LineMap`) into a :class:`Case`."""
    col = _Collector(lines)
    if not isinstance(data, dict):
        raise CaseError([lines.problem((), "a case file must be a YAML mapping starting with 'mkba: 1'", "case.not_mapping")])

    known = {"mkba", "case", "sources", "stakeholders", "parameters", "correlations", "costs", "effects", "scenarios",
             "pm_posten", "beperkingen", "groepen", "report"}
    for key in data:
        if key not in known:
            col.add((key,), f"unknown top-level section; allowed: {', '.join(sorted(known))}", "case.unknown_section",
                    allowed=", ".join(sorted(known)))
    version = data.get("mkba")
    if version is None:
        col.add((), "missing 'mkba: 1' (the case-file format version)", "case.missing_version")
    elif version != FORMAT_VERSION:
        col.add(("mkba",), f"format version {version!r} is not supported; this mkba reads version {FORMAT_VERSION}",
                "case.bad_version", version=_shown(version), supported=FORMAT_VERSION)

    info: CaseInfo | None = col.record(CaseInfo, data.get("case"), ("case",))
    sources = {str(k): str(v) for k, v in _as_mapping(col, data.get("sources"), ("sources",), "citation keys").items()}
    stakeholders = {str(k): str(v) for k, v in _as_mapping(col, data.get("stakeholders"), ("stakeholders",), "stakeholder labels").items()}
    if not stakeholders:
        col.add(("stakeholders",), "declare at least one stakeholder (id: label), e.g. 'gemeente: Gemeente'",
                "case.no_stakeholders")
    for sid in stakeholders:
        if not re.match(ID_PATTERN, sid):
            col.add(("stakeholders", sid), "stakeholder ids use lower-case letters, digits and '-'", "field.id_pattern",
                    value=str(sid))
    parameters = _parse_parameters(col, data.get("parameters"), ("parameters",))
    costs = _parse_lines(col, data.get("costs"), ("costs",), Cost)
    effects = _parse_lines(col, data.get("effects"), ("effects",), Effect)
    if data.get("costs") in (None, []):
        col.add(("costs",), "declare at least one cost line: a benefit-cost ratio needs costs", "case.no_costs")

    correlations = _parse_correlations(col, data.get("correlations"), parameters)

    horizon = info.horizon if info else None
    checker = _RefChecker(col, parameters, stakeholders, sources, horizon)
    if info is not None:
        checker.scalar(info.discount_rate, ("case", "discount_rate"), low=DISCOUNT_RANGE[0], high=DISCOUNT_RANGE[1],
                       what="a discount rate (e.g. 0.0225 for 2,25%)", what_code="discount_rate")
        for key, q in info.optimism_bias.items():
            checker.scalar(q, ("case", "optimism_bias", key), low=0.0, high=None if key == "costs" else 1.0,
                           what="an optimism-bias fraction", what_code="optimism_bias")
    for name, spec in parameters.items():
        checker.source(spec.source, ("parameters", name, "source"))
    checker.lines(costs, effects, ("costs",), ("effects",))

    pm_posten = _parse_pm_posten(col, data.get("pm_posten"), stakeholders, sources)
    _check_pm_ids(col, ("pm_posten",), list(enumerate(pm_posten)), [c.id for _, c in costs] + [e.id for _, e in effects])
    scenarios: dict[str, Scenario] = {}
    for sid, raw in _as_mapping(col, data.get("scenarios"), ("scenarios",), "scenario overlays").items():
        spath: YamlPath = ("scenarios", sid)
        if not isinstance(sid, str) or not re.match(ID_PATTERN, sid) or sid == "baseline":
            col.add(spath, "scenario ids use lower-case letters, digits and '-' (and 'baseline' is reserved)",
                    "scenario.bad_id", value=str(sid))
            continue
        scen = _parse_scenario(col, checker, sid, raw, spath, parameters, costs, effects, pm_posten)
        if scen is not None:
            scenarios[sid] = scen
    _check_pm_effects(col, pm_posten, scenarios, effects)

    beperkingen = _parse_beperkingen(col, data.get("beperkingen"))
    groepen, groep_labels = _parse_groepen(col, data.get("groepen"), parameters)
    report = None
    if data.get("report") is not None:
        if isinstance(data["report"], dict):
            report = col.record(ReportIn, data["report"], ("report",))
        else:
            col.add(("report",), "must be a mapping, e.g. {target_bcr: 1.2}", "shape.report")

    if col.problems or info is None:  # a missing 'case' block is one of the problems
        raise CaseError(col.problems)
    return Case(
        id=info.id, title=info.title, start_year=info.start_year, horizon=info.horizon,
        price_year=info.price_year, discount_rate=_scalar(info.discount_rate),
        optimism_costs=_scalar(info.optimism_bias.get("costs", 0.0)),
        optimism_benefits=_scalar(info.optimism_bias.get("benefits", 0.0)),
        sources=sources, stakeholders=stakeholders, parameters=parameters,
        correlations=tuple(correlations), costs=tuple(c for _, c in costs),
        effects=tuple(e for _, e in effects), scenarios=scenarios, path=path, sha256=sha256,
        description=info.description, pm_posten=pm_posten, beperkingen=beperkingen, groepen=groepen,
        groep_labels=groep_labels, target_bcr=report.target_bcr if report is not None else None,
    )


def _parse_pm_posten(col: _Collector, raw: Any, stakeholders: dict[str, str], sources: dict[str, str],
                     where: YamlPath = ("pm_posten",)) -> tuple:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        col.add(where, "must be a list of records {label, stakeholder, direction: positief|negatief, note, source}",
                "shape.pm_posten")
        return ()
    out = []
    for index, item in enumerate(raw):
        path = where + (index,)
        rec = col.record(PmPost, item, path)
        if rec is None:
            continue
        ok = True
        if rec.stakeholder not in stakeholders:
            col.add(path + ("stakeholder",), f"unknown stakeholder '{rec.stakeholder}'; declared: {', '.join(stakeholders)}",
                    "ref.stakeholder", name=rec.stakeholder, known=", ".join(stakeholders))
            ok = False
        if rec.source is not None and rec.source not in sources:
            col.add(path + ("source",), f"unknown source '{rec.source}'; declare it under 'sources:'", "ref.source",
                    name=rec.source, known=", ".join(sources))
            ok = False
        if ok:
            out.append(rec)
    return tuple(out)


def _check_pm_ids(col: _Collector, where: YamlPath, posts: list[tuple[int, PmPost]], taken: Iterable[str]) -> None:
    """PM-post ids are unique and differ from every cost and effect line id: a scenario's
    ``drop:`` names either, so one id must mean one thing."""
    seen = set(taken)
    lines = set(seen)
    for index, p in posts:
        if p.id is None:
            continue
        if p.id in seen:
            code = "pm.id_is_line" if p.id in lines else "pm.id_twice"
            col.add(where + (index, "id"), f"id '{p.id}' is already used" + (" by a cost or effect line; 'drop' names "
                    "both, so give the PM-post another id" if p.id in lines else " by another PM-post; ids must be unique"),
                    code, id=p.id)
        seen.add(p.id)


def _check_pm_effects(col: _Collector, pm_posten: tuple, scenarios: dict, effects: list) -> None:
    """``effect:`` of a PM-post names an effect line of the case or of one of its scenarios."""
    known = [e.id for _, e in effects] + [e.id for s in scenarios.values() for e in s.add_effects]
    where = [(("pm_posten", i), p) for i, p in enumerate(pm_posten)]
    where += [(("scenarios", sid, "add", "pm_posten", i), p) for sid, s in scenarios.items()
              for i, p in enumerate(s.add_pm_posten)]
    for path, p in where:
        if p.effect is not None and p.effect not in known:
            col.add(path + ("effect",), f"no effect line with id '{p.effect}' (in the case or a scenario); effects: "
                    f"{', '.join(known)}", "pm.effect_unknown", id=p.effect, known=", ".join(known))


@dataclass(frozen=True)
class PmWarning:
    """A warning (not an error): option ``scenario`` values effect ``effect`` and also lists the
    PM-post ``label`` that describes it (counted once in money, and again as a PM-post)."""

    code: str
    scenario: str
    label: str
    effect: str
    effect_label: str
    pm_id: str | None = None


def pm_warnings(case: Case) -> list[PmWarning]:
    """PM-posten an option lists while it also values the effect line they describe (``effect:``),
    for the baseline and every scenario."""
    out = []
    for sid in ["baseline", *case.scenarios]:
        option = apply_scenario(case, sid)
        valued = {e.id: e.label for e in option.effects}
        for p in option.pm_posten:
            if p.effect is not None and p.effect in valued:
                out.append(PmWarning("pm-ook-gewaardeerd", sid, p.label, p.effect, valued[p.effect], p.id))
    return out


def _parse_beperkingen(col: _Collector, raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        col.add(("beperkingen",), "must be a list of sentences (what the model leaves out)", "shape.beperkingen")
        return ()
    return tuple(x.strip() for x in raw)


def _parse_groepen(col: _Collector, raw: Any, parameters: dict[str, ParameterSpec]
                   ) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Named groups of parameters (e.g. for value of information on a research question): each a
    list of parameter names, or ``{label: "...", parameters: [...]}``. Returns the groups and the
    labels of those that give one."""
    out: dict[str, tuple[str, ...]] = {}
    labels: dict[str, str] = {}
    for name, members in _as_mapping(col, raw, ("groepen",), "parameter groups").items():
        path = ("groepen", name)
        if not isinstance(name, str) or not re.match(NAME_PATTERN, name):
            col.add(path, "group names use letters, digits and '_'", "group.bad_name", name=str(name))
            continue
        label = None
        if isinstance(members, dict):
            rec = col.record(GroupIn, members, path)
            if rec is None:
                continue
            label, members = rec.label, list(rec.parameters)
            path = path + ("parameters",)
        if not isinstance(members, list) or not members or not all(isinstance(m, str) for m in members):
            col.add(path, "must be a non-empty list of parameter names, e.g. [bereik_zonder_outreach, escalatie]",
                    "group.shape")
            continue
        bad = [m for m in members if m not in parameters and m not in col.failed]
        fixed = [m for m in members if m in parameters and parameters[m].is_fixed]
        if bad:
            col.add(path, f"unknown parameter(s): {', '.join(bad)}", "group.unknown", names=", ".join(bad))
        elif fixed:
            col.add(path, f"fixed parameter(s) carry no uncertainty: {', '.join(fixed)}", "group.fixed",
                    names=", ".join(fixed))
        elif len(set(members)) != len(members):
            col.add(path, "a parameter is listed twice", "group.twice")
        else:
            out[name] = tuple(members)
            if label:
                labels[name] = label
    return out, labels


def _parse_correlations(col: _Collector, raw: Any, parameters: dict[str, ParameterSpec]) -> list:
    import numpy as np

    if raw is None:
        return []
    if not isinstance(raw, list):
        col.add(("correlations",), "must be a list of [parameter_a, parameter_b, rank_correlation]", "corr.shape")
        return []
    out = []
    seen = set()
    for index, item in enumerate(raw):
        path = ("correlations", index)
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                and isinstance(item[1], str) and isinstance(item[2], int | float)
                and not isinstance(item[2], bool)):
            col.add(path, "each correlation is [parameter_a, parameter_b, rank_correlation], e.g. [substitutie, deadweight, -0.3]",
                    "corr.item")
            continue
        a, b, rho = item
        ok = True
        for name in (a, b):
            if name in col.failed:  # reported where it is declared
                ok = False
            elif name not in parameters:
                col.add(path, f"unknown parameter '{name}'", "ref.parameter_plain", name=str(name))
                ok = False
            elif parameters[name].is_fixed:
                col.add(path, f"parameter '{name}' is fixed; only uncertain parameters can be correlated",
                        "corr.fixed", name=name)
                ok = False
            elif parameters[name].from_draws_file:
                col.add(path, f"parameter '{name}' takes its values from a draws file, which carries its own "
                              "joint uncertainty; put correlated quantities in the same file instead",
                        "correlation.draws", name=name)
                ok = False
        if a == b:
            col.add(path, "a parameter cannot be correlated with itself", "corr.self")
            ok = False
        if not -1 < rho < 1:
            col.add(path, f"rank correlation ({rho}) must lie strictly between -1 and 1", "corr.range", rho=rho)
            ok = False
        key = frozenset((a, b))
        if ok and key in seen:
            col.add(path, f"the pair ({a}, {b}) is listed twice", "corr.twice", a=a, b=b)
            ok = False
        if ok:
            seen.add(key)
            out.append((a, b, float(rho)))
    if out:
        names = sorted({n for a, b, _ in out for n in (a, b)})
        matrix = np.eye(len(names))
        for a, b, rho in out:
            i, j = names.index(a), names.index(b)
            matrix[i, j] = matrix[j, i] = rho
        if np.linalg.eigvalsh(matrix).min() <= 1e-10:
            col.add(("correlations",), "these correlations are mutually inconsistent (the matrix is not positive "
                    "definite); weaken some of them", "corr.inconsistent")
    return out


class _RefChecker:
    """Checks that quantities, stakeholders and sources refer to things that exist and that
    numbers lie where they must (shares in [0, 1], per-year lists one entry per year, ...)."""

    def __init__(self, col: _Collector, parameters: dict[str, ParameterSpec],
                 stakeholders: dict[str, str], sources: dict[str, str], horizon: int | None):
        self.col = col
        self.parameters = parameters
        self.stakeholders = stakeholders
        self.sources = sources
        self.horizon = horizon

    def source(self, key: str | None, path: YamlPath) -> None:
        if key is not None and key not in self.sources:
            known = ", ".join(self.sources) or "none declared"
            self.col.add(path, f"unknown source '{key}'; declare it under 'sources:' (known: {known})", "ref.source",
                         name=key, known=", ".join(self.sources))

    def scalar(self, q: Any, path: YamlPath, low: float | None = None, high: float | None = None,
               what: str = "a number", what_code: str = "number", cap: float | None = None) -> None:
        """Check a scalar lies in [low, high] (hard limits) and, if ``cap`` is given, that its size
        is plausible (|x| ≤ cap, for plain numbers and for parameters with a bounded range)."""
        if isinstance(q, str):
            spec = self.parameters.get(q)
            if spec is None and q in self.col.failed:
                return  # already reported where the parameter is declared
            if spec is None and number_text(q) is not None:
                self.col.add(path, f"'{q}' is text, not a number; write {number_text(q)}", "number.as_text",
                             text=q, number=number_text(q))
                return
            if spec is None:
                self.col.add(path, f"unknown parameter '{q}'; declare it under 'parameters:' or use a number",
                             "ref.parameter", name=q)
                return
            s_low, s_high = spec.support
            if (low is not None and s_low < low) or (high is not None and s_high > high):
                self.col.add(path, f"parameter '{q}' can take values in [{s_low:g}, {s_high:g}], but this must be "
                                   f"{what} in [{_bound(low)}, {_bound(high)}]; narrow its distribution (e.g. add min/max)",
                             "range.parameter", name=q, s_low=s_low, s_high=s_high, low=_bound(low), high=_bound(high),
                             what=what_code)
            elif cap is not None and max(abs(s_low), abs(s_high)) > cap and math.isfinite(s_low) and math.isfinite(s_high):
                self.col.add(path, f"parameter '{q}' can reach {max(abs(s_low), abs(s_high)):g}, which is not plausible "
                                   f"here: {what} is at most {cap:g} in size", "range.implausible_parameter",
                             name=q, reach=max(abs(s_low), abs(s_high)), cap=cap, what=what_code)
        elif isinstance(q, int | float) and not isinstance(q, bool):
            if (low is not None and q < low) or (high is not None and q > high):
                self.col.add(path, f"{q:g} is out of range: must be {what} in [{_bound(low)}, {_bound(high)}]",
                             "range.number", value=q, low=_bound(low), high=_bound(high), what=what_code)
            elif cap is not None and abs(q) > cap:
                self.col.add(path, f"{q:g} is not plausible: {what} is at most {cap:g} in size", "range.implausible",
                             value=q, cap=cap, what=what_code)

    def quantity(self, q: Any, path: YamlPath, low: float | None = None, high: float | None = None,
                 what: str = "a number", what_code: str = "number", cap: float | None = None) -> None:
        if isinstance(q, tuple | list):
            if self.horizon is not None and len(q) != self.horizon:
                self.col.add(path, f"a per-year list needs one entry per year of the horizon ({self.horizon}); it has {len(q)}",
                             "quantity.per_year_length", horizon=self.horizon, n=len(q))
            for i, item in enumerate(q):
                self.scalar(item, path + (i,), low, high, what, what_code, cap)
        else:
            self.scalar(q, path, low, high, what, what_code, cap)

    def split(self, split: Split, path: YamlPath, role: str) -> None:
        rest = [sid for sid, share in split if share == REST]
        if len(rest) > 1:
            self.col.add(path, "at most one stakeholder may take 'rest'", "split.two_rest")
        total_fixed = 0.0
        has_param = False
        max_total = 0.0
        for sid, share in split:
            if sid not in self.stakeholders:
                self.col.add(path + ((sid,) if len(split) > 1 or isinstance(share, str) else ()),
                             f"unknown stakeholder '{sid}'; declared: {', '.join(self.stakeholders)}",
                             "ref.stakeholder", name=sid, known=", ".join(self.stakeholders))
            if share == REST:
                continue
            if isinstance(share, str):
                has_param = True
                self.scalar(share, path + (sid,), 0.0, 1.0, f"a {role} share", "share")
                if share in self.parameters:
                    max_total += self.parameters[share].support[1]
            else:
                if not 0 <= share <= 1:
                    self.col.add(path + (sid,), f"share {share:g} must lie in [0, 1]", "split.share_range", share=share)
                total_fixed += share
                max_total += share
        if has_param and not rest:
            self.col.add(path, "when a share is a parameter, give one stakeholder 'rest' so the shares always sum to 1",
                         "split.need_rest")
        elif rest and max_total > 1 + 1e-9:
            self.col.add(path, f"the shares can sum to {max_total:g} (> 1), leaving a negative 'rest'; lower them",
                         "split.rest_negative", total=max_total)
        elif not rest and abs(total_fixed - 1) > 1e-9:
            self.col.add(path, f"{role} shares must sum to 1 (they sum to {total_fixed:g}); adjust them or give one "
                         "stakeholder 'rest'", "split.sum", role=role, total=total_fixed)

    def cost(self, c: Cost, path: YamlPath) -> None:
        self.quantity(c.amount, path + ("amount",), 0.0, None, "an amount ≥ 0 (EUR per year)", "amount", MAX_AMOUNT)
        self.split(c.payer, path + ("payer",), "payer")
        self.source(c.source, path + ("source",))
        if c.aandeel is not None:
            self.scalar(c.aandeel, path + ("aandeel",), 0.0, 1.0,
                        "a share of the budget (aandeel) attributable to the modelled services", "share")
            if c.scope == "diensten":
                self.col.add(path + ("aandeel",), "'aandeel' is the modelled services' share of a whole-organisation "
                                                  "budget; with 'scope: diensten' the amount already covers only those "
                                                  "services: drop 'aandeel' or use 'scope: organisatie'",
                             "scope.aandeel_with_diensten")
        if c.optimism_bias is not None:
            self.scalar(c.optimism_bias, path + ("optimism_bias",), 0.0, None, "an optimism-bias fraction",
                        "optimism_bias")
        if c.years is not None and self.horizon is not None:
            a, b = c.years
            if not 0 <= a <= b < self.horizon:
                self.col.add(path + ("years",), f"years [{a}, {b}] must satisfy 0 ≤ first ≤ last ≤ {self.horizon - 1} "
                             "(t counts from 0)", "cost.years", first=a, last=b, max=self.horizon - 1)

    def effect(self, e: Effect, path: YamlPath) -> None:
        self.quantity(e.volume, path + ("volume",), 0.0, None, "a volume ≥ 0", "volume", MAX_VOLUME)
        if e.ramp_up is not None:
            if not e.ramp_up:
                self.col.add(path + ("ramp_up",), "give at least one multiplier, or leave ramp_up out", "effect.ramp_empty")
            if self.horizon is not None and len(e.ramp_up) > self.horizon:
                self.col.add(path + ("ramp_up",), f"has {len(e.ramp_up)} entries for a horizon of {self.horizon} years",
                             "effect.ramp_long", n=len(e.ramp_up), horizon=self.horizon)
            for i, r in enumerate(e.ramp_up):
                self.scalar(r, path + ("ramp_up", i), 0.0, None, "a multiplier ≥ 0", "multiplier", MAX_MULTIPLIER)
        for name in ("share", "deadweight", "attribution", "displacement", "drop_off"):
            self.scalar(getattr(e, name), path + (name,), 0.0, 1.0, f"a fraction ({name})", "fraction")
        self.scalar(e.value, path + ("value",), None, None, "a value per unit (EUR)", "value", MAX_AMOUNT)
        self.split(e.beneficiaries, path + ("beneficiaries",), "beneficiary")
        self.source(e.source, path + ("source",))
        if e.optimism_bias is not None:
            self.scalar(e.optimism_bias, path + ("optimism_bias",), 0.0, 1.0, "an optimism-bias fraction",
                        "optimism_bias")

    def lines(self, costs: list, effects: list, cost_path: YamlPath, effect_path: YamlPath,
              existing: Iterable[str] = ()) -> None:
        seen = set(existing)  # one id space for cost and effect lines
        for items, path, check in ((costs, cost_path, self.cost), (effects, effect_path, self.effect)):
            for index, line in items:
                if line.id in seen:
                    self.col.add(path + (index, "id"), f"line id '{line.id}' is used twice; ids must be unique",
                                 "line.id_twice", id=line.id)
                seen.add(line.id)
                check(line, path + (index,))


_UNION_MEMBER = re.compile(r"^(float|str|int|bool|(list|dict|tuple|union|literal)\[.*\]|function-.*)$")


def number_text(text: str) -> str | None:
    """If ``text`` is a number written as text (``"0,35"``, ``"1.500.000"``, ``"2200"``), the
    way to write it as a YAML number; else ``None``."""
    t = text.strip().replace(" ", "")
    if re.fullmatch(r"[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?", t):  # Dutch thousands
        return t.replace(".", "").replace(",", ".")
    if re.fullmatch(r"[-+]?[0-9]+,[0-9]+", t):  # decimal comma
        return t.replace(",", ".")
    if re.fullmatch(r"[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?", t):
        return t
    return None


def _shown(x: Any) -> str:
    text = repr(x) if not isinstance(x, str) else f"'{x}'"
    return text if len(text) <= 60 else text[:57] + "…"


def _bound(x: float | None) -> str:
    return "∞" if x is None else f"{x:g}"


def _parse_scenario(col: _Collector, checker: _RefChecker, sid: str, raw: Any, spath: YamlPath,
                    parameters: dict[str, ParameterSpec], costs: list, effects: list,
                    pm_posten: tuple = ()) -> Scenario | None:
    rec: ScenarioIn | None = col.record(ScenarioIn, raw, spath)
    if rec is None:
        return None
    n_before = len(col.problems)
    added = _parse_parameters(col, rec.add.parameters, spath + ("add", "parameters"))
    for name in added:
        if name in parameters:
            col.add(spath + ("add", "parameters", name), f"parameter '{name}' exists already; use 'set' to replace it",
                    "scenario.add_exists", name=name)
    merged = {**parameters, **added}
    set_specs = []
    for name, record in rec.set.items():
        path = spath + ("set", name)
        if name not in merged and name not in col.failed:
            col.add(path, f"unknown parameter '{name}'; 'set' replaces an existing parameter (use 'add' for a new one)",
                    "scenario.set_unknown", name=name)
            continue
        spec = col.parameter(record, path)
        if spec is not None:
            set_specs.append((name, spec))
            checker.source(spec.source, path + ("source",))
    merged.update(dict(set_specs))
    for name, factor in rec.scale.items():
        path = spath + ("scale", name)
        if name not in merged and name not in col.failed:
            col.add(path, f"unknown parameter '{name}'", "ref.parameter_plain", name=name)
        if isinstance(factor, str) and factor not in merged and factor not in col.failed:
            col.add(path, f"unknown parameter '{factor}' as scale factor", "scenario.scale_factor", name=factor)
    line_ids = [c.id for _, c in costs] + [e.id for _, e in effects]
    pm_ids = [p.id for p in pm_posten if p.id is not None]
    for index, line_id in enumerate(rec.drop):
        if line_id not in line_ids and line_id not in pm_ids:
            known = ", ".join(line_ids + pm_ids)
            col.add(spath + ("drop", index), f"no cost or effect line or PM-post with id '{line_id}' to drop; ids: {known}",
                    "scenario.drop_unknown", id=line_id, known=known)
    add_costs = _parse_lines(col, rec.add.costs, spath + ("add", "costs"), Cost)
    add_effects = _parse_lines(col, rec.add.effects, spath + ("add", "effects"), Effect)
    sub = _RefChecker(col, merged, checker.stakeholders, checker.sources, checker.horizon)
    kept = [i for i in line_ids if i not in rec.drop]
    sub.lines(add_costs, add_effects, spath + ("add", "costs"), spath + ("add", "effects"), existing=kept)
    add_pm = _parse_pm_posten(col, rec.add.pm_posten or None, checker.stakeholders, checker.sources,
                              spath + ("add", "pm_posten"))
    _check_pm_ids(col, spath + ("add", "pm_posten"), list(enumerate(add_pm)),
                  kept + [c.id for _, c in add_costs] + [e.id for _, e in add_effects]
                  + [i for i in pm_ids if i not in rec.drop])
    checker.source(rec.source, spath + ("source",))
    remaining_costs = [c for _, c in costs if c.id not in rec.drop] + [c for _, c in add_costs]
    if not remaining_costs and costs:  # (no baseline costs at all is reported once, at 'costs')
        col.add(spath + ("drop",), "this scenario removes every cost line, which leaves nothing to compare benefits "
                "with; keep or add at least one cost line", "scenario.no_costs")
    # lines kept from the baseline must still resolve when 'set' changes a parameter's range
    if set_specs:
        probe = _Collector(col.lines)
        probe.failed = col.failed
        sub_set = _RefChecker(probe, merged, checker.stakeholders, checker.sources, checker.horizon)
        sub_set.lines([(i, c) for i, c in costs if c.id not in rec.drop],
                      [(i, e) for i, e in effects if e.id not in rec.drop], ("costs",), ("effects",))
        already = {(p.path, p.message) for p in col.problems}
        for p in probe.problems:
            if (p.path, p.message) in already:  # the baseline has this problem too: report it once
                continue
            col.add(spath + ("set",), f"after this scenario's 'set', {p.path}: {p.message}", "scenario.after_set",
                    inner_path=p.path, inner_code=p.code, inner_message=p.message, inner_params=p.params)
    if len(col.problems) > n_before:
        return None
    return Scenario.of(
        sid, rec, set=tuple(set_specs), scale=tuple(rec.scale.items()), drop=tuple(rec.drop),
        add_parameters=tuple(added.items()), add_costs=tuple(c for _, c in add_costs),
        add_effects=tuple(e for _, e in add_effects), add_pm_posten=add_pm,
    )


# --------------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------------
def apply_scenario(case: Case, scenario_id: str | None) -> Case:
    """Return a copy of ``case`` with the overlay ``scenario_id`` applied.

    ``set`` replaces a parameter's record, ``scale`` multiplies its draws, ``drop`` removes
    lines and PM-posten (by id), ``add`` appends parameters, lines and PM-posten; so
    ``case.pm_posten`` afterwards is this option's own list. The parameter's *name* keeps its random
    stream, so scenarios share draws (common random numbers).
    """
    if scenario_id in (None, "baseline"):
        return case
    if case.scenario != "baseline":
        raise UsageError(f"scenario '{case.scenario}' is already applied; apply scenarios to the baseline",
                         "scenario.already_applied", scenario=case.scenario)
    if scenario_id not in case.scenarios:
        known = ", ".join(["baseline", *case.scenarios]) or "baseline"
        raise UsageError(f"unknown scenario '{scenario_id}' in case '{case.id}'; choose one of: {known}",
                         "scenario.unknown", scenario=str(scenario_id), case=case.id, known=known)
    scen = case.scenarios[scenario_id]
    parameters = dict(case.parameters)
    parameters.update(dict(scen.add_parameters))
    parameters.update(dict(scen.set))
    parameters.update(dict(case.overrides))  # a what-if value wins over the scenario's own (DESIGN §15)
    scales = {k: tuple(v) for k, v in case.scales.items()}
    for name, factor in scen.scale:
        scales[name] = scales.get(name, ()) + (factor,)
    costs = tuple(c for c in case.costs if c.id not in scen.drop) + scen.add_costs
    effects = tuple(e for e in case.effects if e.id not in scen.drop) + scen.add_effects
    pm_posten = tuple(p for p in case.pm_posten if p.id is None or p.id not in scen.drop) + scen.add_pm_posten
    return replace(case, parameters=parameters, scales=scales, costs=costs, effects=effects,
                   pm_posten=pm_posten, scenario=scenario_id)


def override_record(case: Case) -> dict:
    """What-if values as the JSON records them (DESIGN §15): ``{"set": {name: value}}`` and/or
    ``{"set_discount_rate": x}``; empty when nothing was set, so other outputs stay as they were."""
    out: dict = {}
    if case.overrides:
        out["set"] = {name: float(spec.base_value) for name, spec in case.overrides}
    if case.discount_rate_set is not None:
        out["set_discount_rate"] = float(case.discount_rate_set)
    return out



def scenario_label(case: Case, scenario_id: str | None) -> str:
    """Human label of a scenario ("baseline" → the case's own label)."""
    if scenario_id in (None, "baseline"):
        return "Basis: " + case.title
    return case.scenarios[scenario_id].label


__all__ = [
    "Case", "Cost", "Effect", "PmPost", "PmWarning", "Scenario", "ScopeWarning", "build_case", "pm_warnings",
    "scope_warnings",
    "unused_parameters",
    "apply_scenario", "scenario_label", "REST", "override_record",
]
