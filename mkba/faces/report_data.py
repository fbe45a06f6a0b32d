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
from mkba.faces.formatting import avg_count, nl_eur, nl_eur_short, nl_number, nl_percent, nl_smart  # noqa: F401 (notebooks use report_data.nl_eur)
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
        if text_nl.money_above(np.mean(fiscal) / np.mean(costs), np.mean(benefits) / np.mean(costs)):  # say why (issue 18)
            lines[-1] += " " + text_nl.money_above_total(
                result.case.stakeholders[sid], float(np.mean(fiscal) / np.mean(costs)),
                float(np.mean(benefits) / np.mean(costs)), negative_effects(result, sid))
    # "Bij een substitutie van 25%, …" (DESIGN §15), then the calibration sentence (DESIGN §14)
    return text_nl.with_whatif(lines, result.case) + calibration_headline(result)


def negative_effects(result: Result, stakeholder: str) -> list[str]:
    """Labels of the non-money effects that reach ``stakeholder`` with a negative value."""
    return [e.label for e in result.case.effects
            if e.kind != "fiscal" and any(b == stakeholder for b, _ in e.beneficiaries)
            and float(np.mean(result.column(f"effect.{e.id}.pv"))) < 0]


def calibration_headline(result: Result) -> list[str]:
    """The one calibration sentence when a calibrated assumption is among the top-3 drivers of
    this option's society NPV (tornado or Sobol', DESIGN §14); else nothing."""
    from mkba.analysis.brief import calibrated_drivers

    seed = result.summary_seed()
    line = text_nl.calibration_line(result.case, calibrated_drivers(result.case, seed=seed if isinstance(seed, int) else 1))
    return [line] if line else []


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
        basis = " — ".join(x for x in (source, spec.note or "") if x) or text_nl.ASSUMPTION_NO_SOURCE
        if name not in used:
            basis += text_nl.ASSUMPTION_ONLY_IN_SCENARIOS
        rows.append(dict(zip(text_nl.ASSUMPTION_COLUMNS, (case.label_of(name), text_nl.describe_distribution(spec),
                                                          spec.unit or "", nl_smart(spec.base_value), basis), strict=True)))
    for what, q in (("benefits", case.optimism_benefits), ("costs", case.optimism_costs)):
        if isinstance(q, str) or q:
            shown = case.label_of(q) if isinstance(q, str) else nl_percent(q, 0 if 100 * q == round(100 * q) else 1)
            sentence = text_nl.optimism_sentence(*((0, q) if what == "benefits" else (q, 0)))
            rows.append(dict(zip(text_nl.ASSUMPTION_COLUMNS, (text_nl.OPTIMISM_ROW[what], "" if isinstance(q, str) else text_nl.ASSUMPTION_FIXED,
                                                              text_nl.UNIT_FRACTION, shown, sentence), strict=True)))
    for label, kind, value, _, origin in line_optimism(case):  # per line, what was applied (DESIGN §19)
        shown = value if isinstance(value, str) else nl_percent(value, 0 if 100 * value == round(100 * value) else 1)
        rows.append(dict(zip(text_nl.ASSUMPTION_COLUMNS, (f"{text_nl.LINE_OPTIMISM_TITLE}: {label}",
                                                          text_nl.LINE_OPTIMISM_KIND[kind], text_nl.UNIT_FRACTION, shown, origin),
                             strict=True)))
    return pd.DataFrame(rows)


