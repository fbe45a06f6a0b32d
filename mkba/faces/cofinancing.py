"""Co-financing for readers (DESIGN §18): the console table of ``mkba verdeel``, its sentences,
the report section "Wie zou moeten meebetalen?", the brief's line(s) and the workbook sheet.

The numbers come from :mod:`mkba.analysis.cofinancing`; every word from :mod:`mkba.faces.text_nl`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkba.analysis.cofinancing import (
    DEFAULT_CERTAINTY,
    Cofinancing,
    cofinancing_if_any,
)
from mkba.faces import text_nl as T
from mkba.faces.formatting import nl_eur, nl_eur_short, nl_number, nl_percent

if TYPE_CHECKING:
    from rich.console import Console

    from mkba.core.case import Case
    from mkba.core.results import Result


# --------------------------------------------------------------------------------------------
# Numbers as a reader sees them
# --------------------------------------------------------------------------------------------
def share_text(x: float) -> str:
    """A share of the costs: whole percents, one decimal below 10% (0,9%), 'onbegrensd' for inf."""
    if math.isinf(x):
        return T.VERDEEL_UNBOUNDED
    return nl_percent(x, 1 if abs(x) < 0.1 and x != 0 else 0)


def prob_text(p: float) -> str:
    """A probability from draws: '<1%' and '>99%' at the ends (never a false '0%' or '100%')."""
    if p < 0.01:
        return T.VERDEEL_LESS_THAN.format(p=nl_percent(0.01))
    if p > 0.99:
        return T.VERDEEL_MORE_THAN.format(p=nl_percent(0.99))
    return nl_percent(p)


def _amount(share: float, record: Cofinancing) -> str:
    return T.VERDEEL_UNBOUNDED if math.isinf(share) else nl_eur_short(share * record.cost["mean"])


def annuity_factor(case: Case) -> float | None:
    """Σ 1/(1 + r)^t over the horizon: a present value divided by it is the equal amount per year
    with that present value (None when the discount rate is uncertain, a parameter)."""
    rate = case.discount_rate
    if isinstance(rate, str):
        return None
    return float(sum((1 + rate) ** -t for t in range(case.horizon)))


def _amount_per_year(share: float, record: Cofinancing, case: Case) -> str:
    """The amount at the expected cost and, over more than one year, the equal yearly amount."""
    amount = _amount(share, record)
    factor = annuity_factor(case)
    if factor is None or case.horizon < 2 or math.isinf(share):
        return amount
    return T.VERDEEL_PER_YEAR.format(amount=amount, per_year=nl_eur_short(share * record.cost["mean"] / factor))


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + T.VERDEEL_AND + items[-1]


def _lower_first(label: str) -> str:
    """'Zorgverzekeraars' → 'zorgverzekeraars' inside a sentence; a name with more capitals
    ('Gemeente Steenwijkerland') stays as it is."""
    rest = label[1:]
    return label[:1].lower() + rest if label[:1].isupper() and rest == rest.lower() else label


# --------------------------------------------------------------------------------------------
# Sentences (console, report) and the brief
# --------------------------------------------------------------------------------------------
def sentences(record: Cofinancing, case: Case) -> list[str]:
    """The Dutch sentences under the table: what money benefits cover, per payer what it gets,
    the chance its proportional share pays back and the most it can carry with the chosen
    certainty, and whether the payers can carry the costs together."""
    certainty = nl_percent(record.certainty)
    out = [T.verdeel_cover_sentence(share_text(record.money_return), nl_eur(record.money_return, 2))]
    if record.money_return < 1:
        out.append(T.verdeel_below_one_sentence())
    for p in record.payers:
        if math.isinf(p.max_share):
            max_part = T.verdeel_max_unbounded(certainty)
        elif p.max_share > 0:
            max_part = T.verdeel_max_part(certainty, share_text(p.max_share), _amount_per_year(p.max_share, record, case))
        else:
            max_part = T.verdeel_max_none(certainty, prob_text(p.prob_gain_without_contribution))
        out.append(T.verdeel_payer_sentence(
            p.label, share_text(p.benefit_share), nl_eur_short(p.fiscal_benefit["mean"]), share_text(p.proposed_share),
            _amount_per_year(p.proposed_share, record, case), prob_text(p.prob_gain_at_proposed), certainty, max_part))
    out.append(_whole_sentence(record))
    return out


def _split_text(record: Cofinancing) -> str:
    assert record.certain_split is not None
    return _join([f"{_lower_first(p.label)} {share_text(record.certain_split[p.stakeholder])}" for p in record.payers])


def _whole_sentence(record: Cofinancing) -> str:
    certainty = nl_percent(record.certainty)
    if record.feasible:
        return T.verdeel_feasible_sentence(certainty, _split_text(record), prob_text(record.prob_all_gain_at_certain_split or 0.0))
    return T.verdeel_infeasible_sentence(certainty, share_text(record.sum_max_share), share_text(record.uncovered_share),
                                         nl_eur_short(record.uncovered_share * record.cost["mean"]))


def line_sentences(record: Cofinancing, case: Case) -> list[str]:
    """Per payer, the effect lines its money benefits come from (by label): what a payer's
    negotiator asks first."""
    labels = {e.id: e.label for e in case.effects}
    return [T.verdeel_lines_sentence(_lower_first(p.label), _join([labels.get(i, i) for i in p.fiscal_lines]))
            for p in record.payers if p.fiscal_lines]


def brief_lines(record: Cofinancing) -> list[str]:
    """One or two Dutch lines for the council brief (DESIGN §14): what money benefits cover,
    what the payers can carry with the chosen certainty, and the part nobody earns back."""
    certainty = nl_percent(record.certainty)
    cover = share_text(record.money_return)
    if record.feasible:
        return [T.VERDEEL_BRIEF_FEASIBLE.format(cover=cover, certainty=certainty, split=_split_text(record))]
    ranked = sorted(record.payers, key=lambda p: -p.max_share)
    parts = _join([f"{_lower_first(p.label)} {share_text(p.max_share)}" for p in ranked])
    lines = [T.VERDEEL_BRIEF_INFEASIBLE.format(cover=cover, certainty=certainty, parts=parts,
                                               together=share_text(record.sum_max_share))]
    lines.append(T.VERDEEL_BRIEF_UNCOVERED.format(uncovered=share_text(record.uncovered_share),
                                                  amount=nl_eur_short(record.uncovered_share * record.cost["mean"])))
    return lines


def brief_lines_for(result: Result, certainty: float = DEFAULT_CERTAINTY) -> list[str]:
    """:func:`brief_lines` of one simulated option; a sensitivity scenario or an option without
    money benefits gets no line (an empty list)."""
    record = cofinancing_if_any(result, certainty)
    return brief_lines(record) if record is not None else []


# --------------------------------------------------------------------------------------------
# The table (console rows, report frame)
# --------------------------------------------------------------------------------------------
def table_rows(record: Cofinancing) -> tuple[tuple[str, ...], list[list[str]]]:
    """Column headers and rows (all text) of the per-payer table, with a total row."""
    certainty = nl_percent(record.certainty)
    headers = tuple(h.format(certainty=certainty) for h in T.VERDEEL_COLUMNS)
    rows = []
    for p in record.payers:
        f = p.fiscal_benefit
        split = (T.VERDEEL_NOT_FEASIBLE_CELL if record.certain_split is None
                 else share_text(record.certain_split[p.stakeholder]))
        rows.append([p.label, nl_eur_short(f["mean"]), f"{nl_eur_short(f['p05'])} – {nl_eur_short(f['p95'])}",
                     share_text(p.benefit_share),
                     T.VERDEEL_SHARE_AMOUNT.format(share=share_text(p.proposed_share), amount=_amount(p.proposed_share, record)),
                     prob_text(p.prob_gain_at_proposed),
                     T.VERDEEL_SHARE_AMOUNT.format(share=share_text(p.max_share), amount=_amount(p.max_share, record)),
                     split])
    total = sum(p.fiscal_benefit["mean"] for p in record.payers)
    together = record.sum_max_share
    rows.append([T.VERDEEL_TOTAL, nl_eur_short(total), "", share_text(1.0),
                 T.VERDEEL_SHARE_AMOUNT.format(share=share_text(1.0), amount=nl_eur_short(record.cost["mean"])), "",
                 T.VERDEEL_SHARE_AMOUNT.format(share=share_text(together), amount=_amount(together, record)),
                 share_text(1.0) if record.feasible else T.VERDEEL_NOT_FEASIBLE_CELL])
    return headers, rows


def cost_text(record: Cofinancing) -> str:
    c = record.cost
    if nl_eur_short(c["p05"]) == nl_eur_short(c["p95"]):
        return nl_eur_short(c["mean"])
    return T.VERDEEL_COST_RANGE.format(mean=nl_eur_short(c["mean"]), p05=nl_eur_short(c["p05"]), p95=nl_eur_short(c["p95"]))


def _notes(record: Cofinancing, case: Case) -> list[str]:
    years = case.years
    notes = [T.VERDEEL_PAYERS_GIVEN.format(payers=_join([p.label for p in record.payers])) if record.payers_given
             else T.VERDEEL_PAYERS_DEFAULT, T.VERDEEL_AMOUNTS_NOTE.format(first=years[0], last=years[-1])]
    if annuity_factor(case) is not None and case.horizon > 1:
        rate = case.discount_rate
        notes.append(T.VERDEEL_PER_YEAR_NOTE.format(years=case.horizon, rate=nl_percent(rate, 2)))
    mcse = [p.max_share_mcse for p in record.payers if p.max_share_mcse is not None]
    if mcse:
        notes.append(T.VERDEEL_MCSE_NOTE.format(mcse=nl_number(100 * max(mcse), 2)))
    return notes


def print_cofinancing(record: Cofinancing, case: Case, console: Console) -> None:
    """``mkba verdeel``: heading, costs, the per-payer table, the sentences and notes."""
    from rich.markup import escape
    from rich.table import Table

    years = case.years
    rate = case.discount_rate
    console.print("[bold]" + escape(T.VERDEEL_TITLE) + "[/bold] " + escape(T.VERDEEL_HEAD.format(
        title=case.title, option=T.BASELINE_SHORT if record.option == "baseline" else T.option_label(case, record.option),
        draws=nl_number(record.draws, 0), seed=record.seed)))
    console.print(escape(T.VERDEEL_COST.format(first=years[0], last=years[-1],
                                               rate=rate if isinstance(rate, str) else nl_percent(rate, 2),
                                               cost=cost_text(record))))
    console.print(escape(T.VERDEEL_CERTAINTY.format(certainty=nl_percent(record.certainty))) + "\n")
    headers, rows = table_rows(record)
    table = Table(title=T.VERDEEL_TABLE_TITLE, title_justify="left", header_style="bold")
    for i, name in enumerate(headers):
        table.add_column(name, justify="left" if i == 0 else "right")
    for i, row in enumerate(rows):
        table.add_row(*(escape(x) for x in row), end_section=i == len(rows) - 2)
    console.print(table)
    for line in sentences(record, case):
        console.print("- " + escape(line), soft_wrap=False)
    for line in line_sentences(record, case):
        console.print("- " + escape(line))
    console.print()
    for note in _notes(record, case):
        console.print(escape(note), style="dim")


# --------------------------------------------------------------------------------------------
# The report section (notebooks/mkba_report.ipynb)
# --------------------------------------------------------------------------------------------
def report_section(result: Result, certainty: float = DEFAULT_CERTAINTY) -> list[Any]:
    """What the report's section "Wie zou moeten meebetalen?" shows for one simulated option:
    a styled table and a Markdown text (sentences, lines, notes); for a sensitivity scenario or
    an option without money benefits, one sentence saying why there is no split."""
    import pandas as pd

    case = result.case
    option = result.scenario
    if option != "baseline" and not case.scenarios[option].is_option:
        return [T.VERDEEL_NOT_OPTION.format(label=case.scenarios[option].label)]
    record = cofinancing_if_any(result, certainty)
    if record is None:
        return [T.VERDEEL_NO_MONEY]
    headers, rows = table_rows(record)
    frame = pd.DataFrame(rows, columns=list(headers))
    styled = frame.style.hide(axis="index").set_caption(T.VERDEEL_TABLE_TITLE).set_properties(
        subset=[headers[0]], **{"text-align": "left"})
    text = "\n".join(f"- {line}" for line in sentences(record, case) + line_sentences(record, case))
    notes = " ".join(_notes(record, case)).replace("--betalers", "`--betalers`")
    return [styled, f"{text}\n\n*{notes}*"]


def show_report_section(result: Result, certainty: float = DEFAULT_CERTAINTY) -> None:
    """Display :func:`report_section` in a notebook."""
    from IPython.display import Markdown, display

    for part in report_section(result, certainty):
        display(Markdown(part) if isinstance(part, str) else part)


# --------------------------------------------------------------------------------------------
# The workbook (mkba verdeel --xlsx), in the conventions of mkba.faces.excel_out
# --------------------------------------------------------------------------------------------
FMT_SHARE = "0.0%"


def workbook(record: Cofinancing, case: Case):
    """One sheet: run information, the per-payer table with numbers as numbers (euros, shares
    and chances with real number formats) and the sentences."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from mkba.faces.excel_out import FMT_COUNT, FMT_EUR, FMT_PERCENT, FMT_RATE, FMT_RATIO, _Sheet

    wb = Workbook()
    wb.remove(wb.active)
    sheet = _Sheet(wb, T.XLSX_SHEET_VERDEEL)
    sheet.title(T.XLSX_VERDEEL_TITLE.format(title=case.title))
    info = T.XLSX_VERDEEL_INFO
    yes, no = T.XLSX_VERDEEL_YES_NO
    rate = case.discount_rate
    sheet.pairs([
        (T.XLSX_INFO_CASE, case.title, None),
        (T.XLSX_INFO_OPTION, T.option_label(case, record.option), None),
        (T.XLSX_INFO_DRAWS, record.draws, FMT_COUNT),
        (T.XLSX_INFO_SEED, record.seed if isinstance(record.seed, int) else str(record.seed), "0"),
        (T.XLSX_INFO_RATE, rate, FMT_RATE),
        (T.XLSX_INFO_YEARS, f"{case.years[0]}–{case.years[-1]}", None),
        (info["certainty"], record.certainty, FMT_PERCENT),
        (info["cost"], record.cost["mean"], FMT_EUR),
        (info["cost_p05"], record.cost["p05"], FMT_EUR),
        (info["cost_p95"], record.cost["p95"], FMT_EUR),
        (info["money_return"], record.money_return, FMT_RATIO),
        (info["feasible"], yes if record.feasible else no, None),
        (info["uncovered"], record.uncovered_share, FMT_SHARE),
        *([(info["prob_all"], record.prob_all_gain_at_certain_split, FMT_PERCENT)] if record.feasible else []),
    ])
    frame = record.to_frame()
    rows = []
    for _, r in frame.iterrows():
        rows.append([r["label"], r["fiscal_benefit"], r["fiscal_benefit_p05"], r["fiscal_benefit_p95"], r["benefit_share"],
                     r["proposed_share"], r["proposed_amount"], r["prob_gain_at_proposed"], r["max_share"],
                     r["max_share_mcse"], r["max_amount"], r["certain_split"], r["prob_gain_without_contribution"]])
    sheet.table(list(T.XLSX_VERDEEL_HEADERS), rows,
                [None, FMT_EUR, FMT_EUR, FMT_EUR, FMT_SHARE, FMT_SHARE, FMT_EUR, FMT_PERCENT, FMT_SHARE, "0.00%",
                 FMT_EUR, FMT_SHARE, FMT_PERCENT])
    sheet.ws.cell(row=sheet.row, column=1, value=T.XLSX_VERDEEL_SENTENCES).font = Font(bold=True)
    sheet.row += 1
    for line in sentences(record, case) + line_sentences(record, case) + _notes(record, case):
        sheet.ws.cell(row=sheet.row, column=1, value=line)
        sheet.row += 1
    sheet.finish()
    return wb


def write_workbook(path: str | Path, record: Cofinancing, case: Case) -> None:
    """Write :func:`workbook` to ``path`` atomically."""
    from mkba.faces.excel_out import _save

    _save(workbook(record, case), path)
