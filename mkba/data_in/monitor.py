"""Interrupted time series on a Monitor Sociaal Domein series (DESIGN §11).

Input: a long CSV ``periode,voorziening,aantal`` (delimiter ``,`` or ``;``). ``periode`` is
``2022-Q1`` (a quarter), ``2022-03`` or ``mrt-22`` (a month); ``aantal`` is a count or ``<10``
(suppressed for privacy, AVG). Time is measured in years, so trends and slope changes are per
year.

Model (log link), for the series of one voorziening with ``t`` in years and ``post`` = 1 from
``--vanaf`` on::

    log E[y_t] = b0 + b1·t + b2·post_t + b3·(t − t_vanaf)·post_t  [+ b4·log(control_t)]

* ``exp(b2)`` is the **level change** and ``exp(b3)`` the **slope change** (rate ratios per year);
  with ``--vergelijking`` the comparison series enters as ``log(control_t)`` (matched by period),
  absorbing shocks common to both.
* Fitted as a Poisson GLM (statsmodels). When the Pearson dispersion exceeds
  :data:`OVERDISPERSION` a negative binomial (NB2, dispersion by maximum likelihood,
  statsmodels ``NegativeBinomial``) is used instead; ``method`` says which. Underdispersion
  (common for counts of clients *in care*, a slowly moving stock) is reported as ``dispersion``
  but not used to narrow the intervals, so they are then conservative.
* **Censored cells**: ``<10`` is treated as censored in [0, 9], never as 0 or 10: its
  likelihood contribution is P(Y ≤ 9) = F(9; μ_t), fitted by maximum likelihood with statsmodels
  ``GenericLikelihoodModel`` (Poisson or NB2 as above).
* **Counterfactual**: the fit with ``b2 = b3 = 0``. **Avoided clients** in a calendar year
  = mean over that year's post-``vanaf`` periods of (counterfactual − fitted) — clients in care is
  a stock, so this is the average number fewer in care. Uncertainty: ``draws`` coefficient
  vectors from the asymptotic normal N(b̂, Cov(b̂)) with a seeded generator; level and slope
  change intervals are exp(b ± 1.645·se).
* **Verdict** per series: ``decline`` when the 90% interval of avoided clients in the last year
  lies above 0, ``increase`` when it lies below 0, else ``no_change`` ("geen aantoonbare daling").
"""

from __future__ import annotations

import hashlib
import math
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from mkba.core.seeding import SeedLike, generator
from mkba.data_in.disclosure import SMALL_COUNTS_FLAG, THRESHOLD
from mkba.data_in.registrations import DataFileError
from mkba.data_in.synthetic import is_synthetic

OVERDISPERSION = 1.5
CENSOR_MAX = 9
Z90 = float(stats.norm.ppf(0.95))
MONTHS_NL = {"jan": 1, "feb": 2, "mrt": 3, "maa": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
             "aug": 8, "sep": 9, "okt": 10, "nov": 11, "dec": 12}
COEFS = ("niveau", "trend", "niveausprong", "trendbreuk")


@dataclass(frozen=True)
class ItsOptions:
    """The model choices of ``mkba estimate monitor`` (DESIGN §16).

    ``exposure``: a column used as offset log(exposure); ``season``: None, K (harmonic pairs
    over the data's own period) or ``"maand"``/``"kwartaal"`` (dummies); ``model``:
    ``niveau+trend`` (level and slope change) or ``niveau`` (level change only); ``hac``:
    Newey–West standard errors; ``placebo``: refit with the break moved to earlier periods;
    ``overdispersion``: ``auto`` (negative binomial above a Pearson dispersion of 1,5, else
    Poisson), ``quasipoisson`` or ``negbin``."""

    exposure: str | None = None
    season: int | str | None = None
    model: str = "niveau+trend"
    hac: bool = False
    placebo: bool = False
    overdispersion: str = "auto"


@dataclass(frozen=True)
class Interval:
    """Mean and 90% interval (``E2`` of DESIGN §11)."""

    mean: float
    p05: float
    p95: float

    def to_dict(self) -> dict:
        return {"mean": self.mean, "p05": self.p05, "p95": self.p95}

    @classmethod
    def of_draws(cls, x: np.ndarray) -> Interval:
        return cls(float(np.mean(x)), float(np.quantile(x, 0.05)), float(np.quantile(x, 0.95)))