def line_optimism(case: Case) -> list[tuple[str, str, float | str, str, str]]:
    """Lines whose optimism-bias correction is not simply the case's (DESIGN §19): ``(label, kind,
    correction, origin, where it comes from in words)`` with kind ``cost``/``effect`` and origin
    ``line``/``evidence``; a parameter name is shown by its label."""
    from mkba.core.case import effect_optimism

    def shown(q):
        return case.label_of(q) if isinstance(q, str) else q

    rows = []
    for c in case.costs:
        if c.optimism_bias is not None:
            rows.append((c.label, "cost", shown(c.optimism_bias), "line", text_nl.LINE_OPTIMISM_ORIGIN["line"]))
    for e in case.effects:
        value, origin = effect_optimism(case, e)
        if origin == "case":
            continue
        words = text_nl.LINE_OPTIMISM_ORIGIN[origin]
        if origin == "evidence":
            words = words.format(grade=e.evidence, words=text_nl.EVIDENCE_GRADES[e.evidence])
        rows.append((e.label, "effect", shown(value), origin, words))
    return rows


def transferred_values(case: Case) -> list[str]:
    """Labels of the parameters the case uses that were transferred from another country or setting."""
    used = set(case.used_parameters())
    return [case.label_of(n) for n, spec in case.parameters.items() if n in used and spec.overdraagbaarheid]


def assumptions_table(case: Case):
    frame = assumptions_frame(case)
    cols = text_nl.ASSUMPTION_COLUMNS
    return frame.style.hide(axis="index").set_caption(text_nl.CAPTIONS["assumptions"]).set_properties(
        subset=[cols[0], cols[1], cols[2], cols[4]], **{"text-align": "left"}).set_table_attributes(
        'class="mkba-aannames"')  # fixed column shares in the report template: nothing clipped on A4


def sources_markdown(case: Case) -> str:
    """Every source the case declares (``sources:``), as a Markdown list under a heading: the
    references a council files with the report, also those no parameter names directly."""
    lines = [f"**{text_nl.SOURCES_TITLE}**", ""]
    lines += [f"- *{key}*: {text}" for key, text in case.sources.items()]
    return "\n".join(lines) if case.sources else ""


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
    per_line = line_optimism(result.case)
    if per_line:
        out.append(text_nl.line_optimism_sentence(per_line)
                   + (" " + text_nl.EVIDENCE_TABLE_NOTE if any(r[3] == "evidence" for r in per_line) else ""))
    transferred = transferred_values(result.case)
    if transferred:
        out.append(text_nl.transferred_limitation(transferred))
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
            "versions": versions(), "whatif": text_nl.whatif_provenance(case)}


def provenance_frame(info: dict[str, Any]) -> pd.DataFrame:
    names = text_nl.PROVENANCE_ROWS
    rows = [(names[k], nl_number(info[k], 0) if k == "draws" else str(info[k]))
            for k in ("case_id", "case_file", "case_sha256", "scenario", "draws", "seed", "time")]
    if info.get("whatif") and info["whatif"] != text_nl.WHATIF_NONE:  # --set / --discontovoet (DESIGN §15)
        rows.append((text_nl.WHATIF_PROVENANCE, info["whatif"]))
    rows += [(text_nl.VERSION_OF.format(name=k), v) for k, v in info["versions"].items()]
    return pd.DataFrame(rows, columns=list(text_nl.PROVENANCE_COLUMNS))


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
        if opt not in cmp.options:  # a gevoeligheid scenario is not a cut (DESIGN §6)
            continue
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
    return [verdict(cmp.label(opt), change, d["prob_best"][opt], who) for opt, change in changes.items()
            if opt in d["prob_best"]]  # options only (DESIGN §6)


# --- value of information: "Welk onderzoek loont?" ------------------------------------------------
def evppi_tables(cmp, perspectives=None, max_draws: int = 10_000) -> dict:
    """EVPPI of every uncertain parameter and every group of the case (``groepen:``), per
    perspective (default: society and the funder), on the first ``max_draws`` draws of the
    comparison. Returns ``{perspective: EvppiTable}``."""
    from mkba.analysis.evppi import ALL, comparison_evppi_by_perspective

    perspectives = perspectives or ["society", cmp.funder()]
    return comparison_evppi_by_perspective(cmp, [ALL, *cmp.case.groepen], perspectives, max_draws=max_draws)


