"""Shared fixtures: a real, migrated SQLite file per test, and folders that never touch the user's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from leaddesk.db.database import Database, open_database
from tests.support.i18n import english_catalogue
from tests.support.sync import MemoryKeyring


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point platformdirs (data, config, cache, logs) at a scratch home so no test touches the user's."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.delenv("LEADDESK_DB", raising=False)
    monkeypatch.delenv("LEADDESK_RELAY_URL", raising=False)
    monkeypatch.delenv("LEADDESK_RELAY_TOKEN", raising=False)
    return home


@pytest.fixture(autouse=True)
def english_words() -> Iterator[None]:
    """The window's English as an English desktop gets it: its catalogue loaded ("1 client", "2 clients").
    A test that needs another language says so with ``in_language``."""
    with english_catalogue():
        yield


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    yield opened
    opened.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The system keyring swapped for one in memory, so no test reads or writes the real one."""
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)
