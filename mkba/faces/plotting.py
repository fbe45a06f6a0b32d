"""Figures and styled tables for reports, in one consistent style with Dutch labels.

Every function takes computed results (a :class:`~mkba.core.results.Result`,
:class:`~mkba.analysis.sensitivity.SensitivityResult`, :class:`~mkba.analysis.scenarios.Comparison` or a tidy
DataFrame) and returns a matplotlib ``Figure`` (or a pandas ``Styler``); nothing here
computes model numbers. Notebooks call these functions and hold no plotting code.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from mkba.faces import text_nl
from mkba.faces.formatting import avg_count, nl_eur, nl_eur_short, nl_number, nl_percent, nl_smart

PALETTE = "colorblind"
KIND_NL = text_nl.KIND_NL
Labels = Mapping[str, str] | Callable[[str], str] | None

#: Widest figure, in inches: an A4 page less its margins (PDF) holds it at its own size, so a
#: label set in 8 pt prints in 8 pt (report_data.show embeds each figure at its physical width).
MAX_WIDTH = 6.8
#: Smallest font in any figure (points, as printed).
MIN_FONT = 8
#: Figures are rendered at this resolution (sharp on paper and on high-resolution screens).
DPI = 150
#: Long tick labels (parameter names) wrap after this many characters.
WRAP = 42


def setup_style() -> None:
    """The house style: seaborn whitegrid, colour-blind palette, sizes that print ≥ 8 pt."""
    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook",
                  rc={"figure.dpi": DPI, "savefig.dpi": DPI, "axes.titleweight": "bold", "font.size": 9,
                      "axes.titlesize": 10, "axes.labelsize": 9, "xtick.labelsize": 8.5, "ytick.labelsize": 8.5,
                      "legend.fontsize": MIN_FONT, "legend.title_fontsize": MIN_FONT, "axes.unicode_minus": True})


def _wrap(label: str, width: int = WRAP) -> str:
    """A long label over two or more lines, so the plot keeps its width on an A4 page."""
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _nl_axis(ax, axis: str = "x") -> None:
    """Plain number ticks with a decimal comma and thousands points (0,2 — 1.500), with as many
    decimals as the ticks need: the default for every axis that has no own formatter."""
    target = ax.xaxis if axis == "x" else ax.yaxis

    def fmt(x, _pos):
        return nl_number(x, _tick_decimals(list(target.get_majorticklocs())))

    target.set_major_formatter(FuncFormatter(fmt))


def _tick_decimals(values, most: int = 3) -> int:
    """The fewest decimals that show every tick value exactly (so 2,5 never reads as 2 or 3)."""
    for decimals in range(most + 1):
        if all(abs(round(v, decimals) - v) < 1e-9 * max(1.0, abs(v)) for v in values):
            return decimals
    return most


def _eur_axis(ax, axis: str = "x") -> None:
    """Euro ticks in one unit per axis: all in millions ('€ 1,2 mln') once any tick reaches a
    million, with as many decimals as the step needs, so labels stay short and never repeat."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(nbins=5 if axis == "x" else 7, steps=[1, 2, 2.5, 5, 10]))

    def fmt(x, _pos):
        ticks = list(target.get_majorticklocs())
        big = max((abs(t) for t in ticks), default=abs(x)) >= 1e6
        if not big:
            return nl_eur(x)
        decimals = _tick_decimals([t / 1e6 for t in ticks])
        if abs(x) < 1e-3:
            return "€\u00a00"
        return f"{'−' if x < 0 else ''}€\u00a0{nl_number(abs(x) / 1e6, decimals)}\u00a0mln"

    target.set_major_formatter(FuncFormatter(fmt))


def _ratio_axis(ax, axis: str = "x") -> None:
    (ax.xaxis if axis == "x" else ax.yaxis).set_major_formatter(FuncFormatter(lambda x, _p: nl_number(x, 2)))


def _pct_axis(ax, axis: str = "y") -> None:
    """Percent ticks at 'nice' steps, with as many decimals as the step needs, so no two ticks
    ever read the same (0%, 0,5%, 1%, … rather than 0%, 1%, 1%, 2%)."""
    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))

    def fmt(x, _pos):
        return nl_percent(x, _tick_decimals([100 * t for t in target.get_majorticklocs()]))

    target.set_major_formatter(FuncFormatter(fmt))


