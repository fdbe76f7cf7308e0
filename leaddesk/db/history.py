"""Read a contact, the client list and one contact's whole record as plain dicts.

The shapes are the command line's public ones (``cli-contract.md``: ``export clients`` and
``export history``), so the exporter, the profile dialog and tests can share them. Everything here
reads through a SQLAlchemy ``Connection``; nothing writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import phonenumbers
from sqlalchemy import Connection, text

from leaddesk.db.outbox import pending_edits_condition
from leaddesk.db.queries import DEFAULT_QUERY, ClientQuery, filter_sql
from leaddesk.db.state import AGENT_ID, AGENT_NAME
from leaddesk.domain import MessageType

#: The keys of one client in ``export clients``, in this order (also the CSV header).
CLIENT_FIELDS = (
    "id",
    "phone",
    "name",
    "last_activity",
    "bot_status",
    "bot_paused_until",
    "unread",
    "sale_status",
    "funnel_stage",
    "sentiment",
    "mystery_shopper",
    "contractor",
    "version",
    "message_count",
    "pending_edits",
)

_CLIENT_SELECT = """
SELECT c.id, c.phone, c.name, c.last_activity, c.bot_status, c.bot_paused_until, c.unread,
       c.sale_status, c.funnel_stage, c.sentiment, c.mystery_shopper, c.contractor, c.version,
       c.message_count,
       (SELECT count(*) FROM outbox AS o WHERE {pending}) AS pending_edits
  FROM contacts AS c
