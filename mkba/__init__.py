"""mkba: social cost-benefit analysis (MKBA) for Dutch social work, with honest uncertainty.

Quick start::

    import mkba
    case = mkba.load_case("parameters/de_kop.yaml")
    res = mkba.simulate(case, draws=10_000, seed=1)
    res.summary()["metrics"]["bcr_of_means"]

The names below are imported on first use (module ``__getattr__``, PEP 562), so ``import mkba``
and ``mkba --help`` stay fast: numpy, SciPy and pandas load only when a computation needs them.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> (module, attribute or None for the module itself)
_LAZY: dict[str, tuple[str, str | None]] = {
    "decision": ("mkba.analysis.decision", None),
    "Comparison": ("mkba.analysis.scenarios", "Comparison"),
    "compare": ("mkba.analysis.scenarios", "compare"),
    "Case": ("mkba.core.case", "Case"),
    "apply_scenario": ("mkba.core.case", "apply_scenario"),
    "CaseError": ("mkba.core.errors", "CaseError"),
    "MkbaError": ("mkba.core.errors", "MkbaError"),
    "UsageError": ("mkba.core.errors", "UsageError"),
    "Result": ("mkba.core.results", "Result"),
    "deterministic": ("mkba.core.results", "deterministic"),
    "simulate": ("mkba.core.results", "simulate"),
    "simulate_many": ("mkba.core.results", "simulate_many"),
    "RunPlan": ("mkba.core.engine", "RunPlan"),
    "make_plan": ("mkba.core.engine", "make_plan"),
    "run_chunk": ("mkba.core.engine", "run_chunk"),
    "load_case": ("mkba.data_in.cases", "load_case"),
    "load_case_text": ("mkba.data_in.cases", "load_case_text"),
    "validate_case": ("mkba.data_in.cases", "validate_case"),
}

if TYPE_CHECKING:  # for type checkers and IDEs; at run time these load lazily
    from mkba.analysis import decision
    from mkba.analysis.scenarios import Comparison, compare
    from mkba.core.case import Case, apply_scenario
    from mkba.core.engine import RunPlan, make_plan, run_chunk
    from mkba.core.errors import CaseError, MkbaError, UsageError
    from mkba.core.results import Result, deterministic, simulate, simulate_many
    from mkba.data_in.cases import load_case, load_case_text, validate_case


def __getattr__(name: str) -> Any:
    try:
        module_name, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'mkba' has no attribute '{name}'") from None
    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value  # later look-ups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


def example_case_path() -> Path:
    """Path of the example case ``de_kop.yaml``: ``parameters/`` in a source checkout, the
    bundled copy in an installed wheel."""
    from mkba.core.bundled import examples_dir

    return examples_dir() / "de_kop.yaml"


__all__ = [
    "Case", "CaseError", "Comparison", "compare", "decision", "MkbaError", "Result", "RunPlan", "UsageError",
    "apply_scenario", "deterministic", "example_case_path", "load_case", "load_case_text", "make_plan",
    "run_chunk", "simulate", "simulate_many", "validate_case", "__version__",
]
