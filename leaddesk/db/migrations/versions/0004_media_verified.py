"""Media rows say whether LeadDesk verified the file; hashes that are not sha256 are bad

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

A media ``sha256`` from the relay names a cached file only when it is 64 lowercase hex characters;
any other value (a relative or absolute path, a Windows path, 63 or 65 characters) marks the media
``bad``: kept, never fetched, never looked up on disk. ``ok`` becomes ``cached``, set only after
LeadDesk wrote the file itself and checked its hash. Rows that were ``ok`` are kept as ``cached``
only where the stored path is the one LeadDesk gives such a file; any other is fetched again, and its
old path is forgotten (never opened, never deleted). An index on ``local_path`` keeps the look-ups
"does another row use this file?" quick.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOT_SHA256 = "(sha256 IS NULL OR length(sha256) != 64 OR sha256 GLOB '*[^0-9a-f]*')"


def upgrade() -> None:
    op.execute(
        "UPDATE media SET state = 'bad', local_path = NULL "
        f"WHERE NOT (kind = 'card' AND sha256 IS NULL) AND {_NOT_SHA256}"
    )
    op.execute(
        "UPDATE media SET state = 'cached' WHERE state = 'ok' AND sha256 IS NOT NULL "
        "AND local_path = substr(sha256, 1, 2) || '/' || sha256"
    )
    op.execute(
        "UPDATE media SET state = 'cached' WHERE state = 'ok' AND kind = 'card' AND sha256 IS NULL "
        "AND local_path GLOB 'cards/?*' AND substr(local_path, 7) NOT GLOB '*[^A-Za-z0-9_.-]*' "
        "AND local_path NOT IN ('cards/.', 'cards/..')"
    )
    op.execute("UPDATE media SET state = 'missing', local_path = NULL, fetched_at = NULL WHERE state = 'ok'")
    op.create_index("ix_media_local_path", "media", ["local_path"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_media_local_path", table_name="media")
    op.execute("UPDATE media SET state = 'ok' WHERE state = 'cached'")
