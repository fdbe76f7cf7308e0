"""Apply relay events to the local cache, by the rules of the relay protocol.

Plain Python over a DB-API ``sqlite3`` connection, no Qt: the sync engine, the demo data and the
tests all feed it. One call applies one page of events inside the caller's transaction; the caller
stores the page's cursor in the same transaction.

Every rule is written so that the final state does not depend on duplicates or on the order of
events about different entities:

- contacts and meetings carry a ``version``; a state is applied only if it is newer;
- a message's status only moves up a fixed rank (``domain.STATUS_RANK``); a status for a message not
  yet seen waits in ``pending_statuses`` and is merged when the message comes;
- an event naming an unknown contact creates a placeholder that the contact's own event fills in;
- an erasure deletes the contact (everything else cascades) and leaves a tombstone that makes every
  other event about it, earlier or later, change nothing. Erasures run last within a page, so their
  place inside the page does not matter either.

Unknown event types are skipped and counted; a known type whose ``data`` does not fit the protocol
is skipped, counted and logged without personal data.
"""

from __future__ import annotations

import json
import logging
import math
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy import Connection

from leaddesk.db.dbapi import dbapi_connection
from leaddesk.db.funnel_stays import refresh_stay_days
from leaddesk.db.message_hours import count_new_messages
from leaddesk.db.outbox import overlay_queued_edits
from leaddesk.db.search import index_new_messages, newest_message_rowid
from leaddesk.db.search_keys import name_key, phone_key, refresh_search_keys
from leaddesk.db.stages_reached import refresh_stages_reached
from leaddesk.domain import (
    STATUS_RANK,
    AuthorKind,
    BotStatus,
    ChangedByKind,
    Direction,
    MediaState,
    MeetingStatus,
    MessageStatus,
    MessageType,
    SaleStatus,
    Sentiment,
    format_time,
    normalize_time,
    status_rank,
    utc_now,
)
from leaddesk.media_paths import is_sha256

log = logging.getLogger(__name__)

KNOWN_TYPES = frozenset(
    {
        "contact.upserted",
        "contact.erased",
        "message.upserted",
        "message.status",
        "meeting.upserted",
        "survey.submitted",
        "funnel.changed",
        "account.updated",
    }
)
OUTBOUND_STATUSES: frozenset[str] = frozenset(
    {MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED}
)
INBOUND_STATUSES: frozenset[str] = frozenset({MessageStatus.RECEIVED})
SENTIMENTS: frozenset[str] = frozenset(Sentiment)
BOT_STATUSES: frozenset[str] = frozenset(BotStatus)
SALE_STATUSES: frozenset[str] = frozenset(SaleStatus)
DIRECTIONS: frozenset[str] = frozenset(Direction)
AUTHOR_KINDS: frozenset[str] = frozenset(AuthorKind)
MEETING_STATUSES: frozenset[str] = frozenset(MeetingStatus)
CHANGED_BY_KINDS: frozenset[str] = frozenset(ChangedByKind)
MESSAGE_TYPES: frozenset[str] = frozenset(MessageType)
#: Message types that are nothing without their ``media`` object.
MEDIA_MESSAGE_TYPES: frozenset[str] = frozenset(
    str(t) for t in (MessageType.IMAGE, MessageType.AUDIO, MessageType.VIDEO, MessageType.DOCUMENT, MessageType.STICKER)
)
# Plain strings: comparing with an enum member costs an attribute lookup per message of a first sync.
_TEXT, _LOCATION, _REACTION = str(MessageType.TEXT), str(MessageType.LOCATION), str(MessageType.REACTION)


class BadEvent(ValueError):  # noqa: N818 - the protocol calls it a bad event
    """A known event type whose data does not fit the protocol."""


@dataclass
class ApplyResult:
    applied: int = 0
    unknown: int = 0
    bad: int = 0
    #: Contacts whose row may have changed (for a view to refresh just those).
    touched_contacts: set[str] = field(default_factory=set)
    #: Contacts created by this page (new leads), placeholders included.
    new_contacts: set[str] = field(default_factory=set)
    erased_contacts: set[str] = field(default_factory=set)
    #: Cached media files of erased contacts, to delete once the transaction has committed.
    erased_media_paths: list[str] = field(default_factory=list)
    funnel_stages_changed: bool = False
    #: New messages from clients (ids the cache did not hold; reactions aside): how many per contact.
    client_messages: dict[str, int] = field(default_factory=dict)
    #: New messages the bot sent, per contact (the window tells them only if the user asked to).
    bot_messages: dict[str, int] = field(default_factory=dict)
    #: The newest of those new messages, for a notice's text.
    newest_client_message: NewMessage | None = None
    newest_bot_message: NewMessage | None = None
    #: (name, phone) as stored after the page, of the contacts above and of the new contacts.
    who: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: A first sync into an empty cache: the whole history, not news; the message fields stay empty.
    backlog: bool = False

    def merge(self, other: ApplyResult) -> None:
        """Add a later page's result: counts add up, and an erasure wins over an earlier touch."""
        self.applied += other.applied
        self.unknown += other.unknown
        self.bad += other.bad
        self.erased_contacts |= other.erased_contacts
        self.touched_contacts = (self.touched_contacts | other.touched_contacts) - self.erased_contacts
        self.new_contacts = (self.new_contacts | other.new_contacts) - self.erased_contacts
        self.erased_media_paths += other.erased_media_paths
        self.funnel_stages_changed |= other.funnel_stages_changed
        self.backlog |= other.backlog
        erased = self.erased_contacts
        for mine, theirs in ((self.client_messages, other.client_messages), (self.bot_messages, other.bot_messages)):
            for contact_id, count in theirs.items():
                mine[contact_id] = mine.get(contact_id, 0) + count
            for contact_id in erased & mine.keys():
                del mine[contact_id]
        self.newest_client_message = _newer(self.newest_client_message, other.newest_client_message, erased)
        self.newest_bot_message = _newer(self.newest_bot_message, other.newest_bot_message, erased)
        self.who.update(other.who)
        for contact_id in erased & self.who.keys():
            del self.who[contact_id]


