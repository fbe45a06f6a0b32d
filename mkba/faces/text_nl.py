"""Every Dutch word a user reads: labels, sentences, category names, messages (DESIGN §1).

The core and the analyses return data and codes; the faces (CLI, console tables, reports,
Excel, PDF) turn them into Dutch here, so wording is consistent and easy to change in one place.
Sections below keep each face's words together.
"""

from __future__ import annotations

from mkba.faces.formatting import nl_eur, nl_eur_short, nl_number, nl_percent

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
# Each template renders a Problem's ``code`` with its ``params`` (numbers shown the Dutch way).
# A problem without a code (or with a code not listed) shows its plain message.
PROBLEM_TEXT: dict[str, str] = {
    # YAML reading and limits
    "file.not_found": "bestand niet gevonden",
    "file.is_dir": "is een map, geen casusbestand",
    "file.not_utf8": "kan het bestand niet lezen: het is geen UTF-8-tekst (fout bij byte {byte})",
    "file.unreadable": "kan het bestand niet lezen: {reason}",
    "yaml.invalid": "geen geldige YAML: {detail}",
    "yaml.duplicate_key": "dubbele sleutel (eerst op regel {first}); houd er één",
    "yaml.too_large_file": "het bestand is {size_mb} MB; een casusbestand is hoogstens {limit_mb} MB",
    "yaml.too_deep": "meer dan {limit} niveaus diep genest; een casus heeft er ongeveer 6 nodig",
    "yaml.too_big": ("het document bevat meer dan {limit} waarden (verwijzingen '*' naar ankers '&' meegeteld); "
                     "een casus heeft er hooguit enkele duizenden"),
    "number.dutch": ("'{text}' is dubbelzinnig: YAML leest {as_read}, maar in het Nederlands betekent het {dutch}. "
                     "Schrijf {dutch} (zonder punten tussen de duizendtallen), of {as_read} als u {as_read_nl} bedoelt"),
    "number.dutch_text": ("'{text}' is dubbelzinnig: YAML leest dit als tekst, maar in het Nederlands betekent het "
                          "{dutch}. Schrijf {dutch} (zonder punten tussen de duizendtallen, punt als decimaalteken); "
                          "is het tekst, zet het dan tussen aanhalingstekens"),
    "number.as_text": "'{text}' is tekst, geen getal; schrijf het getal als {number} (punt als decimaalteken)",
    "number.not_finite": "'{text}' is geen eindig getal; geef een gewoon getal",
    "number.too_large": "{text} is niet plausibel groot: getallen in een casus zijn hoogstens {limit}",
    # structure of the case
    "case.not_mapping": "een casusbestand is een YAML-mapping die begint met 'mkba: 1'",
    "case.unknown_section": "onbekende sectie; toegestaan: {allowed}",
    "case.missing_version": "'mkba: 1' ontbreekt (de versie van het casusformaat)",
    "case.bad_version": "formaatversie {version} wordt niet ondersteund; deze mkba leest versie {supported}",
    "case.no_stakeholders": "noem minstens één belanghebbende (id: naam), bijv. 'gemeente: Gemeente'",
    "case.no_costs": "noem minstens één kostenpost: een baten/kosten-verhouding heeft kosten nodig",
    "case.year_range": "{field} {year} is niet plausibel: kies een jaar van {low} tot en met {high}",
    "case.horizon_range": "horizon {horizon} is niet plausibel: kies {low} tot en met {high} jaar",
    "shape.mapping.parameter_records": "moet een mapping van parameters zijn (naam: record)",
    "shape.mapping.citation_keys": "moet een mapping van bronnen zijn (sleutel: verwijzing)",
    "shape.mapping.stakeholder_labels": "moet een mapping van belanghebbenden zijn (id: naam)",
    "shape.mapping.scenario_overlays": "moet een mapping van scenario's zijn (id: record)",
    "shape.mapping.parameter_groups": "moet een mapping van parametergroepen zijn (naam: lijst)",
    "shape.lines": "moet een lijst van posten zijn (elk begint met '- id: ...')",
    "shape.pm_posten": "moet een lijst van records zijn {{label, stakeholder, direction: positief|negatief, note, source}}",
    "shape.beperkingen": "moet een lijst van zinnen zijn (wat het model niet meeneemt)",
    "field.unknown": "onbekend veld '{field}'; hier toegestaan: {allowed}",
    "field.missing": "verplicht veld ontbreekt",
    "field.id_pattern": "'{value}' mag niet: gebruik kleine letters, cijfers en '-'",
    "field.union": "moet een getal of een parameternaam zijn (of, waar dat mag, een lijst met één waarde per jaar) (nu: {got})",
    "param.bad_name": "een parameternaam begint met een letter of '_' en bevat alleen letters, cijfers en '_'",
    "param.not_record": "een parameter is een getal of een record zoals {{dist: pert, min: …, mode: …, max: …}}",
    "param.missing_dist": "'dist' (een van: {families}) of 'value' ontbreekt",
    "param.unknown_dist": "onbekende verdeling '{dist}'; kies een van: {families}",
    # distributions
    "dist.base_outside": "base ({base}) ligt buiten het bereik van de verdeling [{low}; {high}]; kies een base daarbinnen",
    "dist.max_not_above_min": "max ({max}) moet groter zijn dan min ({min})",
    "dist.mode_below_min": "mode ({mode}) moet ≥ min ({min}) zijn",
    "dist.max_below_mode": "max ({max}) moet ≥ mode ({mode}) zijn",
    "dist.lambda_positive": "lambda ({value}) moet > 0 zijn (4 is de gebruikelijke PERT-keuze)",
    "dist.sd_positive_fixed": "sd ({sd}) moet > 0 zijn; gebruik {{value: ...}} voor een vast getal",
    "dist.sd_positive": "sd ({sd}) moet > 0 zijn",
    "dist.truncation_empty": "het afkapbereik [min, max] bevat geen kansmassa; maak het ruimer",
    "dist.lognormal_mean": "mean ({mean}) moet > 0 zijn voor een lognormale verdeling",
    "dist.beta_one_way": "geef precies één van alpha/beta, mean/sd of successes/trials (gevonden: {found})",
    "dist.give_both": "geef zowel {a} als {b}",
    "dist.both_positive": "{a} ({va}) en {b} ({vb}) moeten > 0 zijn",
    "dist.beta_mean_range": "mean ({mean}) moet strikt tussen min ({min}) en max ({max}) liggen",
    "dist.beta_sd_impossible": ("sd ({sd}) kan niet bij een bèta met gemiddelde {mean}: sd moet > 0 en < {limit} zijn "
                                "(sd² < gemiddelde·(1 − gemiddelde) op de eenheidsschaal)"),
    "dist.successes_trials": "nodig: 0 ≤ successes ({successes}) ≤ trials ({trials}) en trials ≥ 1",
    "dist.gamma_one_way": "geef mean/sd of shape/scale",
    "dist.values_probs_length": "values ({n_values}) en probs ({n_probs}) moeten even lang zijn",
    "dist.probs_negative": "probs moeten ≥ 0 zijn",
    "dist.probs_sum": "probs moeten optellen tot 1 (ze tellen op tot {total})",
    # references and ranges
    "ref.source": "onbekende bron '{name}'; noem haar onder 'sources:' (bekend: {known})",
    "ref.stakeholder": "onbekende belanghebbende '{name}'; genoemd zijn: {known}",
    "ref.parameter": "onbekende parameter '{name}'; noem hem onder 'parameters:' of gebruik een getal",
    "ref.parameter_plain": "onbekende parameter '{name}'",
    "range.parameter": ("parameter '{name}' kan waarden in [{s_low}; {s_high}] aannemen, maar dit moet {what} in "
                        "[{low}; {high}] zijn; maak de verdeling smaller (bijv. met min/max)"),
    "range.number": "{value} valt buiten het bereik: dit moet {what} in [{low}; {high}] zijn",
    "range.implausible": "{value} is niet plausibel: {what} is hoogstens {cap}",
    "range.implausible_parameter": "parameter '{name}' kan {reach} bereiken; dat is niet plausibel: {what} is hoogstens {cap}",
    "quantity.per_year_length": "een lijst per jaar heeft één waarde per jaar van de horizon ({horizon}); deze heeft er {n}",
    "split.two_rest": "hoogstens één belanghebbende mag 'rest' krijgen",
    "split.share_range": "aandeel {share} moet in [0; 1] liggen",
    "split.need_rest": "als een aandeel een parameter is, geef dan één belanghebbende 'rest' zodat de aandelen altijd optellen tot 1",
    "split.rest_negative": "de aandelen kunnen optellen tot {total} (> 1), waardoor 'rest' negatief wordt; verlaag ze",
    "split.sum": "de aandelen moeten optellen tot 1 (ze tellen op tot {total}); pas ze aan of geef één belanghebbende 'rest'",
    "cost.years": "years [{first}, {last}] moet voldoen aan 0 ≤ eerste ≤ laatste ≤ {max} (t telt vanaf 0)",
    "effect.ramp_empty": "geef minstens één vermenigvuldiger, of laat ramp_up weg",
    "effect.ramp_long": "heeft {n} waarden bij een horizon van {horizon} jaar",
    "line.id_twice": "post-id '{id}' komt twee keer voor; ids moeten uniek zijn",
    # correlations, groups, scenarios
    "corr.shape": "moet een lijst zijn van [parameter_a, parameter_b, rangcorrelatie]",
    "corr.item": "elke correlatie is [parameter_a, parameter_b, rangcorrelatie], bijv. [substitutie, deadweight, -0.3]",
    "corr.fixed": "parameter '{name}' is vast; alleen onzekere parameters kunnen gecorreleerd zijn",
    "corr.self": "een parameter kan niet met zichzelf gecorreleerd zijn",
    "corr.range": "rangcorrelatie ({rho}) moet strikt tussen -1 en 1 liggen",
    "corr.twice": "het paar ({a}, {b}) staat er twee keer",
    "corr.inconsistent": "deze correlaties spreken elkaar tegen (de matrix is niet positief definiet); maak er enkele zwakker",
    "group.bad_name": "groepsnamen bestaan uit letters, cijfers en '_'",
    "group.shape": "moet een niet-lege lijst van parameternamen zijn, bijv. [bereik_zonder_outreach, escalatie]",
    "group.unknown": "onbekende parameter(s): {names}",
    "group.fixed": "vaste parameter(s) hebben geen onzekerheid: {names}",
    "group.twice": "een parameter staat er twee keer in",
    "scenario.bad_id": "scenario-ids bestaan uit kleine letters, cijfers en '-' (en 'baseline' is gereserveerd)",
    "scenario.add_exists": "parameter '{name}' bestaat al; gebruik 'set' om hem te vervangen",
    "scenario.set_unknown": "onbekende parameter '{name}'; 'set' vervangt een bestaande parameter (gebruik 'add' voor een nieuwe)",
    "scenario.scale_factor": "onbekende parameter '{name}' als schaalfactor",
    "scenario.drop_unknown": "geen kosten- of effectpost met id '{id}' om te laten vallen; posten: {known}",
    "scenario.no_costs": ("dit scenario verwijdert alle kostenposten, zodat er niets overblijft om de baten mee te "
                          "vergelijken; houd of voeg minstens één kostenpost toe"),
    "scenario.after_set": "na de 'set' van dit scenario, {inner_path}: {inner}",
    "scenario.unknown": "onbekend scenario '{scenario}' in casus '{case}'; kies een van: {known}",
    "scenario.already_applied": "scenario '{scenario}' is al toegepast; pas scenario's toe op de basis",
    # pydantic's error types (the rest falls back to "ongeldige waarde")
    "pydantic.float_parsing": "moet een getal zijn (nu: {got})",
    "pydantic.float_type": "moet een getal zijn (nu: {got})",
    "pydantic.finite_number": "moet een eindig getal zijn (nu: {got})",
    "pydantic.int_parsing": "moet een geheel getal zijn (nu: {got})",
    "pydantic.int_type": "moet een geheel getal zijn (nu: {got})",
    "pydantic.int_from_float": "moet een geheel getal zijn (nu: {got})",
    "pydantic.string_type": "moet tekst zijn (nu: {got})",
    "pydantic.bool_type": "moet ja/nee (true/false) zijn (nu: {got})",
    "pydantic.bool_parsing": "moet ja/nee (true/false) zijn (nu: {got})",
    "pydantic.literal_error": "moet een van {expected} zijn (nu: {got})",
    "pydantic.list_type": "moet een lijst zijn (nu: {got})",
    "pydantic.tuple_type": "moet een lijst zijn (nu: {got})",
    "pydantic.dict_type": "moet een mapping (sleutel: waarde) zijn (nu: {got})",
    "pydantic.model_type": "moet een record (sleutel: waarde) zijn (nu: {got})",
    "pydantic.model_attributes_type": "moet een record (sleutel: waarde) zijn (nu: {got})",
    "pydantic.greater_than_equal": "moet ≥ {ge} zijn (nu: {got})",
    "pydantic.greater_than": "moet > {gt} zijn (nu: {got})",
    "pydantic.less_than_equal": "moet ≤ {le} zijn (nu: {got})",
    "pydantic.less_than": "moet < {lt} zijn (nu: {got})",
    "pydantic.too_short": "is te kort: minstens {min_length} waarde(n) (nu: {got})",
    "pydantic.too_long": "is te lang: hoogstens {max_length} waarden (nu: {got})",
    "pydantic.other": "ongeldige waarde (nu: {got})",
}

