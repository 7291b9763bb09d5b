"""The score matrix of step 5: open alternatives by criteria, with live totals and ranks.

Must cells read "pass"/"fail", want cells a number within the case's scale, a cell nobody has
scored "?" (text as well as a tint). With participants a cell shows the group's value, and
under it the chosen person's own score; a contested cell says so (``CONTESTED_ROLE``). While
the room scores blind, cells show only how many have scored them. Typing a number and
pressing Enter stores it and moves down the column, then on to the top of the next one: the
group scores every alternative against one criterion before moving to the next.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from fishbone.changes import Change
from sixstep import result_text
from sixstep.case import Alternative, Criterion
from sixstep.numbers import format_number
from sixstep.scoring import Incomplete, RankedAlternative, ScoringResult
from ui.common.theme import plain_tip
from ui.document.document import CaseDocument
from ui.document.scoring_commands import SetScoreCommand
from ui.scoring.cache import scored
from ui.scoring.room_cells import RoomCells
from ui.scoring.score_text import parse_cell

SUMMARY = ("Rank", "Percent", "Total")  # right after the name, so they never scroll away
FIRST_CRITERION = 1 + len(SUMMARY)
_MISSING_TINT = QColor(255, 190, 0, 70)
_FAIL_TINT = QColor(220, 30, 30, 60)
_LEADER_TINT = QColor(40, 160, 60, 50)
CONTESTED_TINT = QColor(204, 121, 167, 60)  # Okabe-Ito reddish purple; the mark says it too
OWN_ROLE = Qt.ItemDataRole.UserRole + 10  # the chosen person's own score, under the group's
CONTESTED_ROLE = Qt.ItemDataRole.UserRole + 11  # a contested cell's spread, else None
_ROLES = frozenset({OWN_ROLE, CONTESTED_ROLE,
                    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.EditRole, Qt.ItemDataRole.TextAlignmentRole,
                    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ToolTipRole})


@functools.lru_cache(maxsize=256)
def _wrapped_name(name: str) -> tuple[str, ...]:
    """A criterion's name in lines of 14 characters (the headers ask after every score)."""
    return tuple(textwrap.wrap(name, 14)) or ("",)


