"""Shared fixtures: paths resolved from this file, and analytic answers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "parameters" / "de_kop.yaml"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_case():
    import mkba

    return mkba.load_case(EXAMPLE)
