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

WORKERS_HELP = ("Aantal processen op deze computer dat de trekkingen verdeelt (standaard 1); "
                "verandert geen uitkomst.")


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
