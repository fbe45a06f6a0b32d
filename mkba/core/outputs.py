"""The output schema: the names of the per-draw outputs of a case, defined once (DESIGN §3, §5).

Every simulated draw yields one value per *output column*; the model (:mod:`mkba.core.model`)
fills them, :mod:`mkba.core.results` summarises them into the ``mkba run --json`` object, and
the analyses and faces read them by name. Names are built here and nowhere else:

=============================  =================================================================
``npv``, ``bcr``, ...          society as a whole (:data:`SOCIETY`, in the order the JSON reports)
``kind.<kind>.pv``             benefits per kind (:data:`KINDS`: fiscal, economic, social)
``stakeholder.<id>.<field>``   per stakeholder (:data:`STAKEHOLDER_FIELDS`)
``cost.<id>.pv``               per cost line (:data:`COST_FIELDS`)
``effect.<id>.<field>``        per effect line (:data:`EFFECT_FIELDS`)
``param.<name>``               the draws of an uncertain parameter (stored beside the outputs)
=============================  =================================================================

Adding an output: name it here (a field in one of the tuples), compute it in
:func:`mkba.core.model.evaluate`, and give it its Dutch words in :mod:`mkba.faces.text_nl`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkba.core.case import Case

#: Kinds of benefit (an effect line's ``kind``).
KINDS = ("fiscal", "economic", "social")
#: Outputs for society as a whole, in the order ``metrics`` of the run JSON lists them.
SOCIETY = ("npv", "bcr", "pv_costs", "pv_benefits", "pv_fiscal", "pv_cut_off")
#: Outputs per stakeholder (``pv_<kind>`` for each of :data:`KINDS`), in the JSON's order.
STAKEHOLDER_FIELDS = ("pv_costs", "pv_benefits", "net", *(f"pv_{k}" for k in KINDS))
#: Outputs per cost line and per effect line.
COST_FIELDS = ("pv",)
EFFECT_FIELDS = ("pv", "outcomes")
#: Prefix of the stored draws of an uncertain parameter.
PARAM_PREFIX = "param."


def kind(k: str) -> str:
    """``kind.<k>.pv``: the present value of the benefits of kind ``k``."""
    return f"kind.{k}.pv"


def stakeholder(sid: str, field: str) -> str:
    """``stakeholder.<sid>.<field>``, ``field`` one of :data:`STAKEHOLDER_FIELDS`."""
    return f"stakeholder.{sid}.{field}"


def cost(line_id: str, field: str = "pv") -> str:
    """``cost.<line_id>.<field>``, ``field`` one of :data:`COST_FIELDS`."""
    return f"cost.{line_id}.{field}"


def effect(line_id: str, field: str = "pv") -> str:
    """``effect.<line_id>.<field>``, ``field`` one of :data:`EFFECT_FIELDS`."""
    return f"effect.{line_id}.{field}"


def param(name: str) -> str:
    """``param.<name>``: the stored draws of parameter ``name``."""
    return PARAM_PREFIX + name


@dataclass(frozen=True)
class Layout:
    """Names of the per-draw output columns of a case (with its scenario applied), in order."""

    columns: tuple[str, ...]

    @classmethod
    def of(cls, case: Case) -> Layout:
        cols = list(SOCIETY)
        cols += [kind(k) for k in KINDS]
        for sid in case.stakeholders:
            cols += [stakeholder(sid, f) for f in STAKEHOLDER_FIELDS]
        for c in case.costs:
            cols += [cost(c.id, f) for f in COST_FIELDS]
        for e in case.effects:
            cols += [effect(e.id, f) for f in EFFECT_FIELDS]
        return cls(tuple(cols))

    def index(self, name: str) -> int:
        return self.columns.index(name)


def stored_columns(case: Case) -> tuple[str, ...]:
    """Every column a run stores per draw for ``case``: the outputs, then ``param.<name>`` for
    each uncertain parameter (values after scenario scales)."""
    return Layout.of(case).columns + tuple(param(n) for n in case.uncertain_parameters)


__all__ = ["COST_FIELDS", "EFFECT_FIELDS", "KINDS", "PARAM_PREFIX", "SOCIETY", "STAKEHOLDER_FIELDS", "Layout",
           "cost", "effect", "kind", "param", "stakeholder", "stored_columns"]
