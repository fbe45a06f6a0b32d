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


#: A small valid case (one stakeholder, one cost line, one effect line with a per-year volume);
#: the ``tiny_case`` fixture builds it, with any top-level section replaced.
TINY_CASE = {
    "mkba": 1,
    "case": {"id": "klein", "title": "K", "start_year": 2020, "horizon": 2, "discount_rate": 0},
    "stakeholders": {"g": "G"},
    "parameters": {},
    "costs": [{"id": "k", "label": "K", "amount": 100, "payer": "g"}],
    "effects": [{"id": "s", "label": "Substitutie", "category": "substitutie", "kind": "fiscal",
                 "volume": [20, 50], "share": 0.2, "value": 10, "beneficiaries": "g"}],
}


@pytest.fixture
def tiny_case():
    """``tiny_case(**sections)``: :data:`TINY_CASE` with the given top-level sections replaced
    (``None`` drops one), validated like a case file (``klein.yaml``)."""
    import yaml

    import mkba

    def make(**sections):
        data = {**TINY_CASE, **sections}
        text = yaml.safe_dump({k: v for k, v in data.items() if v is not None}, sort_keys=False, allow_unicode=True)
        return mkba.load_case_text(text, "klein.yaml")

    return make
