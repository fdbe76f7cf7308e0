"""The client list's search answered by a scan of every contact, without the term index (migration
0010): the reference the index's shortcut is held to."""

from __future__ import annotations

from sqlalchemy import Connection, text

from leaddesk.db.queries import ClientQuery, client_rowids_sql, search_region


def scanned(connection: Connection, query: ClientQuery) -> list[int]:
    """The rowids ``query`` matches, in its order, from the list's own ``WHERE`` over every contact."""
    sql, params = client_rowids_sql(query, search_region(connection, query))
    return [int(rowid) for rowid in connection.execute(text(sql), params).scalars()]
