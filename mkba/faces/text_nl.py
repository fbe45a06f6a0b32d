"""Every Dutch word a user reads: labels, sentences, category names, messages (DESIGN §1).

The core and the analyses return data and codes; the faces (CLI, console tables, reports,
Excel, PDF) turn them into Dutch here, so wording is consistent and easy to change in one place.
Sections below keep each face's words together.
"""

from __future__ import annotations

from mkba.faces.formatting import nl_eur, nl_number, nl_percent

# ============================================================================================
# Common words (stakeholder kinds, options, units)
# ============================================================================================

KIND_NL = {"fiscal": "fiscaal", "economic": "economisch", "social": "sociaal"}
BASELINE_SHORT = "Basis"
DIRECTION_NL = {"positief": "positief (+)", "negatief": "negatief (−)"}
SOCIETY = "de maatschappij"


def option_label(case, option: str | None) -> str:
    """The reader's name of an option: the scenario's own label, or "Basis: <case title>"."""
    if option in (None, "", "baseline"):
        return f"{BASELINE_SHORT}: {case.title}"
    return case.scenarios[option].label


def option_heading(case, option: str | None) -> str:
    """The option as the subtitle of a report page: 'Basis (de casus zoals beschreven)' or its label."""
    if option in (None, "", "baseline"):
        return f"{BASELINE_SHORT} (de casus zoals beschreven, zonder scenario)"
    return case.scenarios[option].label


def option_short(case, option: str | None) -> str:
    """'Scenario 2: schrappen …' -> 'Scenario 2'; the baseline -> 'Basis'."""
    if option in (None, "", "baseline"):
        return BASELINE_SHORT
    label = case.scenarios[option].label
    return label.split(":")[0] if ":" in label else label



# ============================================================================================
# Validation and input messages (case files, workbooks, data files)
# ============================================================================================


# ============================================================================================
# Command line: help, usage errors, progress, interruptions
# ============================================================================================


# ============================================================================================
# Console tables and reports
# ============================================================================================
# --- numbers in words ------------------------------------------------------------------------


def _decimals(x: float) -> int:
    if float(x).is_integer():
        return 0
    return 2 if abs(x) >= 1 else 4 if abs(x) < 0.01 else 2 if abs(x * 100).is_integer() else 3


def nl_value(x: float) -> str:
    """A number from a case file as a reader expects it: 1700000 -> '1.700.000', 0.35 -> '0,35'."""
    return nl_number(x, _decimals(x))


# --- distributions in words (assumption tables, scenario overlays) ----------------------------


def describe_distribution(spec) -> str:
    """A parameter's distribution in Dutch words, e.g. 'PERT (min 0,25; meest waarschijnlijk 0,35;
    max 0,45)'. The core keeps only the numbers; this is the one place that words them."""
    family = getattr(spec, "family", "") or getattr(spec, "dist", "")
    v = nl_value
    if family == "fixed":
        return f"vast: {v(spec.value)}"
    if family == "uniform":
        return f"uniform tussen {v(spec.min)} en {v(spec.max)}"
    if family in ("triangular", "pert"):
        name = "driehoek" if family == "triangular" else "PERT"
        return f"{name} (min {v(spec.min)}; meest waarschijnlijk {v(spec.mode)}; max {v(spec.max)})"
    if family == "normal":
        text = f"normaal (gemiddelde {v(spec.mean_)}; sd {v(spec.sd_)})"
        if spec.min is not None or spec.max is not None:
            lo = "−∞" if spec.min is None else v(spec.min)
            hi = "∞" if spec.max is None else v(spec.max)
            text += f", afgekapt op [{lo}; {hi}]"
        return text
    if family == "lognormal":
        return f"lognormaal (gemiddelde {v(spec.mean_)}; sd {v(spec.sd_)})"
    if family == "beta":
        if spec.successes is not None:
            text = f"bèta uit {nl_number(spec.successes, 0)} van {nl_number(spec.trials, 0)} waarnemingen"
        else:
            text = f"bèta (gemiddelde {v(spec.mean)}; sd {v(spec.sd)})"
        if (spec.min, spec.max) != (0.0, 1.0):
            text += f" op [{v(spec.min)}; {v(spec.max)}]"
        return text
    if family == "gamma":
        return f"gamma (gemiddelde {v(spec.mean)}; sd {v(spec.sd)})"
    if family == "discrete":
        pairs = "; ".join(f"{v(x)} (kans {nl_number(p, 2)})" for x, p in zip(spec.values, spec.probs, strict=True))
        return f"discreet: {pairs}"
    if family == "empirical":
        return f"empirisch: {nl_number(len(spec.values), 0)} waarnemingen (gemiddelde {v(spec.mean)})"
    if family == "draws":
        where = f"kolom {getattr(spec, 'column', '?')} van {getattr(spec, 'file', '?')}"
        return f"trekkingen uit een bestand ({where})"
    try:
        return f"verdeling {family} (gemiddelde {v(spec.mean)})"
    except Exception:  # noqa: BLE001 - a family this module does not know yet: name it, never fail a report
        return f"verdeling {family}"


