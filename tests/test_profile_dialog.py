"""The profile dialog driven with qtbot against a real database."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt
from sqlalchemy import text

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.models.conversation import ItemRole
from leaddesk.views.profile import ProfileDialog
from tests.support.profile import seed_contacts, seed_many_messages, seed_rich_contact


def _contact(database: Database, contact_id: str = "ct_8812") -> dict[str, Any]:
    with database.read() as connection:
        return dict(
            connection.execute(text("SELECT * FROM contacts WHERE id = :i"), {"i": contact_id}).mappings().one()
        )


def _dialog(qtbot: Any, database: Database, contact_id: str = "ct_8812") -> ProfileDialog:
    dialog = ProfileDialog(database, contact_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_overview_edit_shows_at_once_and_waits_for_the_relay(qtbot: Any, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    assert overview.name_title.text() == "Ana López"
    assert overview.name_title.textFormat() == Qt.TextFormat.PlainText
    # Only stages a person may pick (plus none of the bot-only ones).
    stages = [overview.stage.itemData(i) for i in range(overview.stage.count())]
    assert "visit_completed" not in stages and "interested" in stages
    tip = overview.sale_status.itemData(overview.sale_status.findData("signed"), Qt.ItemDataRole.ToolTipRole)
    assert "contract is signed" in tip
    overview.sale_status.setCurrentIndex(overview.sale_status.findData("signed"))
    overview.stage.setCurrentIndex(overview.stage.findData("interested"))
    qtbot.keyClicks(overview.stage_note, "Called")
    overview.contractor.setChecked(True)
    overview.bot_agent.setChecked(True)
    with qtbot.waitSignal(dialog.edited):
        qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
    contact = _contact(database)
    assert (contact["sale_status"], contact["funnel_stage"], contact["contractor"], contact["bot_status"]) == (
        "signed",
        "interested",
        1,
        "agent",
    )
    assert overview.pending.isVisible()
    assert "sale status" in overview.pending.text()


def test_pause_until_a_time(qtbot: Any, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    overview = dialog.overview
    overview.bot_paused.setChecked(True)
    overview.pause_until_on.setChecked(True)
    assert overview.pause_until.isEnabled()
    assert overview.save_changes()
    contact = _contact(database)
    assert contact["bot_status"] == "paused" and contact["bot_paused_until"] is not None


def test_conflict_apply_again_and_dismiss_buttons(qtbot: Any, database: Database) -> None:
    seed_rich_contact(database)
    [outbox_id] = edits.set_sale_status(database, ["ct_8812"], "sold")
    with database.write() as connection:
        for _ in range(2):
            connection.execute(
                text(
                    "INSERT INTO edit_conflicts (contact_id, outbox_id, command_type, field, mine, theirs, at) "
                    "VALUES ('ct_8812', :o, 'set_sale_status', 'sale_status', '\"sold\"', '\"signed\"', "
                    "'2026-11-24T15:00:00Z')"
                ),
                {"o": outbox_id},
            )
        connection.execute(text("UPDATE outbox SET state = 'conflict'"))
    dialog = _dialog(qtbot, database)
    [first, second] = edits.open_conflicts(database, "ct_8812")
    # Two rows of one edit are one notice, whose buttons settle both.
    [notice] = edits.conflict_notices(database, "ct_8812")
    assert notice.id == first.id
    buttons = [b.objectName() for b in dialog.overview.findChildren(type(dialog.overview.save))]
    assert f"dismiss_{second.id}" not in buttons
    dismiss = dialog.overview.findChild(type(dialog.overview.save), f"dismiss_{first.id}")
    again = dialog.overview.findChild(type(dialog.overview.save), f"apply_again_{first.id}")
    assert dismiss is not None and again is not None
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    assert edits.open_conflicts(database, "ct_8812") == []
    with database.read() as connection:
        queued = connection.execute(text("SELECT data FROM outbox WHERE state = 'queued'")).scalars().all()
    assert [json.loads(q) for q in queued] == [{"sale_status": "sold"}]


def test_conversation_opens_at_newest_marks_reviewed_and_finds(qtbot: Any, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    assert _contact(database)["unread"] == 2
    dialog.show_conversation()
    assert _contact(database)["unread"] == 0
    view = dialog.conversation.view
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    # Ctrl+F, type, next/previous.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.conversation.find_bar.isVisible()
    qtbot.keyClicks(dialog.conversation.find_edit, "hola")
    qtbot.keyClick(dialog.conversation.find_edit, Qt.Key.Key_Return)
    assert dialog.conversation.find_count.text() == "2 of 2"
    assert dialog.conversation.current_match() == "m8"
    qtbot.mouseClick(dialog.conversation.find_prev, Qt.MouseButton.LeftButton)
    assert dialog.conversation.current_match() == "m1"
    dialog.conversation.view.viewport().grab()  # paints the highlight without error


def test_reply_is_queued_with_a_clock_and_bot_warning_offers_pause(qtbot: Any, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    dialog.show_conversation()
    tab = dialog.conversation
    assert tab.bot_warning.isVisible()
    assert not tab.window_warning.isVisible()
    qtbot.keyClicks(tab.reply, "Le espero a las 5")
    qtbot.mouseClick(tab.send, Qt.MouseButton.LeftButton)
    last = tab.model.index(tab.model.rowCount() - 1, 0).data(ItemRole)
    assert (last.text, last.status, last.author_name) == ("Le espero a las 5", "pending", "Laura Pérez")
    assert tab.reply.toPlainText() == ""
    assert _contact(database)["bot_status"] == "active"  # sending does not pause the bot
    qtbot.mouseClick(tab.take_over, Qt.MouseButton.LeftButton)
    assert _contact(database)["bot_status"] == "agent"
    assert not tab.bot_warning.isVisible()


def test_conversation_loads_older_pages_when_scrolled_to_top(qtbot: Any, database: Database) -> None:
    seed_many_messages(database, "ct_big", 900)
    dialog = _dialog(qtbot, database, "ct_big")
    dialog.show_conversation()
    tab = dialog.conversation
    before = tab.model.rowCount()
    tab.view.verticalScrollBar().setValue(0)
    assert tab.model.rowCount() > before
    assert tab.view.verticalScrollBar().value() > 0  # the reader stays where they were


def test_meetings_survey_funnel_and_config_tabs(qtbot: Any, database: Database) -> None:
    seed_rich_contact(database)
    dialog = _dialog(qtbot, database)
    past = dialog.meetings.past
    assert past.rowCount() == 1
    assert past.index(0, 1).data() == "Visit: Torre B, 2BR model"
    assert past.index(0, 3).data() == "Laura Pérez"
    assert past.index(0, 4).data() == "Completed"
    [survey] = dialog.survey.models
    assert survey.index(0, 2).data() == "5"
    funnel = dialog.funnel.model
    assert [funnel.index(r, 2).data() for r in range(funnel.rowCount())] == ["New lead", "Interested"]
    assert funnel.index(1, 3).data() == "Laura Pérez (agent)"
    assert funnel.index(1, 4).data() == "Asked for prices"
    config = dialog.config
    assert config.table.rowCount() == 2
    config.add_row()
    config.table.item(2, 0).setText("budget")  # type: ignore[union-attr]
    config.table.item(2, 1).setText("3000000")  # type: ignore[union-attr]
    config.table.removeRow(1)  # "note"
    assert config.save_changes()
    assert json.loads(_contact(database)["config"]) == {"budget": 3000000, "language": "es"}
    config.add_row()
    config.table.item(2, 1).setText("no key")  # type: ignore[union-attr]
    assert not config.save_changes()
    assert "no setting name" in config.error.text()


def test_dialog_remembers_its_size(qtbot: Any, database: Database) -> None:
    seed_rich_contact(database)
    QSettings().remove("profile_dialog")
    dialog = _dialog(qtbot, database)
    # A size the user could choose: above the dialog's smallest, and not its default.
    chosen = dialog.minimumSizeHint().expandedTo(dialog.minimumSize()) + QSize(37, 41)
    assert chosen != dialog.size()
    dialog.resize(chosen)
    dialog.close()
    again = _dialog(qtbot, database)
    assert again.size() == chosen


def test_bulk_edit_of_500_in_one_go(qtbot: Any, database: Database) -> None:
    ids = seed_contacts(database, 500)
    assert len(edits.set_flags(database, ids, mystery_shopper=True)) == 500
    with database.read() as connection:
        assert connection.execute(text("SELECT count(*) FROM contacts WHERE mystery_shopper")).scalar() == 500


def test_cached_images_are_found_in_the_media_folder(qtbot: Any, database: Database) -> None:
    """The cache keeps media paths relative to the media folder; the profile finds the files there."""
    from PySide6.QtGui import QColor, QImage

    seed_rich_contact(database)
    picture = QImage(64, 64, QImage.Format.Format_RGB32)
    picture.fill(QColor("#D02020"))
    for relative in ("pr/profile", "ab/" + "ab" * 32):
        target = database.media_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        assert picture.save(str(target), "PNG")
    with database.write() as connection:
        connection.execute(
            text(
                "INSERT INTO media (id, contact_id, kind, sha256, state, local_path) "
                "VALUES ('md_p', 'ct_8812', 'profile', 'pr', 'cached', 'pr/profile')"
            )
        )
        connection.execute(text("UPDATE contacts SET profile_media_id = 'md_p' WHERE id = 'ct_8812'"))
        connection.execute(
            text("UPDATE media SET state = 'cached', local_path = :p WHERE id = 'md_1'"), {"p": "ab/" + "ab" * 32}
        )

    dialog = _dialog(qtbot, database)
    avatar = dialog.overview.avatar.pixmap().toImage()
    assert avatar.pixelColor(avatar.width() // 2, avatar.height() // 2) == QColor("#D02020")  # the photo, not initials

    model = dialog.conversation.model
    images = [model.index(row).data(ItemRole) for row in range(model.rowCount())]
    image = next(item for item in images if item is not None and item.media_id == "md_1")
    assert image.media_path == str(database.media_dir / ("ab/" + "ab" * 32))
