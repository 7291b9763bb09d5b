"""The cause-and-effect diagram: categories (the bones) and a forest of causes under them."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fishbone.changes import Change, ChangeKind, ChangeStream, Listener

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["DIAGRAM_KINDS", "MAX_VOTES", "STATUSES", "Category", "Cause", "Change", "Diagram",
           "DiagramError", "RemovedSubtree", "check_cause_value", "votes_problem"]

STATUSES: tuple[str, ...] = ("possible", "confirmed", "ruled_out")

DEFAULT_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("equipment", "Equipment"),
    ("systems", "Systems"),
    ("processes", "Processes"),
    ("people", "People"),
    ("environment", "Environment"),
)

PRESETS: dict[str, tuple[tuple[str, str], ...]] = {
    "Course (5 headings)": DEFAULT_CATEGORIES,
    "6M (manufacturing)": (
        ("machine", "Machine"),
        ("method", "Method"),
        ("material", "Material"),
        ("manpower", "Manpower"),
        ("measurement", "Measurement"),
        ("mother_nature", "Mother Nature"),
    ),
    "4S (service)": (
        ("surroundings", "Surroundings"),
        ("suppliers", "Suppliers"),
        ("systems", "Systems"),
        ("skills", "Skills"),
    ),
    "8P (marketing)": (
        ("product", "Product"),
        ("price", "Price"),
        ("place", "Place"),
        ("promotion", "Promotion"),
        ("people", "People"),
        ("process", "Process"),
        ("physical_evidence", "Physical evidence"),
        ("productivity", "Productivity"),
    ),
}


class DiagramError(ValueError):
    """An operation that would break the diagram (unknown id, a cycle, a duplicate)."""


@dataclass
class Category:
    """A main bone: a heading under which causes are grouped."""

    id: str
    name: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Cause:
    """One possible cause; ``parent`` is None for a cause sitting on its category's bone."""

    id: str
    category: str
    parent: str | None
    text: str
    status: str = "possible"
    root_cause: bool = False
    votes: int = 0
    notes: str = ""
    collapsed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RemovedSubtree:
    """What ``remove_cause`` took out, in file order with each cause's list index: undo needs it."""

    entries: tuple[tuple[int, Cause], ...]


_EDITABLE = {"text", "status", "root_cause", "votes", "notes", "collapsed"}

# The change kinds the diagram's verbs tell (the rest of the stream is the six-step case's).
DIAGRAM_KINDS: frozenset[str] = frozenset(
    {"effect", "categories", "cause_added", "cause_removed", "cause_moved", "cause_changed"})


_SERIALS = itertools.count(1)  # each Diagram's own number, never reused while the app runs

MAX_VOTES = 1_000_000  # the most votes (dots) one cause may hold
VOTES_RULE = f"Votes are a whole number from 0 to {MAX_VOTES:,}."


def votes_problem(value: Any) -> str | None:
    """The votes rule, written once (``sixstep.rules.check_votes`` tells it to the case's
    edits and the file loader): a whole number from 0 to MAX_VOTES. None when ``value``
    keeps it, else the sentence saying why not."""
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_VOTES:
        return VOTES_RULE
    return None


def check_cause_value(attribute: str, value: Any) -> None:
    """The diagram's own guard on one field of a cause: the right type, a known status, and
    votes by the votes rule (``votes_problem``)."""
    if attribute not in _EDITABLE:
        raise DiagramError(f"cannot set {attribute!r} on a cause")
    if attribute == "status":
        if value not in STATUSES:
            raise DiagramError(f"unknown status {value!r}")
    elif attribute == "votes":
        problem = votes_problem(value)
        if problem is not None:
            raise DiagramError(problem)
    elif attribute in ("root_cause", "collapsed"):
        if not isinstance(value, bool):
            raise DiagramError(f"{attribute} is true or false")
    elif not isinstance(value, str):
        raise DiagramError(f"{attribute} is text")


