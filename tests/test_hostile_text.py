"""Text from strangers shows as plain text in every tab, the conversation, the list model and tooltips."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument, QTextLayout
from PySide6.QtWidgets import QLabel

from leaddesk.db.database import Database
from leaddesk.models.conversation import ItemRole
from leaddesk.views.profile import ProfileDialog, bubble_delegate
from tests.support.profile import seed, seed_rich_contact

HOSTILE = '<b>bold</b><img src="file:///etc/passwd"><a href="file:///etc/passwd">click</a> \u202egpj.exe'
BIG = "<i>x</i>" * (100 * 1024 // 8)


def _plain_in_tooltip(tip: str, raw: str) -> bool:
    """A tooltip is safe if, read as Qt reads it, it shows ``raw`` literally."""
    document = QTextDocument()
    document.setHtml(tip)
    return raw in document.toPlainText()


def test_hostile_text_is_plain_everywhere(qtbot: Any, database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    seed_rich_contact(database, hostile=HOSTILE)
    seed(
        database,
        [
            {
                "type": "message.upserted",
                "data": {
                    "message": {
                        "id": "big",
                        "contact_id": "ct_8812",
                        "direction": "in",
                        "from": "5215512345678",
                        "author": {"kind": "client", "name": None},
                        "sent_at": "2026-11-23T10:00:00Z",
                        "type": "text",
                        "text": BIG,
                        "status": "received",
                    }
                },
            }
        ],
    )
    dialog = ProfileDialog(database, "ct_8812")
    qtbot.addWidget(dialog)
    dialog.show()
    # Every label in every tab is plain text; the hostile name appears literally.
    labels = dialog.findChildren(QLabel)
    texts = [label.text() for label in labels if label.text()]
    assert any(HOSTILE in text for text in texts)
    for label in labels:
        if "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    # What the user sees is the markup itself: read as HTML, the same label would paint differently.
    name_label = next(label for label in labels if HOSTILE in label.text())
    shown_plain = name_label.grab().toImage()
    name_label.setTextFormat(Qt.TextFormat.RichText)
    shown_as_html = name_label.grab().toImage()
    name_label.setTextFormat(Qt.TextFormat.PlainText)
    assert shown_plain != shown_as_html
    assert name_label.grab().toImage() == shown_plain
    # Table tabs: display is the literal text, tooltips are escaped.
    models = [dialog.meetings.past, dialog.funnel.model, *dialog.survey.models]
    seen = 0
    for model in models:
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                if HOSTILE in (index.data() or ""):
                    seen += 1
                    assert _plain_in_tooltip(index.data(Qt.ItemDataRole.ToolTipRole), HOSTILE)
    assert seen >= 4  # title, place, answer, note
    config_values = [dialog.config.table.item(r, 1).text() for r in range(dialog.config.table.rowCount())]  # type: ignore[union-attr]
    assert any(HOSTILE in value for value in config_values)
    # Conversation: the items hold the raw text and the delegate paints it (no HTML delegate involved).
    dialog.show_conversation()
    tab = dialog.conversation
    model = tab.model
    items = [model.index(r, 0).data(ItemRole) for r in range(model.rowCount())]
    assert any(i.text == HOSTILE for i in items)
    assert any(i.text == BIG for i in items)
    assert any(i.transcript == HOSTILE for i in items)
    assert any((i.card or {}).get("title") == HOSTILE for i in items)
    # Paint each hostile bubble and record what the delegate lays out: the literal text, tags and all.
    laid_out: list[str] = []

    class RecordingLayout(QTextLayout):
        def __init__(self, text: str, *args: Any) -> None:
            super().__init__(text, *args)
            laid_out.append(text)

    monkeypatch.setattr(bubble_delegate, "QTextLayout", RecordingLayout)
    hostile_keys = [i.key for i in items if HOSTILE in (i.text, i.transcript, (i.card or {}).get("title"))]
    assert hostile_keys
    for key in hostile_keys:
        row = model.row_of(key)
        assert row is not None
        index = model.index(row, 0)
        tab.view.scrollTo(index)
        laid_out.clear()
        image = tab.view.viewport().grab(tab.view.visualRect(index)).toImage()
        assert not image.isNull()
        assert any(HOSTILE in text for text in laid_out), (key, laid_out)
    # The window title keeps the text literally, with the bidi override isolated.
    assert HOSTILE in dialog.windowTitle() and "\u2068" in dialog.windowTitle()


def test_client_list_model_shows_hostile_text_plainly(database: Database) -> None:
    from leaddesk.models.client_table import ClientTableModel

    seed_rich_contact(database, hostile=HOSTILE)
    model = ClientTableModel(database)
    found = False
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if HOSTILE in str(index.data() or ""):
                found = True
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and "gpj.exe" in tip:
                assert _plain_in_tooltip(tip, "gpj.exe") and "<img" not in tip.replace("&lt;img", "")
    assert found
