"""Analytics reads kept counts: messages per UTC hour, and the stages each client reached

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30

- ``message_hours``: the messages of each UTC hour by direction and author kind, reactions left
  out (``leaddesk/db/message_hours.py``). Messages per local day become sums of 24 hours instead of
  counts of 5,000,000 index entries (0.35 s → a few ms at 250,000 clients). Kept by the applier per
  page and by triggers for LeadDesk's own messages, changed rows and deletions; filled here.
- ``contacts.stages_reached`` (``leaddesk/db/stages_reached.py``): the stages a client's funnel changes
  went to, as a sorted JSON array, so the stages reached are a ``GROUP BY`` instead of a look-up of
  each client's changes (0.4 s). Kept by the applier; filled here.
- ``ix_contacts_analytics`` gains ``stages_reached`` after ``sentiment``: one walk of the index groups
  the clients by stage, sale status, sentiment and stages reached.
- ``ix_meetings_status_starts_at``: meetings per status are a walk of this index less the flagged
  clients' meetings, instead of a look-up of every meeting's client (0.07–0.25 s).

See ``leaddesk/db/analytics.py`` and ``benchmarks/bench_analytics.py``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from leaddesk.db import message_hours, stages_reached
from leaddesk.db.dbapi import dbapi_cursor

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_INDEX = ["funnel_stage", "sale_status", "sentiment", "first_message_at", "mystery_shopper", "contractor", "id"]
_NEW_INDEX = [*_OLD_INDEX[:3], "stages_reached", *_OLD_INDEX[3:]]


def upgrade() -> None:
    op.create_table(
        "message_hours",
        sa.Column("hour", sa.String(), nullable=False),
        sa.Column("direction", sa.String(), nullable=False),
        sa.Column("author_kind", sa.String(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("hour", "direction", "author_kind", name=op.f("pk_message_hours")),
        sqlite_with_rowid=False,
    )
    for statement in message_hours.TRIGGERS.values():
        op.execute(statement)
    # Nullable without a default: SQLite adds it in place, without copying the table.
    op.add_column("contacts", sa.Column("stages_reached", sa.String(), nullable=True))
    cursor = dbapi_cursor(op.get_bind())
    message_hours.recount_all(cursor)
    stages_reached.fill_all(cursor)
    op.drop_index("ix_contacts_analytics", table_name="contacts")
    op.create_index("ix_contacts_analytics", "contacts", _NEW_INDEX)
    op.create_index("ix_meetings_status_starts_at", "meetings", ["status", "starts_at"])


def downgrade() -> None:
    op.drop_index("ix_meetings_status_starts_at", table_name="meetings")
    op.drop_index("ix_contacts_analytics", table_name="contacts")
    op.create_index("ix_contacts_analytics", "contacts", _OLD_INDEX)
    op.execute("ALTER TABLE contacts DROP COLUMN stages_reached")
    for name in message_hours.TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
    op.drop_table("message_hours")
