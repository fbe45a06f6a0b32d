"""The run budget: what a run of N draws will store and take, and whether this machine holds it
(README "Grenzen"). The faces ask :func:`run_budget` (and word the answer); they never count.

- below :data:`MIN_DRAWS_INTERVALS` draws the numbers are shown but intervals and
  probabilities are not (they would look precise and mean nothing);
- a run whose stored columns (draws × columns × 8 bytes, the columns of
  :func:`mkba.core.outputs.stored_columns` summed over the options) do not fit in the free
  memory plus the free temporary disk, or whose single column (read for quantiles,
  :data:`COLUMN_COPIES` copies) does not fit in memory, is refused with the largest count that fits;
- above :data:`SOFT_LIMIT` draws, or an estimated :data:`SOFT_SECONDS` of computing, the
  estimate is shown and ``--ja`` is needed to start;
- from :data:`SHOW_ESTIMATE` draws the estimate of memory and time is shown before starting.
"""

from __future__ import annotations

import math
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkba.core.case import Case

MIN_DRAWS_INTERVALS = 100
SOFT_LIMIT = 5_000_000
SOFT_SECONDS = 600.0
SHOW_ESTIMATE = 1_000_000
COLUMN_COPIES = 4  # a column read for quantiles: the copy, the sort, and numpy's working space
BYTES_PER_VALUE = 8


@dataclass(frozen=True)
class RunBudget:
    """What a run of ``draws`` draws needs, against what this machine has.

    Attributes
    ----------
    draws, columns : int
        The draw count asked for; values stored per draw over all options.
    need_bytes, free_bytes : int
        Bytes the stored draws take; bytes usable for them (memory and temporary disk).
    maximum : int
        The largest draw count that fits (rounded down to a count a user can type).
    refused, soft, show_estimate : bool
        Does not fit; needs ``--ja``; show the estimate before starting.
    seconds : float or None
        Estimated computing time (measured on this machine for large runs, else ``None``).
    """

    draws: int
    columns: int
    need_bytes: int
    free_bytes: int
    maximum: int
    refused: bool
    soft: bool
    show_estimate: bool
    seconds: float | None


@dataclass(frozen=True)
class ColumnBudget:
    """Whether one column of ``draws`` values can be read for quantiles (before a case is read)."""

    draws: int
    need_bytes: int
    free_bytes: int
    maximum: int

    @property
    def refused(self) -> bool:
        return self.need_bytes > self.free_bytes


def columns_per_draw(case: Case, options: Sequence[str | None]) -> int:
    """Stored values per draw over all ``options`` (outputs plus uncertain parameters)."""
    from mkba.core.case import apply_scenario
    from mkba.core.outputs import stored_columns

    return sum(len(stored_columns(apply_scenario(case, option))) for option in (list(options) or [None]))


def run_budget(case: Case, draws: int, options: Sequence[str | None], memory: int | None = None,
               disk: int | None = None, workers: int = 1) -> RunBudget:
    """Decide whether ``draws`` draws of ``options`` can run, and estimate the bytes and the time
    (with ``workers`` local processes, at most one per core)."""
    cols = max(columns_per_draw(case, options), 1)
    memory = available_memory() if memory is None else memory
    disk = free_disk() if disk is None else disk
    usable_memory = int(memory * 0.8)
    usable = usable_memory + int(disk * 0.9)
    need = draws * cols * BYTES_PER_VALUE
    column = draws * BYTES_PER_VALUE * COLUMN_COPIES
    maximum = max(min(usable // (cols * BYTES_PER_VALUE), usable_memory // (BYTES_PER_VALUE * COLUMN_COPIES)), 0)
    refused = need > usable or column > usable_memory
    seconds = None
    if not refused and draws >= min(SHOW_ESTIMATE, SOFT_LIMIT) // 10:
        seconds = seconds_per_draw(case, options) * draws / parallel_speedup(workers)
    soft = not refused and (draws > SOFT_LIMIT or (seconds is not None and seconds > SOFT_SECONDS))
    return RunBudget(draws, cols, need, usable, round_down(maximum), refused, soft,
                     not refused and draws >= SHOW_ESTIMATE, seconds)


def column_budget(draws: int, memory: int | None = None) -> ColumnBudget:
    """The part of :func:`run_budget` that needs no case: one column of ``draws`` values."""
    free = int((available_memory() if memory is None else memory) * 0.8)
    per_draw = BYTES_PER_VALUE * COLUMN_COPIES
    return ColumnBudget(draws, draws * per_draw, free, round_down(free // per_draw))


def seconds_per_draw(case: Case, options: Sequence[str | None], small: int = 1000, large: int = 5000) -> float:
    """Measured: the time per extra draw between a run of ``small`` and one of ``large`` draws
    (so fixed start-up costs do not inflate the estimate); about 0,1–0,5 s in all."""
    from mkba.core.results import simulate_many

    def timed(n: int) -> float:
        t0 = time.perf_counter()
        simulate_many(case, list(options) or [None], draws=n, seed=1)
        return time.perf_counter() - t0

    timed(10)  # builds the per-shape inverse CDFs once, so they do not count as time per draw
    t_small, t_large = timed(small), timed(large)
    return max(t_large - t_small, t_large / large * 0.1) / (large - small)


def parallel_speedup(workers: int) -> float:
    """The speed-up to expect from ``workers`` local processes: one per core at most, each
    beyond the first adding about 60% (measured: 1,6× with two on two cores, start-up included)."""
    usable = max(min(int(workers), os.cpu_count() or 1), 1)
    return 1.0 + 0.6 * (usable - 1)


def available_memory() -> int:
    """Bytes this process may still use: the kernel's MemAvailable, capped by RLIMIT_AS."""
    avail = None
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    avail = int(line.split()[1]) * 1024
                    break
    except OSError:
        pass
    if avail is None:
        avail = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY:
        avail = min(avail, max(soft - _address_space(), 0))
    return int(avail)


def _address_space() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def free_disk() -> int:
    """Free bytes in the temporary folder (where large draw stores live)."""
    try:
        return int(shutil.disk_usage(tempfile.gettempdir()).free)
    except OSError:
        return 0


def round_down(n: int) -> int:
    """1 234 567 → 1 200 000: a count a user can type."""
    if n < 100:
        return n
    digits = int(math.log10(n)) - 1
    return (n // 10**digits) * 10**digits


__all__ = ["COLUMN_COPIES", "MIN_DRAWS_INTERVALS", "SHOW_ESTIMATE", "SOFT_LIMIT", "SOFT_SECONDS", "ColumnBudget",
           "RunBudget", "available_memory", "column_budget", "columns_per_draw", "free_disk", "parallel_speedup",
           "round_down", "run_budget", "seconds_per_draw"]
