"""A one-line notice above the client list: what just happened, with a button or two and a close cross.

Used for a change the server refused ("The server did not accept 'Sold' for Ana López: …") and for a
bulk edit that can still be undone ("Set 12 clients to Pending — Undo"). Text is plain: names come
from strangers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class NoticeBar(QFrame):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("notice", True)
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 6, 6)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.close_button = QToolButton()
        self.close_button.setObjectName("noticeClose")
        self.close_button.setText("✕")
        self.close_button.setToolTip(QCoreApplication.translate("NoticeBar", "Hide this notice"))
        self.close_button.setAccessibleName(QCoreApplication.translate("NoticeBar", "Hide this notice"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        self._layout.addWidget(self.close_button)
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self.hide)
        self.hide()

    def show_notice(
        self, text: str, buttons: Sequence[tuple[str, Callable[[], None]]] = (), *, hide_after_ms: int = 0
    ) -> None:
        """Show ``text`` with ``buttons`` (label, what it does; each also hides the notice)."""
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        self.label.setText(text)
        for label, action in buttons:
            button = QPushButton(label)
            button.setObjectName("noticeButton")
            button.clicked.connect(lambda _=False, run=action: self._run(run))
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        self.show()
        if hide_after_ms:
            self._expiry.start(hide_after_ms)
        else:
            self._expiry.stop()

    def button(self, label: str) -> QPushButton | None:
        return next((b for b in self._buttons if b.text() == label), None)

    def _run(self, action: Callable[[], None]) -> None:
        self.hide()
        action()
