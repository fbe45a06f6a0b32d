"""``mkba verken``: a live "what if?" page for a council meeting (DESIGN §15).

A small ASGI app on Starlette, served by uvicorn. Why these two: Starlette is small, well kept
(the base of FastAPI), has a test client, runs plain functions in a thread pool so a computation
never blocks the server, and needs no template engine or ORM; uvicorn is its standard server.
Every asset (page, script, style, icon) comes from the package (``mkba/resources/verken``): no
CDN, so the page works offline and from the wheel.

The server holds one case, loaded once at start, and computes with the engine's shared set-up:
the inverse CDFs are per-process caches built on the first run (done at start, :meth:`Explorer.warm`),
and the tornado order of the parameters is computed once. ``/api/run`` and ``/api/compare`` give
the bytes ``mkba run … --json`` and ``mkba compare … --json`` print (same code path,
:mod:`mkba.faces.json_objects`); ``/api/beeld`` gives the page its Dutch sentences and numbers.

Safety: binds 127.0.0.1 unless told otherwise, and another address needs a token (checked on
every request, header ``X-Mkba-Token``/``Authorization: Bearer`` or ``?token=``); only GET; the
query is bounded (length, repeated keys, draws ≤ 100.000, finite values within each parameter's
support); at most :data:`CONCURRENT` computations at once, the rest get 429; every bad request is
a 4xx JSON answer ``{"fout": <Dutch>, "code": …}``, never a traceback.
"""

from __future__ import annotations

import copy
import hmac
import json
import math
import re
import shlex
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mkba.core.case import ID_PATTERN, Case
from mkba.core.errors import MkbaError, UsageError
from mkba.faces import text_nl
from mkba.faces.formatting import nl_eur, nl_eur_short, nl_number, nl_percent, round_to_interval

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "verken"
ASSETS = {  # url path -> (file, media type)
    "/static/verken.js": ("verken.js", "text/javascript; charset=utf-8"),
    "/static/verken.css": ("verken.css", "text/css; charset=utf-8"),
    "/favicon.svg": ("favicon.svg", "image/svg+xml"),
    "/favicon.ico": ("favicon.svg", "image/svg+xml"),
}
DEFAULT_DRAWS = 10_000
DEFAULT_SEED = 1
MAX_DRAWS = 100_000
MIN_COMPARE_DRAWS = 100
MAX_SEED = 2**32 - 1
CONCURRENT = 2          # computations at once; more wait up to WAIT_SECONDS, then get 429
WAIT_SECONDS = 10.0
MAX_QUERY = 4096        # bytes of query string
MAX_BODY = 0            # GET only: no request body at all
TOP_SLIDERS = 8         # sliders for the most influential parameters (tornado order)
LOOPBACK = ("127.0.0.1", "localhost", "::1")
CACHE_SIZE = 64


# --------------------------------------------------------------------------------------------
# The question a request asks
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class State:
    scenario: str = "baseline"
    set_values: tuple[tuple[str, float], ...] = ()
    perspective: str = "society"
    discount_rate: float | None = None
    draws: int = DEFAULT_DRAWS
    seed: int = DEFAULT_SEED
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def set_dict(self) -> dict[str, float]:
        return dict(self.set_values)

    def key(self, what: str) -> tuple:
        return (what, self.scenario, self.set_values, self.perspective, self.discount_rate, self.draws, self.seed)


def _one(query: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in query if k == name]
    if len(values) > 1:
        raise UsageError(f"'{name}' repeated", "verken.repeated", name=name)
    return values[0] if values else None


def _int(text: str | None, name: str, default: int) -> int:
    if text is None or text == "":
        return default
    if not re.fullmatch(r"\d{1,12}", text.strip()):
        raise UsageError(f"{name} '{text}' is not a whole number", "verken.integer", name=name, value=text)
    return int(text)


