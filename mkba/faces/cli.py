"""The ``mkba`` command line (DESIGN §5). Every command has ``--help``.

Bad input never shows a traceback: :class:`~mkba.core.errors.MkbaError` is printed as a clear
message on stderr and the command exits with status 2.
"""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from mkba.core.errors import CaseError, MkbaError, UsageError
from mkba.faces import text_nl as _t

app = typer.Typer(
    name="mkba",
    help=(
        "MKBA voor sociaal werk: maatschappelijke kosten en baten met onzekerheid.\n\n"
        "Start met 'mkba run parameters/de_kop.yaml' of maak een eigen casus met 'mkba init NAAM'."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
)

stdout = Console(highlight=False)
stderr = Console(stderr=True, highlight=False)

CaseArg = Annotated[Path, typer.Argument(help="Casusbestand (YAML, formaat v1), bijv. parameters/de_kop.yaml.")]
DrawsOpt = Annotated[int, typer.Option("--draws", "-n", help="Aantal Monte Carlo-trekkingen.", min=1)]
SeedOpt = Annotated[int, typer.Option("--seed", help="Startwaarde van de toevalsgenerator (zelfde seed = zelfde getallen).", min=0)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print één JSON-object (machineleesbaar) in plaats van tabellen.")]
ScenarioOpt = Annotated[str | None, typer.Option("--scenario", "-s", help="Scenario-id uit de casus (standaard: de basis).")]


from mkba.core.io import to_json  # noqa: E402  (re-exported: tests and users import it from here)


def _load(path: Path):
    from mkba.data_in.cases import load_case

    return load_case(path)


def _show_progress(draws: int) -> bool:
    """A progress bar for long runs, on a terminal only (never in pipes or CI logs)."""
    return stderr.is_terminal and draws >= 50_000


@app.command()
def validate(case: CaseArg) -> None:
    """Controleer een casusbestand en meld alle problemen tegelijk (bestand:regel pad: wat er mis is)."""
    from mkba.core.case import unused_parameters

    c = _load(case)
    for name in unused_parameters(c):
        stderr.print(f"[yellow]let op[/yellow] {case} parameters.{name}: no line or scenario uses this parameter; "
                     "remove it or refer to it")
    n_unc = len(c.uncertain_parameters)
    stdout.print(f"[green]OK[/green] {case}: casus '{c.id}', {len(c.parameters)} parameters ({n_unc} onzeker), "
                 f"{len(c.costs)} kostenposten, {len(c.effects)} effecten, {len(c.scenarios)} scenario's.")


@app.command()
def run(
    case: CaseArg,
    scenario: ScenarioOpt = None,
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    design: Annotated[str, typer.Option("--design", help="Steekproefontwerp: mc (Monte Carlo), lhs (Latin hypercube) of sobol.")] = "mc",
    deterministic: Annotated[bool, typer.Option("--deterministic", help="Eén berekening met alle parameters op hun basiswaarde.")] = False,
    json_out: JsonOpt = False,
    chunk_size: Annotated[int, typer.Option("--chunk-size", help="Trekkingen per blok (geheugen); verandert geen uitkomst.", min=1)] = 2**16,
) -> None:
    """Bereken kosten, baten, netto contante waarde en baten/kosten-verhouding, met onzekerheid."""
    from mkba.core.results import deterministic as run_deterministic
    from mkba.core.results import simulate
    from mkba.faces.console import print_run, progress_bar

    c = _load(case)
    if deterministic:
        result = run_deterministic(c, scenario)
    else:
        with progress_bar(draws, "Simuleren", _show_progress(draws), stderr) as advance:
            result = simulate(c, draws=draws, seed=seed, scenario=scenario, design=design,
                              chunk_size=chunk_size, progress=advance)
    summary = result.summary()
    if json_out:
        print(to_json(summary))
    else:
        print_run(summary, result.case, stdout)


@app.command()
def compare(
    case: CaseArg,
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    perspective: Annotated[str | None, typer.Option("--perspective", "-p", help="'society' (standaard) of een belanghebbende uit de casus, bijv. gemeente.")] = None,
    curves: Annotated[bool, typer.Option("--curves", help="Ook acceptatiecurves: kans-beste per gewicht van niet-fiscale baten en per discontovoet (trager).")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Vergelijk de basis met alle scenario's op dezelfde trekkingen: besparing, verloren baten, wie het draagt, kans-beste en EVPI."""
    from mkba.analysis.scenarios import acceptability_by_discount_rate
    from mkba.analysis.scenarios import compare as run_compare
    from mkba.faces.console import print_compare, progress_bar

    c = _load(case)
    options = len(c.scenarios) + 1
    with progress_bar(draws, "Scenario's simuleren", _show_progress(draws * options), stderr) as advance:
        cmp = run_compare(c, draws=draws, seed=seed, perspective=perspective, progress=advance)
    summary = cmp.summary()
    if curves:
        summary["acceptability"] = {
            "by_weight": cmp.acceptability_by_weight().to_dict(orient="records"),
            "by_discount_rate": acceptability_by_discount_rate(
                c, draws=draws, seed=seed, perspective=perspective).to_dict(orient="records"),
        }
    if json_out:
        print(to_json(summary))
    else:
        print_compare(summary, c, stdout)


@app.command()
def sensitivity(
    case: CaseArg,
    method: Annotated[str, typer.Option("--method", "-m", help="tornado (P10/P90), breakeven (omslagwaarden), sobol (globaal, SALib) of morris (screening).")] = "tornado",
    output: Annotated[str, typer.Option("--output", "-o", help="npv, bcr of net:BELANGHEBBENDE (bijv. net:gemeente).")] = "npv",
    n: Annotated[int | None, typer.Option("--n", help="Sobol: basissteekproeven N (macht van 2, standaard 1024); Morris: trajecten (standaard 100).")] = None,
    seed: SeedOpt = 1,
    scenario: ScenarioOpt = None,
    target_bcr: Annotated[float | None, typer.Option("--target-bcr", help="Breakeven: los op voor deze baten/kosten-verhouding, bijv. 1.2.")] = None,
    versus: Annotated[str | None, typer.Option("--versus", help="Vergelijk met 'baseline' of een ander scenario: de uitkomst wordt het verschil (bij breakeven: waar de twee opties van plaats wisselen).")] = None,
    json_out: JsonOpt = False,
) -> None:
    """Welke aannames sturen de uitkomst, en hoe ver mogen ze bewegen voordat de conclusie omslaat?"""
    from mkba.analysis.sensitivity import METHODS
    from mkba.faces.console import print_sensitivity

    if method not in METHODS:
        raise UsageError(f"unknown method '{method}'; choose one of: {', '.join(METHODS)}")
    if target_bcr is not None and method != "breakeven":
        raise UsageError("--target-bcr goes with --method breakeven")
    if n is not None and method not in ("sobol", "morris"):
        raise UsageError("--n goes with --method sobol or morris")
    c = _load(case)
    module = METHODS[method]
    if versus is not None and versus != "baseline" and versus not in c.scenarios:
        raise UsageError(f"--versus {versus}: unknown option; choose baseline or one of: {', '.join(c.scenarios)}")
    common = {"output": output, "scenario": scenario, "versus": versus}
    if method == "sobol":
        result = module.analyze(c, n=1024 if n is None else n, seed=seed, **common)
    elif method == "morris":
        result = module.analyze(c, n=100 if n is None else n, seed=seed, **common)
    elif method == "breakeven":
        result = module.analyze(c, target_bcr=target_bcr, **common)
    else:
        result = module.analyze(c, **common)
    if json_out:
        print(to_json(result.summary()))
    else:
        print_sensitivity(result, c, stdout)


@app.command()
def report(
    case: CaseArg,
    scenario: ScenarioOpt = None,
    all_options: Annotated[bool, typer.Option("--all", help="Een rapport voor de basis en elk scenario, plus de vergelijking.")] = False,
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    out: Annotated[Path, typer.Option("--out", help="Map voor rapporten; elke run komt in OUT/<casus>/<run>/.")] = Path("reports"),
    sobol_n: Annotated[int, typer.Option("--sobol-n", help="Basissteekproeven voor de Sobol-indices (macht van 2).")] = 2048,
) -> None:
    """Maak een bestuursrapport (HTML, Nederlands) met papermill: samenvatting, grafieken, gevoeligheid, scenario's, aannames en herkomst."""
    from mkba.faces.report import build_report, main_progress

    folder = build_report(case, scenario=scenario, all_options=all_options, draws=draws, seed=seed, out=out,
                          sobol_n=sobol_n, on_notebook=main_progress(stderr), progress_bar=stderr.is_terminal)
    stdout.print(f"Rapport klaar: {folder / 'index.html'}\nOpenen: xdg-open {folder / 'index.html'} (of open het bestand in een browser)")


@app.command(help=_t.BATCH_HELP)
def batch(
    cases: Annotated[list[Path], typer.Argument(help=_t.BATCH_CASES_HELP, metavar="CASE...")],
    scenario: Annotated[str, typer.Option("--scenario", "-s", help=_t.BATCH_SCENARIO_HELP)] = "baseline",
    draws: DrawsOpt = 10_000,
    seed: SeedOpt = 1,
    design: Annotated[str, typer.Option("--design", help="Steekproefontwerp: mc (Monte Carlo), lhs (Latin hypercube) of sobol.")] = "mc",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help=_t.BATCH_SCHEDULER_HELP)] = None,
    workers: Annotated[int | None, typer.Option("--workers", help=_t.BATCH_WORKERS_HELP, min=1)] = None,
    out: Annotated[Path | None, typer.Option("--out", help=_t.BATCH_OUT_HELP)] = None,
    json_out: JsonOpt = False,
) -> None:
    from mkba import batch as batch_mod

    if not cases:
        raise UsageError(_t.BATCH_NO_CASES)
    if scheduler is not None and workers is not None:
        raise UsageError(_t.BATCH_WORKERS_WITH_SCHEDULER)
    folder = out if out is not None else batch_mod.default_out()
    try:
        with _batch_progress() as (on_plan, advance):
            written = batch_mod.run_batch(cases, folder, _describe_failure, scenario=scenario, draws=draws,
                                          seed=seed, design=design, scheduler=scheduler, workers=workers,
                                          progress=advance, on_plan=on_plan)
    except batch_mod.ConnectError as exc:
        raise MkbaError(_t.BATCH_CONNECT_FAILED.format(adres=exc.address, reden=exc.reason)) from None
    if json_out:
        print(to_json(written.to_json_object()))
    elif written.failed:
        for failure in written.failed:
            stderr.print(f"[red]fout[/red] {escape(failure['message'])}", soft_wrap=True)
        stdout.print(_t.BATCH_DONE_FAILED.format(ok=len(written.runs), map=folder, fout=len(written.failed),
                                                 fouten=folder / "fouten.json"), soft_wrap=True)
    else:
        stdout.print(_t.BATCH_DONE.format(ok=len(written.runs), map=folder), soft_wrap=True)
    if written.failed:
        raise typer.Exit(1)


def _describe_failure(failure) -> str:
    """A batch failure in Dutch (mkba.batch returns codes; the words live in text_nl)."""
    from mkba import batch as batch_mod

    extra = dict(failure.extra)
    if failure.code == batch_mod.LOAD:
        return _t.BATCH_LOAD_FAILED.format(reden=failure.detail)
    if failure.code == batch_mod.SCENARIO:
        return _t.BATCH_UNKNOWN_SCENARIO.format(scenario=failure.scenario, casus=failure.detail, bekend=extra["bekend"])
    if failure.code == batch_mod.DUPLICATE:
        return _t.BATCH_DUPLICATE_ID.format(casus=failure.detail, eerder=extra["eerder"])
    if failure.code == batch_mod.LOST:
        return _t.BATCH_WORKER_LOST.format(reden=failure.detail)
    return _t.BATCH_RUN_FAILED.format(scenario=failure.scenario, reden=failure.detail)


@contextmanager
def _batch_progress():
    """Yield ``(on_plan, advance)``: a rich progress bar over the runs on a terminal, else no-ops."""
    from mkba.faces.console import progress_bar

    if not stderr.is_terminal:
        yield (lambda n: None), (lambda n: None)
        return
    state: dict = {}

    def on_plan(n: int) -> None:
        state["cm"] = progress_bar(n, _t.BATCH_PROGRESS, True, stderr)
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


@app.command()
def init(
    name: Annotated[str, typer.Argument(help="Naam van de nieuwe casus (kleine letters, cijfers en '-'), bijv. 'mijn-gemeente'.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Bestand om te schrijven (standaard: NAAM.yaml).")] = None,
    voorbeeld: Annotated[str | None, typer.Option("--voorbeeld", help="Begin bij een meegeleverd voorbeeld in plaats van het sjabloon, bijv. de-kop.")] = None,
) -> None:
    """Schrijf een gedocumenteerd sjabloon (of een meegeleverd voorbeeld) voor een nieuwe casus dat direct valideert en draait."""
    from mkba.core.bundled import example_cases
    from mkba.core.io import write_text_atomic

    examples = example_cases()
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", name):
        raise UsageError(f"'{name}' is not a valid case id: use lower-case letters, digits and '-' (e.g. mijn-gemeente)")
    if voorbeeld is not None and voorbeeld not in examples:
        raise UsageError(_t.INIT_UNKNOWN_EXAMPLE.format(naam=voorbeeld, bekend=", ".join(examples) or "-"))
    target = out or Path(f"{name}.yaml")
    if target.exists():
        raise UsageError(f"{target} exists already; choose another name or --out (nothing was overwritten)")
    if voorbeeld is None:
        text = TEMPLATE.read_text(encoding="utf-8").replace("id: voorbeeld", f"id: {name}")
        write_text_atomic(target, text)
        stdout.print(f"Sjabloon geschreven: {target}\nVolgende stap: mkba validate {target} && mkba run {target}")
        return
    text = _renamed_case(examples[voorbeeld].read_text(encoding="utf-8"), name)
    write_text_atomic(target, text)
    stdout.print(_t.INIT_EXAMPLE_WRITTEN.format(voorbeeld=voorbeeld, doel=target))


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


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app and turn known errors into clear messages (exit 2)."""
    try:
        code = app(args=argv, standalone_mode=False)  # typer.Exit(n) inside a command comes back as n
    except CaseError as exc:
        for problem in exc.problems:
            stderr.print(f"[red]fout[/red] {escape(str(problem))}", soft_wrap=True)
        n = len(exc.problems)
        stderr.print(f"{n} probleem{'' if n == 1 else 'en'} gevonden; niets berekend.")
        return 2
    except MkbaError as exc:
        stderr.print(f"[red]fout[/red]: {escape(str(exc))}", soft_wrap=True)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        stderr.print("afgebroken")
        return 130
    except KeyboardInterrupt:
        stderr.print("afgebroken")
        return 130
    except typer.exceptions.TyperException as exc:  # usage errors: bad option values etc.
        if hasattr(exc, "show"):
            exc.show()
            return getattr(exc, "exit_code", 2)
        raise
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
