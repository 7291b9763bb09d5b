"""Small helpers the edits of steps 3 to 5 share: finding records by id, and taking list
entries out so that undo puts the very same objects back at their very same places."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sixstep.case import Alternative, Case, Criterion
from sixstep.edits.base import EditError

T = TypeVar("T")

Taken = tuple[tuple[int, T], ...]  # (place in the list before the removal, the entry)


def find_criterion(case: Case, criterion_id: str) -> Criterion:
    for criterion in case.criteria:
        if criterion.id == criterion_id:
            return criterion
    raise EditError(f"There is no criterion with id {criterion_id!r}.")


def find_alternative(case: Case, alternative_id: str) -> Alternative:
    for alternative in case.alternatives:
        if alternative.id == alternative_id:
            return alternative
    raise EditError(f"There is no alternative with id {alternative_id!r}.")


def index_of(items: list[T], item: T) -> int:
    """The place of ``item`` itself (not of an equal one) in ``items``."""
    return next(i for i, entry in enumerate(items) if entry is item)


def check_place(index: int | None, size: int) -> int:
    """Where an insert goes: ``index`` from 0 to ``size`` (None: the end)."""
    if index is None:
        return size
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index <= size:
        raise EditError(f"There is no place {index!r} in a list of {size}.")
    return index


def take(items: list[T], gone: Callable[[T], bool]) -> Taken[T]:
    """Remove the entries for which ``gone`` is true; returns them with their places."""
    taken = tuple((i, entry) for i, entry in enumerate(items) if gone(entry))
    if taken:
        items[:] = [entry for entry in items if not gone(entry)]
    return taken


def put_back(items: list[T], taken: Taken[T]) -> None:
    """Undo ``take``: each entry goes back to the place it had."""
    for place, entry in sorted(taken, key=lambda pair: pair[0]):
        items.insert(place, entry)


def check_put_back(items: list[T], taken: Taken[T]) -> None:
    """Refuse a ``put_back`` whose places do not fit the list as it is now."""
    size = len(items)
    for number, (place, _) in enumerate(sorted(taken, key=lambda pair: pair[0])):
        if not 0 <= place <= size + number:
            raise EditError("The removed entries no longer fit where they were.")
