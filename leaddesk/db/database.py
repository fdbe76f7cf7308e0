"""Open a cache file: make the engine, migrate it, and hand out connections and sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from leaddesk.db.dbapi import dbapi_connection
from leaddesk.db.engine import READ_ONLY, bulk_write_settings, make_engine, make_session_factory
from leaddesk.db.migrate import migrate
from leaddesk.paths import media_dir_for


class DatabaseBusy(Exception):  # noqa: N818 - a state of the file, like the SQLite error it stands for
    """Another connection held the write lock for longer than the busy timeout; nothing was written."""


def is_busy(problem: BaseException) -> bool:
    """Whether ``problem`` is SQLite's "database is locked" (SQLITE_BUSY or SQLITE_LOCKED, any variant)."""
    error = problem.orig if isinstance(problem, OperationalError) else problem
    if not isinstance(error, sqlite3.OperationalError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(error) or "database is busy" in str(error)


@dataclass
class Database:
    """One migrated cache file. Each thread takes its own connections from ``engine``."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    backup: Path | None = None
    #: Set by :meth:`close`: deferred readers (the list's rest of its order) then read nothing.
    closed: bool = field(default=False, repr=False)

    @property
    def media_dir(self) -> Path:
        return media_dir_for(self.path)

    @contextmanager
    def write(self, *, bulk: bool = False) -> Iterator[Connection]:
        """A connection in a transaction that commits on success and rolls back on error.

        The transaction holds the write lock from its start (``BEGIN IMMEDIATE``), so what it reads
        stays true until it commits. Raises :class:`DatabaseBusy` (everything rolled back) when another
        program kept the lock past the busy timeout. ``bulk`` (the sync's pages): a larger page cache
        and rarer checkpoints for this transaction only (``engine.bulk_write_settings``).
        """
        try:
            with self.engine.connect() as connection:
                settings = bulk_write_settings(dbapi_connection(connection)) if bulk else nullcontext()
                with settings, connection.begin():
                    yield connection
        except (OperationalError, sqlite3.OperationalError) as problem:
            if is_busy(problem):
                raise DatabaseBusy(f"{self.path.name} stayed locked by another program") from problem
            raise

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading only: its transaction starts with a plain ``BEGIN`` and never waits
        for a writer (WAL). Whatever it might write is rolled back when it closes."""
        with self.engine.connect() as connection:
            connection.execution_options(**{READ_ONLY: True})
            yield connection

    def close(self) -> None:
        self.closed = True
        self.engine.dispose()


def open_database(path: Path | str, *, busy_timeout: int | None = None) -> Database:
    """Open (creating it if needed) and migrate the cache at ``path``.

    ``busy_timeout`` (milliseconds) is how long a write waits for another program's write; by default
    ``LEADDESK_BUSY_TIMEOUT_SECONDS`` or 10 s. Raises ``leaddesk.db.migrate.NewerDatabaseError`` for a
    file made by a newer LeadDesk, :class:`DatabaseBusy` when another program kept the file locked
    past the busy timeout while it had to be migrated.
    """
    db_path = Path(path)
    engine = make_engine(db_path, busy_timeout=busy_timeout)
    try:
        made_backup = migrate(engine, db_path)
    except (OperationalError, sqlite3.OperationalError) as problem:
        engine.dispose()
        if is_busy(problem):
            raise DatabaseBusy(f"{db_path.name} stayed locked by another program") from problem
        raise
    except BaseException:
        engine.dispose()
        raise
    return Database(path=db_path, engine=engine, sessions=make_session_factory(engine), backup=made_backup)
