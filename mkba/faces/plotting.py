"""Figures and styled tables for reports, in one consistent style with Dutch labels.

Every function takes computed results (a :class:`~mkba.core.results.Result`,
:class:`~mkba.analysis.sensitivity.SensitivityResult`, :class:`~mkba.analysis.scenarios.Comparison` or a tidy
DataFrame) and returns a matplotlib ``Figure`` (or a pandas ``Styler``); nothing here
computes model numbers. Notebooks call these functions and hold no plotting code.
"""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from mkba.faces.formatting import nl_eur, nl_number, nl_percent, nl_smart

PALETTE = "colorblind"
KIND_NL = {"fiscal": "fiscaal", "economic": "economisch", "social": "sociaal"}


def setup_style() -> None:
    """The house style: seaborn whitegrid, colour-blind palette, readable sizes."""
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook",
                  rc={"figure.dpi": 110, "savefig.dpi": 110, "axes.titleweight": "bold",
                      "axes.titlesize": 12, "axes.labelsize": 10})


def _eur_axis(ax, axis: str = "x") -> None:
    def fmt(x, _pos):
        if abs(x) >= 1e6:
            return f"{'−' if x < 0 else ''}€ {nl_number(abs(x) / 1e6, 1)} mln"
        return nl_eur(x)
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(nbins=6 if axis == "x" else 8))
    target.set_major_formatter(FuncFormatter(fmt))


def _ratio_axis(ax, axis: str = "x") -> None:
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(FuncFormatter(lambda x, _p: nl_number(x, 2)))


def _pct_axis(ax, axis: str = "y") -> None:
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(FuncFormatter(lambda x, _p: nl_percent(x)))


def _new(width: float = 8, height: float = 4.5) -> tuple[Figure, plt.Axes]:
    setup_style()
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    return fig, ax


# --- distributions -----------------------------------------------------------------------------
def distribution(values: np.ndarray, kind: str = "npv", title: str | None = None) -> Figure:
    """Histogram of per-draw NPV (``kind="npv"``) or BCR (``"bcr"``) with the break-even line
    (NPV = 0 or BCR = 1) and the 90% interval shaded."""
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    fig, ax = _new()
    sns.histplot(values, bins=60, stat="probability", ax=ax, color=sns.color_palette(PALETTE)[0], edgecolor="white")
    p05, p95 = np.quantile(values, [0.05, 0.95])
    ax.axvspan(p05, p95, color="grey", alpha=0.12, label="90%-interval")
    line = 0.0 if kind == "npv" else 1.0
    ax.axvline(line, color="crimson", lw=2, label="break-even (baten = kosten)")
    ax.axvline(values.mean(), color="black", lw=1.5, ls="--", label="gemiddelde")
    if kind == "npv":
        _eur_axis(ax)
        ax.set_xlabel("Netto contante waarde")
    else:
        _ratio_axis(ax)
        ax.set_xlabel("Baten/kosten-verhouding (€ baten per € kosten)")
    _pct_axis(ax)
    ax.set_ylabel("Aandeel trekkingen")
    share = np.mean(values > line)
    ax.set_title(title or f"Verdeling over {nl_number(len(values), 0)} trekkingen — kans baten > kosten: {nl_percent(share)}")
    ax.legend(loc="upper left", fontsize=8)
    return fig


