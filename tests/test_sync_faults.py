"""Passing faults end in the state the protocol says (an independent reduction of what the relay served,
tests/support/reference.py) and in that of a clean run; applied-then-failed commands are applied once;
401 keeps all."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk import edits
from leaddesk.db.database import Database, open_database
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import Fault, RelaySimulator, make_contact, make_message
from tests.support.reference import ServedLog, differences
from tests.support.sync import fast_retry, run_sync, snapshot, sqlite

TOKEN = "fault-token"


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        scripted_log(running)
        running.add_contact(make_contact("ct_e", "+5215500000100", name="Edith"))
        running.add_message(make_message("wamid.E1", "ct_e", phone="+5215500000100", sent_at="2026-11-24T15:40:00Z"))
        yield running


def clean_state(sim: RelaySimulator, tmp_path: Path) -> dict[str, list[tuple[object, ...]]]:
    database = open_database(tmp_path / "clean.sqlite")
    try:
        assert run_sync(database, sim.url, TOKEN, page_limit=7).ok
        return snapshot(database.path)
    finally:
        database.close()


def test_passing_faults_on_every_path_end_in_the_same_state(
    sim: RelaySimulator, database: Database, tmp_path: Path
) -> None:
    expected = clean_state(sim, tmp_path)
    served = ServedLog(sim)
    sim.plan("/v1/account", Fault(status=502), Fault(status=429, retry_after=0.1))
    sim.plan(
        "/v1/events",
        Fault(status=503),
        Fault(cut_after=40),
        Fault(status=429, retry_after=0.2),
        Fault(delay=1.5),  # longer than the read timeout below
        Fault(status=500),
        Fault(cut_after=0),
    )
    sim.plan("/v1/media", Fault(status=500))
    summary = run_sync(database, sim.url, TOKEN, page_limit=7, read_timeout=1.0)
    assert summary.ok and summary.retries >= 7
    if summary.media_fetched < 3:  # a media fault only waits for the next cycle
        assert run_sync(database, sim.url, TOKEN).ok
    assert differences(database.path, served.reference()) == []
    assert snapshot(database.path) == expected


def test_retry_after_is_honoured(sim: RelaySimulator, database: Database) -> None:
    sim.plan("/v1/account", Fault(status=429, retry_after=1))
    started = time.monotonic()
    assert run_sync(database, sim.url, TOKEN).ok
    assert time.monotonic() - started >= 1.0


@pytest.mark.parametrize("how", ["500", "drop"])
def test_command_applied_then_failed_is_applied_once(sim: RelaySimulator, database: Database, how: str) -> None:
    served = ServedLog(sim)
    assert run_sync(database, sim.url, TOKEN).ok
    edits.set_sale_status(database, ["ct_e"], "signed")
    edits.send_message(database, "ct_e", "Buenas tardes")
    sim.plan("/v1/commands", Fault(apply_then=how), Fault(apply_then=how), Fault(status=503))
    summary = run_sync(database, sim.url, TOKEN)
    assert summary.ok and summary.edits_sent == 2
    assert sorted(sim.applications.values()) == [1, 1]
    assert differences(database.path, served.reference()) == []
    with sqlite(database.path) as connection:
        assert connection.execute("SELECT sale_status FROM contacts WHERE id = 'ct_e'").fetchone() == ("signed",)
        assert connection.execute(
            "SELECT count(*) FROM messages WHERE contact_id = 'ct_e' AND text = 'Buenas tardes'"
        ).fetchone() == (1,)


def test_401_stops_and_changes_nothing(sim: RelaySimulator, database: Database) -> None:
    assert run_sync(database, sim.url, TOKEN).ok
    edits.set_name(database, ["ct_e"], "Edith R.")
    sim.add_message(make_message("wamid.E2", "ct_e", phone="+5215500000100"))
    before = snapshot(database.path)
    summary = run_sync(database, sim.url, "wrong-token")
    assert summary.outcome == "unauthorized"
    assert snapshot(database.path) == before
    assert summary.edits_waiting == 1


def test_410_restarts_from_the_empty_cursor(sim: RelaySimulator, database: Database) -> None:
    assert run_sync(database, sim.url, TOKEN, page_limit=5).ok
    before = snapshot(database.path)
    sim.add_message(make_message("wamid.E3", "ct_e", phone="+5215500000100", text="dropped by the relay"))
    sim.add_message(make_message("wamid.E4", "ct_e", phone="+5215500000100", text="¿Hay estacionamiento?"))
    sim.cursor_floor = sim.log_length - 1  # the log no longer keeps our cursor
    summary = run_sync(database, sim.url, TOKEN, page_limit=5)
    assert summary.ok and summary.events_applied == 1
    after = snapshot(database.path)
    with sqlite(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM messages WHERE id = 'wamid.E4'").fetchone() == (1,)
    assert len(after["messages"]) == len(before["messages"]) + 1
    assert after["contacts"] != [] and len(after["contacts"]) == len(before["contacts"])


def test_unreachable_relay_keeps_every_queued_edit(database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.add_contact(make_contact("ct_u", "+5215500000200"))
        assert run_sync(database, sim.url, TOKEN).ok
        url = sim.url
    edits.set_sale_status(database, ["ct_u"], "pending")
    before = snapshot(database.path)
    started = time.monotonic()
    summary = run_sync(database, url, TOKEN, retry=fast_retry(3.0))
    assert summary.outcome == "unreachable"
    assert time.monotonic() - started < 30
    assert snapshot(database.path) == before


def test_media_over_the_cap_is_refused(database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.media["md_big"] = (b"\0" * (16 * 1024 * 1024 + 1), "video/mp4")
        sim.add_contact(make_contact("ct_b", "+5215500000300"))
        sim.add_message(
            make_message(
                "wamid.V",
                "ct_b",
                phone="+5215500000300",
                type="video",
                text=None,
                media={"media_id": "md_big", "mime_type": "video/mp4", "sha256": "2" * 64},
            )
        )
        summary = run_sync(database, sim.url, TOKEN)
    assert summary.media_bad == 1
    assert not [p for p in database.media_dir.rglob("*") if p.is_file()]
