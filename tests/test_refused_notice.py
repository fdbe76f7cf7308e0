"""A refused edit is told in the main window, in plain words, with a way to see (and dismiss) them all.

The assembled window syncs through the real engine with the relay simulator on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from leaddesk import edits, refusals
from leaddesk.db.database import Database
from leaddesk.domain import format_time
from leaddesk.views.main_window import MainWindow
from tests.relay_simulator.server import Fault, RelaySimulator, make_contact
from tests.support.events import EventLog, contact
from tests.support.sync import run_sync
from tests.support.sync_gui import Desk

TOKEN = "refusal-token"


@pytest.fixture
def sim(database: Database) -> Iterator[RelaySimulator]:
    now = datetime.now(UTC).replace(microsecond=0)
    with RelaySimulator(token=TOKEN, now=now) as running:
        running.add_contact(make_contact("ct_ana", "+5215512345678", name="Ana López", updated_at=format_time(now)))
        assert run_sync(database, running.url, TOKEN).ok
        # A client the cache still has but the relay no longer knows.
        EventLog(database).apply([contact("ct_gone", name="Bruno Díaz", phone="+5215598765432")])
        yield running


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("command set_sale_status: 404 unknown_contact (no such contact)", "the client no longer exists there"),
        ("command send_message: 422 outside_window (late)", "WhatsApp lets a business write only within 24 hours"),
        ("command set_funnel_stage: 422 stage_not_manual (x)", "only the bot's rules move a client into that stage"),
        ("command set_name: 422 invalid (a name has 1 to 200 characters)", "the server does not take that value"),
        ("command set_flags: 403 forbidden", "your access key may read but not change clients"),
        ("command set_flags: 400 bad_request", "the server could not read the request"),
        ("command set_flags: 418", "the server refused it (418)"),
    ],
)
def test_protocol_answers_become_plain_reasons(answer: str, reason: str) -> None:
    assert refusals.plain_reason(*refusals.parse_answer(answer)).startswith(reason)


def test_a_refused_edit_is_told_in_the_main_window_and_all_can_be_seen_and_dismissed(
    qtbot: QtBot, database: Database, sim: RelaySimulator
) -> None:
    desk = Desk.open(qtbot, database, sim.url, TOKEN)
    window = desk.window
    assert not window.refusal_notice.isVisible()
    sim.plan("/v1/commands", Fault(status=403))
    edits.set_flags(database, ["ct_ana"], contractor=True)
    edits.set_sale_status(database, ["ct_gone"], "sold")
    window.refresh_clients()

    summary = desk.sync()
    assert summary.edits_refused == 2
    qtbot.waitUntil(window.refusal_notice.isVisible, timeout=3000)
    text = window.refusal_notice.label.text()
    # The newest first, in words; the count of the others beside it.
    assert text == (
        "The server did not accept 'Sold' for Bruno Díaz: the client no longer exists there. "
        "(1 more change not accepted)"
    )
    assert window.refusal_notice.label.textFormat() == Qt.TextFormat.PlainText

    show_all = window.refusal_notice.button("Show all…")
    assert show_all is not None
    qtbot.mouseClick(show_all, Qt.MouseButton.LeftButton)
    dialog = window._refusal_dialog
    assert dialog is not None and dialog.isVisible()
    lines = [dialog.items.item(i).text() for i in range(dialog.items.count())]
    assert len(lines) == 2
    assert lines[0].startswith("The server did not accept 'Sold' for Bruno Díaz: the client no longer exists there.")
    assert lines[1].startswith("The server did not accept 'contractor' for Ana López: your access key may read but not")

    # Dismiss one (selected, Delete key), then the notice tells only the other.
    dialog.items.setCurrentRow(0)
    qtbot.keyClick(dialog.items, Qt.Key.Key_Delete)
    assert dialog.items.count() == 1
    assert window.refusal_notice.label.text().startswith("The server did not accept 'contractor' for Ana López")
    qtbot.mouseClick(dialog.dismiss_all_button, Qt.MouseButton.LeftButton)
    assert dialog.items.item(0).text() == "No changes were refused."
    assert not window.refusal_notice.isVisible()
    # "Show dismissed too" still lists them.
    dialog.show_dismissed.setChecked(True)
    assert dialog.items.count() == 2
    dialog.close()
    desk.close()


def test_dismissing_the_notice_is_kept_across_restarts(
    qtbot: QtBot, database: Database, sim: RelaySimulator, tmp_path: object
) -> None:
    edits.set_sale_status(database, ["ct_gone"], "pending")
    assert run_sync(database, sim.url, TOKEN).edits_refused == 1
    settings = QSettings(f"{tmp_path}/s.ini", QSettings.Format.IniFormat)
    first = MainWindow(database, settings=settings)
    qtbot.addWidget(first)
    first.show()
    assert first.refusal_notice.isVisible()
    dismiss = first.refusal_notice.button("Dismiss")
    assert dismiss is not None
    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    assert not first.refusal_notice.isVisible()
    first.close()
    second = MainWindow(database, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert not second.refusal_notice.isVisible()
    # The profile's Overview shares the dismissal.
    assert edits.refused_edits(database, "ct_gone") == []
    # The menu entry still opens the whole list.
    second.refused_action.trigger()
    assert second._refusal_dialog is not None
    assert second._refusal_dialog.items.item(0).text() == "No changes were refused."