# --- stakeholders --------------------------------------------------------------------------------
def stakeholder_bars(frame: pd.DataFrame) -> Figure:
    """Costs and benefits per stakeholder, benefits stacked by kind (fiscal / economic / social).

    ``frame`` has one row per stakeholder with columns ``label``, ``kosten``, ``fiscaal``,
    ``economisch``, ``sociaal`` (mean PV in euros), e.g. from
    :func:`mkba.faces.report_data.stakeholder_frame`.
    """
    fig, ax = _new(8, 0.8 + 0.9 * len(frame))
    y = np.arange(len(frame))
    colours = sns.color_palette(PALETTE)
    ax.barh(y - 0.2, -frame["kosten"], height=0.38, color=colours[3], label="kosten")
    left = np.zeros(len(frame))
    for i, kind in enumerate(("fiscaal", "economisch", "sociaal")):
        ax.barh(y + 0.2, frame[kind], left=left, height=0.38, color=colours[i], label=f"baten: {kind}")
        left += frame[kind].to_numpy()
    ax.set_yticks(y, frame["label"])
    ax.axvline(0, color="black", lw=0.8)
    _eur_axis(ax)
    ax.set_xlabel("Contante waarde (kosten links, baten rechts)")
    ax.set_title("Wie betaalt en wie profiteert")
    ax.legend(loc="lower right", fontsize=8)
    ax.invert_yaxis()
    return fig


def yearly_flows(years: list[int], costs: list[float], benefits: list[float]) -> Figure:
    """Mean costs and benefits per year with the yearly benefit-cost ratio annotated."""
    fig, ax = _new()
    x = np.arange(len(years))
    colours = sns.color_palette(PALETTE)
    ax.bar(x - 0.2, costs, width=0.4, color=colours[3], label="kosten")
    ax.bar(x + 0.2, benefits, width=0.4, color=colours[2], label="baten")
    for xi, c, b in zip(x, costs, benefits, strict=True):
        if c:
            ax.annotate(nl_number(b / c, 2), (xi + 0.2, b), ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x, [str(y) for y in years])
    _eur_axis(ax, "y")
    ax.set_ylabel("Gemiddeld per jaar (niet verdisconteerd)")
    ax.set_title("Kosten en baten per jaar (getal: baten/kosten in dat jaar)")
    ax.legend(fontsize=8)
    return fig


# --- sensitivity ---------------------------------------------------------------------------------
def tornado_chart(result, top: int = 12, labels: Mapping[str, str] | None = None) -> Figure:
    """Tornado chart: output at each parameter's low and high value, widest bar on top."""
    rows = list(result.parameters.items())[:top]
    base = result.extra.get("base_output", 0.0)
    fig, ax = _new(8, 1 + 0.42 * len(rows))
    colours = sns.color_palette(PALETTE)
    for i, (_name, r) in enumerate(rows):
        lo, hi = r["output_low"], r["output_high"]
        ax.barh(i, lo - base, left=base, color=colours[0], height=0.6, label="parameter laag (P10)" if i == 0 else None)
        ax.barh(i, hi - base, left=base, color=colours[1], height=0.6, label="parameter hoog (P90)" if i == 0 else None)
    ax.axvline(base, color="black", lw=1)
    ax.set_yticks(range(len(rows)), [_param_label(n, r, labels) for n, r in rows], fontsize=8)
    ax.invert_yaxis()
    money = result.output != "bcr"
    (_eur_axis if money else _ratio_axis)(ax)
    ax.set_xlabel(_output_label(result.output))
    ax.set_title("Tornado: invloed van elke aanname (overige op basiswaarde)")
    ax.legend(fontsize=8, loc="lower right")
    return fig


def _grouped_barh(ax, groups: list[str], series: list[str], mean: np.ndarray, low: np.ndarray | None = None,
                  high: np.ndarray | None = None) -> None:
    """Horizontal grouped bars with explicit positions: ``mean[g, k]`` for group g and series
    k, optional interval lines from ``low`` to ``high`` drawn on the same positions."""
    colours = sns.color_palette(PALETTE)
    height = 0.8 / len(series)
    for k, name in enumerate(series):
        y = np.arange(len(groups)) - 0.4 + height * (k + 0.5)
        ax.barh(y, mean[:, k], height=height * 0.95, color=colours[k % len(colours)], label=name)
        if low is not None and high is not None:
            for yi, lo, hi in zip(y, low[:, k], high[:, k], strict=True):
                ax.plot([lo, hi], [yi, yi], color="black", lw=1)
    ax.set_yticks(np.arange(len(groups)), groups)
    ax.invert_yaxis()


