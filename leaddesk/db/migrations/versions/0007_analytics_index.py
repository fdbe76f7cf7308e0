"""What the Analytics page needs to stay quick: each contact's first message, and two indexes

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30

- ``contacts.first_message_at``: the time of the contact's first message that is not a reaction,
  kept by the applier like ``last_activity``. The client figures count by it (a date range counts
  the clients whose first message falls in it), and finding it per contact in the messages costs a
  lookup per client (3 s on 250,000 clients). Filled here from the messages already cached, and
  indexed: new clients per day are counts of its ranges.
- ``ix_messages_direction_author_kind_sent_at`` (partial: no reactions, covering): messages per
  local day, in and out by author, are then counts of short index ranges; without it SQLite reads
  every message row and sorts them by day.
- ``ix_funnel_changes_contact_id_at_to_stage`` (covering): the funnel's stays and stages reached
  walk it in order without a table lookup per change.

See ``leaddesk/db/analytics.py`` and ``benchmarks/bench_analytics.py``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("contacts", sa.Column("first_message_at", sa.String(), nullable=True))
    op.create_index("ix_contacts_first_message_at", "contacts", ["first_message_at"])
    op.create_index(
        "ix_messages_direction_author_kind_sent_at",
        "messages",
        ["direction", "author_kind", "sent_at"],
        sqlite_where=sa.text("type <> 'reaction'"),
    )
    op.create_index("ix_funnel_changes_contact_id_at_to_stage", "funnel_changes", ["contact_id", "at", "to_stage"])
    # ORDER BY ... LIMIT 1 stops at the first message that is not a reaction (min() would read them all).
    op.execute(
        "UPDATE contacts SET first_message_at = (SELECT m.sent_at FROM messages m "
        "WHERE m.contact_id = contacts.id AND m.type <> 'reaction' ORDER BY m.sent_at LIMIT 1)"
    )


def downgrade() -> None:
    op.drop_index("ix_funnel_changes_contact_id_at_to_stage", table_name="funnel_changes")
    op.drop_index("ix_messages_direction_author_kind_sent_at", table_name="messages")
    op.drop_index("ix_contacts_first_message_at", table_name="contacts")
    # SQLite drops a column in place (3.35+); a table copy would trip over the triggers on messages.
    op.execute("ALTER TABLE contacts DROP COLUMN first_message_at")
