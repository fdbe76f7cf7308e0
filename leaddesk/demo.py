"""The demo database. (Built by the demo/CLI work.)"""

from __future__ import annotations

from pathlib import Path

from leaddesk.db.database import Database, open_database


def ensure_demo_database(path: Path) -> Database:
    return open_database(path)
