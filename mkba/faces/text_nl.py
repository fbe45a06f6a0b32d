"""Every Dutch word a user reads: labels, sentences, category names, messages (DESIGN §1).

The core and the analyses return data and codes; the faces (CLI, console tables, reports,
Excel, PDF) turn them into Dutch here, so wording is consistent and easy to change in one place.
Sections below keep each face's words together.

Section index (search for the heading; each table is defined ONCE, as one literal):

- Common words: stakeholder kinds, option labels and headings (``option_label``, ``KIND_NL``).
- Validation and input messages: ``PROBLEM_TEXT`` (code -> Dutch for every core/data-in Problem;
  the data-in section's ``DATA_IN_PROBLEMS`` and the workbook's ``XLSX_MESSAGES`` are merged into
  it where they are defined), ``render_problem`` / ``render_problem_text``, YAML's own words.
- Command line: ``CLI_ERROR_TEXT`` (code -> Dutch for every UsageError/MkbaError of the core,
  analyses, data-in and the CLI: co-financing, what-if/verken, EVSI, ITS, core, --evppi, batch,
  init), Typer's help frame, batch and init lines.
- Console tables and reports: numbers and distributions in words, sensitivity labels and notes,
  console tables, board summary, balance/PM-posten/limitations, comparison, provenance, PDF, index.
- Data in: ``DATA_ERRORS``, ``METHODS``, exclusion/skip reasons, estimate labels, pooling notes.
- Value of information: EVPPI words.
- Excel and PDF: reading a case workbook, writing one (``XLSX_CASE_HINTS``,
  ``XLSX_EXPLANATION_ROWS`` = the Toelichting sheet, in its order), result workbooks, convert.
- Per-feature blocks, appended in merge order (``# ---- issue NN: <topic> ----``): 20 co-financing,
  21 value bank/calibration/optimism per line, 18 the brief and council PDFs, 19 what-if and
  verken, 22 EVSI/ITS/synthetic data, 23 small counts and OS errors, 17 words moved in from other
  modules (``CLI_HELP``, ``ESTIMATE_WORDS``, plotting, regional report, CLI lines, face labels, and
  the notebooks' own lines: ``NOTEBOOK`` for the report notebooks, ``REGIONAL_NB`` for mkba vergelijk).
  A feature's error codes live in ``CLI_ERROR_TEXT`` / ``PROBLEM_TEXT`` / ``DATA_ERRORS`` above,
  not in its block.
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
    "scenario.drop_unknown": "geen kosten- of effectpost met id '{id}' (en geen PM-post) om te laten vallen; ids: {known}",
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
    "bank.invalid": "ongeldige waarde in de waardenbank: {detail}",
    "bank.missing": ("'{field}' ontbreekt: elke waarde in de waardenbank noemt label, eenheid, prijspeil, methode, "
                     "toelichting en bron"),
    "bank.excerpt_without_source": "een waarde zonder bron (source: geen) heeft geen citaat (excerpt); laat het weg",
    "bank.assumption_unsaid": ("een waarde zonder bron zegt in haar toelichting (note) dat ze een aanname is: "
                               "schrijf er {word} in"),
    "bank.no_excerpt": "'excerpt' ontbreekt: de woorden van de bron met het getal, letterlijk",
    "bank.excerpt_long": "het citaat (excerpt) telt {words} woorden; hooguit {maximum}",
    "bank.geen": "de bron 'geen' moet luiden: '{text}'",
    "unitcost.not_scalable": "een '{dist}'-parameter kan niet met een prijsfactor geïndexeerd worden; geef de bedragen zelf",
    "unitcost.unknown": "onbekende kostprijs: {names}; bekend: {known}",
    "regio.too_few": "een regionale vergelijking heeft minstens {minimum} casusbestanden nodig",
    "regio.twice": "een casus staat er twee keer in: {cases}",
    "regio.no_price_year": ("casus zonder price_year: {cases}; de vergelijking rekent alle bedragen om naar één "
                            "prijspeil en heeft dat van elke casus nodig"),
    "regio.no_data": "het notebook heeft vergelijking.json niet geschreven",
    "pm.id_is_line": "id '{id}' is al de id van een kosten- of effectpost; 'drop' noemt beide, dus geef de PM-post "
                     "een andere id",
    "pm.id_twice": "id '{id}' is al de id van een andere PM-post; ids moeten uniek zijn",
    "pm.effect_unknown": "geen effectpost met id '{id}' (in de casus of een scenario); effecten: {known}",
    "shape.report": "moet een mapping zijn, bijv. {{target_bcr: 1.2}}",
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
    if code in ("file.unreadable", "cli.out_unusable") and values.get("reason") in OS_REASONS:
        values["reason"] = OS_REASONS[values["reason"]]  # an errno name (issue 23): Dutch, not English
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

UNKNOWN_DESIGN = "onbekend steekproefontwerp '{design}'; kies een van: {known}"
# Usage errors raised with a code (core, analysis, data-in and CLI): code -> Dutch template of its params,
# rendered like PROBLEM_TEXT (render_problem_text); the English message stays the plain fallback.
CLI_ERROR_TEXT: dict[str, str] = {
    "cli.not_finite": "{option} {value} is geen eindig getal; geef bijv. {example}",
    "cli.compare_min_draws": ("een vergelijking heeft minstens {minimum} trekkingen nodig (nu: {draws}): kansen en "
                              "EVPI uit minder trekkingen zeggen niets; gebruik bijv. --draws 10000"),
    "cli.unknown_design": UNKNOWN_DESIGN,
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
    # -- co-financing (mkba verdeel, issue 20)
    "analysis.cofinancing_scenario_unknown": "--scenario {scenario}: onbekende optie in casus '{case}'; kies uit: {known}",
    "analysis.cofinancing_not_option": ("--scenario {scenario}: '{label}' is een gevoeligheidsscenario (soort: "
                                        "gevoeligheid), geen optie; kosten worden alleen voor opties verdeeld. Kies "
                                        "uit: {known}"),
    "analysis.cofinancing_certainty": ("--zekerheid {value}: kies een kans tussen 0 en 1 (niet 0 of 1 zelf), bijv. "
                                       "--zekerheid 0.8 voor 80%"),
    "analysis.cofinancing_min_draws": ("een kostenverdeling heeft minstens {minimum} trekkingen nodig (nu: {draws}); "
                                       "gebruik bijv. --draws 10000"),
    "analysis.cofinancing_no_payers": "--betalers is leeg; noem minstens één betaler, bijv. uit: {known}",
    "analysis.cofinancing_payer_twice": "--betalers: '{payer}' staat er twee keer in; noem elke betaler één keer",
    "analysis.cofinancing_payer_unknown": ("--betalers: '{payer}' is geen belanghebbende van casus '{case}'; kies uit: "
                                           "{known}"),
    "analysis.cofinancing_payer_no_money": ("--betalers: {label} ('{payer}') krijgt in optie '{option}' geen geldbaten "
                                            "(geen effect met kind: fiscal) en kan dus niets terugverdienen; betalers "
                                            "met geldbaten: {known}"),
    "analysis.cofinancing_payer_loses": ("--betalers: {label} ('{payer}') verliest in optie '{option}' per saldo geld "
                                         "(geldbaten gemiddeld € {amount}); laat deze betaler weg"),
    "analysis.cofinancing_no_money": ("optie '{option}' van casus '{case}' levert niemand geldbaten op (geen effect met "
                                      "kind: fiscal en een positieve verwachting); er valt niets te verdelen"),
    "analysis.cofinancing_no_costs": "optie '{option}' heeft geen positieve kosten (gemiddeld € {cost}); er valt niets te verdelen",
    # -- what if (--set, --discontovoet) and mkba verken (issue 19)
    "analysis.set_syntax": "--set {text}: schrijf NAAM=WAARDE, bijv. --set substitutie=0.25",
    "analysis.set_not_number": "{option}: '{value}' is geen getal; schrijf bijv. 0.25 of 250000",
    "analysis.set_not_finite": "{option}: '{value}' is geen eindig getal; geef een gewone waarde, bijv. 0.25",
    "analysis.set_unknown": ("--set {name}: de casus ({file}) heeft geen parameter met die naam; kies uit: {known}"),
    "analysis.set_outside": ("--set {name}={value}: buiten het bereik van '{label}' ({file}, parameters.{name}): "
                       "kies een waarde van {low} tot en met {high}"),
    "analysis.set_discount_rate": "--discontovoet {value}: kies een discontovoet van {low} tot en met {high}, bijv. 0.03",
    "verken.host_token": ("--host {host}: buiten deze computer is de pagina voor iedereen op het netwerk bereikbaar; "
                          "start met --token CODE (elke aanvraag moet die code dan meesturen), of laat --host weg"),
    "verken.bad_port": "--port {port}: kies een poort van 1 tot en met 65535",
    "verken.port_busy": "poort {port} op {host} is al in gebruik of niet beschikbaar ({reason}); kies een andere met --port",
    "verken.bad_token": "--token: gebruik minstens 8 tekens (letters, cijfers, '-' of '_')",
    "verken.draws": "draws {draws}: kies 1 tot en met {maximum} trekkingen",
    "verken.compare_draws": "een vergelijking vraagt {minimum} tot en met {maximum} trekkingen (nu: {draws})",
    "verken.seed": "seed {seed}: kies een geheel getal van 0 tot en met {maximum}",
    "verken.integer": "{name} '{value}' is geen geheel getal",
    "verken.unknown_query": "onbekende vraag '{name}' in het adres; bekend: {known}",
    "verken.repeated": "'{name}' staat meer dan één keer in het adres",
    "verken.too_many_set": "te veel vastgezette aannames ({n}); hoogstens {maximum}",
    "verken.scenario": "onbekende optie '{scenario}'; kies uit: {known}",
    "verken.perspective": "onbekend perspectief '{perspective}'; kies uit: {known}",
    "verken.kind": "soort '{kind}': kies beleid of gevoeligheid",
    "verken.name": "naam '{name}': gebruik kleine letters, cijfers en '-' (hoogstens 40 tekens)",
    # -- EVSI options (--evsi, --kosten-per-waarneming, --populatie; issue 22)
    "evsi.format": "--evsi '{spec}': schrijf NAAM:N (bijv. substitutie:200) of NAAM:N:SD voor een normale aanname",
    "evsi.n_integer": "--evsi '{spec}': het aantal waarnemingen '{value}' is geen geheel getal; schrijf bijv. substitutie:200",
    "evsi.n_range": "--evsi '{spec}': het aantal waarnemingen moet tussen 1 en {maximum} liggen (nu {value})",
    "evsi.sd": "--evsi '{spec}': de standaardafwijking '{value}' van één waarneming moet een getal > 0 zijn (bijv. 1500 of 0,5)",
    "evsi.sd_missing": ("--evsi '{spec}': deze aanname ({family}) is geen aandeel tussen 0 en 1, dus geen telling van "
                   "registraties; geef de standaardafwijking van één waarneming: NAAM:N:SD"),
    "evsi.unknown": "--evsi '{spec}': geen parameter van deze casus; kies een onzekere parameter: {known}",
    "evsi.fixed": "--evsi '{spec}': deze parameter heeft een vaste waarde (geen onzekerheid), dus geen informatiewaarde; kies uit: {known}",
    "evsi.family": "--evsi '{spec}': een aanname met verdeling '{family}' kan (nog) niet door waarnemingen worden bijgeleerd",
    "evsi.draws": "--evsi: te weinig trekkingen ({draws}); de schatting heeft er minstens {minimum} nodig (bijv. --draws 10000)",
    "evsi.cost": "--kosten-per-waarneming {value}: geef een bedrag ≥ 0 in euro's (bijv. 150 of 150,50)",
    "evsi.population": "--populatie {value}: geef een aantal > 0 (bijv. 1 of 12)",
    "evsi.needs_evsi": "{option} hoort bij --evsi NAAM:N; geef ook --evsi",
    "evsi.one_parameter": "EVSI gaat over één aanname tegelijk",
    # -- ITS options of mkba estimate monitor (issue 22)
    "its.seizoen": "--seizoen '{value}': geef een aantal paren K (bijv. 2), 'maand' of 'kwartaal'",
    "its.model": "--model '{value}': kies niveau of niveau+trend",
    "its.overdispersie": "--overdispersie '{value}': kies auto, quasipoisson of negbin",
    # -- the core's own checks, the report, --evppi, batch and init (issue 17)
    "core.seed": "seed moet een geheel getal ≥ 0 zijn (nu: {got})",
    "core.draws": "het aantal trekkingen moet een geheel getal ≥ 1 zijn (nu: {got})",
    "core.workers": "het aantal processen (workers) moet een geheel getal ≥ 1 zijn (nu: {got})",
    "core.chunk_size": "de blokgrootte (chunk_size) moet een geheel getal ≥ 1 zijn (nu: {got})",
    "core.design": UNKNOWN_DESIGN,
    "core.no_options": "er is niets door te rekenen: geef minstens één optie (basis of scenario)",
    "core.draw_range": "trekkingen [{start}, {stop}) vallen buiten [0, {draws})",
    "core.no_output": "onbekende uitkomst '{name}'; bekend: {known}",
    "core.block_twice": "trekkingen [{start}, {stop}) kwamen twee keer binnen",
    "core.block_option": "trekkingen [{start}, {stop}) kwamen binnen zonder optie '{option}'",
    "core.blocks_incomplete": "de blokken dekken {covered} van de {draws} trekkingen",
    "core.correlated_unsampled": "gecorreleerde parameters worden niet getrokken: {names}",
    "report.notebook_missing": "notebook {path} ontbreekt",
    "cli.evppi_unknown": "--evppi: '{name}' is geen onzekere parameter of groep van deze casus; kies uit: {known}",
    "cli.evppi_fixed": "--evppi: '{name}' heeft een vaste waarde (geen onzekerheid), dus geen informatiewaarde; "
                   "kies een onzekere parameter: {known}",
    "cli.evppi_too_many": "--evppi: de groep '{name}' heeft meer dan 5 parameters; splits haar in kleinere groepen",
    "cli.evppi_empty": "--evppi: lege waarde; geef een parameter, een groep of 'alle'",
    "cli.evppi_draws": "--evppi: te weinig trekkingen ({draws}); de schatting heeft er minstens {minimum} nodig (bijv. --draws 10000)",
    "cli.batch_no_cases": "geef minstens één casusbestand",
    "cli.batch_workers_scheduler": "--workers hoort bij een lokaal cluster; met --scheduler bepaalt het cluster zelf het aantal workers",
    "cli.batch_connect": "kan de Dask-scheduler {adres} niet bereiken: {reden}",
    "cli.init_unknown_example": "onbekend voorbeeld '{naam}'; meegeleverde voorbeelden: {bekend}",
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
BATCH_LOAD_FAILED = "casus kon niet worden geladen: {reden}"
BATCH_RUN_FAILED = "scenario '{scenario}' kon niet worden doorgerekend: {reden}"
BATCH_UNKNOWN_SCENARIO = "scenario '{scenario}' bestaat niet in casus '{casus}'; kies uit: {bekend}"
BATCH_DUPLICATE_ID = "casus-id '{casus}' komt ook voor in {eerder}; elke casus in een batch heeft een eigen id nodig"
BATCH_WORKER_LOST = "de berekening op het cluster is afgebroken: {reden}"
INIT_EXAMPLE_WRITTEN = ("Voorbeeld '{voorbeeld}' geschreven: {doel}\n"
                        "Volgende stap: mkba validate {doel} && mkba run {doel} (of mkba report {doel})")


# ============================================================================================
# Console tables and reports
# ============================================================================================
# --- numbers in words ------------------------------------------------------------------------


def _decimals(x: float) -> int:
    if float(x).is_integer() or abs(x) >= 1000:  # no cents on thousands ('min 1.034,40' from a value bank)
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
        base = (nl_number(d["base_output"], 2) if d["output"] == "bcr" else nl_eur_short(d["base_output"]))
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
    rest = "; de rest komt bij anderen terecht" if not money_above(fiscal_ratio, ratio) else ""  # issue 18
    return (f"Voor {who} zelf: elke geïnvesteerde euro levert naar verwachting {nl_eur(ratio, 2)} op "
            f"(90%-interval {nl_eur(p05, 2)} – {nl_eur(p95, 2)}), waarvan {nl_eur(fiscal_ratio, 2)} in geld "
            f"(fiscale baten: vermeden uitgaven){rest}. Kans dat de eigen baten de kosten "
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
            f"verhouding {nl_number(mcse_ratio, 4)} en van de netto contante waarde {nl_eur_short(mcse_npv)}."
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


def least_harmful(noun: str, who: str, label: str, gain: bool = False) -> str:
    """The option that does best for ``who``; with ``gain`` (it beats the baseline) said plainly,
    never 'least harmful' beside a gain (issue 18)."""
    if gain:
        return f"Beste {noun} voor {who}: {label}; {who} gaat er naar verwachting op vooruit ten opzichte van de basis."
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
    "bad_period": ("periode '{value}' niet herkend; gebruik 2022-Q1, 2022-03, mrt-22 of een CBS-code "
                   "(2022KW01, 2022MM03, 2022JJ00)"),
    "bad_count": "aantal '{value}' is geen geheel getal ≥ 0 of '<10'",
    "duplicate_period": "periode '{value}' komt twee keer voor bij dezelfde voorziening",
    "bad_vanaf": "--vanaf '{value}' niet herkend; gebruik 2023-Q1, 2023-03 of mrt-23",
    "unknown_voorziening": "geen voorziening '{value}'; voorzieningen in het bestand: {known}",
    "comparison_mismatch": "de vergelijkingsreeks mist perioden (of heeft 0) die '{voorziening}' wel heeft",
    "too_short": ("te weinig perioden voor '{voorziening}': {before} vóór en {after} vanaf --vanaf "
                  "(minstens 3 ervoor en 2 erna nodig)"),
    "not_estimable": "geen enkele reeks is te schatten: {skipped}",
    "bad_kolommen": "--kolommen moet een YAML-bestand zijn met 'naam_in_bestand: standaardnaam'",
    "bad_exposure": "blootstelling '{value}' is geen getal > 0 (bijv. 12.345 inwoners of 1234,5)",
    "ambiguous_exposure": ("'{value}' is dubbelzinnig: {thousands} (punt als duizendtal) of {decimal} (punt als "
                           "decimaalteken)? Schrijf {thousands} zonder punt, of de decimaal met een komma ({decimal})"),
    "season_period": ("--seizoen {season}: past niet bij deze perioden (seizoen vraagt maanden of kwartalen; 'maand' "
                      "vraagt maanden)"),
    "season_k": "--seizoen {k}: hooguit {maximum} paren bij een periode van {period} (K ≤ periode/2)",
    "bad_model": "--model '{value}': kies uit {known}",
    "bad_overdispersion": "--overdispersie '{value}': kies uit {known}",
    "too_few_to_publish": ("minder dan {threshold} trajecten met een bekend alternatief: een aandeel "
                           "hieruit zou de aantallen prijsgeven (AVG). Gebruik meer data (bijv. meer "
                           "jaren), of --geen-onderdrukking in een eigen beveiligde omgeving"),
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
    "quasi-poisson": "quasi-Poisson (Poisson-GLM, standaardfouten geschaald met de spreiding)",
    "quasi-poisson+censored": "quasi-Poisson met <10 als gecensureerd in [0, 9] (maximum likelihood)",
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


def small(n: int | str, suppress: bool = True) -> str:
    """A count from person-level data: below 10 shown as ``<10`` (AVG; the rule of
    :mod:`mkba.data_in.disclosure`; ``suppress=False`` only for ``--geen-onderdrukking``); a count
    already written for output (``<10``, a band ``130-139``) passes as it is."""
    from mkba.data_in.disclosure import count

    return n.replace("-", "–") if isinstance(n, str) else str(count(n, suppress))


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
    "report.target_bcr": ("streefwaarde voor de baten/kosten-verhouding in rapporten (bijv. 1.2), "
                          "optioneel; leeg = geen streefwaarde"),
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
    ("Case", "report.target_bcr", "Optioneel: de streefwaarde voor de baten/kosten-verhouding die rapporten tonen "
     "(omslagwaarden bij die verhouding). Leeg: rapporten tonen geen streefwaarde."),
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
     "drop: schrap de kosten- of effectpost of de PM-post met id 'naam'."),
    ("Scenario's", "naam / waarde", "De parameter of post waar de bewerking op werkt, en het getal of de parameternaam."),
    ("Scenario's", "label / description / source / note", "Alleen in de rij 'scenario': naam, beschrijving, bron, toelichting."),
    ("Scenario's", "soort", "Alleen in de rij 'scenario': beleid (een keuze, standaard) of gevoeligheid (andere aannamen, "
     "naast de opties getoond maar nooit gerangschikt)."),
    ("PM-posten", "label / stakeholder / direction", "Effecten die tellen maar niet in geld zijn uitgedrukt: omschrijving, "
     "belanghebbende en richting (positief of negatief)."),
    ("PM-posten", "note / source", "Toelichting en bron."),
    ("PM-posten", "id", "Optioneel: korte id (kleine letters, cijfers, '-'), anders dan die van kosten- en effectposten. "
     "Een scenario laat de PM-post vallen met een rij 'drop' op Scenario's met deze id als naam."),
    ("PM-posten", "effect", "Optioneel: de id van de effectpost die deze PM-post beschrijft. 'mkba validate' waarschuwt "
     "als een optie dat effect in geld waardeert én deze PM-post noemt."),
    ("PM-posten", "scenario", "Leeg voor de basis; anders voegt dat scenario deze PM-post toe (alleen in die optie)."),
    ("Correlaties", "parameter_a / parameter_b / rho", "Rangcorrelatie (Spearman, tussen -1 en 1) tussen twee onzekere parameters."),
    ("Beperkingen", "beperking", "Eén zin per rij: wat het model niet meeneemt."),
    ("Groepen", "groep / parameter", "Benoemde groepen parameters (bijv. voor de waarde van informatie): één rij per lid."),
    ("Groepen", "label", "Optioneel, op één rij van de groep: de naam van de groep in rapporten (bijv. 'Onderzoek: "
     "gevolgen van stoppen met outreach')."),
    # issue 21's fields (value bank, optimism bias per line), appended after the rest (order kept)
    ("Parameters", "price_year", "Optioneel: prijspeil van een bedrag (jaar). Een ingevoegd bedrag (include) met een ander "
     "prijspeil wordt met de CBS-CPI naar het prijspeil van de casus gebracht."),
    ("Parameters", "method", "Optioneel, bij een gewaardeerde uitkomst: market_price (marktprijs), avoided_cost (vermeden "
     "kosten), wellbeing (welzijnswaardering, WELLBY) of willingness_to_pay (betalingsbereidheid)."),
    ("Parameters", "excerpt", "Optioneel: de woorden van de bron met het getal, letterlijk (hoogstens 30 woorden)."),
    ("Parameters", "deadweight", "Optioneel: het deel dat volgens de bron ook zonder interventie gebeurt (0..1); "
     "ter informatie, de casus past het toe op de effectpost."),
    ("Parameters", "overdraagbaarheid", "Optioneel: de waarde komt uit een ander land of een andere context; hoe, en "
     "waarom de bandbreedte daarom breder is. Rapporten noemen zulke waarden bij de beperkingen."),
    ("Kosten", "optimism_bias", "Optioneel: opslag voor optimisme op deze post (fractie), in plaats van die van de casus; "
     "bijv. 0,04 op investeringen en 0 op de kosten van risicobeheersing (Green Book)."),
    ("Effecten", "optimism_bias", "Optioneel: korting voor optimisme op de baten van deze post (fractie), in plaats van "
     "die van de casus of de standaard bij de bewijskracht."),
    ("Effecten", "evidence", "Optioneel: bewijskracht 1 (sterk) tot 5 (aanname); zet een standaardkorting op de baten: "
     "1: 0%, 2: 10%, 3: 20%, 4: 30%, 5: 40% (een gedocumenteerde aanname)."),
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


# ---- issue 20: co-financing (mkba verdeel, DESIGN §18) ----
VERDEEL_HELP = ("Wie zou moeten meebetalen? Verdeel de kosten van een optie over de partijen die er geld aan "
                "overhouden (fiscale baten), met de kans dat elke bijdrage zich terugverdient.")
VERDEEL_SCENARIO_HELP = "Scenario-id van een optie (standaard: de basis); geen gevoeligheidsscenario."
VERDEEL_ZEKERHEID_HELP = ("Gevraagde zekerheid, tussen 0 en 1 (standaard 0.8): met minstens deze kans verdient de "
                          "bijdrage van elke betaler zich in geld terug.")
VERDEEL_BETALERS_HELP = ("Betalers, gescheiden door komma's, bijv. gemeente,zorgverzekeraars (standaard: elke "
                         "belanghebbende met geldbaten, dus fiscale baten, in deze optie).")
VERDEEL_TITLE = "Wie zou moeten meebetalen?"
VERDEEL_PROGRESS = "Simuleren"
VERDEEL_HEAD = "{title} — {option} — {draws} trekkingen, seed {seed}"
VERDEEL_COST = "Kosten (contante waarde {first}–{last}, discontovoet {rate}): {cost}"
VERDEEL_COST_RANGE = "{mean} (90%-interval {p05} – {p95})"
VERDEEL_CERTAINTY = ("Gevraagde zekerheid: {certainty}: een bijdrage 'verdient zich terug' als de geldbaten van de "
                     "betaler minstens zo groot zijn als zijn bijdrage.")
VERDEEL_TABLE_TITLE = "Per betaler (contante waarde; geldbaten = fiscale baten: vermeden uitgaven in het eigen budget)"
VERDEEL_COLUMNS = ("Betaler", "Geldbaten (gem.)", "90%-interval", "Aandeel geldbaten", "Bijdrage naar rato",
                   "Kans terugverdiend", "Hoogste bijdrage ({certainty} zeker)", "Verdeling ({certainty} zeker)")
VERDEEL_TOTAL = "Samen"
VERDEEL_SHARE_AMOUNT = "{share} ({amount})"
VERDEEL_UNBOUNDED = "onbegrensd"
VERDEEL_NOT_FEASIBLE_CELL = "–"
VERDEEL_LESS_THAN = "<{p}"  # as percent_small writes it elsewhere
VERDEEL_MORE_THAN = ">{p}"


def verdeel_cover_sentence(cover: str, money_return: str) -> str:
    """How much of the cost the money benefits carry together."""
    return (f"De geldbaten (vermeden uitgaven in begrotingen) dekken samen naar verwachting {cover} van de kosten: "
            f"elke euro levert {money_return} in geld op.")


def verdeel_below_one_sentence() -> str:
    return ("Bij een verdeling naar rato van de geldbaten houdt dus geen betaler er naar verwachting geld aan over; "
            "de rest van de kosten betaalt men voor de maatschappelijke baten (welzijn, zelfredzaamheid, tijd), "
            "niet voor bespaard geld.")


def verdeel_payer_sentence(label: str, share: str, amount: str, proposed: str, proposed_amount: str,
                           prob: str, certainty: str, max_part: str) -> str:
    """'Zorgverzekeraars: naar verwachting 43% van de geldbaten (…); bij een bijdrage van 43% van de
    kosten (…) is de kans 80% dat die bijdrage zich in geld terugverdient; met 80% zekerheid …'"""
    return (f"{label}: naar verwachting {share} van de geldbaten ({amount}). Bij een bijdrage naar rato, "
            f"{proposed} van de kosten ({proposed_amount}), is de kans {prob} dat die bijdrage zich in geld "
            f"terugverdient; {max_part}.")


