"""Synthetic data said (issue 22): a data file whose leading comment lines (``#``) call it
synthetic (``# synthetisch: …``) marks every estimate written from it ``synthetic: true``, and
every case that includes such an estimate says so in its reports and in ``mkba run``."""

from __future__ import annotations

from pathlib import Path

MARKERS = ("synthetisch", "synthetic")


def leading_comments(text: str) -> int:
    """How many lines at the top of ``text`` are comments (start with ``#``)."""
    count = 0
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        count += 1
    return count


def is_synthetic(path: str | Path) -> bool:
    """True when the file's leading comment lines name it synthetic (a CSV; other files: False)."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            for line in fh:
                if not line.startswith("#"):
                    return False
                if any(m in line.lower() for m in MARKERS):
                    return True
    except (OSError, UnicodeError):
        return False
    return False


def synthetic_includes(case) -> list[str]:
    """File names of the estimates this case includes that are marked ``synthetic: true``
    (written by ``mkba estimate`` from synthetic data), in include order."""
    from mkba.data_in.yamlio import load_yaml

    out = []
    for path in getattr(case, "includes", ()):
        try:
            data, _ = load_yaml(path)
        except Exception:  # noqa: BLE001 - the case loaded it already; a vanished file says nothing
            continue
        est = data.get("estimate") if isinstance(data, dict) else None
        if isinstance(est, dict) and est.get("synthetic") is True:
            out.append(Path(path).name)
    return out
