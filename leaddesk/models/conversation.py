"""One contact's conversation as a list model, newest page first, older pages on demand.

Rows are chat items in time order: a day separator before the first message of each day, then the
messages. Reactions are not rows: they are folded under the message they react to (the newest
reaction of each sender wins; an empty emoji takes it back).

Only the newest :data:`PAGE` messages are read at first; :meth:`fetch_older` prepends the next older
page. The paging is at the TOP, so it is deliberately not exposed as ``canFetchMore``: Qt's views
call ``fetchMore`` whenever the last row is visible, which for a chat opened at its newest message
would load the whole history page after page.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_connection, dbapi_cursor
from leaddesk.domain import fold_text, parse_time
from leaddesk.media_paths import cached_file
from leaddesk.models import words
from leaddesk.models.row_runs import runs

PAGE = 300

#: What a file of each kind is called where it has no name of its own (translated where shown).
MEDIA_WORDS = {
    "image": str(QT_TRANSLATE_NOOP("Conversation", "Image")),
    "sticker": str(QT_TRANSLATE_NOOP("Conversation", "Sticker")),
    "audio": str(QT_TRANSLATE_NOOP("Conversation", "Voice message")),
    "video": str(QT_TRANSLATE_NOOP("Conversation", "Video")),
    "document": str(QT_TRANSLATE_NOOP("Conversation", "Document")),
}


#: lupdate reads ``translate("Context", "text")`` calls: the context stays a literal at each one.
translate = QCoreApplication.translate


#: The role that returns the row's :class:`ChatItem`.
ItemRole = Qt.ItemDataRole.UserRole + 1

_COLUMNS = (
    "m.id, m.direction, m.author_kind, m.author_name, m.sent_at, m.type, m.text, m.media_id, m.media_mime_type, "
    "m.media_filename, m.media_size, m.location, m.transcript, m.card, m.contacts, m.status, m.error_code, "
    "m.error_title, m.outbox_id, md.state, md.local_path"
)


@dataclass(slots=True)
class ChatItem:
    """One row: a day separator (``kind == 'day'``) or a message (``kind == 'message'``)."""

    kind: str
    key: str
    day: date
    label: str = ""  # the day separator's text
    direction: str = "in"
    author_kind: str = "client"
    author_name: str | None = None
    sent_at: str = ""
    local_time: datetime | None = None
    type: str = "text"
    text: str | None = None
    media_id: str | None = None
    media_mime_type: str | None = None
    media_filename: str | None = None
    media_size: int | None = None
    media_state: str | None = None
    media_path: str | None = None
    location: dict[str, Any] | None = None
    transcript: str | None = None
    card: dict[str, Any] | None = None
    contacts: list[Any] | None = None
    status: str = "received"
    error_code: str | None = None
    error_title: str | None = None
    outbox_id: int | None = None
    reactions: list[str] = field(default_factory=list)

    @property
    def outgoing(self) -> bool:
        return self.direction == "out"

    def summary(self) -> str:
        """A one-line plain-text description, for accessibility, copying and the display role."""
        if self.kind == "day":
            return self.label
        parts = [self.text or ""]
        if self.type in MEDIA_WORDS:
            kind = translate("Conversation", MEDIA_WORDS[self.type])
            named = (
                translate("Conversation", "%1: %2").replace("%1", kind).replace("%2", self.media_filename)
                if self.media_filename
                else kind
            )
            parts.insert(0, f"[{named}]")
        if self.transcript:
            parts.append(translate("Conversation", "Transcript: %1").replace("%1", self.transcript))
        if self.location:
            parts.append(" ".join(str(self.location.get(k) or "") for k in ("name", "address")).strip())
        if self.card:
            parts.append(str(self.card.get("title") or ""))
        if self.type == "unsupported":
            parts.append(translate("Conversation", "[a message WhatsApp does not let us show]"))
        return " ".join(p for p in parts if p)


#: How an outgoing message's state is said (the bubble shows it as ticks).
SPOKEN_STATES = {
    "pending": str(QT_TRANSLATE_NOOP("Conversation", "not sent yet")),
    "sent": str(QT_TRANSLATE_NOOP("Conversation", "sent")),
    "delivered": str(QT_TRANSLATE_NOOP("Conversation", "delivered")),
    "read": str(QT_TRANSLATE_NOOP("Conversation", "read")),
    "failed": str(QT_TRANSLATE_NOOP("Conversation", "not delivered")),
}


def spoken(item: ChatItem) -> str:
    """What a screen reader says of a row: who wrote, when, what, and (for ours) whether it arrived; the
    bubble shows the first by its side and colour, the last by ticks."""
    if item.kind == "day" or item.local_time is None:
        return item.summary()
    if item.author_kind == "client":
        who = translate("Conversation", "The client")
    elif item.author_kind == "bot":
        who = translate("Conversation", "Bot")
    else:
        who = item.author_name or translate("Conversation", "Agent")
    said = (
        translate("Conversation", "%1 at %2: %3")
        .replace("%1", who)
        .replace("%2", words.short_time(item.local_time))
        .replace("%3", item.summary())
    )
    state = SPOKEN_STATES.get(item.status) if item.outgoing else None
    return f"{said} ({translate('Conversation', state)})" if state else said


def _json(value: str | None) -> Any:
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def _fold_or_none(value: str | None) -> str | None:
    """:func:`fold_text` for SQLite (NULL stays NULL); JSON columns are stored with ``ensure_ascii=False``."""
    return None if value is None else fold_text(value)


def day_label(day: date, today: date | None = None) -> str:
    """The separator above a day's messages: "Today", "Yesterday", "Monday, November 24" (the language's way)."""
    today = today or datetime.now().astimezone().date()
    if day == today:
        return translate("Conversation", "Today")
    if (today - day).days == 1:
        return translate("Conversation", "Yesterday")
    if day.year == today.year:
        # Translators: a QDate format; Spanish: "dddd, d 'de' MMMM".
        pattern = translate("Conversation", "dddd, MMMM d", "date format of a day separator")
    else:
        # Translators: a QDate format; Spanish: "dddd, d 'de' MMMM 'de' yyyy".
        pattern = translate("Conversation", "dddd, MMMM d, yyyy", "date format of a day separator with the year")
    text = QLocale().toString(QDate(day.year, day.month, day.day), pattern)
    return text[:1].upper() + text[1:]  # a label of its own: "Martes, 24 de noviembre"


def _message(row: sqlite3.Row | tuple[Any, ...], media_dir: Path) -> ChatItem:
    local = parse_time(row[4]).astimezone()
    location = _json(row[11])
    card = _json(row[13])
    contacts = _json(row[14])
    return ChatItem(
        kind="message",
        key=row[0],
        day=local.date(),
        direction=row[1],
        author_kind=row[2],
        author_name=row[3],
        sent_at=row[4],
        local_time=local,
        type=row[5],
        text=row[6],
        media_id=row[7],
        media_mime_type=row[8],
        media_filename=row[9],
        media_size=row[10],
        location=location if isinstance(location, dict) else None,
        transcript=row[12],
        card=card if isinstance(card, dict) else None,
        contacts=contacts if isinstance(contacts, list) else None,
        status=row[15],
        error_code=row[16],
        error_title=row[17],
        outbox_id=row[18],
        media_state=row[19],
        # The cache stores paths relative to the media folder, so a moved data folder still works.
        # Only a file LeadDesk wrote and checked, and only inside the media folder.
        media_path=str(cached) if (cached := cached_file(media_dir, row[19], row[20])) else None,
    )


def _with_days(messages: list[ChatItem]) -> list[ChatItem]:
    items: list[ChatItem] = []
    current: date | None = None
    for message in messages:
        if message.day != current:
            current = message.day
            items.append(ChatItem(kind="day", key=f"day:{current.isoformat()}", day=current, label=day_label(current)))
        items.append(message)
    return items


class ConversationModel(QAbstractListModel):
    def __init__(self, database: Database, contact_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self._items: list[ChatItem] = []
        self._rows: dict[str, int] = {}
        self._has_older = False
        self.find_text = ""
        self.current_match: str | None = None
        self._items = self._read(newer_than=None, limit=PAGE)
        self._index_rows()

    # --- reading ---------------------------------------------------------------------------

    def _query(
        self, *, older_than: tuple[str, str] | None = None, newer_than: tuple[str, str] | None = None, limit: int | None
    ) -> list[ChatItem]:
        """Messages (no reactions) newest first, with their reactions folded in."""
        where = ["m.contact_id = ?", "m.type != 'reaction'"]
        params: list[Any] = [self._contact_id]
        if older_than is not None:
            where.append("(m.sent_at, m.id) < (?, ?)")
            params += list(older_than)
        if newer_than is not None:
            where.append("(m.sent_at, m.id) >= (?, ?)")
            params += list(newer_than)
        sql = (
            f"SELECT {_COLUMNS} FROM messages m LEFT JOIN media md ON md.id = m.media_id "
            f"WHERE {' AND '.join(where)} ORDER BY m.sent_at DESC, m.id DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit) + 1}"
        with self._database.read() as connection:
            cursor = dbapi_cursor(connection)
            rows = cursor.execute(sql, params).fetchall()
            more = limit is not None and len(rows) > limit
            rows = rows[:limit] if limit is not None else rows
            messages = [_message(row, self._database.media_dir) for row in reversed(rows)]
            if messages:
                self._fold_reactions(cursor, messages)
        if older_than is not None or newer_than is None:
            self._has_older = more
        return messages

    def _fold_reactions(self, cursor: sqlite3.Cursor, messages: list[ChatItem]) -> None:
        by_id = {m.key: m for m in messages}
        first = messages[0].sent_at
        latest: dict[tuple[str, str, str, str], str] = {}
        for target, direction, kind, name, emoji in cursor.execute(
            "SELECT reaction_to, direction, author_kind, coalesce(author_name, ''), coalesce(reaction_emoji, '') "
            "FROM messages WHERE contact_id = ? AND type = 'reaction' AND sent_at >= ? ORDER BY sent_at, id",
            (self._contact_id, first),
        ):
            if target in by_id:
                latest[(target, direction, kind, name)] = emoji
        for (target, *_), emoji in latest.items():
            if emoji:
                by_id[target].reactions.append(emoji)

    def _read(self, *, newer_than: tuple[str, str] | None, limit: int | None) -> list[ChatItem]:
        return _with_days(self._query(newer_than=newer_than, limit=limit))

    def _index_rows(self) -> None:
        self._rows = {item.key: row for row, item in enumerate(self._items) if item.kind == "message"}

    def _oldest(self) -> ChatItem | None:
        return next((item for item in self._items if item.kind == "message"), None)

    # --- paging ----------------------------------------------------------------------------

    def has_older(self) -> bool:
        return self._has_older

    def fetch_older(self, limit: int | None = PAGE) -> int:
        """Prepend the next older page (all of it with ``limit=None``); returns the rows added."""
        oldest = self._oldest()
        if oldest is None or not self._has_older:
            return 0
        older = _with_days(self._query(older_than=(oldest.sent_at, oldest.key), limit=limit))
        if not older:
            self._has_older = False
            return 0
        first = self._items[0]
        if first.kind == "day" and first.day == older[-1].day:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            del self._items[0]
            self.endRemoveRows()
            added = len(older) - 1
        else:
            added = len(older)
        self.beginInsertRows(QModelIndex(), 0, len(older) - 1)
        self._items[0:0] = older
        self._index_rows()
        self.endInsertRows()
        return added

    def refresh(self) -> None:
        """Re-read the loaded span after the cache changed, row by row.

        Rows are matched by key (message id, or the day): rows no longer there are removed, new ones
        inserted where they belong, and rows whose content changed (a status, a reaction, a fetched
        file, "Today" becoming "Yesterday") are reported with ``dataChanged``. The other rows are left
        alone, so the view keeps its scroll position and selection.
        """
        oldest = self._oldest()
        fresh = self._read(newer_than=(oldest.sent_at, oldest.key) if oldest else None, limit=None if oldest else PAGE)
        if fresh == self._items:
            return
        fresh_keys = {item.key for item in fresh}
        for first, last in reversed(runs(row for row, item in enumerate(self._items) if item.key not in fresh_keys)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._items[first : last + 1]
            self._index_rows()
            self.endRemoveRows()
        kept_keys = {item.key for item in self._items}
        kept = [item for item in fresh if item.key in kept_keys]
        if [item.key for item in kept] != [item.key for item in self._items]:
            # Rows changed places (a message's time was corrected): one layout change.
            self.layoutAboutToBeChanged.emit()
            old_rows = {item.key: row for row, item in enumerate(self._items)}
            new_rows = {item.key: row for row, item in enumerate(kept)}
            persistent = self.persistentIndexList()
            moved = [
                self.index(new_rows[self._items[index.row()].key], 0) if index.isValid() else QModelIndex()
                for index in persistent
            ]
            self._items = [self._items[old_rows[item.key]] for item in kept]
            self._index_rows()
            self.changePersistentIndexList(persistent, moved)
            self.layoutChanged.emit()
        for first, last in runs(row for row, item in enumerate(fresh) if item.key not in kept_keys):
            self.beginInsertRows(QModelIndex(), first, last)
            self._items[first:first] = fresh[first : last + 1]
            self._index_rows()
            self.endInsertRows()
        changed = [row for row, (now, before) in enumerate(zip(fresh, self._items, strict=True)) if now != before]
        self._items = fresh
        self._index_rows()
        for first, last in runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, 0))

    # --- find ------------------------------------------------------------------------------

    def find(self, needle: str) -> list[str]:
        """Ids of the messages whose text, transcript or file name holds ``needle``, oldest first.

        Accent- and case-blind ("recamara" finds "Recámara"), by :func:`leaddesk.domain.fold_text`.
        """
        self.find_text = needle
        self.current_match = None
        folded = fold_text(needle)
        if not folded:
            return []
        columns = ("text", "transcript", "media_filename", "card", "location")
        matches = " OR ".join(f"instr(leaddesk_fold({column}), :n) > 0" for column in columns)
        with self._database.read() as connection:
            dbapi_connection(connection).create_function("leaddesk_fold", 1, _fold_or_none, deterministic=True)
            rows = (
                dbapi_cursor(connection)
                .execute(
                    f"SELECT id FROM messages WHERE contact_id = :c AND type != 'reaction' AND ({matches}) "
                    "ORDER BY sent_at, id",
                    {"c": self._contact_id, "n": folded},
                )
                .fetchall()
            )
        return [row[0] for row in rows]

    def row_of(self, message_id: str) -> int | None:
        """The row of a message, loading older pages down to it if needed."""
        if message_id not in self._rows and self._has_older:
            with self._database.read() as connection:
                row = (
                    dbapi_cursor(connection)
                    .execute(
                        "SELECT sent_at FROM messages WHERE id = ? AND contact_id = ?", (message_id, self._contact_id)
                    )
                    .fetchone()
                )
            oldest = self._oldest()
            if row is not None and oldest is not None and (row[0], message_id) < (oldest.sent_at, oldest.key):
                self._fetch_down_to(row[0], message_id)
        return self._rows.get(message_id)

    def _fetch_down_to(self, sent_at: str, message_id: str) -> None:
        oldest = self._oldest()
        assert oldest is not None
        with self._database.read() as connection:
            count = (
                dbapi_cursor(connection)
                .execute(
                    "SELECT count(*) FROM messages WHERE contact_id = ? AND type != 'reaction' AND "
                    "(sent_at, id) < (?, ?) AND (sent_at, id) >= (?, ?)",
                    (self._contact_id, oldest.sent_at, oldest.key, sent_at, message_id),
                )
                .fetchone()[0]
            )
        # A little more than needed, so the match is not the very first row.
        self.fetch_older(limit=count + 20)

    def set_current_match(self, message_id: str | None) -> None:
        changed = [key for key in (self.current_match, message_id) if key is not None]
        self.current_match = message_id
        for key in changed:
            row = self._rows.get(key)
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def item(self, row: int) -> ChatItem:
        return self._items[row]

    def message_ids(self) -> list[str]:
        return list(self._rows)

    # --- the Qt model ----------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return item.summary()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken(item)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._items[index.row()].kind == "day":
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
