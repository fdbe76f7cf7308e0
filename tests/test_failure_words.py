"""A message WhatsApp did not deliver says why in the office's words, not WhatsApp's code and English title."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from leaddesk.models.conversation import ChatItem
from leaddesk.views.profile.bubble_delegate import message_blocks


def _failed(code: str | None, title: str | None) -> ChatItem:
    return ChatItem(
        kind="message",
        key="m1",
        day=date(2026, 11, 23),
        direction="out",
        author_kind="bot",
        text="Hola",
        status="failed",
        error_code=code,
        error_title=title,
    )


def _said(item: ChatItem) -> str:
    return "\n".join(block.text for block in message_blocks(item))


def test_the_24_hour_window_is_said_in_plain_words(qtbot: QtBot) -> None:
    said = _said(_failed("131047", "Re-engagement message"))
    assert "more than 24 hours since the client last wrote" in said
    assert "Re-engagement" not in said and "131047" not in said


def test_an_unknown_reason_keeps_whatsapps_title_and_code(qtbot: QtBot) -> None:
    said = _said(_failed("131026", "Message undeliverable"))
    assert "Message undeliverable (131026)" in said
    assert "no reason given" in _said(_failed(None, None))
