"""An independent reference for the sync tests: what the relay served, reduced by the protocol's rules.

The sync tests used to compare the engine with itself (one clean run against a faulty one), so a rule
broken in the applier was broken on both sides and no test noticed. Here the expected cache is worked
out from the events the simulator actually served, by a short reduction written from
``shared/relay-protocol.md`` alone (nothing of ``leaddesk.sync`` is imported):

- ``contact.upserted``: the state with the highest ``version`` wins; an older one changes nothing.
- ``contact.erased``: the contact and everything about it is gone, and a tombstone stays.
- A message, meeting, survey or funnel change about a contact never described makes a placeholder
  contact (phone from the message's ``from``, where given; no version).
- ``message.status``: a status never goes back: ``sent`` < ``delivered`` < ``read``; ``failed``
  stands over ``sent`` and ``delivered``, not over ``read``. A status for an unknown message is kept.
- ``meeting.upserted`` by ``version`` like a contact; surveys and funnel changes by id.
- Delivery is at least once: duplicates change nothing. Unknown types and bad events are skipped.

:func:`differences` compares a cache file with the reduction and names each difference.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Status ranks from the protocol page ("a status never goes back").
_RANK = {"received": 0, "sent": 1, "delivered": 2, "read": 3}
_BOT = {"active", "paused", "agent"}
_SALE = {"none", "pending", "signed", "sold"}
_DIRECTIONS = {"in", "out"}
_AUTHORS = {"client", "bot", "agent"}
_MESSAGE_TYPES = {
    *("text", "image", "audio", "video", "document", "sticker", "location"),
    *("contacts", "interactive", "button", "reaction", "unsupported"),
}
_STATUSES = {"received", "sent", "delivered", "read", "failed"}
_MEETING_STATUSES = {"scheduled", "completed", "cancelled", "no_show"}


def stronger_status(held: str, new: str) -> str:
    """The status that stands when ``new`` arrives over ``held``."""
    if "read" in (held, new):
        return "read"
    if "failed" in (held, new):
        return "failed"
    return held if _RANK.get(held, 0) >= _RANK.get(new, 0) else new


@dataclass
class Reference:
    """The cache the protocol says these events make, as plain values."""

    contacts: dict[str, dict[str, Any]] = field(default_factory=dict)
    placeholders: dict[str, str | None] = field(default_factory=dict)
    erased: set[str] = field(default_factory=set)
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)
    statuses: dict[str, tuple[str, Any]] = field(default_factory=dict)  # message id -> (status, error)
    status_events: set[str] = field(default_factory=set)  # message ids named by a message.status
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)
    surveys: dict[str, dict[str, Any]] = field(default_factory=dict)
    funnel_changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    stages: list[dict[str, Any]] | None = None
    stages_seq: int = -1


def _contact_ok(contact: Any) -> bool:
    return (
        isinstance(contact, dict)
        and isinstance(contact.get("id"), str)
        and isinstance(contact.get("version"), int)
        and contact.get("bot_status") in _BOT
        and contact.get("sale_status") in _SALE
        and (contact.get("unread") is None or (isinstance(contact["unread"], int) and contact["unread"] >= 0))
    )


def _message_ok(message: Any) -> bool:
    return (
        isinstance(message, dict)
        and isinstance(message.get("id"), str)
        and isinstance(message.get("contact_id"), str)
        and message.get("direction") in _DIRECTIONS
        and isinstance(message.get("author"), dict)
        and message["author"].get("kind") in _AUTHORS
        and isinstance(message.get("sent_at"), str)
        and message.get("type") in _MESSAGE_TYPES
        and message.get("status") in _STATUSES
    )


def reduce_events(events: Iterable[Any]) -> Reference:
    """Fold served events (in the order served, duplicates and all) into the cache they should make."""
    ref = Reference()
    mentioned: list[tuple[str, str | None]] = []  # (contact id, phone from a message)
    for event in events:
        if not isinstance(event, dict) or not isinstance(event.get("data"), dict):
            continue
        kind, data, seq = event.get("type"), event["data"], event.get("seq")
        if kind == "contact.upserted" and _contact_ok(data.get("contact")):
            contact = data["contact"]
            held = ref.contacts.get(contact["id"])
            if held is None or contact["version"] > held["version"]:
                ref.contacts[contact["id"]] = contact
        elif kind == "contact.erased" and isinstance(data.get("contact_id"), str):
            ref.erased.add(data["contact_id"])
        elif kind == "message.upserted" and _message_ok(data.get("message")):
            message = data["message"]
            ref.messages[message["id"]] = message
            sender = message.get("from")
            mentioned.append((message["contact_id"], "+" + sender if isinstance(sender, str) and sender else None))
            held_status = ref.statuses.get(message["id"])
            ref.statuses[message["id"]] = _combine(held_status, message["status"], message.get("error"))
        elif kind == "message.status" and isinstance(data.get("message_id"), str) and data.get("status") in _STATUSES:
            held_status = ref.statuses.get(data["message_id"])
            ref.statuses[data["message_id"]] = _combine(held_status, data["status"], data.get("error"))
            ref.status_events.add(data["message_id"])
        elif kind == "meeting.upserted" and isinstance(data.get("meeting"), dict):
            meeting = data["meeting"]
            if meeting.get("status") in _MEETING_STATUSES and isinstance(meeting.get("version"), int):
                held = ref.meetings.get(meeting["id"])
                if held is None or meeting["version"] > held["version"]:
                    ref.meetings[meeting["id"]] = meeting
                mentioned.append((meeting["contact_id"], None))
        elif kind == "survey.submitted" and isinstance(data.get("survey"), dict):
            ref.surveys[data["survey"]["id"]] = data["survey"]
            mentioned.append((data["survey"]["contact_id"], None))
        elif kind == "funnel.changed" and isinstance(data.get("id"), str):
            ref.funnel_changes[data["id"]] = data
            mentioned.append((data["contact_id"], None))
        elif (
            kind == "account.updated"
            and isinstance(data.get("funnel_stages"), list)
            and isinstance(seq, int)
            and seq > ref.stages_seq  # the newest account state stands, whatever order it came in
        ):
            ref.stages, ref.stages_seq = data["funnel_stages"], seq
    for contact_id, phone in mentioned:
        if contact_id not in ref.contacts and not ref.placeholders.get(contact_id):
            ref.placeholders[contact_id] = phone
    _forget(ref)
    return ref


def _combine(held: tuple[str, Any] | None, status: str, error: Any) -> tuple[str, Any]:
    if held is None:
        return status, error
    winner = stronger_status(held[0], status)
    if winner == held[0]:
        return held
    return status, error


def _forget(ref: Reference) -> None:
    """Erasure: nothing about an erased contact stays, whenever the other events came."""
    gone = ref.erased
    ref.contacts = {k: v for k, v in ref.contacts.items() if k not in gone}
    ref.placeholders = {k: v for k, v in ref.placeholders.items() if k not in gone}
    ref.messages = {k: v for k, v in ref.messages.items() if v["contact_id"] not in gone}
    ref.meetings = {k: v for k, v in ref.meetings.items() if v["contact_id"] not in gone}
    ref.surveys = {k: v for k, v in ref.surveys.items() if v["contact_id"] not in gone}
    ref.funnel_changes = {k: v for k, v in ref.funnel_changes.items() if v["contact_id"] not in gone}


# --- what the cache should hold, row by row --------------------------------------------------------


def expected_rows(ref: Reference) -> dict[str, set[tuple[Any, ...]]]:
    """The reference as the rows :func:`cache_rows` reads from a cache file."""
    contacts = {
        (
            c["id"],
            c["phone"],
            c.get("name"),
            c["bot_status"],
            c.get("bot_paused_until"),
            c.get("unread") or 0,
            c["sale_status"],
            c.get("funnel_stage"),
            (c.get("sentiment") or {}).get("label"),
            bool(c.get("mystery_shopper")),
            bool(c.get("contractor")),
            json.dumps(c.get("config") or {}, sort_keys=True),
            c["version"],
        )
        for c in ref.contacts.values()
    }
    contacts |= {
        (cid, phone, None, "active", None, 0, "none", None, None, False, False, "{}", None)
        for cid, phone in ref.placeholders.items()
    }
    messages = set()
    for m in ref.messages.values():
        status, error = ref.statuses[m["id"]]
        reaction = m.get("reaction") or {}
        messages.add(
            (
                m["id"],
                m["contact_id"],
                m["direction"],
                m["author"]["kind"],
                m["sent_at"],
                m["type"],
                m.get("text"),
                reaction.get("message_id"),
                reaction.get("emoji"),
                status,
                str(error["code"]) if status == "failed" and error else None,
            )
        )
    waiting = {
        (message_id, ref.statuses[message_id][0]) for message_id in ref.status_events if message_id not in ref.messages
    }
    meetings = {
        (m["id"], m["contact_id"], m.get("title"), m.get("starts_at"), m.get("location"), m["status"], m["version"])
        for m in ref.meetings.values()
    }
    surveys = {
        (s["id"], s["contact_id"], s.get("meeting_id"), tuple((a["question"], a.get("answer")) for a in s["answers"]))
        for s in ref.surveys.values()
    }
    funnel = {
        (f["id"], f["contact_id"], f.get("from_stage"), f["to_stage"], f["changed_by"]["kind"], f.get("note"))
        for f in ref.funnel_changes.values()
    }
    stages = {(s["id"], s["name"], bool(s["manual"])) for s in ref.stages or []}
    return {
        "contacts": contacts,
        "messages": messages,
        "pending_statuses": waiting,
        "meetings": meetings,
        "surveys": surveys,
        "funnel_changes": funnel,
        "funnel_stages": stages,
        "erased_contacts": {(cid,) for cid in ref.erased},
    }


_CACHE_QUERIES: dict[str, str] = {
    "contacts": "SELECT id, phone, name, bot_status, bot_paused_until, unread, sale_status, funnel_stage, "
    "sentiment, mystery_shopper, contractor, config, version FROM contacts",
    "messages": "SELECT id, contact_id, direction, author_kind, sent_at, type, text, reaction_to, reaction_emoji, "
    "status, error_code FROM messages",
    "pending_statuses": "SELECT message_id, status FROM pending_statuses",
    "meetings": "SELECT id, contact_id, title, starts_at, location, status, version FROM meetings",
    "surveys": "SELECT s.id, s.contact_id, s.meeting_id, "
    "(SELECT json_group_array(json_array(question, answer)) FROM "
    "(SELECT question, answer FROM survey_answers a WHERE a.survey_id = s.id ORDER BY position)) FROM surveys s",
    "funnel_changes": "SELECT id, contact_id, from_stage, to_stage, changed_by_kind, note FROM funnel_changes",
    "funnel_stages": "SELECT id, name, manual FROM funnel_stages",
    "erased_contacts": "SELECT contact_id FROM erased_contacts",
}
_CONVERT: dict[str, Callable[[tuple[Any, ...]], tuple[Any, ...]]] = {
    "contacts": lambda r: (
        *r[:9],
        bool(r[9]),
        bool(r[10]),
        json.dumps(json.loads(r[11] or "{}"), sort_keys=True),
        r[12],
    ),
    "surveys": lambda r: (*r[:3], tuple(tuple(pair) for pair in json.loads(r[3]))),
    "funnel_stages": lambda r: (r[0], r[1], bool(r[2])),
}


def cache_rows(path: Path) -> dict[str, set[tuple[Any, ...]]]:
    """The same rows, read from a cache file."""
    connection = sqlite3.connect(path)
    try:
        rows: dict[str, set[tuple[Any, ...]]] = {}
        for table, sql in _CACHE_QUERIES.items():
            convert = _CONVERT.get(table, tuple)
            rows[table] = {convert(tuple(row)) for row in connection.execute(sql)}
        return rows
    finally:
        connection.close()


def differences(path: Path, ref: Reference) -> list[str]:
    """Each row the cache at ``path`` lacks or has beyond the reference, named; empty when they agree."""
    expected, actual = expected_rows(ref), cache_rows(path)
    found: list[str] = []
    for table, rows in expected.items():
        for row in sorted(rows - actual[table], key=repr):
            found.append(f"{table}: missing {row!r}")
        for row in sorted(actual[table] - rows, key=repr):
            found.append(f"{table}: unexpected {row!r}")
    return found


class ServedLog:
    """Records every event a :class:`~tests.relay_simulator.server.RelaySimulator` serves in a 200 page."""

    def __init__(self, sim: Any) -> None:
        self.events: list[Any] = []
        serve: Callable[[str, int], tuple[int, bytes]] = sim.events_page

        def recording(after: str, limit: int) -> tuple[int, bytes]:
            status, body = serve(after, limit)
            if status == 200:
                self.events.extend(json.loads(body)["events"])
            return status, body

        sim.events_page = recording

    def reference(self) -> Reference:
        return reduce_events(self.events)


def reference_of(events: Iterable[bytes | Mapping[str, Any]]) -> Reference:
    """The reference of events given as the simulator keeps them (serialised) or as dicts."""
    return reduce_events(json.loads(e) if isinstance(e, bytes | bytearray) else e for e in events)
