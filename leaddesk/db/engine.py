"""The SQLAlchemy engine for one cache file: WAL, a busy timeout and foreign keys on every connection."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling issues BEGIN lazily and never for SELECT; turn it off
    # and let SQLAlchemy emit BEGIN itself (the documented recipe), so a read sees one snapshot.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin(connection: Any) -> None:
    # BEGIN IMMEDIATE would serialise readers behind the sync's writes; a plain BEGIN is enough
    # because every write transaction here starts with a write.
    connection.exec_driver_sql("BEGIN")


def make_engine(db_path: Path | str) -> Engine:
    """An engine on ``db_path`` (created if missing, with its folder)."""
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
