"""Where LeadDesk keeps its files, and the one way to find a bundled resource, frozen or not."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP_NAME = "LeadDesk"
APP_AUTHOR = "LeadDesk"


def data_dir() -> Path:
    """The per-user data folder (the database, the media cache, backups)."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """``LEADDESK_DB`` if set, else ``leaddesk.sqlite`` in the data folder."""
    override = os.environ.get("LEADDESK_DB")
    if override:
        return Path(override)
    return data_dir() / "leaddesk.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def media_dir_for(db_path: Path) -> Path:
    """The media cache beside a database, so a demo or test database never shares one."""
    return db_path.with_name(db_path.stem + "-media")


def resource(name: str) -> Traversable:
    """A file under ``resources/`` (installed as the ``leaddesk.resources`` package).

    ``importlib.resources`` finds it in a source checkout, an installed wheel and a PyInstaller
    bundle alike, so no code asks whether it is frozen.
    """
    node = resources.files("leaddesk.resources")
    for part in name.split("/"):
        node = node / part
    return node


def resource_file(name: str) -> AbstractContextManager[Path]:
    """A real file-system path for a resource (for APIs that want a path), as a context manager."""
    return resources.as_file(resource(name))


def migrations_dir() -> Path:
    """The Alembic script folder. Alembic reads it from disk, so it ships as plain files."""
    return Path(str(resources.files("leaddesk.db") / "migrations"))
