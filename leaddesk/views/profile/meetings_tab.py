"""Meetings: upcoming and past, in the computer's time zone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from leaddesk.db.database import Database
from leaddesk.models import words
from leaddesk.models.profile import MEETING_HEADERS, RecordTableModel, meeting_rows
from leaddesk.views.profile.common import plain_label


def record_table(model: RecordTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


class MeetingsTab(QWidget):
    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self.upcoming = RecordTableModel(MEETING_HEADERS, [], self)
        self.past = RecordTableModel(MEETING_HEADERS, [], self)
        self.upcoming_title = plain_label()
        self.past_title = plain_label()
        for title in (self.upcoming_title, self.past_title):
            font = title.font()
            font.setBold(True)
            title.setFont(font)
        self.upcoming_table = record_table(self.upcoming)
        self.past_table = record_table(self.past)
        self.upcoming_table.setAccessibleName(self.tr("Upcoming meetings"))
        self.past_table.setAccessibleName(self.tr("Past meetings"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.upcoming_title)
        layout.addWidget(self.upcoming_table, 1)
        layout.addWidget(self.past_title)
        layout.addWidget(self.past_table, 2)
        layout.addStretch(0)
        self.refresh()

    def refresh(self) -> None:
        upcoming, past = meeting_rows(self._database, self._contact_id)
        self.upcoming.set_rows(upcoming)
        self.past.set_rows(past)
        self.upcoming_title.setText(
            self.tr("Upcoming (%1)").replace("%1", words.number(len(upcoming)))
            if upcoming
            else self.tr("Upcoming: none scheduled")
        )
        self.past_title.setText(
            self.tr("Past (%1)").replace("%1", words.number(len(past))) if past else self.tr("Past: none")
        )
        # An empty table is only a grid of headers; the title already says there is nothing.
        self.upcoming_table.setVisible(bool(upcoming))
        self.past_table.setVisible(bool(past))
        for table in (self.upcoming_table, self.past_table):
            fit_meeting_columns(table)


#: The meeting columns that give way (elided) when the dialog is narrow; the others keep their text whole.
SHRINKING_COLUMNS = (MEETING_HEADERS.index("Title"), MEETING_HEADERS.index("Place"))


def fit_meeting_columns(table: QTableView) -> None:
    """When, Agent and Status always show whole (Status was clipped at the right edge); Title and Place
    share what is left and are elided, their whole text in the tooltip."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    for column in range(header.count()):
        shrinks = column in SHRINKING_COLUMNS
        mode = QHeaderView.ResizeMode.Stretch if shrinks else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
