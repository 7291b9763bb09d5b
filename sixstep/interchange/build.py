"""From an imported outline to the fishbone: a new diagram, or the plan for adding it to an
existing one (headings matched by name, new ones added) as plain data for one undo step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fishbone.model import DEFAULT_CATEGORIES, Category, Cause, Diagram
from sixstep.interchange.errors import MAX_HEADINGS, InterchangeError
from sixstep.interchange.outline import Node, Outline, as_outline, walk

_DEFAULT_BY_NAME = {name.casefold(): (cid, name) for cid, name in DEFAULT_CATEGORIES}


@dataclass(frozen=True)
class MergePlan:
    """What adding an outline to a diagram means; applying it in order keeps parents first.

    ``effect`` is set only when the diagram had none; ``categories`` are new headings, to
    append in order; each cause names its category and parent (an existing cause, one added
    earlier in ``causes``, or None for a cause on the bone) and goes last among its siblings.
    """

    effect: str | None
    categories: tuple[Category, ...]
    causes: tuple[tuple[str, str | None, Cause], ...]


def cause_ids(diagram: Diagram) -> Iterator[str]:
    """Fresh ids after ``Diagram.next_cause_id``, skipping any already used."""
    taken = {c.id for c in diagram.causes}
    number = int(diagram.next_cause_id()[1:])
    while True:
        if f"c{number}" not in taken:
            yield f"c{number}"
        number += 1


def merge_into(diagram: Diagram, imported: Diagram | Outline) -> MergePlan:
    """Plan adding ``imported`` to ``diagram`` without changing either."""
    return _plan(diagram, as_outline(imported), canonical=False)


def paste_plan(diagram: Diagram, imported: Diagram | Outline, category_id: str,
               parent_id: str | None = None) -> MergePlan:
    """Plan adding every heading and cause of ``imported`` as causes under one place: the
    bone of ``category_id`` or the cause ``parent_id``. The imported effect is left out."""
    diagram.category(category_id)
    if parent_id is not None:
        category_id = diagram.cause(parent_id).category
    ids = cause_ids(diagram)
    causes: list[tuple[str, str | None, Cause]] = []
    parents: dict[int, str | None] = {}
    _add_causes(as_outline(imported).headings, category_id, parent_id, ids, causes, parents)
    return MergePlan(None, (), tuple(causes))


def merged(diagram: Diagram, plan: MergePlan) -> Diagram:
    """A new diagram: ``diagram`` with ``plan`` applied (the records are shared, not copied)."""
    result = Diagram(
        plan.effect if plan.effect is not None else diagram.effect,
        [*diagram.categories, *plan.categories],
        [*diagram.causes, *(cause for _, _, cause in plan.causes)],
    )
    result.extra = dict(diagram.extra)
    return result


def diagram_from_outline(outline: Outline) -> Diagram:
    """A new diagram. Headings named like the course's default ones get their ids and names;
    with no headings at all the diagram keeps the default five."""
    if not outline.headings:
        return Diagram(outline.effect)
    return merged(Diagram("", []), _plan(Diagram("", []), outline, canonical=True))


def _plan(diagram: Diagram, outline: Outline, canonical: bool) -> MergePlan:
    scratch = Diagram("", [Category(c.id, c.name) for c in diagram.categories])
    new: list[Category] = []
    ids = cause_ids(diagram)
    causes: list[tuple[str, str | None, Cause]] = []
    parents: dict[int, str | None] = {}
    for heading in outline.headings:
        category = scratch.find_category(heading.text) if heading.text.strip() else None
        if category is None:
            if len(new) >= MAX_HEADINGS:
                raise InterchangeError(f"more than {MAX_HEADINGS} headings", heading.line)
            cid, name = _DEFAULT_BY_NAME.get(heading.text.strip().casefold(), ("", ""))
            if not canonical or not cid or scratch.has_category(cid):
                cid, name = scratch.new_category_id(heading.text), heading.text.strip()
            category = Category(cid, name)
            scratch.add_category(category)
            new.append(category)
        _add_causes(heading.children, category.id, None, ids, causes, parents)
    effect = outline.effect if not diagram.effect.strip() and outline.effect.strip() else None
    return MergePlan(effect, tuple(new), tuple(causes))


def _add_causes(nodes: list[Node], category_id: str, parent_id: str | None, ids: Iterator[str],
                out: list[tuple[str, str | None, Cause]], parents: dict[int, str | None]) -> None:
    """Causes for ``nodes`` and their subtrees, parents first; ``parents`` maps a node (by
    identity) to the id its children hang under."""
    top = {id(node) for node in nodes}
    for _, node in walk(nodes):
        parent = parent_id if id(node) in top else parents[id(node)]
        cause = Cause(next(ids), category_id, parent, node.text, node.status, node.root_cause,
                      node.votes, node.notes)
        out.append((category_id, parent, cause))
        for child in node.children:
            parents[id(child)] = cause.id
