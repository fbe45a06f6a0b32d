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
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from mkba.core.seeding import SeedLike, generator
from mkba.data_in.disclosure import SMALL_COUNTS_FLAG, THRESHOLD
from mkba.data_in.registrations import DataFileError

OVERDISPERSION = 1.5
CENSOR_MAX = 9
Z90 = float(stats.norm.ppf(0.95))
MONTHS_NL = {"jan": 1, "feb": 2, "mrt": 3, "maa": 3, "apr": 4, "mei": 5, "jun": 6, "jul": 7,
             "aug": 8, "sep": 9, "okt": 10, "nov": 11, "dec": 12}
COEFS = ("niveau", "trend", "niveausprong", "trendbreuk")


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
    slope_change: Interval   # rate ratio per year exp(b3)
    avoided: dict[int, Interval]
    verdict: str             # "decline" | "increase" | "no_change"
    periods: tuple[str, ...]
    observed: tuple[float | None, ...]      # None for a censored cell
    fitted: tuple[float, ...]
    counterfactual: tuple[float, ...]
    counterfactual_p05: tuple[float, ...]
    counterfactual_p95: tuple[float, ...]
    post: tuple[bool, ...]

    def to_json(self) -> dict:
        return {"level_change": self.level_change.to_dict(), "slope_change": self.slope_change.to_dict(),
                "avoided": {str(y): e.to_dict() for y, e in self.avoided.items()}, "method": self.method,
                "verdict": self.verdict, "dispersion": self.dispersion, "censored": self.censored}

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
    suppress: bool = True  # counts below 10 were censored before fitting (DESIGN §17)

    @property
    def small_counts(self) -> bool:
        return not self.suppress

    def to_json(self) -> dict:
        out = {"series": {v: s.to_json() for v, s in self.series.items()}, "skipped": dict(self.skipped),
               "file": {"name": Path(self.file).name, "sha256": self.sha256, "rows": self.rows},
               "vanaf": self.vanaf, "comparison": self.comparison}
        if self.small_counts:
            out[SMALL_COUNTS_FLAG] = True
        return out

    def to_frame(self) -> pd.DataFrame:
        rows = []
        for v, s in self.series.items():
            rows.append({"voorziening": v, "grootheid": "level_change", "jaar": None, **s.level_change.to_dict()})
            rows.append({"voorziening": v, "grootheid": "slope_change", "jaar": None, **s.slope_change.to_dict()})
            for y, e in s.avoided.items():
                rows.append({"voorziening": v, "grootheid": "avoided", "jaar": y, **e.to_dict()})
        return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------
def parse_period(text: str) -> pd.Period | None:
    """``2022-Q1`` → quarter; ``2022-03`` or ``mrt-22`` → month; otherwise ``None``."""
    s = str(text).strip().lower()
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
    return str(p) if p.freqstr.startswith("Q") else f"{p.year}-{p.month:02d}"


def read_monitor(path: str | Path) -> pd.DataFrame:
    """The long table with parsed ``t`` (years), ``periode`` label, ``aantal`` (NaN if censored)
    and ``censored``; located :class:`DataFileError` for an unusable file."""
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
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    missing = [c for c in ("periode", "voorziening", "aantal") if c not in frame.columns]
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
    dup = table.duplicated(["voorziening", "periode"])
    if dup.any():
        r = table[dup].iloc[0]
        raise DataFileError("duplicate_period", name, row=int(r["row"]), column="periode", value=r["periode"])
    return table.sort_values(["voorziening", "t"]).reset_index(drop=True)


# ------------------------------------------------------------------------------------------------
# Fitting
# ------------------------------------------------------------------------------------------------
def design_matrix(t: np.ndarray, t0: float, control: np.ndarray | None = None) -> np.ndarray:
    """Columns: 1, t − t0, post, (t − t0)·post [, log(control)] (t in years)."""
    post = (t >= t0 - 1e-9).astype(float)
    cols = [np.ones_like(t), t - t0, post, (t - t0) * post]
    if control is not None:
        cols.append(np.log(control))
    return np.column_stack(cols)


