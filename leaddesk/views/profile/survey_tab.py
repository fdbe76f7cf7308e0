"""Survey: the answers of each post-meeting survey, tied to its meeting, with scores."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from leaddesk.db.database import Database
from leaddesk.models.profile import SURVEY_HEADERS, RecordTableModel, survey_views
from leaddesk.views.profile.common import plain_label
from leaddesk.views.profile.meetings_tab import record_table


class SurveyTab(QWidget):
    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self.models: list[RecordTableModel] = []
        self._area = QScrollArea()
        self._area.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._area)
        self.refresh()

    def refresh(self) -> None:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.models = []
        views = survey_views(self._database, self._contact_id)
        if not views:
            layout.addWidget(plain_label("No survey answered yet.", muted=True))
        for view in views:
            title = plain_label(view.title, wrap=True)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
            if view.average is not None:
                layout.addWidget(plain_label(f"Average score: {view.average:.1f}", muted=True))
            model = RecordTableModel(SURVEY_HEADERS, view.rows, inner)
            self.models.append(model)
            table = record_table(model)
            table.resizeColumnsToContents()
            table.setColumnWidth(0, min(max(table.columnWidth(0), 200), 360))
            table.setColumnWidth(1, min(max(table.columnWidth(1), 160), 360))
            table.setMinimumHeight(36 + 30 * max(1, len(view.rows)))
            layout.addWidget(table)
        layout.addStretch(1)
        self._area.setWidget(inner)
