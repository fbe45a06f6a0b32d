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

from mkba.core.case import Case
from mkba.core.results import Result
from mkba.faces.console import board_sentence
from mkba.faces.formatting import avg_count, nl_eur, nl_eur_short, nl_number, nl_percent, nl_smart

KIND_NL = {"fiscal": "fiscaal", "economic": "economisch", "social": "sociaal"}
DEPENDENCIES = ("numpy", "scipy", "pandas", "SALib", "PyYAML", "pydantic", "matplotlib", "seaborn",
                "papermill", "nbconvert", "pyarrow", "typer", "rich", "babel")
MCSE_WARN_RATIO = 0.01


def board_summary(result: Result) -> list[str]:
    """The board sentences in Dutch: for society, and for the main funder (its own return)."""
    summary = result.summary()
    lines = [board_sentence(summary["metrics"], "Voor de maatschappij")]
    sid = result.funder()
    costs = result.column(f"stakeholder.{sid}.pv_costs")
    benefits = result.column(f"stakeholder.{sid}.pv_benefits")
    fiscal = result.column(f"stakeholder.{sid}.pv_fiscal")
    if np.mean(costs) > 0:
        ratio = benefits / costs
        p05, p95 = np.quantile(ratio, [0.05, 0.95])
        lines.append(
            f"Voor {result.case.stakeholders[sid]} zelf: elke geïnvesteerde euro levert naar "
            f"verwachting {nl_eur(np.mean(benefits) / np.mean(costs), 2)} op (90%-interval {nl_eur(p05, 2)} – "
            f"{nl_eur(p95, 2)}), waarvan {nl_eur(np.mean(fiscal) / np.mean(costs), 2)} in geld "
            f"(fiscale baten: vermeden uitgaven); de rest komt bij anderen terecht. Kans dat de eigen baten de kosten "
            f"overtreffen: "
            f"{nl_percent(float(np.mean(ratio > 1)))}.")
    return lines


def yearly_sentence(result: Result) -> str:
    """How the return develops per year (start-up versus cruising altitude)."""
    years = result.case.years
    costs, benefits = result.yearly["costs"], result.yearly["benefits"]
    parts = [f"{y}: {nl_number(b / c, 2)}" for y, c, b in zip(years, costs, benefits, strict=True) if c]
    return "Baten/kosten per jaar (gemiddeld): " + "; ".join(parts) + "."


def stakeholder_frame(result: Result) -> pd.DataFrame:
    """Mean PV per stakeholder: costs, benefits by kind, net (rows = stakeholders)."""
    rows = []
    for sid, label in result.case.stakeholders.items():
        col = lambda f, sid=sid: float(np.mean(result.column(f"stakeholder.{sid}.{f}")))  # noqa: E731
        net = result.column(f"stakeholder.{sid}.net")
        rows.append({"id": sid, "label": label, "kosten": col("pv_costs"), "fiscaal": col("pv_fiscal"),
                     "economisch": col("pv_economic"), "sociaal": col("pv_social"), "netto": float(np.mean(net)),
                     "netto_p05": float(np.quantile(net, 0.05)), "netto_p95": float(np.quantile(net, 0.95))})
    return pd.DataFrame(rows)


def stakeholder_table(result: Result):
    """:func:`stakeholder_frame` formatted for a report (Dutch headers, € amounts)."""
    frame = stakeholder_frame(result)
    shown = pd.DataFrame({
        "Belanghebbende": frame["label"],
        "Kosten": frame["kosten"].map(nl_eur),
        "Baten fiscaal": frame["fiscaal"].map(nl_eur),
        "Baten economisch": frame["economisch"].map(nl_eur),
        "Baten sociaal": frame["sociaal"].map(nl_eur),
        "Netto": frame["netto"].map(nl_eur),
        "Netto 90%-interval": [f"{nl_eur_short(a)} – {nl_eur_short(b)}" for a, b in zip(frame["netto_p05"], frame["netto_p95"], strict=True)],
    })
    return shown.style.hide(axis="index").set_caption("Kosten en baten per belanghebbende (contante waarde, gemiddeld)").set_properties(
        subset=["Belanghebbende"], **{"text-align": "left"})