class _CensoredCounts:
    """Factory for the censored Poisson / NB2 likelihood (statsmodels GenericLikelihoodModel)."""

    @staticmethod
    def fit(y: np.ndarray, censored: np.ndarray, x: np.ndarray, negbin: bool, start: np.ndarray):
        from statsmodels.base.model import GenericLikelihoodModel

        class CensoredCounts(GenericLikelihoodModel):
            def loglikeobs(self, params):
                beta = params[: x.shape[1]]
                mu = np.exp(self.exog @ beta)
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
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res = model.fit(start_params=start, method="bfgs", maxiter=2000, disp=0)
        k = x.shape[1]
        return np.asarray(res.params[:k]), np.asarray(res.cov_params())[:k, :k]


def fit_series(t: np.ndarray, y: np.ndarray, censored: np.ndarray, t0: float,
               control: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, str, float]:
    """Fit the ITS; returns (coefficients, covariance, method, Poisson dispersion)."""
    import statsmodels.api as sm

    x = design_matrix(t, t0, control)
    ok = ~censored
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pois = sm.GLM(y[ok], x[ok], family=sm.families.Poisson()).fit()
    df = max(int(ok.sum()) - x.shape[1], 1)
    dispersion = float(pois.pearson_chi2 / df)
    negbin = dispersion > OVERDISPERSION
    if censored.any():
        start = np.asarray(pois.params)
        if negbin:
            start = np.append(start, math.log(max((dispersion - 1) / max(np.nanmean(y[ok]), 1.0), 1e-4)))
        params, cov = _CensoredCounts.fit(y, censored, x, negbin, start)
        method = ("negative-binomial" if negbin else "poisson") + "+censored"
        return params, cov, method, dispersion
    if not negbin:
        return np.asarray(pois.params), np.asarray(pois.cov_params()), "poisson", dispersion
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nb = sm.NegativeBinomial(y, x, loglike_method="nb2").fit(start_params=np.append(pois.params, 0.1),
                                                                disp=0, maxiter=500)
    k = x.shape[1]
    return np.asarray(nb.params[:k]), np.asarray(nb.cov_params())[:k, :k], "negative-binomial", dispersion


def estimate_monitor(path: str | Path, vanaf: str, voorziening: str | None = None,
                     vergelijking: str | Path | None = None, draws: int = 2000,
                     seed: SeedLike = 1, suppress: bool = True) -> MonitorEstimate:
    """Fit every series (or the one ``voorziening``) of a monitor file; see the module docstring.
    With ``suppress`` (the default; DESIGN §17) a count below 10 written out in the file is
    treated as the monitors' own ``<10``: censored in [0, 9] before anything is fitted, so no
    output depends on it."""
    path = Path(path)
    name = str(path)
    table = read_monitor(path)
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
        params, cov, method, dispersion = fit_series(t, y, cens, t0, control)
        se = np.sqrt(np.diag(cov))
        if not (np.isfinite(params).all() and np.isfinite(se).all() and np.abs(params[2:4]).max() < 10):
            skipped[v] = "not_identified"
            continue
        x = design_matrix(t, t0, control)
        x_cf = x.copy()
        x_cf[:, 2:4] = 0.0
        rng = generator(seed, "monitor", v)
        b = rng.multivariate_normal(params, cov, size=draws, method="cholesky")
        fit_d = np.exp(b @ x.T)
        cf_d = np.exp(b @ x_cf.T)
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

        series[v] = SeriesEstimate(
            voorziening=v, method=method, dispersion=dispersion, censored=int(cens.sum()),
            params=tuple(map(float, params)), cov=tuple(tuple(map(float, r)) for r in cov),
            level_change=_ratio(params[2], se[2]), slope_change=_ratio(params[3], se[3]), avoided=avoided, verdict=verdict,
            periods=tuple(s["periode"]), observed=tuple(None if c else float(val) for val, c in zip(y, cens, strict=True)),
            fitted=tuple(map(float, np.exp(x @ params))), counterfactual=tuple(map(float, np.exp(x_cf @ params))),
            counterfactual_p05=tuple(map(float, np.quantile(cf_d, 0.05, axis=0))),
            counterfactual_p95=tuple(map(float, np.quantile(cf_d, 0.95, axis=0))),
            post=tuple(bool(p) for p in post),
        )
    if not series:
        raise DataFileError("not_estimable", name, column="aantal", skipped=skipped)
    return MonitorEstimate(name, hashlib.sha256(path.read_bytes()).hexdigest(), vanaf,
                           None if vergelijking is None else str(vergelijking), len(table), series,
                           pd.DataFrame(columns), skipped, suppress=suppress)


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
