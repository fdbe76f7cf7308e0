"""A first sync's contact aggregates, counted once at its end instead of once per page.

A first sync into an empty cache writes every contact's ``message_count``, ``last_activity`` and
``first_message_at`` from scratch; updating them page by page (one UPDATE per contact per page, each
moving entries of two indexes) cost it about a sixth of its time. Instead the pull leaves them and
:func:`recount_aggregates` sets them from the messages in one statement when the pull ends.

``sync_state.aggregates_pending`` says a recount is owed. It is stored before the first page, so a
sync killed midway leaves it set and the next sync (which goes on deferring) owes the same recount:
the figures are never left wrong once a sync has finished, whatever happened in between.
"""

from __future__ import annotations

import sqlite3

#: ``sync_state`` key: "1" while the contact aggregates wait for :func:`recount_aggregates`.
AGGREGATES_PENDING = "aggregates_pending"


def aggregates_pending(cursor: sqlite3.Cursor) -> bool:
    row = cursor.execute("SELECT value FROM sync_state WHERE key = ?", (AGGREGATES_PENDING,)).fetchone()
    return row is not None and row[0] == "1"


def start_deferring(cursor: sqlite3.Cursor) -> bool:
    """Whether this pull may leave the aggregates for the end (marking it so): a first sync into a cache
    without messages, or the go-on of one that was interrupted."""
    if aggregates_pending(cursor):
        return True
    if cursor.execute("SELECT EXISTS (SELECT 1 FROM messages)").fetchone()[0]:
        return False
    cursor.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = '1'",
        (AGGREGATES_PENDING,),
    )
    return True


def recount_aggregates(cursor: sqlite3.Cursor) -> None:
    """Every contact's message count, last activity and first message, from its messages; the debt is paid."""
    cursor.execute(
        "UPDATE contacts SET "
        "message_count = (SELECT count(*) FROM messages m WHERE m.contact_id = contacts.id), "
        "last_activity = (SELECT max(m.sent_at) FROM messages m WHERE m.contact_id = contacts.id), "
        # ORDER BY ... LIMIT 1 stops at the first message that is not a reaction (as migration 0007).
        "first_message_at = (SELECT m.sent_at FROM messages m "
        "WHERE m.contact_id = contacts.id AND m.type <> 'reaction' ORDER BY m.sent_at LIMIT 1)"
    )
    cursor.execute("DELETE FROM sync_state WHERE key = ?", (AGGREGATES_PENDING,))