class Explorer:
    """One case, loaded and prepared once; answers the page's and the API's questions."""

    def __init__(self, case_path: str | Path, shown_path: str | None = None):
        from mkba.data_in.cases import load_case

        self.path = Path(case_path)
        self.shown_path = shown_path or str(case_path)
        self.case: Case = load_case(self.path)
        self._compute = threading.Lock()            # the engine's per-process caches are not thread-safe
        self._admit = threading.BoundedSemaphore(CONCURRENT)
        self._cache: OrderedDict = OrderedDict()
        self._cache_lock = threading.Lock()
        from mkba.core.engine import DrawCache

        self.draws_kept = DrawCache()  # parameter values reused between slider moves (bit-identical)
        self.top = self._tornado_order()
        self.funder = self._funder()

    # -- set-up, once per server -------------------------------------------------------------
    def _tornado_order(self) -> list[str]:
        from mkba.analysis.sensitivity import tornado

        try:
            result = tornado.analyze(self.case)
        except MkbaError:  # e.g. no uncertain parameter: no sliders by influence
            return []
        return list(result.summary()["parameters"])

    def _funder(self) -> str:
        """The stakeholder paying most of the baseline's costs (the municipality)."""
        from mkba.core.results import deterministic

        res = deterministic(self.case)
        return res.funder()

    def warm(self) -> None:
        """Build the engine's per-process set-up (inverse CDFs, samplers) by answering the default
        view once, so the first slider move is as fast as the rest."""
        self.view(State())

    # -- parsing -----------------------------------------------------------------------------
    def parse(self, query: list[tuple[str, str]], allowed: tuple[str, ...]) -> State:
        """The question in a query string; every problem is a UsageError (a 400)."""
        from mkba.analysis.whatif import parse_assignment, parse_number, with_overrides

        known = (*allowed, "token")
        for name, _ in query:
            if name not in known:
                raise UsageError(f"unknown query '{name}'", "verken.unknown_query", name=name,
                                 known=", ".join(a for a in allowed))
        case = self.case
        scenario = _one(query, "scenario") or "baseline"
        ids = ["baseline", *case.scenarios]
        if scenario not in ids:
            raise UsageError(f"unknown scenario {scenario}", "verken.scenario", scenario=scenario, known=", ".join(ids))
        sets = [v for k, v in query if k == "set"]
        if len(sets) > max(len(case.parameters), 1) + 8:
            raise UsageError("too many set", "verken.too_many_set", n=len(sets), maximum=len(case.parameters))
        values: dict[str, float] = {}
        for text in sets:
            name, value = parse_assignment(text)
            values.pop(name, None)
            values[name] = value
        perspective = _one(query, "perspectief") or "society"
        if perspective not in ("society", *case.stakeholders):
            raise UsageError("unknown perspective", "verken.perspective", perspective=perspective,
                             known=", ".join(("society", *case.stakeholders)))
        rate_text = _one(query, "discontovoet")
        rate = None if rate_text in (None, "") else parse_number(rate_text, "discontovoet")
        draws = _int(_one(query, "draws"), "draws", DEFAULT_DRAWS)
        if not 1 <= draws <= MAX_DRAWS:
            raise UsageError("draws out of range", "verken.draws", draws=draws, maximum=MAX_DRAWS)
        seed = _int(_one(query, "seed"), "seed", DEFAULT_SEED)
        if seed > MAX_SEED:
            raise UsageError("seed out of range", "verken.seed", seed=seed, maximum=MAX_SEED)
        with_overrides(case, set=values, discount_rate=rate)  # checks names and ranges (raises in Dutch)
        extra = {k: v for k, v in query if k in ("soort", "naam")}
        return State(scenario, tuple(values.items()), perspective, rate, draws, seed, extra)

    # -- computing ---------------------------------------------------------------------------
    def _case(self, state: State) -> Case:
        from mkba.faces.json_objects import overridden

        return overridden(self.case, state.set_dict, state.discount_rate)

    def _cached(self, key: tuple, make):
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        if not self._admit.acquire(timeout=WAIT_SECONDS):
            raise Busy()
        try:
            with self._compute:
                from mkba.core.engine import reuse_draws

                reuse_draws(self.draws_kept)
                try:
                    value = make()
                finally:
                    reuse_draws(None)
        finally:
            self._admit.release()
        with self._cache_lock:
            self._cache[key] = value
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return value

    def run_text(self, state: State) -> str:
        """Exactly what ``mkba run CASE --scenario … --set … --discontovoet … --draws … --seed … --json`` prints."""
        from mkba.faces.json_objects import json_text, run_result, run_summary

        def make() -> str:
            scenario = None if state.scenario == "baseline" else state.scenario
            case = self._case(state)
            return json_text(run_summary(run_result(case, scenario, draws=state.draws, seed=state.seed), case))
        return self._cached(state.key("run"), make)

    def compare_text(self, state: State) -> str:
        """Exactly what ``mkba compare CASE --perspective … --set … --json`` prints."""
        from mkba.faces.json_objects import compare_result, json_text

        if not self.case.scenarios:
            raise UsageError("no scenarios", "analysis.no_scenarios", case=self.case.id)
        if state.draws < MIN_COMPARE_DRAWS:
            raise UsageError("too few draws", "verken.compare_draws", draws=state.draws, minimum=MIN_COMPARE_DRAWS,
                             maximum=MAX_DRAWS)

        def make() -> str:
            cmp = compare_result(self._case(state), draws=state.draws, seed=state.seed, perspective=state.perspective)
            return json_text(cmp.summary())
        return self._cached(state.key("compare"), make)

    def view(self, state: State) -> dict[str, Any]:
        """What the page shows, in Dutch, with the numbers its picture needs."""
        return self._cached(state.key("view"), lambda: self._view(state))

    def _view(self, state: State) -> dict[str, Any]:
        from mkba.analysis.scenarios import compare
        from mkba.core.results import simulate
        from mkba.faces import report_data

        case = self._case(state)
        scenario = None if state.scenario == "baseline" else state.scenario
        cmp = None
        if self.case.scenarios and state.draws >= MIN_COMPARE_DRAWS:
            # every option on the same draws; the shown option's result is the one mkba run gives
            # (the uniforms are keyed by seed and parameter name)
            cmp = compare(case, draws=state.draws, seed=state.seed, perspective=state.perspective)
            result = cmp.results[state.scenario]
        else:
            result = simulate(case, draws=state.draws, seed=state.seed, scenario=scenario)
        summary = result.summary()
        words = text_nl.VERKEN
        who = self._who(state.perspective)
        if state.perspective == "society":
            column, stat = result.column("npv"), summary["metrics"]["npv"]
        else:
            column = result.column(f"stakeholder.{state.perspective}.net")
            stat = summary["stakeholders"][state.perspective]["net"]
        view: dict[str, Any] = {
            "headline": report_data.board_summary(result),
            "prob": nl_percent(float(np.mean(column > 0))),
            "prob_who": words["prob_who"].format(who=who),
            "range": {
                "title": words["picture_title"].format(who=who),
                "desc": words["picture_desc"].format(low=nl_eur_short(stat["p05"]), high=nl_eur_short(stat["p95"]),
                                                     mean=nl_eur_short(stat["mean"])),
                "p05": stat["p05"], "p50": stat["p50"], "p95": stat["p95"], "mean": stat["mean"],
                "p01": float(np.quantile(column, 0.01)), "p99": float(np.quantile(column, 0.99)),
                "low_text": nl_eur_short(stat["p05"]), "high_text": nl_eur_short(stat["p95"]),
                "mean_text": nl_eur_short(stat["mean"]),
            },
            "who": self._who_rows(result, summary),
            "balance": self._balance(summary),
            "pm": [{"label": p.label, "who": case.stakeholders.get(p.stakeholder, p.stakeholder),
                    "direction": words["pm_positive"] if p.direction == "positief" else words["pm_negative"],
                    "sign": "+" if p.direction == "positief" else "−", "note": p.note or ""}
                   for p in case.pm_posten],
            "calibrated": self._calibrated(),
            "whatif": self._whatif_text(case),
            "command": self.command(state),
            "method": words["method"].format(draws=nl_number(state.draws, 0), seed=state.seed,
                                             compare_draws=nl_number(state.draws, 0)),
            "options": [], "sensitivity": [],
        }
        if cmp is not None:
            view["options"], view["sensitivity"] = self._options(cmp, state)
        return view

    # -- pieces of the view ------------------------------------------------------------------
    def _who(self, perspective: str) -> str:
        return text_nl.VERKEN["society"] if perspective == "society" else self.case.stakeholders[perspective]

    def _who_rows(self, result, summary) -> list[dict]:
        rows = []
        for sid, label in result.case.stakeholders.items():
            s = summary["stakeholders"][sid]
            pays, gets, net = s["pv_costs"]["mean"], s["pv_benefits"]["mean"], s["net"]["mean"]
            if abs(pays) < 0.5 and abs(gets) < 0.5:
                continue
            rows.append({"label": label, "pays": pays, "gets": gets, "net": net, "pays_text": nl_eur_short(pays),
                         "gets_text": nl_eur_short(gets), "net_text": nl_eur_short(net)})
        return rows

    def _balance(self, summary) -> list[list[str]]:
        m = summary["metrics"]
        rows = text_nl.VERKEN["balance_rows"]
        out = []
        for label, key in zip(rows[:3], ("pv_costs", "pv_benefits", "npv"), strict=True):
            s = m[key]
            out.append([label, nl_eur_short(s["mean"]), self._interval(s)])
        bcr = m["bcr"]
        out.append([rows[3], "–" if m["bcr_of_means"] is None else nl_eur(m["bcr_of_means"], 2),
                    "–" if bcr["p05"] is None else text_nl.VERKEN["interval"].format(
                        low=nl_eur(bcr["p05"], 2), high=nl_eur(bcr["p95"], 2))])
        return out

    @staticmethod
    def _interval(s: dict) -> str:
        return text_nl.VERKEN["interval"].format(low=_amount(s["p05"]), high=_amount(s["p95"]))

    def _calibrated(self) -> str | None:
        """The calibrated-driver sentence when a calibrated parameter is among the top-3 drivers."""
        return text_nl.calibration_line(self.case, [n for n in self.top[:3] if self.case.parameters[n].calibrated])

    def _whatif_text(self, case: Case) -> str:
        items = text_nl.whatif_items(case)
        return text_nl.VERKEN["set_list"].format(items=items) if items else text_nl.VERKEN["nothing_set"]

    def _options(self, cmp, state: State) -> tuple[list[dict], list[dict]]:
        words = text_nl.VERKEN
        decision = cmp.decision()
        cuts = cmp.cuts()
        changes = cmp.vs_baseline()
        base = cmp.results["baseline"]
        base_costs = np.asarray(base.yearly.get("costs", []), dtype=float)
        years = base.case.years
        rows = []
        for opt in cmp.options:
            row = {"id": opt, "label": cmp.label(opt), "current": opt == state.scenario,
                   "prob_best": text_nl.percent_small(decision["prob_best"][opt])}
            if opt == "baseline":
                row.update(saved=words["no_saving"], society=words["baseline"], society_interval="", bears="–",
                           funder="–", society_sign=0)
            else:
                cut = cuts[opt]
                costs = np.asarray(cmp.results[opt].yearly.get("costs", []), dtype=float)
                diff = base_costs - costs
                cut_years = [i for i, d in enumerate(diff) if d > 0.5]
                row["saved"] = (text_nl.saved_per_year(float(np.mean(diff[cut_years])), years[cut_years[0]],
                                                       years[cut_years[-1]]) if cut_years else words["no_saving"])
                change = cut["npv_change"]
                row["society_sign"] = 1 if change["mean"] > 0 else -1
                # as precise as its interval allows, as in the brief (no '€ 83.200' beside ±€ 250.000)
                mean, p05, p95 = round_to_interval(change["mean"], change["p05"], change["p95"])
                row["society"] = (words["gain"] if change["mean"] > 0 else words["loss"]).format(
                    amount=_amount(abs(mean)))
                row["society_interval"] = self._interval({"p05": p05, "p95": p95})
                saved = max(cut["budget_saved"]["mean"], 0.0)
                bearers = [(sid, c["net_change"]["mean"]) for sid, c in changes[opt].items()
                           if c["net_change"]["mean"] < -max(0.05 * saved, 0.5)]
                bearers.sort(key=lambda x: x[1])
                row["bears"] = ", ".join(words["bears"].format(who=self.case.stakeholders[sid], amount=_amount(v))
                                         for sid, v in bearers) or words["nobody"]
                row["funder"] = nl_eur_short(cut["funder_net_change"]["mean"])
            rows.append(row)
        sens = []
        base_npv = float(np.mean(base.column("npv")))
        for opt in cmp.sensitivities:
            npv = float(np.mean(cmp.results[opt].column("npv")))
            sens.append({"id": opt, "label": cmp.label(opt), "current": opt == state.scenario,
                         "npv": nl_eur_short(npv), "diff": nl_eur_short(npv - base_npv)})
        return rows, sens

    def command(self, state: State) -> str:
        """The equivalent command lines (run; and compare from the perspective)."""
        parts = ["mkba", "run", self.shown_path]
        if state.scenario != "baseline":
            parts += ["--scenario", state.scenario]
        extra = []
        for name, value in state.set_values:
            extra += ["--set", f"{name}={_plain(value)}"]
        if state.discount_rate is not None:
            extra += ["--discontovoet", _plain(state.discount_rate)]
        if state.draws != DEFAULT_DRAWS:
            extra += ["--draws", str(state.draws)]
        if state.seed != DEFAULT_SEED:
            extra += ["--seed", str(state.seed)]
        lines = [shlex.join(parts + extra)]
        if self.case.scenarios:
            cmp = ["mkba", "compare", self.shown_path]
            if state.perspective != "society":
                cmp += ["--perspective", state.perspective]
            lines.append(shlex.join(cmp + extra))
        return "\n".join(lines)

    # -- the page's fixed part ---------------------------------------------------------------
    def page_data(self) -> dict[str, Any]:
        """Words and the case's controls, sent once with the page."""
        case = self.case
        params = []
        used = set(case.used_parameters())
        for name, spec in case.parameters.items():
            if name not in used and not any(name in dict(s.add_parameters) or name in dict(s.set)
                                                               for s in case.scenarios.values()):
                continue
            params.append(self._parameter(name, spec))
        rate = case.discount_rate
        return {
            "words": text_nl.VERKEN,
            "title": text_nl.VERKEN["title"].format(title=case.title),
            "case": {"id": case.id, "title": case.title, "file": self.shown_path},
            "options": [{"id": o, "label": text_nl.option_label(case, o)} for o in case.option_ids()],
            "sensitivity": [{"id": s, "label": case.scenarios[s].label} for s in case.sensitivity_ids()],
            "perspectives": [{"id": "society", "label": text_nl.VERKEN["society"]},
                             *({"id": sid, "label": label} for sid, label in case.stakeholders.items())],
            "parameters": params,
            "top": [n for n in self.top[:max(TOP_SLIDERS, 6)]],
            "discount": {"value": rate if isinstance(rate, float | int) else case.parameters[rate].base_value,
                         "text": text_nl.VERKEN["discount_note"].format(
                             rate=nl_percent(rate, 2) if isinstance(rate, float | int) else case.label_of(rate)),
                         "min": 0.0, "max": 0.08, "step": 0.0025},
            "draws": DEFAULT_DRAWS, "seed": DEFAULT_SEED,
            "funder": case.stakeholders.get(self.funder, self.funder),
        }

    def _parameter(self, name: str, spec) -> dict[str, Any]:
        from mkba.analysis.whatif import set_bounds

        low, high = set_bounds(spec)
        bounded = math.isfinite(low) and math.isfinite(high) and high > low
        if not bounded and not spec.is_fixed:  # an open side: slide over the central 99,8%
            low = low if math.isfinite(low) else spec.quantile(0.001)
            high = high if math.isfinite(high) else spec.quantile(0.999)
            bounded = high > low
        source = self.case.sources.get(spec.source, spec.source) if spec.source else ""
        evidence = " ".join(x for x in (source, spec.note or "") if x)
        kind, suffix = text_nl.value_format(spec.unit)
        out = {"name": name, "label": self.case.label_of(name), "unit": spec.unit or "", "evidence": evidence,
               "calibrated": spec.calibrated or "", "base": spec.base_value, "fixed": spec.is_fixed,
               "slider": bounded, "format": kind, "suffix": suffix}
        if bounded:
            out.update(min=low, max=high, step=(high - low) / 100)
        if not spec.is_fixed:
            out["p10"], out["p90"] = spec.quantile(0.1), spec.quantile(0.9)
        return out

    # -- "Bewaar als scenario" ---------------------------------------------------------------
    def scenario_file(self, state: State) -> tuple[str, str]:
        """The case file with a new scenario holding the current set values: (file name, YAML text)."""
        import yaml

        from mkba.data_in.cases import load_case_and_data

        kind = state.extra.get("soort", "beleid")
        if kind not in ("beleid", "gevoeligheid"):
            raise UsageError("bad kind", "verken.kind", kind=kind)
        data, _ = load_case_and_data(self.path)
        raw_scenarios = data.get("scenarios") or {}
        new_id = state.extra.get("naam") or ""
        if new_id and (not re.fullmatch(ID_PATTERN, new_id) or len(new_id) > 40):
            raise UsageError("bad name", "verken.name", name=new_id)
        if not new_id or new_id in raw_scenarios:
            stem = new_id or text_nl.VERKEN_SCENARIO_ID
            n = 1
            while f"{stem}-{n}" in raw_scenarios:
                n += 1
            new_id = f"{stem}-{n}"
        base = dict(raw_scenarios.get(state.scenario) or {}) if state.scenario != "baseline" else {}
        sets = dict(base.get("set") or {})
        for name, value in state.set_values:
            sets.pop(name, None)
            sets[name] = _yaml_number(value)
        rate = self.case.discount_rate
        if state.discount_rate is not None and isinstance(rate, str):  # a discount-rate parameter can be set
            sets[rate] = _yaml_number(state.discount_rate)
        case = self._case(state)
        items = text_nl.whatif_items(case)
        scenario: dict[str, Any] = {
            "label": text_nl.VERKEN_SCENARIO_LABEL.format(items=items or text_nl.WHATIF_NONE),
            "description": text_nl.VERKEN_SCENARIO_DESCRIPTION.format(
                option=text_nl.option_label(self.case, state.scenario), items=items or text_nl.WHATIF_NONE),
            "soort": kind,
        }
        for key, value in base.items():
            if key not in ("label", "description", "soort", "set"):
                scenario[key] = copy.deepcopy(value)  # no YAML anchors shared with the original
        if sets:
            scenario["set"] = sets
        block = yaml.safe_dump({new_id: scenario}, allow_unicode=True, sort_keys=False, width=100)
        text = None
        if self.path.suffix.lower() in (".yaml", ".yml"):
            text = _insert_scenario(self.path.read_text(encoding="utf-8"), block)
        if text is None or not self._valid(text):
            full = dict(data)
            full["scenarios"] = {**raw_scenarios, new_id: scenario}
            text = yaml.safe_dump(full, allow_unicode=True, sort_keys=False, width=100)
            self._valid(text, strict=True)
        name = f"{self.path.stem}-{new_id}.yaml"
        return name, text

    def _valid(self, text: str, strict: bool = False) -> bool:
        """Does ``text`` load as a valid case (includes resolved beside the original file)?"""
        import hashlib

        from mkba.core.errors import CaseError
        from mkba.data_in.cases import _build  # the loader's own build step, with our file's folder
        from mkba.data_in.yamlio import load_yaml_text

        try:
            data, lines = load_yaml_text(text, str(self.path))
            _build(data, lines, [], self.path.resolve(), str(self.path), hashlib.sha256(text.encode()).hexdigest())
        except CaseError:
            if strict:
                raise
            return False
        return True


