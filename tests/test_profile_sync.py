"""Issue 4's acceptance: every edit made in the window reaches the relay simulator through the real sync.

The window is the assembled one (``build_window``), its sync worker a real QThread running the real
engine against the simulator, a real HTTP server on 127.0.0.1. The relay is made unreachable with a
loopback port nobody listens on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from leaddesk import edits
from leaddesk.db.database import Database, open_database
from leaddesk.domain import format_time
from leaddesk.models.client_table import Column, ConflictsRole, PendingEditsRole
from leaddesk.models.conversation import ChatItem, ItemRole
from leaddesk.views.client_actions import build_client_menu
from leaddesk.views.delegates import CONFLICT_COLOR, WAITING_COLOR
from leaddesk.views.profile.dialog import ProfileDialog
from tests.relay_simulator.server import Fault, RelaySimulator, make_contact, make_message
from tests.support.sync_gui import Desk, closed_port_url, rows

TOKEN = "profile-sync-token"
ANA = "ct_ana"
ANA_PHONE = "+5215512345678"
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    now = datetime.now(UTC).replace(microsecond=0)
    with RelaySimulator(token=TOKEN, now=now) as running:
        running.add_contact(make_contact(ANA, ANA_PHONE, name="Ana López", updated_at=format_time(now)))
        running.add_message(
            make_message("wamid.A1", ANA, text="¿Sigue disponible?", phone=ANA_PHONE, sent_at=_ago(now, hours=1))
        )
        yield running


def _ago(now: datetime, **delta: float) -> str:
    return format_time(now - timedelta(**delta))


@pytest.fixture
def desk(qtbot: QtBot, sim: RelaySimulator, database: Database) -> Iterator[Desk]:
    opened = Desk.open(qtbot, database, sim.url, TOKEN)
    assert opened.sync().ok
    yield opened
    opened.close()


def _profile(desk: Desk, contact_id: str = ANA) -> ProfileDialog:
    dialog = desk.session.open_profile(contact_id)
    desk.qtbot.waitExposed(dialog)
    return dialog


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _save(qtbot: QtBot, dialog: ProfileDialog) -> None:
    with qtbot.waitSignal(dialog.edited, timeout=2000):
        qtbot.mouseClick(dialog.overview.save, Qt.MouseButton.LeftButton)


def _outbox(database: Database) -> list[tuple[Any, ...]]:
    return rows(database.path, "SELECT id, idempotency_key, type, state, base_version FROM outbox ORDER BY id")


def _buttons(qtbot: QtBot, dialog: ProfileDialog, prefix: str) -> list[QPushButton]:
    """The notice buttons shown now (a layout shows new ones, and deletes old ones, on the next event loop)."""
    qtbot.wait(1)

    def shown() -> list[QPushButton]:
        return [b for b in dialog.overview.findChildren(QPushButton) if b.objectName().startswith(prefix)]

    qtbot.waitUntil(lambda: all(b.isVisible() for b in shown()), timeout=2000)
    return shown()


def _painted(desk: Desk, contact_id: str, color: QColor) -> int:
    """How many pixels of the client's name cell are (nearly) ``color``, as the list paints it now."""
    table = desk.window.table
    table.clearSelection()
    rect = table.visualRect(desk.window.model.index(desk.list_row(contact_id), int(Column.NAME)))
    image = table.viewport().grab(rect).toImage()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if (
                max(
                    abs(pixel.red() - color.red()), abs(pixel.green() - color.green()), abs(pixel.blue() - color.blue())
                )
                < 24
            ):
                count += 1
    return count


# --- (a) online -------------------------------------------------------------------------------------


def test_online_sale_status_shows_at_once_as_waiting_then_the_relay_has_it(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator
) -> None:
    dialog = _profile(desk)
    overview = dialog.overview
    assert overview.pending.isHidden()
    unmarked = _painted(desk, ANA, WAITING_COLOR)  # antialiased text has a few such greys
    _choose(overview.sale_status, "signed")
    _save(qtbot, dialog)

    # At once, before any sync: the dialog, the waiting note and the list.
    assert overview.sale_status.currentData() == "signed"
    assert not overview.pending.isHidden()
    assert "sale status" in overview.pending.text()
    assert desk.cell(ANA, Column.SALE_STATUS, DISPLAY) == "Signed"
    assert desk.cell(ANA, Column.NAME, PendingEditsRole) == 1
    assert "1 change not sent yet" in desk.cell(ANA, Column.NAME, TOOLTIP)
    marked = _painted(desk, ANA, WAITING_COLOR)
    assert marked > unmarked + 10, (marked, unmarked)  # the small clock after the name
    assert sim.contacts[ANA]["sale_status"] == "none"

    summary = desk.sync()
    assert summary.ok and summary.edits_sent == 1
    assert sim.contacts[ANA]["sale_status"] == "signed"
    assert list(sim.applications.values()) == [1]
    # The relay confirmed: nothing waits any more, in the dialog or the list.
    assert overview.pending.isHidden()
    assert overview.sale_status.currentData() == "signed"
    assert desk.cell(ANA, Column.NAME, PendingEditsRole) == 0
    assert desk.cell(ANA, Column.SALE_STATUS, DISPLAY) == "Signed"
    assert "waiting" not in desk.cell(ANA, Column.NAME, TOOLTIP)
    assert _painted(desk, ANA, WAITING_COLOR) < unmarked + 5


