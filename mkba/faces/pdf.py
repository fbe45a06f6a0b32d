"""Print report pages to A4 PDF with headless Chromium (``mkba report … --pdf``, DESIGN §12).

Chromium is the system's own (Debian ``/usr/bin/chromium``, or ``MKBA_CHROMIUM``), driven
through Playwright, which gives what ``chromium --print-to-pdf`` cannot: the case title in the
page header and "Pagina x van y" in the footer. Page breaks that never cut a figure or a table
come from the print CSS of the report template (``break-inside: avoid``). A page with a table
of contents is printed twice: the second time each entry carries the page its section starts on,
read from the first print's named destinations (the layout does not change: the numbers sit in
the entries' own lines).
"""

from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

from mkba.core.errors import MkbaError
from mkba.core.io import write_bytes_atomic
from mkba.faces import text_nl

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MARGIN = {"top": "18mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}


class PdfError(MkbaError):
    """PDF printing is not possible here (no Chromium, no Playwright) or failed."""


def find_chromium() -> str | None:
    """The Chromium to print with: ``MKBA_CHROMIUM``, else the first on PATH, else Debian's path."""
    explicit = os.environ.get("MKBA_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def check() -> str:
    """Fail early, before any notebook runs, when a PDF cannot be made; return Chromium's path."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise PdfError(text_nl.PDF_NO_PLAYWRIGHT) from None
    chromium = find_chromium()
    if chromium is None:
        raise PdfError(text_nl.PDF_NO_CHROMIUM)
    return chromium


def _header(title: str) -> str:
    text = html.escape(text_nl.PDF_HEADER.format(title=title))
    return (f'<div style="font-size:8px;width:100%;margin:0 14mm;color:#555;font-family:sans-serif;">{text}</div>')


def _footer() -> str:
    text = text_nl.PDF_FOOTER.format(page='<span class="pageNumber"></span>', total='<span class="totalPages"></span>')
    return f'<div style="font-size:8px;width:100%;text-align:center;color:#555;font-family:sans-serif;">{text}</div>'


#: The links of a report page's table of contents (made by the report template).
TOC_LINKS = "nav.mkba-inhoud li > a"
_NUMBER_TOC = """(pages) => {
  for (const a of document.querySelectorAll('nav.mkba-inhoud li > a')) {
    const n = pages[decodeURIComponent(a.getAttribute('href').slice(1))];
    if (n === undefined) continue;
    const span = document.createElement('span');
    span.className = 'mkba-blz';
    span.textContent = String(n);
    a.parentElement.appendChild(span);
  }
}"""


def _print(page, title: str) -> bytes:
    return page.pdf(format="A4", print_background=True, display_header_footer=True,
                    header_template=_header(title), footer_template=_footer(), margin=MARGIN)


def section_pages(data: bytes) -> dict[str, int]:
    """The page (from 1) on which each named anchor of a printed page lands: Chromium keeps the
    page's ids as named destinations, so a heading's page is read from the PDF itself."""
    import io

    try:
        import pypdf
    except ImportError:  # (the pdf extra brings it) then the contents have no page numbers
        return {}
    reader = pypdf.PdfReader(io.BytesIO(data))
    return {str(name).lstrip("/"): reader.get_destination_page_number(dest) + 1
            for name, dest in reader.named_destinations.items()}


def print_pdfs(pages: list[tuple[Path, Path]], title: str, chromium: str | None = None) -> list[Path]:
    """Print each ``(html, pdf)`` pair to A4; return the PDFs written (atomically)."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    chromium = chromium or check()
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=ARGS)
        try:
            page = browser.new_page()
            for source, target in pages:
                try:
                    page.goto(source.as_uri(), wait_until="load")
                    page.emulate_media(media="print")
                    data = _print(page, title)
                    numbers = section_pages(data) if page.locator(TOC_LINKS).count() else {}
                    if numbers:  # the contents get the page of each section
                        page.evaluate(_NUMBER_TOC, numbers)
                        data = _print(page, title)
                except PlaywrightError as exc:
                    raise PdfError(text_nl.PDF_FAILED.format(page=source.name, reason=str(exc).splitlines()[0])) from None
                write_bytes_atomic(target, data)
                written.append(target)
        finally:
            browser.close()
    return written


__all__ = ["PdfError", "check", "find_chromium", "print_pdfs", "section_pages"]
