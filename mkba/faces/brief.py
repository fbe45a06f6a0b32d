"""The council brief (DESIGN §14): ``samenvatting.html``, ``.pdf`` and ``.docx`` from one document.

:func:`make` computes the record (:func:`mkba.analysis.brief.build`: a comparison and the
baseline's drivers), :func:`document` words it with :mod:`mkba.faces.text_nl` into a list of
:class:`Block` (headings, paragraphs, a table, lists), and :func:`to_html` / :func:`write_docx`
render that same list, so every format carries the same sentences. A line another analysis adds
(co-financing, value of more data, ...) is one more :class:`Block` in :func:`document`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkba.analysis.brief import Brief, build, drivers_analyses
from mkba.core.case import Case
from mkba.faces import text_nl
from mkba.faces.formatting import nl_eur_short, nl_number, round_to_interval

TEMPLATE = Path(__file__).resolve().parent.parent / "resources" / "templates" / "brief" / "samenvatting.html.j2"


@dataclass(frozen=True)
class Block:
    """One piece of the brief: ``kind`` is ``title``, ``subtitle``, ``lead`` (a headline
    sentence), ``heading``, ``para``, ``note`` (small print), ``bullets`` (``items``) or
    ``table`` (``header``, ``rows``, ``text`` = caption; a cell's second line, after a newline,
    is its interval) or ``option`` (``items``: its sentences, the first one leading)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    title: str = ""

    def add(self, kind: str, text: str = "", **kw: Any) -> None:
        self.blocks.append(Block(kind, text, **{k: tuple(v) for k, v in kw.items()}))

    def sentences(self) -> list[str]:
        """Every sentence-bearing text in reading order (tests compare formats with it)."""
        out = []
        for b in self.blocks:
            if b.text:
                out.append(b.text)
            out += list(b.items)
            out += list(b.header)
            for row in b.rows:
                out += list(row)
        return out


# --- the record ------------------------------------------------------------------------------------
def make(case: Case, draws: int = 10_000, seed: int = 1, scenario: str | None = None, workers: int = 1) -> Brief:
    """Compute the brief of ``case``: every option (or only ``scenario``) against the baseline,
    gevoeligheid scenarios apart, and the drivers of the baseline."""
    from mkba.analysis.scenarios import Comparison, compare
    from mkba.core.results import simulate

    if scenario and scenario != "baseline":
        cmp = compare(case, draws=draws, seed=seed, scenarios=[scenario], workers=workers)
    elif case.scenarios:
        cmp = compare(case, draws=draws, seed=seed, workers=workers)
    else:
        res = simulate(case, draws=draws, seed=seed, workers=workers)
        cmp = Comparison(case, {"baseline": res}, "society", draws, res.seed, "mc")
    tornado_result, sobol_result = drivers_analyses(case, seed=seed)
    brief = build(cmp, tornado_result, sobol_result)
    if len(cmp.options) > 1:  # is it worth registering more before the council decides? (DESIGN §13)
        from mkba.faces import report_data

        at_most = min(draws, EVSI_DRAWS)
        table = report_data.evppi_tables(cmp, ["society"], max_draws=at_most)["society"]
        brief.extra["evsi"] = report_data.evsi_report(cmp, table, sizes=EVSI_SIZES, top=1, max_draws=at_most)
    return brief


EVSI_SIZES = (100, 1000)  # the brief's "Loont meer registreren?": a modest and a large registration effort
EVSI_DRAWS = 10_000  # draws the value-of-information regressions use at most (as the comparison report)


# --- words -------------------------------------------------------------------------------------------
def headline(brief: Brief) -> list[str]:
    """The comparison's headline (the first lines of the brief and of index.html): the council's
    question answered, then the calibration sentence when a calibrated assumption drives it."""
    lines = cuts_headline(brief.case, brief.options)
    calibration = text_nl.calibration_line(brief.case, brief.calibrated)
    if calibration:
        lines.append(calibration)
    return lines


def comparison_headline(cmp) -> list[str]:
    """The cuts headline of a comparison (no drivers needed): the scenario-comparison page."""
    from mkba.analysis.brief import calibrated_drivers, option_briefs

    seed = cmp.results["baseline"].summary_seed()
    calibration = text_nl.calibration_line(cmp.case, calibrated_drivers(cmp.case, seed=seed if isinstance(seed, int) else 1))
    return cuts_headline(cmp.case, option_briefs(cmp)) + ([calibration] if calibration else [])


