"""Runnable examples in the docs are run: module doctests and the README's Python block."""

from __future__ import annotations

import doctest
import os
import re

import pytest

import mkba.analysis.decision
import mkba.analysis.sensitivity.sobol
import mkba.core.results

from .conftest import ROOT


@pytest.mark.parametrize("module", [mkba.analysis.decision, mkba.core.results, mkba.analysis.sensitivity.sobol], ids=lambda m: m.__name__)
def test_doctests(module):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_readme_python_example_runs(monkeypatch):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    exec(compile(blocks[0].replace("draws=10_000", "draws=1_000"), "README.md", "exec"), namespace)  # noqa: S102
    assert 0 < namespace["mkba"].decision.evpi(namespace["nb"]) < 1e7
    assert os.path.exists(namespace["case"].path)