# --- outputs, methods and notes of the sensitivity analyses -----------------------------------

METHOD_TITLES = {
    "tornado": "Tornado: uitkomst bij P10 en P90 van elke aanname (overige op basiswaarde)",
    "breakeven": "Omslagwaarden: waarde waarbij de conclusie omslaat (overige op basiswaarde)",
    "sobol": "Sobol'-indices: aandeel van de onzekerheid in de uitkomst",
    "morris": "Morris-screening: gemiddeld absoluut effect (mu*)",
}
PARAMETER = "Aanname"
TORNADO_TITLE = "Tornado: invloed van elke aanname (overige op basiswaarde)"
TORNADO_LOW, TORNADO_HIGH = "aanname laag (P10)", "aanname hoog (P90)"
SOBOL_SERIES = ("eerste orde (S1)", "totaal (ST)")
SOBOL_AXIS = "Aandeel van de variantie van de uitkomst (lijn: betrouwbaarheidsinterval)"
OMSLAG = "omslagpunt (baten = kosten)"
NOT_SHOWN = "{n} aannames met kleinere invloed niet getoond; --json geeft alles."


FIGURE = {
    "interval": "90%-interval", "mean": "gemiddelde", "costs": "kosten", "benefits": "baten",
    "benefits_of_kind": "baten: {kind}",
    "npv_axis": "Netto contante waarde", "bcr_axis": "Baten/kosten-verhouding (€ baten per € kosten)",
    "share_of_draws": "Aandeel trekkingen",
    "distribution_title": "Verdeling over {n} trekkingen — kans baten > kosten: {p}",
    "stakeholders_axis": "Contante waarde (kosten links, baten rechts)", "stakeholders_title": "Wie betaalt en wie profiteert",
    "yearly_axis": "Gemiddeld per jaar (niet verdisconteerd)",
    "yearly_title": "Kosten en baten per jaar (getal: baten/kosten in dat jaar)",
    "options_axis": "Verandering netto-effect t.o.v. de basis (contante waarde; lijn: 90%-interval)",
    "options_title": "Wie draagt de gevolgen van elke optie?",
    "prob_best_axis": "Kans dat de optie de beste is",
    "weight_axis": "Gewicht van niet-fiscale (sociale en economische) baten: 0 = alleen geld, 1 = volledige MKBA",
    "weight_title": "Acceptatiecurve naar gewicht van maatschappelijke baten",
    "rate_axis": "Discontovoet", "rate_title": "Acceptatiecurve naar discontovoet",
    "breakeven_caption": "Omslagwaarden: waarde waarbij {target} (overige aannames op basiswaarde).",
    "breakeven_left_out": " {n} verdere aanname(s) met een omslag ver buiten hun bereik niet getoond.",
    "breakeven_never": " {n} aanname(s) kunnen de uitkomst op geen enkele toegestane waarde laten omslaan.",
    "target_versus": "{first} en {second} even goed uitpakken ({output})",
    "target_bcr": "de baten/kosten-verhouding {target} wordt", "target_zero": "{output} nul wordt",
}
BREAKEVEN_COLUMNS = (PARAMETER, "Basiswaarde", "Omslagwaarde", "Kans voorbij omslag")