def sobol_bars(result, top: int = 12) -> Figure:
    """First-order (S1) and total (ST) Sobol' indices with their confidence intervals."""
    rows = list(result.parameters.items())[:top]
    names = [n for n, _ in rows]
    mean = np.array([[r["S1"], r["ST"]] for _, r in rows])
    conf = np.array([[r["S1_conf"], r["ST_conf"]] for _, r in rows])
    fig, ax = _new(8, 1 + 0.45 * len(rows))
    _grouped_barh(ax, names, ["eerste orde (S1)", "totaal (ST)"], mean, mean - conf, mean + conf)
    _pct_axis(ax, "x")
    ax.set_xlabel("Aandeel van de variantie van de uitkomst (lijn: betrouwbaarheidsinterval)")
    ax.set_title(f"Sobol-indices ({_output_label(result.output)})")
    ax.legend(fontsize=8, loc="lower right")
    return fig


def breakeven_table(result, labels: Mapping[str, str] | None = None, max_rows: int = 15):
    """Break-even values as a styled DataFrame (Dutch headers, nl-NL numbers).

    Rows: parameters whose break-even lies inside their range (most likely first), then
    those that would need a value outside it; at most ``max_rows`` rows, the caption says how
    many parameters cannot flip the conclusion at all.
    """
    inside = [(n, r) for n, r in result.parameters.items() if r["value"] is not None]
    outside = [(n, r) for n, r in result.parameters.items() if r["value"] is None and r.get("value_outside_range") is not None]
    never = len(result.parameters) - len(inside) - len(outside)
    chosen = (inside + outside)[:max_rows]
    left_out = len(inside) + len(outside) - len(chosen)
    rows = []
    for name, r in chosen:
        if r["value"] is None:
            outside = r.get("value_outside_range")
            rows.append({"Parameter": (labels or {}).get(name, name), "Basiswaarde": nl_smart(r["base"]),
                         "Omslagwaarde": "geen binnen bereik" + (f" (pas bij {nl_smart(outside)})" if outside is not None else ""),
                         "Kans voorbij omslag": "–"})
        else:
            q = r["quantile"]
            beyond = q if r["value"] < r["base"] else 1 - q
            rows.append({"Parameter": (labels or {}).get(name, name), "Basiswaarde": nl_smart(r["base"]),
                         "Omslagwaarde": nl_smart(r["value"]), "Kans voorbij omslag": nl_percent(beyond)})
    frame = pd.DataFrame(rows, columns=["Parameter", "Basiswaarde", "Omslagwaarde", "Kans voorbij omslag"])
    caption = f"Omslagwaarden: waarde waarbij {_target_text(result)} (overige parameters op basiswaarde)."
    if left_out:
        caption += f" {left_out} verdere parameter(s) met een omslag ver buiten hun bereik niet getoond."
    if never:
        caption += f" {never} parameter(s) kunnen de uitkomst op geen enkele toegestane waarde laten omslaan."
    return frame.style.hide(axis="index").set_caption(caption).set_properties(subset=["Parameter", "Omslagwaarde"], **{"text-align": "left"})


# --- scenarios -----------------------------------------------------------------------------------
def scenario_comparison(frame: pd.DataFrame) -> Figure:
    """Change in net benefit versus the baseline, per option and stakeholder (mean and 90%
    interval). ``frame``: columns ``optie``, ``belanghebbende``, ``mean``, ``p05``, ``p95``."""
    options = list(dict.fromkeys(frame["optie"]))
    who = list(dict.fromkeys(frame["belanghebbende"]))
    table = frame.set_index(["optie", "belanghebbende"])
    grid = {c: np.array([[table.loc[(o, w), c] for w in who] for o in options]) for c in ("mean", "p05", "p95")}
    fig, ax = _new(9, 1.5 + 0.35 * len(options) * len(who))
    _grouped_barh(ax, options, who, grid["mean"], grid["p05"], grid["p95"])
    ax.axvline(0, color="black", lw=1)
    _eur_axis(ax)
    ax.set_xlabel("Verandering netto-effect t.o.v. de basis (contante waarde; lijn: 90%-interval)")
    ax.set_title("Wie draagt de bezuiniging?")
    ax.legend(fontsize=8, loc="best")
    return fig


