"""core layer: the case and its records (case, distributions), the output schema (outputs), the
model (model, reference), sampling and seeds, the run (engine: plan and chunks; results:
collect and summarise; store; budget: what a run needs). It reads no files and has no words for
users: errors are codes with their numbers (errors), worded by the faces. Imports nothing above it."""
