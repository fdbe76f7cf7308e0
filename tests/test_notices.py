"""Tray notices: a real sync from the relay simulator brings news while the window is in the background.

The tray is a recording ``QSystemTrayIcon`` passed to ``build_window``; the staff's choices are an ini
file. What the sync brought is counted by the real applier (``ApplyResult``), page by page.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from leaddesk.db.database import Database
from leaddesk.preferences import Preferences, save_preferences
from leaddesk.sync.apply import ApplyResult, NewMessage
from leaddesk.views.notices import notice_for, one_line
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.events import EventLog, at, contact, erased, message
from tests.support.sync_gui import Desk

TOKEN = "notices-token"
LONG_TEXT = "Hola, quiero saber si el departamento de dos recámaras en la Torre B sigue disponible para visitarlo"
_later = itertools.count(1)


class RecordingTray(QSystemTrayIcon):
    """A tray icon that keeps every notice it is asked to show."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[str, str]] = []

    def showMessage(self, title: str, message: str, *_args: Any) -> None:  # noqa: N802
        self.shown.append((title, message))


@pytest.fixture
def preferences(tmp_path: Path) -> QSettings:
    """The staff's choices, in an ini file: the defaults (notices on, none for the bot's messages)."""
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    save_preferences(Preferences(), settings)
    return settings


def _client_writes(sim: RelaySimulator, contact_id: str, text: str, **fields: Any) -> None:
    """A new message in the relay's log, a minute later than the one before."""
    minute = next(_later)
    sim.add_message(
        make_message(f"wamid.new{minute}", contact_id, text=text, sent_at=f"2026-11-28T10:{minute:02d}:00Z", **fields)
    )


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as simulator:
        scripted_log(simulator)
        yield simulator


@pytest.fixture
def desk(qtbot: QtBot, database: Database, sim: RelaySimulator, preferences: QSettings) -> Iterator[Desk]:
    """The assembled window with a recording tray (``desk.session.notices.tray``), after its first sync."""
    opened = Desk.open(qtbot, database, sim.url, TOKEN, tray=RecordingTray(), preferences=preferences)
    opened.sync()  # the first sync: a whole history, never a notice
    assert _tray(opened).shown == []
    yield opened
    opened.close()


def _tray(desk: Desk) -> RecordingTray:
    notices = desk.session.notices
    assert notices is not None and isinstance(notices.tray, RecordingTray)
    return notices.tray


def test_a_client_writing_while_the_window_is_hidden_is_a_notice_that_opens_them(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, preferences: QSettings
) -> None:
    tray = _tray(desk)
    desk.window.hide()
    _client_writes(sim, "ct_ana", LONG_TEXT)
    desk.sync()
    assert len(tray.shown) == 1
    title, body = tray.shown[0]
    assert title == "Ana López"
    assert body.startswith("Hola, quiero saber si el departamento") and body.endswith("…")
    assert len(body) <= 90

    # A sync that brings nothing new says nothing.
    desk.sync()
    assert len(tray.shown) == 1

    tray.messageClicked.emit()
    qtbot.waitUntil(lambda: desk.window.isVisible() and "ct_ana" in desk.session.profiles, timeout=5_000)


def test_no_notice_while_the_window_is_in_front(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, preferences: QSettings
) -> None:
    tray = _tray(desk)
    desk.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.window, timeout=5_000)
    _client_writes(sim, "ct_ana", "Hola")
    desk.sync()
    assert tray.shown == []
    # The same news with the window minimized is a notice.
    desk.window.showMinimized()
    _client_writes(sim, "ct_ana", "¿Sigue disponible?")
    desk.sync()
    assert tray.shown == [("Ana López", "¿Sigue disponible?")]


def test_the_bots_own_messages_are_no_notice_unless_asked_for(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, preferences: QSettings
) -> None:
    tray = _tray(desk)
    desk.window.hide()
    _client_writes(sim, "ct_ana", "Con gusto te ayudo", direction="out")
    desk.sync()
    assert tray.shown == []

    save_preferences(Preferences(notices_for_bot_messages=True), preferences)
    _client_writes(sim, "ct_ana", "Te espero el jueves", direction="out")
    desk.sync()
    assert tray.shown == [("Ana López", "Te espero el jueves")]


def test_no_notice_with_notices_turned_off(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, preferences: QSettings
) -> None:
    tray = _tray(desk)
    save_preferences(Preferences(notices=False), preferences)
    desk.window.hide()
    _client_writes(sim, "ct_ana", "Hola")
    sim.add_contact(make_contact("ct_lead", "+5215566667777", name="Pedro Ruiz"))
    desk.sync()
    assert tray.shown == []


