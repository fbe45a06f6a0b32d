"""Readable Dutch terminal output (rich tables) for the CLI. Computation lives elsewhere."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from mkba.faces import text_nl
from mkba.faces.formatting import (
    nl_eur,
    nl_eur_short,
    nl_number,
    nl_percent,
    nl_smart,
    round_to_interval,
)
from mkba.faces.text_nl import board_sentence

MCSE_WARN_BCR = 0.01
DESIGN_NL = text_nl.DESIGN_NL


def _s_cells(s: Any, euros: bool = True, decimals: int = 2) -> list[str]:
    fmt = (lambda x: nl_eur_short(x)) if euros else (lambda x: nl_number(x, decimals))
    if isinstance(s, dict):
        return [fmt(s["mean"]), fmt(s["p05"]), fmt(s["p50"]), fmt(s["p95"]), fmt(s["mcse"])]
    return [fmt(s), "", "", "", ""]


def _stat_table(title: str, first: str) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    table.add_column(first)
    for name in text_nl.CONSOLE["stat_columns"]:
        table.add_column(name, justify="right", no_wrap=True)
    return table


def print_run(summary: dict[str, Any], case, console: Console, headline: list[str] | None = None) -> None:
    """Print a run summary (the §5 object) as Dutch tables; ``headline``: sentences printed under
    the board sentence (the calibrated-driver sentence, DESIGN §14)."""
    m = summary["metrics"]
    label = (text_nl.BASELINE_SHORT if summary["scenario"] == "baseline" else
             text_nl.option_label(case, summary["scenario"]) if summary["scenario"] in case.scenarios
             else summary["scenario"])
    draws = text_nl.CONSOLE["deterministic"] if summary["design"] == "deterministic" else text_nl.CONSOLE["draws"].format(
        n=nl_number(summary["draws"], 0), word=text_nl.DRAW_WORDS[summary["draws"] != 1], seed=summary["seed"], design=DESIGN_NL.get(summary["design"], summary["design"]))
    console.print(f"[bold]MKBA {case.title}[/bold] — {label} — {draws}")
    years = summary["yearly"]["years"]
    console.print(text_nl.CONSOLE["period"].format(first=years[0], last=years[-1], price=case.price_year or years[0],
                                                  rate=_rate(summary["discount_rate"])) + "\n")
    console.print(board_sentence(m), style="bold green" if m["bcr_of_means"] and m["bcr_of_means"] >= 1 else "bold yellow")
    for line in headline or ():
        console.print(escape(line), style="bold")
    optimism = text_nl.optimism_sentence(case.optimism_costs, case.optimism_benefits)
    if optimism:
        console.print(optimism)
    console.print()

    rows = text_nl.CONSOLE["society_rows"]
    table = _stat_table(text_nl.CONSOLE["society_title"], "")
    table.add_row(rows[0], *_s_cells(m["pv_costs"]))
    table.add_row(rows[1], *_s_cells(m["pv_benefits"]))
    table.add_row(rows[2], *_s_cells(m["npv"]))
    table.add_row(rows[3], *_s_cells(m["bcr"], euros=False))
    table.add_row(rows[4], *_s_cells(m["pv_fiscal"]))
    console.print(table)

    table = Table(title=text_nl.CONSOLE["stakeholders_title"], title_justify="left", header_style="bold")
    for i, name in enumerate(text_nl.CONSOLE["stakeholders_columns"]):
        table.add_column(name, justify="left" if i == 0 else "right")
    for sid, s in summary["stakeholders"].items():
        net = s["net"]
        rng = f"{nl_eur_short(net['p05'])} – {nl_eur_short(net['p95'])}" if isinstance(net, dict) else ""
        table.add_row(case.stakeholders[sid], *(nl_eur_short(_mean(s[k])) for k in ("pv_costs", "pv_benefits", "pv_fiscal", "net")), rng)
    console.print(table)

    table = Table(title=text_nl.CONSOLE["effects_title"], title_justify="left", header_style="bold")
    for i, name in enumerate(text_nl.CONSOLE["effects_columns"]):
        table.add_column(name, justify="left" if i < 2 else "right")
    kinds = text_nl.KIND_NL
    for e in case.effects:
        s = summary["lines"][e.id]
        pv = s["pv"]
        rng = f"{nl_eur_short(pv['p05'])} – {nl_eur_short(pv['p95'])}" if isinstance(pv, dict) else ""
        table.add_row(e.label, kinds[e.kind], nl_number(_mean(s["outcomes"]), 0), nl_eur_short(_mean(pv)), rng)
    console.print(table)

    table = Table(title=text_nl.CONSOLE["yearly_title"], title_justify="left", header_style="bold")
    table.add_column("")
    for y in years:
        table.add_column(str(y), justify="right")
    y = summary["yearly"]
    rows = text_nl.CONSOLE["yearly_rows"]
    table.add_row(rows[0], *(nl_eur_short(x) for x in y["costs_mean"]))
    table.add_row(rows[1], *(nl_eur_short(x) for x in y["benefits_mean"]))
    table.add_row(rows[2], *(nl_number(b / c, 2) if c else "–" for b, c in zip(y["benefits_mean"], y["costs_mean"], strict=True)))
    console.print(table)

    if summary.get("pm_posten"):
        table = Table(title=text_nl.PM_TITLE, title_justify="left", header_style="bold")
        for name in text_nl.PM_COLUMNS[:4]:
            table.add_column(name)
        for p in summary["pm_posten"]:
            table.add_row(p["label"], case.stakeholders.get(p["stakeholder"], p["stakeholder"]),
                          text_nl.DIRECTION_NL.get(p["direction"], p["direction"]), p.get("note") or "")
        console.print(table)
        console.print(text_nl.PM_INTRO)

    cut = _mean(m["pv_cut_off"])
    if cut:
        console.print(text_nl.CONSOLE["cut_off"].format(last=years[-1], amount=nl_eur_short(cut)))
    mcse = m.get("bcr_of_means_mcse")
    if mcse is not None and mcse > MCSE_WARN_BCR:
        console.print(f"[yellow]{text_nl.CONSOLE['mcse_warning'].format(mcse=nl_number(mcse, 3))}[/yellow]")


def _mean(s: Any) -> float:
    return s["mean"] if isinstance(s, dict) else s


def _rate(r: Any) -> str:
    return r if isinstance(r, str) else nl_percent(r, 2)


@contextmanager
def progress_bar(total: int, description: str, enabled: bool, console: Console | None = None):
    """Yield a callback ``advance(n)``; shows a rich progress bar on stderr when enabled."""
    if not enabled:
        yield lambda n: None
        return
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=console or Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)


def _range(s: dict, short: bool = True) -> str:
    f = nl_eur_short if short else nl_eur
    return f"{f(s['p05'])} – {f(s['p95'])}"


def _mln(x: float) -> str:
    return nl_number(x / 1e6, 2)


def _with_range(s: dict) -> str:
    """Mean in € mln with its 90% interval below it; no interval when the value is certain."""
    if s["p05"] == s["p95"]:
        return _mln(s["mean"])
    return f"{_mln(s['mean'])}\n({_mln(s['p05'])}\u00a0–\u00a0{_mln(s['p95'])})"


def short_label(option: str, label: str) -> str:
    """'Scenario 2: schrappen ...' -> 'Scenario 2'; the baseline -> 'Basis'."""
    if option == "baseline":
        return text_nl.BASELINE_SHORT
    return label.split(":")[0] if ":" in label else label


def verdict(option_label: str, change: dict, prob_best: float, who: str) -> str:
    """One line that states the expected effect of an option and how sure we are."""
    mean = change["mean"]
    # the amount as precise as its interval allows (no '€ 74.300' beside '−€ 216.000 – € 324.000')
    shown, p05, p95 = round_to_interval(mean, change["p05"], change["p95"])
    return text_nl.COMPARE["verdict"].format(
        option=option_label, who=who, direction=text_nl.COMPARE["gain" if mean > 0 else "loss"],
        amount=nl_eur_short(abs(shown)), range=_range({"p05": p05, "p95": p95}),
        sure=text_nl.COMPARE["sure" if change["p05"] > 0 or change["p95"] < 0 else "unsure"],
        p=text_nl.percent_small(prob_best))


def print_compare(summary: dict[str, Any], case, console: Console) -> None:
    """Print a comparison (the §5 compare object) as a Dutch table with verdicts."""
    dec = summary["decision"]
    perspective = dec["perspective"]
    who = text_nl.SOCIETY if perspective == "society" else case.stakeholders[perspective]
    console.print(f"[bold]{text_nl.COMPARE['title'].format(title=escape(case.title))}[/bold] — "
                  + text_nl.COMPARE["draws"].format(n=nl_number(summary["draws"], 0), seed=summary["seed"]))
    console.print(text_nl.COMPARE["perspective"].format(who=who) + "\n")
    optimism = text_nl.optimism_sentence(case.optimism_costs, case.optimism_benefits)
    if optimism:
        console.print(optimism + "\n")
    cuts = summary["cuts"]
    funder = next(iter(cuts.values()))["funder"] if cuts else None
    table = Table(header_style="bold", title_justify="left", title=text_nl.COMPARE["table_title"])
    cols = text_nl.COMPARE["columns"]
    table.add_column(cols[0])
    table.add_column(cols[1], justify="right")
    table.add_column(cols[2], justify="right")
    table.add_column(cols[3].format(who=case.stakeholders.get(funder, funder)) if funder else cols[3].format(who="").strip(),
                     justify="right")
    table.add_column(cols[4], justify="right", no_wrap=True)
    table.add_column(cols[5], justify="right", no_wrap=True)
    for opt, label in summary["labels"].items():
        exp = _mln(dec["expected_npv"][opt])
        p = nl_percent(dec["prob_best"][opt])
        if opt == "baseline":
            table.add_row(short_label(opt, label), "–", "–", "–", exp, p)
            continue
        c = cuts[opt]
        table.add_row(short_label(opt, label), _with_range(c["budget_saved"]), _with_range(c["benefits_lost"]),
                      _with_range(c["funder_net_change"]), exp, p)
    console.print(table)
    for label in summary["labels"].values():
        console.print(f"  {label}")
    console.print()
    console.print(text_nl.COMPARE["evpi"].format(evpi=nl_eur_short(dec["evpi"])) + "\n")
    for opt, label in summary["labels"].items():
        if opt == "baseline":
            continue
        change = (summary["cuts"][opt]["npv_change"] if perspective == "society"
                  else summary["vs_baseline"][opt][perspective]["net_change"])
        console.print("• " + verdict(label, change, dec["prob_best"][opt], who))
    curves = summary.get("acceptability")
    if curves:
        _print_curve(console, curves["by_weight"], "weight", text_nl.COMPARE["weight"], summary["labels"],
                     lambda x: nl_number(x, 1))
        _print_curve(console, curves["by_discount_rate"], "discount_rate", text_nl.COMPARE["rate"], summary["labels"],
                     lambda x: nl_percent(x, 2))
    cut_options = [o for o in summary["labels"] if o != "baseline"]
    if cut_options:
        least = max(cut_options, key=lambda o: dec["expected_npv"][o])
        noun = text_nl.cut_noun(cuts[least]["budget_saved"]["mean"])
        gain = dec["expected_npv"][least] > dec["expected_npv"]["baseline"]  # never 'least harmful' beside a gain
        console.print("\n" + text_nl.least_harmful(noun, who, f"[bold]{escape(summary['labels'][least])}[/bold]", gain))


def _print_curve(console: Console, records: list[dict], key: str, title: str, labels: dict, fmt) -> None:
    """Acceptability curve as a table: rows = x values, columns = P(best) per option."""
    table = Table(title=text_nl.COMPARE["curve_title"].format(what=title.lower()), title_justify="left", header_style="bold")
    table.add_column(title, justify="right")
    for opt, label in labels.items():
        table.add_column(short_label(opt, label), justify="right")
    xs = list(dict.fromkeys(r[key] for r in records))
    for x in xs:
        probs = {r["option"]: r["prob_best"] for r in records if r[key] == x}
        table.add_row(fmt(x), *(nl_percent(probs[opt]) for opt in labels))
    console.print(table)


def print_sensitivity(result, case, console: Console, top: int = 15) -> None:
    """Print a sensitivity result as a Dutch table (top ``top`` parameters, by their labels)."""
    money = result.output != "bcr"
    fmt = (lambda x: nl_eur_short(x)) if money else (lambda x: nl_number(x, 2))
    versus = result.extra.get("versus")
    option = text_nl.option_short(case, result.scenario)
    what = (text_nl.CONSOLE["difference"].format(option=option, versus=text_nl.option_short(case, versus)) if versus
            else text_nl.option_label(case, result.scenario))
    console.print(f"[bold]{text_nl.METHOD_TITLES[result.method]}[/bold] — "
                  + text_nl.CONSOLE["sensitivity_of"].format(output=text_nl.output_label(result.output, case).lower(),
                                                             what=escape(what)))
    table = Table(header_style="bold")
    table.add_column(text_nl.PARAMETER)
    rows = [(case.label_of(name), r) for name, r in list(result.parameters.items())[:top]]
    if result.method == "tornado":
        for col in text_nl.CONSOLE["tornado_columns"]:
            table.add_column(col, justify="right")
        for name, r in rows:
            table.add_row(name, nl_smart(r["low"]), nl_smart(r["high"]), fmt(r["output_low"]),
                          fmt(r["output_high"]), fmt(r["swing"]))
    elif result.method == "breakeven":
        for col in text_nl.BREAKEVEN_COLUMNS[1:]:
            table.add_column(col, justify="right")
        for name, r in rows:
            if r["value"] is None:
                extra = r.get("value_outside_range")
                table.add_row(name, nl_smart(r["base"]), text_nl.not_in_range(nl_smart(extra) if extra is not None else None), "")
            else:
                q = r["quantile"]
                beyond = q if r["value"] < r["base"] else 1 - q
                table.add_row(name, nl_smart(r["base"]), nl_smart(r["value"]), nl_percent(beyond))
    elif result.method == "sobol":
        for col in ("S1", "± 95%", "ST", "± 95%"):
            table.add_column(col, justify="right")
        for name, r in rows:
            table.add_row(name, nl_number(r["S1"], 3), nl_number(r["S1_conf"], 3), nl_number(r["ST"], 3), nl_number(r["ST_conf"], 3))
    else:
        for col in ("mu*", "± 95%", "sigma"):
            table.add_column(col, justify="right")
        for name, r in rows:
            table.add_row(name, fmt(r["mu_star"]), fmt(r["mu_star_conf"]), fmt(r["sigma"]))
    console.print(table)
    if len(result.parameters) > top:
        console.print(f"({text_nl.NOT_SHOWN.format(n=len(result.parameters) - top)})")
    for note in result.notes:
        console.print(f"• {escape(text_nl.sensitivity_note(note, case))}")


# --- value of information (EVPPI) ---------------------------------------------------------------
def evppi_label(case, estimate) -> str:
    """Display name of an EVPPI target: a parameter's label, or a group with its members' labels."""
    from mkba.faces import text_nl

    if len(estimate.parameters) == 1 and estimate.name == estimate.parameters[0]:
        return case.label_of(estimate.name)
    if estimate.name in getattr(case, "groepen", {}):
        label = case.group_label(estimate.name) if hasattr(case, "group_label") else None
        if label:  # groepen: {naam: {label, parameters}} — a label, never the id
            return text_nl.EVPPI_GROUP_LABELLED.format(label=label, n=len(estimate.parameters))
        return text_nl.EVPPI_GROUP.format(name=estimate.name, n=len(estimate.parameters))
    return " + ".join(case.label_of(p) for p in estimate.parameters)


def evppi_group_lines(case, table) -> list[str]:
    """One line per case group in ``table``: its name and its members' labels."""
    from mkba.faces import text_nl

    def line(e) -> str:
        members = ", ".join(case.label_of(p) for p in e.parameters)
        label = case.group_label(e.name) if hasattr(case, "group_label") else None
        if label:
            return text_nl.EVPPI_GROUP_MEMBERS_LABELLED.format(label=label, members=members)
        return text_nl.EVPPI_GROUP_MEMBERS.format(name=e.name, members=members)

    return [line(e)
            for e in table.ranked().estimates if e.name in getattr(case, "groepen", {})]


