"""Small read models for the profile dialog's tabs: meetings, surveys, funnel history, configuration.

They reuse ``leaddesk.db.history`` (the same reading as ``export history``) and show every value as
plain text; tooltips are escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from leaddesk.db import history
from leaddesk.db.database import Database
from leaddesk.domain import (
    BotStatus,
    CommandType,
    MeetingStatus,
    OutboxState,
    SaleStatus,
    Sentiment,
    format_time,
    parse_time,
    utc_now,
)
from leaddesk.media_paths import cached_file
from leaddesk.models import words
from leaddesk.models.client_table import plain_tooltip

NO_VALUE = "—"


#: lupdate reads ``translate("Context", "text")`` calls: the context stays a literal at each one.
translate = QCoreApplication.translate


def local_time(value: str | None, with_weekday: bool = True) -> str:
    """An RFC 3339 time as a local date and time, the language's way ("Tue, Nov 24, 2026, 9:03 AM")."""
    if not value:
        return NO_VALUE
    try:
        moment = parse_time(value)
    except ValueError:
        return value
    return words.long_date_time(moment, weekday=with_weekday)


@dataclass(frozen=True)
class Cell:
    text: str
    tooltip: str | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows of plain-text cells under fixed headers (English, marked with ``QT_TRANSLATE_NOOP`` in the
    "Profile" context, translated when shown)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[Cell]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = [list(row) for row in rows]

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        self.beginResetModel()
        self._rows = [list(row) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            # One line in the table; the whole text is in the tooltip.
            return cell.text if len(cell.text) < 300 and "\n" not in cell.text else cell.text[:300].replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(cell.tooltip if cell.tooltip is not None else cell.text)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return translate("Profile", self._headers[section])
        return None


@dataclass(frozen=True)
class ContactFacts:
    """What the profile shows beside the contact's own fields."""

    first_contact: str | None  # the earlier of the relay's created_at and the first message
    photo: Path | None  # the cached profile image, when it has been fetched and verified
    unread: int
    bot_status: str


def contact_record(database: Database, contact_id: str) -> dict[str, Any] | None:
    """The contact as ``export clients`` and the history give it (``db.history.client``), or None if erased."""
    with database.read() as connection:
        return history.client(connection, contact_id)


def contact_facts(database: Database, contact_id: str) -> ContactFacts | None:
    with database.read() as connection:
        row = connection.exec_driver_sql(
            "SELECT c.created_at, (SELECT min(sent_at) FROM messages WHERE contact_id = c.id), "
            "md.state, md.local_path, c.unread, c.bot_status "
            "FROM contacts c LEFT JOIN media md ON md.id = c.profile_media_id WHERE c.id = ?",
            (contact_id,),
        ).first()
    if row is None:
        return None
    created, first_message, media_state, local_path, unread, bot_status = row
    times = [t for t in (created, first_message) if t]
    return ContactFacts(
        first_contact=min(times) if times else None,
        photo=cached_file(database.media_dir, media_state, local_path),
        unread=int(unread or 0),
        bot_status=str(bot_status),
    )


@dataclass(frozen=True)
class Glance:
    """What matters about a client at a glance, in words (the Overview's summary)."""

    sentiment: str
    next_meeting: str
    messages: str
    unread: str
    bot: str


def glance(database: Database, contact_id: str, now: datetime | None = None) -> Glance | None:
    now = now or utc_now()
    with database.read() as connection:
        row = connection.exec_driver_sql(
            "SELECT sentiment, sentiment_at, message_count, unread, bot_status, bot_paused_until "
            "FROM contacts WHERE id = ?",
            (contact_id,),
        ).first()
        meeting = connection.exec_driver_sql(
            "SELECT title, starts_at FROM meetings WHERE contact_id = ? AND status = 'scheduled' AND starts_at >= ? "
            "ORDER BY starts_at, id LIMIT 1",
            (contact_id, format_time(now)),
        ).first()
    if row is None:
        return None
    label, label_at, message_count, unread, bot_status, paused_until = row
    if label:
        said = words.label(Sentiment, label)
        sentiment = (
            translate("Profile", "%1, as of %2")
            .replace("%1", said)
            .replace("%2", local_time(label_at, with_weekday=False))
            if label_at
            else said
        )
    else:
        sentiment = translate("Profile", "Not judged yet")
    next_meeting = (
        translate("Profile", "%1 — %2")
        .replace("%1", local_time(meeting[1]))
        .replace("%2", meeting[0] or translate("Profile", "Meeting"))
        if meeting
        else translate("Profile", "None scheduled")
    )
    count = int(message_count or 0)
    unread_count = int(unread or 0)
    return Glance(
        sentiment=sentiment,
        next_meeting=next_meeting,
        messages=translate("Profile", "%Ln message(s)", None, count),
        unread=translate("Profile", "All read")
        if unread_count == 0
        else translate("Profile", "%Ln not read yet", None, unread_count),
        bot=words.bot_state(str(bot_status), paused_until, now),
    )


def stage_name(database: Database, stage_id: str) -> str | None:
    return _stage_names(database).get(stage_id)


def _stage_names(database: Database) -> dict[str, str]:
    with database.read() as connection:
        rows = connection.exec_driver_sql("SELECT id, name FROM funnel_stages").all()
    return {row[0]: row[1] for row in rows}


def _status_label(status: str) -> str:
    return words.label(MeetingStatus, status)


def meeting_rows(
    database: Database, contact_id: str, now: datetime | None = None
) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """(upcoming, past) meetings: time, title, place, agent, status; upcoming soonest first, past newest first."""
    with database.read() as connection:
        meetings = history.meetings(connection, contact_id)
    now = now or utc_now()
    upcoming: list[list[Cell]] = []
    past: list[list[Cell]] = []
    for meeting in meetings:
        starts = meeting["starts_at"]
        when = local_time(starts)
        if meeting["ends_at"]:
            when += "–" + words.short_time(parse_time(meeting["ends_at"]))
        row = [
            Cell(when),
            Cell(meeting["title"] or NO_VALUE),
            Cell(meeting["location"] or NO_VALUE),
            Cell(meeting["agent"] or NO_VALUE),
            Cell(_status_label(meeting["status"])),
        ]
        if starts and parse_time(starts) >= now and meeting["status"] == "scheduled":
            upcoming.append(row)
        else:
            past.insert(0, row)
    return upcoming, past


MEETING_HEADERS = (
    str(QT_TRANSLATE_NOOP("Profile", "When")),
    str(QT_TRANSLATE_NOOP("Profile", "Title")),
    str(QT_TRANSLATE_NOOP("Profile", "Place")),
    str(QT_TRANSLATE_NOOP("Profile", "Agent")),
    str(QT_TRANSLATE_NOOP("Profile", "Status")),
)


@dataclass(frozen=True)
class SurveyView:
    title: str
    rows: list[list[Cell]]


@dataclass(frozen=True)
class QuestionAverage:
    """One question's scores over every survey of the client: a 1–5 rating and a 0–10 score are
    different scales, so each question is averaged on its own and never mixed with another."""

    question: str
    average: float
    answers: int
    lowest: float
    highest: float


def survey_views(database: Database, contact_id: str) -> list[SurveyView]:
    with database.read() as connection:
        surveys = history.surveys(connection, contact_id)
        meetings = {m["id"]: m for m in history.meetings(connection, contact_id)}
    views: list[SurveyView] = []
    for survey in surveys:
        meeting = meetings.get(survey["meeting_id"] or "")
        tied = (
            translate("Profile", "%1 on %2")
            .replace("%1", meeting["title"] or translate("Profile", "Meeting"))
            .replace("%2", local_time(meeting["starts_at"]))
            if meeting
            else translate("Profile", "a meeting not in this computer's copy yet")
            if survey["meeting_id"]
            else translate("Profile", "no meeting")
        )
        rows = [
            [
                Cell(a["question"] or NO_VALUE),
                Cell(a["answer"] or NO_VALUE),
                Cell(NO_VALUE if a["score"] is None else str(a["score"])),
            ]
            for a in survey["answers"]
        ]
        views.append(
            SurveyView(
                title=translate("Profile", "Submitted %1 — about %2")
                .replace("%1", local_time(survey["submitted_at"]))
                .replace("%2", tied),
                rows=rows,
            )
        )
    return views


SURVEY_HEADERS = (
    str(QT_TRANSLATE_NOOP("Profile", "Question")),
    str(QT_TRANSLATE_NOOP("Profile", "Answer")),
    str(QT_TRANSLATE_NOOP("Profile", "Score")),
)


def question_averages(database: Database, contact_id: str) -> list[QuestionAverage]:
    """Each scored question's average over the client's surveys, in the order first asked."""
    with database.read() as connection:
        surveys = history.surveys(connection, contact_id)
    scores: dict[str, list[float]] = {}
    for survey in sorted(surveys, key=lambda s: s["submitted_at"] or ""):
        for answer in survey["answers"]:
            if answer["score"] is not None and answer["question"]:
                scores.setdefault(answer["question"], []).append(float(answer["score"]))
    return [
        QuestionAverage(question, sum(values) / len(values), len(values), min(values), max(values))
        for question, values in scores.items()
    ]


def funnel_rows(database: Database, contact_id: str) -> list[list[Cell]]:
    names = _stage_names(database)
    with database.read() as connection:
        changes = history.funnel_history(connection, contact_id)
    rows = []
    for change in changes:
        rows.append(
            [
                Cell(local_time(change["at"])),
                Cell(
                    names.get(change["from_stage"], change["from_stage"])
                    if change["from_stage"]
                    else translate("Profile", "(start)")
                ),
                Cell(names.get(change["to_stage"], change["to_stage"])),
                Cell(changed_by(change["changed_by"])),
                Cell(change["note"] or ""),
            ]
        )
    return rows + waiting_stage_changes(database, contact_id)


def changed_by(by: dict[str, Any]) -> str:
    """Who moved the client to a stage, as the office says it: "the bot", "Laura Pérez (agent)"."""
    kind = by.get("kind")
    if kind == "agent":
        return translate("Profile", "%1 (agent)").replace("%1", by.get("name") or translate("Profile", "an agent"))
    if kind == "bot":
        return translate("Profile", "the bot")
    if kind == "system":
        return translate("Profile", "the server")
    return str(by.get("name") or kind or NO_VALUE)


FUNNEL_HEADERS = (
    str(QT_TRANSLATE_NOOP("Profile", "When")),
    str(QT_TRANSLATE_NOOP("Profile", "From")),
    str(QT_TRANSLATE_NOOP("Profile", "To")),
    str(QT_TRANSLATE_NOOP("Profile", "Changed by")),
    str(QT_TRANSLATE_NOOP("Profile", "Note")),
)
#: What the "Changed by" column says of a stage change still in the outbox.
WAITING = str(QT_TRANSLATE_NOOP("Profile", "You — not sent yet"))


def waiting_stage_changes(database: Database, contact_id: str) -> list[list[Cell]]:
    """Stage changes made here that the relay has not confirmed yet, oldest first, as funnel rows.

    They show at once (offline, or in the demo, the relay's confirmation may never come); the relay's
    own ``funnel.changed`` replaces them once the edit is applied.
    """
    names = _stage_names(database)
    with database.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT created_at, data, previous FROM outbox WHERE contact_id = ? AND type = ? AND state = ? ORDER BY id",
            (contact_id, CommandType.SET_FUNNEL_STAGE, OutboxState.QUEUED),
        ).all()
    waiting: list[list[Cell]] = []
    for created_at, data, previous in rows:
        to_stage = json.loads(data).get("stage")
        from_stage = (json.loads(previous) if previous else {}).get("funnel_stage")
        note = json.loads(data).get("note") or ""
        waiting.append(
            [
                Cell(local_time(created_at)),
                Cell(names.get(from_stage, from_stage) if from_stage else translate("Profile", "(start)")),
                Cell(names.get(to_stage, to_stage)),
                Cell(
                    translate("Profile", WAITING),
                    translate("Profile", "Made here; the server has not confirmed it yet."),
                ),
                Cell(note),
            ]
        )
    return waiting


