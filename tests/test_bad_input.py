"""Bad input as a new user (or an attacker) writes it: every kind is refused with a located Dutch
message and exit status 2 — never a traceback, never a hang, never a blown-up memory — and a
previous report folder is byte-identical afterwards. Interruptions exit 130/143 with one Dutch
line; two reports started in the same second both succeed into their own folders.

Hostile inputs run the CLI in a child process under resource limits (RLIMIT_AS 2 GB as a safety
net, RLIMIT_CPU 60 s) and assert wall time < 10 s and peak RSS < 500 MB from ``wait4``.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mkba.faces.cli import main
from tests.test_validation import VALID

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "import sys; from mkba.faces.cli import main; sys.exit(main())"]
ENGLISH = ("Input should", "must be", "unknown", "Usage:", "Options", "Missing argument", "No such option",
           "Try '", "not valid", "Error", "Traceback")


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def tree_digest(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under ``folder`` (relative path → digest)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def previous_report(tmp_path) -> Path:
    """An earlier report run in OUT/mini/<run>/ (its files only need to stay byte-identical)."""
    run = tmp_path / "out" / "mini" / "20250101-120000-basis-n10000-s1"
    run.mkdir(parents=True)
    (run / "index.html").write_text("<html>eerder rapport</html>", encoding="utf-8")
    (run / "summary.json").write_text('{"draws": 10000}\n', encoding="utf-8")
    (run / "manifest.json").write_bytes(b'{"run_id": "20250101-120000-basis-n10000-s1"}\n')
    return tmp_path / "out"


def write(tmp_path: Path, text: str | bytes, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def assert_dutch_located(err: str, where: str, fragment: str) -> None:
    flat = " ".join(err.split())
    assert where in flat, flat
    assert fragment in flat, flat
    for word in ENGLISH:
        assert word not in flat, (word, flat)


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))
    resource.setrlimit(resource.RLIMIT_CPU, (60, 60))


def run_child(args: list[str], cwd: Path, timeout: float = 60) -> tuple[int, str, str, float, float]:
    """Run the CLI in a child under limits; return (status, stdout, stderr, seconds, peak MB).
    ``run_child.cpu`` holds the child's CPU seconds (user + system)."""
    out, err = cwd / "child.out", cwd / "child.err"
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "COLUMNS": "200"}
    t0 = time.perf_counter()
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen([*CLI, *args], cwd=cwd, stdout=fo, stderr=fe, preexec_fn=_limits, env=env)
        deadline = t0 + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
    seconds = time.perf_counter() - t0
    run_child.cpu = usage.ru_utime + usage.ru_stime
    proc.returncode = os.waitstatus_to_exitcode(status)
    return (proc.returncode, out.read_text(encoding="utf-8", errors="replace"),
            err.read_text(encoding="utf-8", errors="replace"), seconds, usage.ru_maxrss / 1024)


