"""Small key/value facts in ``sync_state``: the event cursor, the account, skipped-event counters."""

from __future__ import annotations

from sqlalchemy import Connection, text

CURSOR = "cursor"
ACCOUNT_NAME = "account_name"
ACCOUNT_ID = "account_id"
AGENT_NAME = "agent_name"
AGENT_ID = "agent_id"
AGENT_ROLE = "agent_role"
LAST_SYNC_AT = "last_sync_at"
UNKNOWN_EVENTS = "unknown_events"
BAD_EVENTS = "bad_events"


def get_state(connection: Connection, key: str) -> str | None:
    row = connection.execute(text("SELECT value FROM sync_state WHERE key = :key"), {"key": key}).first()
    return None if row is None else row[0]


def set_state(connection: Connection, key: str, value: str | None) -> None:
    connection.execute(
        text(
            "INSERT INTO sync_state (key, value) VALUES (:key, :value) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ),
        {"key": key, "value": value},
    )


def add_to_counter(connection: Connection, key: str, amount: int) -> None:
    if amount:
        current = int(get_state(connection, key) or 0)
        set_state(connection, key, str(current + amount))
