"""The local SQLite cache: schema, engine, migrations and queries."""
