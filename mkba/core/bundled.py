"""Where the notebooks and example cases are: in a source checkout, or in an installed wheel.

In a checkout (or an editable install) they live at the top level, where users look:
``notebooks/`` and ``parameters/``. The wheel carries copies as package data at
``mkba/resources/notebooks/`` and ``mkba/resources/parameters/`` (a ``package-dir`` mapping in
``setup.py``; nothing is copied in the source tree). The installed copy wins when it exists, so an
installed wheel never reaches for a stray ``notebooks/`` folder next to ``site-packages``.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent          # .../mkba
CHECKOUT = PACKAGE.parent                                  # the repository root in a checkout


def _locate(name: str, probe: str) -> Path:
    """``mkba/resources/<name>`` when installed from a wheel, else ``<checkout>/<name>``.

    ``probe`` is a file that must exist in the folder; when neither candidate has it, the
    checkout path is returned (callers report a missing file with its full path).
    """
    bundled = PACKAGE / "resources" / name
    if (bundled / probe).is_file():
        return bundled
    return CHECKOUT / name


def notebooks_dir() -> Path:
    """The folder with the report notebooks (``mkba_report.ipynb``, ...)."""
    return _locate("notebooks", "mkba_report.ipynb")


def examples_dir() -> Path:
    """The folder with the example cases (``de_kop.yaml``, ...)."""
    return _locate("parameters", "de_kop.yaml")


def example_cases() -> dict[str, Path]:
    """The bundled example cases by name (``de-kop`` for ``de_kop.yaml``), sorted by name.

    Every top-level ``*.yaml`` file in the examples folder that starts a case (``mkba: 1``) and
    stands alone counts. Parameter files meant for ``include:`` do not, nor (for now) cases that
    refer to other files (``include:`` of a relative file, ``file:`` of a draws table), because
    ``mkba init --voorbeeld`` writes one file.
    """
    found = {}
    folder = examples_dir()
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        lines = path.read_text(encoding="utf-8").splitlines()
        starts_case = any(line.startswith("mkba:") for line in lines)
        refers = any(_refers_to_a_file(line) for line in lines)
        if starts_case and not refers:
            found[path.stem.replace("_", "-")] = path
    return found


def _refers_to_a_file(line: str) -> bool:
    """Whether one line of a case names another file: an ``include:`` of anything but a bundled
    ``mkba:NAME``, a block-list item ``- file.yaml``, or a draws table's ``file:``."""
    flow = re.match(r"^\s*include:\s*\[(?P<items>[^\]]*)\]", line)
    if flow:
        return any(not item.strip().startswith("mkba:") for item in flow["items"].split(",") if item.strip())
    return bool(re.match(r"^\s*(include:\s*[^\s#\[]|-\s+(?!mkba:)[^\s#]+\.(ya?ml|csv|parquet)\b|file:)", line))


__all__ = ["example_cases", "examples_dir", "notebooks_dir"]
