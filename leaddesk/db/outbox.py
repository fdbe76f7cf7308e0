"""What a queued staff edit does to the cache, shared by the edit path and the event applier.

An edit shows at once: its effect is written to the contact when it is made. When a newer contact
state then arrives from the relay before the edit has been answered, the applier puts the effect of
every still-queued edit back on top, so the user never sees their edit flicker away.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from leaddesk.db.search_keys import refresh_search_keys
from leaddesk.domain import CommandType, OutboxState

#: What "pending edits" means, everywhere (the list's waiting clock and its tooltip, ``export clients``'s
#: ``pending_edits``, the history's "Edits waiting for the relay"): a contact's edits still queued for the
#: relay that change a field the list shows: sale status, stage, bot, flags, name. A queued reply, reviewed
#: mark or configuration change waits too, but is not a pending edit (the status bar counts every queued
#: command; see ``sync.engine.queued_edits``).
PENDING_EDIT_COMMANDS = (
    CommandType.SET_SALE_STATUS,
    CommandType.SET_FUNNEL_STAGE,
    CommandType.SET_BOT_STATUS,
    CommandType.SET_FLAGS,
    CommandType.SET_NAME,
)


def pending_edits_condition(outbox: str, contact_id: str) -> str:
    """The SQL condition that keeps the rows of table alias ``outbox`` that are pending edits of ``contact_id``."""
    types = ", ".join(f"'{command.value}'" for command in PENDING_EDIT_COMMANDS)
    return f"{outbox}.contact_id = {contact_id} AND {outbox}.state = 'queued' AND {outbox}.type IN ({types})"


def contact_changes(command_type: str, data: Mapping[str, Any], config: Mapping[str, Any]) -> dict[str, Any]:
    """The contact columns an edit sets, given the contact's current ``config`` object."""
    match command_type:
        case CommandType.SET_SALE_STATUS:
            return {"sale_status": data["sale_status"]}
        case CommandType.SET_FLAGS:
            return {key: bool(data[key]) for key in ("mystery_shopper", "contractor") if key in data}
        case CommandType.SET_FUNNEL_STAGE:
            return {"funnel_stage": data["stage"]}
        case CommandType.SET_BOT_STATUS:
            paused_until = data.get("until") if data["bot_status"] == "paused" else None
            return {"bot_status": data["bot_status"], "bot_paused_until": paused_until}
        case CommandType.MARK_REVIEWED:
            return {"unread": 0}
        case CommandType.SET_NAME:
            return {"name": data["name"]}
        case CommandType.SET_CONFIG:
            merged = dict(config)
            merged.update(data.get("set", {}))
            for key in data.get("unset", []):
                merged.pop(key, None)
            return {"config": json.dumps(merged, ensure_ascii=False, sort_keys=True)}
        case _:
            return {}


def apply_contact_changes(cursor: sqlite3.Cursor, contact_id: str, changes: Mapping[str, Any]) -> None:
    if not changes:
        return
    assignments = ", ".join(f"{column} = ?" for column in changes)
    cursor.execute(f"UPDATE contacts SET {assignments} WHERE id = ?", [*changes.values(), contact_id])
    if "name" in changes or "phone" in changes:
        refresh_search_keys(cursor, [contact_id])


def current_config(cursor: sqlite3.Cursor, contact_id: str) -> dict[str, Any]:
    row = cursor.execute("SELECT config FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    if row is None or not row[0]:
        return {}
    loaded = json.loads(row[0])
    return loaded if isinstance(loaded, dict) else {}


def overlay_queued_edits(cursor: sqlite3.Cursor, contact_ids: Iterable[str]) -> None:
    """Re-apply, in order, the effect of every queued edit of these contacts."""
    ids = list(contact_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = cursor.execute(
            f"SELECT contact_id, type, data FROM outbox WHERE state = ? AND contact_id IN ({marks}) ORDER BY id",
            [OutboxState.QUEUED, *chunk],
        ).fetchall()
        for contact_id, command_type, data in rows:
            changes = contact_changes(command_type, json.loads(data), current_config(cursor, contact_id))
            apply_contact_changes(cursor, contact_id, changes)
