"""Everything a report shows, as data: Dutch sentences, tidy frames and provenance.

The notebooks in ``notebooks/`` call these functions and :mod:`mkba.faces.plotting`; they hold no
computation or plotting code of their own, so every number in a report is traceable to a
parameter of the case and its source.
"""

from __future__ import annotations

import io
import platform
import sys
from datetime import datetime, timezone
from importlib import metadata
from typing import Any

import numpy as np
import pandas as pd

from mkba.core import outputs
from mkba.core.case import Case
from mkba.core.results import Result
from mkba.faces import text_nl
from mkba.faces import text_nl as _text_nl  # the data-in section's name for it
from mkba.faces.formatting import avg_count, nl_eur, nl_eur_short, nl_number, nl_percent, nl_smart
from mkba.faces.text_nl import board_sentence

KIND_NL = text_nl.KIND_NL
DEPENDENCIES = ("numpy", "scipy", "pandas", "SALib", "PyYAML", "pydantic", "matplotlib", "seaborn",
                "papermill", "nbconvert", "pyarrow", "typer", "rich", "babel")
MCSE_WARN_RATIO = 0.01


def board_summary(result: Result) -> list[str]:
    """The board sentences in Dutch: for society, and for the main funder (its own return)."""
    summary = result.summary()
    lines = [board_sentence(summary["metrics"], text_nl.FOR_SOCIETY)]
    sid = result.funder()
    costs = result.column(outputs.stakeholder(sid, "pv_costs"))
    benefits = result.column(outputs.stakeholder(sid, "pv_benefits"))
    fiscal = result.column(outputs.stakeholder(sid, "pv_fiscal"))
    if np.mean(costs) > 0:
        ratio = benefits / costs
        p05, p95 = np.quantile(ratio, [0.05, 0.95])
        lines.append(text_nl.funder_sentence(result.case.stakeholders[sid], float(np.mean(benefits) / np.mean(costs)),
                                             float(p05), float(p95), float(np.mean(fiscal) / np.mean(costs)),
                                             float(np.mean(ratio > 1))))
    return lines


def optimism_note(case: Case) -> str | None:
    """The optimism-bias disclosure for the headline area, or None when no correction applies."""
    return text_nl.optimism_sentence(case.optimism_costs, case.optimism_benefits)


def meaning(result: Result) -> str:
    """The plain "Wat betekent dit?" paragraph under the two headline sentences."""
    m = result.summary()["metrics"]
    sid = result.funder()
    costs = float(np.mean(result.column(outputs.stakeholder(sid, "pv_costs"))))
    fiscal = float(np.mean(result.column(outputs.stakeholder(sid, "pv_fiscal"))))
    own = float(np.mean(result.column(outputs.stakeholder(sid, "pv_benefits"))))
    received = {k: float(np.mean(result.column(outputs.stakeholder(k, "pv_benefits")))) for k in result.case.stakeholders}
    total = sum(received.values())
    top = max(received, key=received.get)
    return text_nl.meaning_paragraph(
        m["bcr_of_means"], m["prob_npv_positive"], result.case.stakeholders[sid],
        own / costs if costs else None, fiscal / costs if costs else None,
        result.case.stakeholders[top], received[top] / total if total else 0.0, len(result.case.pm_posten))


def yearly_sentence(result: Result) -> str:
    """How the return develops per year (start-up versus cruising altitude)."""
    years = result.case.years
    costs, benefits = result.yearly["costs"], result.yearly["benefits"]
    return text_nl.yearly_sentence([(y, b / c) for y, c, b in zip(years, costs, benefits, strict=True) if c])