# --- (b) offline, then back online ------------------------------------------------------------------


def test_offline_edits_wait_across_a_failed_cycle_and_a_restart_then_arrive_once_in_order(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, database: Database
) -> None:
    base_version = sim.contacts[ANA]["version"]
    desk.point_at(closed_port_url(), TOKEN, retry_seconds=0.3)
    dialog = _profile(desk)
    overview = dialog.overview
    _choose(overview.sale_status, "pending")
    _save(qtbot, dialog)
    overview.name_edit.setText("Ana María López")
    _save(qtbot, dialog)
    _choose(overview.stage, "interested")
    qtbot.keyClicks(overview.stage_note, "Asked for prices")
    _save(qtbot, dialog)
    queued = _outbox(database)
    assert [(r[2], r[3], r[4]) for r in queued] == [
        ("set_sale_status", "queued", base_version),
        ("set_name", "queued", base_version),
        ("set_funnel_stage", "queued", base_version),
    ]

    offline = desk.sync()
    assert offline.outcome == "unreachable"
    assert offline.edits_waiting == 3
    assert desk.session.worker.state == "offline"
    assert _outbox(database) == queued
    assert overview.sale_status.currentData() == "pending"
    assert overview.name_edit.text() == "Ana María López"
    assert overview.pending.text() == "Not sent to the server yet: funnel stage, name, sale status"

    # Quit and start again: the edits are still there, still shown, still waiting.
    desk.close()
    database.close()
    reopened = open_database(database.path)
    try:
        again = Desk.open(qtbot, reopened, sim.url, TOKEN)
        assert _outbox(reopened) == queued
        assert again.cell(ANA, Column.NAME, DISPLAY) == "Ana María López"
        assert again.cell(ANA, Column.NAME, PendingEditsRole) == 3
        reopened_dialog = _profile(again)
        assert not reopened_dialog.overview.pending.isHidden()
        assert reopened_dialog.overview.stage.currentData() == "interested"

        online = again.sync()
        assert online.ok and online.edits_sent == 3
        keys = [r[1] for r in queued]
        assert {key: sim.applications[key] for key in keys} == dict.fromkeys(keys, 1)
        assert len(sim.applications) == 3
        # In the order they were made: each got the next version on the relay.
        assert {field: sim.field_versions[ANA][field] for field in ("sale_status", "name", "funnel_stage")} == {
            "sale_status": base_version + 1,
            "name": base_version + 2,
            "funnel_stage": base_version + 3,
        }
        assert (sim.contacts[ANA]["sale_status"], sim.contacts[ANA]["name"], sim.contacts[ANA]["funnel_stage"]) == (
            "pending",
            "Ana María López",
            "interested",
        )
        assert rows(reopened.path, "SELECT to_stage, note FROM funnel_changes") == [("interested", "Asked for prices")]
        assert reopened_dialog.overview.pending.isHidden()

        # Nothing is sent twice.
        posts = sim.requests.count(("POST", "/v1/commands"))
        assert again.sync().edits_sent == 0
        assert sim.requests.count(("POST", "/v1/commands")) == posts
        again.close()
    finally:
        reopened.close()


# --- (c) conflict, apply mine again, dismiss --------------------------------------------------------


