"""The local cache's tables, as SQLAlchemy 2 declarative classes.

The schema is owned by the Alembic migrations in ``leaddesk/db/migrations``; these classes describe
it for queries and must match the newest migration (a test compares them).

Times are stored as RFC 3339 text in UTC (``2026-11-24T15:03:57Z``), which sorts by time, and JSON
values as text. Everything about a contact hangs off ``contacts.id`` with ``ON DELETE CASCADE``, so
erasing a contact is one ``DELETE``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy import text as sql_text  # the messages table has a column named "text"
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Contact(Base):
    """A client: the relay's whole contact state plus what LeadDesk derives from the log."""

    __tablename__ = "contacts"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    phone: Mapped[str | None] = mapped_column(String)  # E.164; null on a placeholder without one
    name: Mapped[str | None] = mapped_column(String)
    profile_media_id: Mapped[str | None] = mapped_column(String)
    profile_sha256: Mapped[str | None] = mapped_column(String)
    profile_mime_type: Mapped[str | None] = mapped_column(String)
    bot_status: Mapped[str] = mapped_column(String, server_default="active")
    bot_paused_until: Mapped[str | None] = mapped_column(String)
    unread: Mapped[int] = mapped_column(Integer, server_default="0")
    sale_status: Mapped[str] = mapped_column(String, server_default="none")
    funnel_stage: Mapped[str | None] = mapped_column(String)
    sentiment: Mapped[str | None] = mapped_column(String)
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    sentiment_at: Mapped[str | None] = mapped_column(String)
    mystery_shopper: Mapped[bool] = mapped_column(Boolean, server_default="0")
    contractor: Mapped[bool] = mapped_column(Boolean, server_default="0")
    config: Mapped[str] = mapped_column(Text, server_default="{}")  # JSON object
    #: The relay's version; null while the contact is a placeholder made from another event.
    version: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[str | None] = mapped_column(String)
    updated_at: Mapped[str | None] = mapped_column(String)
    # Derived from the messages (by the event applier, once per page), so the list sorts and
    # counts without a join.
    last_activity: Mapped[str | None] = mapped_column(String)
    message_count: Mapped[int] = mapped_column(Integer, server_default="0")
    # What the list's search compares (``leaddesk/db/search_keys.py``): the folded words of the name,
    # each after a space, and the phone's digits (a Mexican mobile without its old "1").
    name_key: Mapped[str | None] = mapped_column(String)
    phone_key: Mapped[str | None] = mapped_column(String)
    #: The time of the contact's first message that is not a reaction (Analytics counts clients by it).
    first_message_at: Mapped[str | None] = mapped_column(String)
    #: The stage ids the contact's funnel changes went to, a sorted JSON array (``db/stages_reached.py``, 0011).
    stages_reached: Mapped[str | None] = mapped_column(String)

    __table_args__ = (
        Index("ix_contacts_last_activity", sql_text("last_activity DESC")),
        Index("ix_contacts_name", sql_text("name COLLATE NOCASE")),
        Index("ix_contacts_phone", "phone"),
        Index("ix_contacts_sale_status", "sale_status"),
        Index("ix_contacts_funnel_stage", "funnel_stage"),
        Index("ix_contacts_bot_status_paused_until", "bot_status", "bot_paused_until"),  # the bot sort (0008)
        Index("ix_contacts_sentiment", "sentiment"),
        Index("ix_contacts_name_key", "name_key"),
        Index("ix_contacts_phone_key", "phone_key"),
        Index("ix_contacts_first_message_at", "first_message_at"),  # Analytics (migration 0007)
        Index(  # Analytics: the client figures read this instead of the wide rows (migrations 0009, 0011)
            "ix_contacts_analytics",
            "funnel_stage",
            "sale_status",
            "sentiment",
            "stages_reached",
            "first_message_at",
            "mystery_shopper",
            "contractor",
            "id",
        ),
    )


class ContactSearchTerm(Base):
    """The client list's search index: ``"w" + word`` of each name word, ``"#" + suffix`` of each phone
    suffix (4+ characters, from a digit), to the contact's rowid. Written only by triggers on
    ``contacts`` (migration 0010); read by ``search_keys.search_candidates``."""

    __tablename__ = "contact_search_terms"
    __table_args__ = ({"sqlite_with_rowid": False},)

    term: Mapped[str] = mapped_column(Text, primary_key=True)
    contact_rowid: Mapped[int] = mapped_column(Integer, primary_key=True)