# How the core's "what" codes read in a sentence.
WHAT_TEXT: dict[str, str] = {
    "number": "een getal",
    "amount": "een bedrag ≥ 0 (euro per jaar)",
    "volume": "een volume ≥ 0",
    "multiplier": "een vermenigvuldiger ≥ 0",
    "fraction": "een fractie",
    "share": "een aandeel",
    "value": "een waarde per eenheid (euro)",
    "discount_rate": "een discontovoet (bijv. 0.0225 voor 2,25%)",
    "optimism_bias": "een optimisme-correctie (fractie)",
}


def problems_found(n: int) -> str:
    """'1 probleem gevonden; niets berekend.' / '3 problemen gevonden; …'"""
    return f"{n} {'probleem' if n == 1 else 'problemen'} gevonden; niets berekend."


def render_params(params) -> dict:
    """Params as the Dutch templates show them: numbers with a decimal comma."""
    out = {}
    for key, value in dict(params).items():
        if key == "what":
            out[key] = WHAT_TEXT.get(value, value)
        elif key == "expected" and isinstance(value, str):  # pydantic's "'a', 'b' or 'c'"
            out[key] = value.replace(" or ", " of ")
        elif key == "detail" and isinstance(value, str):  # PyYAML's own words
            out[key] = yaml_detail(value)
        elif isinstance(value, bool):
            out[key] = "ja" if value else "nee"
        elif isinstance(value, int | float):
            out[key] = _nl_g(value)
        elif isinstance(value, str) and value in ("∞", "-∞"):
            out[key] = value
        elif key in ("low", "high") and isinstance(value, str) and _looks_g(value):
            out[key] = _nl_g(float(value))
        else:
            out[key] = value
    return out


# PyYAML's problem descriptions (English) → Dutch; unmatched text is shown as is.
YAML_PATTERNS: list[tuple[str, str]] = [
    (r"found character (?:'\\t' )?that cannot start any token",
     "een teken waarmee geen waarde kan beginnen (een tab? spring in met spaties)"),
    (r"found a tab character.*", "een tab-teken; spring in met spaties"),
    (r"mapping values are not allowed (?:here|in this context)",
     "een ':' waar dat niet mag (ontbreekt er een spatie, of moet de tekst tussen aanhalingstekens?)"),
    (r"(?:did not find expected|expected) ',' or '\]'.*", "een lijst '[' is niet gesloten met ']'"),
    (r"(?:did not find expected|expected) ',' or '\}'.*", "een mapping '{' is niet gesloten met '}'"),
    (r"(?:did not find expected key|expected <block end>.*)", "de inspringing klopt niet (een sleutel op een onverwachte plek)"),
    (r"could not find expected ':'", "een ':' ontbreekt (sleutel: waarde)"),
    (r"found unexpected end of stream", "het bestand houdt midden in een waarde op (een aanhalingsteken niet gesloten?)"),
    (r"found undefined alias.*", "een verwijzing '*' naar een anker '&' dat niet bestaat"),
    (r"could not determine a constructor for the tag '(.+)'", r"onbekende tag \1: een casusbestand bevat alleen gegevens"),
    (r"found unknown escape character.*", "een onbekende escape met '\\' in tekst tussen dubbele aanhalingstekens"),
    (r"(?:but found another document|expected a single document.*)", "meer dan één document ('---'); een casus is één document"),
    (r"found unexpected ':'", "een onverwachte ':'"),
]


def yaml_detail(text: str) -> str:
    import re

    for pattern, replacement in YAML_PATTERNS:
        if re.fullmatch(pattern, text.strip(), flags=re.DOTALL):
            return re.sub(pattern, replacement, text.strip(), flags=re.DOTALL)
    return text


def render_problem_text(code: str, params, fallback: str) -> str:
    """The Dutch text for one problem (without its location)."""
    template = PROBLEM_TEXT.get(code) or CLI_ERROR_TEXT.get(code)
    if template is None and code.startswith("pydantic."):
        template = PROBLEM_TEXT["pydantic.other"]
    if template is None:
        return fallback
    values = render_params(params)
    if code == "number.dutch":
        values["as_read_nl"] = str(values.get("as_read", "")).replace(".", ",")
    if code == "scenario.after_set":
        inner = dict(params)
        values["inner"] = render_problem_text(inner.get("inner_code", ""), inner.get("inner_params", ()),
                                              inner.get("inner_message", ""))
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return fallback


def render_problem(problem) -> str:
    """``file:line pad: Dutch text`` for a core Problem."""
    text = render_problem_text(getattr(problem, "code", ""), getattr(problem, "params", ()), problem.message)
    if getattr(problem, "cell", None):  # a workbook: file:Sheet!A1
        return f"{problem.file}:{problem.cell}: {text}"
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    return f"{where} {problem.path}: {text}" if problem.path else f"{where}: {text}"


