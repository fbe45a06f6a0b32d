"""The ``mkba`` command line (DESIGN §5). Every command has ``--help``.

Everything a user reads is Dutch (words in :mod:`mkba.faces.text_nl`), including click/typer's
help frame and usage errors. One wrapper (:func:`main`) turns every outcome into an exit status:

- 0: done; 1: the work failed (a notebook, the disk); 2: bad input or options (a located
  message, nothing computed); 130: interrupted (Ctrl-C, SIGINT); 143: terminated (SIGTERM).

Interruptions print one Dutch line, never a traceback; temporary files are removed by the code
that made them (``try/finally``), and outputs are written atomically, so earlier outputs stay
as they were.
"""

from __future__ import annotations

import math
import os
import re
import signal
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

try:  # newer typer carries its own copy of click; older typer uses click itself
    import typer._click as typer_click
    import typer._click.decorators
    import typer._click.exceptions
    import typer._click.formatting  # noqa: F401
except ImportError:  # pragma: no cover - depends on the installed typer
    import click as typer_click
    import click.decorators
    import click.exceptions
    import click.formatting  # noqa: F401
from rich.console import Console
from rich.markup import escape

from mkba.core.budget import MIN_DRAWS_INTERVALS  # below this, numbers are shown without intervals
from mkba.core.errors import CaseError, MkbaError, UsageError
from mkba.faces import text_nl


