"""Helpers for the sync tests: a whole-database snapshot to compare, an in-memory keyring, a runner."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import keyring.backend
from alembic import command

from leaddesk.db.database import Database
from leaddesk.db.engine import make_engine
from leaddesk.db.migrate import alembic_config, current_revision
from leaddesk.sync.client import RelayClient
from leaddesk.sync.engine import RetryPolicy, SyncEngine, SyncSummary

#: Columns that record when something happened locally, not what the state is.
VOLATILE = {
    "media": ("fetched_at",),
    "outbox": ("answered_at", "attempts", "created_at"),
    "edit_conflicts": ("at", "id"),
    "erased_contacts": ("erased_at",),
}
TABLES = (
    "contacts",
    "messages",
    "pending_statuses",
    "media",
    "meetings",
    "surveys",
    "survey_answers",
    "funnel_changes",
    "funnel_stages",
    "outbox",
    "edit_conflicts",
    "erased_contacts",
    "sync_state",
)


@contextmanager
def sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection that commits and, unlike ``with sqlite3.connect()``, closes."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            yield connection
    finally:
        connection.close()


def migrate(path: Path, target: str, *, down: bool = False) -> None:
    """Take the cache file at ``path`` up (or ``down``) to Alembic revision ``target``, checked."""
    engine = make_engine(path)
    try:
        (command.downgrade if down else command.upgrade)(alembic_config(engine), target)
        assert current_revision(engine) == (None if target == "base" else target)
    finally:
        engine.dispose()


def snapshot(path: Path, *, with_outbox: bool = True) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (sorted), minus local timestamps, for exact state comparisons."""
    connection = sqlite3.connect(path)
    try:
        state: dict[str, list[tuple[Any, ...]]] = {}
        for table in TABLES:
            if table == "outbox" and not with_outbox:
                continue
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            keep = [c for c in columns if c not in VOLATILE.get(table, ())]
            where = " WHERE key NOT IN ('last_sync_at')" if table == "sync_state" else ""
            rows = connection.execute(f"SELECT {', '.join(keep)} FROM {table}{where}").fetchall()
            state[table] = sorted(rows, key=repr)
        return state
    finally:
        connection.close()


def fast_retry(max_seconds: float = 10.0) -> RetryPolicy:
    return RetryPolicy(max_seconds=max_seconds, base=0.01, cap=0.05)


def run_sync(database: Database, url: str, token: str, **kwargs: Any) -> SyncSummary:
    kwargs.setdefault("retry", fast_retry())
    with RelayClient(url, token, read_timeout=kwargs.pop("read_timeout", 5.0)) as client:
        return SyncEngine(database, client, **kwargs).run_cycle()


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in memory, so tests never touch the system's."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            import keyring.errors

            raise keyring.errors.PasswordDeleteError(username)