def _looks_g(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return any(ch.isdigit() for ch in text) and not text.strip().startswith(("0x", "0o"))


def _nl_g(x: float) -> str:
    """A number in Dutch notation, shortest form: 0,35 · 2200 · 1e+11 → 1·10^11."""
    if isinstance(x, float) and x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "∞" if x > 0 else "−∞"
    if float(x).is_integer() and abs(x) < 1e7:
        return str(int(x))
    text = f"{x:.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        mantissa = "" if mantissa in ("1", "-1") else mantissa.replace(".", ",") + "·"
        sign = "-" if x < 0 and not mantissa else ""
        return f"{sign}{mantissa}10^{int(exponent)}"
    return text.replace(".", ",")

# -- scope
def scope_warning(code: str, line_id: str, label: str, scenario: str = "baseline") -> str:
    """One validation warning about what a cost line covers (``mkba.core.case.ScopeWarning``)."""
    where = f"costs.{line_id}" if scenario == "baseline" else f"scenarios.{scenario}.add.costs.{line_id}"
    if code == "budget-hele-organisatie":
        return (f"{where} ('{label}'): dit is het budget van de hele organisatie (scope: organisatie), maar de "
                "effecten dekken mogelijk maar een deel van haar diensten. Dan valt de baten/kosten-verhouding "
                "te laag uit. Geef met 'aandeel:' het deel van het budget dat bij de gemodelleerde diensten "
                "hoort (een getal of parameter tussen 0 en 1), of zet 'scope: diensten' als de effecten alle "
                "diensten van de organisatie dekken.")
    return f"{where} ('{label}'): {code}"


PROBLEM_TEXT.update({
    "scope.aandeel_with_diensten": ("'aandeel' is het deel van een budget van de hele organisatie dat bij de "
                                    "gemodelleerde diensten hoort; met 'scope: diensten' dekt het bedrag al alleen "
                                    "die diensten: laat 'aandeel' weg of gebruik 'scope: organisatie'"),
    # -- unit costs (kostprijzen), CPI and the regional comparison (same owner as scope)
    "cpi.no_year": "geen CPI-jaarcijfer voor {year} in de CPI-tabel; beschikbaar: {first}-{last}",
    "cpi.no_index": "de CPI-tabel heeft 'index: {{jaar: niveau}}' nodig",
    "cpi.base": "het basisjaar ({base}) moet in 'index' staan met niveau 100",
    "cpi.gap": "de jaren moeten aaneensluiten (geen gaten)",
    "cpi.level": "een indexniveau moet > 0 zijn (nu: {got})",
    "unitcost.invalid": "ongeldige kostprijs: {detail}",
    "unitcost.missing": "'{field}' ontbreekt: elke kostprijs noemt eenheid, bron, prijspeil en een toelichting",
    "unitcost.not_scalable": "een '{dist}'-parameter kan niet met een prijsfactor geïndexeerd worden; geef de bedragen zelf",
    "unitcost.unknown": "onbekende kostprijs: {names}; bekend: {known}",
    "regio.too_few": "een regionale vergelijking heeft minstens {minimum} casusbestanden nodig",
    "regio.twice": "een casus staat er twee keer in: {cases}",
    "regio.no_price_year": ("casus zonder price_year: {cases}; de vergelijking rekent alle bedragen om naar één "
                            "prijspeil en heeft dat van elke casus nodig"),
    "regio.no_data": "het notebook heeft vergelijking.json niet geschreven",
})



# ============================================================================================
# Command line: help, usage errors, progress, interruptions
# ============================================================================================
ERROR = "fout"
WARNING = "let op"
INTERRUPTED = {130: "afgebroken (Ctrl-C); niets half geschreven, eerdere uitvoer is onveranderd.",
               143: "afgebroken (beëindigd); niets half geschreven, eerdere uitvoer is onveranderd."}
UNUSED_PARAMETER = "{file} parameters.{name}: geen post of scenario gebruikt deze parameter; verwijder hem of verwijs ernaar"
NO_INTERVALS = ("Met {draws} zijn onzekerheidsintervallen niet betrouwbaar; ze worden niet getoond. "
                "Gebruik minstens {minimum} trekkingen (bijv. --draws 10000) voor intervallen en kansen.")
FEW_DRAWS_SENTENCE = "Elke geïnvesteerde euro levert naar verwachting {ratio} op (te weinig trekkingen voor een interval)."
DRAWS_ESTIMATE = ("{draws} trekkingen: ongeveer {memory} geheugen of tijdelijke schijfruimte en naar schatting "
                  "{seconds} rekentijd.")
DRAWS_ESTIMATE_SHORT = "ongeveer {memory} en {seconds}"

OUT_OF_MEMORY = ("te weinig geheugen voor deze opdracht; kies een kleiner aantal (--draws, --n of --sobol-n); "
                 "er is niets geschreven")
OS_ERROR = "kan niet verder: {reason} {file}"

# Usage errors raised with a code (core, analysis and CLI), rendered like PROBLEM_TEXT.
CLI_ERROR_TEXT: dict[str, str] = {
    "cli.not_finite": "{option} {value} is geen eindig getal; geef bijv. {example}",
    "cli.compare_min_draws": ("een vergelijking heeft minstens {minimum} trekkingen nodig (nu: {draws}): kansen en "
                              "EVPI uit minder trekkingen zeggen niets; gebruik bijv. --draws 10000"),
    "cli.unknown_design": "onbekend steekproefontwerp '{design}'; kies een van: {known}",
    "cli.unknown_method": "onbekende methode '{method}'; kies een van: {known}",
    "cli.target_bcr_method": "--target-bcr hoort bij --method breakeven",
    "cli.n_method": "--n hoort bij --method sobol of morris",
    "cli.versus_unknown": "--versus {versus}: onbekende optie; kies baseline of een van: {known}",
    "cli.init_bad_id": "'{name}' is geen geldige casus-id: gebruik kleine letters, cijfers en '-' (bijv. mijn-gemeente)",
    "cli.init_exists": "{target} bestaat al; kies een andere naam of --out (er is niets overschreven)",
    "cli.draws_too_many": ("{option} {draws}: dat vraagt ongeveer {need} aan geheugen en tijdelijke schijfruimte, "
                           "maar er is {free} vrij; kies hoogstens {option} {maximum}"),
    "cli.draws_soft_limit": ("--draws {draws} vraagt {estimate}; dat is boven de zachte grens ({soft} trekkingen "
                             "of 10 minuten rekenen). Voeg --ja toe om toch te starten."),
    "cli.out_is_file": "--out {path} is een bestand, geen map; kies een map voor de rapporten",
    "cli.out_unusable": "--out {path}: kan hier geen map maken of schrijven ({reason})",
    "report.both_scenario_all": "geef --scenario of --all, niet allebei",
    "report.min_draws": "een rapport heeft minstens 100 trekkingen nodig (nu: {draws}); gebruik bijv. --draws 10000",
    "report.seed": "seed moet ≥ 0 zijn (nu: {seed})",
    "report.notebook_failed": ("notebook '{notebook}' is mislukt: {error}; het uitgevoerde notebook is bewaard in "
                               "{kept} voor diagnose; eerdere rapporten zijn onveranderd"),
    "report.failed": "rapport mislukt: {error}; gedeeltelijke uitvoer bewaard in {kept}; eerdere rapporten zijn onveranderd",
    "report.case_changed": "{path} is veranderd terwijl het rapport werd gemaakt; start opnieuw",
    "report.busy": "kon geen vrije runmap maken in {folder}; probeer het opnieuw",
    # the analyses (mkba.analysis)
    "analysis.perspective_unknown": "perspectief '{perspective}' is geen belanghebbende van casus '{case}'; kies society "
                                    "of een van: {known}",
    "analysis.scenario_unknown": "onbekend scenario '{scenario}'; kies uit: {known}",
    "analysis.no_scenarios": "casus '{case}' heeft geen scenario's om te vergelijken; voeg ze toe onder 'scenarios:'",
    "analysis.discount_rate_range": "discontovoet {rate} ligt buiten (−0,99; 1)",
    "analysis.output_stakeholder": "onbekende belanghebbende '{stakeholder}' in --output {output}; kies uit: {known}",
    "analysis.output_unknown": "onbekende uitkomst '{output}'; gebruik npv, bcr of net:BELANGHEBBENDE (bijv. net:gemeente)",
    "analysis.no_uncertain": "casus '{case}' heeft geen onzekere parameters om te analyseren",
    "analysis.no_uncertain_parameters": "geen onzekere parameters om te analyseren",
    "analysis.versus_bcr": "een verschil van baten/kosten-verhoudingen zegt weinig; gebruik --output npv of "
                           "net:BELANGHEBBENDE met --versus",
    "analysis.versus_same": "--versus {versus} is de optie die al geanalyseerd wordt; kies een andere",
    "analysis.versus_nothing_shared": "de twee opties delen geen onzekere parameter",
    "analysis.target_bcr_positive": "--target-bcr moet > 0 zijn (nu: {value})",
    "analysis.target_bcr_versus": "--target-bcr en --versus gaan niet samen",
    "analysis.morris_n": "Morris heeft minstens 2 trajecten nodig (--n); nu: {n}",
    "analysis.morris_levels": "het aantal niveaus voor Morris moet een even getal ≥ 2 zijn; nu: {levels}",
    "analysis.tornado_quantiles": "de tornado vraagt 0 < laag ({low}) < hoog ({high}) < 1",
    "analysis.sobol_power_of_two": "{option} moet een macht van twee ≥ 4 zijn voor Sobol-steekproeven (bijv. 1024, 4096, "
                                   "8192); nu: {n}",
    "analysis.sobol_shape": "de modelfunctie gaf vorm {shape}; verwacht {expected}",
    "analysis.not_finite": "de uitkomst is voor sommige trekkingen niet eindig (bijv. een verhouding met kosten nul); "
                           "gebruik --output npv",
    "analysis.no_variation": "de uitkomst varieert niet met deze parameters; Sobol-indices zijn dan niet gedefinieerd",
    "evppi.nb_shape": "netto baten moeten een tabel trekkingen × opties zijn, met minstens 2 opties (nu vorm {shape})",
    "evppi.x_shape": "de aannames moeten een tabel trekkingen × parameters zijn met {draws} trekkingen (nu vorm {shape})",
    "evppi.min_draws": "EVPPI vraagt minstens {minimum} trekkingen (nu {draws})",
    "evppi.not_finite": "de netto baten of de aannames bevatten NaN of oneindige waarden",
    "evppi.singular": "EVPPI: de regressie is niet te schatten; de aanname varieert te weinig",
    "evppi.method_unknown": "onbekende EVPPI-methode '{method}'; kies een van: {known}",
    "evppi.group_too_big": "EVPPI van een groep van {size} aannames: hooguit {maximum} tegelijk",
    "evppi.method_single": "methode '{method}' neemt één aanname; gebruik 'gam' voor een groep",
    "decision.shape": "netto baten moeten een tabel trekkingen × opties zijn (nu vorm {shape})",
    "decision.not_finite": "de netto baten bevatten NaN of oneindige waarden",
}

# Typer's help frame.
HELP_FRAME: dict[str, str] = {
    "Usage: ": "Gebruik: ",
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "OPDRACHT [ARGUMENTEN]...",
    "Arguments": "Argumenten",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Error": "Fout",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "[default: {}]": "[standaard: {}]",
    "[required]": "[verplicht]",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "Try '{command_path} {help_option}' for help.": "Probeer [blue]'{command_path} {help_option}'[/] voor hulp.",
}

# The value types in the help's option table.
HELP_TYPES: dict[str, str] = {
    "<str>": "<tekst>", "<int>": "<geheel getal>", "<int range>": "<geheel getal>", "<float>": "<getal>",
    "<float range>": "<getal>", "<bool>": "", "<path>": "<pad>", "<file>": "<bestand>", "<directory>": "<map>",
}

# Typer's usage errors (English text, as it formats them) → Dutch; the first pattern that
# matches wins; anything unmatched is shown as is.
CLICK_PATTERNS: list[tuple[str, str]] = [
    (r"^Missing argument '(.+)'\.?$", r"Argument '\1' ontbreekt."),
    (r"^Missing option '(.+)'\.?$", r"Optie '\1' ontbreekt."),
    (r"^Missing parameter: (.+)$", r"Argument '\1' ontbreekt."),
    (r"^Missing (\w+) '?(.+?)'?\.?$", r"'\2' ontbreekt."),
    (r"^No such option: (\S+) \(Possible options: (.+)\)$", r"Onbekende optie: \1 (bedoelt u een van: \2?)"),
    (r"^No such option: (\S+) Did you mean (.+)\?$", r"Onbekende optie: \1. Bedoelt u \2?"),
    (r"^No such option: (\S+)\s*(.*)$", r"Onbekende optie: \1 \2"),
    (r"^No such command '(.+)'\.$", r"Onbekende opdracht '\1'."),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"Onverwacht extra argument: \1"),
    (r"^Option '(.+)' requires an argument\.$", r"Optie '\1' heeft een waarde nodig."),
    (r"^Option '(.+)' requires (\d+) arguments\.$", r"Optie '\1' heeft \2 waarden nodig."),
    (r"^Option '(.+)' does not take a value\.$", r"Optie '\1' neemt geen waarde."),
    (r"^Invalid value for (.+?): (?:Value )?'(.*)' is not a valid integer\.$",
     r"Ongeldige waarde voor \1: '\2' is geen geheel getal."),
    (r"^Invalid value for (.+?): (?:Value )?'(.*)' is not a valid (?:float|number)\.$",
     r"Ongeldige waarde voor \1: '\2' is geen getal (gebruik een punt als decimaalteken)."),
    (r"^Invalid value for (.+?): (.+) is not in the range (.+)\.$",
     r"Ongeldige waarde voor \1: \2 ligt niet in het bereik \3."),
    (r"^Invalid value for (.+?): Input should be a valid integer.*$",
     r"Ongeldige waarde voor \1: dit moet een geheel getal zijn (zonder punten of komma's)."),
    (r"^Invalid value for (.+?): Input should be a valid number.*$",
     r"Ongeldige waarde voor \1: dit moet een getal zijn (met een punt als decimaalteken)."),
    (r"^Invalid value for (.+?): Input should be greater than or equal to (\S+)$",
     r"Ongeldige waarde voor \1: dit moet ≥ \2 zijn."),
    (r"^Invalid value for (.+?): Input should be (?:a )?(.+)$", r"Ongeldige waarde voor \1: dit moet \2 zijn."),
    (r"^Invalid value for (.+?): (.+)$", r"Ongeldige waarde voor \1: \2"),
    (r"^No such command '(.+)'\. Did you mean '(.+)'\?$", r"Onbekende opdracht '\1'. Bedoelt u '\2'?"),
    (r"^Got unexpected extra argument\(s\) \((.+)\)$", r"Onverwacht extra argument: \1"),
]