def balance_table(result: Result):
    """The balance (PV costs, benefits, NPV, ratio with their 90% intervals)."""
    m = result.summary()["metrics"]
    rows = []
    for label, key in zip(text_nl.BALANCE_ROWS, ("pv_costs", "pv_benefits", "npv", "bcr"), strict=True):
        s = m[key]
        if key == "bcr":
            values = (label, nl_number(m["bcr_of_means"], 2), f"{nl_number(s['p05'], 2)} – {nl_number(s['p95'], 2)}")
        else:
            values = (label, nl_eur_short(s["mean"]), f"{nl_eur_short(s['p05'])} – {nl_eur_short(s['p95'])}")
        rows.append(dict(zip(text_nl.BALANCE_COLUMNS, values, strict=True)))
    return pd.DataFrame(rows).style.hide(axis="index").set_caption(text_nl.BALANCE_CAPTION).set_properties(
        subset=[""], **{"text-align": "left"})


def pm_frame(case: Case) -> pd.DataFrame:
    """The case's PM-posten (effects not valued in money), in Dutch columns."""
    def note(p) -> str:
        source = text_nl.PM_SOURCE.format(source=case.sources.get(p.source, p.source)) if p.source else ""
        return " ".join(x for x in (p.note or "", source) if x)

    rows = [dict(zip(text_nl.PM_COLUMNS, (p.label, case.stakeholders.get(p.stakeholder, p.stakeholder),
                                          text_nl.DIRECTION_NL.get(p.direction, p.direction), note(p)), strict=True))
            for p in case.pm_posten]
    return pd.DataFrame(rows, columns=list(text_nl.PM_COLUMNS))


def pm_table(case: Case):
    """:func:`pm_frame` styled, or a sentence saying the case lists none."""
    if not case.pm_posten:
        return text_nl.PM_NONE
    return pm_frame(case).style.hide(axis="index").set_caption(text_nl.PM_TITLE).set_properties(
        **{"text-align": "left", "vertical-align": "top"}).set_table_styles([{"selector": "th", "props": "text-align: left;"}])


def show_balance(result: Result) -> None:
    """The balance and, beside it, the PM-posten (as the MKBA leidraad asks)."""
    from IPython.display import HTML, display

    pm = pm_table(result.case)
    left = balance_table(result).to_html()
    right = (f"<p>{html_escape(pm)}</p>" if isinstance(pm, str) else
             pm.to_html() + f"<p class='pm-intro'>{html_escape(text_nl.PM_INTRO)}</p>")
    display(HTML(f"<div class='mkba-balance'><div>{left}</div><div>{right}</div></div>"))


def html_escape(text: str) -> str:
    import html

    return html.escape(text)


def stakeholder_frame(result: Result) -> pd.DataFrame:
    """Mean PV per stakeholder: costs, benefits by kind, net (rows = stakeholders)."""
    rows = []
    for sid, label in result.case.stakeholders.items():
        col = lambda f, sid=sid: float(np.mean(result.column(outputs.stakeholder(sid, f))))  # noqa: E731
        net = result.column(outputs.stakeholder(sid, "net"))
        rows.append({"id": sid, "label": label, "kosten": col("pv_costs"), "fiscaal": col("pv_fiscal"),
                     "economisch": col("pv_economic"), "sociaal": col("pv_social"), "netto": float(np.mean(net)),
                     "netto_p05": float(np.quantile(net, 0.05)), "netto_p95": float(np.quantile(net, 0.95))})
    return pd.DataFrame(rows)


def stakeholder_table(result: Result):
    """:func:`stakeholder_frame` formatted for a report (Dutch headers, € amounts)."""
    frame = stakeholder_frame(result)
    cols = text_nl.STAKEHOLDER_COLUMNS
    shown = pd.DataFrame({
        cols[0]: frame["label"],
        cols[1]: frame["kosten"].map(nl_eur_short),
        cols[2]: frame["fiscaal"].map(nl_eur_short),
        cols[3]: frame["economisch"].map(nl_eur_short),
        cols[4]: frame["sociaal"].map(nl_eur_short),
        cols[5]: frame["netto"].map(nl_eur_short),
        cols[6]: [f"{nl_eur_short(a)} – {nl_eur_short(b)}" for a, b in zip(frame["netto_p05"], frame["netto_p95"], strict=True)],
    })
    return shown.style.hide(axis="index").set_caption(text_nl.CAPTIONS["stakeholders"]).set_properties(
        subset=[cols[0]], **{"text-align": "left"})


