"""The first run (issue 14): two ways in on a fresh empty database with no server, and the first sync
as the user sees it: the list fills while pages arrive, and the status says how many so far."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from leaddesk.app import WindowSession, build_window
from leaddesk.db.database import Database
from leaddesk.models import words
from leaddesk.sync.connection import save_relay_settings
from leaddesk.sync.engine import PullProgress
from leaddesk.views.settings_dialog import SettingsDialog
from leaddesk.views.sync_status import SyncStatusWidget
from tests.relay_simulator.generate import add_generated
from tests.relay_simulator.server import RelaySimulator, make_contact
from tests.support.events import EventLog, account_updated, contact
from tests.support.modal import answer_modal, click
from tests.support.sync import MemoryKeyring, run_sync

TOKEN = "first-run-token"


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        yield running


def open_window(qtbot: QtBot, database: Database, **options: object) -> WindowSession:
    """The window as ``leaddesk`` opens it (its sync worker started), shown."""
    session = build_window(database, **options)  # type: ignore[arg-type]
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitExposed(session.window)
    return session


def visible_texts(widget: object) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]  # type: ignore[attr-defined]


def status_text(session: WindowSession) -> str:
    status = session.window.findChild(SyncStatusWidget)
    assert isinstance(status, SyncStatusWidget)
    return str(status.state_label.text())


def test_a_fresh_empty_database_with_no_server_offers_two_ways_in_by_keyboard(
    qtbot: QtBot, database: Database, memory_keyring: MemoryKeyring
) -> None:
    session = open_window(qtbot, database)
    window = session.window
    try:
        assert window.pages.currentWidget() is window.welcome
        assert not window.filters.isVisible()  # nothing to filter yet
        texts = visible_texts(window.welcome)
        assert "Connect to your server" in texts and "Look around with demo data" in texts
        # The first choice has the keyboard; Tab goes to the second; Enter chooses it.
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.welcome.connect_button)
        qtbot.keyClick(window.welcome.connect_button, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is window.welcome.demo_button
        qtbot.keyClick(window.welcome.demo_button, Qt.Key.Key_Return)
        assert session.chose_demo  # run_window then opens the demo (test_choosing_the_demo_…)
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        session.close()


def test_enter_on_connect_asks_for_the_server(qtbot: QtBot, database: Database, memory_keyring: MemoryKeyring) -> None:
    session = open_window(qtbot, database)
    try:
        qtbot.waitUntil(lambda: QApplication.focusWidget() is session.window.welcome.connect_button)
        seen = answer_modal(qtbot, lambda dialog: dialog.reject())
        qtbot.keyClick(session.window.welcome.connect_button, Qt.Key.Key_Enter)
        assert len(seen) == 1 and isinstance(seen[0], SettingsDialog)
        assert not session.chose_demo
        assert session.window.pages.currentWidget() is session.window.welcome  # cancelled: still two ways in
    finally:
        session.close()


def test_no_welcome_once_a_server_is_set(
    qtbot: QtBot, database: Database, memory_keyring: MemoryKeyring, sim: RelaySimulator
) -> None:
    assert save_relay_settings(sim.url, TOKEN, "") is None  # what Settings' Save does
    session = open_window(qtbot, database, start_sync=False)
    try:
        window = session.window
        assert window.pages.currentWidget() is window.no_clients
        assert not window.welcome.isVisible()
    finally:
        session.close()


def test_no_welcome_when_the_database_has_clients(
    qtbot: QtBot, database: Database, memory_keyring: MemoryKeyring
) -> None:
    EventLog(database).apply([account_updated(), contact("ct_1", name="Ana Lopez")])
    session = open_window(qtbot, database)
    try:
        window = session.window
        assert window.pages.currentWidget() is window.table
        assert not window.welcome.isVisible()
        assert window.model.rowCount() == 1
    finally:
        session.close()


def test_connecting_runs_the_first_sync_and_the_list_fills_while_it_runs(
    qtbot: QtBot, database: Database, memory_keyring: MemoryKeyring, sim: RelaySimulator
) -> None:
    add_generated(sim, 12_000, per_contact=4)  # 3,000 clients, 15,000 events: 15 pages
    clients = 3_000
    sim.latency = 0.2  # a slow server: the first sync takes a few seconds
    session = open_window(qtbot, database)
    window, worker = session.window, session.worker
    assert window.pages.currentWidget() is window.welcome

    def connect(dialog: QDialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        qtbot.keyClicks(dialog.url_edit, sim.url)
        qtbot.keyClicks(dialog.token_edit, TOKEN)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Torres del Parque Sales" in dialog.result_label.text(), timeout=10_000)
        click(qtbot, dialog, "Save")

    seen = answer_modal(qtbot, connect)
    statuses: list[str] = []
    worker.pull_progress.connect(lambda _where: statuses.append(status_text(session)))
    qtbot.mouseClick(window.welcome.connect_button, Qt.MouseButton.LeftButton)
    try:
        assert len(seen) == 1
        assert worker.is_running()  # Save started the first sync
        # Before the first page: the empty list says the clients are coming, not "open Settings".
        assert window.pages.currentWidget() is window.getting_clients
        texts = " ".join(visible_texts(window.getting_clients))
        assert "Getting your clients" in texts and "Settings" not in texts
        assert status_text(session) == "Syncing…"

        # The list shows clients while the sync is still running.
        qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=20_000)
        assert worker.is_running()
        assert window.pages.currentWidget() is window.table
        assert 0 < window.model.rowCount() < clients

        with qtbot.waitSignal(worker.cycle_finished, timeout=60_000):
            pass
        assert window.model.rowCount() == clients
        assert status_text(session).startswith("Synced")
    finally:
        session.close()

    # The status said how many clients so far, growing, while the pages came.
    counts = [int(re.sub(r"\D", "", m.group(1))) for s in statuses if (m := re.search(r"(\d[\d,.\s]*) so far", s))]
    assert statuses[0].startswith("Getting your clients… ")
    assert counts == sorted(counts)
    assert any(0 < n < clients for n in counts) and counts[-1] == clients
    assert f"{words.number(clients)} so far" in statuses[-1]  # the number the locale's way


def test_choosing_the_demo_opens_it_and_leaving_it_comes_back(tmp_path: Path) -> None:
    """The real launcher: ``leaddesk --db real.sqlite`` on a fresh machine, "Look around with demo data",
    the demo window opens on the demo database; "Leave the demo" goes back to real.sqlite."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer, Qt\n"
        "from PySide6.QtTest import QTest\n"
        "from PySide6.QtWidgets import QApplication, QDialog, QPushButton\n"
        "import leaddesk.app as app\n"
        "opened = []\n"
        "real_build = app.build_window\n"
        "def build(database, **kw):\n"
        "    session = real_build(database, **kw)\n"
        "    window = session.window\n"
        "    opened.append((str(database.path), window.windowTitle(), window.model.total_count > 100))\n"
        "    def act():\n"
        "        if len(opened) == 1:\n"
        "            if QApplication.focusWidget() is not window.welcome.connect_button:\n"
        "                QTimer.singleShot(20, act); return  # the window is not active yet\n"
        "            QTest.keyClick(window.welcome.connect_button, Qt.Key.Key_Tab)\n"
        "            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)\n"
        "        elif len(opened) == 2:\n"
        "            def leave():\n"
        "                modal = QApplication.activeModalWidget()\n"
        "                if not isinstance(modal, QDialog):\n"
        "                    QTimer.singleShot(20, leave); return\n"
        "                [b for b in modal.findChildren(QPushButton) if b.text() == 'Leave the demo'][0].click()\n"
        "            QTimer.singleShot(0, leave)\n"
        "            window.settings_requested.emit()\n"
        "        else:\n"
        "            print(opened, flush=True); window.close()\n"
        "    QTimer.singleShot(50, act)\n"
        "    return session\n"
        "app.build_window = build\n"
        "sys.exit(app.run_window(app.Path(sys.argv[1])))\n"
    )
    real = tmp_path / "real.sqlite"
    data = tmp_path / "data"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data))
    environment.pop("LEADDESK_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", script, str(real)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    demo = data / "LeadDesk" / "demo.sqlite"
    assert done.stdout.strip() == repr(
        [(str(real), "LeadDesk", False), (str(demo), "LeadDesk — Demo", True), (str(real), "LeadDesk", False)]
    )


def test_the_pull_tells_where_a_first_sync_is_and_a_later_one_is_not_first(
    database: Database, sim: RelaySimulator
) -> None:
    add_generated(sim, 1_000, per_contact=1)  # 1,000 clients, 2,000 events: 8 pages
    sim.latency = 0.15  # each page comes after the one before is in: one group each
    seen: list[PullProgress] = []
    summary = run_sync(database, sim.url, TOKEN, page_limit=250, pull_progress=seen.append)
    sim.latency = 0.0
    assert summary.ok
    assert all(where.first_sync for where in seen)
    assert [where.events for where in seen] == sorted(where.events for where in seen)
    assert seen[-1].events == 2_000 and seen[-1].clients == 1_000
    assert len({where.clients for where in seen}) > 1  # it grew page by page
    last_event_time = json.loads(sim.events_page("", 5_000)[1])["events"][-1]["at"]
    assert seen[-1].reached == last_event_time
    arrived = set().union(*(where.changed for where in seen))
    assert len(arrived) == 1_000  # every client was named to the list while it came

    sim.add_contact(make_contact("ct_late", "+5215599999999", name="Late"))
    later: list[PullProgress] = []
    assert run_sync(database, sim.url, TOKEN, pull_progress=later.append).ok
    assert [(w.first_sync, w.events, w.changed) for w in later] == [(False, 1, frozenset({"ct_late"}))]