def _dutch_click() -> None:
    """Typer's help frame in Dutch: panel titles, the usage prefix, the --help text. (Its usage
    errors are translated where they are printed, in :func:`_usage_error`.)"""
    import typer.rich_utils as ru

    decorators, formatting = typer_click.decorators, typer_click.formatting

    ru.ARGUMENTS_PANEL_TITLE = text_nl.HELP_FRAME["Arguments"]
    ru.OPTIONS_PANEL_TITLE = text_nl.HELP_FRAME["Options"]
    ru.COMMANDS_PANEL_TITLE = text_nl.HELP_FRAME["Commands"]
    ru.ERRORS_PANEL_TITLE = text_nl.HELP_FRAME["Error"]
    ru.ABORTED_TEXT = text_nl.INTERRUPTED[130]
    ru.DEFAULT_STRING = text_nl.HELP_FRAME["[default: {}]"]
    ru.REQUIRED_LONG_STRING = text_nl.HELP_FRAME["[required]"]
    ru.ENVVAR_STRING = text_nl.HELP_FRAME["[env var: {}]"]
    ru.RICH_HELP = text_nl.HELP_FRAME["Try '{command_path} {help_option}' for help."]

    write_usage = formatting.HelpFormatter.write_usage
    if not getattr(write_usage, "_mkba_nl", False):
        def write_usage_nl(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            for english in ("[OPTIONS]", "COMMAND [ARGS]..."):
                args = args.replace(english, text_nl.HELP_FRAME[english])
            write_usage(self, prog, args, text_nl.HELP_FRAME["Usage: "] if prefix is None else prefix)
        write_usage_nl._mkba_nl = True  # type: ignore[attr-defined]
        formatting.HelpFormatter.write_usage = write_usage_nl

    import typer.core

    parameter = getattr(typer.core, "_TyperParameter", None)
    display_type = getattr(parameter, "display_type", None)
    if display_type is not None and not getattr(display_type, "_mkba_nl", False):
        def display_type_nl(self, ctx):
            label = display_type(self, ctx)
            return text_nl.HELP_TYPES.get(label, label) if isinstance(label, str) else label
        display_type_nl._mkba_nl = True  # type: ignore[attr-defined]
        parameter.display_type = display_type_nl

    help_option = decorators.help_option
    if not getattr(help_option, "_mkba_nl", False):
        def help_option_nl(param_decls):
            inner = help_option(param_decls)

            def apply(command):
                command = inner(command)
                command.params[-1].help = text_nl.HELP_FRAME["Show this message and exit."]
                return command
            return apply
        help_option_nl._mkba_nl = True  # type: ignore[attr-defined]
        decorators.help_option = help_option_nl


_dutch_click()

app = typer.Typer(
    name="mkba",
    help=(
        text_nl.CLI_HELP["app"]
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
)


PIPED_WIDTH = 200  # output to a file or pipe is not cut to 80 columns

stdout = Console(highlight=False, width=None if sys.stdout.isatty() else PIPED_WIDTH)
stderr = Console(stderr=True, highlight=False, width=None if sys.stderr.isatty() else PIPED_WIDTH)

CaseArg = Annotated[Path, typer.Argument(help=text_nl.CLI_HELP["CaseArg"])]
XlsxOpt = Annotated[Path | None, typer.Option("--xlsx", help=text_nl.CLI_HELP["XlsxOpt"])]
DrawsOpt = Annotated[int, typer.Option("--draws", "-n", help=text_nl.CLI_HELP["DrawsOpt"], min=1)]
SeedOpt = Annotated[int, typer.Option("--seed", help=text_nl.CLI_HELP["SeedOpt"], min=0)]
JsonOpt = Annotated[bool, typer.Option("--json", help=text_nl.CLI_HELP["JsonOpt"])]
JaOpt = Annotated[bool, typer.Option("--ja", help=text_nl.CLI_HELP["JaOpt"])]
WorkersOpt = Annotated[int, typer.Option("--workers", "-w", help=text_nl.WORKERS_HELP, min=1)]
ScenarioOpt = Annotated[str | None, typer.Option("--scenario", "-s", help=text_nl.CLI_HELP["ScenarioOpt"])]
SetOpt = Annotated[list[str] | None, typer.Option("--set", metavar="NAAM=WAARDE", help=text_nl.SET_HELP)]
DiscontoOpt = Annotated[str | None, typer.Option("--discontovoet", metavar="X", help=text_nl.DISCONTOVOET_HELP)]


from mkba.core.io import to_json  # noqa: E402  (re-exported: tests and users import it from here)


def _load(path: Path):
    from mkba.data_in.cases import load_case

    return load_case(path)


def _prepare(path: Path, set_values: list[str] | None = None, discontovoet: str | None = None):
    """Load (validate) the case before the engine is imported; then apply ``--set`` /
    ``--discontovoet`` (DESIGN §15). The draw count is checked once, against the run budget."""
    return _overrides(_load(path), set_values, discontovoet)


def _overrides(case, set_values: list[str] | None, discontovoet: str | None):
    """The case with ``--set NAME=VALUE`` and ``--discontovoet X`` applied (checked, in Dutch)."""
    from mkba.analysis.whatif import parse_assignments, parse_number
    from mkba.faces.json_objects import overridden

    rate = None if discontovoet is None else parse_number(discontovoet, "--discontovoet")
    return overridden(case, parse_assignments(set_values), rate)


def _show_progress(draws: int) -> bool:
    """A progress bar for long runs, on a terminal only (never in pipes or CI logs)."""
    return stderr.is_terminal and draws >= 50_000


@app.command(help=text_nl.CLI_HELP["cmd.validate"])
def validate(case: CaseArg) -> None:
    """Check a case file and report every problem at once. (Help text: text_nl.CLI_HELP["cmd.validate"].)"""
    from mkba.core.case import scope_warnings, unused_parameters
    from mkba.faces.text_nl import scope_warning

    c = _load(case)
    for name in unused_parameters(c):
        stderr.print(f"[yellow]{text_nl.WARNING}[/yellow] " + escape(text_nl.UNUSED_PARAMETER.format(file=case, name=name)),
                     soft_wrap=True)
    for w in scope_warnings(c):
        stderr.print(f"[yellow]{text_nl.WARNING}[/yellow] {escape(str(case))} "
                     + escape(scope_warning(w.code, w.line_id, w.label, w.scenario)),
                     soft_wrap=True)
    from mkba.analysis.brief import missing_calibrated

    for name in missing_calibrated(c, text_nl.CALIBRATION_NOTE_WORDS, text_nl.CALIBRATION_NOTE_NEGATIONS):
        stderr.print(f"[yellow]{text_nl.WARNING}[/yellow] "
                     + escape(text_nl.CALIBRATION_FIELD_MISSING.format(file=case, name=name)), soft_wrap=True)
    from mkba.core.case import pm_warnings

    for w in pm_warnings(c):  # an option values an effect and also lists it as a PM-post
        stderr.print(f"[yellow]{text_nl.WARNING}[/yellow] " + escape(text_nl.pm_warning(case, w)), soft_wrap=True)
    from mkba.analysis.scenarios import cut_warnings

    for w in cut_warnings(c, text_nl.CUT_WORDS):  # a "cut" that costs more (issue 23): a warning, not an error
        template = text_nl.CUT_RAISES_LINE if w.cost else text_nl.CUT_RAISES_TOTAL
        text = template.format(label=w.label, cost=w.cost_label or w.cost, before=_nl_int(w.base),
                               after=_nl_int(w.scenario_value))
        stderr.print(f"[yellow]{text_nl.WARNING}[/yellow] {escape(str(case))} " + escape(text), soft_wrap=True)
    n_unc = len(c.uncertain_parameters)
    stdout.print(text_nl.VALIDATE_OK.format(file=case, id=c.id, parameters=len(c.parameters), uncertain=n_unc,
                                            costs=len(c.costs), effects=len(c.effects), scenarios=len(c.scenarios)))


@app.command(help=text_nl.CLI_HELP["cmd.run"])
def run(
    case: CaseArg,
    scenario: ScenarioOpt = None,
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    design: Annotated[str, typer.Option("--design", help=text_nl.CLI_HELP["run.design"])] = "mc",
    deterministic: Annotated[bool, typer.Option("--deterministic", help=text_nl.CLI_HELP["run.deterministic"])] = False,
    json_out: JsonOpt = False,
    xlsx: XlsxOpt = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help=text_nl.CLI_HELP["run.chunk_size"], min=1)] = 2**16,
    ja: JaOpt = False,
    workers: WorkersOpt = 1,
    set_values: SetOpt = None,
    discontovoet: DiscontoOpt = None,
) -> None:
    """Costs, benefits, NPV and BCR of one option, with uncertainty. (Help text: text_nl.CLI_HELP["cmd.run"].)"""
    if xlsx is not None:
        _xlsx_target(xlsx)
    c = _prepare(case, set_values, discontovoet)  # bad input is refused before the engine is even imported
    from mkba.core.sampling import check_design
    from mkba.faces.console import print_run, progress_bar
    from mkba.faces.json_objects import run_result, run_summary

    check_design(design)
    if not deterministic:
        check_run_budget(c, draws, [scenario], ja, stderr, workers)
    if deterministic:
        result = run_result(c, scenario, deterministic=True)
    else:
        with progress_bar(draws, text_nl.PROGRESS["run"], _show_progress(draws), stderr) as advance:
            result = run_result(c, scenario, draws=draws, seed=seed, design=design,
                                chunk_size=chunk_size, progress=advance, workers=workers)
    summary = run_summary(result, c)
    synthetic = summary.get("synthetic_data")
    calibration = None
    if not json_out:  # a calibrated assumption among the top-3 drivers: said under the headline (DESIGN §14)
        from mkba.analysis.brief import calibrated_drivers

        calibration = text_nl.calibration_line(c, calibrated_drivers(c, scenario=scenario, seed=seed))
    if xlsx is not None:
        from mkba.faces.excel_out import write_run_workbook

        write_run_workbook(xlsx, summary, result.case)
    if synthetic and not json_out:
        stdout.print(f"[bold yellow]{escape(text_nl.synthetic_sentence(synthetic))}[/bold yellow]", soft_wrap=True)
    if json_out:
        print(to_json(summary))
        return
    _say_whatif(c)
    if not deterministic and draws < MIN_DRAWS_INTERVALS:
        stderr.print(f"[yellow]{text_nl.WARNING}[/yellow]: " + text_nl.NO_INTERVALS.format(
            draws=f"{draws} {text_nl.DRAW_WORDS[draws != 1]}", minimum=MIN_DRAWS_INTERVALS), soft_wrap=True)
        print_run(without_intervals(summary), result.case, stdout, [calibration] if calibration else None)
    else:
        print_run(summary, result.case, stdout, [calibration] if calibration else None)
    if xlsx is not None:
        stdout.print(text_nl.XLSX_WRITTEN.format(path=xlsx))


def _say_whatif(case) -> None:
    """One line above the tables when --set / --discontovoet changed the case."""
    clause = text_nl.whatif_clause(case)
    if clause:
        stdout.print(escape(text_nl.WHATIF_CONSOLE.format(clause=clause)), soft_wrap=True)


