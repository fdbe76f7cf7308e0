"""Relay-shaped events for tests, fed through the real applier (``leaddesk.sync.apply``).

Each builder returns one event dict as the relay would send it; keyword arguments override fields of
the entity (``contact(name=None)``). ``EventLog`` numbers the events and applies them to a database.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from leaddesk.db.database import Database
from leaddesk.demo import FUNNEL_STAGES
from leaddesk.domain import format_time
from leaddesk.sync.apply import ApplyResult, apply_events
from tests.relay_simulator.server import make_contact, make_message

BASE_TIME = datetime(2026, 11, 24, 15, 0, 0, tzinfo=UTC)

DEFAULT_STAGES = FUNNEL_STAGES  # the protocol page's example stages

_ids = itertools.count(1)


def at(minutes: float = 0) -> str:
    """RFC 3339 text ``minutes`` after the base time (negative: before)."""
    return format_time(BASE_TIME + timedelta(minutes=minutes))


def contact_state(contact_id: str, **fields: Any) -> dict[str, Any]:
    """A whole contact state with sensible defaults; ``fields`` override."""
    number = sum(ord(ch) for ch in contact_id) % 10_000
    state = make_contact(
        contact_id,
        f"+52155{number:04d}{number:04d}",
        name=f"Client {contact_id}",
        created_at=at(-60 * 24),
        updated_at=at(),
    )
    sentiment = fields.pop("sentiment", None)
    if isinstance(sentiment, str):
        sentiment = {"label": sentiment, "score": 0.0, "at": at()}
    state["sentiment"] = sentiment
    state.update(fields)
    return state


def contact(contact_id: str, **fields: Any) -> dict[str, Any]:
    """A ``contact.upserted`` event; ``sentiment="warm"`` is short for the whole sentiment object."""
    return {"type": "contact.upserted", "at": at(), "data": {"contact": contact_state(contact_id, **fields)}}


def message(contact_id: str, sent_at: str, *, message_id: str | None = None, **fields: Any) -> dict[str, Any]:
    """A ``message.upserted`` event: by default a text from the client (the simulator's ``make_message``)."""
    body = make_message(message_id or f"wamid.test{next(_ids)}", contact_id, sent_at=sent_at, **fields)
    return {"type": "message.upserted", "at": sent_at, "data": {"message": body}}


def erased(contact_id: str) -> dict[str, Any]:
    return {"type": "contact.erased", "at": at(), "data": {"contact_id": contact_id}}


def account_updated(stages: Iterable[Mapping[str, Any]] = DEFAULT_STAGES) -> dict[str, Any]:
    return {"type": "account.updated", "at": at(), "data": {"funnel_stages": [dict(s) for s in stages]}}


class EventLog:
    """Numbers events like the relay's log and applies them to a database through the real applier."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.seq = 0

    def apply(self, events: Iterable[Mapping[str, Any]]) -> ApplyResult:
        page = []
        for event in events:
            self.seq += 1
            page.append({"seq": self.seq, "id": f"evt_{self.seq}", **event})
        with self.database.write() as connection:
            return apply_events(connection, page)


def meeting(
    meeting_id: str, contact_id: str, starts_at: str, status: str = "scheduled", **fields: Any
) -> dict[str, Any]:
    """A ``meeting.upserted`` event (version 1 unless given)."""
    body: dict[str, Any] = {
        "id": meeting_id,
        "contact_id": contact_id,
        "title": "Visit",
        "starts_at": starts_at,
        "ends_at": None,
        "location": None,
        "status": status,
        "agent": {"id": "ag_19", "name": "Laura Pérez"},
        "version": 1,
    }
    body.update(fields)
    return {"type": "meeting.upserted", "at": starts_at, "data": {"meeting": body}}


def survey(
    survey_id: str, contact_id: str, submitted_at: str, answers: Iterable[tuple[str, float | None]]
) -> dict[str, Any]:
    """A ``survey.submitted`` event; ``answers`` are (question, score) pairs."""
    body = {
        "id": survey_id,
        "contact_id": contact_id,
        "meeting_id": None,
        "submitted_at": submitted_at,
        "answers": [
            {"question": question, "answer": "n/a" if score is None else str(score), "score": score}
            for question, score in answers
        ],
    }
    return {"type": "survey.submitted", "at": submitted_at, "data": {"survey": body}}


def funnel_change(contact_id: str, from_stage: str | None, to_stage: str, changed_at: str) -> dict[str, Any]:
    """A ``funnel.changed`` event made by the bot."""
    body = {
        "id": f"fc_test{next(_ids)}",
        "contact_id": contact_id,
        "from_stage": from_stage,
        "to_stage": to_stage,
        "changed_by": {"kind": "bot", "id": None, "name": "Bot"},
        "note": None,
        "at": changed_at,
    }
    return {"type": "funnel.changed", "at": changed_at, "data": body}
