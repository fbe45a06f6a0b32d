"""nl-NL number formatting and the AVG rule for small counts."""

from __future__ import annotations

import mkba
from mkba.faces import report_data
from mkba.faces.formatting import avg_count, nl_eur, nl_eur_short, nl_number, nl_percent, nl_smart

NBSP = "\u00a0"


def test_dutch_numbers():
    assert nl_number(1.2) == "1,20"
    assert nl_number(1234567.891, 2) == "1.234.567,89"
    assert nl_number(-103483, 0) == "−103.483"
    assert nl_eur(1234567) == f"€{NBSP}1.234.567"
    assert nl_eur(-1234.4) == f"−€{NBSP}1.234"
    assert nl_eur(1.2, 2) == f"€{NBSP}1,20"
    assert nl_eur_short(2_200_000) == f"€{NBSP}2,2{NBSP}mln"
    assert nl_percent(0.78) == "78%"
    assert nl_percent(0.0225, 2) == "2,25%"
    assert nl_smart(600) == "600" and nl_smart(2.7333) == "2,73" and nl_smart(0.35) == "0,350"


def test_counts_below_ten_are_suppressed():
    assert [avg_count(x) for x in (0, 3, 9.4, 10, 1234)] == ["0", "<10", "<10", "10", "1.234"]


def test_substitution_table_applies_the_avg_rule(tiny_case):
    res = mkba.simulate(tiny_case(), draws=10, seed=1)  # volume [20, 50] × share 0,2
    frame = report_data.substitution_frame(res)
    assert frame.loc[0, "2020"] == "<10"  # 20 × 0.2 = 4 trajectories
    assert frame.loc[0, "2021"] == "10"  # 50 × 0.2 = 10


def test_short_euros_keep_three_significant_figures():
    """A simulated amount is not known to the euro: below a million, three significant figures."""
    assert nl_eur_short(646_064) == f"€{NBSP}646.000"
    assert nl_eur_short(71_639) == f"€{NBSP}71.600"
    assert nl_eur_short(-1_234.5) == f"−€{NBSP}1.230"
    assert nl_eur_short(465.4) == f"€{NBSP}465"
    assert nl_eur_short(999_600) == f"€{NBSP}1,0{NBSP}mln"  # rounding may carry into millions
    assert nl_eur_short(10_526_428) == f"€{NBSP}10,5{NBSP}mln"
    assert nl_eur_short(0) == f"€{NBSP}0"


def test_amounts_rounded_to_what_their_interval_or_error_allows():
    """Two figures of the 90% interval's width (DESIGN §7): the issue's '€ 12.093 (± € 622)' and
    '€ 32.400' beside −€ 260.000 – € 291.000 cannot be shown."""
    from mkba.faces.formatting import round_to_interval, round_with_se
    from mkba.faces.text_nl import eur_with_se

    assert round_to_interval(32_400, -260_000, 291_000) == (30_000, -260_000, 290_000)
    assert round_to_interval(74_300, -216_000, 324_000) == (70_000, -220_000, 320_000)
    assert round_to_interval(298_000, -4_930, 569_000) == (300_000, 0, 570_000)
    assert round_to_interval(0.09, -0.36, 0.73) == (0.1, -0.4, 0.7)  # per euro saved: steps of € 0,10
    assert round_to_interval(0.32, -0.01, 0.61) == (0.32, -0.01, 0.61)  # width 0,62: cents stay
    assert round_to_interval(5.0, 5.0, 5.0) == (5.0, 5.0, 5.0)  # no spread: as it is
    # a standard error implies a 90% interval of ± 1,645 se
    assert round_with_se(12_093, 622) == (12_100, 600)
    assert round_with_se(376, 98) == (380, 100)
    assert round_with_se(0.0, 0.0) == (0.0, 0.0)
    assert eur_with_se(12_093, 622) == ("€\u00a012.100", "€\u00a0600")
