"""The status-bar sync indicator: "Synced 2 min ago" / "Syncing…" / "Offline since 10:42" /
"Token refused — open Settings", a progress bar during a long first sync, and "3 edits waiting"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from leaddesk.domain import humanize_age, parse_time

#: Show the progress bar once a cycle has pulled this many events (a long first sync).
LONG_SYNC_EVENTS = 2000


def state_text(state: str, detail: str) -> str:
    match state:
        case "syncing":
            return "Syncing…"
        case "synced":
            return f"Synced {humanize_age(parse_time(detail))}" if detail else "Synced"
        case "offline":
            return f"Offline since {parse_time(detail).astimezone():%H:%M}" if detail else "Offline"
        case "unauthorized":
            return "Token refused — open Settings"
        case "not_configured":
            return "Not connected — open Settings"
        case "stopped":
            return "Sync stopped"
        case "demo":
            return "Demo: never syncs"
        case "idle":
            return "Not synced yet"
        case _:
            return f"Sync problem: {detail}" if detail else "Sync problem"


class SyncStatusWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.detail = "idle", ""
        self.state_label = QLabel("Not synced yet")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.waiting_label = QLabel("")
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.state_label)
        self._ticker = QTimer(self)
        self._ticker.setInterval(30_000)
        self._ticker.timeout.connect(self._render)
        self._ticker.start()

    def set_state(self, state: str, detail: str) -> None:
        self.state, self.detail = state, detail
        if state != "syncing":
            self.progress_bar.hide()
        self._render()

    def set_progress(self, done: int, total: int) -> None:
        if done < LONG_SYNC_EVENTS and self.progress_bar.isHidden():
            return
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)  # busy: the relay does not say how many remain
        self.progress_bar.setToolTip(f"{done:,} events received")
        self.progress_bar.show()

    def set_waiting(self, count: int) -> None:
        self.waiting_label.setText("" if count == 0 else ("1 edit waiting" if count == 1 else f"{count} edits waiting"))

    def _render(self) -> None:
        self.state_label.setText(state_text(self.state, self.detail))