@app.command(help=text_nl.CLI_HELP["cmd.compare"])
def compare(
    case: CaseArg,
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    perspective: Annotated[str | None, typer.Option("--perspective", "-p", help=text_nl.CLI_HELP["compare.perspective"])] = None,
    curves: Annotated[bool, typer.Option("--curves", help=text_nl.CLI_HELP["compare.curves"])] = False,
    evppi: Annotated[list[str] | None, typer.Option("--evppi", metavar="NAAM[,NAAM]", help=text_nl.EVPPI_HELP)] = None,
    evsi: Annotated[list[str] | None, typer.Option("--evsi", metavar="NAAM:N[:SD]", help=text_nl.EVSI_HELP)] = None,
    evsi_cost: Annotated[str | None, typer.Option("--kosten-per-waarneming", metavar="EUR", help=text_nl.EVSI_COST_HELP)] = None,
    evsi_population: Annotated[str | None, typer.Option("--populatie", metavar="P", help=text_nl.EVSI_POPULATION_HELP)] = None,
    json_out: JsonOpt = False,
    xlsx: XlsxOpt = None,
    ja: JaOpt = False,
    workers: WorkersOpt = 1,
    set_values: SetOpt = None,
    discontovoet: DiscontoOpt = None,
) -> None:
    """The baseline and every scenario on common random numbers. (Help text: text_nl.CLI_HELP["cmd.compare"].)"""
    if xlsx is not None:
        _xlsx_target(xlsx)
    c = _prepare(case, set_values, discontovoet)  # the draw count is checked once, against the run budget
    from mkba.analysis.scenarios import acceptability_by_discount_rate
    from mkba.faces.console import print_compare, progress_bar
    from mkba.faces.json_objects import compare_result

    check_run_budget(c, draws, [None, *c.scenarios], ja, stderr, workers)
    if evppi:
        _check_evppi(c, draws, evppi)   # before simulating: a typo should not cost a run
    evsi_cost_value, evsi_pop_value = _check_evsi(c, draws, evsi, evsi_cost, evsi_population)
    if draws < MIN_DRAWS_INTERVALS:  # chances of being best and EVPI from a handful of draws mean nothing
        raise UsageError(f"compare needs at least {MIN_DRAWS_INTERVALS} draws (got {draws})", "cli.compare_min_draws",
                         draws=str(draws), minimum=str(MIN_DRAWS_INTERVALS))
    options = len(c.scenarios) + 1
    with progress_bar(draws, text_nl.PROGRESS["compare"], _show_progress(draws * options), stderr) as advance:
        cmp = compare_result(c, draws=draws, seed=seed, perspective=perspective, progress=advance, workers=workers)
    summary = cmp.summary()
    if curves:
        summary["acceptability"] = {
            "by_weight": cmp.acceptability_by_weight().to_dict(orient="records"),
            "by_discount_rate": acceptability_by_discount_rate(
                c, draws=draws, seed=seed, perspective=perspective, workers=workers).to_dict(orient="records"),
        }
    table = _evppi_table(cmp, evppi) if evppi else None
    if table is not None:
        summary["decision"]["evppi"] = table.to_dict()
    evsi_result = _evsi_records(cmp, evsi, evsi_cost_value, evsi_pop_value) if evsi else None
    if evsi_result is not None:
        summary["decision"].update(evsi_result)
    if xlsx is not None:
        from mkba.faces.excel_out import write_compare_workbook

        write_compare_workbook(xlsx, summary, {opt: res.case for opt, res in cmp.results.items()})
    if json_out:
        print(to_json(summary))
    else:
        _say_whatif(c)
        print_compare(summary, c, stdout)
        if table is not None:
            from mkba.faces.console import print_evppi

            print_evppi(table, c, stdout)
        if evsi_result is not None:
            from mkba.faces.console import print_evsi

            print_evsi(evsi_result, c, summary["decision"], stdout)
        if xlsx is not None:
            stdout.print(text_nl.XLSX_WRITTEN.format(path=xlsx))


def _check_evppi(case, draws: int, specs: list[str]) -> None:
    """Refuse bad ``--evppi`` targets or too few draws, in Dutch, before anything is simulated."""
    from mkba.analysis.evppi import (
        MIN_DRAWS,
        EvppiTargetError,
        case_uncertain_parameters,
        resolve_targets,
    )

    if draws < MIN_DRAWS:
        raise UsageError(f"--evppi needs at least {MIN_DRAWS} draws", "cli.evppi_draws", draws=str(draws), minimum=str(MIN_DRAWS))
    try:
        resolve_targets(case, case_uncertain_parameters(case), specs)
    except EvppiTargetError as exc:
        known = ", ".join(exc.known) if exc.known else "–"
        raise UsageError(f"--evppi {exc.name}: {exc.reason}", f"cli.evppi_{exc.reason}", name=exc.name, known=known) from None


def _check_evsi(case, draws: int, specs: list[str] | None, cost: str | None, population: str | None
                ) -> tuple[float | None, float]:
    """Refuse bad ``--evsi`` values (and costs, population), in Dutch, before anything is simulated."""
    from mkba.analysis.evppi import MIN_DRAWS
    from mkba.analysis.evsi import check_requests

    if not specs:
        for option, given in (("--kosten-per-waarneming", cost), ("--populatie", population)):
            if given is not None:
                raise UsageError(f"{option} goes with --evsi NAME:N", "evsi.needs_evsi", option=option)
        return None, 1.0
    if draws < MIN_DRAWS:
        raise UsageError(f"--evsi needs at least {MIN_DRAWS} draws (got {draws})", "evsi.draws",
                         draws=str(draws), minimum=str(MIN_DRAWS))
    check_requests(case, specs)   # an EvsiRequestError carries its code, worded in text_nl

    def number(text: str | None, reason: str, positive: bool) -> float | None:
        if text is None:
            return None
        raw = text.strip().replace("€", "").strip()
        if "," in raw:
            raw = raw.replace(".", "").replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or value < 0 or (positive and value == 0):
            raise UsageError(f"{text}: give {'an amount >= 0' if reason == 'cost' else 'a number > 0'}", f"evsi.{reason}",
                             value=text)
        return value

    pop = number(population, "population", True)
    return number(cost, "cost", False), 1.0 if pop is None else pop


def _evsi_records(cmp, specs: list[str], cost: float | None, population: float) -> dict:
    """``decision.evsi`` (and with a cost ``decision.evsi_optimum``) for the comparison's perspective."""
    from mkba.analysis.evsi import comparison_evsi

    estimates, optima = comparison_evsi(cmp, specs, cost=cost, population=population)
    out: dict = {"evsi": [e.to_dict() for e in estimates]}
    if cost is not None:
        out["evsi_optimum"] = [o.to_dict() for o in optima]
    return out


def _evppi_table(cmp, specs: list[str]):
    """EVPPI of the ``--evppi`` targets (checked by :func:`_check_evppi`) for the comparison's
    perspective."""
    from mkba.analysis.evppi import comparison_evppi

    return comparison_evppi(cmp, specs)