def effects_table(result: Result):
    """Per effect line: kind, outcomes, PV of benefits with its 90% interval."""
    rows = []
    for e in result.case.effects:
        pv = result.column(outputs.effect(e.id))
        outcomes = result.column(outputs.effect(e.id, "outcomes"))
        values = (e.label, e.category, KIND_NL[e.kind], avg_count(float(np.mean(outcomes))), nl_eur_short(float(np.mean(pv))),
                  f"{nl_eur_short(float(np.quantile(pv, 0.05)))} – {nl_eur_short(float(np.quantile(pv, 0.95)))}")
        rows.append(dict(zip(text_nl.EFFECT_COLUMNS, values, strict=True)))
    return pd.DataFrame(rows).style.hide(axis="index").set_caption(text_nl.CAPTIONS["effects"]).set_properties(
        subset=list(text_nl.EFFECT_COLUMNS[:3]), **{"text-align": "left"})


def substitution_frame(result: Result, category: str = "substitutie") -> pd.DataFrame:
    """Outcomes per year of the substitution lines (how many trajectories replaced maatwerk)
    and what that avoided. Counts below 10 are shown as ``<10`` (AVG)."""
    rows = []
    years = result.case.years
    for e in result.case.effects:
        if e.category != category:
            continue
        per_year = result.yearly.get(f"outcomes.{e.id}", np.zeros(len(years)))
        total = result.column(outputs.effect(e.id, "outcomes"))
        pv = result.column(outputs.effect(e.id))
        row = {text_nl.EFFECT_COLUMNS[0]: e.label}
        row.update({str(y): avg_count(float(v)) for y, v in zip(years, per_year, strict=True)})
        row[text_nl.SUBSTITUTION_COLUMNS[0]] = (f"{avg_count(float(np.mean(total)))} ({avg_count(float(np.quantile(total, 0.05)))}"
                                        f" – {avg_count(float(np.quantile(total, 0.95)))})")
        row[text_nl.SUBSTITUTION_COLUMNS[1]] = f"{nl_eur_short(float(np.mean(pv)))} ({nl_eur_short(float(np.quantile(pv, 0.05)))} – {nl_eur_short(float(np.quantile(pv, 0.95)))})"
        rows.append(row)
    return pd.DataFrame(rows)


def assumptions_frame(case: Case) -> pd.DataFrame:
    """Every parameter (by its label): its distribution in words, unit, base value, and source
    or note; then the optimism-bias correction when one is applied."""
    used = set(case.used_parameters())
    rows = []
    for name, spec in case.parameters.items():
        source = case.sources.get(spec.source, spec.source) if spec.source else ""
        basis = " — ".join(x for x in (source, spec.note or "") if x) or "(geen bron of toelichting)"
        if name not in used:
            basis += " (alleen gebruikt in scenario's)"
        rows.append(dict(zip(text_nl.ASSUMPTION_COLUMNS, (case.label_of(name), text_nl.describe_distribution(spec),
                                                          spec.unit or "", nl_smart(spec.base_value), basis), strict=True)))
    for what, q in (("benefits", case.optimism_benefits), ("costs", case.optimism_costs)):
        if isinstance(q, str) or q:
            shown = case.label_of(q) if isinstance(q, str) else nl_percent(q, 0 if 100 * q == round(100 * q) else 1)
            sentence = text_nl.optimism_sentence(*((0, q) if what == "benefits" else (q, 0)))
            rows.append(dict(zip(text_nl.ASSUMPTION_COLUMNS, (text_nl.OPTIMISM_ROW[what], "" if isinstance(q, str) else "vast",
                                                              "fractie", shown, sentence), strict=True)))
    return pd.DataFrame(rows)


