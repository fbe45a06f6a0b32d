"""House rules that keep one definition per concept (issue 17): every Dutch word a user reads
lives in mkba/faces/text_nl.py; the core raises codes with their numbers, worded there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import mkba
from mkba.faces import text_nl

PACKAGE = Path(mkba.__file__).resolve().parent

# Dutch function words that English text (ids, code, English messages) practically never holds;
# two of them in one string literal, or a Dutch diaeresis, make it a Dutch sentence.
DUTCH_WORDS = frozenset(
    "de het een van voor niet met zijn wordt worden geen naar bij ook deze dit uit kan moet alle maar "
    "wie hoe om dan nog welke waar elke zonder tussen tot".split())
DIAERESES = "ëïü"
# Single Dutch words a user reads as a label (column headers, progress labels, table cells); once
# spelled in the faces, now in text_nl. A literal that is exactly one of them is Dutch too. (The
# workbook's sheet names, e.g. "Kosten", "Toelichting", are the case format's ids in data_in/xlsx.py.)
DUTCH_LABELS = frozenset(
    "Figuur Gegeven Waarde Totaal Simuleren Baten Netto Aanname Belanghebbende Organisatie Periode "
    "Bron Optie Verdeling Eenheid Basiswaarde vast fractie trekking trekkingen".split())


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                out.add(id(first.value))
    return out


def looks_dutch(text: str) -> bool:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    return (sum(w in DUTCH_WORDS for w in words) >= 2 or any(c in text for c in DIAERESES)
            or text.strip() in DUTCH_LABELS)


def dutch_literals(source: str) -> list[tuple[int, str]]:
    """String literals (f-string parts included; docstrings and comments not) that read as Dutch."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and looks_dutch(node.value)]


def test_the_detector_tells_dutch_sentences_from_english_and_ids():
    assert looks_dutch("Schrijf de uitkomsten ook als Excel-tabellen naar dit bestand.")
    assert looks_dutch("Vermeden cliënten {year}")
    assert not looks_dutch("unknown scenario '{scenario}' in case '{case}'; choose one of: {known}")
    assert not looks_dutch("stakeholder.gemeente.pv_costs")
    assert not looks_dutch("kosten")  # an id, not a sentence
    assert looks_dutch("Totaal") and looks_dutch("Gegeven") and looks_dutch("trekkingen")  # labels
    assert not looks_dutch("Total") and not looks_dutch("basis")
    source = '"""Een docstring van de module."""\nx = "niet met de hand"  # een commentaar van mij\n'
    assert dutch_literals(source) == [(2, "niet met de hand")]


def test_no_dutch_literal_outside_text_nl():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "text_nl.py":
            continue
        found += [f"{path.relative_to(PACKAGE.parent)}:{line}: {text[:60]!r}"
                  for line, text in dutch_literals(path.read_text(encoding="utf-8"))]
    assert not found, "Dutch words belong in mkba/faces/text_nl.py:\n" + "\n".join(found)


def test_every_error_the_core_raises_is_a_code_worded_in_dutch():
    codes = set()
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                    and getattr(node.exc.func, "id", "") in ("UsageError", "MkbaError")):
                args = node.exc.args
                assert len(args) >= 2 and isinstance(args[1], ast.Constant), \
                    f"{path.name}:{node.lineno}: raise {ast.unparse(node.exc)[:70]} without a code"
                codes.add(args[1].value)
    assert len(codes) >= 14
    missing = sorted(c for c in codes if c not in text_nl.CLI_ERROR_TEXT and c not in text_nl.PROBLEM_TEXT)
    assert not missing, missing


def test_a_core_error_reads_dutch_through_its_code(example_case):
    import pytest

    from mkba.core.errors import UsageError

    with pytest.raises(UsageError) as info:
        mkba.simulate(example_case, draws=10, seed=-3)
    exc = info.value
    assert str(exc) == "seed must be ≥ 0 (got -3)"  # the plain fallback for Python users
    assert text_nl.render_problem_text(exc.code, exc.params.items(), str(exc)) == "seed moet een geheel getal ≥ 0 zijn (nu: -3)"


def test_faces_read_outputs_by_the_schema_not_the_model():
    """The faces import the output schema (mkba.core.outputs), never the model, and never the
    top-level facade (which imports everything)."""
    for path in sorted((PACKAGE / "faces").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module != "mkba.core.model", f"{path.name}:{node.lineno}"
                assert not (node.module == "mkba" and any(a.name not in ("batch",) for a in node.names)), \
                    f"{path.name}:{node.lineno}"
            elif isinstance(node, ast.Import):
                assert all(a.name not in ("mkba", "mkba.core.model") for a in node.names), f"{path.name}:{node.lineno}"


def test_every_table_of_text_nl_is_defined_once():
    """A table of words is one literal: no name assigned twice at module level, no
    ``TABLE.update({...})`` or ``TABLE["key"] = ...`` added later (a merged feature puts its words
    into the table itself). Merging a whole named section (``PROBLEM_TEXT.update(XLSX_MESSAGES)``)
    is allowed: that section is itself one literal."""
    from collections import Counter

    tree = ast.parse((PACKAGE / "faces" / "text_nl.py").read_text(encoding="utf-8"))
    assigned = Counter()
    later = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name):
                assigned[target.id] += 1
            elif isinstance(target, ast.Subscript):
                later.append(f"{node.lineno}: {ast.unparse(target)} = ...")
        if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "attr", "") == "update"
                and not all(isinstance(a, ast.Name) for a in node.value.args)):
            later.append(f"{node.lineno}: {ast.unparse(node.value)[:60]}")
    twice = sorted(name for name, n in assigned.items() if n > 1)
    assert not twice and not later, (twice, later)


# Notebooks this rule leaves out (none: every notebook's words are in text_nl).
NOTEBOOKS_NOT_YET: set[str] = set()


def test_no_dutch_literal_in_the_report_notebooks_code():
    """The report notebooks' code cells call text_nl for every word a reader sees."""
    import json

    notebooks = sorted((PACKAGE.parent / "notebooks").glob("*.ipynb"))
    assert {"mkba_report.ipynb", "scenario_comparison.ipynb", "regionale_vergelijking.ipynb"} <= {p.name for p in notebooks}
    found = []
    for path in notebooks:
        if path.name in NOTEBOOKS_NOT_YET:
            continue
        for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] != "code":
                continue
            source = "".join(line for line in cell["source"] if not line.lstrip().startswith(("%", "!")))
            found += [f"{path.name} cell {index}:{line}: {text[:60]!r}" for line, text in dutch_literals(source)]
    assert not found, "Dutch words belong in mkba/faces/text_nl.py:\n" + "\n".join(found)
