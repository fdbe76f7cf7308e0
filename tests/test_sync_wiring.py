"""The sync pieces in the real main window: status text, "Sync now", a new client in the list, Settings."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.sync import settings as relay_settings
from leaddesk.sync.worker import SyncWorker
from leaddesk.sync_wiring import attach_sync
from leaddesk.views.main_window import MainWindow
from leaddesk.views.settings_dialog import SettingsDialog
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import RelaySimulator, make_message
from tests.support.sync import MemoryKeyring, fast_retry

TOKEN = "wiring-token"


def test_window_shows_sync_state_and_new_clients(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        window = MainWindow(database, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        worker = SyncWorker(database.path, sim.url, TOKEN)
        worker.retry = fast_retry(2.0)
        status = attach_sync(window, database, worker)
        window.show()
        with qtbot.waitSignal(worker.cycle_finished, timeout=20_000):
            worker.start()
        assert re.fullmatch(r"Synced just now \(\d{1,2}:\d\d\s?[AP]M\)", status.state_label.text())  # en_US time
        sim.add_message(make_message("wamid.N1", "ct_new", phone="+5215577778888", sent_at="2026-11-26T15:59:00Z"))
        with qtbot.waitSignal(worker.cycle_finished, timeout=20_000):
            window.sync_requested.emit()
        qtbot.waitUntil(lambda: "ct_new" in _listed_ids(window), timeout=5_000)
        window.grab().save(str(tmp_path / "window.png"))
        worker.stop()
        window.close()


def test_edits_waiting_are_counted_as_they_are_made_and_cleared_by_a_sync(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        window = MainWindow(database, settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        worker = SyncWorker(database.path, sim.url, TOKEN)
        worker.retry = fast_retry(2.0)
        status = attach_sync(window, database, worker)
        with qtbot.waitSignal(worker.cycle_finished, timeout=20_000):
            worker.start()
        assert status.waiting_label.text() == ""

        first_two = [window.model.contact_id(row) for row in range(2)]
        edits.set_sale_status(database, first_two, "pending")
        window.refresh_clients()
        assert status.waiting_label.text() == "2 changes not sent yet"

        with qtbot.waitSignal(worker.cycle_finished, timeout=20_000):
            window.sync_requested.emit()
        assert status.waiting_label.text() == ""
        worker.stop()
        window.close()


def _listed_ids(window: MainWindow) -> list[str]:
    model = window.model
    found = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.index(row, column).data()
            if isinstance(value, str) and "7777" in value.replace(" ", ""):
                found.append("ct_new")
    return found


def test_settings_dialog_tests_connection_and_keeps_token_in_keyring(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        dialog = SettingsDialog()
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.url_edit, sim.url)
        qtbot.keyClicks(dialog.token_edit, TOKEN)
        dialog.start_test()
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
        assert dialog.result_label.text() == "Torres del Parque Sales — Laura Pérez (agent)"
        dialog.save()
        assert relay_settings.get_token(sim.url) == TOKEN
        assert TOKEN not in relay_settings.settings_path().read_text()
        dialog.token_edit.setText("bad")
        dialog.start_test()
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
        assert dialog.result_label.text() == "The server refused this access key."


def _save_settings(qtbot: QtBot, url: str, token: str) -> None:
    """Open Settings as the user does, type the address and token over what is there, press Save."""
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    for field, value in ((dialog.url_edit, url), (dialog.token_edit, token)):
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Delete)
        qtbot.keyClicks(field, value)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_token_leaves_the_keyring_when_blanked_or_its_relay_changes(
    qtbot: QtBot, memory_keyring: MemoryKeyring
) -> None:
    first, second = "https://relay-a.example.com", "https://relay-b.example.com"
    _save_settings(qtbot, first, "token-a")
    assert memory_keyring.passwords == {("LeadDesk", first): "token-a"}

    _save_settings(qtbot, second, "token-b")  # another relay: the old relay's token goes
    assert memory_keyring.passwords == {("LeadDesk", second): "token-b"}

    dialog = SettingsDialog()  # what the next Settings shows: the kept token for the kept address
    qtbot.addWidget(dialog)
    assert (dialog.url_edit.text(), dialog.token_edit.text()) == (second, "token-b")

    _save_settings(qtbot, second, "")  # the token blanked: nothing stays in the keyring
    assert memory_keyring.passwords == {}
    assert relay_settings.get_token(second) is None
    assert relay_settings.load_settings().relay_url == second
