"""Closed windows go away: profiles, context menus and Settings are deleted once closed, and a stage
name with an "&" reads as typed in every menu instead of turning into a keyboard mnemonic."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.app import WindowSession, build_window
from leaddesk.db.database import Database
from leaddesk.views.client_actions import build_client_menu
from tests.support.events import EventLog, account_updated, contact
from tests.support.profile import seed_contacts, seed_rich_contact

ROUNDS = 30


def live_windows() -> dict[str, int]:
    """Live dialogs and menus (a QMenu is a window of its own, parented or not)."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    widgets = QApplication.topLevelWidgets()
    return {
        "dialogs": sum(isinstance(w, QDialog) for w in widgets),
        "menus": sum(isinstance(w, QMenu) for w in widgets),
    }


def open_window(qtbot: QtBot, database: Database) -> WindowSession:
    session = build_window(database, start_sync=False)
    qtbot.addWidget(session.window)
    session.window.resize(1100, 700)
    session.window.show()
    qtbot.waitExposed(session.window)
    return session


def right_click_and_dismiss(qtbot: QtBot, viewport: QWidget, pos: QPoint) -> list[str]:
    """Right-click (the context-menu event a right-click makes), read the popup's entries, press Esc on it."""
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3_000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = [action.text() for action in menu.actions()]
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3_000)
    return texts


def test_profiles_menus_and_settings_are_deleted_when_closed(qtbot: QtBot, database: Database) -> None:
    ids = seed_contacts(database, ROUNDS)
    seed_rich_contact(database, "ct_rich")
    session = open_window(qtbot, database)
    window = session.window
    before = live_windows()

    for contact_id in ids:
        dialog = session.open_profile(contact_id)
        qtbot.waitExposed(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda cid=contact_id: cid not in session.profiles, timeout=3_000)
    assert live_windows() == before

    table = window.table
    for round_ in range(ROUNDS):
        table.selectRow(round_ % window.model.rowCount())
        rect = table.visualRect(window.model.index(round_ % window.model.rowCount(), 1))
        texts = right_click_and_dismiss(qtbot, table.viewport(), rect.center())
        assert "Set sale status" in texts
    assert live_windows() == before

    rich = session.open_profile("ct_rich")
    rich.show_conversation()
    qtbot.waitExposed(rich)
    view = rich.conversation.view
    message_rows = [
        row for row in range(rich.conversation.model.rowCount()) if rich.conversation._item_at(_center(view, row))
    ]
    assert message_rows, "the conversation shows no message to right-click"
    for round_ in range(ROUNDS):
        row = message_rows[round_ % len(message_rows)]
        texts = right_click_and_dismiss(qtbot, view.viewport(), _center(view, row))
        assert "Copy text" in texts
    rich.close()
    qtbot.waitUntil(lambda: "ct_rich" not in session.profiles, timeout=3_000)
    assert live_windows() == before

    for _ in range(5):
        QTimer.singleShot(50, _reject_modal)
        window.settings_requested.emit()
    assert live_windows() == before
    session.close()


def _center(view: QWidget, row: int) -> QPoint:
    model = view.model()  # type: ignore[attr-defined]
    view.scrollTo(model.index(row, 0))  # type: ignore[attr-defined]
    return view.visualRect(model.index(row, 0)).center()  # type: ignore[attr-defined,no-any-return]


def _reject_modal() -> None:
    dialog = QApplication.activeModalWidget()
    if isinstance(dialog, QDialog):
        dialog.reject()


def shown(text: str) -> str:
    """What a menu entry shows: "&&" is a literal "&", a lone "&" marks the mnemonic and is not drawn."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_a_stage_name_with_an_ampersand_reads_as_typed_in_menus(qtbot: QtBot, database: Database) -> None:
    stages = [
        {"id": "visit", "name": "Visit & sign", "order": 1, "color": "#4F86C6", "manual": True},
        {"id": "rnd", "name": "R&D", "order": 2, "color": "#F2A541", "manual": True},
    ]
    EventLog(database).apply([account_updated(stages), contact("ct_a", name="Ana López", funnel_stage="visit")])
    session = open_window(qtbot, database)
    window = session.window
    window.table.selectRow(0)

    menu = build_client_menu(window, database, window.table)
    stage_menu = next(a.menu() for a in menu.actions() if a.text() == "Set funnel stage")
    entries = stage_menu.actions()
    assert [shown(a.text()) for a in entries] == ["Visit & sign", "R&D"]
    assert all(QKeySequence.mnemonic(a.text()).isEmpty() for a in entries)
    entries[1].trigger()  # the entry still sets the stage it names
    assert edits.manual_stages(database)[1][0] == "rnd"
    with database.read() as connection:
        from sqlalchemy import text

        assert connection.execute(text("SELECT funnel_stage FROM contacts WHERE id = 'ct_a'")).scalar() == "rnd"
    menu.deleteLater()

    # The list's stage filter: its menu and the button that names the ticked stage.
    button = window.filters.stage
    filter_entries = [a for a in button.menu().actions() if a.isCheckable() and a.data() in ("visit", "rnd")]
    assert [shown(a.text()) for a in filter_entries] == ["Visit & sign", "R&D"]
    assert all(QKeySequence.mnemonic(a.text()).isEmpty() for a in filter_entries)
    button.set_chosen(["visit"])
    assert shown(button.text()) == "Visit & sign"
    session.close()