def not_in_range(value: str | None) -> str:
    """A break-even outside the assumed range: 'geen binnen bereik (pas bij 0,688)'."""
    return "geen binnen bereik" + (f" (pas bij {value})" if value is not None else "")


def output_label(output: str, case=None) -> str:
    """'npv' -> 'Netto contante waarde', 'net:gemeente' -> 'Netto-effect Gemeente …'."""
    if output == "npv":
        return "Netto contante waarde"
    if output == "bcr":
        return "Baten/kosten-verhouding"
    if output.startswith("net:"):
        sid = output[4:]
        who = case.stakeholders.get(sid, sid) if case is not None else sid
        return f"Netto-effect {who}"
    return output


def _lab(case, name: str) -> str:
    return case.label_of(name) if case is not None else name


def _opt(case, option: str | None) -> str:
    if case is None:
        return "de basis" if option in (None, "baseline") else str(option)
    return option_short(case, option) if option not in (None, "baseline") else "de basis"


def sensitivity_note(note, case=None) -> str:
    """One note of a sensitivity analysis (a code with numbers, from ``mkba.analysis.sensitivity``)
    in Dutch. Unknown codes are shown as code and numbers rather than dropped."""
    code, d = note.code, note.data
    if code == "tornado.quantiles":
        return (f"Elke aanname op haar P{d['low']} en P{d['high']} (de waarde waar 10% respectievelijk 90% van de "
                "kansverdeling onder ligt); alle andere op hun basiswaarde.")
    if code == "tornado.correlations_ignored":
        return "Samenhang (correlaties) tussen aannames telt in deze eenzijdige analyse niet mee."
    if code == "breakeven.definition":
        target = f"de baten/kosten-verhouding {nl_number(d['target'], 2)} wordt" if d["output"] == "bcr" else (
            f"{output_label(d['output'], case).lower()} {nl_value(d['target'])} wordt")
        base = (nl_number(d["base_output"], 2) if d["output"] == "bcr" else nl_eur(d["base_output"]))
        return (f"Per aanname de waarde waarbij {target}, met alle andere op hun basiswaarde "
                f"(met alles op basiswaarde is de uitkomst {base}).")
    if code == "breakeven.order":
        return "De meest waarschijnlijke omslagen staan bovenaan (omslagwaarde het dichtst bij de mediaan)."
    if code == "versus.difference":
        return (f"De uitkomst is het verschil tussen {_opt(case, d['option'])} en {_opt(case, d['versus'])}, beide "
                "berekend op dezelfde waarden van de aannames; waar het verschil nul wordt, wisselen de twee opties "
                "van plaats.")
    if code == "versus.held":
        names = ", ".join(_lab(case, n) for n in d["names"])
        return f"Op de eigen basiswaarde van elke optie gehouden (de verdeling verschilt tussen de opties): {names}."
    if code == "sobol.design":
        return (f"Saltelli-ontwerp met N = {nl_number(d['n'], 0)} basissteekproeven, "
                f"{nl_number(d['evaluations'], 0)} modelberekeningen; {nl_number(d['conf_level'] * 100, 0)}%-"
                f"betrouwbaarheidsintervallen uit {nl_number(d['resamples'], 0)} herhaalde steekproeven (SALib).")
    if code == "sobol.convergence":
        text = (f"Stabiliteit: grootste verschil tussen N = {nl_number(d['n_half'], 0)} en N = {nl_number(d['n'], 0)}: "
                f"S1 {nl_number(d['max_change_s1'], 3)}, ST {nl_number(d['max_change_st'], 3)}")
        return text + (" (stabiel)." if d["settled"] else " — nog niet stabiel; kies een grotere N.")
    if code == "sobol.correlations":
        pairs = ", ".join(f"{_lab(case, a)} en {_lab(case, b)} ({nl_number(rho, 2)})" for a, b, rho in d["pairs"])
        return (f"De casus geeft samenhang tussen aannames op ({pairs}); Sobol'-indices veronderstellen "
                "onafhankelijke aannames, dus deze zijn onafhankelijk getrokken.")
    if code == "morris.design":
        return (f"{nl_number(d['trajectories'], 0)} trajecten, {d['levels']} niveaus, "
                f"{nl_number(d['evaluations'], 0)} modelberekeningen; effecten gemeten tussen P{d['q_low']} en "
                f"P{d['q_high']} van elke aanname.")
    if code == "morris.correlations":
        return "Samenhang (correlaties) tussen aannames telt in de Morris-screening niet mee."
    return f"{code}: " + ", ".join(f"{k} = {v}" for k, v in d.items())