def verdeel_max_part(certainty: str, max_share: str, max_amount: str) -> str:
    return f"met {certainty} zekerheid verdient een bijdrage tot {max_share} van de kosten ({max_amount}) zich terug"


def verdeel_max_none(certainty: str, prob_zero: str) -> str:
    return (f"geen enkele bijdrage verdient zich met {certainty} zekerheid terug (de kans dat de geldbaten "
            f"positief zijn is {prob_zero})")


def verdeel_max_unbounded(certainty: str) -> str:
    return f"met {certainty} zekerheid verdient elke bijdrage zich terug (in een deel van de trekkingen zijn de kosten niet positief)"


def verdeel_feasible_sentence(certainty: str, split: str, prob_all: str) -> str:
    return (f"Met {certainty} zekerheid kunnen de betalers de kosten samen dragen, elk binnen wat het terugverdient: "
            f"bijvoorbeeld {split}. De kans dat alle betalers tegelijk hun deel terugverdienen is {prob_all}.")


def verdeel_infeasible_sentence(certainty: str, together: str, uncovered: str, amount: str) -> str:
    return (f"Met {certainty} zekerheid verdienen de betalers samen hooguit {together} van de kosten in geld terug. "
            f"De overige {uncovered} ({amount}) verdient niemand met die zekerheid terug: dat is de prijs van de "
            f"maatschappelijke baten, te dragen door wie die baten wil (meestal de gemeente).")


