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