def test_conflict_shows_the_relays_value_then_apply_mine_again_wins(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, database: Database
) -> None:
    dialog = _profile(desk)
    overview = dialog.overview
    sim.change_contact(ANA, sale_status="sold")  # someone else, after the version this window saw
    _choose(overview.sale_status, "signed")
    _save(qtbot, dialog)
    first_key = _outbox(database)[0][1]

    summary = desk.sync()
    assert summary.edits_conflicted == 1
    assert sim.commands[first_key][1] == 409
    # The relay's value stands, and the conflict is shown with both values.
    assert overview.sale_status.currentData() == "sold"
    assert desk.cell(ANA, Column.SALE_STATUS, DISPLAY) == "Sold"
    (again,) = _buttons(qtbot, dialog, "apply_again_")
    conflict_text = " ".join(label.text() for label in again.parent().findChildren(type(overview.phone)))
    assert "You set: Signed — the server has: Sold" in conflict_text
    assert overview.pending.isHidden()
    # ... and as a badge in the list, whose tooltip says which field.
    assert desk.cell(ANA, Column.NAME, ConflictsRole) == ["sale_status"]
    assert desk.cell(ANA, Column.SALE_STATUS, ConflictsRole) is None
    tip = desk.cell(ANA, Column.NAME, TOOLTIP)
    assert "Conflict: someone else changed the sale status" in tip and tip.startswith("<qt>")
    assert _painted(desk, ANA, CONFLICT_COLOR) > 20

    conflict_id = int(again.objectName().removeprefix("apply_again_"))
    commits: list[object] = []

    def count_commit(connection: Any) -> None:
        commits.append(connection)

    event.listen(database.engine, "commit", count_commit)
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    event.remove(database.engine, "commit", count_commit)
    assert len(commits) == 1  # the new command and the settled conflict together, or neither
    assert _buttons(qtbot, dialog, "apply_again_") == []
    with pytest.raises(edits.EditError, match="already settled"):
        edits.apply_mine_again(database, conflict_id)
    assert desk.cell(ANA, Column.NAME, ConflictsRole) == []
    assert _painted(desk, ANA, CONFLICT_COLOR) == 0
    assert desk.cell(ANA, Column.NAME, PendingEditsRole) == 1
    assert overview.sale_status.currentData() == "signed"
    assert "sale status" in overview.pending.text()
    outbox = _outbox(database)
    assert [(r[2], r[3]) for r in outbox] == [("set_sale_status", "conflict"), ("set_sale_status", "queued")]
    new_key = outbox[1][1]
    assert new_key != first_key
    assert outbox[1][4] == sim.contacts[ANA]["version"]  # on the version that won

    assert desk.sync().edits_sent == 1
    assert sim.contacts[ANA]["sale_status"] == "signed"
    assert sim.applications[new_key] == 1 and sim.applications[first_key] == 0
    assert overview.sale_status.currentData() == "signed"
    assert overview.pending.isHidden()


def test_conflict_dismissed_leaves_the_relays_value(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, database: Database
) -> None:
    dialog = _profile(desk)
    overview = dialog.overview
    sim.change_contact(ANA, name="Ana (by the bot)")
    overview.name_edit.setText("Ana (mine)")
    _save(qtbot, dialog)
    assert desk.sync().edits_conflicted == 1
    assert overview.name_edit.text() == "Ana (by the bot)"
    assert len(_buttons(qtbot, dialog, "apply_again_")) == 1

    assert desk.cell(ANA, Column.NAME, ConflictsRole) == ["name"]
    assert "changed the name" in desk.cell(ANA, Column.NAME, TOOLTIP)
    qtbot.mouseClick(_buttons(qtbot, dialog, "dismiss_")[0], Qt.MouseButton.LeftButton)
    assert desk.cell(ANA, Column.NAME, ConflictsRole) == []
    assert _buttons(qtbot, dialog, "apply_again_") == []
    assert overview.name_edit.text() == "Ana (by the bot)"
    assert rows(database.path, "SELECT resolved FROM edit_conflicts") == [(1,)]
    assert rows(database.path, "SELECT count(*) FROM outbox WHERE state = 'queued'") == [(0,)]
    posts = sim.requests.count(("POST", "/v1/commands"))
    assert desk.sync().ok
    assert sim.requests.count(("POST", "/v1/commands")) == posts
    assert sim.contacts[ANA]["name"] == "Ana (by the bot)"


# --- (d) refusal and revert -------------------------------------------------------------------------


def test_a_stage_only_the_bot_may_set_is_refused_and_goes_back(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, database: Database
) -> None:
    # Force the bot-only stage through the edit path: this cache wrongly believes a person may pick it.
    with database.write() as connection:
        connection.exec_driver_sql("UPDATE funnel_stages SET manual = 1 WHERE id = 'visit_completed'")
    dialog = _profile(desk)
    overview = dialog.overview
    assert overview.stage.currentData() == "new"
    _choose(overview.stage, "visit_completed")
    _save(qtbot, dialog)
    assert overview.stage.currentData() == "visit_completed"

    summary = desk.sync()
    assert summary.edits_refused == 1
    assert sim.contacts[ANA]["funnel_stage"] == "new"
    assert overview.stage.currentData() == "new"
    assert desk.cell(ANA, Column.FUNNEL_STAGE, DISPLAY) == "New lead"
    notices = [w.text() for w in overview.findChildren(type(overview.phone)) if "did not accept" in w.text()]
    assert len(notices) == 1
    assert "funnel stage" in notices[0] and "went back" in notices[0] and "stage_not_manual" in notices[0]
    assert rows(database.path, "SELECT state FROM outbox") == [("refused",)]