def verdeel_lines_sentence(label: str, lines: str) -> str:
    return f"De geldbaten van {label} komen uit: {lines}."


VERDEEL_PAYERS_DEFAULT = ("Betalers: elke belanghebbende met geldbaten in deze optie; huishoudens en anderen die alleen "
                          "sociale of economische baten krijgen, betalen niets. Kies anderen met --betalers.")
VERDEEL_PAYERS_GIVEN = "Betalers gekozen met --betalers: {payers}."
VERDEEL_AMOUNTS_NOTE = ("Bedragen zijn contante waarden over {first}–{last} bij de verwachte kosten; de aandelen gelden "
                        "per trekking, dus ook als kosten en baten samen meebewegen.")
VERDEEL_PER_YEAR = "{amount}; {per_year} per jaar"
VERDEEL_PER_YEAR_NOTE = ("Een bedrag 'per jaar' is het gelijke jaarbedrag over {years} jaar met dezelfde contante waarde "
                         "(discontovoet {rate}).")
VERDEEL_MCSE_NOTE = "Monte Carlo-fout van de hoogste bijdragen: hooguit {mcse} procentpunt."
VERDEEL_NOT_OPTION = ("Geen verdeling: '{label}' is een gevoeligheidsscenario (andere aannamen, geen keuze); "
                      "kostendeling wordt alleen voor opties berekend.")
VERDEEL_NO_MONEY = "Geen verdeling: deze optie levert niemand geldbaten (fiscale baten) op."
VERDEEL_BRIEF_FEASIBLE = ("Wie betaalt mee? De geldbaten dekken naar verwachting {cover} van de kosten; met {certainty} "
                          "zekerheid kunnen de betalers de kosten samen dragen, bijvoorbeeld {split}.")
VERDEEL_BRIEF_INFEASIBLE = ("Wie betaalt mee? De geldbaten dekken naar verwachting {cover} van de kosten. Met {certainty} "
                            "zekerheid verdienen terug: {parts} van de kosten (samen {together}).")
VERDEEL_BRIEF_UNCOVERED = ("De overige {uncovered} ({amount}) verdient niemand in geld terug: dat is de prijs van de "
                           "maatschappelijke baten.")
VERDEEL_AND = " en "

# the workbook (mkba verdeel --xlsx)
XLSX_SHEET_VERDEEL = "Wie betaalt mee"
XLSX_VERDEEL_TITLE = "Wie zou moeten meebetalen? {title}"
XLSX_VERDEEL_INFO = {"certainty": "Gevraagde zekerheid", "cost": "Kosten (CW, gemiddeld)", "cost_p05": "Kosten P5",
                     "cost_p95": "Kosten P95", "money_return": "Geldbaten per euro kosten",
                     "feasible": "Kosten samen te dragen met deze zekerheid",
                     "uncovered": "Deel van de kosten dat niemand terugverdient",
                     "prob_all": "Kans dat alle betalers tegelijk terugverdienen (verdeling hieronder)"}
XLSX_VERDEEL_YES_NO = ("ja", "nee")
XLSX_VERDEEL_HEADERS = ("Betaler", "Geldbaten (CW, gem.)", "Geldbaten P5", "Geldbaten P95", "Aandeel geldbaten",
                        "Bijdrage naar rato (deel kosten)", "Bijdrage naar rato (€)", "Kans terugverdiend naar rato",
                        "Hoogste bijdrage met deze zekerheid (deel kosten)", "Monte Carlo-fout hoogste bijdrage",
                        "Hoogste bijdrage (€)", "Verdeling met deze zekerheid", "Kans geldbaten ≥ 0")
XLSX_VERDEEL_SENTENCES = "In woorden"

# codes raised by mkba.analysis.cofinancing

# ---- issue 21: waardenbank, kalibratie, optimism bias per post ----
VALUE_METHODS = {"market_price": "marktprijs", "avoided_cost": "vermeden kosten",
                 "wellbeing": "welzijnswaardering (WELLBY)", "willingness_to_pay": "betalingsbereidheid"}
BANK_NO_SOURCE = "geen bron gevonden"
BRONNEN_TITLE = "Waarden en hun bronnen: {title}"
BRONNEN_INTRO = ("Elke parameter die de casus gebruikt, met zijn bron en de woorden van die bron. 'Aanname' betekent: "
                 "geen bron, de toelichting zegt waarom de waarde is wat ze is.")
BRONNEN_COLUMNS = ("Parameter", "Waarde (prijspeil casus)", "Methode", "Bron", "Citaat of toelichting")
BRONNEN_FROM_BANK = "waardenbank"
BRONNEN_ASSUMPTION = "aanname"
BRONNEN_TRANSFERRED = "Overgenomen uit een andere context: {text}"
BRONNEN_CALIBRATED = "Gekalibreerd: {text}"
BRONNEN_SCENARIO = "in gevoeligheidsvariant '{label}'"
BRONNEN_SUMMARY = ("{n} waarden: {cited} met een bron en citaat, {bank} uit de waardenbank, {assumed} aannames, "
                   "{transferred} overgenomen uit een andere context.")
BRONNEN_HELP = ("Toon elke waarde die een casus gebruikt met haar bron en het citaat uit die bron (voor een "
                "beoordelaar); --json voor een machineleesbare lijst.")
EVIDENCE_GRADES = {1: "sterk bewijs", 2: "goed bewijs", 3: "redelijk bewijs", 4: "zwak bewijs", 5: "aanname"}
LINE_OPTIMISM_TITLE = "Correctie voor optimisme per post"
LINE_OPTIMISM_COLUMNS = ("Post", "Soort", "Correctie", "Waar die vandaan komt")
LINE_OPTIMISM_ORIGIN = {"line": "eigen waarde van de post", "case": "waarde van de casus",
                        "evidence": "standaard bij bewijskracht {grade} ({words})"}
LINE_OPTIMISM_KIND = {"cost": "kosten (opslag)", "effect": "baten (korting)"}
EVIDENCE_TABLE_NOTE = ("De standaardkorting per bewijskracht (1: 0%, 2: 10%, 3: 20%, 4: 30%, 5: 40%) is een "
                       "gedocumenteerde aanname van mkba, naar het voorbeeld van de betrouwbaarheidsklassen van GMCA; "
                       "het Green Book laat de correctie op baten aan lokaal bewijs over.")


def value_method(code: str | None) -> str:
    return VALUE_METHODS.get(code or "", "")


def transferred_limitation(labels: list[str]) -> str:
    """The report's limitation naming every value taken from another country or setting."""
    return ("Overgenomen uit een ander land of een andere context, en daarom met een bredere bandbreedte: "
            + "; ".join(labels) + ". Of deze waarden in deze gemeente gelden, is niet onderzocht.")


def line_optimism_sentence(rows: list[tuple[str, str, float | str, str, str]]) -> str:
    """One sentence naming each line whose correction differs from the case's, for the limitations."""
    parts = [f"{label}: {nl_percent(v, 0 if 100 * v == round(100 * v) else 1) if not isinstance(v, str) else v} "
             f"({origin})" for label, _, v, _, origin in rows]
    return "Correctie voor optimisme per post: " + "; ".join(parts) + "."


def calibration_gap_sentence(gap, where_from: str = "de MKBA van 2019") -> str:
    """What the brief says about a calibrated value (DESIGN §14, §19): that it was calibrated, how far
    it lies from the bank's published range, and the ratio the evidence supports.

    ``gap`` is a :class:`mkba.analysis.calibration.CalibrationGap`; ``where_from`` names the study
    whose outcome the value reproduces (De Kop: the MKBA of 2019)."""
    r10 = lambda x: nl_eur(round(x, -1))  # noqa: E731 - amounts to tens, no false precision
    where = {"inside": (f"binnen de bandbreedte van de waardenbank ({r10(gap.bank_low)} – {r10(gap.bank_high)}), "
                        f"{nl_number(gap.factor_to_bank, 1)} keer de middenwaarde van {r10(gap.bank_central)}"),
             "above": (f"{r10(gap.beyond_range)} boven de bandbreedte van de waardenbank ({r10(gap.bank_low)} – "
                       f"{r10(gap.bank_high)}), {nl_number(gap.factor_to_bank, 1)} keer de middenwaarde"),
             "below": (f"{r10(gap.beyond_range)} onder de bandbreedte van de waardenbank ({r10(gap.bank_low)} – "
                       f"{r10(gap.bank_high)})")}[gap.position]
    bank, cal = gap.bcr_bank, gap.bcr_calibrated
    label = gap.label[:1].lower() + gap.label[1:]
    return (f"De {label} in {where_from} ({nl_eur(gap.calibrated_value)}) is "
            f"gekalibreerd: gekozen om de uitkomst daarvan na te bootsen, niet gemeten. Ze ligt {where}. "
            f"Met de waarde uit de waardenbank levert elke euro naar verwachting {nl_eur(bank['expected'], 2)} op "
            f"(90%-interval {nl_eur(bank['p05'], 2)} – {nl_eur(bank['p95'], 2)}); met de gekalibreerde waarde "
            f"{nl_eur(cal['expected'], 2)}.")


def regional_value_evidence(title: str, cited: list[str], assumed: list[str], own: list[str]) -> str:
    """Which valued outcomes of a case rest on the value bank, which on assumptions (regional report)."""
    def items(xs: list[str]) -> str:
        return ", ".join(xs) if xs else "geen"
    return (f"{title}: met een bron uit de waardenbank: {items(cited)}; uit de waardenbank maar zonder bron "
            f"(aanname): {items(assumed)}; eigen waarden van de casus: {items(own)}.")

# ---- issue 18: the council brief (samenvatting), honest cuts, calibrated drivers ----
# The brief's record is mkba.analysis.brief.Brief; mkba.faces.brief assembles these words into
# one document rendered to HTML, PDF and Word (the same sentences in every format).

BRIEF_TITLE = "Samenvatting voor de raad"
BRIEF_INDEX_LINK = "Samenvatting voor de raad (begin hier: hooguit twee A4)"
BRIEF_DOCX = "Word"
BRIEF_SUBTITLE = ("{question} · {years} · bedragen in contante waarde (prijspeil {price_year}) tenzij 'per jaar' · "
                  "{draws} doorgerekende mogelijkheden (trekkingen)")
