"""The one edit path: cache change + outbox row in one transaction, validation, conflicts."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import text

from leaddesk import edits
from leaddesk.db.database import Database
from tests.support.profile import seed_contacts, seed_rich_contact


def _contact(database: Database, contact_id: str) -> dict[str, object]:
    with database.read() as connection:
        row = connection.execute(text("SELECT * FROM contacts WHERE id = :id"), {"id": contact_id}).mappings().one()
    return dict(row)


def _outbox(database: Database) -> list[dict[str, object]]:
    with database.read() as connection:
        return [dict(r) for r in connection.execute(text("SELECT * FROM outbox ORDER BY id")).mappings()]


def test_sale_status_applies_at_once_and_queues_with_base_version_and_previous(database: Database) -> None:
    seed_rich_contact(database)
    [outbox_id] = edits.set_sale_status(database, ["ct_8812"], "signed")
    assert _contact(database, "ct_8812")["sale_status"] == "signed"
    [row] = _outbox(database)
    assert row["id"] == outbox_id
    assert row["type"] == "set_sale_status"
    assert row["state"] == "queued"
    assert row["base_version"] == 7
    assert json.loads(str(row["data"])) == {"sale_status": "signed"}
    assert json.loads(str(row["previous"])) == {"sale_status": "none"}
    assert len(str(row["idempotency_key"])) == 36
    assert edits.pending_fields(database, "ct_8812") == {"sale_status"}


def test_each_edit_gets_a_fresh_idempotency_key(database: Database) -> None:
    seed_rich_contact(database)
    edits.set_sale_status(database, ["ct_8812"], "signed")
    edits.set_sale_status(database, ["ct_8812"], "signed")
    keys = {row["idempotency_key"] for row in _outbox(database)}
    assert len(keys) == 2


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda db: edits.set_sale_status(db, ["ct_8812"], "maybe"), "Unknown sale status"),
        (lambda db: edits.set_funnel_stage(db, ["ct_8812"], "visit_completed"), "bot's rules"),
        (lambda db: edits.set_funnel_stage(db, ["ct_8812"], "nowhere"), "Unknown funnel stage"),
        (lambda db: edits.set_bot_status(db, ["ct_8812"], "agent", "2030-01-01T00:00:00Z"), "only with pausing"),
        (lambda db: edits.set_bot_status(db, ["ct_8812"], "paused", "tomorrow"), "RFC 3339"),
        (lambda db: edits.set_bot_status(db, ["ct_8812"], "paused", "2001-01-01T00:00:00Z"), "future"),
        (lambda db: edits.set_name(db, ["ct_8812"], "   "), "empty"),
        (lambda db: edits.set_name(db, ["ct_8812"], "x" * 201), "200"),
        (lambda db: edits.set_flags(db, ["ct_8812"]), "No flag"),
        (lambda db: edits.set_config(db, ["ct_8812"], set={"": 1}), "needs a name"),
        (lambda db: edits.set_config(db, ["ct_8812"], set={"a": 1}, unset=["a"]), "set and removed"),
        (lambda db: edits.send_message(db, "ct_8812", "   "), "empty"),
        (lambda db: edits.send_message(db, "ct_8812", "x" * 4097), "4096"),
        (lambda db: edits.set_sale_status(db, ["ct_nobody"], "sold"), "No such client"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(database: Database, call, message: str) -> None:  # type: ignore[no-untyped-def]
    seed_rich_contact(database)
    before = _contact(database, "ct_8812")
    with pytest.raises(edits.EditError, match=message):
        call(database)
    assert _outbox(database) == []
    assert _contact(database, "ct_8812") == before


def test_unknown_contact_in_a_bulk_edit_rolls_back_all(database: Database) -> None:
    ids = seed_contacts(database, 3)
    with pytest.raises(edits.NoSuchContactError):
        edits.set_sale_status(database, [*ids, "ct_gone"], "sold")
    assert _outbox(database) == []
    assert all(_contact(database, cid)["sale_status"] == "none" for cid in ids)


def test_every_edit_kind_changes_the_cache(database: Database) -> None:
    seed_rich_contact(database)
    edits.set_funnel_stage(database, ["ct_8812"], "interested", "  called back ")
    edits.set_bot_status(database, ["ct_8812"], "paused", "2099-01-01T10:00:00+01:00")
    edits.set_flags(database, ["ct_8812"], contractor=True)
    edits.set_name(database, ["ct_8812"], "  Ana María ")
    edits.set_config(database, ["ct_8812"], set={"budget": 3000000}, unset=["note"])
    edits.mark_reviewed(database, ["ct_8812"])
    contact = _contact(database, "ct_8812")
    assert contact["funnel_stage"] == "interested"
    assert contact["bot_status"] == "paused"
    assert contact["bot_paused_until"] == "2099-01-01T09:00:00Z"
    assert contact["contractor"] == 1
    assert contact["mystery_shopper"] == 0
    assert contact["name"] == "Ana María"
    assert json.loads(str(contact["config"])) == {"budget": 3000000, "language": "es"}
    assert contact["unread"] == 0
    rows = _outbox(database)
    assert [r["type"] for r in rows] == [
        "set_funnel_stage",
        "set_bot_status",
        "set_flags",
        "set_name",
        "set_config",
        "mark_reviewed",
    ]
    assert json.loads(str(rows[0]["data"])) == {"stage": "interested", "note": "called back"}
    assert json.loads(str(rows[2]["data"])) == {"contractor": True}
    assert json.loads(str(rows[2]["previous"])) == {"contractor": False}
    assert json.loads(str(rows[5]["previous"])) == {"unread": 2}


def test_send_message_shows_a_pending_local_message_by_the_agent(database: Database) -> None:
    seed_rich_contact(database)
    count_before = _contact(database, "ct_8812")["message_count"]
    outbox_id = edits.send_message(database, "ct_8812", "Le confirmo la visita")
    [row] = _outbox(database)
    assert row["type"] == "send_message"
    assert json.loads(str(row["data"])) == {"text": "Le confirmo la visita"}
    with database.read() as connection:
        message = (
            connection.execute(text("SELECT * FROM messages WHERE outbox_id = :o"), {"o": outbox_id}).mappings().one()
        )
    assert message["id"] == f"local:{row['idempotency_key']}"
    assert (message["direction"], message["author_kind"], message["author_name"]) == ("out", "agent", "Laura Pérez")
    assert message["status"] == "pending"
    assert _contact(database, "ct_8812")["message_count"] == count_before + 1
    # Sending does not pause the bot.
    assert _contact(database, "ct_8812")["bot_status"] == "active"


def test_window_warning(database: Database) -> None:
    seed_rich_contact(database)
    assert edits.window_problem(database, "ct_8812") is None
    from datetime import timedelta

    from leaddesk.domain import utc_now

    warning = edits.window_problem(database, "ct_8812", utc_now() + timedelta(days=2)) or ""
    assert "24 hours" in warning
    assert "last wrote 2 days ago" in warning  # said as a person would, not as "49 hours old"


def test_bulk_edit_of_500_is_one_transaction_and_quick(database: Database) -> None:
    ids = seed_contacts(database, 500)
    started = time.perf_counter()
    outbox_ids = edits.set_sale_status(database, ids, "pending")
    elapsed = time.perf_counter() - started
    assert len(outbox_ids) == 500 and len(set(outbox_ids)) == 500
    assert elapsed < 2.0
    with database.read() as connection:
        assert connection.execute(text("SELECT count(*) FROM contacts WHERE sale_status = 'pending'")).scalar() == 500


def test_bulk_edit_is_atomic_when_the_transaction_fails(database: Database) -> None:
    ids = seed_contacts(database, 50)
    # TEMP triggers live on one connection; run the edit on a pool of one so it sees it.
    from sqlalchemy.pool import StaticPool

    from leaddesk.db.engine import make_engine

    single = Database(path=database.path, engine=make_engine(database.path), sessions=database.sessions)
    single.engine.pool = StaticPool(single.engine.pool._creator)  # type: ignore[attr-defined]
    with single.write() as connection:
        connection.execute(
            text(
                "CREATE TEMP TRIGGER boom BEFORE UPDATE OF sale_status ON contacts WHEN NEW.id = 'ct_0029' "
                "BEGIN SELECT RAISE(ABORT, 'boom'); END"
            )
        )
    with pytest.raises(Exception, match="boom"):
        edits.set_sale_status(single, ids, "sold")
    single.close()
    assert _outbox(database) == []
    assert all(_contact(database, cid)["sale_status"] == "none" for cid in ids)


def _conflict(database: Database, outbox_id: int, field: str, mine: object, theirs: object) -> int:
    with database.write() as connection:
        connection.execute(text("UPDATE outbox SET state = 'conflict' WHERE id = :id"), {"id": outbox_id})
        result = connection.execute(
            text(
                "INSERT INTO edit_conflicts (contact_id, outbox_id, command_type, field, mine, theirs, at) "
                "VALUES ('ct_8812', :o, 'set_sale_status', :f, :m, :t, '2026-11-24T15:00:00Z')"
            ),
            {"o": outbox_id, "f": field, "m": json.dumps(mine), "t": json.dumps(theirs)},
        )
        assert result.lastrowid is not None
        return int(result.lastrowid)


def test_apply_mine_again_queues_a_new_command_and_settles_the_conflict(database: Database) -> None:
    seed_rich_contact(database)
    [first] = edits.set_sale_status(database, ["ct_8812"], "sold")
    conflict_id = _conflict(database, first, "sale_status", "sold", "signed")
    [conflict] = edits.open_conflicts(database, "ct_8812")
    assert (conflict.mine, conflict.theirs) == ("sold", "signed")
    again = edits.apply_mine_again(database, conflict_id)
    rows = _outbox(database)
    assert rows[-1]["id"] == again and rows[-1]["state"] == "queued"
    assert rows[-1]["idempotency_key"] != rows[0]["idempotency_key"]
    assert json.loads(str(rows[-1]["data"])) == {"sale_status": "sold"}
    assert edits.open_conflicts(database, "ct_8812") == []
    with pytest.raises(edits.EditError):
        edits.apply_mine_again(database, conflict_id)


def test_dismiss_conflict(database: Database) -> None:
    seed_rich_contact(database)
    [first] = edits.set_sale_status(database, ["ct_8812"], "sold")
    conflict_id = _conflict(database, first, "sale_status", "sold", "signed")
    edits.dismiss_conflict(database, conflict_id)
    assert edits.open_conflicts(database, "ct_8812") == []
    assert len(_outbox(database)) == 1
