"""The profile's notices of edits the relay did not take: refusals dismissed for good, one notice per conflict.

A real relay simulator on 127.0.0.1 answers the real sync engine; the dialog is driven with qtbot.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.domain import format_time
from leaddesk.models.profile import describe_values
from leaddesk.models.words import month_day, short_time
from leaddesk.views.profile.dialog import ProfileDialog
from tests.relay_simulator.server import Fault, RelaySimulator, make_contact
from tests.support.sync import run_sync, sqlite

TOKEN = "notices-token"
ANA = "ct_ana"


@pytest.fixture
def sim(database: Database) -> Iterator[RelaySimulator]:
    now = datetime.now(UTC).replace(microsecond=0)
    with RelaySimulator(token=TOKEN, now=now) as running:
        running.add_contact(make_contact(ANA, "+5215512345678", name="Ana López", updated_at=format_time(now)))
        assert run_sync(database, running.url, TOKEN).ok
        yield running


def _dialog(qtbot: QtBot, database: Database) -> ProfileDialog:
    dialog = ProfileDialog(database, ANA)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _buttons(qtbot: QtBot, dialog: ProfileDialog, prefix: str) -> list[QPushButton]:
    """The notice buttons shown now (old notices are deleted on the next event loop)."""
    qtbot.wait(1)
    shown = [b for b in dialog.overview.findChildren(QPushButton) if b.objectName().startswith(prefix)]
    qtbot.waitUntil(lambda: all(b.isVisible() for b in shown), timeout=2000)
    return shown


def _notice_text(button: QPushButton) -> str:
    box = button.parent()
    assert isinstance(box, QFrame)
    return " ".join(label.text() for label in box.findChildren(QLabel))


def _refused_ids(database: Database) -> list[int]:
    with sqlite(database.path) as connection:
        return [r[0] for r in connection.execute("SELECT id FROM outbox WHERE state = 'refused' ORDER BY id")]


def test_refusal_notices_are_dismissed_for_good_and_keep_what_the_user_is_typing(
    qtbot: QtBot, database: Database, sim: RelaySimulator
) -> None:
    sim.plan("/v1/commands", *[Fault(status=status) for status in (403, 422, 404, 400)])
    edits.set_sale_status(database, [ANA], "sold")
    edits.set_name(database, [ANA], "Ana M.")
    edits.set_flags(database, [ANA], mystery_shopper=True)
    edits.set_sale_status(database, [ANA], "signed")
    summary = run_sync(database, sim.url, TOKEN)
    assert summary.edits_refused == 4
    first, second, third, fourth = _refused_ids(database)

    dialog = _dialog(qtbot, database)
    shown = _buttons(qtbot, dialog, "dismiss_refusal_")
    # The newest three, each with the reason and its own Dismiss.
    assert [b.objectName() for b in shown] == [f"dismiss_refusal_{i}" for i in (second, third, fourth)]
    assert "name" in _notice_text(shown[0]) and "422" in _notice_text(shown[0])
    assert "flags" in _notice_text(shown[1])

    qtbot.keyClicks(dialog.overview.name_edit, " (typing)")  # not saved
    qtbot.mouseClick(shown[0], Qt.MouseButton.LeftButton)
    shown = _buttons(qtbot, dialog, "dismiss_refusal_")
    # The dismissed one is gone; the older one not dismissed yet takes its place.
    assert [b.objectName() for b in shown] == [f"dismiss_refusal_{i}" for i in (first, third, fourth)]
    assert dialog.overview.name_edit.text() == "Ana López (typing)"
    qtbot.mouseClick(shown[-1], Qt.MouseButton.LeftButton)
    assert [b.objectName() for b in _buttons(qtbot, dialog, "dismiss_refusal_")] == [
        f"dismiss_refusal_{i}" for i in (first, third)
    ]
    dialog.close()

    # Reopened (and after another sync): still gone.
    assert run_sync(database, sim.url, TOKEN).ok
    again = _dialog(qtbot, database)
    assert [b.objectName() for b in _buttons(qtbot, again, "dismiss_refusal_")] == [
        f"dismiss_refusal_{i}" for i in (first, third)
    ]
    with sqlite(database.path) as connection:
        dismissed = connection.execute("SELECT id FROM outbox WHERE dismissed_at IS NOT NULL ORDER BY id").fetchall()
    assert dismissed == [(second,), (fourth,)]
    assert [r[0] for r in edits.refused_edits(database, ANA, include_dismissed=True)] == [first, second, third, fourth]

    for button in _buttons(qtbot, again, "dismiss_refusal_"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert _buttons(qtbot, again, "dismiss_refusal_") == []
    edits.dismiss_refusal(database, first)  # twice is harmless


def test_only_a_refused_edit_can_be_dismissed(database: Database, sim: RelaySimulator) -> None:
    [queued] = edits.set_sale_status(database, [ANA], "sold")
    with pytest.raises(edits.EditError, match="not refused"):
        edits.dismiss_refusal(database, queued)
    with pytest.raises(edits.EditError, match="not refused"):
        edits.dismiss_refusal(database, 999)


def test_a_bot_status_conflict_is_one_notice_with_both_values_in_plain_words(
    qtbot: QtBot, database: Database, sim: RelaySimulator
) -> None:
    sim.change_contact(ANA, bot_status="agent")  # someone else, after the version this cache saw
    until = (datetime.now(UTC) + timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    edits.set_bot_status(database, [ANA], "paused", until)
    assert run_sync(database, sim.url, TOKEN).edits_conflicted == 1
    with sqlite(database.path) as connection:
        fields = connection.execute("SELECT field FROM edit_conflicts ORDER BY field").fetchall()
    assert fields == [("bot_paused_until",), ("bot_status",)]  # the rows are kept, one per field

    dialog = _dialog(qtbot, database)
    (again,) = _buttons(qtbot, dialog, "apply_again_")
    (dismiss,) = _buttons(qtbot, dialog, "dismiss_")
    text = _notice_text(again)
    # The resume time as the window writes times: the day and month, then the locale's time of day.
    assert f"You set: paused until {month_day(until)}, {short_time(until)} — the server has: agent" in text
    assert "changed the bot status at" in text and "bot pause" not in text

    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    assert _buttons(qtbot, dialog, "apply_again_") == []
    with sqlite(database.path) as connection:
        assert connection.execute("SELECT resolved FROM edit_conflicts").fetchall() == [(1,), (1,)]
    assert edits.conflict_notices(database, ANA) == []


def test_conflict_notices_group_by_edit_and_describe_each_field(database: Database, sim: RelaySimulator) -> None:
    sim.change_contact(ANA, sale_status="sold", mystery_shopper=True, contractor=True)
    edits.set_sale_status(database, [ANA], "signed")
    edits.set_flags(database, [ANA], mystery_shopper=False, contractor=False)
    assert run_sync(database, sim.url, TOKEN).edits_conflicted == 2
    notices = edits.conflict_notices(database, ANA)
    assert [(n.command_type, n.fields) for n in notices] == [
        ("set_sale_status", ("sale_status",)),
        ("set_flags", ("mystery_shopper", "contractor")),
    ]
    assert describe_values(database, notices[0].mine) == "Signed"
    assert describe_values(database, notices[0].theirs) == "Sold"
    assert describe_values(database, notices[1].mine) == "mystery shopper: no, contractor: no"
    assert describe_values(database, notices[1].theirs) == "mystery shopper: yes, contractor: yes"
