"""Readable Dutch terminal output (rich tables) for the CLI. Computation lives elsewhere."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from mkba.faces.formatting import nl_eur, nl_eur_short, nl_number, nl_percent, nl_smart

MCSE_WARN_BCR = 0.01


def board_sentence(metrics: dict[str, Any], who: str = "") -> str:
    """The headline in Dutch: 'Elke geïnvesteerde euro levert naar verwachting € 1,20 op
    (90%-interval € 0,95 – € 1,45); kans dat de baten de kosten overtreffen: 78%.'"""
    bcr = metrics["bcr"]
    ratio = metrics["bcr_of_means"]
    prefix = f"{who}: " if who else ""
    if metrics.get("few_draws"):  # intervals withheld (too few draws to mean anything)
        from mkba.faces.text_nl import FEW_DRAWS_SENTENCE

        return prefix + FEW_DRAWS_SENTENCE.format(ratio=nl_eur(ratio, 2))
    if isinstance(bcr, dict):
        return (f"{prefix}Elke geïnvesteerde euro levert naar verwachting {nl_eur(ratio, 2)} op "
                f"(90%-interval {nl_eur(bcr['p05'], 2)} – {nl_eur(bcr['p95'], 2)}); kans dat de baten "
                f"de kosten overtreffen: {nl_percent(metrics['prob_npv_positive'])}.")
    return f"{prefix}Elke geïnvesteerde euro levert {nl_eur(ratio, 2)} op (deterministisch: alle parameters op hun basiswaarde)."


def _s_cells(s: Any, euros: bool = True, decimals: int = 2) -> list[str]:
    fmt = (lambda x: nl_eur_short(x)) if euros else (lambda x: nl_number(x, decimals))
    if isinstance(s, dict):
        return [fmt(s["mean"]), fmt(s["p05"]), fmt(s["p50"]), fmt(s["p95"]), fmt(s["mcse"])]
    return [fmt(s), "", "", "", ""]


def _stat_table(title: str, first: str) -> Table:
    table = Table(title=title, title_justify="left", header_style="bold")
    table.add_column(first)
    for name in ("Gemiddeld", "P5", "Mediaan", "P95", "MC-fout"):
        table.add_column(name, justify="right", no_wrap=True)
    return table


def print_run(summary: dict[str, Any], case, console: Console) -> None:
    """Print a run summary (the §5 object) as Dutch tables."""
    m = summary["metrics"]
    label = "basis" if summary["scenario"] == "baseline" else summary["scenario"]
    draws = "deterministisch" if summary["design"] == "deterministic" else (
        f"{nl_number(summary['draws'], 0)} trekkingen, seed {summary['seed']}, ontwerp {summary['design']}")
    console.print(f"[bold]MKBA {case.title}[/bold] — scenario: {label} — {draws}")
    years = summary["yearly"]["years"]
    console.print(f"Periode {years[0]}–{years[-1]}, prijspeil {case.price_year or years[0]}, "
                  f"discontovoet {_rate(summary['discount_rate'])}\n")
    console.print(board_sentence(m), style="bold green" if m["bcr_of_means"] and m["bcr_of_means"] >= 1 else "bold yellow")
    console.print()

    table = _stat_table("Maatschappij (contante waarde)", "")
    table.add_row("Kosten", *_s_cells(m["pv_costs"]))
    table.add_row("Baten", *_s_cells(m["pv_benefits"]))
    table.add_row("Netto contante waarde", *_s_cells(m["npv"]))
    table.add_row("Baten/kosten-verhouding", *_s_cells(m["bcr"], euros=False))
    table.add_row("  waarvan fiscale baten", *_s_cells(m["pv_fiscal"]))
    console.print(table)

    table = Table(title="Per belanghebbende (gemiddelde contante waarde; 90%-interval netto)", title_justify="left",
                  header_style="bold")
    for name, justify in (("Belanghebbende", "left"), ("Kosten", "right"), ("Baten", "right"),
                          ("waarvan fiscaal", "right"), ("Netto", "right"), ("Netto P5 – P95", "right")):
        table.add_column(name, justify=justify)
    for sid, s in summary["stakeholders"].items():
        net = s["net"]
        rng = f"{nl_eur_short(net['p05'])} – {nl_eur_short(net['p95'])}" if isinstance(net, dict) else ""
        table.add_row(case.stakeholders[sid], *(nl_eur_short(_mean(s[k])) for k in ("pv_costs", "pv_benefits", "pv_fiscal", "net")), rng)
    console.print(table)

    table = Table(title="Per effect", title_justify="left", header_style="bold")
    for name, justify in (("Effect", "left"), ("Soort", "left"), ("Uitkomsten (totaal)", "right"),
                          ("Baten (CW)", "right"), ("P5 – P95", "right")):
        table.add_column(name, justify=justify)
    kinds = {"fiscal": "fiscaal", "economic": "economisch", "social": "sociaal"}
    for e in case.effects:
        s = summary["lines"][e.id]
        pv = s["pv"]
        rng = f"{nl_eur_short(pv['p05'])} – {nl_eur_short(pv['p95'])}" if isinstance(pv, dict) else ""
        table.add_row(e.label, kinds[e.kind], nl_number(_mean(s["outcomes"]), 0), nl_eur_short(_mean(pv)), rng)
    console.print(table)

    table = Table(title="Per jaar (gemiddeld, niet verdisconteerd)", title_justify="left", header_style="bold")
    table.add_column("")
    for y in years:
        table.add_column(str(y), justify="right")
    y = summary["yearly"]
    table.add_row("Kosten", *(nl_eur_short(x) for x in y["costs_mean"]))
    table.add_row("Baten", *(nl_eur_short(x) for x in y["benefits_mean"]))
    table.add_row("Baten/kosten", *(nl_number(b / c, 2) if c else "–" for b, c in zip(y["benefits_mean"], y["costs_mean"], strict=True)))
    console.print(table)

    cut = _mean(m["pv_cut_off"])
    if cut:
        console.print(f"Baten na {years[-1]} vallen buiten de horizon en tellen niet mee: {nl_eur(cut)} (contante waarde).")
    mcse = m.get("bcr_of_means_mcse")
    if mcse is not None and mcse > MCSE_WARN_BCR:
        console.print(f"[yellow]Let op: de Monte Carlo-fout van de verhouding is {nl_number(mcse, 3)}; "
                      "gebruik meer trekkingen (--draws).[/yellow]")


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
        return "Basis"
    return label.split(":")[0] if ":" in label else label


