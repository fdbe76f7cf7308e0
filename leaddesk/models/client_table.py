"""The client list's Qt model: a lazy SQL model that holds only row ids.

On every (re)query the model asks SQLite for the ordered rowids of the matching clients (one int
each; SQLite filters and sorts). Unfiltered, it first reads only the first block's rowids (the count
is the cache's), paints, and reads the rest :data:`TAIL_DELAY_MS` later or as soon as a row past the
block, a sort or an update needs it. Whole rows are fetched in blocks of :data:`BLOCK_SIZE` by rowid the
first time ``data()`` asks for one of them, formatted once into display strings, and cached, so
``data()`` is a dict lookup per cell and never a query (the approach of Anki's browser table).

After a sync or an edit, :meth:`ClientTableModel.update_contacts` is told which contacts changed: it
forgets only their formatted rows and reports them with ``dataChanged``, and it inserts, removes or
moves rows only where the filtered set or the order really changed (no reset, so the view keeps its
selection, current row and scroll position). Only a new filter or sort resets the model.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon

from leaddesk.db.database import Database
from leaddesk.db.queries import (
    DEFAULT_QUERY,
    UNKNOWN_NAME,
    ClientQuery,
    ClientRow,
    SortKey,
    StageInfo,
    choice_counts,
    client_rowids,
    contact_values,
    count_clients,
    distinct_values,
    fetch_client_rows,
    funnel_stages,
    head_rowids,
    is_pageable,
    position_in_order,
    rowid_of,
    rowids_of,
)
from leaddesk.domain import (
    SALE_STATUS_COLORS,
    SENTIMENT_COLORS,
    BotStatus,
    SaleStatus,
    Sentiment,
    parse_time,
    pause_has_ended,
    utc_now,
)
from leaddesk.models import words
from leaddesk.models.icons import icon
from leaddesk.models.row_runs import runs
from leaddesk.phones import format_phone

# Re-exported: the filter the list shows is the query the database runs.
ClientFilter = ClientQuery

#: Rows fetched and formatted at a time: two screens. Formatting is the cost of a first paint, a sort
#: and a search key (a phone through ``phonenumbers`` each), so a block is not much more than is seen.
BLOCK_SIZE = 50
#: Unfiltered, sorted, or searched, the model first reads only the first block's rowids, and the rest
#: of the order this long after (so the first screen paints without it, and typing a search reads
#: only first blocks until the typing pauses). Anything that needs a row past the first block
#: (scrolling, an update) reads it at once. Unfiltered, the count is the cache's; a search's count
#: comes with the rest of its order (rows are then inserted after the first block). Other filters
#: read their whole order at once.
TAIL_DELAY_MS = 150
#: A sort that reads only its first block finds each selected client's new row with a keyset count;
#: past this many selected clients it reads the whole order instead.
MAX_FOLLOWED_BY_COUNT = 8
#: How often "3 h ago" is recomputed from the cached times (no query; only that column repaints).
AGE_REFRESH_MS = 60_000
#: Formatted rows kept at most; past it the cache starts over (a screen needs a few dozen).
CACHE_LIMIT = 20 * BLOCK_SIZE
#: Past this many separate runs of rows coming or going in one update, one reset is cheaper than the
#: signals (the view then puts the selection back by contact id).
MAX_ROW_RUNS = 200

ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = SortKey.NAME
    PHONE = SortKey.PHONE
    LAST_ACTIVITY = SortKey.LAST_ACTIVITY
    BOT_STATUS = SortKey.BOT_STATUS
    SALE_STATUS = SortKey.SALE_STATUS
    FUNNEL_STAGE = SortKey.FUNNEL_STAGE
    SENTIMENT = SortKey.SENTIMENT


#: The words of this module's texts in the translation catalogues.
CONTEXT = "ClientTableModel"

#: The column titles in English; :func:`column_title` gives them in the window's language.
HEADERS = {
    Column.NAME: str(QT_TRANSLATE_NOOP("ClientTableModel", "Name")),
    Column.PHONE: str(QT_TRANSLATE_NOOP("ClientTableModel", "Phone")),
    Column.LAST_ACTIVITY: str(QT_TRANSLATE_NOOP("ClientTableModel", "Last activity")),
    Column.BOT_STATUS: str(QT_TRANSLATE_NOOP("ClientTableModel", "Bot")),
    Column.SALE_STATUS: str(QT_TRANSLATE_NOOP("ClientTableModel", "Sale")),
    Column.FUNNEL_STAGE: str(QT_TRANSLATE_NOOP("ClientTableModel", "Funnel stage")),
    Column.SENTIMENT: str(QT_TRANSLATE_NOOP("ClientTableModel", "Sentiment")),
}
#: What each column holds, for its header's tooltip and a screen reader.
HEADER_TIPS = {
    Column.NAME: str(QT_TRANSLATE_NOOP("ClientTableModel", "The client's name, unread messages and marks")),
    Column.PHONE: str(QT_TRANSLATE_NOOP("ClientTableModel", "The client's WhatsApp number")),
    Column.LAST_ACTIVITY: str(QT_TRANSLATE_NOOP("ClientTableModel", "When the client or the bot last wrote")),
    Column.BOT_STATUS: str(
        QT_TRANSLATE_NOOP("ClientTableModel", "Who answers the client: the bot, nobody, or an agent")
    ),
    Column.SALE_STATUS: str(QT_TRANSLATE_NOOP("ClientTableModel", "The sale status")),
    Column.FUNNEL_STAGE: str(QT_TRANSLATE_NOOP("ClientTableModel", "The client's stage in the sales funnel")),
    Column.SENTIMENT: str(QT_TRANSLATE_NOOP("ClientTableModel", "How the client felt in the latest messages")),
}


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def column_title(column: Column) -> str:
    """A column's title in the window's language."""
    return _tr(HEADERS[column])


_BASE_ROLE = int(Qt.ItemDataRole.UserRole)
#: The contact id (str) of a row, in every column.
ContactIdRole = _BASE_ROLE + 1
#: A ``QColor`` to paint the cell's chip or dot with (sale status, funnel stage, sentiment), or None.
ChipColorRole = _BASE_ROLE + 2
#: The badges to show beside the name: a list of labels ("Mystery shopper", "Contractor").
BadgesRole = _BASE_ROLE + 3
#: How many of the client's messages nobody has reviewed yet (int).
UnreadRole = _BASE_ROLE + 4
#: How many of this contact's edits of fields the list shows are still queued for the relay (int): the name
#: cell's "waiting" mark. A queued reply or reviewed mark does not count.
PendingEditsRole = _BASE_ROLE + 5
#: The raw value behind a cell (E.164 phone, status ids, RFC 3339 time), for copying and tests.
RawValueRole = _BASE_ROLE + 6
#: The fields with an open edit conflict (list of column names, e.g. ``["sale_status"]``), in the name
#: column only: the name cell's conflict badge.
ConflictsRole = _BASE_ROLE + 7

UNKNOWN_STAGE_COLOR = "#9AA5B1"
NO_VALUE = "—"
#: The badges' keys (the delegate colours and translates them; :func:`badge_label`).
MYSTERY_SHOPPER = str(QT_TRANSLATE_NOOP("ClientTableModel", "Mystery shopper"))
CONTRACTOR = str(QT_TRANSLATE_NOOP("ClientTableModel", "Contractor"))
#: A client without a name: the word the database's search answers to, in the window's language.
QT_TRANSLATE_NOOP("ClientTableModel", "Unknown")


def badge_label(badge: str) -> str:
    """A badge (:data:`BadgesRole`) in the window's language."""
    return _tr(badge)


