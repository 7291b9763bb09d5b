"""The workshop report: every step of a case as neutral blocks, and those blocks as Markdown.

``report_blocks`` says what the report contains (the PDF writer in ``ui/export/report_pdf.py`` draws
the same blocks); ``report_markdown`` writes them as Markdown that shows typed text literally.
"""

from __future__ import annotations

from collections.abc import Callable

from fishbone.model import Cause, Diagram
from sixstep.case import TECHNIQUES, Case
from sixstep.numbers import format_number
from sixstep.report_blocks import (
    Block,
    Bullets,
    ContributionsChart,
    DiagramPlace,
    Heading,
    Outline,
    OutlineEntry,
    Paragraph,
    ParetoChart,
    Table,
)
from sixstep.report_markdown import markdown_from_blocks, md_escape
from sixstep.report_room import (
    disagreement_blocks,
    dot_vote_blocks,
    parking_lot_blocks,
    recorded_nothing,
    relations_blocks,
    workshop_blocks,
)
from sixstep.result_text import (
    FRAGILE_HEADING,
    NO_RANKING,
    NOT_FRAGILE,
    alternative_label,
    fails_text,
    one_line,
    percent_text,
    rank_phrase,
    report_cell_text,
    result_rank_text,
    share_text,
    stability_range,
)
from sixstep.scoring import ScoringResult, score_case
from sixstep.steps import STEPS, count

NOTHING = "(nothing recorded yet)"
STATUS_WORDS = {"possible": "possible", "confirmed": "confirmed", "ruled_out": "ruled out"}
ALTERNATIVE_WORDS = {"open": "open", "eliminated": "eliminated", "merged": "merged"}
BLIND_REPORT = ("Blind scoring is on and the scores are not revealed yet, so the ranking and "
                "the scores stay out of this report until the facilitator reveals them.")


# -- helpers -------------------------------------------------------------------------------
def _nothing() -> Paragraph:
    return Paragraph(NOTHING, quiet=True)


def _texts(values: list[str]) -> list[str]:
    return [v for v in (s.strip() for s in values) if v]


def _step_title(n: int) -> str:
    return f"Step {n}: {STEPS[n - 1].title}"


def _note(case: Case, n: int) -> list[Block]:
    note = case.step_notes.get(str(n), "").strip()
    return [Paragraph(note, label="Facilitator's note:")] if note else []


def _unrevealed(result: ScoringResult) -> ScoringResult:
    """A result that gives nothing away: no ranking, no cells, no leader (while blind)."""
    return ScoringResult(result.aggregate, (), (), (), (), {}, {}, {}, None, ())


# -- the sections --------------------------------------------------------------------------
def _front(case: Case, result: ScoringResult) -> list[Block]:
    title = one_line(case.title) or one_line(case.problem.question) or "Untitled workshop"
    blocks: list[Block] = [Heading(1, title), Paragraph("Problem-solving workshop report",
                                                        quiet=True)]
    blocks += workshop_blocks(case)
    summary: list[Paragraph] = []
    if case.problem.question.strip():
        summary.append(Paragraph(case.problem.question.strip(), label="Problem:"))
    roots = [one_line(c.text) for c in case.fishbone.root_causes()]
    if roots:
        summary.append(Paragraph("; ".join(roots), label="Root causes:"))
    chosen = [alternative_label(case, a) for a in case.selection.chosen]
    if chosen:
        summary.append(Paragraph("; ".join(chosen), label="Chosen:"))
    elif result.leader is not None:
        summary.append(Paragraph(alternative_label(case, result.leader),
                                 label="Leading alternative:"))
    if summary:
        blocks += [Heading(2, "At a glance"), Bullets(tuple(summary))]
    return blocks


def _define(case: Case) -> list[Block]:
    p = case.problem
    blocks: list[Block] = [Heading(2, _step_title(1)), Heading(3, "The problem as a question")]
    blocks.append(Paragraph(p.question.strip()) if p.question.strip() else _nothing())
    blocks.append(Heading(3, "Terms"))
    terms = [(one_line(t.term), one_line(t.definition)) for t in p.terms
             if t.term.strip() or t.definition.strip()]
    blocks.append(Table(("Term", "Meaning"), tuple(terms), widths=(1, 3)) if terms
                  else _nothing())
    for title, values in (("Symptoms", p.symptoms), ("Effects", p.effects)):
        blocks.append(Heading(3, title))
        items = _texts(values)
        blocks.append(Bullets(tuple(Paragraph(v) for v in items)) if items else _nothing())
        if title == "Symptoms":
            blocks.append(Heading(3, "How serious it is"))
            blocks.append(Paragraph(p.seriousness.strip()) if p.seriousness.strip()
                          else _nothing())
    return blocks + _note(case, 1)


