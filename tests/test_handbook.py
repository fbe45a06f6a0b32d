"""The Dutch handbook (``docs/``, built with MkDocs) cannot go stale.

- Every command shown in a ``console`` block (a line starting with ``$ ``) is run, page by page in
  a fresh copy of ``parameters/`` and ``docs/voorbeelden/`` (as ``voorbeelden/``), in the order the page shows them; it must exit 0 (or the
  status a ``<!-- handboek: exit N -->`` comment just above the block names), and every line shown
  under it must appear in what it printed (``...`` stands for lines left out).
- ``<!-- handboek: start-stop -->`` above a block: the command serves (``mkba verken``); it is
  started, must print its address, and is stopped.
- ``<!-- handboek: chromium -->``: the command needs Chromium (``--pdf``); it runs where Chromium
  is installed, as in CI, and is skipped elsewhere with the reason.
- Every command and option of ``mkba --help`` appears in the handbook.
- ``mkdocs build --strict`` succeeds (no broken link, no missing page).

``bash`` blocks are illustrations (installing, opening a file) and are not run.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
MARKER = re.compile(r"<!--\s*handboek:\s*(?P<what>[^>]*?)\s*-->")
FENCE = re.compile(r"^```(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)^```\s*$", re.S | re.M)


@dataclass
class Command:
    page: str
    line: int
    text: str
    shown: list[str] = field(default_factory=list)
    exit: int = 0
    mode: str = "run"  # run | start-stop | chromium


def commands_of(page: Path) -> list[Command]:
    """The console commands of one page, in order, with what the page shows of their output."""
    text = page.read_text(encoding="utf-8")
    out: list[Command] = []
    for match in FENCE.finditer(text):
        if match["lang"] != "console":
            continue
        before = text[: match.start()].rstrip().splitlines()[-1:] or [""]
        marker = MARKER.search(before[0])
        exit_code, mode = 0, "run"
        if marker:
            what = marker["what"]
            if what.startswith("exit"):
                exit_code = int(what.split()[1])
            elif what in ("start-stop", "chromium"):
                mode = what
            else:
                raise AssertionError(f"{page.name}: onbekende markering '{what}'")
        line0 = text[: match.start()].count("\n") + 2
        current: Command | None = None
        lines = match["body"].splitlines()
        i = 0
        while i < len(lines):
            raw = lines[i]
            if raw.startswith("$ "):
                cmd = raw[2:]
                while cmd.endswith("\\") and i + 1 < len(lines):  # a command over several lines
                    i += 1
                    cmd = cmd[:-1] + " " + lines[i].strip()
                current = Command(page.name, line0 + i, cmd.strip(), exit=exit_code, mode=mode)
                out.append(current)
            elif current is not None and raw.strip() and raw.strip() != "...":
                current.shown.append(raw.strip())
            i += 1
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _argv(cmd: str) -> list[str]:
    import shlex

    argv = shlex.split(cmd)
    bin_dir = Path(sys.executable).parent
    if argv[0] == "mkba":
        exe = bin_dir / "mkba"
        argv[0] = str(exe) if exe.exists() else shutil.which("mkba")
    elif argv[0] == "python":
        argv[0] = sys.executable
    else:
        raise AssertionError(f"alleen mkba- en python-opdrachten worden uitgevoerd, niet: {cmd}")
    return argv


def _workdir(tmp_path: Path) -> Path:
    work = tmp_path / "werk"
    work.mkdir()
    shutil.copytree(ROOT / "parameters", work / "parameters",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DOCS / "voorbeelden", work / "voorbeelden")
    return work


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("COLUMNS", "200")
    env.setdefault("NO_MKDOCS_2_WARNING", "1")  # the theme's banner about its successor is not a problem of ours
    return env


def _serve(argv: list[str], work: Path) -> str:
    """Start a serving command, wait for its address, stop it; returns what it printed."""
    proc = subprocess.Popen(argv, cwd=work, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)
    printed = ""
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            printed += line
            if "http://" in line:
                break
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert "http://" in printed, printed
    return printed


def _chromium() -> bool:
    return bool(os.environ.get("MKBA_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser"))


@pytest.mark.parametrize("page", [p.name for p in PAGES if commands_of(p)])
def test_every_command_on_the_page_runs_as_shown(page, tmp_path):
    commands = commands_of(DOCS / page)
    work = _workdir(tmp_path)
    for cmd in commands:
        where = f"{cmd.page}:{cmd.line}: {cmd.text}"
        argv = _argv(cmd.text)
        if cmd.mode == "chromium" and not _chromium():
            continue  # shown; runs where Chromium is (CI installs it)
        if cmd.mode == "start-stop":
            printed = _serve(argv, work)
        else:
            done = subprocess.run(argv, cwd=work, env=_env(), capture_output=True, text=True, timeout=900)
            printed = done.stdout + done.stderr
            assert done.returncode == cmd.exit, f"{where}\nafsluitstatus {done.returncode}\n{printed[-3000:]}"
        flat = _norm(printed)
        for line in cmd.shown:
            assert _norm(line) in flat, f"{where}\nniet gevonden: {line!r}\nin:\n{printed[-3000:]}"


def test_only_mkba_and_python_commands_are_shown_as_runnable():
    for page in PAGES:
        for cmd in commands_of(page):
            _argv(cmd.text)


def _cli_surface() -> list[tuple[str, list[str]]]:
    """(command path, its long options) for every command of `mkba --help`."""
    import typer

    from mkba.faces.cli import app

    group = typer.main.get_command(app)
    out = []

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*path, name])
            return
        opts = sorted({o for p in cmd.params for o in p.opts if o.startswith("--") and o != "--help"})
        out.append((" ".join(path), opts))

    walk(group, [])
    return out


def test_every_command_and_option_appears_in_the_handbook():
    text = "\n".join(p.read_text(encoding="utf-8") for p in PAGES)
    missing = []
    for path, options in _cli_surface():
        if not re.search(rf"mkba {re.escape(path)}\b", text):
            missing.append(f"mkba {path}")
        for option in options:
            if not re.search(rf"{re.escape(option)}(?![\w-])", text):
                missing.append(f"mkba {path} {option}")
    assert missing == [], "niet in het handboek: " + ", ".join(missing)


def test_the_site_builds_strictly(tmp_path):
    mkdocs = Path(sys.executable).parent / "mkdocs"
    argv = [str(mkdocs)] if mkdocs.exists() else [sys.executable, "-m", "mkdocs"]
    done = subprocess.run([*argv, "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=ROOT,
                          env=_env(), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'lang="nl"' in index
    for page in PAGES:
        assert (tmp_path / "site" / page.with_suffix(".html").name).exists(), page.name