# --------------------------------------------------------------------------------------------
# broken case files, checked in-process (fast): (id, replace, with, line, path, Dutch fragment)
# --------------------------------------------------------------------------------------------
CASES = [
    ("thousands-float", "    value: 100\n", "    value: 2.200\n", 29, "effects[0].value",
     "'2.200' is dubbelzinnig: YAML leest 2.2, maar in het Nederlands betekent het 2200"),
    ("thousands-text", "    value: 100\n", "    value: 1.500.000\n", 29, "effects[0].value",
     "'1.500.000' is dubbelzinnig: YAML leest dit als tekst, maar in het Nederlands betekent het 1500000"),
    ("thousands-with-comma", "    value: 100\n", "    value: 1.500,50\n", 29, "effects[0].value",
     "in het Nederlands betekent het 1500.50"),
    ("decimal-comma-plain", "    value: 100\n", "    value: 0,35\n", 29, "effects[0].value",
     "in het Nederlands betekent het 0.35"),
    ("decimal-comma-quoted", "budget: {value: 1000, source: bron}", 'budget: {value: "0,35", source: bron}', 14,
     "parameters.budget.value", "'0,35' is tekst, geen getal; schrijf het getal als 0.35"),
    ("number-as-text", "amount: budget", 'amount: "2200"', 20, "costs[0].amount",
     "'2200' is tekst, geen getal; schrijf het getal als 2200"),
    ("overflow-1e308", "    value: 100\n", "    value: 1e308\n", 29, "effects[0].value",
     "1e308 is niet plausibel groot: getallen in een casus zijn hoogstens 10^12"),
    ("overflow-param", "budget: {value: 1000, source: bron}", "budget: {value: 1.0e+300, source: bron}", 14,
     "parameters.budget.value", "niet plausibel groot"),
    ("infinite", "    value: 100\n", "    value: .inf\n", 29, "effects[0].value", "'.inf' is geen eindig getal"),
    ("not-a-number", "    value: 100\n", "    value: .nan\n", 29, "effects[0].value", "'.nan' is geen eindig getal"),
    ("amount-implausible", "budget: {value: 1000, source: bron}", "budget: {value: 500000000000, source: bron}", 20,
     "costs[0].amount", "kan 5·10^11 bereiken; dat is niet plausibel: een bedrag ≥ 0 (euro per jaar) is hoogstens 10^11"),
    ("volume-implausible", "volume: aantal", "volume: 20000000000", 27, "effects[0].volume",
     "2·10^10 is niet plausibel: een volume ≥ 0 is hoogstens 10^9"),
    ("start-year-1800", "start_year: 2020", "start_year: 1800", 5, "case.start_year",
     "start_year 1800 is niet plausibel: kies een jaar van 1950 tot en met 2100"),
    ("start-year-2500", "start_year: 2020", "start_year: 2500", 5, "case.start_year", "2500 is niet plausibel"),
    ("price-year", "  horizon: 3\n", "  horizon: 3\n  price_year: 1900\n", 7, "case.price_year",
     "price_year 1900 is niet plausibel"),
    ("horizon-500", "  horizon: 3", "  horizon: 500", 6, "case.horizon", "horizon 500 is niet plausibel: kies 1 tot en met 200 jaar"),
    ("horizon-text", "  horizon: 3", "  horizon: drie", 6, "case.horizon", "moet een geheel getal zijn (nu: 'drie')"),
    ("discount-rate", "  discount_rate: 0.0225", "  discount_rate: -0.9", 7, "case.discount_rate",
     "-0,9 valt buiten het bereik: dit moet een discontovoet (bijv. 0.0225 voor 2,25%) in [-0,5; 1] zijn"),
    ("max-below-mode", "max: 0.45}", "max: 0.30}", 15, "parameters.substitutie", "max (0,3) moet ≥ mode (0,35) zijn"),
    ("union-field", "amount: budget", "amount: {a: 1}", 20, "costs[0].amount", "moet een getal of een parameternaam zijn"),
    ("unknown-field", "    value: 100\n", "    value: 100\n    vaule: 3\n", 30, "effects[0].vaule",
     "onbekend veld 'vaule'; hier toegestaan:"),
    ("unknown-section", "sources:\n", "bronnen: {}\nsources:\n", 8, "bronnen", "onbekende sectie; toegestaan:"),
    ("duplicate-key", "gemeente: Gemeente\n", "gemeente: Gemeente\n  gemeente: Dubbel\n", 12, "stakeholders.gemeente",
     "dubbele sleutel (eerst op regel 11); houd er één"),
    ("syntax-error", "  title: Mini", "  title: [Mini", None, "", "geen geldige YAML"),
    ("python-tag", "  title: Mini", "  title: !!python/object/apply:os.system ['echo hacked']", None, "",
     "geen geldige YAML"),
    ("correlation-range", "scenarios:", "correlations:\n  - [substitutie, aantal, 1.5]\nscenarios:", 32, "correlations[0]",
     "rangcorrelatie (1,5) moet strikt tussen -1 en 1 liggen"),
    ("literal", "kind: fiscal", "kind: financieel", 26, "effects[0].kind", "moet een van"),
]


