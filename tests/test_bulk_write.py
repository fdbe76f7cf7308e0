"""A bulk write (the sync's pages) gets a larger page cache and rarer checkpoints for its own transaction
only: the pooled connection goes back to SQLite's defaults for the window's next write or read."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, text

from leaddesk.db.database import Database
from leaddesk.db.engine import BULK_AUTOCHECKPOINT_PAGES, BULK_CACHE_KIB


def _settings(connection: Connection) -> tuple[int, int]:
    return (
        int(connection.execute(text("PRAGMA cache_size")).scalar_one()),
        int(connection.execute(text("PRAGMA wal_autocheckpoint")).scalar_one()),
    )


def test_bulk_settings_last_for_the_transaction_only(database: Database) -> None:
    with database.write() as connection:
        defaults = _settings(connection)
    with database.write(bulk=True) as connection:
        assert _settings(connection) == (-BULK_CACHE_KIB, BULK_AUTOCHECKPOINT_PAGES)
        connection.execute(text("INSERT INTO sync_state (key, value) VALUES ('probe', '1')"))
    with database.write() as connection:
        assert _settings(connection) == defaults
    with database.read() as connection:
        assert _settings(connection) == defaults
        assert connection.execute(text("SELECT value FROM sync_state WHERE key = 'probe'")).scalar_one() == "1"


def test_a_failed_bulk_write_rolls_back_and_restores_the_settings(database: Database) -> None:
    with database.write() as connection:
        defaults = _settings(connection)
    with pytest.raises(RuntimeError), database.write(bulk=True) as connection:
        connection.execute(text("INSERT INTO sync_state (key, value) VALUES ('probe', '1')"))
        raise RuntimeError("the page failed")
    with database.write() as connection:
        assert _settings(connection) == defaults
        assert connection.execute(text("SELECT count(*) FROM sync_state WHERE key = 'probe'")).scalar_one() == 0
