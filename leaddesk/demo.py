"""The demo database: about 300 believable leads of a real-estate sales office, made on first use.

The demo is generated as relay events (``relay-protocol.md``) and fed through the same event applier
as a real sync, so it exercises that path: contacts that arrive after their first message
(placeholders), states sent more than once with growing versions, out-of-order message statuses,
reactions taken back, an erasure. Everything is drawn from ``random.Random(seed)`` and placed
relative to the fixed :data:`ANCHOR`. When a demo database is made, every time is then moved by whole
hours so that the anchor falls on the current hour: the newest lead wrote "3 h ago" and upcoming
visits are upcoming, whenever the demo is opened. Two demo databases made in the same hour (or with
the same ``LEADDESK_DEMO_NOW``) are identical.

Phones are valid by ``phonenumbers`` (Mexican mobiles in today's ``+52`` + 10 digits form, US
numbers in the fictional 555-01XX range). The demo has no relay, so media stays "missing".

The words (names, agents, the office and its units, and what leads, bot and agents write) live in
``resources/demo/*.json``, read through :func:`leaddesk.paths.resource`; this module holds the story.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import phonenumbers

from leaddesk.db.database import Database, open_database
from leaddesk.db.state import ACCOUNT_ID, ACCOUNT_NAME, AGENT_ID, AGENT_NAME, AGENT_ROLE, CURSOR, set_state
from leaddesk.domain import format_time, parse_time, utc_now
from leaddesk.paths import resource
from leaddesk.sync.apply import apply_events

#: Every demo time is placed relative to this moment, never to the clock.
ANCHOR = parse_time("2026-11-24T15:00:00Z")
DEFAULT_SEED = 20261124
DEMO_CONTACTS = 300
PAGE_SIZE = 500

ACCOUNT = {"id": "acc_demo", "name": "Torres del Parque Sales"}
ME = {"id": "ag_19", "name": "Laura Pérez", "role": "agent"}

FUNNEL_STAGES: list[dict[str, Any]] = [
    {"id": "new", "name": "New lead", "order": 1, "color": "#8E9AAF", "manual": True},
    {"id": "interested", "name": "Interested", "order": 2, "color": "#4F86C6", "manual": True},
    {"id": "visit_scheduled", "name": "Visit scheduled", "order": 3, "color": "#F2A541", "manual": True},
    {"id": "visit_completed", "name": "Visit completed", "order": 4, "color": "#E4572E", "manual": False},
    {"id": "proposal_sent", "name": "Proposal sent", "order": 5, "color": "#A15EDB", "manual": True},
    {"id": "negotiating", "name": "Negotiating", "order": 6, "color": "#29335C", "manual": True},
    {"id": "closed", "name": "Closed", "order": 7, "color": "#3BB273", "manual": True},
]
STAGES = [s["id"] for s in FUNNEL_STAGES]
#: The demo account's stage names for an office that works in Spanish. A real account names its own
#: stages (the server's words, never translated); the demo's account is ours, so it speaks the window's.
STAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {str(stage["id"]): str(stage["name"]) for stage in FUNNEL_STAGES},
    "es": {
        "new": "Cliente nuevo",
        "interested": "Interesado",
        "visit_scheduled": "Visita agendada",
        "visit_completed": "Visita realizada",
        "proposal_sent": "Propuesta enviada",
        "negotiating": "En negociación",
        "closed": "Cerrado",
    },
}
STAGE_WEIGHTS = [24, 25, 15, 10, 10, 9, 7]


def _demo_data(name: str) -> dict[str, Any]:
    """One of the demo's data files (``resources/demo/``); keys starting with ``_`` are notes for people."""
    loaded = json.loads(resource(f"demo/{name}").read_text(encoding="utf-8"))
    return {key: value for key, value in loaded.items() if not key.startswith("_")}


