"""What every sensitivity method shares: the output to study, evaluating the model at given
parameter values, and the result container.

Shapes: parameter values are given as a dict name -> array (one entry per point) or as a
matrix **points × parameters**; the output is one value per point.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from mkba.core import outputs
from mkba.core.case import Case, apply_scenario
from mkba.core.distributions import ParameterSpec
from mkba.core.errors import UsageError
from mkba.core.model import apply_scales, evaluate_blocks
from mkba.core.outputs import Layout

CHUNK = 2**15  # parameter values prepared at once; evaluated in EVAL_BLOCK sub-blocks


@dataclass(frozen=True)
class OutputSpec:
    """The model output a sensitivity analysis studies: ``npv``, ``bcr`` or ``net:STAKEHOLDER``."""

    key: str
    column: str  # the per-draw output column (mkba.core.outputs); the faces word ``key``

    @classmethod
    def parse(cls, case: Case, text: str) -> OutputSpec:
        if text == "npv":
            return cls("npv", "npv")
        if text == "bcr":
            return cls("bcr", "bcr")
        if text.startswith("net:"):
            sid = text[4:]
            if sid not in case.stakeholders:
                raise UsageError(f"unknown stakeholder '{sid}' in --output {text}; choose from: {', '.join(case.stakeholders)}",
                                 "analysis.output_stakeholder", stakeholder=sid, output=text,
                                 known=", ".join(case.stakeholders))
            return cls(text, outputs.stakeholder(sid, "net"))
        raise UsageError(f"unknown output '{text}'; use npv, bcr or net:STAKEHOLDER (e.g. net:gemeente)",
                         "analysis.output_unknown", output=text)


def model_function(case: Case, output: OutputSpec) -> Callable[[Mapping[str, np.ndarray]], np.ndarray]:
    """A vectorised function: values of (some) parameters (dict name -> array) -> the output per
    point. Parameters not given stay at their base value; scenario scales apply."""
    layout = Layout.of(case)
    col = layout.index(output.column)
    defaults = {n: s.base_value for n, s in case.parameters.items()}

    def func(values: Mapping[str, np.ndarray]) -> np.ndarray:
        n = len(next(iter(values.values())))
        out = np.empty(n)
        for start in range(0, n, CHUNK):
            stop = min(start + CHUNK, n)
            block = {name: np.full(stop - start, v) for name, v in defaults.items() if name not in values}
            block.update({name: np.asarray(v[start:stop], dtype=float) for name, v in values.items()})
            apply_scales(case, block)
            for offset, ev in evaluate_blocks(case, block, layout, n=stop - start):
                out[start + offset:start + offset + ev.outputs.shape[0]] = ev.outputs[:, col]
        return out

    return func


@dataclass
class Analysis:
    """What a sensitivity method works on: the option analysed, the output, the uncertain
    parameters that can move it (with the distribution to use for each), and a vectorised
    function of those parameters. With ``versus``, the output is the difference
    option − versus, evaluated on the same parameter values."""

    case: Case
    output: OutputSpec
    names: list[str]
    parameters: dict[str, ParameterSpec]
    func: Callable[[Mapping[str, np.ndarray]], np.ndarray]
    versus: str | None = None
    held: list[str] = field(default_factory=list)

    def base(self) -> dict[str, float]:
        return {n: self.parameters[n].base_value for n in self.names}

    def note(self) -> list[Note]:
        notes = []
        if self.versus is not None:
            notes.append(Note("versus.difference", {"option": self.case.scenario, "versus": self.versus}))
            if self.held:
                notes.append(Note("versus.held", {"names": list(self.held)}))
        from_files = [n for n in self.names if self.parameters[n].from_draws_file]
        if from_files:
            # each draws-file parameter is varied through its own column (the sorted column as its
            # inverse CDF); rows of one file are not kept together as the simulation keeps them
            notes.append(Note("draws.marginal", {"names": from_files}))
        return notes


def prepare(case: Case, scenario: str | None, output: str, versus: str | None = None) -> Analysis:
    """Apply the scenario, parse the output, and list the uncertain parameters it uses
    (parameters only other scenarios refer to cannot matter and are left out).

    With ``versus`` (``"baseline"`` or a scenario id), the output is the difference between the
    two options. Parameters whose distribution differs between them (replaced by ``set``) are
    held at each option's own base value; the note says which.
    """
    c = apply_scenario(case, scenario)
    spec = OutputSpec.parse(c, output)
    if versus is None:
        used = set(c.used_parameters())
        names = [n for n in c.uncertain_parameters if n in used]
        if not names:
            raise UsageError(f"case '{c.id}' has no uncertain parameters to analyse", "analysis.no_uncertain", case=c.id)
        return Analysis(c, spec, names, {n: c.parameters[n] for n in names}, model_function(c, spec))
    if spec.key == "bcr":
        raise UsageError("a difference of benefit-cost ratios means little; use --output npv or net:STAKEHOLDER with --versus",
                         "analysis.versus_bcr")
    other = apply_scenario(case, None if versus == "baseline" else versus)
    if other.scenario == c.scenario:
        raise UsageError(f"--versus {versus} is the option being analysed; choose another option", "analysis.versus_same",
                         versus=versus)
    used = set(c.used_parameters()) | set(other.used_parameters())
    params: dict[str, ParameterSpec] = {}
    held = []
    for n in list(c.parameters) + [n for n in other.parameters if n not in c.parameters]:
        if n not in used:
            continue
        mine, theirs = c.parameters.get(n), other.parameters.get(n)
        if mine is not None and theirs is not None and mine != theirs:
            held.append(n)
            continue
        spec_n = mine if mine is not None else theirs
        if not spec_n.is_fixed:
            params[n] = spec_n
    if not params:
        raise UsageError("no uncertain parameter is shared by the two options", "analysis.versus_nothing_shared")
    f1, f0 = model_function(c, spec), model_function(other, spec)
    return Analysis(c, spec, list(params), params, lambda values: f1(values) - f0(values), other.scenario, held)


@dataclass(frozen=True)
class Note:
    """A note on a sensitivity result as a code with numbers (the faces word it, in
    ``mkba.faces.text_nl.sensitivity_note``); JSON shows it as ``{"code": ..., <numbers>}``."""

    code: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, **self.data}


@dataclass
class SensitivityResult:
    """Result of one method: per-parameter records plus notes (the §5 sensitivity object)."""

    case: str
    scenario: str
    method: str
    output: str
    parameters: dict[str, dict[str, Any]]
    notes: list[Note] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        out = {"case": self.case, "scenario": self.scenario, "method": self.method, "output": self.output,
               "parameters": self.parameters, "notes": [n.to_dict() for n in self.notes]}
        out.update(self.extra)
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per parameter (in the result's order), columns = the method's fields."""
        frame = pd.DataFrame.from_dict(self.parameters, orient="index")
        frame.index.name = "parameter"
        return frame