BRIEF_QUESTION = "Welke bezuiniging kost de maatschappij het minst, en wie draagt haar?"
BRIEF_QUESTION_ONE = "Wat levert het werk de maatschappij op, en wie betaalt en wie profiteert?"
BRIEF_BASELINE_ONLY = "De casus kost {per_year} per jaar. {board}"
BRIEF_BASELINE = ("Ter vergelijking de basis (de casus zoals beschreven): kost {per_year} per jaar. {board} "
                  "Kans dat de basis voor de maatschappij de beste keuze is: {best}.")
BRIEF_OPTIONS_HEADING = "De opties"
BRIEF_TABLE_CAPTION = ("Opties ten opzichte van de basis, gerangschikt op wat de maatschappij per bespaarde euro wint "
                       "of verliest (beste bovenaan); onder elk bedrag het 90%-interval")
BRIEF_TABLE_HEADER = ("Rang", "Optie", "Bespaart", "Maatschappij: erop vooruit (+) of achteruit (−)",
                      "Maatschappij per bespaarde euro", "Netto voor {funder}", "Kans beste keuze")
BRIEF_CELL_SAVES = "{per_year} per jaar\n{years}; contante waarde {pv}"
BRIEF_CELL_RANGE = "{value}\n{interval}"
BRIEF_CELL_SURE = "{value}\nzeker"
BRIEF_NOT_RANKED = "–"
BRIEF_SENSITIVITY_HEADING = "Met andere aannames (geen keuze; niet gerangschikt)"
BRIEF_DRIVERS_HEADING = "Wat de uitkomst stuurt"
BRIEF_PM_HEADING = "Niet in geld uitgedrukt (PM-posten)"
BRIEF_LEFT_OUT_HEADING = "Wat het model weglaat"
BRIEF_SURE = ((0.95, "vrijwel zeker"), (0.8, "waarschijnlijk"), (0.0, "onzeker"))
BRIEF_INTERVAL = "van {lo} tot {hi}"


def brief_sure(p: float) -> str:
    """How sure, for the probability ``p`` that the stated direction holds."""
    return next(word for bound, word in BRIEF_SURE if p >= bound)


_JOIN = "\u2060"  # word joiner: a line never breaks between a sign and its euro sign


def signed_eur(x: float) -> str:
    """'+€ 0,2 mln' / '−€ 0,3 mln' (society's gain or loss)."""
    return (("+" if x > 0 else "") + nl_eur_short(x)).replace("+€", "+" + _JOIN + "€").replace("−€", "−" + _JOIN + "€")


def signed_eur_cents(x: float) -> str:
    return (("+" if x > 0 else "") + nl_eur(x, 2)).replace("+€", "+" + _JOIN + "€").replace("−€", "−" + _JOIN + "€")


def years_text(years) -> str:
    """2021–2022 for a run of years, else 2019, 2021."""
    years = list(years)
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(map(str, years))


def label_inline(label: str) -> str:
    """'Scenario 2: schrappen van …' -> 'Scenario 2 (schrappen van …)', for use inside a sentence."""
    if ":" in label:
        head, rest = label.split(":", 1)
        return f"{head.strip()} ({rest.strip()})"
    return label


def percent_small(p: float) -> str:
    """A probability as a percentage; '<1%' rather than a '0%' that is not zero."""
    return "<1%" if 0 < p < 0.005 else (">99%" if 0.995 <= p < 1 else nl_percent(p))


def brief_headline(option_label: str, n_cuts: int, gain_per_euro: float, lo: float, hi: float, sure: str,
                   per_year: float, years: str) -> str:
    """The comparison's headline, by the council's question (society's loss per euro saved).
    ``gain_per_euro`` > 0: society gains — then it is said plainly, never 'least harmful'."""
    among = f"Van de {n_cuts} bezuinigingen" if n_cuts > 1 else "De bezuiniging"
    saves = f"{option_label}, die {nl_eur_short(per_year)} per jaar bespaart ({years}),"
    if gain_per_euro > 0:
        head = (f"{among} pakt {saves} voor de maatschappij het best uit" if n_cuts > 1 else f"{among} {saves} helpt de maatschappij")
        return (f"{head}: de maatschappij gaat er naar verwachting op vooruit, {nl_eur(gain_per_euro, 2)} per "
                f"bespaarde euro (90%-interval {BRIEF_INTERVAL.format(lo=signed_eur_cents(lo), hi=signed_eur_cents(hi))}; "
                f"{sure}).")
    head = (f"{among} kost {saves} de maatschappij het minst" if n_cuts > 1 else f"{among} {saves} kost de maatschappij")
    return (f"{head}: naar verwachting {nl_eur(-gain_per_euro, 2)} per bespaarde euro (90%-interval "
            f"{BRIEF_INTERVAL.format(lo=nl_eur(-hi, 2), hi=nl_eur(-lo, 2))}; {sure}).")


BRIEF_NO_CUTS = "Geen van de opties bespaart geld ten opzichte van de basis; de tabel toont wat elke optie verandert."


def brief_saves(label: str, per_year: float, years: str, pv: float) -> str:
    return f"{label} bespaart {nl_eur_short(per_year)} per jaar in {years} ({nl_eur_short(pv)} contante waarde)."


def brief_costs_more(label: str, pv: float) -> str:
    return f"{label} bespaart niets: ze kost {nl_eur_short(-pv)} meer dan de basis (contante waarde)."


def brief_society(change: float, lo: float, hi: float, lost: float, saves: bool, sure: str, p: float) -> str:
    """Society's gain or loss, why, and how sure (``p``: probability of the stated direction)."""
    interval = BRIEF_INTERVAL.format(lo=signed_eur(lo), hi=signed_eur(hi))
    if change > 0:
        why = (f", vooral doordat de besparing groter is dan de baten die verloren gaan ({nl_eur_short(lost)})"
               if saves else "")
        return (f"De maatschappij gaat er naar verwachting op vooruit: {signed_eur(change)} (90%-interval {interval})"
                f"{why}; {sure}: kans {percent_small(p)} dat ze erop vooruitgaat.")
    why = (f", doordat er meer baten verloren gaan ({nl_eur_short(lost)}) dan er wordt bespaard" if saves else "")
    return (f"De maatschappij gaat er naar verwachting op achteruit: {signed_eur(change)} (90%-interval {interval})"
            f"{why}; {sure}: kans {percent_small(p)} dat ze erop achteruitgaat.")


def brief_funder(who: str, change: float, lo: float, hi: float) -> str:
    interval = f" (90%-interval {BRIEF_INTERVAL.format(lo=signed_eur(lo), hi=signed_eur(hi))})" if lo != hi else ""
    return f"{who} zelf: netto {signed_eur(change)}{interval}: de besparing min de eigen baten die wegvallen."


def brief_bearers(parts: list[tuple[str, float]]) -> str:
    """Who bears the cut: every stakeholder losing more than 5% of what the option saves."""
    if not parts:
        return "Geen andere partij verliest naar verwachting meer dan 5% van wat de optie bespaart."
    named = [f"{who}: {nl_eur_short(loss)}" for who, loss in parts]
    joined = "; ".join(named)
    return f"Wie het draagt (verwacht verlies boven 5% van de besparing): {joined}."


def brief_best(p: float) -> str:
    return f"Kans dat dit voor de maatschappij de beste keuze is: {percent_small(p)}."


def brief_sensitivity(label: str, bcr: float | None, npv: float, lo: float, hi: float, p: float) -> str:
    ratio = f"elke euro levert naar verwachting {nl_eur(bcr, 2)} op; " if bcr is not None else ""
    return (f"{label}: {ratio}netto {signed_eur(npv)} (90%-interval {BRIEF_INTERVAL.format(lo=signed_eur(lo), hi=signed_eur(hi))}); "
            f"kans dat de baten de kosten overtreffen: {nl_percent(p)}.")


def brief_drivers_intro(n: int) -> str:
    count = {1: "De aanname", 2: "De twee aannames", 3: "De drie aannames"}.get(n, f"De {n} aannames")
    return f"{count} met de meeste invloed op de uitkomst voor de maatschappij (basis):"


def brief_driver(label: str, share: float | None, evidence: str, calibrated: bool) -> str:
    part = f" — {nl_percent(share)} van de onzekerheid" if share is not None else ""
    mark = " (gekalibreerd)" if calibrated else ""
    return f"{label}{mark}{part}. {evidence}".strip()


BRIEF_NO_EVIDENCE = "Geen bron of toelichting in de casus."
BRIEF_SOURCE = "Bron: {source}."


def calibration_sentence(parts: list[tuple[str, str]]) -> str:
    """The one sentence every headline carries when a calibrated parameter drives the outcome;
    ``parts``: (label, why and to what it was calibrated: the parameter's ``calibrated:``)."""
    if len(parts) == 1:
        label, why = parts[0]
        return (f"Let op: deze uitkomst herhaalt grotendeels een kalibratie: {label}, een van de drie aannames die "
                f"haar het meest sturen, is niet gemeten maar gekalibreerd — {why.rstrip('.')}.")
    named = " en ".join(f"{label} ({why.rstrip('.')})" for label, why in parts)
    return (f"Let op: deze uitkomst herhaalt grotendeels een kalibratie: {named} horen bij de drie aannames die "
            "haar het meest sturen en zijn niet gemeten maar gekalibreerd.")


def calibration_line(case, names) -> str | None:
    """The one calibration sentence for ``names`` (calibrated drivers), or None."""
    parts = [(case.label_of(n), case.parameters[n].calibrated) for n in names if n in case.parameters]
    return calibration_sentence(parts) if parts else None


def brief_calibration_detail(label: str, share: float | None, benefit_share: float | None) -> str:
    bits = []
    if share is not None:
        bits.append(f"{nl_percent(share)} van de onzekerheid")
    if benefit_share is not None:
        bits.append(f"de effecten die ermee gewaardeerd worden, leveren {nl_percent(benefit_share)} van de baten")
    return (f"{label} is gekozen om een bekende uitkomst na te bootsen, niet gemeten"
            + (f" ({'; '.join(bits)})" if bits else "") + ". Wie de uitkomst gebruikt, gebruikt vooral die keuze.")


def brief_pm_line(who: str, items: list[tuple[str, str]]) -> str:
    """PM-posten of one option: ``items`` = (label, direction) with direction positief|negatief."""
    if not items:
        return f"{who}: geen."
    signs = {"positief": "+", "negatief": "−"}
    return f"{who}: " + "; ".join(f"{label} ({signs.get(d, d)})" for label, d in items) + "."


def brief_pm_same(who: str) -> str:
    return f"{who}: dezelfde als de basis."


def brief_pm_diff(who: str, added: list[tuple[str, str]], removed: list[str]) -> str:
    """An option's PM-posten as its difference from the baseline's (keeps the brief short)."""
    signs = {"positief": "+", "negatief": "−"}
    parts = []
    if removed:  # after a colon, so a label's capital reads naturally ('met Zonder buurtwerk …' did not)
        parts.append("vervalt: " + "; ".join(removed))
    if added:
        parts.append("komt erbij: " + "; ".join(f"{label} ({signs.get(d, d)})" for label, d in added))
    return f"{who}: als de basis; " + " — ".join(parts) + "."


def brief_left_out(last_year: int, cut_share: float) -> str:
    return (f"Het model laat weg: baten na {last_year} ({nl_percent(cut_share, 1)} van de baten), effecten die niet in "
            "geld zijn uitgedrukt (hierboven) en verschillen tussen personen en wijken; de volledige rapporten noemen "
            "alle beperkingen en elke aanname met haar bron.")


BRIEF_FOOTER = ("Gemaakt met mkba {version} op {time}; casusbestand {file} (controlegetal {sha}…), seed {seed}. "
                "Dezelfde opdracht geeft dezelfde getallen.")

EXPECTED_LOSS_EXPLAINED = ("*Verwacht verlies*: hoeveel een optie gemiddeld achterblijft bij de optie die in elke "
                           "doorgerekende mogelijkheid de beste is. Ook een optie die de maatschappij vooruithelpt heeft "
                           "een verwacht verlies zodra een andere optie soms beter uitpakt; het is een maat voor de "
                           "analist, niet voor schade.")