_PEOPLE = _demo_data("people.json")
_OFFICE = _demo_data("office.json")
AGENTS_ES: list[tuple[str, str]] = [(agent_id, name) for agent_id, name in _PEOPLE["agents"]["es"]]
AGENTS_EN: list[tuple[str, str]] = [(agent_id, name) for agent_id, name in _PEOPLE["agents"]["en"]]
FEMALE_ES: list[str] = _PEOPLE["first_names"]["es_female"]
MALE_ES: list[str] = _PEOPLE["first_names"]["es_male"]
FIRST_EN: list[str] = _PEOPLE["first_names"]["en"]
SURNAMES_ES: list[str] = _PEOPLE["surnames"]["es"]
SURNAMES_EN: list[str] = _PEOPLE["surnames"]["en"]
OFFICE: dict[str, Any] = _OFFICE["office"]
#: (bedrooms, tower, square metres, price in MXN, USD, EUR)
UNITS: list[tuple[int, str, int, int, int, int]] = [tuple(unit) for unit in _OFFICE["units"]]
#: What leads, the bot and agents write, by language and moment (``str.format`` templates).
T: dict[str, dict[str, list[str]]] = _demo_data("templates.json")


@dataclass
class _Lead:
    """One demo contact while its story is being written."""

    index: int
    id: str
    phone: str
    name: str | None
    first: str
    lang: str
    currency: str
    unit: tuple[int, str, int, int, int, int]
    agent: tuple[str, str]
    state: dict[str, Any] = field(default_factory=dict)
    version: int = 0
    messages: int = 0
    media: int = 0
    moves: int = 0
    last_in: datetime | None = None
    last_at: datetime | None = None