# --- console tables (mkba run, mkba sensitivity) -----------------------------------------------------

DESIGN_NL = {"mc": "Monte Carlo", "lhs": "Latijnse hyperkubus", "sobol": "Sobol'-reeks"}
CONSOLE = {
    "stat_columns": ("Gemiddeld", "P5", "Mediaan", "P95", "MC-fout"),
    "deterministic": "deterministisch",
    "draws": "{n} trekkingen, seed {seed}, ontwerp {design}",
    "period": "Periode {first}–{last}, prijspeil {price}, discontovoet {rate}",
    "society_title": "Maatschappij (contante waarde)",
    "society_rows": ("Kosten", "Baten", "Netto contante waarde", "Baten/kosten-verhouding", "  waarvan fiscale baten"),
    "stakeholders_title": "Per belanghebbende (gemiddelde contante waarde; 90%-interval netto)",
    "stakeholders_columns": ("Belanghebbende", "Kosten", "Baten", "waarvan fiscaal", "Netto", "Netto P5 – P95"),
    "effects_title": "Per effect",
    "effects_columns": ("Effect", "Soort", "Uitkomsten (totaal)", "Baten (CW)", "P5 – P95"),
    "yearly_title": "Per jaar (gemiddeld, niet verdisconteerd)",
    "yearly_rows": ("Kosten", "Baten", "Baten/kosten"),
    "cut_off": "Baten na {last} vallen buiten de horizon en tellen niet mee: {amount} (contante waarde).",
    "mcse_warning": "Let op: de Monte Carlo-fout van de verhouding is {mcse}; gebruik meer trekkingen (--draws).",
    "tornado_columns": ("Laag (P10)", "Hoog (P90)", "Uitkomst laag", "Uitkomst hoog", "Bereik"),
    "sensitivity_of": "uitkomst: {output}; {what}",
    "difference": "verschil {option} − {versus}",
}


# --- board summary ------------------------------------------------------------------------------

WHAT_IT_MEANS = "Wat betekent dit?"


def board_sentence(metrics: dict, who: str = "") -> str:
    """The headline: 'Elke geïnvesteerde euro levert naar verwachting € 1,20 op (90%-interval
    € 0,95 – € 1,45); kans dat de baten de kosten overtreffen: 78%.'"""
    bcr = metrics["bcr"]
    ratio = metrics["bcr_of_means"]
    prefix, every = (f"{who}: ", "elke") if who else ("", "Elke")
    if ratio is None:
        return f"{prefix}{'er' if who else 'Er'} zijn geen kosten, dus geen verhouding tussen baten en kosten."
    if isinstance(bcr, dict):
        return (f"{prefix}{every} geïnvesteerde euro levert naar verwachting {nl_eur(ratio, 2)} op "
                f"(90%-interval {nl_eur(bcr['p05'], 2)} – {nl_eur(bcr['p95'], 2)}); kans dat de baten "
                f"de kosten overtreffen: {nl_percent(metrics['prob_npv_positive'])}.")
    return f"{prefix}{every} geïnvesteerde euro levert {nl_eur(ratio, 2)} op (deterministisch: alle aannames op hun basiswaarde)."


