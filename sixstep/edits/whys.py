"""Five whys as one verb: each answer to "why?" becomes a sub-cause of the one before it, all
under the cause the room started from, in one undo step."""

from __future__ import annotations

from collections.abc import Iterable

from fishbone.model import Cause
from sixstep.case import Case, next_id
from sixstep.edits.base import Edit, EditError, Sequence
from sixstep.edits.cause_checks import find_cause
from sixstep.edits.fishbone import AddCause, SetCauseAttribute
from sixstep.rules import check_text

FIVE_WHYS_TITLE = "Five whys"


def five_whys(case: Case, cause_id: str, answers: Iterable[str]) -> Sequence:
    """The edit that writes ``answers`` as a chain of nested sub-causes under ``cause_id``:
    the first answer under the cause, the second under the first, and so on. Blank answers
    are left out; a collapsed cause opens so the chain shows. Nothing is changed here."""
    diagram = case.fishbone
    cause = find_cause(diagram, cause_id)
    texts = [" ".join(check_text(a, "An answer").split()) for a in answers]
    texts = [t for t in texts if t]
    if not texts:
        raise EditError("Give at least one answer to \u201cwhy?\u201d.")
    used = [c.id for c in diagram.causes]
    edits: list[Edit] = []
    if cause.collapsed:
        edits.append(SetCauseAttribute(cause.id, "collapsed", False))
    parent = cause.id
    for text in texts:
        new_id = next_id("c", used)
        used.append(new_id)
        edits.append(AddCause(Cause(new_id, cause.category, parent, text)))
        parent = new_id
    return Sequence(tuple(edits), FIVE_WHYS_TITLE)