def test_a_forbidden_sale_status_is_refused_and_goes_back(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, database: Database
) -> None:
    sim.plan("/v1/commands", Fault(status=403))
    dialog = _profile(desk)
    overview = dialog.overview
    _choose(overview.sale_status, "sold")
    _save(qtbot, dialog)
    assert desk.cell(ANA, Column.SALE_STATUS, DISPLAY) == "Sold"

    assert desk.sync().edits_refused == 1
    assert overview.sale_status.currentData() == "none"
    assert desk.cell(ANA, Column.SALE_STATUS, DISPLAY) == "None"
    assert desk.cell(ANA, Column.NAME, PendingEditsRole) == 0
    assert any("403" in w.text() and "sale status" in w.text() for w in overview.findChildren(type(overview.phone)))
    assert sim.contacts[ANA]["sale_status"] == "none"


# --- (e) bulk edit of 500 ---------------------------------------------------------------------------


def test_bulk_sale_status_of_500_is_one_transaction_and_reaches_the_relay(
    qtbot: QtBot, sim: RelaySimulator, database: Database
) -> None:
    for number in range(500):
        sim.add_contact(make_contact(f"ct_{number:03d}", f"+52155{number:08d}", name=f"Client {number:03d}"))
    desk = Desk.open(qtbot, database, sim.url, TOKEN)
    try:
        assert desk.sync().ok
        window = desk.window
        window.table.selectAll()
        ids = window.selected_contact_ids()
        assert len(ids) == 501
        menu = build_client_menu(window, database, window.table)
        sale = next(a.menu() for a in menu.actions() if a.text() == "Set sale status")
        signed = next(a for a in sale.actions() if a.text() == "Signed")

        commits: list[float] = []

        def count_commit(_connection: Any) -> None:
            commits.append(time.perf_counter())

        event.listen(database.engine, "commit", count_commit)
        started = time.perf_counter()
        signed.trigger()
        elapsed = time.perf_counter() - started
        event.remove(database.engine, "commit", count_commit)
        # One transaction for the whole selection, and the window is back at once.
        assert len(commits) == 1
        assert elapsed < 0.5, f"the bulk edit held the window for {elapsed:.3f} s"
        assert rows(database.path, "SELECT count(*), count(DISTINCT idempotency_key) FROM outbox") == [(501, 501)]
        assert rows(database.path, "SELECT count(*) FROM contacts WHERE sale_status = 'signed'") == [(501,)]
        assert desk.cell("ct_042", Column.SALE_STATUS, DISPLAY) == "Signed"
        assert desk.cell("ct_042", Column.NAME, PendingEditsRole) == 1

        summary = desk.sync()
        assert summary.ok and summary.edits_sent == 501
        assert sum(1 for c in sim.contacts.values() if c["sale_status"] == "signed") == 501
        assert set(sim.applications.values()) == {1}
        assert desk.cell("ct_042", Column.NAME, PendingEditsRole) == 0
    finally:
        desk.close()


# --- (f) contractor ---------------------------------------------------------------------------------


def test_marking_a_contractor_shows_the_agent_once_the_relay_confirms(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator
) -> None:
    dialog = _profile(desk)
    overview = dialog.overview
    assert desk.cell(ANA, Column.BOT_STATUS, DISPLAY) == "Active"
    overview.contractor.setChecked(True)
    _save(qtbot, dialog)
    # The routing is the relay's: until it answers, the bot status is what it was.
    assert desk.cell(ANA, Column.BOT_STATUS, DISPLAY) == "Active"
    assert overview.bot_active.isChecked()

    assert desk.sync().edits_sent == 1
    assert sim.contacts[ANA]["bot_status"] == "agent"
    assert desk.cell(ANA, Column.BOT_STATUS, DISPLAY) == "Agent"
    assert overview.bot_agent.isChecked() and overview.contractor.isChecked()


# --- (g) send_message -------------------------------------------------------------------------------


def _messages(dialog: ProfileDialog, text: str) -> list[ChatItem]:
    model = dialog.conversation.model
    items = [model.index(row, 0).data(ItemRole) for row in range(model.rowCount())]
    return [i for i in items if isinstance(i, ChatItem) and i.kind == "message" and i.text == text]


