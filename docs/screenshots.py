"""Screenshots of a report for the README: the first screen and the tornado figure.

    .venv/bin/python docs/screenshots.py [--case parameters/de_kop.yaml] [--draws 4000] [--report DIR]

Builds a report of the example case into a temporary folder (or uses ``--report DIR``, a
finished run folder), opens it in headless Chromium (the system's, as ``mkba report --pdf``
uses) and writes ``docs/img/rapport-eerste-scherm.png``, ``docs/img/rapport-tornado.png``,
``docs/img/samenvatting.png`` (the council brief's first A4 page) and
``docs/img/rapport-pdf-pagina1.png`` (the top of the page as Chromium prints it to A4, print
CSS applied; the PDF itself adds the header with the case title and the page-number footer).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from mkba.faces.pdf import ARGS, check
from mkba.faces.report import build_report

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
VIEWPORT = {"width": 1280, "height": 900}


def shoot(folder: Path, out: Path = IMG) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=check(), headless=True, args=ARGS)
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
        page.goto((folder / "rapport-basis.html").as_uri(), wait_until="load")
        target = out / "rapport-eerste-scherm.png"
        page.screenshot(path=str(target))
        written.append(target)
        tornado = page.locator("img[alt^='Tornado']").first
        tornado.scroll_into_view_if_needed()
        target = out / "rapport-tornado.png"
        tornado.screenshot(path=str(target))
        written.append(target)
        pdf = folder / "rapport-basis.pdf"
        if pdf.exists():
            # Chromium's own PDF viewer is not available headless; show page 1 as the printed HTML
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
            page.evaluate("window.scrollTo(0, 0)")
            target = out / "rapport-pdf-pagina1.png"
            page.screenshot(path=str(target))
            written.append(target)
        brief = folder / "samenvatting.html"  # the council brief (issue 18), as printed on A4
        if brief.exists():
            page.emulate_media(media="print")
            page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
            page.goto(brief.as_uri(), wait_until="load")
            target = out / "samenvatting.png"
            page.screenshot(path=str(target))
            written.append(target)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", default=str(ROOT / "parameters" / "de_kop.yaml"))
    parser.add_argument("--draws", type=int, default=4000)
    parser.add_argument("--report", type=Path, help="an existing run folder instead of building one")
    args = parser.parse_args()
    if args.report:
        folder = args.report
        for path in shoot(folder):
            print(path)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = build_report(args.case, draws=args.draws, seed=1, out=tmp, sobol_n=256, pdf=True)
        for path in shoot(folder):
            print(path)


if __name__ == "__main__":
    main()