@app.command(help=text_nl.CLI_HELP["cmd.sensitivity"])
def sensitivity(
    case: CaseArg,
    method: Annotated[str, typer.Option("--method", "-m", help=text_nl.CLI_HELP["sensitivity.method"])] = "tornado",
    output: Annotated[str, typer.Option("--output", "-o", help=text_nl.CLI_HELP["sensitivity.output"])] = "npv",
    n: Annotated[int | None, typer.Option("--n", help=text_nl.CLI_HELP["sensitivity.n"])] = None,
    seed: SeedOpt = 1,
    scenario: ScenarioOpt = None,
    target_bcr: Annotated[float | None, typer.Option("--target-bcr", help=text_nl.CLI_HELP["sensitivity.target_bcr"])] = None,
    versus: Annotated[str | None, typer.Option("--versus", help=text_nl.CLI_HELP["sensitivity.versus"])] = None,
    json_out: JsonOpt = False,
    workers: WorkersOpt = 1,
    set_values: SetOpt = None,
    discontovoet: DiscontoOpt = None,
) -> None:
    """Which assumptions drive the outcome, and how far they may move. (Help text: text_nl.CLI_HELP["cmd.sensitivity"].)"""
    from mkba.analysis.sensitivity import METHODS
    from mkba.faces.console import print_sensitivity

    if method not in METHODS:
        raise UsageError(f"unknown method '{method}'; choose one of: {', '.join(METHODS)}", "cli.unknown_method",
                         method=method, known=", ".join(METHODS))
    if target_bcr is not None and method != "breakeven":
        raise UsageError("--target-bcr goes with --method breakeven", "cli.target_bcr_method")
    if target_bcr is not None and not math.isfinite(target_bcr):
        raise UsageError(f"--target-bcr {target_bcr} is not a finite number", "cli.not_finite",
                         option="--target-bcr", value=str(target_bcr), example="1.2")
    if n is not None:
        refuse_absurd_draws(n, "--n")
    if n is not None and method not in ("sobol", "morris"):
        raise UsageError("--n goes with --method sobol or morris", "cli.n_method")
    c = _overrides(_load(case), set_values, discontovoet)
    module = METHODS[method]
    if versus is not None and versus != "baseline" and versus not in c.scenarios:
        raise UsageError(f"--versus {versus}: unknown option; choose baseline or one of: {', '.join(c.scenarios)}",
                         "cli.versus_unknown", versus=versus, known=", ".join(c.scenarios))
    common = {"output": output, "scenario": scenario, "versus": versus}
    if method == "sobol":
        result = module.analyze(c, n=1024 if n is None else n, seed=seed, workers=workers, **common)
    elif method == "morris":
        result = module.analyze(c, n=100 if n is None else n, seed=seed, **common)
    elif method == "breakeven":
        result = module.analyze(c, target_bcr=target_bcr, **common)
    else:
        result = module.analyze(c, **common)
    if json_out:
        summary = result.summary()
        # each note: its code and numbers (for programs) and the sentence a reader sees (in Dutch)
        summary["notes"] = [{**note.to_dict(), "text": text_nl.sensitivity_note(note, c)} for note in result.notes]
        from mkba.core.case import override_record

        summary.update(override_record(c))  # "set" only when --set was used (DESIGN §15)
        print(to_json(summary))
    else:
        print_sensitivity(result, c, stdout)


@app.command(help=text_nl.CLI_HELP["cmd.report"])
def report(
    case: CaseArg,
    scenario: ScenarioOpt = None,
    all_options: Annotated[bool, typer.Option("--all", help=text_nl.CLI_HELP["report.all_options"])] = False,
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    out: Annotated[Path, typer.Option("--out", help=text_nl.CLI_HELP["report.out"])] = Path("reports"),
    sobol_n: Annotated[int, typer.Option("--sobol-n", help=text_nl.CLI_HELP["report.sobol_n"])] = 2048,
    pdf: Annotated[bool, typer.Option("--pdf", help=text_nl.CLI_HELP["report.pdf"])] = False,
    docx: Annotated[bool, typer.Option("--docx", help=text_nl.DOCX_HELP)] = False,
    ja: JaOpt = False,
    workers: WorkersOpt = 1,
    set_values: SetOpt = None,
    discontovoet: DiscontoOpt = None,
) -> None:
    """A board report (HTML) by papermill. (Help text: text_nl.CLI_HELP["cmd.report"].)"""
    refuse_absurd_draws(sobol_n, "--sobol-n")
    c = _prepare(case, set_values, discontovoet)  # the draw count is checked once, against the run budget
    from mkba.core.case import override_record
    from mkba.faces.report import build_report, main_progress

    check_run_budget(c, draws, [None, *c.scenarios] if all_options else [scenario], ja, stderr, workers)
    folder = build_report(case, scenario=scenario, all_options=all_options, draws=draws, seed=seed, out=out,
                          sobol_n=sobol_n, on_notebook=main_progress(stderr), progress_bar=stderr.is_terminal,
                          workers=workers, pdf=pdf, docx=docx, **_report_overrides(override_record(c)))
    stdout.print(text_nl.REPORT_READY.format(index=folder / "index.html"))


@app.command(help=text_nl.VERKEN_HELP)
def verken(
    case: CaseArg,
    port: Annotated[int, typer.Option("--port", help=text_nl.VERKEN_PORT_HELP)] = 8765,
    host: Annotated[str, typer.Option("--host", help=text_nl.VERKEN_HOST_HELP)] = "127.0.0.1",
    token: Annotated[str | None, typer.Option("--token", help=text_nl.VERKEN_TOKEN_HELP)] = None,
    open_browser: Annotated[bool, typer.Option("--open", help=text_nl.VERKEN_OPEN_HELP)] = False,
) -> None:
    from mkba.faces.verken import check_options, serve

    check_options(host, port, token)  # before the case is loaded: an unsafe --host costs nothing
    serve(case, host=host, port=port, token=token, open_browser=open_browser,
          say=lambda text: stdout.print(escape(text), soft_wrap=True))


def _report_overrides(record: dict) -> dict:
    """build_report's keywords for what ``--set`` / ``--discontovoet`` set (none when unused)."""
    out = {}
    if "set" in record:
        out["set_values"] = record["set"]
    if "set_discount_rate" in record:
        out["discount_rate"] = record["set_discount_rate"]
    return out


