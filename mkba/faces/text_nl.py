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


# ============================================================================================
# Command line: help, usage errors, progress, interruptions
# ============================================================================================


# ============================================================================================
# Console tables and reports
# ============================================================================================


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


# ============================================================================================
# Value of information
# ============================================================================================


# ============================================================================================
# Excel and PDF
# ============================================================================================