GLOSSARY_HEADING = "Begrippenlijst"
GLOSSARY = (
    ("NCW (netto contante waarde)", "alle baten min alle kosten over de looptijd, met latere jaren minder zwaar "
     "meegeteld (de discontovoet); positief betekent dat de maatschappij erop vooruitgaat."),
    ("Contante waarde", "een bedrag over meerdere jaren, omgerekend naar nu met de discontovoet."),
    ("90%-interval", "het bereik waarbinnen 90% van de doorgerekende mogelijkheden valt: 5% ligt eronder, 5% erboven."),
    ("Trekkingen", "de doorgerekende mogelijkheden: elke trekking kiest voor elke onzekere aanname een waarde uit "
     "haar kansverdeling en rekent de hele casus door."),
    ("PM-post", "een effect dat ertoe doet maar niet in euro's is uitgedrukt ('pro memorie'); het telt niet mee in "
     "de bedragen en hoort ernaast gewogen te worden."),
    ("Omslagwaarde", "de waarde van één aanname (de rest op basiswaarde) waarbij baten en kosten even groot worden, "
     "of twee opties even goed uitpakken."),
    ("EVPI", "verwachte waarde van perfecte informatie: hoeveel het hooguit waard is om alle onzekerheid weg te nemen "
     "voordat er besloten wordt. EVPPI: hetzelfde voor één aanname of groep aannames."),
    ("Kans beste keuze", "het deel van de trekkingen waarin een optie de hoogste NCW voor de maatschappij heeft."),
    ("Gekalibreerd", "gekozen zodat het model een bekende uitkomst nabootst, niet los gemeten."),
)


def glossary_markdown() -> str:
    return f"## {GLOSSARY_HEADING}\n\n" + "\n".join(f"- **{term}**: {text}" for term, text in GLOSSARY)


def money_above(fiscal_ratio: float, ratio: float) -> bool:
    """Money benefits above all benefits, as shown (to the cent): then a headline says why."""
    return round(fiscal_ratio, 2) > round(ratio, 2)


def money_above_total(who: str, fiscal_ratio: float, ratio: float, negative: list[str]) -> str:
    """Why the money benefits exceed all benefits (item 5): a negative social or economic effect."""
    which = (": " + ", ".join(negative)) if negative else ""
    return (f"Dat {nl_eur(fiscal_ratio, 2)} in geld meer is dan het totaal van {nl_eur(ratio, 2)} komt doordat een "
            f"maatschappelijk effect voor {who} negatief is{which}; dat verlies staat niet in de begroting maar telt "
            "wel mee.")


# mkba validate: a note that says calibrated without the calibrated: field
CALIBRATION_NOTE_WORDS = ("gekalibreerd", "kalibratie", "calibrated", "calibration")
CALIBRATION_NOTE_NEGATIONS = ("niet gekalibreerd", "not calibrated", "geen kalibratie")
CALIBRATION_FIELD_MISSING = ("{file} parameters.{name}: de toelichting zegt dat deze waarde gekalibreerd is, maar het veld "
                             "'calibrated:' ontbreekt; voeg toe: calibrated: \"waarom en waarop gekalibreerd\", zodat "
                             "rapporten, samenvatting en 'mkba run' het melden als deze aanname de uitkomst stuurt")
DOCX_HELP = "Schrijf de samenvatting ook als Word-bestand (samenvatting.docx)."

# ---- issue 18: PM-posten per option, the report's target, group labels, PDFs a council can file ----
PM_EFFECT_WARNING = ("{file} {where}: deze optie waardeert het effect '{effect_label}' ({effect}) in geld én noemt het "
                     "als PM-post ('{label}'), zodat het er twee keer staat: in de getallen en als niet-gewaardeerde post. Laat de PM-post in deze optie vallen "
                     "(scenarios.{scenario}.drop: [{id}]) of haal 'effect:' weg als de PM-post iets anders beschrijft.")


PM_EFFECT_WARNING_BASE = ("{file} pm_posten: de basis waardeert het effect '{effect_label}' ({effect}) in geld én "
                          "noemt het als PM-post ('{label}'), zodat het er twee keer staat: in de getallen en als "
                          "niet-gewaardeerde post. Haal de PM-post weg of haal 'effect:' weg als de PM-post iets anders "
                          "beschrijft.")


def pm_warning(file, w) -> str:
    """One validation warning (``mkba.core.case.PmWarning``): an option values an effect and also
    lists the PM-post that describes it."""
    words = PM_EFFECT_WARNING_BASE if w.scenario == "baseline" else PM_EFFECT_WARNING
    return words.format(file=file, where=f"scenarios.{w.scenario}", effect_label=w.effect_label, effect=w.effect,
                        label=w.label, scenario=w.scenario, id=w.pm_id or "ID")


# The report's target ratio (report: {target_bcr}) or none
NO_TARGET_BCR = ("De casus noemt geen streefwaarde voor de baten/kosten-verhouding (report: {target_bcr: ...}); "
                 "hierboven daarom alleen het omslagpunt waar de baten de kosten precies dekken.")
TARGET_BCR_SOURCE = "De streefwaarde {target} komt uit de casus (report: target_bcr)."

# Value of information: a group shown by its label (groepen: {naam: {label, parameters}})
EVPPI_GROUP_LABELLED = "{label} ({n} aannames)"

# PM-posten per option, on the comparison page
PM_BY_OPTION_CAPTION = "Niet in geld uitgedrukt (PM-posten), per optie: ✓ = de optie noemt deze post"
PM_BY_OPTION_COLUMNS = ("PM-post", "Voor wie", "Richting")
PM_BY_OPTION_YES = "✓"
PM_BY_OPTION_NO = "–"

# Table of contents of a report page
TOC_TITLE = "Inhoud"

# The workbook (Toelichting): the new fields
EVPPI_GROUP_MEMBERS_LABELLED = "{label}: {members}."
SOURCES_TITLE = "Bronnen van deze casus"
EVPPI_BUDGET_GROUP = ("{what}: onderzoek hiernaar is voor deze keuze hooguit {value} waard (± {se}; alle onzekerheid "
                      "samen: {evpi}). Kost het meer, dan betaalt het zich niet terug in een betere keuze.")

# ---- issue 19: what if (--set, --discontovoet) and mkba verken ----

SET_HELP = ("Zet een aanname vast op een waarde in elke trekking (de andere blijven onzeker), ná het scenario: "
            "NAAM=WAARDE, bijv. --set substitutie=0.25; mag vaker.")
DISCONTOVOET_HELP = "Reken met deze discontovoet in plaats van die van de casus, bijv. 0.03 voor 3%."
VERKEN_HELP = ("Open een live pagina voor een raadsvergadering: verschuif een aanname en zie direct wat er "
               "verandert (lokale webserver, werkt zonder internet).")
VERKEN_PORT_HELP = "Poort van de webserver."
VERKEN_HOST_HELP = ("Adres om op te luisteren (standaard 127.0.0.1: alleen deze computer). Een ander adres "
                    "vraagt --token.")
VERKEN_TOKEN_HELP = "Toegangscode: elke aanvraag moet hem meesturen (verplicht buiten deze computer)."
VERKEN_OPEN_HELP = "Open de pagina meteen in de browser."
VERKEN_STARTED = ("Verkenner voor '{title}' draait op {url}\n"
                  "Stoppen: Ctrl-C. {draws} trekkingen per berekening, seed {seed}.")


VERKEN_HTTP = {
    "token": "toegangscode ontbreekt of klopt niet: open de pagina met het adres (met ?token=…) dat bij de start is getoond",
    "not_found": "deze pagina bestaat niet",
    "method": "alleen opvragen (GET) is toegestaan",
    "too_large": "de aanvraag is te groot",
    "busy": "de server rekent al aan andere vragen; probeer het zo opnieuw",
    "host": "onbekende servernaam in de aanvraag",
    "failed": "de berekening is mislukt; de casus of de vraag past niet bij elkaar",
}


def set_value_text(value: float, unit: str | None) -> str:
    """A set value as a reader says it, with its unit: 0.25 'fractie …' -> '25%'; 250000 'EUR/jaar'
    -> '€ 250.000 per jaar'; 600 'trajecten/jaar' -> '600 trajecten/jaar'."""
    from mkba.faces.formatting import nl_smart

    unit = (unit or "").strip()
    if unit.lower().startswith("fractie"):
        pct = 100 * value
        return nl_percent(value, 0 if abs(pct - round(pct)) < 1e-9 else 1)
    if unit.upper().startswith("EUR"):
        rest = unit[3:].strip()
        rest = ("per " + rest[1:].strip()) if rest.startswith("/") else rest
        rest = rest.split("(")[0].strip()
        return f"{nl_eur(value, 0 if abs(value) >= 100 else 2)} {rest}".strip()
    return f"{nl_smart(value)} {unit}".strip()


def value_format(unit: str | None) -> tuple[str, str]:
    """How the page shows a value of this unit: ('percent', ''), ('eur', 'per jaar') or
    ('number', unit) — the same rules as :func:`set_value_text`."""
    unit = (unit or "").strip()
    if unit.lower().startswith("fractie"):
        return "percent", ""
    if unit.upper().startswith("EUR"):
        rest = unit[3:].strip()
        rest = ("per " + rest[1:].strip()) if rest.startswith("/") else rest
        return "eur", rest.split("(")[0].strip()
    return "number", unit


def _lower_first(label: str) -> str:
    return label[0].lower() + label[1:] if len(label) > 1 and label[1].islower() else label


def whatif_clause(case) -> str:
    """'bij een aandeel … (substitutie) van 25% en een discontovoet van 3%' for what was set with
    --set / --discontovoet; '' when nothing was."""
    items = whatif_items(case)
    return f"bij {items}" if items else ""


def whatif_items(case) -> str:
    """'een substitutie van 25% en een discontovoet van 3%' ('' when nothing was set)."""
    parts = [f"een {_lower_first(case.label_of(name) if name in case.parameters else (spec.label or name))} "
             f"van {set_value_text(spec.base_value, spec.unit)}" for name, spec in case.overrides]
    if case.discount_rate_set is not None:
        parts.append(f"een discontovoet van {nl_percent(case.discount_rate_set, 2).replace(',00', '')}")
    if not parts:
        return ""
    return ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else parts[0]


def with_whatif(lines: list[str], case) -> list[str]:
    """Headline sentences with the what-if clause in front: 'Bij een substitutie van 25%, voor de
    maatschappij: elke …'."""
    clause = whatif_clause(case)
    if not clause:
        return list(lines)
    lead = clause[0].upper() + clause[1:]
    return [f"{lead}, {line[0].lower() + line[1:]}" for line in lines]


WHATIF_PROVENANCE = "Vastgezet (wat als?)"
WHATIF_NONE = "niets: alle aannames zoals in de casus"