def _new(width: float = MAX_WIDTH, height: float = 3.8) -> tuple[Figure, plt.Axes]:
    """A figure at most :data:`MAX_WIDTH` wide whose axes read 0,2 and 1.500 (Dutch) unless a
    plot sets its own (euro, percent, ratio) formatter."""
    setup_style()
    fig, ax = plt.subplots(figsize=(min(width, MAX_WIDTH), height), layout="constrained")
    _nl_axis(ax, "x")
    _nl_axis(ax, "y")
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
    ax.axvspan(p05, p95, color="grey", alpha=0.12, label=text_nl.FIGURE["interval"])
    line = 0.0 if kind == "npv" else 1.0
    ax.axvline(line, color="crimson", lw=2, label=text_nl.OMSLAG)
    ax.axvline(values.mean(), color="black", lw=1.5, ls="--", label=text_nl.FIGURE["mean"])
    if kind == "npv":
        _eur_axis(ax)
        ax.set_xlabel(text_nl.FIGURE["npv_axis"])
    else:
        _ratio_axis(ax)
        ax.set_xlabel(text_nl.FIGURE["bcr_axis"])
    _pct_axis(ax)
    ax.set_ylabel(text_nl.FIGURE["share_of_draws"])
    share = np.mean(values > line)
    ax.set_title(title or text_nl.FIGURE["distribution_title"].format(n=nl_number(len(values), 0), p=nl_percent(share)))
    ax.legend(loc="upper left", fontsize=MIN_FONT)
    return fig


# --- stakeholders --------------------------------------------------------------------------------
def stakeholder_bars(frame: pd.DataFrame) -> Figure:
    """Costs and benefits per stakeholder, benefits stacked by kind (fiscal / economic / social).

    ``frame`` has one row per stakeholder with columns ``label``, ``kosten``, ``fiscaal``,
    ``economisch``, ``sociaal`` (mean PV in euros), e.g. from
    :func:`mkba.faces.report_data.stakeholder_frame`.
    """
    fig, ax = _new(MAX_WIDTH, 1.0 + 0.8 * len(frame))
    y = np.arange(len(frame))
    colours = sns.color_palette(PALETTE)
    ax.barh(y - 0.2, -frame["kosten"], height=0.38, color=colours[3], label=text_nl.FIGURE["costs"])
    left = np.zeros(len(frame))
    for i, kind in enumerate(KIND_NL.values()):
        ax.barh(y + 0.2, frame[kind], left=left, height=0.38, color=colours[i], label=text_nl.FIGURE["benefits_of_kind"].format(kind=kind))
        left += frame[kind].to_numpy()
    ax.set_yticks(y, frame["label"])
    ax.axvline(0, color="black", lw=0.8)
    _eur_axis(ax)
    ax.set_xlabel(text_nl.FIGURE["stakeholders_axis"])
    ax.set_title(text_nl.FIGURE["stakeholders_title"])
    ax.legend(loc="lower right", fontsize=MIN_FONT)
    ax.invert_yaxis()
    return fig


def yearly_flows(years: list[int], costs: list[float], benefits: list[float]) -> Figure:
    """Mean costs and benefits per year with the yearly benefit-cost ratio annotated."""
    fig, ax = _new()
    x = np.arange(len(years))
    colours = sns.color_palette(PALETTE)
    ax.bar(x - 0.2, costs, width=0.4, color=colours[3], label=text_nl.FIGURE["costs"])
    ax.bar(x + 0.2, benefits, width=0.4, color=colours[2], label=text_nl.FIGURE["benefits"])
    for xi, c, b in zip(x, costs, benefits, strict=True):
        if c:
            ax.annotate(nl_number(b / c, 2), (xi + 0.2, b), ha="center", va="bottom", fontsize=9)
    ax.set_xticks(x, [str(y) for y in years])
    _eur_axis(ax, "y")
    ax.set_ylabel(text_nl.FIGURE["yearly_axis"])
    ax.set_title(text_nl.FIGURE["yearly_title"])
    ax.legend(fontsize=MIN_FONT)
    return fig


