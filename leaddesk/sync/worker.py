"""The sync worker: one sync cycle at a time on a background thread, at start, then on a schedule and on
"Sync now".

It never touches a widget: it emits signals (delivered on the main thread) and the views re-read the
database. The database is opened (and migrated) once, on the first cycle, or handed in already open by
the window, and reused by every cycle. ``stop()`` cancels the cycle (between pages and edits, inside
retry pauses, between media and between the chunks of one media) and waits for it at most
``STOP_TIMEOUT_S``, so closing the window never hangs; an edit is marked sent only in the transaction
that records the relay's answer, so an interrupted one is simply sent again, with the same
idempotency key, next time.

Scheduling: the next cycle is planned only when one ends, so a timer never starts a cycle while one
runs. After a good cycle the next comes after ``interval_ms`` (``media_pause_ms`` while media are still
missing and the last cycle fetched some); after an unreachable relay or a failure after 5 s, 10 s,
20 s … capped at the interval. "Sync now" runs at once (or right after the running cycle).

States (``state_changed(state, detail)``): ``syncing`` (detail ""), ``retrying`` (a cycle while offline;
detail: since when), ``synced`` (detail: RFC 3339 time of the end), ``offline`` (detail: RFC 3339 time
since when), ``unauthorized``, ``not_configured``, ``error`` (settings that cannot work; detail: a
plain reason), ``failed`` (an unexpected error inside the cycle, logged with its traceback; detail: a
short reason), ``stopped``.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from sqlalchemy.exc import DBAPIError

from leaddesk.db.database import Database, open_database
from leaddesk.domain import format_time, utc_now
from leaddesk.sync.client import ConfigurationError, RelayClient
from leaddesk.sync.engine import PullProgress, RetryPolicy, SyncEngine, SyncSummary
from leaddesk.sync.media import MEDIA_PER_CYCLE

log = logging.getLogger(__name__)

INTERVAL_MS = 30_000
#: The first pause after the relay could not be reached (or a cycle failed); it doubles up to the interval.
BACKOFF_FIRST_MS = 5_000
#: The pause before the next cycle while media are still missing.
MEDIA_PAUSE_MS = 2_000
#: How long closing the window waits for a running cycle to stop.
STOP_TIMEOUT_S = 2.5
#: The window gives up on an unreachable relay quickly (a few quick retries) and says "Offline";
#: the worker then tries again in the background. ``sync --once`` keeps its long budget.
WINDOW_RETRY = RetryPolicy(max_seconds=1.5, base=0.3, cap=1.0)
WINDOW_READ_TIMEOUT = 15.0
REASON_MAX = 120
#: During a pull, the list is told of the clients that arrived at most this often: a first sync fills
#: it as pages arrive without redrawing it for every page.
LIST_FILL_MS = 500
#: ... and at most every ten times as long as the last update took (the list is long).
LIST_FILL_SHARE = 10


def short_reason(problem: BaseException) -> str:
    """One short line that says what went wrong, for the status bar."""
    if isinstance(problem, DBAPIError) and problem.orig is not None:
        text = f"database error ({problem.orig})"
    elif isinstance(problem, sqlite3.Error):
        text = f"database error ({problem})"
    elif isinstance(problem, OSError) and problem.strerror:
        text = problem.strerror
    else:
        text = f"{type(problem).__name__}: {problem}" if str(problem) else type(problem).__name__
    text = " ".join(text.split())
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


def _without(text: str, secret: str | None) -> str:
    return text.replace(secret, "[token]") if secret else text


class _Bridge(QObject):
    """Carries a cycle's signals from its thread to the worker (queued); outlives a deleted worker."""

    progress = Signal(int, int)
    pull_progress = Signal(object)
    ended = Signal(object)


@dataclass
class _Cycle:
    relay_url: str
    token: str
    ca_bundle: str
    read_timeout: float
    retry: RetryPolicy
    media_per_cycle: int
    bridge: _Bridge
    cancel: threading.Event = field(default_factory=threading.Event)
    summary: SyncSummary | None = None
    thread: threading.Thread | None = None