def _marks(cause: Cause) -> str:
    words = [STATUS_WORDS.get(cause.status, cause.status)]
    if cause.root_cause:
        words.insert(0, "root cause")
    if cause.votes:
        words.append(count(cause.votes, "vote"))
    return ", ".join(words)


def _outline(diagram: Diagram, category: str) -> list[OutlineEntry]:
    """The category's causes in outline order (a loop, not recursion: depth is free)."""
    kids = diagram.children_map()
    entries: list[OutlineEntry] = []
    stack = [(c, 0) for c in reversed(kids.get(None, {}).get(category, []))]
    while stack:
        c, depth = stack.pop()
        entries.append(OutlineEntry(depth, one_line(c.text) or "(no text)", _marks(c),
                                    one_line(c.notes)))
        if depth < 40:
            below = kids.get(c.id, {}).get(category, [])
            stack.extend((k, depth + 1) for k in reversed(below))
    return entries


def _cause_path(diagram: Diagram, cause: Cause) -> str:
    try:
        heading = one_line(diagram.category(cause.category).name)
    except (KeyError, ValueError):
        heading = cause.category
    return f"{heading}: {one_line(cause.text)}"


def _research(case: Case) -> list[Block]:
    r, d = case.research, case.fishbone
    blocks: list[Block] = [Heading(2, _step_title(2)), Heading(3, "Still to research")]
    items = []
    for i, text in enumerate(r.to_research):
        if text.strip():
            done = i < len(r.to_research_done) and r.to_research_done[i]
            items.append(Paragraph(text.strip(), label="Done:" if done else "Open:"))
    blocks.append(Bullets(tuple(items)) if items else _nothing())
    blocks.append(Heading(3, "Earlier efforts"))
    efforts = [(one_line(e.effort), one_line(e.what_stopped_it)) for e in r.previous_efforts
               if e.effort.strip() or e.what_stopped_it.strip()]
    blocks.append(Table(("What was tried", "What stopped it"), tuple(efforts)) if efforts
                  else _nothing())
    blocks.append(Heading(3, "Techniques used"))
    names = dict((key, name) for key, name, _ in TECHNIQUES)
    used = [names.get(t, t) for t in r.techniques if t.strip()]
    blocks.append(Paragraph(", ".join(used)) if used else _nothing())
    blocks.append(Heading(3, "Findings"))
    blocks.append(Paragraph(r.findings.strip()) if r.findings.strip() else _nothing())
    blocks.append(Heading(3, "Fishbone diagram"))
    blocks.append(Paragraph(one_line(d.effect) or "(no effect named yet)",
                            label="Effect (the head of the fish):"))
    for cat in d.categories:
        blocks.append(Heading(4, one_line(cat.name) or cat.id))
        entries = _outline(d, cat.id)
        blocks.append(Outline(tuple(entries)) if entries else _nothing())
    blocks.append(Heading(3, "Root causes and confirmed causes"))
    roots = [Paragraph(_cause_path(d, c)) for c in d.causes if c.root_cause]
    confirmed = [Paragraph(_cause_path(d, c)) for c in d.causes
                 if c.status == "confirmed" and not c.root_cause]
    ruled_out = sum(c.status == "ruled_out" for c in d.causes)
    if roots:
        blocks += [Paragraph("", label="Root causes"), Bullets(tuple(roots))]
    if confirmed:
        blocks += [Paragraph("", label="Other confirmed causes"), Bullets(tuple(confirmed))]
    if d.causes:
        blocks.append(Paragraph(
            f"{count(len(d.causes), 'cause')} on the diagram: {len(roots)} root, "
            f"{len(roots) + len(confirmed)} confirmed in all, {ruled_out} ruled out.",
            quiet=True))
    else:
        blocks.append(_nothing())
    blocks += dot_vote_blocks(case) + relations_blocks(case)
    return blocks + _note(case, 2) + ([DiagramPlace()] if d.causes else [])


def _criteria(case: Case, result: ScoringResult) -> list[Block]:
    blocks: list[Block] = [Heading(2, _step_title(3)), Heading(3, "Criteria, most important "
                                                                  "first")]
    rows = []
    for i, c in enumerate(case.criteria, 1):
        want = c.kind == "want"
        rows.append((str(i), one_line(c.name), c.kind,
                     format_number(c.weight or 0) if want else "\u2014",
                     share_text(result.shares.get(c.id, 0), 1) if want else "\u2014",
                     one_line(c.description)))
    blocks.append(Table(("#", "Criterion", "Kind", "Weight", "Share", "What it means"),
                        tuple(rows), right=(0, 3, 4), widths=(1, 8, 3, 3, 3, 10)) if rows
                  else _nothing())
    if any(c.kind == "must" for c in case.criteria):
        blocks.append(Paragraph("A must is pass or fail: an alternative that fails one is "
                                "screened out. Wants are weighted; the share is the weight's "
                                "part of all want weights.", quiet=True))
    blocks.append(Heading(3, "What we will not address"))
    items = _texts(case.not_addressed)
    blocks.append(Bullets(tuple(Paragraph(v) for v in items), numbered=True) if items
                  else _nothing())
    return blocks + _note(case, 3)