@app.command(help=text_nl.BRONNEN_HELP)
def bronnen(case: CaseArg, json_out: JsonOpt = False) -> None:
    from rich.table import Table

    from mkba.data_in.value_bank import case_values

    c = _load(case)
    rows = case_values(c)
    if json_out:
        keep = ("name", "label", "scenario", "origin", "unit", "price_year", "method", "source", "source_text",
                "excerpt", "note", "overdraagbaarheid", "calibrated", "deadweight")
        print(to_json({"case": c.id, "values": [{**{k: r[k] for k in keep}, "distribution": r["spec"].model_dump(
            include={"dist", "value", "min", "mode", "max", "mean", "sd", "alpha", "beta", "successes", "trials"},
            exclude_none=True)} for r in rows]}))
        return
    table = Table(title=text_nl.BRONNEN_TITLE.format(title=c.title), show_lines=True, title_justify="left")
    for col in text_nl.BRONNEN_COLUMNS:
        table.add_column(col, overflow="fold")
    for r in rows:
        label = r["label"] + (f" ({text_nl.BRONNEN_SCENARIO.format(label=c.scenarios[r['scenario']].label)})"
                              if r["scenario"] else "")
        value = text_nl.describe_distribution(r["spec"]) + (f" {r['unit']}" if r["unit"] else "")
        source = (r["source_text"] or r["source"]) if r["source"] and r["source"] != "geen" else text_nl.BRONNEN_ASSUMPTION
        if r["origin"] == "bank":
            source = f"{text_nl.BRONNEN_FROM_BANK}: {source}"
        words = [f"“{r['excerpt']}”" if r["excerpt"] else "", r["note"] or ""]
        if r["overdraagbaarheid"]:
            words.append(text_nl.BRONNEN_TRANSFERRED.format(text=r["overdraagbaarheid"]))
        if r["calibrated"]:
            words.append(text_nl.BRONNEN_CALIBRATED.format(text=r["calibrated"]))
        table.add_row(label, value, text_nl.value_method(r["method"]), source, "\n".join(w for w in words if w))
    stdout.print(text_nl.BRONNEN_INTRO, soft_wrap=True)
    stdout.print(table)
    stdout.print(text_nl.BRONNEN_SUMMARY.format(
        n=len(rows), cited=sum(1 for r in rows if r["excerpt"]), bank=sum(1 for r in rows if r["origin"] == "bank"),
        assumed=sum(1 for r in rows if not r["source"] or r["source"] == "geen"),
        transferred=sum(1 for r in rows if r["overdraagbaarheid"])))


@app.command(help=text_nl.CLI_HELP["cmd.vergelijk"])
def vergelijk(
    cases: Annotated[list[Path], typer.Argument(help=text_nl.CLI_HELP["vergelijk.cases"])],
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    prijspeil: Annotated[int | None, typer.Option("--prijspeil", help=text_nl.CLI_HELP["vergelijk.prijspeil"])] = None,
    out: Annotated[Path, typer.Option("--out", help=text_nl.CLI_HELP["vergelijk.out"])] = Path("reports"),
) -> None:
    """A regional comparison of several cases (HTML). (Help text: text_nl.CLI_HELP["cmd.vergelijk"].)"""
    from mkba.faces.regional_report import build_regional_report

    folder = build_regional_report(cases, draws=draws, seed=seed, price_year=prijspeil, out=out)
    stdout.print(text_nl.COMPARISON_READY.format(index=folder / "index.html"))


@app.command(help=text_nl.BATCH_HELP)
def batch(
    cases: Annotated[list[Path], typer.Argument(help=text_nl.BATCH_CASES_HELP, metavar="CASE...")],
    scenario: Annotated[str, typer.Option("--scenario", "-s", help=text_nl.BATCH_SCENARIO_HELP)] = "baseline",
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    design: Annotated[str, typer.Option("--design", help=text_nl.CLI_HELP["batch.design"])] = "mc",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help=text_nl.BATCH_SCHEDULER_HELP)] = None,
    workers: Annotated[int | None, typer.Option("--workers", help=text_nl.BATCH_WORKERS_HELP, min=1)] = None,
    out: Annotated[Path | None, typer.Option("--out", help=text_nl.BATCH_OUT_HELP)] = None,
    json_out: JsonOpt = False,
) -> None:
    from mkba import batch as batch_mod

    if not cases:
        raise UsageError("give at least one case file", "cli.batch_no_cases")
    if scheduler is not None and workers is not None:
        raise UsageError("--workers goes with a local cluster, not --scheduler", "cli.batch_workers_scheduler")
    folder = out if out is not None else batch_mod.default_out()
    try:
        with _batch_progress() as (on_plan, advance):
            written = batch_mod.run_batch(cases, folder, _describe_failure, scenario=scenario, draws=draws,
                                          seed=seed, design=design, scheduler=scheduler, workers=workers,
                                          progress=advance, on_plan=on_plan)
    except batch_mod.ConnectError as exc:
        raise MkbaError(f"cannot reach the Dask scheduler {exc.address}: {exc.reason}", "cli.batch_connect",
                        adres=str(exc.address), reden=str(exc.reason)) from None
    if json_out:
        print(to_json(written.to_json_object()))
    elif written.failed:
        for failure in written.failed:
            stderr.print(f"[red]{text_nl.ERROR}[/red] {escape(failure['message'])}", soft_wrap=True)
        stdout.print(text_nl.BATCH_DONE_FAILED.format(ok=len(written.runs), map=folder, fout=len(written.failed),
                                                 fouten=folder / "fouten.json"), soft_wrap=True)
    else:
        stdout.print(text_nl.BATCH_DONE.format(ok=len(written.runs), map=folder), soft_wrap=True)
    if written.failed:
        raise typer.Exit(1)


def _describe_failure(failure) -> str:
    """A batch failure in Dutch (mkba.batch returns codes; the words live in text_nl)."""
    from mkba import batch as batch_mod

    extra = dict(failure.extra)
    if failure.problems:  # located problems of a case file: the Dutch wording of each
        reason = "; ".join(text_nl.render_problem(p) for p in failure.problems)
    elif failure.error_code:
        reason = text_nl.render_problem_text(failure.error_code, failure.error_params, failure.detail)
    else:  # an unexpected error on a worker: its own words
        reason = failure.detail
    if failure.code == batch_mod.LOAD:
        return text_nl.BATCH_LOAD_FAILED.format(reden=reason)
    if failure.code == batch_mod.SCENARIO:
        return text_nl.BATCH_UNKNOWN_SCENARIO.format(scenario=failure.scenario, casus=failure.detail, bekend=extra["bekend"])
    if failure.code == batch_mod.DUPLICATE:
        return text_nl.BATCH_DUPLICATE_ID.format(casus=failure.detail, eerder=extra["eerder"])
    if failure.code == batch_mod.LOST:
        return text_nl.BATCH_WORKER_LOST.format(reden=failure.detail)
    return text_nl.BATCH_RUN_FAILED.format(scenario=failure.scenario, reden=reason)


@contextmanager
def _batch_progress():
    """Yield ``(on_plan, advance)``: a rich progress bar over the runs on a terminal, else no-ops."""
    from mkba.faces.console import progress_bar

    if not stderr.is_terminal:
        yield (lambda n: None), (lambda n: None)
        return
    state: dict = {}

    def on_plan(n: int) -> None:
        state["cm"] = progress_bar(n, text_nl.BATCH_PROGRESS, True, stderr)
        state["advance"] = state["cm"].__enter__()

    def advance(n: int) -> None:
        if "advance" in state:
            state["advance"](n)

    try:
        yield on_plan, advance
    finally:
        if "cm" in state:
            state["cm"].__exit__(None, None, None)


TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "template.yaml"


