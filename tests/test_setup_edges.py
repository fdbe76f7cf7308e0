"""Set-up rough edges (issue 9, point 14): the title, the package list, no keyring, "Sync now" without a
relay, and the simulator's generated contacts accepting commands."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from leaddesk.app import build_window
from leaddesk.db.database import Database
from leaddesk.sync.settings import load_settings
from leaddesk.views.profile import ProfileDialog
from leaddesk.views.settings_dialog import SettingsDialog
from tests.support.events import EventLog, account_updated, contact
from tests.test_demo_relay import answer_modal, click

ROOT = Path(__file__).resolve().parent.parent


def title_on_screen(title: str) -> str:
    """The title as the window system shows it: Qt adds " — <display name>" unless the title ends with it
    (``QPlatformWindow::formatWindowTitle``, used on X11, Wayland, Windows and macOS)."""
    name = QGuiApplication.applicationDisplayName()
    return title if title.endswith(name) else f"{title} — {name}"


def test_the_demo_title_reads_leaddesk_demo_once(qtbot: QtBot, database: Database) -> None:
    EventLog(database).apply([account_updated(), contact("ct_t", name="Tere Ruiz")])
    session = build_window(database, demo=True)
    qtbot.addWidget(session.window)
    try:
        assert title_on_screen(session.window.windowTitle()) == "LeadDesk — Demo"
        profile = ProfileDialog(database, "ct_t", session.window)
        qtbot.addWidget(profile)
        assert title_on_screen(profile.windowTitle()) == "\u2068Tere Ruiz\u2069 — LeadDesk — Demo"
        session.close()
        real = build_window(database)
        qtbot.addWidget(real.window)
        assert title_on_screen(real.window.windowTitle()) == "LeadDesk"
        real.close()
    finally:
        QGuiApplication.setApplicationDisplayName("LeadDesk")


def test_every_package_folder_is_in_the_package_list() -> None:
    """setuptools warns (about 40 lines at every bootstrap) for a folder it would import but is not listed."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    missing = []
    for package, folder in config["package-dir"].items():
        for path in [ROOT / folder, *(p for p in (ROOT / folder).rglob("*") if p.is_dir())]:
            if path.name == "__pycache__" or not path.name.isidentifier():
                continue
            dotted = ".".join([package, *path.relative_to(ROOT / folder).parts])
            if any(child.is_file() for child in path.iterdir()) and dotted not in listed:
                missing.append(dotted)
    assert missing == []
    for name, patterns in config["package-data"].items():
        assert name in listed, name
        assert patterns


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_settings_says_what_to_do_and_keeps_the_address(qtbot: QtBot, no_keyring: None) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert "No system keyring found" in dialog.keyring_hint.text()
    qtbot.keyClicks(dialog.url_edit, "http://127.0.0.1:8765")
    qtbot.keyClicks(dialog.token_edit, "secret-token")
    click(qtbot, dialog, "Save")
    message = dialog.result_label.text()
    assert "No system keyring found" in message and "LEADDESK_RELAY_TOKEN" in message and "install" in message.lower()
    assert dialog.isVisible()  # not closed as if all went well
    # The long message grows the dialog: it and the keyring hint above keep every line (seen cut in half).
    labels = (dialog.result_label, dialog.keyring_hint)
    whole = lambda: all(label.height() >= label.heightForWidth(label.width()) for label in labels)  # noqa: E731
    qtbot.waitUntil(whole, timeout=2_000)
    assert dialog.url_edit.text() == "http://127.0.0.1:8765"
    assert load_settings().relay_url == "http://127.0.0.1:8765"


def test_sync_now_without_a_relay_opens_settings(qtbot: QtBot, database: Database, memory_keyring: object) -> None:
    session = build_window(database, start_sync=False)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitExposed(session.window)
    session.window.activateWindow()
    qtbot.waitUntil(session.window.isActiveWindow)
    seen = answer_modal(qtbot, lambda dialog: click(qtbot, dialog, "Cancel"))
    qtbot.keyClick(session.window.table, Qt.Key.Key_F5)
    assert len(seen) == 1 and isinstance(seen[0], SettingsDialog)
    assert seen[0].findChildren(QLineEdit)  # the relay address and token to fill in
    session.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _leaddesk(db: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, LEADDESK_RELAY_TOKEN="gen-token", LEADDESK_SYNC_MAX_RETRY_SECONDS="5")
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db), "--relay", url, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


def test_the_simulators_generated_contacts_accept_commands(tmp_path: Path) -> None:
    port = _free_port()
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.relay_simulator",
            "--port",
            str(port),
            "--token",
            "gen-token",
            "--generate",
            "200",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as simulator:
        try:
            assert simulator.stdout is not None
            assert "relay simulator on" in simulator.stdout.readline()
            url = f"http://127.0.0.1:{port}"
            db = tmp_path / "generated.sqlite"
            first = _leaddesk(db, url, "sync", "--once")
            assert first.returncode == 0, first.stderr
            edit = _leaddesk(db, url, "set", "ct_0000003", "--sale-status", "sold", "--name", "Probando")
            assert edit.returncode == 0, edit.stderr
            second = _leaddesk(db, url, "sync", "--once")
            assert second.returncode == 0, second.stdout + second.stderr
            assert re.search(r"2 edits sent, 0 refused, 0 conflicts", second.stdout), second.stdout
            exported = _leaddesk(db, url, "export", "clients", "--format", "csv")
            assert "ct_0000003,'+5215" in exported.stdout and "Probando" in exported.stdout
        finally:
            simulator.terminate()
            simulator.wait(timeout=10)
