"""`mkba report` end to end on the example case at a small draw count: what it produced, not
only that it ran. Both notebooks are executed (report + scenario comparison)."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from mkba.faces import report as report_module
from mkba.faces import text_nl
from mkba.faces.cli import main
from mkba.faces.report import ReportError, build_report

DRAWS, SEED, SOBOL_N = 600, 3, 64


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: sha(p) for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def built(tmp_path_factory, example_path):
    out = tmp_path_factory.mktemp("reports")
    folder = build_report(example_path, draws=DRAWS, seed=SEED, out=out, sobol_n=SOBOL_N)
    return out, folder


def text_of(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").replace("\u00a0", " ").split())


def test_report_folder_holds_everything(built):
    out, folder = built
    assert folder.parent == out / "de-kop"
    names = {p.name for p in folder.iterdir()}
    assert {"index.html", "rapport-basis.html", "rapport-basis.ipynb", "scenariovergelijking.html",
            "scenariovergelijking.ipynb", "summary.json", "draws.parquet", "manifest.json"} <= names
    assert not any(p.name.startswith(".bezig") for p in folder.parent.iterdir())


def test_report_html_has_board_sentence_figures_and_assumptions(built, example_case):
    _, folder = built
    page = text_of(folder / "rapport-basis.html")
    assert re.search(r"Voor de maatschappij: elke geïnvesteerde euro levert naar verwachting € \d,\d\d op "
                     r"\(90%-interval € \d,\d\d – € \d,\d\d\); kans dat de baten de kosten overtreffen: \d+%", page)
    assert "Voor Gemeente Steenwijkerland zelf" in page
    images = re.findall(r'<img alt="([^"]*)"[^>]*src="data:image/png;base64', page)
    assert len(images) >= 5
    assert "Tornado: invloed van elke aanname (overige op basiswaarde)" in images
    assert "Alle aannames" in page
    for name in example_case.parameters:  # every assumption, by the label the case gives it
        assert html.escape(example_case.label_of(name), quote=False) in page, name
    for post in example_case.pm_posten:
        assert html.escape(post.label, quote=False) in page, post.label
    for sentence in example_case.beperkingen:
        assert html.escape(sentence, quote=False) in page, sentence
    headings = ("Samenvatting voor het bestuur", "Wat betekent dit?", "Wie betaalt en wie profiteert", "Substitutie",
                "Tornado", "Sobol", "Omslagwaarden", "Aannames", "Wat het model niet meeneemt", "Herkomst")
    positions = [re.search(rf"<h[1-4][^>]*>\s*{re.escape(h)}", page).start() for h in headings]
    assert positions == sorted(positions)  # headline first, provenance last
    balance = page.index("De balans (contante waarde")
    assert positions[1] < balance < page.index("Niet in geld uitgedrukt (PM-posten)") < positions[2]
    assert page.index("SHA-256") > page.index("Wat het model niet meeneemt")
    assert "import mkba" not in page  # code cells hidden
    assert "cdnjs" not in page and "<script src=" not in page  # self-contained, works offline
    comparison = text_of(folder / "scenariovergelijking.html")
    assert re.search(r"Van de 3 bezuinigingen (pakt|kost) Scenario \d", comparison)  # the council's question (issue 18)
    assert "per bespaarde euro" in comparison and "hoeveel een optie gemiddeld achterblijft" in comparison
    assert "Begrippenlijst" in comparison and "Begrippenlijst" in page
    assert "EVPI" in comparison and "Acceptatiecurve" in comparison
    assert "Hoe robuust is de keuze" in comparison and "even goed uitpakken" in comparison
    assert len(re.findall(r'<img [^>]*src="data:image/png;base64', comparison)) >= 4


def test_index_opens_with_the_brief_and_the_comparisons_headline(built):
    _, folder = built
    index = text_of(folder / "index.html")
    brief = text_of(folder / "samenvatting.html")
    assert index.index("Van de 3 bezuinigingen") < index.index("elke geïnvesteerde euro") < index.index("Rapporten")
    assert index.index("Samenvatting voor de raad") < index.index("Basis: Sociaal Werk De Kop")  # the first link
    first = re.search(r"<strong>(Van de 3 bezuinigingen[^<]*)</strong>", index).group(1)
    assert first in brief  # the same headline in both
    # the baseline's sentences that follow are said to be the baseline's, not the chosen cut's
    lead = text_nl.INDEX_BASELINE_LEAD
    assert index.index(first) < index.index(lead) < index.index("Voor de maatschappij: elke geïnvesteerde euro")
    assert not (folder / "samenvatting.docx").exists()  # only with --docx
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert "samenvatting.html" in manifest["files"]


def test_index_lists_reports_first_and_provenance_last(built):
    _, folder = built
    index = text_of(folder / "index.html")
    assert index.index("elke geïnvesteerde euro") < index.index("Rapporten") < index.index("Herkomst")
    assert index.index("Herkomst") < index.index("seed") and index.index("Herkomst") < index.index("SHA-256")
    assert ".pdf" not in index  # no --pdf, no PDF links


def test_missing_chromium_is_a_clear_dutch_message_before_anything_runs(example_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MKBA_CHROMIUM", str(tmp_path / "geen-chromium"))
    assert main(["report", str(example_path), "--pdf", "--draws", "200", "--out", str(tmp_path)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "--pdf heeft Chromium nodig en dat is op deze computer niet gevonden" in err
    assert "apt-get install chromium" in err and "Traceback" not in err
    assert not (tmp_path / "de-kop").exists()


def test_summary_json_equals_mkba_run_json(built, example_path, capsys):
    _, folder = built
    assert main(["run", str(example_path), "--draws", str(DRAWS), "--seed", str(SEED), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads((folder / "summary.json").read_text())


def test_manifest_hash_and_files(built, example_path):
    _, folder = built
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["case_sha256"] == sha(example_path)
    assert (manifest["draws"], manifest["seed"], manifest["sobol_n"]) == (DRAWS, SEED, SOBOL_N)
    assert manifest["versions"]["mkba"] and manifest["versions"]["numpy"] != "niet geïnstalleerd"
    for name, digest in manifest["files"].items():
        assert sha(folder / name) == digest, name


def test_draws_parquet_and_executed_notebooks(built):
    _, folder = built
    frame = pd.read_parquet(folder / "draws.parquet")
    assert len(frame) == DRAWS and {"npv", "bcr", "param.substitutie"} <= set(frame.columns)
    nb = nbformat.read(folder / "rapport-basis.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and f"draws = {DRAWS}" in injected[0].source
    assert not any(o.get("output_type") == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_broken_case_leaves_earlier_report_intact(built, example_path, tmp_path, capsys):
    out, folder = built
    before = snapshot(folder)
    broken = tmp_path / "de_kop.yaml"
    broken.write_text(example_path.read_text().replace("max: 0.45", "max: 0.30"), encoding="utf-8")
    assert main(["report", str(broken), "--draws", "200", "--out", str(out)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "parameters.substitutie: max (0,3) moet ≥ mode (0,35) zijn" in err
    assert snapshot(folder) == before
    assert [p for p in (out / "de-kop").iterdir() if p.is_dir()] == [folder]


def test_failing_notebook_is_kept_and_nothing_else_touched(built, example_path, monkeypatch, tmp_path):
    out, folder = built
    before = snapshot(folder)
    notebooks = tmp_path / "notebooks"
    shutil.copytree(report_module.NOTEBOOKS, notebooks)
    nb = nbformat.read(notebooks / "mkba_report.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('kapot voor de test')"))
    nbformat.write(nb, notebooks / "mkba_report.ipynb")
    monkeypatch.setattr(report_module, "NOTEBOOKS", notebooks)
    with pytest.raises(ReportError, match="kapot voor de test") as info:
        build_report(example_path, draws=200, seed=1, out=out, sobol_n=16)
    failed = [p for p in (out / "de-kop").iterdir() if p.name.endswith("-mislukt")]
    assert len(failed) == 1 and (failed[0] / "rapport-basis.ipynb").exists()
    assert str(failed[0]) in str(info.value) and "mkba_report.ipynb" in str(info.value)
    assert snapshot(folder) == before
    import psutil  # the other notebook's kernel, running beside the failing one, was ended too

    assert not [p for p in psutil.Process().children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]


def _text_outputs(notebook: Path) -> list[str]:
    nb = nbformat.read(notebook, as_version=4)
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            texts += [str(data[k]) for k in ("text/markdown", "text/html", "text/plain") if k in data]
    # pandas' Styler names each table at random, reprs carry memory addresses, provenance the time
    return [re.sub(r"T_[0-9a-f]{5}|0x[0-9a-f]+|\d{4}-\d\d-\d\dT[\d:]+\+00:00", "…", t) for t in texts]


def test_notebooks_side_by_side_give_the_same_pages_as_one_by_one(built, example_path, tmp_path):
    """By default the notebooks run side by side (one kernel each); every table and sentence is
    the same as one by one, and no kernel outlives the report."""
    import psutil

    out, folder = built  # made side by side (the default on a machine with two cores or more)
    one = build_report(example_path, draws=DRAWS, seed=SEED, out=tmp_path, sobol_n=SOBOL_N, notebooks_at_once=1)
    for name in ("rapport-basis.ipynb", "scenariovergelijking.ipynb"):
        assert _text_outputs(folder / name) == _text_outputs(one / name), name
    assert (folder / "summary.json").read_bytes() == (one / "summary.json").read_bytes()
    assert not [p for p in psutil.Process().children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]


def test_report_rejects_bad_options_before_running(example_path, tmp_path, capsys):
    assert main(["report", str(example_path), "--scenario", "s9", "--out", str(tmp_path)]) == 2
    assert main(["report", str(example_path), "--scenario", "s1-taakvelden", "--all", "--out", str(tmp_path)]) == 2
    assert main(["report", str(example_path), "--sobol-n", "1000", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "onbekend scenario 's9'" in err and "niet allebei" in err and "macht van twee" in err
    assert not (tmp_path / "de-kop").exists()
