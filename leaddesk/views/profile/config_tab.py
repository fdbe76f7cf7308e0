"""Configuration: the client's own settings (key and value), editable with validation."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
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
from leaddesk.models import words
from leaddesk.models.client_table import plain_tooltip
from leaddesk.models.profile import config_items, parse_config_value
from leaddesk.views.profile.common import EditingTab, edit_problem, plain_label
from leaddesk.views.theme import colors

#: Typed text that starts like JSON is meant as JSON: a list, an object or quoted text.
JSON_STARTS = ("[", "{", '"')


class ConfigProblem(edits.EditError):
    """A row that cannot be saved as typed: ``row`` and ``column`` name the cell to mark."""

    def __init__(self, message: str, row: int, column: int) -> None:
        super().__init__(message)
        self.row = row
        self.column = column


def parse_typed_value(text: str) -> Any:
    """A value typed by a person, as :func:`parse_config_value`; text that starts like JSON must be JSON."""
    stripped = text.strip()
    if stripped.startswith(JSON_STARTS):
        try:
            return json.loads(stripped)
        except json.JSONDecodeError:
            raise edits.EditError(
                QCoreApplication.translate(
                    "ConfigTab",
                    "a value that starts with [, { or a quote must be a whole list or quoted text: "
                    "check that every bracket and quote is closed.",
                )
            ) from None
    return parse_config_value(text)


class ConfigTab(EditingTab):
    """A key/value table; "Save" sends one ``set_config`` with what was set and what was removed.

    ``dirty_changed(bool)`` tells whether the table differs from the settings as loaded.
    """

    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(database, contact_id, parent)
        self._original: dict[str, str] = {}
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value")])
        self.table.setAccessibleName(self.tr("The bot's settings for this client"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add = QPushButton(self.tr("Add setting"))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Remove the selected settings"))
        self.save = QPushButton(self.tr("Save settings"))
        self.add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self.remove_selected)
        self.save.clicked.connect(self.save_changes)
        self.save.setEnabled(False)
        self.revert = QPushButton(self.tr("Undo changes"))
        self.revert.setToolTip(self.tr("Put back the settings as they were loaded"))
        self.revert.clicked.connect(lambda: self.refresh())
        self.revert.setEnabled(False)
        self.error = plain_label(wrap=True)
        self.error.setProperty("tone", "problem")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "How the bot behaves with this client, where it differs from the rest of the account. "
                    'A value is a word or a sentence, a number, true or false, or a list such as ["es", "en"].'
                ),
                wrap=True,
                muted=True,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.refresh()
        self.table.itemChanged.connect(self._changed)
        self.table.model().rowsInserted.connect(self._changed)
        self.table.model().rowsRemoved.connect(self._changed)

    def _changed(self, *_args: object) -> None:
        dirty = self.is_dirty()
        self.save.setEnabled(dirty)
        self.revert.setEnabled(dirty)
        self._note_dirty(dirty)

    def is_dirty(self) -> bool:
        """True while the table's rows differ from the settings as loaded (an open editor is not counted)."""
        try:
            return self.current() != self._original
        except edits.EditError:
            return True

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
        blocked = self.table.blockSignals(True)
        for key, value in items:
            self._append(key, value)
        self.table.blockSignals(blocked)
        self.error.clear()
        if hasattr(self, "_dirty"):
            self._changed()

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
        row = self.table.rowCount() - 1
        cell = self.table.item(row, 0)
        if cell is not None:
            # The new row must be the current one: Tab moves on from the current cell, which was the
            # first row's, so Tab used to jump to the first value ("language") and typing replaced it.
            self.table.setCurrentCell(row, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
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
                raise ConfigProblem(
                    self.tr("Row %1 has a value but no setting name.").replace("%1", words.number(row + 1)), row, 0
                )
            if key in found:
                raise ConfigProblem(self.tr("The setting “%1” appears twice.").replace("%1", key), row, 0)
            found[key] = value
        return found

    def _typed_values(self, now: dict[str, str]) -> dict[str, Any]:
        """The changed values parsed; :class:`ConfigProblem` names the first one that cannot be."""
        parsed: dict[str, Any] = {}
        rows = {self._key(row): row for row in range(self.table.rowCount())}
        for key, value in now.items():
            if self._original.get(key) == value:
                continue
            try:
                parsed[key] = parse_typed_value(value)
            except edits.EditError as problem:
                message = self.tr("%1: %2").replace("%1", key).replace("%2", edit_problem(problem))
                raise ConfigProblem(message, rows.get(key, 0), 1) from None
        return parsed

    def _key(self, row: int) -> str:
        item = self.table.item(row, 0)
        return item.text().strip() if item else ""

    def _mark(self, problem: ConfigProblem | None) -> None:
        for row in range(self.table.rowCount()):
            for column in range(2):
                cell = self.table.item(row, column)
                if cell is not None:
                    marked = problem is not None and (row, column) == (problem.row, problem.column)
                    cell.setBackground(colors().problem_background if marked else QBrush())

    def save_changes(self) -> bool:
        """Check every row, then send one ``set_config``; on a problem nothing is saved and the cell is marked."""
        blocked = self.table.blockSignals(True)
        try:
            self._mark(None)
            now = self.current()
            to_set = self._typed_values(now)
            to_unset = [k for k in self._original if k not in now]
            if not to_set and not to_unset:
                self.error.setText(self.tr("Nothing changed."))
                return False
            planned = edits.plan_config(set=to_set, unset=to_unset)
            edits.apply_edits(self._database, [self._contact_id], [planned])
        except ConfigProblem as problem:
            self._mark(problem)
            self.error.setText(edit_problem(problem))
            self.table.setCurrentCell(problem.row, problem.column)
            return False
        except edits.EditError as problem:
            self.error.setText(edit_problem(problem))
            return False
        finally:
            self.table.blockSignals(blocked)
        self.refresh()
        self.edited.emit()
        return True