class _Story:
    """Collects one demo's events with their times; sorted and numbered at the end."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.events: list[tuple[datetime, int, str, dict[str, Any]]] = []
        self.order = 0

    def emit(self, at: datetime, event_type: str, data: dict[str, Any]) -> None:
        self.order += 1
        self.events.append((at, self.order, event_type, data))

    def pick(self, lead: _Lead, key: str, **extra: Any) -> str:
        br, tower, m2 = lead.unit[0], lead.unit[1], lead.unit[2]
        template = self.rng.choice(T[lead.lang][key])
        return template.format(
            first=lead.first,
            br=br,
            tower=tower,
            m2=m2,
            s="" if br == 1 else "s",
            agent=lead.agent[1],
            name=f" {lead.first}" if lead.name else "",
            **extra,
        )


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _phone(rng: random.Random, country: str, used: set[str]) -> str:
    while True:
        if country == "MX":  # area code and subscriber number: 10 digits after +52
            area = rng.choice(["55", "55", "33", "81", "222", "442"])
            number = (
                "+52" + area + str(rng.randint(2, 9)) + "".join(rng.choice("0123456789") for _ in range(9 - len(area)))
            )
        elif country == "ES":
            number = "+34" + rng.choice("67") + "".join(rng.choice("0123456789") for _ in range(8))
        else:
            number = (
                "+1" + rng.choice(["212", "305", "415", "512", "713", "786", "646"]) + f"55501{rng.randint(0, 99):02d}"
            )
        parsed = phonenumbers.parse(number, None)
        if number not in used and phonenumbers.is_valid_number(parsed):
            used.add(number)
            return number


def _snapshot(lead: _Lead, at: datetime) -> dict[str, Any]:
    lead.version += 1
    contact = dict(lead.state)
    contact.update({"id": lead.id, "phone": lead.phone, "name": lead.name, "version": lead.version})
    contact["updated_at"] = format_time(at)
    contact["config"] = dict(contact["config"])
    if contact["sentiment"] is not None:
        contact["sentiment"] = dict(contact["sentiment"])
    return {"contact": contact}


class _Writer:
    """Writes one lead's conversation, meetings, surveys and funnel moves into the story."""

    def __init__(self, story: _Story, lead: _Lead) -> None:
        self.story = story
        self.rng = story.rng
        self.lead = lead
        self.reactable: list[str] = []

    # -- the contact state ---------------------------------------------------------------------

    def upsert(self, at: datetime, *, twice: bool = False) -> None:
        data = _snapshot(self.lead, at)
        self.story.emit(at, "contact.upserted", data)
        if twice:  # at-least-once delivery: the same state comes again a little later
            self.story.emit(at + timedelta(seconds=self.rng.randint(5, 600)), "contact.upserted", data)

    def move(self, at: datetime, to_stage: str, by: str, note: str | None = None) -> None:
        lead = self.lead
        if by == "bot":
            changed_by = {"kind": "bot", "id": None, "name": "Bot"}
        elif by == "system":
            changed_by = {"kind": "system", "id": None, "name": "Relay"}
        else:
            changed_by = {"kind": "agent", "id": lead.agent[0], "name": lead.agent[1]}
        lead.moves += 1
        self.story.emit(
            at,
            "funnel.changed",
            {
                "id": f"fc_{lead.index:04d}_{lead.moves}",
                "contact_id": lead.id,
                "from_stage": lead.state["funnel_stage"],
                "to_stage": to_stage,
                "changed_by": changed_by,
                "note": note,
                "at": format_time(at),
            },
        )
        lead.state["funnel_stage"] = to_stage
        self.upsert(at + timedelta(seconds=1))

    # -- messages ------------------------------------------------------------------------------

    def message(
        self,
        at: datetime,
        direction: str,
        kind: str,
        msg_type: str,
        text: str | None = None,
        **extra: Any,
    ) -> str | None:
        """Emit one message (and, going out, its status webhooks); None if ``at`` is past the anchor."""
        if at >= ANCHOR:
            return None
        lead = self.lead
        lead.messages += 1
        message_id = f"wamid.HBgN{lead.phone[1:]}FQIAERgS{lead.index:04d}{lead.messages:03d}DEMO"
        if kind == "client":
            author = {"kind": "client", "name": lead.name}
        elif kind == "bot":
            author = {"kind": "bot", "name": None}
        else:
            author = {"kind": "agent", "name": lead.agent[1]}
        failed = extra.pop("failed", False)
        message: dict[str, Any] = {
            "id": message_id,
            "contact_id": lead.id,
            "direction": direction,
            "from": lead.phone[1:] if direction == "in" else None,
            "author": author,
            "sent_at": format_time(at),
            "type": msg_type,
            "text": text,
            "media": None,
            "location": None,
            "reaction": None,
            "transcript": None,
            "card": None,
            "status": "received" if direction == "in" else "sent",
            "error": None,
            "raw": {"demo": True},
        }
        message.update(extra)
        self.story.emit(at + timedelta(seconds=1), "message.upserted", {"message": message})
        lead.last_at = at
        if direction == "in":
            lead.last_in = at
        elif msg_type != "reaction":
            self._statuses(message_id, at, failed)
        if msg_type not in ("reaction", "unsupported"):
            self.reactable.append(message_id)
        return message_id

    def _statuses(self, message_id: str, at: datetime, failed: bool) -> None:
        rng = self.rng
        if failed:
            error = {"code": 131047, "title": "Re-engagement message"}
            fail_at = at + timedelta(seconds=2)
            self.story.emit(
                fail_at,
                "message.status",
                {"message_id": message_id, "status": "failed", "at": format_time(fail_at), "error": error},
            )
            return
        delivered = at + timedelta(seconds=rng.randint(2, 40))
        read = delivered + timedelta(minutes=rng.randint(1, 240))
        steps = [("delivered", delivered)]
        if rng.random() < 0.75:
            steps.append(("read", read))
        if len(steps) == 2 and rng.random() < 0.2:
            # WhatsApp's webhooks come out of order: "read" reaches the relay before "delivered".
            steps = [("read", delivered), ("delivered", delivered + timedelta(seconds=1))]
            status_times = {"read": read, "delivered": delivered}
        else:
            status_times = dict(steps)
        for status, received in steps:
            if received < ANCHOR and status_times[status] < ANCHOR:
                self.story.emit(
                    received + timedelta(seconds=1),
                    "message.status",
                    {
                        "message_id": message_id,
                        "status": status,
                        "at": format_time(status_times[status]),
                        "error": None,
                    },
                )

    def media(self, mime: str, filename: str | None, size: int) -> dict[str, Any]:
        self.lead.media += 1
        media_id = f"md_{self.lead.index:04d}_{self.lead.media}"
        return {"media_id": media_id, "mime_type": mime, "sha256": _sha(media_id), "filename": filename, "size": size}

    def say(self, at: datetime, kind: str, key: str) -> datetime:
        direction = "in" if kind == "client" else "out"
        self.message(at, direction, kind, "text", self.story.pick(self.lead, key))
        return at + timedelta(minutes=self.rng.randint(1, 25), seconds=self.rng.randint(0, 59))

    def card(self, at: datetime) -> datetime:
        lead = self.lead
        rng = self.rng
        unit = lead.unit
        price = {"MXN": unit[3], "USD": unit[4], "EUR": unit[5]}[lead.currency]
        card = {
            "title": self.story.pick(lead, "card_title"),
            "description": rng.choice(T[lead.lang]["card_desc"]),
            "price": price,
            "currency": lead.currency,
            "media_id": f"md_card_{unit[1]}_{unit[0]}",
            "url": f"https://torresdelparque.example/unidades/{unit[1].lower()}-{unit[0]}br",
        }
        self.message(at, "out", "bot", "text", self.story.pick(lead, "card_intro"), card=card)
        return at + timedelta(seconds=rng.randint(20, 90))

    def extras(self, at: datetime) -> datetime:
        """Some of the less common message types, each for a share of the leads."""
        lead, rng, pick = self.lead, self.rng, self.story.pick
        step = timedelta(minutes=rng.randint(1, 9))
        if rng.random() < 0.4:
            brochure = self.media("application/pdf", "Brochure-Torres-del-Parque.pdf", 4_812_332)
            self.message(at, "out", "bot", "document", "Brochure Torres del Parque", media=brochure)
            at += step
        if rng.random() < 0.3:
            render = self.media("image/jpeg", None, rng.randint(180_000, 900_000))
            self.message(at, "out", "bot", "image", pick(lead, "caption_out"), media=render)
            at += step
        if rng.random() < 0.15:
            tour = self.media("video/mp4", None, rng.randint(6_000_000, 15_000_000))
            self.message(at, "out", "bot", "video", pick(lead, "video_caption"), media=tour)
            at += step
        if rng.random() < 0.15:
            voice = self.media("audio/ogg; codecs=opus", None, rng.randint(20_000, 160_000))
            self.message(at, "in", "client", "audio", None, media=voice, transcript=pick(lead, "transcript"))
            at += step
        if rng.random() < 0.08:
            photo = self.media("image/jpeg", None, rng.randint(200_000, 2_000_000))
            self.message(at, "in", "client", "image", pick(lead, "caption_in"), media=photo)
            at += step
        if rng.random() < 0.1:
            self.message(at, "in", "client", "sticker", None, media=self.media("image/webp", None, 24_512))
            at += step
        if rng.random() < 0.05:
            spouse = rng.choice(FEMALE_ES + MALE_ES) + " " + rng.choice(SURNAMES_ES)
            self.message(at, "in", "client", "text", pick(lead, "contact_card"))
            shared = [{"name": {"formatted_name": spouse}, "phones": [{"phone": lead.phone[:-4] + "0000"}]}]
            self.message(at + timedelta(seconds=20), "in", "client", "contacts", spouse, raw={"contacts": shared})
            at += step
        if rng.random() < 0.03:
            self.message(
                at, "in", "client", "unsupported", None, raw={"type": "unsupported", "errors": [{"code": 131051}]}
            )
            at += step
        if self.reactable and rng.random() < 0.25:
            target = rng.choice(self.reactable)
            emoji = rng.choice(["👍", "😍", "❤️", "🙏"])
            self.message(at, "in", "client", "reaction", None, reaction={"message_id": target, "emoji": emoji})
            if rng.random() < 0.12:  # taken back
                self.message(
                    at + timedelta(minutes=2),
                    "in",
                    "client",
                    "reaction",
                    None,
                    reaction={"message_id": target, "emoji": ""},
                )
            at += step
        return at

    # -- meetings and surveys ------------------------------------------------------------------

    def meeting(self, number: int, booked_at: datetime, starts: datetime, final: str | None) -> str:
        lead = self.lead
        meeting = {
            "id": f"mt_{lead.index:04d}_{number}",
            "contact_id": lead.id,
            "title": self.story.pick(lead, "meeting_title"),
            "starts_at": format_time(starts),
            "ends_at": format_time(starts + timedelta(hours=1)),
            "location": "Sales office, Av. Reforma 250",
            "status": "scheduled",
            "agent": {"id": lead.agent[0], "name": lead.agent[1]},
            "version": 1,
        }
        self.story.emit(booked_at, "meeting.upserted", {"meeting": meeting})
        if final is not None:
            closed_at = starts + timedelta(hours=1, minutes=self.rng.randint(5, 120))
            if final == "cancelled":
                closed_at = starts - timedelta(hours=self.rng.randint(2, 30))
            self.story.emit(closed_at, "meeting.upserted", {"meeting": {**meeting, "status": final, "version": 2}})
        return str(meeting["id"])

    def survey(self, meeting_id: str, at: datetime) -> None:
        lead, rng = self.lead, self.rng
        rating = rng.choices([5, 4, 3, 2], weights=[50, 30, 15, 5])[0]
        nps = min(10, max(0, rating * 2 + rng.randint(-1, 1)))
        questions = T[lead.lang]["survey_q"]
        answers = [
            {"question": questions[0], "answer": str(rating), "score": rating},
            {"question": questions[1], "answer": rng.choice(T[lead.lang]["survey_a"]), "score": None},
            {"question": questions[2], "answer": str(nps), "score": nps},
        ]
        self.story.emit(
            at,
            "survey.submitted",
            {
                "survey": {
                    "id": f"sv_{lead.index:04d}",
                    "contact_id": lead.id,
                    "meeting_id": meeting_id,
                    "submitted_at": format_time(at),
                    "answers": answers,
                }
            },
        )


