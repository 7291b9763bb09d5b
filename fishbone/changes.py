"""One change stream for the whole case: typed change notes, weakly held listeners, batches.

Every verb of the diagram and of the case tells the stream what it changed, as a ``Change``
whose ``kind`` comes from the closed set ``CHANGE_KINDS``; views refresh by kind and id.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal, get_args

ChangeKind = Literal[
    # the fishbone
    "effect",  # ids: ("effect",)
    "categories",  # ids: the headings added, renamed, moved or removed
    "cause_added",  # ids: the causes put in (a whole subtree on undo of a remove)
    "cause_removed",  # ids: the causes taken out
    "cause_moved",  # ids: the moved cause and its subtree
    "cause_changed",  # ids: the causes; attribute: the field
    # the rest of the case (plain fields and lists: ids name the field path, "problem.terms")
    "title",
    "problem",
    "research",
    "step_notes",
    "not_addressed",
    "selection",
    "criterion_added",
    "criterion_removed",
    "criterion_moved",
    "criterion_changed",  # attribute: name | description | weight | kind
    "alternative_added",
    "alternative_removed",
    "alternative_moved",
    "alternative_changed",  # attribute: name | strengths | ... | addresses (no effect on rank)
    "alternative_status",  # open / eliminated / merged: which alternatives are ranked
    "scores",  # ids: the alternatives whose cells changed
    "score_scale",
    "participants",
    # the room (issue 8)
    "workshop",  # ids: the fields set ("date", "facilitator", "place")
    "dots",  # ids: the causes whose dots changed (their votes change too: cause_changed)
    "dot_settings",  # budget, cap, anonymous mode
    "relations",  # ids: the causes at either end of the arrows drawn or removed
    "parking_lot",  # ids: the list positions touched, as text; attribute: the field
    "blind",  # blind scoring on or off, revealed or hidden
    "timers",  # ids: the steps whose timer preset changed ("1".."6")
    # room mode (issue 13)
    "room_ideas",  # ids: the room ideas received or taken out; attribute: what happened
]

CHANGE_KINDS: frozenset[str] = frozenset(get_args(ChangeKind))


@dataclass(frozen=True)
class Change:
    """What changed: ``kind`` names what the verb did, ``ids`` the things touched, and
    ``attribute`` the field, where one field changed."""

    kind: ChangeKind
    ids: tuple[str, ...] = ()
    attribute: str = ""

    def __post_init__(self) -> None:
        if self.kind not in CHANGE_KINDS:
            raise ValueError(f"unknown change kind {self.kind!r}")


Listener = Callable[[Change], None]


class ChangeStream:
    """Listeners hear every change. A bound method is held weakly (its object may go away
    without unsubscribing); other callables are held as given."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], Listener | None]] = []
        self._blocked = 0
        self._held: list[Change] | None = None

    def _ref(self, listener: Listener) -> Callable[[], Listener | None]:
        if hasattr(listener, "__self__") and hasattr(listener, "__func__"):
            return weakref.WeakMethod(listener)
        return lambda: listener

    def subscribe(self, listener: Listener, first: bool = False) -> None:
        """Hear every change from now on; ``first``: before the listeners already here (a
        cache the others read from must forget a stale value before they read it)."""
        self._listeners.insert(0 if first else len(self._listeners), self._ref(listener))

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners = [r for r in self._listeners if r() not in (None, listener)]

    def emit(self, change: Change) -> None:
        if self._blocked:
            return
        if self._held is not None:
            self._held.append(change)
            return
        alive = False
        for ref in list(self._listeners):
            listener = ref()
            if listener is None:
                alive = True
                continue
            listener(change)
        if alive:
            self._listeners = [r for r in self._listeners if r() is not None]

    @contextmanager
    def blocked(self) -> Iterator[None]:
        """Nobody hears of the changes made inside (the caller refreshes views itself)."""
        self._blocked += 1
        try:
            yield
        finally:
            self._blocked -= 1

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold the changes made inside and tell them once at the end, one note per kind and
        attribute with the ids of all of them (in first-seen order)."""
        if self._held is not None:  # already in a batch: the outer one tells
            yield
            return
        self._held = []
        try:
            yield
        finally:
            held, self._held = self._held, None
            for change in merge_changes(held):
                self.emit(change)


def merge_changes(changes: Iterable[Change]) -> list[Change]:
    """One change per (kind, attribute), ids joined without repeats, in first-seen order."""
    merged: dict[tuple[str, str], dict[str, None]] = {}
    for change in changes:
        merged.setdefault((change.kind, change.attribute), {}).update(
            dict.fromkeys(change.ids))
    return [Change(kind, tuple(ids), attribute)  # type: ignore[arg-type]
            for (kind, attribute), ids in merged.items()]
