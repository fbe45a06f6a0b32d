"""How many Monte Carlo draws this machine can hold, and what a run will cost (README "Grenzen").

- below :data:`MIN_DRAWS_INTERVALS` draws the numbers are shown but intervals and
  probabilities are not (they would look precise and mean nothing);
- a run whose per-draw outputs (draws × columns × 8 bytes) do not fit in the free memory plus
  the free temporary disk, or whose single column (read for quantiles, ~4 copies) does not fit in
  memory, is refused with the largest count that fits;
- above :data:`SOFT_LIMIT` draws, or an estimated :data:`SOFT_SECONDS` of computing, the
  estimate is shown and ``--ja`` is needed to start;
- from :data:`SHOW_ESTIMATE` draws the estimate of memory and time is printed before starting.
"""

from __future__ import annotations

import math
import resource
import shutil
import tempfile
import time
from dataclasses import dataclass

MIN_DRAWS_INTERVALS = 100
SOFT_LIMIT = 5_000_000
SOFT_SECONDS = 600.0
SHOW_ESTIMATE = 1_000_000
COLUMN_COPIES = 4  # a column read for quantiles: the copy, the sort, and numpy's working space


@dataclass(frozen=True)
class Plan:
    draws: int
    need_bytes: int
    free_bytes: int
    maximum: int
    refused: bool
    soft: bool
    show_estimate: bool
    seconds: float | None

    @property
    def need_text(self) -> str:
        return human_bytes(self.need_bytes)

    @property
    def free_text(self) -> str:
        return human_bytes(self.free_bytes)

    @property
    def seconds_text(self) -> str:
        return "onbekend" if self.seconds is None else human_seconds(self.seconds)

    @property
    def estimate_text(self) -> str:
        from mkba.faces.text_nl import DRAWS_ESTIMATE_SHORT

        return DRAWS_ESTIMATE_SHORT.format(memory=self.need_text, seconds=self.seconds_text)


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
        import os

        avail = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft != resource.RLIM_INFINITY:
        used = _address_space()
        avail = min(avail, max(soft - used, 0))
    return int(avail)


def _address_space() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            import os

            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def free_disk() -> int:
    """Free bytes in the temporary folder (where large draw stores live)."""
    try:
        return int(shutil.disk_usage(tempfile.gettempdir()).free)
    except OSError:
        return 0


def columns_per_draw(case, options: list) -> int:
    """Stored values per draw over all ``options`` (outputs plus uncertain parameters)."""
    from mkba.core.case import apply_scenario
    from mkba.core.model import Layout

    total = 0
    for option in options or [None]:
        c = apply_scenario(case, option)
        total += len(Layout.of(c).columns) + len(c.uncertain_parameters)
    return total


def seconds_per_draw(case, options: list, small: int = 1000, large: int = 5000) -> float:
    """Measured: the time per extra draw between a run of ``small`` and one of ``large`` draws
    (so fixed start-up costs do not inflate the estimate); about 0,1–0,5 s in all."""
    from mkba.core.results import simulate_many

    def timed(n: int) -> float:
        t0 = time.perf_counter()
        simulate_many(case, options or [None], draws=n, seed=1)
        return time.perf_counter() - t0

    timed(10)  # builds the per-shape inverse CDFs once, so they do not count as time per draw
    t_small, t_large = timed(small), timed(large)
    return max(t_large - t_small, t_large / large * 0.1) / (large - small)


def plan(case, draws: int, options: list, memory: int | None = None, disk: int | None = None,
         workers: int = 1) -> Plan:
    """Decide whether ``draws`` can run, and estimate its memory/disk and time (the time with
    ``workers`` local processes, at most one per core)."""
    cols = max(columns_per_draw(case, options), 1)
    memory = available_memory() if memory is None else memory
    disk = free_disk() if disk is None else disk
    usable_memory = int(memory * 0.8)
    usable = usable_memory + int(disk * 0.9)
    need = draws * cols * 8
    column = draws * 8 * COLUMN_COPIES
    maximum = max(min(usable // (cols * 8), usable_memory // (8 * COLUMN_COPIES)), 0)
    refused = need > usable or column > usable_memory
    seconds = None
    if not refused and draws >= min(SHOW_ESTIMATE, SOFT_LIMIT) // 10:
        seconds = seconds_per_draw(case, options) * draws / parallel_speedup(workers)
    soft = not refused and (draws > SOFT_LIMIT or (seconds is not None and seconds > SOFT_SECONDS))
    return Plan(draws, need, usable, _round_down(maximum), refused, soft,
                not refused and draws >= SHOW_ESTIMATE, seconds)


def parallel_speedup(workers: int) -> float:
    """The speed-up to expect from ``workers`` local processes: one per core at most, each
    beyond the first adding about 60% (measured: 1,6× with two on two cores, start-up included)."""
    import os

    usable = max(min(int(workers), os.cpu_count() or 1), 1)
    return 1.0 + 0.6 * (usable - 1)


def _round_down(n: int) -> int:
    """1 234 567 → 1 200 000: a count a user can type."""
    if n < 100:
        return n
    digits = int(math.log10(n)) - 1
    return (n // 10**digits) * 10**digits


def human_bytes(n: float) -> str:
    from mkba.faces.formatting import nl_number

    for unit, size in (("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{nl_number(n / size, 1)} {unit}"
    return f"{int(n)} bytes"


def human_seconds(s: float) -> str:
    if s < 60:
        return f"{max(round(s), 1)} seconden"
    if s < 3600:
        return f"{round(s / 60)} minuten"
    if s < 48 * 3600:
        return f"{s / 3600:.1f} uur".replace(".", ",")
    return f"{round(s / 86400)} dagen"
