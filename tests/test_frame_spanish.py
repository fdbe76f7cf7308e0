"""The window's frame and Settings in Spanish (issue 14): menus, toolbar, status bar, empty states,
notices and both Settings dialogs speak Spanish, every control has a name a screen reader can say,
and Settings → General keeps the staff's own choices (language, appearance, notices)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMainWindow,
)
from pytestqt.qtbot import QtBot

from leaddesk import edits, refusals
from leaddesk.app import WindowSession, build_window
from leaddesk.db.database import Database
from leaddesk.preferences import Preferences, load_preferences, save_preferences
from leaddesk.views.main_window import MainWindow
from leaddesk.views.refused_dialog import RefusedEditsDialog
from leaddesk.views.settings_dialog import DemoSettingsDialog, SettingsDialog
from leaddesk.views.sync_status import SyncStatusWidget
from tests.support.events import EventLog, account_updated, at, contact, message
from tests.support.i18n import english_left, in_language, menu_bar_texts, unnamed_controls, visible_texts
from tests.support.sync import MemoryKeyring


@pytest.fixture
def store(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def filled(database: Database) -> Database:
    EventLog(database).apply(
        [
            account_updated(),
            contact("ct_a", name="Ana López", phone="+5215512345678", sale_status="signed"),
            contact("ct_b", name="Bruno Díaz", phone="+14155552671", sale_status="pending"),
            message("ct_a", at(-10)),
            message("ct_b", at(-30)),
        ]
    )
    return database


def open_session(qtbot: QtBot, database: Database, *, demo: bool = False) -> WindowSession:
    session = build_window(database, demo=demo, start_sync=False)
    qtbot.addWidget(session.window)
    session.window.resize(1024, 700)
    session.window.show()
    qtbot.waitExposed(session.window)
    return session


def frame_texts(window: MainWindow) -> list[str]:
    """What this piece puts around the list: menus, the toolbar's action, tabs, status bar, notices."""
    texts = menu_bar_texts(window)
    texts += [window.sync_action.text(), window.sync_action.toolTip(), window.windowTitle()]
    texts += visible_texts(window.tabs.tabBar())
    texts += visible_texts(window.statusBar())
    for notice in (window.refusal_notice, window.undo_notice):
        texts += visible_texts(notice)
    for page in (window.no_clients, window.no_matches):
        if page.isVisibleTo(window):
            texts += visible_texts(page)
    return texts


def test_the_frame_of_the_window_speaks_spanish(qtbot: QtBot, filled: Database) -> None:
    with in_language("es"):
        session = open_session(qtbot, filled)
        window = session.window
        window.show_notice("Hecho", undo=lambda: None)  # the Undo notice, as after a bulk change
        texts = frame_texts(window)
        assert english_left(texts) == []
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Archivo", "&Ver", "A&yuda"]
        assert window.sync_action.text() == "Sincronizar ahora"
        assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Clientes", "Estadísticas"]
        assert window.count_label.text() == "2 clientes"
        assert window.undo_notice.button("Deshacer") is not None
        status = window.statusBar().findChild(SyncStatusWidget)
        status.set_state("offline", "2026-11-30T15:04:00Z")
        assert status.state_label.text().startswith("Sin conexión desde las ")
        status.set_waiting(3)
        assert status.waiting_label.text() == "3 cambios sin enviar"
        qtbot.wait(50)  # the status bar lays the new texts out
        assert status.state_label.width() >= status.state_label.sizeHint().width()  # nothing cut off
        window.grab().save("/tmp/tr-a-main-es.png")


def test_the_empty_window_in_spanish_names_every_control(qtbot: QtBot, database: Database) -> None:
    with in_language("es"):
        window = open_session(qtbot, database).window
        # No server set and no clients: the two ways in, in Spanish.
        assert window.welcome.isVisibleTo(window)
        assert window.welcome.title.text() == "Te damos la bienvenida a LeadDesk"
        assert window.welcome.connect_button.title.text() == "Conectar con tu servidor"
        assert english_left(frame_texts(window)) == []
        assert unnamed_controls(window.welcome) == []
        # A server set, still no clients: the plain empty list.
        window.set_empty_reason("none")
        assert window.no_clients.isVisibleTo(window)
        assert english_left(frame_texts(window)) == []
        assert window.no_clients.title.text() == "Todavía no hay clientes"
        assert window.no_clients.primary_button is not None
        assert window.no_clients.primary_button.text() == "Ajustes…"
        assert unnamed_controls(window.no_clients) == []
        assert unnamed_controls(window.statusBar()) == []
        assert unnamed_controls(window.undo_notice) == []
        window.grab().save("/tmp/tr-a-empty-es.png")


def test_the_demos_title_says_so_in_spanish(qtbot: QtBot, filled: Database) -> None:
    with in_language("es"):
        window = open_session(qtbot, filled, demo=True).window
        assert window.windowTitle() == "LeadDesk — Datos de ejemplo"
        status = window.statusBar().findChild(SyncStatusWidget)
        assert status.state_label.text() == "Datos de ejemplo: nunca se sincronizan"


def both_pages(dialog: SettingsDialog | DemoSettingsDialog) -> Iterator[list[str]]:
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        yield visible_texts(dialog)


