"""Bring a cache file to the newest schema: refuse a newer one, back it up, then run Alembic."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

from leaddesk.db.engine import READ_ONLY
from leaddesk.paths import migrations_dir

#: How many backups of one database file to keep.
BACKUPS_KEPT = 3


class NewerDatabaseError(RuntimeError):
    """The file was made by a newer LeadDesk; opening it with this one could damage it."""


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        connection.execution_options(**{READ_ONLY: True})  # only a look: no write lock
        return MigrationContext.configure(connection).get_current_revision()


def backup(db_path: Path, revision: str | None) -> Path:
    """Copy the database with SQLite's online backup API (consistent even in WAL mode)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = db_path.with_name(f"{db_path.stem}.backup-{revision or 'none'}-{stamp}{db_path.suffix}")
    source = sqlite3.connect(db_path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    old = sorted(db_path.parent.glob(f"{db_path.stem}.backup-*{db_path.suffix}"))
    for stale in old[:-BACKUPS_KEPT]:
        stale.unlink(missing_ok=True)
    return target


def migrate(engine: Engine, db_path: Path) -> Path | None:
    """Upgrade to the newest schema. Returns the backup made, if an existing schema was upgraded.

    Raises :class:`NewerDatabaseError` for a database whose revision this LeadDesk does not know.
    """
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    head = script.get_current_head()
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError:
            raise NewerDatabaseError(
                f"{db_path} was made by a newer version of LeadDesk (schema {current}). "
                "Update LeadDesk to open it; this version will not change the file."
            ) from None
    if current == head:
        return None
    made = backup(db_path, current) if current is not None else None
    command.upgrade(alembic_config(engine), "head")
    return made