SENTIMENT_RANGES = {
    "hot": (0.6, 1.0),
    "warm": (0.2, 0.6),
    "neutral": (-0.2, 0.2),
    "cold": (-0.6, -0.2),
    "negative": (-1.0, -0.6),
}


def _sentiment(rng: random.Random, stage: int, at: datetime) -> dict[str, Any] | None:
    if stage == 0 and rng.random() < 0.4:
        return None
    weights = {
        0: [5, 15, 50, 25, 5],
        1: [10, 35, 35, 15, 5],
        2: [25, 45, 20, 8, 2],
        3: [30, 40, 20, 7, 3],
        4: [35, 40, 15, 7, 3],
        5: [45, 35, 12, 5, 3],
        6: [70, 25, 5, 0, 0],
    }[stage]
    label = rng.choices(list(SENTIMENT_RANGES), weights=weights)[0]
    low, high = SENTIMENT_RANGES[label]
    return {"label": label, "score": round(rng.uniform(low, high), 2), "at": format_time(at)}


def _make_lead(rng: random.Random, index: int, used_phones: set[str]) -> _Lead:
    country = rng.choices(["MX", "ES", "US"], weights=[60, 20, 20])[0]
    lang = "en" if country == "US" and rng.random() < 0.75 else "es"
    if lang == "en":
        first = rng.choice(FIRST_EN)
        surname = rng.choice(SURNAMES_EN)
    else:
        first = rng.choice(FEMALE_ES if rng.random() < 0.5 else MALE_ES)
        surname = rng.choice(SURNAMES_ES)
    style = rng.random()
    name: str | None
    if style < 0.05:
        name = None
    elif style < 0.12:
        name = first
    elif style < 0.16:
        name = f"{first} {surname[0]}."
    elif style < 0.19:
        name = f"{first} {rng.choice(['🌸', '✨', '🏡', '⚽'])}"
    else:
        name = f"{first} {surname}"
    currency = {"MX": "MXN", "ES": "EUR", "US": "USD"}[country]
    agents = AGENTS_EN if lang == "en" else AGENTS_ES
    return _Lead(
        index=index,
        id=f"ct_{8000 + index * 7}",
        phone=_phone(rng, country, used_phones),
        name=name,
        first=first,
        lang=lang,
        currency=currency,
        unit=rng.choice(UNITS),
        agent=rng.choice(agents),
    )


