"""Answering a modal dialog from a test: ``exec()`` blocks, so the answer runs from the dialog's own loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot


def answer_modal(qtbot: QtBot, answer: Callable[[QDialog], None]) -> list[QDialog]:
    """Run ``answer`` on the next modal dialog as soon as it shows; returns the dialogs seen."""
    seen: list[QDialog] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.isVisible():
            seen.append(modal)
            answer(modal)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    return seen


def click(qtbot: QtBot, dialog: QWidget, text: str) -> None:
    """Click the button of ``dialog`` that reads ``text`` (its mnemonic "&" aside)."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.text().replace("&", "") == text]
    assert buttons, f"no {text!r} button"
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