def whatif_provenance(case) -> str:
    """The provenance row's value: every set value and an overridden discount rate."""
    def plain(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else repr(float(x))

    flags = [f"--set {name}={plain(spec.base_value)}" for name, spec in case.overrides]
    if case.discount_rate_set is not None:
        flags.append(f"--discontovoet {plain(case.discount_rate_set)}")
    if not flags:
        return WHATIF_NONE
    items = whatif_items(case)
    return f"{items[0].upper() + items[1:]} ({' '.join(flags)})"


def saved_per_year(amount: float, first: int, last: int) -> str:
    years = f"{first}" if first == last else f"{first}–{last}"
    return f"{nl_eur_short(amount)} per jaar ({years})"


# Words of the page (mkba verken): the server sends them with the page; the script takes every
# word it shows from here.
VERKEN = {
    "title": "Wat als? {title}",
    "intro": ("Verschuif een aanname en zie meteen wat er met de uitkomst gebeurt. Een aanname die u niet "
              "aanraakt, blijft onzeker zoals in de casus."),
    "controls": "Aannames",
    "option": "Optie",
    "options_group": "Opties (keuzes)",
    "sensitivity_group": "Gevoeligheid (andere aannames, geen keuze)",
    "perspective": "Perspectief",
    "society": "de maatschappij",
    "discount": "Discontovoet",
    "discount_note": "Casus: {rate}",
    "top": "Aannames met de meeste invloed",
    "top_note": "In volgorde van invloed op de uitkomst (tornado). Schuif om een aanname vast te zetten.",
    "uncertain": "onzeker: {low} – {high} (80% van de trekkingen)",
    "fixed_at": "vastgezet op {value}",
    "case_value": "in de casus: {value}",
    "reset": "Weer onzeker",
    "reset_all": "Alles terug naar de casus",
    "search": "Andere aanname zoeken",
    "search_placeholder": "typ een deel van de naam",
    "search_add": "Toevoegen",
    "search_none": "Geen aanname gevonden met '{q}'.",
    "range": "Bereik {low} – {high}",
    "unit": "eenheid: {unit}",
    "evidence": "Bron",
    "no_evidence": "geen bron opgegeven",
    "calibrated": "gekalibreerd",
    "headline": "De uitkomst",
    "picture_title": "Netto opbrengst voor {who}: 90% van de uitkomsten ligt in de balk",
    "picture_desc": "Van {low} tot {high}; gemiddeld {mean}. De lijn bij € 0 scheidt verlies en winst.",
    "picture_mid": "gemiddeld",
    "picture_loss": "verlies",
    "picture_gain": "winst",
    "prob": "Kans dat de baten de kosten overtreffen",
    "prob_who": "voor {who}",
    "who_title": "Wie betaalt, wie profiteert",
    "who_cols": ["Belanghebbende", "Betaalt", "Krijgt", "Netto"],
    "who_pays": "betaalt",
    "who_gets": "krijgt",
    "balance_title": "De balans",
    "balance_rows": ["Kosten", "Baten", "Netto contante waarde", "Baten per euro kosten"],
    "balance_cols": ["", "Gemiddeld", "90%-interval"],
    "pm_title": "Niet in geld uitgedrukt (PM-posten)",
    "pm_intro": "Deze effecten tellen niet mee in de balans, maar horen er wel naast te worden gewogen.",
    "pm_none": "De casus noemt geen PM-posten.",
    "pm_positive": "positief",
    "pm_negative": "negatief",
    "options_title": "Alle opties naast elkaar",
    "options_cols": ["Optie", "Bespaart per jaar", "Winst of verlies voor de maatschappij", "Wie draagt het",
                     "Netto-effect {funder}", "Kans beste ({who})"],
    "sensitivity_title": "Gevoeligheidsscenario's (andere aannames, geen keuze)",
    "sensitivity_cols": ["Scenario", "Netto contante waarde", "Verschil met de basis"],
    "nobody": "niemand merkbaar",
    "bears": "{who} ({amount})",
    "no_saving": "–",
    "baseline": "basis",
    "gain": "winst {amount}",
    "loss": "verlies {amount}",
    "interval": "90%: {low} tot {high}",
    "current": "(getoond)",
    "method": ("Berekend met {draws} trekkingen (Monte Carlo), seed {seed}; de opties naast elkaar met "
               "{compare_draws} trekkingen, op dezelfde trekkingen. Dezelfde seed geeft dezelfde getallen."),
    "command": "Dezelfde berekening op de opdrachtregel",
    "link": "Kopieer de link naar deze weergave",
    "link_done": "Link gekopieerd",
    "save": "Bewaar als scenario",
    "save_kind": "Soort",
    "save_kinds": {"beleid": "beleid (een keuze)", "gevoeligheid": "gevoeligheid (andere aanname)"},
    "save_note": ("Downloadt de casus met een nieuw scenario met de vastgezette waarden (controleer met "
                  "mkba validate). De discontovoet hoort bij de casus, niet bij een scenario: die staat in de opdracht."),
    "busy": "Bezig met rekenen…",
    "error": "Kon niet rekenen: {message}",
    "updated": "Bijgewerkt",
    "nothing_set": "Alle aannames zoals in de casus.",
    "set_list": "Vastgezet: {items}.",
    "footer": "MKBA-verkenner (mkba verken). Alle berekeningen gebeuren op deze server; er gaat niets naar internet.",
}
VERKEN_SCENARIO_LABEL = "Verkend: {items}"
VERKEN_SCENARIO_DESCRIPTION = "Gemaakt met mkba verken op basis van {option}; vastgezet: {items}."
WHATIF_CONSOLE = "Wat als? Doorgerekend {clause}; de andere aannames blijven onzeker."
VERKEN_SCENARIO_ID = "verkend"  # id of a scenario saved from the page: verkend-1, verkend-2, …
VERKEN_PREPARING = "Voorbereiden: {file} laden, de invloed van elke aanname bepalen en de rekenkern opwarmen …"

# ---- issue 22: EVSI (what more registrations are worth), ITS options, synthetic data ----
EVSI_HELP = ("Waarde van extra waarnemingen (EVSI) van één aanname: NAAM:N (N nieuwe registraties van een aandeel) "
             "of NAAM:N:SD (N waarnemingen met standaardafwijking SD); herhaalbaar, één steekproefomvang per keer.")
EVSI_COST_HELP = "Kosten van één extra registratie of waarneming in euro's (bij --evsi): geeft de netto opbrengst van onderzoek en de beste omvang."
EVSI_POPULATION_HELP = "Aantal beslissingen dat de nieuwe kennis dient (bij --kosten-per-waarneming; standaard 1)."
EVSI_TITLE = "Loont meer registreren? Waarde van extra waarnemingen (EVSI)"
EVSI_COLUMNS = ("Aanname", "Extra waarnemingen", "EVSI", "± st.fout", "Deel van EVPPI")
EVSI_COLUMNS_COST = ("Kosten", "Netto opbrengst")
EVSI_METHODS = {"binomial": "N nieuwe registraties: het aantal met de uitkomst is binomiaal verdeeld",
                "normal": "N waarnemingen met standaardafwijking {sd}: het gemiddelde is normaal verdeeld"}
EVSI_PRIOR = {"beta": "bèta", "pert": "PERT", "triangular": "driehoek", "uniform": "uniform", "normal": "normaal",
              "lognormal": "lognormaal", "gamma": "gamma"}
EVSI_METHOD_NOTE = ("EVSI = wat N nieuwe waarnemingen van een aanname naar verwachting waard zijn voor deze keuze, "
                    "vóór de keuze. De netto baten per waarde van de aanname zijn geschat door regressie (Strong, Oakley "
                    "& Brennan 2014); de verwachting na N waarnemingen is exact uitgerekend over de eigen verdeling van de "
                    "aanname (geen Monte Carlo-ruis; Strong e.a. 2015, Ades e.a. 2004). EVSI ≤ EVPPI ≤ EVPI.")
EVSI_CLIPPED = "afgekapt op de EVPPI: de schatting lag door toeval erboven"
EVSI_PERSPECTIVE = "Perspectief: {who}; EVPPI van {label} (perfecte kennis): {evppi}; EVPI (alles): {evpi}."
EVSI_OPTIMUM = ("Bij {cost} per waarneming (voor {population} beslissing{s}) levert {n} waarnemingen van {label} het "
                "meest op: naar verwachting {enbs} netto (EVSI {evsi}).")
EVSI_OPTIMUM_NONE = ("Bij {cost} per waarneming (voor {population} beslissing{s}) loont extra onderzoek naar {label} "
                     "niet: geen aantal waarnemingen is meer waard dan het kost.")
EVSI_SENTENCE = ("{n} extra registraties van {label} zijn voor deze keuze naar verwachting {value} waard (± {se}); "
                 "volledige zekerheid erover is hooguit {evppi} waard.")
EVSI_SENTENCE_COST_PAYS = ("Meer registreren loont: {n} extra registraties van {label} kosten {cost} en zijn voor "
                           "deze keuze naar verwachting {value} waard (netto {enbs}).")
EVSI_SENTENCE_COST_NOT = ("Meer registreren loont niet: {n} extra registraties van {label} kosten {cost} en zijn voor "
                          "deze keuze naar verwachting maar {value} waard.")
EVSI_SENTENCE_NOTHING = ("Extra registraties van {label} veranderen de keuze naar verwachting niet: ze zijn hooguit "
                         "{value} waard.")
EVSI_SENTENCE_UNITS = {"binomial": "registraties", "normal": "waarnemingen"}
EVSI_FIGURE_TITLE = "Waarde van N extra waarnemingen (EVSI)"
EVSI_FIGURE_X = "Aantal extra waarnemingen N"
EVSI_FIGURE_Y = "€ (verwacht)"
EVSI_FIGURE_EVSI = "EVSI: waarde van N waarnemingen"
EVSI_FIGURE_EVPPI = "EVPPI: perfecte kennis"
EVSI_FIGURE_COST = "kosten van N waarnemingen"
EVSI_REPORT_NONE = "Geen EVSI gevraagd: geef bij 'mkba compare' de optie --evsi NAAM:N om dit te berekenen."


def evsi_sentence(record: dict, label: str, *, cost: float | None = None, population: float = 1.0) -> str:
    """One line for the brief: what ``record`` (a ``decision.evsi`` entry) of N extra
    registrations is worth, against their cost when ``cost`` (per observation) is given."""
    unit = EVSI_SENTENCE_UNITS.get(record.get("method", "binomial"), "waarnemingen")
    n = int(record["n"])
    value = float(record["value"])
    shown, se = eur_with_se(value, float(record.get("se", 0.0)))  # as precise as its error allows
    words = {"n": f"{nl_number(n, 0)}", "label": label, "value": shown,
             "se": se, "evppi": nl_eur_short(float(record.get("evppi", value)))}
    pick = lambda text: text.replace("registraties", unit)  # noqa: E731
    if cost is not None:
        total = cost * n
        enbs = population * value - total
        words.update(cost=nl_eur(total), enbs=nl_eur_short(enbs))
        return pick((EVSI_SENTENCE_COST_PAYS if enbs > 0 else EVSI_SENTENCE_COST_NOT).format(**words))
    if value < 0.5:
        return pick(EVSI_SENTENCE_NOTHING.format(**words))
    return pick(EVSI_SENTENCE.format(**words))
EVSI_REPORT_NOTHING = ("Geen aandeel in deze casus heeft een EVPPI die de moeite waard is (≥ 1% van de EVPI): extra "
                       "registraties veranderen de keuze naar verwachting niet.")
EVSI_REPORT_NEVER = "Extra registraties van {label} veranderen de keuze naar verwachting niet; meer registreren loont niet."
EVSI_REPORT_BREAKEVEN = ("Meer registreren van {label} loont zolang één registratie minder kost dan {cost} "
                         "({n} registraties zijn samen naar verwachting {value} waard).")
# ITS options of `mkba estimate monitor` (DESIGN §16)
ITS_HELP = {
    "bevolking": "Kolom met de blootstelling (inwoners, cliënten met risico): het model rekent dan in aantallen per inwoner "
                 "(offset log(KOLOM)); vermeden aantallen bij de laatste omvang.",
    "seizoen": "Seizoen: K sinus/cosinus-paren over de eigen periode van de data (12 maanden, 4 kwartalen; K ≤ periode/2), "
               "of 'maand'/'kwartaal' voor een vaste factor per maand of kwartaal.",
    "model": "niveau = onderliggend niveau en trend plus een niveausprong; niveau+trend = ook een trendbreuk (standaard).",
    "hac": "Newey–West-standaardfouten (robuust voor autocorrelatie); gebeurt ook vanzelf als de Ljung–Box-toets "
           "autocorrelatie vindt (p < 0,05).",
    "placebo": "Falsificatietoets: hetzelfde model met de breuk op eerdere perioden (alleen de data vóór --vanaf).",
    "overdispersie": "auto (negatief-binomiaal als de spreiding > 1,5, anders Poisson), quasipoisson of negbin.",
}
ITS_SE_TYPES = {"model": "standaardfouten van het model",
                "newey-west": "Newey–West-standaardfouten (--hac)",
                "newey-west-auto": ("Newey–West-standaardfouten, automatisch: de Ljung–Box-toets vond "
                                    "autocorrelatie (p < 0,05)")}
ITS_MODEL = {"niveau+trend": "niveausprong en trendbreuk", "niveau": "alleen een niveausprong (geen trendbreuk)"}
ITS_LINE_MODEL = "Model: {model}; {se}."
ITS_LINE_OFFSET = "Per eenheid '{column}' (offset); aantallen bij de laatste omvang ({exposure})."
ITS_LINE_RATE = "Verandering per {per} {column} in de laatste periode: {mean} (90%-interval {p05} – {p95})."
ITS_LINE_SEASON_HARMONIC = "Seizoen: {k} sinus/cosinus-paar/paren over {period} perioden per jaar."
ITS_LINE_SEASON_DUMMIES = "Seizoen: een vaste factor per {per}."
ITS_LINE_AUTOCORRELATION = "Autocorrelatie van de residuen: lag 1 {lag1}; Ljung–Box (lag {lags}) p = {p}."
ITS_LINE_PLACEBO = ("Placebotoets (breuk eerder gelegd, alleen data vóór --vanaf): {found} van {n} geeft een "
                    "niveausprong met een 90%-interval zonder 1{which}.")
ITS_LINE_PLACEBO_NONE = "Placebotoets: te weinig perioden vóór --vanaf om de breuk eerder te leggen."


def its_lines(record: dict) -> list[str]:
    """The Dutch lines on a series' ITS choices and checks (a ``series`` record of ``--json``)."""
    lines = [ITS_LINE_MODEL.format(model=ITS_MODEL.get(record.get("model"), record.get("model")),
                                   se=ITS_SE_TYPES.get(record.get("se_type"), record.get("se_type")))]
    rate = record.get("rate_change")
    if record.get("offset"):
        lines.append(ITS_LINE_OFFSET.format(column=record["offset"], exposure=nl_number(rate["exposure"], 0)
                                            if rate else "–"))
        if rate:
            lines.append(ITS_LINE_RATE.format(per=nl_number(rate["per"], 0), column=record["offset"],
                                              mean=nl_number(rate["mean"], 3), p05=nl_number(rate["p05"], 3),
                                              p95=nl_number(rate["p95"], 3)))
    season = record.get("season")
    if season:
        if season["kind"] == "harmonic":
            lines.append(ITS_LINE_SEASON_HARMONIC.format(k=season["k"], period=season["period"]))
        else:
            lines.append(ITS_LINE_SEASON_DUMMIES.format(per=season["per"]))
    ac = record.get("autocorrelation") or {}
    if ac.get("lag1") is not None:
        lines.append(ITS_LINE_AUTOCORRELATION.format(lag1=nl_number(ac["lag1"], 2), lags=ac.get("lags"),
                                                     p=nl_number(ac["ljung_box_p"], 3)
                                                     if ac.get("ljung_box_p") is not None else "–"))
    if "placebo" in record:
        checks = record["placebo"]
        if not checks:
            lines.append(ITS_LINE_PLACEBO_NONE)
        else:
            hits = [c["vanaf"] for c in checks if c["level_change"]["p95"] < 1 or c["level_change"]["p05"] > 1]
            lines.append(ITS_LINE_PLACEBO.format(found=len(hits), n=len(checks),
                                                 which=f" ({', '.join(hits)})" if hits else ""))
    return lines
# synthetic data said (issue 22 item 4)
SYNTHETIC_HELP = ("Markeer de schatting als gemaakt uit synthetische (verzonnen) voorbeelddata: elke casus die haar "
                  "gebruikt, zegt dat in elk rapport en in 'mkba run'.")
SYNTHETIC_SENTENCE = ("Let op: deze casus gebruikt synthetische voorbeelddata ({files}); de uitkomsten illustreren de "
                      "methode en zeggen niets over de werkelijkheid.")
SYNTHETIC_HEADLINE = "Voorbeeld met synthetische data: de uitkomsten zeggen niets over de werkelijkheid."


def synthetic_sentence(files) -> str:
    """One sentence for every report headline, ``mkba run`` and the brief: the case uses
    synthetic example data (``files``: the included estimates marked ``synthetic: true``)."""
    return SYNTHETIC_SENTENCE.format(files=", ".join(files))

# ---- issue 23: small counts (AVG, DESIGN §17) ----
SMALL_COUNTS_MARK = "bevat kleine aantallen"
PRIVACY = "Privacy"  # the label of a note on what was merged or hidden
SMALL_COUNTS_WARNING = ("Let op: gemaakt met --geen-onderdrukking, dus dit bevat kleine aantallen (<10). "
                        "Alleen voor een eigen beveiligde omgeving; niet delen of publiceren.")
NO_SUPPRESSION_HELP = ("Laat kleine aantallen (<10) zien in plaats van ze samen te voegen of te onderdrukken. "
                       "Alleen voor een eigen beveiligde omgeving: elke uitvoer krijgt dan 'bevat kleine aantallen'.")
OTHER_GROUPS = {"overige-teams": "overige teams", "overige-alternatieven": "overige alternatieven",
                "overige-redenen": "overige redenen"}
_SIDES = {"successes": "het aantal met een maatwerkalternatief", "failures": "het aantal zonder",
          "successes+failures": "zowel het aantal met als zonder maatwerkalternatief"}
_GOAL_SIDES = {"successes": "het aantal met doel bereikt", "failures": "het aantal zonder",
               "successes+failures": "zowel het aantal met als zonder doel bereikt"}


def group_label(key: str) -> str:
    """A published group's name: a team, an alternative, or a merged group."""
    return OTHER_GROUPS.get(key) or ALTERNATIVES.get(key) or key


def _names(keys) -> str:
    return ", ".join(group_label(k) for k in keys)


def disclosure_note(code: str, facts: dict) -> str:
    """Why a group was merged or a number hidden (DESIGN §17), in one sentence."""
    rule = "om geen aantal onder de 10 prijs te geven (AVG)"
    if code == "overall_censored":
        return (f"Substitutie: {_SIDES.get(facts.get('side'), '')} is kleiner dan 10; de verdeling is daarom de "
                f"bèta die alleen 'minder dan 10' gebruikt (breder dan nodig, maar zonder het aantal), {rule}.")
    if code == "goal_deels_censored":
        return GOAL_DEELS_CENSORED_NOTE.format(rule=rule)
    if code == "goal_censored":
        return (f"Doel bereikt: {_GOAL_SIDES.get(facts.get('side'), '')} is kleiner dan 10; de verdeling gebruikt "
                f"alleen 'minder dan 10', {rule}.")
    if code == "goal_dropped":
        return f"Doel bereikt: minder dan 10 trajecten met een bekende uitkomst, dus niet geschat, {rule}."
    if code == "years_merged":
        return (f"Startjaren met minder dan 10 trajecten met of zonder maatwerkalternatief zijn samengevoegd met een "
                f"buurjaar ({', '.join(facts.get('groups', []))}), {rule}.")
    if code == "years_dropped":
        return f"Per startjaar niet getoond: de jaren zijn te klein, ook samengevoegd, {rule}."
    if code == "alternatives_merged":
        extra = (f"; {_names(facts['complementary'])} is erbij gevoegd zodat het kleine aantal niet als verschil "
                 "met het totaal te berekenen is") if facts.get("complementary") else ""
        return (f"Alternatieven met minder dan 10 trajecten ({_names(facts.get('alternatives', []))}) zijn samengevoegd "
                f"tot 'overige alternatieven'{extra}, {rule}.")
    if code == "alternatives_dropped":
        return f"Per alternatief niet getoond: elk alternatief is te klein, ook samengevoegd, {rule}."
    if code == "teams_merged":
        parts = []
        if facts.get("teams"):
            parts.append(f"teams met minder dan 10 trajecten met of zonder maatwerkalternatief ({_names(facts['teams'])})")
        if facts.get("without_team"):
            parts.append("trajecten zonder team")
        extra = (f"; {_names(facts['complementary'])} is erbij gevoegd zodat geen klein team als verschil met het "
                 "totaal te berekenen is") if facts.get("complementary") else ""
        return (f"{' en '.join(parts).capitalize()} zijn samengevoegd tot 'overige teams'{extra}, {rule}. De pooling "
                "gebruikt alleen de getoonde groepen.")
    if code == "teams_dropped":
        return f"Per team niet getoond: de teams zijn te klein, ook samengevoegd, {rule}."
    if code == "volumes_banded":
        why = ("een volume is kleiner dan 10" if facts.get("small_cells") else
               "het verschil tussen volumes en de getelde trajecten (onbekende codes) is kleiner dan 10")
        return (f"Volumes en rijentallen staan als bandbreedte (bijv. 130–139, of het aantal getelde trajecten plus 0 tot 9; <10 als 0–9): {why}, en exacte "
                f"aantallen zouden dat kleine aantal prijsgeven. In de casus is zo'n volume een uniforme verdeling "
                "over de bandbreedte.")
    if code == "goal_banded":
        return ("Doel bereikt: het aantal trajecten met bekende uitkomst staat als bandbreedte (anders volgt met de "
                "andere aantallen een klein aantal onbekende codes); de verdeling gebruikt het aandeel op hele procenten "
                "en die bandbreedte, dus iets breder dan nodig.")
    if code == "rows_banded":
        return ("Minder dan 10 rijen uitgesloten: het aantal rijen staat als bandbreedte (de gebruikte rijen plus 1 "
                "tot 9), anders volgt het aantal uitgesloten rijen als verschil met het aantal gebruikte rijen.")
    return code


def registration_source_published(name: str, sha256: str, first: str | None, last: str | None,
                                  rows: int | str, used: int | str, small_counts: bool) -> str:
    """The source line of a registrations estimate, with its counts as they may be shown."""
    text = registration_source(name, sha256, first, last, small(rows), small(used))
    return text + (f"; {SMALL_COUNTS_MARK}" if small_counts else "")


# ---- issue 23: a cut that raises a cost (mkba validate) ----
CUT_WORDS = ("bezuinig", "korting", "kort op", "snij", "besparing")
CUT_RAISES_LINE = ("scenario '{label}' heet een bezuiniging of korting, maar kost op '{cost}' meer dan de basis "
                   "(€ {before} → € {after}, contante waarde bij basiswaarden). Gebruikt het 'set' met een vast "
                   "bedrag? Schrijf een korting als 'scale' (bijv. scale: {{budget: 0.8}}), dan blijft het een "
                   "korting als de basis verandert.")
CUT_RAISES_TOTAL = ("scenario '{label}' heet een bezuiniging of korting, maar de totale kosten zijn hoger dan in de "
                    "basis (€ {before} → € {after}, contante waarde bij basiswaarden).")


# ---- issue 23: a failure of the operating system, in Dutch, naming the user's file ----
OS_ERRORS = {
    "ENOSPC": "de schijf is vol: {path} kon niet (helemaal) worden geschreven. Maak ruimte vrij of kies een andere plek",
    "EDQUOT": "uw opslagquotum is op: {path} kon niet worden geschreven. Maak ruimte vrij of kies een andere plek",
    "EACCES": "geen toestemming voor {path}. Kies een map waarin u mag schrijven (of lezen), of vraag om rechten",
    "EPERM": "geen toestemming voor {path}. Kies een map waarin u mag schrijven (of lezen), of vraag om rechten",
    "EROFS": "{path} ligt op een alleen-lezen schijf of map. Kies een andere plek om te schrijven",
    "ENOENT": "de map of het bestand bestaat niet of kan hier niet worden gemaakt: {path}. Controleer het pad",
    "ENOTDIR": "een deel van het pad is een bestand, geen map: {path}. Controleer het pad",
    "EISDIR": "{path} is een map, geen bestand. Geef een bestandsnaam op",
    "ENAMETOOLONG": "de bestandsnaam is te lang: {path}. Kies een kortere naam of map",
    "EMFILE": "te veel open bestanden tegelijk bij {path}. Sluit andere programma's en probeer opnieuw",
    "EBUSY": "{path} is in gebruik (bijv. geopend in Excel). Sluit het bestand en probeer opnieuw",
    "ETXTBSY": "{path} is in gebruik. Sluit het bestand en probeer opnieuw",
    "EEXIST": "{path} bestaat al",
    "EIO": "leesfout of schrijffout van de schijf bij {path}. Controleer de schijf of kies een andere plek",
}
OS_ERROR_OTHER = "het besturingssysteem weigert {path} (foutcode {code}). Controleer het pad en de rechten"


def os_error(errno_value: int | None, path: str) -> str:
    """An operating-system failure as one Dutch sentence naming the user's file (never English,
    never a temporary file)."""
    import errno as errno_module

    code = errno_module.errorcode.get(errno_value or -1, "")
    path = path or "(onbekend bestand)"
    return f"kan niet verder: {OS_ERRORS.get(code, OS_ERROR_OTHER).format(path=path, code=code or errno_value)}"
OS_REASONS = {"ENOSPC": "de schijf is vol", "EDQUOT": "opslagquotum op", "EACCES": "geen toestemming",
              "EPERM": "geen toestemming", "EROFS": "alleen-lezen schijf of map", "ENOENT": "bestaat niet",
              "ENOTDIR": "een deel van het pad is geen map", "EISDIR": "is een map", "ENAMETOOLONG": "naam te lang",
              "EBUSY": "in gebruik", "EIO": "lees- of schrijffout van de schijf"}

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
    # -- help of each command (the first sentence is its line in `mkba --help`)
    "cmd.validate": "Controleer een casusbestand en meld alle problemen tegelijk (bestand:regel pad: wat er mis is).",
    "cmd.run": "Bereken kosten, baten, netto contante waarde en baten/kosten-verhouding, met onzekerheid.",
    "cmd.compare": "Vergelijk de basis met alle scenario's op dezelfde trekkingen: besparing, verloren baten, wie het draagt, kans-beste en EVPI.",
    "cmd.sensitivity": "Welke aannames sturen de uitkomst, en hoe ver mogen ze bewegen voordat de conclusie omslaat?",
    "cmd.report": "Maak een bestuursrapport (HTML, Nederlands) met papermill: samenvatting, grafieken, gevoeligheid, scenario's, aannames en herkomst.",
    "cmd.vergelijk": "Zet organisaties naast elkaar (regionale vergelijking, HTML): baten per euro, netto contante waarde, wie profiteert, wat de uitkomst drijft, met de kanttekeningen.",
    "cmd.init": "Schrijf een gedocumenteerd sjabloon (of een meegeleverd voorbeeld) voor een nieuwe casus dat direct valideert en draait.",
    "cmd.estimate_registraties": ("Substitutie (bèta-posterior), teams met partiële pooling, volumes en doel bereikt uit een registratie-export.\n\n"
                                  "Kleine aantallen (<10) worden nooit getoond, ook niet af te leiden (AVG): te kleine teams, alternatieven en "
                                  "jaren worden samengevoegd; een notitie zegt wat en waarom."),
    "cmd.estimate_monitor": ("Onderbroken tijdreeks (Poisson/negatief-binomiaal): niveausprong, trendbreuk en vermeden cliënten per jaar.\n\n"
                             "Een aantal onder de 10 in het bestand telt als '<10' (gecensureerd in [0, 9]), zoals de monitor zelf publiceert."),
    "cmd.convert": "Zet een casus om tussen YAML en Excel (beide kanten op, zonder verlies): de casus wordt eerst gecontroleerd.",
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
    "excluded_example_id": "rij {row}, kolom '{column}'",
    "excluded_line": "  {reason}: {n} (bijv. {where})",
    "excluded_line_bare": "  {reason}: {n}",
    "substitution_title": "Substitutie: aandeel trajecten met een maatwerkalternatief",
    "substitution_columns": ("", "Met maatwerk", "Met bekend alternatief", "Gemiddelde", "90%-interval"),
    "total": "Totaal",
    "start_year": "Startjaar {year}",
    "team": "Team {team} (gepoold)",
    "team_other": "{group} (gepoold)",
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
    "written_registrations": "Parameters geschreven: {out} (gebruik in een casus: include: [{name}])",
    "written_monitor": "Parameters geschreven: {out}; trekkingen: {draws}",
}