def effects_table(result: Result):
    """Per effect line: kind, outcomes, PV of benefits with its 90% interval."""
    rows = []
    for e in result.case.effects:
        pv = result.column(f"effect.{e.id}.pv")
        outcomes = result.column(f"effect.{e.id}.outcomes")
        rows.append({"Effect": e.label, "Categorie": e.category, "Soort": KIND_NL[e.kind],
                     "Uitkomsten (totaal, gem.)": avg_count(float(np.mean(outcomes))),
                     "Baten (CW, gem.)": nl_eur(float(np.mean(pv))),
                     "90%-interval": f"{nl_eur_short(float(np.quantile(pv, 0.05)))} – {nl_eur_short(float(np.quantile(pv, 0.95)))}"})
    return pd.DataFrame(rows).style.hide(axis="index").set_caption("Baten per effect").set_properties(
        subset=["Effect", "Categorie", "Soort"], **{"text-align": "left"})


def substitution_frame(result: Result, category: str = "substitutie") -> pd.DataFrame:
    """Outcomes per year of the substitution lines (how many trajectories replaced maatwerk)
    and what that avoided. Counts below 10 are shown as ``<10`` (AVG)."""
    rows = []
    years = result.case.years
    for e in result.case.effects:
        if e.category != category:
            continue
        per_year = result.yearly.get(f"outcomes.{e.id}", np.zeros(len(years)))
        total = result.column(f"effect.{e.id}.outcomes")
        pv = result.column(f"effect.{e.id}.pv")
        row = {"Effect": e.label}
        row.update({str(y): avg_count(float(v)) for y, v in zip(years, per_year, strict=True)})
        row["Totaal (90%-interval)"] = (f"{avg_count(float(np.mean(total)))} ({avg_count(float(np.quantile(total, 0.05)))}"
                                        f" – {avg_count(float(np.quantile(total, 0.95)))})")
        row["Vermeden kosten (CW)"] = f"{nl_eur(float(np.mean(pv)))} ({nl_eur_short(float(np.quantile(pv, 0.05)))} – {nl_eur_short(float(np.quantile(pv, 0.95)))})"
        rows.append(row)
    return pd.DataFrame(rows)


def assumptions_frame(case: Case) -> pd.DataFrame:
    """Every parameter: its distribution in words, unit, base value, and source or note."""
    used = set(case.used_parameters())
    rows = []
    for name, spec in case.parameters.items():
        source = case.sources.get(spec.source, spec.source) if spec.source else ""
        basis = " — ".join(x for x in (source, spec.note or "") if x) or "(geen bron of toelichting)"
        if name not in used:
            basis += " (alleen gebruikt in scenario's)"
        rows.append({"Parameter": name, "Verdeling": spec.describe_nl(), "Eenheid": spec.unit or "",
                     "Basiswaarde": nl_smart(spec.base_value), "Bron / toelichting": basis})
    return pd.DataFrame(rows)


def assumptions_table(case: Case):
    frame = assumptions_frame(case)
    return frame.style.hide(axis="index").set_caption(
        "Alle aannames: elke parameter met verdeling, eenheid en bron of toelichting").set_properties(
        subset=["Parameter", "Verdeling", "Eenheid", "Bron / toelichting"], **{"text-align": "left"})


