"""Edits the server (the relay) refused (400, 403, 404, 422), told in plain words where the user is.

The sync engine marks a refused edit ``refused`` in the outbox, keeps the relay's answer in
``last_error`` ("command set_sale_status: 404 unknown_contact (no such contact)") and puts the old
value back. This module reads those rows and says what happened the way a person would: "The server
did not accept 'Sold' for Ana López: the client no longer exists there". A notice is shown until
the user dismisses it (``outbox.dismissed_at``, shared with the profile's Overview).

No widgets here: the words go through Qt's translation (``QtCore``), in the language the window loaded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.domain import BotStatus, CommandType, OutboxState, SaleStatus, format_time, known_label, utc_now
from leaddesk.models import words

CONTEXT = "Refusals"

#: (HTTP status, the relay's error code) -> why, in words; a code of None stands for "any code".
REASONS: dict[tuple[int, str | None], object] = {
    (404, "unknown_contact"): QT_TRANSLATE_NOOP("Refusals", "the client no longer exists there"),
    (404, None): QT_TRANSLATE_NOOP("Refusals", "the server does not know this client"),
    (422, "outside_window"): QT_TRANSLATE_NOOP(
        "Refusals",
        "WhatsApp lets a business write only within 24 hours of the client's last message; "
        "wait for the client to write again",
    ),
    (422, "stage_not_manual"): QT_TRANSLATE_NOOP("Refusals", "only the bot's rules move a client into that stage"),
    (422, "invalid"): QT_TRANSLATE_NOOP("Refusals", "the server does not take that value"),
    (422, "unknown_command"): QT_TRANSLATE_NOOP(
        "Refusals", "this server does not know that kind of change (it may be older than LeadDesk)"
    ),
    (422, "idempotency_mismatch"): QT_TRANSLATE_NOOP(
        "Refusals", "the server had already received a different change under the same key"
    ),
    (422, None): QT_TRANSLATE_NOOP("Refusals", "the server does not take that change"),
    (403, None): QT_TRANSLATE_NOOP(
        "Refusals", "your access key may read but not change clients; ask for one that may make changes"
    ),
    (400, None): QT_TRANSLATE_NOOP(
        "Refusals", "the server could not read the request (a fault in LeadDesk: please report it)"
    ),
}


_ANSWER = re.compile(r":\s(\d{3})(?:\s([A-Za-z0-9_.-]+))?")


def parse_answer(last_error: str | None) -> tuple[int | None, str | None]:
    """(status, code) out of the stored answer "command set_name: 422 invalid (...)"."""
    match = _ANSWER.search(last_error or "")
    if match is None:
        return None, None
    return int(match.group(1)), match.group(2)


def plain_reason(status: int | None, code: str | None) -> str:
    """Why the server refused, in words a person understands."""
    if status is not None:
        for key in ((status, code), (status, None)):
            if key in REASONS:
                return QCoreApplication.translate(CONTEXT, str(REASONS[key]))
        return QCoreApplication.translate("Refusals", "the server refused it (%1)").replace(
            "%1", f"{status}{' ' + code if code else ''}"
        )
    return QCoreApplication.translate("Refusals", "the server refused it")


def describe_change(command_type: str, data: Mapping[str, Any], stage_names: Mapping[str, str]) -> str:
    """The change as the user made it: "'Sold'", "the stage 'Visit booked'", "a reply"."""
    match command_type:
        case CommandType.SET_SALE_STATUS:
            value = str(data.get("sale_status"))
            if known_label(SaleStatus, value) is None:
                return words.fill(QCoreApplication.translate("Refusals", "the sale status '%1'"), value)
            return "'" + words.label(SaleStatus, value) + "'"
        case CommandType.SET_FUNNEL_STAGE:
            stage = str(data.get("stage"))
            return words.fill(QCoreApplication.translate("Refusals", "the stage '%1'"), stage_names.get(stage, stage))
        case CommandType.SET_BOT_STATUS:
            status = str(data.get("bot_status"))
            return QCoreApplication.translate("Refusals", "the bot status '%1'").replace(
                "%1", words.label(BotStatus, status)
            )
        case CommandType.SET_FLAGS:
            flags = []
            if "mystery_shopper" in data:
                flags.append(
                    QCoreApplication.translate("Refusals", "mystery shopper")
                    if data["mystery_shopper"]
                    else QCoreApplication.translate("Refusals", "not a mystery shopper")
                )
            if "contractor" in data:
                flags.append(
                    QCoreApplication.translate("Refusals", "contractor")
                    if data["contractor"]
                    else QCoreApplication.translate("Refusals", "not a contractor")
                )
            return "'" + ", ".join(flags) + "'" if flags else QCoreApplication.translate("Refusals", "a flag")
        case CommandType.SET_NAME:
            return words.fill(QCoreApplication.translate("Refusals", "the name '%1'"), str(data.get("name")))
        case CommandType.MARK_REVIEWED:
            return QCoreApplication.translate("Refusals", "'Mark read'")
        case CommandType.SET_CONFIG:
            return QCoreApplication.translate("Refusals", "a change to the bot's configuration")
        case CommandType.SEND_MESSAGE:
            return QCoreApplication.translate("Refusals", "a reply")
    return QCoreApplication.translate("Refusals", "a change (%1)").replace("%1", command_type)


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
        return words.fill(
            QCoreApplication.translate("Refusals", "The server did not accept %1 for %2: %3."),
            self.change,
            self.who,
            self.reason,
        )


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
                who=name or phone or QCoreApplication.translate("Refusals", "a client"),
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
