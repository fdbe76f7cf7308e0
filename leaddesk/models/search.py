"""Hits of a search over every conversation, as a lazy table model: a page at first, more as the view scrolls.

Each page is one FTS5 query that starts below the previous page's last hit (``leaddesk.db.search``),
so scrolling costs the same at the 10th page as at the first. The snippet is relay text: it is HTML
escaped first, and only then are the matched words (between private-use marks) made bold.
"""

from __future__ import annotations

import html
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_connection
from leaddesk.db.search import DEFAULT_LIMIT, MARK_END, MARK_START, SearchHit, search_messages
from leaddesk.domain import parse_time
from leaddesk.models import words
from leaddesk.models.client_table import plain_tooltip
from leaddesk.phones import format_phone

ModelIndex = QModelIndex | QPersistentModelIndex

_BASE_ROLE = int(Qt.ItemDataRole.UserRole) + 300
#: The :class:`SearchHit` of a row.
HitRole = _BASE_ROLE + 1
#: The snippet as escaped HTML with the matched words highlighted (Snippet column).
SnippetHtmlRole = _BASE_ROLE + 2

CONTEXT = "SearchResultsModel"
UNKNOWN_CLIENT = str(QT_TRANSLATE_NOOP("SearchResultsModel", "Unknown"))
# Dark text of its own: on a selected row the rest turns white, which would vanish on the yellow.
HIGHLIGHT = '<span style="background-color:#FFE58F; color:#1B2430; font-weight:600;">'


class SearchColumn(IntEnum):
    CLIENT = 0
    DATE = 1
    MESSAGE = 2


HEADERS = {
    SearchColumn.CLIENT: str(QT_TRANSLATE_NOOP("SearchResultsModel", "Client")),
    SearchColumn.DATE: str(QT_TRANSLATE_NOOP("SearchResultsModel", "Date")),
    SearchColumn.MESSAGE: str(QT_TRANSLATE_NOOP("SearchResultsModel", "Message")),
}


def snippet_html(marked: str) -> str:
    """Relay text made safe for a rich-text label: escaped first, then the marked words highlighted.

    A mark character that came with the message itself is dropped, so the text cannot open a tag.
    """
    parts: list[str] = []
    open_mark = False
    for piece in _split_marks(marked):
        if piece == MARK_START and not open_mark:
            parts.append(HIGHLIGHT)
            open_mark = True
        elif piece == MARK_END and open_mark:
            parts.append("</span>")
            open_mark = False
        elif piece not in (MARK_START, MARK_END):
            parts.append(html.escape(piece).replace("\n", " "))
    if open_mark:
        parts.append("</span>")
    return "".join(parts)


def _split_marks(text: str) -> list[str]:
    pieces: list[str] = []
    current: list[str] = []
    for char in text:
        if char in (MARK_START, MARK_END):
            if current:
                pieces.append("".join(current))
                current = []
            pieces.append(char)
        else:
            current.append(char)
    if current:
        pieces.append("".join(current))
    return pieces


def client_label(hit: SearchHit) -> str:
    return hit.name or format_phone(hit.phone) or QCoreApplication.translate(CONTEXT, UNKNOWN_CLIENT)


def local_date(sent_at: str) -> str:
    """The time a message was sent, in the computer's time zone, the locale's short way."""
    return words.short_date_time(parse_time(sent_at))


class SearchResultsModel(QAbstractTableModel):
    """The hits for :attr:`query_text`, newest first; :meth:`fetchMore` reads the next page."""

    #: Emitted after a new query's first page is read: (query, hits so far, more to come).
    searched = Signal(str, int, bool)

    def __init__(self, database: Database, page_size: int = DEFAULT_LIMIT, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._page_size = page_size
        self._hits: list[SearchHit] = []
        self._more = False
        self.query_text = ""

    # --- queries -----------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        self.beginResetModel()
        self.query_text = text
        self._hits = []
        self._more = False
        page = self._read(before=None)
        self._hits = page
        self._more = len(page) == self._page_size
        self.endResetModel()
        self.searched.emit(text, len(self._hits), self._more)

    def refresh(self) -> None:
        """Search again (after a sync): erased clients' hits go, new messages come in."""
        self.set_query(self.query_text)

    def _read(self, before: int | None) -> list[SearchHit]:
        with self._database.read() as connection:
            return search_messages(dbapi_connection(connection), self.query_text, limit=self._page_size, before=before)

    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._more or not self._hits:
            return
        page = self._read(before=self._hits[-1].rowid)
        self._more = len(page) == self._page_size
        if page:
            self.beginInsertRows(QModelIndex(), len(self._hits), len(self._hits) + len(page) - 1)
            self._hits.extend(page)
            self.endInsertRows()

    # --- model ----------------------------------------------------------------------------------

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(SearchColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if orientation == Qt.Orientation.Horizontal and role in shown and 0 <= section < len(SearchColumn):
            return QCoreApplication.translate(CONTEXT, HEADERS[SearchColumn(section)])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == HitRole:
            return hit
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SearchColumn.CLIENT:
                return client_label(hit)
            if column == SearchColumn.DATE:
                return local_date(hit.sent_at)
            return " ".join(hit.snippet.split())
        if role == SnippetHtmlRole and column == SearchColumn.MESSAGE:
            return snippet_html(hit.marked_snippet)
        if role == Qt.ItemDataRole.ToolTipRole:
            if hit.direction == "out":
                line = QCoreApplication.translate("SearchResultsModel", "To %1, %2")
            else:
                line = QCoreApplication.translate("SearchResultsModel", "From %1, %2")
            line = line.replace("%1", client_label(hit)).replace("%2", local_date(hit.sent_at))
            return plain_tooltip(line, hit.snippet)
        return None
