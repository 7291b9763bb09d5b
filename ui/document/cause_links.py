"""Alternatives' links to fishbone causes, kept valid when causes leave the diagram.

A case file refuses an alternative that addresses a cause id the diagram does not have, so
every command that removes causes also takes their ids out of ``Alternative.addresses`` and
puts them back, in their old places, on undo.
"""

from __future__ import annotations

from collections.abc import Iterable

from sixstep.case import Alternative, Case

SavedLinks = list[tuple[Alternative, list[str]]]


def unlink_causes(case: Case, cause_ids: Iterable[str]) -> SavedLinks:
    """Drop ``cause_ids`` from every alternative's links; return what undo needs."""
    gone = set(cause_ids)
    saved: SavedLinks = []
    for alternative in case.alternatives:
        if gone.intersection(alternative.addresses):
            saved.append((alternative, list(alternative.addresses)))
            alternative.addresses = [c for c in alternative.addresses if c not in gone]
    return saved


def relink_causes(saved: SavedLinks) -> None:
    """Give the alternatives back the links ``unlink_causes`` took away."""
    for alternative, addresses in saved:
        alternative.addresses = list(addresses)
