"""Alembic's environment: migrations run on the engine LeadDesk hands over, never from an ini file."""

from __future__ import annotations

from alembic import context

from leaddesk.db.schema import Base, is_search_index_table

config = context.config
engine = config.attributes.get("engine")

if engine is None:  # pragma: no cover - only for `alembic revision --autogenerate` by a developer
    from leaddesk.db.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url", "dev.sqlite").removeprefix("sqlite:///"))

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        # The FTS5 search index (a virtual table and its shadow tables) is made by hand.
        include_name=lambda name, kind, _parents: kind != "table" or not is_search_index_table(name),
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
