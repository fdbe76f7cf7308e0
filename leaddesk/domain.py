"""LeadDesk's vocabulary: the enums of the relay protocol and the rules that are pure functions.

Nothing here imports from the rest of LeadDesk, so every layer may use it.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from enum import StrEnum


class SaleStatus(StrEnum):
    NONE = "none"
    PENDING = "pending"
    SIGNED = "signed"
    SOLD = "sold"

    @property
    def label(self) -> str:
        return SALE_STATUS_LABELS[self]

    @property
    def meaning(self) -> str:
        return SALE_STATUS_MEANINGS[self]


SALE_STATUS_LABELS = {
    SaleStatus.NONE: "None",
    SaleStatus.PENDING: "Pending",
    SaleStatus.SIGNED: "Signed",
    SaleStatus.SOLD: "Sold",
}
SALE_STATUS_MEANINGS = {
    SaleStatus.NONE: "No sale in progress yet.",
    SaleStatus.PENDING: "The client has said yes; the paperwork is not signed yet.",
    SaleStatus.SIGNED: "The contract is signed; payment or handover is still open.",
    SaleStatus.SOLD: "The sale is complete.",
}
SALE_STATUS_COLORS = {
    SaleStatus.NONE: "#9AA5B1",
    SaleStatus.PENDING: "#F2A541",
    SaleStatus.SIGNED: "#4F86C6",
    SaleStatus.SOLD: "#3BB273",
}


class BotStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    AGENT = "agent"

    @property
    def label(self) -> str:
        return {"active": "Active", "paused": "Paused", "agent": "Agent"}[self.value]


class Sentiment(StrEnum):
    HOT = "hot"
    WARM = "warm"
    NEUTRAL = "neutral"
    COLD = "cold"
    NEGATIVE = "negative"

    @property
    def label(self) -> str:
        return self.value.capitalize()


SENTIMENT_COLORS = {
    Sentiment.HOT: "#E4572E",
    Sentiment.WARM: "#F2A541",
    Sentiment.NEUTRAL: "#8E9AAF",
    Sentiment.COLD: "#4F86C6",
    Sentiment.NEGATIVE: "#7D3C98",
}
#: Sort order of sentiment labels, warmest first (used by SQL ORDER BY through a CASE).
SENTIMENT_ORDER = [s.value for s in Sentiment]


class Direction(StrEnum):
    IN = "in"
    OUT = "out"


class AuthorKind(StrEnum):
    CLIENT = "client"
    BOT = "bot"
    AGENT = "agent"


class MessageType(StrEnum):
    TEXT = "text"
    IMAGE = "image"
    AUDIO = "audio"
    VIDEO = "video"
    DOCUMENT = "document"
    STICKER = "sticker"
    LOCATION = "location"
    CONTACTS = "contacts"
    INTERACTIVE = "interactive"
    BUTTON = "button"
    REACTION = "reaction"
    UNSUPPORTED = "unsupported"


class MessageStatus(StrEnum):
    PENDING = "pending"  # local only: queued in the outbox, not yet confirmed by the relay
    RECEIVED = "received"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    READ = "read"


#: A status never goes back. ``failed`` stands over ``sent`` and ``delivered`` but not over
#: ``read``; a linear rank makes merging commutative, so out-of-order webhooks end the same.
STATUS_RANK: dict[str, int] = {
    MessageStatus.PENDING: 0,
    MessageStatus.RECEIVED: 1,
    MessageStatus.SENT: 1,
    MessageStatus.DELIVERED: 2,
    MessageStatus.FAILED: 3,
    MessageStatus.READ: 4,
}


def status_rank(status: str) -> int:
    return STATUS_RANK.get(status, 0)


def merge_status(current: str | None, incoming: str) -> str:
    """The status that stands after ``incoming`` arrives on a message whose status is ``current``."""
    if current is None or status_rank(incoming) > status_rank(current):
        return incoming
    return current


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"

    @property
    def label(self) -> str:
        return self.value.replace("_", "-").capitalize()


class ChangedByKind(StrEnum):
    BOT = "bot"
    AGENT = "agent"
    SYSTEM = "system"


class CommandType(StrEnum):
    SET_SALE_STATUS = "set_sale_status"
    SET_FLAGS = "set_flags"
    SET_FUNNEL_STAGE = "set_funnel_stage"
    SET_BOT_STATUS = "set_bot_status"
    MARK_REVIEWED = "mark_reviewed"
    SET_NAME = "set_name"
    SET_CONFIG = "set_config"
    SEND_MESSAGE = "send_message"


#: How a person names a contact field (conflict notices, tooltips).
FIELD_WORDS: dict[str, str] = {
    "sale_status": "sale status",
    "funnel_stage": "funnel stage",
    "bot_status": "bot status",
    "bot_paused_until": "bot pause",
    "mystery_shopper": "mystery shopper",
    "contractor": "contractor",
    "name": "name",
    "config": "configuration",
    "unread": "reviewed mark",
}

#: How a person names the edit a command makes (refusal notices, the "waiting" tooltip).
COMMAND_WORDS: dict[str, str] = {
    "set_sale_status": "sale status",
    "set_funnel_stage": "funnel stage",
    "set_bot_status": "bot status",
    "set_flags": "flags",
    "set_name": "name",
    "set_config": "configuration",
    "mark_reviewed": "reviewed mark",
    "send_message": "message",
}


def field_words(field: str) -> str:
    return FIELD_WORDS.get(field, field.replace("_", " "))


#: Commands that never conflict (protocol: "mark_reviewed and send_message never conflict").
CONFLICT_FREE_COMMANDS = frozenset({CommandType.MARK_REVIEWED, CommandType.SEND_MESSAGE})


class OutboxState(StrEnum):
    QUEUED = "queued"
    APPLIED = "applied"
    CONFLICT = "conflict"
    REFUSED = "refused"


class MediaState(StrEnum):
    """A media row: ``cached`` only after its bytes were written by LeadDesk and (with a hash) checked."""

    MISSING = "missing"
    CACHED = "cached"
    EXPIRED = "expired"
    BAD = "bad"  # an invalid sha256, bytes that do not match it, or a body past the cap: never fetched again


def counts_for_analytics(mystery_shopper: bool) -> bool:
    """Mystery shoppers are internal testers and are left out of every analytic."""
    return not mystery_shopper


# --- text -------------------------------------------------------------------------------------


# --- time -------------------------------------------------------------------------------------


def parse_time(value: str) -> datetime:
    """Parse an RFC 3339 timestamp (``Z`` or an offset) into an aware UTC datetime."""
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        raise ValueError(f"timestamp without a time zone: {value!r}")
    return parsed.astimezone(UTC)


def format_time(moment: datetime) -> str:
    """Format an aware datetime as RFC 3339 in UTC with a ``Z``, as the relay does."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def normalize_time(value: str) -> str:
    """Any RFC 3339 timestamp as the canonical ``YYYY-MM-DDTHH:MM:SSZ`` text, which sorts by time."""
    return format_time(parse_time(value))