def print_evppi(table, case, console: Console) -> None:
    """The ranked Dutch EVPPI table (an :class:`mkba.analysis.evppi.EvppiTable`)."""
    from mkba.faces import text_nl

    who = text_nl.EVPPI_SOCIETY if table.perspective == "society" else case.stakeholders[table.perspective]
    out = Table(header_style="bold", title_justify="left", title=text_nl.EVPPI_TITLE)
    for i, col in enumerate(text_nl.EVPPI_COLUMNS):
        out.add_column(col, justify="left" if i == 0 else "right", no_wrap=i > 0)
    notes = []
    for e in table.ranked().estimates:
        mark = ""
        if e.clipped:
            notes.append(text_nl.EVPPI_CLIPPED.format(raw=nl_eur_short(e.raw)))
            mark = "*" * len(notes)
        out.add_row(evppi_label(case, e) + mark, *text_nl.eur_with_se(e.value, e.se), nl_percent(e.share_of_evpi))
    console.print(out)
    console.print(text_nl.EVPPI_PERSPECTIVE.format(who=who, evpi=nl_eur_short(table.evpi)))
    for i, note in enumerate(notes, 1):
        console.print(f"{'*' * i} {note}")
    for line in evppi_group_lines(case, table):
        console.print(line)
    console.print(text_nl.EVPPI_METHOD_NOTE)



