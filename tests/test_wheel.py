"""The installable wheel (DESIGN §12): notebooks, report templates and example cases travel as
package data, so an installed ``mkba`` makes a report without a source checkout.

The test builds the wheel from a copy of the source tree, lists it, installs it into a fresh
virtual environment in a temporary folder outside the repository (dependencies from the package
index; pip's cache may be reused, site packages may not), and in an empty folder runs
``mkba init x --voorbeeld de-kop`` and ``mkba report x.yaml --draws 2000``. It takes minutes, so
it is marked ``slow`` (deselect locally with ``-m "not slow"``); CI runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

SKIP = shutil.ignore_patterns(".git", ".venv", "reports", "build", "dist", "*.egg-info", "__pycache__",
                              ".pytest_cache", ".ruff_cache", ".hypothesis", ".ipynb_checkpoints")


def _run(args: list[str], cwd: Path, timeout: float = 1800, env: dict | None = None) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert proc.returncode == 0, f"{' '.join(map(str, args))}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def test_init_voorbeeld_writes_the_bundled_example_under_a_new_id(tmp_path, capsys):
    """In a checkout the examples are parameters/*.yaml; the copy differs only in its case id."""
    import mkba
    from mkba.core import bundled
    from mkba.faces.cli import main

    assert bundled.notebooks_dir() == ROOT / "notebooks"
    assert bundled.example_cases()["de-kop"] == ROOT / "parameters" / "de_kop.yaml"
    target = tmp_path / "mijn.yaml"
    assert main(["init", "mijn", "--voorbeeld", "de-kop", "--out", str(target)]) == 0
    original = (ROOT / "parameters" / "de_kop.yaml").read_text(encoding="utf-8").splitlines()
    copy = target.read_text(encoding="utf-8").splitlines()
    assert [(a, b) for a, b in zip(original, copy, strict=True) if a != b] == [("  id: de-kop", "  id: mijn")]
    ours = mkba.simulate(mkba.load_case(target), draws=300, seed=2).summary()
    theirs = mkba.simulate(mkba.load_case(ROOT / "parameters" / "de_kop.yaml"), draws=300, seed=2).summary()
    assert ours["case"] == "mijn" and {**ours, "case": "de-kop"} == theirs
    assert main(["init", "mijn", "--voorbeeld", "de-kop", "--out", str(target)]) == 2  # never overwrites
    assert main(["init", "ander", "--voorbeeld", "bestaat-niet", "--out", str(tmp_path / "a.yaml")]) == 2
    assert "onbekend voorbeeld 'bestaat-niet'; meegeleverde voorbeelden: de-kop" in capsys.readouterr().err
    assert not (tmp_path / "a.yaml").exists()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a clean copy of the source tree (no stale build/ folder can leak in)."""
    src = tmp_path_factory.mktemp("src") / "mkba"
    shutil.copytree(ROOT, src, ignore=SKIP)
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(src)], cwd=src)
    (built,) = dist.glob("mkba-*.whl")
    return built


@pytest.mark.slow
def test_wheel_carries_notebooks_templates_and_examples(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        assert f"mkba/resources/notebooks/{notebook.name}" in names
    assert "mkba/resources/parameters/de_kop.yaml" in names
    assert "mkba/resources/template.yaml" in names
    for template in (ROOT / "mkba" / "resources" / "templates").rglob("*"):
        if template.is_file():
            assert f"mkba/{template.relative_to(ROOT / 'mkba').as_posix()}" in names
    assert "mkba/batch.py" in names and "mkba/faces/cli.py" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith(("notebooks/", "parameters/", "tests/"))]
    # the copies are the files users edit at the top level, byte for byte
    with zipfile.ZipFile(wheel) as zf:
        assert zf.read("mkba/resources/parameters/de_kop.yaml") == (ROOT / "parameters" / "de_kop.yaml").read_bytes()


@pytest.mark.slow
def test_installed_wheel_makes_a_report_outside_the_checkout(wheel, tmp_path_factory):
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=True, system_site_packages=False, clear=True).create(env_dir)
    bin_dir = env_dir / "bin"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--no-compile", str(wheel)], cwd=env_dir,
         env=env)

    work = tmp_path_factory.mktemp("leeg")
    assert not list(work.iterdir())
    where = _run([str(bin_dir / "python"), "-c", "import mkba, mkba.core.bundled as b, sys;"
                  "print(mkba.__file__); print(b.notebooks_dir()); print(mkba.example_case_path());"
                  "print(sys.path)"], cwd=work, env=env)
    module, notebooks, example, paths = where.stdout.splitlines()
    assert Path(module).is_relative_to(env_dir) and not Path(module).is_relative_to(ROOT)
    assert notebooks == str(Path(module).parent / "resources" / "notebooks")
    assert Path(example).is_file() and Path(example).is_relative_to(env_dir)
    assert str(ROOT) not in paths and "dist-packages" not in paths

    _run([str(bin_dir / "mkba"), "init", "x", "--voorbeeld", "de-kop"], cwd=work, env=env)
    assert "id: x" in (work / "x.yaml").read_text(encoding="utf-8")
    done = _run([str(bin_dir / "mkba"), "report", "x.yaml", "--draws", "2000"], cwd=work, env=env)
    (run,) = (work / "reports" / "x").iterdir()
    assert str(run / "index.html") in done.stdout.replace("\n", "")  # rich wraps long paths
    for page in ("index.html", "rapport-basis.html", "scenariovergelijking.html"):
        assert (run / page).stat().st_size > 1000, page
    report = (run / "rapport-basis.html").read_text(encoding="utf-8")
    assert "lke geïnvesteerde euro levert naar verwachting" in report  # "Voor de maatschappij: elke …"
    summary = json.loads((run / "summary.json").read_text(encoding="utf-8"))
    assert summary["case"] == "x" and summary["draws"] == 2000
    assert 0.5 < summary["metrics"]["bcr_of_means"] < 2.0
