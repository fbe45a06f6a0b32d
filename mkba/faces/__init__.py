"""faces layer: everything a user reads (CLI, console, reports, workbooks), in Dutch.

The core and the analyses raise codes with their numbers; the faces word them with
:mod:`mkba.faces.text_nl` (e.g. :func:`~mkba.faces.text_nl.render_problem` for a located problem)
where they show them. Importing a face changes nothing elsewhere (no global state).
"""
