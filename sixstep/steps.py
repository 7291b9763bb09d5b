"""The six steps: title, guidance for the facilitator, and what each still lacks in a case.

Each step declares the parts of the case its check reads, as the change kinds
(``fishbone.changes``) that can alter them, so a change re-checks only the steps it can affect.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

from sixstep.case import Action, Case
from sixstep.rules import RuleError, check_root_cause


@dataclass(frozen=True)
class StepDefinition:
    number: int
    key: str
    title: str
    guidance: str
    check: Callable[[Case], list[str]]
    reads: frozenset[str]  # the change kinds after which ``check`` may say something else

    def missing(self, case: Case) -> list[str]:
        """Readable sentences naming what the step still lacks; empty when it is complete."""
        return self.check(case)


def count(n: int, noun: str) -> str:
    """``1 cell``, ``2 cells``: a number with its noun in the right form."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _check_define(case: Case) -> list[str]:
    p = case.problem
    missing: list[str] = []
    question = p.question.strip()
    if not question:
        missing.append("Write the problem down as a question.")
    elif not question.endswith("?"):
        missing.append("Phrase the problem as a question (end it with a question mark).")
    if not p.terms:
        missing.append("Define the key terms of the question.")
    for term in p.terms:
        if term.term.strip() and not term.definition.strip():
            missing.append(f"The term \u201c{term.term.strip()}\u201d has no definition yet.")
    if not any(s.strip() for s in p.symptoms):
        missing.append("List at least one symptom.")
    if not p.seriousness.strip():
        missing.append("Say how serious the problem is.")
    if not any(e.strip() for e in p.effects):
        missing.append("List what the problem affects.")
    return missing


def _check_research(case: Case) -> list[str]:
    r, d = case.research, case.fishbone
    missing: list[str] = []
    if not d.effect.strip():
        missing.append("Name the effect at the head of the fishbone.")
    if not d.causes:
        missing.append("Brainstorm possible causes on the fishbone.")
    else:
        missing.extend(_root_cause_problems(case))
    open_items = [
        text for i, text in enumerate(r.to_research)
        if not (i < len(r.to_research_done) and r.to_research_done[i])
    ]
    if open_items:
        n = len(open_items)
        missing.append(f"{count(n, 'research item')} {'is' if n == 1 else 'are'} not done yet.")
    if not r.findings.strip():
        missing.append("Summarise the findings into one analysis.")
    return missing


def _root_cause_problems(case: Case) -> list[str]:
    """The method's rule: step 2 ends with a confirmed cause marked root, and a ruled-out
    cause is never the root cause."""
    problems: list[str] = []
    roots = case.fishbone.root_causes()
    for cause in roots:
        try:
            check_root_cause(cause.status, cause.root_cause)
        except RuleError:
            problems.append(f"\u201c{cause.text.strip() or 'A cause'}\u201d is ruled out, so it "
                            "cannot be the root cause.")
    if not any(c.status == "confirmed" for c in roots):
        if any(c.status == "possible" for c in roots):
            problems.append("Confirm the root cause: a root cause must be a confirmed cause.")
        else:
            problems.append("Mark at least one confirmed cause as a root cause.")
    return problems


def _check_criteria(case: Case) -> list[str]:
    missing: list[str] = []
    if not case.criteria:
        missing.append("List the criteria a solution must meet.")
    for c in case.criteria:
        if c.kind == "want" and not (c.weight and c.weight > 0):
            missing.append(f"Give the criterion \u201c{c.name}\u201d a weight.")
    if case.criteria and not any(c.kind == "want" for c in case.criteria):
        missing.append("Add at least one weighted (want) criterion to compare alternatives.")
    return missing


def _check_alternatives(case: Case) -> list[str]:
    if len(case.alternatives) < 2:
        return ["List at least two alternatives."]
    return []


def _check_evaluate(case: Case) -> list[str]:
    if not case.open_alternatives():
        return ["Keep at least one alternative open to evaluate."]
    if not case.criteria:
        return ["Set up criteria in step 3 before scoring."]
    scored = {(s.alternative, s.criterion) for s in case.scores}
    unscored = sum(
        1 for a in case.open_alternatives() for c in case.criteria if (a.id, c.id) not in scored
    )
    if unscored:
        verb = "is" if unscored == 1 else "are"
        return [f"{count(unscored, 'cell')} of the score matrix {verb} not scored yet."]
    return []