def click_message(text: str) -> str:
    """Typer's English usage-error text in Dutch."""
    import re

    text = text.strip()
    for pattern, replacement in CLICK_PATTERNS:
        if re.match(pattern, text, flags=re.DOTALL):
            return re.sub(pattern, replacement, text, flags=re.DOTALL).strip()
    return text

WORKERS_HELP = ("Aantal processen op deze computer dat de trekkingen verdeelt (standaard 1); "
                "verandert geen uitkomst.")

# -- batch (mkba batch, mkba init --voorbeeld) -------------------------------------------------
BATCH_HELP = ("Reken veel casussen × scenario's tegelijk door op een Dask-cluster (lokaal of via "
              "--scheduler): per casus en scenario hetzelfde JSON-bestand als 'mkba run --json', "
              "plus batch.parquet en bij fouten fouten.json.")
BATCH_CASES_HELP = "Een of meer casusbestanden (YAML, formaat v1)."
BATCH_SCENARIO_HELP = "Scenario-id, 'baseline' (standaard) of 'all' (de basis en elk scenario van elke casus)."
BATCH_SCHEDULER_HELP = "Adres van een draaiende Dask-scheduler, bijv. tcp://127.0.0.1:8786 (standaard: een lokaal cluster)."
BATCH_WORKERS_HELP = "Aantal lokale werkprocessen zonder --scheduler (standaard: het aantal processorkernen)."
BATCH_OUT_HELP = "Map voor de uitvoer (standaard: reports/batch/<tijdstempel>/)."
BATCH_PROGRESS = "Batch rekenen"
BATCH_DONE = "{ok} run(s) klaar in {map}"
BATCH_DONE_FAILED = "{ok} run(s) klaar in {map}; {fout} mislukt (zie {fouten})"
BATCH_NO_CASES = "geef minstens één casusbestand"
BATCH_WORKERS_WITH_SCHEDULER = "--workers hoort bij een lokaal cluster; met --scheduler bepaalt het cluster zelf het aantal workers"
BATCH_CONNECT_FAILED = "kan de Dask-scheduler {adres} niet bereiken: {reden}"
BATCH_LOAD_FAILED = "casus kon niet worden geladen: {reden}"
BATCH_RUN_FAILED = "scenario '{scenario}' kon niet worden doorgerekend: {reden}"
BATCH_UNKNOWN_SCENARIO = "scenario '{scenario}' bestaat niet in casus '{casus}'; kies uit: {bekend}"
BATCH_DUPLICATE_ID = "casus-id '{casus}' komt ook voor in {eerder}; elke casus in een batch heeft een eigen id nodig"
BATCH_WORKER_LOST = "de berekening op het cluster is afgebroken: {reden}"
INIT_UNKNOWN_EXAMPLE = "onbekend voorbeeld '{naam}'; meegeleverde voorbeelden: {bekend}"
INIT_EXAMPLE_WRITTEN = ("Voorbeeld '{voorbeeld}' geschreven: {doel}\n"
                        "Volgende stap: mkba validate {doel} && mkba run {doel} (of mkba report {doel})")


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
        return (f"trekkingen uit {spec.file} (kolom {spec.column}; {nl_number(spec.rows, 0)} rijen; "
                f"gemiddelde {v(spec.mean)})")
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
    if code == "draws.marginal":
        names = ", ".join(_lab(case, n) for n in d["names"])
        return (f"Aannames uit een trekkingenbestand ({names}) variëren hier elk los, volgens hun eigen kolom; "
                "de samenhang tussen kolommen van hetzelfde bestand, die de simulatie wel bewaart, telt in "
                "deze analyse niet mee.")
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
    "draws": "{n} {word}, seed {seed}, ontwerp {design}",
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
    if metrics.get("few_draws"):  # intervals withheld (too few draws to mean anything)
        sentence = FEW_DRAWS_SENTENCE.format(ratio=nl_eur(ratio, 2))
        return prefix + (sentence[0].lower() + sentence[1:] if who else sentence)
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
            f"meerdere jaren aanhouden) tellen niet mee: {nl_eur_short(cut)} contante waarde, {nl_percent(share, 1)} van "
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
DATA_ERRORS = {
    "file_not_found": "bestand niet gevonden",
    "empty": "het bestand is leeg (geen gegevensrijen)",
    "unreadable": "het bestand is niet te lezen: {reason}",
    "wrong_delimiter": ("de kolommen zijn niet te scheiden: de kopregel lijkt '{sep}' als scheidingsteken te "
                        "gebruiken; gebruik komma, puntkomma of tab"),
    "missing_columns": "verplichte kolom(men) ontbreken: {missing}; gevonden: {found} (hernoem met --kolommen MAP.yaml)",
    "wrong_sheet": "geen werkblad '{sheet}' in dit bestand; werkbladen: {sheets} (kies met --blad)",
    "nothing_usable": "geen enkele rij is bruikbaar ({excluded} rijen uitgesloten)",
    "unknown_soort": "geen trajecten van soort '{soort}'; soorten in het bestand: {known}",
    "no_known_alternative": "geen enkel traject heeft een bekend alternatief (alles 'onbekend')",
    "bad_option": "{option} moet tussen 0 en 1 liggen (gekregen: {value})",
    "bad_period": "periode '{value}' niet herkend; gebruik 2022-Q1, 2022-03 of mrt-22",
    "bad_count": "aantal '{value}' is geen geheel getal ≥ 0 of '<10'",
    "duplicate_period": "periode '{value}' komt twee keer voor bij dezelfde voorziening",
    "bad_vanaf": "--vanaf '{value}' niet herkend; gebruik 2023-Q1, 2023-03 of mrt-23",
    "unknown_voorziening": "geen voorziening '{value}'; voorzieningen in het bestand: {known}",
    "comparison_mismatch": "de vergelijkingsreeks mist perioden (of heeft 0) die '{voorziening}' wel heeft",
    "too_short": ("te weinig perioden voor '{voorziening}': {before} vóór en {after} vanaf --vanaf "
                  "(minstens 3 ervoor en 2 erna nodig)"),
    "not_estimable": "geen enkele reeks is te schatten: {skipped}",
    "bad_kolommen": "--kolommen moet een YAML-bestand zijn met 'naam_in_bestand: standaardnaam'",
}
EXCLUSION_REASONS = {
    "missing_id": "geen traject_id",
    "duplicate_id": "dubbel traject_id",
    "bad_date": "onleesbare datum",
    "unknown_code": "onbekende code",
}
SKIP_REASONS = {
    "censored": "na --vanaf alleen <10-cellen: een verandering is niet te schatten",
    "not_identified": "het model convergeert niet (te weinig informatie in de reeks)",
}
VERDICTS = {
    "decline": "aantoonbare daling: het 90%-interval van de vermeden cliënten ligt boven nul",
    "increase": "aantoonbare stijging: meer cliënten in zorg dan zonder verandering verwacht",
    "no_change": "geen aantoonbare daling: het 90%-interval omvat 'geen verandering'",
}
METHODS = {
    "poisson": "Poisson-GLM (log-link)",
    "negative-binomial": "negatief-binomiaal model (log-link; overdispersie)",
    "poisson+censored": "Poisson met <10 als gecensureerd in [0, 9] (maximum likelihood)",
    "negative-binomial+censored": "negatief-binomiaal met <10 als gecensureerd in [0, 9] (maximum likelihood)",
}
ALTERNATIVES = {
    "wmo-begeleiding": "Wmo-begeleiding", "huishoudelijke-hulp": "Huishoudelijke hulp",
    "jeugdhulp": "Jeugdhulp", "ggz": "GGZ", "geen": "Geen", "onbekend": "Onbekend",
}
SMALL_COUNT = "<10"
EST_LABELS = {"substitutie": "Substitutie naar het voorliggend veld (uit registraties)",
              "doel_bereikt": "Doel bereikt (uit registraties)",
              "volume": "Aantal trajecten {soort} gestart in {jaar} (uit registraties)"}


def data_error(code: str, file: str, row: int | None, column: str | None, detail: dict) -> str:
    """A data-file problem as one Dutch sentence: ``FILE rij R, kolom K: wat er mis is``."""
    fmt = {k: (", ".join(map(str, v)) if isinstance(v, list | tuple) else
               "; ".join(f"{a}: {SKIP_REASONS.get(b, b)}" for a, b in v.items()) if isinstance(v, dict) else v)
           for k, v in detail.items()}
    where = file + (f" rij {row}" if row else "") + (f", kolom '{column}'" if column else "")
    return f"{where}: {DATA_ERRORS.get(code, code).format(**fmt)}"


def small(n: int) -> str:
    """A count from person-level data: below 10 shown as ``<10`` (AVG)."""
    return SMALL_COUNT if 0 < n < 10 else str(n)


def registration_source(name: str, sha256: str, first: str | None, last: str | None, rows: int, used: int) -> str:
    return (f"Registratie-export {name} (SHA-256 {sha256}; startdata {first} t/m {last}; "
            f"{rows} rijen, waarvan {used} gebruikt)")


def monitor_source(name: str, sha256: str, first: str, last: str, rows: int) -> str:
    return (f"Monitorreeks {name} (SHA-256 {sha256}; perioden {first} t/m {last}; {rows} rijen), "
            "geschat met mkba estimate monitor")


POOLING_NOTE_DIFFER = ("De teams verschillen meer dan toeval verklaart (chi-kwadraat {chi2} bij {df} vrijheidsgraden, "
                       "p = {p}); de teamcijfers in de tabel zijn naar het totaal toe getrokken (partiële pooling).")
POOLING_NOTE_SAME = ("De verschillen tussen teams passen binnen toeval (chi-kwadraat {chi2}, {df} vrijheidsgraden, "
                     "p = {p}); de teamschattingen liggen daarom dicht bij het totaal.")
PARTIAL_YEAR = "deels jaar: niet omgerekend naar een heel jaar"
REPORT_HEADING = "Hoe is de substitutie geschat?"