class SyncWorker(QObject):
    state_changed = Signal(str, str)
    progress = Signal(int, int)
    #: A :class:`PullProgress` after each committed group of pages.
    pull_progress = Signal(object)
    cycle_finished = Signal(object)
    #: Contacts whose rows changed: during a pull (at most every ``LIST_FILL_MS``) and when a cycle ends.
    contacts_changed = Signal(list)

    def __init__(
        self,
        database: Database | Path,
        relay_url: str = "",
        token: str | None = None,
        *,
        ca_bundle: str = "",
        interval_ms: int = INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if isinstance(database, Database):
            self.db_path = database.path
            self._database: Database | None = database
            self._owns_database = False
        else:
            self.db_path = Path(database)
            self._database = None
            self._owns_database = True
        self._database_lock = threading.Lock()
        self.relay_url = relay_url
        self.token = token
        self.ca_bundle = ca_bundle
        self.read_timeout = WINDOW_READ_TIMEOUT
        self.retry: RetryPolicy = WINDOW_RETRY
        self.interval_ms = interval_ms
        self.backoff_first_ms = BACKOFF_FIRST_MS
        self.media_pause_ms = MEDIA_PAUSE_MS
        self.media_per_cycle = MEDIA_PER_CYCLE
        self.state = "idle"
        self.offline_since: str | None = None
        #: Milliseconds until the planned next cycle (for the status bar's tooltip); None when none is planned.
        self.next_cycle_ms: int | None = None
        self._failures = 0
        self._cycle: _Cycle | None = None
        self._again = False
        self._stopped = False
        self._scheduled = False  # start() plans cycles on its own; request_sync() alone runs one
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timer_fired)
        self._arrived: set[str] = set()  # contacts pulled but not yet told (contacts_changed)
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(LIST_FILL_MS)
        self._fill_timer.timeout.connect(self._tell_arrived)

    # --- settings and control -------------------------------------------------------------

    def configure(self, relay_url: str, token: str | None, ca_bundle: str = "") -> None:
        """New settings; they apply from the next cycle."""
        self.relay_url, self.token, self.ca_bundle = relay_url, token, ca_bundle
        self._failures = 0

    @property
    def database(self) -> Database | None:
        """The database the cycles use (None until the first cycle opened it)."""
        return self._database

    def start(self) -> None:
        """Run a cycle now, then keep syncing on the schedule."""
        self._stopped = False
        self._scheduled = True
        self.request_sync()

    def is_running(self) -> bool:
        return self._cycle is not None

    def request_sync(self) -> None:
        """Sync now: at once, or right after the cycle that is running."""
        if self._stopped:
            return
        if self._cycle is not None:
            self._again = True
            return
        self._timer.stop()
        self.next_cycle_ms = None
        if not self.relay_url or not self.token:
            self._set_state("not_configured", "")
            return
        if self.offline_since is not None:
            self._set_state("retrying", self.offline_since)
        else:
            self._set_state("syncing", "")
        bridge = _Bridge()
        cycle = _Cycle(
            relay_url=self.relay_url,
            token=self.token,
            ca_bundle=self.ca_bundle,
            read_timeout=self.read_timeout,
            retry=self.retry,
            media_per_cycle=self.media_per_cycle,
            bridge=bridge,
        )
        bridge.progress.connect(self.progress, Qt.ConnectionType.QueuedConnection)
        bridge.pull_progress.connect(self._pulled, Qt.ConnectionType.QueuedConnection)
        bridge.ended.connect(self._cycle_ended, Qt.ConnectionType.QueuedConnection)
        # A daemon thread: if a relay holds a request past STOP_TIMEOUT_S, closing the window does not
        # wait for it; the process may end under it (every page commits with its cursor, so nothing is lost).
        cycle.thread = threading.Thread(target=self._run, args=(cycle,), name="leaddesk-sync", daemon=True)
        self._cycle = cycle
        cycle.thread.start()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Stop the schedule and cancel the running cycle, waiting for it at most ``timeout`` seconds.

        Returns False if the cycle had not ended by then (it is left to end on its own).
        """
        self._stopped = True
        self._scheduled = False
        self._timer.stop()
        self.next_cycle_ms = None
        cycle = self._cycle
        ended = True
        if cycle is not None and cycle.thread is not None:
            cycle.cancel.set()
            cycle.thread.join(timeout)
            ended = not cycle.thread.is_alive()
            if not ended:
                log.warning("the sync did not stop within %.1f s; closing without waiting for it", timeout)
            self._cycle_ended(cycle)
        if ended:
            self._close_owned_database()
        return ended

    def _close_owned_database(self) -> None:
        with self._database_lock:
            if self._owns_database and self._database is not None:
                self._database.close()
                self._database = None

    # --- the cycle's thread -------------------------------------------------------------

    def _open_database(self) -> Database:
        with self._database_lock:
            if self._database is None:
                self._database = open_database(self.db_path)
            return self._database

    def _run(self, cycle: _Cycle) -> None:
        try:
            cycle.summary = self._sync(cycle)
        except Exception as problem:  # any failure is logged and shown, never lost
            reason = _without(short_reason(problem), cycle.token)
            details = _without("".join(traceback.format_exception(problem)), cycle.token)
            log.error("sync cycle failed: %s\n%s", reason, details.rstrip())
            cycle.summary = SyncSummary(outcome="failed", error=reason)
        finally:
            if self._stopped:
                # stop() gave up waiting for this cycle: the database it owns is closed now that it ended.
                self._close_owned_database()
            with contextlib.suppress(RuntimeError):  # the window may be gone when a cycle left behind ends
                cycle.bridge.ended.emit(cycle)

    def _sync(self, cycle: _Cycle) -> SyncSummary:
        try:
            client = RelayClient(
                cycle.relay_url,
                cycle.token,
                ca_bundle=cycle.ca_bundle or None,
                read_timeout=cycle.read_timeout,
                cancel=cycle.cancel,
            )
        except ConfigurationError as problem:
            return SyncSummary(outcome="config", error=str(problem))
        database = self._open_database()
        with client:
            engine = SyncEngine(
                database,
                client,
                cancel=cycle.cancel,
                progress=lambda phase, done, total: self._progress(cycle, phase, done, total),
                pull_progress=cycle.bridge.pull_progress.emit,
                retry=cycle.retry,
                media_per_cycle=cycle.media_per_cycle,
            )
            return engine.run_cycle()

    @staticmethod
    def _progress(cycle: _Cycle, phase: str, done: int, total: int) -> None:
        if phase == "pull":
            cycle.bridge.progress.emit(done, total)

    # --- back on the main thread ------------------------------------------------------

    def _set_state(self, state: str, detail: str) -> None:
        self.state = state
        self.state_changed.emit(state, detail)

    def _pulled(self, where: PullProgress) -> None:
        """A group of pages is in the cache: say where the pull is, and show its clients soon."""
        if self._cycle is None:
            return  # a page of a cycle already ended (stopped) comes late: the end told everything
        self.pull_progress.emit(where)
        self._arrived |= where.changed
        if not self._fill_timer.isActive():
            self._tell_arrived()  # the first clients at once, then at most every LIST_FILL_MS

    def _tell_arrived(self) -> None:
        if self._arrived:
            arrived, self._arrived = sorted(self._arrived), set()
            started = time.perf_counter()
            self.contacts_changed.emit(arrived)  # the list updates itself in this call
            spent_ms = (time.perf_counter() - started) * 1000
            # A long list takes longer to update: its updates keep to a tenth of the window's time.
            self._fill_timer.start(max(LIST_FILL_MS, round(spent_ms * LIST_FILL_SHARE)))

    def _cycle_ended(self, cycle: _Cycle) -> None:
        if cycle is not self._cycle:
            return  # already handled (stop() did, then the thread's queued signal came)
        self._cycle = None
        self._fill_timer.stop()
        self._arrived.clear()  # the cycle's own contacts_changed below names every contact it changed
        # No summary: stop() gave up waiting for the cycle, which counts as stopped.
        summary = cycle.summary or SyncSummary(outcome="cancelled")
        now = format_time(utc_now())
        match summary.outcome:
            case "ok":
                self.offline_since = None
                self._failures = 0
                self._set_state("synced", now)
            case "unreachable":
                self.offline_since = self.offline_since or now
                self._failures += 1
                self._set_state("offline", self.offline_since)
            case "unauthorized":
                self._set_state("unauthorized", "")
            case "config":
                self._set_state("error", summary.error or "")
            case "cancelled":
                self._set_state("stopped", "")
            case _:
                self._failures += 1
                self._set_state("failed", summary.error or "the sync stopped unexpectedly")
        again = self._again and not self._stopped
        self._again = False
        if self._scheduled and not again and not self._stopped:
            self._plan_next(summary)  # before the signals, so their slots can say when the next try comes
        changed = summary.changed_contacts()
        if changed or summary.edits_sent or summary.edits_refused or summary.edits_conflicted:
            self.contacts_changed.emit(changed)
        self.cycle_finished.emit(summary)
        if again:
            self.request_sync()

    def _plan_next(self, summary: SyncSummary) -> None:
        if summary.outcome == "config":
            return  # settings that cannot work wait for Settings
        if summary.outcome in ("unreachable", "failed"):
            delay = min(self.interval_ms, self.backoff_first_ms * 2 ** min(self._failures - 1, 16))
        elif summary.ok and summary.media_missing > 0 and summary.media_fetched > 0:
            delay = min(self.interval_ms, self.media_pause_ms)
        else:
            delay = self.interval_ms
        self.next_cycle_ms = delay
        self._timer.start(delay)

    def _timer_fired(self) -> None:
        if self._cycle is None:
            self.request_sync()
