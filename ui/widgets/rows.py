"""Keeps a Qt item model's row count in step with the case list it shows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex

if TYPE_CHECKING:  # mypy sees the mixin as the item model it is mixed into
    _Base = QAbstractItemModel
else:  # at run time it is a plain class
    _Base = object


class GrowingRowsMixin(_Base):
    """For item models whose ``rowCount`` answers ``self._rows``: grow or shrink at the end
    with insert/remove notices, so views keep their selection and scroll position (a reset
    would lose both)."""

    _rows: int = 0

    def match_row_count(self, wanted: int) -> None:
        shown = self._rows
        if wanted > shown:
            self.beginInsertRows(QModelIndex(), shown, wanted - 1)
            self._rows = wanted  # views ask rowCount during endInsertRows
            self.endInsertRows()
        elif wanted < shown:
            self.beginRemoveRows(QModelIndex(), wanted, shown - 1)
            self._rows = wanted
            self.endRemoveRows()