def assumptions_table(case: Case):
    frame = assumptions_frame(case)
    cols = text_nl.ASSUMPTION_COLUMNS
    return frame.style.hide(axis="index").set_caption(text_nl.CAPTIONS["assumptions"]).set_properties(
        subset=[cols[0], cols[1], cols[2], cols[4]], **{"text-align": "left"})


def limitations(result: Result) -> list[str]:
    """What the model leaves out, what the horizon cuts off, and the Monte Carlo error."""
    s = result.summary()
    m = s["metrics"]
    years = result.case.years
    cut = m["pv_cut_off"]["mean"] if isinstance(m["pv_cut_off"], dict) else m["pv_cut_off"]
    benefits = m["pv_benefits"]["mean"] if isinstance(m["pv_benefits"], dict) else m["pv_benefits"]
    out = [text_nl.horizon_limitation(years[0], years[-1], cut, cut / benefits if benefits else 0.0)]
    out += list(result.case.beperkingen) or [text_nl.NO_CASE_LIMITATIONS]
    out += list(text_nl.GENERIC_LIMITATIONS)
    optimism = optimism_note(result.case)
    if optimism:
        out.append(optimism)
    if isinstance(m["bcr"], dict):
        mcse = m.get("bcr_of_means_mcse", 0)
        out.append(text_nl.mc_limitation(s["draws"], mcse, m["npv"]["mcse"], mcse > MCSE_WARN_RATIO))
    return out


def versions() -> dict[str, str]:
    """mkba, Python and dependency versions."""
    out = {"mkba": _version("mkba"), "python": sys.version.split()[0], "platform": platform.platform()}
    for name in DEPENDENCIES:
        out[name] = _version(name)
    return out


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return text_nl.NOT_INSTALLED


