"""Undo commands for criteria, alternatives and scores (steps 3 to 5): thin wrappers, each
one ``EditCommand`` over a domain edit of ``sixstep.edits`` (the rules live there).

A command is checked when it is built: a refused edit raises ValueError (``RuleError``) from
the constructor, before anything is pushed, and leaves the case as it was.
"""

from __future__ import annotations

from typing import Any

from sixstep.case import Case
from sixstep.edits.alternatives import (
    AddAlternative,
    EliminateAlternative,
    MergeAlternatives,
    MoveAlternative,
    RemoveAlternative,
    RestoreAlternative,
    SetAlternativeCauses,
    SetAlternativeText,
    new_alternative_id,
)
from sixstep.edits.base import Edit
from sixstep.edits.criteria import (
    AddCriterion,
    ApplyWeights,
    MoveCriterion,
    RemoveCriterion,
    SetCriterionKind,
    SetCriterionText,
    SetCriterionWeight,
    new_criterion_id,
)
from sixstep.edits.scores import SetScore
from sixstep.edits.setup import (  # noqa: F401 - the setup dialog and tests read these here
    ChangeScoringSetup,
    new_participant_id,
    scores_given,
    scores_outside,
)
from ui.document.commands import EditCommand
from ui.document.document import CaseDocument


def checked(case: Case, edit: Edit) -> Edit:
    """``edit``, refused now (ValueError) when ``case`` would refuse it: it is tried and
    undone at once, with the change stream blocked, so nothing is told and nothing stays."""
    with case.changes.blocked():
        edit.apply(case).inverse.apply(case)
    return edit


def command(doc: CaseDocument, edit: Edit, label: str = "") -> EditCommand:
    """An undo command for ``edit``, checked now."""
    return EditCommand(doc.case, checked(doc.case, edit), label)


# -- scores -----------------------------------------------------------------------------------

class SetScoreCommand(EditCommand):
    """Set one participant's score in one cell, or clear it (``value`` None)."""

    def __init__(self, doc: CaseDocument, alternative_id: str, criterion_id: str,
                 value: bool | float | None, participant: str | None = None) -> None:
        edit = SetScore(alternative_id, criterion_id, value, participant)
        edit.check(doc.case)  # what applying would refuse, without a trial run over the scores
        super().__init__(doc.case, edit)


# -- alternatives -----------------------------------------------------------------------------

class AddAlternativeCommand(EditCommand):
    """A new open alternative with a fresh id (``alternative_id``), taken when it is built."""

    def __init__(self, doc: CaseDocument, name: str, index: int | None = None) -> None:
        new_id = new_alternative_id(doc.case)
        super().__init__(doc.case, checked(doc.case, AddAlternative(name, index, new_id)))
        self.alternative_id = new_id


def add_alternative_command(doc: CaseDocument, name: str,
                            index: int | None = None) -> AddAlternativeCommand:
    return AddAlternativeCommand(doc, name, index)


def move_alternative_command(doc: CaseDocument, source: int, target: int) -> EditCommand:
    return command(doc, MoveAlternative(doc.case.alternatives[source].id, target))


def set_alternative_field_command(doc: CaseDocument, alternative_id: str, attribute: str,
                                  value: Any, merge: bool = True) -> EditCommand:
    """Name, strengths, weaknesses, cost, benefit (typing merges) or addresses."""
    if attribute == "addresses":
        return command(doc, SetAlternativeCauses(alternative_id, tuple(value)))
    return command(doc, SetAlternativeText(alternative_id, attribute, value, merge))


class RemoveAlternativeCommand(EditCommand):
    """Delete an alternative with its scores and its place in the selection; alternatives
    merged into it are opened again."""

    def __init__(self, doc: CaseDocument, alternative_id: str) -> None:
        super().__init__(doc.case, checked(doc.case, RemoveAlternative(alternative_id)))