# --- sensitivity ---------------------------------------------------------------------------------
def tornado_chart(result, top: int = 12, labels: Labels = None, case=None) -> Figure:
    """Tornado chart: output at each parameter's low and high value, widest bar on top.
    ``labels`` (a mapping or a function such as ``case.label_of``) names the parameters."""
    rows = list(result.parameters.items())[:top]
    base = result.extra.get("base_output", 0.0)
    fig, ax = _new(MAX_WIDTH, 1.2 + 0.4 * len(rows))
    colours = sns.color_palette(PALETTE)
    for i, (_name, r) in enumerate(rows):
        lo, hi = r["output_low"], r["output_high"]
        ax.barh(i, lo - base, left=base, color=colours[0], height=0.6, label=text_nl.TORNADO_LOW if i == 0 else None)
        ax.barh(i, hi - base, left=base, color=colours[1], height=0.6, label=text_nl.TORNADO_HIGH if i == 0 else None)
    ax.axvline(base, color="black", lw=1)
    ax.set_yticks(range(len(rows)), [_wrap(_param_label(n, r, labels)) for n, r in rows], fontsize=MIN_FONT)
    ax.invert_yaxis()
    money = result.output != "bcr"
    (_eur_axis if money else _ratio_axis)(ax)
    ax.set_xlabel(text_nl.output_label(result.output, case))
    ax.set_title(text_nl.TORNADO_TITLE)
    ax.legend(fontsize=MIN_FONT, loc="lower right")
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


def sobol_bars(result, top: int = 12, labels: Labels = None, case=None) -> Figure:
    """First-order (S1) and total (ST) Sobol' indices with their confidence intervals."""
    rows = list(result.parameters.items())[:top]
    names = [_wrap(_label(labels, n)) for n, _ in rows]
    mean = np.array([[r["S1"], r["ST"]] for _, r in rows])
    conf = np.array([[r["S1_conf"], r["ST_conf"]] for _, r in rows])
    fig, ax = _new(MAX_WIDTH, 1.2 + 0.42 * len(rows))
    _grouped_barh(ax, names, list(text_nl.SOBOL_SERIES), mean, mean - conf, mean + conf)
    _pct_axis(ax, "x")
    ax.set_xlabel(text_nl.SOBOL_AXIS)
    ax.set_title(f"Sobol'-indices ({text_nl.output_label(result.output, case).lower()})")
    ax.legend(fontsize=MIN_FONT, loc="lower right")
    return fig


def breakeven_table(result, labels: Labels = None, max_rows: int = 15, case=None):
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
            rows.append({text_nl.PARAMETER: _label(labels, name), text_nl.BREAKEVEN_COLUMNS[1]: nl_smart(r["base"]),
                         text_nl.BREAKEVEN_COLUMNS[2]: text_nl.not_in_range(_computed(outside) if outside is not None else None),
                         text_nl.BREAKEVEN_COLUMNS[3]: "–"})
        else:
            q = r["quantile"]
            beyond = q if r["value"] < r["base"] else 1 - q
            rows.append({text_nl.PARAMETER: _label(labels, name), text_nl.BREAKEVEN_COLUMNS[1]: nl_smart(r["base"]),
                         text_nl.BREAKEVEN_COLUMNS[2]: _computed(r["value"]), text_nl.BREAKEVEN_COLUMNS[3]: nl_percent(beyond)})
    frame = pd.DataFrame(rows, columns=list(text_nl.BREAKEVEN_COLUMNS))
    caption = text_nl.FIGURE["breakeven_caption"].format(target=_target_text(result, case))
    if left_out:
        caption += text_nl.breakeven_left_out(left_out)
    if never:
        caption += text_nl.breakeven_never(never)
    return frame.style.hide(axis="index").set_caption(caption).set_properties(
        subset=[text_nl.PARAMETER, text_nl.BREAKEVEN_COLUMNS[2]], **{"text-align": "left"})


def _computed(x: float) -> str:
    """A computed break-even value as precise as it is known (DESIGN §7): from 1.000 up three
    significant figures (12.093 -> '12.100'), below that as a parameter value."""
    import math

    if x is not None and math.isfinite(x) and abs(x) >= 1000:
        factor = 10 ** (int(math.floor(math.log10(abs(x)))) - 2)
        x = round(x / factor) * factor
    return nl_smart(x)


