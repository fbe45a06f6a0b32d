"""faces layer: everything a user reads (CLI, console, reports), in Dutch.

Loading it makes the core's problems read in Dutch everywhere (``str(problem)``, the text of a
``CaseError``), also in notebooks and the Python API once a face is imported.
"""

from mkba.core.errors import use_renderer
from mkba.faces.text_nl import render_problem

use_renderer(render_problem)