def funder_sentence(who: str, ratio: float, p05: float, p95: float, fiscal_ratio: float, prob: float) -> str:
    return (f"Voor {who} zelf: elke geïnvesteerde euro levert naar verwachting {nl_eur(ratio, 2)} op "
            f"(90%-interval {nl_eur(p05, 2)} – {nl_eur(p95, 2)}), waarvan {nl_eur(fiscal_ratio, 2)} in geld "
            f"(fiscale baten: vermeden uitgaven); de rest komt bij anderen terecht. Kans dat de eigen baten de kosten "
            f"overtreffen: {nl_percent(prob)}.")


def optimism_sentence(costs: float | str, benefits: float | str) -> str | None:
    """Disclosure of an optimism-bias correction, or None when none is applied."""
    def amount(x) -> str:
        return f"met de aanname {x}" if isinstance(x, str) else f"met {nl_percent(x, 0 if 100 * x == round(100 * x) else 1)}"
    parts = []
    if isinstance(benefits, str) or benefits:
        parts.append(f"de baten {amount(benefits)} verlaagd")
    if isinstance(costs, str) or costs:
        parts.append(f"de kosten {amount(costs)} verhoogd")
    if not parts:
        return None
    return ("Correctie voor optimisme: " + " en ".join(parts) + ", omdat ramingen vooraf doorgaans te gunstig "
            "uitvallen. Alle bedragen en verhoudingen in dit rapport zijn ná deze correctie.")


def meaning_paragraph(ratio: float | None, prob: float, funder: str, funder_ratio: float | None,
                      funder_fiscal_ratio: float | None, top_beneficiary: str, top_share: float, n_pm: int) -> str:
    """One plain paragraph for a board member: what the two headline sentences mean."""
    if ratio is None:
        return "Er zijn geen kosten om de baten tegen af te zetten."
    if ratio >= 1:
        first = (f"Over de hele looptijd levert het werk de samenleving naar verwachting meer op dan het kost: "
                 f"voor elke euro komt er {nl_eur(ratio, 2)} terug.")
    else:
        first = (f"Over de hele looptijd kost het werk naar verwachting meer dan het in geld uitgedrukt oplevert: "
                 f"voor elke euro komt er {nl_eur(ratio, 2)} terug.")
    sure = ("Dat is vrij zeker" if prob >= 0.9 or prob <= 0.1 else "Dat is niet zeker")
    second = (f"{sure}: in {nl_percent(prob)} van de doorgerekende mogelijkheden zijn de baten groter dan de kosten.")
    third = f"De opbrengst landt vooral bij {top_beneficiary}: {nl_percent(top_share)} van alle baten."
    fourth = ""
    if funder_ratio is not None and funder_fiscal_ratio is not None:
        fourth = (f" {funder} betaalt en krijgt per euro {nl_eur(funder_fiscal_ratio, 2)} terug als vermeden uitgaven; "
                  "wat de anderen winnen, staat niet in de eigen begroting.")
    pm = (f" Daarnaast zijn er {n_pm} effecten die niet in geld zijn uitgedrukt (PM-posten, zie de balans)."
          if n_pm else "")
    return f"{first} {second} {third}{fourth}{pm}"


# --- balance, PM-posten, limitations --------------------------------------------------------------

