"""The window's words for the domain's values, in the language the user chose.

``domain.py`` keeps the English words (the CLI and the files it writes use them, and it imports
nothing of ours). Everything the window shows goes through here instead: the labels are marked for
``pyside6-lupdate`` with ``QT_TRANSLATE_NOOP`` and translated when shown; dates follow ``QLocale()``,
which start-up sets to the chosen language.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale

from leaddesk.domain import (
    COMMAND_WORDS,
    FIELD_WORDS,
    SALE_STATUS_MEANINGS,
    BotStatus,
    SaleStatus,
    fill_placeholders,
    label_or_value,
    parse_time,
    utc_now,
)

CONTEXT = "Words"

#: Every English label and phrase of ``domain.py`` that the window shows, so that lupdate lists them.
#: ``tests/test_words.py`` checks that no label of the domain is missing here.
MARKED = (
    # sale status
    QT_TRANSLATE_NOOP("Words", "None"),
    QT_TRANSLATE_NOOP("Words", "Pending"),
    QT_TRANSLATE_NOOP("Words", "Signed"),
    QT_TRANSLATE_NOOP("Words", "Sold"),
    QT_TRANSLATE_NOOP("Words", "No sale in progress yet."),
    QT_TRANSLATE_NOOP("Words", "The client has said yes; the paperwork is not signed yet."),
    QT_TRANSLATE_NOOP("Words", "The contract is signed; payment or handover is still open."),
    QT_TRANSLATE_NOOP("Words", "The sale is complete."),
    # bot status
    QT_TRANSLATE_NOOP("Words", "Active"),
    QT_TRANSLATE_NOOP("Words", "Paused"),
    QT_TRANSLATE_NOOP("Words", "Agent"),
    # sentiment
    QT_TRANSLATE_NOOP("Words", "Hot"),
    QT_TRANSLATE_NOOP("Words", "Warm"),
    QT_TRANSLATE_NOOP("Words", "Neutral"),
    QT_TRANSLATE_NOOP("Words", "Cold"),
    QT_TRANSLATE_NOOP("Words", "Negative"),
    # meeting status
    QT_TRANSLATE_NOOP("Words", "Scheduled"),
    QT_TRANSLATE_NOOP("Words", "Completed"),
    QT_TRANSLATE_NOOP("Words", "Cancelled"),
    QT_TRANSLATE_NOOP("Words", "No-show"),
    # fields and edits, as a person names them
    QT_TRANSLATE_NOOP("Words", "sale status"),
    QT_TRANSLATE_NOOP("Words", "funnel stage"),
    QT_TRANSLATE_NOOP("Words", "bot status"),
    QT_TRANSLATE_NOOP("Words", "bot pause"),
    QT_TRANSLATE_NOOP("Words", "mystery shopper"),
    QT_TRANSLATE_NOOP("Words", "contractor"),
    QT_TRANSLATE_NOOP("Words", "name"),
    QT_TRANSLATE_NOOP("Words", "configuration"),
    QT_TRANSLATE_NOOP("Words", "read mark"),
    QT_TRANSLATE_NOOP("Words", "flags"),
    QT_TRANSLATE_NOOP("Words", "message"),
)

#: Office words for the fields whose domain word is protocol jargon.
_OFFICE_WORDS = {"reviewed mark": "read mark"}


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def label(kind: type[StrEnum], value: object) -> str:
    """An enum value in the window's words (``sold`` → "Sold" / "Vendido"); an unknown one as it is."""
    return _tr(label_or_value(kind, value))


def sale_status_meaning(status: SaleStatus) -> str:
    return _tr(SALE_STATUS_MEANINGS[status])


def field_name(field: str) -> str:
    """How a person names a contact field ("sale status"), for notices and tooltips."""
    english = FIELD_WORDS.get(field, field.replace("_", " "))
    return _tr(_OFFICE_WORDS.get(english, english))


def edit_name(command_type: str) -> str:
    """How a person names the edit a command makes ("sale status", "message")."""
    english = COMMAND_WORDS.get(command_type, command_type.replace("_", " "))
    return _tr(_OFFICE_WORDS.get(english, english))


def to_qdatetime(moment: datetime) -> QDateTime:
    """Any aware datetime (UTC or not) as a QDateTime in this computer's time zone."""
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def _without_year(day: QDate) -> str:
    # Translators: a QDate format for a day without the year; Spanish puts the day first ("d MMM").
    return QLocale().toString(day, QCoreApplication.translate("Words", "MMM d", "date format without year"))


def month_day(moment: datetime) -> str:
    """The local date without the year, the locale's way: "Nov 27" / "27 nov"."""
    return _without_year(to_qdatetime(moment).date())


