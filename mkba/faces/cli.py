"""The ``mkba`` command line (DESIGN §5). Every command has ``--help``.

Bad input never shows a traceback: :class:`~mkba.core.errors.MkbaError` is printed as a clear
message on stderr and the command exits with status 2.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from mkba.core.errors import CaseError, MkbaError, UsageError

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


TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "template.yaml"


@app.command()
def init(
    name: Annotated[str, typer.Argument(help="Naam van de nieuwe casus (kleine letters, cijfers en '-'), bijv. 'mijn-gemeente'.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Bestand om te schrijven (standaard: NAAM.yaml).")] = None,
) -> None:
    """Schrijf een gedocumenteerd sjabloon voor een nieuwe casus dat direct valideert en draait."""
    if not re.match(r"^[a-z0-9][a-z0-9-]*$", name):
        raise UsageError(f"'{name}' is not a valid case id: use lower-case letters, digits and '-' (e.g. mijn-gemeente)")
    target = out or Path(f"{name}.yaml")
    if target.exists():
        raise UsageError(f"{target} exists already; choose another name or --out (nothing was overwritten)")
    text = TEMPLATE.read_text(encoding="utf-8").replace("id: voorbeeld", f"id: {name}")
    from mkba.core.io import write_text_atomic

    write_text_atomic(target, text)
    stdout.print(f"Sjabloon geschreven: {target}\nVolgende stap: mkba validate {target} && mkba run {target}")


# --------------------------------------------------------------------------------------------
# mkba estimate: parameters from data (DESIGN §11)
# --------------------------------------------------------------------------------------------
estimate_app = typer.Typer(
    name="estimate", no_args_is_help=True, rich_markup_mode="rich",
    help="Schat parameters uit data: substitutie uit registraties, vermeden cliënten uit een monitorreeks.",
)
app.add_typer(estimate_app, name="estimate")
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="Schrijf een parametersbestand (YAML) dat een casus met include: gebruikt.")]


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
            raise UsageError(text_nl.data_error(exc.code, exc.file, exc.row, exc.column, exc.detail)) from None
    return wrapper


@estimate_app.command("registraties")
@_data_errors
def estimate_registraties(
    file: Annotated[Path, typer.Argument(help="Registratie-export: CSV (komma, puntkomma of tab) of xlsx, één rij per traject.")],
    soort: Annotated[str | None, typer.Option("--soort", help="Alleen trajecten van deze soort, bijv. individueel.")] = None,
    deels: Annotated[float, typer.Option("--deels", help="Gewicht van doel_bereikt = deels (standaard 0,5).")] = 0.5,
    blad: Annotated[str | None, typer.Option("--blad", help="Werkblad in een xlsx-bestand (standaard het eerste).")] = None,
    kolommen: Annotated[Path | None, typer.Option("--kolommen", help="YAML met 'naam_in_bestand: standaardnaam' om kolommen te hernoemen.")] = None,
    out: OutOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Substitutie (bèta-posterior), teams met partiële pooling, volumes en doel bereikt uit een registratie-export."""
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
    est = estimate_registrations(file, soort=soort, deels=deels, sheet=blad, renames=renames)
    if out is not None:
        write_registrations(est, out)
    if json_out:
        print(to_json(est.to_json()))
    else:
        print_registrations(est, stdout)
        if out is not None:
            stdout.print(escape(f"Parameters geschreven: {out} (gebruik in een casus: include: [{out.name}])"))


@estimate_app.command("monitor")
@_data_errors
def estimate_monitor(
    file: Annotated[Path, typer.Argument(help="Monitorreeks: CSV met kolommen periode,voorziening,aantal (aantal mag '<10' zijn).")],
    vanaf: Annotated[str, typer.Option("--vanaf", help="Eerste periode met de verandering, bijv. 2023-Q1, 2023-03 of mrt-23.")],
    voorziening: Annotated[str | None, typer.Option("--voorziening", help="Alleen deze voorziening (standaard alle).")] = None,
    vergelijking: Annotated[Path | None, typer.Option("--vergelijking", help="Vergelijkingsreeks (zelfde formaat) als controle.")] = None,
    draws: Annotated[int, typer.Option("--draws", "-n", help="Trekkingen uit de onzekerheid van de coëfficiënten.", min=10)] = 2000,
    seed: SeedOpt = 1,
    out: OutOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """Onderbroken tijdreeks (Poisson/negatief-binomiaal): niveausprong, trendbreuk en vermeden cliënten per jaar."""
    from mkba.data_in.monitor import estimate_monitor as run_estimate
    from mkba.faces.estimates import print_monitor, write_monitor

    est = run_estimate(file, vanaf, voorziening=voorziening, vergelijking=vergelijking, draws=draws, seed=seed)
    draws_path = write_monitor(est, out) if out is not None else None
    if json_out:
        print(to_json(est.to_json()))
    else:
        print_monitor(est, stdout)
        if out is not None:
            stdout.print(escape(f"Parameters geschreven: {out}; trekkingen: {draws_path}"))


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app and turn known errors into clear messages (exit 2)."""
    try:
        app(args=argv, standalone_mode=False)
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
