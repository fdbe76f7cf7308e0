"""The status-bar sync indicator: "Synced 2 min ago (10:40)" / "Syncing…" / "Offline since 10:42 — changes
will be sent when back online" / "Access key refused — open Settings" / "Sync failed:
…; will retry", a progress bar during a long first sync, and "3 changes not sent yet"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from leaddesk.domain import parse_time
from leaddesk.models import words

#: Show the progress bar once a cycle has pulled this many events (a long first sync).
LONG_SYNC_EVENTS = 2000


def first_sync_text(clients: int, reached: datetime | None) -> str:
    """ "Getting your clients… 1,200 so far (up to 3/12/25)": the server does not say how many are
    still to come, so only what is known; the log runs oldest first, so the date tells how far back."""
    so_far = QCoreApplication.translate("SyncStatusWidget", "Getting your clients… %Ln so far", None, clients)
    if reached is None:
        return so_far
    return (
        QCoreApplication.translate("SyncStatusWidget", "%1 (up to %2)")
        .replace("%1", so_far)
        .replace("%2", words.short_date(reached))
    )


def state_text(state: str, detail: str) -> str:
    match state:
        case "syncing":
            return QCoreApplication.translate("SyncStatusWidget", "Syncing…")
        case "synced":
            if not detail:
                return QCoreApplication.translate("SyncStatusWidget", "Synced")
            moment = parse_time(detail)
            return (
                QCoreApplication.translate("SyncStatusWidget", "Synced %1 (%2)")
                .replace("%1", words.age(moment))
                .replace("%2", words.short_time(moment))
            )
        case "offline" | "retrying":
            # A retry while offline keeps saying offline: "Syncing…" would hide that nothing gets through.
            if detail:
                return QCoreApplication.translate(
                    "SyncStatusWidget", "Offline since %1 — changes will be sent when back online"
                ).replace("%1", words.short_time(parse_time(detail)))
            return QCoreApplication.translate("SyncStatusWidget", "Offline — changes will be sent when back online")
        case "failed":
            return (
                QCoreApplication.translate("SyncStatusWidget", "Sync failed: %1; will retry").replace("%1", detail)
                if detail
                else QCoreApplication.translate("SyncStatusWidget", "Sync failed; will retry")
            )
        case "unauthorized":
            return QCoreApplication.translate("SyncStatusWidget", "Access key refused — open Settings")
        case "not_configured":
            return QCoreApplication.translate("SyncStatusWidget", "Not connected to a server yet")
        case "stopped":
            return QCoreApplication.translate("SyncStatusWidget", "Sync stopped")
        case "demo":
            return QCoreApplication.translate("SyncStatusWidget", "Demo: never syncs")
        case "idle":
            return QCoreApplication.translate("SyncStatusWidget", "Not synced yet")
        case _:
            return (
                QCoreApplication.translate("SyncStatusWidget", "Sync problem: %1").replace("%1", detail)
                if detail
                else QCoreApplication.translate("SyncStatusWidget", "Sync problem")
            )


class SyncStatusWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state, self.detail = "idle", ""
        self._first_sync = ""  # what a running first sync has brought so far ("" when none runs)
        self.state_label = QLabel(QCoreApplication.translate("SyncStatusWidget", "Not synced yet"))
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.state_label.setAccessibleName(QCoreApplication.translate("SyncStatusWidget", "Sync status"))
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(QCoreApplication.translate("SyncStatusWidget", "Sync progress"))
        self.progress_bar.hide()
        self.waiting_label = QLabel("")
        self.waiting_label.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting_label.setAccessibleName(QCoreApplication.translate("SyncStatusWidget", "Changes not sent yet"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)  # "1 change not sent yet" and the state read as two things
        layout.addWidget(self.waiting_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.state_label)
        self._ticker = QTimer(self)
        self._ticker.setInterval(30_000)
        self._ticker.timeout.connect(self._render)
        self._ticker.start()

    def set_state(self, state: str, detail: str) -> None:
        self.state, self.detail = state, detail
        if state not in ("syncing", "retrying"):
            self.progress_bar.hide()
            self._first_sync = ""
        self._render()

    def set_hint(self, text: str) -> None:
        """A line for the state's tooltip (when the next try comes, what F5 does)."""
        self.state_label.setToolTip(text)

    def set_progress(self, done: int, total: int) -> None:
        if done < LONG_SYNC_EVENTS and self.progress_bar.isHidden():
            return
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)
        else:
            self.progress_bar.setRange(0, 0)  # busy: the relay does not say how many remain
        self.progress_bar.setToolTip(
            QCoreApplication.translate("SyncStatusWidget", "%Ln update(s) received", None, done)
        )
        self.progress_bar.show()

    def set_first_sync_progress(self, clients: int, reached: datetime | None) -> None:
        """A first sync's progress: how many clients so far and how far back the log reached (a busy
        bar: the server gives no total to measure against)."""
        self._first_sync = first_sync_text(clients, reached)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self._render()

    def set_waiting(self, count: int) -> None:
        if count == 0:
            self.waiting_label.setText("")
        elif self.state == "demo":
            # The demo never sends anything: its edits stay in the demo's own file, they do not "wait".
            self.waiting_label.setText(
                QCoreApplication.translate("SyncStatusWidget", "%Ln practice change(s), kept in the demo", None, count)
            )
        else:
            # Every queued command counts, a reply too: each is a change the server has not received yet.
            self.waiting_label.setText(
                QCoreApplication.translate("SyncStatusWidget", "%Ln change(s) not sent yet", None, count)
            )

    def _render(self) -> None:
        if self._first_sync and self.state == "syncing":
            self.state_label.setText(self._first_sync)
            return
        self.state_label.setText(state_text(self.state, self.detail))