def _initial_state(lead: _Lead, start: datetime) -> dict[str, Any]:
    image = None
    if lead.index % 3 == 0:
        media_id = f"md_profile_{lead.index:04d}"
        image = {"media_id": media_id, "sha256": _sha(media_id), "mime_type": "image/jpeg"}
    return {
        "profile_image": image,
        "bot_status": "active",
        "bot_paused_until": None,
        "unread": 1,
        "sale_status": "none",
        "funnel_stage": None,
        "sentiment": None,
        "mystery_shopper": False,
        "contractor": False,
        "config": {"language": lead.lang},
        "created_at": format_time(start),
    }


def _write_lead(story: _Story, lead: _Lead, kind: str) -> None:
    rng = story.rng
    w = _Writer(story, lead)
    stage = rng.choices(range(len(STAGES)), weights=STAGE_WEIGHTS)[0] if kind == "lead" else 0
    if kind == "contractor":
        stage = 0
    span_days = {0: (0.02, 25), 1: (0.2, 45), 2: (0.5, 12), 3: (6, 60), 4: (8, 80), 5: (12, 100), 6: (20, 120)}[stage]
    age = timedelta(days=min(span_days[1], rng.expovariate(1 / (span_days[1] / 3)) + span_days[0]))
    start = ANCHOR - age
    lead.state = _initial_state(lead, start)
    if kind == "mystery":
        lead.state["mystery_shopper"] = True
        lead.state["config"]["note"] = "Internal quality check"

    # The first message reaches the relay a moment before the contact it creates.
    at = start
    if kind == "contractor":
        w.message(at, "in", "client", "text", story.pick(lead, "contractor"))
        lead.state["contractor"] = True
        lead.state["bot_status"] = "agent"
        lead.state["funnel_stage"] = "new"
        w.upsert(at + timedelta(seconds=3))
        at = w.say(at + timedelta(seconds=30), "bot", "contractor_bot")
        at = w.say(at, "agent", "contractor_agent")
        if rng.random() < 0.6:
            catalogue = w.media("application/pdf", "Catalogo-servicios-2026.pdf", rng.randint(400_000, 3_000_000))
            w.message(at, "in", "client", "document", "Catálogo", media=catalogue)
        _finish(w, stage)
        return

    w.message(at, "in", "client", "text", story.pick(lead, "hello"))
    w.move(at + timedelta(seconds=2), "new", "system")  # and the contact's first state
    at = w.say(at + timedelta(seconds=5), "bot", "bot_hello")
    w.message(at, "in", "client", "interactive", T[lead.lang]["bedrooms"][lead.unit[0] - 1])
    at = w.card(at + timedelta(seconds=40))
    if rng.random() < 0.35:
        at = w.card(at)
    at = w.say(at + timedelta(minutes=rng.randint(1, 30)), "client", "question")
    at = w.say(at, "bot", "answer")
    at = w.extras(at)
    if stage == 0 and rng.random() < 0.4:
        w.say(at, "client", "thanks")
        _finish(w, stage)
        return
    at = w.say(at, "client", "thanks")

    span = ANCHOR - start
    if stage >= 1:
        w.move(at, "interested", "bot")
        lead.state["sentiment"] = _sentiment(rng, 1, at)
        if rng.random() < 0.3:
            lead.state["config"]["assigned_agent"] = lead.agent[0]
    agent_takes_over = (stage >= 2 and rng.random() < 0.5) or stage >= 4
    if stage >= 1 and agent_takes_over:
        at = w.say(at + span * 0.05, "agent", "agent_intro")
        lead.state["bot_status"] = "agent" if rng.random() < 0.4 else "active"
        w.upsert(at)

    cancelled_path = stage == 1 and rng.random() < 0.12
    if stage >= 2 or cancelled_path:
        at = at + span * 0.1
        w.message(at, "in", "client", "button", story.pick(lead, "book"))
        at = w.say(at + timedelta(seconds=30), "bot", "when")
        at = w.say(at, "client", "day")
        booked = at
        w.say(at, "bot", "confirm")
        w.message(at + timedelta(seconds=5), "out", "bot", "location", None, location=dict(OFFICE))
        w.move(booked + timedelta(seconds=10), "visit_scheduled", "agent" if agent_takes_over else "bot")
        if cancelled_path:
            starts = booked + timedelta(days=rng.randint(2, 6))
            w.meeting(1, booked, starts.replace(minute=0, second=0), "cancelled")
            w.move(min(starts, ANCHOR - timedelta(minutes=5)), "interested", "agent", story.pick(lead, "notes_back"))
        elif stage == 2:
            if rng.random() < 0.2:  # a first visit missed, a new one booked
                missed = booked + timedelta(days=1, hours=rng.randint(1, 5))
                if missed + timedelta(hours=3) < ANCHOR:
                    w.meeting(1, booked, missed.replace(hour=rng.randint(16, 22), minute=0, second=0), "no_show")
            upcoming = ANCHOR + timedelta(days=rng.randint(1, 14), hours=rng.randint(0, 6))
            w.meeting(2, booked + timedelta(minutes=1), upcoming.replace(hour=16 + rng.randint(0, 3), minute=0), None)
        else:
            visit = booked + span * 0.25
            visit = visit.replace(hour=rng.randint(16, 23), minute=rng.choice([0, 30]), second=0)  # 10:00-17:30 in CDMX
            meeting_id = w.meeting(1, booked, visit, "completed")
            after = visit + timedelta(hours=1, minutes=15)
            w.move(after, "visit_completed", "bot")
            at = w.say(after + timedelta(minutes=20), "agent", "after_visit")
            at = w.say(at, "client", "liked")
            if rng.random() < 0.7:
                w.survey(meeting_id, after + timedelta(hours=rng.randint(3, 30)))
            if stage >= 4:
                at = at + span * 0.1
                quote = w.media(
                    "application/pdf", f"Cotizacion-Torre-{lead.unit[1]}.pdf", rng.randint(150_000, 600_000)
                )
                w.message(at, "out", "agent", "document", story.pick(lead, "quote"), media=quote)
                w.move(at + timedelta(minutes=1), "proposal_sent", "agent", story.pick(lead, "notes_proposal"))
                at += timedelta(hours=rng.randint(2, 48))
            if stage >= 5:
                at = w.say(at, "client", "negotiate")
                at = w.say(at, "agent", "negotiate_answer")
                w.move(at, "negotiating", "agent", story.pick(lead, "notes_negotiating"))
                lead.state["sale_status"] = "pending" if rng.random() < 0.5 else "none"
                w.upsert(at + timedelta(seconds=5))
                at += span * 0.1
            if stage >= 6:
                closed_id = w.message(at, "out", "agent", "text", story.pick(lead, "closed"))
                w.move(at + timedelta(minutes=2), "closed", "agent", story.pick(lead, "notes_closed"))
                lead.state["sale_status"] = rng.choice(["signed", "sold", "sold"])
                at = w.say(at + timedelta(minutes=rng.randint(3, 60)), "client", "closed_reply")
                if closed_id is not None:
                    w.message(at, "in", "client", "reaction", None, reaction={"message_id": closed_id, "emoji": "❤️"})
    # Some leads went quiet: a follow-up outside WhatsApp's 24-hour window fails.
    if lead.last_in is not None and ANCHOR - lead.last_in > timedelta(days=2) and rng.random() < 0.25:
        follow = lead.last_in + timedelta(days=rng.randint(1, 2), hours=1)
        if follow < ANCHOR:
            w.message(follow, "out", "bot", "text", story.pick(lead, "failed"), failed=True)
    _finish(w, stage)


