"""The report in a real browser: headless Chromium (Debian's package) opens index.html and
every report page; every image must load, the page must raise no errors, and the text a reader
sees holds no parameter id and no English. The same run is printed to PDF (``--pdf``), and the
PDF's text must hold the board sentence and the assumptions table.

It runs wherever it is run. It FAILS (it does not skip) when Chromium, playwright or pypdf is
missing, so CI cannot stay green without it; only an explicit ``MKBA_SKIP_BROWSER=1`` skips it
(for a developer's machine without a browser — ``.ci/run`` never sets it, and installs Chromium)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from mkba.faces.report import build_report

if os.environ.get("MKBA_SKIP_BROWSER") == "1":
    pytest.skip("MKBA_SKIP_BROWSER=1: the browser test is skipped on purpose", allow_module_level=True)

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)
MISSING = []
try:
    import playwright.sync_api as playwright
except ImportError:  # pragma: no cover - depends on the machine
    playwright = None
    MISSING.append("playwright (dev extra: pip install -e .[dev])")
try:
    import pypdf
except ImportError:  # pragma: no cover - depends on the machine
    pypdf = None
    MISSING.append("pypdf (dev extra)")
if CHROMIUM is None:
    MISSING.append("Chromium (apt-get install -y chromium; .ci/run does)")


@pytest.fixture(autouse=True, scope="module")
def _browser_available():
    """Fail, naming what is missing, unless MKBA_SKIP_BROWSER=1 (checked above)."""
    if MISSING:
        pytest.fail("the browser test cannot run: missing " + ", ".join(MISSING)
                    + ". Install it, or set MKBA_SKIP_BROWSER=1 to skip this test on purpose", pytrace=False)


ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
ENGLISH = ("Each", "evaluations", "break-even", "baseline", "Scenario baseline", "base output")


@pytest.fixture(scope="module")
def folder(tmp_path_factory, example_path, monkeypatch_module):
    monkeypatch_module.setenv("MKBA_CHROMIUM", CHROMIUM)
    return build_report(example_path, draws=400, seed=2, out=tmp_path_factory.mktemp("reports"), sobol_n=32, pdf=True)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def ids_visible(text: str, names) -> list[str]:
    """Parameter ids that appear as a whole token (an id such as 'substitutie' that is also a
    Dutch word is checked in the table cells that used to show ids, below)."""
    return [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]


def test_every_page_loads_its_images_without_errors_and_speaks_dutch(folder, example_case):
    id_like = [n for n in example_case.parameters if "_" in n]
    plain = set(example_case.parameters) - set(id_like)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        failed: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("requestfailed", lambda req: failed.append(req.url))
        page.goto((folder / "index.html").as_uri())
        index_text = page.inner_text("body")
        links = page.eval_on_selector_all("a[href$='.html']", "els => els.map(e => e.href)")
        pdf_links = page.eval_on_selector_all("a[href$='.pdf']", "els => els.map(e => e.href)")
        assert len(links) == 3 and len(pdf_links) == 3
        assert links[0].endswith("/samenvatting.html")  # the council brief is the first link (issue 18)
        for text in (index_text,):
            assert not [w for w in ENGLISH if w in text] and ids_visible(text, id_like) == []
        for url in links:
            page.goto(url, wait_until="load")
            if url.endswith("/samenvatting.html"):  # the brief: words and a table, no figures
                text = page.inner_text("body")
                assert "Samenvatting voor de raad" in text and "per bespaarde euro" in text
                assert [w for w in ENGLISH if w in text] == [] and ids_visible(text, id_like) == []
                continue
            state = page.evaluate("""() => Array.from(document.images).map(i => [i.complete, i.naturalWidth])""")
            assert len(state) >= 4, url
            assert all(complete and width > 0 for complete, width in state), (url, state)
            text = page.inner_text("body")
            assert "Elke geïnvesteerde euro" in text or "elke geïnvesteerde euro" in text or "per bespaarde euro" in text
            assert [w for w in ENGLISH if w in text] == [], url
            assert ids_visible(text, id_like) == [], url
            first_cells = page.eval_on_selector_all("table tbody tr td:first-child", "els => els.map(e => e.innerText.trim())")
            assert first_cells and not plain & set(first_cells), url  # 'substitutie', 'vrijwilligers': labels only
            alts = page.eval_on_selector_all("img", "els => els.map(e => e.alt)")
            assert "Tornado: invloed van elke aanname (overige op basiswaarde)" in alts or "scenariovergelijking" in url
        browser.close()
    assert errors == [] and failed == []


def test_pdf_holds_the_board_sentence_and_the_assumptions(folder, example_case):
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["pdf"] == ["samenvatting.pdf", "rapport-basis.pdf", "scenariovergelijking.pdf"]
    assert len(pypdf.PdfReader(folder / "samenvatting.pdf").pages) <= 2
    assert {"rapport-basis.pdf", "scenariovergelijking.pdf"} <= set(manifest["files"])
    reader = pypdf.PdfReader(folder / "rapport-basis.pdf")
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)  # A4 in mm
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]
    text = " ".join(pages).replace("ﬀ", "ff").replace("ﬁ", "fi").replace("ﬂ", "fl")
    assert re.search(r"Voor de maatschappij: elke geïnvesteerde euro levert naar verwachting € \d,\d\d op "
                     r"\(90%-interval € \d,\d\d – € \d,\d\d\); kans dat de baten de kosten overtreffen: \d+%", text)
    assert "Alle aannames: elke aanname met verdeling, eenheid en bron of toelichting" in text
    squeezed = text.replace(" ", "")
    for name in example_case.parameters:  # every assumption's label is in the printed table
        assert example_case.label_of(name).replace(" ", "") in squeezed, name
    # every figure is printed exactly once: one cut by a page break would appear on two pages
    figures = len(re.findall(r'<img [^>]*src="data:image/png', (folder / "rapport-basis.html").read_text(encoding="utf-8")))
    assert sum(len(page.images) for page in reader.pages) == figures >= 5
    n = len(pages)
    for i, page in enumerate(pages, start=1):  # header: the case title; footer: page numbers
        assert f"MKBA {example_case.title}" in page and f"Pagina {i} van {n}" in page, i


# --- issue 18: PDFs a council can file ------------------------------------------------------------
def _pdf_pages(path: Path) -> list[str]:
    import unicodedata

    return [unicodedata.normalize("NFKC", page.extract_text()) for page in pypdf.PdfReader(path).pages]


def _squeezed(text: str) -> str:
    import unicodedata

    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _text_reach(page) -> float:
    """How far down the page's body its text reaches (0 = only at the top, 1 = to the footer);
    1 for a page that holds a figure."""
    if page.images:
        return 1.0
    height = float(page.mediabox.height)
    top, bottom = height - 18 / 25.4 * 72, 16 / 25.4 * 72  # the margins: header and footer live there
    ys = []

    def visit(text, cm, tm, _font, _size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and bottom < y < top:
            ys.append(y)

    page.extract_text(visitor_text=visit)
    return (top - min(ys)) / (top - bottom) if ys else 0.0


def test_pdf_holds_every_note_and_source_whole_and_no_page_is_near_empty(folder, example_case):
    """Nothing clipped at the right margin: every parameter note and every source of the case is in
    the PDF's text whole (they are in the assumptions table's widest column and the sources list);
    no page but the last is left mostly empty by a block pushed to the next page."""
    for name in ("rapport-basis.pdf", "scenariovergelijking.pdf"):
        text = _squeezed("".join(_pdf_pages(folder / name)))
        notes = [n for n, spec in example_case.parameters.items() if spec.note and _squeezed(spec.note) not in text]
        assert notes == [], (name, notes)
        sources = [key for key, full in example_case.sources.items() if _squeezed(full) not in text]
        assert sources == [], (name, sources)
        pages = pypdf.PdfReader(folder / name).pages
        reach = [round(_text_reach(page), 2) for page in pages[:-1]]
        assert min(reach) >= 0.3, (name, reach)  # the issue: page 2 of every PDF was 80% blank


def test_reports_have_a_table_of_contents_labelled_groups_and_titles(folder, example_case):
    from mkba.faces import text_nl

    first = " ".join(_pdf_pages(folder / "rapport-basis.pdf")[0].split())
    assert text_nl.TOC_TITLE in first
    for section in ("Samenvatting voor het bestuur", "Aannames", "Wat het model niet meeneemt", "Herkomst"):
        assert section in first, section
    # each entry carries the page its section starts on (read back from the first print)
    pages = [" ".join(page.split()) for page in _pdf_pages(folder / "rapport-basis.pdf")]
    start = next(i for i, page in enumerate(pages, start=1) if "Elke aanname van de casus, met verdeling" in page)
    layout = pypdf.PdfReader(folder / "rapport-basis.pdf").pages[0].extract_text(extraction_mode="layout")
    assert re.search(rf"^\s*\d+\. Aannames\s+{start}\s*$", layout, flags=re.MULTILINE), layout[:1500]
    html = (folder / "rapport-basis.html").read_text(encoding="utf-8")
    assert f"<title>{text_nl.option_label(example_case, None)}</title>" in html
    assert 'href="#Aannames"' in html and 'id="Aannames"' in html  # the contents link to their sections
    comparison = " ".join(" ".join(_pdf_pages(folder / "scenariovergelijking.pdf")).split())
    for group in example_case.groepen:  # EVPPI groups by their label, never their id
        assert example_case.group_label(group) in comparison and group not in comparison, group


# --- council pages review: no column outside the printed page -------------------------------------
def test_printed_tables_keep_every_column_inside_the_page(folder):
    """Laid out as `--pdf` prints them (print media, A4 minus the PDF's margins), no table of any
    page reaches past the right margin: the per-payer table of the co-financing section and the
    comparison's PM-posten table did (their last columns were cut off in every PDF)."""
    from mkba.faces.pdf import MARGIN

    mm = 210 - float(MARGIN["left"].removesuffix("mm")) - float(MARGIN["right"].removesuffix("mm"))
    width = int(mm / 25.4 * 96)  # CSS px
    wide = {}
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": 1000})
        page.emulate_media(media="print")
        for html in sorted(folder.glob("*.html")):
            page.goto(html.as_uri(), wait_until="load")
            wide[html.name] = page.evaluate(
                """w => Array.from(document.querySelectorAll('table'))
                         .filter(t => t.getBoundingClientRect().right > w + 1)
                         .map(t => (t.caption ? t.caption.innerText : t.innerText).slice(0, 60))""", width)
        browser.close()
    assert {name: tables for name, tables in wide.items() if tables} == {}
    assert {"rapport-basis.html", "scenariovergelijking.html", "samenvatting.html"} <= set(wide)
