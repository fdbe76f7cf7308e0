"""The sync worker: one sync cycle at a time in a QThread, at start, every 30 s and on "Sync now".

It never touches a widget: it emits signals (delivered on the main thread) and the views re-read the
database. The thread opens its own ``Database`` (its own connections). ``stop()`` cancels the cycle
between pages/edits and waits for the thread, so closing the window loses no edit: an edit is marked
sent only in the transaction that records the relay's answer, so an interrupted one is simply sent
again, with the same idempotency key, next time.

States (``state_changed(state, detail)``): ``syncing`` (detail ""), ``synced`` (detail: RFC 3339 time
of the end), ``offline`` (detail: RFC 3339 time since when), ``unauthorized``, ``not_configured``,
``error`` (detail: a plain reason).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from leaddesk.db.database import open_database
from leaddesk.domain import format_time, utc_now
from leaddesk.sync.client import ConfigurationError, RelayClient
from leaddesk.sync.engine import RetryPolicy, SyncEngine, SyncSummary

INTERVAL_MS = 30_000


class _CycleThread(QThread):
    def __init__(self, worker: SyncWorker) -> None:
        super().__init__()
        self.worker = worker
        self.cancel = threading.Event()
        self.summary: SyncSummary | None = None

    def run(self) -> None:
        worker = self.worker
        summary = SyncSummary()
        try:
            client = RelayClient(
                worker.relay_url,
                worker.token or "",
                ca_bundle=worker.ca_bundle or None,
                read_timeout=worker.read_timeout,
            )
        except ConfigurationError as problem:
            summary.outcome, summary.error = "config", str(problem)
            self.summary = summary
            return
        database = open_database(worker.db_path)
        try:
            with client:
                engine = SyncEngine(database, client, cancel=self.cancel, progress=self._progress, retry=worker.retry)
                self.summary = engine.run_cycle()
        finally:
            database.close()

    def _progress(self, phase: str, done: int, total: int) -> None:
        if phase == "pull":
            self.worker.progress.emit(done, total)


class SyncWorker(QObject):
    state_changed = Signal(str, str)
    progress = Signal(int, int)
    cycle_finished = Signal(object)
    contacts_changed = Signal(list)

    def __init__(
        self,
        db_path: Path,
        relay_url: str = "",
        token: str | None = None,
        *,
        ca_bundle: str = "",
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.relay_url = relay_url
        self.token = token
        self.ca_bundle = ca_bundle
        self.read_timeout = 15.0
        self.retry: RetryPolicy | None = None  # None: the engine's default (from the environment)
        self.state = "idle"
        self.offline_since: str | None = None
        self._thread: _CycleThread | None = None
        self._again = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.request_sync)

    def configure(self, relay_url: str, token: str | None, ca_bundle: str = "") -> None:
        """New settings; they apply from the next cycle."""
        self.relay_url, self.token, self.ca_bundle = relay_url, token, ca_bundle

    def start(self) -> None:
        self._stopped = False
        self._timer.start()
        self.request_sync()

    def is_running(self) -> bool:
        return self._thread is not None

    def request_sync(self) -> None:
        if self._stopped:
            return
        if self._thread is not None:
            self._again = True
            return
        if not self.relay_url or not self.token:
            self._set_state("not_configured", "")
            return
        self._set_state("syncing", "")
        thread = _CycleThread(self)
        thread.finished.connect(self._finished)
        self._thread = thread
        thread.start()

    def stop(self) -> None:
        """Stop the timer, cancel the running cycle and wait for its thread to end."""
        self._stopped = True
        self._timer.stop()
        thread = self._thread
        if thread is not None:
            thread.cancel.set()
            thread.wait()
            self._finished()

    def _set_state(self, state: str, detail: str) -> None:
        self.state = state
        self.state_changed.emit(state, detail)

    def _finished(self) -> None:
        thread = self._thread
        if thread is None:
            return
        self._thread = None
        summary = thread.summary or SyncSummary(outcome="error", error="the sync stopped unexpectedly")
        thread.deleteLater()
        now = format_time(utc_now())
        match summary.outcome:
            case "ok":
                self.offline_since = None
                self._set_state("synced", now)
            case "unreachable":
                self.offline_since = self.offline_since or now
                self._set_state("offline", self.offline_since)
            case "unauthorized":
                self._set_state("unauthorized", "")
            case "config":
                self._set_state("error", summary.error or "")
            case "cancelled":
                self._set_state("stopped", "")
            case _:
                self._set_state("error", summary.error or "")
        changed = summary.changed_contacts()
        if changed or summary.edits_sent or summary.edits_refused or summary.edits_conflicted:
            self.contacts_changed.emit(changed)
        self.cycle_finished.emit(summary)
        if self._again and not self._stopped:
            self._again = False
            self.request_sync()
