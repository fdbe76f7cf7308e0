"""An index of messages by time, for the Analytics page

Revision ID: 0007
Revises: 0003
Create Date: 2026-11-30

``messages_per_day`` counts messages (reactions left out) by local calendar day, in and out by
author. Without an index SQLite reads every message row and sorts them all by day (seconds on five
million messages); with this partial, covering index it walks the index one day at a time, in order,
and sorts nothing (``leaddesk/db/analytics.py``, ``benchmarks/bench_analytics.py``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_messages_sent_at_direction_author_kind",
        "messages",
        ["sent_at", "direction", "author_kind"],
        sqlite_where=sa.text("type <> 'reaction'"),
    )


def downgrade() -> None:
    op.drop_index("ix_messages_sent_at_direction_author_kind", table_name="messages")
