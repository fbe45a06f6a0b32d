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

from mkba.case import Case, apply_scenario
from mkba.errors import UsageError
from mkba.model import Layout, apply_scales, evaluate_blocks

CHUNK = 2**15  # parameter values prepared at once; evaluated in EVAL_BLOCK sub-blocks


@dataclass(frozen=True)
class OutputSpec:
    """The model output a sensitivity analysis studies: ``npv``, ``bcr`` or ``net:STAKEHOLDER``."""

    key: str
    column: str
    label: str  # Dutch, for figures and tables

    @classmethod
    def parse(cls, case: Case, text: str) -> OutputSpec:
        if text == "npv":
            return cls("npv", "npv", "Netto contante waarde (€)")
        if text == "bcr":
            return cls("bcr", "bcr", "Baten/kosten-verhouding")
        if text.startswith("net:"):
            sid = text[4:]
            if sid not in case.stakeholders:
                raise UsageError(f"unknown stakeholder '{sid}' in --output {text}; choose from: {', '.join(case.stakeholders)}")
            return cls(text, f"stakeholder.{sid}.net", f"Netto-effect {case.stakeholders[sid]} (€)")
        raise UsageError(f"unknown output '{text}'; use npv, bcr or net:STAKEHOLDER (e.g. net:gemeente)")


def prepare(case: Case, scenario: str | None, output: str) -> tuple[Case, OutputSpec, list[str]]:
    """Apply the scenario, parse the output, and list the uncertain parameters it uses
    (parameters only other scenarios refer to cannot matter and are left out)."""
    c = apply_scenario(case, scenario)
    spec = OutputSpec.parse(c, output)
    used = set(c.used_parameters())
    names = [n for n in c.uncertain_parameters if n in used]
    if not names:
        raise UsageError(f"case '{c.id}' has no uncertain parameters to analyse")
    return c, spec, names


def model_function(case: Case, output: OutputSpec) -> Callable[[Mapping[str, np.ndarray]], np.ndarray]:
    """A vectorised function: values of the uncertain parameters (dict name -> array) ->
    the output per point. Fixed parameters stay at their value; scenario scales apply."""
    layout = Layout.of(case)
    col = layout.index(output.column)
    fixed = {n: s.base_value for n, s in case.parameters.items() if s.is_fixed}

    def func(values: Mapping[str, np.ndarray]) -> np.ndarray:
        n = len(next(iter(values.values())))
        out = np.empty(n)
        for start in range(0, n, CHUNK):
            stop = min(start + CHUNK, n)
            block = {name: np.full(stop - start, v) for name, v in fixed.items()}
            block.update({name: np.asarray(v[start:stop], dtype=float) for name, v in values.items()})
            apply_scales(case, block)
            for offset, ev in evaluate_blocks(case, block, layout, n=stop - start):
                out[start + offset:start + offset + ev.outputs.shape[0]] = ev.outputs[:, col]
        return out

    return func


def base_point(case: Case, names: list[str]) -> dict[str, float]:
    """The uncertain parameters at their base values."""
    return {n: case.parameters[n].base_value for n in names}


@dataclass
class SensitivityResult:
    """Result of one method: per-parameter records plus notes (the §5 sensitivity object)."""

    case: str
    scenario: str
    method: str
    output: str
    parameters: dict[str, dict[str, Any]]
    notes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        out = {"case": self.case, "scenario": self.scenario, "method": self.method, "output": self.output,
               "parameters": self.parameters, "notes": self.notes}
        out.update(self.extra)
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per parameter (in the result's order), columns = the method's fields."""
        frame = pd.DataFrame.from_dict(self.parameters, orient="index")
        frame.index.name = "parameter"
        return frame
