"""The window's words for domain values: every label is marked for translation, dates follow QLocale."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from leaddesk.domain import (
    COMMAND_WORDS,
    FIELD_WORDS,
    SALE_STATUS_MEANINGS,
    BotStatus,
    MeetingStatus,
    SaleStatus,
    Sentiment,
)
from leaddesk.models import words


@pytest.fixture
def english_locale() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_every_label_the_window_shows_is_marked_for_translation() -> None:
    shown = {member.label for kind in (SaleStatus, BotStatus, Sentiment, MeetingStatus) for member in kind}
    shown |= set(SALE_STATUS_MEANINGS.values())
    shown |= {words.field_name(field) for field in FIELD_WORDS} | {words.edit_name(c) for c in COMMAND_WORDS}
    assert shown - set(words.MARKED) == set()


def test_protocol_words_become_office_words() -> None:
    assert words.field_name("unread") == "read mark"
    assert words.edit_name("mark_reviewed") == "read mark"
    assert words.label(SaleStatus, "sold") == "Sold"
    assert words.label(SaleStatus, "refunded") == "refunded"  # a newer relay's value, as it is


def test_ages_read_as_a_person_says_them(english_locale: None) -> None:
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert words.age(now - timedelta(seconds=20), now) == "just now"
    assert words.age(now - timedelta(minutes=5), now) == "5 min ago"
    assert words.age(now - timedelta(hours=3), now) == "3 h ago"
    assert words.age(now - timedelta(days=1, hours=2), now) == "yesterday"
    assert words.age(now - timedelta(days=4), now) == "4 days ago"
    assert words.age(datetime(2026, 6, 3, 12, tzinfo=UTC), now) == "Jun 3"


def test_numbers_follow_the_locale() -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
        spanish = words.number(250000)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        english = words.number(250000)
    finally:
        QLocale.setDefault(before)
    assert english == "250,000"
    assert spanish == "250.000"


def test_a_pause_reads_with_its_end(english_locale: None) -> None:
    now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert words.bot_state("paused", "2026-11-27T10:00:00Z", now) == "Active (pause ended Nov 27)"
    assert words.bot_state("paused", "2026-12-02T10:00:00Z", now).startswith("Paused until Dec 2, ")
    assert words.bot_state("agent", None, now) == "An agent handles the conversation"