def verdict(option_label: str, change: dict, prob_best: float, who: str) -> str:
    """One line that states the expected effect of an option and how sure we are."""
    mean = change["mean"]
    direction = "winst" if mean > 0 else "verlies"
    sure = ("vrijwel zeker" if change["p05"] > 0 or change["p95"] < 0 else "onzeker: het interval omvat 0")
    return (f"{option_label}: voor {who} naar verwachting {direction} van {nl_eur_short(abs(mean))} t.o.v. de basis "
            f"(90%-interval {_range(change)}; {sure}); kans dat dit de beste keuze is: {nl_percent(prob_best)}.")


def print_compare(summary: dict[str, Any], case, console: Console) -> None:
    """Print a comparison (the §5 compare object) as a Dutch table with verdicts."""
    dec = summary["decision"]
    perspective = dec["perspective"]
    who = "de maatschappij" if perspective == "society" else case.stakeholders[perspective]
    console.print(f"[bold]Scenariovergelijking {case.title}[/bold] — {nl_number(summary['draws'], 0)} trekkingen, "
                  f"seed {summary['seed']}, gemeenschappelijke trekkingen voor alle opties")
    console.print(f"Perspectief: {who}\n")
    cuts = summary["cuts"]
    funder = next(iter(cuts.values()))["funder"] if cuts else None
    table = Table(header_style="bold", title_justify="left",
                  title="Per optie, in € mln contante waarde over de looptijd (90%-interval tussen haakjes)")
    table.add_column("Optie")
    table.add_column("Budget bespaard", justify="right")
    table.add_column("Baten verloren", justify="right")
    table.add_column(f"Netto-effect {funder}" if funder else "Netto-effect", justify="right")
    table.add_column("Verwachte NCW", justify="right", no_wrap=True)
    table.add_column("Kans beste", justify="right", no_wrap=True)
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
    console.print(f"Verwachte waarde van perfecte informatie (EVPI) over deze keuze: {nl_eur_short(dec['evpi'])} "
                  f"— zoveel is het hooguit waard om alle onzekerheid weg te nemen voordat er besloten wordt.\n")
    for opt, label in summary["labels"].items():
        if opt == "baseline":
            continue
        change = (summary["cuts"][opt]["npv_change"] if perspective == "society"
                  else summary["vs_baseline"][opt][perspective]["net_change"])
        console.print("• " + verdict(label, change, dec["prob_best"][opt], who))
    curves = summary.get("acceptability")
    if curves:
        _print_curve(console, curves["by_weight"], "weight", "Gewicht niet-fiscale baten", summary["labels"],
                     lambda x: nl_number(x, 1))
        _print_curve(console, curves["by_discount_rate"], "discount_rate", "Discontovoet", summary["labels"],
                     lambda x: nl_percent(x, 2))
    cut_options = [o for o in summary["labels"] if o != "baseline"]
    if cut_options:
        least = max(cut_options, key=lambda o: dec["expected_npv"][o])
        console.print(f"\nMinst nadelige bezuiniging voor {who}: [bold]{summary['labels'][least]}[/bold].")


