"""The one table of which step shows each kind of change (undo and redo go there)."""

from __future__ import annotations

from collections.abc import Iterable

from fishbone.changes import Change

# kind -> step; (kind, attribute) rows refine a kind for one field. Kinds not listed (title,
# workshop, parking lot, timers) are seen from every step: undoing them moves nowhere.
STEP_OF: dict[str | tuple[str, str], int] = {
    "problem": 1,
    "effect": 2, "categories": 2, "cause_added": 2, "cause_removed": 2, "cause_moved": 2,
    "cause_changed": 2, "research": 2, "dots": 2, "dot_settings": 2, "relations": 2,
    "criterion_added": 3, "criterion_removed": 3, "criterion_moved": 3,
    "criterion_changed": 3, "not_addressed": 3,
    "alternative_added": 4, "alternative_removed": 4, "alternative_moved": 4,
    "alternative_changed": 4,
    ("alternative_changed", "strengths"): 5, ("alternative_changed", "weaknesses"): 5,
    ("alternative_changed", "cost"): 5, ("alternative_changed", "benefit"): 5,
    ("alternative_changed", "eliminated_reason"): 5,
    "alternative_status": 5, "scores": 5, "score_scale": 5, "participants": 5, "blind": 5,
    "selection": 6,
}


def step_of(change: Change) -> int | None:
    """The step that shows ``change``, or None when every step shows it."""
    if change.kind == "step_notes":  # ids: ("step_notes.3",)
        number = change.ids[0].rpartition(".")[2] if change.ids else ""
        return int(number) if number.isdigit() else None
    refined = STEP_OF.get((change.kind, change.attribute))
    return refined if refined is not None else STEP_OF.get(change.kind)


def first_shown(changes: Iterable[Change]) -> tuple[int, Change] | None:
    """The first change some step shows, with that step."""
    for change in changes:
        number = step_of(change)
        if number is not None:
            return number, change
    return None
