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

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from leaddesk.db import history
from leaddesk.db.database import Database
from leaddesk.domain import (
    BotStatus,
    CommandType,
    MeetingStatus,
    OutboxState,
    SaleStatus,
    Sentiment,
    bot_state_words,
    field_words,
    format_time,
    label_or_value,
    parse_time,
    utc_now,
)
from leaddesk.media_paths import cached_file
from leaddesk.models.client_table import format_until, plain_tooltip

NO_VALUE = "—"


def local_time(value: str | None, with_weekday: bool = True) -> str:
    if not value:
        return NO_VALUE
    try:
        moment = parse_time(value).astimezone()
    except ValueError:
        return value
    return (
        f"{moment:%a}, {moment:%b} {moment.day}, {moment.year} {moment:%H:%M}"
        if with_weekday
        else (f"{moment:%b} {moment.day}, {moment.year} {moment:%H:%M}")
    )


@dataclass(frozen=True)
class Cell:
    text: str
    tooltip: str | None = None


class RecordTableModel(QAbstractTableModel):
    """Rows of plain-text cells under fixed headers."""

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
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
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
        try:
            words = Sentiment(label).label
        except ValueError:
            words = str(label)
        sentiment = f"{words}, as of {local_time(label_at, with_weekday=False)}" if label_at else words
    else:
        sentiment = "Not judged yet"
    next_meeting = f"{local_time(meeting[1])} — {meeting[0] or 'Meeting'}" if meeting else "None scheduled"
    count = int(message_count or 0)
    unread_count = int(unread or 0)
    return Glance(
        sentiment=sentiment,
        next_meeting=next_meeting,
        messages=f"{count:,} message" + ("" if count == 1 else "s"),
        unread="All reviewed" if unread_count == 0 else f"{unread_count:,} not reviewed yet",
        bot=bot_state_words(str(bot_status), paused_until, now),
    )


def stage_name(database: Database, stage_id: str) -> str | None:
    return _stage_names(database).get(stage_id)


def _stage_names(database: Database) -> dict[str, str]:
    with database.read() as connection:
        rows = connection.exec_driver_sql("SELECT id, name FROM funnel_stages").all()
    return {row[0]: row[1] for row in rows}


def _status_label(status: str) -> str:
    return label_or_value(MeetingStatus, status)


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
            ends = parse_time(meeting["ends_at"]).astimezone()
            when += f"–{ends:%H:%M}"
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


MEETING_HEADERS = ("When", "Title", "Place", "Agent", "Status")


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
            f"{meeting['title'] or 'Meeting'} on {local_time(meeting['starts_at'])}"
            if meeting
            else "a meeting not in the cache yet"
            if survey["meeting_id"]
            else "no meeting"
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
                title=f"Submitted {local_time(survey['submitted_at'])} — about {tied}",
                rows=rows,
            )
        )
    return views


SURVEY_HEADERS = ("Question", "Answer", "Score")


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
        by = change["changed_by"]
        who = by["name"] or {"bot": "Bot", "system": "System", "agent": "An agent"}.get(by["kind"], by["kind"])
        if by["kind"] == "agent":
            who = f"{who} (agent)"
        rows.append(
            [
                Cell(local_time(change["at"])),
                Cell(names.get(change["from_stage"], change["from_stage"]) if change["from_stage"] else "(start)"),
                Cell(names.get(change["to_stage"], change["to_stage"])),
                Cell(who),
                Cell(change["note"] or ""),
            ]
        )
    return rows + waiting_stage_changes(database, contact_id)


FUNNEL_HEADERS = ("When", "From", "To", "Changed by", "Note")
#: What the "Changed by" column says of a stage change still in the outbox.
WAITING = "You — waiting to be sent"


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
                Cell(names.get(from_stage, from_stage) if from_stage else "(start)"),
                Cell(names.get(to_stage, to_stage)),
                Cell(WAITING, "Made here; the relay has not confirmed it yet."),
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
    return label_or_value(kind, value)


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
                text += f" until {_until(until)}"
            parts.append(text)
        elif field == "bot_paused_until":
            parts.append(f"paused until {_until(value)}" if value else "no time to resume")
        elif field == "sale_status":
            parts.append(_enum_label(SaleStatus, value) if value is not None else NO_VALUE)
        elif field == "funnel_stage":
            parts.append((stage_name(database, str(value)) or str(value)) if value else "no stage")
        elif field in ("mystery_shopper", "contractor"):
            parts.append(f"{field_words(field)}: {'yes' if value else 'no'}")
        elif field == "name":
            parts.append(f"“{value}”" if value else "no name")
        elif isinstance(value, str):
            parts.append(f"{field_words(field)}: {value}")
        else:
            parts.append(f"{field_words(field)}: {json.dumps(value, ensure_ascii=False)}")
    return ", ".join(parts) if parts else NO_VALUE


def _until(value: object) -> str:
    try:
        return format_until(parse_time(str(value)))
    except ValueError:
        return str(value)
