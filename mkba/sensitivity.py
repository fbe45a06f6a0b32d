"""Round-1 import path kept for users: ``from mkba.sensitivity import tornado`` still works.

The methods live in :mod:`mkba.analysis.sensitivity`.
"""

from mkba.analysis.sensitivity import (  # noqa: F401
    METHODS,
    OutputSpec,
    SensitivityResult,
    breakeven,
    morris,
    sobol,
    sobol_indices,
    tornado,
)