def short_date(moment: datetime) -> str:
    """The local date with the year, the locale's short way: "11/27/26" / "27/11/26"."""
    return QLocale().toString(to_qdatetime(moment).date(), QLocale.FormatType.ShortFormat)


def short_time(moment: datetime) -> str:
    """The local time of day, the locale's way: "9:40 AM" / "9:40"."""
    return QLocale().toString(to_qdatetime(moment).time(), QLocale.FormatType.ShortFormat)


def short_date_time(moment: datetime) -> str:
    return QLocale().toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)


def number(value: int | float, decimals: int = 0) -> str:
    """A number with the locale's separators: 250,000 / 250.000."""
    if isinstance(value, int) and decimals == 0:
        return QLocale().toString(value)
    return QLocale().toString(float(value), "f", decimals)


def age(moment: datetime, now: datetime | None = None) -> str:
    """ "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", or a date for older times."""
    now = now or utc_now()
    seconds = max(0.0, (now - moment).total_seconds())
    if seconds < 60:
        return QCoreApplication.translate("Words", "just now")
    minutes = int(seconds // 60)
    if minutes < 60:
        return QCoreApplication.translate("Words", "%n min ago", None, minutes)
    hours = minutes // 60
    if hours < 24:
        return QCoreApplication.translate("Words", "%n h ago", None, hours)
    days = hours // 24
    if days == 1:
        return QCoreApplication.translate("Words", "yesterday")
    if days < 7:
        return QCoreApplication.translate("Words", "%n days ago", None, days)
    if moment.astimezone().year == now.astimezone().year:
        return month_day(moment)
    return short_date(moment)


def bot_state(status: str, paused_until: str | None, now: datetime | None = None) -> str:
    """The bot's state as a person says it. A pause whose end has passed is over: the relay resumes
    the bot by itself then, so it reads "Active (pause ended Nov 27)" until the relay's word arrives."""
    if status == BotStatus.PAUSED and paused_until:
        try:
            until = parse_time(paused_until)
        except ValueError:
            return QCoreApplication.translate("Words", "Paused: nobody answers automatically")
        if until <= (now or utc_now()):
            return QCoreApplication.translate("Words", "Active (pause ended %1)").replace("%1", month_day(until))
        return (
            QCoreApplication.translate("Words", "Paused until %1, %2: then the bot answers again")
            .replace("%1", month_day(until))
            .replace("%2", short_time(until))
        )
    words: dict[str, str] = {
        BotStatus.ACTIVE: QCoreApplication.translate("Words", "Active: the bot answers"),
        BotStatus.PAUSED: QCoreApplication.translate("Words", "Paused: nobody answers automatically"),
        BotStatus.AGENT: QCoreApplication.translate("Words", "An agent handles the conversation"),
    }
    return words.get(status, status)


def long_date(moment: datetime, *, weekday: bool = False) -> str:
    """The local date with the year, the month as a word: "Nov 24, 2026" / "24 nov 2026" (with the day
    of the week first when ``weekday``)."""
    if weekday:
        # Translators: a QDate format with the day of the week and the year; Spanish: "ddd d MMM yyyy".
        pattern = QCoreApplication.translate("Words", "ddd, MMM d, yyyy", "date format with weekday and year")
    else:
        # Translators: a QDate format with the year; Spanish: "d MMM yyyy".
        pattern = QCoreApplication.translate("Words", "MMM d, yyyy", "date format with year")
    return QLocale().toString(to_qdatetime(moment).date(), pattern)


def long_date_time(moment: datetime, *, weekday: bool = False) -> str:
    """:func:`long_date` and the time: "Tue, Nov 24, 2026, 9:03 AM" / "mar 24 nov 2026, 9:03 a.m."."""
    return _date_and_time(long_date(moment, weekday=weekday), short_time(moment))


def month_day_time(moment: datetime) -> str:
    """:func:`month_day` and the time: "Nov 28, 9:00 AM" / "28 nov, 9:00"."""
    return _date_and_time(month_day(moment), short_time(moment))


def _date_and_time(date_text: str, time_text: str) -> str:
    return (
        QCoreApplication.translate("Words", "%1, %2", "a date, then a time of day")
        .replace("%1", date_text)
        .replace("%2", time_text)
    )


def day_month(day: date) -> str:
    """A calendar day without the year, the locale's way ("Nov 27" / "27 nov"): chart axes."""
    return _without_year(QDate(day.year, day.month, day.day))


#: ``%1``, ``%2``… filled in one pass: a value holding "%2" is shown as typed.
fill = fill_placeholders
