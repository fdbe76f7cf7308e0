""" "Changes not accepted…": every edit the server did not accept, in plain words, each one dismissable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk import refusals
from leaddesk.db.database import Database
from leaddesk.domain import parse_time
from leaddesk.models import words


class RefusedEditsDialog(QDialog):
    """The list of refused edits, newest first; "Dismiss" stops telling the selected ones."""

    #: Some refusals were dismissed (the window's notice follows).
    dismissed = Signal()

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusedEditsDialog")
        self.setWindowTitle(self.tr("Changes not accepted"))
        self.resize(640, 360)
        self._database = database
        intro = QLabel(
            self.tr(
                "The server did not accept these changes, so each client kept the value it had before. "
                "Dismiss a notice once you have read it."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.items = QListWidget()
        self.items.setObjectName("refusedEdits")
        self.items.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.items.setWordWrap(True)
        self.items.setAccessibleName(self.tr("Changes not accepted"))
        self.show_dismissed = QCheckBox(self.tr("Show dismissed too"))
        self.show_dismissed.toggled.connect(self.reload)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        self.dismiss_button.setObjectName("dismissSelected")
        self.dismiss_button.setToolTip(self.tr("Stop showing the selected notices (Delete)"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.dismiss_all_button = QPushButton(self.tr("Dismiss all"))
        self.dismiss_all_button.setObjectName("dismissAll")
        self.dismiss_all_button.clicked.connect(self.dismiss_all)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.dismiss_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.show_dismissed)
        layout.addWidget(buttons)
        self.items.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    def reload(self) -> None:
        self.items.clear()
        for refused in refusals.refused_edits(self._database, include_dismissed=self.show_dismissed.isChecked()):
            try:
                when = words.age(parse_time(refused.at))
            except ValueError:
                when = ""
            text = refused.sentence + (f"  ({when})" if when else "")
            item = QListWidgetItem(text + ("  — " + self.tr("dismissed") if refused.dismissed else ""))
            item.setData(Qt.ItemDataRole.UserRole, refused.outbox_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, refused.dismissed)
            item.setToolTip(refused.sentence)
            if refused.dismissed:
                item.setForeground(self.palette().placeholderText())
            self.items.addItem(item)
        if self.items.count() == 0:
            empty = QListWidgetItem(self.tr("No changes were refused."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.items.addItem(empty)
        self._update_buttons()

    def open_ids(self, selected_only: bool) -> list[int]:
        items = self.items.selectedItems() if selected_only else [self.items.item(i) for i in range(self.items.count())]
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.data(Qt.ItemDataRole.UserRole) is not None and not item.data(Qt.ItemDataRole.UserRole + 1)
        ]

    def dismiss_selected(self) -> None:
        self._dismiss(self.open_ids(selected_only=True))

    def dismiss_all(self) -> None:
        self._dismiss(self.open_ids(selected_only=False))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Delete and self.open_ids(selected_only=True):
            self.dismiss_selected()
            return
        super().keyPressEvent(event)

    def _dismiss(self, ids: list[int]) -> None:
        if not ids:
            return
        refusals.dismiss(self._database, ids)
        self.reload()
        self.dismissed.emit()

    def _update_buttons(self) -> None:
        self.dismiss_button.setEnabled(bool(self.open_ids(selected_only=True)))
        self.dismiss_all_button.setEnabled(bool(self.open_ids(selected_only=False)))
