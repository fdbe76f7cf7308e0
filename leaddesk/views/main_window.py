"""The main window: the client list with its search, filters, counts and empty states.

Public API for the rest of LeadDesk:

- signals :attr:`MainWindow.open_profile_requested` (contact id), :attr:`MainWindow.sync_requested`,
  :attr:`MainWindow.settings_requested`;
- :meth:`MainWindow.refresh_clients` (after a sync or an edit), :meth:`MainWindow.selected_contact_ids`;
- ``statusBar()``: the count is on the left; add your own with ``addPermanentWidget``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from leaddesk import __version__
from leaddesk.db.database import Database
from leaddesk.db.queries import stage_ids_in_use
from leaddesk.models.client_table import ClientFilter, ClientTableModel
from leaddesk.models.icons import icon
from leaddesk.paths import APP_AUTHOR, APP_NAME
from leaddesk.views.analytics_page import AnalyticsPage
from leaddesk.views.client_list import DEFAULT_WIDTHS, ClientListView
from leaddesk.views.empty_state import no_clients_state, no_matches_state
from leaddesk.views.filter_bar import FilterBar

HEADER_STATE_KEY = "clientList/headerState"
HEADER_STATE_VERSION_KEY = "clientList/headerStateVersion"
GEOMETRY_KEY = "mainWindow/geometry"
#: Bump when the columns change, so an old saved header state is not applied to new columns.
HEADER_STATE_VERSION = 1

PAGE_LIST, PAGE_NO_CLIENTS, PAGE_NO_MATCHES = range(3)


def default_settings() -> QSettings:
    return QSettings(APP_AUTHOR, APP_NAME)


def format_counts(shown: int, total: int) -> str:
    """ "1,204 of 5,310 clients"; "5,310 clients" when nothing is filtered out; "1 client"."""
    noun = "client" if total == 1 else "clients"
    if shown == total:
        return f"{total:,} {noun}"
    return f"{shown:,} of {total:,} {noun}"


class MainWindow(QMainWindow):
    #: Enter or a double-click on a client: open its profile (the contact id).
    open_profile_requested = Signal(str)
    #: "Sync now" (toolbar, menu, F5, the empty state's button).
    sync_requested = Signal()
    #: "Settings…" (menu, Ctrl+, the empty state's button).
    settings_requested = Signal()

    def __init__(self, database: Database, *, demo: bool = False, settings: QSettings | None = None) -> None:
        super().__init__()
        self._database = database
        self._settings = settings if settings is not None else default_settings()
        self.setObjectName("mainWindow")
        self.setWindowTitle("LeadDesk — Demo" if demo else "LeadDesk")
        self.setWindowIcon(icon("leaddesk"))
        self.resize(1280, 780)

        self.model = ClientTableModel(database, parent=self)
        self.table = ClientListView(self.model)
        self.filters = FilterBar()
        self.search = self.filters.search

        self.no_clients = no_clients_state()
        self.no_matches = no_matches_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.no_clients)
        self.pages.addWidget(self.no_matches)

        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.filters)
        column.addWidget(self.pages, 1)
        # The client list and the Analytics page, side by side as tabs.
        self.analytics = AnalyticsPage(database)
        self.analytics.open_clients_requested.connect(self.show_clients)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(central, "Clients")
        self.tabs.addTab(self.analytics, "Analytics")
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()

        self.count_label = QLabel()
        self.count_label.setObjectName("clientCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().setSizeGripEnabled(True)

        self.filters.changed.connect(self._filters_changed)
        self.model.counts_changed.connect(self._show_counts)
        self.model.modelReset.connect(self._update_page)
        self.table.open_requested.connect(self.open_profile_requested)
        self.no_clients.primary_clicked.connect(self.settings_requested)
        self.no_clients.secondary_clicked.connect(self.sync_requested)
        self.no_matches.primary_clicked.connect(self.filters.clear)

        self._restore_state()
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        header.sectionResized.connect(self._save_header)
        self._load_stages()
        self._show_counts(self.model.rowCount(), self.model.total_count)
        self._update_page()
        self.table.setFocus()

    # --- public API ----------------------------------------------------------------------------

    def refresh_clients(self) -> None:
        """Re-read the list from the cache, keeping the selection and scroll position."""
        self._load_stages()
        self.table.refresh()
        self._update_page()
        self.analytics.refresh()

    def show_clients(self, query: ClientFilter) -> None:
        """Switch to the client list, filtered like ``query`` (its search and sort aside)."""
        self.filters.clear()
        self.filters.sale.set_chosen(query.sale_statuses)
        self.filters.stage.set_chosen(query.funnel_stages)
        for combo, values in ((self.filters.sentiment, query.sentiments), (self.filters.bot, query.bot_statuses)):
            if len(values) == 1:
                combo.setCurrentIndex(max(combo.findData(next(iter(values))), 0))
        self.filters.mystery.setCurrentIndex(max(self.filters.mystery.findData(query.mystery_shopper), 0))
        self.filters.contractor.setCurrentIndex(max(self.filters.contractor.findData(query.contractor), 0))
        self.tabs.setCurrentIndex(0)
        self.table.setFocus()

    def selected_contact_ids(self) -> list[str]:
        return self.table.selected_contact_ids()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.sync_action = QAction(icon("sync"), "Sync now", self)
        self.sync_action.setObjectName("syncAction")
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.setToolTip("Sync with the relay now (F5)")
        self.sync_action.triggered.connect(self.sync_requested)

        self.settings_action = QAction("Settings…", self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.settings_requested)

        self.find_action = QAction("Find client", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)

        self.clear_filters_action = QAction("Clear filters", self)
        self.clear_filters_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.clear_filters_action.triggered.connect(self.filters.clear)

        self.reset_columns_action = QAction("Reset columns", self)
        self.reset_columns_action.triggered.connect(self._reset_columns)

        self.quit_action = QAction("Quit", self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.about_action = QAction("About LeadDesk", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addWidget(self.search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addAction(self.sync_action)
        self.addToolBar(toolbar)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.clear_filters_action)
        view_menu.addSeparator()
        view_menu.addAction(self.reset_columns_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

    # --- behaviour -----------------------------------------------------------------------------

    def _filters_changed(self) -> None:
        self.model.set_query(self.filters.apply_to(self.model.query))

    def _show_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(format_counts(shown, total))

    def _update_page(self) -> None:
        if self.model.total_count == 0:
            page = PAGE_NO_CLIENTS
        elif self.model.rowCount() == 0:
            page = PAGE_NO_MATCHES
        else:
            page = PAGE_LIST
        self.pages.setCurrentIndex(page)
        self.filters.setVisible(page != PAGE_NO_CLIENTS)

    def _load_stages(self) -> None:
        with self._database.read() as connection:
            in_use = stage_ids_in_use(connection)
        self.filters.set_stages(self.model.stages, in_use)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About LeadDesk",
            f"LeadDesk {__version__}\n\nEvery WhatsApp lead at a glance: the clients your sales bot talks to, "
            "usable offline.",
        )

    # --- remembered state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self._settings.value(HEADER_STATE_KEY)
        version = self._settings.value(HEADER_STATE_VERSION_KEY)
        if isinstance(state, QByteArray) and str(version) == str(HEADER_STATE_VERSION):
            self.table.horizontalHeader().restoreState(state)

    def _save_header(self) -> None:
        self._settings.setValue(HEADER_STATE_KEY, self.table.horizontalHeader().saveState())
        self._settings.setValue(HEADER_STATE_VERSION_KEY, HEADER_STATE_VERSION)

    def _reset_columns(self) -> None:
        self._settings.remove(HEADER_STATE_KEY)
        header = self.table.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        for column, width in DEFAULT_WIDTHS.items():
            header.resizeSection(column, width)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self._save_header()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._save_header()
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
