"""The one edit path: every staff edit (profile dialog, list menu, bulk edits, ``leaddesk set``) comes here.

Each function changes the cache and writes the outbox row(s) in ONE transaction, for every contact it
is given (a bulk edit of 500 clients is one transaction), so the edit shows at once and the sync
engine later pushes it. Each outbox row carries a fresh uuid4 idempotency key, the contact's version
as the user saw it (``base_version``), the command's ``data`` and ``previous``: the contact columns
before the edit, so that a refusal can put them back.

No Qt here: the CLI and tests use it directly (``leaddesk set`` must not load Qt). Validation errors are
:class:`EditError` with a message fit to show to the user (``str()`` in English for the CLI,
:meth:`EditError.window_text` in the window's language); :class:`CouldNotSave` (one of them) says that
another program kept the database locked past the busy timeout, so nothing was saved and the same edit
may simply be tried again.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from leaddesk.db.database import Database, DatabaseBusy
from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.db.edit_reads import Conflict as Conflict
from leaddesk.db.edit_reads import ConflictNotice as ConflictNotice
from leaddesk.db.edit_reads import agent_name as agent_name
from leaddesk.db.edit_reads import conflict_notices as conflict_notices
from leaddesk.db.edit_reads import funnel_stage, loads_or_text
from leaddesk.db.edit_reads import last_inbound_at as last_inbound_at
from leaddesk.db.edit_reads import manual_stages as manual_stages
from leaddesk.db.edit_reads import open_conflicts as open_conflicts
from leaddesk.db.edit_reads import pending_fields as pending_fields
from leaddesk.db.edit_reads import refused_edits as refused_edits
from leaddesk.db.outbox import apply_contact_changes, contact_changes
from leaddesk.db.state import AGENT_NAME
from leaddesk.domain import (
    AuthorKind,
    BotStatus,
    CommandType,
    Direction,
    MessageStatus,
    MessageType,
    OutboxState,
    SaleStatus,
    fill_placeholders,
    format_time,
    humanize_age,
    parse_time,
    status_rank,
    utc_now,
)

MAX_NAME = 200
MAX_MESSAGE = 4096
#: WhatsApp lets a business write freely only this long after the client's last message.
WINDOW_HOURS = 24

_BOOL_COLUMNS = frozenset({"mystery_shopper", "contractor"})


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for the catalogue without importing Qt; the window translates it when shown."""
    return text


class EditError(ValueError):
    """An edit that cannot be made; ``str()`` is a message for the user in English (the CLI's), and
    :meth:`window_text` the same in the window's language.

    ``message`` is marked for translation (``QT_TRANSLATE_NOOP("EditError", …)``) with ``%1``, ``%2`` for
    ``values``, which are shown as they are.
    """

    def __init__(self, message: str, *values: object) -> None:
        self.template = str(message)
        self.values = tuple(str(value) for value in values)
        super().__init__(fill_placeholders(self.template, *self.values))

    def window_text(self) -> str:
        """The message in the window's language (Qt is loaded there already)."""
        from PySide6.QtCore import QCoreApplication

        return fill_placeholders(QCoreApplication.translate("EditError", self.template), *self.values)


class NoSuchContactError(EditError):
    """A contact id that is not (or no longer) in the cache."""


COULD_NOT_SAVE = QT_TRANSLATE_NOOP("EditError", "Could not save: the database is busy. Try again.")


class CouldNotSave(EditError):  # noqa: N818 - the name the views and the CLI speak of
    """Another program kept the database locked past the busy timeout: nothing of the edit was saved."""

    def __init__(self) -> None:
        super().__init__(COULD_NOT_SAVE)


@contextmanager
def _saving(database: Database) -> Iterator[Connection]:
    """``database.write()``, with a database that stayed busy told as :class:`CouldNotSave`."""
    try:
        with database.write() as connection:
            yield connection
    except DatabaseBusy as problem:
        raise CouldNotSave from problem