def config_items(database: Database, contact_id: str) -> list[tuple[str, str]]:
    """(key, value: text as it is, anything else as JSON) of the client's own settings, sorted by key."""
    with database.read() as connection:
        config = history.config(connection, contact_id)
    return [
        (key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
        for key, value in sorted(config.items())
    ]


def parse_config_value(text: str) -> Any:
    """A value typed by a person: JSON if it parses (numbers, true/false, lists, quoted text), else the text."""
    stripped = text.strip()
    try:
        return json.loads(stripped)
    except ValueError:
        return stripped


def _enum_label(kind: Any, value: object) -> str:
    return words.label(kind, value)


def describe_values(database: Database, values: dict[str, Any]) -> str:
    """The values of one edit in plain words: ``paused until Nov 28, 09:00``, ``Signed``, ``mystery shopper: yes``.

    ``bot_status`` and ``bot_paused_until`` are one thing to a person and are told together.
    """
    parts: list[str] = []
    for field, value in values.items():
        if field == "bot_paused_until" and "bot_status" in values:
            continue
        if field == "bot_status":
            text = _enum_label(BotStatus, value).lower() if value is not None else NO_VALUE
            until = values.get("bot_paused_until")
            if value == BotStatus.PAUSED and until:
                text = translate("Profile", "%1 until %2").replace("%1", text).replace("%2", _until(until))
            parts.append(text)
        elif field == "bot_paused_until":
            parts.append(
                translate("Profile", "paused until %1").replace("%1", _until(value))
                if value
                else translate("Profile", "no time to resume")
            )
        elif field == "sale_status":
            parts.append(_enum_label(SaleStatus, value) if value is not None else NO_VALUE)
        elif field == "funnel_stage":
            parts.append(
                (stage_name(database, str(value)) or str(value)) if value else translate("Profile", "no stage")
            )
        elif field in ("mystery_shopper", "contractor"):
            parts.append(
                translate("Profile", "%1: %2")
                .replace("%1", words.field_name(field))
                .replace("%2", translate("Profile", "yes") if value else translate("Profile", "no"))
            )
        elif field == "name":
            parts.append(
                translate("Profile", "“%1”").replace("%1", str(value)) if value else translate("Profile", "no name")
            )
        else:
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            parts.append(translate("Profile", "%1: %2").replace("%1", words.field_name(field)).replace("%2", shown))
    return ", ".join(parts) if parts else NO_VALUE


def _until(value: object) -> str:
    """When a pause ends, as a person reads it: "Nov 28, 9:00 AM" / "28 nov, 9:00"."""
    try:
        moment = parse_time(str(value))
    except ValueError:
        return str(value)
    return words.month_day_time(moment)
