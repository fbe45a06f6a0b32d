"""Dutch (nl-NL) number formatting for tables and reports: ``€ 1.234.567``, ``1,20``.

Thin wrappers around :mod:`babel.numbers` so every place formats numbers the same way.
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal

LOCALE = "nl_NL"


def nl_number(x: float, decimals: int = 2) -> str:
    """Format ``x`` with a decimal comma and point thousands separators (``1.234,50``)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(x, format=pattern, locale=LOCALE).replace("-", "−")  # a real minus sign


def nl_smart(x: float) -> str:
    """A parameter value with sensible decimals: 600 -> '600', 2,73 -> '2,73', 0,35 -> '0,350';
    a whole number stays whole (35 -> '35', not '35,00')."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    ax = abs(x)
    if ax >= 1 and float(x).is_integer():
        return nl_number(x, 0)
    return nl_number(x, 0 if ax >= 100 else 2 if ax >= 1 else 3)


def nl_eur(x: float, decimals: int = 0) -> str:
    """Format an amount in euros: ``€ 1.234.567`` (negative: ``−€ 1.234``).

    A no-break space follows the euro sign so tables and HTML never split an amount.
    """
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    sign = "−" if x < 0 else ""
    return f"{sign}€\u00a0{nl_number(abs(x), decimals)}"


def nl_eur_short(x: float) -> str:
    """Euros as precise as a simulation knows them, for tables, headlines and axes: millions
    with one decimal (``€ 2,2 mln``), below that three significant figures (``€ 646.064`` →
    ``€ 646.000``, ``€ 71.639`` → ``€ 71.600``), below € 1.000 whole euros."""
    if x is None or (isinstance(x, float) and (math.isnan(x) or math.isinf(x))):
        return nl_eur(x) if x is None or math.isnan(x) else ("∞" if x > 0 else "−∞")
    if abs(x) >= 1_000:
        factor = 10 ** (int(math.floor(math.log10(abs(x)))) - 2)
        x = round(x / factor) * factor
    if abs(x) >= 1e6:
        return f"{'−' if x < 0 else ''}€\u00a0{nl_number(abs(x) / 1e6, 1)}\u00a0mln"
    return nl_eur(x)


def nl_percent(p: float, decimals: int = 0) -> str:
    """Format a fraction as a percentage: ``0.78 -> 78%``."""
    return f"{nl_number(100 * p, decimals)}%"


def avg_count(n: float) -> str:
    """Person-level counts below 10 are shown as ``<10`` (AVG), as municipal monitors do."""
    if n is None or (isinstance(n, float) and math.isnan(n)):
        return "–"
    count = round(n)  # counts are shown rounded; the rule applies to what would be shown
    if 0 < count < 10:
        return "<10"
    return nl_number(count, 0)


def interval_digits(width: float) -> int:
    """The digits (as for :func:`round`) an interval of ``width`` allows: two figures of its width (a
    90% interval of € 540.000 → steps of € 10.000, -4), so no amount is shown more precise than known."""
    return 1 - math.floor(math.log10(width))


def round_to_interval(mean: float, lo: float, hi: float) -> tuple[float, float, float]:
    """``mean`` and its 90% interval ``[lo, hi]`` rounded to :func:`interval_digits` of the width: no
    '€ 32.400' beside an interval of −€ 260.000 to € 291.000. A zero-width interval stays as it is."""
    width = hi - lo
    if not (width > 0 and math.isfinite(width)):
        return mean, lo, hi
    digits = interval_digits(width)
    return tuple(round(x, digits) + 0.0 for x in (mean, lo, hi))  # + 0.0: no −0


def round_with_se(value: float, se: float) -> tuple[float, float]:
    """An estimate and its standard error rounded alike, to two figures of the 90% interval they
    imply (± 1,645 se): '€ 12.093 (± € 622)' → '€ 12.100 (± € 600)', '€ 376 (± € 98)' → '€ 380 (± € 100)'."""
    if not (se > 0 and math.isfinite(se)):
        return value, se
    digits = interval_digits(2 * 1.645 * se)
    return round(value, digits) + 0.0, round(se, digits) + 0.0