""".format(pending=pending_edits_condition("o", "c.id"))


def _client(row: Any) -> dict[str, Any]:
    client = dict(zip(CLIENT_FIELDS, row, strict=True))
    client["mystery_shopper"] = bool(client["mystery_shopper"])
    client["contractor"] = bool(client["contractor"])
    client["unread"] = int(client["unread"] or 0)
    return client


def iter_clients(connection: Connection, query: ClientQuery = DEFAULT_QUERY) -> Iterator[dict[str, Any]]:
    """The contacts the list shows for ``query`` (its filters, search and order) as ``export clients``
    objects, streamed. The default: every contact, newest activity first, as the list opens."""
    where, params, order = filter_sql(connection, query)
    result = connection.execute(text(f"{_CLIENT_SELECT}{where} ORDER BY {order}"), params)
    for row in result:
        yield _client(row)


#: SQLite allows 32,766 bound parameters; a block of a few hundred stays far below.
_IDS_PER_QUERY = 900


def clients_by_rowids(connection: Connection, rowids: Sequence[int]) -> list[dict[str, Any]]:
    """The ``export clients`` objects of these contacts, in the order of ``rowids`` (the list's order).

    A contact erased since the ids were read is left out.
    """
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(rowids), _IDS_PER_QUERY):
        chunk = [int(r) for r in rowids[start : start + _IDS_PER_QUERY]]
        marks = ", ".join(f":r{i}" for i in range(len(chunk)))
        result = connection.execute(
            text(_CLIENT_SELECT.replace("SELECT c.id,", "SELECT c.rowid, c.id,", 1) + f" WHERE c.rowid IN ({marks})"),
            {**{f"r{i}": rowid for i, rowid in enumerate(chunk)}},
        )
        for row in result:
            found[int(row[0])] = _client(row[1:])
    return [found[rowid] for rowid in rowids if rowid in found]


def client(connection: Connection, contact_id: str) -> dict[str, Any] | None:
    row = connection.execute(text(_CLIENT_SELECT + " WHERE c.id = :id"), {"id": contact_id}).first()
    return None if row is None else _client(row)


# --- finding a contact by what a person types -------------------------------------------------

#: Regions tried, in order, for a number written without its country code.
PHONE_REGIONS = ("MX", "ES", "US")


def phone_candidates(typed: str) -> list[str]:
    """The E.164 forms a typed phone number may be stored under (most likely first).

    A number with ``+`` or ``00`` is parsed as international; otherwise as national in each of
    :data:`PHONE_REGIONS`. Mexican mobiles may be stored with or without WhatsApp's old ``1``
    after ``+52``, so both are tried.
    """
    cleaned = typed.strip()
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    found: list[str] = []

    def add(number: str) -> None:
        variants = [number]
        if number.startswith("+521") and len(number) == 14:
            variants.append("+52" + number[4:])
        elif number.startswith("+52") and len(number) == 13:
            variants.append("+521" + number[3:])
        found.extend(v for v in variants if v not in found)

    regions: tuple[str | None, ...] = (None,) if cleaned.startswith("+") else PHONE_REGIONS
    for region in regions:
        try:
            parsed = phonenumbers.parse(cleaned, region)
        except phonenumbers.NumberParseException:
            continue
        if region is None or phonenumbers.is_possible_number(parsed):
            add(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    if cleaned.startswith("+") and digits:
        add("+" + digits)
    return found


def find_contact(connection: Connection, typed: str) -> str | None:
    """The id of the contact that ``typed`` names: a contact id, or a phone in any common notation."""
    typed = typed.strip()
    if not typed:
        return None
    row = connection.execute(text("SELECT id FROM contacts WHERE id = :id"), {"id": typed}).first()
    if row is not None:
        return str(row[0])
    for phone in phone_candidates(typed):
        row = connection.execute(
            text(
                "SELECT id FROM contacts WHERE phone = :phone "
                "ORDER BY last_activity IS NULL, last_activity DESC, id LIMIT 1"
            ),
            {"phone": phone},
        ).first()
        if row is not None:
            return str(row[0])
    return None


# --- one contact's whole record ---------------------------------------------------------------


def _loads(value: str | None) -> Any:
    return None if value is None else json.loads(value)


def messages(connection: Connection, contact_id: str) -> list[dict[str, Any]]:
    """The contact's messages oldest first, with reactions folded into the message they are about.

    For each (message, direction) the newest reaction stands; an empty emoji takes it back.
    """
    rows = connection.execute(
        text(
            "SELECT id, direction, author_kind, author_name, sent_at, type, text, status, transcript, card, "
            "media_id, media_mime_type, media_filename, media_size, location, contacts, error_code, error_title, "
            "reaction_to, reaction_emoji FROM messages WHERE contact_id = :id ORDER BY sent_at, id"
        ),
        {"id": contact_id},
    ).all()
    listed: dict[str, dict[str, Any]] = {}
    latest_reaction: dict[tuple[str, str], tuple[str, str, str]] = {}
    for row in rows:
        if row.type == MessageType.REACTION:
            if row.reaction_to:
                key = (row.reaction_to, row.direction)
                kept = latest_reaction.get(key)
                if kept is None or (row.sent_at, row.id) >= (kept[0], kept[1]):
                    latest_reaction[key] = (row.sent_at, row.id, row.reaction_emoji or "")
            continue
        message: dict[str, Any] = {
            "id": row.id,
            "direction": row.direction,
            "author": {"kind": row.author_kind, "name": row.author_name},
            "sent_at": row.sent_at,
            "type": row.type,
            "text": row.text,
            "status": row.status,
            "transcript": row.transcript,
            "card": _loads(row.card),
            "reactions": [],
        }
        if row.media_id is not None:
            message["media"] = {
                "media_id": row.media_id,
                "mime_type": row.media_mime_type,
                "filename": row.media_filename,
                "size": row.media_size,
            }
        if row.location is not None:
            message["location"] = _loads(row.location)
        if row.contacts is not None:
            message["contacts"] = _loads(row.contacts)
        if row.error_code is not None or row.error_title is not None:
            code: Any = row.error_code
            if isinstance(code, str) and code.lstrip("-").isdigit():
                code = int(code)
            message["error"] = {"code": code, "title": row.error_title}
        listed[row.id] = message
    for (target, direction), (_, _, emoji) in sorted(latest_reaction.items()):
        if emoji and target in listed:
            listed[target]["reactions"].append({"emoji": emoji, "direction": direction})
    return list(listed.values())


def meetings(connection: Connection, contact_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        text(
            "SELECT id, title, starts_at, ends_at, location, status, agent_name FROM meetings "
            "WHERE contact_id = :id ORDER BY starts_at IS NULL, starts_at, id"
        ),
        {"id": contact_id},
    ).all()
    return [
        {
            "id": r.id,
            "title": r.title,
            "starts_at": r.starts_at,
            "ends_at": r.ends_at,
            "location": r.location,
            "status": r.status,
            "agent": r.agent_name,
        }
        for r in rows
    ]


def _score(value: float | None) -> float | int | None:
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def surveys(connection: Connection, contact_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        text("SELECT id, meeting_id, submitted_at FROM surveys WHERE contact_id = :id ORDER BY submitted_at, id"),
        {"id": contact_id},
    ).all()
    answers: dict[str, list[dict[str, Any]]] = {r.id: [] for r in rows}
    for a in connection.execute(
        text(
            "SELECT a.survey_id, a.question, a.answer, a.score FROM survey_answers AS a "
            "JOIN surveys AS s ON s.id = a.survey_id WHERE s.contact_id = :id ORDER BY a.survey_id, a.position"
        ),
        {"id": contact_id},
    ):
        answers[a.survey_id].append({"question": a.question, "answer": a.answer, "score": _score(a.score)})
    return [
        {"id": r.id, "meeting_id": r.meeting_id, "submitted_at": r.submitted_at, "answers": answers[r.id]} for r in rows
    ]


def funnel_history(connection: Connection, contact_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        text(
            "SELECT from_stage, to_stage, changed_by_kind, changed_by_name, note, at FROM funnel_changes "
            "WHERE contact_id = :id ORDER BY at, id"
        ),
        {"id": contact_id},
    ).all()
    return [
        {
            "from_stage": r.from_stage,
            "to_stage": r.to_stage,
            "changed_by": {"kind": r.changed_by_kind, "name": r.changed_by_name},
            "note": r.note,
            "at": r.at,
        }
        for r in rows
    ]


def conflicts(connection: Connection, contact_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        text("SELECT field, mine, theirs, at, resolved FROM edit_conflicts WHERE contact_id = :id ORDER BY at, id"),
        {"id": contact_id},
    ).all()
    return [
        {"field": r.field, "mine": _loads(r.mine), "theirs": _loads(r.theirs), "at": r.at, "resolved": bool(r.resolved)}
        for r in rows
    ]


def config(connection: Connection, contact_id: str) -> dict[str, Any]:
    row = connection.execute(text("SELECT config FROM contacts WHERE id = :id"), {"id": contact_id}).first()
    loaded = _loads(row[0]) if row is not None and row[0] else {}
    return loaded if isinstance(loaded, dict) else {}


def stage_names(connection: Connection) -> dict[str, str]:
    """The account's funnel stages: id to the name the window shows."""
    return {str(r[0]): str(r[1]) for r in connection.execute(text("SELECT id, name FROM funnel_stages"))}


def agent_names(connection: Connection) -> dict[str, str]:
    """Agent ids to names, from what the cache knows: meetings' agents and the signed-in agent."""
    names = {
        str(r[0]): str(r[1])
        for r in connection.execute(
            text(
                "SELECT DISTINCT agent_id, agent_name FROM meetings "
                "WHERE agent_id IS NOT NULL AND agent_name IS NOT NULL"
            )
        )
    }
    own: dict[str, str | None] = dict(
        connection.execute(
            text("SELECT key, value FROM sync_state WHERE key IN (:id, :name)"), {"id": AGENT_ID, "name": AGENT_NAME}
        ).all()
    )
    if own.get(AGENT_ID) and own.get(AGENT_NAME):
        names[str(own[AGENT_ID])] = str(own[AGENT_NAME])
    return names


def contact_history(connection: Connection, contact_id: str) -> dict[str, Any] | None:
    """The ``export history`` object of one contact, or None if there is no such contact."""
    found = client(connection, contact_id)
    if found is None:
        return None
    return {
        "contact": found,
        "messages": messages(connection, contact_id),
        "meetings": meetings(connection, contact_id),
        "surveys": surveys(connection, contact_id),
        "funnel_history": funnel_history(connection, contact_id),
        "config": config(connection, contact_id),
        "conflicts": conflicts(connection, contact_id),
    }
