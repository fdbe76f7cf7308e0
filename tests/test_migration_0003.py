"""Migration 0003 (``outbox.dismissed_at``) on a cache that already holds data from revision 0002."""

from __future__ import annotations

from pathlib import Path

from alembic.script import ScriptDirectory

from leaddesk import edits
from leaddesk.db.database import open_database
from leaddesk.db.migrate import alembic_config, current_revision, head_revision
from tests.support.sync import migrate, sqlite

OUTBOX_ROWS = [
    (1, "k1", "ct_1", "set_sale_status", 3, '{"sale_status": "sold"}', '{"sale_status": "none"}', "refused"),
    (2, "k2", "ct_1", "set_name", 3, '{"name": "Eva M."}', '{"name": "Eva"}', "queued"),
    (3, "k3", "ct_1", "send_message", 3, '{"text": "Hola"}', None, "applied"),
]


def _cache_at_0002(db_path: Path) -> None:
    """A cache file as LeadDesk with schema 0002 left it: a contact, messages, edits in every state."""
    migrate(db_path, "0002")
    with sqlite(db_path) as connection:
        connection.execute("INSERT INTO contacts (id, phone, name, version) VALUES ('ct_1', '+34612345678', 'Eva', 3)")
        connection.execute(
            "INSERT INTO messages (id, contact_id, direction, author_kind, sent_at, type, text, status, status_rank) "
            "VALUES ('m1', 'ct_1', 'in', 'client', '2026-11-20T10:00:00Z', 'text', 'Hola', 'received', 0)"
        )
        connection.executemany(
            "INSERT INTO outbox (id, idempotency_key, contact_id, type, base_version, data, previous, state, "
            "created_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-11-24T10:00:00Z', 'forbidden')",
            OUTBOX_ROWS,
        )


def _outbox_columns(db_path: Path) -> list[str]:
    with sqlite(db_path) as connection:
        return [row[1] for row in connection.execute("PRAGMA table_info(outbox)")]


def test_0003_follows_0002() -> None:
    revision = ScriptDirectory.from_config(alembic_config()).get_revision("0003")
    assert revision is not None and revision.down_revision == "0002"


def test_upgrading_a_0002_cache_keeps_its_data_backs_it_up_and_shows_old_refusals(db_path: Path) -> None:
    _cache_at_0002(db_path)
    assert "dismissed_at" not in _outbox_columns(db_path)

    database = open_database(db_path)
    try:
        assert current_revision(database.engine) == head_revision()
        assert database.backup is not None and database.backup.exists()
        assert "backup-0002-" in database.backup.name
        # A refusal made before the upgrade is not dismissed yet; dismissing it now sticks.
        assert [r[0] for r in edits.refused_edits(database, "ct_1")] == [1]
        edits.dismiss_refusal(database, 1)
        assert edits.refused_edits(database, "ct_1") == []
    finally:
        database.close()

    assert "dismissed_at" in _outbox_columns(db_path)
    with sqlite(db_path) as connection:
        rows = connection.execute(
            "SELECT id, idempotency_key, contact_id, type, base_version, data, previous, state FROM outbox ORDER BY id"
        ).fetchall()
        assert rows == OUTBOX_ROWS
        assert connection.execute("SELECT id FROM outbox WHERE dismissed_at IS NOT NULL").fetchall() == [(1,)]
        assert connection.execute("SELECT name, message_count FROM contacts").fetchall() == [("Eva", 0)]
        assert connection.execute("SELECT count(*) FROM messages").fetchone() == (1,)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    # The backup is the untouched 0002 file, to go back to.
    assert database.backup is not None
    with sqlite(database.backup) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        assert "dismissed_at" not in [row[1] for row in copy.execute("PRAGMA table_info(outbox)")]
        assert copy.execute("SELECT count(*) FROM outbox").fetchone() == (3,)

    # Opening again does not migrate or back up a second time.
    again = open_database(db_path)
    try:
        assert again.backup is None
    finally:
        again.close()


def test_downgrading_to_0002_drops_only_the_new_column(db_path: Path) -> None:
    _cache_at_0002(db_path)
    open_database(db_path).close()
    migrate(db_path, "0002", down=True)
    assert "dismissed_at" not in _outbox_columns(db_path)
    with sqlite(db_path) as connection:
        rows = connection.execute(
            "SELECT id, idempotency_key, contact_id, type, base_version, data, previous, state FROM outbox ORDER BY id"
        ).fetchall()
        assert rows == OUTBOX_ROWS
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(outbox)")}
        assert {"ix_outbox_state_id", "ix_outbox_contact_id"} <= indexes
