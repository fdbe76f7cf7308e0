"""The SQLAlchemy engine for one cache file: WAL, a busy timeout and foreign keys on every connection.

Two writers share the file (the window's sync worker and a profile's Save, or a ``leaddesk set`` in a
terminal). A transaction that starts with a plain ``BEGIN``, reads, and then writes fails at once
with ``SQLITE_BUSY_SNAPSHOT`` when the other connection committed in between, and the busy timeout
does not help. So every transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock before
its first read and waits (up to the busy timeout) for the other writer to commit. Only a connection
marked read-only (:data:`READ_ONLY`, set by ``Database.read()``) starts with a plain ``BEGIN``, so the
window's reads never wait behind the sync's writes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
#: How long a write waits for another program's write to finish, in seconds (default 10).
ENV_BUSY_TIMEOUT = "LEADDESK_BUSY_TIMEOUT_SECONDS"
#: Execution option of a connection whose transactions only read: they start with a plain ``BEGIN``.
READ_ONLY = "leaddesk_read_only"


def busy_timeout_ms() -> int:
    """The busy timeout: ``LEADDESK_BUSY_TIMEOUT_SECONDS`` if it is a usable number, else 10 s."""
    try:
        seconds = float(os.environ.get(ENV_BUSY_TIMEOUT, BUSY_TIMEOUT_MS / 1000))
    except ValueError:
        return BUSY_TIMEOUT_MS
    return int(seconds * 1000) if 0 <= seconds <= 3600 else BUSY_TIMEOUT_MS


def _connection_setup(timeout_ms: int) -> Any:
    def configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's own transaction handling issues BEGIN lazily and never for SELECT; turn it off
        # and let SQLAlchemy emit BEGIN itself (the documented recipe), so a read sees one snapshot.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # The busy timeout first: even switching to WAL may have to wait for another connection.
        cursor.execute(f"PRAGMA busy_timeout={int(timeout_ms)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return configure


#: Page cache of a connection writing in bulk (KiB, as SQLite's negative ``cache_size``). The default
#: (2 MB) is smaller than what a group of sync pages dirties in the message indexes, so SQLite spilled
#: pages into the WAL mid-transaction and read them back: a first sync's inserts ran ~40% longer.
BULK_CACHE_KIB = 65_536
#: WAL pages after which a bulk writer's commit checkpoints (SQLite's default: 1,000). Every group of
#: sync pages wrote more than 1,000, so each commit also copied the WAL into the file and synced it.
BULK_AUTOCHECKPOINT_PAGES = 10_000


@contextmanager
def bulk_write_settings(dbapi_connection: sqlite3.Connection) -> Iterator[None]:
    """A larger page cache and rarer checkpoints on ``dbapi_connection`` for the block (which must hold
    the whole transaction, commit included); its own settings again after it, so the window's other
    uses of a pooled connection keep SQLite's defaults."""
    cache = int(dbapi_connection.execute("PRAGMA cache_size").fetchone()[0])
    autocheckpoint = int(dbapi_connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    dbapi_connection.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {BULK_AUTOCHECKPOINT_PAGES}")
    try:
        yield
    finally:
        dbapi_connection.execute(f"PRAGMA cache_size = {cache}")
        dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {autocheckpoint}")


def _begin(connection: Any) -> None:
    if connection.get_execution_options().get(READ_ONLY):
        connection.exec_driver_sql("BEGIN")
    else:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(db_path: Path | str, *, busy_timeout: int | None = None) -> Engine:
    """An engine on ``db_path`` (created if missing, with its folder).

    ``busy_timeout`` (milliseconds) defaults to :func:`busy_timeout_ms`.
    """
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}", future=True)
    timeout = busy_timeout_ms() if busy_timeout is None else busy_timeout
    event.listen(engine, "connect", _connection_setup(timeout))
    event.listen(engine, "begin", _begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
