"""An imported or pasted outline as one case verb: a ``MergePlan`` (new headings, then causes
parents first, the effect if the diagram had none) applied in one step, with an exact inverse.

Thousands of causes go in at once: the cause list is extended once, at its end (each new cause
is then last among its siblings, as the plan says), and the stream hears one change per kind.
The inverse takes the same causes and headings off the ends of the lists again, so undo gives
the file back byte for byte.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import ClassVar

from fishbone.changes import Change
from fishbone.model import Category, Cause, RemovedSubtree
from sixstep.case import Case
from sixstep.edits.base import Applied, Edit, EditError, done
from sixstep.edits.cause_checks import ATTRIBUTE_LABELS, check_cause_attribute, find_cause
from sixstep.interchange.build import MergePlan
from sixstep.rules import check_text

IMPORT_TITLE = "Import causes"
PASTE_TITLE = "Paste causes"


@dataclass(frozen=True)
class ImportCauses(Edit):
    """Apply ``plan`` (``sixstep.interchange.merge_into`` or ``paste_plan``) as one step.

    ``title`` is the undo text, always one of ours (never user text)."""

    label: ClassVar[str] = IMPORT_TITLE
    plan: MergePlan
    title: str = IMPORT_TITLE

    def describe(self) -> str:
        return self.title

    def apply(self, case: Case) -> Applied:
        d, plan = case.fishbone, self.plan
        if not isinstance(plan, MergePlan):
            raise EditError("There is nothing to import.")
        if plan.effect is None and not plan.categories and not plan.causes:
            raise EditError("There is nothing to import.")
        effect = None if plan.effect is None else check_text(plan.effect, "The effect")
        headings = _checked_headings(case, plan.categories)
        causes = _checked_causes(case, plan.causes, {c.id for c in d.categories} | headings.keys())
        before = d.effect
        with case.changes.blocked():
            if effect is not None:
                d.set_effect(effect)
            for heading in headings.values():
                d.add_category(heading)
            d.restore(RemovedSubtree(tuple(enumerate(causes.values(), len(d.causes)))))
        changes: list[Change] = []
        if effect is not None:
            changes.append(Change("effect", ("effect",)))
        if headings:
            changes.append(Change("categories", tuple(headings)))
        if causes:
            changes.append(Change("cause_added", tuple(causes)))
        inverse = RemoveImported(before if effect is not None else None, tuple(headings),
                                 tuple(causes), self.title)
        return done(case, inverse, *changes)


def _checked_headings(case: Case, categories: tuple[Category, ...]) -> dict[str, Category]:
    """The new headings (copies), by id, each checked."""
    d = case.fishbone
    headings: dict[str, Category] = {}
    for heading in categories:
        if not isinstance(heading, Category) or not isinstance(heading.id, str) or not heading.id:
            raise EditError("A heading needs an id.")
        if d.has_category(heading.id) or heading.id in headings:
            raise EditError(f"There is a heading with the id {heading.id!r} already.")
        name = check_text(heading.name, "A heading's name")
        headings[heading.id] = Category(heading.id, name, copy.deepcopy(heading.extra))
    return headings


def _checked_causes(case: Case, entries: tuple[tuple[str, str | None, Cause], ...],
                    headings: set[str]) -> dict[str, Cause]:
    """The new causes (copies under their parents' headings), by id, in order, each checked:
    a fresh id, a known heading, a parent already in the diagram or earlier in the plan."""
    d = case.fishbone
    causes: dict[str, Cause] = {}
    for category_id, parent_id, cause in entries:
        if not isinstance(cause, Cause) or not isinstance(cause.id, str) or not cause.id:
            raise EditError("A cause needs an id.")
        if cause.id in causes or d.has_cause(cause.id):
            raise EditError(f"There is a cause with the id {cause.id!r} already.")
        if parent_id is None:
            if category_id not in headings:
                raise EditError(f"There is no heading with the id {category_id!r}.")
            category = category_id
        elif isinstance(parent_id, str) and parent_id in causes:
            category = causes[parent_id].category
        else:
            category = find_cause(d, parent_id).category
        check_text(cause.text, "A cause's text")
        for attribute in ATTRIBUTE_LABELS:
            check_cause_attribute(attribute, getattr(cause, attribute))
        causes[cause.id] = replace(cause, category=category, parent=parent_id,
                                   extra=copy.deepcopy(cause.extra))
    return causes


@dataclass(frozen=True)
class RemoveImported(Edit):
    """Undo of ``ImportCauses``: its causes and headings, the last ones in the lists, taken
    out again, and the effect as it was (``effect`` None: the import left it alone)."""

    label: ClassVar[str] = IMPORT_TITLE
    effect: str | None
    heading_ids: tuple[str, ...]
    cause_ids: tuple[str, ...]
    title: str = IMPORT_TITLE

    def describe(self) -> str:
        return self.title

    def apply(self, case: Case) -> Applied:
        d = case.fishbone
        gone, headings = set(self.cause_ids), set(self.heading_ids)
        last_causes = d.causes[len(d.causes) - len(self.cause_ids):]
        last_headings = d.categories[len(d.categories) - len(self.heading_ids):]
        if ([c.id for c in last_causes] != list(self.cause_ids)
                or [h.id for h in last_headings] != list(self.heading_ids)):
            raise EditError("The imported causes have changed since the import.")
        for cause in d.causes:
            if cause.id not in gone and (cause.parent in gone or cause.category in headings):
                raise EditError("Other causes hang under the imported ones now.")
        if any(gone.intersection(a.addresses) for a in case.alternatives):
            raise EditError("An alternative addresses an imported cause.")
        effect = None if self.effect is None else check_text(self.effect, "The effect")
        with case.changes.blocked():
            removed = d.remove_causes(self.cause_ids).entries if gone else ()
            taken = [d.remove_category(h)[1] for h in reversed(self.heading_ids)]
            imported_effect = d.set_effect(effect) if effect is not None else None
        taken.reverse()
        plan = MergePlan(imported_effect, tuple(taken),
                         tuple((c.category, c.parent, c) for _, c in removed))
        changes: list[Change] = []
        if removed:
            changes.append(Change("cause_removed", self.cause_ids))
        if taken:
            changes.append(Change("categories", self.heading_ids))
        if effect is not None:
            changes.append(Change("effect", ("effect",)))
        return done(case, ImportCauses(plan, self.title), *changes)