def test_settings_speak_spanish_on_both_pages_and_name_every_control(
    qtbot: QtBot, store: QSettings, memory_keyring: MemoryKeyring
) -> None:
    with in_language("es"):
        dialog = SettingsDialog(preferences_store=store)
        qtbot.addWidget(dialog)
        dialog.show()
        for texts in both_pages(dialog):
            assert english_left(texts) == []
            assert unnamed_controls(dialog) == []
        assert dialog.windowTitle() == "Ajustes"
        assert [dialog.tabs.tabText(i) for i in range(2)] == ["Servidor", "General"]
        assert dialog.test_button.text() == "Probar conexión"
        assert dialog.url_edit.accessibleName() == "Dirección del servidor"
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        assert save.text() == "Guardar"  # Qt's own words, from qtbase_es
        assert dialog.general.language_hint.text() == (
            "El nuevo idioma se aplica la próxima vez que se inicie LeadDesk."
        )
        dialog.resize(640, 440)
        dialog.grab().save("/tmp/tr-a-settings-general-es.png")

        demo = DemoSettingsDialog(preferences_store=store)
        qtbot.addWidget(demo)
        demo.show()
        for texts in both_pages(demo):
            assert english_left(texts) == []
            assert unnamed_controls(demo) == []
        assert demo.leave_button.text() == "Salir de los datos de ejemplo"


def test_choosing_espanol_and_saving_keeps_es_and_a_reopened_dialog_shows_the_choices(
    qtbot: QtBot, store: QSettings, memory_keyring: MemoryKeyring
) -> None:
    dialog = SettingsDialog(preferences_store=store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=dialog.tabs.tabBar().tabRect(1).center())
    general = dialog.general
    assert general.isVisible()
    assert general.language.currentText() == "Same as the system"
    general.language.setFocus()
    qtbot.keyClick(general.language, Qt.Key.Key_Down)  # the next choice: Español
    assert general.language.currentText() == "Español"
    general.theme.setFocus()
    qtbot.keyClick(general.theme, Qt.Key.Key_End)  # the last choice: Dark
    qtbot.mouseClick(general.notices, Qt.MouseButton.LeftButton)  # notices off...
    assert not general.notices_for_bot.isEnabled()  # ...and so none for the bot's messages either
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert load_preferences(store) == Preferences(language="es", theme="dark", notices=False)
    reopened = SettingsDialog(preferences_store=store)
    qtbot.addWidget(reopened)
    assert reopened.general.language.currentText() == "Español"
    assert reopened.general.theme.currentText() == "Dark"
    assert not reopened.general.notices.isChecked()


def test_cancel_keeps_the_saved_choices_and_the_demo_saves_them_too(qtbot: QtBot, store: QSettings) -> None:
    save_preferences(Preferences(language="en", notices_for_bot_messages=True), store)
    demo = DemoSettingsDialog(preferences_store=store)
    qtbot.addWidget(demo)
    demo.show()
    assert demo.general.language.currentText() == "English"
    assert demo.general.notices_for_bot.isChecked()
    demo.general.language.setCurrentIndex(demo.general.language.findData("es"))
    cancel = demo.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert load_preferences(store).language == "en"

    demo = DemoSettingsDialog(preferences_store=store)
    qtbot.addWidget(demo)
    demo.show()
    demo.general.language.setCurrentIndex(demo.general.language.findData("es"))
    ok = demo.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert load_preferences(store) == Preferences(language="es", notices_for_bot_messages=True)


def test_a_refused_change_is_told_in_spanish_and_the_cli_keeps_english(qapp: QApplication) -> None:
    refused = refusals.RefusedEdit(
        outbox_id=1,
        contact_id="ct_a",
        who="Ana %2 López",  # a stranger's text: shown as typed, never filled in
        command_type="set_sale_status",
        change="",
        reason="",
        at="2026-11-30T10:00:00Z",
        dismissed=False,
    )
    with in_language("es"):
        spanish = refusals.RefusedEdit(
            **{
                **refused.__dict__,
                "change": refusals.describe_change("set_sale_status", {"sale_status": "sold"}, {}),
                "reason": refusals.plain_reason(404, "unknown_contact"),
            }
        )
        assert spanish.sentence == "El servidor no aceptó 'Vendido' para Ana %2 López: el cliente ya no existe allí."
        problem = edits.EditError(edits.COULD_NOT_SAVE)
        assert problem.window_text() == "No se pudo guardar: la base de datos está ocupada. Inténtalo de nuevo."
        assert str(problem) == "Could not save: the database is busy. Try again."  # the CLI's words
    english = refusals.plain_reason(403, None)
    assert english == "your access key may read but not change clients; ask for one that may make changes"


def test_the_refused_changes_dialog_speaks_spanish(qtbot: QtBot, database: Database) -> None:
    with in_language("es"):
        dialog = RefusedEditsDialog(database)
        qtbot.addWidget(dialog)
        dialog.show()
        assert english_left(visible_texts(dialog)) == []
        assert dialog.windowTitle() == "Cambios no aceptados"
        assert dialog.items.item(0).text() == "No se rechazó ningún cambio."
        assert unnamed_controls(dialog) == []


def test_main_window_is_a_qmainwindow_for_the_menu_walk(qtbot: QtBot, database: Database) -> None:
    # menu_bar_texts reads every menu of the bar, submenus too: the File menu's Export is there.
    window = open_session(qtbot, database).window
    assert isinstance(window, QMainWindow)
    assert "Export client list…" in menu_bar_texts(window)
