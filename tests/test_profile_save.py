"""Issue 9 in the profile: one Save is all or nothing, unsaved changes are marked and asked about, the
Configuration tab edits the row being typed, and the Overview says what matters. Driven with pytest-qt
against a real database."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from leaddesk.db.database import Database
from leaddesk.domain import format_time, utc_now
from leaddesk.views.profile import ProfileDialog
from leaddesk.views.profile.common import PROBLEM_RED
from tests.support.i18n import in_language
from tests.support.profile import contact_state, seed, seed_rich_contact, stages_event
from tests.support.sync import sqlite

ANA = "ct_8812"


def _dialog(qtbot: QtBot, database: Database, contact_id: str = ANA) -> ProfileDialog:
    dialog = ProfileDialog(database, contact_id)
    qtbot.addWidget(dialog)
    dialog.resize(900, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _focused() -> QWidget:
    """The widget that has the keyboard focus (an open cell editor, after a click on "Add setting")."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def _outbox(database: Database) -> list[tuple[str, dict[str, Any], str]]:
    with sqlite(database.path) as connection:
        found = connection.execute("SELECT type, data, created_at FROM outbox ORDER BY id").fetchall()
    return [(kind, json.loads(data), created) for kind, data, created in found]


def _contact(database: Database, contact_id: str = ANA) -> tuple[Any, ...]:
    with sqlite(database.path) as connection:
        row = connection.execute(
            "SELECT name, sale_status, contractor, bot_status, bot_paused_until FROM contacts WHERE id = ?",
            (contact_id,),
        ).fetchone()
    assert row is not None
    return tuple(row)


def _press(qtbot: QtBot, key: Qt.Key) -> None:
    """Press Return or Tab in the open cell editor; the table commits it (and moves on) on its next turn
    of the event loop, after which the focus has left that editor."""
    editor = _focused()
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)