# Located problems of include: and dist: draws (case files), rendered like PROBLEM_TEXT.
DATA_IN_PROBLEMS = {
    "include.not_list": "moet een lijst van bestandsnamen zijn, bijv. [data/substitutie.yaml]",
    "include.bundled_missing": "geen meegeleverd bestand '{name}' (gezocht: {looked} in mkba/resources; meegeleverd: {known})",
    "include.not_found": "ingesloten bestand niet gevonden: {file}",
    "include.not_mapping": "een ingesloten bestand moet een mapping zijn met 'sources:' en/of 'parameters:'",
    "include.version": "formaatversie {version} wordt niet ondersteund; deze mkba leest versie 1",
    "include.key_not_allowed": "niet toegestaan in een ingesloten bestand; toegestaan: {allowed}",
    "include.section_not_mapping": "moet een mapping zijn (naam: waarde)",
    "include.defined_twice": "'{name}' is twee keer gedefinieerd: hier en in {other}; houd er één",
    "draws.loader_field": "'{field}' wordt uit het trekkingenbestand gevuld; laat het weg",
    "draws.file_not_found": "trekkingenbestand niet gevonden: {file}",
    "draws.unreadable": "kan trekkingenbestand {file} niet lezen: {reason}",
    "draws.empty": "trekkingenbestand {file} heeft geen rijen",
    "draws.no_column": "geen kolom '{column}' in {file}; kolommen: {columns}",
    "draws.not_number": "{file} rij {row}, kolom '{column}': {value} is geen getal ({count} zulke waarde(n))",
    "draws.too_few_rows": ("parameter '{name}' leest {file} in volgorde 'sequential' ({rows} rijen), maar er zijn "
                           "{draws} trekkingen gevraagd; vraag er hoogstens {rows} of gebruik order: resample"),
    "data_in.file": "{text}",  # a data-file problem, already worded by data_error()
    "correlation.draws": ("parameter '{name}' haalt zijn waarden uit een trekkingenbestand, dat zijn eigen gezamenlijke "
                          "onzekerheid meebrengt; zet samenhangende grootheden in hetzelfde bestand"),
}
PROBLEM_TEXT.update(DATA_IN_PROBLEMS)


# ============================================================================================
# Value of information
# ============================================================================================

EVPPI_HELP = ("Waarde van perfecte informatie per aanname (EVPPI): een parameter, een groep uit 'groepen:', "
              "of a,b als één groep; herhaalbaar; 'alle' = elke onzekere parameter apart, gerangschikt.")
EVPPI_TITLE = "Welk onderzoek loont? Verwachte waarde van perfecte informatie per aanname (EVPPI)"
EVPPI_COLUMNS = ("Aanname", "EVPPI", "± st.fout", "Deel van EVPI")
EVPPI_PERSPECTIVE = "Perspectief: {who}; EVPI (alle onzekerheid samen): {evpi}."
EVPPI_SOCIETY = "de maatschappij"
EVPPI_CLIPPED = "afgekapt op de EVPI: de schatting ({raw}) lag door toeval erboven"
EVPPI_METHODS = {"spline": "spline-regressie (GAM)", "discrete": "gemiddelde per waarde",
                 "gam": "GAM met interacties"}
EVPPI_METHOD_NOTE = ("Geschat door regressie van de netto baten van elke optie op de aanname (Strong, Oakley & "
                     "Brennan 2014); st.fout = onzekerheid van die regressie plus Monte Carlo-ruis.")
EVPPI_BUDGET = ("Onderzoek dat {what} precies vaststelt, is voor deze keuze hooguit {value} waard "
                "(± {se}; alle onzekerheid samen: {evpi}). Kost zulk onderzoek meer, dan betaalt het zich "
                "niet terug in een betere keuze.")
EVPPI_NOTHING = ("Geen enkele afzonderlijke aanname is voor deze keuze veel waard om te onderzoeken: de "
                 "hoogste EVPPI is {value} van een EVPI van {evpi}. De onzekerheid zit in de combinatie van aannames.")
EVPPI_NO_EVPI = "De keuze ligt al vast (EVPI is € 0): onderzoek naar een aanname verandert haar niet."
EVPPI_ERRORS = {
    "unknown": "--evppi: '{name}' is geen onzekere parameter of groep van deze casus; kies uit: {known}",
    "fixed": "--evppi: '{name}' heeft een vaste waarde (geen onzekerheid), dus geen informatiewaarde; "
             "kies een onzekere parameter: {known}",
    "too_many": "--evppi: de groep '{name}' heeft meer dan 5 parameters; splits haar in kleinere groepen",
    "empty": "--evppi: lege waarde; geef een parameter, een groep of 'alle'",
    "draws": "--evppi: te weinig trekkingen ({draws}); de schatting heeft er minstens {minimum} nodig (bijv. --draws 10000)",
}
EVPPI_GROUP = "groep {name} ({n} aannames)"
EVPPI_GROUP_MEMBERS = "Groep {name}: {members}."
EVPPI_FIGURE_TITLE = "Welk onderzoek loont? Waarde van perfecte informatie ({who})"
EVPPI_FIGURE_AXIS = "EVPPI (€, met ± 2 st.fout)"
EVPPI_FIGURE_EVPI = "EVPI (alles samen)"


# ============================================================================================
# Excel and PDF
# ============================================================================================

# -- Reading a case workbook (mkba.data_in.xlsx): problem code -> message after "bestand:Blad!Cel: " --
XLSX_MESSAGES = {
    "xlsx.file_not_found": "bestand niet gevonden",
    "xlsx.not_a_workbook": "geen Excel-werkmap (.xlsx) die te lezen is: {error}",
    "xlsx.missing_sheet": "werkblad '{sheet}' ontbreekt; een casuswerkmap heeft de werkbladen {sheets} (begin met 'mkba init NAAM --xlsx')",
    "xlsx.merged": "samengevoegde cellen ({range}) kunnen niet worden gelezen; maak de samenvoeging ongedaan (één waarde per cel)",
    "xlsx.text_in_number": "'{value}' is tekst, maar hier hoort een getal",
    "xlsx.number_as_text": "'{value}' staat als tekst in de cel; typ het als getal (celopmaak Standaard of Getal)",
    "xlsx.not_a_value": "'{value}' is een datum, tijd of waar/onwaar; hier hoort een getal of tekst",
    "xlsx.not_a_number_in_list": "'{item}' is geen getal; geef getallen gescheiden door ';', bijv. 10; 20; 30",
    "xlsx.years": "'{value}' is geen jarenbereik; schrijf 'eerste; laatste', bijv. 0; 4",
    "xlsx.split": "'{value}' is geen verdeling; schrijf één belanghebbende (gemeente) of aandelen: gemeente: 0.9; huishoudens: rest",
    "xlsx.split_twice": "belanghebbende '{who}' staat twee keer in deze verdeling",
    "xlsx.header_twice": "kolom '{header}' staat twee keer in de kopregel",
    "xlsx.unknown_column": "onbekende kolom '{header}'; kolommen van dit werkblad: {known}",
    "xlsx.no_header": "deze cel staat in een kolom zonder kop in rij 1; geef de kolom een kop of maak de cel leeg",
    "xlsx.case_no_field": "waarde zonder veldnaam in kolom A",
    "xlsx.twice": "'{name}' staat twee keer (eerst in {cell}); houd er één",
    "xlsx.twice_in": "'{name}' staat twee keer in {where}; houd er één",
    "xlsx.missing_key": "kolom '{column}' is leeg in een rij met gegevens; vul hem in of maak de rij leeg",
    "xlsx.missing_value": "'{operation}' heeft een waarde nodig in kolom 'waarde'",
    "xlsx.operation": "bewerking '{value}' is onbekend; kies uit: {allowed}",
    "xlsx.operation_without_scenario": "een bewerking hoort bij een scenario: vul de kolom 'scenario' in (of maak 'bewerking' leeg)",
    "xlsx.scenario_row_extra": "de rij 'scenario' beschrijft het scenario zelf; zet '{column}' in een rij set, scale of drop",
    "xlsx.too_large": "de werkmap is {size_mb} MB; een casuswerkmap is hoogstens {limit_mb} MB",
    "xlsx.too_large_unpacked": "de werkmap pakt uit tot meer dan {limit_mb} MB; een casuswerkmap is veel kleiner",
    # mkba convert, --xlsx (usage errors)
    "xlsx.convert_unknown_type": "{path}: onbekend bestandstype; gebruik .yaml, .yml of .xlsx",
    "xlsx.convert_exists": "{path} bestaat al; kies een andere naam of voeg --overwrite toe (er is niets geschreven)",
    "xlsx.convert_same_file": "IN en OUT zijn hetzelfde bestand",
    "xlsx.option_suffix": "--xlsx {path}: geef een bestandsnaam die eindigt op .xlsx",
    "xlsx.init_suffix": "--xlsx schrijft een werkmap: geef --out een naam die eindigt op .xlsx (niet {name})",
    "xlsx.cannot_write": "deze onderdelen van de casus passen (nog) niet in een werkmap: {keys}; er is niets geschreven",
    "xlsx.formula_not_computed": "deze formule heeft geen berekende waarde in het bestand (het is nooit in een rekenprogramma geopend en opgeslagen); open en bewaar de werkmap in Excel of LibreOffice, of typ de waarde",
}

# -- Writing a case workbook (mkba.faces.excel_out.case_workbook) -----------------------------
XLSX_VALIDATION_TITLE = "Ongeldige waarde"
XLSX_VALIDATION_DIST = "Kies een verdeling: {allowed}."
XLSX_VALIDATION_SOURCE = "Kies een bron uit het werkblad Bronnen (kolom bron)."
XLSX_VALIDATION_SCENARIO = "Gebruik een scenario-id uit het werkblad Scenario's."
XLSX_VALIDATION_OPERATION = "Kies een bewerking uit de lijst."
XLSX_VALIDATION_SPLIT = ("Kies een belanghebbende uit het werkblad Belanghebbenden, of verdeel: "
                         "gemeente: 0.9; huishoudens: rest")
XLSX_VALIDATION_KIND = "fiscal (overheidsgeld), economic (productiviteit, tijd) of social (welzijn)."
XLSX_VALIDATION_STAKEHOLDER = "Kies een belanghebbende uit het werkblad Belanghebbenden."
XLSX_VALIDATION_DIRECTION = "positief of negatief."