def provenance(case: Case, draws: int, seed: int, scenario: str | None) -> dict[str, Any]:
    """What a run is made of (the last section of every report). ``scenario``: an option id, or
    free text such as 'alle opties'."""
    shown = (text_nl.option_label(case, scenario) if scenario in (None, "", "baseline", *case.scenarios)
             else scenario)
    return {"case_id": case.id, "case_file": case.path, "case_sha256": case.sha256, "scenario": shown,
            "draws": draws, "seed": seed, "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "versions": versions()}


def provenance_frame(info: dict[str, Any]) -> pd.DataFrame:
    names = text_nl.PROVENANCE_ROWS
    rows = [(names[k], nl_number(info[k], 0) if k == "draws" else str(info[k]))
            for k in ("case_id", "case_file", "case_sha256", "scenario", "draws", "seed", "time")]
    rows += [(text_nl.VERSION_OF.format(name=k), v) for k, v in info["versions"].items()]
    return pd.DataFrame(rows, columns=["Gegeven", "Waarde"])


# --- scenario comparison ---------------------------------------------------------------------------
def cuts_table(cmp):
    """Per option: budget saved, benefits lost, the funder's net effect, expected NPV, P(best)."""
    s = cmp.summary()
    dec = s["decision"]
    funder = cmp.funder()
    columns = tuple(c.format(who=cmp.case.stakeholders.get(funder, funder)) for c in text_nl.OPTION_COLUMNS)
    rows = []
    for opt, label in s["labels"].items():
        cols = columns
        if opt == "baseline":
            cut = ("–", "–", "–")
        else:
            c = s["cuts"][opt]
            cut = (_eur_range(c["budget_saved"]), _eur_range(c["benefits_lost"]), _eur_range(c["funder_net_change"]))
        rows.append(dict(zip(cols, (label, *cut, nl_eur_short(dec["expected_npv"][opt]), nl_percent(dec["prob_best"][opt]),
                                    nl_eur_short(dec["expected_loss"][opt])), strict=True)))
    return pd.DataFrame(rows, columns=list(columns)).style.hide(axis="index").set_caption(
        text_nl.CAPTIONS["options"])


def _eur_range(s: dict) -> str:
    if s["p05"] == s["p95"]:
        return nl_eur_short(s["mean"])
    return f"{nl_eur_short(s['mean'])} ({nl_eur_short(s['p05'])} – {nl_eur_short(s['p95'])})"


def stakeholder_change_frame(cmp) -> pd.DataFrame:
    """Tidy frame for :func:`mkba.faces.plotting.scenario_comparison`: change in net per option and
    stakeholder (mean, p05, p95)."""
    rows = []
    for opt, per in cmp.vs_baseline().items():
        for sid, rec in per.items():
            s = rec["net_change"]
            rows.append({"optie": cmp.label(opt).split(":")[0], "belanghebbende": cmp.case.stakeholders[sid],
                         "mean": s["mean"], "p05": s["p05"], "p95": s["p95"]})
    return pd.DataFrame(rows)


def verdicts(cmp, perspective: str | None = None) -> list[str]:
    """One line per option that states its expected effect and how sure we are."""
    from mkba.faces.console import verdict

    d = cmp.decision(perspective)
    key = d["perspective"]
    who = text_nl.SOCIETY if key == "society" else cmp.case.stakeholders[key]
    changes = ({opt: c["npv_change"] for opt, c in cmp.cuts().items()} if key == "society"
               else {opt: per[key]["net_change"] for opt, per in cmp.vs_baseline().items()})
    return [verdict(cmp.label(opt), change, d["prob_best"][opt], who) for opt, change in changes.items()]


# --- value of information: "Welk onderzoek loont?" ------------------------------------------------
def evppi_tables(cmp, perspectives=None, max_draws: int = 10_000) -> dict:
    """EVPPI of every uncertain parameter and every group of the case (``groepen:``), per
    perspective (default: society and the funder), on the first ``max_draws`` draws of the
    comparison. Returns ``{perspective: EvppiTable}``."""
    from mkba.analysis.evppi import ALL, comparison_evppi_by_perspective

    perspectives = perspectives or ["society", cmp.funder()]
    return comparison_evppi_by_perspective(cmp, [ALL, *cmp.case.groepen], perspectives, max_draws=max_draws)


def evppi_frame(case: Case, table, top: int = 12) -> pd.DataFrame:
    """Tidy frame for :func:`mkba.faces.plotting.evppi_bars`: the ``top`` parameters and every
    group, ranked, with Dutch labels (``label, value, se, evpi, group``)."""
    from mkba.faces.console import evppi_label

    ranked = table.ranked().estimates
    groups = [e for e in ranked if e.name in case.groepen]
    singles = [e for e in ranked if e.name not in case.groepen][:top]
    rows = [{"label": evppi_label(case, e), "value": e.value, "se": e.se, "evpi": e.evpi,
             "group": e.name in case.groepen} for e in singles + groups]
    return pd.DataFrame(rows, columns=["label", "value", "se", "evpi", "group"])


def evppi_sentences(case: Case, table) -> list[str]:
    """Plain Dutch on what the EVPPI means for a research budget (perspective of ``table``)."""
    from mkba.faces import text_nl
    from mkba.faces.console import evppi_label

    if table.evpi <= 0:
        return [text_nl.EVPPI_NO_EVPI]
    ranked = table.ranked().estimates
    singles = [e for e in ranked if e.name not in case.groepen]
    groups = [e for e in ranked if e.name in case.groepen]
    lines = []
    top = singles[0] if singles else None
    if top is None or top.value < 0.05 * table.evpi:
        lines.append(text_nl.EVPPI_NOTHING.format(value=nl_eur(top.value if top else 0.0), evpi=nl_eur(table.evpi)))
    else:
        lines.append(text_nl.EVPPI_BUDGET.format(what=evppi_label(case, top), value=nl_eur(top.value),
                                                 se=nl_eur(top.se), evpi=nl_eur(table.evpi)))
    for e in groups:
        lines.append(text_nl.EVPPI_BUDGET.format(what=evppi_label(case, e), value=nl_eur(e.value),
                                                 se=nl_eur(e.se), evpi=nl_eur(table.evpi)))
    from mkba.faces.console import evppi_group_lines

    lines += evppi_group_lines(case, table)
    lines += [text_nl.EVPPI_CLIPPED.format(raw=nl_eur(e.raw)) + f" ({evppi_label(case, e)})."
              for e in ranked if e.clipped]
    lines.append(text_nl.EVPPI_METHOD_NOTE)
    return lines


def figure_png(fig) -> bytes:
    """Render a matplotlib figure to PNG bytes (and close it)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def show(fig) -> None:
    """Display a figure in a notebook as an embedded PNG (works with any backend), with the
    figure's title as its alt text for screen readers."""
    from IPython.display import Image, display

    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    alt = titles[0] if titles else "Figuur"
    display(Image(data=figure_png(fig), format="png", metadata={"alt": alt}))


def least_harmful(cmp, perspective: str | None = None) -> str:
    """'Minst nadelige bezuiniging voor …: <label>.' — an option that saves nothing is no 'bezuiniging'."""
    d = cmp.decision(perspective)
    key = d["perspective"]
    who = text_nl.SOCIETY if key == "society" else cmp.case.stakeholders[key]
    options = [o for o in cmp.options if o != "baseline"]
    least = max(options, key=lambda o: d["expected_npv"][o])
    noun = text_nl.cut_noun(cmp.cuts()[least]["budget_saved"]["mean"])
    return text_nl.least_harmful(noun, who, cmp.label(least))


__all__ = ["assumptions_frame", "balance_table", "board_summary", "least_harmful", "meaning", "optimism_note",
           "pm_frame", "pm_table", "show_balance", "cuts_table", "limitations", "provenance", "show",
           "stakeholder_frame", "substitution_frame", "verdicts", "versions"]


# --- "Hoe is de substitutie geschat?" (data in, DESIGN §11) ---------------------------------------
def included_estimates(case: Case) -> list[dict[str, Any]]:
    """The ``estimate`` blocks of the files this case includes (written by ``mkba estimate``),
    each with ``path`` (the included file) and ``parameters`` (names it provides); empty when
    the case uses no estimate, so the report leaves the section out."""
    from mkba.data_in.yamlio import load_yaml

    out = []
    for path in case.includes:
        data, _ = load_yaml(path)
        if isinstance(data, dict) and isinstance(data.get("estimate"), dict):
            out.append({**data["estimate"], "path": str(path), "parameters": list(data.get("parameters") or {}),
                        "sources": dict(data.get("sources") or {})})
    return out


def estimate_text(case: Case, est: dict[str, Any]) -> str:
    """Markdown: which data were used and excluded, and the posterior of each parameter (worded
    in :func:`mkba.faces.text_nl.estimate_text`)."""
    return text_nl.estimate_text(case, est)


ESTIMATE_HEADING = _text_nl.REPORT_HEADING


def overall_share(est: dict[str, Any]) -> float:
    """The overall share k / n of a registrations estimate (the line in the shrinkage plot)."""
    o = est.get("overall") or {}
    return o["successes"] / o["trials"] if o.get("trials") else float("nan")


def team_frame(est: dict[str, Any]) -> pd.DataFrame:
    """Per team: raw share, pooled posterior mean and 90% interval (for the shrinkage plot)."""
    rows = [{"team": t, "trajecten": e["trials"], "eigen_aandeel": e["successes"] / e["trials"],
             "gepoold": e["pooled_mean"], "p05": e["p05"], "p95": e["p95"]}
            for t, e in (est.get("by_team") or {}).items() if e["trials"]]
    return pd.DataFrame(rows)


def monitor_frames(est: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Per voorziening: observed, fitted and counterfactual with its 90% band, per period."""
    return {v: pd.DataFrame(s["table"]) for v, s in (est.get("series") or {}).items() if "table" in s}