def _chunks(items: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_CONTACT_READ = (
    "id, version, sale_status, funnel_stage, bot_status, bot_paused_until, unread, name, "
    "mystery_shopper, contractor, config"
)


def _load_contacts(cursor: sqlite3.Cursor, contact_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    columns = [c.strip() for c in _CONTACT_READ.split(",")]
    for chunk in _chunks(contact_ids):
        marks = ",".join("?" * len(chunk))
        for row in cursor.execute(f"SELECT {_CONTACT_READ} FROM contacts WHERE id IN ({marks})", list(chunk)):
            found[row[0]] = dict(zip(columns, row, strict=True))
    return found


def _unique(contact_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(contact_ids))
    if not ids:
        raise EditError(QT_TRANSLATE_NOOP("EditError", "No client selected."))
    return ids


def _config_of(contact: Mapping[str, Any]) -> dict[str, Any]:
    try:
        loaded = json.loads(contact.get("config") or "{}")
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _previous(contact: Mapping[str, Any], changes: Mapping[str, Any]) -> str:
    before = {}
    for column in changes:
        value = contact.get(column)
        before[column] = bool(value) if column in _BOOL_COLUMNS and value is not None else value
    return json.dumps(before, ensure_ascii=False, sort_keys=True)


def _queue(
    database: Database,
    contact_ids: Iterable[str],
    command_type: CommandType,
    data: Mapping[str, Any],
    *,
    also: Callable[[sqlite3.Cursor], None] | None = None,
) -> list[int]:
    """Apply ``data`` locally to every contact and queue one command each, in one transaction.

    ``also(cursor)`` runs last in the same transaction (an error from it undoes everything).
    """
    return _queue_all(database, contact_ids, [PlannedEdit(command_type, dict(data))], also=also)


@dataclass(frozen=True)
class PlannedEdit:
    """One checked edit, not yet made: what :func:`apply_edits` queues. Made by the ``plan_*`` functions."""

    command_type: CommandType
    data: dict[str, Any]


def _queue_all(
    database: Database,
    contact_ids: Iterable[str],
    planned: Sequence[PlannedEdit],
    *,
    also: Callable[[sqlite3.Cursor], None] | None = None,
) -> list[int]:
    """Every planned edit on every contact, in order, in ONE transaction: all of them are made or none."""
    ids = _unique(contact_ids)
    now = format_time(utc_now())
    outbox_ids: list[int] = []
    with _saving(database) as connection:
        cursor = dbapi_cursor(connection)
        seen = _load_contacts(cursor, ids)
        missing = [cid for cid in ids if cid not in seen]
        if missing:
            raise NoSuchContactError(QT_TRANSLATE_NOOP("EditError", "No such client: %1"), missing[0])
        # Every command carries the version the user saw, even the second edit of one Save.
        seen_versions = {cid: contact["version"] for cid, contact in seen.items()}
        for edit in planned:
            # Read again: an earlier edit of the same Save may have changed what this one builds on.
            contacts = seen if edit is planned[0] else _load_contacts(cursor, ids)
            body = json.dumps(edit.data, ensure_ascii=False, sort_keys=True)
            for contact_id in ids:
                contact = contacts[contact_id]
                changes = contact_changes(edit.command_type, edit.data, _config_of(contact))
                cursor.execute(
                    "INSERT INTO outbox (idempotency_key, contact_id, type, base_version, data, previous, state, "
                    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        str(uuid.uuid4()),
                        contact_id,
                        str(edit.command_type),
                        seen_versions[contact_id],
                        body,
                        _previous(contact, changes),
                        OutboxState.QUEUED,
                        now,
                    ),
                )
                assert cursor.lastrowid is not None
                outbox_ids.append(cursor.lastrowid)
                apply_contact_changes(cursor, contact_id, changes)
        if also is not None:
            also(cursor)
    return outbox_ids


def apply_edits(database: Database, contact_ids: Iterable[str], planned: Sequence[PlannedEdit]) -> list[int]:
    """Make several checked edits at once (one Save of the profile): one transaction, all or nothing."""
    if not planned:
        raise EditError(QT_TRANSLATE_NOOP("EditError", "Nothing to change."))
    return _queue_all(database, contact_ids, planned)


# --- the edits ---------------------------------------------------------------------------------


def plan_sale_status(value: str) -> PlannedEdit:
    try:
        status = SaleStatus(value)
    except ValueError:
        raise EditError(
            QT_TRANSLATE_NOOP("EditError", "Unknown sale status %1: use none, pending, signed or sold."), repr(value)
        ) from None
    return PlannedEdit(CommandType.SET_SALE_STATUS, {"sale_status": str(status)})


def set_sale_status(database: Database, contact_ids: Iterable[str], value: str) -> list[int]:
    return _queue_all(database, contact_ids, [plan_sale_status(value)])


def plan_funnel_stage(database: Database, stage: str, note: str | None = None) -> PlannedEdit:
    row = funnel_stage(database, stage)
    if row is None:
        raise EditError(QT_TRANSLATE_NOOP("EditError", "Unknown funnel stage %1."), repr(stage))
    if not row[1]:
        raise EditError(
            QT_TRANSLATE_NOOP("EditError", "The stage %1 is set only by the bot's rules; a person may not pick it."),
            repr(row[0]),
        )
    data: dict[str, Any] = {"stage": stage}
    if note is not None and note.strip():
        data["note"] = note.strip()
    return PlannedEdit(CommandType.SET_FUNNEL_STAGE, data)


def set_funnel_stage(database: Database, contact_ids: Iterable[str], stage: str, note: str | None = None) -> list[int]:
    return _queue_all(database, contact_ids, [plan_funnel_stage(database, stage, note)])


def parse_until(value: str) -> str:
    """An RFC 3339 time as the relay's canonical UTC text; :class:`EditError` if it is not one."""
    try:
        moment = parse_time(value)
    except ValueError:
        raise EditError(
            QT_TRANSLATE_NOOP("EditError", "Not a date and time with a time zone (RFC 3339): %1."), repr(value)
        ) from None
    return format_time(moment)


def plan_bot_status(status: str, until: str | datetime | None = None) -> PlannedEdit:
    try:
        bot_status = BotStatus(status)
    except ValueError:
        raise EditError(
            QT_TRANSLATE_NOOP("EditError", "Unknown bot status %1: use active, paused or agent."), repr(status)
        ) from None
    data: dict[str, Any] = {"bot_status": str(bot_status)}
    if until is not None:
        if bot_status != BotStatus.PAUSED:
            raise EditError(QT_TRANSLATE_NOOP("EditError", "A time to resume the bot goes only with pausing it."))
        text = format_time(until) if isinstance(until, datetime) else parse_until(until)
        if parse_time(text) <= utc_now():
            raise EditError(QT_TRANSLATE_NOOP("EditError", "The time to resume the bot must be in the future."))
        data["until"] = text
    return PlannedEdit(CommandType.SET_BOT_STATUS, data)


def set_bot_status(
    database: Database, contact_ids: Iterable[str], status: str, until: str | datetime | None = None
) -> list[int]:
    return _queue_all(database, contact_ids, [plan_bot_status(status, until)])


def plan_flags(*, mystery_shopper: bool | None = None, contractor: bool | None = None) -> PlannedEdit:
    data: dict[str, Any] = {}
    if mystery_shopper is not None:
        data["mystery_shopper"] = bool(mystery_shopper)
    if contractor is not None:
        data["contractor"] = bool(contractor)
    if not data:
        raise EditError(QT_TRANSLATE_NOOP("EditError", "No flag to set."))
    return PlannedEdit(CommandType.SET_FLAGS, data)


def set_flags(
    database: Database,
    contact_ids: Iterable[str],
    *,
    mystery_shopper: bool | None = None,
    contractor: bool | None = None,
) -> list[int]:
    return _queue_all(database, contact_ids, [plan_flags(mystery_shopper=mystery_shopper, contractor=contractor)])


#: What a person is told when they clear a client's name.
EMPTY_NAME = QT_TRANSLATE_NOOP("EditError", "A name cannot be empty.")


def plan_name(name: str) -> PlannedEdit:
    cleaned = name.strip()
    if not cleaned:
        raise EditError(EMPTY_NAME)
    if len(cleaned) > MAX_NAME:
        raise EditError(QT_TRANSLATE_NOOP("EditError", "The name is longer than %1 characters."), MAX_NAME)
    return PlannedEdit(CommandType.SET_NAME, {"name": cleaned})


def set_name(database: Database, contact_ids: Iterable[str], name: str) -> list[int]:
    return _queue_all(database, contact_ids, [plan_name(name)])


def plan_config(*, set: Mapping[str, Any] | None = None, unset: Iterable[str] = ()) -> PlannedEdit:
    to_set = dict(set or {})
    to_unset = list(dict.fromkeys(unset))
    if not to_set and not to_unset:
        raise EditError(QT_TRANSLATE_NOOP("EditError", "No setting to change."))
    for key in [*to_set, *to_unset]:
        if not isinstance(key, str) or not key.strip():
            raise EditError(QT_TRANSLATE_NOOP("EditError", "A setting needs a name."))
        if len(key) > 100:
            raise EditError(QT_TRANSLATE_NOOP("EditError", "A setting's name is longer than 100 characters."))
    both = sorted(set_key for set_key in to_set if set_key in to_unset)
    if both:
        raise EditError(
            QT_TRANSLATE_NOOP("EditError", "The setting %1 cannot be set and removed at once."), repr(both[0])
        )
    try:
        json.dumps(to_set)
    except (TypeError, ValueError):
        raise EditError(
            QT_TRANSLATE_NOOP("EditError", "A setting's value must be text, a number, true/false, a list or an object.")
        ) from None
    return PlannedEdit(CommandType.SET_CONFIG, {"set": to_set, "unset": to_unset})


def set_config(
    database: Database,
    contact_ids: Iterable[str],
    *,
    set: Mapping[str, Any] | None = None,
    unset: Iterable[str] = (),
) -> list[int]:
    return _queue_all(database, contact_ids, [plan_config(set=set, unset=unset)])


def mark_reviewed(database: Database, contact_ids: Iterable[str]) -> list[int]:
    return _queue(database, contact_ids, CommandType.MARK_REVIEWED, {})


def window_problem(database: Database, contact_id: str, now: datetime | None = None) -> str | None:
    """Why the relay will likely refuse a message now (WhatsApp's 24-hour window), or None."""
    last = last_inbound_at(database, contact_id)
    if last is None:
        return "The client has never written: WhatsApp lets you answer only within 24 hours of their last message."
    moment = now or utc_now()
    if (moment - last).total_seconds() > WINDOW_HOURS * 3600:
        return (
            f"The client last wrote {humanize_age(last, moment)}: WhatsApp lets you write freely only within "
            f"{WINDOW_HOURS} hours of their last message, so the relay will likely refuse this one."
        )
    return None


def send_message(database: Database, contact_id: str, text: str, author_name: str | None = None) -> int:
    """Queue a message from the agent; shows at once as a local message with status 'pending'.

    Returns the outbox id. The local message's id is ``local:<idempotency key>``; the sync replaces it
    when the relay answers.
    """
    if not text.strip():
        raise EditError(QT_TRANSLATE_NOOP("EditError", "The message is empty."))
    if len(text) > MAX_MESSAGE:
        raise EditError(
            QT_TRANSLATE_NOOP("EditError", "The message is longer than %1 characters (%2)."), MAX_MESSAGE, len(text)
        )
    key = str(uuid.uuid4())
    now = format_time(utc_now())
    with _saving(database) as connection:
        cursor = dbapi_cursor(connection)
        row = cursor.execute("SELECT version FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise NoSuchContactError(QT_TRANSLATE_NOOP("EditError", "No such client: %1"), contact_id)
        if author_name is None:
            found = cursor.execute("SELECT value FROM sync_state WHERE key = ?", (AGENT_NAME,)).fetchone()
            author_name = found[0] if found else None
        cursor.execute(
            "INSERT INTO outbox (idempotency_key, contact_id, type, base_version, data, previous, state, created_at) "
            "VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
            (
                key,
                contact_id,
                str(CommandType.SEND_MESSAGE),
                row[0],
                json.dumps({"text": text}, ensure_ascii=False),
                OutboxState.QUEUED,
                now,
            ),
        )
        outbox_id = cursor.lastrowid
        assert outbox_id is not None
        cursor.execute(
            "INSERT INTO messages (id, contact_id, direction, author_kind, author_name, sent_at, type, text, "
            "status, status_rank, outbox_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                f"local:{key}",
                contact_id,
                Direction.OUT,
                AuthorKind.AGENT,
                author_name,
                now,
                MessageType.TEXT,
                text,
                MessageStatus.PENDING,
                status_rank(MessageStatus.PENDING),
                outbox_id,
            ),
        )
    return outbox_id


# --- conflicts ---------------------------------------------------------------------------------


_FIELD_COMMANDS: dict[str, tuple[CommandType, str]] = {
    "sale_status": (CommandType.SET_SALE_STATUS, "sale_status"),
    "funnel_stage": (CommandType.SET_FUNNEL_STAGE, "stage"),
    "bot_status": (CommandType.SET_BOT_STATUS, "bot_status"),
    "name": (CommandType.SET_NAME, "name"),
    "mystery_shopper": (CommandType.SET_FLAGS, "mystery_shopper"),
    "contractor": (CommandType.SET_FLAGS, "contractor"),
}


def apply_mine_again(database: Database, conflict_id: int) -> int:
    """Send the user's losing value again, as a new command on the contact's current version."""
    with database.read() as connection:
        cursor = dbapi_cursor(connection)
        row = cursor.execute(
            "SELECT contact_id, outbox_id, command_type, field, mine, resolved FROM edit_conflicts WHERE id = ?",
            (conflict_id,),
        ).fetchone()
        if row is None or row[5]:
            raise EditError(QT_TRANSLATE_NOOP("EditError", "This conflict is already settled."))
        contact_id, outbox_id, command_type, field, mine = row[:5]
        data: dict[str, Any] | None = None
        if outbox_id is not None:
            found = cursor.execute("SELECT type, data FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
            if found is not None:
                command_type, data = found[0], json.loads(found[1])
    if data is None:
        if field not in _FIELD_COMMANDS:
            raise EditError(QT_TRANSLATE_NOOP("EditError", "Cannot apply a change of %1 again."), repr(field))
        command_type, key = _FIELD_COMMANDS[field]
        data = {key: loads_or_text(mine)}

    def settle(cursor: sqlite3.Cursor) -> None:
        # In the same transaction as the new command: a crash or a second click never queues it twice.
        cursor.execute(
            "UPDATE edit_conflicts SET resolved = 1 WHERE contact_id = ? AND NOT resolved AND "
            "(id = ? OR (outbox_id IS NOT NULL AND outbox_id = ?))",
            (contact_id, conflict_id, outbox_id),
        )
        if cursor.rowcount == 0:
            raise EditError(QT_TRANSLATE_NOOP("EditError", "This conflict is already settled."))

    ids = _queue(database, [contact_id], CommandType(command_type), data, also=settle)
    return ids[0]


def dismiss_conflict(database: Database, conflict_id: int) -> None:
    """The relay's value stands; stop showing the conflict (every field of the same edit with it)."""
    with _saving(database) as connection:
        dbapi_cursor(connection).execute(
            "UPDATE edit_conflicts SET resolved = 1 WHERE id = ? OR (outbox_id IS NOT NULL AND outbox_id = "
            "(SELECT outbox_id FROM edit_conflicts WHERE id = ?) AND contact_id = "
            "(SELECT contact_id FROM edit_conflicts WHERE id = ?))",
            (conflict_id, conflict_id, conflict_id),
        )


def dismiss_refusal(database: Database, outbox_id: int) -> None:
    """The user has read that the relay refused this edit: stop telling it, for good.

    Dismissing twice is harmless; :class:`EditError` if ``outbox_id`` is not a refused edit.
    """
    with _saving(database) as connection:
        cursor = dbapi_cursor(connection)
        row = cursor.execute("SELECT state FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
        if row is None or row[0] != OutboxState.REFUSED:
            raise EditError(QT_TRANSLATE_NOOP("EditError", "This change was not refused by the server."))
        cursor.execute(
            "UPDATE outbox SET dismissed_at = ? WHERE id = ? AND dismissed_at IS NULL",
            (format_time(utc_now()), outbox_id),
        )
