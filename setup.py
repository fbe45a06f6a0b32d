"""Packaging: everything else is in pyproject.toml; this file only lists the packages and maps the
top-level folders.

``notebooks/`` and ``parameters/`` stay at the top level of the repository, where users look
(DESIGN §1), and travel in the wheel as package data under ``mkba/resources/`` so that an
installed ``mkba report`` and ``mkba init --voorbeeld`` work without a checkout (DESIGN §12).
A ``package-dir`` mapping does this declaratively: no copies in the source tree, no build hook,
no ``data-files`` outside the package. :mod:`mkba.core.bundled` finds either location.
"""

from setuptools import find_namespace_packages, setup

BUNDLED = {"mkba.resources.notebooks": "notebooks", "mkba.resources.parameters": "parameters"}

setup(
    packages=[*find_namespace_packages(include=["mkba*"], exclude=[*BUNDLED, "*.__pycache__"]), *BUNDLED],
    package_dir=BUNDLED,  # package data for these (and for mkba) is listed in pyproject.toml
)
