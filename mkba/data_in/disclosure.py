"""Small counts (AVG, DESIGN §17): the one rule every output of ``mkba estimate`` follows.

Nothing mkba writes shows a count of persons or trajectories below :data:`THRESHOLD`, or a number
from which one follows. The rule, in the order it is applied:

* **Counts** (volumes, exclusions, unknown codes): a count of 1–9 is written as the string
  :data:`SUPPRESSED` (``"<10"``); 0 (nobody) and counts from 10 on are written as they are.
* **Shares** (k out of n): a group is *publishable* when both k and n − k are at least 10 (so a
  share of 0 % or 100 % in a small group — everyone in team X had no alternative — is not given
  away either). Groups that are not are **merged before anything is computed**
  (:func:`merge_small`: into one ``overige …`` group, with the smallest publishable group added
  while the merged group still fails — complementary suppression, so that no hidden group follows
  as the total minus the others; :func:`merge_adjacent` for start years, which are merged with a
  neighbour into a period such as ``2019-2020``). A partition that collapses into one group is
  not published: it would only repeat the total.
* **A total whose share is not publishable** (k or n − k below 10, n at least 10) is published as
  the posterior that someone who only knows "n, and k < 10" would hold: under the uniform prior
  that is the equal mixture of Beta(1 + j, 1 + n − j) over every j the suppressed count can take
  (:func:`censored_share`; the same censoring in [0, 9] the monitor uses for a ``<10`` cell),
  written as the beta with the same mean and variance. It depends on n and on which side is small
  only, so k cannot be recovered from it; it is honestly wider than the posterior from k itself.
  With n below 10 no share is published at all.
* **Complements**: the published trials of a share and the published volumes differ by the
  trajectories with an unknown code; a difference of 1–9 would give that count away, and so would
  one volume cell of ``<10`` beside its row's total. Then every volume (and the row counts, and
  the count of unknown alternatives) is written as a range (a volume parameter becomes a uniform
  over it, a ``<10`` volume a uniform over 0–9): the band of ten it lies in (:func:`decade`), except
  that the largest volume of each start-year group gets the range its exact trials leave it
  (:func:`anchored_bands`: trials + 0–9 unknown codes − the other volumes' ranges), and the used
  rows are the sum of the volumes' ranges — a band fixed by the hidden count would, at its edge
  beside the exact trials, pin it (120–129 beside 111 trials: 9 unknown codes). The goal share — whose trials would otherwise pin the total beside the
  substitution's — is written without its trials (:func:`banded_share`), so that no difference
  of published numbers is exact. The substitution's own trials stay exact: they are the core
  number, and with the total known only as a band the unknown codes stay a range.

* **Partly reached goals**: with 1–9 goals reached ``deels`` and ``deels`` below 1, the goal share
  is the mixture over that hidden count (:func:`deels_share`), so two runs with a different
  ``--deels`` cannot be subtracted to give it.
* **Rows and examples**: the rows in the file are written as the used rows (or their band) plus
  the excluded rows (exact, or 1–9), never as a band of their own; an excluded row's number is
  shown as an example only when it says no more than "at least one excluded".

``suppress=False`` (``--geen-onderdrukking``, for an analyst's own secure environment) turns all
of this off; every output is then marked as containing small counts (:data:`SMALL_COUNTS_FLAG`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

THRESHOLD = 10
SUPPRESSED = "<10"
SMALL_COUNTS_FLAG = "bevat_kleine_aantallen"  # key in JSON/YAML outputs made without suppression
OTHER_TEAMS = "overige-teams"                  # codes; text_nl gives their labels
OTHER_ALTERNATIVES = "overige-alternatieven"
OTHER_REASONS = "overige-redenen"


def is_small(n: float) -> bool:
    """A count of persons that may not be shown: 1 to 9."""
    return 0 < n < THRESHOLD


def count(n: float, suppress: bool = True) -> int | float | str:
    """A count as it may be written: ``"<10"`` for 1–9 (when suppressing), else the number."""
    if suppress and is_small(n):
        return SUPPRESSED
    return int(n) if float(n).is_integer() else float(n)


def share_publishable(k: float, n: float) -> bool:
    """k out of n may be shown (with k and n) when both k and n − k are at least 10."""
    return k >= THRESHOLD and n - k >= THRESHOLD


def count_publishable(k: float, n: float) -> bool:
    """A group counted on its own (an exclusion reason): at least 10, or none at all."""
    return k >= THRESHOLD or k == 0


def decade(n: float) -> tuple[int, int]:
    """The band of ten a count lies in: 134 → (130, 139); 4 → (0, 9)."""
    lo = int(n) // THRESHOLD * THRESHOLD
    return lo, lo + THRESHOLD - 1


def decade_text(n: float) -> str:
    lo, hi = decade(n)
    return f"{lo}-{hi}"


@dataclass(frozen=True)
class Merge:
    """How a partition's groups were published: ``groups`` maps each published key to the
    original keys in it (in order); ``merged`` are the originals too small to show on their own;
    ``complementary`` the publishable ones added to protect them; ``dropped`` is true when the
    whole partition collapsed into one group (then nothing of it is published)."""

    groups: dict[str, tuple[str, ...]]
    merged: tuple[str, ...] = ()
    complementary: tuple[str, ...] = ()
    dropped: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.merged) or self.dropped


def _sum(sizes: Mapping[str, tuple[float, float]], keys) -> tuple[float, float]:
    return (sum(sizes[g][0] for g in keys), sum(sizes[g][1] for g in keys))


def merge_small(sizes: Mapping[str, tuple[float, float]], other: str,
                ok: Callable[[float, float], bool] = share_publishable, always: Sequence[str] = ()) -> Merge:
    """Merge the groups whose ``(k, n)`` fail ``ok`` (and those in ``always``, e.g. rows without
    a team) into one group ``other``; while that group still fails, add the publishable group with
    the fewest trials (complementary suppression). A partition left with a single group is
    ``dropped``."""
    small = [g for g in sizes if not ok(*sizes[g]) or g in always]
    if not small:
        return Merge({g: (g,) for g in sizes})
    pool = list(small)
    rest = sorted((g for g in sizes if g not in small), key=lambda g: (sizes[g][1], sizes[g][0], g))
    added = []
    while not ok(*_sum(sizes, pool)) and rest:
        g = rest.pop(0)
        pool.append(g)
        added.append(g)
    if not rest:
        return Merge({}, tuple(small), tuple(added), dropped=True)
    groups = {g: (g,) for g in sizes if g not in pool}
    groups[other] = tuple(g for g in sizes if g in pool)
    return Merge(groups, tuple(small), tuple(added))


def merge_adjacent(sizes: Mapping[int, tuple[float, float]],
                   ok: Callable[[float, float], bool] = share_publishable) -> Merge:
    """Ordered groups (start years): merge a failing group with its neighbour with fewer
    trials until every group passes; merged groups are named ``first-last``."""
    runs: list[list[int]] = [[y] for y in sorted(sizes)]

    def fails(run: list[int]) -> bool:
        return not ok(*_sum(sizes, run))

    merged = [y for y in sorted(sizes) if fails([y])]
    while len(runs) > 1 and any(fails(r) for r in runs):
        i = next(i for i, r in enumerate(runs) if fails(r))
        if i == 0:
            j = 1
        elif i == len(runs) - 1:
            j = i - 1
        else:
            j = i - 1 if _sum(sizes, runs[i - 1])[1] <= _sum(sizes, runs[i + 1])[1] else i + 1
        lo, hi = min(i, j), max(i, j)
        runs[lo:hi + 1] = [runs[lo] + runs[hi]]
    if len(runs) == 1 and (merged or fails(runs[0])):
        return Merge({}, tuple(str(y) for y in merged), dropped=True)
    key = {tuple(r): (str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}") for r in runs}
    return Merge({key[tuple(r)]: tuple(str(y) for y in r) for r in runs}, tuple(str(y) for y in merged))


def censored_share(k: float, n: int) -> tuple[float, float]:
    """Beta(alpha, beta) with the mean and variance of the posterior of a share given only
    n and which of k, n − k is below 10 (uniform prior): the equal mixture of Beta(1 + j, 1 + n − j)
    over the j that agree (see the module docstring). Requires n ≥ 10."""
    if n < THRESHOLD:
        raise ValueError("n below the threshold: no share can be published")
    k_small, f_small = k < THRESHOLD, n - k < THRESHOLD
    j = np.arange(n + 1, dtype=float)
    keep = ((j < THRESHOLD) == k_small) & ((n - j < THRESHOLD) == f_small)
    j = j[keep]
    return _moment_beta(1.0 + j, 1.0 + n - j)


def _moment_beta(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """The beta with the mean and variance of the equal mixture of Beta(a_i, b_i)."""
    mean_i = a / (a + b)
    second_i = a * (a + 1) / ((a + b) * (a + b + 1))
    mean = float(mean_i.mean())
    var = float(second_i.mean() - mean**2)
    total = mean * (1 - mean) / var - 1.0
    return round(mean * total, 4), round((1 - mean) * total, 4)


def banded_share(k: float, n: int) -> tuple[float, float]:
    """Beta(alpha, beta) for a share whose trials may not be shown exactly (their difference with
    another published total would be 1–9): the share rounded to a whole percent, r, and the trials
    known only as their band of ten, [lo, lo + 9]; the equal mixture of Beta(1 + r·m, 1 + (1 − r)·m)
    over m in that band, written as the beta with its mean and variance. Rounding the share matters:
    k / n to full precision would single out n within its band."""
    r = round(k / n, 2)
    lo, hi = decade(n)
    m = np.arange(max(lo, THRESHOLD), hi + 1, dtype=float)
    return _moment_beta(1.0 + r * m, 1.0 + (1.0 - r) * m)


def anchored_bands(cells: Mapping, groups: Sequence[tuple[Sequence, int]], hidden: int) -> dict:
    """Ranges for counts that may not be shown exactly, such that no exact published total pins
    one. ``cells`` are the counts (all positive); ``groups`` pairs cells with the exact total T that is
    published for them, where sum(cells) = T + h for a hidden h in [0, ``hidden``] (the trajectories
    with an unknown code). Every cell gets its band of ten ((1, 9) for 1–9); then the largest cell of
    each group gets the range that T leaves it, T + [0, hidden] minus the other cells' ranges (at
    least 10: it is not shown as ``<10``). A band of ten fixed by the cell itself would not do: at its
    edge, beside T, it pins h or a small cell (120–129 beside 111 trials: 9 unknown codes)."""
    out = {k: ((1, THRESHOLD - 1) if is_small(v) else decade(v)) for k, v in cells.items()}
    for members, total in groups:
        members = [m for m in members if m in cells]
        if not members:
            continue
        anchor = max(members, key=lambda m: (cells[m], str(m)))
        if is_small(cells[anchor]):
            continue
        others = [m for m in members if m != anchor]
        lo = total - sum(out[m][1] for m in others)
        hi = total + hidden - sum(out[m][0] for m in others)
        out[anchor] = (max(lo, THRESHOLD), hi)
    return out


def deels_share(whole_or_part: float, n: int, deels: float) -> tuple[float, float]:
    """Beta(alpha, beta) for goal attainment when 1–9 trajectories reached it partly ('deels'):
    with J = ja + deels (the count that reached it at least partly) and n known, the successes are
    J − (1 − d)·j for the hidden number j of partial ones; the equal mixture of
    Beta(1 + s_j, 1 + n − s_j) over j = 1…9 (j ≤ J), written as the beta with its mean and variance.
    It depends on J, n and d only, so two runs with a different ``--deels`` cannot be subtracted
    to give j (with d = 1 the successes are J itself and nothing is hidden)."""
    j = np.arange(1, THRESHOLD, dtype=float)
    j = j[j <= whole_or_part]
    s = whole_or_part - (1.0 - deels) * j
    return _moment_beta(1.0 + s, 1.0 + n - s)


__all__: Sequence[str] = ["THRESHOLD", "SUPPRESSED", "SMALL_COUNTS_FLAG", "OTHER_TEAMS", "OTHER_ALTERNATIVES",
                          "OTHER_REASONS", "is_small", "count", "share_publishable", "count_publishable",
                          "decade", "decade_text", "Merge", "merge_small", "merge_adjacent", "censored_share",
                          "banded_share", "deels_share", "anchored_bands"]
