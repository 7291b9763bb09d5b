"""The criteria table of step 3: a model over ``case.criteria`` whose edits become commands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from sixstep.case import Criterion
from sixstep.rules import WEIGHT_LIMIT
from sixstep.steps import count
from ui.common.theme import plain_tip
from ui.document.document import CaseDocument
from ui.document.scoring_commands import move_criterion_command, set_criterion_field_command

ROW_MIME = "application/x-problem-workshop-criterion-row"
NAME, KIND, WEIGHT, DESCRIPTION = range(4)
HEADERS = ("Criterion", "Must/want", "Weight", "Description")
KIND_LABELS = {"must": "Must", "want": "Want"}
WEIGHT_HINT = f"A weight is a positive number up to {WEIGHT_LIMIT:,.0f}, such as 10 or 2.5."


def format_number(value: float) -> str:
    """A weight as people write it: ``10``, ``2.5``, ``0.4083``."""
    return f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"


def parse_number(text: str) -> float | None:
    """A typed number (a comma also works as the decimal mark); None when it is not one."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


class CriteriaTableModel(QAbstractTableModel):
    """Rows are criteria in importance order; the vertical header shows the place (1 = most).

    ``refused(message)`` says why an edit was not taken (a weight that is not a number);
    ``told(message)`` what an edit did besides (the scores a change of kind cleared).
    """

    refused = Signal(str)
    told = Signal(str)

    def __init__(self, doc: CaseDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._shown = len(doc.case.criteria)  # the row count the views know about

    @property
    def criteria(self) -> list[Criterion]:
        return self.doc.case.criteria

    def reload(self) -> None:
        """Show the criteria again; a reset only when rows came or went, so an edit that is
        still being committed keeps its editor and index."""
        if self._shown == len(self.criteria):
            if self._shown:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self._shown - 1, len(HEADERS) - 1))
            return
        self.beginResetModel()
        self._shown = len(self.criteria)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return HEADERS[section]
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical:
            return "Place in the order of importance (1 = most important)"
        return None

    def _total_weight(self) -> float:
        return sum(c.weight or 0 for c in self.criteria if c.kind == "want")

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        criterion = self.criteria[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return criterion.name
            if column == KIND:
                return KIND_LABELS.get(criterion.kind, criterion.kind)
            if column == WEIGHT:
                if criterion.kind == "must":
                    return "pass/fail"
                if criterion.weight is None:
                    return "not set"
                total = self._total_weight()
                share = f"  ({criterion.weight / total:.0%})" if total > 0 else ""
                return format_number(criterion.weight) + share
            return criterion.description
        if role == Qt.ItemDataRole.EditRole:
            if column == WEIGHT:
                return "" if criterion.weight is None else format_number(criterion.weight)
            return (criterion.name, criterion.kind, None, criterion.description)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (NAME, DESCRIPTION):
            return plain_tip(criterion.name if column == NAME else criterion.description)
        if role == Qt.ItemDataRole.ToolTipRole and column == WEIGHT:
            if criterion.kind == "must":
                return "A must is pass or fail: it carries no weight."
            return "The weight, and in brackets its share of all the want weights."
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {self.data(index)}"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemIsDragEnabled)
        criterion = self.criteria[index.row()]
        if not (index.column() == WEIGHT and criterion.kind == "must"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        criterion = self.criteria[index.row()]
        column = index.column()
        text = "" if value is None else str(value)
        if column == NAME:
            text = text.strip()
            if not text or text == criterion.name:
                return False
            attribute, new = "name", text
        elif column == KIND:
            kind = text.strip().lower()
            if kind not in KIND_LABELS or kind == criterion.kind:
                return False
            attribute, new = "kind", kind
        elif column == WEIGHT:
            number = None if not text.strip() else parse_number(text)
            if text.strip() and number is None:
                self.refused.emit(WEIGHT_HINT)
                return False
            if number == criterion.weight:
                return False
            attribute, new = "weight", number
        else:
            if text == criterion.description:
                return False
            attribute, new = "description", text
        try:
            command = set_criterion_field_command(self.doc, criterion.id, attribute, new)
        except ValueError as error:  # the rules (sixstep.rules) decide; a weight is worded here
            weighted = attribute == "weight" and criterion.kind == "want"
            self.refused.emit(WEIGHT_HINT if weighted else str(error))
            return False
        scored = sum(1 for s in self.doc.case.scores if s.criterion == criterion.id)
        self.doc.push(command)
        if attribute == "kind" and scored:
            verb = "was" if scored == 1 else "were"
            self.told.emit(f"\u201c{criterion.name}\u201d is now a {new}, so its "
                           f"{count(scored, 'score')} {verb} cleared. Undo brings them back.")
        return True

    # -- drag to reorder ----------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(ROW_MIME, QByteArray(str(rows[0]).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        """Move the dragged criterion to the drop place as one command.

        Returns False on purpose: the move is done, so the view must not remove any row.
        """
        if not data.hasFormat(ROW_MIME):
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode())
        place = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        target = place - 1 if source < place else place
        target = max(0, min(target, self.rowCount() - 1))
        if 0 <= source < self.rowCount() and target != source:
            self.doc.push(move_criterion_command(self.doc, source, target))
        return False


class CriteriaDelegate(QStyledItemDelegate):
    """A must/want chooser for the kind column and a number field for weights."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex) -> QWidget:
        if index.column() == KIND:
            combo = QComboBox(parent)
            combo.setAccessibleName("Must or want")
            for kind, label in KIND_LABELS.items():
                combo.addItem(label, kind)
            return combo
        editor = QLineEdit(parent)
        editor.setAccessibleName(HEADERS[index.column()])
        if index.column() == WEIGHT:
            validator = QDoubleValidator(0.0, WEIGHT_LIMIT, 6, editor)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            editor.setValidator(validator)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())