@pytest.mark.parametrize(("name", "old", "new", "line", "path", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_broken_case_is_refused_in_dutch(tmp_path, capsys, previous_report, name, old, new, line, path, fragment):
    assert old in VALID
    before = tree_digest(previous_report)
    case = write(tmp_path, VALID.replace(old, new, 1))
    for command in (["validate", str(case)], ["run", str(case), "--draws", "200"],
                    ["report", str(case), "--draws", "200", "--out", str(previous_report)]):
        assert main(command) == 2, command
        captured = capsys.readouterr()
        assert captured.out == ""
        where = f"{case}:{line} {path}:" if line else f"{case}:"
        assert_dutch_located(captured.err, where, fragment)
        assert "gevonden; niets berekend." in captured.err
    assert tree_digest(previous_report) == before


def test_each_problem_once_with_a_set_scenario(tmp_path, capsys):
    """A baseline error in a case whose scenario uses 'set' was reported twice (issue 11)."""
    text = VALID.replace("amount: budget", "amount: budjet").replace(
        "    scale: {aantal: 0.5}", "    set: {substitutie: {dist: pert, min: 0.2, mode: 0.3, max: 0.4}}")
    case = write(tmp_path, text)
    assert main(["validate", str(case)]) == 2
    err = capsys.readouterr().err
    assert err.count("budjet") == 1, err
    assert "1 probleem gevonden; niets berekend." in err


def test_plurals(tmp_path, capsys):
    one = write(tmp_path, VALID.replace("max: 0.45}", "max: 0.30}"), "een.yaml")
    assert main(["validate", str(one)]) == 2
    assert "1 probleem gevonden" in capsys.readouterr().err
    three = write(tmp_path, VALID.replace("max: 0.45}", "max: 0.30}").replace("payer: gemeente", "payer: provincie")
                  .replace("start_year: 2020", "start_year: 1800"), "drie.yaml")
    assert main(["validate", str(three)]) == 2
    assert "3 problemen gevonden" in capsys.readouterr().err


def test_quoted_text_is_allowed_where_text_is(tmp_path):
    """The escape hatch: quoting marks Dutch-looking numbers as text on purpose."""
    import mkba

    case = mkba.load_case(write(tmp_path, VALID.replace("title: Mini", 'title: "1.500.000"')
                                .replace("label: Subsidie", 'label: "Subsidie 2.200"')))
    assert case.title == "1.500.000" and case.costs[0].label == "Subsidie 2.200"
    # and YAML 1.2 exponents are numbers, as a reader expects
    case = mkba.load_case(write(tmp_path, VALID.replace("budget: {value: 1000,", "budget: {value: 1e3,")))
    assert case.parameters["budget"].value == 1000.0


@pytest.mark.parametrize(("name", "content", "fragment"), [
    ("unclosed-list", "mkba: 1\ncase: [a, b\n", ":3: geen geldige YAML: een lijst '[' is niet gesloten met ']'"),
    ("tab", "mkba: 1\ncase:\n\tid: x\n", ":3: geen geldige YAML: een teken waarmee geen waarde kan beginnen (een tab?"),
    ("undefined-alias", "mkba: 1\ncase: *nergens\n", ":2: geen geldige YAML: een verwijzing '*' naar een anker"),
    ("indentation", "mkba: 1\ncase:\n  id: x\n title: y\n", ":4: geen geldige YAML: de inspringing klopt niet"),
    ("two-documents", "mkba: 1\n---\nmkba: 1\n", "geen geldige YAML: meer dan één document"),
    ("unclosed-quote", 'mkba: 1\ncase: "abc\n', "geen geldige YAML: het bestand houdt midden in een waarde op"),
    ("colon", "mkba: 1\ncase: a: b\n", ":2: geen geldige YAML: een ':' waar dat niet mag"),
    ("empty", "", "een casusbestand is een YAML-mapping die begint met 'mkba: 1'"),
    ("list", "- a\n- b\n", "een casusbestand is een YAML-mapping"),
    ("latin-1", "mkba: 1\ncase: {title: 'Caf\xe9'}\n".encode("latin-1"), "geen UTF-8-tekst"),
    ("no-version", VALID.replace("mkba: 1\n", ""), "'mkba: 1' ontbreekt"),
])
def test_unusable_files(tmp_path, capsys, name, content, fragment):
    case = write(tmp_path, content)
    assert main(["validate", str(case)]) == 2
    assert_dutch_located(capsys.readouterr().err, f"{case}", fragment)


def test_missing_file_and_folder(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nergens.yaml")]) == 2
    assert_dutch_located(capsys.readouterr().err, "nergens.yaml", "bestand niet gevonden")
    assert main(["validate", str(tmp_path)]) == 2
    assert_dutch_located(capsys.readouterr().err, str(tmp_path), "is een map, geen casusbestand")


# --------------------------------------------------------------------------------------------
# command-line mistakes
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "fragment"), [
    (["run", "{case}", "--draws", "0"], "Ongeldige waarde voor '--draws' / '-n': dit moet ≥ 1 zijn."),
    (["run", "{case}", "--draws", "abc"], "dit moet een geheel getal zijn"),
    (["run", "{case}", "--draws", "2.200"], "dit moet een geheel getal zijn"),
    (["run", "{case}", "--drws", "3"], "Onbekende optie: --drws"),
    (["run"], "Argument 'case' ontbreekt."),
    (["rn", "{case}"], "Onbekende opdracht 'rn'. Bedoelt u 'run'?"),
    (["run", "{case}", "extra"], "Onverwacht extra argument: extra"),
    (["sensitivity", "{case}", "--method", "breakeven", "--target-bcr", "nan"], "--target-bcr nan is geen eindig getal"),
    (["sensitivity", "{case}", "--method", "breakeven", "--target-bcr", "inf"], "--target-bcr inf is geen eindig getal"),
    (["sensitivity", "{case}", "--method", "orakel"], "onbekende methode 'orakel'"),
    (["sensitivity", "{case}", "--output", "winst"], "onbekende uitkomst 'winst'; gebruik npv, bcr of net:BELANGHEBBENDE"),
    (["sensitivity", "{case}", "--method", "sobol", "--n", "1000"], "--n moet een macht van twee ≥ 4 zijn"),
    (["compare", "{case}", "--perspective", "rijk", "--draws", "200"], "perspectief 'rijk' is geen belanghebbende"),
    (["sensitivity", "{case}", "--method", "sobol", "--n", "1099511627776"], "--n 1099511627776: dat vraagt"),
    (["report", "{case}", "--sobol-n", "1099511627776"], "--sobol-n 1099511627776: dat vraagt"),
    (["compare", "{case}", "--draws", "5"], "een vergelijking heeft minstens 100 trekkingen nodig (nu: 5)"),
    (["run", "{case}", "--scenario", "s9"], "onbekend scenario 's9' in casus 'mini'; kies een van: baseline, s1"),
    (["run", "{case}", "--design", "halton"], "onbekend steekproefontwerp 'halton'"),
    (["run", "{case}", "--draws", "1000000000000"], "--draws 1000000000000: dat vraagt ongeveer"),
    (["run", "{case}", "--draws", "20000000"], "boven de zachte grens"),
    (["report", "{case}", "--scenario", "s1", "--all"], "geef --scenario of --all, niet allebei"),
    (["init", "Mijn Gemeente"], "'Mijn Gemeente' is geen geldige casus-id"),
])
def test_usage_errors_are_dutch(tmp_path, capsys, previous_report, args, fragment):
    case = write(tmp_path, VALID)
    before = tree_digest(previous_report)
    args = [a.replace("{case}", str(case)) for a in args]
    if args[0] == "report":
        args += ["--out", str(previous_report)]
    assert main(args) == 2
    captured = capsys.readouterr()
    flat = " ".join(captured.err.split())
    assert fragment in flat, flat
    assert flat.startswith("fout")
    for word in ENGLISH:
        assert word not in flat, (word, flat)
    assert tree_digest(previous_report) == before


def test_out_pointing_at_a_file(tmp_path, capsys):
    case = write(tmp_path, VALID)
    target = write(tmp_path, "ik ben een bestand", "rapporten")
    assert main(["report", str(case), "--draws", "200", "--out", str(target)]) == 2
    assert_dutch_located(capsys.readouterr().err, str(target), "is een bestand, geen map")
    assert target.read_text() == "ik ben een bestand"


def test_too_few_draws_show_no_interval(tmp_path, capsys):
    case = write(tmp_path, VALID)
    assert main(["run", str(case), "--draws", "1"]) == 0
    captured = capsys.readouterr()
    sentence = next(line for line in captured.out.splitlines() if line.startswith("Elke geïnvesteerde euro"))
    assert "te weinig trekkingen voor een interval" in sentence and "90%-interval" not in sentence
    assert "€ 0,09 – € 0,09" not in captured.out  # no interval of a single draw
    assert "— 1 trekking, seed 1" in captured.out  # and the singular
    assert "Met 1 trekking zijn onzekerheidsintervallen niet betrouwbaar" in " ".join(captured.err.split())
    assert main(["run", str(case), "--draws", "100"]) == 0
    out = capsys.readouterr().out
    assert "(90%-interval €" in next(line for line in out.splitlines() if line.startswith("Elke geïnvesteerde euro"))


def test_draw_limits_follow_memory_and_disk(example_case):
    from mkba.core import budget
    from mkba.core.engine import make_plan

    cols = budget.columns_per_draw(example_case, [None])
    assert cols == len(make_plan(example_case, [None], draws=10).columns("baseline"))  # what a run stores
    plan = budget.run_budget(example_case, 10_000, [None], memory=8 * 2**30, disk=100 * 2**30)
    assert not plan.refused and not plan.soft and plan.need_bytes == 10_000 * cols * 8
    # 1 GB memory, no disk: the store (draws × columns × 8 bytes) must fit in 80% of it
    plan = budget.run_budget(example_case, 10**8, [None], memory=2**30, disk=0)
    assert plan.refused
    assert plan.maximum <= int(2**30 * 0.8) // (cols * 8)
    assert not budget.run_budget(example_case, plan.maximum, [None], memory=2**30, disk=0).refused


def test_wide_output_when_piped(tmp_path):
    """Output to a file is not cut at 80 columns (the console is 200 wide off a terminal)."""
    case = write(tmp_path, VALID)
    code, out, err, _, _ = run_child(["run", str(case), "--draws", "200"], tmp_path)
    assert code == 0, err
    sentence = next(line for line in out.splitlines() if line.startswith("Elke geïnvesteerde euro"))
    assert "kans dat de baten de kosten overtreffen" in sentence  # one line, not wrapped


def test_help_frame_is_dutch(capsys):
    assert main(["run", "--help"]) == 0
    out = capsys.readouterr().out
    assert "Gebruik: mkba run [OPTIES]" in out and "Opties" in out and "Argumenten" in out
    assert "Toon deze hulp en stop." in out
    assert "<geheel getal>" in out and "<pad>" in out
    for word in ("Usage:", "Options", "Arguments", "Show this message", "<bool>", "<int", "<str>"):
        assert word not in out


# --------------------------------------------------------------------------------------------
# hostile input: a child process under limits; fast and small
# --------------------------------------------------------------------------------------------
BOMB = "".join([
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n',
    *[f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)],
])


