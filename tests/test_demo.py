"""The demo: relay events that are deterministic, realistic in variety, and that the applier takes whole."""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from sqlalchemy import text

from leaddesk import demo as demo_module
from leaddesk.db.database import Database
from leaddesk.db.state import ACCOUNT_NAME, AGENT_NAME, CURSOR, get_state
from leaddesk.demo import DEMO_CONTACTS, demo_events, ensure_demo_database
from leaddesk.domain import MessageType
from leaddesk.paths import resource


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    return list(demo_events())


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    database = ensure_demo_database(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    yield database
    database.close()


def q(database: Database, sql: str) -> Any:
    with database.read() as connection:
        return connection.execute(text(sql)).all()


def test_events_are_deterministic_and_in_log_order(events: list[dict[str, Any]]) -> None:
    assert list(demo_events()) == events
    assert list(demo_events(seed=7)) != events
    assert [e["seq"] for e in events] == list(range(1, len(events) + 1))
    assert len({e["id"] for e in events}) == len(events)
    assert events[0]["type"] == "account.updated"
    assert [s["id"] for s in events[0]["data"]["funnel_stages"]] == [
        "new",
        "interested",
        "visit_scheduled",
        "visit_completed",
        "proposal_sent",
        "negotiating",
        "closed",
    ]
    assert all(set(e) == {"seq", "id", "type", "at", "data"} for e in events)


def test_every_message_type_and_outbound_status_is_there(events: list[dict[str, Any]]) -> None:
    messages = [e["data"]["message"] for e in events if e["type"] == "message.upserted"]
    assert {m["type"] for m in messages} == set(MessageType)
    assert {m["author"]["kind"] for m in messages} == {"client", "bot", "agent"}
    statuses = Counter(e["data"]["status"] for e in events if e["type"] == "message.status")
    assert {"delivered", "read", "failed"} <= set(statuses)
    failed = [e["data"] for e in events if e["type"] == "message.status" and e["data"]["status"] == "failed"]
    assert failed[0]["error"] == {"code": 131047, "title": "Re-engagement message"}
    assert any(m["reaction"] and m["reaction"]["emoji"] == "" for m in messages)  # a reaction taken back
    assert any(m["transcript"] for m in messages if m["type"] == "audio")
    assert any(m["card"] and m["card"]["currency"] in {"MXN", "USD", "EUR"} for m in messages)
    assert any(m["location"] and m["location"]["address"] for m in messages)


def test_some_read_status_arrives_before_delivered(events: list[dict[str, Any]]) -> None:
    seen: dict[str, list[str]] = {}
    for e in events:
        if e["type"] == "message.status":
            seen.setdefault(e["data"]["message_id"], []).append(e["data"]["status"])
    assert any(order == ["read", "delivered"] for order in seen.values())


def test_contacts_arrive_after_their_first_message_and_more_than_once(events: list[dict[str, Any]]) -> None:
    first_seen: dict[str, str] = {}
    for e in events:
        data = e["data"]
        cid = data["contact"]["id"] if e["type"] == "contact.upserted" else data.get("message", {}).get("contact_id")
        if cid and cid not in first_seen:
            first_seen[cid] = e["type"]
    assert Counter(first_seen.values())["message.upserted"] > 250  # placeholders are exercised
    versions = Counter(e["data"]["contact"]["id"] for e in events if e["type"] == "contact.upserted")
    assert min(versions.values()) >= 2
    assert sum(1 for e in events if e["type"] == "contact.erased") >= 1


def test_phones_are_valid_from_mexico_spain_and_the_us(events: list[dict[str, Any]]) -> None:
    phones = {e["data"]["contact"]["phone"] for e in events if e["type"] == "contact.upserted"}
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p, None)) for p in phones)
    countries = Counter(phonenumbers.region_code_for_number(phonenumbers.parse(p, None)) for p in phones)
    assert {"MX", "ES", "US"} <= set(countries)