class Busy(Exception):
    """Too many computations at once (429)."""


def _amount(x: float) -> str:
    """An amount as the page shows it, never broken after its minus sign."""
    return nl_eur_short(x).replace("\u2212", "\u2212\u2060")


def _plain(x: float) -> str:
    """A number as the command line takes it (shortest exact form)."""
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else repr(float(x))


def _yaml_number(x: float) -> int | float:
    return int(x) if float(x).is_integer() and abs(x) < 1e15 else float(x)


def _insert_scenario(text: str, block: str) -> str | None:
    """``text`` with ``block`` (``id:\\n  field: …``) added as the last scenario under the top-level
    ``scenarios:`` key, keeping every comment and line of the file; None when the layout is not
    a plain block mapping (the caller then writes the data out instead)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^scenarios:\s*(#.*)?$", line)), None)
    if start is None:
        if re.search(r"^scenarios\s*:", text, flags=re.M):
            return None  # e.g. a flow mapping 'scenarios: {}'
        body = "".join("  " + line if line.strip() else line for line in block.splitlines(keepends=True))
        return text.rstrip("\n") + "\n\nscenarios:\n" + body
    end = len(lines)
    indent = None
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            end = i
            break
        if indent is None:
            indent = len(line) - len(line.lstrip(" "))
    indent = indent or 2
    # the comments and blank lines before the next top-level key belong to that key
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    body = "".join(" " * indent + line if line.strip() else line for line in block.splitlines(keepends=True))
    before = "".join(lines[:end])
    if not before.endswith("\n"):
        before += "\n"
    return before + body + "".join(lines[end:])


# --------------------------------------------------------------------------------------------
# The web app
# --------------------------------------------------------------------------------------------
def create_app(explorer: Explorer, token: str | None = None, allowed_hosts: tuple[str, ...] | None = None):
    """The Starlette app serving ``explorer``'s case. ``token``: required on every request when
    given. ``allowed_hosts``: Host headers accepted (None: any; the loopback default guards
    against DNS rebinding)."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    assets = {path: ((RESOURCES / file).read_bytes(), media) for path, (file, media) in ASSETS.items()}
    page_template = (RESOURCES / "index.html").read_text(encoding="utf-8")
    page_json = json.dumps(explorer.page_data(), ensure_ascii=False).replace("</", "<\\/")
    query = f"?token={token}" if token else ""  # assets need the token too (every request carries it)
    page = (page_template.replace("{{TITLE}}", _html(text_nl.VERKEN["title"].format(title=explorer.case.title)))
            .replace("{{Q}}", query).replace("{{DATA}}", page_json))
    headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
               "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                                          "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
                                          "form-action 'none'; frame-ancestors 'none'"}

    def error(status: int, message: str, code: str) -> JSONResponse:
        return JSONResponse({"fout": message, "code": code}, status_code=status, headers=headers)

    def usage(exc: MkbaError) -> JSONResponse:
        code = getattr(exc, "code", "") or ""
        message = text_nl.render_problem_text(code, getattr(exc, "params", {}).items(), str(exc)) if code \
            else text_nl.usage_message(str(exc))
        return error(400, message, code or "usage")

    async def answer(request: Request, allowed: tuple[str, ...], make, media: str = "application/json") -> Response:
        try:
            state = explorer.parse(list(request.query_params.multi_items()), allowed)
            body = await run_in_threadpool(make, state)
        except Busy:
            return error(429, text_nl.VERKEN_HTTP["busy"], "busy")
        except MkbaError as exc:
            return usage(exc)
        except Exception:  # noqa: BLE001 - a request never gets a traceback or a 500
            return error(422, text_nl.VERKEN_HTTP["failed"], "failed")
        if isinstance(body, Response):
            return body
        if isinstance(body, dict):
            return JSONResponse(body, headers=headers)
        return Response(body, media_type=media, headers=headers)

    run_keys = ("scenario", "set", "discontovoet", "draws", "seed")
    compare_keys = ("set", "discontovoet", "perspectief", "draws", "seed")
    view_keys = ("scenario", "set", "discontovoet", "perspectief", "draws", "seed")

    async def index(request: Request) -> Response:
        return HTMLResponse(page, headers=headers)

    async def asset(request: Request) -> Response:
        body, media = assets[request.url.path]
        return Response(body, media_type=media, headers={**headers, "Cache-Control": "max-age=3600"})

    async def api_run(request: Request) -> Response:
        return await answer(request, run_keys, explorer.run_text)

    async def api_compare(request: Request) -> Response:
        return await answer(request, compare_keys, explorer.compare_text)

    async def api_view(request: Request) -> Response:
        return await answer(request, view_keys, explorer.view)

    async def api_scenario(request: Request) -> Response:
        def make(state: State) -> Response:
            name, text = explorer.scenario_file(state)
            return Response(text, media_type="application/x-yaml; charset=utf-8",
                            headers={**headers, "Content-Disposition": f'attachment; filename="{name}"'})
        return await answer(request, (*view_keys, "soort", "naam"), make)

    routes = [Route("/", index), *(Route(p, asset) for p in assets), Route("/api/run", api_run),
              Route("/api/compare", api_compare), Route("/api/beeld", api_view), Route("/api/scenario", api_scenario)]
    app = Starlette(routes=routes)

    async def not_found(request, exc):
        status = getattr(exc, "status_code", 404)
        if status == 405:
            return error(405, text_nl.VERKEN_HTTP["method"], "method")
        return error(404 if status == 404 else 400, text_nl.VERKEN_HTTP["not_found"], "not_found")

    async def failed(request, exc):  # pragma: no cover - the last guard: never a traceback
        return error(422, text_nl.VERKEN_HTTP["failed"], "failed")

    app.add_exception_handler(404, not_found)
    app.add_exception_handler(405, not_found)
    app.add_exception_handler(Exception, failed)
    return Guard(app, token, allowed_hosts, headers)