class Diagram:
    """The fishbone: an effect, ordered categories and causes kept in one ordered list.

    The order of ``causes`` is the file order; siblings appear in it in display order.
    """

    def __init__(
        self,
        effect: str = "",
        categories: Iterable[Category] | None = None,
        causes: Iterable[Cause] = (),
    ) -> None:
        self.effect = effect
        if categories is None:
            categories = [Category(cid, name) for cid, name in DEFAULT_CATEGORIES]
        self.categories: list[Category] = list(categories)
        self.causes: list[Cause] = list(causes)
        self.extra: dict[str, Any] = {}  # keys from a file that this version does not know
        self.changes = ChangeStream()  # the case's one stream (``Case.changes`` is this one)
        self._index: dict[str, Cause] | None = None
        # What a layout cache may trust: this diagram's number, a clock that ticks on every
        # verb, when the headings last changed and when each heading's causes last did.
        self._serial = next(_SERIALS)
        self._clock = 0
        self._headings_at = 0
        self._touched_at: dict[str, int] = {}

    # -- listeners -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self.changes.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self.changes.unsubscribe(listener)

    def _emit(self, kind: ChangeKind, ids: Iterable[str] = (), attribute: str = "") -> None:
        self._index = None
        self.changes.emit(Change(kind, tuple(ids), attribute))

    def _touch(self, category_ids: Iterable[str] = (), headings: bool = False) -> None:
        """A verb changed the causes under these headings (or the headings themselves)."""
        self._clock += 1
        if headings:
            self._headings_at = self._clock
        for category_id in category_ids:
            self._touched_at[category_id] = self._clock

    def stamp(self, category_id: str) -> tuple[int, int, int]:
        """Equal stamps mean the heading and every cause under it are as they were: nothing
        changed them through this diagram's verbs (a layout cache reuses its bone). Code
        that changes a ``Cause`` object directly, not through a verb, is not seen here."""
        return self._serial, self._headings_at, self._touched_at.get(category_id, 0)

    # -- queries -----------------------------------------------------------------------------
    def _lookup(self) -> dict[str, Cause]:
        if self._index is None:
            self._index = {c.id: c for c in self.causes}
        return self._index

    def cause(self, cause_id: str) -> Cause:
        try:
            return self._lookup()[cause_id]
        except KeyError:
            raise DiagramError(f"no cause with id {cause_id!r}") from None

    def has_cause(self, cause_id: str) -> bool:
        return cause_id in self._lookup()

    def category(self, category_id: str) -> Category:
        for cat in self.categories:
            if cat.id == category_id:
                return cat
        raise DiagramError(f"no category with id {category_id!r}")

    def has_category(self, category_id: str) -> bool:
        return any(c.id == category_id for c in self.categories)

    def category_index(self, category_id: str) -> int:
        for i, cat in enumerate(self.categories):
            if cat.id == category_id:
                return i
        raise DiagramError(f"no category with id {category_id!r}")

    def children(self, category_id: str, parent_id: str | None = None) -> list[Cause]:
        """Causes directly under ``parent_id`` (or on the category bone when None), in order."""
        if parent_id is None:
            return [c for c in self.causes if c.parent is None and c.category == category_id]
        return [c for c in self.causes if c.parent == parent_id]

    def children_map(self) -> dict[str | None, dict[str, list[Cause]]]:
        """One pass over the causes: ``{parent_id: {category_id: [children...]}}``."""
        result: dict[str | None, dict[str, list[Cause]]] = {}
        for c in self.causes:
            result.setdefault(c.parent, {}).setdefault(c.category, []).append(c)
        return result

    def subtree(self, cause_id: str) -> list[Cause]:
        """The cause and all its descendants, in file order."""
        self.cause(cause_id)
        wanted = {cause_id}
        changed = True
        while changed:
            changed = False
            for c in self.causes:
                if c.parent in wanted and c.id not in wanted:
                    wanted.add(c.id)
                    changed = True
        return [c for c in self.causes if c.id in wanted]

    def path(self, cause_id: str) -> list[Cause]:
        """From the top-level cause down to ``cause_id``."""
        chain = [self.cause(cause_id)]
        seen = {cause_id}
        while chain[-1].parent is not None:
            parent = self.cause(chain[-1].parent)
            if parent.id in seen:
                raise DiagramError(f"cycle through cause {parent.id!r}")
            seen.add(parent.id)
            chain.append(parent)
        chain.reverse()
        return chain

    def depth(self, cause_id: str) -> int:
        """1 for a cause on a main bone, 2 for its sub-cause, and so on."""
        return len(self.path(cause_id))

    def graph(self) -> nx.DiGraph:
        """Parent -> child edges among causes (plus category nodes as ``cat:<id>`` roots).

        networkx is imported here, on first use: it costs more start-up time than Qt does.
        """
        import networkx as nx

        g = nx.DiGraph()
        for cat in self.categories:
            g.add_node(f"cat:{cat.id}")
        for c in self.causes:
            g.add_node(c.id)
            g.add_edge(f"cat:{c.category}" if c.parent is None else c.parent, c.id)
        return g

    def is_descendant(self, cause_id: str, ancestor_id: str) -> bool:
        return cause_id != ancestor_id and ancestor_id in {c.id for c in self.path(cause_id)}

    def next_cause_id(self) -> str:
        """A fresh id: ``c`` plus one more than the largest number used so far."""
        best = 0
        for c in self.causes:
            if c.id.startswith("c") and c.id[1:].isdigit():
                best = max(best, int(c.id[1:]))
        candidate = best + 1
        ids = self._lookup()
        while f"c{candidate}" in ids:
            candidate += 1
        return f"c{candidate}"

    def root_causes(self) -> list[Cause]:
        return [c for c in self.causes if c.root_cause]

    # -- cause edits -------------------------------------------------------------------------
    def _list_position(self, category_id: str, parent_id: str | None, index: int | None) -> int:
        """Where in ``causes`` a new sibling at ``index`` among its siblings goes."""
        siblings = self.children(category_id, parent_id)
        if index is None or index >= len(siblings):
            if siblings:
                last = self.subtree(siblings[-1].id)[-1]
                return self.causes.index(last) + 1
            if parent_id is not None:
                return self.causes.index(self.cause(parent_id)) + 1
            return len(self.causes)
        return self.causes.index(siblings[max(index, 0)])

    def add_cause(self, cause: Cause, index: int | None = None) -> Cause:
        """Add ``cause`` as the ``index``-th child of its parent (at the end when None)."""
        if self.has_cause(cause.id):
            raise DiagramError(f"a cause with id {cause.id!r} already exists")
        if not self.has_category(cause.category):
            raise DiagramError(f"no category with id {cause.category!r}")
        if cause.parent is not None:
            parent = self.cause(cause.parent)
            cause.category = parent.category
        for attribute in ("status", "votes"):
            check_cause_value(attribute, getattr(cause, attribute))
        pos = self._list_position(cause.category, cause.parent, index)
        self.causes.insert(pos, cause)
        self._touch((cause.category,))
        self._emit("cause_added", [cause.id])
        return cause

    def remove_cause(self, cause_id: str) -> RemovedSubtree:
        """Remove a cause and its whole subtree; the result lets ``restore`` put them back."""
        doomed = {c.id for c in self.subtree(cause_id)}
        entries = tuple((i, c) for i, c in enumerate(self.causes) if c.id in doomed)
        self.causes = [c for c in self.causes if c.id not in doomed]
        self._touch({c.category for _, c in entries})
        self._emit("cause_removed", [c.id for _, c in entries])
        return RemovedSubtree(entries)

    def remove_causes(self, cause_ids: Iterable[str]) -> RemovedSubtree:
        """Remove exactly these causes in one pass (thousands at once: the undo of an import);
        none of the causes left may hang under them. ``restore`` puts them back."""
        doomed = set(cause_ids)
        lookup = self._lookup()
        unknown = next((i for i in doomed if i not in lookup), None)
        if unknown is not None:
            raise DiagramError(f"no cause with id {unknown!r}")
        orphan = next((c for c in self.causes if c.parent in doomed and c.id not in doomed),
                      None)
        if orphan is not None:
            raise DiagramError(f"cause {orphan.id!r} would lose its parent {orphan.parent!r}")
        entries = tuple((i, c) for i, c in enumerate(self.causes) if c.id in doomed)
        self.causes = [c for c in self.causes if c.id not in doomed]
        self._touch({c.category for _, c in entries})
        self._emit("cause_removed", [c.id for _, c in entries])
        return RemovedSubtree(entries)

    def restore(self, removed: RemovedSubtree) -> None:
        """Undo a ``remove_cause``: every cause goes back to its old list index."""
        for index, cause in removed.entries:
            self.causes.insert(index, cause)
        self._touch({c.category for _, c in removed.entries})
        self._emit("cause_added", [c.id for _, c in removed.entries])

    def sibling_index(self, cause_id: str) -> int:
        c = self.cause(cause_id)
        return [s.id for s in self.children(c.category, c.parent)].index(cause_id)

    def move_cause(
        self,
        cause_id: str,
        category_id: str,
        parent_id: str | None,
        index: int | None = None,
    ) -> None:
        """Move a cause (with its subtree) under another parent or category, at ``index``."""
        cause = self.cause(cause_id)
        if parent_id is not None:
            if parent_id == cause_id or self.is_descendant(parent_id, cause_id):
                raise DiagramError("a cause cannot move under itself or its own sub-causes")
            category_id = self.cause(parent_id).category
        if not self.has_category(category_id):
            raise DiagramError(f"no category with id {category_id!r}")
        block = self.subtree(cause_id)
        self._touch((cause.category, category_id))
        block_ids = {c.id for c in block}
        self.causes = [c for c in self.causes if c.id not in block_ids]
        self._index = None
        cause.parent = parent_id
        for c in block:
            c.category = category_id
        pos = self._list_position(category_id, parent_id, index)
        self.causes[pos:pos] = block
        self._emit("cause_moved", [c.id for c in block])

    def set_cause(self, cause_id: str, attribute: str, value: Any) -> Any:
        """Set one editable attribute; returns the old value."""
        return self.set_causes(attribute, {cause_id: value})[cause_id]

    def set_causes(self, attribute: str, values: dict[str, Any]) -> dict[str, Any]:
        """Set one editable attribute of several causes (cause id -> value) with one change
        note for all of them; returns the old values. Nothing changes if any is refused."""
        if attribute not in _EDITABLE:
            raise DiagramError(f"cannot set {attribute!r} on a cause")
        for value in values.values():
            check_cause_value(attribute, value)
        causes = {cause_id: self.cause(cause_id) for cause_id in values}
        old = {cause_id: getattr(cause, attribute) for cause_id, cause in causes.items()}
        for cause_id, cause in causes.items():
            setattr(cause, attribute, values[cause_id])
        self._touch({cause.category for cause in causes.values()})
        self._emit("cause_changed", list(values), attribute)
        return old

    def set_effect(self, text: str) -> str:
        old, self.effect = self.effect, text
        self._touch()
        self._emit("effect", ["effect"])
        return old

    # -- category edits ----------------------------------------------------------------------
    def add_category(self, category: Category, index: int | None = None) -> None:
        if self.has_category(category.id):
            raise DiagramError(f"a category with id {category.id!r} already exists")
        self.categories.insert(len(self.categories) if index is None else index, category)
        self._touch(headings=True)
        self._emit("categories", [category.id])

    def rename_category(self, category_id: str, name: str) -> str:
        cat = self.category(category_id)
        old, cat.name = cat.name, name
        self._touch(headings=True)
        self._emit("categories", [category_id])
        return old

    def remove_category(self, category_id: str) -> tuple[int, Category, RemovedSubtree]:
        """Remove a heading and every cause under it."""
        index = self.category_index(category_id)
        doomed = {c.id for c in self.causes if c.category == category_id}
        entries = tuple((i, c) for i, c in enumerate(self.causes) if c.id in doomed)
        self.causes = [c for c in self.causes if c.id not in doomed]
        category = self.categories.pop(index)
        self._touch(headings=True)
        self._emit("categories", [category_id])
        return index, category, RemovedSubtree(entries)

    def restore_category(self, index: int, category: Category, removed: RemovedSubtree) -> None:
        self.categories.insert(index, category)
        for i, cause in removed.entries:
            self.causes.insert(i, cause)
        self._touch(headings=True)
        self._emit("categories", [category.id])

    def move_category(self, category_id: str, index: int) -> int:
        old = self.category_index(category_id)
        cat = self.categories.pop(old)
        self.categories.insert(index, cat)
        self._touch(headings=True)
        self._emit("categories", [category_id])
        return old

    def new_category_id(self, name: str, taken: Iterable[str] = ()) -> str:
        """An id made from ``name``, free in the diagram and not in ``taken``."""
        base = "".join(ch if ch.isalnum() else "_" for ch in name.strip().lower()).strip("_")
        base = base or "category"
        busy = set(taken)
        candidate, n = base, 2
        while self.has_category(candidate) or candidate in busy:
            candidate, n = f"{base}_{n}", n + 1
        return candidate

    def find_category(self, name: str) -> Category | None:
        """A category by name or id, ignoring case and surrounding spaces."""
        wanted = name.strip().casefold()
        for cat in self.categories:
            if cat.name.strip().casefold() == wanted or cat.id.casefold() == wanted:
                return cat
        return None
