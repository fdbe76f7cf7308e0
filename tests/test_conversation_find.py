"""Find in the conversation: accent- and case-blind, highlighting the right letters, with a visible button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from leaddesk.db.database import Database
from leaddesk.domain import find_folded, fold_text, fold_with_origins
from leaddesk.models.conversation import ItemRole
from leaddesk.views.profile import ProfileDialog
from leaddesk.views.profile.bubble_delegate import message_blocks
from tests.support.profile import contact_state, message, seed, stages_event

CONTACT = "ct_find"
BROCHURE = "Brochure-Torres-del-Parque.pdf"


def _seed(database: Database) -> None:
    seed(
        database,
        [
            stages_event(),
            {"type": "contact.upserted", "data": {"contact": contact_state(CONTACT, "+5215500000009")}},
            {
                "type": "message.upserted",
                "data": {"message": message(CONTACT, "m1", "2026-11-20T10:00:00Z", "Busco 2 recámaras")},
            },
            {
                "type": "message.upserted",
                "data": {"message": message(CONTACT, "m2", "2026-11-20T10:01:00Z", "¿La RECÁMARA principal?")},
            },
            {
                "type": "message.upserted",
                "data": {"message": message(CONTACT, "m3", "2026-11-20T10:02:00Z", "Gracias")},
            },
            {
                "type": "message.upserted",
                "data": {
                    "message": message(
                        CONTACT,
                        "m4",
                        "2026-11-20T10:03:00Z",
                        None,
                        type="document",
                        direction="out",
                        media={
                            "media_id": "md_b",
                            "mime_type": "application/pdf",
                            "sha256": "ab" * 32,
                            "filename": BROCHURE,
                            "size": 120000,
                        },
                    )
                },
            },
        ],
    )


def _dialog(qtbot: QtBot, database: Database) -> ProfileDialog:
    dialog = ProfileDialog(database, CONTACT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.show_conversation()
    return dialog


def _search(qtbot: QtBot, dialog: ProfileDialog, text: str) -> None:
    conversation = dialog.conversation
    conversation.find_edit.clear()
    qtbot.keyClicks(conversation.find_edit, text)
    qtbot.keyClick(conversation.find_edit, Qt.Key.Key_Return)


def _highlighted(dialog: ProfileDialog, message_id: str) -> list[str]:
    """The text of each highlighted stretch in the message's bubble, read back through Qt's UTF-16 offsets."""
    conversation = dialog.conversation
    row = conversation.model.row_of(message_id)
    assert row is not None
    item = conversation.model.index(row, 0).data(ItemRole)
    measured, _width, _height = conversation.delegate._measure(item, conversation.model.find_text)
    found: list[str] = []
    for _block, layout, _w, _h in measured:
        if layout is None:
            continue
        units = layout.text().encode("utf-16-le")
        for span in layout.formats():
            found.append(units[2 * span.start : 2 * (span.start + span.length)].decode("utf-16-le"))
    return found


def test_find_is_accent_and_case_blind(qtbot: QtBot, database: Database) -> None:
    _seed(database)
    dialog = _dialog(qtbot, database)
    dialog.conversation.view.setFocus()
    qtbot.keyClick(dialog.conversation.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.conversation.find_bar.isVisible()
    _search(qtbot, dialog, "recamara")
    assert dialog.conversation.find_count.text() == "2 of 2"
    assert _highlighted(dialog, "m1") == ["recámara"]
    assert _highlighted(dialog, "m2") == ["RECÁMARA"]


def test_find_marks_the_right_letters_in_a_file_name(qtbot: QtBot, database: Database) -> None:
    _seed(database)
    dialog = _dialog(qtbot, database)
    qtbot.mouseClick(dialog.conversation.find_button, Qt.MouseButton.LeftButton)
    _search(qtbot, dialog, "torre")
    assert dialog.conversation.current_match() == "m4"
    # The chip starts with an emoji (two UTF-16 units): the mark must not slide one letter left.
    assert _highlighted(dialog, "m4") == ["Torre"]


def test_a_visible_find_button_opens_find(qtbot: QtBot, database: Database) -> None:
    _seed(database)
    dialog = _dialog(qtbot, database)
    conversation = dialog.conversation
    assert conversation.find_button.isVisible() and conversation.find_button.text() == "Find"
    assert "Ctrl+F" in conversation.find_button.toolTip()
    assert not conversation.find_bar.isVisible()
    qtbot.mouseClick(conversation.find_button, Qt.MouseButton.LeftButton)
    assert conversation.find_bar.isVisible()
    assert QApplication.focusWidget() is conversation.find_edit


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Recámara", "recamara"), ("JIMÉNEZ", "jimenez"), ("Raúl", "raul"), ("Straße", "strasse"), ("Ñandú", "nandu")],
)
def test_fold_text(text: str, folded: str) -> None:
    assert fold_text(text) == folded


def test_folding_keeps_offsets_to_the_original_characters() -> None:
    text = "📄  " + BROCHURE
    folded, origins = fold_with_origins(text)
    assert folded == fold_text(text) and len(origins) == len(folded)
    assert [text[start:end] for start, end in find_folded(text, "torre")] == ["Torre"]
    # A decomposed accent (e + U+0301) and a letter that folds to two (ß) still map back whole.
    assert [text2[s:e] for text2 in ["cafe\u0301 café"] for s, e in find_folded(text2, "CAFE")] == [
        "cafe\u0301",
        "café",
    ]
    assert [("Straße")[s:e] for s, e in find_folded("Straße", "strasse")] == ["Straße"]


def test_the_file_chip_text_is_what_is_searched(database: Database) -> None:
    _seed(database)
    # The chip's text holds the file name behind an emoji: the case the highlight used to get wrong.
    from leaddesk.models.conversation import ConversationModel

    model = ConversationModel(database, CONTACT)
    row = model.row_of("m4")
    assert row is not None
    item: Any = model.item(row)
    assert any(BROCHURE in block.text and not block.text.isascii() for block in message_blocks(item))
