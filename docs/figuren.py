"""Figures for the handbook that are drawn, not screenshotted: ``python docs/figuren.py``.

Writes ``docs/img/verdelingen.png``: the distribution families of the case format, each as the
density of an example parameter, with the Dutch words a reader sees in the handbook.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from mkba.core.distributions import parse_parameter  # noqa: E402
from mkba.faces.formatting import nl_number  # noqa: E402

OUT = Path(__file__).resolve().parent / "img" / "verdelingen.png"

EXAMPLES = [  # (title, record): the same examples the handbook's table uses
    ("uniform: min 0,2 – max 0,5", {"dist": "uniform", "min": 0.2, "max": 0.5}),
    ("triangular: 0,2 / 0,35 / 0,5", {"dist": "triangular", "min": 0.2, "mode": 0.35, "max": 0.5}),
    ("pert: 0,2 / 0,35 / 0,5", {"dist": "pert", "min": 0.2, "mode": 0.35, "max": 0.5}),
    ("normal: gemiddelde 0,35, sd 0,05", {"dist": "normal", "mean": 0.35, "sd": 0.05}),
    ("beta: 35 successen uit 100", {"dist": "beta", "successes": 35, "trials": 100}),
    ("lognormal: gemiddelde 0,35, sd 0,1", {"dist": "lognormal", "mean": 0.35, "sd": 0.1}),
]


def main() -> None:
    rng = np.random.default_rng(1)
    u = rng.random(200_000)
    fig, axes = plt.subplots(2, 3, figsize=(10, 5.2), sharex=True)
    for ax, (title, record) in zip(axes.flat, EXAMPLES, strict=True):
        values = parse_parameter(record).ppf(u)
        ax.hist(values, bins=np.linspace(0, 0.8, 81), density=True, color="#2f6f9f")
        ax.set_title(title, fontsize=10)
        ax.set_yticks([])
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: nl_number(x, 1)))
    fig.suptitle("Zes verdelingen rond 0,35 (bijvoorbeeld een substitutieaandeel)", fontsize=12)
    fig.tight_layout()
    OUT.parent.mkdir(exist_ok=True)
    fig.savefig(OUT, dpi=110)
    print(OUT)


if __name__ == "__main__":
    main()