def _finish(w: _Writer, stage: int) -> None:
    """The contact's final state: sentiment, unread, bot pauses, then a last upsert."""
    lead, rng = w.lead, w.rng
    last = lead.last_at or ANCHOR - timedelta(minutes=1)
    state = lead.state
    state["sentiment"] = _sentiment(rng, stage, last) if stage or rng.random() < 0.7 else state["sentiment"]
    if lead.last_in is not None and lead.last_in >= last and rng.random() < 0.65:
        state["unread"] = rng.choice([1, 1, 1, 2, 3, 5])
    else:
        state["unread"] = 0
    if not state["contractor"] and rng.random() < 0.07:
        state["bot_status"] = "paused"
        if rng.random() < 0.6:
            until = ANCHOR + timedelta(days=rng.randint(1, 5))
            state["bot_paused_until"] = format_time(until.replace(hour=15, minute=0, second=0))
    final_at = min(last + timedelta(minutes=rng.randint(1, 30)), ANCHOR - timedelta(seconds=30))
    w.upsert(final_at, twice=rng.random() < 0.1)


def demo_events(seed: int = DEFAULT_SEED, contacts: int = DEMO_CONTACTS) -> Iterator[dict[str, Any]]:
    """The demo's relay events in log order, exactly as the relay would send them."""
    rng = random.Random(seed)
    story = _Story(rng)
    used_phones: set[str] = set()
    erased = 2  # two more leads that later asked to be forgotten
    kinds = ["lead"] * (contacts + erased)
    for position in rng.sample(range(contacts), 9):
        kinds[position] = "contractor" if position % 2 else "mystery"
    for index, kind in enumerate(kinds):
        lead = _make_lead(rng, index, used_phones)
        _write_lead(story, lead, kind)
        if index >= contacts:
            story.emit(ANCHOR - timedelta(minutes=rng.randint(10, 600)), "contact.erased", {"contact_id": lead.id})
    yield {
        "seq": 1,
        "id": "evt_demo_000001",
        "type": "account.updated",
        "at": format_time(ANCHOR - timedelta(days=200)),
        "data": {"funnel_stages": [dict(stage) for stage in FUNNEL_STAGES]},
    }
    for seq, (at, _, event_type, data) in enumerate(sorted(story.events, key=lambda e: (e[0], e[1])), start=2):
        yield {
            "seq": seq,
            "id": f"evt_demo_{seq:06d}",
            "type": event_type,
            "at": format_time(at),
            "data": json.loads(json.dumps(data)),
        }


