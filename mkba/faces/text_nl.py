"""Every Dutch word a user reads: labels, sentences, category names, messages (DESIGN §1).

The core and the analyses return data and codes; the faces (CLI, console tables, reports,
Excel, PDF) turn them into Dutch here, so wording is consistent and easy to change in one place.
Sections below keep each face's words together.
"""

from __future__ import annotations

# ============================================================================================
# Common words (stakeholder kinds, options, units)
# ============================================================================================


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
    "dist.base_outside": "base ({base}) ligt buiten het bereik van de verdeling [{low}, {high}]; kies een base daarbinnen",
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
    "range.parameter": ("parameter '{name}' kan waarden in [{s_low}, {s_high}] aannemen, maar dit moet {what} in "
                        "[{low}, {high}] zijn; maak de verdeling smaller (bijv. met min/max)"),
    "range.number": "{value} valt buiten het bereik: dit moet {what} in [{low}, {high}] zijn",
    "range.implausible": "{value} is niet plausibel: {what} is hoogstens {cap}",
    "range.implausible_parameter": "parameter '{name}' kan {reach} bereiken; dat is niet plausibel: {what} is hoogstens {cap}",
    "quantity.per_year_length": "een lijst per jaar heeft één waarde per jaar van de horizon ({horizon}); deze heeft er {n}",
    "split.two_rest": "hoogstens één belanghebbende mag 'rest' krijgen",
    "split.share_range": "aandeel {share} moet in [0, 1] liggen",
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

OS_ERROR = "kan niet verder: {reason} {file}"

# Usage errors raised with a code (core, analysis and CLI), rendered like PROBLEM_TEXT.
CLI_ERROR_TEXT: dict[str, str] = {
    "cli.not_finite": "{option} {value} is geen eindig getal; geef bijv. {example}",
    "cli.unknown_design": "onbekend steekproefontwerp '{design}'; kies een van: {known}",
    "cli.unknown_method": "onbekende methode '{method}'; kies een van: {known}",
    "cli.target_bcr_method": "--target-bcr hoort bij --method breakeven",
    "cli.n_method": "--n hoort bij --method sobol of morris",
    "cli.versus_unknown": "--versus {versus}: onbekende optie; kies baseline of een van: {known}",
    "cli.init_bad_id": "'{name}' is geen geldige casus-id: gebruik kleine letters, cijfers en '-' (bijv. mijn-gemeente)",
    "cli.init_exists": "{target} bestaat al; kies een andere naam of --out (er is niets overschreven)",
    "cli.draws_too_many": ("--draws {draws}: dat vraagt ongeveer {need} aan geheugen en tijdelijke schijfruimte, maar "
                           "er is {free} vrij; kies hoogstens --draws {maximum}"),
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
}

# Messages of the analyses that have no code yet (English text → Dutch), tried in order.
USAGE_PATTERNS: list[tuple[str, str]] = [
    (r"^perspective '(.+)' is not a stakeholder of case '(.+)'; choose society or one of: (.+)$",
     r"perspectief '\1' is geen belanghebbende van casus '\2'; kies society of een van: \3"),
    (r"^unknown scenario '(.+)'; choose from: (.+)$", r"onbekend scenario '\1'; kies uit: \2"),
    (r"^case '(.+)' declares no scenarios to compare; add some under 'scenarios:'$",
     r"casus '\1' heeft geen scenario's om te vergelijken; voeg ze toe onder 'scenarios:'"),
    (r"^unknown stakeholder '(.+)' in --output (.+); choose from: (.+)$",
     r"onbekende belanghebbende '\1' in --output \2; kies uit: \3"),
    (r"^unknown output '(.+)'; use npv, bcr or net:STAKEHOLDER \(e\.g\. net:gemeente\)$",
     r"onbekende uitkomst '\1'; gebruik npv, bcr of net:BELANGHEBBENDE (bijv. net:gemeente)"),
    (r"^case '(.+)' has no uncertain parameters to analyse$", r"casus '\1' heeft geen onzekere parameters om te analyseren"),
    (r"^no uncertain parameters to analyse$", r"geen onzekere parameters om te analyseren"),
    (r"^a difference of benefit-cost ratios means little; .*$",
     r"een verschil van baten/kosten-verhoudingen zegt weinig; gebruik --output npv of net:BELANGHEBBENDE met --versus"),
    (r"^--versus (.+) is the option being analysed; choose another option$",
     r"--versus \1 is de optie die al geanalyseerd wordt; kies een andere"),
    (r"^no uncertain parameter is shared by the two options$", r"de twee opties delen geen onzekere parameter"),
    (r"^--target-bcr must be > 0 \(got (.+)\)$", r"--target-bcr moet > 0 zijn (nu: \1)"),
    (r"^--target-bcr and --versus do not go together$", r"--target-bcr en --versus gaan niet samen"),
    (r"^Morris needs at least 2 trajectories \(--n\); got (.+)$", r"Morris heeft minstens 2 trajecten nodig (--n); nu: \1"),
    (r"^(.+) must be a power of two ≥ 4 for Sobol' sampling .*; got (.+)$",
     r"\1 moet een macht van twee ≥ 4 zijn voor Sobol-steekproeven (bijv. 1024, 4096, 8192); nu: \2"),
    (r"^the output is not finite for some samples.*$",
     r"de uitkomst is voor sommige trekkingen niet eindig (bijv. een verhouding met kosten nul); gebruik --output npv"),
    (r"^the output does not vary with these parameters; .*$",
     r"de uitkomst varieert niet met deze parameters; Sobol-indices zijn dan niet gedefinieerd"),
    (r"^seed must be (?:a whole number )?≥ 0 \(got (.+)\)$", r"seed moet een geheel getal ≥ 0 zijn (nu: \1)"),
    (r"^notebook (.+) is missing$", r"notebook \1 ontbreekt"),
]


def usage_message(text: str) -> str:
    """An analysis's English usage message in Dutch (unmatched text is shown as is)."""
    import re

    for pattern, replacement in USAGE_PATTERNS:
        if re.match(pattern, text, flags=re.DOTALL):
            return re.sub(pattern, replacement, text, flags=re.DOTALL)
    return text


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


# ============================================================================================
# Data in: estimates from registrations and monitor series
# ============================================================================================


# ============================================================================================
# Value of information
# ============================================================================================


# ============================================================================================
# Excel and PDF
# ============================================================================================
