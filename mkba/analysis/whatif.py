"""What if? Fix parameters at chosen values and override the discount rate (DESIGN §15).

:func:`with_overrides` is the one place where ``--set NAME=VALUE`` and ``--discontovoet X`` (the
command line), the report notebooks (their papermill parameters) and ``mkba verken`` (the web
page) change a case. It is pure: it returns a new :class:`~mkba.core.case.Case` and never touches
the one it is given.

A set value replaces the parameter's record by a fixed number, exactly as a scenario's own
``set:`` would, but *after* any scenario's overlay, so it wins over the scenario's ``set``; a
scenario's ``scale`` still multiplies it (as it multiplies a scenario's own set value). The other
parameters keep their distributions, and their draws stay the same (common random numbers: the
uniforms are keyed by seed and parameter name).

A value must be finite and, for a parameter with a bounded distribution, lie within the
distribution's support ``[min, max]`` (inclusive); a fixed parameter, or an unbounded side of a
distribution, takes any finite value (so ``--set budget=250000`` tests half a cut). Errors are
:class:`~mkba.core.errors.UsageError` with a code and numbers (worded in Dutch in text_nl).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import replace

from mkba.core.case import DISCOUNT_RANGE, Case, override_record  # noqa: F401 (re-exported)
from mkba.core.distributions import Fixed, ParameterSpec
from mkba.core.errors import UsageError

__all__ = ["with_overrides", "parse_assignment", "parse_assignments", "settable_parameters", "set_bounds",
           "override_record", "parse_number"]


def parse_number(text: str, option: str) -> float:
    """A number as typed: ``0.25`` or ``0,25`` (one decimal comma), ``250000``, ``1e5``."""
    raw = str(text).strip()
    if raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"{option}: '{text}' is not a number", "analysis.set_not_number",
                         option=option, value=str(text)) from None
    if not math.isfinite(value):
        raise UsageError(f"{option}: '{text}' is not a finite number", "analysis.set_not_finite",
                         option=option, value=str(text))
    return value


def parse_assignment(text: str) -> tuple[str, float]:
    """``"substitutie=0.25"`` → ``("substitutie", 0.25)``; a missing ``=`` or number is a
    UsageError."""
    name, sep, value = str(text).partition("=")
    name = name.strip()
    if not sep or not name or not value.strip():
        raise UsageError(f"--set {text}: write NAME=VALUE", "analysis.set_syntax", text=str(text))
    return name, parse_number(value, f"--set {name}")


def parse_assignments(texts: Iterable[str] | None) -> dict[str, float]:
    """Several ``NAME=VALUE`` texts (a later one for the same name wins)."""
    out: dict[str, float] = {}
    for text in texts or ():
        name, value = parse_assignment(text)
        out.pop(name, None)
        out[name] = value
    return out


def settable_parameters(case: Case) -> dict[str, ParameterSpec]:
    """Every parameter ``--set`` accepts: the case's and those a scenario adds (the case's record
    first), by name."""
    specs: dict[str, ParameterSpec] = dict(case.parameters)
    for scen in case.scenarios.values():
        for name, spec in scen.add_parameters:
            specs.setdefault(name, spec)
    return specs


def set_bounds(spec: ParameterSpec) -> tuple[float, float]:
    """The values ``--set`` accepts for ``spec``: its support, or (−∞, ∞) when fixed."""
    if spec.is_fixed:
        return (-math.inf, math.inf)
    low, high = spec.support
    return (float(low), float(high))


def _check_value(case: Case, name: str, value: float, spec: ParameterSpec | None) -> float:
    if spec is None:
        known = ", ".join(settable_parameters(case))
        raise UsageError(f"--set {name}: unknown parameter; known: {known}", "analysis.set_unknown",
                         name=name, file=case.path or case.id, known=known)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UsageError(f"--set {name}={value}: not a finite number", "analysis.set_not_finite",
                         option=f"--set {name}", value=str(value))
    low, high = set_bounds(spec)
    if not low <= value <= high:
        raise UsageError(f"--set {name}={value}: outside [{low}, {high}]", "analysis.set_outside",
                         name=name, value=float(value), low=low, high=high, file=case.path or case.id,
                         label=case.label_of(name) if name in case.parameters else (spec.label or name))
    return float(value)


def with_overrides(case: Case, set: Mapping[str, float] | None = None,  # noqa: A002 - the option's name
                   discount_rate: float | None = None) -> Case:
    """Return ``case`` with the parameters of ``set`` fixed at their values in every draw (after
    any scenario's overlay) and, if given, ``discount_rate`` as its discount rate.

    Parameters
    ----------
    case : Case
        A validated case (usually the baseline; scenarios applied later keep the set values).
    set : mapping of name -> value, optional
        Parameters to fix. An unknown name or a value outside the parameter's support raises
        :class:`UsageError` (codes ``analysis.set_unknown``, ``analysis.set_outside``, ``analysis.set_not_finite``).
    discount_rate : float, optional
        Replaces ``case.discount_rate`` (a number or a parameter name); must be finite and in
        the range a case file allows (code ``analysis.set_discount_rate``).

    Returns
    -------
    Case
        ``case`` itself when nothing is set; otherwise a copy whose ``overrides`` and
        ``discount_rate_set`` record what was set (the JSON's ``"set"`` and
        ``"set_discount_rate"``).
    """
    if not set and discount_rate is None:
        return case
    specs = settable_parameters(case)
    overrides = dict(case.overrides)
    parameters = dict(case.parameters)
    for name, value in (set or {}).items():
        value = _check_value(case, name, value, specs.get(name))
        spec = specs[name]
        fixed = Fixed(value=value, unit=spec.unit, label=spec.label, price_year=spec.price_year)
        overrides.pop(name, None)
        overrides[name] = fixed
        if name in parameters:
            parameters[name] = fixed
    # a set parameter is no longer uncertain: it leaves the research groups (groepen:, for EVPPI),
    # and a group left empty goes
    groepen = {g: tuple(m for m in members if m not in overrides) for g, members in case.groepen.items()}
    changes: dict = {"parameters": parameters, "overrides": tuple(overrides.items()),
                     "groepen": {g: members for g, members in groepen.items() if members}}
    if discount_rate is not None:
        low, high = DISCOUNT_RANGE
        if (isinstance(discount_rate, bool) or not isinstance(discount_rate, int | float)
                or not math.isfinite(discount_rate) or not low <= discount_rate <= high):
            raise UsageError(f"--discontovoet {discount_rate}: outside [{low}, {high}]", "analysis.set_discount_rate",
                             value=str(discount_rate), low=low, high=high)
        changes["discount_rate"] = float(discount_rate)
        changes["discount_rate_set"] = float(discount_rate)
    return replace(case, **changes)