# --- scenarios -----------------------------------------------------------------------------------
def scenario_comparison(frame: pd.DataFrame) -> Figure:
    """Change in net benefit versus the baseline, per option and stakeholder (mean and 90%
    interval). ``frame``: columns ``optie``, ``belanghebbende``, ``mean``, ``p05``, ``p95``."""
    options = list(dict.fromkeys(frame["optie"]))
    who = list(dict.fromkeys(frame["belanghebbende"]))
    table = frame.set_index(["optie", "belanghebbende"])
    grid = {c: np.array([[table.loc[(o, w), c] for w in who] for o in options]) for c in ("mean", "p05", "p95")}
    fig, ax = _new(MAX_WIDTH, 1.5 + 0.2 * len(options) * len(who))
    _grouped_barh(ax, options, who, grid["mean"], grid["p05"], grid["p95"])
    ax.axvline(0, color="black", lw=1)
    _eur_axis(ax)
    ax.set_xlabel(text_nl.FIGURE["options_axis"])
    ax.set_title(text_nl.FIGURE["options_title"])
    ax.legend(fontsize=MIN_FONT, loc="best")
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
    ax.set_ylabel(text_nl.FIGURE["prob_best_axis"])
    if x == "weight":
        ax.set_xlabel(text_nl.FIGURE["weight_axis"])
        ax.set_title(text_nl.FIGURE["weight_title"] + (f" — {who}" if who else ""))
    else:
        _pct_axis(ax, "x")
        ax.set_xlabel(text_nl.FIGURE["rate_axis"])
        ax.set_title(text_nl.FIGURE["rate_title"] + (f" — {who}" if who else ""))
    ax.legend(title="", fontsize=MIN_FONT)
    return fig


def _label(labels: Labels, name: str) -> str:
    if labels is None:
        return name
    if callable(labels):
        return labels(name)
    return labels.get(name, name)


def _param_label(name: str, record: dict, labels: Labels) -> str:
    return f"{_label(labels, name)} ({nl_smart(record['low'])} – {nl_smart(record['high'])})"


def _target_text(result, case=None) -> str:
    target = result.extra.get("target", 0.0)
    versus = result.extra.get("versus")
    output = text_nl.output_label(result.output, case).lower()
    if versus:
        first = text_nl.option_short(case, result.scenario) if case is not None else result.scenario
        second = text_nl.option_short(case, versus) if case is not None else versus
        return text_nl.FIGURE["target_versus"].format(first=first, second=second, output=output)
    if result.output == "bcr":
        return text_nl.FIGURE["target_bcr"].format(target=nl_number(target, 2))
    return text_nl.FIGURE["target_zero"].format(output=output)


# --- data in: how substitution was estimated ------------------------------------------------------
def shrinkage_plot(frame: pd.DataFrame, overall: float) -> Figure:
    """Per team: its own share (open dot) and the partially pooled estimate with 90% interval
    (filled dot and bar), against the overall share (dashed line)."""
    fig, ax = _new(MAX_WIDTH, 0.7 * max(len(frame), 2) + 1.5)
    y = np.arange(len(frame))
    colors = sns.color_palette(PALETTE)
    ax.hlines(y, frame["p05"], frame["p95"], color=colors[0], lw=3, alpha=0.5, label=text_nl.PLOT["pooled_interval"])
    ax.scatter(frame["eigen_aandeel"], y, facecolors="none", edgecolors="black", s=60, label=text_nl.PLOT["team_own"], zorder=3)
    ax.scatter(frame["gepoold"], y, color=colors[0], s=60, label=text_nl.PLOT["pooled"], zorder=4)
    for yi, (raw, pooled) in zip(y, zip(frame["eigen_aandeel"], frame["gepoold"], strict=True), strict=True):
        ax.annotate("", xy=(pooled, yi), xytext=(raw, yi), arrowprops={"arrowstyle": "->", "color": "grey"})
    ax.axvline(overall, color="crimson", ls="--", lw=1.5, label=text_nl.PLOT["total"])
    ax.set_yticks(y, [text_nl.PLOT["team_tick"].format(team=t, n=avg_count(n)) for t, n in zip(frame["team"], frame["trajecten"], strict=True)])
    _pct_axis(ax, "x")
    ax.set_xlabel(text_nl.PLOT["substitution_axis"])
    ax.set_title(text_nl.PLOT["substitution_title"])
    ax.legend(loc="best", fontsize=MIN_FONT)
    return fig


