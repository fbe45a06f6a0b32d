"""How the run budget reads (README "Grenzen"): bytes, seconds and the short estimate, in Dutch.

The numbers (what a run stores, what fits, how long it takes) are computed in
:mod:`mkba.core.budget`; this module only words them.
"""

from __future__ import annotations

from mkba.core.budget import RunBudget


def need_text(budget: RunBudget) -> str:
    return human_bytes(budget.need_bytes)


def free_text(budget: RunBudget) -> str:
    return human_bytes(budget.free_bytes)


def seconds_text(budget: RunBudget) -> str:
    from mkba.faces.text_nl import SECONDS_UNKNOWN

    return SECONDS_UNKNOWN if budget.seconds is None else human_seconds(budget.seconds)


def estimate_text(budget: RunBudget) -> str:
    from mkba.faces.text_nl import DRAWS_ESTIMATE_SHORT

    return DRAWS_ESTIMATE_SHORT.format(memory=need_text(budget), seconds=seconds_text(budget))


def human_bytes(n: float) -> str:
    from mkba.faces.formatting import nl_number

    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{nl_number(n / size, 1)} {unit}"
    return f"{int(n)} bytes"


def human_seconds(s: float) -> str:
    from mkba.faces.text_nl import DURATION

    if s < 60:
        return DURATION["seconds"].format(n=max(round(s), 1))
    if s < 3600:
        return DURATION["minutes"].format(n=round(s / 60))
    if s < 48 * 3600:
        return DURATION["hours"].format(n=f"{s / 3600:.1f}".replace(".", ","))
    return DURATION["days"].format(n=round(s / 86400))
