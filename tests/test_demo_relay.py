"""The demo never touches a relay: not from the command line, not from the window (issue 9, point 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from leaddesk.app import build_window
from leaddesk.db.database import Database
from leaddesk.paths import demo_db_path
from leaddesk.sync.settings import settings_path
from leaddesk.views.settings_dialog import DEMO_TEXT
from leaddesk.views.sync_status import SyncStatusWidget
from tests.relay_simulator.server import RelaySimulator, make_contact
from tests.support.events import EventLog, account_updated, contact
from tests.support.modal import answer_modal, click

TOKEN = "demo-test-token"


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        running.add_contact(make_contact("ct_relay", "+5215500000077", name="From the relay"))
        yield running


def test_demo_sync_is_refused_before_any_request(sim: RelaySimulator) -> None:
    environment = dict(os.environ, LEADDESK_RELAY_TOKEN=TOKEN, LEADDESK_RELAY_URL=sim.url)
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--demo", "sync", "--once", "--relay", sim.url],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert "demo never connects to a relay" in done.stderr
    assert done.stdout == ""
    assert sim.requests == []
    assert not demo_db_path().exists()  # refused before anything was opened


def test_the_demo_window_never_syncs_and_settings_cannot_save_a_relay(
    qtbot: QtBot, database: Database, sim: RelaySimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_RELAY_URL", sim.url)
    monkeypatch.setenv("LEADDESK_RELAY_TOKEN", TOKEN)
    EventLog(database).apply([account_updated(), contact("ct_demo", name="Demo client")])
    session = build_window(database, demo=True, relay_url=sim.url)
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitExposed(session.window)
    assert not session.worker.is_running() and session.worker.relay_url == ""
    status = session.window.statusBar().findChild(SyncStatusWidget)
    status._ticker.timeout.emit()  # as 30 seconds later
    assert status.state_label.text() == "Demo: never syncs"

    # "Sync now" (F5) in the demo opens Settings, which only says why there is no relay.
    seen = answer_modal(qtbot, lambda dialog: click(qtbot, dialog, "Cancel"))
    session.window.sync_action.trigger()
    assert len(seen) == 1
    shown = seen[0]
    assert DEMO_TEXT in [label.text() for label in shown.findChildren(QLabel)]
    assert shown.findChildren(QLineEdit) == []  # no relay address or token to type

    # "Leave the demo" closes this window; run_window then opens the real database.
    seen = answer_modal(qtbot, lambda dialog: click(qtbot, dialog, "Leave the demo"))
    session.window.settings_action.trigger()
    assert len(seen) == 1
    assert session.left_demo
    qtbot.waitUntil(lambda: not session.window.isVisible())

    session.close()
    assert sim.requests == []
    assert not settings_path().exists()
    assert session.window.windowTitle() == "LeadDesk — Demo"


def test_leaving_the_demo_opens_the_real_database(tmp_path: Path) -> None:
    """The real launcher: ``leaddesk --demo``, Settings → Leave the demo, then the real window opens."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QDialog, QPushButton\n"
        "import leaddesk.app as app\n"
        "opened = []\n"
        "real_build = app.build_window\n"
        "def build(database, **kw):\n"
        "    session = real_build(database, **kw)\n"
        "    opened.append((str(database.path), kw.get('demo', False)))\n"
        "    def act():\n"
        "        if kw.get('demo'):\n"
        "            def leave():\n"
        "                modal = QApplication.activeModalWidget()\n"
        "                if not isinstance(modal, QDialog):\n"
        "                    QTimer.singleShot(20, leave); return\n"
        "                [b for b in modal.findChildren(QPushButton) if b.text() == 'Leave the demo'][0].click()\n"
        "            QTimer.singleShot(0, leave)\n"
        "            session.window.settings_requested.emit()\n"
        "        else:\n"
        "            print(opened, flush=True); session.window.close()\n"
        "    QTimer.singleShot(50, act)\n"
        "    return session\n"
        "app.build_window = build\n"
        "sys.exit(app.run_window(app.Path(sys.argv[1]), demo=True))\n"
    )
    demo = tmp_path / "demo.sqlite"
    real = tmp_path / "real.sqlite"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", LEADDESK_DB=str(real))
    done = subprocess.run(
        [sys.executable, "-c", script, str(demo)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr([(str(demo), True), (str(real), False)])
    assert real.exists()