def test_a_reply_waits_with_a_clock_offline_then_the_relays_message_replaces_it(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, database: Database
) -> None:
    desk.point_at(closed_port_url(), TOKEN, retry_seconds=0.3)
    dialog = _profile(desk)
    dialog.show_conversation()
    conversation = dialog.conversation
    assert conversation.window_warning.isHidden()
    qtbot.keyClicks(conversation.reply, "Si, le agendo una visita?")
    qtbot.mouseClick(conversation.send, Qt.MouseButton.LeftButton)
    (pending,) = _messages(dialog, "Si, le agendo una visita?")
    assert pending.status == "pending" and pending.key.startswith("local:")
    assert (pending.author_kind, pending.author_name) == ("agent", "Laura Pérez")

    assert desk.sync().outcome == "unreachable"
    (still,) = _messages(dialog, "Si, le agendo una visita?")
    assert still.status == "pending"

    desk.point_at(sim.url, TOKEN)
    assert desk.sync().edits_sent == 1
    (confirmed,) = _messages(dialog, "Si, le agendo una visita?")
    assert confirmed.key.startswith("wamid.SIM") and confirmed.status == "delivered"
    assert rows(database.path, "SELECT count(*) FROM messages WHERE text = 'Si, le agendo una visita?'") == [(1,)]
    assert list(sim.applications.values()) == [1]


def test_a_reply_outside_the_24_hour_window_is_refused_with_the_reason(
    qtbot: QtBot, sim: RelaySimulator, database: Database
) -> None:
    sim.add_contact(make_contact("ct_old", "+5215599998888", name="Olga"))
    sim.add_message(
        make_message("wamid.O1", "ct_old", text="Gracias", phone="+5215599998888", sent_at=_ago(sim.now, hours=30))
    )
    desk = Desk.open(qtbot, database, sim.url, TOKEN)
    try:
        assert desk.sync().ok
        dialog = _profile(desk, "ct_old")
        dialog.show_conversation()
        conversation = dialog.conversation
        # Warned before sending ...
        assert not conversation.window_warning.isHidden()
        assert "24 hours" in conversation.window_warning.text()
        qtbot.keyClicks(conversation.reply, "Sigue interesada?")
        qtbot.mouseClick(conversation.send, Qt.MouseButton.LeftButton)
        # ... and told why once the relay refused.
        assert desk.sync().edits_refused == 1
        (failed,) = _messages(dialog, "Sigue interesada?")
        assert failed.status == "failed"
        assert failed.error_title == "Not sent: the client last wrote more than 24 hours ago"
        assert sim.applications == {}
        # The bubble says it; the overview does not call a message a "change" that "went back".
        labels = dialog.overview.findChildren(type(dialog.overview.phone))
        assert not [w.text() for w in labels if "did not accept" in w.text()]
    finally:
        desk.close()


# --- a sync while the user is editing ---------------------------------------------------------------


def test_a_sync_keeps_what_the_user_has_not_saved_yet(
    qtbot: QtBot, desk: Desk, sim: RelaySimulator, database: Database
) -> None:
    dialog = _profile(desk)
    overview = dialog.overview
    _choose(overview.sale_status, "pending")  # chosen, not saved yet
    qtbot.keyClicks(overview.stage_note, "half-typed")
    dialog.config.add_row()
    dialog.config.table.item(dialog.config.table.rowCount() - 1, 0).setText("language")
    dialog.config.table.item(dialog.config.table.rowCount() - 1, 1).setText("en")
    sim.change_contact(ANA, name="Ana L. (relay)")

    assert desk.sync().ok
    # What came from the relay shows; what the user was doing stays.
    assert overview.name_edit.text() == "Ana L. (relay)"
    assert overview.sale_status.currentData() == "pending"
    assert overview.stage_note.text() == "half-typed"
    assert dialog.config.current() == {"language": "en"}

    # A note goes only with a change of stage (a Save refuses a lone note rather than drop it).
    overview.stage_note.clear()
    _save(qtbot, dialog)
    assert [r[2] for r in _outbox(database)] == ["set_sale_status"]  # the name is not sent back
    assert desk.sync().edits_sent == 1
    assert (sim.contacts[ANA]["sale_status"], sim.contacts[ANA]["name"]) == ("pending", "Ana L. (relay)")

    # "Undo changes" still throws an unsaved choice away.
    _choose(overview.sale_status, "sold")
    qtbot.mouseClick(overview.revert, Qt.MouseButton.LeftButton)
    assert overview.sale_status.currentData() == "pending"
