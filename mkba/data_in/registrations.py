"""Substitution, volumes and goal attainment estimated from a registration export (DESIGN §11).

One row per trajectory, CSV (delimiter sniffed among ``,`` ``;`` and tab) or xlsx (``sheet``).
Columns (case-insensitive; ``renames`` maps other names onto these): ``traject_id`` (unique),
``startdatum`` (``2019-03-14`` or ``14-03-2019``), ``einddatum`` (optional), ``soort``, ``team``
(optional), ``alternatief`` (``geen``, a maatwerk category, or ``onbekend``) and ``doel_bereikt``
(``ja``, ``deels``, ``nee``, ``onbekend``).

Estimates
---------
* **Substitution share** = trajectories with a maatwerk alternative / trajectories with a known
  alternative. Under a uniform prior the posterior is Beta(1 + k, 1 + n − k), overall, per
  alternative (k = that alternative) and per start year.
* **Per team**: partial pooling with a beta-binomial model fitted by empirical Bayes. The prior
  Beta(α, β) shared by the teams is estimated by **maximum marginal likelihood** (the
  beta-binomial likelihood of the team counts, maximised over mean μ = α/(α+β) and
  concentration κ = α+β, κ ∈ [0.01, 10⁶] — κ at its upper bound means the data show no
  between-team variation, i.e. complete pooling). Team j's posterior is then
  Beta(α + k_j, β + n_j − k_j), mean (α + k_j)/(α + β + n_j): between the team's own share and
  the overall share. Whether teams differ more than chance allows is tested with Pearson's
  chi-square test of homogeneity on the teams × (maatwerk, geen) table (note at p < 0.05).
* **Volumes** per start year and ``soort``; a year is *partial* when the export has no start
  date in its January or in its December (flagged, never annualised).
* **Goal reached**: s = #ja + deels·#deels (deels = ½ by default) out of n known, posterior
  Beta(1 + s, 1 + n − s).

Unusable rows are counted per reason (``missing_id``, ``duplicate_id``, ``bad_date``,
``unknown_code``; an end date before the start date is a ``bad_date``) with their row and column, never silently dropped. Results are frozen
records with ``to_frame()``; wording for users lives in :mod:`mkba.faces.text_nl`.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import optimize, stats

from mkba.core.errors import MkbaError
from mkba.data_in import disclosure as D
from mkba.data_in.synthetic import is_synthetic

REQUIRED = ("traject_id", "startdatum", "soort", "alternatief", "doel_bereikt")
OPTIONAL = ("einddatum", "team")
NO_ALTERNATIVE = "geen"
UNKNOWN = "onbekend"
MAATWERK = ("wmo-begeleiding", "huishoudelijke-hulp", "jeugdhulp", "ggz")
ALTERNATIVES = (NO_ALTERNATIVE, *MAATWERK, UNKNOWN)
GOALS = {"ja": 1.0, "deels": None, "nee": 0.0, UNKNOWN: None}
REASONS = ("missing_id", "duplicate_id", "bad_date", "unknown_code")
KAPPA_BOUNDS = (0.01, 1e6)
HETEROGENEITY_ALPHA = 0.05


class DataFileError(MkbaError):
    """A data file that cannot be used at all. ``code`` says why (see ``text_nl``); ``file``,
    ``row`` (1-based, as a spreadsheet shows it) and ``column`` locate it; ``detail`` holds
    the facts the message needs."""

    def __init__(self, code: str, file: str, row: int | None = None, column: str | None = None, **detail):
        where = file + (f" row {row}" if row else "") + (f" column '{column}'" if column else "")
        super().__init__(f"{where}: {code} {detail}")
        self.code = code  # after the base class, which sets its own (empty) code
        self.file = file
        self.row = row
        self.column = column
        self.detail = detail


@dataclass(frozen=True)
class BetaEstimate:
    """A share's posterior Beta(alpha, beta) from ``successes`` out of ``trials``."""

    successes: float
    trials: int
    alpha: float
    beta: float
    censored: str = ""  # "successes" or "failures" (or both, "successes+failures"): below 10, not kept

    @classmethod
    def uniform_prior(cls, successes: float, trials: int) -> BetaEstimate:
        return cls(successes, trials, 1.0 + successes, 1.0 + trials - successes)

    @classmethod
    def published(cls, successes: float, trials: int, suppress: bool) -> BetaEstimate:
        """The uniform-prior posterior, or (suppressing, k or n − k below 10) the censored one
        of :func:`mkba.data_in.disclosure.censored_share`, which keeps neither k nor n − k."""
        if not suppress or D.share_publishable(successes, trials):
            return cls.uniform_prior(successes, trials)
        a, b = D.censored_share(successes, trials)
        side = "+".join(name for name, small in (("successes", successes < D.THRESHOLD),
                                                  ("failures", trials - successes < D.THRESHOLD)) if small)
        return cls(math.nan, trials, a, b, side)

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    @property
    def p05(self) -> float:
        return float(stats.beta.ppf(0.05, self.alpha, self.beta))

    @property
    def p95(self) -> float:
        return float(stats.beta.ppf(0.95, self.alpha, self.beta))

    def to_dict(self) -> dict:
        s = self.successes
        if self.censored == "trials":  # trials shown only as their band (see disclosure.banded_share)
            return {"successes": None, "trials": D.decade_text(self.trials), "alpha": self.alpha, "beta": self.beta,
                    "censored": True, "mean": self.mean, "p05": self.p05, "p95": self.p95}
        if self.censored:
            return {"successes": D.SUPPRESSED if self.censored.startswith("successes") else None,
                    "failures": D.SUPPRESSED if "failures" in self.censored else None,
                    "trials": self.trials, "alpha": self.alpha, "beta": self.beta, "censored": True,
                    "mean": self.mean, "p05": self.p05, "p95": self.p95}
        return {"successes": int(s) if float(s).is_integer() else s, "trials": self.trials,
                "mean": self.mean, "p05": self.p05, "p95": self.p95}

    def parameter(self) -> dict:
        """The case parameter: ``successes``/``trials`` when they may be shown, else the beta's
        shape (a censored posterior, or a fractional ``deels`` count)."""
        if not self.censored and float(self.successes).is_integer():
            return {"dist": "beta", "successes": int(self.successes), "trials": self.trials}
        return {"dist": "beta", "alpha": self.alpha, "beta": self.beta}


