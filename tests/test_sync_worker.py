"""The QThread worker: states, a new client after a cycle, a clean stop."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, event, text

from leaddesk import edits
from leaddesk.db.database import Database, open_database
from leaddesk.sync.engine import SyncSummary
from leaddesk.sync.worker import SyncWorker
from tests.relay_simulator.generate import generated_log, scripted_log
from tests.relay_simulator.server import RelaySimulator, make_message
from tests.support.sync import fast_retry, sqlite
from tests.support.sync_gui import Desk, rows

TOKEN = "worker-token"


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        scripted_log(running)
        yield running


def make_worker(db_path: Path, url: str, token: str = TOKEN) -> SyncWorker:
    worker = SyncWorker(db_path, url, token)
    worker.retry = fast_retry(2.0)
    return worker


def test_worker_syncs_and_reports_new_clients(qtbot: QtBot, sim: RelaySimulator, db_path: Path) -> None:
    open_database(db_path).close()
    worker = make_worker(db_path, sim.url)
    states: list[str] = []
    worker.state_changed.connect(lambda state, _detail: states.append(state))
    with qtbot.waitSignal(worker.cycle_finished, timeout=20_000) as finished:
        worker.start()
    assert finished.args is not None and finished.args[0].ok
    assert states == ["syncing", "synced"]
    sim.add_message(make_message("wamid.N1", "ct_new", phone="+5215577778888", sent_at="2026-11-24T15:59:00Z"))
    with qtbot.waitSignal(worker.contacts_changed, timeout=20_000) as changed:
        worker.request_sync()
    assert changed.args == [["ct_new"]]
    worker.stop()
    assert not worker.is_running()


def test_worker_reports_offline_and_refused_token(qtbot: QtBot, db_path: Path) -> None:
    open_database(db_path).close()
    with RelaySimulator(token=TOKEN) as sim:
        refused = make_worker(db_path, sim.url, token="wrong")
        with qtbot.waitSignal(refused.cycle_finished, timeout=20_000):
            refused.start()
        assert refused.state == "unauthorized"
        refused.stop()
        url = sim.url
    offline = make_worker(db_path, url)
    with qtbot.waitSignal(offline.cycle_finished, timeout=20_000):
        offline.start()
    assert offline.state == "offline" and offline.offline_since
    offline.stop()


def test_stop_during_a_long_sync_is_clean_and_keeps_edits(
    qtbot: QtBot, sim: RelaySimulator, db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    database = open_database(db_path)
    sim.add_serialized(generated_log(20_000, start_seq=10_000))
    worker = make_worker(db_path, sim.url)
    sim.latency = 0.05
    progress: list[int] = []
    worker.progress.connect(lambda done, _total: progress.append(done))
    worker.start()
    qtbot.waitUntil(lambda: bool(progress), timeout=20_000)
    worker.stop()
    assert worker.state == "stopped" and not worker.is_running()
    # An edit made now waits; a fresh worker sends it.
    edits.set_sale_status(database, ["ct_ana"], "signed")
    database.close()
    sim.latency = 0.0
    again = make_worker(db_path, sim.url)
    with qtbot.waitSignal(again.cycle_finished, timeout=60_000) as finished:
        again.start()
    again.stop()
    assert finished.args is not None and finished.args[0].edits_sent == 1
    assert "QThread: Destroyed" not in capfd.readouterr().err


def test_the_database_is_opened_once_and_reused_by_every_cycle(
    qtbot: QtBot, sim: RelaySimulator, db_path: Path
) -> None:
    opened: list[object] = []

    def count(_dbapi: object, _record: object) -> None:
        opened.append(_dbapi)

    event.listen(Engine, "connect", count)
    try:
        worker = make_worker(db_path, sim.url)
        summaries = []
        for _ in range(4):
            with qtbot.waitSignal(worker.cycle_finished, timeout=20_000) as finished:
                worker.request_sync()
            assert finished.args is not None
            summaries.append(finished.args[0])
            if len(summaries) == 1:
                first_database, after_first = worker.database, len(opened)
        assert all(summary.ok for summary in summaries)
        assert worker.database is first_database
        assert len(opened) == after_first  # no cycle after the first opened a connection of its own
        worker.stop()
        assert worker.database is None  # the worker opened it, so the worker closed it
    finally:
        event.remove(Engine, "connect", count)


def test_a_worker_given_the_windows_database_uses_it(qtbot: QtBot, sim: RelaySimulator, db_path: Path) -> None:
    database = open_database(db_path)
    worker = SyncWorker(database, sim.url, TOKEN)
    with qtbot.waitSignal(worker.cycle_finished, timeout=20_000) as finished:
        worker.request_sync()
    assert finished.args is not None and finished.args[0].ok
    assert worker.database is database
    worker.stop()
    with database.read() as connection:  # still open: the window owns it
        assert connection.execute(text("SELECT count(*) FROM contacts")).scalar_one() > 0
    database.close()


def test_a_failure_inside_the_cycle_is_logged_and_shown(
    qtbot: QtBot, sim: RelaySimulator, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "tok_SECRET_9c2a8b7f3e1d"
    sim.token = secret
    desk = Desk.open(qtbot, database, sim.url, secret)
    with sqlite(database.path) as raw:  # a damaged cache: a table the sync writes is gone
        raw.execute("DROP TABLE sync_state")
    caplog.set_level(logging.ERROR, logger="leaddesk.sync.worker")
    summary = desk.sync()
    assert summary.outcome == "failed"
    text_shown = desk.status_text()
    assert text_shown == "Sync failed: database error (no such table: sync_state); will retry"
    records = [r for r in caplog.records if r.name == "leaddesk.sync.worker"]
    assert records and "Traceback (most recent call last)" in records[0].getMessage()
    assert "no such table: sync_state" in records[0].getMessage()
    assert secret not in caplog.text
    desk.close()


def test_missing_media_bring_the_next_cycle_after_a_short_pause(qtbot: QtBot, db_path: Path) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        for n in range(12):
            sha = sim.add_media(f"md_{n}", f"picture {n}".encode() * 100)
            media = {"media_id": f"md_{n}", "mime_type": "image/jpeg", "sha256": sha, "filename": None, "size": 1000}
            sim.add_message(make_message(f"wamid.P{n}", "ct_pics", text=None, type="image", media=media))
        worker = make_worker(db_path, sim.url)  # the 30 s interval
        worker.media_per_cycle = 5
        summaries: list[SyncSummary] = []
        worker.cycle_finished.connect(summaries.append)
        started = time.monotonic()
        worker.start()
        qtbot.waitUntil(lambda: len(summaries) >= 3, timeout=15_000)
        took = time.monotonic() - started
        assert [s.media_fetched for s in summaries] == [5, 5, 2]
        assert [s.media_missing for s in summaries] == [7, 2, 0]
        assert took < 10.0  # two 2 s pauses, not two 30 s intervals
        assert worker.next_cycle_ms == 30_000  # nothing missing any more: back to the interval
        worker.stop()
    missing = rows(db_path, "SELECT count(*) FROM media WHERE state != 'cached'")
    assert missing == [(0,)]