def _print_curve(console: Console, records: list[dict], key: str, title: str, labels: dict, fmt) -> None:
    """Acceptability curve as a table: rows = x values, columns = P(best) per option."""
    table = Table(title=f"Kans dat elke optie de beste is, per {title.lower()}", title_justify="left", header_style="bold")
    table.add_column(title, justify="right")
    for opt, label in labels.items():
        table.add_column(short_label(opt, label), justify="right")
    xs = list(dict.fromkeys(r[key] for r in records))
    for x in xs:
        probs = {r["option"]: r["prob_best"] for r in records if r[key] == x}
        table.add_row(fmt(x), *(nl_percent(probs[opt]) for opt in labels))
    console.print(table)


def print_sensitivity(result, case, console: Console, top: int = 15) -> None:
    """Print a sensitivity result as a Dutch table (top ``top`` parameters)."""
    titles = {"tornado": "Tornado: uitkomst bij P10 en P90 van elke parameter (overige op basiswaarde)",
              "breakeven": "Omslagwaarden: waarde waarbij de conclusie omslaat (overige op basiswaarde)",
              "sobol": "Sobol-indices: aandeel van de onzekerheid in de uitkomst",
              "morris": "Morris-screening: gemiddeld absoluut effect (mu*)"}
    money = result.output != "bcr"
    fmt = (lambda x: nl_eur_short(x)) if money else (lambda x: nl_number(x, 2))
    versus = result.extra.get("versus")
    what = f"verschil {result.scenario} − {versus}" if versus else f"scenario: {result.scenario}"
    console.print(f"[bold]{titles[result.method]}[/bold] — uitkomst: {result.output}, {what}")
    table = Table(header_style="bold")
    table.add_column("Parameter")
    rows = list(result.parameters.items())[:top]
    if result.method == "tornado":
        for col in ("Laag", "Hoog", "Uitkomst laag", "Uitkomst hoog", "Bereik"):
            table.add_column(col, justify="right")
        for name, r in rows:
            table.add_row(name, nl_smart(r["low"]), nl_smart(r["high"]), fmt(r["output_low"]),
                          fmt(r["output_high"]), fmt(r["swing"]))
    elif result.method == "breakeven":
        for col in ("Basis", "Omslagwaarde", "Kans voorbij omslag"):
            table.add_column(col, justify="right")
        for name, r in rows:
            if r["value"] is None:
                extra = r.get("value_outside_range")
                table.add_row(name, nl_smart(r["base"]),
                              "geen binnen bereik" + (f" (pas bij {nl_smart(extra)})" if extra is not None else ""), "")
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
        console.print(f"({len(result.parameters) - top} parameters met kleinere invloed niet getoond; --json geeft alles.)")
    for note in result.notes:
        console.print(f"• {note}")


# --- value of information (EVPPI) ---------------------------------------------------------------
def evppi_label(case, estimate) -> str:
    """Display name of an EVPPI target: a parameter's label, or a group with its members' labels."""
    from mkba.faces import text_nl

    if len(estimate.parameters) == 1 and estimate.name == estimate.parameters[0]:
        return case.label_of(estimate.name)
    if estimate.name in getattr(case, "groepen", {}):
        return text_nl.EVPPI_GROUP.format(name=estimate.name, n=len(estimate.parameters))
    return " + ".join(case.label_of(p) for p in estimate.parameters)


def evppi_group_lines(case, table) -> list[str]:
    """One line per case group in ``table``: its name and its members' labels."""
    from mkba.faces import text_nl

    return [text_nl.EVPPI_GROUP_MEMBERS.format(name=e.name, members=", ".join(case.label_of(p) for p in e.parameters))
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
            notes.append(text_nl.EVPPI_CLIPPED.format(raw=nl_eur(e.raw)))
            mark = "*" * len(notes)
        out.add_row(evppi_label(case, e) + mark, nl_eur(e.value), nl_eur(e.se), nl_percent(e.share_of_evpi))
    console.print(out)
    console.print(text_nl.EVPPI_PERSPECTIVE.format(who=who, evpi=nl_eur(table.evpi)))
    for i, note in enumerate(notes, 1):
        console.print(f"{'*' * i} {note}")
    for line in evppi_group_lines(case, table):
        console.print(line)
    console.print(text_nl.EVPPI_METHOD_NOTE)