def _alternatives(case: Case) -> list[Block]:
    blocks: list[Block] = [Heading(2, _step_title(4))]
    causes = {c.id: one_line(c.text) for c in case.fishbone.causes}
    rows = []
    for i, a in enumerate(case.alternatives, 1):
        if a.status == "eliminated":
            fate = "eliminated" + (f": {one_line(a.eliminated_reason)}"
                                   if a.eliminated_reason.strip() else "")
        elif a.status == "merged":
            fate = f"merged into {alternative_label(case, a.merged_into or '')}"
        else:
            fate = ALTERNATIVE_WORDS.get(a.status, a.status)
        addressed = "; ".join(causes.get(x, x) for x in a.addresses)
        rows.append((str(i), one_line(a.name) or a.id, fate, addressed or "\u2014"))
    blocks.append(Table(("#", "Alternative", "Status", "Causes it addresses"), tuple(rows),
                        right=(0,), widths=(1, 8, 6, 8)) if rows else _nothing())
    return blocks + _note(case, 4)


def _evaluate(case: Case, result: ScoringResult) -> list[Block]:
    names = {c.id: one_line(c.name) for c in case.criteria}
    scale = case.score_scale
    blocks: list[Block] = [Heading(2, _step_title(5)), Heading(3, "Ranking")]
    if result.ranking:
        rows = tuple((result_rank_text(result, r.alternative), one_line(r.name),
                      format_number(r.total), percent_text(r.percent, 1))
                     for r in result.ranking)
        blocks.append(Table(("Rank", "Alternative", "Total", "Percent"), rows,
                            right=(0, 2, 3), widths=(2, 12, 3, 3)))
        combined = (" (the participants' scores combined by their mean)"
                    if len(case.participants) > 1 else "")
        blocks.append(Paragraph(
            f"Scores run from {format_number(scale.min)} to {format_number(scale.max)}. Each "
            f"total is the sum of the want scores times their weights{combined}; the percent "
            "is that total against a perfect score.", quiet=True))
        blocks += _contributions(case, result)
    else:
        blocks.append(Paragraph(BLIND_REPORT if case.blind.hides else NO_RANKING, quiet=True))
    blocks += _matrix(case, result)
    if result.screened_out:
        blocks.append(Heading(3, "Screened out by a must"))
        blocks.append(Bullets(tuple(
            Paragraph(fails_text(names.get(c, c) for c in s.failed),
                      label=one_line(s.name) + ":") for s in result.screened_out)))
    if result.incomplete:
        blocks.append(Heading(3, "Not ranked yet: unscored cells"))
        blocks.append(Bullets(tuple(
            Paragraph(", ".join(names.get(c, c) for c in i.missing),
                      label=f"{one_line(i.name)} ({count(len(i.missing), 'cell')}):")
            for i in result.incomplete)))
    if result.stability and result.ranking:
        blocks.append(Heading(3, "How stable the lead is"))
        leader = alternative_label(case, result.leader or "")
        blocks.append(Paragraph(f"The range of each weight's share over which {leader} "
                                "stays first, the other weights rescaled to match."))
        ranges = tuple((names.get(k, k), share_text(result.shares.get(k, 0), 1),
                        stability_range(lo, hi, 1))
                       for k, (lo, hi) in result.stability.items())
        blocks.append(Table(("Criterion", "Share now", "Lead holds from"), ranges,
                            right=(1, 2), widths=(10, 3, 5)))
        if result.fragile:
            blocks.append(Paragraph(FRAGILE_HEADING, label="Warning."))
            blocks.append(Bullets(tuple(Paragraph(f) for f in result.fragile)))
        else:
            blocks.append(Paragraph(NOT_FRAGILE, quiet=True))
    blocks += disagreement_blocks(case)
    blocks.append(Heading(3, "Strengths, weaknesses, cost and benefit"))
    shown = 0
    order = {"open": 1, "merged": 2, "eliminated": 3}
    for a in sorted(case.alternatives, key=lambda a: (result.rank_of(a.id) or 10**6,
                                                      order.get(a.status, 4))):
        parts = [(label, text.strip()) for label, text in (
            ("Strengths:", a.strengths), ("Weaknesses:", a.weaknesses),
            ("Cost:", a.cost), ("Benefit:", a.benefit)) if text.strip()]
        if not parts:
            continue
        shown += 1
        rank = rank_phrase(result, a.id)
        suffix = f" ({rank})" if rank else (f" ({a.status})" if a.status != "open" else "")
        blocks.append(Heading(4, (one_line(a.name) or a.id) + suffix))
        blocks.append(Bullets(tuple(Paragraph(text, label=label) for label, text in parts)))
    if not shown:
        blocks.append(_nothing())
    return blocks + _note(case, 5)


