"""Search all conversations (Ctrl+Shift+F): a query box over every message, hits newest first.

The hits are a lazy model (:class:`leaddesk.models.search.SearchResultsModel`): the table asks for
the next page as it is scrolled. Enter or a double-click on a hit asks to open that client's profile
at the message (:attr:`SearchDialog.open_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.db.database import Database
from leaddesk.models.search import HitRole, SearchColumn, SearchResultsModel, SnippetHtmlRole

ModelIndex = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 30
#: How long typing pauses before the search runs (Enter runs it at once).
TYPING_PAUSE_MS = 250
SETTINGS_KEY = "search_dialog/geometry"


class SnippetDelegate(QStyledItemDelegate):
    """Paints the model's escaped snippet HTML on one line, matched words highlighted."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        snippet = index.data(SnippetHtmlRole)
        if not isinstance(snippet, str):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = QTextDocument()
        document.setDefaultFont(opt.font)
        document.setDocumentMargin(0)
        document.setHtml(snippet)  # escaped by the model; only its own highlight spans are markup
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        rect = opt.rect.adjusted(6, 0, -6, 0)
        top = rect.top() + (rect.height() - document.size().height()) / 2
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left(), top)
        document.documentLayout().draw(painter, context)
        painter.restore()


class SearchResultsView(QTableView):
    """The hits; Enter or a double-click emits :attr:`open_requested` (contact id, message id)."""

    open_requested = Signal(str, str)

    def __init__(self, model: SearchResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self.setAccessibleName(self.tr("Messages found"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setItemDelegateForColumn(SearchColumn.MESSAGE, SnippetDelegate(self))
        rows = self.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setColumnWidth(SearchColumn.CLIENT, 190)
        self.setColumnWidth(SearchColumn.DATE, 130)
        self.activated.connect(self._open)
        self.doubleClicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        hit = index.siblingAtColumn(0).data(HitRole)
        if hit is not None:
            self.open_requested.emit(hit.contact_id, hit.message_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)


class SearchDialog(QDialog):
    """ "Search all conversations": type words, see every message that has them, open one."""

    open_requested = Signal(str, str)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(self.tr("Search all conversations"))  # the window system adds " — LeadDesk"
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self.model = SearchResultsModel(database, parent=self)
        self.query = QLineEdit()
        self.query.setObjectName("searchAllBox")
        self.query.setPlaceholderText(self.tr('Words in any message or voice transcript; "quoted words" in that order'))
        self.query.setAccessibleName(self.tr("Words to find"))
        self.query.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.results = SearchResultsView(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.query)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self._typing.start())
        self.query.returnPressed.connect(self._enter_in_query)
        self.model.searched.connect(self._show_summary)
        self.model.rowsInserted.connect(lambda *_args: self._show_summary(self.model.query_text, 0, False))
        self.results.open_requested.connect(self.open_requested)
        self._show_summary("", 0, False)

        # Narrower than this, the Message column shows a dozen characters and never the match.
        self.setMinimumSize(640, 400)
        geometry = QSettings().value(SETTINGS_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(900, 560)

    def run_search(self) -> None:
        self._typing.stop()
        if self.query.text() != self.model.query_text or self.model.rowCount() == 0:
            self.model.set_query(self.query.text())
            if self.model.rowCount():
                self.results.selectRow(0)

    def _enter_in_query(self) -> None:
        """Enter searches; a second Enter (nothing new typed) opens the selected hit."""
        if self._typing.isActive() or self.query.text() != self.model.query_text:
            self.run_search()
        elif self.results.currentIndex().isValid():
            self.results.open_requested.emit(*self._current_ids())

    def _current_ids(self) -> tuple[str, str]:
        hit = self.results.currentIndex().siblingAtColumn(0).data(HitRole)
        return hit.contact_id, hit.message_id

    def _show_summary(self, _query: str, _count: int, _more: bool) -> None:
        shown = self.model.rowCount()
        if not self.model.query_text.strip():
            text = self.tr("Type words to find them in every client's messages and voice transcripts.")
        elif shown == 0:
            text = self.tr("No messages match.")
        elif self.model.canFetchMore(QModelIndex()):
            text = self.tr("%Ln+ message(s), newest first", None, shown)
        else:
            text = self.tr("%Ln message(s), newest first", None, shown)
        self.summary.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down and self.focusWidget() is self.query and self.model.rowCount():
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.selectRow(0)
            return
        super().keyPressEvent(event)

    def open_with(self, text: str | None = None) -> None:
        """Show the dialog with the query box ready (``text`` typed in it, if given)."""
        if text is not None:
            self.query.setText(text)
            self.run_search()
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def done(self, result: int) -> None:
        QSettings().setValue(SETTINGS_KEY, self.saveGeometry())
        super().done(result)
