"""The room's parts of the workshop report: who met and where, the dot vote with its Pareto
order, the relations diagram, where the scorers disagreed, and the parking lot."""

from __future__ import annotations

from fishbone.model import Cause
from sixstep.case import Case
from sixstep.disagreement import contested_cells, leader_change
from sixstep.dots import dot_budget, pareto
from sixstep.numbers import format_number
from sixstep.relations import summarise_relations
from sixstep.report_blocks import Block, Bullets, Heading, Paragraph, ParetoChart, Table
from sixstep.result_text import one_line, percent_text
from sixstep.steps import STEPS, count, iso_date

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
ARROW = " \u2192 "


def day_text(text: str) -> str:
    """``2026-11-24`` as ``24 November 2026``; anything else as typed."""
    day = iso_date(text)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else one_line(text)


def _names(case: Case) -> dict[str, str]:
    """Participant id -> a short name: what comes before a bracket (``Jonas (night crew)``
    is Jonas), else the name as typed, else the id."""
    return {p.id: one_line(p.name.split("(")[0]) or one_line(p.name) or p.id
            for p in case.participants}


def _cause_text(cause: Cause) -> str:
    return one_line(cause.text) or "(no text)"


# -- the workshop --------------------------------------------------------------------------
def workshop_blocks(case: Case) -> list[Block]:
    """When and where the group met, who ran it and who came; nothing when none is known."""
    w = case.workshop
    attendees = [one_line(p.name) for p in case.participants if p.name.strip()]
    items = [Paragraph(text, label=label) for label, text in (
        ("Date:", day_text(w.date) if w.date.strip() else ""),
        ("Facilitator:", one_line(w.facilitator)), ("Place:", one_line(w.place)),
        (f"Attendees ({len(attendees)}):", ", ".join(attendees))) if text]
    return [Heading(2, "The workshop"), Bullets(tuple(items))] if items else []


# -- step 2: the dot vote and the relations diagram -------------------------------------------
def dot_vote_blocks(case: Case) -> list[Block]:
    """The causes by votes, most first, with the share of all votes and the running total;
    the causes holding the first 80% are the ones to verify first."""
    rows = pareto(case)
    if not rows:
        return []
    total = sum(r.votes for r in rows)
    blocks: list[Block] = [Heading(3, "Dot vote: which causes to verify first")]
    blocks.append(Paragraph(_vote_sentence(case, total), quiet=True))
    table = tuple((str(i), one_line(r.text), str(r.votes), percent_text(r.percent, 0),
                   percent_text(r.cumulative_percent, 0), "yes" if r.verify_first else "")
                  for i, r in enumerate(rows, 1))
    blocks.append(Table(("#", "Cause", "Votes", "Share", "Running total", "Verify first"),
                        table, right=(0, 2, 3, 4), widths=(1, 12, 2, 2, 3, 3)))
    blocks.append(ParetoChart(tuple(one_line(r.text) for r in rows),
                              tuple(r.votes for r in rows),
                              tuple(r.cumulative_percent for r in rows),
                              tuple(r.verify_first for r in rows)))
    first = [r for r in rows if r.verify_first]
    blocks.append(Paragraph(
        f"{count(len(first), 'cause')} of {len(rows)} hold the first 80% of the votes: "
        "verify those first.", quiet=True))
    return blocks


def _vote_sentence(case: Case, total: int) -> str:
    voters = {d.participant for d in case.dots if d.participant is not None}
    settings = case.dot_settings
    if settings.anonymous or not voters:
        return f"{count(total, 'vote')} in all, counted for the room as a whole."
    cap = f", at most {settings.cap} on one cause" if settings.cap is not None else ""
    return (f"{count(len(voters), 'participant')} placed {count(total, 'dot')} in all "
            f"({dot_budget(case)} each{cap}).")


def relations_blocks(case: Case) -> list[Block]:
    """Drivers, outcomes and loops of the "this drives that" arrows between causes."""
    if not case.relations:
        return []
    summary = summarise_relations(case)
    causes = {c.id: c for c in case.fishbone.causes}
    blocks: list[Block] = [Heading(3, "Relations diagram: what drives what"), Paragraph(
        f"{count(len(case.relations), 'arrow')}, each meaning \u201cthis cause drives that "
        "one\u201d. A driver has the most arrows going out: a root-cause candidate. An "
        "outcome has the most arrows coming in.", quiet=True)]

    def names(ids: tuple[str, ...]) -> str:
        return "; ".join(_cause_text(causes[c]) + (" (marked root cause)"
                                                   if causes[c].root_cause else "")
                         for c in ids)

    items = [Paragraph(names(summary.drivers),
                       label="Driver:" if len(summary.drivers) == 1 else "Drivers:"),
             Paragraph(names(summary.outcomes),
                       label="Outcome:" if len(summary.outcomes) == 1 else "Outcomes:")]
    if summary.loops:
        for loop in summary.loops:
            items.append(Paragraph(ARROW.join(_cause_text(causes[c]) for c in
                                              (*loop, loop[0])), label="Loop:"))
    else:
        items.append(Paragraph("none: no cause drives itself round a circle.", label="Loops:"))
    if summary.loops_cut_short:
        items.append(Paragraph(f"only the first {len(summary.loops)} loops are listed.",
                               label="Note:"))
    blocks.append(Bullets(tuple(items)))
    linked = [c for c in case.fishbone.causes
              if summary.outgoing[c.id] or summary.incoming[c.id]]
    linked.sort(key=lambda c: (-summary.outgoing[c.id], summary.incoming[c.id]))
    rows = tuple((_cause_text(c), str(summary.outgoing[c.id]), str(summary.incoming[c.id]),
                  _role(c.id, summary.drivers, summary.outcomes)) for c in linked)
    blocks.append(Table(("Cause", "Arrows out", "Arrows in", "Role"), rows, right=(1, 2),
                        widths=(12, 3, 3, 3)))
    return blocks


