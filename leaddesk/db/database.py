"""Open a cache file: make the engine, migrate it, and hand out connections and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from leaddesk.db.engine import make_engine, make_session_factory
from leaddesk.db.migrate import migrate
from leaddesk.paths import media_dir_for


@dataclass
class Database:
    """One migrated cache file. Each thread takes its own connections from ``engine``."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session] = field(repr=False)
    backup: Path | None = None

    @property
    def media_dir(self) -> Path:
        return media_dir_for(self.path)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A connection in a transaction that commits on success and rolls back on error."""
        with self.engine.begin() as connection:
            yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path | str) -> Database:
    """Open (creating it if needed) and migrate the cache at ``path``.

    Raises ``leaddesk.db.migrate.NewerDatabaseError`` for a file made by a newer LeadDesk.
    """
    db_path = Path(path)
    engine = make_engine(db_path)
    try:
        made_backup = migrate(engine, db_path)
    except BaseException:
        engine.dispose()
        raise
    return Database(path=db_path, engine=engine, sessions=make_session_factory(engine), backup=made_backup)