def limitations(result: Result) -> list[str]:
    """What the model leaves out, what the horizon cuts off, and the Monte Carlo error."""
    s = result.summary()
    m = s["metrics"]
    years = result.case.years
    cut = m["pv_cut_off"]["mean"] if isinstance(m["pv_cut_off"], dict) else m["pv_cut_off"]
    out = [
        f"De analyse loopt van {years[0]} tot en met {years[-1]}. Baten die daarna nog optreden (door effecten die "
        f"meerdere jaren aanhouden) tellen niet mee: {nl_eur(cut)} contante waarde, "
        f"{nl_percent(cut / m['pv_benefits']['mean'] if isinstance(m['pv_benefits'], dict) else 0, 1)} van de baten.",
        "Niet gewaardeerd: effecten die de bronnen niet kwantificeren, zoals de signalerende rol van het sociaal werk, "
        "de waarde van samenredzaamheid in buurten buiten de genoemde effecten, en effecten op werk en inkomen. "
        "De uitkomst is daarom eerder een ondergrens voor preventief en collectief werk.",
        "Substitutie binnen het sociaal werk is niet hetzelfde als lagere maatwerkuitgaven in de begroting: de "
        "evaluatie zag die daling (nog) niet, onder meer door landelijke kostenstijgingen.",
        "Onzekerheid: elke onzekere parameter heeft een verdeling; de intervallen tonen 90% van de uitkomsten. "
        "Aannames zonder bron staan als zodanig in de aannametabel.",
    ]
    if isinstance(m["bcr"], dict):
        out.append(f"Monte Carlo-fout: met {nl_number(s['draws'], 0)} trekkingen is de standaardfout van de verhouding "
                   f"{nl_number(m.get('bcr_of_means_mcse', 0), 4)} en van de netto contante waarde {nl_eur(m['npv']['mcse'])}."
                   + (" Dat is groot: gebruik meer trekkingen." if m.get("bcr_of_means_mcse", 0) > MCSE_WARN_RATIO else
                      " Dat is klein ten opzichte van de onzekerheid in de aannames."))
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
        return "not installed"


def provenance(case: Case, draws: int, seed: int, scenario: str | None) -> dict[str, Any]:
    return {"case_id": case.id, "case_file": case.path, "case_sha256": case.sha256, "scenario": scenario or "baseline",
            "draws": draws, "seed": seed, "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "versions": versions()}


def provenance_frame(info: dict[str, Any]) -> pd.DataFrame:
    rows = [("Casus", info["case_id"]), ("Casusbestand", info["case_file"]), ("SHA-256", info["case_sha256"]),
            ("Scenario", info["scenario"]), ("Trekkingen", nl_number(info["draws"], 0)), ("Seed", str(info["seed"])),
            ("Tijdstip (UTC)", info["time"])]
    rows += [(f"Versie {k}", v) for k, v in info["versions"].items()]
    return pd.DataFrame(rows, columns=["Gegeven", "Waarde"])


# --- scenario comparison ---------------------------------------------------------------------------
def cuts_table(cmp):
    """Per option: budget saved, benefits lost, the funder's net effect, expected NPV, P(best)."""
    s = cmp.summary()
    dec = s["decision"]
    rows = []
    for opt, label in s["labels"].items():
        row = {"Optie": label, "Verwachte NCW": nl_eur(dec["expected_npv"][opt]), "Kans beste": nl_percent(dec["prob_best"][opt]),
               "Verwacht verlies": nl_eur(dec["expected_loss"][opt])}
        if opt == "baseline":
            row.update({"Budget bespaard": "–", "Baten verloren": "–", "Netto-effect gemeente": "–"})
        else:
            c = s["cuts"][opt]
            row.update({"Budget bespaard": _eur_range(c["budget_saved"]), "Baten verloren": _eur_range(c["benefits_lost"]),
                        "Netto-effect gemeente": _eur_range(c["funder_net_change"])})
        rows.append(row)
    cols = ["Optie", "Budget bespaard", "Baten verloren", "Netto-effect gemeente", "Verwachte NCW", "Kans beste", "Verwacht verlies"]
    return pd.DataFrame(rows)[cols].style.hide(axis="index").set_caption(
        "Bezuinigingsopties naast elkaar (contante waarde; 90%-interval tussen haakjes)")


def _eur_range(s: dict) -> str:
    if s["p05"] == s["p95"]:
        return nl_eur(s["mean"])
    return f"{nl_eur(s['mean'])} ({nl_eur_short(s['p05'])} – {nl_eur_short(s['p95'])})"


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
    who = "de maatschappij" if key == "society" else cmp.case.stakeholders[key]
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


__all__ = ["assumptions_frame", "board_summary", "cuts_table", "limitations", "provenance", "show",
           "stakeholder_frame", "substitution_frame", "verdicts", "versions"]