class ErasedContact(Base):
    """A tombstone: the person asked to be forgotten; later events about them are ignored."""

    __tablename__ = "erased_contacts"

    contact_id: Mapped[str] = mapped_column(String, primary_key=True)
    erased_at: Mapped[str] = mapped_column(String)


class Message(Base):
    __tablename__ = "messages"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String)
    author_kind: Mapped[str] = mapped_column(String)
    author_name: Mapped[str | None] = mapped_column(String)
    sent_at: Mapped[str] = mapped_column(String)
    type: Mapped[str] = mapped_column(String)
    text: Mapped[str | None] = mapped_column(Text)
    media_id: Mapped[str | None] = mapped_column(String)
    media_mime_type: Mapped[str | None] = mapped_column(String)
    media_sha256: Mapped[str | None] = mapped_column(String)
    media_filename: Mapped[str | None] = mapped_column(String)
    media_size: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(Text)  # JSON
    reaction_to: Mapped[str | None] = mapped_column(String)  # the message a reaction is about
    reaction_emoji: Mapped[str | None] = mapped_column(String)  # "" takes the reaction back
    transcript: Mapped[str | None] = mapped_column(Text)
    card: Mapped[str | None] = mapped_column(Text)  # JSON
    contacts: Mapped[str | None] = mapped_column(Text)  # JSON of shared contact cards, from raw
    status: Mapped[str] = mapped_column(String)
    status_rank: Mapped[int] = mapped_column(Integer)
    error_code: Mapped[str | None] = mapped_column(String)
    error_title: Mapped[str | None] = mapped_column(String)
    raw: Mapped[str | None] = mapped_column(Text)  # JSON, kept for support only
    #: The outbox row of a message this LeadDesk queued and the relay has not confirmed yet.
    outbox_id: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_messages_contact_id_sent_at", "contact_id", "sent_at"),
        Index("ix_messages_reaction_to", "reaction_to", sqlite_where=sql_text("reaction_to IS NOT NULL")),
        # Analytics: messages by day, in and out by author, reactions left out (migration 0007).
        Index(
            "ix_messages_direction_author_kind_sent_at",
            "direction",
            "author_kind",
            "sent_at",
            sqlite_where=sql_text("type <> 'reaction'"),
        ),
    )


class MessageHour(Base):
    """Messages per UTC hour (``2026-11-24T15``), direction and author kind, reactions left out
    (``db/message_hours.py``, migration 0011): Analytics sums them into local days."""

    __tablename__ = "message_hours"

    hour: Mapped[str] = mapped_column(String, primary_key=True)
    direction: Mapped[str] = mapped_column(String, primary_key=True)
    author_kind: Mapped[str] = mapped_column(String, primary_key=True)
    messages: Mapped[int] = mapped_column(Integer)

    __table_args__ = ({"sqlite_with_rowid": False},)


#: The full-text index of message text and transcripts (migration 0006, ``leaddesk/db/search.py``):
#: an FTS5 virtual table keyed by the rowid of ``messages``, with shadow tables named after it.
#: SQLAlchemy's metadata cannot describe a virtual table, so it is left out of the comparison.
SEARCH_INDEX_TABLE = "messages_fts"


def is_search_index_table(name: str | None) -> bool:
    return name is not None and (name == SEARCH_INDEX_TABLE or name.startswith(SEARCH_INDEX_TABLE + "_"))


class PendingStatus(Base):
    """A ``message.status`` for a message that has not arrived yet, kept until it does."""

    __tablename__ = "pending_statuses"

    message_id: Mapped[str] = mapped_column(String, primary_key=True)
    status: Mapped[str] = mapped_column(String)
    status_rank: Mapped[int] = mapped_column(Integer)
    error_code: Mapped[str | None] = mapped_column(String)
    error_title: Mapped[str | None] = mapped_column(String)
    at: Mapped[str | None] = mapped_column(String)


