"""Issue 18: every figure of a report reads as Dutch (a decimal comma on every axis, never 0.2),
fits an A4 page at its own size (so what is set in 8 pt prints in 8 pt) and uses no font below
8 pt; figures are embedded at their physical width."""

from __future__ import annotations

import re

import matplotlib
import numpy as np
import pandas as pd
import pytest

matplotlib.use("Agg")

import mkba  # noqa: E402
from mkba.analysis.sensitivity import sobol, tornado  # noqa: E402
from mkba.faces import plotting, report_data  # noqa: E402

CASE = """
mkba: 1
case: {id: x, title: X, start_year: 2024, horizon: 3}
stakeholders: {gemeente: Gemeente, huishoudens: Huishoudens}
parameters:
  budget: {value: 1000}
  aandeel: {dist: uniform, min: 0.1, max: 0.3, label: "Aandeel trajecten dat maatwerk vervangt bij een lange naam"}
  waarde: {dist: uniform, min: 1, max: 2}
costs:
  - {id: subsidie, label: Subsidie, amount: budget, payer: gemeente}
effects:
  - {id: e, label: E, category: c, kind: social, volume: 10, share: aandeel, value: waarde, beneficiaries: huishoudens}
scenarios:
  minder: {label: "Scenario 1: minder", scale: {aandeel: 0.5}}
"""

#: a decimal point between digits that is not a thousands point (those are followed by 3 digits)
DECIMAL_POINT = re.compile(r"\d\.(\d{1,2}|\d{4,})(?!\d)")


def _figures():
    case = mkba.load_case_text(CASE)
    result = mkba.simulate(case, draws=300, seed=1)
    cmp = mkba.compare(case, draws=300, seed=1)
    rng = np.random.default_rng(1)
    yield "bcr", plotting.distribution(rng.normal(1.1, 0.2, 500), "bcr")
    yield "npv", plotting.distribution(rng.normal(2e5, 3e5, 500), "npv")
    yield "ratios", plotting.distribution(rng.uniform(0.05, 0.35, 500), "bcr")
    yield "stakeholders", plotting.stakeholder_bars(report_data.stakeholder_frame(result))
    yield "yearly", plotting.yearly_flows(case.years, [1000.0, 1000.0, 1000.0], [300.5, 2.5, 1.25])
    yield "tornado", plotting.tornado_chart(tornado.analyze(case), labels=case.label_of, case=case)
    yield "sobol", plotting.sobol_bars(sobol.analyze(case, n=64, seed=1), labels=case.label_of, case=case)
    yield "options", plotting.scenario_comparison(report_data.stakeholder_change_frame(cmp))
    yield "weight", plotting.acceptability_curve(cmp.acceptability_by_weight(), labels={"baseline": "Basis"})
    yield "rate", plotting.acceptability_curve(pd.DataFrame({"discount_rate": [0.0, 0.015, 0.03] * 2,
                                                             "prob_best": [0.2, 0.5, 0.7, 0.8, 0.5, 0.3],
                                                             "option": ["a"] * 3 + ["b"] * 3}), x="discount_rate")
    yield "evppi", plotting.evppi_bars(pd.DataFrame({"label": ["Een aanname met een heel lange naam die wel moet "
                                                               "afbreken", "Groep"], "value": [120.5, 0.75],
                                                     "se": [10.2, 0.3], "evpi": [150.0, 150.0],
                                                     "group": [False, True]}), 150.0, "maatschappij")
    yield "shrinkage", plotting.shrinkage_plot(pd.DataFrame({"team": ["A", "B"], "trajecten": [40, 60],
                                                             "eigen_aandeel": [0.25, 0.45], "gepoold": [0.3, 0.4],
                                                             "p05": [0.2, 0.3], "p95": [0.4, 0.5]}), 0.35)


@pytest.fixture(scope="module")
def figures():
    out = dict(_figures())
    for fig in out.values():
        fig.canvas.draw()
    yield out
    import matplotlib.pyplot as plt

    plt.close("all")


def test_every_axis_uses_a_decimal_comma(figures):
    for name, fig in figures.items():
        labels = [t.get_text() for ax in fig.axes for t in (*ax.get_xticklabels(), *ax.get_yticklabels())]
        numbers = [t for t in labels if re.search(r"\d", t)]
        assert numbers, name
        assert [t for t in numbers if DECIMAL_POINT.search(t)] == [], (name, numbers)
    # the fractions on these axes are shown with a comma, as '0,2' (not '0.2')
    weight = [t.get_text() for t in figures["weight"].axes[0].get_xticklabels()]
    assert any(re.fullmatch(r"0,\d+", t) for t in weight), weight


def test_figures_fit_a4_and_no_text_is_below_8_points(figures):
    from matplotlib.text import Text

    for name, fig in figures.items():
        assert fig.get_size_inches()[0] <= plotting.MAX_WIDTH + 1e-9, name
        small = [(t.get_text(), t.get_fontsize()) for t in fig.findobj(Text)
                 if t.get_text().strip() and t.get_visible() and t.get_fontsize() < plotting.MIN_FONT]
        assert small == [], (name, small)


def test_a_figure_is_embedded_at_its_physical_width():
    """1 inch of figure is 96 CSS pixels on the page, so an A4 page (≈ 7,2 inch between the
    margins) prints it at 100%: what is set in 8 pt is 8 pt on paper."""
    fig = plotting.yearly_flows([2024, 2025], [1.0, 1.0], [2.0, 3.0])
    dpi = fig.get_dpi()
    png = report_data.figure_png(fig)
    width = report_data.figure_css_width(png, dpi)
    from mkba.faces.pdf import MARGIN

    between_margins = (210 - float(MARGIN["left"].removesuffix("mm")) - float(MARGIN["right"].removesuffix("mm"))) / 25.4
    assert width <= between_margins * 96  # never scaled down on an A4 page
    import io

    from PIL import Image

    assert width == round(Image.open(io.BytesIO(png)).size[0] * 96 / dpi)


def test_break_even_values_are_rounded_like_every_computed_amount():
    """DESIGN §7: a computed amount shows three significant figures, never '12.093'."""
    from mkba.faces.plotting import _computed

    assert _computed(12093.4) == "12.100" and _computed(-2733.2) == "−2.730" and _computed(1234567) == "1.230.000"
    assert _computed(0.3512) == "0,351" and _computed(600) == "600"