def _contributions(case: Case, result: ScoringResult) -> list[Block]:
    """The chart of what each want criterion adds to each ranked alternative's total."""
    wants = [c for c in case.criteria if c.kind == "want"]
    if not wants:
        return []
    return [ContributionsChart(
        tuple(f"{result_rank_text(result, r.alternative)}. {one_line(r.name) or r.alternative}"
              for r in result.ranking),
        tuple(one_line(c.name) or c.id for c in wants),
        tuple(tuple(r.contributions.get(c.id, 0.0) for c in wants) for r in result.ranking))]


def criterion_heading(number: int, name: str) -> str:
    """A score table's column: the criterion's number in step 3 and its name, cut short."""
    text = one_line(name)
    return f"{number}. {text if len(text) <= 40 else text[:39].rstrip() + chr(0x2026)}"


def _matrix(case: Case, result: ScoringResult) -> list[Block]:
    """The score of every open alternative on every criterion, each column named."""
    alternatives = case.open_alternatives()
    if not alternatives or not case.criteria or not result.cells:
        return []
    rows = []
    for a in alternatives:
        row = [one_line(a.name) or a.id]
        for c in case.criteria:
            row.append(report_cell_text(result.cells.get((a.id, c.id))))
        rows.append(tuple(row))
    headers = ("Alternative", *(criterion_heading(i, c.name)
                                for i, c in enumerate(case.criteria, 1)))
    columns = tuple(range(1, len(headers)))
    return [Heading(3, "Scores"), Table(headers, tuple(rows), right=columns,
                                        widths=(7, *(3 for _ in columns))),
            Paragraph("Columns are the criteria, numbered as in step 3; a dash is a cell "
                      "not scored yet.", quiet=True)]


def _select(case: Case, result: ScoringResult) -> list[Block]:
    s = case.selection
    blocks: list[Block] = [Heading(2, _step_title(6)), Heading(3, "Chosen")]
    chosen = []
    for alt_id in s.chosen:
        rank = rank_phrase(result, alt_id)
        chosen.append(Paragraph(alternative_label(case, alt_id) + (f" ({rank})" if rank else "")))
    blocks.append(Bullets(tuple(chosen)) if chosen else _nothing())
    blocks.append(Heading(3, "Why"))
    blocks.append(Paragraph(s.rationale.strip()) if s.rationale.strip() else _nothing())
    blocks.append(Heading(3, "Action plan"))
    rows = tuple((one_line(a.action), one_line(a.owner), one_line(a.due),
                  one_line(a.success_measure), one_line(a.follow_up)) for a in s.actions
                 if any(x.strip() for x in (a.action, a.owner, a.due, a.success_measure,
                                             a.follow_up)))
    blocks.append(Table(("What we will do", "Who", "By when", "How we will know it worked",
                         "Check again"), rows, widths=(8, 4, 3, 7, 3)) if rows else _nothing())
    blocks.append(Heading(3, "Review"))
    review = [Paragraph(text.strip(), label=label) for label, text in (
        ("What worked well:", s.review.what_worked), ("What did not:", s.review.what_did_not),
        ("What we will do next time:", s.review.what_next)) if text.strip()]
    blocks.append(Bullets(tuple(review)) if review else _nothing())
    return blocks + _note(case, 6)


def report_blocks(case: Case) -> list[Block]:
    """The whole workshop in step order, as blocks of plain text."""
    result = score_case(case)
    if case.blind.hides:  # the standings would give the hidden scores away
        result = _unrevealed(result)
    steps: tuple[Callable[[], list[Block]], ...] = (
        lambda: _define(case), lambda: _research(case), lambda: _criteria(case, result),
        lambda: _alternatives(case), lambda: _evaluate(case, result),
        lambda: _select(case, result))
    blocks = _front(case, result)
    for number, build in enumerate(steps, 1):
        if recorded_nothing(case, number):  # the steps flow on: an empty one is one line
            blocks += [Heading(2, _step_title(number)), _nothing()]
        else:
            blocks += build()
    return blocks + parking_lot_blocks(case)


def report_markdown(case: Case) -> str:
    """The whole workshop as one Markdown document, typed text shown literally."""
    return markdown_from_blocks(report_blocks(case))


__all__ = [
    "NOTHING", "Block", "Bullets", "ContributionsChart", "DiagramPlace", "Heading", "Outline",
    "OutlineEntry",
    "Paragraph", "ParetoChart", "Table", "md_escape", "report_blocks", "report_markdown",
]
