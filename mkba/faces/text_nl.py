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
