"""The migrations at head give exactly the schema that ``leaddesk/db/schema.py`` describes.

Two definitions of one schema drift apart unless something compares them: Alembic's
``compare_metadata`` compares tables, columns, types, server defaults, indexes and foreign keys;
indexes on expressions (``last_activity DESC``, ``name COLLATE NOCASE``) and partial ones, which
SQLite's reflection cannot describe, are compared by their SQL. Full-text (FTS5) virtual tables and
their shadow tables are made by migrations only and are left out.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateIndex

from leaddesk.db.database import open_database
from leaddesk.db.schema import Base
from tests.support.sync import sqlite


def full_text_tables(connection: sqlite3.Connection) -> set[str]:
    """Virtual tables and the shadow tables SQLite keeps for them (``<name>_data``, ``_idx``...)."""
    tables = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = {name for name, sql in tables if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")}
    return virtual | {name for name, _ in tables for v in virtual if name.startswith(v + "_")}


def _sql(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace('"', "")).strip()


def schema_differences(engine: Engine, path: Path) -> list[Any]:
    """What differs between the migrated file and ``Base.metadata``; empty when they agree."""
    with sqlite(path) as connection:
        skipped = full_text_tables(connection)
        indexes = {
            name: _sql(sql)
            for name, table, sql in connection.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            )
            if table not in skipped
        }
    textual = {
        index.name: _sql(str(CreateIndex(index).compile(dialect=sqlite_dialect.dialect())))
        for table in Base.metadata.sorted_tables
        for index in table.indexes
    }

    def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        if type_ == "table" and name in skipped:
            return False
        return type_ != "index"  # indexes are compared by their SQL below, expressions included

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "compare_server_default": True, "include_object": include_object},
        )
        found: list[Any] = list(compare_metadata(context, Base.metadata))
    for name in sorted(set(indexes) | set(textual)):
        if indexes.get(name) != textual.get(name):
            found.append(("index", name, "migrations:", indexes.get(name), "schema.py:", textual.get(name)))
    return found


def test_the_migrations_at_head_give_exactly_the_schema_classes(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        assert schema_differences(database.engine, db_path) == []
    finally:
        database.close()


def test_the_comparison_sees_a_column_and_an_index_that_schema_py_lacks(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with sqlite(db_path) as connection:
            connection.execute("ALTER TABLE contacts ADD COLUMN nickname TEXT")
            connection.execute("DROP INDEX ix_messages_reaction_to")
            connection.execute("CREATE INDEX ix_messages_reaction_to ON messages (reaction_to)")  # no longer partial
        found = schema_differences(database.engine, db_path)
    finally:
        database.close()
    assert any(d[0] == "remove_column" and d[3].name == "nickname" for d in found if isinstance(d, tuple)), found
    assert any(d[:2] == ("index", "ix_messages_reaction_to") for d in found if isinstance(d, tuple)), found


def test_full_text_tables_are_left_out(db_path: Path) -> None:
    database = open_database(db_path)
    try:
        with sqlite(db_path) as connection:
            # Migration 0006 makes the search index by hand; SQLAlchemy's metadata cannot describe it.
            assert {"messages_fts", "messages_fts_data", "messages_fts_config"} <= full_text_tables(connection)
        assert schema_differences(database.engine, db_path) == []
    finally:
        database.close()