@dataclass(frozen=True)
class SeriesEstimate:
    """The interrupted-time-series fit of one voorziening."""

    voorziening: str
    method: str              # "poisson" | "negative-binomial", with "+censored" when <10 cells
    dispersion: float        # Pearson chi2 / df of the Poisson fit
    censored: int            # number of <10 cells
    params: tuple[float, ...]
    cov: tuple[tuple[float, ...], ...]
    level_change: Interval   # rate ratio exp(b2)
    slope_change: Interval | None   # rate ratio per year exp(b3); None with model "niveau"
    avoided: dict[int, Interval]
    verdict: str             # "decline" | "increase" | "no_change"
    periods: tuple[str, ...]
    observed: tuple[float | None, ...]      # None for a censored cell
    fitted: tuple[float, ...]
    counterfactual: tuple[float, ...]
    counterfactual_p05: tuple[float, ...]
    counterfactual_p95: tuple[float, ...]
    post: tuple[bool, ...]
    model: str = "niveau+trend"
    offset: str | None = None               # the exposure column (offset log exposure), if any
    season: dict | None = None              # {"kind": "harmonic", "k", "period"} or {"kind": "dummies", "per"}
    autocorrelation: dict = field(default_factory=dict)   # {"lag1", "ljung_box_p", "lags"}
    se_type: str = "model"                  # "model" | "newey-west" | "newey-west-auto"
    rate_change: Interval | None = None     # fitted − counterfactual rate per RATE_PER exposure, last period
    placebo: list | None = None             # [{"vanaf", "level_change"}] with --placebo
    exposure_last: float | None = None      # the exposure the counts are expressed at

    def to_json(self) -> dict:
        out = {"level_change": self.level_change.to_dict(),
               "slope_change": self.slope_change.to_dict() if self.slope_change is not None else None,
               "avoided": {str(y): e.to_dict() for y, e in self.avoided.items()}, "method": self.method,
               "verdict": self.verdict, "dispersion": self.dispersion, "censored": self.censored,
               "model": self.model, "offset": self.offset, "season": self.season,
               "autocorrelation": {"lag1": _finite(self.autocorrelation.get("lag1")),
                                   "ljung_box_p": _finite(self.autocorrelation.get("ljung_box_p")),
                                   "lags": self.autocorrelation.get("lags")},
               "se_type": self.se_type}
        if self.rate_change is not None:
            out["rate_change"] = {**self.rate_change.to_dict(), "per": RATE_PER, "exposure": self.exposure_last}
        if self.placebo is not None:
            out["placebo"] = [{"vanaf": p["vanaf"], "level_change": p["level_change"].to_dict()} for p in self.placebo]
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per period: observed (NaN when censored), fitted, counterfactual with band."""
        return pd.DataFrame({"periode": self.periods,
                             "waargenomen": [math.nan if v is None else v for v in self.observed],
                             "gecensureerd": [v is None for v in self.observed],
                             "fit": self.fitted, "zonder_verandering": self.counterfactual,
                             "zonder_p05": self.counterfactual_p05, "zonder_p95": self.counterfactual_p95,
                             "na_vanaf": self.post})


@dataclass(frozen=True)
class MonitorEstimate:
    """``mkba estimate monitor``: one :class:`SeriesEstimate` per voorziening."""

    file: str
    sha256: str
    vanaf: str
    comparison: str | None
    rows: int
    series: dict[str, SeriesEstimate]
    draws: pd.DataFrame  # rows = coefficient draws; columns <slug>_vermeden_<year>, <slug>_niveausprong
    skipped: dict[str, str] = field(default_factory=dict)  # voorziening -> reason it was not fitted
    synthetic: bool = False  # the data file says it is synthetic (or --synthetisch)
    options: ItsOptions | None = None  # the model choices (None: the defaults)

    def command_options(self) -> str:
        """The ``mkba estimate monitor`` options that reproduce this estimate's model choices."""
        o = self.options or ItsOptions()
        parts = [f"--bevolking {o.exposure}" if o.exposure else "", f"--seizoen {o.season}" if o.season else "",
                 f"--model {o.model}" if o.model != "niveau+trend" else "", "--hac" if o.hac else "",
                 "--placebo" if o.placebo else "",
                 f"--overdispersie {o.overdispersion}" if o.overdispersion != "auto" else ""]
        return " ".join(p for p in parts if p)
    suppress: bool = True  # counts below 10 were censored before fitting (DESIGN §17)

    @property
    def small_counts(self) -> bool:
        return not self.suppress

    def to_json(self) -> dict:
        out = {"series": {v: s.to_json() for v, s in self.series.items()}, "skipped": dict(self.skipped),
               "file": {"name": Path(self.file).name, "sha256": self.sha256, "rows": self.rows},
               "vanaf": self.vanaf, "comparison": self.comparison}
        if self.synthetic:
            out["synthetic"] = True
        if self.small_counts:
            out[SMALL_COUNTS_FLAG] = True
        return out

    def to_frame(self) -> pd.DataFrame:
        rows = []
        for v, s in self.series.items():
            rows.append({"voorziening": v, "grootheid": "level_change", "jaar": None, **s.level_change.to_dict()})
            if s.slope_change is not None:
                rows.append({"voorziening": v, "grootheid": "slope_change", "jaar": None, **s.slope_change.to_dict()})
            for y, e in s.avoided.items():
                rows.append({"voorziening": v, "grootheid": "avoided", "jaar": y, **e.to_dict()})
        return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------
