"""mkba: social cost-benefit analysis (MKBA) for Dutch social work, with honest uncertainty.

Quick start::

    import mkba
    case = mkba.load_case("parameters/de_kop.yaml")
    res = mkba.simulate(case, draws=10_000, seed=1)
    res.summary()["metrics"]["bcr_of_means"]
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

# The public API, imported on first use (PEP 562): `mkba validate` and a refused hostile
# input do not pay for scipy, pandas and the analyses.
_EXPORTS = {
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
    "load_case": ("mkba.data_in.cases", "load_case"),
    "load_case_text": ("mkba.data_in.cases", "load_case_text"),
    "validate_case": ("mkba.data_in.cases", "validate_case"),
}

if TYPE_CHECKING:
    from mkba.analysis import decision
    from mkba.analysis.scenarios import Comparison, compare
    from mkba.core.case import Case, apply_scenario
    from mkba.core.errors import CaseError, MkbaError, UsageError
    from mkba.core.results import Result, deterministic, simulate, simulate_many
    from mkba.data_in.cases import load_case, load_case_text, validate_case


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'mkba' has no attribute {name!r}")
    module, attr = _EXPORTS[name]
    value = importlib.import_module(module)
    if attr is not None:
        value = getattr(value, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__version__ = "0.1.0"


def example_case_path() -> Path:
    """Path of the example case ``de_kop.yaml``: ``parameters/`` in a source checkout, the
    bundled copy in an installed wheel."""
    from mkba.core.bundled import examples_dir

    return examples_dir() / "de_kop.yaml"


__all__ = [
    "Case", "CaseError", "Comparison", "compare", "decision", "MkbaError", "Result", "UsageError", "apply_scenario", "deterministic",
    "example_case_path", "load_case", "load_case_text", "simulate", "simulate_many",
    "validate_case", "__version__",
]
