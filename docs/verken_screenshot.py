"""Screenshot of ``mkba verken`` for the README: the first screen at 1280 px with one slider moved.

    .venv/bin/python docs/verken_screenshot.py [--case parameters/de_kop.yaml]

Starts ``mkba verken`` on a free loopback port, opens it in headless Chromium (the system's, as
``mkba report --pdf`` uses), writes ``docs/img/verken.png`` and stops the server with Ctrl-C.
"""

from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkba.faces.pdf import ARGS, check

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", default="parameters/de_kop.yaml")
    parser.add_argument("--query", default="?scenario=s3-generiek&set=substitutie=0.3")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkba.faces.cli", "verken", args.case, "--port", str(port)],
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/"
        try:
            while True:
                out.seek(0)
                if url.encode() in out.read():
                    break
                if proc.poll() is not None:
                    raise SystemExit(f"mkba verken stopped: exit {proc.returncode}")
                time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=check(), headless=True, args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
                page.goto(url + args.query)
                page.wait_for_selector("#headline p.headline")
                page.wait_for_function("() => !document.body.classList.contains('busy')")
                IMG.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(IMG / "verken.png"))
                browser.close()
        finally:
            proc.send_signal(signal.SIGINT)
            proc.wait(timeout=30)
    print(IMG / "verken.png")


if __name__ == "__main__":
    main()
