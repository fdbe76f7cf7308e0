"""One sync cycle against the relay simulator: the state the protocol defines, and edits pushed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk import edits
from leaddesk.db.database import Database
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.sync import run_sync, snapshot, sqlite

TOKEN = "sim-token-123"


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        yield running


def rows(path: Path, sql: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite(path) as connection:
        return connection.execute(sql, args).fetchall()


def test_scripted_log_gives_the_protocols_state(sim: RelaySimulator, database: Database) -> None:
    scripted_log(sim)
    summary = run_sync(database, sim.url, TOKEN)
    assert summary.outcome == "ok"
    assert (summary.unknown_events, summary.bad_events) == (1, 3)
    assert summary.new_contacts == {"ct_ana", "ct_beto"}
    path = database.path
    # The stale version 1 ("Stale Name") changed nothing; version 2 stands.
    assert rows(path, "SELECT id, name, version, unread, funnel_stage, phone FROM contacts ORDER BY id") == [
        ("ct_ana", "Ana López", 2, 2, "interested", "+5215512345678"),
        ("ct_beto", "Beto", 1, 0, "new", "+5215511112222"),
    ]
    # read came before delivered and before the message itself: read stands.
    assert rows(path, "SELECT status FROM messages WHERE id = 'wamid.B1'") == [("read",)]
    assert rows(path, "SELECT count(*) FROM pending_statuses") == [(0,)]
    assert rows(path, "SELECT status, version FROM meetings") == [("completed", 2)]
    assert rows(path, "SELECT count(*) FROM survey_answers") == [(2,)]
    assert rows(path, "SELECT name FROM funnel_stages WHERE id = 'interested'") == [("Interested (warm)",)]
    # The erased client is gone with everything about it, including the message after the erasure.
    assert rows(path, "SELECT count(*) FROM messages WHERE contact_id = 'ct_gone'") == [(0,)]
    assert rows(path, "SELECT contact_id FROM erased_contacts") == [("ct_gone",)]
    assert rows(path, "SELECT value FROM sync_state WHERE key IN ('unknown_events', 'bad_events') ORDER BY key") == [
        ("3",),
        ("1",),
    ]
    assert rows(path, "SELECT value FROM sync_state WHERE key = 'agent_name'") == [("Laura Pérez",)]
    # Media verified into the cache, keyed by hash (cards by id).
    media = dict(rows(path, "SELECT id, state FROM media"))
    assert media == {"md_ana": "cached", "md_img": "cached", "md_card": "cached"}
    (local,) = rows(path, "SELECT local_path FROM media WHERE id = 'md_img'")[0]
    assert (database.media_dir / str(local)).read_bytes() == b"jpeg-bytes" * 50

    before = snapshot(path)
    again = run_sync(database, sim.url, TOKEN)
    assert again.outcome == "ok" and again.events_applied == 0
    assert snapshot(path) == before


def test_new_inbound_message_from_unknown_number_adds_a_client(sim: RelaySimulator, database: Database) -> None:
    scripted_log(sim)
    run_sync(database, sim.url, TOKEN)
    sim.add_message(
        make_message(
            "wamid.N1", "ct_new", text="Hola, vi su anuncio", phone="+5215577778888", sent_at="2026-11-24T15:59:00Z"
        )
    )
    summary = run_sync(database, sim.url, TOKEN)
    assert summary.new_contacts == {"ct_new"}
    assert rows(database.path, "SELECT id, phone, message_count FROM contacts ORDER BY last_activity DESC LIMIT 1") == [
        ("ct_new", "+5215577778888", 1)
    ]


def setup_clients(sim: RelaySimulator, database: Database) -> None:
    sim.add_contact(make_contact("ct_1", "+5215500000001", name="Uno"))
    sim.add_contact(make_contact("ct_2", "+5215500000002", name="Dos"))
    sim.add_message(make_message("wamid.I1", "ct_1", phone="+5215500000001", sent_at="2026-11-24T15:30:00Z"))
    assert run_sync(database, sim.url, TOKEN).ok


def test_edits_are_pushed_in_order_and_applied_once(sim: RelaySimulator, database: Database) -> None:
    setup_clients(sim, database)
    edits.set_sale_status(database, ["ct_1"], "signed")
    edits.set_name(database, ["ct_1"], "Uno Actualizado")
    edits.set_funnel_stage(database, ["ct_2"], "interested", note="called")
    outbox_id = edits.send_message(database, "ct_1", "¿Le queda bien el jueves?")
    summary = run_sync(database, sim.url, TOKEN)
    assert (summary.edits_sent, summary.edits_refused, summary.edits_conflicted) == (4, 0, 0)
    assert sorted(sim.applications.values()) == [1, 1, 1, 1]
    path = database.path
    assert rows(path, "SELECT sale_status, name, version FROM contacts WHERE id = 'ct_1'") == [
        ("signed", "Uno Actualizado", 3)
    ]
    assert rows(path, "SELECT funnel_stage FROM contacts WHERE id = 'ct_2'") == [("interested",)]
    assert rows(path, "SELECT note, changed_by_kind FROM funnel_changes WHERE contact_id = 'ct_2'") == [
        ("called", "agent")
    ]
    # The local stand-in is replaced by the relay's message (no duplicate), with its later status.
    out = rows(path, "SELECT id, text, status, outbox_id FROM messages WHERE contact_id = 'ct_1' AND direction = 'out'")
    assert out == [("wamid.SIM000001", "¿Le queda bien el jueves?", "delivered", None)]
    assert rows(path, "SELECT count(*) FROM messages WHERE outbox_id = ?", outbox_id) == [(0,)]
    assert rows(path, "SELECT DISTINCT state FROM outbox") == [("applied",)]
    before = snapshot(path)
    assert run_sync(database, sim.url, TOKEN).edits_sent == 0
    assert snapshot(path) == before


def test_conflict_keeps_the_relays_value_and_records_mine(sim: RelaySimulator, database: Database) -> None:
    setup_clients(sim, database)
    edits.set_sale_status(database, ["ct_1"], "sold")
    sim.change_contact("ct_1", sale_status="signed")  # a colleague, meanwhile
    edits.mark_reviewed(database, ["ct_1"])  # never conflicts
    summary = run_sync(database, sim.url, TOKEN)
    assert (summary.edits_sent, summary.edits_conflicted) == (1, 1)
    path = database.path
    assert rows(path, "SELECT sale_status FROM contacts WHERE id = 'ct_1'") == [("signed",)]
    assert rows(path, "SELECT field, mine, theirs, command_type FROM edit_conflicts") == [
        ("sale_status", json.dumps("sold"), json.dumps("signed"), "set_sale_status")
    ]
    assert rows(path, "SELECT type, state FROM outbox ORDER BY id") == [
        ("set_sale_status", "conflict"),
        ("mark_reviewed", "applied"),
    ]


def test_conflict_free_field_is_applied_not_refused(sim: RelaySimulator, database: Database) -> None:
    setup_clients(sim, database)
    edits.set_sale_status(database, ["ct_1"], "pending")
    sim.change_contact("ct_1", name="Otro Nombre")  # another field changed: no conflict
    summary = run_sync(database, sim.url, TOKEN)
    assert (summary.edits_sent, summary.edits_conflicted) == (1, 0)
    assert rows(database.path, "SELECT sale_status, name FROM contacts WHERE id = 'ct_1'") == [
        ("pending", "Otro Nombre")
    ]


def test_refused_edit_puts_the_previous_value_back(sim: RelaySimulator, database: Database) -> None:
    setup_clients(sim, database)
    # ct_2 never wrote in: outside the 24-hour window.
    outbox_id = edits.send_message(database, "ct_2", "Hola")
    summary = run_sync(database, sim.url, TOKEN)
    assert summary.edits_refused == 1
    assert rows(database.path, "SELECT state, last_error FROM outbox") == [
        ("refused", "command send_message: 422 outside_window (the client last wrote more than 24 hours ago)")
    ]
    assert rows(database.path, "SELECT status, error_code FROM messages WHERE outbox_id = ?", outbox_id) == [
        ("failed", "outside_window")
    ]
    # A set_name to a name the relay refuses... forced by a bad stage instead (manual false).
    with sqlite(database.path) as connection:
        connection.execute("UPDATE funnel_stages SET manual = 1 WHERE id = 'visit_completed'")
    edits.set_funnel_stage(database, ["ct_1"], "visit_completed")
    assert rows(database.path, "SELECT funnel_stage FROM contacts WHERE id = 'ct_1'") == [("visit_completed",)]
    summary = run_sync(database, sim.url, TOKEN)
    assert summary.edits_refused == 1
    assert rows(database.path, "SELECT funnel_stage FROM contacts WHERE id = 'ct_1'") == [("new",)]


def test_erased_contacts_media_files_are_deleted(sim: RelaySimulator, database: Database) -> None:
    sha = sim.add_media("md_p", b"portrait")
    sim.add_contact(
        make_contact(
            "ct_9", "+5215500000009", profile_image={"media_id": "md_p", "sha256": sha, "mime_type": "image/png"}
        )
    )
    run_sync(database, sim.url, TOKEN)
    cached = database.media_dir / sha[:2] / sha
    assert cached.read_bytes() == b"portrait"
    sim.add_event("contact.erased", {"contact_id": "ct_9"})
    run_sync(database, sim.url, TOKEN)
    assert not cached.exists()
    assert rows(database.path, "SELECT count(*) FROM contacts") == [(0,)]


def test_media_checks_hash_and_expiry(sim: RelaySimulator, database: Database) -> None:
    sim.add_media("md_ok", b"good")
    sim.media["md_lie"] = (b"tampered", "image/png")
    sim.add_contact(make_contact("ct_m", "+5215500000010"))
    for index, (media_id, sha) in enumerate(
        [("md_ok", sim.add_media("md_ok", b"good")), ("md_lie", "0" * 64), ("md_gone", "1" * 64)]
    ):
        sim.add_message(
            make_message(
                f"wamid.M{index}",
                "ct_m",
                phone="+5215500000010",
                type="image",
                text=None,
                media={"media_id": media_id, "mime_type": "image/png", "sha256": sha},
            )
        )
    summary = run_sync(database, sim.url, TOKEN)
    assert (summary.media_fetched, summary.media_bad, summary.media_expired) == (1, 1, 1)
    assert dict(rows(database.path, "SELECT id, state FROM media")) == {
        "md_ok": "cached",
        "md_lie": "bad",
        "md_gone": "expired",
    }
    leftovers = [p for p in database.media_dir.rglob("*") if p.is_file()]
    assert len(leftovers) == 1
