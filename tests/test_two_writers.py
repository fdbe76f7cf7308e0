"""Two writers, one file: ``leaddesk sync --once`` and ``leaddesk set`` as real processes at the same time.

Every write transaction takes the write lock before its first read (``BEGIN IMMEDIATE``), so each
writer waits for the other within the busy timeout instead of failing with "database is locked".
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from leaddesk.db.database import Database
from leaddesk.sync.worker import SyncWorker
from leaddesk.views.profile import ProfileDialog
from tests.relay_simulator.generate import PHONE_BASE, generated_log
from tests.relay_simulator.server import RelaySimulator, make_contact
from tests.support.profile import seed_rich_contact
from tests.support.sync import fast_retry

TOKEN = "two-writers"
MESSAGES = 300_000
EDITS = 40


def leaddesk(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "leaddesk", "--db", str(db), *args]


def environment(**extra: str) -> dict[str, str]:
    return dict(os.environ, LEADDESK_RELAY_TOKEN=TOKEN, LEADDESK_SYNC_MAX_RETRY_SECONDS="30", **extra)


def contact_id(index: int) -> str:
    return f"ct_{index:07d}"  # the generated log's contact ids


def edit_args(index: int) -> list[str]:
    """The i-th edit: sale status, name, funnel stage or a flag, in turn."""
    match index % 4:
        case 0:
            return ["--sale-status", "sold"]
        case 1:
            return ["--name", f"Edited {index}"]
        case 2:
            return ["--stage", "interested"]
        case _:
            return ["--mystery-shopper", "yes"]


def wait_for_contacts(db: Path, ids: list[str], timeout: float = 60.0) -> None:
    """Poll the cache (a reader: it never blocks the sync) until every one of ``ids`` is in it."""
    deadline = time.monotonic() + timeout
    marks = ",".join("?" * len(ids))
    while time.monotonic() < deadline:
        try:
            connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                found = connection.execute(f"SELECT count(*) FROM contacts WHERE id IN ({marks})", ids).fetchone()[0]
            finally:
                connection.close()
            if found == len(ids):
                return
        except sqlite3.OperationalError:
            pass  # not made or not migrated yet
        time.sleep(0.05)
    raise AssertionError("the contacts never reached the cache")


@pytest.mark.slow
def test_forty_edits_while_a_sync_of_300k_events_runs(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite"
    edited = [contact_id(i) for i in range(EDITS)]
    with RelaySimulator(token=TOKEN) as sim:
        # The relay knows the edited contacts (so it can apply commands on them); the generated log
        # then upserts them again at the same version, which changes nothing.
        for index in range(EDITS):
            sim.add_contact(make_contact(contact_id(index), f"+{PHONE_BASE + index}", name=f"Client {index}"))
        sim.add_serialized(generated_log(MESSAGES, start_seq=EDITS + 1))
        assert sim.log_length >= 300_000

        out, err = (tmp_path / "sync.out").open("w"), (tmp_path / "sync.err").open("w")
        sync = subprocess.Popen(
            leaddesk(db, "--relay", sim.url, "sync", "--once"), env=environment(), stdout=out, stderr=err
        )
        try:
            wait_for_contacts(db, edited)
            results: list[tuple[subprocess.CompletedProcess[str], bool]] = []
            for index in range(EDITS):
                done = subprocess.run(
                    leaddesk(db, "set", contact_id(index), *edit_args(index)),
                    capture_output=True,
                    text=True,
                    timeout=60,
                    check=False,
                )
                results.append((done, sync.poll() is None))
            sync_status = sync.wait(timeout=180)
        finally:
            if sync.poll() is None:
                sync.kill()
            out.close()
            err.close()
        sync_err = (tmp_path / "sync.err").read_text()
        assert sync_status == 0, sync_err
        assert "Traceback" not in sync_err and "locked" not in sync_err
        assert (tmp_path / "sync.out").read_text().startswith(f"synced: {sim.log_length:,} events applied")
        for done, _ in results:
            assert done.returncode == 0, done.stderr
            assert done.stderr == ""
        # The edits really raced the sync's pages (else this test would show nothing).
        assert sum(1 for _, during_sync in results if during_sync) >= 5

        connection = sqlite3.connect(db)
        try:
            assert connection.execute("SELECT count(*) FROM messages").fetchone()[0] == MESSAGES
            keys = [row[0] for row in connection.execute("SELECT idempotency_key FROM outbox ORDER BY id")]
        finally:
            connection.close()
        assert len(keys) == EDITS

        # The next sync pushes all 40, each exactly once.
        again = subprocess.run(
            leaddesk(db, "--relay", sim.url, "sync", "--once"),
            env=environment(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert again.returncode == 0, again.stderr
        assert f"{EDITS} edits sent, 0 refused, 0 conflicts" in again.stdout
        assert sorted(sim.applications) == sorted(keys)
        assert set(sim.applications.values()) == {1}
        for index in range(EDITS):
            relay_state = sim.contacts[contact_id(index)]
            expected = {0: ("sale_status", "sold"), 1: ("name", f"Edited {index}"), 2: ("funnel_stage", "interested")}
            field, value = expected.get(index % 4, ("mystery_shopper", True))
            assert relay_state[field] == value, (index, relay_state)

    connection = sqlite3.connect(db)
    try:
        states = connection.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
    finally:
        connection.close()
    assert states == [("applied", EDITS)]


#: Long enough that several saves land while the sync still runs, now that a first sync groups pages.
SAVE_LOG_MESSAGES = 150_000


def test_profile_saves_while_the_sync_worker_applies_pages(qtbot: Any, database: Database, db_path: Path) -> None:
    seed_rich_contact(database)
    dialog = ProfileDialog(database, "ct_8812")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    overview = dialog.overview
    with RelaySimulator(token=TOKEN) as sim:
        sim.add_serialized(generated_log(SAVE_LOG_MESSAGES))
        worker = SyncWorker(db_path, sim.url, TOKEN)  # opens its own connections, as in the window
        worker.retry = fast_retry(10)
        pages: list[int] = []
        worker.progress.connect(lambda done, _total: pages.append(done))
        saved_during: list[int] = []
        with qtbot.waitSignal(worker.cycle_finished, timeout=120_000) as finished:
            worker.request_sync()
            qtbot.waitUntil(lambda: bool(pages), timeout=30_000)
            while worker.is_running() and len(saved_during) < 40:
                number = len(saved_during)
                status = ("pending", "signed", "sold", "none")[number % 4]
                overview.name_edit.clear()
                qtbot.keyClicks(overview.name_edit, f"Ana {number}")
                overview.sale_status.setCurrentIndex(overview.sale_status.findData(status))
                qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
                assert [box.text() for box in dialog.findChildren(QMessageBox) if box.isVisible()] == []
                with database.read() as connection:
                    row = connection.execute(text("SELECT name, sale_status FROM contacts WHERE id = 'ct_8812'")).one()
                assert tuple(row) == (f"Ana {number}", status)
                saved_during.append(len(pages))
                qtbot.wait(10)  # the worker's pages go on meanwhile
        worker.stop()  # closes the database the worker opened for itself
        assert finished.args is not None and finished.args[0].ok, finished.args
    # Saves landed between pages: the worker went on applying pages while the dialog saved.
    assert len(saved_during) >= 3 and saved_during[-1] > saved_during[0], saved_during
    with database.read() as connection:
        assert (
            connection.execute(text("SELECT count(*) FROM messages WHERE id LIKE 'wamid.G%'")).scalar()
            == SAVE_LOG_MESSAGES
        )
        queued = connection.execute(text("SELECT count(*) FROM outbox WHERE state = 'queued'")).scalar()
    assert queued == 2 * len(saved_during)  # a name and a sale status per Save, none lost
