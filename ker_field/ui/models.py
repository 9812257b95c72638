"""Item models: thin adapters over lists of plain dataclasses (what the services return).

Each list screen declares its columns (a header and how to show a row) and hands the model
new rows when a background query finishes; the model never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ker_field.domain.labels import label
from ker_field.ui.i18n import current_language

T = TypeVar("T")

ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    value: Callable[[T], object]


def show(value: object) -> str:
    """A value as the person reads it, in the current language."""
    if value is None:
        return "—"
    if isinstance(value, Enum):
        return label(value, current_language())
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d-%m-%Y %H:%M")
    return str(value)


class RowsModel(QAbstractTableModel, Generic[T]):
    """A table over a list of dataclass rows; ``ROW_ROLE`` gives back the row itself."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    # -- data in --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_columns(self, columns: Sequence[Column[T]]) -> None:
        """New headers (a language change) with the same number of columns."""
        if len(columns) != len(self._columns):
            self.beginResetModel()
            self._columns = list(columns)
            self.endResetModel()
            return
        self._columns = list(columns)
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    def rows(self) -> list[T]:
        return list(self._rows)

    def row(self, n: int) -> T:
        return self._rows[n]

    def row_at(self, row: int) -> T:
        return self._rows[row]

    # -- QAbstractItemModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return show(self._columns[index.column()].value(row))
        if role == ROW_ROLE:
            return row
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
