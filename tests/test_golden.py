"""Golden JSON: the run, compare and deterministic objects of a small case of its own, byte for
byte as the code at 96d6580 wrote them (before the restructuring of issue 17). A change that
moves a single bit of a number, a key or its order fails here; regenerate only when a change of
the numbers is intended (and say why in the commit):

    PYTHONPATH=$PWD python -c "import tests.test_golden as g; g.write_golden()"
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import mkba
from mkba.core.io import to_json

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"

GOLDEN = {
    "mkba": 1,
    "case": {"id": "gouden", "title": "Gouden casus", "start_year": 2021, "horizon": 3, "discount_rate": 0.03,
             "optimism_bias": {"costs": 0.1, "benefits": "ob"}},
    "sources": {"bron": "Een bron"},
    "stakeholders": {"gemeente": "Gemeente", "huishoudens": "Huishoudens", "zvw": "Zorgverzekeraar"},
    "parameters": {
        "ob": {"dist": "uniform", "min": 0.0, "max": 0.2},
        "volume": {"dist": "pert", "min": 40, "mode": 60, "max": 100, "source": "bron"},
        "succes": {"dist": "beta", "successes": 30, "trials": 80},
        "waarde": {"dist": "lognormal", "mean": 900, "sd": 300},
        "deel": {"dist": "triangular", "min": 0.3, "mode": 0.5, "max": 0.6},
        "budget": {"dist": "normal", "mean": 20000, "sd": 2000, "min": 0},
        "extra": {"dist": "empirical", "values": [3, 5, 8, 13]},
        "uren": {"dist": "discrete", "values": [1, 2, 4], "probs": [0.5, 0.3, 0.2]},
        "prijs": {"dist": "gamma", "mean": 50, "sd": 10},
    },
    "correlations": [["volume", "waarde", -0.4]],
    "costs": [{"id": "subsidie", "label": "Subsidie", "amount": "budget", "payer": "gemeente"},
              {"id": "eigen", "label": "Eigen bijdrage", "amount": [500, 500, 0], "payer": {"gemeente": 0.5, "huishoudens": "rest"},
               "years": [0, 1]}],
    "effects": [
        {"id": "zorg", "label": "Minder zorg", "category": "zorg", "kind": "fiscal", "volume": "volume",
         "ramp_up": [0.5, 1.0], "share": "succes", "deadweight": 0.1, "value": "waarde", "lag": 1, "persistence": 2,
         "drop_off": 0.3, "beneficiaries": {"zvw": "deel", "gemeente": "rest"}},
        {"id": "welzijn", "label": "Welzijn", "category": "welzijn", "kind": "social", "volume": 25, "value": 400,
         "beneficiaries": "huishoudens"},
        {"id": "tijd", "label": "Tijd", "category": "tijd", "kind": "economic", "volume": ["extra", "uren", 2],
         "value": "prijs", "beneficiaries": {"huishoudens": 0.7, "gemeente": 0.3}},
    ],
    "scenarios": {
        "korting": {"label": "Korting", "scale": {"budget": 0.8}, "drop": ["welzijn"]},
        "pessimistisch": {"label": "Pessimistisch", "soort": "gevoeligheid", "set": {"succes": {"value": 0.2}}},
    },
}


def _case():
    return mkba.load_case_text(yaml.safe_dump(GOLDEN, sort_keys=False, allow_unicode=True), "gouden.yaml")


def _outputs() -> dict[str, str]:
    case = _case()
    return {
        "gouden_run.json": to_json(mkba.simulate(case, draws=300, seed=11, design="lhs").summary()) + "\n",
        "gouden_compare.json": to_json(mkba.compare(case, draws=400, seed=5).summary()) + "\n",
        "gouden_deterministic.json": to_json(mkba.deterministic(case, "korting").summary()) + "\n",
    }


def write_golden() -> None:
    for name, text in _outputs().items():
        (GOLDEN_DIR / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize("name", ["gouden_run.json", "gouden_compare.json", "gouden_deterministic.json"])
def test_outputs_are_byte_identical_to_the_golden_files(name):
    assert _outputs()[name] == (GOLDEN_DIR / name).read_text(encoding="utf-8")
