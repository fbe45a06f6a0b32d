"""The value bank (``mkba/resources/waarden.yaml``, DESIGN §19): load it and check every entry.

The bank is a file a case includes (``include: [mkba:waarden]``); only the entries a case uses
join it (:func:`mkba.data_in.includes.prune_bank`), and money entries are indexed to the case's
price year by the CPI like the unit costs (:mod:`mkba.data_in.unit_costs`). This module is for
reviewers and tests: :func:`load_value_bank` reads the bank and raises
:class:`~mkba.core.errors.CaseError` with every entry that lacks what DESIGN §19 asks:
``label``, ``unit``, ``price_year``, ``method``, ``note``, a ``source`` declared under
``sources:``, and an ``excerpt`` of at most :data:`MAX_EXCERPT_WORDS` words — or ``source: geen``
(no source found) with a note that calls the value an assumption (``AANNAME``) and no excerpt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkba.core.distributions import ParameterSpec
from mkba.core.errors import CaseError
from mkba.data_in.unit_costs import CatalogueEntry, read_catalogue

VALUE_BANK_FILE = Path(__file__).resolve().parent.parent / "resources" / "waarden.yaml"
NO_SOURCE = "geen"                     # the key of the bank's "no source found" (a case-format id)
NO_SOURCE_TEXT = "geen bron gevonden"  # what that key must say in the file
MAX_EXCERPT_WORDS = 30
REQUIRED = ("label", "unit", "price_year", "method", "note", "source")
ASSUMPTION_WORD = "AANNAME"


@dataclass(frozen=True)
class BankEntry(CatalogueEntry):
    """One entry of the value bank."""

    @property
    def has_source(self) -> bool:
        return self.spec.source != NO_SOURCE

    @property
    def transferred(self) -> bool:
        return bool(self.spec.overdraagbaarheid)


@dataclass(frozen=True)
class ValueBank:
    sources: dict[str, str]
    entries: dict[str, BankEntry]


def excerpt_words(text: str) -> int:
    """Words of an excerpt; an ellipsis marking left-out text ('[…]') is not a word."""
    return sum(1 for w in text.split() if w not in ("[…]", "…", "[...]"))


def _entry_problems(lines: Any, where: tuple, spec: ParameterSpec) -> list:
    """What DESIGN §19 asks of a bank entry beyond a catalogue's fields: an excerpt of at most
    MAX_EXCERPT_WORDS words from its source, or (``source: geen``) a note saying AANNAME."""
    problems = []
    if spec.source == NO_SOURCE:
        if spec.excerpt:
            problems.append(lines.problem(where + ("excerpt",), "an entry without a source has no excerpt",
                                          "bank.excerpt_without_source"))
        if ASSUMPTION_WORD not in (spec.note or ""):
            problems.append(lines.problem(where + ("note",), f"an entry without a source says in its note that "
                                                             f"the value is an assumption ({ASSUMPTION_WORD})",
                                          "bank.assumption_unsaid", word=ASSUMPTION_WORD))
    elif spec.source is not None:
        if not spec.excerpt:
            problems.append(lines.problem(where, "missing 'excerpt': the source's words with the figure",
                                          "bank.no_excerpt"))
        elif excerpt_words(spec.excerpt) > MAX_EXCERPT_WORDS:
            problems.append(lines.problem(where + ("excerpt",), f"the excerpt has {excerpt_words(spec.excerpt)} "
                                                                f"words; at most {MAX_EXCERPT_WORDS}",
                                          "bank.excerpt_long", words=excerpt_words(spec.excerpt),
                                          maximum=MAX_EXCERPT_WORDS))
    return problems


def load_value_bank(path: str | Path = VALUE_BANK_FILE) -> ValueBank:
    """Read and check the bank; raises :class:`CaseError` listing every problem (located)."""
    cat = read_catalogue(path, "bank", "bank entry", REQUIRED, _entry_problems)
    problems = cat.problems
    if NO_SOURCE in cat.sources and cat.sources[NO_SOURCE] != NO_SOURCE_TEXT:
        problems.append(cat.lines.problem(("sources", NO_SOURCE), f"must read '{NO_SOURCE_TEXT}'", "bank.geen",
                                          text=NO_SOURCE_TEXT))
    if problems:
        raise CaseError(problems)
    return ValueBank(cat.sources, {name: BankEntry(name, record, spec) for name, (record, spec) in cat.entries.items()})


def bank_included(case: Any) -> bool:
    """Whether the case includes the bundled value bank."""
    return str(VALUE_BANK_FILE.resolve()) in tuple(getattr(case, "includes", ()) or ())


def case_values(case: Any) -> list[dict[str, Any]]:
    """Every parameter the case uses (baseline, then each scenario's own ``set``/``add`` records),
    with its evidence, for a reviewer (``mkba bronnen``): name, label, scenario (None: baseline),
    the spec, ``origin`` (``bank`` or ``case``), unit, price_year, method, source key and text,
    excerpt, note, overdraagbaarheid and calibrated. Plain data; the faces word it."""
    from mkba.core.case import apply_scenario

    bank_names = set(load_value_bank().entries) if bank_included(case) else set()
    used = set(case.used_parameters())
    for sid in case.scenarios:
        used |= set(apply_scenario(case, sid).used_parameters())
    rows: list[dict[str, Any]] = []

    def row(name: str, spec: ParameterSpec, scenario: str | None, origin: str) -> dict[str, Any]:
        return {"name": name, "label": spec.label or case.label_of(name), "scenario": scenario, "spec": spec,
                "origin": origin, "unit": spec.unit, "price_year": spec.price_year, "method": spec.method,
                "source": spec.source, "source_text": case.sources.get(spec.source) if spec.source else None,
                "excerpt": spec.excerpt, "note": spec.note, "overdraagbaarheid": spec.overdraagbaarheid,
                "calibrated": spec.calibrated, "deadweight": spec.deadweight}

    for name, spec in case.parameters.items():
        if name in used:
            rows.append(row(name, spec, None, "bank" if name in bank_names else "case"))
    for sid, scen in case.scenarios.items():
        for name, spec in (*scen.set, *scen.add_parameters):
            rows.append(row(name, spec, sid, "case"))
    return rows


__all__ = ["BankEntry", "case_values", "bank_included", "ValueBank", "load_value_bank", "excerpt_words", "VALUE_BANK_FILE", "NO_SOURCE",
           "MAX_EXCERPT_WORDS"]
