"""``message_hours``: how many messages were sent in each UTC hour, by direction and author kind.

Analytics' messages per day counted 5,000,000 index entries for all time (0.35 s; SQLite's B-trees
keep no counts). This table holds the same counts per UTC hour (reactions left out, as the figure
wants), so a local day that begins and ends on a whole UTC hour is the sum of its 24 (23, 25) hours:
a few thousand rows instead of millions. Days of zones that are not a whole number of hours from UTC
are counted exactly from the messages (``leaddesk/db/analytics.py``).

The counts follow every write of a message, so they always equal a recount (:data:`RECOUNT`):

- rows the event applier inserts: :func:`count_new_messages`, one ``INSERT … SELECT`` per page over
  the rows above the page's starting rowid (as the search index does), not a trigger per row;
- rows LeadDesk writes itself (a reply queued in the outbox, ``outbox_id`` set): a trigger;
- a row whose hour, direction, author kind or reaction-ness changes (an upsert of a message the
  cache holds): a trigger that moves it from its old bucket to its new one;
- a row deleted (the local stand-in of a sent reply, every message of an erased contact by
  cascade): a trigger.

A bucket that falls to zero is deleted, so the table is always exactly its recount.
"""

from __future__ import annotations

import sqlite3

TABLE = "message_hours"


def _hour(row: str) -> str:
    """The UTC hour of a cache time as SQL (``2026-11-24T15:03:57Z`` → ``2026-11-24T15``)."""
    return f"substr({row}.sent_at, 1, 13)"


def _add(select: str) -> str:
    """An upsert adding the counts ``select`` gives (hour, direction, author kind, messages)."""
    return (
        f"INSERT INTO message_hours (hour, direction, author_kind, messages) {select} "
        "ON CONFLICT (hour, direction, author_kind) DO UPDATE SET messages = messages + excluded.messages"
    )


def _take_one(row: str) -> str:
    """Take a message away from its bucket, and the bucket away when it is empty."""
    bucket = f"hour = {_hour(row)} AND direction = {row}.direction AND author_kind = {row}.author_kind"
    return (
        f"UPDATE message_hours SET messages = messages - 1 WHERE {row}.type <> 'reaction' AND {bucket}; "
        f"DELETE FROM message_hours WHERE {bucket} AND messages <= 0"
    )


def _add_one(row: str) -> str:
    # "WHERE" keeps SQLite from reading the upsert's ON as a join constraint.
    return _add(f"SELECT {_hour(row)}, {row}.direction, {row}.author_kind, 1 WHERE {row}.type <> 'reaction'")


#: The triggers (migration 0011); the applier's own inserts are counted per page instead.
TRIGGERS = {
    "message_hours_after_local_insert": (
        "CREATE TRIGGER message_hours_after_local_insert AFTER INSERT ON messages "
        f"WHEN NEW.outbox_id IS NOT NULL BEGIN {_add_one('NEW')}; END"
    ),
    "message_hours_after_update": (
        "CREATE TRIGGER message_hours_after_update AFTER UPDATE OF sent_at, direction, author_kind, type "
        f"ON messages WHEN {_hour('OLD')} IS NOT {_hour('NEW')} OR OLD.direction IS NOT NEW.direction "
        "OR OLD.author_kind IS NOT NEW.author_kind OR (OLD.type = 'reaction') IS NOT (NEW.type = 'reaction') "
        f"BEGIN {_take_one('OLD')}; {_add_one('NEW')}; END"
    ),
    "message_hours_after_delete": (
        "CREATE TRIGGER message_hours_after_delete AFTER DELETE ON messages WHEN OLD.type <> 'reaction' "
        f"BEGIN {_take_one('OLD')}; END"
    ),
}

#: The counts from the messages themselves: the reference, and how the table is filled.
RECOUNT = (
    f"SELECT {_hour('messages')} AS hour, direction, author_kind, count(*) FROM messages "
    "WHERE type <> 'reaction' GROUP BY 1, 2, 3"
)

_COUNT_AFTER = _add(
    f"SELECT {_hour('messages')}, direction, author_kind, count(*) FROM messages "
    "WHERE rowid > ? AND type <> 'reaction' GROUP BY 1, 2, 3"
)


def count_new_messages(cursor: sqlite3.Cursor, after_rowid: int) -> None:
    """Add the messages inserted since ``newest_message_rowid`` returned ``after_rowid``
    (``leaddesk/db/search.py``: a new row's rowid is one above the highest)."""
    cursor.execute(_COUNT_AFTER, (after_rowid,))


def recount_all(cursor: sqlite3.Cursor) -> None:
    """Fill the table from every message (the migration, and caches written in bulk)."""
    cursor.execute("DELETE FROM message_hours")
    cursor.execute(f"INSERT INTO message_hours (hour, direction, author_kind, messages) {RECOUNT}")