def _hostile(tmp_path: Path) -> dict[str, tuple[list[str], str, str]]:
    big = tmp_path / "groot.yaml"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write(VALID)
        fh.write("beperkingen:\n")
        line = "  - " + "x" * 1000 + "\n"
        for _ in range(50_000):  # ~50 MB
            fh.write(line)
    deep = write(tmp_path, "a: " + "[" * 5000 + "]" * 5000 + "\n", "diep.yaml")
    wide = write(tmp_path, "a: [" + ", ".join(["1"] * 100_000) + "]\n", "breed.yaml")
    loop = write(tmp_path, "a: &a [*a, *a]\n", "kring.yaml")
    bomb = write(tmp_path, BOMB, "bom.yaml")
    huge = write(tmp_path, VALID.replace("    value: 100\n", "    value: 1.0e+308\n"), "groot-getal.yaml")
    good = write(tmp_path, VALID, "goed.yaml")
    return {
        "billion-laughs": (["validate", str(bomb)], f"{bomb}:", "het document bevat meer dan 50000 waarden (verwijzingen '*'"),
        "alias-loop": (["validate", str(loop)], f"{loop}:1 a", "meer dan 32 niveaus diep genest"),
        "50-MB-file": (["run", str(big)], f"{big}:", "een casusbestand is hoogstens 5 MB"),
        "deep-nesting": (["validate", str(deep)], f"{deep}:", "meer dan 32 niveaus diep genest"),
        "100k-values": (["validate", str(wide)], f"{wide}:", "het document bevat meer dan 50000 waarden"),
        "value-1e308": (["run", str(huge)], f"{huge}:29 effects[0].value:", "niet plausibel groot"),
        "draws-1e12": (["run", str(good), "--draws", "1000000000000"], "--draws 1000000000000:", "kies hoogstens --draws"),
        "draws-1e9": (["run", str(good), "--draws", "1000000000"], "--draws 1000000000:", "--draws"),
    }


