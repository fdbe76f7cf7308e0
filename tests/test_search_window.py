"""Search all conversations in the window: Ctrl+Shift+F, hits newest first, more on scroll, a hit opens the profile."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt
from pytestqt.qtbot import QtBot

from leaddesk.app import WindowSession, build_window
from leaddesk.db.database import Database
from leaddesk.models.search import (
    HitRole,
    SearchColumn,
    SearchResultsModel,
    SnippetHtmlRole,
    local_date,
    snippet_html,
)
from leaddesk.views.search_dialog import SETTINGS_KEY, SearchDialog
from tests.support.events import EventLog, account_updated, at, contact, message
from tests.support.profile import seed_many_messages

OLD_MESSAGE = "m_old"  # the oldest of 1,200: far below the conversation's first page of 300


@pytest.fixture
def session(qtbot: QtBot, database: Database) -> Iterator[WindowSession]:
    seed_many_messages(database, "ct_many", 1200)
    EventLog(database).apply(
        [
            account_updated(),
            contact("ct_ana", name="Bruno Díaz"),
            message("ct_ana", at(-5), message_id="m_hostile", text="<b>bold</b> <img src=x> penthouse & terraza"),
            message("ct_ana", at(-4), message_id="m_plain", text="Hola, sigo interesada"),
            message("ct_many", at(-60 * 24 * 365), message_id=OLD_MESSAGE, text="¿El ático tiene jacuzzi?"),
        ]
    )
    opened = build_window(database, start_sync=False)
    qtbot.addWidget(opened.window)
    opened.window.show()
    qtbot.waitExposed(opened.window)
    yield opened
    opened.close()


def _open_search(qtbot: QtBot, session: WindowSession) -> SearchDialog:
    qtbot.keyClick(
        session.window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = session.search
    assert isinstance(dialog, SearchDialog)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.query
    return dialog


def test_ctrl_shift_f_searches_and_enter_opens_the_profile_at_an_old_message(
    qtbot: QtBot, session: WindowSession
) -> None:
    dialog = _open_search(qtbot, session)
    qtbot.keyClicks(dialog.query, "JACUZ")
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, SearchColumn.CLIENT).data() == "Ana López"
    assert model.index(0, SearchColumn.DATE).data() == local_date(at(-60 * 24 * 365))
    assert model.index(0, SearchColumn.MESSAGE).data() == "¿El ático tiene [jacuzzi]?"

    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)
    assert dialog.focusWidget() is dialog.results
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)

    profile = session.profiles["ct_many"]
    qtbot.waitExposed(profile)
    assert profile.tabs.currentWidget() is profile.conversation
    conversation = profile.conversation

    def shown_at_the_message() -> None:
        assert conversation.current_match() == OLD_MESSAGE
        row = conversation.model.row_of(OLD_MESSAGE)
        assert row is not None
        rect = conversation.view.visualRect(conversation.model.index(row, 0))
        assert conversation.view.viewport().rect().intersects(rect)

    qtbot.waitUntil(shown_at_the_message)
    # After the queued "scroll to the newest" of a first show, it is still there.
    qtbot.wait(50)
    shown_at_the_message()


def test_a_double_click_opens_the_other_clients_profile(qtbot: QtBot, session: WindowSession) -> None:
    dialog = _open_search(qtbot, session)
    dialog.open_with("terraza")
    assert dialog.model.rowCount() == 1
    view = dialog.results
    rect = view.visualRect(dialog.model.index(0, SearchColumn.MESSAGE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    profile = session.profiles["ct_ana"]
    qtbot.waitUntil(lambda: profile.conversation.current_match() == "m_hostile")


def test_relay_text_is_escaped_before_the_words_are_highlighted(qtbot: QtBot, session: WindowSession) -> None:
    dialog = _open_search(qtbot, session)
    dialog.open_with("bold penthouse")
    (html,) = [dialog.model.index(0, SearchColumn.MESSAGE).data(SnippetHtmlRole)]
    assert "<img" not in html and "<b>" not in html
    assert "&lt;b&gt;" in html and "&lt;img src=x&gt;" in html and "&amp;" in html
    assert html.count("<span") == 2  # bold, penthouse
    assert dialog.summary.text() == "1 message, newest first"
    dialog.results.grab()  # the delegate paints it


def test_mark_characters_inside_a_message_leave_the_highlighting_balanced() -> None:
    marked = "a \ue001 <i> \ue000word\ue001 \ue000"
    html = snippet_html(marked)
    assert html.startswith("a  &lt;i&gt; <span ")
    assert html.count("<span ") == html.count("</span>") == 2
    assert "<i>" not in html


def test_more_hits_load_as_the_list_is_scrolled(qtbot: QtBot, session: WindowSession) -> None:
    dialog = _open_search(qtbot, session)
    qtbot.keyClicks(dialog.query, "message")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.model.rowCount() == 50
    assert dialog.summary.text() == "50+ messages, newest first"
    newest = [dialog.model.index(row, 0).data(HitRole).message_id for row in range(3)]
    assert newest == ["bulk_001199", "bulk_001198", "bulk_001197"]
    dialog.results.scrollToBottom()
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 100)
    ids = [dialog.model.index(row, 0).data(HitRole).message_id for row in range(dialog.model.rowCount())]
    assert ids == [f"bulk_{n:06d}" for n in range(1199, 1199 - len(ids), -1)]


def test_nothing_found_and_an_empty_query_say_so(qtbot: QtBot, session: WindowSession) -> None:
    dialog = _open_search(qtbot, session)
    dialog.open_with("helicoptero")
    assert dialog.model.rowCount() == 0
    assert dialog.summary.text() == "No messages match."
    for odd in ['"', "*", "NEAR(", "-", "'; DROP TABLE", "(", "AND"]:
        dialog.open_with(odd)
        assert dialog.model.rowCount() == 0
    dialog.open_with("")
    assert dialog.summary.text().startswith("Type words")


def test_the_model_pages_without_a_view(database: Database) -> None:
    EventLog(database).apply(
        [contact("ct_1")] + [message("ct_1", at(n), message_id=f"m{n:03d}", text=f"visita {n}") for n in range(7)]
    )
    model = SearchResultsModel(database, page_size=3)
    model.set_query("visita")
    assert model.rowCount() == 3 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert [model.hit(row).message_id for row in range(model.rowCount())] == [f"m{n:03d}" for n in range(6, -1, -1)]
    assert not model.canFetchMore(QModelIndex())


def test_a_highlighted_word_stays_readable_on_a_selected_row() -> None:
    """The matched word has a text colour of its own: a selected row's white text would vanish on the yellow."""
    import re

    from leaddesk.db.search import MARK_END, MARK_START
    from leaddesk.models.search import snippet_html

    html = snippet_html(f"el depto de {MARK_START}recámaras{MARK_END}")
    background = re.search(r"background-color:(#[0-9A-Fa-f]{6})", html)
    foreground = re.search(r"[^-]color:(#[0-9A-Fa-f]{6})", html)
    assert background is not None and foreground is not None, html

    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(background.group(1)), luminance(foreground.group(1))), reverse=True)
    assert (light + 0.05) / (dark + 0.05) >= 4.5  # WCAG AA


def test_a_small_saved_size_still_shows_where_the_match_is(qtbot: QtBot, session: WindowSession) -> None:
    """A size saved from a tiny window (462×260, seen by the tester) opens at a size that shows the text."""
    QSettings().setValue(SETTINGS_KEY, QByteArray())
    first = _open_search(qtbot, session)
    first.resize(300, 200)
    first.close()  # saves its geometry, clamped to the minimum
    session.search = None
    again = _open_search(qtbot, session)
    assert again.width() >= 640 and again.height() >= 400
    QSettings().remove(SETTINGS_KEY)
