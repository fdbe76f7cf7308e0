"""The client table: a ``QTableView`` set up for a large lazy model (fixed row heights, SQL sorting)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from leaddesk.models.client_table import ClientTableModel, Column, ContactIdRole
from leaddesk.views.delegates import ChipDelegate, DotDelegate, NameDelegate

ROW_HEIGHT = 34
DEFAULT_WIDTHS = {
    Column.NAME: 300,
    Column.PHONE: 170,
    Column.LAST_ACTIVITY: 120,
    Column.BOT_STATUS: 190,
    Column.SALE_STATUS: 100,
    Column.FUNNEL_STAGE: 170,
    Column.SENTIMENT: 110,
}


class ClientListView(QTableView):
    """Rows of clients; Enter or a double-click asks to open one (:attr:`open_requested`)."""

    open_requested = Signal(str)

    def __init__(self, model: ClientTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientList")
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
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(60)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
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

    def selected_contact_ids(self) -> list[str]:
        """The selected clients' ids, top to bottom."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [self._model.contact_id(row) for row in rows]

    def current_contact_id(self) -> str | None:
        index = self.currentIndex()
        return str(index.data(ContactIdRole)) if index.isValid() else None

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
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        contact_id = index.data(ContactIdRole)
        if contact_id:
            self.open_requested.emit(str(contact_id))