def parse_period(text: str) -> pd.Period | None:
    """``2022-Q1`` → quarter; ``2022-03`` or ``mrt-22`` → month; CBS StatLine codes
    ``2022KW01`` (quarter), ``2022MM03`` (month), ``2022JJ00`` (year); otherwise ``None``."""
    s = str(text).strip().strip('"').lower()
    m = re.fullmatch(r"(\d{4})(kw|mm|jj)(\d{2})", s)
    if m:
        year, kind, number = int(m[1]), m[2], int(m[3])
        if kind == "kw" and 1 <= number <= 4:
            return pd.Period(year=year, quarter=number, freq="Q")
        if kind == "mm" and 1 <= number <= 12:
            return pd.Period(year=year, month=number, freq="M")
        if kind == "jj" and number == 0:
            return pd.Period(year=year, freq="Y")
        return None
    m = re.fullmatch(r"(\d{4})-?q([1-4])", s)
    if m:
        return pd.Period(year=int(m[1]), quarter=int(m[2]), freq="Q")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    if m and 1 <= int(m[2]) <= 12:
        return pd.Period(year=int(m[1]), month=int(m[2]), freq="M")
    m = re.fullmatch(r"([a-z]{3})[a-z]*[-\s'](\d{2}|\d{4})", s)
    if m and m[1] in MONTHS_NL:
        year = int(m[2]) + (2000 if len(m[2]) == 2 else 0)
        return pd.Period(year=year, month=MONTHS_NL[m[1]], freq="M")
    return None


def _years(p: pd.Period) -> float:
    """A period's end as fractional years (quarter and month ends align: mrt-22 = 2022-Q1)."""
    end = p.asfreq("M", how="end")
    return end.year + end.month / 12.0


def _label(p: pd.Period) -> str:
    if p.freqstr.startswith("Q"):
        return str(p)
    if p.freqstr.startswith(("Y", "A")):
        return str(p.year)
    return f"{p.year}-{p.month:02d}"


def _frequency(p: pd.Period) -> int:
    """Periods per year: 12 (month), 4 (quarter) or 1 (year)."""
    return 4 if p.freqstr.startswith("Q") else 1 if p.freqstr.startswith(("Y", "A")) else 12


def _position(p: pd.Period) -> int:
    """The period's place within its year: month 1–12, quarter 1–4, 1 for a year."""
    f = _frequency(p)
    return p.month if f == 12 else p.quarter if f == 4 else 1


def parse_exposure(values, file: str, column: str, rows) -> np.ndarray:
    """Exposure values (inhabitants, clients at risk) as floats > 0. A ``,`` is a decimal
    comma (``.`` then groups thousands); without any ``,`` in the column a ``.`` is a decimal
    point only where the column shows it cannot be a thousands separator (another digit count
    after it); a column whose every ``.`` could be either (``12.345``) is refused with both
    readings, as case files are."""
    texts = [str(v).strip().strip('"').replace(" ", "").replace("\u00a0", "") for v in values]
    rows = list(rows)
    dutch = any("," in t for t in texts)
    thousands_only = re.compile(r"\d{1,3}(\.\d{3})+")
    dotted = [t for t in texts if "." in t]
    decimal_dot = not dutch and any(not thousands_only.fullmatch(t) for t in dotted)
    multi = not dutch and any(t.count(".") > 1 for t in dotted)
    out = []
    for text, row in zip(texts, rows, strict=True):
        if text == "":
            raise DataFileError("bad_exposure", file, row=row, column=column, value=text)
        if dutch:
            ok = re.fullmatch(r"\d{1,3}(\.\d{3})*(,\d+)?|\d+(,\d+)?", text)
            number = text.replace(".", "").replace(",", ".") if ok else None
        elif "." in text and not decimal_dot:
            if not multi and not thousands_only.fullmatch(text):
                number = None
            elif multi:
                number = text.replace(".", "")
            else:
                raise DataFileError("ambiguous_exposure", file, row=row, column=column, value=text,
                                    thousands=text.replace(".", ""), decimal=text.replace(".", ","))
        else:
            number = text if re.fullmatch(r"\d+(\.\d+)?|\d*\.\d+", text) else None
        try:
            value = float(number) if number is not None else math.nan
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            raise DataFileError("bad_exposure", file, row=row, column=column, value=text)
        out.append(value)
    return np.asarray(out, dtype=float)


