"""The counts Analytics keeps (migration 0011) equal a recount from the rows after every kind of write.

``message_hours`` (messages per UTC hour, direction and author kind, reactions left out) and
``contacts.stages_reached`` (the stages each client's funnel changes went to) are compared with a
recount done here in Python from ``messages`` and ``funnel_changes``, after applier pages (new rows,
changed rows, a row twice in a page), a first sync from the relay simulator, a reply queued locally
and then replaced by the relay's own row, an erasure, and the migration on a cache made before it.
The messages per local day are also checked in zones that are not a whole number of hours from UTC,
and across a change of summer time, against a count by local day done here.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from leaddesk import edits
from leaddesk.db.analytics import DateRange, compute_figures
from leaddesk.db.database import Database, open_database
from leaddesk.domain import format_time, parse_time
from tests.relay_simulator.generate import generated_log
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.events import EventLog, account_updated, contact, erased, funnel_change, message
from tests.support.sync import migrate, run_sync, sqlite

TOKEN = "counts-token"


def kept_hours(path: Path) -> Counter[tuple[str, str, str]]:
    with sqlite(path) as connection:
        rows = connection.execute("SELECT hour, direction, author_kind, messages FROM message_hours").fetchall()
    assert all(count > 0 for *_, count in rows), "an empty bucket was left behind"
    return Counter({(hour, direction, kind): count for hour, direction, kind, count in rows})


def recounted_hours(path: Path) -> Counter[tuple[str, str, str]]:
    counts: Counter[tuple[str, str, str]] = Counter()
    with sqlite(path) as connection:
        for sent_at, direction, kind, message_type in connection.execute(
            "SELECT sent_at, direction, author_kind, type FROM messages"
        ):
            if message_type != "reaction":
                counts[parse_time(sent_at).strftime("%Y-%m-%dT%H"), direction, kind] += 1
    return counts


def kept_stages(path: Path) -> dict[str, set[str]]:
    with sqlite(path) as connection:
        rows = connection.execute("SELECT id, stages_reached FROM contacts").fetchall()
    return {contact_id: set(json.loads(text)) if text is not None else set() for contact_id, text in rows}


def recounted_stages(path: Path) -> dict[str, set[str]]:
    with sqlite(path) as connection:
        reached: dict[str, set[str]] = {row[0]: set() for row in connection.execute("SELECT id FROM contacts")}
        for contact_id, stage in connection.execute("SELECT contact_id, to_stage FROM funnel_changes"):
            reached[contact_id].add(stage)
    return reached


def assert_counts_exact(path: Path) -> None:
    assert kept_hours(path) == recounted_hours(path)
    assert kept_stages(path) == recounted_stages(path)


def test_applier_pages_new_changed_and_repeated_messages_keep_the_hours_exact(database: Database) -> None:
    log = EventLog(database)
    log.apply(
        [
            contact("ct_a"),
            message("ct_a", "2026-11-20T10:15:00Z", message_id="wamid.a1"),
            message("ct_a", "2026-11-20T10:45:00Z", message_id="wamid.a2", direction="out"),
            message(
                "ct_a",
                "2026-11-20T11:00:00Z",
                message_id="wamid.a3",
                direction="out",
                author={"kind": "agent", "name": "Laura"},
            ),
            message("ct_b", "2026-11-20T10:20:00Z", message_id="wamid.b1"),  # a placeholder contact
            message(
                "ct_b",
                "2026-11-20T10:21:00Z",
                message_id="wamid.b2",
                type="reaction",
                text=None,
                reaction={"message_id": "wamid.b1", "emoji": "👍"},
            ),
        ]
    )
    assert_counts_exact(database.path)
    assert kept_hours(database.path)["2026-11-20T10", "in", "client"] == 2

    # The relay sends messages again, changed: another hour, another author, now a reaction, and
    # one of them twice in the same page (the second wins).
    log.apply(
        [
            message("ct_a", "2026-11-21T09:00:00Z", message_id="wamid.a1"),
            message("ct_a", "2026-11-20T10:45:00Z", message_id="wamid.a2", direction="out", author={"kind": "agent"}),
            message(
                "ct_a",
                "2026-11-20T11:00:00Z",
                message_id="wamid.a3",
                type="reaction",
                text=None,
                reaction={"message_id": "wamid.a1", "emoji": "❤"},
            ),
            message("ct_b", "2026-11-22T08:00:00Z", message_id="wamid.b3"),
            message("ct_b", "2026-11-23T08:00:00Z", message_id="wamid.b3"),
            message("ct_b", "2026-11-20T10:21:00Z", message_id="wamid.b2"),  # no longer a reaction
        ]
    )
    assert_counts_exact(database.path)
    hours = kept_hours(database.path)
    assert ("2026-11-22T08", "in", "client") not in hours
    assert hours["2026-11-23T08", "in", "client"] == 1
    assert ("2026-11-20T11", "out", "agent") not in hours  # the reply that became a reaction left its hour


def test_a_first_sync_from_the_simulator_keeps_the_hours_exact(database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.add_serialized(generated_log(3_000))
        summary = run_sync(database, sim.url, TOKEN, media_per_cycle=0)
    assert summary.ok, summary
    assert sum(kept_hours(database.path).values()) == 3_000
    assert_counts_exact(database.path)


def test_a_reply_queued_here_counts_at_once_and_once_after_the_relay_replaces_it(database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.add_contact(make_contact("ct_1", "+5215500000001", name="Uno"))
        sim.add_message(make_message("wamid.I1", "ct_1", phone="+5215500000001", sent_at="2026-11-24T15:30:00Z"))
        assert run_sync(database, sim.url, TOKEN).ok
        before = sum(kept_hours(database.path).values())

        edits.send_message(database, "ct_1", "¿Le queda bien el jueves?")
        assert sum(kept_hours(database.path).values()) == before + 1
        assert_counts_exact(database.path)

        summary = run_sync(database, sim.url, TOKEN)
        assert summary.edits_sent == 1
    with sqlite(database.path) as connection:
        assert connection.execute("SELECT count(*) FROM messages WHERE outbox_id IS NOT NULL").fetchone() == (0,)
    assert sum(kept_hours(database.path).values()) == before + 1
    assert_counts_exact(database.path)


def test_an_erasure_takes_the_clients_messages_and_stages_away(database: Database) -> None:
    log = EventLog(database)
    log.apply(
        [
            account_updated(),
            contact("ct_keep"),
            contact("ct_gone"),
            *(
                message("ct_gone", format_time(datetime(2026, 11, 20, 8, tzinfo=UTC) + timedelta(hours=h)))
                for h in range(30)
            ),
            message("ct_keep", "2026-11-20T08:30:00Z"),
            funnel_change("ct_gone", None, "new", "2026-11-20T08:00:00Z"),
            funnel_change("ct_keep", None, "interested", "2026-11-20T08:00:00Z"),
        ]
    )
    assert_counts_exact(database.path)
    log.apply([erased("ct_gone")])
    assert kept_hours(database.path) == Counter({("2026-11-20T08", "in", "client"): 1})
    assert kept_stages(database.path) == {"ct_keep": {"interested"}}
    assert_counts_exact(database.path)


def test_funnel_changes_in_any_order_keep_each_clients_stages(database: Database) -> None:
    log = EventLog(database)
    first = funnel_change("ct_a", None, "new", "2026-11-01T08:00:00Z")
    log.apply([account_updated(), first, funnel_change("ct_b", None, "interested", "2026-11-02T08:00:00Z")])
    assert kept_stages(database.path) == {"ct_a": {"new"}, "ct_b": {"interested"}}
    # Later pages: a change seen again, an older change arriving late, a stage the account does not list.
    log.apply(
        [
            first,
            funnel_change("ct_a", "new", "visit_scheduled", "2026-11-03T08:00:00Z"),
            funnel_change("ct_a", None, "interested", "2026-10-30T08:00:00Z"),
            funnel_change("ct_b", "interested", "legacy_stage", "2026-11-04T08:00:00Z"),
            contact("ct_c"),
        ]
    )
    assert kept_stages(database.path) == {
        "ct_a": {"new", "interested", "visit_scheduled"},
        "ct_b": {"interested", "legacy_stage"},
        "ct_c": set(),
    }
    assert_counts_exact(database.path)


def test_the_migration_fills_both_from_a_cache_made_before_it(db_path: Path) -> None:
    migrate(db_path, "0009")
    with sqlite(db_path) as connection:
        connection.execute("INSERT INTO contacts (id, version) VALUES ('ct_1', 1), ('ct_2', 1)")
        connection.executemany(
            "INSERT INTO messages (id, contact_id, direction, author_kind, sent_at, type, status, status_rank) "
            "VALUES (?, ?, ?, ?, ?, ?, 'received', 1)",
            [
                ("m1", "ct_1", "in", "client", "2026-11-20T10:00:00Z", "text"),
                ("m2", "ct_1", "in", "client", "2026-11-20T10:59:59Z", "text"),
                ("m3", "ct_1", "out", "bot", "2026-11-20T10:30:00Z", "text"),
                ("m4", "ct_2", "in", "client", "2026-11-20T10:00:00Z", "reaction"),
            ],
        )
        connection.executemany(
            "INSERT INTO funnel_changes (id, contact_id, to_stage, changed_by_kind, at) VALUES (?, ?, ?, 'bot', ?)",
            [("f1", "ct_1", "new", "2026-11-20T10:00:00Z"), ("f2", "ct_1", "interested", "2026-11-21T10:00:00Z")],
        )
    open_database(db_path).close()
    assert kept_hours(db_path) == Counter({("2026-11-20T10", "in", "client"): 2, ("2026-11-20T10", "out", "bot"): 1})
    assert kept_stages(db_path) == {"ct_1": {"new", "interested"}, "ct_2": set()}


@pytest.fixture
def zone(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The process's local time zone set to a POSIX TZ string for the test."""
    monkeypatch.setenv("TZ", request.param)
    time.tzset()
    yield request.param
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(
    "zone",
    [
        "IST-5:30",  # India: half an hour off, no summer time
        "NPT-5:45",  # Nepal: a quarter hour off
        "EST5EDT,M3.2.0,M11.1.0",  # New York: whole hours; 1 November 2026 has 25 hours
        "LHST-10:30LHDT-11,M10.1.0,M4.1.0",  # Lord Howe: half-hour summer time from 4 October 2026
    ],
    indirect=True,
)
def test_messages_per_day_equal_a_count_by_local_day_in_any_zone(database: Database, zone: str) -> None:
    start = datetime(2026, 9, 28, 0, 0, tzinfo=UTC)
    events: list[dict[str, Any]] = [contact("ct_a")]
    authors = [("in", None), ("out", None), ("out", {"kind": "agent", "name": "Laura"})]
    # Every 25 minutes for six weeks (both summer-time changes), so every local midnight has neighbours.
    for step in range(6 * 7 * 24 * 60 // 25):
        direction, author = authors[step % 3]
        extra = {"author": author} if author else {}
        sent_at = format_time(start + timedelta(minutes=25 * step))
        events.append(message("ct_a", sent_at, direction=direction, **extra))
    EventLog(database).apply(events)

    expected: dict[str, list[int]] = {}
    for event in events[1:]:
        body = event["data"]["message"]
        day = parse_time(body["sent_at"]).astimezone().date().isoformat()
        column = 0 if body["direction"] == "in" else 1 if body["author"]["kind"] == "bot" else 2
        expected.setdefault(day, [0, 0, 0])[column] += 1
    with database.read() as connection:
        for date_range in (DateRange(), DateRange(date(2026, 10, 30), date(2026, 11, 3))):
            got = compute_figures(connection, date_range).to_json()["messages_per_day"]
            wanted = [
                {"date": day, "in": counts[0], "out_bot": counts[1], "out_agent": counts[2]}
                for day, counts in sorted(expected.items())
                if date_range.is_all_time or "2026-10-30" <= day <= "2026-11-03"
            ]
            assert got == wanted