@app.command(help=text_nl.CLI_HELP["cmd.init"])
def init(
    name: Annotated[str, typer.Argument(help=text_nl.CLI_HELP["init.name"])],
    out: Annotated[Path | None, typer.Option("--out", "-o", help=text_nl.CLI_HELP["init.out"])] = None,
    xlsx: Annotated[bool, typer.Option("--xlsx", help=text_nl.CLI_HELP["init.xlsx"])] = False,
    voorbeeld: Annotated[str | None, typer.Option("--voorbeeld", help=text_nl.CLI_HELP["init.voorbeeld"])] = None,
) -> None:
    """Write a new case from the template or a bundled example. (Help text: text_nl.CLI_HELP["cmd.init"].)"""
    from mkba.core.bundled import example_cases
    from mkba.core.io import write_text_atomic

    examples = example_cases()
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", name):
        raise UsageError(f"'{name}' is not a valid case id: use lower-case letters, digits and '-' (e.g. mijn-gemeente)",
                         "cli.init_bad_id", name=name)
    if voorbeeld is not None and voorbeeld not in examples:
        raise UsageError(f"unknown example '{voorbeeld}'", "cli.init_unknown_example", naam=voorbeeld,
                         bekend=", ".join(examples) or "-")
    target = out or Path(f"{name}.xlsx" if xlsx else f"{name}.yaml")
    if target.exists():
        raise UsageError(f"{target} exists already; choose another name or --out (nothing was overwritten)",
                         "cli.init_exists", target=str(target))
    if xlsx and target.suffix.lower() != ".xlsx":
        raise UsageError(f"--xlsx writes a workbook: give --out a name ending in .xlsx (not {target.name})",
                         "xlsx.init_suffix", name=target.name)
    if voorbeeld is None:
        source = TEMPLATE
        text = TEMPLATE.read_text(encoding="utf-8").replace("id: voorbeeld", f"id: {name}")
    else:
        source = examples[voorbeeld]
        text = _renamed_case(source.read_text(encoding="utf-8"), name)
    if xlsx:
        from mkba.data_in.yamlio import load_yaml_text
        from mkba.faces.excel_out import write_case_workbook

        data, _ = load_yaml_text(text, str(source))
        write_case_workbook(data, target)
    else:
        write_text_atomic(target, text)
    if voorbeeld is None:
        stdout.print(text_nl.INIT_TEMPLATE_WRITTEN.format(target=target))
    else:
        stdout.print(text_nl.INIT_EXAMPLE_WRITTEN.format(voorbeeld=voorbeeld, doel=target))


def _renamed_case(text: str, name: str) -> str:
    """The example's text with its ``case.id`` set to ``name`` (the first ``id:`` under ``case:``;
    comments and layout kept)."""
    lines = text.splitlines(keepends=True)
    in_case = False
    for i, line in enumerate(lines):
        if re.match(r"^case:\s*(#.*)?$", line):
            in_case = True
            continue
        if in_case and re.match(r"^\S", line):
            break
        match = re.match(r"^(\s+id:\s*)([^\s#]+)(.*)$", line, flags=re.S) if in_case else None
        if match:
            lines[i] = f"{match.group(1)}{name}{match.group(3)}"
            break
    return "".join(lines)


# --------------------------------------------------------------------------------------------
# mkba estimate: parameters from data (DESIGN §11)
# --------------------------------------------------------------------------------------------
estimate_app = typer.Typer(
    name="estimate", no_args_is_help=True, rich_markup_mode="rich",
    help=text_nl.CLI_HELP["estimate_app"],
)
app.add_typer(estimate_app, name="estimate")
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help=text_nl.CLI_HELP["OutOpt"])]


