"""Small helpers shared by the profile tabs: plain-text labels and escaped tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from leaddesk.db.database import Database
from leaddesk.models.client_table import plain_tooltip
from leaddesk.views.theme import colors


def plain_label(text: str = "", *, wrap: bool = False, selectable: bool = False, muted: bool = False) -> QLabel:
    """A label that shows its text literally: never rich text, never a link."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setProperty("tone", "muted")  # colours: style.qss, light or dark
    return label


def set_plain_tooltip(widget: QWidget, text: str) -> None:
    widget.setToolTip(plain_tooltip(text))


def show_error(parent: QWidget, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


#: The red of a field that cannot be saved as it is (the light theme's; on screen, colors().problem).
PROBLEM_RED = "#C62828"


def mark_problem(widget: QWidget, message_label: QLabel, message: str) -> None:
    """A red border on ``widget`` and ``message`` beside it; :func:`clear_problem` takes both away."""
    widget.setProperty("problem", True)
    kind = type(widget).__name__
    widget.setStyleSheet(f"{kind} {{ border: 2px solid {colors().problem.name()}; border-radius: 3px; }}")
    widget.setToolTip(plain_tooltip(message))
    message_label.setText(message)
    message_label.show()


def clear_problem(widget: QWidget, message_label: QLabel) -> None:
    if widget.property("problem"):
        widget.setProperty("problem", False)
        widget.setStyleSheet("")
        widget.setToolTip("")
    message_label.clear()
    message_label.hide()


def problem_label() -> QLabel:
    """The message shown beside a field that cannot be saved (hidden while there is none)."""
    label = plain_label(wrap=True)
    label.setProperty("tone", "alert")
    label.hide()
    return label


class EditingTab(QWidget):
    """A profile tab with a form staff edit and save.

    ``edited`` is emitted after a save; ``dirty_changed(bool)`` when the form starts or stops differing
    from what was loaded (the dialog marks its title).
    """

    edited = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self._dirty = False

    def _note_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
