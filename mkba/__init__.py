"""mkba: social cost-benefit analysis (MKBA) for Dutch social work, with honest uncertainty.

Quick start::

    import mkba
    case = mkba.load_case("parameters/de_kop.yaml")
    res = mkba.simulate(case, draws=10_000, seed=1)
    res.summary()["metrics"]["bcr_of_means"]
"""

from __future__ import annotations

from pathlib import Path

from mkba.analysis import decision
from mkba.analysis.scenarios import Comparison, compare
from mkba.core.case import Case, apply_scenario
from mkba.core.errors import CaseError, MkbaError, UsageError
from mkba.core.results import Result, deterministic, simulate, simulate_many
from mkba.data_in.cases import load_case, load_case_text, validate_case

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