class Media(Base):
    """A media reference and, once fetched, where its verified bytes are in the media cache."""

    __tablename__ = "media"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String)  # profile, message, card
    sha256: Mapped[str | None] = mapped_column(String)
    mime_type: Mapped[str | None] = mapped_column(String)
    filename: Mapped[str | None] = mapped_column(String)
    size: Mapped[int | None] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String, server_default="missing")  # domain.MediaState
    local_path: Mapped[str | None] = mapped_column(String)
    fetched_at: Mapped[str | None] = mapped_column(String)

    __table_args__ = (
        Index("ix_media_contact_id", "contact_id"),
        Index("ix_media_state", "state"),
        Index("ix_media_local_path", "local_path"),
    )


class Meeting(Base):
    __tablename__ = "meetings"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    title: Mapped[str | None] = mapped_column(String)
    starts_at: Mapped[str | None] = mapped_column(String)
    ends_at: Mapped[str | None] = mapped_column(String)
    location: Mapped[str | None] = mapped_column(String)
    status: Mapped[str] = mapped_column(String)
    agent_id: Mapped[str | None] = mapped_column(String)
    agent_name: Mapped[str | None] = mapped_column(String)
    version: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        Index("ix_meetings_contact_id_starts_at", "contact_id", "starts_at"),
        Index("ix_meetings_status_starts_at", "status", "starts_at"),  # Analytics (migration 0011)
    )


class Survey(Base):
    __tablename__ = "surveys"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    meeting_id: Mapped[str | None] = mapped_column(String)  # the meeting may arrive later
    submitted_at: Mapped[str] = mapped_column(String)

    __table_args__ = (Index("ix_surveys_contact_id", "contact_id"),)


class SurveyAnswer(Base):
    __tablename__ = "survey_answers"

    survey_id: Mapped[str] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float | None] = mapped_column(Float)


class FunnelChange(Base):
    __tablename__ = "funnel_changes"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    from_stage: Mapped[str | None] = mapped_column(String)
    to_stage: Mapped[str] = mapped_column(String)
    changed_by_kind: Mapped[str] = mapped_column(String)
    changed_by_id: Mapped[str | None] = mapped_column(String)
    changed_by_name: Mapped[str | None] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[str] = mapped_column(String)
    #: Days until the contact's next change; NULL for the latest (``db/funnel_stays.py``, migration 0009).
    stay_days: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (
        Index("ix_funnel_changes_contact_id_at", "contact_id", "at"),
        # Covering, for the Analytics funnel (migration 0007).
        Index("ix_funnel_changes_contact_id_at_to_stage", "contact_id", "at", "to_stage"),
        Index(
            "ix_funnel_changes_to_stage_stay_days",
            "to_stage",
            "stay_days",
            "contact_id",
            sqlite_where=sql_text("stay_days IS NOT NULL"),
        ),
    )


class FunnelStage(Base):
    __tablename__ = "funnel_stages"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(String)
    position: Mapped[int] = mapped_column(Integer)
    color: Mapped[str | None] = mapped_column(String)
    manual: Mapped[bool] = mapped_column(Boolean)


class SyncState(Base):
    """Small key/value facts about the sync: the event cursor, the account, counters."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class OutboxEdit(Base):
    """A staff edit waiting to reach the relay, in the order it was made, with its idempotency key."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String, unique=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String)
    base_version: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[str] = mapped_column(Text)  # JSON body "data" of the command
    #: What the field(s) held before the edit, so a refusal can put the value back.
    previous: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String, server_default="queued")
    created_at: Mapped[str] = mapped_column(String)
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[str | None] = mapped_column(String)
    #: When the user dismissed the notice of this edit's refusal (NULL: still shown).
    dismissed_at: Mapped[str | None] = mapped_column(String)

    __table_args__ = (Index("ix_outbox_state_id", "state", "id"), Index("ix_outbox_contact_id", "contact_id"))


class EditConflict(Base):
    """A staff edit the relay refused with 409: its value lost, kept for the user to see."""

    __tablename__ = "edit_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    contact_id: Mapped[str] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    outbox_id: Mapped[int | None] = mapped_column(Integer)
    command_type: Mapped[str] = mapped_column(String)
    field: Mapped[str] = mapped_column(String)
    mine: Mapped[str | None] = mapped_column(Text)  # JSON
    theirs: Mapped[str | None] = mapped_column(Text)  # JSON
    at: Mapped[str] = mapped_column(String)
    resolved: Mapped[bool] = mapped_column(Boolean, server_default="0")

    __table_args__ = (Index("ix_edit_conflicts_contact_id", "contact_id"),)