def test_the_demo_database_is_believable(demo: Database) -> None:
    assert q(demo, "SELECT count(*) FROM contacts")[0][0] == DEMO_CONTACTS
    assert q(demo, "SELECT count(*) FROM contacts WHERE version IS NULL")[0][0] == 0
    assert q(demo, "SELECT min(version) FROM contacts")[0][0] > 1
    unnamed = q(demo, "SELECT count(*) FROM contacts WHERE name IS NULL")[0][0]
    assert 0.02 * DEMO_CONTACTS <= unnamed <= 0.1 * DEMO_CONTACTS
    assert q(demo, "SELECT count(*) FROM contacts WHERE mystery_shopper")[0][0] >= 2
    contractors = q(demo, "SELECT bot_status FROM contacts WHERE contractor")
    assert contractors and {r[0] for r in contractors} == {"agent"}
    assert q(demo, "SELECT count(*) FROM contacts WHERE bot_status = 'paused' AND bot_paused_until IS NOT NULL")[0][0]
    assert q(demo, "SELECT count(*) FROM contacts WHERE unread > 0")[0][0] > 20
    assert {r[0] for r in q(demo, "SELECT DISTINCT sentiment FROM contacts WHERE sentiment IS NOT NULL")} == {
        "hot",
        "warm",
        "neutral",
        "cold",
        "negative",
    }
    assert len(q(demo, "SELECT DISTINCT funnel_stage FROM contacts")) == 7
    assert {r[0] for r in q(demo, "SELECT DISTINCT status FROM meetings")} == {
        "scheduled",
        "completed",
        "cancelled",
        "no_show",
    }
    upcoming = q(demo, "SELECT count(*) FROM meetings WHERE status = 'scheduled' AND starts_at > '2026-11-24'")
    assert upcoming[0][0] > 0
    assert q(demo, "SELECT count(*) FROM survey_answers WHERE score IS NOT NULL")[0][0] > 0
    assert {r[0] for r in q(demo, "SELECT DISTINCT changed_by_kind FROM funnel_changes")} == {"bot", "agent", "system"}
    assert q(demo, "SELECT count(*) FROM funnel_changes WHERE note IS NOT NULL")[0][0] > 0
    assert q(demo, "SELECT count(*) FROM pending_statuses")[0][0] == 0
    assert q(demo, "SELECT DISTINCT state FROM media") == [("missing",)]
    assert q(demo, "SELECT count(*) FROM erased_contacts")[0][0] >= 1
    # Every contact's derived columns agree with its messages.
    assert (
        q(
            demo,
            "SELECT count(*) FROM contacts c WHERE message_count != (SELECT count(*) FROM messages m "
            "WHERE m.contact_id = c.id) OR last_activity IS NOT (SELECT max(sent_at) FROM messages m "
            "WHERE m.contact_id = c.id)",
        )[0][0]
        == 0
    )


def test_account_agent_and_cursor_are_stored(demo: Database, events: list[dict[str, Any]]) -> None:
    with demo.read() as connection:
        assert get_state(connection, ACCOUNT_NAME) == "Torres del Parque Sales"
        assert get_state(connection, AGENT_NAME) == "Laura Pérez"
        assert get_state(connection, CURSOR) == f"c_{events[-1]['seq']}"


def test_opening_the_demo_again_adds_nothing(demo: Database) -> None:
    before = q(demo, "SELECT count(*), sum(version) FROM contacts")
    ensure_demo_database(demo.path).close()
    assert q(demo, "SELECT count(*), sum(version) FROM contacts") == before


def test_making_the_demo_is_fast(tmp_path: Path) -> None:
    started = time.perf_counter()
    ensure_demo_database(tmp_path / "demo.sqlite").close()
    elapsed = time.perf_counter() - started
    assert elapsed < 6, f"the demo took {elapsed:.1f} s"  # ~1.5 s here; generous for a busy 2-core CI


#: The hash of ``demo_events()`` (JSON, sorted keys) measured before the word lists and templates
#: moved from demo.py into resources/demo/*.json; the move must not change a single event.
DEMO_EVENTS_SHA256 = "6e0e7377b0820b00647028e490911fd7a02b540b8b732d5216da4b1e21bb11ea"


def test_the_demo_read_from_its_data_files_is_unchanged(events: list[dict[str, Any]]) -> None:
    dumped = json.dumps(events, sort_keys=True, ensure_ascii=False).encode()
    assert hashlib.sha256(dumped).hexdigest() == DEMO_EVENTS_SHA256


def test_the_demo_words_come_from_the_resource_files() -> None:
    templates = json.loads(resource("demo/templates.json").read_text(encoding="utf-8"))
    people = json.loads(resource("demo/people.json").read_text(encoding="utf-8"))
    assert demo_module.T["es"]["hello"] == templates["es"]["hello"]
    assert people["first_names"]["es_female"] == demo_module.FEMALE_ES
    assert all(not key.startswith("_") for key in demo_module.T)
    source = Path(demo_module.__file__).read_text(encoding="utf-8")
    assert templates["es"]["hello"][0] not in source  # the words live in the data files only


def test_the_demo_account_names_its_stages_in_the_windows_language(tmp_path: Path) -> None:
    """A Spanish window shows the demo's stages in Spanish ("Cliente nuevo", not "New lead"), and back."""

    def stage_names(language: str) -> list[str]:
        database = ensure_demo_database(tmp_path / "demo.sqlite", language)
        try:
            with database.read() as connection:
                rows = connection.exec_driver_sql("SELECT name FROM funnel_stages ORDER BY position")
                return [str(name) for (name,) in rows]
        finally:
            database.close()

    assert stage_names("es")[:2] == ["Cliente nuevo", "Interesado"]
    assert stage_names("en")[:2] == ["New lead", "Interested"]