@dataclass(frozen=True)
class TeamEstimate:
    """One team: its raw counts and its partially pooled posterior."""

    team: str
    successes: int
    trials: int
    pooled: BetaEstimate

    @property
    def raw_share(self) -> float:
        return self.successes / self.trials if self.trials else math.nan


@dataclass(frozen=True)
class Pooling:
    """The fitted beta-binomial prior Beta(alpha, beta) and the homogeneity test."""

    alpha: float
    beta: float
    method: str
    chi2: float
    df: int
    p_value: float

    @property
    def mean(self) -> float:
        return self.alpha / (self.alpha + self.beta)

    @property
    def concentration(self) -> float:
        return self.alpha + self.beta

    @property
    def complete(self) -> bool:
        """The fit found no between-team variation (concentration at its upper bound)."""
        return self.concentration >= KAPPA_BOUNDS[1] * 0.999

    @property
    def teams_differ(self) -> bool:
        return self.p_value < HETEROGENEITY_ALPHA


@dataclass(frozen=True)
class Exclusion:
    """One unusable row: where, why (a code of :data:`REASONS`) and the offending value."""

    row: int
    column: str
    reason: str
    value: str


@dataclass(frozen=True)
class RegistrationEstimate:
    """Everything ``mkba estimate registraties`` reports (see the module docstring)."""

    file: str
    sha256: str
    sheet: str | None
    soort: str | None
    deels: float
    rows: int
    used: int
    exclusions: tuple[Exclusion, ...]
    first_date: str | None
    last_date: str | None
    overall: BetaEstimate
    by_alternative: dict[str, BetaEstimate]
    by_year: dict[int, BetaEstimate]
    by_team: dict[str, TeamEstimate]
    pooling: Pooling | None
    volumes: dict[int, dict[str, int]]
    partial_years: tuple[int, ...]
    goal_reached: BetaEstimate | None
    unknown_alternative: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)
    synthetic: bool = False  # the data file says it is synthetic (or --synthetisch), issue 22
    suppress: bool = True            # the small-count rule applied (DESIGN §17)
    banded: bool = False             # volumes and row counts written as bands of ten (see disclosure)
    disclosure: tuple[tuple[str, dict], ...] = ()  # (code, facts): what was merged or hidden, and why
    ranges: dict = field(default_factory=dict)  # banded: (year, soort) → published (lo, hi), see disclosure.anchored_bands
    first_row: int = 2               # the spreadsheet row of the first data row (header and '#' lines above)

    @property
    def excluded(self) -> dict[str, int]:
        counts = {r: 0 for r in REASONS}
        for e in self.exclusions:
            counts[e.reason] += 1
        return {r: n for r, n in counts.items() if n}

    # --- what may be written (DESIGN §17); every face uses these -----------------------------
    @property
    def small_counts(self) -> bool:
        """The outputs contain small counts (written with ``--geen-onderdrukking``)."""
        return not self.suppress

    def count(self, n: float) -> int | float | str:
        return D.count(n, self.suppress)

    def published_rows(self) -> int | str:
        """Rows in the file: exact, or (when the excluded rows are 1–9, or the volumes are banded)
        a range built from what is published anyway — the used rows (exact or their band) plus the
        excluded rows (exact, or 1–9). A band of ten around the rows themselves would not do:
        beside an exact ``used`` its edge pins the exclusions (1000–1009 rows, 1008 used: 1)."""
        total = len(self.exclusions)
        if not self.suppress or not (self.banded or D.is_small(total)):
            return self.rows
        lo, hi = self.used_range() if self.banded else (self.used, self.used)
        more_lo, more_hi = (1, D.THRESHOLD - 1) if D.is_small(total) else (total, total)
        return f"{lo + more_lo}-{hi + more_hi}"

    def published_used(self) -> int | str:
        if self.suppress and self.banded:
            lo, hi = self.used_range()
            return f"{lo}-{hi}"
        return self.used

    def used_range(self) -> tuple[int, int]:
        """Banded: the used rows as the sum of the published volume ranges (so they add nothing)."""
        if not self.ranges:
            return D.decade(self.used)
        return (sum(lo for lo, _ in self.ranges.values()), sum(hi for _, hi in self.ranges.values()))

    def published_excluded(self) -> dict[str, int | str]:
        """Excluded rows per reason: reasons of 1–9 rows merged into ``overige-redenen`` (with a
        complementary reason when needed); when all exclusions together are 1–9, each reason
        present is ``<10``."""
        counts = self.excluded
        if not self.suppress:
            return counts
        if D.is_small(sum(counts.values())):
            return {r: D.SUPPRESSED for r in counts}
        merge = D.merge_small({r: (n, n) for r, n in counts.items()}, D.OTHER_REASONS,
                              ok=lambda k, n: D.count_publishable(k, n))
        if merge.dropped:
            return {D.OTHER_REASONS: sum(counts.values())}
        return {key: sum(counts[r] for r in members) for key, members in merge.groups.items()}

    def example_row_shown(self, row: int) -> bool:
        """Whether an excluded row's number may be shown as an example. With 1–9 rows excluded,
        row r says the file has at least r − first_row + 1 data rows, so at least that minus the
        used rows are excluded: a late example (the last of 1008 + 9 rows) would pin the count.
        Shown only when it says no more than "at least one excluded"."""
        if not self.suppress or not D.is_small(len(self.exclusions)):
            return True
        used_lo = self.used_range()[0] if self.banded else self.used
        return row - self.first_row + 1 <= used_lo + 1

    def published_period(self) -> tuple[str | None, str | None]:
        """First and last start date: as months when suppressing (a day is one person's date)."""
        if not self.suppress:
            return self.first_date, self.last_date
        return tuple(None if d is None else d[:7] for d in (self.first_date, self.last_date))

    def published_unknown(self) -> int | str:
        """Trajectories with alternative 'onbekend': a band when the volumes are (else the
        volumes' total minus the trials would give a small one away)."""
        if self.suppress and self.banded:
            return D.SUPPRESSED if self.unknown_alternative < D.THRESHOLD else D.decade_text(self.unknown_alternative)
        return self.count(self.unknown_alternative)

    def published_volumes(self) -> dict[int, dict[str, int | str]]:
        if not (self.suppress and self.banded):
            return {y: dict(v) for y, v in self.volumes.items()}
        return {y: {k: D.SUPPRESSED if D.is_small(n) else "{}-{}".format(*self.volume_range(y, k)) for k, n in v.items()}
                for y, v in self.volumes.items()}

    def volume_range(self, year: int, kind: str) -> tuple[int, int]:
        """Banded: the published range of one volume (its band of ten without ``ranges``)."""
        return self.ranges.get((year, kind)) or D.decade(self.volumes[year][kind])

    def to_json(self) -> dict:
        """The DESIGN §11 object."""
        out = {
            "rows": self.published_rows(), "used": self.published_used(), "excluded": self.published_excluded(),
            "substitution": {
                "overall": self.overall.to_dict(),
                "by_alternative": {a: e.to_dict() for a, e in self.by_alternative.items()},
                "by_year": {str(y): e.to_dict() for y, e in self.by_year.items()},
                "by_team": {t: {**e.pooled.to_dict(), "successes": e.successes, "trials": e.trials,
                                "raw_share": e.raw_share} for t, e in self.by_team.items()},
            },
            "pooling": None if self.pooling is None else {
                "alpha": self.pooling.alpha, "beta": self.pooling.beta, "method": self.pooling.method,
                "chi2": self.pooling.chi2, "df": self.pooling.df, "p_value": self.pooling.p_value,
                "teams_differ": self.pooling.teams_differ},
            "volumes": {str(y): v for y, v in self.published_volumes().items()},
            "partial_years": list(self.partial_years),
            "goal_reached": None if self.goal_reached is None else self.goal_reached.to_dict(),
            "unknown_alternative": self.published_unknown(),
            "file": {"name": Path(self.file).name, "sha256": self.sha256, "sheet": self.sheet,
                     "first_date": self.published_period()[0], "last_date": self.published_period()[1]},
            "soort": self.soort, "deels": self.deels,
            "disclosure": [{"code": code, **facts} for code, facts in self.disclosure],
        }
        if self.small_counts:
            out[D.SMALL_COUNTS_FLAG] = True
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per estimate: level (overall / alternative / year / team / goal), key,
        successes, trials, mean, p05, p95 (for teams: the pooled posterior)."""
        rows = [("overall", "", self.overall)]
        rows += [("alternative", a, e) for a, e in self.by_alternative.items()]
        rows += [("year", str(y), e) for y, e in self.by_year.items()]
        rows += [("team", t, e.pooled) for t, e in self.by_team.items()]
        rows += [("goal_reached", "", self.goal_reached)] if self.goal_reached is not None else []
        out = []
        for level, key, e in rows:
            d = e.to_dict()
            if level == "team":
                d["successes"], d["trials"] = self.by_team[key].successes, self.by_team[key].trials
            out.append({"level": level, "key": key, **d})
        return pd.DataFrame(out)

    def volumes_frame(self) -> pd.DataFrame:
        """Volumes as a year × soort table (as they may be written), with a ``partial`` flag per year."""
        frame = pd.DataFrame(self.published_volumes()).T.fillna(0).sort_index()
        if not self.banded or not self.suppress:
            frame = frame.astype(int)
        frame.index.name = "jaar"
        frame["partial"] = [y in self.partial_years for y in frame.index]
        return frame


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------
def read_registrations(path: str | Path, sheet: str | None = None,
                       renames: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Read a registration export as strings, with lower-case (renamed) column names and a
    ``_row`` column holding each row's number as a spreadsheet shows it (header = row 1)."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise DataFileError("file_not_found", name)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        frame = _read_xlsx(path, sheet)
    else:
        frame = _read_csv(path)
    renames = {str(k).strip().lower(): str(v).strip().lower() for k, v in (renames or {}).items()}
    frame.columns = [renames.get(str(c).strip().lower(), str(c).strip().lower()) for c in frame.columns]
    if len(frame) == 0:
        raise DataFileError("empty", name)
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        header = ",".join(frame.columns)
        for sep in (";", ",", "\t", "|", ":"):
            if len(frame.columns) == 1 and sep in header:
                raise DataFileError("wrong_delimiter", name, row=1, column=header[:60], sep=sep)
        raise DataFileError("missing_columns", name, row=1, column=missing[0], missing=missing,
                            found=list(frame.columns))
    skipped = int(frame.attrs.get("comment_lines", 0))
    frame = frame.fillna("")
    frame["_row"] = np.arange(2, len(frame) + 2) + skipped   # leading '#' lines count as spreadsheet rows
    return frame


def _read_csv(path: Path) -> pd.DataFrame:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if not text.strip():
        raise DataFileError("empty", str(path))
    sample = "\n".join([line for line in text.splitlines() if not line.startswith("#")][:20])
    try:
        sep = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        sep = ","
    import io

    from mkba.data_in.synthetic import leading_comments

    comments = leading_comments(text)   # e.g. "# synthetisch: …" above the header
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, skiprows=comments)
    except pd.errors.ParserError as exc:
        raise DataFileError("unreadable", str(path), reason=str(exc)) from None
    frame.attrs["comment_lines"] = comments
    return frame


def _read_xlsx(path: Path, sheet: str | None) -> pd.DataFrame:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a broken file
        raise DataFileError("unreadable", str(path), reason=str(exc)) from None
    names = list(book.sheetnames)
    book.close()
    if sheet is None:
        sheet = names[0]
    elif sheet not in names:
        raise DataFileError("wrong_sheet", str(path), sheet=sheet, sheets=names)
    frame = pd.read_excel(path, sheet_name=sheet, dtype=str, keep_default_na=False)
    return frame


def _dates(values: pd.Series) -> pd.Series:
    """Parse ISO (2019-03-14) or Dutch (14-03-2019) dates; NaT where neither fits."""
    text = values.astype(str).str.strip().str.replace(r"[ T]00:00:00$", "", regex=True)
    iso = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    nl = pd.to_datetime(text, format="%d-%m-%Y", errors="coerce")
    return iso.fillna(nl)


def _code(values: pd.Series) -> pd.Series:
    return values.astype(str).str.strip().str.lower().str.replace(r"[\s_]+", "-", regex=True)


# ------------------------------------------------------------------------------------------------
# Estimating
# ------------------------------------------------------------------------------------------------
def estimate_registrations(path: str | Path, soort: str | None = None, deels: float = 0.5,
                           sheet: str | None = None, renames: Mapping[str, str] | None = None,
                           suppress: bool = True) -> RegistrationEstimate:
    """Read and estimate (see the module docstring). ``soort`` restricts the substitution and
    goal estimates to one kind of trajectory; volumes always show every kind.

    With ``suppress`` (the default) the small-count rule of :mod:`mkba.data_in.disclosure` is
    applied *before* anything is estimated: teams, alternatives and start years too small to
    show are merged, the pooling is fitted to the published teams only, a total whose share is
    not publishable gets the censored posterior, and ``disclosure`` says what and why.
    ``suppress=False`` (``--geen-onderdrukking``) keeps every group as it is."""
    if not 0 <= deels <= 1:
        raise DataFileError("bad_option", str(path), option="--deels", value=deels)
    path = Path(path)
    frame = read_registrations(path, sheet, renames)
    rows = len(frame)
    exclusions: list[Exclusion] = []
    bad = np.zeros(rows, dtype=bool)

    def exclude(mask: np.ndarray, column: str, reason: str) -> None:
        for i in np.flatnonzero(mask & ~bad):
            exclusions.append(Exclusion(int(frame["_row"].iloc[i]), column, reason, str(frame[column].iloc[i])))
        bad[mask] = True

    ids = frame["traject_id"].astype(str).str.strip()
    exclude((ids == "").to_numpy(), "traject_id", "missing_id")
    exclude((ids.duplicated(keep="first") & (ids != "")).to_numpy(), "traject_id", "duplicate_id")
    start = _dates(frame["startdatum"])
    exclude(start.isna().to_numpy(), "startdatum", "bad_date")
    if "einddatum" in frame.columns:
        end_text = frame["einddatum"].astype(str).str.strip()
        end = _dates(frame["einddatum"])
        exclude(((end_text != "") & end.isna()).to_numpy(), "einddatum", "bad_date")
        exclude((end < start).to_numpy(), "einddatum", "bad_date")  # ends before it starts
    alt = _code(frame["alternatief"])
    exclude((~alt.isin(ALTERNATIVES)).to_numpy(), "alternatief", "unknown_code")
    goal = _code(frame["doel_bereikt"])
    exclude((~goal.isin(tuple(GOALS))).to_numpy(), "doel_bereikt", "unknown_code")

    keep = ~bad
    data = pd.DataFrame({
        "year": start.dt.year, "date": start, "soort": _code(frame["soort"]), "alt": alt, "goal": goal,
        "team": frame["team"].astype(str).str.strip() if "team" in frame.columns else "",
    })[keep]
    used = int(keep.sum())
    if used == 0:
        raise DataFileError("nothing_usable", str(path), excluded=D.count(len(exclusions), suppress))

    volumes: dict[int, dict[str, int]] = {}
    for (year, kind), n in data.groupby(["year", "soort"]).size().items():
        volumes.setdefault(int(year), {})[str(kind)] = int(n)
    partial = tuple(int(y) for y, g in data.groupby("year")
                    if not ((g["date"].dt.month == 1).any() and (g["date"].dt.month == 12).any()))

    sub = data if soort is None else data[data["soort"] == soort.strip().lower()]
    if soort is not None and len(sub) == 0:
        raise DataFileError("unknown_soort", str(path), column="soort", soort=soort,
                            known=sorted(data["soort"].unique()))
    known = sub[sub["alt"] != UNKNOWN]
    is_maatwerk = known["alt"].isin(MAATWERK)
    n, k = len(known), int(is_maatwerk.sum())
    if n == 0:
        raise DataFileError("no_known_alternative", str(path), column="alternatief")
    notes: list[tuple[str, dict]] = []
    if suppress and n < D.THRESHOLD:
        raise DataFileError("too_few_to_publish", str(path), column="alternatief", threshold=D.THRESHOLD)
    overall = BetaEstimate.published(k, n, suppress)
    if overall.censored:
        notes.append(("overall_censored", {"side": overall.censored}))

    # start years: merged with a neighbour while too small (before anything is estimated)
    year_sizes = {int(y): (int(g["alt"].isin(MAATWERK).sum()), len(g)) for y, g in known.groupby("year")}
    year_groups: dict[str, tuple[int, ...]] = {str(y): (y,) for y in year_sizes}
    if suppress:
        merge = D.merge_adjacent(year_sizes)
        year_groups = {key: tuple(int(y) for y in members) for key, members in merge.groups.items()}
        if merge.dropped:
            notes.append(("years_dropped", {"years": list(merge.merged)}))
        elif merge.merged:
            notes.append(("years_merged", {"years": list(merge.merged),
                                           "groups": [g for g, m in year_groups.items() if len(m) > 1]}))
    by_year = {(int(key) if len(members) == 1 else key):
               BetaEstimate.uniform_prior(sum(year_sizes[y][0] for y in members), sum(year_sizes[y][1] for y in members))
               for key, members in year_groups.items()}

    # alternatives: k_a out of n each; the rare ones merged into "overige-alternatieven"
    alt_sizes = {a: (int((known["alt"] == a).sum()), n) for a in MAATWERK if (known["alt"] == a).any()}
    alt_groups: dict[str, tuple[str, ...]] = {a: (a,) for a in alt_sizes}
    if suppress and alt_sizes:
        merge = D.merge_small(alt_sizes, D.OTHER_ALTERNATIVES)
        alt_groups = merge.groups
        if merge.dropped:
            notes.append(("alternatives_dropped", {"alternatives": list(merge.merged)}))
        elif merge.merged:
            notes.append(("alternatives_merged", {"alternatives": list(merge.merged),
                                                  "complementary": list(merge.complementary)}))
    by_alternative = {key: BetaEstimate.uniform_prior(sum(alt_sizes[a][0] for a in members), n)
                      for key, members in alt_groups.items()}

    # teams: the small ones (and rows without a team) merged into "overige-teams" before pooling
    by_team: dict[str, TeamEstimate] = {}
    pooling = None
    if "team" in frame.columns:
        teams = known if suppress else known[known["team"] != ""]
        team_sizes = {str(t): (int(g["alt"].isin(MAATWERK).sum()), len(g)) for t, g in teams.groupby("team")}
        team_groups = {t: (t,) for t in team_sizes}
        if suppress and len(team_sizes) >= 2:
            merge = D.merge_small(team_sizes, D.OTHER_TEAMS, always=("",))
            team_groups = merge.groups
            merged_named = [t for t in merge.merged if t]
            if merge.dropped:
                notes.append(("teams_dropped", {"teams": merged_named}))
            elif merged_named or "" in merge.merged:
                notes.append(("teams_merged", {"teams": merged_named, "complementary": list(merge.complementary),
                                               "without_team": "" in merge.merged}))
        counts = [(key, sum(team_sizes[t][0] for t in members), sum(team_sizes[t][1] for t in members))
                  for key, members in team_groups.items()]
        if len(counts) >= 2:
            pooling = fit_pooling([c[1] for c in counts], [c[2] for c in counts])
            by_team = {t: TeamEstimate(t, s, m, BetaEstimate(s, m, pooling.alpha + s, pooling.beta + m - s))
                       for t, s, m in counts}

    goals = sub[sub["goal"] != UNKNOWN]["goal"]
    g_n = len(goals)
    g_s = float((goals == "ja").sum() + deels * (goals == "deels").sum())
    partly = int((goals == "deels").sum())
    if suppress and g_n < D.THRESHOLD:
        goal_reached = None
        notes.append(("goal_dropped", {}))
    elif suppress and D.is_small(partly) and deels < 1 and D.share_publishable(g_s, g_n):
        # 1–9 'deels': s = ja + d·deels beside the same with another --deels would give their count
        a, b = D.deels_share(float((goals == "ja").sum() + partly), g_n, deels)
        goal_reached = BetaEstimate(math.nan, g_n, a, b, "deels")
        notes.append(("goal_deels_censored", {}))
    else:
        goal_reached = BetaEstimate.published(g_s, g_n, suppress)
        if goal_reached.censored:
            notes.append(("goal_censored", {"side": goal_reached.censored}))

    # complements: trials beside volumes give the unknown codes away; a <10 volume beside its
    # row's total gives itself away. Then the volumes (and row counts) are written as bands.
    banded = False
    if suppress:
        sub_volume = {int(y): len(g) for y, g in sub.groupby("year")}
        remainders = [len(sub) - n]
        if goal_reached is not None:
            remainders.append(len(sub) - g_n)
        for members in year_groups.values():
            remainders.append(sum(sub_volume.get(y, 0) for y in members) - sum(year_sizes[y][1] for y in members))
        small_cells = any(D.is_small(v) for kinds in volumes.values() for v in kinds.values())
        banded = small_cells or any(D.is_small(r) for r in remainders)
        if banded:
            notes.append(("volumes_banded", {"small_cells": small_cells}))
            unknown = int((sub["alt"] == UNKNOWN).sum())
            kinds = set(sub["soort"])
            cells = {(y, k): v for y, ks in volumes.items() for k, v in ks.items()}
            if year_groups:
                groups = [([(y, k) for y in members for k in kinds], sum(year_sizes[y][1] for y in members))
                          for members in year_groups.values()]
            else:
                groups = [([c for c in cells if c[1] in kinds], n)]
            ranges = D.anchored_bands(cells, groups, D.THRESHOLD - 1 if unknown < D.THRESHOLD else D.decade(unknown)[1])
            if goal_reached is not None:
                # its trials beside the substitution's would pin the total: write it without them
                if goal_reached.censored or g_n < 2 * D.THRESHOLD:
                    goal_reached = None
                    notes = [note for note in notes if note[0] not in ("goal_censored", "goal_deels_censored")]
                    notes.append(("goal_dropped", {}))
                else:
                    a, b = D.banded_share(g_s, g_n)
                    goal_reached = BetaEstimate(math.nan, g_n, a, b, "trials")
                    notes.append(("goal_banded", {}))

    if suppress and D.is_small(len(exclusions)):
        notes.append(("rows_banded", {}))
    if not banded:
        ranges = {}
    dates = data["date"]
    return RegistrationEstimate(
        file=str(path), sha256=hashlib.sha256(path.read_bytes()).hexdigest(), sheet=sheet, soort=soort,
        deels=deels, rows=rows, used=used, exclusions=tuple(exclusions),
        first_date=dates.min().date().isoformat(), last_date=dates.max().date().isoformat(),
        overall=overall, by_alternative=by_alternative, by_year=by_year, by_team=by_team, pooling=pooling,
        volumes=dict(sorted(volumes.items())), partial_years=partial, goal_reached=goal_reached,
        unknown_alternative=int((sub["alt"] == UNKNOWN).sum()),
        synthetic=is_synthetic(path) if path.suffix.lower() not in (".xlsx", ".xlsm") else False,
        suppress=suppress, banded=banded, disclosure=tuple(notes), ranges=ranges, first_row=int(frame["_row"].iloc[0]),
    )


def fit_pooling(successes: list[int], trials: list[int]) -> Pooling:
    """Empirical-Bayes beta-binomial prior by maximum marginal likelihood, plus Pearson's
    chi-square test of homogeneity (see the module docstring)."""
    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    pbar = k.sum() / n.sum()
    lo, hi = np.log(KAPPA_BOUNDS[0]), np.log(KAPPA_BOUNDS[1])

    def nll(x: np.ndarray) -> float:
        mu = special_expit(x[0])
        kappa = math.exp(x[1])
        return -float(stats.betabinom.logpmf(k, n, mu * kappa, (1 - mu) * kappa).sum())

    eps = 0.5 / n.sum()
    start_mu = min(max(pbar, eps), 1 - eps)
    best = None
    for start_kappa in (1.0, 10.0, 100.0, 1e4):
        res = optimize.minimize(nll, np.array([math.log(start_mu / (1 - start_mu)), math.log(start_kappa)]),
                                method="L-BFGS-B", bounds=[(-30, 30), (lo, hi)],
                                options={"ftol": 1e-15, "gtol": 1e-10, "maxiter": 5000})
        if best is None or res.fun < best.fun:
            best = res
    mu, kappa = special_expit(best.x[0]), math.exp(best.x[1])
    table = np.column_stack([k, n - k])
    if (table.sum(axis=0) > 0).all():
        chi2, p, df, _ = stats.chi2_contingency(table, correction=False)
    else:
        chi2, p, df = 0.0, 1.0, len(k) - 1
    return Pooling(mu * kappa, (1 - mu) * kappa, "beta-binomial, maximum marginal likelihood",
                   float(chi2), int(df), float(p))


def special_expit(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# ------------------------------------------------------------------------------------------------
# The includable parameters file
# ------------------------------------------------------------------------------------------------
def parameters_document(est: RegistrationEstimate, source_key: str, data_name: str,
                        source_text: str, labels: Mapping[str, str]) -> dict:
    """The ``--out`` file as data: ``sources`` (one entry naming the data file, its SHA-256,
    period and row counts), ``parameters`` (``substitutie`` and ``doel_bereikt`` as betas, and
    ``volume_<soort>_<year>`` counts for complete years only) and an
    ``estimate`` block of provenance for reports. ``labels`` gives the parameters' display names.

    Only published groups and counts enter (DESIGN §17): a share whose k or n − k is below 10 is
    the censored beta (``alpha``/``beta``), a volume of 1–9 is a uniform over 0–9, and with
    banded volumes each volume is a uniform over its band of ten; ``estimate.disclosure`` lists
    what was merged or hidden."""
    ov = est.overall
    g = est.goal_reached
    volumes = {}
    for year, kinds in est.volumes.items():
        if year in est.partial_years:
            continue  # a partial year is never annualised: no volume parameter for it
        for kind, n in kinds.items():
            if est.suppress and (est.banded or D.is_small(n)):
                lo, hi = (0, D.THRESHOLD - 1) if D.is_small(n) else est.volume_range(year, kind)
                value = {"dist": "uniform", "min": lo, "max": hi}
            else:
                value = {"value": int(n)}
            volumes[f"volume_{re.sub(r'[^a-z0-9]+', '_', kind.lower()).strip('_')}_{year}"] = {
                **value, "unit": "trajecten/jaar", "label": labels["volume"].format(soort=kind, jaar=year),
                "source": source_key}
    parameters = {"substitutie": {**ov.parameter(), "unit": "fractie van trajecten", "label": labels["substitutie"],
                                  "source": source_key}}
    if g is not None:
        parameters["doel_bereikt"] = {**g.parameter(), "unit": "fractie van trajecten",
                                      "label": labels["doel_bereikt"], "source": source_key}
    overall = ov.to_dict()
    doc = {
        "mkba": 1,
        "sources": {source_key: source_text},
        "parameters": {**parameters, **volumes},
        "estimate": {
            "kind": "registraties", "file": data_name, "sha256": est.sha256, "sheet": est.sheet,
            "soort": est.soort, "deels": est.deels, "period": list(est.published_period()),
            "rows": est.published_rows(), "used": est.published_used(), "excluded": est.published_excluded(),
            "overall": {"successes": overall["successes"], "trials": overall["trials"], "mean": ov.mean},
            "by_team": {t: {"successes": e.successes, "trials": e.trials, "pooled_mean": e.pooled.mean,
                            "p05": e.pooled.p05, "p95": e.pooled.p95} for t, e in est.by_team.items()},
            "pooling": None if est.pooling is None else {
                "alpha": est.pooling.alpha, "beta": est.pooling.beta, "p_value": est.pooling.p_value},
            "volumes": {int(y): v for y, v in est.published_volumes().items()},
            "partial_years": list(est.partial_years),
            "suppressed": [name for name, spec in volumes.items() if spec.get("dist") == "uniform"],
            "disclosure": [{"code": code, **facts} for code, facts in est.disclosure],
        },
    }
    if est.small_counts:
        doc["estimate"][D.SMALL_COUNTS_FLAG] = True
    return doc
