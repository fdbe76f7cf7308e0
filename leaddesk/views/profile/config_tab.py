"""Configuration: the client's own settings (key and value), editable with validation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.models.client_table import plain_tooltip
from leaddesk.models.profile import config_items, parse_config_value
from leaddesk.views.profile.common import plain_label, show_error


class ConfigTab(QWidget):
    """A key/value table; "Save" sends one ``set_config`` with what was set and what was removed."""

    edited = Signal()

    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self._original: dict[str, str] = {}
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Setting", "Value"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add = QPushButton("Add setting")
        self.remove = QPushButton("Remove")
        self.save = QPushButton("Save settings")
        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self.remove_selected)
        self.save.clicked.connect(self.save_changes)
        self.error = plain_label(wrap=True)
        self.error.setStyleSheet("color: #7B1F1F;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                "Settings that override the account's bot settings for this client. Values are text, or JSON "
                "(numbers, true/false, lists).",
                wrap=True,
                muted=True,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.refresh()

    def has_unsaved(self) -> bool:
        """True while the table differs from the settings as last read (or a cell is being edited)."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            return True
        try:
            return self.current() != self._original
        except edits.EditError:
            return True

    def refresh(self, keep_unsaved: bool = False) -> None:
        """Re-read the settings; with ``keep_unsaved`` (a sync finished), an unsaved table is left as it is."""
        if keep_unsaved and self.has_unsaved():
            return
        items = config_items(self._database, self._contact_id)
        self._original = dict(items)
        self.table.setRowCount(0)
        for key, value in items:
            self._append(key, value)
        self.error.clear()

    def _append(self, key: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate((key, value)):
            cell = QTableWidgetItem(text)
            cell.setToolTip(plain_tooltip(text))
            cell.setData(Qt.ItemDataRole.UserRole, text)
            self.table.setItem(row, column, cell)

    def add_row(self) -> None:
        self._append("", "")
        cell = self.table.item(self.table.rowCount() - 1, 0)
        if cell is not None:
            self.table.editItem(cell)

    def remove_selected(self) -> None:
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def current(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key_item = self.table.item(row, 0)
            value_item = self.table.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            value = value_item.text() if value_item else ""
            if not key and not value.strip():
                continue
            if not key:
                raise edits.EditError(f"Row {row + 1} has a value but no setting name.")
            if key in found:
                raise edits.EditError(f"The setting {key!r} appears twice.")
            found[key] = value
        return found

    def save_changes(self) -> bool:
        try:
            now = self.current()
            to_set = {k: parse_config_value(v) for k, v in now.items() if self._original.get(k) != v}
            to_unset = [k for k in self._original if k not in now]
            if not to_set and not to_unset:
                self.error.setText("Nothing changed.")
                return False
            edits.set_config(self._database, [self._contact_id], set=to_set, unset=to_unset)
        except edits.EditError as problem:
            self.error.setText(str(problem))
            show_error(self, "Settings not saved", str(problem))
            return False
        self.refresh()
        self.edited.emit()
        return True