def evppi_frame(case: Case, table, top: int = 8) -> pd.DataFrame:
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
    # amounts as precise as a simulation knows them (DESIGN §7), the standard errors too
    if top is None or top.value < 0.05 * table.evpi:
        lines.append(text_nl.EVPPI_NOTHING.format(value=nl_eur_short(top.value if top else 0.0),
                                                  evpi=nl_eur_short(table.evpi)))
    else:
        value, se = text_nl.eur_with_se(top.value, top.se)
        lines.append(text_nl.EVPPI_BUDGET.format(what=text_nl.label_mid_sentence(evppi_label(case, top)), value=value,
                                                 se=se, evpi=nl_eur_short(table.evpi)))
    worthless = []  # groups worth nothing for this choice: one line, not a '€ 0 (± € 0)' line each
    for e in groups:  # a group the case labels reads as that research question
        words = text_nl.EVPPI_BUDGET_GROUP if case.group_label(e.name) else text_nl.EVPPI_BUDGET
        value, se = text_nl.eur_with_se(e.value, e.se)
        what = evppi_label(case, e)  # starts the sentence when the group has a label; inside it when not
        if e.value < 0.5 and e.se < 0.5:
            worthless.append(text_nl.label_mid_sentence(what))
            continue
        lines.append(words.format(what=what if case.group_label(e.name) else text_nl.label_mid_sentence(what),
                                  value=value, se=se, evpi=nl_eur_short(table.evpi)))
    if worthless:
        lines.append(text_nl.evppi_groups_worthless(worthless))
    from mkba.faces.console import evppi_group_lines

    lines += evppi_group_lines(case, table)
    lines += [text_nl.EVPPI_CLIPPED.format(raw=nl_eur_short(e.raw)) + f" ({evppi_label(case, e)})."
              for e in ranked if e.clipped]
    lines.append(text_nl.EVPPI_METHOD_NOTE)
    return lines


# --- issue 18: the report's target, PM-posten per option ------------------------------------------
def breakeven_tables(case: Case, scenario: str | None = None) -> list:
    """The break-even tables of an option: where the NPV turns zero, and — only when the case
    names one (``report: {target_bcr}``) — where the benefit-cost ratio reaches the case's target;
    without a target, a sentence saying so instead. Items are Stylers or Markdown text."""
    from mkba.analysis.sensitivity import breakeven
    from mkba.faces import plotting

    out: list = [plotting.breakeven_table(breakeven.analyze(case, scenario=scenario), labels=case.label_of, case=case)]
    if case.target_bcr is None:
        out.append(text_nl.NO_TARGET_BCR)
    else:
        out.append(plotting.breakeven_table(breakeven.analyze(case, scenario=scenario, target_bcr=case.target_bcr),
                                            labels=case.label_of, case=case))
        out.append(text_nl.TARGET_BCR_SOURCE.format(target=nl_number(case.target_bcr, 2)))
    return out


def pm_by_option_frame(case: Case) -> pd.DataFrame:
    """Every PM-post of any option (baseline first, then what scenarios add), with a column per
    option: ✓ where that option lists it (after its ``drop`` and ``add``), – where not. Only
    options (``soort: beleid``): a gevoeligheid scenario is other assumptions, not a choice."""
    options = case.option_ids()
    lists = {opt: case.with_scenario(opt).pm_posten for opt in options}
    posts = list(dict.fromkeys(p for opt in options for p in lists[opt]))
    cols = text_nl.PM_BY_OPTION_COLUMNS
    rows = []
    for p in posts:
        row = dict(zip(cols, (p.label, case.stakeholders.get(p.stakeholder, p.stakeholder),
                              text_nl.DIRECTION_NL.get(p.direction, p.direction)), strict=True))
        row.update({text_nl.option_short(case, opt): (text_nl.PM_BY_OPTION_YES if p in lists[opt] else
                                                      text_nl.PM_BY_OPTION_NO) for opt in options})
        rows.append(row)
    return pd.DataFrame(rows, columns=[*cols, *(text_nl.option_short(case, o) for o in options)])


