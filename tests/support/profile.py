"""Seed data for the profile/edit tests, made through the real event applier (no hand-written rows)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from leaddesk.db.database import Database
from leaddesk.db.state import AGENT_NAME, set_state
from leaddesk.domain import format_time, utc_now
from leaddesk.sync.apply import apply_events
from tests.relay_simulator.server import make_contact, make_message

STAGES = [
    {"id": "new", "name": "New lead", "order": 1, "color": "#8E9AAF", "manual": True},
    {"id": "interested", "name": "Interested", "order": 2, "color": "#4F86C6", "manual": True},
    {"id": "visit_scheduled", "name": "Visit scheduled", "order": 3, "color": "#F2A541", "manual": True},
    {"id": "visit_completed", "name": "Visit completed", "order": 4, "color": "#E4572E", "manual": False},
    {"id": "closed", "name": "Closed", "order": 7, "color": "#3BB273", "manual": True},
]


def contact_state(
    contact_id: str, phone: str, name: str | None = "Ana López", version: int = 1, **extra: Any
) -> dict[str, Any]:
    defaults: dict[str, Any] = {
        "unread": 2,
        "sentiment": {"label": "warm", "score": 0.4, "at": "2026-11-24T15:03:59Z"},
        "config": {"language": "es"},
        "created_at": "2026-11-01T09:12:00Z",
        "updated_at": "2026-11-24T15:03:59Z",
    }
    return make_contact(contact_id, phone, **{**defaults, "name": name, "version": version, **extra})


def message(contact_id: str, message_id: str, sent_at: str, text: str | None, **extra: Any) -> dict[str, Any]:
    direction = extra.pop("direction", "in")
    outbound_status = {} if direction == "in" else {"status": "delivered"}
    return make_message(
        message_id,
        contact_id,
        direction=direction,
        text=text,
        sent_at=sent_at,
        phone="+5215512345678",
        **{**outbound_status, **extra},
    )


def seed(database: Database, events: list[dict[str, Any]], agent: str = "Laura Pérez") -> None:
    numbered = [{"seq": i + 1, "id": f"evt_{i}", "at": "2026-11-24T15:00:00Z", **e} for i, e in enumerate(events)]
    with database.write() as connection:
        apply_events(connection, numbered)
        set_state(connection, AGENT_NAME, agent)


def stages_event() -> dict[str, Any]:
    return {"type": "account.updated", "data": {"funnel_stages": STAGES}}


def seed_contacts(database: Database, count: int, prefix: str = "ct_") -> list[str]:
    ids = [f"{prefix}{i:04d}" for i in range(count)]
    events: list[dict[str, Any]] = [stages_event()]
    events += [
        {"type": "contact.upserted", "data": {"contact": contact_state(cid, f"+52155{i:08d}", f"Client {i}")}}
        for i, cid in enumerate(ids)
    ]
    seed(database, events)
    return ids


def seed_rich_contact(database: Database, contact_id: str = "ct_8812", hostile: str | None = None) -> None:
    """One contact with every kind of message, a meeting, a survey, funnel history and config."""
    now = utc_now()
    recent = format_time(now - timedelta(hours=1))
    name = hostile if hostile is not None else "Ana López"
    text = hostile if hostile is not None else "Hola, ¿sigue disponible el depto de 2 recámaras?"
    msgs = [
        message(contact_id, "m1", "2026-11-20T10:00:00Z", text),
        message(
            contact_id,
            "m2",
            "2026-11-20T10:01:00Z",
            "Sí, aquí tienes opciones",
            direction="out",
            card={"title": hostile or "Torre B, 2BR", "description": "82 m²", "price": 3450000, "currency": "MXN"},
        ),
        message(
            contact_id,
            "m3",
            "2026-11-21T09:00:00Z",
            None,
            type="image",
            media={
                "media_id": "md_1",
                "mime_type": "image/jpeg",
                "sha256": "ab" * 32,
                "filename": "plano.jpg",
                "size": 1000,
            },
        ),
        message(
            contact_id,
            "m4",
            "2026-11-21T09:01:00Z",
            None,
            type="audio",
            transcript=hostile or "Me interesa visitar",
            media={"media_id": "md_2", "mime_type": "audio/ogg", "sha256": "cd" * 32, "filename": None, "size": 2000},
        ),
        message(
            contact_id,
            "m5",
            "2026-11-21T09:02:00Z",
            None,
            type="location",
            location={"latitude": 19.4, "longitude": -99.1, "name": "Oficina", "address": hostile or "Av. Reforma 250"},
        ),
        message(
            contact_id,
            "m6",
            "2026-11-21T09:03:00Z",
            None,
            type="reaction",
            reaction={"message_id": "m2", "emoji": "👍"},
        ),
        message(
            contact_id,
            "m7",
            "2026-11-21T09:04:00Z",
            "Gracias",
            direction="out",
            author={"kind": "agent", "name": "Laura Pérez"},
            status="read",
        ),
        message(
            contact_id,
            "m8",
            "2026-11-21T09:05:00Z",
            "Hola",
            direction="out",
            status="failed",
            error={"code": 131047, "title": "Re-engagement message"},
        ),
        message(
            contact_id,
            "m9",
            "2026-11-22T09:00:00Z",
            None,
            type="document",
            media={
                "media_id": "md_3",
                "mime_type": "application/pdf",
                "sha256": "ef" * 32,
                "filename": hostile or "contrato.pdf",
                "size": 50000,
            },
        ),
        message(contact_id, "m10", "2026-11-22T09:01:00Z", None, type="unsupported"),
        message(contact_id, "m11", "2026-11-22T09:02:00Z", "Opción 2", type="button"),
        message(contact_id, "m12", recent, "¿Podemos vernos mañana?"),
    ]
    events: list[dict[str, Any]] = [
        stages_event(),
        {
            "type": "contact.upserted",
            "data": {
                "contact": contact_state(
                    contact_id, "+5215512345678", name, version=7, config={"language": "es", "note": hostile or "vip"}
                )
            },
        },
    ]
    events += [{"type": "message.upserted", "data": {"message": m}} for m in msgs]
    events += [
        {
            "type": "meeting.upserted",
            "data": {
                "meeting": {
                    "id": "mt_301",
                    "contact_id": contact_id,
                    "title": hostile or "Visit: Torre B, 2BR model",
                    "starts_at": "2026-11-27T17:00:00Z",
                    "ends_at": "2026-11-27T18:00:00Z",
                    "location": hostile or "Sales office, Av. Reforma 250",
                    "status": "completed",
                    "agent": {"id": "ag_19", "name": "Laura Pérez"},
                    "version": 2,
                }
            },
        },
        {
            "type": "survey.submitted",
            "data": {
                "survey": {
                    "id": "sv_55",
                    "contact_id": contact_id,
                    "meeting_id": "mt_301",
                    "submitted_at": "2026-11-28T10:00:00Z",
                    "answers": [
                        {"question": "How would you rate the visit?", "answer": "5", "score": 5},
                        {
                            "question": "What would make you decide?",
                            "answer": hostile or "Parking space",
                            "score": None,
                        },
                    ],
                }
            },
        },
        {
            "type": "funnel.changed",
            "data": {
                "id": "fc_1",
                "contact_id": contact_id,
                "from_stage": None,
                "to_stage": "new",
                "changed_by": {"kind": "bot", "id": None, "name": "Bot"},
                "note": None,
                "at": "2026-11-20T10:00:00Z",
            },
        },
        {
            "type": "funnel.changed",
            "data": {
                "id": "fc_2",
                "contact_id": contact_id,
                "from_stage": "new",
                "to_stage": "interested",
                "changed_by": {"kind": "agent", "id": "ag_19", "name": "Laura Pérez"},
                "note": hostile or "Asked for prices",
                "at": "2026-11-21T10:00:00Z",
            },
        },
    ]
    seed(database, events)


def seed_many_messages(database: Database, contact_id: str, count: int) -> None:
    """A contact with ``count`` text messages, spread over days, in pages like the sync's."""
    seed(
        database,
        [
            stages_event(),
            {"type": "contact.upserted", "data": {"contact": contact_state(contact_id, "+5215500000001")}},
        ],
    )
    start = utc_now() - timedelta(minutes=37 * count)
    for base in range(0, count, 2000):
        page = []
        for i in range(base, min(count, base + 2000)):
            moment = format_time(start + timedelta(minutes=37 * i))
            out = i % 3 == 0
            page.append(
                {
                    "type": "message.upserted",
                    "data": {
                        "message": message(
                            contact_id,
                            f"bulk_{i:06d}",
                            moment,
                            f"Message number {i}: "
                            + ("Claro, con gusto le comparto la información del desarrollo. " * (1 + i % 4)),
                            direction="out" if out else "in",
                        )
                    },
                }
            )
        seed(database, page)
