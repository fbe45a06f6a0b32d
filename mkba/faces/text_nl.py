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


# ============================================================================================
# Value of information
# ============================================================================================


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
    "xlsx.formula_not_computed": "deze formule heeft geen berekende waarde in het bestand (het is nooit in een rekenprogramma geopend en opgeslagen); open en bewaar de werkmap in Excel of LibreOffice, of typ de waarde",
}

# -- Writing a case workbook (mkba.faces.excel_out.case_workbook) -----------------------------
XLSX_CANNOT_WRITE = "deze onderdelen van de casus passen (nog) niet in een werkmap: {keys}; er is niets geschreven"
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
    ("Parameters", "scenario / bewerking", "Leeg voor de basis. Anders: het scenario en 'set' (vervangt de parameter in dat "
     "scenario) of 'add' (nieuwe parameter voor dat scenario)."),
    ("Kosten", "id / label", "Unieke id van de post en de naam in rapporten."),
    ("Kosten", "amount", "Bedrag per jaar: getal, parameternaam of een lijst per jaar."),
    ("Kosten", "payer", "Wie betaalt: één belanghebbende of een verdeling."),
    ("Kosten", "years", "Optioneel: eerste en laatste jaar (t telt vanaf 0), bijv. '0; 4'."),
    ("Kosten", "category / source / note", "Optionele groepering, bron en toelichting."),
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
CONVERT_UNKNOWN_TYPE = "{path}: onbekend bestandstype; gebruik .yaml, .yml of .xlsx"
CONVERT_EXISTS = "{path} bestaat al; kies een andere naam of voeg --overwrite toe (er is niets geschreven)"
CONVERT_SAME_FILE = "IN en OUT zijn hetzelfde bestand"
CONVERT_DONE = "Omgezet: {source} → {target} (casus '{case}'). Controleer met: mkba validate {target}"
XLSX_OPTION_SUFFIX = "--xlsx {path}: geef een bestandsnaam die eindigt op .xlsx"
XLSX_INIT_SUFFIX = "--xlsx schrijft een werkmap: geef --out een naam die eindigt op .xlsx (niet {name})"
XLSX_WRITTEN = "Excel-tabellen geschreven: {path}"
