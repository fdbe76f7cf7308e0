"""What the edit path and the views read about edits: the stages a person may pick, the agent's name, the
client's last message (WhatsApp's 24-hour window), open conflicts, pending fields and refused edits.

Read queries only; the edits themselves are made in ``leaddesk.edits`` (which also offers these names).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.db.outbox import contact_changes
from leaddesk.db.state import AGENT_NAME
from leaddesk.domain import CommandType, OutboxState, parse_time


@dataclass(frozen=True)
class Conflict:
    id: int
    contact_id: str
    command_type: str
    field: str
    mine: Any
    theirs: Any
    at: str
    outbox_id: int | None = None


@dataclass(frozen=True)
class ConflictNotice:
    """One conflicting edit as the user sees it: every field that one command lost, together.

    A 409 on ``set_bot_status`` records two rows (``bot_status`` and ``bot_paused_until``); they are
    one edit, so one notice. ``id`` is the first row's: :func:`apply_mine_again` and
    :func:`dismiss_conflict` settle the whole edit from it.
    """

    id: int
    contact_id: str
    outbox_id: int | None
    command_type: str
    #: field -> the value the user set / the relay's value, in the order the rows were recorded.
    mine: dict[str, Any]
    theirs: dict[str, Any]
    at: str

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.mine)


def loads_or_text(value: str | None) -> Any:
    """A JSON cell as its value; a cell that is not JSON as its text."""
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


def open_conflicts(database: Database, contact_id: str) -> list[Conflict]:
    with database.read() as connection:
        rows = (
            dbapi_cursor(connection)
            .execute(
                "SELECT id, contact_id, command_type, field, mine, theirs, at, outbox_id FROM edit_conflicts "
                "WHERE contact_id = ? AND NOT resolved ORDER BY id",
                (contact_id,),
            )
            .fetchall()
        )
    return [Conflict(r[0], r[1], r[2], r[3], loads_or_text(r[4]), loads_or_text(r[5]), r[6], r[7]) for r in rows]


def conflict_notices(database: Database, contact_id: str) -> list[ConflictNotice]:
    """This contact's open conflicts, one per conflicting edit (rows of one outbox command together)."""
    groups: dict[tuple[str, int], list[Conflict]] = {}
    for conflict in open_conflicts(database, contact_id):
        key = ("edit", conflict.outbox_id) if conflict.outbox_id is not None else ("row", conflict.id)
        groups.setdefault(key, []).append(conflict)
    notices = [
        ConflictNotice(
            id=rows[0].id,
            contact_id=contact_id,
            outbox_id=rows[0].outbox_id,
            command_type=rows[0].command_type,
            mine={row.field: row.mine for row in rows},
            theirs={row.field: row.theirs for row in rows},
            at=rows[0].at,
        )
        for rows in groups.values()
    ]
    return sorted(notices, key=lambda notice: notice.id)


def manual_stages(database: Database) -> list[tuple[str, str]]:
    """(id, name) of the funnel stages a person may pick, in the account's order."""
    with database.read() as connection:
        rows = (
            dbapi_cursor(connection)
            .execute("SELECT id, name FROM funnel_stages WHERE manual ORDER BY position, id")
            .fetchall()
        )
    return [(row[0], row[1]) for row in rows]


def funnel_stage(database: Database, stage: str) -> tuple[str, bool] | None:
    """(name, whether a person may pick it) of one funnel stage, or None if the account has no such stage."""
    with database.read() as connection:
        row = (
            dbapi_cursor(connection).execute("SELECT name, manual FROM funnel_stages WHERE id = ?", (stage,)).fetchone()
        )
    return None if row is None else (row[0], bool(row[1]))


def agent_name(database: Database) -> str | None:
    with database.read() as connection:
        row = dbapi_cursor(connection).execute("SELECT value FROM sync_state WHERE key = ?", (AGENT_NAME,)).fetchone()
    return None if row is None else row[0]


def last_inbound_at(database: Database, contact_id: str) -> datetime | None:
    with database.read() as connection:
        row = (
            dbapi_cursor(connection)
            .execute("SELECT max(sent_at) FROM messages WHERE contact_id = ? AND direction = 'in'", (contact_id,))
            .fetchone()
        )
    return None if row is None or row[0] is None else parse_time(row[0])


def pending_fields(database: Database, contact_id: str) -> set[str]:
    """The contact columns that a still-queued edit has changed (shown as 'waiting for the relay')."""
    with database.read() as connection:
        rows = (
            dbapi_cursor(connection)
            .execute(
                "SELECT type, data FROM outbox WHERE contact_id = ? AND state = ? AND type != ?",
                (contact_id, OutboxState.QUEUED, CommandType.SEND_MESSAGE),
            )
            .fetchall()
        )
    fields: set[str] = set()
    for command_type, data in rows:
        fields.update(contact_changes(command_type, json.loads(data), {}))
    return fields


def refused_edits(
    database: Database, contact_id: str, since_id: int = 0, *, include_dismissed: bool = False
) -> list[tuple[int, str, str | None]]:
    """(outbox id, command type, reason) of this contact's refused edits after ``since_id``.

    Those the user dismissed (:func:`dismiss_refusal`) are left out unless ``include_dismissed``.
    """
    dismissed = "" if include_dismissed else " AND dismissed_at IS NULL"
    with database.read() as connection:
        rows = (
            dbapi_cursor(connection)
            .execute(
                "SELECT id, type, last_error FROM outbox WHERE contact_id = ? AND state = ? AND id > ?"
                f"{dismissed} ORDER BY id",
                (contact_id, OutboxState.REFUSED, since_id),
            )
            .fetchall()
        )
    return [(r[0], r[1], r[2]) for r in rows]