FOR_SOCIETY = "Voor de maatschappij"
NOT_INSTALLED = "niet geïnstalleerd"
BALANCE_COLUMNS = ("", "Gemiddeld", "90%-interval")
STAKEHOLDER_COLUMNS = ("Belanghebbende", "Kosten", "Baten fiscaal", "Baten economisch", "Baten sociaal", "Netto",
                       "Netto 90%-interval")
EFFECT_COLUMNS = ("Effect", "Categorie", "Soort", "Uitkomsten (totaal, gem.)", "Baten (CW, gem.)", "90%-interval")
SUBSTITUTION_COLUMNS = ("Totaal (90%-interval)", "Vermeden kosten (CW)")
ASSUMPTION_COLUMNS = (PARAMETER, "Verdeling", "Eenheid", "Basiswaarde", "Bron / toelichting")
OPTIMISM_ROW = {"benefits": "Correctie voor optimisme (baten)", "costs": "Correctie voor optimisme (kosten)"}
OPTION_COLUMNS = ("Optie", "Budget bespaard", "Baten verloren", "Netto-effect {who}", "Verwachte NCW", "Kans beste",
                  "Verwacht verlies")
CAPTIONS = {
    "stakeholders": "Kosten en baten per belanghebbende (contante waarde, gemiddeld)",
    "effects": "Baten per effect",
    "assumptions": "Alle aannames: elke aanname met verdeling, eenheid en bron of toelichting",
    "options": "Opties naast elkaar (contante waarde; 90%-interval tussen haakjes)",
}
PM_TITLE = "Niet in geld uitgedrukt (PM-posten)"
PM_INTRO = ("Deze effecten doen ertoe maar zijn niet in euro's gewaardeerd; ze tellen niet mee in de getallen "
            "hierboven en horen naast de balans te worden gewogen.")
PM_NONE = "De casus noemt geen effecten die niet in geld zijn uitgedrukt (PM-posten)."
PM_COLUMNS = ("Effect", "Voor wie", "Richting", "Toelichting")
PM_SOURCE = "Bron: {source}."
BALANCE_CAPTION = "De balans (contante waarde, gemiddeld over alle trekkingen)"
BALANCE_ROWS = ("Kosten", "Baten", "Netto contante waarde", "Baten/kosten-verhouding")


def horizon_limitation(first: int, last: int, cut: float, share: float) -> str:
    return (f"De analyse loopt van {first} tot en met {last}. Baten die daarna nog optreden (door effecten die "
            f"meerdere jaren aanhouden) tellen niet mee: {nl_eur(cut)} contante waarde, {nl_percent(share, 1)} van "
            "de baten.")


GENERIC_LIMITATIONS = (
    "Het model rekent met gemiddelde effecten per traject, deelnemer of activiteit; verschillen tussen personen "
    "en wijken vallen daarbinnen weg.",
    "Vermeden kosten zijn maatschappelijke baten; ze worden pas lagere uitgaven in een begroting als de "
    "vrijgekomen capaciteit ook werkelijk wordt afgebouwd of anders ingezet.",
    "Onzekerheid: elke onzekere aanname heeft een kansverdeling; de intervallen tonen 90% van de uitkomsten. "
    "Aannames zonder bron staan als zodanig in de aannametabel.",
)
NO_CASE_LIMITATIONS = "De casus noemt zelf geen verdere beperkingen."


def mc_limitation(draws: int, mcse_ratio: float, mcse_npv: float, large: bool) -> str:
    return (f"Toevalsfout van de berekening: met {nl_number(draws, 0)} trekkingen is de standaardfout van de "
            f"verhouding {nl_number(mcse_ratio, 4)} en van de netto contante waarde {nl_eur(mcse_npv)}."
            + (" Dat is groot: reken met meer trekkingen." if large else
               " Dat is klein ten opzichte van de onzekerheid in de aannames."))


# --- scenario comparison ------------------------------------------------------------------------