def utc_now() -> datetime:
    return datetime.now(UTC)


def humanize_age(moment: datetime, now: datetime | None = None) -> str:
    """ "just now", "5 min ago", "3 h ago", "yesterday", "4 days ago", or a date for older times."""
    now = now or utc_now()
    seconds = (now - moment).total_seconds()
    if seconds < 0:
        seconds = 0
    if seconds < 60:
        return "just now"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 24:
        return f"{hours} h ago"
    days = hours // 24
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    local = moment.astimezone()
    if local.year == now.astimezone().year:
        return f"{local:%b} {local.day}"
    return f"{local:%b} {local.day}, {local.year}"


def pause_has_ended(status: str, paused_until: str | None, now: datetime | None = None) -> bool:
    """True for a pause whose end is in the past (the relay resumes the bot then)."""
    if status != BotStatus.PAUSED or not paused_until:
        return False
    try:
        return parse_time(paused_until) <= (now or utc_now())
    except ValueError:
        return False


# --- text folding for find -------------------------------------------------------------------


def _fold_char(char: str) -> str:
    """One character, case-folded and without its accents: "Á" → "a", "ß" → "ss", a lone accent → ""."""
    decomposed = unicodedata.normalize("NFD", char.casefold())
    return "".join(part for part in decomposed if unicodedata.category(part) != "Mn")


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that works out each character's fold the first time it is met."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def known_label(kind: type[StrEnum], value: object) -> str | None:
    """An enum value in the window's words (``sold`` → ``Sold``); None when ``kind`` has no such value."""
    if not isinstance(value, str):
        return None
    try:
        return str(getattr(kind(value), "label"))  # noqa: B009 - every labelled enum has it; StrEnum does not say so
    except ValueError:
        return None


def label_or_value(kind: type[StrEnum], value: object) -> str:
    """An enum value in the window's words; a value the enum does not know (a newer relay's), as it is."""
    known = known_label(kind, value)
    return str(value) if known is None else known


def fold_text(text: str) -> str:
    """``text`` for accent- and case-blind matching: "Recámara" → "recamara", "JIMÉNEZ" → "jimenez".

    Character by character (casefold, then drop the combining marks of the canonical decomposition),
    so offsets map back to the original text (:func:`fold_with_origins`).
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def fold_with_origins(text: str) -> tuple[str, list[int]]:
    """(:func:`fold_text` of ``text``, for each folded character the index of the original one it came from)."""
    origins: list[int] = []
    for index, char in enumerate(text):
        origins.extend([index] * len(_FOLD_TABLE[ord(char)]))
    return fold_text(text), origins


def find_folded(text: str, needle: str, limit: int = 200) -> list[tuple[int, int]]:
    """(start, end) in ``text`` (Python indices) of each accent- and case-blind match of ``needle``."""
    target = fold_text(needle)
    if not target:
        return []
    folded, origins = fold_with_origins(text)
    spans: list[tuple[int, int]] = []
    start = folded.find(target)
    while start >= 0 and len(spans) < limit:
        end = start + len(target)
        last = origins[end - 1] + 1
        while last < len(text) and not _FOLD_TABLE[ord(text[last])]:
            last += 1  # a combining accent after the match belongs to its last letter
        spans.append((origins[start], last))
        start = folded.find(target, end)
    return spans


def fill_placeholders(template: str, *values: str) -> str:
    """``template``'s ``%1``, ``%2``… replaced by ``values`` in one pass (Qt's placeholders, without Qt),
    so that a value holding "%2" (a client's name is a stranger's text) is kept as typed."""
    return re.sub(
        r"%(\d)",
        lambda found: values[int(found.group(1)) - 1] if 0 < int(found.group(1)) <= len(values) else found.group(0),
        template,
    )