def pm_by_option_table(case: Case):
    """:func:`pm_by_option_frame` styled, or the sentence that the case lists no PM-posten."""
    frame = pm_by_option_frame(case)
    if frame.empty:
        return text_nl.PM_NONE
    return frame.style.hide(axis="index").set_caption(text_nl.PM_BY_OPTION_CAPTION).set_properties(
        subset=list(text_nl.PM_BY_OPTION_COLUMNS), **{"text-align": "left", "vertical-align": "top"}).set_properties(
        subset=list(frame.columns[len(text_nl.PM_BY_OPTION_COLUMNS):]), **{"text-align": "center"})


def figure_png(fig) -> bytes:
    """Render a matplotlib figure to PNG bytes (and close it)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


CSS_PX_PER_INCH = 96


def figure_css_width(png: bytes, dpi: float) -> int:
    """The width in CSS pixels at which a PNG rendered at ``dpi`` shows at its physical size
    (1 CSS inch = 96 px), so a label set in 8 pt is 8 pt on paper."""
    import struct

    width_px = struct.unpack(">I", png[16:20])[0]  # the IHDR chunk: width, then height
    return round(width_px * CSS_PX_PER_INCH / dpi)


def show(fig) -> None:
    """Display a figure in a notebook as an embedded PNG (works with any backend) at its
    physical size, with the figure's title as its alt text for screen readers."""
    from IPython.display import Image, display

    titles = [ax.get_title() for ax in fig.axes if ax.get_title()]
    alt = titles[0] if titles else text_nl.FIGURE_ALT
    dpi = fig.get_dpi()
    png = figure_png(fig)
    display(Image(data=png, format="png", width=figure_css_width(png, dpi), metadata={"alt": alt}))


def least_harmful(cmp, perspective: str | None = None) -> str:
    """'Minst nadelige bezuiniging voor …: <label>.' — an option that saves nothing is no 'bezuiniging'."""
    d = cmp.decision(perspective)
    key = d["perspective"]
    who = text_nl.SOCIETY if key == "society" else cmp.case.stakeholders[key]
    options = [o for o in cmp.options if o != "baseline"]
    least = max(options, key=lambda o: d["expected_npv"][o])
    noun = text_nl.cut_noun(cmp.cuts()[least]["budget_saved"]["mean"])
    gain = d["expected_npv"][least] > d["expected_npv"]["baseline"]  # never 'least harmful' beside a gain
    return text_nl.least_harmful(noun, who, cmp.label(least), gain)


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
    if isinstance(o.get("successes"), int | float) and isinstance(o.get("trials"), int) and o["trials"]:
        return o["successes"] / o["trials"]
    return float(o.get("mean", float("nan")))  # k or n − k small: k is not written, the posterior mean is


def team_frame(est: dict[str, Any]) -> pd.DataFrame:
    """Per team: raw share, pooled posterior mean and 90% interval (for the shrinkage plot)."""
    from mkba.faces import text_nl as T

    rows = [{"team": T.group_label(t), "trajecten": e["trials"], "eigen_aandeel": e["successes"] / e["trials"],
             "gepoold": e["pooled_mean"], "p05": e["p05"], "p95": e["p95"]}
            for t, e in (est.get("by_team") or {}).items() if e["trials"]]
    return pd.DataFrame(rows)


def monitor_frames(est: dict[str, Any]) -> dict[str, pd.DataFrame]:
    """Per voorziening: observed, fitted and counterfactual with its 90% band, per period."""
    return {v: pd.DataFrame(s["table"]) for v, s in (est.get("series") or {}).items() if "table" in s}


# ---- issue 22: "Loont meer registreren?" (EVSI) ----
EVSI_REPORT_SIZES = (25, 50, 100, 250, 500, 1000, 2500)
EVSI_REPORT_TOP = 3