def _check_select(case: Case) -> list[str]:
    s = case.selection
    missing: list[str] = []
    if not s.chosen:
        missing.append("Choose one or more alternatives.")
    if not s.rationale.strip():
        missing.append("Write down why the choice was made.")
    if not s.actions:
        missing.append("Plan at least one action.")
    for i, a in enumerate(s.actions, start=1):
        if not a.owner.strip() or not a.due.strip():
            missing.append(f"Action {i} needs an owner and a due date.")
        missing.extend(_action_date_problems(i, a))
    return missing


def iso_date(text: str) -> date | None:
    """The date written as YYYY-MM-DD (a real calendar day), or None for anything else."""
    text = text.strip()
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    if not (text[:4] + text[5:7] + text[8:]).isdigit() or not text.isascii():
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _action_date_problems(number: int, action: Action) -> list[str]:
    """Sentences about an action's due and follow-up dates: filled but not a date, or the
    follow-up before the due date. Empty dates are left to the other checks."""
    name = action.action.strip()
    who = f"Action {number} (\u201c{name}\u201d)" if name else f"Action {number}"
    problems: list[str] = []
    dates: dict[str, date | None] = {}
    for attribute, label in (("due", "due date"), ("follow_up", "follow-up date")):
        text = getattr(action, attribute).strip()
        dates[attribute] = iso_date(text) if text else None
        if text and dates[attribute] is None:
            problems.append(f"{who}: the {label} \u201c{text}\u201d is not a date "
                            "(use YYYY-MM-DD).")
    due, follow_up = dates["due"], dates["follow_up"]
    if due and follow_up and follow_up < due:
        problems.append(f"{who}: the follow-up date {follow_up.isoformat()} is before the "
                        f"due date {due.isoformat()}.")
    return problems


STEPS: tuple[StepDefinition, ...] = (
    StepDefinition(
        1, "define", "Define the problem",
        "Talk through the symptoms, how serious it is and what it affects. Then write the "
        "problem as one question, so the group has to describe it in full, and agree what "
        "each key word in that question means.",
        _check_define,
        frozenset({"problem"}),
    ),
    StepDefinition(
        2, "research", "Research and analyse",
        "Note what still needs finding out and the earlier fixes that did not stick. Build "
        "the fishbone: put every possible cause under a heading, ask \u201cwhy?\u201d again "
        "for sub-causes, then confirm or rule out each one until the root cause is found.",
        _check_research,
        frozenset({"effect", "categories", "cause_added", "cause_removed", "cause_moved",
                   "cause_changed", "research"}),
    ),
    StepDefinition(
        3, "criteria", "Agree the criteria",
        "List everything a solution will be judged by and let everyone react to each. Mark "
        "the non-negotiables as musts, weight the rest, and order the list from most to least "
        "important. Record what the group has agreed not to address.",
        _check_criteria,
        frozenset({"criterion_added", "criterion_removed", "criterion_moved",
                   "criterion_changed"}),
    ),
    StepDefinition(
        4, "alternatives", "List the alternatives",
        "Collect every idea, however unusual. Nothing is judged while ideas are flowing; "
        "push past the fixes that were tried before.",
        _check_alternatives,
        frozenset({"alternative_added", "alternative_removed"}),
    ),
    StepDefinition(
        5, "evaluate", "Evaluate the alternatives",
        "Remove the ideas that fail a must, combine the ones that overlap, and weigh the "
        "rest: strengths, weaknesses, cost against benefit. Score each against the weighted "
        "criteria until the best stands out.",
        _check_evaluate,
        frozenset({"alternative_added", "alternative_removed", "alternative_status",
                   "criterion_added", "criterion_removed", "scores", "participants",
                   "score_scale"}),
    ),
    StepDefinition(
        6, "select", "Select and plan",
        "Choose one or more alternatives and say why. Plan who does what by when, how you "
        "will know it worked and when you will check again; review what worked, what did "
        "not and what to do next time.",
        _check_select,
        frozenset({"selection"}),
    ),
)


def step(number: int) -> StepDefinition:
    return STEPS[number - 1]


def missing_by_step(case: Case) -> dict[int, list[str]]:
    return {s.number: s.missing(case) for s in STEPS}


def steps_reading(kinds: Collection[str]) -> tuple[StepDefinition, ...]:
    """The steps whose check reads a part of the case that changes of ``kinds`` touch."""
    return tuple(s for s in STEPS if not s.reads.isdisjoint(kinds))
