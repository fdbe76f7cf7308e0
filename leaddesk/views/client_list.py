"""The client table: a ``QTableView`` set up for a large lazy model (fixed row heights, SQL sorting)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from leaddesk.models.client_table import ClientTableModel, Column, ContactIdRole, column_title
from leaddesk.views.delegates import ChipDelegate, DotDelegate, NameDelegate

ROW_HEIGHT = 34
#: The other columns' widths; the Name column takes what is left (it gives way first on a small screen).
DEFAULT_WIDTHS = {
    Column.NAME: 240,
    Column.PHONE: 150,
    Column.LAST_ACTIVITY: 110,
    Column.BOT_STATUS: 215,
    Column.SALE_STATUS: 105,  # "Pendiente" on its chip
    Column.FUNNEL_STAGE: 150,
    Column.SENTIMENT: 100,
}


class ClientListView(QTableView):
    """Rows of clients; Enter or a double-click asks to open one (:attr:`open_requested`)."""

    open_requested = Signal(str)
    #: A column was shown or hidden from the header's menu (the window remembers it).
    columns_changed = Signal()

    def __init__(self, model: ClientTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientList")
        self.setAccessibleName(self.tr("Clients"))
        self.setAccessibleDescription(
            self.tr("Enter opens the client's profile; the Menu key edits the selected clients")
        )
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setCornerButtonEnabled(False)
        self.setMouseTracking(True)

        rows = self.verticalHeader()
        rows.setVisible(False)
        # Never ResizeToContents: measuring 250,000 rows takes tens of seconds.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.setMinimumSectionSize(ROW_HEIGHT)

        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(60)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        self.stretch_name_column()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        # The model sorts in SQLite; the header only shows and asks.
        query = model.query
        order = Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(int(query.sort), order)
        self.setSortingEnabled(True)

        self._name_delegate = NameDelegate(self)
        self._sale_delegate = ChipDelegate(solid=True, parent=self)
        self._stage_delegate = ChipDelegate(solid=False, parent=self)
        self._dot_delegate = DotDelegate(self)
        self.setItemDelegateForColumn(Column.NAME, self._name_delegate)
        self.setItemDelegateForColumn(Column.SALE_STATUS, self._sale_delegate)
        self.setItemDelegateForColumn(Column.FUNNEL_STAGE, self._stage_delegate)
        self.setItemDelegateForColumn(Column.SENTIMENT, self._dot_delegate)

        self.doubleClicked.connect(self._open_index)

    def stretch_name_column(self) -> None:
        """The Name column takes the width the others leave, so the columns fit the window."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)

    def column_menu(self) -> QMenu:
        """One checkable entry per column (the Name column always stays)."""
        header = self.horizontalHeader()
        menu = QMenu(self)
        menu.setObjectName("columnsMenu")
        title = menu.addAction(self.tr("Columns"))
        title.setEnabled(False)
        for column in Column:
            action = menu.addAction(column_title(column))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setData(int(column))
            action.setEnabled(column != Column.NAME)
            action.toggled.connect(lambda shown, c=column: self.set_column_shown(c, shown))
        return menu

    def set_column_shown(self, column: Column, shown: bool) -> None:
        self.horizontalHeader().setSectionHidden(column, not shown)
        self.columns_changed.emit()

    def _header_menu(self, pos: QPoint) -> None:
        header = self.horizontalHeader()
        self.column_menu().popup(header.mapToGlobal(pos))

    def request_row_menu(self) -> None:
        """Ask for the row menu at the current row (Shift+F10, the Menu key), not at the mouse pointer."""
        index = self.currentIndex()
        if not index.isValid() and self.model().rowCount() > 0:
            index = self.model().index(0, 0)
            self.setCurrentIndex(index)
        if index.isValid():
            self.scrollTo(index)
            if not self.selectionModel().isSelected(index):
                self.selectRow(index.row())
            rect = self.visualRect(self.model().index(index.row(), self.horizontalHeader().logicalIndexAt(0)))
            pos = QPoint(max(rect.left(), 0) + 24, rect.bottom())
        else:
            pos = QPoint(24, 24)
        self.customContextMenuRequested.emit(pos)

    def event(self, event: QEvent) -> bool:
        # Before QWidget turns it into customContextMenuRequested at a corner of the viewport.
        if isinstance(event, QContextMenuEvent) and event.reason() == QContextMenuEvent.Reason.Keyboard:
            event.accept()
            self.request_row_menu()
            return True
        return super().event(event)

    def selected_contact_ids(self) -> list[str]:
        """The selected clients' ids, top to bottom."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self._model.contact_id(row) for row in rows]

    def current_contact_id(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(ContactIdRole)) if index.isValid() else None

    def apply_changes(self, contact_ids: Collection[str] | None = None) -> None:
        """Show what a sync or an edit changed (``contact_ids``; None: not known), row by row.

        The selection and the current row follow their clients (persistent indexes), and the first
        client on screen that did not change stays at the same height, whatever came or went above it;
        at the very top the list stays at the top, so clients that arrive there are seen.
        """
        changed = set(contact_ids or ())
        anchor = self._scroll_anchor(changed) if self.verticalScrollBar().value() > 0 else None
        anchor_row = anchor.row() if anchor is not None else -1
        if not self._model.update_contacts(contact_ids):
            self.refresh()  # too much changed for row-by-row signals: one reset, the selection put back by id
            return
        if anchor is not None and anchor.isValid() and anchor.row() != anchor_row:
            scroll = self.verticalScrollBar()
            scroll.setValue(scroll.value() + (anchor.row() - anchor_row) * ROW_HEIGHT)

    def _scroll_anchor(self, changed: set[str]) -> QPersistentModelIndex | None:
        """The first row on screen whose client is not in ``changed`` (it keeps its place on screen)."""
        row = self.rowAt(0)
        if row < 0:
            return None
        last = self.rowAt(self.viewport().height() - 1)
        last = self._model.rowCount() - 1 if last < 0 else last
        for candidate in range(row, last + 1):
            if self._model.contact_id(candidate) not in changed:
                return QPersistentModelIndex(self._model.index(candidate, 0))
        return None

    def refresh(self) -> None:
        """Re-query the model, keeping the selection, the current client and the scroll position."""
        selected = self.selected_contact_ids()
        current = self.current_contact_id()
        top_index = self.indexAt(self.viewport().rect().topLeft())
        top_id = str(top_index.data(ContactIdRole)) if top_index.isValid() else None
        top_offset = self.verticalScrollBar().value() - top_index.row() * ROW_HEIGHT if top_index.isValid() else 0

        self._model.refresh()

        selection = QItemSelection()
        for row in self._model.rows_of(selected[:1000]):
            selection.select(self._model.index(row, 0), self._model.index(row, self._model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.selectionModel().select(selection, flags)
        current_row = self._model.row_of(current) if current is not None else None
        if current_row is not None:
            self.selectionModel().setCurrentIndex(
                self._model.index(current_row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        top_row = self._model.row_of(top_id) if top_id is not None else None
        if top_row is not None:
            self.verticalScrollBar().setValue(top_row * ROW_HEIGHT + top_offset)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        shift_f10 = event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if shift_f10 or event.key() == Qt.Key.Key_Menu:
            event.accept()
            self.request_row_menu()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        contact_id = index.data(ContactIdRole)
        if contact_id:
            self.open_requested.emit(str(contact_id))
