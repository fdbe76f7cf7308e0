"""The independent reference (tests/support/reference.py) agrees with a correct sync and catches a broken one.

The property, fault and crash tests compare the cache with :func:`differences`. These tests show
that comparison has teeth: an applier that takes a stale contact version, or lets a message status
go back, makes it report exactly those rows.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

import leaddesk.sync.engine
from leaddesk.db.database import open_database
from leaddesk.sync.apply import apply_events
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import RelaySimulator
from tests.support.reference import ServedLog, differences, reference_of, stronger_status
from tests.support.sync import run_sync

TOKEN = "reference-token"
Events = Sequence[Mapping[str, Any]]


def _raw(connection: Connection) -> sqlite3.Connection:
    driver = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


def ignores_stale_versions(connection: Connection, events: Events, **options: Any) -> Any:
    """A broken applier: every contact state overwrites the stored one, whatever its version."""
    result = apply_events(connection, events, **options)
    for event in events:
        if not isinstance(event, Mapping) or event.get("type") != "contact.upserted":
            continue
        contact = event["data"].get("contact")
        if isinstance(contact, dict) and isinstance(contact.get("version"), int) and (contact.get("unread") or 0) >= 0:
            _raw(connection).execute(
                "UPDATE contacts SET name = ?, unread = ?, funnel_stage = ?, version = ? WHERE id = ?",
                (
                    contact["name"],
                    contact.get("unread") or 0,
                    contact["funnel_stage"],
                    contact["version"],
                    contact["id"],
                ),
            )
    return result


def lets_status_go_back(connection: Connection, events: Events, **options: Any) -> Any:
    """A broken applier: the last ``message.status`` received stands, even ``delivered`` after ``read``."""
    result = apply_events(connection, events, **options)
    for event in events:
        if isinstance(event, Mapping) and event.get("type") == "message.status":
            data = event["data"]
            _raw(connection).execute(
                "UPDATE messages SET status = ? WHERE id = ?", (data["status"], data["message_id"])
            )
    return result


def sync_scripted_log(folder: Path, seed: int | None = None) -> list[str]:
    """Sync the scripted log (shuffled with duplicates when ``seed`` is given); the differences found."""
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        if seed is not None:
            rng = random.Random(seed)
            events = list(sim._events)
            events += [rng.choice(events) for _ in range(5)]
            rng.shuffle(events)
            sim._events[:] = events
        served = ServedLog(sim)
        database = open_database(folder / "cache.sqlite")
        try:
            assert run_sync(database, sim.url, TOKEN, page_limit=4).ok
        finally:
            database.close()
    return differences(folder / "cache.sqlite", served.reference())


def test_a_correct_sync_matches_the_reference(tmp_path: Path) -> None:
    assert sync_scripted_log(tmp_path) == []


@pytest.mark.parametrize(
    ("broken", "table", "row_part"),
    [(ignores_stale_versions, "contacts", "'Stale Name'"), (lets_status_go_back, "messages", "'delivered'")],
)
def test_a_broken_applier_fails_the_comparison(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    broken: Callable[[Connection, Events], Any],
    table: str,
    row_part: str,
) -> None:
    monkeypatch.setattr(leaddesk.sync.engine, "apply_events", broken)
    found = sync_scripted_log(tmp_path)
    assert any(line.startswith(f"{table}: unexpected") and row_part in line for line in found), found
    assert any(line.startswith(f"{table}: missing") for line in found), found


def test_the_stale_and_backward_traps_are_in_the_log() -> None:
    """The scripted log carries what the broken appliers get wrong, or the test above proves nothing."""
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        ref = reference_of(sim._events)
    assert ref.contacts["ct_ana"]["version"] == 2 and ref.contacts["ct_ana"]["name"] == "Ana López"
    assert ref.statuses["wamid.B1"][0] == "read"
    assert "ct_gone" in ref.erased and "ct_gone" not in ref.contacts


@pytest.mark.parametrize(
    ("held", "new", "stands"),
    [
        ("sent", "delivered", "delivered"),
        ("read", "delivered", "read"),
        ("delivered", "sent", "delivered"),
        ("delivered", "failed", "failed"),
        ("failed", "delivered", "failed"),
        ("read", "failed", "read"),
        ("failed", "read", "read"),
    ],
)
def test_status_rules_of_the_reference(held: str, new: str, stands: str) -> None:
    assert stronger_status(held, new) == stands
