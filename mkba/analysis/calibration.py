"""How far a calibrated value lies from the evidence (DESIGN §14, §19).

A case may keep a calibrated value as a ``soort: gevoeligheid`` scenario that ``set``s a parameter
with ``calibrated:`` (De Kop: ``kalibratie-2019``), while its baseline takes that parameter from
the value bank. :func:`calibration_gaps` returns, per such parameter, the calibrated value, the
bank's range in the case's prices, where the calibrated value lies (``inside``/``above``/
``below``), by what factor it differs from the bank's central value, and the benefit-cost ratio
with the bank value (the baseline) and with the calibrated value (the scenario), both simulated on
the same draws. Data only; :func:`mkba.faces.text_nl.calibration_gap_sentence` words it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from mkba.core.case import Case
from mkba.core.distributions import ParameterSpec
from mkba.core.results import simulate


@dataclass(frozen=True)
class CalibrationGap:
    parameter: str
    label: str
    unit: str | None
    scenario: str                 # the gevoeligheid scenario holding the calibrated value
    scenario_label: str
    calibrated: str               # why and to what it was calibrated
    calibrated_value: float       # its central value (mode where the family has one, else mean)
    bank_low: float               # the bank's range (support) in the case's prices
    bank_central: float
    bank_high: float
    position: str                 # "inside" | "above" | "below" the bank's range
    factor_to_bank: float         # calibrated_value / bank_central
    beyond_range: float           # how far outside the range (0 when inside), in the value's unit
    bank_source: str | None
    bcr_bank: dict[str, float]    # {"expected", "p05", "p95", "prob_npv_positive"} with the bank value
    bcr_calibrated: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def central(spec: ParameterSpec) -> float:
    """The value a reader would quote: the mode of a PERT/triangular, else the base value."""
    mode = getattr(spec, "mode", None)
    return float(mode) if mode is not None else float(spec.base_value)


def _bcr(summary: dict) -> dict[str, float]:
    m = summary["metrics"]
    return {"expected": float(m["bcr_of_means"]), "p05": float(m["bcr"]["p05"]), "p95": float(m["bcr"]["p95"]),
            "prob_npv_positive": float(m["prob_npv_positive"])}


def calibrated_settings(case: Case) -> list[tuple[str, str, ParameterSpec]]:
    """(scenario, parameter, calibrated spec) for every calibrated value a ``gevoeligheid`` scenario
    sets on a parameter the baseline takes from elsewhere (the value bank)."""
    return [(sid, name, spec) for sid in case.sensitivity_ids() for name, spec in case.scenarios[sid].set
            if spec.calibrated and name in case.parameters and not case.parameters[name].calibrated]


def gaps(case: Case, summary_of: Callable[[str], dict]) -> list[CalibrationGap]:
    """The calibration gaps of ``case`` with each option's run summary from ``summary_of(id)``
    ("baseline" and the gevoeligheid scenario), e.g. from a comparison already simulated."""
    found = calibrated_settings(case)
    if not found:
        return []
    base = _bcr(summary_of("baseline"))
    out = []
    for sid, name, spec in found:
        bank = case.parameters[name]
        low, high = bank.support
        value = central(spec)
        position = "above" if value > high else "below" if value < low else "inside"
        beyond = value - high if position == "above" else low - value if position == "below" else 0.0
        out.append(CalibrationGap(
            parameter=name, label=bank.label or name, unit=bank.unit, scenario=sid,
            scenario_label=case.scenarios[sid].label, calibrated=str(spec.calibrated), calibrated_value=value,
            bank_low=float(low), bank_central=central(bank), bank_high=float(high), position=position,
            factor_to_bank=value / central(bank), beyond_range=float(beyond), bank_source=bank.source,
            bcr_bank=base, bcr_calibrated=_bcr(summary_of(sid))))
    return out


def calibration_gaps(case: Case, draws: int = 10_000, seed: int = 1) -> list[CalibrationGap]:
    """:func:`gaps`, each option simulated on the same draws (see module doc)."""
    if not calibrated_settings(case):
        return []
    return gaps(case, lambda sid: simulate(case, draws=draws, seed=seed,
                                           scenario=None if sid == "baseline" else sid).summary())


__all__ = ["CalibrationGap", "calibrated_settings", "calibration_gaps", "central", "gaps"]