XLSX_CASE_HINTS = {
    "mkba": "formaatversie; altijd 1",
    "id": "kleine letters, cijfers en '-'",
    "title": "titel in rapporten",
    "description": "korte beschrijving (optioneel)",
    "start_year": "kalenderjaar van t = 0",
    "horizon": "aantal jaren (t = 0 .. horizon-1)",
    "price_year": "prijspeil (constante prijzen)",
    "discount_rate": "reële discontovoet als fractie, bijv. 0.0225 (2,25%), of een parameternaam",
    "optimism_bias.costs": "opslag op kosten (fractie), optioneel",
    "optimism_bias.benefits": "korting op baten (fractie), optioneel",
    "include": "andere YAML-bestanden met parameters en bronnen, gescheiden door ';' (optioneel)",
}

XLSX_EXPLANATION_TITLE = "Toelichting bij deze casuswerkmap (MKBA, formaat v1)"
XLSX_EXPLANATION_INTRO = (
    "Deze werkmap is een MKBA-casus, precies zoals een YAML-casusbestand: 'mkba validate casus.xlsx' controleert hem, "
    "'mkba run casus.xlsx' rekent hem door, 'mkba convert casus.xlsx casus.yaml' zet hem om.",
    "Rij 1 van elk werkblad bevat de kolomnamen (de veldnamen van het casusformaat); laat die staan. Eén waarde per cel, "
    "geen samengevoegde cellen. Lege rijen worden overgeslagen; extra werkbladen worden genegeerd.",
    "Formules mogen: hun berekende waarde telt. Getallen typt u als getal (niet als tekst). Lijsten staan in één cel, gescheiden door ';': "
    "'393; 581; trajecten' (per jaar) of '10; 20; 30' (waarden). In lijsten mag een decimaalpunt of -komma.",
    "Een hoeveelheid is een getal, een parameternaam, of een lijst met één waarde per jaar. Een lijst van één jaar eindigt op ';'.",
    "Verdelingen over belanghebbenden (payer, beneficiaries): één id (gemeente), of aandelen 'gemeente: 0.9; huishoudens: rest'.",
    "Scenario's: het werkblad Scenario's heeft per scenario een rij met bewerking 'scenario' (naam en beschrijving) en rijen "
    "'set' (parameter op een vast getal), 'scale' (parameter vermenigvuldigen) en 'drop' (post schrappen). Een nieuwe of "
    "vervangende verdeling staat op Parameters met scenario en bewerking (set/add); een toegevoegde kosten- of effectpost "
    "op Kosten of Effecten met de scenario-id in de kolom scenario.",
    "Foutmeldingen noemen de cel, bijv. 'casus.xlsx:Parameters!D12: ...'.",
)
XLSX_EXPLANATION_HEADERS = ("werkblad", "kolom", "uitleg")
XLSX_EXPLANATION_ROWS = (
    ("Case", "veld / waarde", "Eén rij per gegeven van de casus: mkba (altijd 1), id, title, description, start_year, horizon, "
     "price_year, discount_rate, optimism_bias.costs, optimism_bias.benefits, include. De kolom toelichting is alleen uitleg."),
    ("Bronnen", "bron", "Korte sleutel van een bron (bijv. evaluatie-2019); parameters en posten verwijzen ernaar in hun kolom source."),
    ("Bronnen", "omschrijving", "De volledige verwijzing."),
    ("Belanghebbenden", "id", "Korte id (kleine letters, cijfers, '-'), bijv. gemeente."),
    ("Belanghebbenden", "naam", "Naam in rapporten, bijv. Gemeente Steenwijkerland."),
    ("Parameters", "naam", "Parameternaam (letters, cijfers, '_'); kosten en effecten verwijzen ernaar."),
    ("Parameters", "label", "Leesbare naam in tabellen en figuren (optioneel)."),
    ("Parameters", "dist", "Verdeling: fixed (leeg laten mag bij een vaste waarde), uniform, triangular, pert, normal, "
     "lognormal, beta, gamma, discrete, empirical."),
    ("Parameters", "value", "Vaste waarde (dist fixed of leeg)."),
    ("Parameters", "min / mode / max", "uniform: min, max; triangular en pert: min, mode, max; normal: optionele afkapping; "
     "beta: optionele herschaling van [0, 1] naar [min, max]."),
    ("Parameters", "lambda", "pert: vormparameter (standaard 4)."),
    ("Parameters", "mean / sd", "normal, lognormal (op de gewone schaal), beta of gamma: gemiddelde en standaardafwijking."),
    ("Parameters", "alpha / beta", "beta: vormparameters."),
    ("Parameters", "successes / trials", "beta: aantal successen uit aantal waarnemingen (posterior bij een uniforme prior)."),
    ("Parameters", "shape / scale", "gamma: vorm en schaal."),
    ("Parameters", "values / probs", "discrete: waarden en hun kansen ('1; 2; 3' en '0.2; 0.5; 0.3'); empirical: alleen values."),
    ("Parameters", "file / column / order", "draws: trekkingen uit een bestand (CSV of parquet), de kolom, en resample of sequential."),
    ("Parameters", "base", "Basiswaarde voor de deterministische berekening (standaard: het gemiddelde)."),
    ("Parameters", "unit / source / note", "Eenheid, bron (sleutel uit Bronnen) en onderbouwing."),
    ("Parameters", "calibrated", "Optioneel: waarom en waarop deze waarde is gekalibreerd (gekozen om een bekende uitkomst "
     "na te bootsen). Rapporten zeggen het erbij wanneer zo'n waarde de uitkomst sterk bepaalt."),
    ("Parameters", "scenario / bewerking", "Leeg voor de basis. Anders: het scenario en 'set' (vervangt de parameter in dat "
     "scenario) of 'add' (nieuwe parameter voor dat scenario)."),
    ("Kosten", "id / label", "Unieke id van de post en de naam in rapporten."),
    ("Kosten", "amount", "Bedrag per jaar: getal, parameternaam of een lijst per jaar."),
    ("Kosten", "payer", "Wie betaalt: één belanghebbende of een verdeling."),
    ("Kosten", "years", "Optioneel: eerste en laatste jaar (t telt vanaf 0), bijv. '0; 4'."),
    ("Kosten", "category / source / note", "Optionele groepering, bron en toelichting."),
    ("Kosten", "scope / aandeel", "Optioneel: wat het bedrag dekt (organisatie of diensten) en, bij een budget van de hele "
     "organisatie, het deel dat bij de gemodelleerde diensten hoort (getal of parameter tussen 0 en 1)."),
    ("Kosten", "scenario", "Leeg voor de basis; anders voegt dat scenario deze post toe."),
    ("Effecten", "id / label / category", "Unieke id, naam in rapporten, groepering (vrije tekst)."),
    ("Effecten", "kind", "fiscal (overheidsgeld), economic (productiviteit, tijd) of social (welzijn)."),
    ("Effecten", "volume", "Aantal gevallen per jaar: getal, parameternaam of een lijst per jaar."),
    ("Effecten", "ramp_up", "Optioneel: vermenigvuldiger op het volume per jaar, '0.6; 0.9; 1'; de laatste waarde geldt daarna."),
    ("Effecten", "share", "Aandeel gevallen dat de uitkomst bereikt (0..1, standaard 1)."),
    ("Effecten", "deadweight / attribution / displacement", "Wat ook zonder interventie was gebeurd (standaard 0), het toe te "
     "rekenen deel (standaard 1), verdringing (standaard 0); fracties of parameternamen."),
    ("Effecten", "value", "Waarde in euro per uitkomst per jaar (negatief = nadeel)."),
    ("Effecten", "lag / persistence / drop_off", "Jaren tot de baat begint (standaard 0), jaren dat hij duurt (standaard 1), "
     "deel dat elk volgend jaar wegvalt (standaard 0)."),
    ("Effecten", "beneficiaries", "Wie de baat krijgt: één belanghebbende of een verdeling."),
    ("Effecten", "unit / source / note", "Eenheid van de uitkomst, bron en toelichting."),
    ("Effecten", "scenario", "Leeg voor de basis; anders voegt dat scenario dit effect toe."),
    ("Scenario's", "scenario", "Scenario-id (kleine letters, cijfers, '-'; 'baseline' is gereserveerd)."),
    ("Scenario's", "bewerking", "scenario: de rij met label, description, source en note van het scenario; set: zet parameter "
     "'naam' op het getal in 'waarde'; scale: vermenigvuldig parameter 'naam' met 'waarde' (getal of parameternaam); "
     "drop: schrap de kosten- of effectpost met id 'naam'."),
    ("Scenario's", "naam / waarde", "De parameter of post waar de bewerking op werkt, en het getal of de parameternaam."),
    ("Scenario's", "label / description / source / note", "Alleen in de rij 'scenario': naam, beschrijving, bron, toelichting."),
    ("Scenario's", "soort", "Alleen in de rij 'scenario': beleid (een keuze, standaard) of gevoeligheid (andere aannamen, "
     "naast de opties getoond maar nooit gerangschikt)."),
    ("PM-posten", "label / stakeholder / direction", "Effecten die tellen maar niet in geld zijn uitgedrukt: omschrijving, "
     "belanghebbende en richting (positief of negatief)."),
    ("PM-posten", "note / source", "Toelichting en bron."),
    ("Correlaties", "parameter_a / parameter_b / rho", "Rangcorrelatie (Spearman, tussen -1 en 1) tussen twee onzekere parameters."),
    ("Beperkingen", "beperking", "Eén zin per rij: wat het model niet meeneemt."),
    ("Groepen", "groep / parameter", "Benoemde groepen parameters (bijv. voor de waarde van informatie): één rij per lid."),
)

# -- Result workbooks (mkba run/compare --xlsx) ------------------------------------------------
XLSX_SHEET_SUMMARY = "Samenvatting"
XLSX_SHEET_STAKEHOLDERS = "Belanghebbenden"
XLSX_SHEET_LINES = "Posten"
XLSX_SHEET_YEARS = "Per jaar"
XLSX_SHEET_DECISION = "Beslissing"
XLSX_TITLE_RUN = "MKBA: {title}"
XLSX_TITLE_COMPARE = "Scenariovergelijking: {title}"
XLSX_TITLE_DECISION = "Welke optie is het beste? (perspectief: {who})"
XLSX_INFO_CASE = "Casus"
XLSX_INFO_OPTION = "Optie"
XLSX_INFO_DRAWS = "Trekkingen"
XLSX_INFO_SEED = "Seed"
XLSX_INFO_DESIGN = "Berekening"
XLSX_DETERMINISTIC = "deterministisch (alle parameters op hun basiswaarde)"
XLSX_INFO_RATE = "Discontovoet"
XLSX_INFO_YEARS = "Jaren"
XLSX_COL_METRIC = "Maatstaf"
XLSX_COL_OPTION = "Optie"
XLSX_STAT_HEADERS = ("Gemiddelde", "Standaardafwijking", "P5", "Mediaan", "P95", "Monte Carlo-fout")
XLSX_METRICS = {
    "npv": "Netto contante waarde",
    "pv_costs": "Kosten (contante waarde)",
    "pv_benefits": "Baten (contante waarde)",
    "bcr": "Baten/kosten-verhouding per trekking",
    "pv_fiscal": "Fiscale baten (contante waarde)",
    "pv_cut_off": "Baten na de horizon (niet meegeteld)",
    "bcr_of_means": "Baten/kosten-verhouding (verwacht)",
    "prob_npv_positive": "Kans dat de baten de kosten overtreffen",
}
XLSX_STAKEHOLDER_HEADERS = ("Belanghebbende", "Kosten (CW)", "Baten (CW)", "Netto (CW)", "Netto P5", "Netto P95",
                            "Fiscale baten", "Economische baten", "Sociale baten")
