"""Funnel history: every stage change, oldest first, with who made it and the note."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from leaddesk.db.database import Database
from leaddesk.models.profile import FUNNEL_HEADERS, RecordTableModel, funnel_rows
from leaddesk.views.profile.common import plain_label
from leaddesk.views.profile.meetings_tab import record_table


class FunnelTab(QWidget):
    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self.model = RecordTableModel(FUNNEL_HEADERS, [], self)
        self.table = record_table(self.model)
        self.table.setAccessibleName(self.tr("Funnel history"))
        self.empty = plain_label(self.tr("No stage change yet."), muted=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = funnel_rows(self._database, self._contact_id)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