COMPARE = {
    "title": "Scenariovergelijking {title}",
    "draws": "{n} trekkingen, seed {seed}, gemeenschappelijke trekkingen voor alle opties",
    "perspective": "Perspectief: {who}",
    "table_title": "Per optie, in € mln contante waarde over de looptijd (90%-interval tussen haakjes)",
    "columns": ("Optie", "Budget bespaard", "Baten verloren", "Netto-effect {who}", "Verwachte NCW", "Kans beste"),
    "evpi": ("Verwachte waarde van perfecte informatie (EVPI) over deze keuze: {evpi} — zoveel is het hooguit waard "
             "om alle onzekerheid weg te nemen voordat er besloten wordt."),
    "verdict": ("{option}: voor {who} naar verwachting {direction} van {amount} t.o.v. de basis (90%-interval {range}; "
                "{sure}); kans dat dit de beste keuze is: {p}."),
    "gain": "winst", "loss": "verlies", "sure": "vrijwel zeker", "unsure": "onzeker: het interval omvat 0",
    "weight": "Gewicht niet-fiscale baten", "rate": "Discontovoet",
    "curve_title": "Kans dat elke optie de beste is, per {what}",
}


def cut_noun(saved: float) -> str:
    """A 'bezuiniging' only if the option saves money; otherwise it is an 'optie'."""
    return "bezuiniging" if saved > 0.5 else "optie"


def least_harmful(noun: str, who: str, label: str) -> str:
    return f"Minst nadelige {noun} voor {who}: {label}."


def yearly_sentence(parts: list[tuple[int, float]]) -> str:
    return "Baten/kosten per jaar (gemiddeld): " + "; ".join(f"{y}: {nl_number(r, 2)}" for y, r in parts) + "."


# --- provenance (at the end of every page) ---------------------------------------------------------

PROVENANCE_TITLE = "Herkomst"
PROVENANCE_ROWS = {"case_id": "Casus", "case_file": "Casusbestand", "case_sha256": "Controlegetal casusbestand (SHA-256)",
                   "scenario": "Optie", "draws": "Trekkingen", "seed": "Startwaarde toeval (seed)",
                   "time": "Tijdstip (UTC)"}
VERSION_OF = "Versie {name}"


# --- PDF (mkba report --pdf) ----------------------------------------------------------------------

PDF_NO_CHROMIUM = ("--pdf heeft Chromium nodig en dat is op deze computer niet gevonden. Installeer het "
                   "(Debian/Ubuntu: 'sudo apt-get install chromium') of wijs het programma aan met de "
                   "omgevingsvariabele MKBA_CHROMIUM=/pad/naar/chromium. Er is nog niets berekend.")
PDF_NO_PLAYWRIGHT = ("--pdf heeft het Python-pakket playwright nodig: installeer het met "
                     "'pip install \"mkba[pdf]\"' (Chromium zelf komt van het systeem). Er is nog niets berekend.")
PDF_FAILED = "De PDF van {page} kon niet worden gemaakt: {reason}"
PDF_HEADER = "MKBA {title}"
PDF_FOOTER = "Pagina {page} van {total}"
PDF_SECTION = "PDF voor raadsstukken"

# --- index.html of a report run ---------------------------------------------------------------------

INDEX_REPORTS = "Rapporten"
INDEX_COMPARISON = "Scenario's naast elkaar"
INDEX_PDF = "PDF (A4)"
INDEX_FILES = "Gegevens van deze run:"
INDEX_PROVENANCE = ("Run {run}: {draws} trekkingen, startwaarde toeval (seed) {seed}, casusbestand {file} "
                    "(controlegetal SHA-256 {sha}), mkba {version}, gemaakt {time} (UTC).")


# ============================================================================================
# Data in: estimates from registrations and monitor series
# ============================================================================================


# ============================================================================================
# Value of information
# ============================================================================================


# ============================================================================================
# Excel and PDF
# ============================================================================================