def _data_errors(func):
    """Turn a data-file problem into one Dutch line naming file, row and column (exit 2)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from mkba.data_in.registrations import DataFileError
        from mkba.faces import text_nl

        try:
            return func(*args, **kwargs)
        except DataFileError as exc:
            text = text_nl.data_error(exc.code, exc.file, exc.row, exc.column, exc.detail)
            raise UsageError(text, "data_in.file", text=text) from None
    return wrapper


@estimate_app.command("registraties", help=text_nl.CLI_HELP["cmd.estimate_registraties"])
@_data_errors
def estimate_registraties(
    file: Annotated[Path, typer.Argument(help=text_nl.CLI_HELP["estimate_registraties.file"])],
    soort: Annotated[str | None, typer.Option("--soort", help=text_nl.CLI_HELP["estimate_registraties.soort"])] = None,
    deels: Annotated[float, typer.Option("--deels", help=text_nl.CLI_HELP["estimate_registraties.deels"])] = 0.5,
    blad: Annotated[str | None, typer.Option("--blad", help=text_nl.CLI_HELP["estimate_registraties.blad"])] = None,
    kolommen: Annotated[Path | None, typer.Option("--kolommen", help=text_nl.CLI_HELP["estimate_registraties.kolommen"])] = None,
    synthetisch: Annotated[bool, typer.Option("--synthetisch", help=text_nl.SYNTHETIC_HELP)] = False,
    out: OutOpt = None,
    json_out: JsonOpt = False,
    geen_onderdrukking: Annotated[bool, typer.Option("--geen-onderdrukking", help=text_nl.NO_SUPPRESSION_HELP)] = False,
) -> None:
    """Estimate parameters from a registration export. (Help text: text_nl.CLI_HELP["cmd.estimate_registraties"].)"""
    from mkba.data_in.registrations import DataFileError, estimate_registrations
    from mkba.faces.estimates import print_registrations, write_registrations

    renames = None
    if kolommen is not None:
        import yaml

        try:
            renames = yaml.safe_load(kolommen.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            renames = None
        if not isinstance(renames, dict):
            raise DataFileError("bad_kolommen", str(kolommen))
    est = estimate_registrations(file, soort=soort, deels=deels, sheet=blad, renames=renames,
                                 suppress=not geen_onderdrukking)
    if synthetisch and not est.synthetic:
        from dataclasses import replace

        est = replace(est, synthetic=True)
    if out is not None:
        write_registrations(est, out)
    if json_out:
        print(to_json({**est.to_json(), **({"synthetic": True} if est.synthetic else {})}))
    else:
        print_registrations(est, stdout)
        if out is not None:
            stdout.print(escape(text_nl.ESTIMATE_WORDS["written_registrations"].format(out=out, name=out.name)))


@estimate_app.command("monitor", help=text_nl.CLI_HELP["cmd.estimate_monitor"])
@_data_errors
def estimate_monitor(
    file: Annotated[Path, typer.Argument(help=text_nl.CLI_HELP["estimate_monitor.file"])],
    vanaf: Annotated[str, typer.Option("--vanaf", help=text_nl.CLI_HELP["estimate_monitor.vanaf"])],
    voorziening: Annotated[str | None, typer.Option("--voorziening", help=text_nl.CLI_HELP["estimate_monitor.voorziening"])] = None,
    vergelijking: Annotated[Path | None, typer.Option("--vergelijking", help=text_nl.CLI_HELP["estimate_monitor.vergelijking"])] = None,
    draws: Annotated[int, typer.Option("--draws", "-n", help=text_nl.CLI_HELP["estimate_monitor.draws"], min=10)] = 2000,
    seed: SeedOpt = 1,
    bevolking: Annotated[str | None, typer.Option("--bevolking", metavar="KOLOM", help=text_nl.ITS_HELP["bevolking"])] = None,
    seizoen: Annotated[str | None, typer.Option("--seizoen", metavar="K|maand|kwartaal", help=text_nl.ITS_HELP["seizoen"])] = None,
    model: Annotated[str, typer.Option("--model", metavar="niveau|niveau+trend", help=text_nl.ITS_HELP["model"])] = "niveau+trend",
    hac: Annotated[bool, typer.Option("--hac", help=text_nl.ITS_HELP["hac"])] = False,
    placebo: Annotated[bool, typer.Option("--placebo", help=text_nl.ITS_HELP["placebo"])] = False,
    overdispersie: Annotated[str, typer.Option("--overdispersie", metavar="auto|quasipoisson|negbin", help=text_nl.ITS_HELP["overdispersie"])] = "auto",
    synthetisch: Annotated[bool, typer.Option("--synthetisch", help=text_nl.SYNTHETIC_HELP)] = False,
    out: OutOpt = None,
    json_out: JsonOpt = False,
    geen_onderdrukking: Annotated[bool, typer.Option("--geen-onderdrukking", help=text_nl.NO_SUPPRESSION_HELP)] = False,
) -> None:
    """Estimate avoided clients from a monitor series. (Help text: text_nl.CLI_HELP["cmd.estimate_monitor"].)"""
    from mkba.data_in.monitor import ItsOptions
    from mkba.data_in.monitor import estimate_monitor as run_estimate
    from mkba.faces.estimates import print_monitor, write_monitor

    season: int | str | None = None
    if seizoen is not None:
        word = seizoen.strip().lower()
        if word in ("maand", "kwartaal"):
            season = word
        elif word.isdigit() and int(word) >= 1:
            season = int(word)
        else:
            raise UsageError(f"--seizoen '{seizoen}': give a number K, maand or kwartaal", "its.seizoen", value=seizoen)
    if model not in ("niveau", "niveau+trend"):
        raise UsageError(f"--model '{model}': choose niveau or niveau+trend", "its.model", value=model)
    if overdispersie not in ("auto", "quasipoisson", "negbin"):
        raise UsageError(f"--overdispersie '{overdispersie}': choose auto, quasipoisson or negbin", "its.overdispersie",
                         value=overdispersie)
    options = ItsOptions(exposure=bevolking, season=season, model=model, hac=hac, placebo=placebo,
                         overdispersion=overdispersie)
    est = run_estimate(file, vanaf, voorziening=voorziening, vergelijking=vergelijking, draws=draws, seed=seed,
                       options=options, suppress=not geen_onderdrukking)
    if synthetisch and not est.synthetic:
        from dataclasses import replace

        est = replace(est, synthetic=True)
    draws_path = write_monitor(est, out) if out is not None else None
    if json_out:
        print(to_json(est.to_json()))
    else:
        print_monitor(est, stdout)
        if out is not None:
            stdout.print(escape(text_nl.ESTIMATE_WORDS["written_monitor"].format(out=out, draws=draws_path)))


@app.command(help=text_nl.CLI_HELP["cmd.convert"])
def convert(
    source: Annotated[Path, typer.Argument(metavar="IN", help=text_nl.CLI_HELP["convert.source"])],
    target: Annotated[Path, typer.Argument(metavar="OUT", help=text_nl.CLI_HELP["convert.target"])],
    overwrite: Annotated[bool, typer.Option("--overwrite", help=text_nl.CLI_HELP["convert.overwrite"])] = False,
) -> None:
    """Convert a case between YAML and a workbook. (Help text: text_nl.CLI_HELP["cmd.convert"].)"""
    from mkba.faces.convert import convert as run_convert

    case, changed = run_convert(source, target, overwrite=overwrite)
    for name in changed:
        stderr.print(f"[yellow]{text_nl.WARNING}[/yellow]: {escape(text_nl.XLSX_CONVERT_DIFFERS.format(target=target, name=name))}",
                     soft_wrap=True)
    stdout.print(text_nl.CONVERT_DONE.format(source=source, target=target, case=case.id))


@app.command(help=text_nl.VERDEEL_HELP)
def verdeel(
    case: CaseArg,
    scenario: Annotated[str | None, typer.Option("--scenario", "-s", help=text_nl.VERDEEL_SCENARIO_HELP)] = None,
    zekerheid: Annotated[str, typer.Option("--zekerheid", metavar="KANS", help=text_nl.VERDEEL_ZEKERHEID_HELP)] = "0.8",
    betalers: Annotated[str | None, typer.Option("--betalers", metavar="A,B", help=text_nl.VERDEEL_BETALERS_HELP)] = None,
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    json_out: JsonOpt = False,
    xlsx: XlsxOpt = None,
    ja: JaOpt = False,
    workers: WorkersOpt = 1,
) -> None:
    if xlsx is not None:
        _xlsx_target(xlsx)
    c = _prepare(case)
    from mkba.analysis.cofinancing import check_request, cofinancing
    from mkba.core.results import simulate
    from mkba.faces.console import progress_bar

    certainty = _certainty(zekerheid)
    payers = None if betalers is None else [p.strip() for p in betalers.split(",") if p.strip()]
    check_request(c, scenario, certainty, payers, draws)  # before simulating: a typo should not cost a run
    check_run_budget(c, draws, [scenario], ja, stderr, workers)
    with progress_bar(draws, text_nl.VERDEEL_PROGRESS, _show_progress(draws), stderr) as advance:
        result = simulate(c, draws=draws, seed=seed, scenario=scenario, progress=advance, workers=workers)
    record = cofinancing(result, certainty, payers)
    if xlsx is not None:
        from mkba.faces.cofinancing import write_workbook

        write_workbook(xlsx, record, result.case)
    if json_out:
        print(to_json(record.summary()))
    else:
        from mkba.faces.cofinancing import print_cofinancing

        print_cofinancing(record, result.case, stdout)
        if xlsx is not None:
            stdout.print(text_nl.XLSX_WRITTEN.format(path=xlsx))


def _certainty(text: str) -> float:
    """``--zekerheid``: 0.8, 0,8 or 80% (a located Dutch error otherwise, exit 2)."""
    raw = text.strip()
    try:
        value = float(raw.rstrip("%").strip().replace(",", ".")) / (100 if raw.endswith("%") else 1)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value < 1):
        raise UsageError(f"--zekerheid {text}: outside (0, 1)", "analysis.cofinancing_certainty", value=text)
    return value


def _xlsx_target(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise UsageError(f"--xlsx {path}: give a file name ending in .xlsx", "xlsx.option_suffix", path=str(path))
    return path


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every ``finally`` cleans up; exit status 143."""


