"""The stairway: every migration up, down and up again, on a copy of the demo database, data checked each step.

The demo is made at the newest revision (through the applier, with a few staff edits queued), then
taken down revision by revision to the first one, so the oldest schema holds real data. From there
each migration goes up, down and up again. After every step each table still holds the demo's rows
(compared on the columns that exist at that revision), and after the second "up" the file is exactly
as after the first (schema and data). The revisions come from Alembic's ``ScriptDirectory``, so a
migration added later is covered without touching this file.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.script import Script, ScriptDirectory

from leaddesk import edits
from leaddesk.db.migrate import alembic_config, head_revision
from leaddesk.demo import ensure_demo_database
from tests.support.sync import migrate, sqlite

Rows = dict[str, list[tuple[Any, ...]]]


def revisions() -> list[Script]:
    """Every migration, oldest first (one straight line: a branch would fail here, as it should)."""
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1, "the migrations must form one line"
    return list(reversed(list(script.walk_revisions("base", "heads"))))


def _skipped_tables(connection: sqlite3.Connection) -> set[str]:
    """SQLite's own tables, Alembic's, and full-text indexes (virtual tables and their shadow tables)."""
    skipped = {"alembic_version"}
    for name, sql in connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"):
        if name.startswith("sqlite_"):
            skipped.add(name)
        if (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
            skipped.add(name)
            skipped.update(
                shadow
                for (shadow,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if shadow.startswith(name + "_")
            )
    return skipped


def columns(path: Path) -> dict[str, list[str]]:
    with sqlite(path) as connection:
        skipped = _skipped_tables(connection)
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: [c[1] for c in connection.execute(f'PRAGMA table_info("{t}")')] for t in tables if t not in skipped}


def rows(path: Path, shape: dict[str, list[str]] | None = None) -> Rows:
    """Every table's rows (sorted), on the given columns (default: all of this file's)."""
    shape = shape if shape is not None else columns(path)
    with sqlite(path) as connection:
        found: Rows = {}
        for table, names in shape.items():
            quoted = ", ".join(f'"{n}"' for n in names)
            found[table] = sorted(connection.execute(f'SELECT {quoted} FROM "{table}"').fetchall(), key=repr)
        return found


def schema(path: Path) -> dict[str, Any]:
    """The schema as SQLite describes it: columns, indexes, foreign keys, triggers (order of columns aside)."""
    with sqlite(path) as connection:
        skipped = _skipped_tables(connection)
        described: dict[str, Any] = {}
        for name, kind, sql in connection.execute(
            "SELECT name, type, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
        ):
            if name in skipped:
                continue
            if kind == "table":
                described[name] = (
                    sorted(connection.execute(f'PRAGMA table_info("{name}")').fetchall(), key=lambda c: c[1]),
                    sorted(tuple(f[2:5]) for f in connection.execute(f'PRAGMA foreign_key_list("{name}")')),
                )
            elif sql is not None:  # indexes and triggers by their SQL, spacing aside (not automatic indexes)
                described[name] = (kind, re.sub(r"\s+", " ", sql).replace('"', "").strip())
        return described


def on_common_columns(path: Path, reference: dict[str, list[str]]) -> dict[str, list[str]]:
    """The tables and columns that both this file and the reference shape have."""
    here = columns(path)
    return {t: [c for c in names if c in here[t]] for t, names in reference.items() if t in here}


@pytest.fixture(scope="module")
def demo_at_head(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The demo at the newest revision, with staff edits queued (outbox rows, a local reply)."""
    path = tmp_path_factory.mktemp("stairway") / "demo.sqlite"
    database = ensure_demo_database(path)
    try:
        with sqlite(path) as connection:
            first, second = (r[0] for r in connection.execute("SELECT id FROM contacts ORDER BY id LIMIT 2"))
        edits.set_sale_status(database, [first], "signed")
        edits.set_name(database, [second], "Nombre <b>nuevo</b>")
        edits.send_message(database, first, "¿Le queda bien el jueves?")
    finally:
        database.close()
    with sqlite(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield path


def test_the_demo_holds_data_in_every_table_it_fills(demo_at_head: Path) -> None:
    data = rows(demo_at_head)
    for table in ("contacts", "messages", "meetings", "surveys", "survey_answers", "funnel_changes", "outbox", "media"):
        assert data[table], f"the demo has no {table}: the stairway would check nothing there"


def test_every_migration_goes_up_down_and_up_again_keeping_the_data(demo_at_head: Path, tmp_path: Path) -> None:
    steps = revisions()
    assert steps[-1].revision == head_revision()
    path = tmp_path / "stairway.sqlite"
    shutil.copy(demo_at_head, path)
    full_shape = columns(path)
    demo = rows(path)

    # Down to the first revision, checking the data at each one.
    for step in reversed(steps[1:]):
        migrate(path, str(step.down_revision), down=True)
        shape = on_common_columns(path, full_shape)
        assert rows(path, shape) == rows(demo_at_head, shape), f"data changed going down from {step.revision}"

    # Up the stairway: each migration up, down, up again.
    for step in steps[1:]:
        migrate(path, step.revision)
        shape = on_common_columns(path, full_shape)
        assert rows(path, shape) == rows(demo_at_head, shape), f"data changed going up to {step.revision}"
        after_up, schema_up = rows(path), schema(path)

        migrate(path, str(step.down_revision), down=True)
        shape = on_common_columns(path, full_shape)
        assert rows(path, shape) == rows(demo_at_head, shape), f"data changed going down from {step.revision}"

        migrate(path, step.revision)
        assert schema(path) == schema_up, f"{step.revision} up after down gives another schema"
        assert rows(path) == after_up, f"{step.revision} up after down gives other data"

    assert rows(path) == demo
    assert schema(path) == schema(demo_at_head)


def test_every_migration_goes_up_down_and_up_again_on_an_empty_file(tmp_path: Path) -> None:
    """The first revision too: down from it to nothing and up again gives the same schema."""
    path = tmp_path / "empty.sqlite"
    for step in revisions():
        migrate(path, step.revision)
        schema_up = schema(path)
        migrate(path, str(step.down_revision) if step.down_revision else "base", down=True)
        migrate(path, step.revision)
        assert schema(path) == schema_up, f"{step.revision} up after down gives another schema"