def print_evsi(result: dict, case, decision: dict, console: Console) -> None:
    """The Dutch EVSI table ("Loont meer registreren?") of ``decision.evsi`` records, with the
    cost of N observations and the best N when a cost per observation was given."""
    from mkba.faces import text_nl

    records = result.get("evsi", [])
    optima = result.get("evsi_optimum")
    perspective = decision.get("perspective", "society")
    who = text_nl.EVPPI_SOCIETY if perspective == "society" else case.stakeholders[perspective]
    out = Table(header_style="bold", title_justify="left", title=text_nl.EVSI_TITLE)
    columns = text_nl.EVSI_COLUMNS + (text_nl.EVSI_COLUMNS_COST if optima is not None else ())
    for i, col in enumerate(columns):
        out.add_column(col, justify="left" if i == 0 else "right", no_wrap=i > 0)
    notes = []
    cost_of = {o["parameters"][0]: o for o in optima or []}
    for r in records:
        mark = ""
        if r.get("clipped"):
            notes.append(text_nl.EVSI_CLIPPED)
            mark = "*" * len(notes)
        share = r["value"] / r["evppi"] if r.get("evppi", 0) > 0 else 0.0
        row = [case.label_of(r["parameters"][0]) + mark, nl_number(r["n"], 0), *text_nl.eur_with_se(r["value"], r["se"]),
               nl_percent(share)]
        if optima is not None:
            cost = cost_of[r["parameters"][0]]["cost_per_observation"] * r["n"]
            row += [nl_eur(cost), nl_eur_short(r.get("enbs", 0.0))]
        out.add_row(*row)
    console.print(out)
    for name in dict.fromkeys(r["parameters"][0] for r in records):
        first = next(r for r in records if r["parameters"][0] == name)
        console.print(text_nl.EVSI_PERSPECTIVE.format(who=who, label=case.label_of(name), evppi=nl_eur_short(first["evppi"]),
                                                      evpi=nl_eur_short(decision.get("evpi", 0.0))))
        sd = nl_smart(first["sd"]) if first.get("sd") is not None else ""
        console.print(text_nl.EVSI_METHODS[first["method"]].format(sd=sd)
                      + f" ({text_nl.EVSI_PRIOR.get(first['prior'], first['prior'])}).")
    for o in optima or []:
        pop = o["population"]
        words = {"cost": nl_eur(o["cost_per_observation"], 2 if o["cost_per_observation"] % 1 else 0),
                 "population": nl_smart(pop), "s": "" if pop == 1 else "en", "label": case.label_of(o["parameters"][0]),
                 "n": nl_number(o["n"], 0), "enbs": nl_eur_short(o["enbs"]), "evsi": nl_eur_short(o["evsi"])}
        console.print((text_nl.EVSI_OPTIMUM if o["n"] > 0 else text_nl.EVSI_OPTIMUM_NONE).format(**words))
    for i, note in enumerate(notes, 1):
        console.print(f"{'*' * i} {note}")
    console.print(text_nl.EVSI_METHOD_NOTE)