XLSX_LINE_COST = "kosten"
XLSX_LINE_EFFECT = "effect"
XLSX_KINDS = {"fiscal": "fiscaal", "economic": "economisch", "social": "sociaal"}
XLSX_LINE_HEADERS = ("Soort", "Post", "Categorie", "Type baat", "Contante waarde", "P5", "P95",
                     "Uitkomsten (gemiddeld)")
XLSX_YEAR_HEADERS = ("Jaar", "Kosten (gemiddeld, niet verdisconteerd)", "Baten (gemiddeld, niet verdisconteerd)", "Saldo")
XLSX_COMPARE_HEADERS = ("Optie", "Netto contante waarde", "NCW P5", "NCW P95", "Kosten (CW)", "Baten (CW)",
                        "Baten/kosten-verhouding", "Kans baten > kosten")
XLSX_SOCIETY = "de samenleving als geheel"
XLSX_DECISION_HEADERS = ("Optie", "Verwachte netto waarde", "Kans beste optie", "Verwacht verlies")
XLSX_EVPI = "Waarde van volledige informatie (EVPI)"
XLSX_CUT_HEADERS = ("Optie", "Bespaard budget (CW)", "Verloren baten (CW)", "Verandering NCW", "Verandering NCW P5",
                    "Verandering NCW P95")
XLSX_CUT_FUNDER = "Verandering netto {who}"
XLSX_COMPARE_STAKEHOLDER_HEADERS = ("Optie", "Belanghebbende", "Kosten (CW)", "Baten (CW)", "Netto (CW)",
                                    "Verandering netto t.o.v. basis")
XLSX_COMPARE_LINE_HEADERS = ("Optie", "Soort", "Post", "Contante waarde", "Uitkomsten (gemiddeld)")
XLSX_CONVERT_DIFFERS = ("{target} {name}: leest anders terug dan het origineel; een werkmap bewaart getallen met "
                        "16 significante cijfers (Excel toont er 15). Controleer dit onderdeel")
XLSX_INFO_OB_COSTS = "Optimism bias: opslag op de kosten"
XLSX_INFO_OB_BENEFITS = "Optimism bias: korting op de baten"
XLSX_PM_TITLE = "PM-posten: effecten die meetellen maar niet in geld zijn uitgedrukt"
XLSX_PM_HEADERS = ("PM-post", "Belanghebbende", "Richting", "Toelichting")

# -- mkba convert / --xlsx on the command line -------------------------------------------------
CONVERT_YAML_HEADER = "# MKBA-casus (formaat v1), geschreven door 'mkba convert'.\n"
CONVERT_DONE = "Omgezet: {source} → {target} (casus '{case}'). Controleer met: mkba validate {target}"
XLSX_WRITTEN = "Excel-tabellen geschreven: {path}"

# The workbook problems and usage errors above join the renderer's table (same codes as mkba.data_in.xlsx).
PROBLEM_TEXT.update(XLSX_MESSAGES)


# ---- issue 17: one definition per concept (words moved here from other modules) ----
# -- the run budget (mkba.faces.draw_limits)
SECONDS_UNKNOWN = "onbekend"
DURATION = {"seconds": "{n} seconden", "minutes": "{n} minuten", "hours": "{n} uur", "days": "{n} dagen"}
# -- help texts of the command line (mkba.faces.cli): key = the option alias, or command.parameter
CLI_HELP = {
    "app": "MKBA voor sociaal werk: maatschappelijke kosten en baten met onzekerheid.\n\nStart met 'mkba run parameters/de_kop.yaml' of maak een eigen casus met 'mkba init NAAM'.",
    "CaseArg": "Casusbestand (YAML, formaat v1) of Excel-werkmap (.xlsx) in het casussjabloon, bijv. parameters/de_kop.yaml.",
    "XlsxOpt": "Schrijf de uitkomsten ook als opgemaakte Excel-tabellen naar dit bestand (.xlsx).",
    "DrawsOpt": "Aantal Monte Carlo-trekkingen.",
    "SeedOpt": "Startwaarde van de toevalsgenerator (zelfde seed = zelfde getallen).",
    "JsonOpt": "Print één JSON-object (machineleesbaar) in plaats van tabellen.",
    "JaOpt": "Start ook boven de zachte grens voor --draws (zonder te vragen).",
    "ScenarioOpt": "Scenario-id uit de casus (standaard: de basis).",
    "run.design": "Steekproefontwerp: mc (Monte Carlo), lhs (Latin hypercube) of sobol.",
    "run.deterministic": "Eén berekening met alle parameters op hun basiswaarde.",
    "run.chunk_size": "Trekkingen per blok (geheugen); verandert geen uitkomst.",
    "compare.perspective": "'society' (standaard) of een belanghebbende uit de casus, bijv. gemeente.",
    "compare.curves": "Ook acceptatiecurves: kans-beste per gewicht van niet-fiscale baten en per discontovoet (trager).",
    "sensitivity.method": "tornado (P10/P90), breakeven (omslagwaarden), sobol (globaal, SALib) of morris (screening).",
    "sensitivity.output": "npv, bcr of net:BELANGHEBBENDE (bijv. net:gemeente).",
    "sensitivity.n": "Sobol: basissteekproeven N (macht van 2, standaard 1024); Morris: trajecten (standaard 100).",
    "sensitivity.target_bcr": "Breakeven: los op voor deze baten/kosten-verhouding, bijv. 1.2.",
    "sensitivity.versus": "Vergelijk met 'baseline' of een ander scenario: de uitkomst wordt het verschil (bij breakeven: waar de twee opties van plaats wisselen).",
    "report.all_options": "Een rapport voor de basis en elk scenario, plus de vergelijking.",
    "report.out": "Map voor rapporten; elke run komt in OUT/<casus>/<run>/.",
    "report.sobol_n": "Basissteekproeven voor de Sobol-indices (macht van 2).",
    "report.pdf": "Druk elke rapportpagina ook af als A4-PDF (headless Chromium), voor raadsstukken.",
    "vergelijk.cases": "Twee of meer casusbestanden, bijv. parameters/*.yaml.",
    "vergelijk.prijspeil": "Prijspeil (jaar) waarin alle bedragen komen; standaard het jongste van de casussen.",
    "vergelijk.out": "Map voor rapporten; de vergelijking komt in OUT/regio/<run>/.",
    "batch.design": "Steekproefontwerp: mc (Monte Carlo), lhs (Latin hypercube) of sobol.",
    "init.name": "Naam van de nieuwe casus (kleine letters, cijfers en '-'), bijv. 'mijn-gemeente'.",
    "init.out": "Bestand om te schrijven (standaard: NAAM.yaml, met --xlsx NAAM.xlsx).",
    "init.xlsx": "Schrijf het sjabloon als Excel-werkmap (met een werkblad Toelichting).",
    "init.voorbeeld": "Begin bij een meegeleverd voorbeeld in plaats van het sjabloon, bijv. de-kop.",
    "estimate_app": "Schat parameters uit data: substitutie uit registraties, vermeden cliënten uit een monitorreeks.",
    "OutOpt": "Schrijf een parametersbestand (YAML) dat een casus met include: gebruikt.",
    "estimate_registraties.file": "Registratie-export: CSV (komma, puntkomma of tab) of xlsx, één rij per traject.",
    "estimate_registraties.soort": "Alleen trajecten van deze soort, bijv. individueel.",
    "estimate_registraties.deels": "Gewicht van doel_bereikt = deels (standaard 0,5).",
    "estimate_registraties.blad": "Werkblad in een xlsx-bestand (standaard het eerste).",
    "estimate_registraties.kolommen": "YAML met 'naam_in_bestand: standaardnaam' om kolommen te hernoemen.",
    "estimate_monitor.file": "Monitorreeks: CSV met kolommen periode,voorziening,aantal (aantal mag '<10' zijn).",
    "estimate_monitor.vanaf": "Eerste periode met de verandering, bijv. 2023-Q1, 2023-03 of mrt-23.",
    "estimate_monitor.voorziening": "Alleen deze voorziening (standaard alle).",
    "estimate_monitor.vergelijking": "Vergelijkingsreeks (zelfde formaat) als controle.",
    "estimate_monitor.draws": "Trekkingen uit de onzekerheid van de coëfficiënten.",
    "convert.source": "Casusbestand om te lezen: .yaml of .xlsx.",
    "convert.target": "Bestand om te schrijven: .xlsx of .yaml (de soort volgt uit de extensie).",
    "convert.overwrite": "Overschrijf OUT als het al bestaat.",
}

# -- mkba report / mkba vergelijk: where the result is (mkba.faces.cli)
REPORT_READY = "Rapport klaar: {index}\nOpenen: xdg-open {index} (of open het bestand in een browser)"
COMPARISON_READY = "Vergelijking klaar: {index}\nOpenen: xdg-open {index} (of open het bestand in een browser)"

# -- figures of the data-in section (mkba.faces.plotting)
PLOT = {
    "pooled_interval": "90%-interval (gepoold)",
    "team_own": "eigen aandeel team",
    "pooled": "gepoolde schatting",
    "total": "totaal",
    "team_tick": "{team} ({n} trajecten)",
    "substitution_axis": "Aandeel trajecten met een maatwerkalternatief",
    "substitution_title": "Substitutie per team: eigen aandeel en gepoolde schatting",
    "without_band": "zonder verandering (90%-band)",
    "without": "zonder verandering",
    "model": "model",
    "observed": "waargenomen",
    "censored": "<10 (gecensureerd)",
    "from": "vanaf",
    "clients_axis": "Cliënten in zorg",
}

