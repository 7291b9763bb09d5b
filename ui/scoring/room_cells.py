"""What the matrix shows of the room per cell: who scored it, whether it is contested, and
what stays hidden while the room scores blind. Indexed once per state of the case's rooms and
criteria; a change of scores indexes again only the rows it names."""

from __future__ import annotations

from collections.abc import Collection

from sixstep import result_text
from sixstep.case import Case
from sixstep.disagreement import contested_cells


class RoomCells:
    """The participants' scores by cell and the contested cells of one state of ``case``."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.hides = case.blind.hides
        self.names = {p.id: p.name for p in case.participants}
        self.people: dict[tuple[str, str], dict[str, bool | float]] = {}
        self.group: set[tuple[str, str]] = set()
        self.spreads: dict[tuple[str, str], float] = {}
        self._index(None)

    def update(self, alternatives: Collection[str]) -> None:
        """Index again the cells of ``alternatives`` only (their scores changed, nothing
        else did): a score typed recounts its own row, not the whole matrix."""
        self.hides = self.case.blind.hides
        rows = set(alternatives)
        for cells in (self.people, self.spreads):
            for key in [key for key in cells if key[0] in rows]:
                del cells[key]
        self.group = {key for key in self.group if key[0] not in rows}
        self._index(rows)

    def _index(self, rows: Collection[str] | None) -> None:
        case = self.case
        for score in case.scores:
            if rows is not None and score.alternative not in rows:
                continue
            key = (score.alternative, score.criterion)
            if score.participant is None:
                self.group.add(key)
            else:
                self.people.setdefault(key, {}).setdefault(score.participant, score.value)
        if case.participants:
            self.spreads.update(((c.alternative, c.criterion), c.spread)
                                for c in contested_cells(case, rows))

    def spread(self, alternative_id: str, criterion_id: str) -> float | None:
        """The normalised spread of a contested cell (None: not contested, or hidden)."""
        return None if self.hides else self.spreads.get((alternative_id, criterion_id))

    def scored_by(self, alternative_id: str, criterion_id: str) -> list[str]:
        """The ids of the participants who scored the cell, in participant order."""
        cell = self.people.get((alternative_id, criterion_id), {})
        return [p.id for p in self.case.participants if p.id in cell]

    def count_text(self, alternative_id: str, criterion_id: str) -> str:
        """While blind: ``3/4`` of the room have scored the cell."""
        return result_text.scored_count(len(self.scored_by(alternative_id, criterion_id)),
                                        len(self.case.participants))

    def blind_tip(self, alternative_id: str, criterion_id: str) -> str:
        done = set(self.scored_by(alternative_id, criterion_id))
        people = self.case.participants
        return result_text.blind_cell_tip([p.name for p in people if p.id in done],
                                          [p.name for p in people if p.id not in done],
                                          (alternative_id, criterion_id) in self.group)

    def contested_tip(self, alternative_id: str, criterion_id: str, aggregate: str,
                      group: str) -> str | None:
        spread = self.spread(alternative_id, criterion_id)
        if spread is None:
            return None
        cell = self.people.get((alternative_id, criterion_id), {})
        scores = [(p.name, float(cell[p.id])) for p in self.case.participants if p.id in cell]
        return result_text.contested_tip(spread, aggregate, group, scores)

    def progress(self, cells: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
        """For each participant: (name, cells of ``cells`` scored, how many cells)."""
        out = []
        for person in self.case.participants:
            done = sum(person.id in self.people.get(cell, {}) for cell in cells)
            out.append((person.name, done, len(cells)))
        return out
