"""Logs for the simulator: a scripted one with every event type and trap, and large generated ones."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from tests.relay_simulator.server import CONTACT_FIELDS, RelaySimulator, make_contact, make_message

PHONE_BASE = 5215500000000


def scripted_log(sim: RelaySimulator) -> None:
    """Every event type, duplicates, out-of-order statuses, a stale version, a message before its
    contact, an erasure, an unknown type and a malformed event."""
    ana = make_contact(
        "ct_ana",
        "+5215512345678",
        name="Ana López",
        sentiment={"label": "warm", "score": 0.42, "at": "2026-11-24T15:03:59Z"},
        profile_image={
            "media_id": "md_ana",
            "sha256": sim.add_media("md_ana", b"\x89PNG ana"),
            "mime_type": "image/png",
        },
        config={"language": "es"},
    )
    # A message (and a meeting) before their contact: placeholders the contact fills in.
    sim.add_message(make_message("wamid.A1", "ct_ana", text="Hola, ¿sigue disponible?", phone="+5215512345678"))
    sim.add_event(
        "meeting.upserted",
        {
            "meeting": {
                "id": "mt_1",
                "contact_id": "ct_ana",
                "title": "Visit: Torre B, 2BR model",
                "starts_at": "2026-11-27T17:00:00Z",
                "ends_at": "2026-11-27T18:00:00Z",
                "location": "Sales office, Av. Reforma 250",
                "status": "scheduled",
                "agent": {"id": "ag_19", "name": "Laura Pérez"},
                "version": 1,
            }
        },
    )
    sim.add_contact(ana)
    ana2 = dict(ana, version=2, unread=2, funnel_stage="interested")
    sim.add_contact(ana2)
    sim.add_raw(
        {
            "seq": 900,
            "id": "evt_stale",
            "type": "contact.upserted",
            "at": "2026-11-24T15:00:00Z",
            "data": {"contact": dict(ana, version=1, name="Stale Name")},
        }
    )
    sim.add_event(
        "funnel.changed",
        {
            "id": "fc_1",
            "contact_id": "ct_ana",
            "from_stage": "new",
            "to_stage": "interested",
            "changed_by": {"kind": "bot", "id": None, "name": "Bot"},
            "note": None,
            "at": "2026-11-24T15:04:00Z",
        },
    )
    # An outbound message whose statuses come out of order, one before the message itself.
    sim.add_event("message.status", {"message_id": "wamid.B1", "status": "read", "at": "2026-11-24T15:06:00Z"})
    sim.add_message(
        make_message(
            "wamid.B1",
            "ct_ana",
            direction="out",
            text="¡Sí! ¿Cuándo le gustaría visitarlo?",
            sent_at="2026-11-24T15:05:00Z",
        )
    )
    sim.add_event("message.status", {"message_id": "wamid.B1", "status": "delivered", "at": "2026-11-24T15:05:30Z"})
    sim.add_message(
        make_message(
            "wamid.A2",
            "ct_ana",
            text=None,
            sent_at="2026-11-24T15:07:00Z",
            phone="+5215512345678",
            type="image",
            media={
                "media_id": "md_img",
                "mime_type": "image/jpeg",
                "sha256": sim.add_media("md_img", b"jpeg-bytes" * 50),
                "filename": None,
                "size": 500,
            },
        )
    )
    sim.add_message(
        make_message(
            "wamid.A3",
            "ct_ana",
            text=None,
            sent_at="2026-11-24T15:08:00Z",
            phone="+5215512345678",
            type="reaction",
            reaction={"message_id": "wamid.B1", "emoji": "👍"},
        )
    )
    sim.add_message(
        make_message(
            "wamid.B2",
            "ct_ana",
            direction="out",
            text="Le comparto el depto",
            sent_at="2026-11-24T15:09:00Z",
            card={"title": "Torre B 2BR", "price": 4500000, "currency": "MXN", "media_id": "md_card"},
        )
    )
    sim.add_media("md_card", b"card image")
    sim.add_event(
        "meeting.upserted",
        {
            "meeting": {
                "id": "mt_1",
                "contact_id": "ct_ana",
                "title": "Visit: Torre B, 2BR model",
                "starts_at": "2026-11-27T17:00:00Z",
                "ends_at": "2026-11-27T18:00:00Z",
                "location": "Sales office",
                "status": "completed",
                "agent": {"id": "ag_19", "name": "Laura Pérez"},
                "version": 2,
            }
        },
    )
    sim.add_event(
        "survey.submitted",
        {
            "survey": {
                "id": "sv_1",
                "contact_id": "ct_ana",
                "meeting_id": "mt_1",
                "submitted_at": "2026-11-28T10:00:00Z",
                "answers": [
                    {"question": "How would you rate the visit?", "answer": "5", "score": 5},
                    {"question": "What would make you decide?", "answer": "Parking", "score": None},
                ],
            }
        },
    )
    stages = [dict(s) for s in sim.funnel_stages]
    stages[1]["name"] = "Interested (warm)"
    sim.set_funnel_stages(stages)
    # A second client, later erased; a third one stays.
    sim.add_contact(make_contact("ct_gone", "+5215599999999", name="Borrar Me"))
    sim.add_message(make_message("wamid.G1", "ct_gone", text="Adiós", phone="+5215599999999"))
    sim.add_event("contact.erased", {"contact_id": "ct_gone"})
    sim.add_message(make_message("wamid.G2", "ct_gone", text="ignored after erasure", phone="+5215599999999"))
    sim.add_contact(make_contact("ct_beto", "+5215511112222", name="Beto"))
    sim.add_message(
        make_message(
            "wamid.C1", "ct_beto", text="Info por favor", phone="+5215511112222", sent_at="2026-11-24T14:00:00Z"
        )
    )
    # Unknown type, malformed events, duplicates.
    sim.add_event("contact.archived", {"contact_id": "ct_beto"})
    sim.add_event("message.upserted", {"message": {"id": "wamid.BAD", "direction": "sideways"}})
    sim.add_raw("not even an object")
    sim.add_event("contact.upserted", {"contact": dict(ana2, id="ct_bad", unread=-1)})
    sim.duplicate(0)
    sim.duplicate(5)


def _contact_json(index: int) -> str:
    contact = make_contact(f"ct_{index:07d}", f"+{PHONE_BASE + index}", name=f"Client {index}")
    return json.dumps(contact, separators=(",", ":"))


_MESSAGE = (
    '{{"seq":{seq},"id":"evt_{seq}","type":"message.upserted","at":"2026-11-24T15:03:59Z","data":{{"message":'
    '{{"id":"wamid.G{index:09d}","contact_id":"ct_{contact:07d}","direction":"{direction}","from":{sender},'
    '"author":{{"kind":"{kind}","name":null}},"sent_at":"2026-11-{day:02d}T{hour:02d}:{minute:02d}:00Z",'
    '"type":"text","text":"Mensaje número {index} sobre el depto","media":null,"location":null,"reaction":null,'
    '"transcript":null,"card":null,"status":"{status}","error":null,"raw":{{}}}}}}}}'
)


def generated_log(messages: int, *, start_seq: int = 1, per_contact: int = 20) -> Iterator[bytes]:
    """``messages`` message events (each contact's upsert first), pre-serialised."""
    seq = start_seq
    contacts = max(1, messages // per_contact)
    for index in range(messages):
        contact = index % contacts
        if index < contacts:
            yield (
                f'{{"seq":{seq},"id":"evt_{seq}","type":"contact.upserted","at":"2026-11-24T15:03:59Z",'
                f'"data":{{"contact":{_contact_json(contact)}}}}}'
            ).encode()
            seq += 1
        inbound = index % 2 == 0
        yield _MESSAGE.format(
            seq=seq,
            index=index,
            contact=contact,
            direction="in" if inbound else "out",
            sender=f'"{PHONE_BASE + contact}"' if inbound else "null",
            kind="client" if inbound else "bot",
            day=1 + index % 28,
            hour=index % 24,
            minute=index % 60,
            status="received" if inbound else "delivered",
        ).encode()
        seq += 1


def add_generated(sim: RelaySimulator, messages: int, *, per_contact: int = 20) -> None:
    """Serve ``messages`` generated messages, and know their contacts, so commands about them apply.

    The log is added pre-serialised (fast), so the simulator does not see the contacts go by; they are
    registered here as version 1, as in the log, and new events continue after the log's last seq.
    """
    start = sim.log_length + 1
    contacts = max(1, messages // per_contact)
    sim.add_serialized(generated_log(messages, start_seq=start, per_contact=per_contact))
    with sim.lock:
        for index in range(contacts):
            contact = make_contact(f"ct_{index:07d}", f"+{PHONE_BASE + index}", name=f"Client {index}")
            sim.contacts[contact["id"]] = contact
            sim.field_versions[contact["id"]] = dict.fromkeys(CONTACT_FIELDS, 1)
        sim.continue_after(start + contacts + messages - 1)


def load_demo_into(sim: RelaySimulator) -> None:
    """The demo's believable data (``leaddesk.demo.demo_events()``), or a scripted log if it is not there."""
    try:
        from leaddesk.demo import demo_events  # type: ignore[attr-defined]
    except ImportError:
        scripted_log(sim)
        sim.add_serialized(generated_log(2000, start_seq=sim.log_length + 100))
        return
    for event in demo_events():
        event_type: Any = event.get("type")
        if isinstance(event_type, str) and isinstance(event.get("data"), dict):
            sim.add_event(event_type, event["data"], at=event.get("at"))