HOSTILE = ["billion-laughs", "alias-loop", "50-MB-file", "deep-nesting", "100k-values", "value-1e308", "draws-1e12",
           "draws-1e9"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_input_fails_fast_and_small(tmp_path, previous_report, name):
    args, where, fragment = _hostile(tmp_path)[name]
    before = tree_digest(previous_report)
    code, out, err, seconds, peak_mb = run_child(args, tmp_path)
    assert code == 2, (code, err)
    assert_dutch_located(err, where, fragment)
    # 10 s of wall time on an idle machine; on a shared, overloaded one (load > cores) the wall
    # clock stretches by the load factor, while the CPU time the child used stays small
    stretch = max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
    assert seconds < 10 * stretch, f"{name}: {seconds:.1f} s (load factor {stretch:.1f})"
    assert run_child.cpu < 5, f"{name}: {run_child.cpu:.1f} s CPU"
    assert peak_mb < 500, f"{name}: {peak_mb:.0f} MB"
    assert tree_digest(previous_report) == before


# --------------------------------------------------------------------------------------------
# interruption and concurrency
# --------------------------------------------------------------------------------------------
def _default_sigint() -> None:
    """In the child: Ctrl-C as at a terminal. A test run started in the background of a
    non-interactive shell inherits SIGINT ignored, and a program rightly keeps that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(args: list[str], cwd: Path) -> tuple[subprocess.Popen, Path]:
    err = cwd / f"err-{time.perf_counter_ns()}.txt"
    proc = subprocess.Popen([*CLI, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=open(err, "wb"),  # noqa: SIM115
                            env={**os.environ, "OPENBLAS_NUM_THREADS": "1"}, preexec_fn=_default_sigint)
    return proc, err


def _wait_for(path: Path, text: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in path.read_text(encoding="utf-8", errors="replace"):
            return
        if proc.poll() is not None:
            pytest.fail(f"ended before '{text}': {path.read_text()}")
        time.sleep(0.1)
    proc.kill()
    pytest.fail(f"no '{text}' within {timeout} s")


@pytest.mark.parametrize(("signum", "status", "line"), [
    (signal.SIGINT, 130, "afgebroken (Ctrl-C); niets half geschreven"),
    (signal.SIGTERM, 143, "afgebroken (beëindigd); niets half geschreven"),
])
def test_signal_during_run(tmp_path, signum, status, line):
    case = write(tmp_path, VALID)
    proc, err = _start(["run", str(case), "--draws", "3000000", "--ja"], tmp_path)
    _wait_for(err, "trekkingen: ongeveer", proc)  # the estimate is printed just before the work starts
    time.sleep(0.5)
    proc.send_signal(signum)
    assert proc.wait(timeout=60) == status
    text = err.read_text(encoding="utf-8")
    assert line in text and "Traceback" not in text and "WARNING" not in text


def test_interrupted_and_killed_reports_leave_no_complete_looking_run(tmp_path, previous_report, example_path):
    before = tree_digest(previous_report / "mini")
    case_dir = previous_report / "de-kop"
    args = ["report", str(example_path), "--draws", "200", "--sobol-n", "64", "--out", str(previous_report)]
    # Ctrl-C while the first notebook runs: exit 130, one line, the working folder removed
    proc, err = _start(args, tmp_path)
    _wait_for(err, "[1/", proc)
    time.sleep(2)
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=60) == 130
    text = err.read_text(encoding="utf-8")
    assert "afgebroken (Ctrl-C)" in text and "Traceback" not in text and "WARNING" not in text
    assert not case_dir.exists() or list(case_dir.iterdir()) == []
    assert not list(ROOT.joinpath("notebooks").glob("kernel-*")), "no kernel sockets left beside the notebooks"
    # kill -9: only the hidden working folder is left, never a run that looks complete
    proc, err = _start(args, tmp_path)
    _wait_for(err, "[1/", proc)
    time.sleep(2)
    proc.kill()
    proc.wait(timeout=60)
    left = sorted(p.name for p in case_dir.iterdir())
    assert left and all(name.startswith(".bezig-") for name in left), left
    assert tree_digest(previous_report / "mini") == before and not list((previous_report / "mini").glob(".bezig-*"))
    # the next run works: reserve a run folder the way a new report does
    from mkba.faces.report import _reserve

    final, work = _reserve(case_dir, left[0].removeprefix(".bezig-"))
    assert final.name != left[0].removeprefix(".bezig-") and work.is_dir()


def test_two_reports_in_the_same_second(tmp_path, example_path):
    """Two reports of one case into one --out, started together: both succeed, distinct folders."""
    out = tmp_path / "out"
    args = ["report", str(example_path), "--draws", "500", "--sobol-n", "64", "--out", str(out)]
    first, err1 = _start(args, tmp_path)
    second, err2 = _start(args, tmp_path)
    assert first.wait(timeout=600) == 0, err1.read_text()
    assert second.wait(timeout=600) == 0, err2.read_text()
    runs = sorted(p for p in (out / "de-kop").iterdir())
    assert len(runs) == 2 and all(not p.name.startswith(".") for p in runs), runs
    for run in runs:
        assert (run / "index.html").is_file() and (run / "manifest.json").is_file()
    assert runs[0].name.rsplit("-s1", 1)[0] != runs[1].name.rsplit("-s1", 1)[0] or runs[1].name.endswith("-2")


def test_time_estimate_counts_the_workers(example_case, monkeypatch):
    """The estimate shown before a large run is for the processes asked for (one per core at most)."""
    from mkba.core import budget

    monkeypatch.setattr(budget, "seconds_per_draw", lambda case, options: 1e-5)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    one = budget.run_budget(example_case, 10**6, [None], memory=8 * 2**30, disk=100 * 2**30)
    two = budget.run_budget(example_case, 10**6, [None], memory=8 * 2**30, disk=100 * 2**30, workers=2)
    eight = budget.run_budget(example_case, 10**6, [None], memory=8 * 2**30, disk=100 * 2**30, workers=8)
    assert one.seconds == pytest.approx(10.0)
    assert two.seconds == pytest.approx(10.0 / 1.6)
    assert eight.seconds == two.seconds  # no faster than the cores allow


def test_abandoned_work_folders_are_swept_once_their_process_is_gone(tmp_path):
    """kill -9 leaves `.bezig-<run>` and its owner file; the next report removes them when that
    process no longer runs here — never a live run's, another machine's, or one without owner."""
    import socket

    from mkba.faces.report import _this_process, sweep_abandoned

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()

    def leave(name: str, owner: dict | None) -> Path:
        work = tmp_path / f".bezig-{name}"
        work.mkdir()
        (work / "rapport-basis.ipynb").write_text("{}")
        if owner is not None:
            (tmp_path / f".bezig-{name}.eigenaar").write_text(json.dumps(owner))
        return work

    dead = leave("dood", {"host": socket.gethostname(), "pid": gone.pid, "start": "1"})
    reused = leave("hergebruikt", {**_this_process(), "start": "0"})  # our pid, but another start time
    alive = leave("loopt", _this_process())
    elsewhere = leave("elders", {"host": "een-andere-machine", "pid": gone.pid, "start": "1"})
    unknown = leave("zonder-eigenaar", None)
    assert sorted(sweep_abandoned(tmp_path)) == [".bezig-dood", ".bezig-hergebruikt"]
    assert not dead.exists() and not reused.exists()
    assert not (tmp_path / ".bezig-dood.eigenaar").exists()
    assert alive.exists() and elsewhere.exists() and unknown.exists()
    assert sweep_abandoned(tmp_path) == []