def estimate_text(case, est: dict) -> str:
    """Markdown for the report: which data were used and excluded, and the posterior of each
    parameter (moved here from mkba.faces.report_data); small counts follow DESIGN §17."""
    lines = []
    if est.get("bevat_kleine_aantallen"):  # made with --geen-onderdrukking (DESIGN §17)
        lines.append(f"**{SMALL_COUNTS_MARK.capitalize()}.** {SMALL_COUNTS_WARNING}")
    if est.get("kind") == "registraties":
        period = est.get("period") or ["?", "?"]
        lines.append(f"**Bron:** registratie-export `{est['file']}` (SHA-256 `{est['sha256'][:16]}…`), "
                     f"startdata {period[0]} t/m {period[1]}"
                     + (f", soort *{est['soort']}*" if est.get("soort") else "") + ".")
        excluded = est.get("excluded") or {}
        dropped = "; ".join(f"{EXCLUSION_REASONS.get(r) or group_label(r)}: {small(n)}" for r, n in excluded.items())
        lines.append(f"**Gebruikt:** {small(est['used'])} van {small(est['rows'])} rijen"
                     + (f"; uitgesloten (per reden): {dropped}." if dropped else "; geen rijen uitgesloten."))
        volumes = []
        banded = set(est.get("suppressed") or [])
        for name in est["parameters"]:
            spec = case.parameters.get(name)
            if spec is None:
                continue
            if spec.family != "beta":
                if name in banded:  # a small or banded volume (DESIGN §17): its band, never a count
                    lo, hi = spec.quantile(0.0), spec.quantile(1.0)
                    shown = SMALL_COUNT if hi < 10 else f"{nl_number(lo, 0)}–{nl_number(hi, 0)}"
                    volumes.append(f"{case.label_of(name)}: {shown}")
                else:
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
        for note in est.get("disclosure") or []:
            facts = {k: v for k, v in note.items() if k != "code"}
            lines.append(f"*{PRIVACY}:* {disclosure_note(note['code'], facts)}")
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


