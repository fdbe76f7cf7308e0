"""Search keys on contacts: a folded name and a normalized phone, indexed

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

The list's search is accent-blind and word-prefix based, and finds a phone number in any common
notation (``shared/cli-contract.md``, "The list's search"). Comparing folded text in Python would
read every client; instead each contact stores ``name_key`` (" jose jimenez") and ``phone_key``
("523334924018"), kept by the event applier and by name edits (``leaddesk/db/search_keys.py``), so
SQLite filters on them. This builds both for the rows already in the cache.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leaddesk.db.search_keys import refresh_search_keys

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable columns without a default: SQLite adds them in place, without copying the table.
    op.add_column("contacts", sa.Column("name_key", sa.String(), nullable=True))
    op.add_column("contacts", sa.Column("phone_key", sa.String(), nullable=True))
    connection = op.get_bind()
    driver = connection.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    ids = [row[0] for row in cursor.execute("SELECT id FROM contacts").fetchall()]
    refresh_search_keys(cursor, ids)
    op.create_index("ix_contacts_name_key", "contacts", ["name_key"])
    op.create_index("ix_contacts_phone_key", "contacts", ["phone_key"])


def downgrade() -> None:
    op.drop_index("ix_contacts_phone_key", "contacts")
    op.drop_index("ix_contacts_name_key", "contacts")
    # SQLite 3.35+ drops a column in place; a batch copy of contacts would trip the message triggers.
    op.execute("ALTER TABLE contacts DROP COLUMN phone_key")
    op.execute("ALTER TABLE contacts DROP COLUMN name_key")
