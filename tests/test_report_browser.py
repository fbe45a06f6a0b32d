"""The report in a real browser: headless Chromium (Debian's package) opens index.html and
every report page; every image must load and the page must raise no errors.

Skipped, with the reason, only where no Chromium can be found (``.ci/run`` installs it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkba.faces.report import build_report

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)
playwright = pytest.importorskip("playwright.sync_api", reason="playwright (dev extra) is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine: apt-get install chromium (.ci/run does)")

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def test_every_page_loads_its_images_without_errors(tmp_path, example_path):
    folder = build_report(example_path, draws=400, seed=2, out=tmp_path, sobol_n=32)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page()
        errors: list[str] = []
        failed: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("requestfailed", lambda req: failed.append(req.url))
        page.goto((folder / "index.html").as_uri())
        links = page.eval_on_selector_all("a[href$='.html']", "els => els.map(e => e.href)")
        assert len(links) == 2
        for url in links:
            page.goto(url, wait_until="load")
            state = page.evaluate("""() => Array.from(document.images).map(i => [i.complete, i.naturalWidth])""")
            assert len(state) >= 4, url
            assert all(complete and width > 0 for complete, width in state), (url, state)
            assert "Elke geïnvesteerde euro" in page.inner_text("body") or "Minst nadelige" in page.inner_text("body")
        browser.close()
    assert errors == [] and failed == []
