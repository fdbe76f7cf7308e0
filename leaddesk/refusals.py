"""Edits the relay refused (400, 403, 404, 422), told in plain words where the user is.

The sync engine marks a refused edit ``refused`` in the outbox, keeps the relay's answer in
``last_error`` ("command set_sale_status: 404 unknown_contact (no such contact)") and puts the old
value back. This module reads those rows and says what happened the way a person would: "The relay
did not accept 'Sold' for Ana López: the client no longer exists there". A notice is shown until
the user dismisses it (``outbox.dismissed_at``, shared with the profile's Overview).

No Qt here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.domain import BotStatus, CommandType, OutboxState, SaleStatus, format_time, known_label, utc_now

#: (HTTP status, the relay's error code) -> why, in words; a code of None stands for "any code".
REASONS: dict[tuple[int, str | None], str] = {
    (404, "unknown_contact"): "the client no longer exists there",
    (404, None): "the relay does not know this client",
    (422, "outside_window"): (
        "WhatsApp lets a business write only within 24 hours of the client's last message; "
        "wait for the client to write again"
    ),
    (422, "stage_not_manual"): "only the bot's rules move a client into that stage",
    (422, "invalid"): "the relay does not take that value",
    (422, "unknown_command"): "this relay does not know that kind of change (it may be older than LeadDesk)",
    (422, "idempotency_mismatch"): "the relay had already received a different change under the same key",
    (422, None): "the relay does not take that change",
    (403, None): "your token may read but not change clients; ask for a token that may make changes",
    (400, None): "the relay could not read the request (a fault in LeadDesk: please report it)",
}

_ANSWER = re.compile(r":\s(\d{3})(?:\s([A-Za-z0-9_.-]+))?")


def parse_answer(last_error: str | None) -> tuple[int | None, str | None]:
    """(status, code) out of the stored answer "command set_name: 422 invalid (...)"."""
    match = _ANSWER.search(last_error or "")
    if match is None:
        return None, None
    return int(match.group(1)), match.group(2)


def plain_reason(status: int | None, code: str | None) -> str:
    """Why the relay refused, in words a person understands."""
    if status is not None:
        for key in ((status, code), (status, None)):
            if key in REASONS:
                return REASONS[key]
        return f"the relay refused it ({status}{' ' + code if code else ''})"
    return "the relay refused it"


def describe_change(command_type: str, data: Mapping[str, Any], stage_names: Mapping[str, str]) -> str:
    """The change as the user made it: "'Sold'", "the stage 'Visit booked'", "a reply"."""
    match command_type:
        case CommandType.SET_SALE_STATUS:
            value = str(data.get("sale_status"))
            label = known_label(SaleStatus, value)
            return f"the sale status '{value}'" if label is None else f"'{label}'"
        case CommandType.SET_FUNNEL_STAGE:
            stage = str(data.get("stage"))
            return f"the stage '{stage_names.get(stage, stage)}'"
        case CommandType.SET_BOT_STATUS:
            status = str(data.get("bot_status"))
            return f"the bot status '{known_label(BotStatus, status) or status}'"
        case CommandType.SET_FLAGS:
            words = []
            if "mystery_shopper" in data:
                words.append("mystery shopper" if data["mystery_shopper"] else "not a mystery shopper")
            if "contractor" in data:
                words.append("contractor" if data["contractor"] else "not a contractor")
            return "'" + ", ".join(words) + "'" if words else "a flag"
        case CommandType.SET_NAME:
            return f"the name '{data.get('name')}'"
        case CommandType.MARK_REVIEWED:
            return "'Mark read'"
        case CommandType.SET_CONFIG:
            return "a configuration change"
        case CommandType.SEND_MESSAGE:
            return "a reply"
    return f"a change ({command_type})"


@dataclass(frozen=True)
class RefusedEdit:
    outbox_id: int
    contact_id: str
    #: The client as the list shows them: the name, else the phone, else "a client".
    who: str
    command_type: str
    change: str
    reason: str
    #: When the relay answered (RFC 3339), or when the edit was made if unknown.
    at: str
    dismissed: bool

    @property
    def sentence(self) -> str:
        return f"The relay did not accept {self.change} for {self.who}: {self.reason}."


def refused_edits(database: Database, *, include_dismissed: bool = False, after_id: int = 0) -> list[RefusedEdit]:
    """Every refused edit (newest first), those dismissed only with ``include_dismissed``."""
    dismissed = "" if include_dismissed else " AND o.dismissed_at IS NULL"
    with database.read() as connection:
        cursor = dbapi_cursor(connection)
        stage_names = {str(r[0]): str(r[1]) for r in cursor.execute("SELECT id, name FROM funnel_stages")}
        rows = cursor.execute(
            "SELECT o.id, o.contact_id, c.name, c.phone, o.type, o.data, o.last_error, "
            "coalesce(o.answered_at, o.created_at), o.dismissed_at IS NOT NULL "
            "FROM outbox o LEFT JOIN contacts c ON c.id = o.contact_id "
            f"WHERE o.state = ? AND o.id > ?{dismissed} ORDER BY o.id DESC",
            (OutboxState.REFUSED, after_id),
        ).fetchall()
    found = []
    for outbox_id, contact_id, name, phone, command_type, data, last_error, at, was_dismissed in rows:
        try:
            loaded = json.loads(data or "{}")
        except ValueError:
            loaded = {}
        found.append(
            RefusedEdit(
                outbox_id=int(outbox_id),
                contact_id=str(contact_id),
                who=name or phone or "a client",
                command_type=str(command_type),
                change=describe_change(str(command_type), loaded if isinstance(loaded, dict) else {}, stage_names),
                reason=plain_reason(*parse_answer(last_error)),
                at=str(at),
                dismissed=bool(was_dismissed),
            )
        )
    return found


def dismiss(database: Database, outbox_ids: Iterable[int]) -> None:
    """The user has read these refusals: stop telling them (here and in the profile)."""
    ids = [(format_time(utc_now()), int(i), OutboxState.REFUSED) for i in outbox_ids]
    with database.write() as connection:
        dbapi_cursor(connection).executemany(
            "UPDATE outbox SET dismissed_at = ? WHERE id = ? AND state = ? AND dismissed_at IS NULL", ids
        )
