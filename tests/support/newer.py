"""A cache file that a newer LeadDesk made: its schema revision is one this LeadDesk does not know."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from leaddesk.db.database import open_database


def stamp_future(db_path: Path) -> bytes:
    """Make ``db_path`` a database of a newer LeadDesk; returns its bytes, to check it stays untouched."""
    open_database(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    return db_path.read_bytes()