class ScoreMatrixModel(QAbstractTableModel):
    """Column 0 names the alternative, then rank, percent and total, then one column per
    criterion in importance order. ``compact`` (projector mode) heads the criterion columns
    "C1", "C2"... by their place (``criteria_key`` names them) and shows must cells as marks.

    ``participant`` is whose scores are typed (None: the group); ``aggregate`` combines
    several participants' scores ("mean" or "median"). ``result`` is the latest scoring.
    """

    refused = Signal(str)
    stored = Signal(str)  # a score typed while blind: the confirmation to show
    values_changed = Signal()  # rescored with the same rows and columns: totals and ranks moved
    # a score moved the text of headers first..last (the leader's range), nothing else of them
    header_texts_changed = Signal(int, int)

    def __init__(self, doc: CaseDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._participant: str | None = None
        self.aggregate = "mean"
        self.result: ScoringResult | None = None
        self.problem = ""  # why the case could not be scored, if it could not
        self.rows: list[Alternative] = []
        self.columns: list[Criterion] = []
        self._summaries: dict[str, tuple[str, ...]] = {}  # each row's place, percent, total
        self._changed_rows: set[str] | None = None  # None: anything may have changed
        self.compact = False
        self.wordy = True  # the lead's range in words; False where height is short
        # Looked up for every cell many times while the view sizes itself, so indexed once:
        # the participant's own scores by cell (built when first asked, dropped on any change),
        # and each alternative's rank and failed musts from the latest scoring.
        self._own: dict[tuple[str, str], bool | float] | None = None
        self._ranked: dict[str, RankedAlternative] = {}
        self._shared: set[int] = set()  # places held by more than one alternative
        self._failed: dict[str, tuple[str, ...]] = {}
        self._incomplete: dict[str, Incomplete] = {}
        self._headers: list[object] = []  # the column headers' texts at the last refresh
        self.room = RoomCells(doc.case)
        doc.changed.connect(self._on_doc_changed)
        doc.replaced.connect(self._forget_scores)
        self.refresh()

    @property
    def participant(self) -> str | None:
        """Whose scores are typed and shown first (None: the group's own scores)."""
        return self._participant

    @participant.setter
    def participant(self, value: str | None) -> None:
        self._participant = value
        self._own = None

    def _on_doc_changed(self, change: Change) -> None:
        if change.kind in ("scores", "participants"):
            self._own = None

    def _forget_scores(self) -> None:
        self._own = None

    # -- structure ------------------------------------------------------------------------------

    def scores_changed_in(self, alternatives: Collection[str]) -> None:
        """Only the scores of ``alternatives`` changed: the next ``refresh`` indexes again and
        redraws only their rows, with the totals and places that moved."""
        self._changed_rows = set(alternatives)

    def refresh(self) -> None:
        """Rescore; reset only when rows or columns changed, so an open editor survives."""
        changed, self._changed_rows = self._changed_rows, None
        case = self.doc.case
        rows, columns = case.open_alternatives(), list(case.criteria)
        self._own = None
        leader = self.result.leader if self.result is not None else None
        if changed is None or self.room.case is not case:
            self.room = RoomCells(case)
        else:
            self.room.update(changed)
        try:
            self.result, self.problem = scored(case, self.aggregate), ""
        except (ArithmeticError, ValueError, KeyError) as error:
            self.result, self.problem = None, f"The scores cannot be totalled yet: {error}"
        self._index_result(self.result)
        if self.result is None:
            changed = None
        elif changed is not None and self.result.leader != leader:
            # the leader's row is drawn bold: the old leader's and the new one's rows change
            changed |= {a for a in (leader, self.result.leader) if a is not None}
        same = ([a.id for a in rows] == [a.id for a in self.rows]
                and [c.id for c in columns] == [c.id for c in self.columns])
        if same:
            self.rows, self.columns = rows, columns
            if self.rowCount() and self.columnCount():
                self._redraw(changed)
            # (a header shows a weight, its share and the leader's range: compared with what
            # the last refresh showed, as the case has changed under the headers already)
            headers, self._headers = self._headers, self._header_texts()
            changed_headers = [c for c, text in enumerate(self._headers)
                               if c >= len(headers) or text != headers[c]]
            if changed_headers:
                first, last = changed_headers[0], changed_headers[-1]
                if changed is None:
                    self.headerDataChanged.emit(Qt.Orientation.Horizontal, first, last)
                else:  # (a view lays out every cell again on headerDataChanged)
                    self.header_texts_changed.emit(first, last)
            self.values_changed.emit()
        else:
            self.beginResetModel()
            self.rows, self.columns = rows, columns
            self._headers = self._header_texts()
            self._summaries = self._summary_texts()
            self.endResetModel()

    def _redraw(self, changed: Collection[str] | None) -> None:
        """Tell the view what changed: every cell, or the rows of the alternatives whose
        scores changed and, on the other rows, the place, percent or total that moved."""
        last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
        summaries, self._summaries = self._summaries, self._summary_texts()
        if changed is None:
            self.dataChanged.emit(self.index(0, 0), self.index(last_row, last_column))
            return
        for row, alternative in enumerate(self.rows):
            if alternative.id in changed:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
            elif summaries.get(alternative.id) != self._summaries[alternative.id]:
                self.dataChanged.emit(self.index(row, 1), self.index(row, FIRST_CRITERION - 1))

    def _summary_texts(self) -> dict[str, tuple[str, ...]]:
        return {a.id: tuple(self._summary_text(a.id, name) for name in SUMMARY)
                for a in self.rows}

    def _header_texts(self) -> list[object]:
        return [self.headerData(c, Qt.Orientation.Horizontal) for c in range(self.columnCount())]

    def _index_result(self, result: ScoringResult | None) -> None:
        ranking = result.ranking if result else ()
        self._ranked = {r.alternative: r for r in ranking}
        places = [r.rank for r in ranking]
        self._shared = {place for place in places if places.count(place) > 1}
        self._failed = {s.alternative: s.failed for s in result.screened_out} if result else {}
        self._incomplete = {i.alternative: i for i in result.incomplete} if result else {}

    def _rank(self, alternative_id: str) -> int | None:
        ranked = self._ranked.get(alternative_id)
        return ranked.rank if ranked is not None else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.columns) + len(SUMMARY)

    def criterion_at(self, column: int) -> Criterion | None:
        offset = column - FIRST_CRITERION
        return self.columns[offset] if 0 <= offset < len(self.columns) else None

    def summary_at(self, column: int) -> str | None:
        return SUMMARY[column - 1] if 1 <= column <= len(SUMMARY) else None

    def index_of(self, alternative_id: str, criterion_id: str) -> QModelIndex:
        rows = [a.id for a in self.rows]
        columns = [c.id for c in self.columns]
        if alternative_id in rows and criterion_id in columns:
            return self.index(rows.index(alternative_id),
                              columns.index(criterion_id) + FIRST_CRITERION)
        return QModelIndex()

    # -- what is shown --------------------------------------------------------------------------

    def own_value(self, alternative_id: str, criterion_id: str) -> bool | float | None:
        if self._own is None:
            own: dict[tuple[str, str], bool | float] = {}
            for score in self.doc.case.scores:
                if score.participant == self._participant:
                    own.setdefault((score.alternative, score.criterion), score.value)
            self._own = own
        return self._own.get((alternative_id, criterion_id))

    def combined_value(self, alternative_id: str, criterion_id: str) -> bool | float | None:
        if self.result is None:
            return None
        return self.result.cells.get((alternative_id, criterion_id))

    @property
    def hides(self) -> bool:
        """Blind scoring, not yet revealed: no score and nothing derived from one is shown."""
        return self.room.hides

    def cell_text(self, alternative: Alternative, criterion: Criterion) -> str:
        """The group's value (while blind: how many have scored the cell)."""
        combined = self.combined_value(alternative.id, criterion.id)
        if self.hides:
            if self.doc.case.participants:
                return self.room.count_text(alternative.id, criterion.id)
            return result_text.MISSING if combined is None else result_text.SCORED_MARK
        return result_text.cell_text(combined, criterion.kind == "must", self.compact)

    def own_line(self, alternative: Alternative, criterion: Criterion) -> str | None:
        """Under the group's value: the chosen participant's own score (while blind, only
        whether they have scored); None when the group itself is chosen."""
        if self._participant is None or not self.doc.case.participants:
            return None
        name = next((p.name for p in self.doc.case.participants
                     if p.id == self._participant), self._participant)
        own = self.own_value(alternative.id, criterion.id)
        if self.hides:
            return result_text.person_done_line(name, own is not None)
        return result_text.person_score_line(name, own, criterion.kind == "must", self.compact)

    def _spoken(self, alternative: Alternative, criterion: Criterion, text: str) -> str:
        spoken = result_text.NOT_SCORED if text == result_text.MISSING else text
        if self.hides and self.doc.case.participants:
            spoken = f"scored by {text}, hidden"
        spread = self.room.spread(alternative.id, criterion.id)
        if spread is not None:
            spoken += f", contested (spread {result_text.spread_text(spread)})"
        own = self.own_line(alternative, criterion)
        return f"{spoken}; {own}" if own else spoken

    def rank_text(self, alternative_id: str) -> str:
        """``1``, ``=1`` for a shared place, ``out`` when a must failed, ``n to score``."""
        if self.result is None:
            return ""
        rank = self._rank(alternative_id)
        if rank is not None:
            return result_text.rank_text(rank, rank in self._shared)
        if alternative_id in self._failed:
            return result_text.SCREENED_OUT_MARK
        item = self._incomplete.get(alternative_id)
        return result_text.to_score_mark(len(item.missing)) if item is not None else ""

    def _summary_text(self, alternative_id: str, name: str) -> str:
        if self.result is None:
            return ""
        if self.hides:
            return result_text.HIDDEN
        ranked = self._ranked.get(alternative_id)
        if ranked is not None:
            if name == "Total":
                return format_number(ranked.total)
            if name == "Percent":
                return result_text.percent_text(ranked.percent)
            return self.rank_text(alternative_id)
        if name == "Rank":
            return self.rank_text(alternative_id)
        item = self._incomplete.get(alternative_id)
        if item is not None and name == "Total":
            return result_text.partial_total_text(item.partial_total)
        return result_text.NOT_RANKED_MARK

    def _screened(self, alternative_id: str) -> tuple[str, ...] | None:
        return None if self.hides else self._failed.get(alternative_id)

    def _leads(self, alternative_id: str) -> bool:
        return not self.hides and self._rank(alternative_id) == 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # the view asks every cell for many
            return None  # roles each time it sizes itself: the others are answered at once
        alternative = self.rows[index.row()]
        criterion = self.criterion_at(index.column())
        summary = self.summary_at(index.column())
        if role == OWN_ROLE:
            return self.own_line(alternative, criterion) if criterion is not None else None
        if role == CONTESTED_ROLE:
            return self.room.spread(alternative.id, criterion.id) if criterion else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if criterion is not None:
                text = self.cell_text(alternative, criterion)
            elif summary is not None:
                text = self._summary_text(alternative.id, summary)
            else:
                text = alternative.name
            if role == Qt.ItemDataRole.AccessibleTextRole:
                column = criterion.name if criterion else (summary or "Alternative")
                spoken = result_text.NOT_SCORED if text == result_text.MISSING else text
                if criterion is not None:
                    spoken = self._spoken(alternative, criterion, text)
                return f"{alternative.name}, {column}: {spoken}"
            return text
        if role == Qt.ItemDataRole.EditRole and criterion is not None:
            own = self.own_value(alternative.id, criterion.id)
            if own is None or self.hides:  # a hidden score never shows, not even to edit
                return ""
            return result_text.pass_fail_word(bool(own)) if criterion.kind == "must" else \
                format_number(float(own))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(alternative, criterion, summary)
        if role == Qt.ItemDataRole.ForegroundRole and self._screened(alternative.id):
            return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        if role == Qt.ItemDataRole.FontRole:
            leader = self._leads(alternative.id)
            screened = self._screened(alternative.id) is not None
            if leader or screened:
                font = QFont()
                font.setBold(leader)
                font.setItalic(screened)
                return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(alternative, criterion)
        return None

    def _background(self, alternative: Alternative, criterion: Criterion | None,
                    summary: str | None) -> QBrush | None:
        if criterion is not None:
            combined = self.combined_value(alternative.id, criterion.id)
            if combined is None:
                return QBrush(_MISSING_TINT)
            if combined is False and criterion.kind == "must" and not self.hides:
                return QBrush(_FAIL_TINT)
            if self.room.spread(alternative.id, criterion.id) is not None:
                return QBrush(CONTESTED_TINT)
        if summary == "Rank" and self._leads(alternative.id):
            return QBrush(_LEADER_TINT)
        return None

    def _tooltip(self, alternative: Alternative, criterion: Criterion | None) -> str | None:
        if self.hides:
            if criterion is None:
                return plain_tip(result_text.HIDDEN_TIP)
            return plain_tip(self.room.blind_tip(alternative.id, criterion.id))
        failed = self._screened(alternative.id)
        if failed:
            names = [self.doc.case.criterion(c).name for c in failed]
            return plain_tip(result_text.screened_out_tip(names))
        if criterion is not None and self.combined_value(alternative.id, criterion.id) is None:
            return result_text.MISSING_TIP
        if criterion is not None and self.doc.case.participants:
            combined = self.combined_value(alternative.id, criterion.id)
            group = result_text.cell_text(combined, criterion.kind == "must")
            tip = self.room.contested_tip(alternative.id, criterion.id, self.aggregate, group)
            return plain_tip(tip or f"The group's value: the {self.aggregate} of everyone who "
                             "scored it. Under it, the chosen person's own score.")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        criterion = self.criterion_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if criterion is None:
                summary = self.summary_at(section)
                return "%" if summary == "Percent" else summary or "Alternative"
            return self.criterion_header(criterion)
        if role == Qt.ItemDataRole.ToolTipRole and criterion is not None:
            return plain_tip(criterion.description or criterion.name)
        return None

    def place(self, criterion: Criterion) -> int:
        return self.columns.index(criterion) + 1

    def criterion_header(self, criterion: Criterion) -> str:
        """The name wrapped (or "C3" when compact), then its weight and share, then the range
        of that share over which the leader stays first."""
        if self.compact:
            lines = [result_text.criterion_code(self.place(criterion))]
        else:
            lines = list(_wrapped_name(criterion.name))
        if criterion.kind == "must":
            return "\n".join([*lines, result_text.MUST_MARK])
        result = self.result
        share = None
        if result is not None and criterion.id in result.shares and not self.compact:
            share = result.shares[criterion.id]
        lines.append(result_text.weight_label(criterion.weight, share))
        if result is not None and result.leader and criterion.id in result.stability \
                and not self.hides:
            low, high = result.stability[criterion.id]
            if self.compact:
                lines.append(result_text.stability_span(low, high))
            elif self.wordy:
                lines.extend(result_text.lead_span_sentence(low, high))
            else:
                lines.append(result_text.lead_span_text(low, high))
        return "\n".join(lines)

    def criteria_key(self) -> str:
        """One line per criterion, "C1  name  (must)", naming the compact headers."""
        return "\n".join(result_text.criterion_key_line(n, c.name, c.kind == "must")
                          for n, c in enumerate(self.columns, start=1))

    # -- editing --------------------------------------------------------------------------------

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.criterion_at(index.column()) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        criterion = self.criterion_at(index.column()) if index.isValid() else None
        if criterion is None or role != Qt.ItemDataRole.EditRole:
            return False
        scale = self.doc.case.score_scale
        try:
            new = parse_cell(str(value if value is not None else ""), criterion,
                             scale.min, scale.max)
        except ValueError as error:
            self.refused.emit(str(error))
            return False
        if new is None and self.hides:  # an editor left empty over a hidden score keeps it
            return False  # (Delete clears: ``clear``)
        return self._store(index, criterion, new)

    def clear(self, index: QModelIndex) -> bool:
        """Delete the chosen person's score in the cell at ``index``."""
        criterion = self.criterion_at(index.column()) if index.isValid() else None
        return criterion is not None and self._store(index, criterion, None)

    def _store(self, index: QModelIndex, criterion: Criterion, new: bool | float | None) -> bool:
        alternative = self.rows[index.row()]
        old = self.own_value(alternative.id, criterion.id)
        if new == old and isinstance(new, bool) == isinstance(old, bool):
            return False
        try:
            self.doc.push(SetScoreCommand(self.doc, alternative.id, criterion.id, new,
                                          self.participant))
        except ValueError as error:
            self.refused.emit(str(error))
            return False
        if self.hides and new is not None:
            name = next((p.name for p in self.doc.case.participants
                         if p.id == self._participant), None)
            self.stored.emit(result_text.blind_stored(name, alternative.name, criterion.name))
        return True
