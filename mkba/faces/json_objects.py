"""The JSON objects of ``mkba run --json`` and ``mkba compare --json`` (DESIGN §5), built in one
place so that the command line and ``mkba verken``'s ``/api/run`` and ``/api/compare`` give the
same bytes for the same question (DESIGN §15)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mkba.core.case import Case


def overridden(case: Case, set_values: Mapping[str, float] | None, discount_rate: float | None) -> Case:
    """The case with ``--set`` / ``--discontovoet`` applied (:func:`mkba.analysis.whatif.with_overrides`)."""
    from mkba.analysis.whatif import with_overrides

    return with_overrides(case, set=set_values, discount_rate=discount_rate)


def run_result(case: Case, scenario: str | None = None, draws: int = 10_000, seed: int = 1, design: str = "mc",
               chunk_size: int = 2**16, progress: Callable[[int], None] | None = None, workers: int = 1,
               deterministic: bool = False):
    """The :class:`~mkba.core.results.Result` of ``mkba run`` (its ``summary()`` is the JSON)."""
    from mkba.core.results import deterministic as run_deterministic
    from mkba.core.results import simulate

    if deterministic:
        return run_deterministic(case, scenario)
    return simulate(case, draws=draws, seed=seed, scenario=scenario, design=design, chunk_size=chunk_size,
                    progress=progress, workers=workers)


def run_summary(result, case: Case) -> dict:
    """The ``mkba run --json`` object of ``result``: its summary, plus ``synthetic_data`` (the
    included estimates made from synthetic data) when ``case`` includes any (DESIGN §11)."""
    from mkba.data_in.synthetic import synthetic_includes

    summary = result.summary()
    synthetic = synthetic_includes(case)
    if synthetic:
        summary["synthetic_data"] = synthetic
    return summary


def compare_result(case: Case, draws: int = 10_000, seed: int = 1, perspective: str | None = None,
                   progress: Callable[[int], None] | None = None, workers: int = 1):
    """The :class:`~mkba.analysis.scenarios.Comparison` of ``mkba compare`` (``summary()``: the JSON)."""
    from mkba.analysis.scenarios import compare

    return compare(case, draws=draws, seed=seed, perspective=perspective, progress=progress, workers=workers)


def json_text(summary: dict) -> str:
    """What ``--json`` prints: the object and a newline."""
    from mkba.core.io import to_json

    return to_json(summary) + "\n"
