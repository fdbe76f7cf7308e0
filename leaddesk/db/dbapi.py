"""The one way down from a SQLAlchemy connection to the ``sqlite3`` connection under it.

The event applier, the list's row reads and a few bulk reads run plain ``sqlite3`` (``executemany``,
tuples without SQLAlchemy's row objects) inside the caller's SQLAlchemy transaction; this is where
they get that connection.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import Connection


def dbapi_connection(connection: Connection) -> sqlite3.Connection:
    """The ``sqlite3`` connection under a SQLAlchemy one (same transaction)."""
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def dbapi_cursor(connection: Connection) -> sqlite3.Cursor:
    """A cursor of the ``sqlite3`` connection under a SQLAlchemy one (same transaction)."""
    return dbapi_connection(connection).cursor()
