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