def _tick(qtbot: QtBot, box: QWidget) -> None:
    """Click a check box or radio button on its indicator (its middle may be empty stretch)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _choose_by_typing(qtbot: QtBot, combo: QWidget, text: str) -> None:
    """Pick a combo box item as a keyboard user does: focus it and type the start of its text."""
    combo.setFocus()
    qtbot.keyClicks(combo, text)


def _type_time(qtbot: QtBot, edit: Any, moment: QDateTime) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, moment.toString("yyyy-MM-dd HH:mm"))


def _has_red_border(widget: QWidget) -> bool:
    image = widget.grab().toImage()
    red = QColor(PROBLEM_RED)
    return (
        any(QColor(image.pixel(x, image.height() // 2)) == red for x in range(0, 3))
        or QColor(image.pixel(image.width() // 2, 0)) == red
    )


def _answer(qtbot: QtBot, dialog: ProfileDialog, button: str) -> None:
    qtbot.waitUntil(lambda: dialog.discard_question is not None and dialog.discard_question.isVisible())
    box = dialog.discard_question
    assert box is not None
    assert box.text() == "Discard your changes?"
    found = box.findChild(QPushButton, button)
    assert found is not None
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


# --- 2: all or nothing ----------------------------------------------------------------------


def test_a_save_with_one_bad_field_saves_nothing_and_keeps_the_form_as_typed(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    before = _contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    _choose_by_typing(qtbot, overview.sale_status, "Sold")
    _tick(qtbot, overview.contractor)
    _tick(qtbot, overview.bot_paused)
    _tick(qtbot, overview.pause_until_on)
    past = QDateTime.currentDateTime().addSecs(-3 * 3600)
    _type_time(qtbot, overview.pause_until, past)
    assert overview.bot_paused.isChecked() and overview.pause_until_on.isChecked()

    qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)

    assert _outbox(database) == []  # Sold was not queued alone
    assert _contact(database) == before
    # The form is exactly as typed, and the pause is marked with why.
    assert overview.sale_status.currentData() == "sold"
    assert overview.contractor.isChecked() and overview.bot_paused.isChecked()
    assert overview.pause_until.dateTime().toString("yyyy-MM-dd HH:mm") == past.toString("yyyy-MM-dd HH:mm")
    assert "future" in overview.problem("bot")
    assert overview.problems["bot"][1].isVisible()
    assert _has_red_border(overview.pause_until)

    # Put right, the mark goes at once (before any Save), and one Save makes all three edits, together.
    _type_time(qtbot, overview.pause_until, QDateTime.currentDateTime().addDays(2))
    assert overview.problem("bot") == "" and not _has_red_border(overview.pause_until)
    qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
    queued = _outbox(database)
    assert [kind for kind, _data, _at in queued] == ["set_sale_status", "set_bot_status", "set_flags"]
    assert len({created for _kind, _data, created in queued}) == 1  # one transaction, one moment
    assert queued[2][1] == {"contractor": True}
    assert _contact(database)[1:4] == ("sold", 1, "paused")
    assert overview.problem("bot") == "" and not _has_red_border(overview.pause_until)


def test_clearing_the_name_says_a_name_cannot_be_empty(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    overview.name_edit.setFocus()
    overview.name_edit.selectAll()
    qtbot.keyClick(overview.name_edit, Qt.Key.Key_Delete)
    _choose_by_typing(qtbot, overview.sale_status, "Signed")
    qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)

    assert overview.problem("name") == "A name cannot be empty."
    assert overview.problems["name"][1].isVisible()
    assert _has_red_border(overview.name_edit)
    assert overview.name_edit.text() == ""  # not silently put back
    assert _outbox(database) == []
    assert _contact(database)[0] == "Ana López"


def test_a_lone_note_is_not_dropped(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    qtbot.keyClicks(overview.stage_note, "called twice")
    qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
    assert "change of stage" in overview.problem("stage_note")
    assert _outbox(database) == []


# --- 5: unsaved changes ---------------------------------------------------------------------


def test_save_and_undo_only_when_changed_and_the_title_shows_it(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    assert not overview.save.isEnabled() and not overview.revert.isEnabled()
    assert not dialog.windowTitle().startswith("•")

    qtbot.keyClicks(overview.name_edit, " M.")
    assert overview.save.isEnabled() and overview.revert.isEnabled()
    assert dialog.windowTitle().startswith("• ")

    # Typed back to what was loaded: nothing to save.
    for _ in range(3):
        qtbot.keyClick(overview.name_edit, Qt.Key.Key_Backspace)
    assert not overview.save.isEnabled()
    assert not dialog.windowTitle().startswith("•")

    _tick(qtbot, overview.mystery_shopper)
    assert dialog.windowTitle().startswith("• ")
    qtbot.mouseClick(overview.revert, Qt.MouseButton.LeftButton)
    assert not overview.mystery_shopper.isChecked()
    assert not overview.save.isEnabled() and not dialog.windowTitle().startswith("•")


def test_esc_with_unsaved_changes_asks_keep_editing_or_discard(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    qtbot.keyClicks(overview.name_edit, " Ruiz")

    qtbot.keyClick(overview.name_edit, Qt.Key.Key_Escape)
    _answer(qtbot, dialog, "keepEditing")
    assert dialog.isVisible()
    assert overview.name_edit.text() == "Ana López Ruiz"

    qtbot.keyClick(overview.name_edit, Qt.Key.Key_Escape)
    _answer(qtbot, dialog, "discardChanges")
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _outbox(database) == []
    assert _contact(database)[0] == "Ana López"


def test_closing_with_unsaved_configuration_asks_too(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    config = dialog.config
    dialog.tabs.setCurrentWidget(config)
    qtbot.mouseClick(config.add, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_focused(), "tone")
    _press(qtbot, Qt.Key.Key_Return)
    assert dialog.windowTitle().startswith("• ")
    assert config.save.isEnabled() and config.revert.isEnabled()
    dialog.close()
    _answer(qtbot, dialog, "keepEditing")
    assert dialog.isVisible()
    dialog.close()
    _answer(qtbot, dialog, "discardChanges")
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_esc_without_changes_closes_at_once(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    qtbot.keyClick(dialog.overview.name_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.discard_question is None


# --- 3: the Configuration tab -----------------------------------------------------------------


def test_a_new_setting_typed_then_tab_edits_its_own_value(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    config = dialog.config
    dialog.tabs.setCurrentWidget(config)
    qtbot.mouseClick(config.add, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_focused(), "max_discount")
    _press(qtbot, Qt.Key.Key_Tab)
    new_row = config.table.rowCount() - 1
    assert (config.table.currentRow(), config.table.currentColumn()) == (new_row, 1)
    qtbot.keyClicks(_focused(), "15")
    _press(qtbot, Qt.Key.Key_Return)
    assert config.current()["language"] == "es"  # the first row is untouched

    qtbot.mouseClick(config.save, Qt.MouseButton.LeftButton)
    assert [(kind, data) for kind, data, _at in _outbox(database)] == [
        ("set_config", {"set": {"max_discount": 15}, "unset": []})
    ]


def test_bad_json_in_a_setting_saves_nothing_and_marks_the_cell(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    config = dialog.config
    dialog.tabs.setCurrentWidget(config)
    qtbot.mouseClick(config.add, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(_focused(), "floors")
    _press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(_focused(), "[1,2")
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(config.save, Qt.MouseButton.LeftButton)

    assert _outbox(database) == []
    assert "floors" in config.error.text() and "bracket" in config.error.text()
    row = config.table.rowCount() - 1
    cell = config.table.item(row, 1)
    assert cell is not None and cell.text() == "[1,2"
    assert cell.background().color() != config.table.item(0, 1).background().color()  # type: ignore[union-attr]


# --- 10: the funnel history -------------------------------------------------------------------


def test_a_stage_change_and_its_note_show_in_the_funnel_history_at_once(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    before = dialog.funnel.model.rowCount()
    _choose_by_typing(qtbot, overview.stage, "Visit")
    assert overview.stage.currentData() == "visit_scheduled"
    qtbot.keyClicks(overview.stage_note, "Booked for Saturday")
    qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)

    model = dialog.funnel.model
    assert model.rowCount() == before + 1
    last = [model.index(before, column).data() for column in range(model.columnCount())]
    assert last[1:] == ["New lead", "Visit scheduled", "You — not sent yet", "Booked for Saturday"]
    assert "not sent yet" in last[3]


# --- 13: small data faults --------------------------------------------------------------------


def _survey(survey_id: str, day: int, rating: int, nps: int) -> dict[str, Any]:
    return {
        "type": "survey.submitted",
        "data": {
            "survey": {
                "id": survey_id,
                "contact_id": "ct_sv",
                "meeting_id": None,
                "submitted_at": f"2026-11-{day:02d}T10:00:00Z",
                "answers": [
                    {"question": "How would you rate the visit?", "answer": str(rating), "score": rating},
                    {"question": "What would make you decide?", "answer": "Parking", "score": None},
                    {"question": "How likely are you to recommend us?", "answer": str(nps), "score": nps},
                ],
            }
        },
    }


def test_the_survey_averages_each_question_on_its_own_scale(qtbot: QtBot, database: Database) -> None:
    seed(
        database,
        [
            stages_event(),
            {"type": "contact.upserted", "data": {"contact": contact_state("ct_sv", "+5215500000002")}},
            _survey("sv_1", 20, 5, 10),
            _survey("sv_2", 25, 4, 8),
        ],
    )
    dialog = _dialog(qtbot, database, "ct_sv")
    survey = dialog.survey
    texts = [label.text() for label in survey.findChildren(type(dialog.overview.name_title))]
    assert not any("Average score" in text for text in texts)  # no 1–5 and 0–10 mixed together
    assert survey.averages is not None
    rows = [
        [survey.averages.index(row, column).data() for column in range(2)] for row in range(survey.averages.rowCount())
    ]
    assert rows == [["How would you rate the visit?", "4.5"], ["How likely are you to recommend us?", "9.0"]]


def test_the_meetings_status_column_is_whole_in_a_narrow_dialog(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    dialog.resize(620, 600)
    dialog.tabs.setCurrentWidget(dialog.meetings)
    table = dialog.meetings.past_table
    qtbot.waitUntil(lambda: table.isVisible())
    QApplication.processEvents()
    header = table.horizontalHeader()
    status = header.count() - 1
    right_edge = header.sectionViewportPosition(status) + header.sectionSize(status)
    assert right_edge <= table.viewport().width()
    assert header.sectionSize(status) >= table.fontMetrics().horizontalAdvance("Completed")
    assert not table.horizontalScrollBar().isVisible()


def test_an_expired_pause_reads_as_over(qtbot: QtBot, database: Database) -> None:
    ended = utc_now() - timedelta(days=3)
    seed(
        database,
        [
            stages_event(),
            {
                "type": "contact.upserted",
                "data": {
                    "contact": contact_state(
                        "ct_p", "+5215500000003", bot_status="paused", bot_paused_until=format_time(ended)
                    )
                },
            },
        ],
    )
    dialog = _dialog(qtbot, database, "ct_p")
    overview = dialog.overview
    local = ended.astimezone()
    assert overview.glance_values["bot"].text() == f"Active (pause ended {local:%b} {local.day})"
    assert overview.bot_active.isChecked()
    assert not overview.save.isEnabled()  # showing the state that holds is not a change to save


# --- extra: the Overview at a glance ----------------------------------------------------------


def test_the_overview_says_what_matters_at_a_glance(qtbot: QtBot, database: Database) -> None:
    seed_rich_contact(database)
    soon = utc_now() + timedelta(days=2)
    seed(
        database,
        [
            {
                "type": "meeting.upserted",
                "data": {
                    "meeting": {
                        "id": "mt_next",
                        "contact_id": ANA,
                        "title": "Second visit",
                        "starts_at": format_time(soon),
                        "ends_at": None,
                        "location": None,
                        "status": "scheduled",
                        "agent": None,
                        "version": 1,
                    }
                },
            }
        ],
    )
    with in_language("en"):  # English plurals come from the English catalogue, as at start-up
        dialog = _dialog(qtbot, database)
    values = {key: label.text() for key, label in dialog.overview.glance_values.items()}
    assert values["sentiment"].startswith("Warm, as of Nov 24, 2026")
    assert "Second visit" in values["next_meeting"]
    assert values["messages"] == "12 messages"  # eleven bubbles and a reaction
    assert values["unread"] == "2 not read yet"
    assert values["bot"] == "Active: the bot answers"


def test_apply_edits_makes_several_edits_in_one_go_each_on_the_last(database: Database) -> None:
    from leaddesk import edits

    seed_rich_contact(database)
    planned = [
        edits.plan_sale_status("pending"),
        edits.plan_config(set={"tone": "formal"}),
        edits.plan_config(unset=["note"]),
    ]
    ids = edits.apply_edits(database, [ANA], planned)
    assert len(ids) == 3
    with sqlite(database.path) as connection:
        rows = connection.execute("SELECT type, base_version, previous FROM outbox ORDER BY id").fetchall()
        config = json.loads(connection.execute("SELECT config FROM contacts WHERE id = ?", (ANA,)).fetchone()[0])
    assert [r[0] for r in rows] == ["set_sale_status", "set_config", "set_config"]
    assert {r[1] for r in rows} == {7}  # every command carries the version the user saw
    # The second config edit's "previous" is the config after the first (a refusal puts back the right one).
    assert json.loads(json.loads(rows[2][2])["config"]) == {"language": "es", "note": "vip", "tone": "formal"}
    assert config == {"language": "es", "tone": "formal"}
    with pytest.raises(edits.NoSuchContactError):
        edits.apply_edits(database, [ANA, "ct_nobody"], [edits.plan_sale_status("sold")])
    assert _contact(database)[1] == "pending"  # a missing client refuses the whole edit, for every client
