"""Offline, said plainly: the real window against the relay simulator as a real HTTP server that is
stopped and started again on the same port.

With the relay gone, an edit and F5 make the status bar say "Offline since HH:MM — showing what was
synced; edits wait" within seconds (not "Syncing…" for minutes); the worker tries again in the
background with growing pauses, never two cycles at once; "Sync now" tries at once; when the relay
answers again the status says "Synced" and the edit that waited is sent.
"""

from __future__ import annotations

import itertools
import time
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QLocale, Qt, QTime
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.app import WindowSession, build_window
from leaddesk.db.database import Database
from leaddesk.sync.worker import SyncWorker
from leaddesk.views.sync_status import SyncStatusWidget
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import RelaySimulator
from tests.support.sync_gui import closed_port_url, rows

TOKEN = "offline-token"
OFFLINE_TEXT = "Offline since {} — changes will be sent when back online"


class Recorder:
    """Every state the worker reports and every text the status bar shows, with when."""

    def __init__(self, worker: SyncWorker, status: SyncStatusWidget) -> None:
        self.states: list[tuple[float, str]] = []
        self.texts: list[tuple[float, str]] = []
        self.ends: list[float] = []
        worker.state_changed.connect(self._state)
        worker.cycle_finished.connect(lambda _summary: self.ends.append(time.monotonic()))
        self.status = status

    def _state(self, state: str, _detail: str) -> None:
        self.states.append((time.monotonic(), state))
        self.texts.append((time.monotonic(), self.status.state_label.text()))

    def starts(self, since: float = 0.0) -> list[float]:
        return [t for t, s in self.states if s in ("syncing", "retrying") and t >= since]


def hhmm() -> str:
    """The time of day as the status bar writes it: the locale's way (English: "12:41 PM")."""
    now = QTime.currentTime()
    return QLocale().toString(QTime(now.hour(), now.minute()), QLocale.FormatType.ShortFormat)


def open_real_window(qtbot: QtBot, database: Database, url: str, monkeypatch: pytest.MonkeyPatch) -> WindowSession:
    """The window as `leaddesk --relay URL` builds it, the token from LEADDESK_RELAY_TOKEN, sync started."""
    monkeypatch.setenv("LEADDESK_RELAY_TOKEN", TOKEN)
    session = build_window(database, relay_url=url, start_sync=False)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitExposed(session.window)
    return session


def status_of(session: WindowSession) -> SyncStatusWidget:
    status = session.window.findChild(SyncStatusWidget)
    assert isinstance(status, SyncStatusWidget)
    return status


def test_offline_is_said_within_seconds_retried_in_the_background_and_synced_when_back(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = urlsplit(closed_port_url()).port
    assert port is not None
    sim = RelaySimulator(token=TOKEN, port=port)
    scripted_log(sim)
    sim.start()
    try:
        session = open_real_window(qtbot, database, sim.url, monkeypatch)
        window, worker, status = session.window, session.worker, status_of(session)
        label = status.state_label
        record = Recorder(worker, status)
        worker.start()
        qtbot.waitUntil(lambda: label.text().startswith("Synced just now ("), timeout=20_000)

        # The relay goes away; the user edits a client and presses F5.
        sim.stop()
        edits.set_sale_status(database, ["ct_ana"], "sold")
        window.refresh_clients()
        assert status.waiting_label.text() == "1 change not sent yet"
        worker.backoff_first_ms = 300  # the window's 5 s, shortened for the test; it doubles the same way
        before, pressed = hhmm(), time.monotonic()
        qtbot.keyClick(window, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: label.text().startswith("Offline since"), timeout=10_000)
        said_after = time.monotonic() - pressed
        assert said_after < 6.0, f"offline was said only after {said_after:.1f} s"
        assert label.text() in {OFFLINE_TEXT.format(before), OFFLINE_TEXT.format(hhmm())}
        offline_text = label.text()
        assert status.waiting_label.text() == "1 change not sent yet"
        assert "F5" in label.toolTip()

        # In the background it tries again, with growing pauses, one cycle at a time, still saying offline.
        went_offline = record.ends[-1]
        qtbot.waitUntil(lambda: len(record.starts(went_offline)) >= 3, timeout=20_000)
        starts = record.starts(went_offline)
        ends = [t for t in record.ends if t >= went_offline]
        gaps = [start - end for end, start in zip(ends, starts, strict=False)]
        assert all(b > a * 1.4 for a, b in itertools.pairwise(gaps)), gaps
        assert {text for at, text in record.texts if at >= went_offline} == {offline_text}  # never "Syncing…"
        assert label.text() == offline_text

        # The pauses stop growing at the 30 s interval; "Sync now" does not wait for them.
        worker.backoff_first_ms = 60_000
        worker.request_sync()
        qtbot.waitUntil(lambda: not worker.is_running() and worker.next_cycle_ms == 30_000, timeout=20_000)
        sim.start()  # the relay is back, on the same port
        back = time.monotonic()
        qtbot.keyClick(window, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: label.text().startswith("Synced just now ("), timeout=10_000)
        assert time.monotonic() - back < 5.0
        assert label.text().endswith(f"({hhmm()})")
        assert status.waiting_label.text() == ""
        assert rows(database.path, "SELECT state FROM outbox") == [("applied",)]
        assert sim.contacts["ct_ana"]["sale_status"] == "sold"

        # Gone again and back again: the worker alone notices both.
        sim.stop()
        worker.backoff_first_ms = 300
        worker.request_sync()
        qtbot.waitUntil(lambda: label.text().startswith("Offline since"), timeout=10_000)
        sim.start()
        qtbot.waitUntil(lambda: label.text().startswith("Synced just now ("), timeout=15_000)
        # Never two cycles at once: each start follows the end of the one before.
        starts, ends = record.starts(), record.ends
        assert all(ends[i] <= starts[i + 1] for i in range(len(starts) - 1)), (starts, ends)
        session.close()
    finally:
        sim.stop()


def test_the_timer_never_starts_a_cycle_while_one_runs(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        sim.latency = 0.25  # every cycle takes longer than the interval below
        session = open_real_window(qtbot, database, sim.url, monkeypatch)
        worker = session.worker
        worker.interval_ms = 300
        record = Recorder(worker, status_of(session))
        worker.start()
        qtbot.waitUntil(lambda: len(record.ends) >= 4, timeout=30_000)
        session.close()
        starts = record.starts()
        ends = record.ends
        for finished, next_start in zip(ends, starts[1:], strict=False):
            # The next cycle waits the interval after the last one ended: no cycle queued up behind it.
            assert next_start - finished >= 0.25, (starts, ends)