class EliminateAlternativeCommand(EditCommand):
    """Set an open alternative aside, saying why."""

    def __init__(self, doc: CaseDocument, alternative_id: str, reason: str) -> None:
        edit = EliminateAlternative(alternative_id, reason)
        super().__init__(doc.case, checked(doc.case, edit))


class RestoreAlternativeCommand(EditCommand):
    """Bring an eliminated or merged alternative back into the evaluation."""

    def __init__(self, doc: CaseDocument, alternative_id: str) -> None:
        super().__init__(doc.case, checked(doc.case, RestoreAlternative(alternative_id)))


class MergeAlternativesCommand(EditCommand):
    """Fold similar alternatives into one (``sixstep.edits.alternatives`` says what carries)."""

    def __init__(self, doc: CaseDocument, source_ids: list[str], target_id: str) -> None:
        edit = MergeAlternatives(tuple(source_ids), target_id)
        super().__init__(doc.case, checked(doc.case, edit))


# -- criteria ---------------------------------------------------------------------------------

class AddCriterionCommand(EditCommand):
    """A new criterion with a fresh id (``criterion_id``), taken when it is built; a must
    takes no weight."""

    def __init__(self, doc: CaseDocument, name: str, kind: str = "want",
                 weight: float | None = None, index: int | None = None) -> None:
        new_id = new_criterion_id(doc.case)
        edit = AddCriterion(name, kind, None if kind == "must" else weight, index, new_id)
        super().__init__(doc.case, checked(doc.case, edit))
        self.criterion_id = new_id


def add_criterion_command(doc: CaseDocument, name: str, kind: str = "want",
                          weight: float | None = None,
                          index: int | None = None) -> AddCriterionCommand:
    return AddCriterionCommand(doc, name, kind, weight, index)


def move_criterion_command(doc: CaseDocument, source: int, target: int) -> EditCommand:
    return command(doc, MoveCriterion(doc.case.criteria[source].id, target))


def set_criterion_field_command(doc: CaseDocument, criterion_id: str, attribute: str,
                                value: Any, merge: bool = False) -> EditCommand:
    """Name, description (typing merges when ``merge``), weight or kind."""
    if attribute == "kind":
        return SetCriterionKindCommand(doc, criterion_id, value)
    if attribute == "weight":
        return command(doc, SetCriterionWeight(criterion_id, value))
    return command(doc, SetCriterionText(criterion_id, attribute, value, merge))


class SetCriterionKindCommand(EditCommand):
    """Make a criterion a must or a want: a must loses its weight, and the criterion's scores
    go in the same undo step."""

    def __init__(self, doc: CaseDocument, criterion_id: str, kind: str) -> None:
        super().__init__(doc.case, checked(doc.case, SetCriterionKind(criterion_id, kind)))


class RemoveCriterionCommand(EditCommand):
    """Delete a criterion and every score given against it."""

    def __init__(self, doc: CaseDocument, criterion_id: str) -> None:
        super().__init__(doc.case, checked(doc.case, RemoveCriterion(criterion_id)))


class ApplyWeightsCommand(EditCommand):
    """Give several want criteria new weights at once (proposed weights): one undo step."""

    def __init__(self, doc: CaseDocument, weights: dict[str, float],
                 label: str = "Apply proposed weights") -> None:
        edit = ApplyWeights(tuple(weights.items()), label)
        super().__init__(doc.case, checked(doc.case, edit))


# -- scoring setup: the scale and the participants --------------------------------------------

class ChangeScoringSetupCommand(EditCommand):
    """The score scale and the participants as one undo step ("Change scoring setup").

    ``people`` lists ``(id, name)`` in the new order. ``changed`` is False when nothing would
    change (do not push it).
    """

    def __init__(self, doc: CaseDocument, low: float, high: float,
                 people: list[tuple[str, str]], clamp: bool = False) -> None:
        edit = ChangeScoringSetup(low, high, tuple(people), clamp)
        super().__init__(doc.case, checked(doc.case, edit))
        self.changed = edit.changes_anything(doc.case)
