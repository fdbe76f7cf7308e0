"""Shared fixtures: a real, migrated SQLite file per test, and folders that never touch the user's."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from leaddesk.db.database import Database, open_database
from leaddesk.demo import ensure_demo_database
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


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cache.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once for the whole run (about a second)."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ensure_demo_database(path).close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo database of the test's own (a test may edit it)."""
    copy = tmp_path / "demo.sqlite"
    shutil.copy(demo_file, copy)
    database = open_database(copy)
    yield database
    database.close()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The system keyring swapped for one in memory, so no test reads or writes the real one."""
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def english_words(request: pytest.FixtureRequest) -> Iterator[None]:
    """Tests of Qt code see the program's English as a user does: "3 clients", not the source's
    "3 client(s)" (English plural forms come from leaddesk_en.qm, loaded at start-up)."""
    uses_qt = {"qtbot", "qapp"} & set(request.fixturenames) or any(
        str(getattr(value, "__module__", "")).startswith("PySide6") for value in vars(request.module).values()
    )
    if not uses_qt:
        yield
        return
    request.getfixturevalue("qapp")
    from tests.support.i18n import in_language

    with in_language("en"):
        yield