_SIGNALLED: list[int] = []  # the exit status of a signal that stopped this run (typer turns
                            # KeyboardInterrupt into a plain exit code, so we remember it here)


def _on_sigterm(signum, frame) -> None:
    _SIGNALLED.append(143)
    raise Terminated()


def _on_sigint(signum, frame) -> None:
    _SIGNALLED.append(130)
    raise KeyboardInterrupt()


def without_intervals(summary: dict) -> dict:
    """The summary with every statistic reduced to its mean (intervals, quantiles and
    probabilities from fewer than MIN_DRAWS_INTERVALS draws would only look precise)."""
    def strip(x):
        if isinstance(x, dict):
            if {"mean", "p05", "p95"} <= set(x):
                return x["mean"]
            return {k: strip(v) for k, v in x.items()}
        return x

    out = strip(summary)
    out["metrics"]["few_draws"] = True
    out["metrics"].pop("bcr_of_means_mcse", None)
    return out


def refuse_absurd_draws(draws: int, option: str = "--draws") -> None:
    """A sample size that is not a run's draw count (``--n``, ``--sobol-n``): refused at once when
    its single column cannot fit in memory (e.g. 10^12). A run's ``--draws`` is checked once, by
    :func:`check_run_budget`."""
    from mkba.core.budget import column_budget
    from mkba.faces.draw_limits import human_bytes

    budget = column_budget(draws)
    if budget.refused:
        need, free = human_bytes(budget.need_bytes), human_bytes(budget.free_bytes)
        raise UsageError(f"{option} {draws}: needs about {need}, only {free} free", "cli.draws_too_many",
                         option=option, draws=str(draws), need=need, free=free, maximum=str(budget.maximum))


def check_run_budget(case, draws: int, options: list, ja: bool, console: Console, workers: int = 1) -> None:
    """Refuse draw counts the machine cannot hold; above the soft limit, show the estimate and
    ask for ``--ja``; for large runs, show the estimate (for ``workers`` processes) before starting."""
    from mkba.core.budget import SOFT_LIMIT, run_budget
    from mkba.faces import draw_limits as words

    budget = run_budget(case, draws, options, workers=workers)
    need, free = words.need_text(budget), words.free_text(budget)
    if budget.refused:
        raise UsageError(f"--draws {draws}: needs about {need}, only {free} free; "
                         f"use at most --draws {budget.maximum}", "cli.draws_too_many",
                         option="--draws", draws=str(draws), need=need, free=free,
                         maximum=str(budget.maximum))
    if budget.soft and not ja:
        raise UsageError(f"--draws {draws} is above the soft limit; add --ja", "cli.draws_soft_limit",
                         draws=str(draws), soft=_nl_int(SOFT_LIMIT), estimate=words.estimate_text(budget))
    if budget.show_estimate:
        console.print(text_nl.DRAWS_ESTIMATE.format(draws=_nl_int(draws), memory=need,
                                                   seconds=words.seconds_text(budget)), soft_wrap=True)


def _nl_int(n: int) -> str:
    from mkba.faces.formatting import nl_number

    return nl_number(n, 0)


def _say_error(exc: MkbaError) -> None:
    code = getattr(exc, "code", "")
    text = text_nl.render_problem_text(code, getattr(exc, "params", {}).items(), str(exc)) if code else str(exc)
    stderr.print(f"[red]{text_nl.ERROR}[/red]: {escape(text)}", soft_wrap=True)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app and turn every outcome into a Dutch message and an exit status
    (0 done, 1 failed, 2 bad input, 130 Ctrl-C, 143 SIGTERM)."""
    _SIGNALLED.clear()
    try:
        previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, _on_sigterm)}
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            previous[signal.SIGINT] = signal.signal(signal.SIGINT, _on_sigint)
    except ValueError:  # not the main thread: leave signals alone
        previous = {}
    try:
        status = _main(argv)
    except Terminated:
        status = 143
    except KeyboardInterrupt:
        status = 130
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    if _SIGNALLED or status in (130, 143):
        status = _SIGNALLED[0] if _SIGNALLED else status
        _interrupted(status)
    return status


def _interrupted(code: int) -> None:
    import logging

    logging.disable(logging.CRITICAL)  # no kernel/papermill warnings after the user stopped us
    try:
        stderr.print(text_nl.INTERRUPTED[code], soft_wrap=True)
    except (KeyboardInterrupt, OSError):
        pass


def _main(argv: list[str] | None) -> int:
    try:
        status = app(args=argv, standalone_mode=False, prog_name="mkba")
        if isinstance(status, int) and not isinstance(status, bool):
            return status  # typer returns an exit code (e.g. 130 after Ctrl-C)
    except CaseError as exc:
        for problem in sorted(exc.problems, key=lambda p: (p.file, p.line or 0)):  # in file order
            stderr.print(f"[red]{text_nl.ERROR}[/red] {escape(text_nl.render_problem(problem))}", soft_wrap=True)
        stderr.print(text_nl.problems_found(len(exc.problems)), soft_wrap=True)
        return 2
    except MkbaError as exc:  # a ReportError (the work failed) says exit_status = 1; bad input is 2
        _say_error(exc)
        return getattr(exc, "exit_status", 2)
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        raise KeyboardInterrupt from None
    except BrokenPipeError:  # e.g. `mkba run … | head`: the reader has what it wanted
        _silence_stdout()
        return 0
    except typer_click.exceptions.ClickException as exc:  # usage errors: bad option values etc.
        _usage_error(exc)
        return exc.exit_code
    except MemoryError:  # e.g. an enormous --n: say so instead of a traceback
        stderr.print(f"[red]{text_nl.ERROR}[/red]: {escape(text_nl.OUT_OF_MEMORY)}", soft_wrap=True)
        return 2
    except OSError as exc:  # the disk is full, a folder is read-only, ... : Dutch, naming the user's file
        from mkba.core.io import user_path

        text = text_nl.os_error(exc.errno, user_path(exc.filename))
        stderr.print(f"[red]{text_nl.ERROR}[/red]: {escape(text)}", soft_wrap=True)
        return 1
    return 0


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _usage_error(exc) -> None:
    """A usage error (unknown option, missing argument, bad value) in Dutch, with the usage line."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError":  # `mkba` alone: the help was shown, nothing more to say
        return
    message = text_nl.click_message(exc.format_message())
    stderr.print(f"[red]{text_nl.ERROR}[/red]: {escape(message)}", soft_wrap=True)
    if ctx is not None:
        stderr.print(escape(ctx.get_usage()), soft_wrap=True)
        hint = text_nl.HELP_FRAME["Try '{command_path} {help_option}' for help."]
        stderr.print(hint.format(command_path=escape(ctx.command_path), help_option="--help"), soft_wrap=True)


if __name__ == "__main__":
    sys.exit(main())