def evsi_report(cmp, table, sizes=EVSI_REPORT_SIZES, top: int = EVSI_REPORT_TOP, max_draws: int = 10_000) -> dict:
    """EVSI of N new registrations for the (at most ``top``) shares on [0, 1] that rank highest
    in the EVPPI ``table`` (with an EVPPI of at least 1% of EVPI), at each N in ``sizes``, from
    the table's perspective on the first ``max_draws`` draws. Returns ``{"perspective",
    "records": [decision.evsi records], "parameters": [names]}`` (no parameters: nothing to learn)."""
    from mkba.analysis.evsi import comparison_evsi, parameter_spec

    chosen = []
    for e in table.ranked().estimates:
        if len(e.parameters) != 1 or e.value <= 0 or e.value < 0.01 * table.evpi:
            continue
        spec = parameter_spec(cmp.case, e.parameters[0])
        low, high = spec.support
        if getattr(spec, "family", "") in ("beta", "pert", "triangular", "uniform") and low >= 0 and high <= 1:
            chosen.append(e.parameters[0])
        if len(chosen) == top:
            break
    if not chosen:
        return {"perspective": table.perspective, "records": [], "parameters": []}
    estimates, _ = comparison_evsi(cmp, [f"{name}:{n}" for name in chosen for n in sizes],
                                   perspective=table.perspective, max_draws=max_draws)
    return {"perspective": table.perspective, "records": [e.to_dict() for e in estimates], "parameters": chosen}


def evsi_sentences(case: Case, report: dict) -> list[str]:
    """Plain Dutch: per parameter, what N registrations are worth and up to what cost per
    registration registering more pays (the largest EVSI(N)/N over the sizes shown)."""
    from mkba.faces import text_nl

    if not report["records"]:
        return [text_nl.EVSI_REPORT_NOTHING]
    lines = []
    for name in report["parameters"]:
        recs = [r for r in report["records"] if r["parameters"] == [name]]
        best = max(recs, key=lambda r: r["value"] / r["n"])
        largest = recs[-1]
        label = text_nl.label_mid_sentence(case.label_of(name))  # inside a sentence
        lines.append(text_nl.evsi_sentence(largest, label))
        if best["value"] <= 0.5:
            lines.append(text_nl.EVSI_REPORT_NEVER.format(label=label))
        else:
            lines.append(text_nl.EVSI_REPORT_BREAKEVEN.format(label=label, cost=nl_eur(best["value"] / best["n"], 2),
                                                              n=nl_number(best["n"], 0),
                                                              value=text_nl.eur_with_se(best["value"], best["se"])[0]))
    lines.append(text_nl.EVSI_METHOD_NOTE)
    return lines


def evsi_frame(case: Case, report: dict) -> pd.DataFrame:
    """Tidy frame for :func:`mkba.faces.plotting.evsi_curves`: ``label, n, value, se, evppi``."""
    rows = [{"label": case.label_of(r["parameters"][0]), "n": r["n"], "value": r["value"], "se": r["se"],
             "evppi": r["evppi"]} for r in report["records"]]
    return pd.DataFrame(rows, columns=["label", "n", "value", "se", "evppi"])


# ---- issue 22: synthetic data said ----
def synthetic_note(case: Case) -> str | None:
    """The sentence every report headline carries when the case includes an estimate made from
    synthetic data (None otherwise)."""
    from mkba.data_in.synthetic import synthetic_includes
    from mkba.faces import text_nl

    files = synthetic_includes(case)
    return text_nl.synthetic_sentence(files) if files else None


def show_synthetic(case: Case) -> None:
    """Display :func:`synthetic_note` in bold at the top of a report (nothing for real data)."""
    note = synthetic_note(case)
    if note:
        from IPython.display import Markdown, display

        display(Markdown(f"**⚠ {note}**"))