def plain_tooltip(*lines: str) -> str:
    """A tooltip that shows ``lines`` literally: Qt would read text that looks like HTML as rich text.

    Each line, and each line break inside one, becomes a line of the tooltip.
    """
    return "<qt>" + "<br>".join(html.escape(line).replace("\n", "<br>") for line in lines if line) + "</qt>"


def format_exact_time(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local:%a}, {local:%b} {local.day}, {local.year}, {local:%H:%M}"


def format_until(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local:%b} {local.day}, {local:%H:%M}"


@dataclass(frozen=True)
class RowView:
    """One client, formatted once for every column and role the view asks about."""

    contact_id: str
    display: tuple[str, ...]
    tooltips: tuple[str, ...]
    raw: tuple[Any, ...]
    colors: tuple[QColor | None, ...]
    bot_status: str
    badges: tuple[str, ...]
    unread: int
    pending_edits: int
    conflicts: tuple[str, ...] = ()


_EMPTY_ROW = RowView(
    "", ("",) * len(Column), ("",) * len(Column), (None,) * len(Column), (None,) * len(Column), "", (), 0, 0
)


def _label(enum_type: Any, value: str | None) -> str:
    return NO_VALUE if value is None else words.label(enum_type, value)


def format_row(row: ClientRow, stages: dict[str, StageInfo], now: datetime) -> RowView:
    """The display strings, tooltips and colours of one client (pure: no Qt calls but QColor)."""
    shown_name = row.name or QCoreApplication.translate("ClientTableModel", UNKNOWN_NAME)
    phone = format_phone(row.phone)

    if row.last_activity:
        moment = parse_time(row.last_activity)
        activity = words.age(moment, now)
        activity_tip = words.long_date_time(moment)
    else:
        activity, activity_tip = NO_VALUE, QCoreApplication.translate("ClientTableModel", "No messages yet")

    bot = _label(BotStatus, row.bot_status)
    bot_tip = {
        BotStatus.ACTIVE: QCoreApplication.translate("ClientTableModel", "The bot answers this client."),
        BotStatus.PAUSED: QCoreApplication.translate("ClientTableModel", "Paused: nobody answers automatically."),
        BotStatus.AGENT: QCoreApplication.translate("ClientTableModel", "A person handles this conversation."),
    }.get(row.bot_status, "")  # type: ignore[call-overload]
    if pause_has_ended(row.bot_status, row.bot_paused_until, now):
        # The server resumes the bot when a pause ends; until its word arrives, say what holds now.
        bot = words.bot_state(row.bot_status, row.bot_paused_until, now)
        bot_tip = QCoreApplication.translate("ClientTableModel", "The pause has ended: the bot answers again.")
    elif row.bot_status == BotStatus.PAUSED and row.bot_paused_until:
        until_moment = parse_time(row.bot_paused_until)
        bot = (
            QCoreApplication.translate("ClientTableModel", "Paused until %1, %2")
            .replace("%1", words.month_day(until_moment))
            .replace("%2", words.short_time(until_moment))
        )
        bot_tip = QCoreApplication.translate(
            "ClientTableModel", "Paused until %1; then the bot answers again."
        ).replace("%1", words.long_date_time(until_moment))

    sale = _label(SaleStatus, row.sale_status)
    try:
        sale_status = SaleStatus(row.sale_status)
        sale_color: QColor | None = QColor(SALE_STATUS_COLORS[sale_status])
        sale_tip = words.sale_status_meaning(sale_status)
    except ValueError:
        sale_color, sale_tip = QColor(UNKNOWN_STAGE_COLOR), ""

    stage_color: QColor | None
    if row.funnel_stage is None:
        stage, stage_color, stage_tip = (
            NO_VALUE,
            None,
            QCoreApplication.translate("ClientTableModel", "No funnel stage yet"),
        )
    elif row.funnel_stage in stages:
        info = stages[row.funnel_stage]
        stage, stage_color, stage_tip = info.name, QColor(info.color or UNKNOWN_STAGE_COLOR), info.name
    else:
        stage, stage_color = row.funnel_stage, QColor(UNKNOWN_STAGE_COLOR)
        stage_tip = QCoreApplication.translate("ClientTableModel", "Stage “%1” is not in the account's funnel").replace(
            "%1", row.funnel_stage
        )

    sentiment = _label(Sentiment, row.sentiment)
    sentiment_color = None
    if row.sentiment is not None:
        try:
            sentiment_color = QColor(SENTIMENT_COLORS[Sentiment(row.sentiment)])
        except ValueError:
            sentiment_color = QColor(UNKNOWN_STAGE_COLOR)

    badges = tuple(
        label for flag, label in ((row.mystery_shopper, MYSTERY_SHOPPER), (row.contractor, CONTRACTOR)) if flag
    )
    name_lines = [shown_name]
    if row.unread:
        name_lines.append(QCoreApplication.translate("ClientTableModel", "%n unread message(s)", None, row.unread))
    if row.mystery_shopper:
        name_lines.append(
            QCoreApplication.translate(
                "ClientTableModel", "Mystery shopper: an internal tester, left out of every analytic"
            )
        )
    if row.contractor:
        name_lines.append(QCoreApplication.translate("ClientTableModel", "Contractor: a supplier or third party"))
    if row.conflict_fields:
        fields = ", ".join(words.field_name(f) for f in row.conflict_fields)
        name_lines.append(
            QCoreApplication.translate(
                "ClientTableModel",
                "⚠ Conflict: someone else changed the %1 at the same time; the server's value stands. "
                "Open the profile to apply yours again or dismiss.",
            ).replace("%1", fields)
        )
    if row.pending_edits:
        waiting = ", ".join(words.edit_name(command) for command in row.pending_commands)
        name_lines.append(
            QCoreApplication.translate(
                "ClientTableModel", "%n change(s) not sent yet: %1", None, row.pending_edits
            ).replace("%1", waiting)
        )

    return RowView(
        contact_id=row.id,
        display=(shown_name, phone, activity, bot, sale, stage, sentiment),
        tooltips=(
            plain_tooltip(*name_lines),
            plain_tooltip(phone, row.phone)
            if row.phone
            else plain_tooltip(QCoreApplication.translate("ClientTableModel", "No phone number")),
            plain_tooltip(activity_tip),
            plain_tooltip(bot_tip),
            plain_tooltip(sale_tip),
            plain_tooltip(stage_tip),
            plain_tooltip(
                sentiment if row.sentiment else QCoreApplication.translate("ClientTableModel", "No sentiment yet")
            ),
        ),
        raw=(
            row.name,
            row.phone,
            row.last_activity,
            row.bot_status,
            row.sale_status,
            row.funnel_stage,
            row.sentiment,
        ),
        colors=(None, None, None, None, sale_color, stage_color, sentiment_color),
        bot_status=row.bot_status,
        badges=badges,
        unread=row.unread,
        pending_edits=row.pending_edits,
        conflicts=row.conflict_fields,
    )


