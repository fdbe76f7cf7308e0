"""Small helpers shared by the profile tabs: plain-text labels and escaped tooltips."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from leaddesk.db.database import Database
from leaddesk.models.client_table import plain_tooltip
from leaddesk.views.theme import colors

#: What :mod:`leaddesk.edits` says when an edit cannot be made (English, as the command line prints it),
#: marked here so that the profile shows it in the window's language (:func:`edit_problem`).
EDIT_PROBLEMS = frozenset(
    str(words)
    for words in (
        QT_TRANSLATE_NOOP("Edits", "Nothing to change."),
        QT_TRANSLATE_NOOP("Edits", "A time to resume the bot goes only with pausing it."),
        QT_TRANSLATE_NOOP("Edits", "The time to resume the bot must be in the future."),
        QT_TRANSLATE_NOOP("Edits", "No flag to set."),
        QT_TRANSLATE_NOOP("Edits", "A name cannot be empty."),
        QT_TRANSLATE_NOOP("Edits", "No setting to change."),
        QT_TRANSLATE_NOOP("Edits", "A setting needs a name."),
        QT_TRANSLATE_NOOP("Edits", "A setting's name is longer than 100 characters."),
        QT_TRANSLATE_NOOP("Edits", "A setting's value must be text, a number, true/false, a list or an object."),
        QT_TRANSLATE_NOOP("Edits", "The message is empty."),
        QT_TRANSLATE_NOOP("Edits", "This conflict is already settled."),
        QT_TRANSLATE_NOOP("Edits", "Could not save: the database is busy. Try again."),
    )
)
#: The messages of :mod:`leaddesk.edits` that hold a value: (their English shape, the words with %1, %2).
EDIT_PROBLEM_SHAPES = (
    (
        re.compile(r"The name is longer than (\d+) characters\."),
        str(QT_TRANSLATE_NOOP("Edits", "The name is longer than %1 characters.")),
    ),
    (
        re.compile(r"The message is longer than (\d+) characters \((\d+)\)\."),
        str(QT_TRANSLATE_NOOP("Edits", "The message is longer than %1 characters (%2).")),
    ),
    (
        re.compile(r"The stage '(.*)' is set only by the bot's rules; a person may not pick it\.", re.DOTALL),
        str(QT_TRANSLATE_NOOP("Edits", "The stage “%1” is set only by the bot's rules; a person may not pick it.")),
    ),
    (
        re.compile(r"The setting '(.*)' cannot be set and removed at once\.", re.DOTALL),
        str(QT_TRANSLATE_NOOP("Edits", "The setting “%1” cannot be set and removed at once.")),
    ),
    (
        re.compile(r"This change was not refused by the relay\."),
        str(QT_TRANSLATE_NOOP("Edits", "This change was not refused by the server.")),
    ),
)


def edit_problem(problem: Exception) -> str:
    """Why an edit could not be made, in the window's language (an unknown message as it is)."""
    text = str(problem)
    if text in EDIT_PROBLEMS:
        return QCoreApplication.translate("Edits", text)
    for shape, words in EDIT_PROBLEM_SHAPES:
        found = shape.fullmatch(text)
        if found is not None:
            said = QCoreApplication.translate("Edits", words)
            for number, value in enumerate(found.groups(), start=1):
                said = said.replace(f"%{number}", value)
            return said
    return text


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
