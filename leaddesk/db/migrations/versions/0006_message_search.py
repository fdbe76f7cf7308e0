"""Search every message: an FTS5 index over message text and voice transcripts

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

``messages_fts`` is an external-content FTS5 table keyed by the rowid of ``messages``: it stores only
the index, the words themselves stay in ``messages``. ``unicode61 remove_diacritics 2`` makes it
case- and accent-blind ("recamara" finds "recámara"); the prefix indexes make a search for the
start of a word (two or three letters) one lookup instead of a scan of every word that starts so.
``columnsize=0``: nothing ranks by bm25 (hits are shown newest first), so no per-row sizes are kept.

An external-content index must be told the exact old values of a row it forgets. So:

- the event applier adds each page's new messages with one ``INSERT … SELECT`` per page
  (``leaddesk.db.search.index_new_messages``; a trigger per row cost a first sync three times as much);
- a trigger adds the messages LeadDesk writes itself (a queued reply, which has an ``outbox_id``);
- triggers take out a deleted message (an erased client's cascade too) and re-index a message whose
  text or transcript changed.

Every message row is in the index, even one without any text, so every delete is exact. An existing
cache is indexed once here with FTS5's ``rebuild``.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE messages_fts USING fts5(text, transcript, content='messages', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3', columnsize=0)"
    )
    op.execute(
        """
        CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages WHEN NEW.outbox_id IS NOT NULL BEGIN
            INSERT INTO messages_fts (rowid, text, transcript) VALUES (NEW.rowid, NEW.text, NEW.transcript);
        END
        """
    )
    op.execute(
        """
        CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text, transcript)
            VALUES ('delete', OLD.rowid, OLD.text, OLD.transcript);
        END
        """
    )
    op.execute(
        """
        CREATE TRIGGER messages_fts_after_update AFTER UPDATE OF text, transcript ON messages
        WHEN OLD.text IS NOT NEW.text OR OLD.transcript IS NOT NEW.transcript BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text, transcript)
            VALUES ('delete', OLD.rowid, OLD.text, OLD.transcript);
            INSERT INTO messages_fts (rowid, text, transcript) VALUES (NEW.rowid, NEW.text, NEW.transcript);
        END
        """
    )
    op.execute("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")


def downgrade() -> None:
    op.execute("DROP TRIGGER messages_fts_after_update")
    op.execute("DROP TRIGGER messages_fts_after_delete")
    op.execute("DROP TRIGGER messages_fts_after_insert")
    op.execute("DROP TABLE messages_fts")
