"""Another program holds the cache's write lock past the busy timeout: nothing is lost, nothing crashes.

The other program is a real process holding ``BEGIN IMMEDIATE`` (``tests.support.locks``); the busy
timeout is made short (``LEADDESK_BUSY_TIMEOUT_SECONDS`` for a process, ``busy_timeout=`` in process).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from leaddesk import edits
from leaddesk.db.database import Database, open_database
from leaddesk.db.state import CURSOR, get_state
from leaddesk.views.client_actions import build_client_menu
from leaddesk.views.main_window import MainWindow
from leaddesk.views.profile import ProfileDialog
from tests.relay_simulator.generate import generated_log, scripted_log
from tests.relay_simulator.server import RelaySimulator
from tests.support.locks import write_lock_held
from tests.support.profile import seed_contacts, seed_rich_contact
from tests.support.sync import run_sync, snapshot

SHORT_MS = 300
TOKEN = "busy-token"


@pytest.fixture
def impatient(db_path: Path) -> Any:
    """The test's database, opened with a busy timeout of 0.3 s."""
    database = open_database(db_path, busy_timeout=SHORT_MS)
    yield database
    database.close()


def _one(database: Database, sql: str) -> Any:
    with database.read() as connection:
        return connection.execute(text(sql)).scalar()


def _visible_boxes(widget: Any) -> list[QMessageBox]:
    return [box for box in widget.findChildren(QMessageBox) if box.isVisible()]


def test_set_exits_1_with_a_message_and_saves_nothing_then_works_once_free(db_path: Path) -> None:
    database = open_database(db_path)
    seed_rich_contact(database)
    database.close()
    command = [sys.executable, "-m", "leaddesk", "--db", str(db_path), "set", "ct_8812", "--sale-status", "sold"]
    env = dict(os.environ, LEADDESK_BUSY_TIMEOUT_SECONDS="0.3")
    with write_lock_held(db_path):
        blocked = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert blocked.returncode == 1
    assert "Could not save: the database is busy. Try again." in blocked.stderr
    assert "sale status sold" in blocked.stderr  # which edit to make again
    assert "Traceback" not in blocked.stderr and blocked.stdout == ""
    database = open_database(db_path)
    try:
        assert _one(database, "SELECT sale_status FROM contacts WHERE id = 'ct_8812'") == "none"
        assert _one(database, "SELECT count(*) FROM outbox") == 0
    finally:
        database.close()

    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert again.returncode == 0, again.stderr


def test_sync_once_stops_cleanly_and_the_next_run_ends_where_a_clean_one_does(tmp_path: Path) -> None:
    db, clean = tmp_path / "busy.sqlite", tmp_path / "clean.sqlite"
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        for path in (db, clean):
            first = open_database(path)
            assert run_sync(first, sim.url, TOKEN).ok
            first.close()
        sim.add_serialized(generated_log(5_000, start_seq=1_000))
        clean_database = open_database(clean)
        assert run_sync(clean_database, sim.url, TOKEN).ok
        clean_database.close()

        database = open_database(db)
        with database.read() as connection:
            cursor_before = get_state(connection, CURSOR)
        database.close()
        command = [sys.executable, "-m", "leaddesk", "--db", str(db), "--relay", sim.url, "sync", "--once"]
        env = dict(os.environ, LEADDESK_RELAY_TOKEN=TOKEN, LEADDESK_BUSY_TIMEOUT_SECONDS="0.3")
        with write_lock_held(db):
            blocked = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
        assert blocked.returncode == 1, blocked.stderr
        assert blocked.stdout.startswith("not synced: the database stayed busy")
        assert "Traceback" not in blocked.stderr
        database = open_database(db)
        with database.read() as connection:
            assert get_state(connection, CURSOR) == cursor_before
        database.close()

        resumed = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60, check=False)
        assert resumed.returncode == 0, resumed.stderr
    assert snapshot(db) == snapshot(clean)


def test_profile_save_blocked_says_could_not_save_and_keeps_the_form(
    qtbot: Any, impatient: Database, db_path: Path
) -> None:
    seed_rich_contact(impatient)
    dialog = ProfileDialog(impatient, "ct_8812")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    overview = dialog.overview
    overview.name_edit.clear()
    qtbot.keyClicks(overview.name_edit, "Ana Maria")
    overview.sale_status.setCurrentIndex(overview.sale_status.findData("signed"))

    with write_lock_held(db_path):
        qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
        [box] = _visible_boxes(overview)
        assert box.text() == "Could not save: the database is busy. Try again."
        assert box.textFormat() == Qt.TextFormat.PlainText
        # The form still holds what the user chose; nothing reached the cache.
        assert overview.name_edit.text() == "Ana Maria"
        assert overview.sale_status.currentData() == "signed"
        assert _one(impatient, "SELECT name FROM contacts WHERE id = 'ct_8812'") == "Ana López"
        assert _one(impatient, "SELECT count(*) FROM outbox") == 0
        box.accept()

    with qtbot.waitSignal(dialog.edited):
        qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
    assert _visible_boxes(overview) == []
    assert _one(impatient, "SELECT name || '/' || sale_status FROM contacts WHERE id = 'ct_8812'") == "Ana Maria/signed"


def test_bulk_edit_blocked_says_could_not_save_and_keeps_the_selection(
    qtbot: Any, impatient: Database, db_path: Path, tmp_path: Path
) -> None:
    seed_contacts(impatient, 30)
    window = MainWindow(impatient, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.table.selectAll()
    menu = build_client_menu(window, impatient, window.table)
    sale = next(action.menu() for action in menu.actions() if action.text() == "Set sale status")
    sold = next(action for action in sale.actions() if action.text() == "Sold")
    with write_lock_held(db_path):
        sold.trigger()
        [box] = _visible_boxes(window.table)
        assert (box.windowTitle(), box.text()) == ("Could not save", edits.COULD_NOT_SAVE)
        box.accept()
    assert _one(impatient, "SELECT count(*) FROM contacts WHERE sale_status = 'sold'") == 0
    assert len(window.selected_contact_ids()) == 30
    sold.trigger()  # the same action again, once the other program let go
    assert _one(impatient, "SELECT count(*) FROM contacts WHERE sale_status = 'sold'") == 30


def test_a_database_locked_while_it_must_be_made_exits_1_without_a_traceback(db_path: Path) -> None:
    with write_lock_held(db_path):  # another program made the file and holds it
        done = subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", str(db_path), "export", "clients", "--format", "json"],
            env=dict(os.environ, LEADDESK_BUSY_TIMEOUT_SECONDS="0.3"),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert "stayed locked by another program; try again" in done.stderr
    assert "Traceback" not in done.stderr
