"""The plain fields and lists of steps 1, 2, 3 and 6 as checked verbs, addressed by path.

A path names a place in the case: ``("problem", "question")`` a text field, ``("problem",
"terms")`` a list, ``("problem", "terms", 2, "definition")`` one field of one record, and
``("problem", "symptoms", 1)`` one line of a list of text. ``EDITABLE`` is the one table of
what may be edited and what each list holds; every other path is refused.

Every change is told as ``Change(<the section>, (<dotted path of the field or list>,),
<leaf field or "">)``, for example ``Change("problem", ("problem.terms",), "definition")``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, cast

from fishbone.changes import Change, ChangeKind
from sixstep.case import Action, Case, PreviousEffort, Term
from sixstep.edits.base import Applied, Edit, EditError, Sequence, done
from sixstep.rules import check_chosen, check_flag, check_technique, check_text

Path = tuple[str | int, ...]
Holds = Literal["text", "note", "texts", "records", "ids"]


@dataclass(frozen=True)
class Slot:
    """What one editable path holds.

    ``text``: a text field; ``note``: a text kept in ``step_notes`` (absent until written);
    ``texts``: a list of lines of text (with ``ticks``: the name of a parallel list of ticks,
    edited with it); ``records``: a list of ``record`` objects whose ``fields`` are text;
    ``ids``: a list of ids, each passing ``check_id(case, id)`` (the loader's rule too).
    """

    holds: Holds
    record: type | None = None
    fields: tuple[str, ...] = ()
    check_id: Callable[[Case, Any], str] | None = None
    ticks: str = ""


def _chosen(case: Case, value: Any) -> str:
    return check_chosen(value, {a.id for a in case.alternatives})


def _technique(case: Case, value: Any) -> str:
    return check_technique(value)


# The one table: every path the verbs below may edit, and what it holds.
EDITABLE: dict[tuple[str, ...], Slot] = {
    ("title",): Slot("text"),
    ("problem", "question"): Slot("text"),
    ("problem", "terms"): Slot("records", Term, ("term", "definition")),
    ("problem", "symptoms"): Slot("texts"),
    ("problem", "seriousness"): Slot("text"),
    ("problem", "effects"): Slot("texts"),
    ("research", "to_research"): Slot("texts", ticks="to_research_done"),
    ("research", "previous_efforts"): Slot("records", PreviousEffort,
                                           ("effort", "what_stopped_it")),
    ("research", "findings"): Slot("text"),
    ("research", "techniques"): Slot("ids", check_id=_technique),
    ("not_addressed",): Slot("texts"),
    ("selection", "chosen"): Slot("ids", check_id=_chosen),
    ("selection", "rationale"): Slot("text"),
    ("selection", "actions"): Slot("records", Action,
                                   ("action", "owner", "due", "success_measure", "follow_up")),
    ("selection", "review", "what_worked"): Slot("text"),
    ("selection", "review", "what_did_not"): Slot("text"),
    ("selection", "review", "what_next"): Slot("text"),
    **{("step_notes", str(n)): Slot("note") for n in range(1, 7)},
}


def dotted(path: Path) -> str:
    """``("problem", "terms")`` -> ``"problem.terms"``: the id a change names."""
    return ".".join(str(part) for part in path)


def touches(change: Change, path: Path) -> bool:
    """True when ``change`` is about the field or list at ``path`` (a key of ``EDITABLE``)."""
    return change.kind == path[0] and dotted(path) in change.ids


@dataclass(frozen=True)
class _Place:
    """A path taken apart: the table key, its slot, and the item index and field, if any."""

    base: tuple[str, ...]
    slot: Slot
    index: int | None = None
    field: str = ""

    def change(self, attribute: str = "") -> Change:
        return Change(cast(ChangeKind, self.base[0]), (dotted(self.base),), attribute)


def _is_index(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def locate(path: Path) -> _Place:
    """The place ``path`` names; EditError when the table does not allow it."""
    if not isinstance(path, tuple):
        raise EditError(f"A path is a tuple, not {path!r}.")
    for cut in range(len(path), 0, -1):
        base = tuple(p for p in path[:cut] if isinstance(p, str))
        slot = EDITABLE.get(base) if len(base) == cut else None
        if slot is None:
            continue
        rest = path[cut:]
        if not rest:
            return _Place(base, slot)
        if slot.holds == "texts" and len(rest) == 1 and _is_index(rest[0]):
            return _Place(base, slot, cast(int, rest[0]))
        if (slot.holds == "records" and len(rest) == 2 and _is_index(rest[0])
                and rest[1] in slot.fields):
            return _Place(base, slot, cast(int, rest[0]), str(rest[1]))
        break
    raise EditError(f"{dotted(path) if isinstance(path, tuple) else path!r} cannot be edited.")


def _list_place(path: Path) -> _Place:
    place = locate(path)
    if place.index is not None or place.slot.holds not in ("texts", "records", "ids"):
        raise EditError(f"{dotted(path)} is not a list.")
    return place


def _owner(case: Case, base: tuple[str, ...]) -> Any:
    owner: Any = case
    for name in base[:-1]:
        owner = getattr(owner, name)
    return owner


def read(case: Case, path: Path) -> Any:
    """The value at ``path``: a text, a list, or one item or field of a list."""
    place = locate(path)
    if place.slot.holds == "note":
        return case.step_notes.get(place.base[1], "")
    value = getattr(_owner(case, place.base), place.base[-1])
    if place.index is None:
        return value
    item = _item(value, place.index, place.base)
    return getattr(item, place.field) if place.field else item


def read_ticks(case: Case, path: Path) -> list[bool]:
    """The ticks beside the ticked list at ``path`` (may be shorter in an older file)."""
    place = _list_place(path)
    if not place.slot.ticks:
        return []
    return list(getattr(_owner(case, place.base), place.slot.ticks))


def _item(items: list[Any], index: int, base: tuple[str, ...]) -> Any:
    if not 0 <= index < len(items):
        raise EditError(f"{dotted(base)} has no item {index}.")
    return items[index]


def _check_item(case: Case, slot: Slot, item: Any) -> Any:
    """The item as a list of ``slot`` may hold it (the same rules as the file loader)."""
    if slot.holds == "texts":
        return check_text(item)
    if slot.holds == "ids":
        assert slot.check_id is not None
        return slot.check_id(case, item)
    assert slot.record is not None
    if not isinstance(item, slot.record):
        raise EditError(f"This list holds {slot.record.__name__} records.")
    for name in slot.fields:
        check_text(getattr(item, name))
    return item


def _ticks(case: Case, place: _Place) -> tuple[list[bool], list[bool] | None]:
    """The ticks beside a ticked list, made exactly as long as it (an older file may hold
    fewer), and the ticks as they were when they had to be made so. Call after the checks."""
    owner = _owner(case, place.base)
    items, ticks = getattr(owner, place.base[-1]), getattr(owner, place.slot.ticks)
    if len(ticks) == len(items):
        return ticks, None
    old = list(ticks)
    ticks[:] = [bool(t) for t in ticks[:len(items)]] + [False] * (len(items) - len(ticks))
    return ticks, old


def _undo(inverse: Edit, place: _Place, old_ticks: list[bool] | None) -> Edit:
    """``inverse``, then the ticks back as they were if a verb had to even them out."""
    if old_ticks is None:
        return inverse
    return Sequence((inverse, _SetTicks(place.base, tuple(old_ticks))), inverse.describe())


@dataclass(frozen=True)
class SetText(Edit):
    """Set the text at ``path``: a field, a step's note, a line of a list, or a record's
    field. Typing into one place merges into one undo step (unless ``merge`` is off)."""

    label: ClassVar[str] = "Edit text"
    path: Path
    value: str
    merge: bool = True

    def merges_with(self, other: Edit) -> bool:
        return (isinstance(other, SetText) and self.merge and other.merge
                and other.path == self.path)

    def apply(self, case: Case) -> Applied:
        place = locate(self.path)
        value = check_text(self.value)
        if place.slot.holds in ("ids", "records") and not place.field:
            raise EditError(f"{dotted(self.path)} holds no text of its own.")
        if place.slot.holds == "texts" and place.index is None:
            raise EditError(f"{dotted(self.path)} is a list: set one of its lines.")
        if place.slot.holds == "note":
            notes, key = case.step_notes, place.base[1]
            keys = list(notes)
            inverse: Edit = _PutNote(key, notes.get(key), keys.index(key) if key in notes
                                     else len(keys))
            notes[key] = value
            return done(case, inverse, place.change(key))
        owner = _owner(case, place.base)
        if place.index is None:
            old = getattr(owner, place.base[-1])
            setattr(owner, place.base[-1], value)
            return done(case, SetText(self.path, old, self.merge),
                        place.change(place.base[-1]))
        items = getattr(owner, place.base[-1])
        item = _item(items, place.index, place.base)
        if place.field:
            old = getattr(item, place.field)
            setattr(item, place.field, value)
        else:
            old, items[place.index] = item, value
        return done(case, SetText(self.path, old, self.merge), place.change(place.field))


@dataclass(frozen=True)
class InsertItem(Edit):
    """Put ``item`` into the list at ``path`` before ``index`` (None: at the end); a ticked
    list takes ``tick`` beside it."""

    label: ClassVar[str] = "Add item"
    path: Path
    item: Any
    index: int | None = None
    tick: bool = False

    def apply(self, case: Case) -> Applied:
        place = _list_place(self.path)
        items = getattr(_owner(case, place.base), place.base[-1])
        index = len(items) if self.index is None else self.index
        if not _is_index(index) or not 0 <= index <= len(items):
            raise EditError(f"{dotted(self.path)} has no place {index!r}.")
        item = _check_item(case, place.slot, self.item)
        if not isinstance(self.tick, bool) or (self.tick and not place.slot.ticks):
            raise EditError(f"{dotted(self.path)} takes no tick {self.tick!r}.")
        old_ticks = None
        if place.slot.ticks:
            ticks, old_ticks = _ticks(case, place)
            ticks.insert(index, self.tick)
        items.insert(index, item)
        return done(case, _undo(RemoveItem(self.path, index), place, old_ticks), place.change())


@dataclass(frozen=True)
class RemoveItem(Edit):
    """Take item ``index`` out of the list at ``path`` (undo puts the very same item back)."""

    label: ClassVar[str] = "Remove item"
    path: Path
    index: int

    def apply(self, case: Case) -> Applied:
        place = _list_place(self.path)
        items = getattr(_owner(case, place.base), place.base[-1])
        if not _is_index(self.index):
            raise EditError(f"{dotted(self.path)} has no item {self.index!r}.")
        _item(items, self.index, place.base)
        tick, old_ticks = False, None
        if place.slot.ticks:
            ticks, old_ticks = _ticks(case, place)
            tick = ticks.pop(self.index)
        item = items.pop(self.index)
        inverse = InsertItem(self.path, item, self.index, tick)
        return done(case, _undo(inverse, place, old_ticks), place.change())


@dataclass(frozen=True)
class MoveItem(Edit):
    """Move item ``source`` of the list at ``path`` to ``target`` (order is importance)."""

    label: ClassVar[str] = "Move item"
    path: Path
    source: int
    target: int

    def apply(self, case: Case) -> Applied:
        place = _list_place(self.path)
        items = getattr(_owner(case, place.base), place.base[-1])
        for index in (self.source, self.target):
            if not _is_index(index):
                raise EditError(f"{dotted(self.path)} has no item {index!r}.")
            _item(items, index, place.base)
        old_ticks = None
        if place.slot.ticks:
            ticks, old_ticks = _ticks(case, place)
            ticks.insert(self.target, ticks.pop(self.source))
        items.insert(self.target, items.pop(self.source))
        inverse = MoveItem(self.path, self.target, self.source)
        return done(case, _undo(inverse, place, old_ticks), place.change())


@dataclass(frozen=True)
class SetTick(Edit):
    """Tick or untick item ``index`` of a ticked list (each tick is its own undo step)."""

    label: ClassVar[str] = "Tick item"
    path: Path
    index: int
    tick: bool

    def apply(self, case: Case) -> Applied:
        place = _list_place(self.path)
        if not place.slot.ticks:
            raise EditError(f"{dotted(self.path)} has no ticks.")
        check_flag(self.tick, "A tick")
        items = getattr(_owner(case, place.base), place.base[-1])
        if not _is_index(self.index):
            raise EditError(f"{dotted(self.path)} has no item {self.index!r}.")
        _item(items, self.index, place.base)
        ticks, old_ticks = _ticks(case, place)
        old, ticks[self.index] = ticks[self.index], self.tick
        inverse = SetTick(self.path, self.index, old)
        return done(case, _undo(inverse, place, old_ticks), place.change("done"))


@dataclass(frozen=True)
class _SetTicks(Edit):
    """Undo only: the ticks beside a ticked list exactly as they were."""

    base: tuple[str, ...]
    ticks: tuple[bool, ...]

    def apply(self, case: Case) -> Applied:
        place = _list_place(self.base)
        if not place.slot.ticks or not all(isinstance(t, bool) for t in self.ticks):
            raise EditError(f"{dotted(self.base)} has no such ticks.")
        ticks = getattr(_owner(case, place.base), place.slot.ticks)
        old = tuple(ticks)
        ticks[:] = self.ticks
        return done(case, _SetTicks(self.base, old), place.change("done"))


@dataclass(frozen=True)
class _PutNote(Edit):
    """Undo only: a step's note back as it was, at its place among the notes (None: none)."""

    key: str
    value: str | None
    position: int

    def apply(self, case: Case) -> Applied:
        place = locate(("step_notes", self.key))
        if self.value is not None:
            check_text(self.value)
        notes = case.step_notes
        keys = list(notes)
        inverse = _PutNote(self.key, notes.get(self.key),
                           keys.index(self.key) if self.key in notes else self.position)
        entries = [(k, v) for k, v in notes.items() if k != self.key]
        if self.value is not None:
            entries.insert(min(self.position, len(entries)), (self.key, self.value))
        notes.clear()
        notes.update(entries)
        return done(case, inverse, place.change(self.key))
