"""The assembled window: the list opens profiles, and closing stops the sync cleanly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from leaddesk.app import build_window
from leaddesk.db.database import Database
from leaddesk.views.profile.dialog import ProfileDialog
from tests.support.events import EventLog, account_updated, at, contact, message


def test_enter_on_a_client_opens_one_profile_per_client(qtbot: QtBot, database: Database) -> None:
    EventLog(database).apply(
        [
            account_updated(),
            contact("ct_a", name="Ana López", phone="+5215512345678"),
            contact("ct_b", name="Bruno Díaz", phone="+14155552671"),
            message("ct_a", at(-10)),
            message("ct_b", at(-30)),
        ]
    )
    session = build_window(database, start_sync=False)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitExposed(session.window)

    session.window.table.setFocus()
    session.window.table.selectRow(0)
    qtbot.keyClick(session.window.table, Qt.Key.Key_Return)
    assert list(session.profiles) == ["ct_a"]
    first = session.profiles["ct_a"]
    assert isinstance(first, ProfileDialog)
    qtbot.waitExposed(first)
    assert "Ana López" in first.windowTitle()

    # Asking again raises the same dialog; another client gets a dialog of its own.
    qtbot.keyClick(session.window.table, Qt.Key.Key_Return)
    assert session.profiles["ct_a"] is first
    session.window.table.selectRow(1)
    qtbot.keyClick(session.window.table, Qt.Key.Key_Return)
    assert set(session.profiles) == {"ct_a", "ct_b"}

    # Closing a dialog forgets it.
    first.close()
    qtbot.waitUntil(lambda: "ct_a" not in session.profiles)
    session.close()
    assert not session.worker.is_running()


def test_without_a_relay_the_window_says_so_instead_of_syncing(qtbot: QtBot, database: Database) -> None:
    session = build_window(database)
    qtbot.addWidget(session.window)
    assert session.worker.state == "not_configured"
    assert not session.worker.is_running()
    session.close()