def its_plot(frame: pd.DataFrame, title: str) -> Figure:
    """Observed clients in care (dots; censored '<10' cells as a bar over [0, 9]), the model's
    fit, and the counterfactual without the change with its 90% band."""
    fig, ax = _new()
    x = np.arange(len(frame))
    colors = sns.color_palette(PALETTE)
    post = frame["na_vanaf"].to_numpy(dtype=bool)
    ax.fill_between(x[post], frame["zonder_p05"][post], frame["zonder_p95"][post], color="grey", alpha=0.2,
                    label=text_nl.PLOT["without_band"])
    ax.plot(x, frame["zonder_verandering"], color="grey", ls="--", label=text_nl.PLOT["without"])
    ax.plot(x, frame["fit"], color=colors[0], label=text_nl.PLOT["model"])
    seen = ~frame["gecensureerd"].to_numpy(dtype=bool)
    ax.scatter(x[seen], frame["waargenomen"][seen], color="black", zorder=3, label=text_nl.PLOT["observed"])
    if (~seen).any():
        ax.vlines(x[~seen], 0, 9, color="black", lw=4, alpha=0.4, label=text_nl.PLOT["censored"])
    if post.any():
        ax.axvline(x[post][0] - 0.5, color="crimson", lw=1, label=text_nl.PLOT["from"])
    ax.set_xticks(x, frame["periode"], rotation=45, ha="right")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: nl_number(v, 0)))
    ax.set_ylabel(text_nl.PLOT["clients_axis"])
    ax.set_title(title)
    ax.legend(loc="best", fontsize=MIN_FONT)
    return fig


# --- value of information ----------------------------------------------------------------------
def evppi_bars(frame: pd.DataFrame, evpi: float, who: str) -> Figure:
    """EVPPI per parameter and group (``frame`` from :func:`mkba.faces.report_data.evppi_frame`)
    as horizontal bars with ± 2 standard errors, against EVPI (a dashed line)."""
    from mkba.faces import text_nl

    fig, ax = _new(MAX_WIDTH, 1.2 + 0.32 * max(len(frame), 1))
    colours = sns.color_palette(PALETTE)
    y = np.arange(len(frame))
    colour = [colours[1] if g else colours[0] for g in frame["group"]]
    ax.barh(y, frame["value"], color=colour, height=0.6)
    ax.errorbar(frame["value"], y, xerr=2 * frame["se"], fmt="none", ecolor="black", lw=1, capsize=3)
    ax.axvline(evpi, color="black", ls="--", lw=1, label=f"{text_nl.EVPPI_FIGURE_EVPI}: {nl_eur_short(evpi)}")
    ax.set_yticks(y, [_wrap(label) for label in frame["label"]], fontsize=MIN_FONT)
    ax.invert_yaxis()
    ax.set_xlim(0, max(evpi, float((frame["value"] + 2 * frame["se"]).max()) if len(frame) else evpi) * 1.08 or 1)
    _eur_axis(ax)
    ax.set_xlabel(text_nl.EVPPI_FIGURE_AXIS)
    ax.set_title(text_nl.EVPPI_FIGURE_TITLE.format(who=who))
    ax.legend(fontsize=MIN_FONT, loc="lower right")
    return fig



# ---- issue 22: "Loont meer registreren?" (EVSI) ----
def evsi_curves(frame: pd.DataFrame, who: str, cost_per_observation: float | None = None) -> Figure:
    """EVSI against the number of new registrations N (log axis), per parameter, with ± 2 se
    and its EVPPI (dashed: what perfect knowledge is worth); with a cost per observation, the
    cost of N registrations as a grey line."""
    fig, ax = _new(8, 4.2)
    colours = sns.color_palette(PALETTE)
    for i, (label, part) in enumerate(frame.groupby("label", sort=False)):
        c = colours[i % len(colours)]
        ax.plot(part["n"], part["value"], marker="o", color=c, label=label)
        ax.fill_between(part["n"], (part["value"] - 2 * part["se"]).clip(lower=0), part["value"] + 2 * part["se"],
                        color=c, alpha=0.2, lw=0)
        ax.axhline(float(part["evppi"].iloc[0]), color=c, ls="--", lw=1)
    if cost_per_observation is not None and len(frame):
        n = np.geomspace(frame["n"].min(), frame["n"].max(), 50)
        ax.plot(n, cost_per_observation * n, color="grey", lw=1, label=text_nl.EVSI_FIGURE_COST)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: nl_number(v, 0)))
    ax.set_ylim(bottom=0)
    _eur_axis(ax, "y")
    ax.set_xlabel(text_nl.EVSI_FIGURE_X)
    ax.set_ylabel(text_nl.EVSI_FIGURE_Y)
    ax.set_title(f"{text_nl.EVSI_FIGURE_TITLE}, {who}")
    ax.plot([], [], color="black", ls="--", lw=1, label=text_nl.EVSI_FIGURE_EVPPI)
    ax.legend(fontsize=8, loc="upper left")
    return fig