def acceptability_curve(frame: pd.DataFrame, x: str = "weight", labels: Mapping[str, str] | None = None,
                        who: str | None = None) -> Figure:
    """Probability each option is best, against the weight on non-fiscal benefits
    (``x="weight"``) or the discount rate (``x="discount_rate"``)."""
    data = frame.copy()
    if labels:
        data["option"] = data["option"].map(lambda o: labels.get(o, o))
    fig, ax = _new()
    sns.lineplot(data, x=x, y="prob_best", hue="option", marker="o", ax=ax)
    ax.set_ylim(-0.02, 1.02)
    _pct_axis(ax)
    ax.set_ylabel("Kans dat de optie de beste is")
    if x == "weight":
        ax.set_xlabel("Gewicht van niet-fiscale (sociale en economische) baten: 0 = alleen geld, 1 = volledige MKBA")
        ax.set_title("Acceptatiecurve naar gewicht van maatschappelijke baten" + (f" — {who}" if who else ""))
    else:
        _pct_axis(ax, "x")
        ax.set_xlabel("Discontovoet")
        ax.set_title("Acceptatiecurve naar discontovoet" + (f" — {who}" if who else ""))
    ax.legend(title="", fontsize=8)
    return fig


def _param_label(name: str, record: dict, labels: Mapping[str, str] | None) -> str:
    label = (labels or {}).get(name, name)
    return f"{label} ({nl_smart(record['low'])} – {nl_smart(record['high'])})"


def _output_label(output: str) -> str:
    if output == "npv":
        return "Netto contante waarde"
    if output == "bcr":
        return "Baten/kosten-verhouding"
    if output.startswith("net:"):
        return f"Netto-effect {output[4:]}"
    return output


def _target_text(result) -> str:
    target = result.extra.get("target", 0.0)
    versus = result.extra.get("versus")
    if versus:
        return f"{result.scenario} en {versus} even goed uitpakken ({_output_label(result.output).lower()})"
    if result.output == "bcr":
        return f"de baten/kosten-verhouding {nl_number(target, 2)} wordt"
    return f"{_output_label(result.output).lower()} nul wordt"


# --- value of information ----------------------------------------------------------------------
def evppi_bars(frame: pd.DataFrame, evpi: float, who: str) -> Figure:
    """EVPPI per parameter and group (``frame`` from :func:`mkba.faces.report_data.evppi_frame`)
    as horizontal bars with ± 2 standard errors, against EVPI (a dashed line)."""
    from mkba.faces import text_nl

    fig, ax = _new(8, 1.2 + 0.38 * max(len(frame), 1))
    colours = sns.color_palette(PALETTE)
    y = np.arange(len(frame))
    colour = [colours[1] if g else colours[0] for g in frame["group"]]
    ax.barh(y, frame["value"], color=colour, height=0.6)
    ax.errorbar(frame["value"], y, xerr=2 * frame["se"], fmt="none", ecolor="black", lw=1, capsize=3)
    ax.axvline(evpi, color="black", ls="--", lw=1, label=f"{text_nl.EVPPI_FIGURE_EVPI}: {nl_eur(evpi)}")
    ax.set_yticks(y, frame["label"], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(evpi, float((frame["value"] + 2 * frame["se"]).max()) if len(frame) else evpi) * 1.08 or 1)
    _eur_axis(ax)
    ax.set_xlabel(text_nl.EVPPI_FIGURE_AXIS)
    ax.set_title(text_nl.EVPPI_FIGURE_TITLE.format(who=who))
    ax.legend(fontsize=8, loc="lower right")
    return fig