def _rows_holding(rowids: list[int], wanted: set[int]) -> list[int]:
    """The sorted positions in ``rowids`` of those of ``wanted`` it holds.

    A few: one C-speed scan each (no Python pass over 250,000 rows); many: one pass.
    """
    if len(wanted) > 32:
        return [row for row, rowid in enumerate(rowids) if rowid in wanted]
    found = []
    for rowid in wanted:
        try:
            found.append(rowids.index(rowid))
        except ValueError:
            continue
    return sorted(found)


class ClientTableModel(QAbstractTableModel):
    """Every client that matches :attr:`query`, in its order, read lazily from the cache."""

    #: (clients shown, clients in the cache) after every (re)query.
    counts_changed = Signal(int, int)

    def __init__(self, database: Database, query: ClientQuery = DEFAULT_QUERY, parent: Any = None) -> None:
        super().__init__(parent)
        self._database = database
        self._query = query
        self._rowids: list[int] = []
        #: The rowids shown, as a set: kept from one update to the next (building it costs a pass).
        self._rowid_set: set[int] | None = None
        self._rows: dict[int, RowView] = {}
        self._stages: dict[str, StageInfo] = {}
        self._total = 0
        #: Rows shown; ``_rowids`` holds all of them once ``_complete``, the first block before.
        self._count = 0
        self._complete = True
        #: False while a search shows its first block only: its count comes with the rest.
        self._count_known = True
        #: Rows past the first block whose client is known before the rest of the order (row -> rowid):
        #: the selected clients a sort that read only its first block found by counting.
        self._followed: dict[int, int] = {}
        self._now = utc_now()
        self._bold = QFont()
        self._bold.setBold(True)
        self._tail_timer = QTimer(self)
        self._tail_timer.setSingleShot(True)
        self._tail_timer.setInterval(TAIL_DELAY_MS)
        self._tail_timer.timeout.connect(self._read_tail)
        self._requery()
        #: Ticks every minute so the "Last activity" ages keep up with the clock between syncs.
        self.age_timer = QTimer(self)
        self.age_timer.setInterval(AGE_REFRESH_MS)
        self.age_timer.timeout.connect(self.refresh_ages)
        self.age_timer.start()

    # --- what the list shows -------------------------------------------------------------------

    @property
    def query(self) -> ClientQuery:
        return self._query

    @property
    def total_count(self) -> int:
        """Clients in the cache, filters aside."""
        return self._total

    @property
    def stages(self) -> list[StageInfo]:
        return sorted(self._stages.values(), key=lambda s: (s.position, s.id))

    def set_query(self, query: ClientQuery) -> None:
        """Show the clients ``query`` matches, in its order (a reset: the set of rows changes)."""
        self._query = query
        self.refresh()

    def refresh(self) -> None:
        """Re-read everything from the cache: a reset (a new filter; after a sync or an edit see
        :meth:`update_contacts`)."""
        self.beginResetModel()
        try:
            self._requery()
        finally:
            self.endResetModel()
        if self._count_known:  # else when the rest of the order comes (:meth:`_ensure_complete`)
            self.counts_changed.emit(self.rowCount(), self._total)

    def _requery(self) -> None:
        """Read the first block of the order and how many rows match; the rest comes later
        (:meth:`_ensure_complete`)."""
        with self._database.read() as connection:
            self._stages = {s.id: s for s in funnel_stages(connection)}
            self._total = count_clients(connection)
            self._count_known = True
            if not is_pageable(self._query):
                # Counting the matches is another scan as long as reading them all: one read.
                self._rowids = client_rowids(connection, self._query)
                self._count = len(self._rowids)
            else:
                self._rowids, every_match = head_rowids(connection, self._query, BLOCK_SIZE)
                if every_match or not self._query.is_filtered:
                    self._count = len(self._rowids) if every_match else self._total
                else:
                    self._count, self._count_known = len(self._rowids), False
        self._complete = self._count == len(self._rowids) and self._count_known
        self._followed = {}
        if self._complete:
            self._tail_timer.stop()
        else:
            self._tail_timer.start()
        self._rowid_set = None
        self._rows = {}
        self._now = utc_now()

    def _read_tail(self) -> None:
        if not self._database.closed:  # a model can outlive its database (a closed window, a test)
            self._ensure_complete()

    def _ensure_complete(self, *, painting: bool = False) -> None:
        """Read the whole order if only its first block is known yet.

        If the cache changed since the first block was read, the rows are reset to what it holds
        now; while ``painting`` (from ``data()``) that waits for the next turn of the event loop and
        the rows past the old count show empty meanwhile.
        """
        if self._complete:
            return
        self._tail_timer.stop()
        self._followed = {}
        with self._database.read() as connection:
            fresh = client_rowids(connection, self._query)
        head = self._rowids
        if not self._count_known:
            # A search's first block: the rest of its matches are inserted after it (or the rows
            # move to what the cache holds now, like an update).
            self._complete = self._count_known = True
            self._rowid_set = None
            if not self._follow(fresh):
                self.beginResetModel()
                self._rowids, self._rowid_set, self._rows = fresh, None, {}
                self.endResetModel()
            self.counts_changed.emit(len(self._rowids), self._total)
            return
        if len(fresh) == self._count and fresh[: len(head)] == head:
            self._rowids, self._complete = fresh, True
        elif painting:
            self._rowids = (fresh + [0] * self._count)[: self._count]
            QTimer.singleShot(0, self.refresh)
        else:
            # Rows past the first block were never shown: take them as ``fresh`` has them (placeholders
            # where it has fewer), then move to ``fresh`` row by row like an update.
            head_set = set(head)
            rest = [rowid for rowid in fresh if rowid not in head_set][: self._count - len(head)]
            filler = range(-1, -(self._count - len(head) - len(rest)) - 1, -1)
            self._rowids, self._rowid_set, self._complete = [*head, *rest, *filler], None, True
            if not self._follow(fresh):
                self.beginResetModel()
                self._rowids, self._rowid_set, self._rows = fresh, None, {}
                self.endResetModel()
            self.counts_changed.emit(len(self._rowids), self._total)

    def update_contacts(self, contact_ids: Collection[str] | None = None) -> bool:
        """Show what changed in the cache, row by row; ``contact_ids``: the contacts that changed.

        The rows of those contacts are read again and reported with ``dataChanged``; rows are
        removed, inserted or moved (``layoutChanged``, persistent indexes following their client)
        only where the filtered set or the order changed. ``None`` means "not known": every row is
        reported changed (still no reset). Returns False, having changed no row, when so much changed
        that one reset is cheaper: the caller then calls :meth:`refresh` and puts the selection back.
        """
        self._ensure_complete()
        with self._database.read() as connection:
            stages = {s.id: s for s in funnel_stages(connection)}
            total = count_clients(connection)
            fresh = client_rowids(connection, self._query)
            changed = None if contact_ids is None else set(rowids_of(connection, contact_ids).values())
        every_row = changed is None or stages != self._stages
        self._stages, self._total, self._now = stages, total, utc_now()
        if every_row:
            self._rows = {}
        else:
            assert changed is not None
            for rowid in changed:
                self._rows.pop(rowid, None)
        if not self._follow(fresh):
            return False  # nothing shown has changed yet: the caller resets (:meth:`refresh`)
        last = self.columnCount() - 1
        if every_row:
            if self._rowids:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rowids) - 1, last))
        else:
            assert changed is not None
            for first, final in runs(_rows_holding(self._rowids, changed)):
                self.dataChanged.emit(self.index(first, 0), self.index(final, last))
        self.counts_changed.emit(len(self._rowids), self._total)
        return True

    def _follow(self, fresh: list[int]) -> bool:
        """Turn the rows into ``fresh`` by removals, one layout change and insertions.

        False (nothing done) when there are more than :data:`MAX_ROW_RUNS` runs to remove or insert.
        """
        old = self._rowids
        if old == fresh:
            return True
        old_set = self._rowid_set if self._rowid_set is not None else set(old)
        fresh_set = set(fresh)
        gone_rows = _rows_holding(old, old_set - fresh_set)
        new_rows = _rows_holding(fresh, fresh_set - old_set)
        removed, inserted = runs(gone_rows), runs(new_rows)
        if len(removed) + len(inserted) > MAX_ROW_RUNS:
            return False
        self._rowids = list(old)
        for first, final in reversed(removed):
            self.beginRemoveRows(QModelIndex(), first, final)
            del self._rowids[first : final + 1]
            self.endRemoveRows()
        if len(new_rows) <= 32:
            kept = list(fresh)
            for row in reversed(new_rows):
                del kept[row]
        else:
            kept = [rowid for rowid in fresh if rowid in old_set]
        if kept != self._rowids:
            self._move_rows(kept)
        for first, final in inserted:
            self.beginInsertRows(QModelIndex(), first, final)
            self._rowids[first:first] = fresh[first : final + 1]
            self.endInsertRows()
        self._rowid_set = fresh_set
        return True

    def _move_rows(self, order: list[int]) -> None:
        """The same rows in a new order: a layout change that moves persistent indexes with their client."""

        def reorder() -> None:
            self._rowids = order

        self._change_layout(reorder)

    def _change_layout(self, change: Callable[[], None], position: dict[int, int] | None = None) -> None:
        """Run ``change`` (which gives ``_rowids`` a new order) as a layout change: every persistent
        index (the selection, the current row) moves with its client (to its row in ``position``,
        rowid -> row, when given; else found in the new ``_rowids``)."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old_rowids = [self._rowid_at(i.row()) for i in persistent]
        change()
        if position is None:
            # A few persistent indexes (the current row, a selection) are looked up at C speed each;
            # no position map of every row.
            wanted = {rowid for rowid in old_rowids if rowid is not None}
            position = {self._rowids[row]: row for row in _rows_holding(self._rowids, wanted)}
        new_indexes = []
        for old, rowid in zip(persistent, old_rowids, strict=True):
            row = position.get(rowid) if rowid is not None else None
            new_indexes.append(self.index(row, old.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()

    def _rowid_at(self, row: int) -> int | None:
        """The rowid shown at ``row`` if it is known without reading the rest of the order."""
        if 0 <= row < len(self._rowids):
            return self._rowids[row]
        return self._followed.get(row)

    def contact_id(self, row: int) -> str:
        return self._row_view(row).contact_id

    def row_of(self, contact_id: str) -> int | None:
        """The row that shows ``contact_id`` now, or None if the filters hide it."""
        self._ensure_complete()
        with self._database.read() as connection:
            rowid = rowid_of(connection, contact_id)
        rows = _rows_holding(self._rowids, {rowid}) if rowid is not None else []
        return rows[0] if rows else None

    def rows_of(self, contact_ids: Sequence[str]) -> list[int]:
        """The rows that show these contacts (those the filters hide are left out)."""
        if not contact_ids:
            return []
        self._ensure_complete()
        with self._database.read() as connection:
            wanted = set(rowids_of(connection, contact_ids).values())
        return _rows_holding(self._rowids, wanted)

    def refresh_ages(self, now: datetime | None = None) -> None:
        """Recompute the "Last activity" ages of the cached rows for ``now`` (default: the clock).

        No query: each age comes from the row's cached raw time. Only that column is reported
        changed, so the view repaints it and keeps its selection, current row and scroll position.
        """
        self._now = now or utc_now()
        if not self._rows or not self._rowids:
            return
        column = Column.LAST_ACTIVITY
        changed = False
        for rowid, view in self._rows.items():
            raw = view.raw[column]
            if not raw:
                continue
            age = words.age(parse_time(raw), self._now)
            if age != view.display[column]:
                display = (*view.display[:column], age, *view.display[column + 1 :])
                self._rows[rowid] = replace(view, display=display)
                changed = True
        if changed:
            top, bottom = self.index(0, column), self.index(self.rowCount() - 1, column)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole])

    # --- lazy rows -----------------------------------------------------------------------------

    def _row_view(self, row: int) -> RowView:
        if row >= len(self._rowids):
            self._ensure_complete(painting=True)
        rowid = self._rowids[row]
        view = self._rows.get(rowid)
        if view is None:
            self._fetch_block(row)
            view = self._rows.get(rowid, _EMPTY_ROW)
        return view

    def _fetch_block(self, row: int) -> None:
        if len(self._rows) >= CACHE_LIMIT:
            self._rows = {}
        start = row - row % BLOCK_SIZE
        block = self._rowids[start : start + BLOCK_SIZE]
        with self._database.read() as connection:
            fetched = fetch_client_rows(connection, block)
        for rowid in block:
            found = fetched.get(rowid)
            # A client erased since the last query shows as an empty row until the next refresh.
            self._rows[rowid] = format_row(found, self._stages, self._now) if found else _EMPTY_ROW

    # --- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return len(self._rowids) if self._complete else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return column_title(Column(section))
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
                return _tr(HEADER_TIPS[Column(section)])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = index.column()
        view = self._row_view(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return view.display[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.tooltips[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(view, column)
        if role == ContactIdRole:
            return view.contact_id
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if view.unread > 0 else None
        if role == Qt.ItemDataRole.DecorationRole and column == Column.BOT_STATUS and view.bot_status:
            return self._bot_icon(view.bot_status)
        if role == ChipColorRole:
            return view.colors[column]
        if role == BadgesRole:
            return list(view.badges) if column == Column.NAME else None
        if role == UnreadRole:
            return view.unread
        if role == PendingEditsRole:
            return view.pending_edits
        if role == ConflictsRole:
            return list(view.conflicts) if column == Column.NAME else None
        if role in (RawValueRole, Qt.ItemDataRole.EditRole):
            return view.raw[column]
        return None

    @staticmethod
    def _spoken(view: RowView, column: int) -> str:
        """What a screen reader says for a cell: the name cell's painted marks in words too."""
        if column != Column.NAME:
            return view.display[column]
        parts = [view.display[column]]
        if view.unread:
            parts.append(QCoreApplication.translate("ClientTableModel", "%n unread message(s)", None, view.unread))
        parts.extend(badge_label(badge) for badge in view.badges)
        if view.conflicts:
            parts.append(QCoreApplication.translate("ClientTableModel", "conflict"))
        if view.pending_edits:
            parts.append(
                QCoreApplication.translate("ClientTableModel", "%n change(s) not sent yet", None, view.pending_edits)
            )
        return ", ".join(parts)

    @staticmethod
    def _bot_icon(status: str) -> QIcon:
        return icon(f"bot-{status}")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQLite; selected rows stay selected (a layout change that moves persistent indexes).

        Unfiltered or searched, only the new order's first block is read (the rest comes
        :data:`TAIL_DELAY_MS` later, as after a first paint); each selected client's new row is
        then a keyset count (:func:`position_in_order`) instead of a look-up in the whole order.
        """
        if not 0 <= column < len(Column):
            return
        query = replace(self._query, sort=SortKey(column), descending=order == Qt.SortOrder.DescendingOrder)
        if query == self._query:
            return
        if not self._count_known:
            self._ensure_complete()  # a search's count: a sort keeps the rows, so it needs them all
        plain = query.sort in (SortKey.NAME, SortKey.PHONE, SortKey.LAST_ACTIVITY)
        if is_pageable(query) and (plain or not query.is_filtered) and self._sort_first_block(query):
            return
        self._ensure_complete()  # the rows to move the selection from
        with self._database.read() as connection:
            fresh = client_rowids(connection, query)
            stages = {s.id: s for s in funnel_stages(connection)}
            total = count_clients(connection)
        if len(fresh) != len(self._rowids):
            # Clients came or went since the last query: a new row set is a reset, not a re-sort.
            self.set_query(query)
            return

        def resort() -> None:
            self._query = query
            self._rowids, self._rowid_set = fresh, None
            self._stages, self._total = stages, total
            self._rows, self._now = {}, utc_now()

        self._change_layout(resort)
        self.counts_changed.emit(len(self._rowids), self._total)

    def _sort_first_block(self, query: ClientQuery) -> bool:
        """Re-sort by reading only the first block of ``query``'s order; False (nothing done) when
        the selection is too large to follow by counts, its rows were never read, or a search that
        many clients match moved a selected client past the first block."""
        count = self.rowCount()
        persistent = self.persistentIndexList()
        followed: set[int] = set()
        for index in persistent:
            rowid = self._rowid_at(index.row())
            if rowid is None:
                return False  # a selected row past the first block, whose client is not known yet
            followed.add(rowid)
        if len(followed) > MAX_FOLLOWED_BY_COUNT:
            return False
        with self._database.read() as connection:
            head, every_match = head_rowids(connection, query, BLOCK_SIZE)
            stages = {s.id: s for s in funnel_stages(connection)}
            if every_match and len(head) != count:
                # Clients came or went since the last query: a new row set is a reset, not a re-sort.
                self.set_query(query)
                return True
            # Otherwise the rows are taken to be the same clients (a sort changes only their order;
            # a sync or an edit tells :meth:`update_contacts`); the rest of the order, read later,
            # moves the rows to it if the cache changed meanwhile (no count of the cache per click).
            position = {rowid: row for row, rowid in enumerate(head) if rowid in followed}
            if query.is_filtered and not every_match and followed - position.keys():
                # A search's keyset count scans every contact it would skip on the index (seconds
                # among 250,000): reading the search's whole order is quicker.
                return False
            for rowid in followed - position.keys():
                row = position_in_order(connection, query, rowid)
                if row is not None and row < count:
                    position[rowid] = row

        def resort() -> None:
            self._query = query
            self._rowids, self._rowid_set = head, None
            self._stages = stages
            self._rows, self._now = {}, utc_now()
            self._count, self._count_known = count, True
            self._complete = len(head) == count
            self._followed = {row: rowid for rowid, row in position.items() if row >= len(head)}

        self._change_layout(resort, position)
        if self._complete:
            self._tail_timer.stop()
        else:
            self._tail_timer.start()
        self.counts_changed.emit(count, self._total)
        return True

    def choice_counts(self, query: ClientQuery, dimension: str) -> dict[Any, int]:
        """How many clients each value of one filter would show, the other filters of ``query`` applied."""
        with self._database.read() as connection:
            return choice_counts(connection, query, dimension)

    def shared_values(self, contact_ids: Sequence[str], column: str) -> set[Any]:
        """The distinct values of ``column`` among these clients (for the bulk menu's check marks)."""
        with self._database.read() as connection:
            return distinct_values(connection, contact_ids, column)

    def contact_values(self, contact_ids: Sequence[str], columns: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        """contact id -> these columns' values now (what a bulk edit's Undo puts back)."""
        with self._database.read() as connection:
            return contact_values(connection, contact_ids, columns)
