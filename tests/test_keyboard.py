"""The keyboard: Help → Keyboard shortcuts lists the window's real keys, and the keys it lists work.

The window is the assembled one (``build_window``); keys are pressed with pytest-qt on real widgets.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from leaddesk.app import WindowSession, build_window
from leaddesk.db.database import Database
from leaddesk.models.client_table import Column
from leaddesk.views.list_keys import KEY_EDIT_WITHOUT_ASKING
from leaddesk.views.profile.dialog import ProfileDialog
from leaddesk.views.shortcuts_dialog import ShortcutsDialog
from tests.support.modal import answer_modal, click
from tests.support.profile import seed_contacts


def native(keys: str | QKeySequence.StandardKey) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


@pytest.fixture
def session(qtbot: QtBot, database: Database, tmp_path: Path) -> Iterator[WindowSession]:
    seed_contacts(database, 6)
    opened = build_window(
        database, start_sync=False, preferences=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(opened.window)
    opened.window.show()
    qtbot.waitExposed(opened.window)
    yield opened
    opened.close()
    opened.window.close()


def _sale_shown(session: WindowSession, row: int) -> str:
    return str(session.window.model.index(row, int(Column.SALE_STATUS)).data())


def _press_in_profile(qtbot: QtBot, profile: ProfileDialog, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key pressed where the focus is in the profile, once the profile is the active window."""
    qtbot.waitExposed(profile)
    profile.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is profile, timeout=5_000)
    qtbot.keyClick(profile.focusWidget() or profile, key, modifier)


def _list_order(session: WindowSession) -> list[str]:
    model = session.window.model
    return [model.contact_id(row) for row in range(model.rowCount())]


def test_the_shortcuts_page_lists_every_key_with_its_action(qtbot: QtBot, session: WindowSession) -> None:
    window = session.window
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    qtbot.keyClick(window.table, Qt.Key.Key_F1)  # Help → Keyboard shortcuts, from the keyboard
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None, timeout=5_000)
    dialog = window.findChild(ShortcutsDialog)
    assert isinstance(dialog, ShortcutsDialog)
    listed = {(action, keys) for _section, action, keys in dialog.rows()}
    expected = {
        ("Find client", native(QKeySequence.StandardKey.Find)),
        ("Search all conversations", native("Ctrl+Shift+F")),
        ("Open the client's profile", native("Enter")),  # Return and the keypad's Enter: one name
        ("Next client in the list", native("Alt+PgDown")),
        ("Previous client in the list", native("Alt+PgUp")),
        ("Sale status: None", f"1, {native('Ctrl+1')}"),
        ("Sale status: Pending", f"2, {native('Ctrl+2')}"),
        ("Sale status: Signed", f"3, {native('Ctrl+3')}"),
        ("Sale status: Sold", f"4, {native('Ctrl+4')}"),
        ("Sale status: Sold", native("Ctrl+4")),  # in a profile
        ("Sync now", native("F5")),
        ("Export client list", native("Ctrl+E")),
        ("Settings", native("Ctrl+,")),
        ("Keyboard shortcuts", native(QKeySequence.StandardKey.HelpContents)),
    }
    assert expected <= listed, expected - listed
    dialog.close()


def test_sale_status_keys_change_the_selected_clients_in_the_list(qtbot: QtBot, session: WindowSession) -> None:
    window = session.window
    table = window.table
    table.setFocus()
    table.selectRow(1)
    table.selectionModel().select(
        window.model.index(2, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    assert window.selected_contact_ids() == [window.model.contact_id(1), window.model.contact_id(2)]
    before = _sale_shown(session, 0)
    qtbot.keyClick(table, Qt.Key.Key_2)
    qtbot.waitUntil(
        lambda: _sale_shown(session, 1) == "Pending" and _sale_shown(session, 2) == "Pending", timeout=5_000
    )
    assert _sale_shown(session, 0) == before  # not selected: untouched
    qtbot.keyClick(table, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: _sale_shown(session, 1) == "Sold", timeout=5_000)
    assert window.undo_notice.label.text() == "Set 2 clients to Sold"  # the row menu's notice, with Undo
    assert window.undo_notice.button("Undo") is not None

    # A digit typed in the search box is a search, never an edit.
    shown_before = [_sale_shown(session, row) for row in range(window.model.rowCount())]
    window.search.setFocus()
    with qtbot.waitSignal(window.filters.changed, timeout=5_000):  # the search runs (after its pause)
        qtbot.keyClick(window.search, Qt.Key.Key_3)
    with qtbot.waitSignal(window.filters.changed, timeout=5_000):
        qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert [_sale_shown(session, row) for row in range(window.model.rowCount())] == shown_before


def test_a_key_that_would_change_many_clients_asks_first(qtbot: QtBot, session: WindowSession) -> None:
    """Ctrl+A, then digits typed by someone who thought the search box had the focus: asked, not done."""
    window = session.window
    count = window.model.rowCount()
    assert count > KEY_EDIT_WITHOUT_ASKING
    shown_before = [_sale_shown(session, row) for row in range(count)]
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(window.selected_contact_ids()) == count

    asked = answer_modal(qtbot, lambda box: click(qtbot, box, "Cancel"))
    qtbot.keyClick(window.table, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: bool(asked), timeout=5_000)
    assert (
        f"Set the sale status of {count} selected clients to Signed?"
        in asked[0].findChild(QLabel, "qt_msgbox_label").text()
    )
    assert [_sale_shown(session, row) for row in range(count)] == shown_before  # nothing changed

    answer_modal(qtbot, lambda box: click(qtbot, box, "Change them"))
    qtbot.keyClick(window.table, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: {_sale_shown(session, row) for row in range(count)} == {"Signed"}, timeout=5_000)


def test_next_and_previous_client_move_the_profile_along_the_list(qtbot: QtBot, session: WindowSession) -> None:
    window = session.window
    order = _list_order(session)
    window.table.setFocus()
    window.table.selectRow(2)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: order[2] in session.profiles, timeout=5_000)
    _press_in_profile(qtbot, session.profiles[order[2]], Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: order[3] in session.profiles and order[2] not in session.profiles, timeout=5_000)
    assert window.selected_contact_ids() == [order[3]]  # the list follows

    _press_in_profile(qtbot, session.profiles[order[3]], Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: order[2] in session.profiles, timeout=5_000)
    _press_in_profile(qtbot, session.profiles[order[2]], Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: list(session.profiles) == [order[1]], timeout=5_000)
    assert window.selected_contact_ids() == [order[1]]

    # Ctrl+3 in the profile: the client is Signed, in the list too.
    profile = session.profiles[order[1]]
    assert isinstance(profile, ProfileDialog)
    _press_in_profile(qtbot, profile, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _sale_shown(session, window.model.row_of(order[1]) or 0) == "Signed", timeout=5_000)


def test_the_first_client_has_no_previous_one(qtbot: QtBot, session: WindowSession) -> None:
    order = _list_order(session)
    profile = session.open_profile(order[0])
    qtbot.waitExposed(profile)
    assert session.step_profile(profile, -1) is None
    assert list(session.profiles) == [order[0]]
    last = session.open_profile(order[-1])
    assert session.step_profile(last, 1) is None