# -- mkba estimate: console tables and the header of the --out files (mkba.faces.estimates)
ESTIMATE_WORDS = {
    "reg_head": "[bold]Registraties[/bold] {file}: {rows} rijen, {used} gebruikt",
    "reg_soort": ", soort '{soort}'",
    "reg_dates": "; startdata {first} t/m {last}.",
    "excluded_head": "Uitgesloten rijen (niet stilzwijgend weggelaten):",
    "excluded_example": "rij {row}, kolom '{column}': {value}",
    "excluded_line": "  {reason}: {n} (bijv. {where})",
    "substitution_title": "Substitutie: aandeel trajecten met een maatwerkalternatief",
    "substitution_columns": ("", "Met maatwerk", "Met bekend alternatief", "Gemiddelde", "90%-interval"),
    "total": "Totaal",
    "start_year": "Startjaar {year}",
    "team": "Team {team} (gepoold)",
    "unknown_alternative": "Trajecten met alternatief 'onbekend' tellen niet mee in de noemer: {n}.",
    "volumes_title": "Volumes per startjaar en soort",
    "year": "Jaar",
    "goal": ("Doel bereikt (ja = 1, deels = {deels}): {mean} (90%-interval {p05} – {p95}; {n} trajecten met bekende "
             "uitkomst)."),
    "mon_head": "[bold]Monitor[/bold] {file}: {rows} rijen; verandering vanaf {vanaf}",
    "mon_comparison": "; vergelijkingsreeks {comparison}",
    "mon_columns": ("", "Gemiddelde", "90%-interval"),
    "level_change": "Niveausprong (factor)",
    "slope_change": "Trendbreuk (factor per jaar)",
    "avoided": "Vermeden cliënten {year} (gemiddeld in zorg)",
    "censored": " {n} cel(len) '<10' als gecensureerd behandeld.",
    "verdict": "Oordeel: {verdict}.",
    "skipped": "[yellow]Niet geschat[/yellow] {name}: {reason}.",
    "reg_header": ("Geschat met: {command}\nNiet met de hand aanpassen: opnieuw schatten als de data veranderen.\n"
                   "Gebruik in een casus: include: [<pad naar dit bestand>]"),
    "mon_header": ("Geschat met: {command}\nTrekkingen (gezamenlijk per rij): {draws}\n"
                   "Gebruik in een casus: include: [<pad naar dit bestand>]"),
    "avoided_unit": "cliënten in zorg (gemiddeld over het jaar)",
    "avoided_label": "Vermeden cliënten {name} {year} (monitor)",
}


def estimate_text(case, est: dict) -> str:
    """Markdown for the report: which data were used and excluded, and the posterior of each
    parameter (moved here from mkba.faces.report_data)."""
    lines = []
    if est.get("kind") == "registraties":
        period = est.get("period") or ["?", "?"]
        lines.append(f"**Bron:** registratie-export `{est['file']}` (SHA-256 `{est['sha256'][:16]}…`), "
                     f"startdata {period[0]} t/m {period[1]}"
                     + (f", soort *{est['soort']}*" if est.get("soort") else "") + ".")
        excluded = est.get("excluded") or {}
        dropped = "; ".join(f"{EXCLUSION_REASONS.get(r, r)}: {small(n)}" for r, n in excluded.items())
        lines.append(f"**Gebruikt:** {est['used']} van {est['rows']} rijen"
                     + (f"; uitgesloten (per reden): {dropped}." if dropped else "; geen rijen uitgesloten."))
        volumes = []
        for name in est["parameters"]:
            spec = case.parameters.get(name)
            if spec is None:
                continue
            if spec.family != "beta":
                volumes.append(f"{case.label_of(name)}: {nl_number(spec.base_value, 0)}")
                continue
            a, b = spec.shape
            lo, hi = spec.quantile(0.05), spec.quantile(0.95)
            shape = f"Beta({nl_number(a, 1)}; {nl_number(b, 1)})"
            lines.append(f"**{case.label_of(name)}:** posterior {shape}, gemiddelde {nl_percent(spec.mean, 1)} "
                         f"(90%-interval {nl_percent(lo, 1)} – {nl_percent(hi, 1)}); uniforme prior, "
                         "dus de data bepalen de verdeling vrijwel geheel.")
        if volumes:
            lines.append("**Volumes uit dezelfde export** (alleen volledige jaren): " + "; ".join(volumes) + ".")
        partial = est.get("partial_years") or []
        if partial:
            lines.append(f"Deels gemeten jaren ({', '.join(map(str, partial))}): {PARTIAL_YEAR}.")
        pooling = est.get("pooling")
        if pooling:
            differ = pooling["p_value"] < 0.05
            lines.append(("De teams verschillen meer dan toeval verklaart" if differ else
                          "De verschillen tussen teams passen binnen toeval")
                         + f" (chi-kwadraattoets, p = {nl_number(pooling['p_value'], 3)}); de figuur toont hoe de "
                         "teamschattingen naar het totaal worden getrokken (partiële pooling, beta-binomiaal).")
    elif est.get("kind") == "monitor":
        lines.append(f"**Bron:** monitorreeks `{est['file']}` (SHA-256 `{est['sha256'][:16]}…`), {est['rows']} rijen; "
                     f"verandering vanaf {est['vanaf']}. Cellen '<10' zijn als gecensureerd in [0, 9] behandeld.")
        for v, s in (est.get("series") or {}).items():
            lc = s["level_change"]
            lines.append(f"**{v}** ({METHODS.get(s['method'], s['method'])}): niveausprong × {nl_number(lc['mean'], 3)} "
                         f"(90%-interval {nl_number(lc['p05'], 3)} – {nl_number(lc['p95'], 3)}). "
                         f"Oordeel: {VERDICTS.get(s['verdict'], s['verdict'])}.")
        for v, reason in (est.get("skipped") or {}).items():
            lines.append(f"Niet geschat: {v} ({SKIP_REASONS.get(reason, reason)}).")
    return "\n\n".join(lines)



# -- mkba vergelijk: the index page of a regional comparison (mkba.faces.regional_report)
REGIONAL_INDEX_HTML = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Regionale vergelijking — {run_id}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:900px;margin:2rem auto;padding:0 1rem;line-height:1.5}}
td,th{{padding:.2rem .6rem;text-align:left}} code{{background:#f3f3f3;padding:0 .2rem}}</style></head>
<body>
<h1>Regionale vergelijking sociaal werk</h1>
<p><a href="regionale_vergelijking.html"><strong>Open het rapport</strong></a> — lees de kanttekeningen: de casussen
verschillen in jaren, afbakening en meetbaarheid; dit is geen ranglijst.</p>
<table><tr><th>Organisatie</th><th>Periode</th><th>Baten per euro</th><th>Kans baten &gt; kosten</th></tr>
{rows}
</table>
<h2>Bestanden</h2>
<ul>
{files}
</ul>
<p>Run <code>{run_id}</code> — {draws} trekkingen per casus, seed {seed},
prijspeil {price_year}, mkba {version}, gemaakt {finished}.</p>
</body></html>
"""

# -- errors the core and the command line raise as codes with their numbers (rendered by
#    render_problem_text; the English message stays the plain fallback for Python users)
CLI_ERROR_TEXT.update({
    "core.seed": "seed moet een geheel getal ≥ 0 zijn (nu: {got})",
    "core.draws": "het aantal trekkingen moet een geheel getal ≥ 1 zijn (nu: {got})",
    "core.workers": "het aantal processen (workers) moet een geheel getal ≥ 1 zijn (nu: {got})",
    "core.chunk_size": "de blokgrootte (chunk_size) moet een geheel getal ≥ 1 zijn (nu: {got})",
    "core.design": CLI_ERROR_TEXT["cli.unknown_design"],
    "core.no_options": "er is niets door te rekenen: geef minstens één optie (basis of scenario)",
    "core.draw_range": "trekkingen [{start}, {stop}) vallen buiten [0, {draws})",
    "core.no_output": "onbekende uitkomst '{name}'; bekend: {known}",
    "core.block_twice": "trekkingen [{start}, {stop}) kwamen twee keer binnen",
    "core.block_option": "trekkingen [{start}, {stop}) kwamen binnen zonder optie '{option}'",
    "core.blocks_incomplete": "de blokken dekken {covered} van de {draws} trekkingen",
    "core.correlated_unsampled": "gecorreleerde parameters worden niet getrokken: {names}",
    "report.notebook_missing": "notebook {path} ontbreekt",
    "cli.evppi_draws": EVPPI_ERRORS["draws"],
    **{f"cli.evppi_{reason}": text for reason, text in EVPPI_ERRORS.items() if reason != "draws"},
    "cli.batch_no_cases": BATCH_NO_CASES,
    "cli.batch_workers_scheduler": BATCH_WORKERS_WITH_SCHEDULER,
    "cli.batch_connect": BATCH_CONNECT_FAILED,
    "cli.init_unknown_example": INIT_UNKNOWN_EXAMPLE,
})

# -- short lines of the command line (mkba.faces.cli)
VALIDATE_OK = ("[green]OK[/green] {file}: casus '{id}', {parameters} parameters ({uncertain} onzeker), {costs} kostenposten, "
               "{effects} effecten, {scenarios} scenario's.")
PROGRESS = {"run": "Simuleren", "compare": "Scenario's simuleren"}
INIT_TEMPLATE_WRITTEN = "Sjabloon geschreven: {target}\nVolgende stap: mkba validate {target} && mkba run {target}"
ESTIMATE_WORDS.update({
    "written_registrations": "Parameters geschreven: {out} (gebruik in een casus: include: [{name}])",
    "written_monitor": "Parameters geschreven: {out}; trekkingen: {draws}",
})

# -- help of each command (the first sentence is its line in `mkba --help`)
CLI_HELP.update({
    "cmd.validate": "Controleer een casusbestand en meld alle problemen tegelijk (bestand:regel pad: wat er mis is).",
    "cmd.run": "Bereken kosten, baten, netto contante waarde en baten/kosten-verhouding, met onzekerheid.",
    "cmd.compare": "Vergelijk de basis met alle scenario's op dezelfde trekkingen: besparing, verloren baten, wie het draagt, kans-beste en EVPI.",
    "cmd.sensitivity": "Welke aannames sturen de uitkomst, en hoe ver mogen ze bewegen voordat de conclusie omslaat?",
    "cmd.report": "Maak een bestuursrapport (HTML, Nederlands) met papermill: samenvatting, grafieken, gevoeligheid, scenario's, aannames en herkomst.",
    "cmd.vergelijk": "Zet organisaties naast elkaar (regionale vergelijking, HTML): baten per euro, netto contante waarde, wie profiteert, wat de uitkomst drijft, met de kanttekeningen.",
    "cmd.init": "Schrijf een gedocumenteerd sjabloon (of een meegeleverd voorbeeld) voor een nieuwe casus dat direct valideert en draait.",
    "cmd.estimate_registraties": "Substitutie (bèta-posterior), teams met partiële pooling, volumes en doel bereikt uit een registratie-export.",
    "cmd.estimate_monitor": "Onderbroken tijdreeks (Poisson/negatief-binomiaal): niveausprong, trendbreuk en vermeden cliënten per jaar.",
    "cmd.convert": "Zet een casus om tussen YAML en Excel (beide kanten op, zonder verlies): de casus wordt eerst gecontroleerd.",
})
