"""How many clients have messages the team has not read: the tray's tooltip and the icon's badge."""

from __future__ import annotations

from leaddesk.db.database import Database


def unread_clients(database: Database) -> int:
    """Clients with at least one unread message (a read mark queued for the relay counts as read)."""
    with database.read() as connection:
        row = connection.exec_driver_sql("SELECT count(*) FROM contacts WHERE unread > 0").first()
    return int(row[0]) if row is not None else 0