def _html(text: str) -> str:
    import html

    return html.escape(text)


class Guard:
    """ASGI middleware in front of the app: only GET/HEAD, no body, a bounded query, the Host
    header (on loopback), and the token (when the server has one)."""

    def __init__(self, app, token: str | None, allowed_hosts: tuple[str, ...] | None, headers: dict):
        self.app = app
        self.token = token
        self.allowed_hosts = allowed_hosts
        self.headers = headers

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        problem = self._check(scope)
        if problem is None:
            return await self.app(scope, receive, send)
        from starlette.responses import JSONResponse

        status, key = problem
        response = JSONResponse({"fout": text_nl.VERKEN_HTTP[key], "code": key}, status_code=status,
                                headers=self.headers)
        await response(scope, receive, send)

    def _check(self, scope) -> tuple[int, str] | None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if self.allowed_hosts is not None:
            host = headers.get("host", "")
            name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
            if name.strip("[]") not in self.allowed_hosts:
                return 400, "host"
        if self.token is not None and not self._token_ok(scope, headers):
            return 401, "token"
        if scope["method"] not in ("GET", "HEAD"):
            return 405, "method"
        length = headers.get("content-length", "0")
        if (not length.isdigit() or int(length) > MAX_BODY) or "transfer-encoding" in headers:
            return 413, "too_large"
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            return 414, "too_large"
        return None

    def _token_ok(self, scope, headers: dict) -> bool:
        from urllib.parse import parse_qsl

        given = headers.get("x-mkba-token")
        auth = headers.get("authorization", "")
        if given is None and auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if given is None:
            query = scope.get("query_string", b"")[:MAX_QUERY].decode("latin-1")
            given = next((v for k, v in parse_qsl(query) if k == "token"), None)
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())