# -- short lines of the command line (mkba.faces.cli)
VALIDATE_OK = ("[green]OK[/green] {file}: casus '{id}', {parameters} parameters ({uncertain} onzeker), {costs} kostenposten, "
               "{effects} effecten, {scenarios} scenario's.")
PROGRESS = {"run": "Simuleren", "compare": "Scenario's simuleren"}
INIT_TEMPLATE_WRITTEN = "Sjabloon geschreven: {target}\nVolgende stap: mkba validate {target} && mkba run {target}"



# ---- issue 17: labels the faces still spelled themselves (report_data, console) ----
ASSUMPTION_NO_SOURCE = "(geen bron of toelichting)"      # assumptions table, 'Bron / toelichting' cell
ASSUMPTION_ONLY_IN_SCENARIOS = " (alleen gebruikt in scenario's)"
ASSUMPTION_FIXED = "vast"                                 # 'Verdeling' cell of the optimism rows
UNIT_FRACTION = "fractie"                                 # 'Eenheid' cell of the optimism rows
PROVENANCE_COLUMNS = ("Gegeven", "Waarde")                # provenance table of a report
FIGURE_ALT = "Figuur"                                     # alt text of a figure without a title
DRAW_WORDS = ("trekking", "trekkingen")                   # one draw, several draws

# -- the report notebooks' own lines (notebooks/mkba_report.ipynb, notebooks/scenario_comparison.ipynb)
NOTEBOOK = {
    "report_heading": "## {title}\n\n**{heading}** — periode {first}–{last}, prijspeil {price_year}, discontovoet {rate}",
    "its_title": "{name}: waargenomen en zonder verandering",
    "optimism_below_table": "*{note}* De correctie staat onderaan de tabel.",
    "comparison_heading": "## {title}\n\nDe basis en {n} scenario's, periode {first}–{last}.",
    "for_funder": "\n**Voor {who}:**",
    "evpi": ("\nVerwachte waarde van perfecte informatie (EVPI) over deze keuze voor de maatschappij: {evpi} — zoveel "
             "is het hooguit waard om alle onzekerheid weg te nemen voordat er besloten wordt (voor {who}: "
             "{evpi_funder})."),
    "society": "maatschappij",
    "per_rate": "Per discontovoet met {n} trekkingen.",
    "estimated_on": "Geschat op {n} trekkingen.",
    "overlay_set": "- zet *{name}* op {value}",
    "overlay_scale": "- vermenigvuldigt *{name}* met {factor}",
    "overlay_drop": "- laat vervallen: {lines}",
    "overlay_add": "- voegt effect toe: {label} (waarde: {value})",
    "all_options": "alle opties",
}

# -- the regional comparison notebook's own lines (notebooks/regionale_vergelijking.ipynb; mkba vergelijk)
REGIONAL_NB = {
    "intro": ("**{n} organisaties**, elk {draws} trekkingen (seed {seed}); bedragen in euro's van **{price_year}** "
              "(contante waarde over de eigen looptijd)."),
    "period": "{title}: {first}–{last} ({horizon} jaar)",
    "years": ("- **Andere jaren en looptijden.** {periods}. Een langere looptijd telt meer jaren kosten én baten; "
              "vergelijk daarom vooral de verhouding (baten per euro) en de kans op een positief saldo, niet de totalen."),
    "factor": "{title} (prijspeil {price_year}) × {factor}",
    "prices": ("- **Andere prijspeilen, omgerekend naar {price_year}** met de CBS-consumentenprijsindex (jaargemiddelden, "
               "2015 = 100): {factors}. De baten/kosten-verhouding en de kansen veranderen daar niet door. Bron: {source}"),
    "scope_words": {"organisatie+aandeel": "organisatiebudget × aandeel van de gemodelleerde diensten",
                    "organisatie": "het hele organisatiebudget", "diensten": "alleen de gemodelleerde diensten",
                    "onbekend": "niet opgegeven"},
    "scopes": ("- **Andere afbakening van de kosten.** {scopes}. Waar het hele budget tegenover een deel van de "
               "effecten staat, valt de verhouding te laag uit; waar de afbakening niet is opgegeven, is dat niet te "
               "controleren."),
    "measured_one": "{title}: {share} van de parameters met een bron, {pm} PM-posten, {limitations} beperkingen",
    "measured": ("- **Gemeten of aangenomen.** {measured}. Een casus met veel aannames kan gunstig of ongunstig uitvallen "
                 "zonder dat de organisatie beter of slechter werkt; PM-posten (niet in geld uitgedrukt) staan buiten de "
                 "getallen."),
    "values": "- **Waarden uit de waardenbank of aangenomen.** ",
    "services": ("- **Andere diensten.** Elke casus waardeert andere diensten (zie 'Wat er gewaardeerd is'); "
                 "een organisatie met meer preventief of collectief werk heeft meer baten die moeilijk in geld te "
                 "vangen zijn."),
    "table_columns": ("Organisatie", "Periode", "Kosten (€ {price_year})", "Baten (€ {price_year})",
                      "NCW (€ {price_year}; 90%-interval)", "Baten per euro (90%-interval)", "Kans baten > kosten"),
    "table_caption": ("Basis van elke casus, contante waarde in euro's van {price_year}; baten per euro = gemiddelde "
                      "baten / gemiddelde kosten"),
    "bcr_axis": "baten per geïnvesteerde euro (90%-interval)",
    "bcr_title": "Baten/kosten-verhouding",
    "prob_axis": "kans dat de baten de kosten overtreffen",
    "prob_title": "Kans op een positief saldo",
    "groups": {"gemeente": "Gemeente", "huishoudens": "Huishoudens", "zorgverzekeraars": "Zorgverzekeraars",
               "samenleving": "Samenleving"},
    "other": "Overig",
    "organisation": "Organisatie",
    "share_axis": "aandeel in de baten (contante waarde)",
    "share_title": "Wie ontvangt de baten?",
    "net_caption": "Netto per belanghebbende (gemiddelde contante waarde, euro's van {price_year})",
    "assumption": "Aanname",
    "p10_p90": "NCW met de aanname op P10 / P90 (€ {price_year})",
    "range": "Bereik",
    "drivers_caption": "Top 3 van de tornado per organisatie",
    "valued": "Gewaardeerde diensten: {categories}.",
    "pm_head": "PM-posten (niet in geld uitgedrukt):",
    "pm_none": "De casus noemt geen PM-posten: wat niet in geld is uitgedrukt, blijft hier onzichtbaar.",
    "limits_head": "Beperkingen volgens de casus zelf:",
    "limits_none": "De casus noemt geen eigen beperkingen.",
    "scope_warning": "**Let op:** {n} kostenpost(en) zetten het hele organisatiebudget tegenover de effecten.",
    "draws_per_case": "Trekkingen per casus",
    "seed": "Seed",
    "price_year": "Prijspeil",
    "case": "Casus {id}",
}


# ---- issue 23: small-count audit ----
# An excluded row's example without its row number: with 1–9 rows excluded, a late row number
# beside the used rows would tell how many (see RegistrationEstimate.example_row_shown).
EXCLUDED_EXAMPLE_NO_ROW = "kolom '{column}': {value}; rijnummer niet getoond (AVG)"
EXCLUDED_EXAMPLE_NO_ROW_ID = "kolom '{column}'; rijnummer niet getoond (AVG)"
GOAL_DEELS_CENSORED_NOTE = ("Doel bereikt: minder dan 10 trajecten hebben het doel deels bereikt; de verdeling gebruikt "
                            "daarom alleen 'minder dan 10' voor dat aantal (iets breder dan nodig), zodat een schatting "
                            "met een andere waarde voor --deels het aantal niet verraadt, {rule}.")

# ---- council pages review: numbers as precise as known, labels inside sentences ----


def eur_with_se(value: float, se: float) -> tuple[str, str]:
    """An estimate and its standard error as a reader sees them, rounded alike to what the error
    allows (DESIGN §7): (12093, 622) -> ('€ 12.100', '€ 600'), never '€ 12.093 (± € 622)'."""
    from mkba.faces.formatting import round_with_se

    shown, error = round_with_se(value, se)
    return nl_eur_short(shown), nl_eur_short(error)


def label_mid_sentence(label: str) -> str:
    """A label inside a sentence: 'Bereik zonder outreachend werken' -> 'bereik zonder outreachend
    werken'; an abbreviation ('AMW-trajecten in de gebiedsteams') keeps its capitals."""
    return _lower_first(label)


def brief_funder_costs_more(who: str, change: float, lo: float, hi: float) -> str:
    """The funder's own net effect of an option that costs more than the baseline (an investment):
    not 'de besparing min …', for it saves nothing."""
    interval = f" (90%-interval {BRIEF_INTERVAL.format(lo=signed_eur(lo), hi=signed_eur(hi))})" if lo != hi else ""
    return f"{who} zelf: netto {signed_eur(change)}{interval}: de extra kosten min de eigen baten die erbij komen."


def brief_bearers_costs_more(parts: list[tuple[str, float]]) -> str:
    """Who pays for an option that saves nothing: every stakeholder that is worse off than in the baseline."""
    if not parts:
        return "Geen partij gaat er naar verwachting op achteruit."
    return "Wie erop achteruitgaat: " + "; ".join(f"{who}: {nl_eur_short(loss)}" for who, loss in parts) + "."


# index.html: the baseline's sentences after the cuts' headline, said to be the baseline's
INDEX_BASELINE_LEAD = "Ter vergelijking de basis (de casus zoals beschreven):"


def label_in_headline(label: str) -> str:
    """An option inside the headline sentence: 'Scenario 2: schrappen …' -> 'Scenario 2 (schrappen …)';
    a label without a number is quoted ('Van de 2 bezuinigingen kost ‘Korting van 10% vanaf 2026’, die …'),
    so it reads as a name rather than a capital in mid-sentence."""
    return label_inline(label) if ":" in label else f"‘{label}’"


def breakeven_left_out(n: int) -> str:
    """Break-even caption: how many assumptions turn only far outside their range (not shown);
    singular or plural, never 'aanname(s)'."""
    return (" 1 verdere aanname met een omslag ver buiten haar bereik niet getoond." if n == 1 else
            f" {nl_number(n, 0)} verdere aannames met een omslag ver buiten hun bereik niet getoond.")


def breakeven_never(n: int) -> str:
    """Break-even caption: how many assumptions cannot turn the outcome at any allowed value."""
    return (" 1 aanname kan de uitkomst op geen enkele toegestane waarde laten omslaan." if n == 1 else
            f" {nl_number(n, 0)} aannames kunnen de uitkomst op geen enkele toegestane waarde laten omslaan.")


def evppi_groups_worthless(whats: list[str]) -> str:
    """Research questions (EVPPI groups) whose answer cannot change this choice, in one line."""
    joined = whats[0] if len(whats) == 1 else ", ".join(whats[:-1]) + " en " + whats[-1]
    return (f"Onderzoek naar {joined} verandert deze keuze naar verwachting niet (waarde van perfecte informatie: "
            f"{nl_eur(0)}).")
