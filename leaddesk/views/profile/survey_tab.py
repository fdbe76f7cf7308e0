"""Survey: the answers of each post-meeting survey, tied to its meeting, with scores."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from leaddesk.db.database import Database
from leaddesk.models import words
from leaddesk.models.profile import SURVEY_HEADERS, Cell, RecordTableModel, question_averages, survey_views
from leaddesk.views.profile.common import plain_label
from leaddesk.views.profile.meetings_tab import record_table

#: Marked in the "Profile" context, where :class:`RecordTableModel` translates its headers.
AVERAGE_HEADERS = (
    str(QT_TRANSLATE_NOOP("Profile", "Question")),
    str(QT_TRANSLATE_NOOP("Profile", "Average")),
    str(QT_TRANSLATE_NOOP("Profile", "Answers")),
)


class SurveyTab(QWidget):
    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self.models: list[RecordTableModel] = []
        self.averages: RecordTableModel | None = None
        self._area = QScrollArea()
        self._area.setWidgetResizable(True)
        self._area.setAccessibleName(self.tr("Surveys"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._area)
        self.refresh()

    def refresh(self) -> None:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        self.models = []
        self.averages = None
        views = survey_views(self._database, self._contact_id)
        if not views:
            layout.addWidget(plain_label(self.tr("No survey answered yet."), muted=True))
        averages = [a for a in question_averages(self._database, self._contact_id) if a.answers > 1]
        if averages:
            # Each question on its own scale: a 1–5 rating and a 0–10 score are never averaged together.
            title = plain_label(self.tr("Average per question, over %Ln survey(s)", None, len(views)))
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
            self.averages = RecordTableModel(
                AVERAGE_HEADERS,
                [
                    [
                        Cell(a.question),
                        Cell(words.number(a.average, 1)),
                        Cell(
                            self.tr("%Ln answer(s), from %1 to %2", None, a.answers)
                            .replace("%1", words.number(a.lowest, 0 if a.lowest.is_integer() else 1))
                            .replace("%2", words.number(a.highest, 0 if a.highest.is_integer() else 1))
                        ),
                    ]
                    for a in averages
                ],
                inner,
            )
            table = record_table(self.averages)
            table.setAccessibleName(self.tr("Average per question"))
            table.resizeColumnsToContents()
            table.setColumnWidth(0, min(max(table.columnWidth(0), 200), 360))
            table.setMinimumHeight(36 + 30 * len(averages))
            layout.addWidget(table)
        for view in views:
            title = plain_label(view.title, wrap=True)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
            model = RecordTableModel(SURVEY_HEADERS, view.rows, inner)
            self.models.append(model)
            table = record_table(model)
            table.setAccessibleName(view.title)
            table.resizeColumnsToContents()
            table.setColumnWidth(0, min(max(table.columnWidth(0), 200), 360))
            table.setColumnWidth(1, min(max(table.columnWidth(1), 160), 360))
            table.setMinimumHeight(36 + 30 * max(1, len(view.rows)))
            layout.addWidget(table)
        layout.addStretch(1)
        self._area.setWidget(inner)