# --------------------------------------------------------------------------------------------
# Starting the server (mkba verken)
# --------------------------------------------------------------------------------------------
def check_options(host: str, port: int, token: str | None) -> None:
    """Refuse unsafe or impossible options before anything is loaded (exit 2, Dutch)."""
    if not 1 <= port <= 65535:
        raise UsageError("bad port", "verken.bad_port", port=str(port))
    if token is not None and not re.fullmatch(r"[A-Za-z0-9_\-]{8,200}", token):
        raise UsageError("bad token", "verken.bad_token")
    if host not in LOOPBACK and token is None:
        raise UsageError(f"--host {host} needs --token", "verken.host_token", host=host)


def url_of(host: str, port: int, token: str | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def serve(case_path: Path, host: str = "127.0.0.1", port: int = 8765, token: str | None = None,
          open_browser: bool = False, say=print) -> None:
    """Load the case, prepare the engine, and serve until Ctrl-C (which the caller turns into
    exit 130: uvicorn restores the previous SIGINT handler and raises the signal again)."""
    import socket

    import uvicorn

    check_options(host, port, token)
    say(text_nl.VERKEN_PREPARING.format(file=case_path))
    explorer = Explorer(case_path, str(case_path))
    explorer.warm()
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe = socket.socket(family, socket.SOCK_STREAM)
    try:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))
    except OSError as exc:
        raise UsageError("port busy", "verken.port_busy", port=str(port), host=host,
                         reason=exc.strerror or str(exc)) from None
    finally:
        probe.close()
    allowed = None if token else ("127.0.0.1", "localhost", "::1", host)
    app = create_app(explorer, token, allowed)
    url = url_of(host, port, token)

    class Server(uvicorn.Server):
        async def startup(self, sockets=None) -> None:
            await super().startup(sockets=sockets)
            if self.started:  # listening: only now is the address worth printing or opening
                say(text_nl.VERKEN_STARTED.format(title=explorer.case.title, url=url,
                                                  draws=nl_number(DEFAULT_DRAWS, 0), seed=DEFAULT_SEED))
                if open_browser:
                    import webbrowser

                    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, server_header=False,
                            timeout_keep_alive=5, limit_concurrency=64, h11_max_incomplete_event_size=16 * 1024)
    Server(config).run()


__all__ = ["Explorer", "State", "create_app", "serve", "check_options", "MAX_DRAWS", "DEFAULT_DRAWS"]