def read_monitor(path: str | Path, exposure: str | None = None) -> pd.DataFrame:
    """The long table with parsed ``t`` (years), ``periode`` label, ``aantal`` (NaN if censored)
    and ``censored`` (and ``exposure`` from the column named ``exposure``); located
    :class:`DataFileError` for an unusable file. ``;``-separated exports with quoted headers
    (CBS StatLine) read as they are."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise DataFileError("file_not_found", name)
    text = path.read_text(encoding="utf-8-sig")
    if not text.strip():
        raise DataFileError("empty", name)
    head = next((line for line in text.splitlines() if line.strip() and not line.startswith("#")), "")
    sep = ";" if head.count(";") > head.count(",") else ","
    import io

    frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False, comment="#")
    frame.columns = [str(c).strip().strip('"').strip().lower() for c in frame.columns]
    required = ["periode", "voorziening", "aantal"]
    if exposure is not None:
        exposure = exposure.strip().lower()
        required.append(exposure)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataFileError("missing_columns", name, row=1, column=missing[0], missing=missing,
                            found=list(frame.columns))
    if len(frame) == 0:
        raise DataFileError("empty", name)
    out = []
    for i, rec in enumerate(frame.itertuples(index=False)):
        row = i + 2
        period = parse_period(rec.periode)
        if period is None:
            raise DataFileError("bad_period", name, row=row, column="periode", value=rec.periode)
        raw = str(rec.aantal).strip().replace(" ", "")
        if raw == "<10":
            count, censored = math.nan, True
        else:
            try:
                count, censored = float(raw.replace(".", "")), False
            except ValueError:
                raise DataFileError("bad_count", name, row=row, column="aantal", value=rec.aantal) from None
            if count < 0 or not count.is_integer():
                raise DataFileError("bad_count", name, row=row, column="aantal", value=rec.aantal)
        out.append({"voorziening": str(rec.voorziening).strip(), "period": period, "periode": _label(period),
                    "t": _years(period), "aantal": count, "censored": censored, "row": row})
    table = pd.DataFrame(out)
    if exposure is not None:
        table["exposure"] = parse_exposure(frame[exposure].tolist(), name, exposure, table["row"])
    dup = table.duplicated(["voorziening", "periode"])
    if dup.any():
        r = table[dup].iloc[0]
        raise DataFileError("duplicate_period", name, row=int(r["row"]), column="periode", value=r["periode"])
    return table.sort_values(["voorziening", "t"]).reset_index(drop=True)


# ------------------------------------------------------------------------------------------------
# Fitting
# ------------------------------------------------------------------------------------------------
MODELS = ("niveau+trend", "niveau")
OVERDISPERSION_CHOICES = ("auto", "quasipoisson", "negbin")
SEASON_WORDS = {"maand": 12, "kwartaal": 4}
ALPHA_LJUNG_BOX = 0.05


def design_matrix(t: np.ndarray, t0: float, control: np.ndarray | None = None, model: str = "niveau+trend",
                  season: np.ndarray | None = None) -> np.ndarray:
    """Columns: 1, t − t0, post, [(t − t0)·post with ``niveau+trend``] [, log(control)]
    [, season columns] (t in years). The change columns are :func:`change_columns`."""
    post = (t >= t0 - 1e-9).astype(float)
    cols = [np.ones_like(t), t - t0, post]
    if model == "niveau+trend":
        cols.append((t - t0) * post)
    if control is not None:
        cols.append(np.log(control))
    if season is not None and season.size:
        cols += list(season.T)
    return np.column_stack(cols)


def change_columns(model: str) -> list[int]:
    """The columns of the level (and slope) change in :func:`design_matrix`."""
    return [2, 3] if model == "niveau+trend" else [2]


def season_columns(periods: Sequence[pd.Period], season: int | str | None, file: str = "") -> tuple[np.ndarray, dict | None]:
    """Harmonic pairs sin/cos(2πk·m/P), k = 1…K, over the data's own period P (12 months, 4
    quarters; the sine of k = P/2 is identically 0 and left out), or period dummies
    (``maand``/``kwartaal``, the first period the reference). Returns the columns and the JSON
    ``season`` record (None without a season)."""
    if season is None:
        return np.empty((len(periods), 0)), None
    freq = {_frequency(p) for p in periods}
    period = freq.pop() if len(freq) == 1 else 0
    if isinstance(season, str):
        size = SEASON_WORDS[season]
        if period not in (12, 4) or (size == 12 and period != 12):
            raise DataFileError("season_period", file, column="periode", season=season)
        pos = np.array([_position(p) if size == period else (_position(p) - 1) // 3 + 1 for p in periods])
        levels = sorted(set(pos.tolist()))
        cols = np.column_stack([(pos == v).astype(float) for v in levels[1:]]) if len(levels) > 1 else \
            np.empty((len(periods), 0))
        return cols, {"kind": "dummies", "per": season, "levels": len(levels)}
    k = int(season)
    if period not in (12, 4):
        raise DataFileError("season_period", file, column="periode", season=str(k))
    if not 1 <= k <= period // 2:
        raise DataFileError("season_k", file, column="periode", k=k, maximum=period // 2, period=period)
    pos = np.array([_position(p) for p in periods], dtype=float)
    cols = []
    for j in range(1, k + 1):
        if 2 * j != period:
            cols.append(np.sin(2 * math.pi * j * pos / period))
        cols.append(np.cos(2 * math.pi * j * pos / period))
    return np.column_stack(cols), {"kind": "harmonic", "k": k, "period": period}


def newey_west_lags(n: int) -> int:
    """⌊4(n/100)^(2/9)⌋, the usual Newey–West truncation lag."""
    return int(math.floor(4 * (n / 100) ** (2 / 9)))


def autocorrelation(residuals: np.ndarray) -> dict:
    """Lag-1 autocorrelation of the residuals (in time order) and the Ljung–Box p at lag
    min(10, n/5)."""
    from statsmodels.stats.diagnostic import acorr_ljungbox
    from statsmodels.tsa.stattools import acf

    r = np.asarray(residuals, dtype=float)
    n = r.size
    lags = max(1, min(10, n // 5))
    lag1 = float(acf(r, nlags=1, fft=False)[1]) if n > 2 else math.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p = float(acorr_ljungbox(r, lags=[lags], return_df=True)["lb_pvalue"].iloc[0]) if n > lags + 1 else math.nan
    return {"lag1": lag1, "ljung_box_p": p, "lags": lags}


class _CensoredCounts:
    """Factory for the censored Poisson / NB2 likelihood (statsmodels GenericLikelihoodModel)."""

    @staticmethod
    def fit(y: np.ndarray, censored: np.ndarray, x: np.ndarray, negbin: bool, start: np.ndarray,
            offset: np.ndarray | None = None, hac_lags: int | None = None):
        from statsmodels.base.model import GenericLikelihoodModel

        off = np.zeros(len(y)) if offset is None else offset

        class CensoredCounts(GenericLikelihoodModel):
            def loglikeobs(self, params):
                beta = params[: x.shape[1]]
                mu = np.exp(self.exog @ beta + off)
                yy = np.where(censored, 0.0, self.endog)
                if negbin:
                    alpha = math.exp(params[-1])
                    size = 1.0 / alpha
                    p = size / (size + mu)
                    exact = stats.nbinom.logpmf(yy, size, p)
                    cens = stats.nbinom.logcdf(CENSOR_MAX, size, p)
                else:
                    exact = stats.poisson.logpmf(yy, mu)
                    cens = stats.poisson.logcdf(CENSOR_MAX, mu)
                return np.where(censored, cens, exact)

        names = [f"x{i}" for i in range(x.shape[1])] + (["log_alpha"] if negbin else [])
        model = CensoredCounts(np.where(censored, 0.0, y), x, extra_params_names=names[x.shape[1]:] or None)
        model.exog_names[:] = names[: x.shape[1]]
        extra = {"cov_type": "HAC", "cov_kwds": {"maxlags": hac_lags}} if hac_lags else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = model.fit(start_params=start, method="bfgs", maxiter=2000, disp=0, **extra)
        k = x.shape[1]
        return np.asarray(res.params[:k]), np.asarray(res.cov_params())[:k, :k]


@dataclass(frozen=True)
class SeriesFit:
    """One ITS fit: coefficients, covariance, method, Poisson dispersion, the residuals'
    autocorrelation and the kind of standard errors."""

    params: np.ndarray
    cov: np.ndarray
    method: str
    dispersion: float
    autocorrelation: dict
    se_type: str


def fit_series(t: np.ndarray, y: np.ndarray, censored: np.ndarray, t0: float,
               control: np.ndarray | None = None, **kwargs) -> tuple[np.ndarray, np.ndarray, str, float]:
    """Fit the ITS; returns (coefficients, covariance, method, Poisson dispersion) (see
    :func:`fit_its` for the options)."""
    fit = fit_its(t, y, censored, t0, control, **kwargs)
    return fit.params, fit.cov, fit.method, fit.dispersion


def fit_its(t: np.ndarray, y: np.ndarray, censored: np.ndarray, t0: float, control: np.ndarray | None = None,
            model: str = "niveau+trend", season: np.ndarray | None = None, exposure: np.ndarray | None = None,
            hac: bool = False, overdispersion: str = "auto") -> SeriesFit:
    """Fit the ITS (module docstring) with the options of :class:`ItsOptions`.

    Dispersion: ``auto`` keeps today's rule (negative binomial above 1,5, else Poisson,
    underdispersion not used to narrow); ``quasipoisson`` scales the Poisson covariance by the
    Pearson dispersion when it exceeds 1 (R's ``family=quasipoisson``); ``negbin`` always NB2.
    Standard errors: model-based, or Newey–West (HAC, maxlags :func:`newey_west_lags`) with
    ``hac`` or when the Ljung–Box test of the residuals rejects at 5% (``se_type``
    ``newey-west-auto``)."""
    import statsmodels.api as sm

    x = design_matrix(t, t0, control, model, season)
    offset = None if exposure is None else np.log(exposure)
    ok = ~censored
    off_ok = None if offset is None else offset[ok]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pois = sm.GLM(y[ok], x[ok], family=sm.families.Poisson(), offset=off_ok).fit()
    df = max(int(ok.sum()) - x.shape[1], 1)
    dispersion = float(pois.pearson_chi2 / df)
    negbin = overdispersion == "negbin" or (overdispersion == "auto" and dispersion > OVERDISPERSION)
    quasi = overdispersion == "quasipoisson"
    if negbin and not censored.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbm = sm.NegativeBinomial(y, x, loglike_method="nb2", offset=offset)
            nbres = nbm.fit(start_params=np.append(pois.params, 0.1), disp=0, maxiter=500)
        mu = np.asarray(nbres.predict())
        alpha = float(np.asarray(nbres.params)[-1])
        resid = (y - mu) / np.sqrt(mu + alpha * mu**2)
    else:
        resid = np.asarray(pois.resid_pearson)
    ac = autocorrelation(resid)
    use_hac = hac or (math.isfinite(ac["ljung_box_p"]) and ac["ljung_box_p"] < ALPHA_LJUNG_BOX)
    se_type = "model" if not use_hac else "newey-west" if hac else "newey-west-auto"
    lags = max(newey_west_lags(int(ok.sum())), 1) if use_hac else None
    hac_kw = {"cov_type": "HAC", "cov_kwds": {"maxlags": lags}} if use_hac else {}
    k = x.shape[1]
    if censored.any():
        start = np.asarray(pois.params)
        if negbin:
            start = np.append(start, math.log(max((dispersion - 1) / max(np.nanmean(y[ok]), 1.0), 1e-4)))
        params, cov = _CensoredCounts.fit(y, censored, x, negbin, start, offset, lags)
        if use_hac:
            _, plain = _CensoredCounts.fit(y, censored, x, negbin, start, offset, None)
            cov = _not_narrower(cov, plain)
        if quasi and dispersion > 1 and not use_hac:
            cov = cov * dispersion
        method = ("negative-binomial" if negbin else "quasi-poisson" if quasi else "poisson") + "+censored"
        return SeriesFit(params, cov, method, dispersion, ac, se_type)
    if not negbin:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if use_hac:
                res = sm.GLM(y, x, family=sm.families.Poisson(), offset=offset).fit(**hac_kw)
            elif quasi:
                res = sm.GLM(y, x, family=sm.families.Poisson(), offset=offset).fit(
                    scale=max(dispersion, 1.0))
            else:
                res = pois
        method = "quasi-poisson" if quasi else "poisson"
        cov = np.asarray(res.cov_params())
        if use_hac:
            cov = _not_narrower(cov, np.asarray(pois.cov_params()) * (max(dispersion, 1.0) if quasi else 1.0))
        return SeriesFit(np.asarray(res.params), cov, method, dispersion, ac, se_type)
    cov = np.asarray(nbres.cov_params())[:k, :k]
    if use_hac:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            robust = sm.NegativeBinomial(y, x, loglike_method="nb2", offset=offset).fit(
                start_params=np.asarray(nbres.params), disp=0, maxiter=500, **hac_kw)
        cov = _not_narrower(np.asarray(robust.cov_params())[:k, :k], cov)
    return SeriesFit(np.asarray(nbres.params[:k]), cov, "negative-binomial", dispersion, ac, se_type)


def _not_narrower(robust: np.ndarray, model: np.ndarray) -> np.ndarray:
    """The Newey–West covariance, each standard error raised to at least the model's own (a
    sandwich on an underdispersed stock would otherwise narrow the intervals below what the
    counts support; correlations kept)."""
    ratio = np.sqrt(np.maximum(np.diag(model), 0.0) / np.maximum(np.diag(robust), 1e-300))
    d = np.maximum(ratio, 1.0)
    return robust * np.outer(d, d)


def estimate_monitor(path: str | Path, vanaf: str, voorziening: str | None = None,
                     vergelijking: str | Path | None = None, draws: int = 2000,
                     seed: SeedLike = 1, options: ItsOptions | None = None,
                     suppress: bool = True) -> MonitorEstimate:
    """Fit every series (or the one ``voorziening``) of a monitor file; see the module docstring
    and :class:`ItsOptions`. With ``suppress`` (the default; DESIGN §17) a count below 10 written
    out in the file is treated as the monitors' own ``<10``: censored in [0, 9] before anything is
    fitted, so no output depends on it."""
    opts = options or ItsOptions()
    if opts.model not in MODELS:
        raise DataFileError("bad_model", str(path), value=opts.model, known=list(MODELS))
    if opts.overdispersion not in OVERDISPERSION_CHOICES:
        raise DataFileError("bad_overdispersion", str(path), value=opts.overdispersion,
                            known=list(OVERDISPERSION_CHOICES))
    path = Path(path)
    name = str(path)
    table = read_monitor(path, opts.exposure)
    if suppress:
        table = censor_small(table)
    start = parse_period(vanaf)
    if start is None:
        raise DataFileError("bad_vanaf", name, value=vanaf)
    t0 = _years(start)  # the first period with the change
    names = sorted(table["voorziening"].unique(), key=list(table["voorziening"].unique()).index)
    if voorziening is not None:
        match = [v for v in names if v.lower() == voorziening.strip().lower()]
        if not match:
            raise DataFileError("unknown_voorziening", name, column="voorziening", value=voorziening, known=names)
        names = match
    control_table = read_monitor(vergelijking) if vergelijking is not None else None
    if suppress and control_table is not None:  # a comparison count below 10 is a <10 there too
        control_table = censor_small(control_table)
    series: dict[str, SeriesEstimate] = {}
    skipped: dict[str, str] = {}
    columns: dict[str, np.ndarray] = {}
    changes = change_columns(opts.model)
    for v in names:
        s = table[table["voorziening"] == v]
        control = None
        if control_table is not None:
            ctab = control_table.groupby("periode")["aantal"].sum(min_count=1)
            control = s["periode"].map(ctab).to_numpy(dtype=float)
            if np.isnan(control).any() or (control <= 0).any():
                raise DataFileError("comparison_mismatch", str(vergelijking), column="periode", voorziening=v)
        t = s["t"].to_numpy()
        post = t >= t0 - 1e-9
        if post.sum() < 2 or (~post).sum() < 3:
            raise DataFileError("too_short", name, column="periode", voorziening=v,
                                before=int((~post).sum()), after=int(post.sum()))
        y = s["aantal"].to_numpy(dtype=float)
        cens = s["censored"].to_numpy()
        if (~cens & post).sum() < 1 or (~cens & ~post).sum() < 2:
            skipped[v] = "censored"  # a level change hidden entirely behind <10 cannot be estimated
            continue
        season, season_info = season_columns(list(s["period"]), opts.season, name)
        exposure = s["exposure"].to_numpy(dtype=float) if opts.exposure is not None else None
        fit = fit_its(t, y, cens, t0, control, opts.model, season, exposure, opts.hac, opts.overdispersion)
        params, cov = fit.params, fit.cov
        se = np.sqrt(np.maximum(np.diag(cov), 0.0))
        if not (np.isfinite(params).all() and np.isfinite(se).all() and np.abs(params[changes]).max() < 10):
            skipped[v] = "not_identified"
            continue
        x = design_matrix(t, t0, control, opts.model, season)
        x_cf = x.copy()
        x_cf[:, changes] = 0.0
        # counts at the last exposure (a rate model): every period's prediction at today's size
        log_exp = np.full(len(t), math.log(exposure[-1])) if exposure is not None else np.zeros(len(t))
        rng = generator(seed, "monitor", v)
        b = rng.multivariate_normal(params, cov, size=draws, method="cholesky")
        fit_d = np.exp(b @ x.T + log_exp)
        cf_d = np.exp(b @ x_cf.T + log_exp)
        years = s["period"].map(lambda p: p.year).to_numpy()
        avoided = {}
        slug = _slug(v)
        for year in sorted(set(years[post].tolist())):
            cols = post & (years == year)
            a = (cf_d[:, cols] - fit_d[:, cols]).mean(axis=1)
            avoided[int(year)] = Interval.of_draws(a)
            columns[f"{slug}_vermeden_{year}"] = a
        columns[f"{slug}_niveausprong"] = np.exp(b[:, 2])
        last = avoided[max(avoided)]
        verdict = "decline" if last.p05 > 0 else "increase" if last.p95 < 0 else "no_change"
        rate_change = None
        if exposure is not None:
            rate_change = Interval.of_draws((fit_d[:, -1] - cf_d[:, -1]) / exposure[-1] * RATE_PER)
        placebo = _placebo(t, y, cens, t0, control, opts, season, exposure, list(s["periode"])) if opts.placebo else None
        real_exp = exposure if exposure is not None else np.ones(len(t))
        scale_now = np.exp(np.log(real_exp) - log_exp) if exposure is not None else np.ones(len(t))

        series[v] = SeriesEstimate(
            voorziening=v, method=fit.method, dispersion=fit.dispersion, censored=int(cens.sum()),
            params=tuple(map(float, params)), cov=tuple(tuple(map(float, r)) for r in cov),
            level_change=_ratio(params[2], se[2]),
            slope_change=_ratio(params[3], se[3]) if opts.model == "niveau+trend" else None,
            avoided=avoided, verdict=verdict,
            periods=tuple(s["periode"]), observed=tuple(None if c else float(val) for val, c in zip(y, cens, strict=True)),
            fitted=tuple(map(float, np.exp(x @ params + log_exp) * scale_now)),
            counterfactual=tuple(map(float, np.exp(x_cf @ params + log_exp) * scale_now)),
            counterfactual_p05=tuple(map(float, np.quantile(cf_d, 0.05, axis=0) * scale_now)),
            counterfactual_p95=tuple(map(float, np.quantile(cf_d, 0.95, axis=0) * scale_now)),
            post=tuple(bool(p) for p in post),
            model=opts.model, offset=opts.exposure, season=season_info, autocorrelation=fit.autocorrelation,
            se_type=fit.se_type, rate_change=rate_change, placebo=placebo,
            exposure_last=float(exposure[-1]) if exposure is not None else None,
        )
    if not series:
        raise DataFileError("not_estimable", name, column="aantal", skipped=skipped)
    return MonitorEstimate(name, hashlib.sha256(path.read_bytes()).hexdigest(), vanaf,
                           None if vergelijking is None else str(vergelijking), len(table), series,
                           pd.DataFrame(columns), skipped, synthetic=is_synthetic(path), options=opts,
                           suppress=suppress)


PLACEBO_MAX = 6
RATE_PER = 1000.0   # rate_change per this many units of exposure


def _placebo(t, y, cens, t0, control, opts: ItsOptions, season, exposure, labels) -> list[dict]:
    """The same model on the periods before ``--vanaf`` only, with the break moved to earlier
    periods (at most :data:`PLACEBO_MAX`, evenly spread, each with ≥ 3 periods before and ≥ 2
    from it): a level change found there is a warning that the real one may be noise or trend."""
    pre = t < t0 - 1e-9
    tp = t[pre]
    idx = [i for i in range(3, len(tp) - 1) if (len(tp) - i) >= 2]
    if not idx:
        return []
    if len(idx) > PLACEBO_MAX:
        idx = [idx[int(round(j))] for j in np.linspace(0, len(idx) - 1, PLACEBO_MAX)]
    out = []
    for i in idx:
        fake = float(tp[i])
        try:
            fit = fit_its(tp, y[pre], cens[pre], fake, None if control is None else control[pre], opts.model,
                          None if season is None else season[pre], None if exposure is None else exposure[pre],
                          False, opts.overdispersion)
        except (ValueError, np.linalg.LinAlgError):
            continue
        se = math.sqrt(max(fit.cov[2, 2], 0.0))
        if not (math.isfinite(fit.params[2]) and math.isfinite(se)):
            continue
        out.append({"vanaf": labels[i], "level_change": _ratio(fit.params[2], se)})
    return out


def _finite(x) -> float | None:
    return float(x) if x is not None and math.isfinite(x) else None


def censor_small(table: pd.DataFrame) -> pd.DataFrame:
    """Counts below 10 become ``<10`` cells (censored), as the monitor itself would publish them."""
    small = ~table["censored"] & (table["aantal"] < THRESHOLD)
    if not small.any():
        return table
    table = table.copy()
    table.loc[small, "aantal"] = math.nan
    table.loc[small, "censored"] = True
    return table


def _ratio(b: float, se: float) -> Interval:
    """A log-scale coefficient as a rate ratio: mean exp(b + se²/2), interval exp(b ± 1.645·se)."""
    return Interval(math.exp(b + se**2 / 2), math.exp(b - Z90 * se), math.exp(b + Z90 * se))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "reeks"