def cuts_headline(case: Case, options) -> list[str]:
    """The council's question answered: the cut that costs society least per euro saved — or,
    when society gains by it, said plainly so."""
    ranked = [o for o in options if o.rank is not None]
    lines = []
    if ranked:
        best = ranked[0]
        lpe = rounded(best.loss_per_euro)  # as precise as its interval allows, as in the table
        gain = -lpe["mean"]
        p = best.prob_gain if gain > 0 else 1 - best.prob_gain
        lines.append(text_nl.brief_headline(text_nl.label_in_headline(text_nl.option_label(case, best.id)), len(ranked), gain,
                                            -lpe["p95"], -lpe["p05"], text_nl.brief_sure(p), best.saved_per_year,
                                            text_nl.years_text(best.cut_years)))
    elif options:
        lines.append(text_nl.BRIEF_NO_CUTS)
    return lines




def rounded(s: dict) -> dict:
    """An amount and its 90% interval rounded to what the interval allows (two figures of its
    width): no '€ 32.400' beside an interval of −€ 260.000 to € 291.000."""
    mean, p05, p95 = round_to_interval(s["mean"], s["p05"], s["p95"])
    return {**s, "mean": mean, "p05": p05, "p95": p95}


def _interval(s: dict, fmt=text_nl.signed_eur) -> str:
    return text_nl.BRIEF_INTERVAL.format(lo=fmt(s["p05"]), hi=fmt(s["p95"]))


def _cell(s: dict, fmt=text_nl.signed_eur) -> str:
    s = rounded(s)
    if s["p05"] == s["p95"]:
        return text_nl.BRIEF_CELL_SURE.format(value=fmt(s["mean"]))
    return text_nl.BRIEF_CELL_RANGE.format(value=fmt(s["mean"]), interval=_interval(s, fmt))


def option_sentences(brief: Brief, o) -> list[str]:
    case = brief.case
    label = text_nl.label_inline(text_nl.option_label(case, o.id))
    if o.saves:
        first = text_nl.brief_saves(label, o.saved_per_year, text_nl.years_text(o.cut_years), o.saved["mean"])
    else:
        first = text_nl.brief_costs_more(label, o.saved["mean"])
    change = rounded(o.npv_change)
    p = o.prob_gain if o.npv_change["mean"] > 0 else 1 - o.prob_gain
    own = rounded(o.funder_net_change)
    return [first,
            text_nl.brief_society(change["mean"], change["p05"], change["p95"], o.benefits_lost["mean"], o.saves,
                                  text_nl.brief_sure(p), p),
            (text_nl.brief_funder if o.saves else text_nl.brief_funder_costs_more)(
                case.stakeholders[brief.funder], own["mean"], own["p05"], own["p95"]),
            (text_nl.brief_bearers if o.saves else text_nl.brief_bearers_costs_more)(
                [(case.stakeholders[b.stakeholder], b.loss) for b in o.bearers]),
            text_nl.brief_best(o.prob_best)]


def _table(brief: Brief) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The options table; a cell's second line (after a newline) is its 90% interval."""
    case = brief.case
    header = tuple(h.format(funder=case.stakeholders[brief.funder]) for h in text_nl.BRIEF_TABLE_HEADER)
    rows = []
    for o in brief.options:
        if o.loss_per_euro is not None:
            g = o.loss_per_euro
            per_euro = _cell({"mean": -g["mean"], "p05": -g["p95"], "p95": -g["p05"]}, text_nl.signed_eur_cents)
        else:
            per_euro = text_nl.BRIEF_NOT_RANKED
        saves = (text_nl.BRIEF_CELL_SAVES.format(per_year=nl_eur_short(o.saved_per_year),
                                                 years=text_nl.years_text(o.cut_years), pv=nl_eur_short(o.saved["mean"]))
                 if o.saves else nl_eur_short(o.saved["mean"]))
        rows.append((str(o.rank) if o.rank else text_nl.BRIEF_NOT_RANKED, text_nl.option_label(case, o.id), saves,
                     _cell(o.npv_change), per_euro, _cell(o.funder_net_change), text_nl.percent_small(o.prob_best)))
    return header, rows