class NewMessage(NamedTuple):
    """A message the cache did not hold before this sync, as a notice tells it."""

    contact_id: str
    sent_at: str
    type: str
    text: str | None


def _newer(held: NewMessage | None, other: NewMessage | None, erased: set[str]) -> NewMessage | None:
    """The newer of two messages (the later page's on a tie), leaving out erased contacts' messages."""
    candidates = [m for m in (held, other) if m is not None and m.contact_id not in erased]
    if not candidates:
        return None
    return max(reversed(candidates), key=lambda m: m.sent_at)


# --- validation helpers -----------------------------------------------------------------------


def _obj(value: Any, what: str) -> Mapping[str, Any]:
    if type(value) is dict:  # what JSON gives; the exact-type test is the fast path of a first sync
        return value
    if not isinstance(value, Mapping):
        raise BadEvent(f"{what} is not an object")
    return value


def _str(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise BadEvent(f"{key} is not a non-empty string")
    return value


def _opt_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadEvent(f"{key} is not a string")
    return value


#: The relay's own form of a time; it is already canonical, so it skips the datetime round trip.
_CANONICAL_TIME = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ")


def _time(data: Mapping[str, Any], key: str) -> str:
    value = _str(data, key)
    if _CANONICAL_TIME.fullmatch(value):
        return value
    try:
        return normalize_time(value)
    except ValueError:
        raise BadEvent(f"{key} is not an RFC 3339 time") from None


def _opt_time(data: Mapping[str, Any], key: str) -> str | None:
    return None if data.get(key) is None else _time(data, key)


def _int(data: Mapping[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadEvent(f"{key} is not an integer")
    return value


def _opt_number(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise BadEvent(f"{key} is not a number")
    return float(value)


def _bool(data: Mapping[str, Any], key: str) -> bool:
    value = data.get(key)
    if not isinstance(value, bool):
        raise BadEvent(f"{key} is not a boolean")
    return value


def _enum(data: Mapping[str, Any], key: str, allowed: frozenset[str]) -> str:
    value = _str(data, key)
    if value not in allowed:
        raise BadEvent(f"{key} has an unknown value")
    return value


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if type(value) is dict and not value:
        return "{}"
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def phone_from_wa_id(wa_id: str | None) -> str | None:
    """WhatsApp's ``from`` is the number without ``+``; the cache stores E.164."""
    if not wa_id:
        return None
    digits = wa_id.lstrip("+")
    return "+" + digits if digits.isdigit() else None


# --- parsing each event type into rows --------------------------------------------------------

CONTACT_COLUMNS = (
    "id",
    "phone",
    "name",
    "profile_media_id",
    "profile_sha256",
    "profile_mime_type",
    "bot_status",
    "bot_paused_until",
    "unread",
    "sale_status",
    "funnel_stage",
    "sentiment",
    "sentiment_score",
    "sentiment_at",
    "mystery_shopper",
    "contractor",
    "config",
    "version",
    "created_at",
    "updated_at",
)
# Where each column stands in a contact row (a row is the tuple ``executemany`` writes as it is).
C_ID, C_PROFILE_MEDIA_ID, C_PROFILE_SHA256, C_PROFILE_MIME_TYPE, C_VERSION = (
    CONTACT_COLUMNS.index(c) for c in ("id", "profile_media_id", "profile_sha256", "profile_mime_type", "version")
)
C_NAME, C_PHONE = CONTACT_COLUMNS.index("name"), CONTACT_COLUMNS.index("phone")


def parse_contact(data: Mapping[str, Any]) -> tuple[Any, ...]:
    contact = _obj(data.get("contact"), "contact")
    phone = _str(contact, "phone")
    if phone_from_wa_id(phone) != phone:
        raise BadEvent("phone is not E.164")
    image = contact.get("profile_image")
    image_id: str | None = None
    if image is not None:
        image = _obj(image, "profile_image")
        image_id = _str(image, "media_id")
        image_sha = _opt_str(image, "sha256")
        image_mime = _opt_str(image, "mime_type")
    else:
        image_sha = image_mime = None
    unread = contact.get("unread")
    if unread is None:
        unread = 0
    elif isinstance(unread, bool) or not isinstance(unread, int) or unread < 0:
        raise BadEvent("unread is not a count")
    sentiment = contact.get("sentiment")
    if sentiment is not None:
        sentiment = _obj(sentiment, "sentiment")
        label: str | None = _enum(sentiment, "label", SENTIMENTS)
        score = _opt_number(sentiment, "score")
        if score is not None and not -1.0 <= score <= 1.0:
            raise BadEvent("sentiment score out of range")
        sentiment_at = _opt_time(sentiment, "at")
    else:
        label = score = sentiment_at = None
    config = contact.get("config")
    if config is None:
        config = {}
    _obj(config, "config")
    version = _int(contact, "version")
    return (
        _str(contact, "id"),
        phone,
        _opt_str(contact, "name"),
        image_id,
        image_sha,
        image_mime,
        _enum(contact, "bot_status", BOT_STATUSES),
        _opt_time(contact, "bot_paused_until"),
        unread,
        _enum(contact, "sale_status", SALE_STATUSES),
        _opt_str(contact, "funnel_stage"),
        label,
        score,
        sentiment_at,
        _bool(contact, "mystery_shopper"),
        _bool(contact, "contractor"),
        json.dumps(config, ensure_ascii=False, sort_keys=True),
        version,
        _opt_time(contact, "created_at"),
        _opt_time(contact, "updated_at"),
    )


MESSAGE_COLUMNS = (
    "id",
    "contact_id",
    "direction",
    "author_kind",
    "author_name",
    "sent_at",
    "type",
    "text",
    "media_id",
    "media_mime_type",
    "media_sha256",
    "media_filename",
    "media_size",
    "location",
    "reaction_to",
    "reaction_emoji",
    "transcript",
    "card",
    "contacts",
    "status",
    "status_rank",
    "error_code",
    "error_title",
    "raw",
)
# Where each column stands in a message row.
(
    M_ID,
    M_CONTACT_ID,
    M_SENT_AT,
    M_TYPE,
    M_MEDIA_ID,
    M_MEDIA_MIME_TYPE,
    M_MEDIA_SHA256,
    M_MEDIA_FILENAME,
    M_MEDIA_SIZE,
) = (
    MESSAGE_COLUMNS.index(c)
    for c in (
        "id",
        "contact_id",
        "sent_at",
        "type",
        "media_id",
        "media_mime_type",
        "media_sha256",
        "media_filename",
        "media_size",
    )
)


class ParsedMessage(NamedTuple):
    """A message row and what the page needs besides it (a tuple: cheap to make a million of)."""

    row: tuple[Any, ...]
    phone: str | None
    card_media_id: str | None


def _error(data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    error = data.get("error")
    if error is None:
        return None, None
    error = _obj(error, "error")
    code = error.get("code")
    return (None if code is None else str(code)), _opt_str(error, "title")


_STR = str
#: Parts a plain text message has none of; any of them sends the message to the strict path.
_NOT_PLAIN = ("media", "location", "reaction", "card", "contacts", "error")
_STATUS_RANK = STATUS_RANK
_DIRECTION_OUT = str(Direction.OUT)
_DIRECTION_IN = str(Direction.IN)
_AUTHOR_KINDS = AUTHOR_KINDS


def _plain_text_message(message: dict[str, Any]) -> ParsedMessage | None:
    """A well-formed plain text message, parsed with few calls; ``None`` sends it to the strict path.

    Most of a first sync is text messages; this checks exactly what :func:`parse_message` checks for
    them, inline. Anything unusual (media, a non-canonical time, a missing field) returns ``None``
    and is judged by the strict path, which names what is wrong.
    """
    get = message.get
    if get("type") != _TEXT:
        return None
    for part in _NOT_PLAIN:
        if get(part) is not None:
            return None
    message_id, contact_id, direction, sent_at = get("id"), get("contact_id"), get("direction"), get("sent_at")
    text, status, sender, transcript = get("text"), get("status"), get("from"), get("transcript")
    author = get("author")
    if (
        type(message_id) is not _STR
        or not message_id
        or type(contact_id) is not _STR
        or not contact_id
        or type(text) is not _STR
        or not text
        or type(sent_at) is not _STR
        or not _CANONICAL_TIME.fullmatch(sent_at)
        or type(status) is not _STR
        or type(direction) is not _STR
        or status not in (OUTBOUND_STATUSES if direction == _DIRECTION_OUT else INBOUND_STATUSES)
        or direction not in DIRECTIONS
        or (sender is not None and type(sender) is not _STR)
        or (transcript is not None and type(transcript) is not _STR)
        or type(author) is not dict
    ):
        return None
    kind, author_name = author.get("kind"), author.get("name")
    if (
        type(kind) is not _STR
        or kind not in _AUTHOR_KINDS
        or (author_name is not None and type(author_name) is not _STR)
    ):
        return None
    raw = get("raw")
    row = (
        message_id,
        contact_id,
        direction,
        kind,
        author_name,
        sent_at,
        _TEXT,
        text,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        transcript,
        None,
        None,
        status,
        _STATUS_RANK.get(status, 0),
        None,
        None,
        None if raw is None else "{}" if type(raw) is dict and not raw else _json(raw),
    )
    return ParsedMessage(row, phone_from_wa_id(sender) if direction == Direction.IN else None, None)


def parse_message(data: Mapping[str, Any]) -> ParsedMessage:
    message = data.get("message")
    if type(message) is dict:
        parsed = _plain_text_message(message)
        if parsed is not None:
            return parsed
    message = _obj(message, "message")
    direction = _enum(message, "direction", DIRECTIONS)
    author = _obj(message.get("author"), "author")
    message_type = _str(message, "type")
    if message_type not in MESSAGE_TYPES:
        message_type = MessageType.UNSUPPORTED  # a newer WhatsApp type: shown as unsupported
    media = message.get("media")
    if media is not None:
        media = _obj(media, "media")
        size = media.get("size")
        if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
            raise BadEvent("media size is not a byte count")
        media_row: tuple[Any, ...] = (
            _str(media, "media_id"),
            _opt_str(media, "mime_type"),
            _opt_str(media, "sha256"),
            _opt_str(media, "filename"),
            size,
        )
    elif message_type in MEDIA_MESSAGE_TYPES:
        raise BadEvent(f"{message_type} message without media")
    else:
        media_row = (None, None, None, None, None)
    location = message.get("location")
    if location is not None:
        location = _obj(location, "location")
        latitude = _opt_number(location, "latitude")
        longitude = _opt_number(location, "longitude")
        if message_type == _LOCATION and (
            latitude is None or longitude is None or not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
        ):
            raise BadEvent("location message without coordinates on the globe")
    elif message_type == _LOCATION:
        raise BadEvent("location message without location")
    reaction = message.get("reaction")
    if reaction is not None:
        reaction = _obj(reaction, "reaction")
        reaction_to: str | None = _str(reaction, "message_id")
        emoji = reaction.get("emoji")
        if emoji is None:
            emoji = ""
        if not isinstance(emoji, str):
            raise BadEvent("reaction emoji is not a string")
    elif message_type == _REACTION:
        # Stored, it would count as a message that the history can never show.
        raise BadEvent("reaction message without reaction")
    else:
        reaction_to, emoji = None, None
    text = _opt_str(message, "text")
    if not text and message_type == _TEXT:
        raise BadEvent("text message without text")
    card = message.get("card")
    card_media_id = None
    if card is not None:
        card = _obj(card, "card")
        _opt_number(card, "price")
        card_media_id = _opt_str(card, "media_id")
    allowed = OUTBOUND_STATUSES if direction == Direction.OUT else INBOUND_STATUSES
    status = _enum(message, "status", allowed)
    error_code, error_title = _error(message)
    sender = _opt_str(message, "from")
    contacts = message.get("contacts")
    row = (
        _str(message, "id"),
        _str(message, "contact_id"),
        direction,
        _enum(author, "kind", AUTHOR_KINDS),
        _opt_str(author, "name"),
        _time(message, "sent_at"),
        message_type,
        text,
        *media_row,
        _json(location),
        reaction_to,
        emoji,
        _opt_str(message, "transcript"),
        _json(card),
        _json(contacts) if isinstance(contacts, list) else None,
        status,
        status_rank(status),
        error_code,
        error_title,
        _json(message.get("raw")),
    )
    phone = phone_from_wa_id(sender) if direction == Direction.IN else None
    return ParsedMessage(row=row, phone=phone, card_media_id=card_media_id)


def parse_status(data: Mapping[str, Any]) -> tuple[Any, ...]:
    status = _enum(data, "status", OUTBOUND_STATUSES)
    error_code, error_title = _error(data)
    return (_str(data, "message_id"), status, status_rank(status), error_code, error_title, _opt_time(data, "at"))


MEETING_COLUMNS = (
    "id",
    "contact_id",
    "title",
    "starts_at",
    "ends_at",
    "location",
    "status",
    "agent_id",
    "agent_name",
    "version",
)
MT_ID, MT_CONTACT_ID, MT_VERSION = (MEETING_COLUMNS.index(c) for c in ("id", "contact_id", "version"))
#: Where the id and the contact stand in survey, funnel-change and status rows (each parse_* below).
ROW_ID, ROW_CONTACT_ID = 0, 1


def parse_meeting(data: Mapping[str, Any]) -> tuple[Any, ...]:
    meeting = _obj(data.get("meeting"), "meeting")
    agent = meeting.get("agent")
    if agent is not None:
        agent = _obj(agent, "agent")
        agent_id, agent_name = _opt_str(agent, "id"), _opt_str(agent, "name")
    else:
        agent_id = agent_name = None
    return (
        _str(meeting, "id"),
        _str(meeting, "contact_id"),
        _opt_str(meeting, "title"),
        _opt_time(meeting, "starts_at"),
        _opt_time(meeting, "ends_at"),
        _opt_str(meeting, "location"),
        _enum(meeting, "status", MEETING_STATUSES),
        agent_id,
        agent_name,
        _int(meeting, "version"),
    )


def parse_survey(data: Mapping[str, Any]) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    survey = _obj(data.get("survey"), "survey")
    survey_id = _str(survey, "id")
    answers = survey.get("answers")
    if not isinstance(answers, list):
        raise BadEvent("answers is not a list")
    answer_rows = []
    for position, item in enumerate(answers):
        item = _obj(item, "answer")
        answer = item.get("answer")
        if answer is not None and not isinstance(answer, str):
            answer = json.dumps(answer, ensure_ascii=False)
        answer_rows.append((survey_id, position, _str(item, "question"), answer, _opt_number(item, "score")))
    row = (survey_id, _str(survey, "contact_id"), _opt_str(survey, "meeting_id"), _time(survey, "submitted_at"))
    return row, answer_rows


def parse_funnel_change(data: Mapping[str, Any]) -> tuple[Any, ...]:
    changed_by = _obj(data.get("changed_by"), "changed_by")
    return (
        _str(data, "id"),
        _str(data, "contact_id"),
        _opt_str(data, "from_stage"),
        _str(data, "to_stage"),
        _enum(changed_by, "kind", CHANGED_BY_KINDS),
        _opt_str(changed_by, "id"),
        _opt_str(changed_by, "name"),
        _opt_str(data, "note"),
        _time(data, "at"),
    )


def parse_funnel_stages(stages: Any) -> list[tuple[Any, ...]]:
    if not isinstance(stages, list):
        raise BadEvent("funnel_stages is not a list")
    rows = []
    for stage in stages:
        stage = _obj(stage, "stage")
        rows.append(
            (
                _str(stage, "id"),
                _str(stage, "name"),
                _int(stage, "order"),
                _opt_str(stage, "color"),
                _bool(stage, "manual"),
            )
        )
    return rows


# --- applying a page --------------------------------------------------------------------------


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


def _chunks(items: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing(cursor: sqlite3.Cursor, table: str, column: str, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    unique = list(dict.fromkeys(ids))
    for chunk in _chunks(unique):
        sql = f"SELECT {column} FROM {table} WHERE {column} IN ({_placeholders(len(chunk))})"
        found.update(row[0] for row in cursor.execute(sql, chunk))
    return found


def _existing_contacts(cursor: sqlite3.Cursor, ids: Iterable[str]) -> tuple[set[str], set[str]]:
    """Which of ``ids`` are in the cache, and which of those are placeholders still without a phone."""
    found: set[str] = set()
    phoneless: set[str] = set()
    for chunk in _chunks(list(dict.fromkeys(ids))):
        sql = f"SELECT id, version IS NULL AND phone IS NULL FROM contacts WHERE id IN ({_placeholders(len(chunk))})"
        for contact_id, lacks_phone in cursor.execute(sql, chunk):
            found.add(contact_id)
            if lacks_phone:
                phoneless.add(contact_id)
    return found, phoneless


# A contact row is written with its search keys (``search_keys.name_key``/``phone_key``) so the
# triggers of ``contact_search_terms`` run once per contact, on the final keys, instead of once for
# the row without keys and again when ``refresh_search_keys`` sets them (~10% of a first sync).
_CONTACT_KEYED_COLUMNS = (*CONTACT_COLUMNS, "name_key", "phone_key")
_CONTACT_UPSERT = (
    f"INSERT INTO contacts ({', '.join(_CONTACT_KEYED_COLUMNS)}) "
    f"VALUES ({_placeholders(len(_CONTACT_KEYED_COLUMNS))}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _CONTACT_KEYED_COLUMNS[1:])
    + " WHERE contacts.version IS NULL OR excluded.version > contacts.version"
)
_MESSAGE_UPSERT = (
    f"INSERT INTO messages ({', '.join(MESSAGE_COLUMNS)}) VALUES ({_placeholders(len(MESSAGE_COLUMNS))}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(
        f"{c} = excluded.{c}"
        for c in MESSAGE_COLUMNS[1:]
        if c not in ("status", "status_rank", "error_code", "error_title")
    )
    + ", outbox_id = NULL, "
    + ", ".join(
        f"{c} = CASE WHEN excluded.status_rank > messages.status_rank THEN excluded.{c} ELSE messages.{c} END"
        for c in ("status", "error_code", "error_title")
    )
    + ", status_rank = max(excluded.status_rank, messages.status_rank)"
)
_MEETING_UPSERT = (
    f"INSERT INTO meetings ({', '.join(MEETING_COLUMNS)}) VALUES ({_placeholders(len(MEETING_COLUMNS))}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in MEETING_COLUMNS[1:])
    + " WHERE excluded.version > meetings.version"
)
_PENDING_STATUS_UPSERT = (
    "INSERT INTO pending_statuses (message_id, status, status_rank, error_code, error_title, at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(message_id) DO UPDATE SET "
    "status = excluded.status, status_rank = excluded.status_rank, error_code = excluded.error_code, "
    "error_title = excluded.error_title, at = excluded.at WHERE excluded.status_rank > pending_statuses.status_rank"
)
_MERGE_PENDING_STATUSES = """
UPDATE messages
   SET status = p.status, status_rank = p.status_rank, error_code = p.error_code, error_title = p.error_title
  FROM pending_statuses AS p
 WHERE p.message_id = messages.id AND p.status_rank > messages.status_rank
"""
# A media whose sha256 is not 64 lowercase hex is kept as ``bad`` (never fetched); a new hash starts over.
_MEDIA_UPSERT = (
    "INSERT INTO media (id, contact_id, kind, sha256, mime_type, filename, size, state) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(id) DO UPDATE SET sha256 = coalesce(excluded.sha256, media.sha256), "
    "mime_type = coalesce(excluded.mime_type, media.mime_type), "
    "filename = coalesce(excluded.filename, media.filename), size = coalesce(excluded.size, media.size), "
    "state = CASE WHEN excluded.sha256 IS NOT media.sha256 AND excluded.sha256 IS NOT NULL "
    "THEN excluded.state ELSE media.state END, "
    "local_path = CASE WHEN excluded.sha256 IS NOT media.sha256 AND excluded.sha256 IS NOT NULL "
    "THEN NULL ELSE media.local_path END"
)


def _media_state(kind: str, sha256: Any) -> str:
    """``missing`` (to fetch) or ``bad``: a card has no hash by protocol, anything else needs a valid one."""
    return MediaState.MISSING if (kind == "card" and sha256 is None) or is_sha256(sha256) else MediaState.BAD


class _Page:
    """One page's events, parsed and grouped by what they touch."""

    def __init__(self) -> None:
        self.contacts: dict[str, tuple[Any, ...]] = {}
        self.messages: list[ParsedMessage] = []
        self.statuses: list[tuple[Any, ...]] = []
        self.meetings: dict[str, tuple[Any, ...]] = {}
        self.surveys: dict[str, tuple[tuple[Any, ...], list[tuple[Any, ...]]]] = {}
        self.funnel_changes: list[tuple[Any, ...]] = []
        self.stages: tuple[int, list[tuple[Any, ...]]] | None = None
        self.erasures: list[str] = []

    def add(self, seq: int, event_type: str, data: Mapping[str, Any]) -> None:
        match event_type:
            case "contact.upserted":
                row = parse_contact(data)
                kept = self.contacts.get(row[C_ID])
                if kept is None or row[C_VERSION] > kept[C_VERSION]:
                    self.contacts[row[C_ID]] = row
            case "contact.erased":
                self.erasures.append(_str(data, "contact_id"))
            case "message.upserted":
                self.messages.append(parse_message(data))
            case "message.status":
                self.statuses.append(parse_status(data))
            case "meeting.upserted":
                row = parse_meeting(data)
                kept = self.meetings.get(row[MT_ID])
                if kept is None or row[MT_VERSION] > kept[MT_VERSION]:
                    self.meetings[row[MT_ID]] = row
            case "survey.submitted":
                parsed = parse_survey(data)
                self.surveys[parsed[0][0]] = parsed
            case "funnel.changed":
                self.funnel_changes.append(parse_funnel_change(data))
            case "account.updated":
                rows = parse_funnel_stages(data.get("funnel_stages"))
                if self.stages is None or seq > self.stages[0]:
                    self.stages = (seq, rows)

    def contact_ids(self) -> set[str]:
        ids = set(self.contacts)
        ids.update(m.row[M_CONTACT_ID] for m in self.messages)
        ids.update(row[MT_CONTACT_ID] for row in self.meetings.values())
        ids.update(row[ROW_CONTACT_ID] for row, _ in self.surveys.values())
        ids.update(row[ROW_CONTACT_ID] for row in self.funnel_changes)
        return ids

    def drop_contacts(self, erased: set[str]) -> None:
        """Forget whatever this page says about contacts that have been erased."""
        if not erased:
            return
        self.contacts = {k: v for k, v in self.contacts.items() if k not in erased}
        self.messages = [m for m in self.messages if m.row[M_CONTACT_ID] not in erased]
        self.meetings = {k: v for k, v in self.meetings.items() if v[1] not in erased}
        self.surveys = {k: v for k, v in self.surveys.items() if v[0][1] not in erased}
        self.funnel_changes = [row for row in self.funnel_changes if row[ROW_CONTACT_ID] not in erased]


def apply_events_dbapi(
    connection: sqlite3.Connection, events: Sequence[Mapping[str, Any]], *, count_activity: bool = True
) -> ApplyResult:
    """Apply one page of events within the connection's open transaction.

    ``count_activity=False`` leaves the contacts' message aggregates to a recount at the end of a
    first sync (``leaddesk.sync.bulk``).
    """
    result = ApplyResult()
    page = _Page()
    for event in events:
        event_type = event.get("type") if isinstance(event, Mapping) else None
        if isinstance(event_type, str) and event_type not in KNOWN_TYPES:
            result.unknown += 1
            continue
        try:
            if not isinstance(event_type, str):
                raise BadEvent("event has no type")
            data = _obj(event.get("data"), "data")
            seq = event.get("seq")
            page.add(seq if isinstance(seq, int) and not isinstance(seq, bool) else 0, event_type, data)
        except BadEvent as problem:
            result.bad += 1
            # The reason names a field, never a value: no personal data reaches the log.
            seq_of = event.get("seq") if isinstance(event, Mapping) else None
            log.warning("skipped a bad %s event (seq %s): %s", event_type, seq_of, problem)
            continue
        result.applied += 1

    cursor = connection.cursor()
    tombstoned = _existing(cursor, "erased_contacts", "contact_id", page.contact_ids())
    page.drop_contacts(tombstoned)

    if page.stages is not None:
        _apply_stages(cursor, *page.stages, result)

    involved = page.contact_ids()
    existing, phoneless = _existing_contacts(cursor, involved)
    result.new_contacts = involved - existing
    result.touched_contacts = set(involved)

    # Placeholders first, so rows that reference a contact never wait for its own event.
    phones: dict[str, str | None] = {}
    for message in page.messages:
        contact_id = message.row[M_CONTACT_ID]
        if message.phone and not phones.get(contact_id):
            phones[contact_id] = message.phone
    missing = (involved - existing) - set(page.contacts)
    cursor.executemany(
        "INSERT OR IGNORE INTO contacts (id, phone) VALUES (?, ?)", [(cid, phones.get(cid)) for cid in missing]
    )
    # A placeholder made without a phone (from a meeting, say) takes one from a later message.
    cursor.executemany(
        "UPDATE contacts SET phone = ? WHERE id = ? AND version IS NULL AND phone IS NULL",
        [(phones[cid], cid) for cid in phoneless if phones.get(cid)],
    )

    if page.contacts:
        cursor.executemany(
            _CONTACT_UPSERT,
            [(*row, name_key(row[C_NAME]), phone_key(row[C_PHONE])) for row in page.contacts.values()],
        )
        media_rows = [
            (
                row[C_PROFILE_MEDIA_ID],
                row[C_ID],
                "profile",
                row[C_PROFILE_SHA256],
                row[C_PROFILE_MIME_TYPE],
                None,
                None,
                _media_state("profile", row[C_PROFILE_SHA256]),
            )
            for row in page.contacts.values()
            if row[C_PROFILE_MEDIA_ID]
        ]
        cursor.executemany(_MEDIA_UPSERT, media_rows)
        overlay_queued_edits(cursor, list(page.contacts))

    # The search keys follow every name or phone this page wrote (new placeholders included).
    refresh_search_keys(cursor, [*page.contacts, *missing, *(cid for cid in phoneless if phones.get(cid))])

    if page.messages:
        # New rows go into the search index in one statement; a message that comes again within
        # the page is upserted after that, so its triggers find it indexed.
        first, again = _first_and_repeated(page.messages)
        already = _existing(cursor, "messages", "id", [m.row[M_ID] for m in page.messages]) if count_activity else set()
        newest = newest_message_rowid(cursor)
        cursor.executemany(_MESSAGE_UPSERT, first)
        index_new_messages(cursor, newest)
        count_new_messages(cursor, newest)
        cursor.executemany(_MESSAGE_UPSERT, again)
        if count_activity:
            _add_activity(cursor, page.messages, already)
            _note_new_messages(first, already, result)
        media_rows = [
            (
                m.row[M_MEDIA_ID],
                m.row[M_CONTACT_ID],
                "message",
                m.row[M_MEDIA_SHA256],
                m.row[M_MEDIA_MIME_TYPE],
                m.row[M_MEDIA_FILENAME],
                m.row[M_MEDIA_SIZE],
                _media_state("message", m.row[M_MEDIA_SHA256]),
            )
            for m in page.messages
            if m.row[M_MEDIA_ID]
        ]
        media_rows += [
            (m.card_media_id, m.row[M_CONTACT_ID], "card", None, None, None, None, MediaState.MISSING)
            for m in page.messages
            if m.card_media_id
        ]
        cursor.executemany(_MEDIA_UPSERT, media_rows)

    if page.statuses or page.messages:
        cursor.executemany(_PENDING_STATUS_UPSERT, page.statuses)
        # Most pages find nothing waiting: one cheap look first spares a probe per message.
        anything_waiting = cursor.execute("SELECT EXISTS (SELECT 1 FROM pending_statuses)").fetchone()[0]
        ids = [row[ROW_ID] for row in page.statuses] + [m.row[M_ID] for m in page.messages]
        waiting = _existing(cursor, "pending_statuses", "message_id", ids) if anything_waiting else set()
        if waiting:
            cursor.execute(_MERGE_PENDING_STATUSES)
            arrived = _existing(cursor, "messages", "id", waiting)
            cursor.executemany("DELETE FROM pending_statuses WHERE message_id = ?", [(mid,) for mid in arrived])

    if page.meetings:
        cursor.executemany(_MEETING_UPSERT, list(page.meetings.values()))

    if page.surveys:
        surveys = list(page.surveys.values())
        cursor.executemany(
            "INSERT INTO surveys (id, contact_id, meeting_id, submitted_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET contact_id = excluded.contact_id, meeting_id = excluded.meeting_id, "
            "submitted_at = excluded.submitted_at",
            [row for row, _ in surveys],
        )
        cursor.executemany("DELETE FROM survey_answers WHERE survey_id = ?", [(row[ROW_ID],) for row, _ in surveys])
        cursor.executemany(
            "INSERT INTO survey_answers (survey_id, position, question, answer, score) VALUES (?, ?, ?, ?, ?)",
            [answer for _, answers in surveys for answer in answers],
        )

    if page.funnel_changes:
        cursor.executemany(
            "INSERT OR IGNORE INTO funnel_changes (id, contact_id, from_stage, to_stage, changed_by_kind, "
            "changed_by_id, changed_by_name, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            page.funnel_changes,
        )
        changed = {row[ROW_CONTACT_ID] for row in page.funnel_changes}
        refresh_stay_days(cursor, changed)
        refresh_stages_reached(cursor, changed)

    if page.erasures:
        _erase(cursor, page.erasures, result)
    if not count_activity:
        result.backlog = True
    else:
        _note_who(cursor, result)
    return result


_M_DIRECTION = MESSAGE_COLUMNS.index("direction")
_M_AUTHOR_KIND = MESSAGE_COLUMNS.index("author_kind")
_M_TEXT = MESSAGE_COLUMNS.index("text")
_M_TRANSCRIPT = MESSAGE_COLUMNS.index("transcript")
_AUTHOR_CLIENT, _AUTHOR_BOT = str(AuthorKind.CLIENT), str(AuthorKind.BOT)


def _note_new_messages(rows: Sequence[tuple[Any, ...]], already: set[str], result: ApplyResult) -> None:
    """Count the page's messages that are news: from a client, or the bot's, and not held before."""
    for row in rows:
        if row[M_ID] in already or row[M_TYPE] == _REACTION:
            continue
        kind = row[_M_AUTHOR_KIND]
        if row[_M_DIRECTION] == _DIRECTION_IN and kind == _AUTHOR_CLIENT:
            counts, newest_attr = result.client_messages, "newest_client_message"
        elif row[_M_DIRECTION] == _DIRECTION_OUT and kind == _AUTHOR_BOT:
            counts, newest_attr = result.bot_messages, "newest_bot_message"
        else:
            continue  # an agent's reply: the team's own words
        contact_id = row[M_CONTACT_ID]
        counts[contact_id] = counts.get(contact_id, 0) + 1
        newest = getattr(result, newest_attr)
        if newest is None or row[M_SENT_AT] >= newest.sent_at:
            text = row[_M_TEXT] or row[_M_TRANSCRIPT]
            setattr(result, newest_attr, NewMessage(contact_id, row[M_SENT_AT], row[M_TYPE], text))


def _note_who(cursor: sqlite3.Cursor, result: ApplyResult) -> None:
    """The names and phones a notice needs, read once the page is applied (a few contacts, not a history)."""
    wanted = sorted(result.client_messages.keys() | result.bot_messages.keys() | result.new_contacts)
    for chunk in _chunks(wanted):
        rows = cursor.execute(f"SELECT id, name, phone FROM contacts WHERE id IN ({_placeholders(len(chunk))})", chunk)
        result.who.update({contact_id: (name, phone) for contact_id, name, phone in rows})


def _first_and_repeated(messages: Sequence[ParsedMessage]) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The page's message rows split into each id's first occurrence and the ones that come again."""
    seen: set[str] = set()
    first: list[tuple[Any, ...]] = []
    again: list[tuple[Any, ...]] = []
    for message in messages:
        (again if message.row[M_ID] in seen else first).append(message.row)
        seen.add(message.row[M_ID])
    return first, again


def _add_activity(cursor: sqlite3.Cursor, messages: Sequence[ParsedMessage], already: set[str]) -> None:
    """Add the page's new messages to their contacts' ``message_count`` and ``last_activity``.

    Once per contact per page instead of a trigger per row: a first sync is several times faster.
    """
    counted = set(already)
    activity: dict[str, list[Any]] = {}
    for message in messages:
        message_id, contact_id, sent_at = message.row[M_ID], message.row[M_CONTACT_ID], message.row[M_SENT_AT]
        entry = activity.setdefault(contact_id, [0, sent_at, None])
        if message_id not in counted:
            counted.add(message_id)
            entry[0] += 1
        if sent_at > entry[1]:
            entry[1] = sent_at
        # The first message that is not a reaction, for Analytics (contacts.first_message_at).
        if message.row[M_TYPE] != "reaction" and (entry[2] is None or sent_at < entry[2]):
            entry[2] = sent_at
    cursor.executemany(
        "UPDATE contacts SET message_count = message_count + ?1, "
        "last_activity = max(coalesce(last_activity, ''), ?2), "
        "first_message_at = CASE WHEN ?3 IS NOT NULL AND (first_message_at IS NULL OR ?3 < first_message_at) "
        "THEN ?3 ELSE first_message_at END WHERE id = ?4",
        [(count, latest, first, contact_id) for contact_id, (count, latest, first) in activity.items()],
    )


def _apply_stages(cursor: sqlite3.Cursor, seq: int, rows: list[tuple[Any, ...]], result: ApplyResult) -> None:
    result.funnel_stages_changed |= store_funnel_stages(cursor, rows, seq)


def store_funnel_stages(cursor: sqlite3.Cursor, rows: Sequence[tuple[Any, ...]], seq: int | None = None) -> bool:
    """The one rule for the account's funnel stages; True when the stored stages changed.

    ``rows`` of (id, name, order, color, manual) replace the stored stages when they differ from them,
    unless they come from an ``account.updated`` event (``seq``) no newer than the last one applied.
    ``GET /v1/account`` (``seq`` None) tells the stages as they are now, so it is never too old.
    """
    if seq is not None:
        stored = cursor.execute("SELECT value FROM sync_state WHERE key = 'funnel_stages_seq'").fetchone()
        if stored is not None and int(stored[0]) >= seq:
            return False
        cursor.execute(
            "INSERT INTO sync_state (key, value) VALUES ('funnel_stages_seq', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(seq),),
        )
    current = cursor.execute("SELECT id, name, position, color, manual FROM funnel_stages ORDER BY position, id")
    wanted = sorted(((r[0], r[1], r[2], r[3], int(r[4])) for r in rows), key=lambda r: (r[2], r[0]))
    if [tuple(row) for row in current.fetchall()] == wanted:
        return False
    cursor.execute("DELETE FROM funnel_stages")
    cursor.executemany("INSERT INTO funnel_stages (id, name, position, color, manual) VALUES (?, ?, ?, ?, ?)", rows)
    return True


def _erase(cursor: sqlite3.Cursor, contact_ids: Sequence[str], result: ApplyResult) -> None:
    now = format_time(utc_now())
    unique = list(dict.fromkeys(contact_ids))
    for chunk in _chunks(unique):
        marks = _placeholders(len(chunk))
        result.erased_media_paths += [
            row[0]
            for row in cursor.execute(
                f"SELECT local_path FROM media WHERE contact_id IN ({marks}) AND local_path IS NOT NULL "
                "AND state = 'cached'",
                chunk,
            )
        ]
        # Statuses waiting for a message of this contact cannot be told apart; they are harmless.
        cursor.execute(f"DELETE FROM contacts WHERE id IN ({marks})", chunk)
    cursor.executemany(
        "INSERT OR IGNORE INTO erased_contacts (contact_id, erased_at) VALUES (?, ?)", [(cid, now) for cid in unique]
    )
    result.erased_contacts.update(unique)
    result.touched_contacts.difference_update(unique)
    result.new_contacts.difference_update(unique)
    for contact_id in unique:
        result.client_messages.pop(contact_id, None)
        result.bot_messages.pop(contact_id, None)
    erased = set(unique)
    result.newest_client_message = _newer(result.newest_client_message, None, erased)
    result.newest_bot_message = _newer(result.newest_bot_message, None, erased)


def apply_events(
    connection: Connection, events: Sequence[Mapping[str, Any]], *, count_activity: bool = True
) -> ApplyResult:
    """Apply one page of events inside the SQLAlchemy connection's transaction."""
    return apply_events_dbapi(dbapi_connection(connection), events, count_activity=count_activity)
