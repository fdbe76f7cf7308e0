"""The event applier, rule by rule of the relay protocol, on a real migrated SQLite file."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from sqlalchemy import text

from leaddesk.db.database import Database
from leaddesk.sync.apply import ApplyResult, apply_events
from tests.relay_simulator.server import make_contact, make_message
from tests.support.sync import TABLES

_seq = iter(range(1, 1_000_000))


def event(event_type: str, data: dict[str, Any], seq: int | None = None) -> dict[str, Any]:
    number = next(_seq) if seq is None else seq
    return {"seq": number, "id": f"evt_{number}", "type": event_type, "at": "2026-11-24T15:00:00Z", "data": data}


def contact(version: int = 1, contact_id: str = "ct_1", **changes: Any) -> dict[str, Any]:
    state = make_contact(
        contact_id,
        "+5215512345678",
        name="Ana López",
        profile_image={"media_id": "md_77", "sha256": "9f2c" * 16, "mime_type": "image/jpeg"},
        unread=2,
        funnel_stage="interested",
        sentiment={"label": "warm", "score": 0.42, "at": "2026-11-24T15:03:59Z"},
        config={"language": "es"},
        version=version,
        created_at="2026-11-01T09:12:00Z",
        updated_at="2026-11-24T15:03:59Z",
    )
    state.update(changes)
    return event("contact.upserted", {"contact": state})


def message(
    message_id: str = "wamid.1", contact_id: str = "ct_1", direction: str = "in", **changes: Any
) -> dict[str, Any]:
    body = make_message(message_id, contact_id, direction=direction, phone="+5215512345678", **changes)
    return event("message.upserted", {"message": body})


def status(message_id: str, value: str, error: dict[str, Any] | None = None) -> dict[str, Any]:
    return event(
        "message.status", {"message_id": message_id, "status": value, "at": "2026-11-24T15:05:00Z", "error": error}
    )


def meeting(version: int = 1, contact_id: str = "ct_1", **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": "mt_1",
        "contact_id": contact_id,
        "title": "Visit: Torre B",
        "starts_at": "2026-11-27T17:00:00Z",
        "ends_at": "2026-11-27T18:00:00Z",
        "location": "Sales office",
        "status": "scheduled",
        "agent": {"id": "ag_19", "name": "Laura Pérez"},
        "version": version,
    }
    body.update(changes)
    return event("meeting.upserted", {"meeting": body})


def survey(contact_id: str = "ct_1") -> dict[str, Any]:
    return event(
        "survey.submitted",
        {
            "survey": {
                "id": "sv_1",
                "contact_id": contact_id,
                "meeting_id": "mt_1",
                "submitted_at": "2026-11-28T10:00:00Z",
                "answers": [{"question": "Rate the visit", "answer": "5", "score": 5}],
            }
        },
    )


def funnel(change_id: str = "fc_1", contact_id: str = "ct_1", to_stage: str = "interested") -> dict[str, Any]:
    return event(
        "funnel.changed",
        {
            "id": change_id,
            "contact_id": contact_id,
            "from_stage": "new",
            "to_stage": to_stage,
            "changed_by": {"kind": "bot", "id": None, "name": "Bot"},
            "note": None,
            "at": "2026-11-24T15:04:00Z",
        },
    )


def stages(*names: str, seq: int) -> dict[str, Any]:
    listed = [
        {"id": f"s{n}", "name": name, "order": n, "color": "#000000", "manual": True} for n, name in enumerate(names)
    ]
    return event("account.updated", {"funnel_stages": listed}, seq=seq)


def apply(database: Database, *events: dict[str, Any]) -> ApplyResult:
    with database.write() as connection:
        return apply_events(connection, list(events))


def row(database: Database, sql: str, **params: Any) -> Any:
    with database.read() as connection:
        return connection.execute(text(sql), params).first()


def scalar(database: Database, sql: str, **params: Any) -> Any:
    with database.read() as connection:
        return connection.execute(text(sql), params).scalar()


def dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    with database.read() as connection:
        return {
            # erased_at is the applying clock's time, the one column that may differ between runs
            table: sorted(
                tuple(r)
                for r in connection.execute(
                    text(
                        "SELECT contact_id FROM erased_contacts"
                        if table == "erased_contacts"
                        else f"SELECT * FROM {table}"
                    )
                )
            )
            for table in TABLES
        }


# --- contacts and versions --------------------------------------------------------------------


def test_contact_is_stored_with_its_whole_state(database: Database) -> None:
    result = apply(database, contact(version=7))
    assert result.applied == 1 and result.new_contacts == {"ct_1"}
    got = row(database, "SELECT * FROM contacts WHERE id = 'ct_1'")
    assert got.phone == "+5215512345678" and got.name == "Ana López" and got.version == 7
    assert got.sentiment == "warm" and got.sentiment_score == pytest.approx(0.42)
    assert got.unread == 2 and got.funnel_stage == "interested" and got.profile_media_id == "md_77"
    assert json.loads(got.config) == {"language": "es"}
    assert scalar(database, "SELECT state FROM media WHERE id = 'md_77'") == "missing"


@pytest.mark.parametrize(("second", "expected_name"), [(6, "Ana López"), (7, "Ana López"), (8, "Ana L.")])
def test_contact_version_stale_equal_and_higher(database: Database, second: int, expected_name: str) -> None:
    apply(database, contact(version=7))
    apply(database, contact(version=second, name="Ana L."))
    assert scalar(database, "SELECT name FROM contacts") == expected_name
    assert scalar(database, "SELECT version FROM contacts") == max(7, second)


def test_within_one_page_the_highest_version_wins_whatever_the_order(database: Database) -> None:
    apply(database, contact(version=9, name="Newest"), contact(version=8, name="Older"))
    assert scalar(database, "SELECT name FROM contacts") == "Newest"


def test_unread_absent_or_null_is_zero_and_bot_paused_until_absent_is_null(database: Database) -> None:
    old_relay = contact(version=1)
    del old_relay["data"]["contact"]["unread"]
    del old_relay["data"]["contact"]["bot_paused_until"]
    apply(database, old_relay, contact(version=1, contact_id="ct_2", unread=None))
    assert row(database, "SELECT unread, bot_paused_until FROM contacts WHERE id = 'ct_1'") == (0, None)
    assert scalar(database, "SELECT unread FROM contacts WHERE id = 'ct_2'") == 0


# --- placeholders -----------------------------------------------------------------------------


def test_message_before_its_contact_makes_a_placeholder_that_the_contact_fills(database: Database) -> None:
    result = apply(database, message())
    assert result.new_contacts == {"ct_1"}
    placeholder = row(database, "SELECT phone, name, version, message_count FROM contacts WHERE id = 'ct_1'")
    assert placeholder == ("+5215512345678", None, None, 1)
    apply(database, contact(version=1))
    filled = row(database, "SELECT name, version, message_count, last_activity FROM contacts WHERE id = 'ct_1'")
    assert filled == ("Ana López", 1, 1, "2026-11-24T15:03:57Z")


def test_outbound_message_gives_no_phone_to_its_placeholder(database: Database) -> None:
    apply(database, message(direction="out"))
    assert scalar(database, "SELECT phone FROM contacts WHERE id = 'ct_1'") is None


def test_placeholder_from_meeting_has_no_phone_until_a_message_brings_one(database: Database) -> None:
    apply(database, meeting())
    assert row(database, "SELECT phone, version FROM contacts WHERE id = 'ct_1'") == (None, None)
    assert scalar(database, "SELECT count(*) FROM meetings") == 1
    apply(database, message())
    assert scalar(database, "SELECT phone FROM contacts WHERE id = 'ct_1'") == "+5215512345678"
    apply(database, contact(version=3, phone="+5215599999999"))
    assert scalar(database, "SELECT phone FROM contacts WHERE id = 'ct_1'") == "+5215599999999"


def test_survey_and_funnel_change_before_contact_make_placeholders(database: Database) -> None:
    apply(database, survey(contact_id="ct_s"), funnel(contact_id="ct_f"))
    assert scalar(database, "SELECT count(*) FROM contacts WHERE version IS NULL") == 2
    assert scalar(database, "SELECT count(*) FROM survey_answers") == 1


# --- message statuses -------------------------------------------------------------------------


def _status_of(database: Database, message_id: str = "wamid.o") -> Any:
    return row(database, "SELECT status, error_code, error_title FROM messages WHERE id = :id", id=message_id)


def test_read_before_delivered_stays_read(database: Database) -> None:
    apply(database, message("wamid.o", direction="out"))
    apply(database, status("wamid.o", "read"))
    apply(database, status("wamid.o", "delivered"))
    assert _status_of(database)[0] == "read"


def test_failed_stands_over_delivered_but_not_over_read(database: Database) -> None:
    error = {"code": 131047, "title": "Re-engagement message"}
    apply(database, message("wamid.o", direction="out"), message("wamid.r", direction="out"))
    apply(database, status("wamid.o", "delivered"), status("wamid.o", "failed", error))
    assert _status_of(database) == ("failed", "131047", "Re-engagement message")
    apply(database, status("wamid.r", "read"), status("wamid.r", "failed", error))
    assert _status_of(database, "wamid.r") == ("read", None, None)


def test_a_resent_message_upsert_does_not_lower_its_status(database: Database) -> None:
    apply(database, message("wamid.o", direction="out"), status("wamid.o", "read"))
    apply(database, message("wamid.o", direction="out", text="Hola!"))
    assert _status_of(database)[0] == "read"
    assert scalar(database, "SELECT text FROM messages") == "Hola!"


def test_status_for_unknown_message_waits_and_merges_when_it_comes(database: Database) -> None:
    apply(database, status("wamid.o", "delivered"), status("wamid.o", "read"))
    assert row(database, "SELECT status FROM pending_statuses WHERE message_id = 'wamid.o'") == ("read",)
    apply(database, message("wamid.o", direction="out"))
    assert _status_of(database)[0] == "read"
    assert scalar(database, "SELECT count(*) FROM pending_statuses") == 0


def test_pending_status_merges_in_the_same_page(database: Database) -> None:
    apply(database, status("wamid.o", "delivered"), message("wamid.o", direction="out"))
    assert _status_of(database)[0] == "delivered"
    assert scalar(database, "SELECT count(*) FROM pending_statuses") == 0


def test_duplicated_message_does_not_double_message_count(database: Database) -> None:
    apply(database, contact(), message(), message())
    apply(database, message())
    assert row(database, "SELECT message_count, last_activity FROM contacts") == (1, "2026-11-24T15:03:57Z")
    apply(database, message("wamid.2", sent_at="2026-11-24T16:00:00Z"))
    assert row(database, "SELECT message_count, last_activity FROM contacts") == (2, "2026-11-24T16:00:00Z")


# --- meetings, surveys, funnel ----------------------------------------------------------------


def test_meeting_applies_by_version(database: Database) -> None:
    apply(database, contact(), meeting(version=2, status="completed"))
    apply(database, meeting(version=1, status="scheduled"))
    assert scalar(database, "SELECT status FROM meetings") == "completed"
    apply(database, meeting(version=3, status="no_show"))
    assert scalar(database, "SELECT status FROM meetings") == "no_show"


def test_survey_and_funnel_change_twice_are_stored_once(database: Database) -> None:
    apply(database, contact(), survey(), survey(), funnel(), funnel())
    apply(database, survey(), funnel())
    assert scalar(database, "SELECT count(*) FROM surveys") == 1
    assert scalar(database, "SELECT count(*) FROM survey_answers") == 1
    assert scalar(database, "SELECT count(*) FROM funnel_changes") == 1


# --- erasure ----------------------------------------------------------------------------------


def _everything_of_ct1(database: Database) -> dict[str, int]:
    counts = {}
    for table in ("contacts", "messages", "meetings", "surveys", "funnel_changes", "media", "outbox"):
        column = "id" if table == "contacts" else "contact_id"
        counts[table] = scalar(database, f"SELECT count(*) FROM {table} WHERE {column} = 'ct_1'")
    counts["survey_answers"] = scalar(database, "SELECT count(*) FROM survey_answers WHERE survey_id = 'sv_1'")
    return counts


def test_erasure_deletes_everything_and_later_events_are_ignored(database: Database) -> None:
    media = {"media_id": "md_1", "mime_type": "image/jpeg", "sha256": "ab", "filename": None, "size": 10}
    apply(
        database,
        contact(),
        message(),
        message("wamid.2", type="image", media=media),
        meeting(),
        survey(),
        funnel(),
        contact(version=1, contact_id="ct_other", phone="+34612345678"),
    )
    with database.write() as connection:
        connection.execute(
            text(
                "INSERT INTO outbox (idempotency_key, contact_id, type, base_version, data, created_at) "
                "VALUES ('k1', 'ct_1', 'set_name', 1, '{\"name\": \"X\"}', '2026-11-24T15:00:00Z')"
            )
        )
    assert all(_everything_of_ct1(database).values())

    result = apply(database, event("contact.erased", {"contact_id": "ct_1"}))
    assert result.erased_contacts == {"ct_1"}
    assert not any(_everything_of_ct1(database).values())
    assert scalar(database, "SELECT count(*) FROM erased_contacts WHERE contact_id = 'ct_1'") == 1
    assert scalar(database, "SELECT count(*) FROM contacts") == 1  # the other contact stays

    # A later (or re-delivered earlier) event about the erased contact changes nothing.
    before = dump(database)
    apply(database, contact(version=99), message("wamid.3"), meeting(version=5), survey(), funnel("fc_2"))
    apply(database, status("wamid.1", "read"))
    after = dump(database)
    after["pending_statuses"] = before["pending_statuses"]  # a status alone cannot be told apart
    assert after == before


def test_erasure_in_the_same_page_wins_whatever_its_place(database: Database) -> None:
    apply(database, event("contact.erased", {"contact_id": "ct_1"}), contact(), message())
    assert scalar(database, "SELECT count(*) FROM contacts") == 0
    assert scalar(database, "SELECT count(*) FROM messages") == 0


# --- unknown and bad events -------------------------------------------------------------------


def test_unknown_type_is_counted_and_skipped(database: Database) -> None:
    result = apply(database, event("contact.teleported", {"anything": 1}), contact())
    assert (result.unknown, result.bad, result.applied) == (1, 0, 1)
    assert scalar(database, "SELECT count(*) FROM contacts") == 1


def _broken(build: Any, mutate: Any) -> dict[str, Any]:
    made = copy.deepcopy(build())
    mutate(made["data"])
    return made


BAD_EVENTS = {
    "contact missing id": lambda: _broken(lambda: contact(contact_id="ct_bad"), lambda d: d["contact"].pop("id")),
    "negative unread": lambda: contact(contact_id="ct_bad", unread=-1),
    "unread as text": lambda: contact(contact_id="ct_bad", unread="2"),
    "version as text": lambda: contact(version="7", contact_id="ct_bad"),  # type: ignore[arg-type]
    "phone not E.164": lambda: contact(contact_id="ct_bad", phone="55 1234 5678"),
    "unknown bot status": lambda: contact(contact_id="ct_bad", bot_status="sleeping"),
    "bad paused-until time": lambda: contact(contact_id="ct_bad", bot_paused_until="next tuesday"),
    "flag not bool": lambda: contact(contact_id="ct_bad", mystery_shopper="no"),
    "sentiment out of range": lambda: contact(contact_id="ct_bad", sentiment={"label": "hot", "score": 3, "at": None}),
    "message bad time": lambda: message("wamid.bad", contact_id="ct_bad", sent_at="yesterday"),
    "message missing contact": lambda: _broken(
        lambda: message("wamid.bad", contact_id="ct_bad"), lambda d: d["message"].pop("contact_id")
    ),
    "message inbound with sent status": lambda: message("wamid.bad", contact_id="ct_bad", status="sent"),
    "reaction without its reaction": lambda: message("wamid.bad", contact_id="ct_bad", type="reaction", text=None),
    "reaction to no message": lambda: message(
        "wamid.bad", contact_id="ct_bad", type="reaction", text=None, reaction={"emoji": "👍"}
    ),
    "location without coordinates": lambda: message(
        "wamid.bad", contact_id="ct_bad", type="location", text=None, location={"name": "Oficina", "address": None}
    ),
    "location off the globe": lambda: message(
        "wamid.bad", contact_id="ct_bad", type="location", text=None, location={"latitude": 91, "longitude": 0}
    ),
    "location message without location": lambda: message("wamid.bad", contact_id="ct_bad", type="location"),
    "image without media": lambda: message("wamid.bad", contact_id="ct_bad", type="image", text="caption"),
    "text without text": lambda: message("wamid.bad", contact_id="ct_bad", text=None),
    "data not an object": lambda: event("message.upserted", "nope"),  # type: ignore[arg-type]
    "status unknown value": lambda: status("wamid.bad", "teleported"),
    "meeting without version": lambda: _broken(
        lambda: meeting(contact_id="ct_bad"), lambda d: d["meeting"].pop("version")
    ),
    "survey answers not a list": lambda: _broken(
        lambda: survey(contact_id="ct_bad"), lambda d: d["survey"].update(answers="5")
    ),
    "funnel missing changed_by": lambda: _broken(lambda: funnel(contact_id="ct_bad"), lambda d: d.pop("changed_by")),
    "stages not a list": lambda: event("account.updated", {"funnel_stages": {"id": "new"}}),
    "no type": lambda: {"seq": 1, "id": "evt_x", "at": "2026-11-24T15:00:00Z", "data": {}},
}


@pytest.mark.parametrize("name", list(BAD_EVENTS))
def test_bad_event_is_counted_and_skipped_without_harming_the_page(database: Database, name: str) -> None:
    bad = BAD_EVENTS[name]()
    result = apply(database, contact(), bad, message(), status("wamid.1", "read"))
    assert result.bad == 1
    assert result.applied == 3
    assert scalar(database, "SELECT count(*) FROM contacts WHERE id = 'ct_bad'") == 0
    assert scalar(database, "SELECT count(*) FROM pending_statuses WHERE message_id = 'wamid.bad'") == 0
    assert scalar(database, "SELECT count(*) FROM contacts") == 1
    assert scalar(database, "SELECT count(*) FROM messages") == 1
    assert scalar(database, "SELECT count(*) FROM funnel_stages") == 0


def test_a_message_of_a_type_this_leaddesk_does_not_know_is_kept_as_unsupported(database: Database) -> None:
    result = apply(database, contact(), message("wamid.new", type="poll", text=None))
    assert (result.bad, result.applied) == (0, 2)
    assert row(database, "SELECT type FROM messages WHERE id = 'wamid.new'") == ("unsupported",)
    assert scalar(database, "SELECT message_count FROM contacts WHERE id = 'ct_1'") == 1


def test_bad_event_is_logged_without_personal_data(database: Database, caplog: pytest.LogCaptureFixture) -> None:
    apply(database, contact(contact_id="ct_secret", name="Secret Name", phone="+5215512345678", unread=-3))
    assert "skipped a bad contact.upserted" in caplog.text
    assert "Secret Name" not in caplog.text and "5512345678" not in caplog.text and "ct_secret" not in caplog.text


# --- account.updated --------------------------------------------------------------------------


def test_account_updated_replaces_stages_only_when_newer(database: Database) -> None:
    apply(database, stages("New", "Won", seq=10))
    assert (
        scalar(database, "SELECT group_concat(name, ',') FROM (SELECT name FROM funnel_stages ORDER BY position)")
        == "New,Won"
    )
    apply(database, stages("Stale", seq=5))
    apply(database, stages("Same seq", seq=10))
    assert scalar(database, "SELECT count(*) FROM funnel_stages") == 2
    apply(database, stages("A", "B", "C", seq=11))
    assert (
        scalar(database, "SELECT group_concat(name, ',') FROM (SELECT name FROM funnel_stages ORDER BY position)")
        == "A,B,C"
    )


def test_within_a_page_the_latest_account_update_wins(database: Database) -> None:
    apply(database, stages("Later", seq=21), stages("Earlier", seq=20))
    assert scalar(database, "SELECT name FROM funnel_stages") == "Later"


# --- idempotence ------------------------------------------------------------------------------


def _a_page() -> list[dict[str, Any]]:
    media = {"media_id": "md_9", "mime_type": "audio/ogg", "sha256": "cd", "filename": None, "size": 99}
    return [
        stages("New", "Won", seq=1),
        message("wamid.1"),
        message("wamid.2", direction="out"),
        status("wamid.2", "read"),
        status("wamid.2", "delivered"),
        status("wamid.later", "delivered"),
        message("wamid.3", type="audio", media=media, transcript="hola"),
        message("wamid.4", type="reaction", reaction={"message_id": "wamid.2", "emoji": "👍"}),
        contact(version=3),
        contact(version=2, name="Old"),
        meeting(version=2),
        survey(),
        funnel(),
        contact(version=1, contact_id="ct_gone", phone="+34612345678"),
        message("wamid.g", contact_id="ct_gone", **{"from": "34612345678"}),
        event("contact.erased", {"contact_id": "ct_gone"}),
        event("contact.teleported", {}),
        contact(contact_id="ct_bad", unread=-1),
    ]


def test_applying_the_same_page_twice_changes_nothing(database: Database) -> None:
    page = _a_page()
    first = apply(database, *page)
    assert (first.unknown, first.bad) == (1, 1)
    once = dump(database)
    apply(database, *page)
    twice = dump(database)
    assert twice == once


def test_applying_a_page_twice_inside_one_call_equals_once(database: Database, tmp_path: Any) -> None:
    from leaddesk.db.database import open_database

    other = open_database(tmp_path / "other.sqlite")
    try:
        apply(database, *_a_page())
        apply(other, *(_a_page() + _a_page()))
        assert dump(other) == dump(database)
    finally:
        other.close()
