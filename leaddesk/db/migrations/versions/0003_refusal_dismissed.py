"""Remember which refused edits the user has dismissed

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

A refused edit (outbox state ``refused``) is told in the profile's Overview until the user dismisses
it; ``outbox.dismissed_at`` records when, so the notice stays gone after the profile is reopened.
Existing rows get NULL: every refusal already in the cache is shown once more, until dismissed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A nullable column with no default: SQLite adds it in place (no table copy), whatever the outbox holds.
    op.add_column("outbox", sa.Column("dismissed_at", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("dismissed_at")