def _role(cause_id: str, drivers: tuple[str, ...], outcomes: tuple[str, ...]) -> str:
    roles = [word for word, ids in (("driver", drivers), ("outcome", outcomes))
             if cause_id in ids]
    return ", ".join(roles)


# -- step 5: where the scorers disagreed -------------------------------------------------------
def disagreement_blocks(case: Case) -> list[Block]:
    """Contested cells with everyone's scores, and whether the median changes the leader;
    nothing when fewer than two people scored."""
    names = _names(case)
    people = {s.participant for s in case.scores if s.participant in names}
    if len(people) < 2:
        return []
    blocks: list[Block] = [Heading(3, "Where the room disagreed")]
    if case.blind.hides:
        return blocks + [Paragraph("Blind scoring is on and the scores are not revealed "
                                   "yet, so nobody's scores are shown.", quiet=True)]
    how = (" Each scored blind; the scores were revealed together." if case.blind.on else "")
    blocks.append(Paragraph(f"{count(len(people), 'participant')} scored the alternatives "
                            f"on their own.{how}", quiet=True))
    cells = contested_cells(case)
    alternatives = {a.id: one_line(a.name) or a.id for a in case.alternatives}
    criteria = {c.id: one_line(c.name) or c.id for c in case.criteria}
    if cells:
        given = _scores_by_cell(case, names)
        rows = tuple((alternatives[c.alternative], criteria[c.criterion],
                      _scores_by_person(given.get((c.alternative, c.criterion), {}), names),
                      format_number(round(c.spread, 2))) for c in cells)
        blocks.append(Table(("Alternative", "Criterion", "Scores", "Spread"), rows,
                            right=(3,), widths=(8, 8, 7, 3)))
        blocks.append(Paragraph(
            f"{count(len(cells), 'cell')} contested: the spread (the standard deviation of "
            "the scores over half the scale's range) is 0.3 or more. Talk these through "
            "before trusting the group's number.", quiet=True))
    else:
        blocks.append(Paragraph("No cell is contested: every spread is under 0.3.",
                                quiet=True))
    blocks.append(Paragraph(leader_change(case).sentence, label="Mean or median?"))
    return blocks


def _scores_by_cell(case: Case, names: dict[str, str]) -> dict[tuple[str, str],
                                                                dict[str, float]]:
    """Each cell's numeric scores by participant, read in one pass over the scores."""
    cells: dict[tuple[str, str], dict[str, float]] = {}
    for s in case.scores:
        if s.participant in names and not isinstance(s.value, bool):
            cells.setdefault((s.alternative, s.criterion), {})[s.participant] = s.value
    return cells


def _scores_by_person(given: dict[str, float], names: dict[str, str]) -> str:
    return ", ".join(f"{names[p]} {format_number(given[p])}" for p in names if p in given)


# -- after step 6: the parking lot -----------------------------------------------------------
def parking_lot_blocks(case: Case) -> list[Block]:
    """Ideas that belonged elsewhere, in order, with the step they came up in."""
    ideas = [p for p in case.parking_lot if p.text.strip()]
    if not ideas:
        return []
    rows = tuple((str(i), one_line(p.text), f"{p.step}: {STEPS[p.step - 1].title}",
                  "done" if p.done else "open") for i, p in enumerate(ideas, 1))
    done = sum(p.done for p in ideas)
    return [Heading(2, "Parking lot"),
            Paragraph("Ideas that came up but belong somewhere else, kept so none is lost.",
                      quiet=True),
            Table(("#", "Idea", "Came up in step", "Status"), rows, right=(0,),
                  widths=(1, 12, 5, 2)),
            Paragraph(f"{done} of {len(ideas)} dealt with.", quiet=True)]


# -- which steps recorded anything -----------------------------------------------------------
def recorded_nothing(case: Case, number: int) -> bool:
    """True when step ``number`` holds nothing at all, so the report gives it one line."""
    if case.step_notes.get(str(number), "").strip():
        return False
    p, r, s = case.problem, case.research, case.selection
    filled = {
        1: (p.question, p.seriousness, *p.symptoms, *p.effects,
            *(t.term + t.definition for t in p.terms)),
        2: (r.findings, *r.to_research, *r.techniques, case.fishbone.effect,
            *(e.effort + e.what_stopped_it for e in r.previous_efforts),
            *(c.id for c in case.fishbone.causes)),
        3: (*(c.id for c in case.criteria), *case.not_addressed),
        4: tuple(a.id for a in case.alternatives),
        5: (*(x.alternative for x in case.scores),
            *(a.strengths + a.weaknesses + a.cost + a.benefit for a in case.alternatives)),
        6: (s.rationale, *s.chosen, s.review.what_worked, s.review.what_did_not,
            s.review.what_next, *(a.action + a.owner + a.due for a in s.actions)),
    }[number]
    return not any(str(x).strip() for x in filled)