def _evidence(case: Case, name: str) -> str:
    spec = case.parameters.get(name)
    if spec is None:
        return ""
    parts = []
    if spec.source:
        parts.append(text_nl.BRIEF_SOURCE.format(source=case.sources.get(spec.source, spec.source)))
    if spec.note:
        parts.append(_first_sentence(spec.note))
    return " ".join(parts) or text_nl.BRIEF_NO_EVIDENCE


def _first_sentence(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    for i, ch in enumerate(text):
        if ch in ".;" and (i + 1 == len(text) or text[i + 1] == " ") and i > 20:
            text = text[: i + 1]
            break
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text if text.endswith((".", "…")) else text + "."


def document(brief: Brief, provenance: dict[str, Any] | None = None) -> Document:
    """The brief as one worded document (the same for HTML, PDF and Word)."""
    case = brief.case
    doc = Document(title=f"{text_nl.BRIEF_TITLE}: {case.title}")
    doc.add("title", f"{text_nl.BRIEF_TITLE}: {case.title}")
    question = text_nl.BRIEF_QUESTION if brief.options else text_nl.BRIEF_QUESTION_ONE
    doc.add("subtitle", text_nl.BRIEF_SUBTITLE.format(question=question, years=text_nl.years_text(case.years),
                                                     price_year=case.price_year or case.years[0],
                                                     draws=nl_number(brief.draws, 0)))
    for line in headline(brief):
        doc.add("lead", line)
    from mkba.faces.report_data import evsi_sentences, synthetic_note

    synthetic = synthetic_note(case)  # said where the headline is, not only at the back
    if synthetic:
        doc.add("lead", synthetic)
    m = brief.baseline["metrics"]
    board = text_nl.board_sentence(m, text_nl.FOR_SOCIETY)
    per_year = nl_eur_short(brief.baseline_cost_per_year)
    doc.add("para", text_nl.BRIEF_BASELINE.format(per_year=per_year, board=board,
                                                  best=text_nl.percent_small(brief.baseline_prob_best))
            if brief.options else text_nl.BRIEF_BASELINE_ONLY.format(per_year=per_year, board=board))
    if brief.options:
        doc.add("heading", text_nl.BRIEF_OPTIONS_HEADING)
        header, rows = _table(brief)
        doc.add("table", text_nl.BRIEF_TABLE_CAPTION, header=header, rows=rows)
        for o in brief.options:
            doc.add("option", items=option_sentences(brief, o))
    if brief.sensitivities:
        doc.add("heading", text_nl.BRIEF_SENSITIVITY_HEADING)
        doc.add("bullets", items=[text_nl.brief_sensitivity(text_nl.option_label(case, s.id), s.bcr_of_means,
                                                            *(rounded(s.npv)[k] for k in ("mean", "p05", "p95")),
                                                            s.prob_npv_positive)
                                  for s in brief.sensitivities])
    for gap in brief.extra.get("calibration_gaps", ()):
        doc.add("para", text_nl.calibration_gap_sentence(gap))
    # --- lines other analyses add: who should co-finance the baseline
    if brief.extra.get("cofinancing") is not None:
        from mkba.faces.cofinancing import brief_lines

        for line in brief_lines(brief.extra["cofinancing"]):
            doc.add("para", line)
    if brief.extra.get("evsi") is not None:  # one or two lines: is registering more worth it?
        for line in evsi_sentences(case, brief.extra["evsi"])[:2]:
            doc.add("para", line)
    # --- one honest paragraph: what drives the answer
    doc.add("heading", text_nl.BRIEF_DRIVERS_HEADING)
    doc.add("para", text_nl.brief_drivers_intro(len(brief.drivers)))
    doc.add("bullets", items=[text_nl.brief_driver(case.label_of(d.name), d.share, _evidence(case, d.name),
                                                   bool(d.calibrated)) for d in brief.drivers])
    for d in brief.drivers:
        if d.name in brief.calibrated:
            doc.add("para", text_nl.brief_calibration_detail(case.label_of(d.name), d.share, d.benefit_share))
    # --- PM-posten per option and what is left out
    doc.add("heading", text_nl.BRIEF_PM_HEADING)
    doc.add("bullets", items=pm_lines(brief))
    cut = m["pv_cut_off"]["mean"] if isinstance(m["pv_cut_off"], dict) else m["pv_cut_off"]
    benefits = m["pv_benefits"]["mean"] if isinstance(m["pv_benefits"], dict) else m["pv_benefits"]
    doc.add("note", text_nl.brief_left_out(case.years[-1], cut / benefits if benefits else 0.0))
    if provenance:
        doc.add("note", text_nl.BRIEF_FOOTER.format(**provenance))
    return doc


def pm_lines(brief: Brief) -> list[str]:
    """The baseline's PM-posten, then per option its own (or 'the same as the baseline')."""
    case = brief.case

    def items(posts) -> list[tuple[str, str]]:
        return [(p.label, p.direction) for p in posts]

    base = items(brief.pm_posten)
    lines = [text_nl.brief_pm_line(text_nl.BASELINE_SHORT, base)]
    for o in brief.options:
        own = items(o.pm_posten)
        who = text_nl.option_short(case, o.id)
        if own == base:
            lines.append(text_nl.brief_pm_same(who))
        elif not own or not set(own) & set(base):
            lines.append(text_nl.brief_pm_line(who, own))
        else:  # the difference from the baseline's, so a long list is not repeated per option
            lines.append(text_nl.brief_pm_diff(who, [x for x in own if x not in base],
                                               [label for label, d in base if (label, d) not in own]))
    return lines


# --- rendering ---------------------------------------------------------------------------------------
def to_html(doc: Document) -> str:
    """The brief as a self-contained HTML page (A4 print CSS; no scripts, no external assets)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE.parent)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    return env.get_template(TEMPLATE.name).render(doc=doc)


def write_docx(doc: Document, path: Path) -> Path:
    """The brief as a Word document (python-docx), written atomically."""
    import io

    from docx import Document as DocxDocument
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    from mkba.core.io import write_bytes_atomic

    word = DocxDocument()
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(16))
    section.top_margin = section.bottom_margin = Mm(15)
    style = word.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(9.5)
    for b in doc.blocks:
        if b.kind == "title":
            word.add_heading(b.text, level=1)
        elif b.kind == "heading":
            word.add_heading(b.text, level=2)
        elif b.kind == "subtitle":
            run = word.add_paragraph().add_run(b.text)
            run.italic = True
        elif b.kind == "lead":
            run = word.add_paragraph().add_run(b.text)
            run.bold = True
        elif b.kind == "bullets":
            for item in b.items:
                word.add_paragraph(item, style="List Bullet")
        elif b.kind == "table":
            cap = word.add_paragraph().add_run(b.text)
            cap.italic = True
            cap.font.size = Pt(8.5)
            table = word.add_table(rows=1, cols=len(b.header))
            table.style = "Light Grid Accent 1"
            for cell, text in zip(table.rows[0].cells, b.header, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in b.rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            for row in table.rows:
                for cell in row.cells:
                    for paragraph in cell.paragraphs:
                        for run in paragraph.runs:
                            run.font.size = Pt(8)
        elif b.kind == "note":
            run = word.add_paragraph().add_run(b.text)
            run.font.size = Pt(8)
        elif b.kind == "option":  # the first sentence (what it saves) in bold, then the rest
            paragraph = word.add_paragraph()
            paragraph.add_run(b.items[0]).bold = True
            paragraph.add_run(" " + " ".join(b.items[1:]))
        else:  # para
            word.add_paragraph(b.text)
    buffer = io.BytesIO()
    word.core_properties.title = doc.title
    word.core_properties.language = "nl-NL"
    word.save(buffer)
    write_bytes_atomic(path, buffer.getvalue())
    return path


def provenance(case: Case, seed: int, version: str, time: str) -> dict[str, str]:
    return {"version": version, "time": time, "file": Path(case.path).name if case.path else case.id,
            "sha": (case.sha256 or "")[:12], "seed": str(seed)}


def write(brief: Brief, folder: Path, docx: bool = False, provenance_info: dict | None = None) -> list[Path]:
    """Write ``samenvatting.html`` (and ``.docx``) into ``folder``; return the files written."""
    from mkba.core.io import write_text_atomic

    doc = document(brief, provenance_info)
    page = folder / "samenvatting.html"
    write_text_atomic(page, to_html(doc))
    written = [page]
    if docx:
        written.append(write_docx(doc, folder / "samenvatting.docx"))
    return written


__all__ = ["Block", "Document", "comparison_headline", "cuts_headline", "document", "headline",
           "make", "option_sentences", "pm_lines", "provenance", "rounded", "to_html", "write", "write_docx"]