def _pages(events: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    page: list[dict[str, Any]] = []
    for event in events:
        page.append(event)
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page


_RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def demo_now() -> datetime:
    """The moment the demo is made for: ``LEADDESK_DEMO_NOW`` if set, else now, to the hour."""
    override = os.environ.get("LEADDESK_DEMO_NOW")
    now = parse_time(override) if override else utc_now()
    return now.replace(minute=0, second=0, microsecond=0)


def shift_times(value: Any, shift: timedelta) -> Any:
    """``value`` with every RFC 3339 time in it (a whole string) moved by ``shift``."""
    if isinstance(value, dict):
        return {key: shift_times(item, shift) for key, item in value.items()}
    if isinstance(value, list):
        return [shift_times(item, shift) for item in value]
    if isinstance(value, str) and _RFC3339.fullmatch(value):
        return format_time(parse_time(value) + shift)
    return value


def fill_demo_database(database: Database, seed: int = DEFAULT_SEED, now: datetime | None = None) -> int:
    """Apply the demo's events to ``database`` page by page, as a sync would. Returns the events applied.

    The events' times are moved so that the demo's anchor is ``now`` (default :func:`demo_now`).
    """
    shift = (now or demo_now()) - ANCHOR
    events = (shift_times(event, shift) for event in demo_events(seed))
    total = 0
    for page in _pages(events, PAGE_SIZE):
        with database.write() as connection:
            apply_events(connection, page)
            set_state(connection, CURSOR, f"c_{page[-1]['seq']}")
        total += len(page)
    with database.write() as connection:
        set_state(connection, ACCOUNT_ID, ACCOUNT["id"])
        set_state(connection, ACCOUNT_NAME, ACCOUNT["name"])
        set_state(connection, AGENT_ID, ME["id"])
        set_state(connection, AGENT_NAME, ME["name"])
        set_state(connection, AGENT_ROLE, ME["role"])
    return total


def ensure_demo_database(path: Path, language: str | None = None) -> Database:
    """Open the demo database at ``path``, filling it with the demo on first use; with ``language``
    ("es", "en"), its stages are named in that language (the window's), whatever they were before."""
    database = open_database(path)
    try:
        with database.read() as connection:
            from sqlalchemy import text

            empty = connection.execute(text("SELECT NOT EXISTS (SELECT 1 FROM contacts)")).scalar()
        if empty:
            fill_demo_database(database)
        if language is not None:
            name_demo_stages(database, language)
    except BaseException:
        database.close()
        raise
    return database


def name_demo_stages(database: Database, language: str) -> None:
    """Name the demo account's funnel stages in ``language`` (English for one the demo has no names in).
    The demo never syncs, so nothing puts the other names back."""
    names = STAGE_NAMES.get(language, STAGE_NAMES["en"])
    with database.write() as connection:
        for stage_id, name in names.items():
            connection.exec_driver_sql(
                "UPDATE funnel_stages SET name = ? WHERE id = ? AND name IS NOT ?", (name, stage_id, name)
            )
