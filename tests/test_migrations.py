"""Opening and migrating cache files: empty, with data, from a newer LeadDesk; and the engine's settings."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from leaddesk.db.database import open_database
from leaddesk.db.migrate import NewerDatabaseError, backup, current_revision, head_revision
from tests.support.newer import stamp_future


def test_an_empty_file_is_upgraded_to_the_newest_schema(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        assert current_revision(database.engine) == head_revision()
        assert database.backup is None  # nothing to back up in a new file
        with database.read() as connection:
            tables = {r[0] for r in connection.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
            triggers = {r[0] for r in connection.execute(text("SELECT name FROM sqlite_master WHERE type='trigger'"))}
        assert {"contacts", "messages", "outbox", "erased_contacts", "sync_state"} <= tables
        assert "messages_after_insert" in triggers
    finally:
        database.close()


def test_a_file_with_data_keeps_it_and_is_not_backed_up_when_current(db_path: Path) -> None:
    database = open_database(db_path)
    with database.write() as connection:
        connection.execute(
            text("INSERT INTO contacts (id, phone, name, version) VALUES ('ct_1', '+34612345678', 'Eva', 3)")
        )
    database.close()
    again = open_database(db_path)
    try:
        assert again.backup is None
        with again.read() as connection:
            assert connection.execute(text("SELECT name, version FROM contacts")).all() == [("Eva", 3)]
    finally:
        again.close()
    assert not list(db_path.parent.glob("*.backup-*"))


def test_backup_copies_the_data_and_keeps_only_the_newest_three(db_path: Path) -> None:
    database = open_database(db_path)
    with database.write() as connection:
        connection.execute(text("INSERT INTO contacts (id, name) VALUES ('ct_1', 'Eva')"))
    database.close()
    made = [backup(db_path, "0001") for _ in range(5)]
    assert made[-1].exists()
    copy = sqlite3.connect(made[-1])
    try:
        assert copy.execute("SELECT name FROM contacts").fetchall() == [("Eva",)]
    finally:
        copy.close()
    assert len(list(db_path.parent.glob(f"{db_path.stem}.backup-*"))) == 3


def test_a_database_from_a_newer_leaddesk_is_refused_and_left_alone(db_path: Path) -> None:
    before = stamp_future(db_path)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(db_path)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.backup-*"))


def test_the_cli_exits_2_with_a_clear_message_on_a_newer_database(db_path: Path) -> None:
    before = stamp_future(db_path)
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db_path), "export", "clients", "--format", "json"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "newer version of LeadDesk" in done.stderr
    assert done.stdout == ""
    assert db_path.read_bytes() == before


def test_every_connection_uses_wal_foreign_keys_and_a_busy_timeout(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with database.read() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() >= 1000
    finally:
        database.close()