def test_several_clients_and_a_new_lead_are_one_summarised_notice(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, preferences: QSettings
) -> None:
    tray = _tray(desk)
    desk.window.hide()
    sim.add_contact(make_contact("ct_lead", "+5215566667777", name="Pedro <b>Ruiz</b>"))
    _client_writes(sim, "ct_lead", "Buenas tardes")
    _client_writes(sim, "ct_ana", "Hola")
    desk.sync()
    assert len(tray.shown) == 1
    title, body = tray.shown[0]
    assert title == "2 clients wrote"
    # The newest writer first; a stranger's markup is shown as typed, never as formatting (Linux
    # notification servers read the body as markup, so there it is escaped).
    shown_name = "Pedro &lt;b&gt;Ruiz&lt;/b&gt;" if sys.platform.startswith("linux") else "Pedro <b>Ruiz</b>"
    assert body.splitlines()[0] == f"Ana López, {shown_name}"
    assert "1 of them new" in body


def test_the_tray_tooltip_counts_the_clients_with_unread_messages(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, preferences: QSettings
) -> None:
    tray = _tray(desk)
    assert desk.session.notices is not None
    before = desk.session.notices.unread_clients
    sim.add_contact(make_contact("ct_u1", "+5215511112222", name="Uno", unread=2))
    sim.add_contact(make_contact("ct_u2", "+5215511113333", name="Dos", unread=1))
    desk.sync()
    assert desk.session.notices.unread_clients == before + 2
    assert f"{before + 2} client" in tray.toolTip()


# --- what the applier counts (ApplyResult), page by page -------------------------------------------


def test_the_applier_counts_only_new_messages_from_clients_and_merges_pages(database: Database) -> None:
    log = EventLog(database)
    log.apply([contact("ct_a", name="Ana"), message("ct_a", at(0), message_id="wamid.old", text="old")])
    seen_again = log.apply([message("ct_a", at(0), message_id="wamid.old", text="old")])
    assert seen_again.client_messages == {} and seen_again.newest_client_message is None

    first = log.apply(
        [
            message("ct_a", at(1), text="uno"),
            message("ct_a", at(2), text="dos"),
            message("ct_a", at(3), text="bot", direction="out"),
            message("ct_a", at(4), text="agent", direction="out", author={"kind": "agent", "name": "Laura"}),
            message("ct_b", at(5), type="reaction", text=None, reaction={"message_id": "wamid.old", "emoji": "👍"}),
        ]
    )
    assert first.client_messages == {"ct_a": 2}
    assert first.bot_messages == {"ct_a": 1}
    assert first.newest_client_message is not None and first.newest_client_message.text == "dos"
    assert first.new_contacts == {"ct_b"}  # the reaction's placeholder is a new lead, not a message
    assert first.who["ct_a"][0] == "Ana"

    second = log.apply([message("ct_c", at(6), text="tres"), erased("ct_b")])
    first.merge(second)
    assert first.client_messages == {"ct_a": 2, "ct_c": 1}
    assert first.newest_client_message is not None and first.newest_client_message.contact_id == "ct_c"
    assert "ct_b" not in first.who and first.new_contacts == {"ct_c"}

    third = log.apply([erased("ct_c")])
    first.merge(third)
    assert first.client_messages == {"ct_a": 2}
    assert first.newest_client_message is None  # the newest belonged to an erased client
    notice = notice_for(first)
    assert notice is not None and (notice.title, notice.contact_id) == ("Ana (2 new messages)", "ct_a")


def test_one_line_keeps_a_strangers_text_short_and_on_one_line() -> None:
    assert one_line("Hola\n\n  quiero\tinfo\u202e") == "Hola quiero info"
    shortened = one_line("palabra " * 40, 30)
    assert len(shortened) <= 30 and shortened.endswith("…") and " palabr…" not in shortened


def test_new_leads_alone_and_many_writers_read_as_a_person_would() -> None:
    lead = ApplyResult(new_contacts={"ct_1"}, who={"ct_1": (None, "+5215512345678")})
    notice = notice_for(lead)
    assert notice is not None
    assert (notice.title, notice.contact_id) == ("New client: +52 55 1234 5678", "ct_1")  # no name: the phone
    assert notice.body == "A new client is in the list"

    two_leads = ApplyResult(new_contacts={"ct_1", "ct_2"}, who={"ct_1": ("Ana", None), "ct_2": ("Bea", None)})
    notice = notice_for(two_leads)
    assert notice is not None and (notice.title, notice.body, notice.contact_id) == ("2 new clients", "Ana, Bea", None)

    writers = {f"ct_{n}": 1 for n in range(5)}
    newest = NewMessage("ct_4", at(5), "image", None)
    many = ApplyResult(
        client_messages=writers,
        newest_client_message=newest,
        who={f"ct_{n}": (f"Client {n}", None) for n in range(5)},
    )
    notice = notice_for(many)
    assert notice is not None
    assert notice.title == "5 clients wrote"
    assert notice.body == "Client 4, Client 0, Client 1 and 2 more"
    alone = ApplyResult(client_messages={"ct_4": 1}, newest_client_message=newest, who={"ct_4": ("Eva", None)})
    notice = notice_for(alone)
    assert notice is not None and (notice.title, notice.body) == ("Eva", "Photo")
    assert notice_for(ApplyResult(client_messages=writers, backlog=True)) is None
