"""The main window: the client list with its search, filters, counts and empty states.

Public API for the rest of LeadDesk:

- signals :attr:`MainWindow.open_profile_requested` (contact id), :attr:`MainWindow.sync_requested`,
  :attr:`MainWindow.settings_requested`;
- :meth:`MainWindow.refresh_clients` (after a sync or an edit), :meth:`MainWindow.selected_contact_ids`;
- ``statusBar()``: the count is on the left; add your own with ``addPermanentWidget``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, Signal
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

from leaddesk import __version__, refusals
from leaddesk.db.database import Database
from leaddesk.models import words
from leaddesk.models.client_table import ClientFilter, ClientTableModel
from leaddesk.models.filters import stages_in_use
from leaddesk.models.icons import icon
from leaddesk.paths import APP_AUTHOR, APP_NAME
from leaddesk.views.analytics_page import AnalyticsPage
from leaddesk.views.client_list import DEFAULT_WIDTHS, ClientListView
from leaddesk.views.empty_state import getting_clients_state, no_clients_state, no_matches_state
from leaddesk.views.export_actions import ClientListExport
from leaddesk.views.filter_bar import FilterBar
from leaddesk.views.notice_bar import NoticeBar
from leaddesk.views.refused_dialog import RefusedEditsDialog
from leaddesk.views.shortcuts_dialog import ShortcutsDialog
from leaddesk.views.welcome import WelcomePage

HEADER_STATE_KEY = "clientList/headerState"
HEADER_STATE_VERSION_KEY = "clientList/headerStateVersion"
GEOMETRY_KEY = "mainWindow/geometry"
#: Bump when the columns change, so an old saved header state is not applied to new columns.
#: 2: the Name column stretches (it gives way first in a narrow window).
HEADER_STATE_VERSION = 2
#: How long "Set 12 clients to Pending — Undo" stays offered.
UNDO_NOTICE_MS = 20_000

PAGE_LIST, PAGE_NO_CLIENTS, PAGE_NO_MATCHES, PAGE_GETTING_CLIENTS, PAGE_WELCOME = range(5)
#: What the list shows when there are no clients at all, by :meth:`MainWindow.set_empty_reason`.
EMPTY_PAGES = {"none": PAGE_NO_CLIENTS, "syncing": PAGE_GETTING_CLIENTS, "welcome": PAGE_WELCOME}


def default_settings() -> QSettings:
    return QSettings(APP_AUTHOR, APP_NAME)


def format_counts(shown: int, total: int) -> str:
    """ "1,204 of 5,310 clients"; "5,310 clients" when nothing is filtered out; "1 client"."""
    if shown == total:
        return QCoreApplication.translate("MainWindow", "%Ln client(s)", None, total)
    return QCoreApplication.translate("MainWindow", "%1 of %Ln client(s)", None, total).replace(
        "%1", words.number(shown)
    )


class MainWindow(QMainWindow):
    #: Enter or a double-click on a client: open its profile (the contact id).
    open_profile_requested = Signal(str)
    #: "Sync now" (toolbar, menu, F5, the empty state's button).
    sync_requested = Signal()
    #: "Settings…" (menu, Ctrl+, the empty state's button).
    settings_requested = Signal()
    #: "Search all conversations…" (menu, Ctrl+Shift+F).
    search_all_requested = Signal()
    #: "Look around with demo data" (the first-run welcome): reopen the window on the demo database.
    demo_requested = Signal()

    def __init__(self, database: Database, *, demo: bool = False, settings: QSettings | None = None) -> None:
        super().__init__()
        self._database = database
        self._settings = settings if settings is not None else default_settings()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("LeadDesk — Demo") if demo else "LeadDesk")
        self.setWindowIcon(icon("leaddesk"))
        self.resize(1280, 780)

        self.model = ClientTableModel(database, parent=self)
        self.table = ClientListView(self.model)
        self.filters = FilterBar()
        self.filters.set_count_provider(self._choice_counts)
        self.search = self.filters.search
        self.refusal_notice = NoticeBar("refusalNotice")
        self.undo_notice = NoticeBar("undoNotice")
        self._refusal_dialog: RefusedEditsDialog | None = None

        self.no_clients = no_clients_state()
        self.no_matches = no_matches_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.no_clients)
        self.pages.addWidget(self.no_matches)
        self.getting_clients = getting_clients_state()
        self.welcome = WelcomePage()
        self.pages.addWidget(self.getting_clients)
        self.pages.addWidget(self.welcome)
        self._empty_page = PAGE_NO_CLIENTS

        central = QWidget()
        central.setObjectName("central")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.filters)
        column.addWidget(self.refusal_notice)
        column.addWidget(self.undo_notice)
        column.addWidget(self.pages, 1)
        # The client list and the Analytics page, side by side as tabs.
        self.analytics = AnalyticsPage(database)
        self.analytics.open_clients_requested.connect(self.show_clients)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(central, self.tr("Clients"))
        self.tabs.addTab(self.analytics, self.tr("Analytics"))
        self.tabs.setAccessibleName(self.tr("Pages"))
        self.setCentralWidget(self.tabs)

        self._build_actions()
        self._build_toolbar()
        self._build_menus()

        self.count_label = QLabel()
        self.count_label.setObjectName("clientCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName(self.tr("Clients shown"))
        self.statusBar().addWidget(self.count_label)
        self.statusBar().setSizeGripEnabled(True)

        self.filters.changed.connect(self._filters_changed)
        self.filters.results_requested.connect(self.go_to_results)
        self.model.counts_changed.connect(self._show_counts)
        self.model.modelReset.connect(self._update_page)
        self.table.open_requested.connect(self.open_profile_requested)
        self.no_clients.primary_clicked.connect(self.settings_requested)
        self.no_clients.secondary_clicked.connect(self.sync_requested)
        self.no_matches.primary_clicked.connect(self.filters.clear)
        self.welcome.connect_requested.connect(self.settings_requested)
        self.welcome.demo_requested.connect(self.demo_requested)

        self._restore_state()
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._save_header)
        header.sectionMoved.connect(self._save_header)
        header.sectionResized.connect(self._save_header)
        self.table.columns_changed.connect(self._save_header)
        self._load_stages()
        self.show_refusals()
        self._show_counts(self.model.rowCount(), self.model.total_count)
        self._update_page()
        self.table.setFocus()

    # --- public API ----------------------------------------------------------------------------

    def refresh_clients(self, contact_ids: Collection[str] | None = None) -> None:
        """Show what changed in the cache (``contact_ids``; None: not known) row by row, no reset:
        the selection and the scroll position follow the clients."""
        self.table.apply_changes(contact_ids)
        self._load_stages()
        self._update_page()
        self.show_refusals()
        self.analytics.refresh()

    def show_clients(self, query: ClientFilter) -> None:
        """Switch to the client list, filtered like ``query`` (its search and sort aside)."""
        self.filters.clear()
        self.filters.sale.set_chosen(query.sale_statuses)
        self.filters.stage.set_chosen(query.funnel_stages)
        self.filters.sentiment.set_chosen(query.sentiments)
        if len(query.bot_statuses) == 1:
            bot = self.filters.bot
            bot.setCurrentIndex(max(bot.findData(next(iter(query.bot_statuses))), 0))
        self.filters.mystery.setCurrentIndex(max(self.filters.mystery.findData(query.mystery_shopper), 0))
        self.filters.contractor.setCurrentIndex(max(self.filters.contractor.findData(query.contractor), 0))
        self.tabs.setCurrentIndex(0)
        self.table.setFocus()

    def set_empty_reason(self, reason: str) -> None:
        """What to show while there are no clients at all: ``"welcome"`` (no server set: the two ways
        in), ``"syncing"`` (a sync is bringing them) or ``"none"`` (the plain empty list)."""
        page = EMPTY_PAGES[reason]
        if page == self._empty_page:
            return
        self._empty_page = page
        self._update_page()
        if self.pages.currentIndex() == PAGE_WELCOME:
            self.welcome.focus_first()

    def selected_contact_ids(self) -> list[str]:
        return self.table.selected_contact_ids()

    def go_to_results(self) -> None:
        """From the search box to the list, the first client selected (Enter in the search box)."""
        if self.model.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        index = self.model.index(0, 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(0)
        self.table.scrollTo(index)

    def show_notice(self, text: str, undo: Callable[[], None] | None = None) -> None:
        """Confirm what an action did above the list, with "Undo" when it can be taken back."""
        buttons: list[tuple[str, Callable[[], None]]] = []
        if undo is not None:

            def undo_then_back_to_list() -> None:
                undo()
                self.table.setFocus()  # the keyboard goes on where the user was, not on a vanished button

            buttons.append((self.tr("Undo"), undo_then_back_to_list))
        self.undo_notice.show_notice(text, buttons, hide_after_ms=UNDO_NOTICE_MS)

    def show_refusals(self) -> None:
        """Tell, above the list, the newest edit the server refused that the user has not dismissed."""
        refused = refusals.refused_edits(self._database)
        if not refused:
            self.refusal_notice.hide()
            return
        text = refused[0].sentence
        if len(refused) > 1:
            others = len(refused) - 1
            text += " " + self.tr("(%n more change(s) not accepted)", None, others)
        ids = [r.outbox_id for r in refused]
        self.refusal_notice.show_notice(
            text,
            [
                (self.tr("Show all…"), self._show_refused_edits),
                (self.tr("Dismiss"), lambda: self._dismiss_refusals(ids)),
            ],
        )

    def open_refused_edits(self) -> RefusedEditsDialog:
        """The "Refused edits" dialog: every refused edit, each dismissable."""
        if self._refusal_dialog is None:
            self._refusal_dialog = RefusedEditsDialog(self._database, self)
            self._refusal_dialog.dismissed.connect(self.show_refusals)
        self._refusal_dialog.reload()
        self._refusal_dialog.show()
        self._refusal_dialog.raise_()
        return self._refusal_dialog

    def _show_refused_edits(self) -> None:
        self.open_refused_edits()

    def _dismiss_refusals(self, ids: list[int]) -> None:
        refusals.dismiss(self._database, ids)
        self.show_refusals()

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help → Keyboard shortcuts: the keys of every action, read from the actions themselves."""
        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.sync_action = QAction(icon("sync"), self.tr("Sync now"), self)
        self.sync_action.setObjectName("syncAction")
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.setToolTip(self.tr("Sync with the server now (F5)"))
        self.sync_action.triggered.connect(self.sync_requested)

        self.settings_action = QAction(self.tr("Settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.settings_requested)

        self.find_action = QAction(self.tr("Find client"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)

        self.search_all_action = QAction(self.tr("Search all conversations…"), self)
        self.search_all_action.setObjectName("searchAllAction")
        self.search_all_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_all_action.triggered.connect(self.search_all_requested)

        self.clear_filters_action = QAction(self.tr("Clear filters"), self)
        self.clear_filters_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.clear_filters_action.triggered.connect(self.filters.clear)

        self.refused_action = QAction(self.tr("Changes not accepted…"), self)
        self.refused_action.setObjectName("refusedEditsAction")
        self.refused_action.setToolTip(self.tr("Changes the server did not accept, and why"))
        self.refused_action.triggered.connect(self.open_refused_edits)

        self.reset_columns_action = QAction(self.tr("Reset columns"), self)
        self.reset_columns_action.triggered.connect(self._reset_columns)

        self.quit_action = QAction(self.tr("Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)

        self.shortcuts_action = QAction(self.tr("Keyboard shortcuts"), self)
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)

        self.about_action = QAction(self.tr("About LeadDesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"))
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
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.sync_action)
        self.export_list = ClientListExport(self, self._database, self.model)
        file_menu.addAction(self.export_list.action)
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.search_all_action)
        view_menu.addAction(self.clear_filters_action)
        view_menu.addAction(self.refused_action)
        view_menu.addSeparator()
        self.columns_menu = view_menu.addMenu(self.tr("Columns"))
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        view_menu.addAction(self.reset_columns_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    # --- behaviour -----------------------------------------------------------------------------

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        for action in self.table.column_menu().actions()[1:]:
            action.setParent(self.columns_menu)
            self.columns_menu.addAction(action)

    def _choice_counts(self, dimension: str) -> dict[Any, int]:
        return self.model.choice_counts(self.filters.apply_to(self.model.query), dimension)

    def _filters_changed(self) -> None:
        self.model.set_query(self.filters.apply_to(self.model.query))

    def _show_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(format_counts(shown, total))

    def _update_page(self) -> None:
        if self.model.total_count == 0:
            page = self._empty_page
        elif self.model.rowCount() == 0:
            page = PAGE_NO_MATCHES
        else:
            page = PAGE_LIST
        self.pages.setCurrentIndex(page)
        self.filters.setVisible(page not in EMPTY_PAGES.values())

    def _load_stages(self) -> None:
        self.filters.set_stages(self.model.stages, stages_in_use(self._database))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About LeadDesk"),
            self.tr(
                "LeadDesk %1\n\nEvery WhatsApp lead at a glance: the clients your sales bot talks to, usable offline."
            ).replace("%1", __version__),
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
            self.table.stretch_name_column()

    def _save_header(self) -> None:
        self._settings.setValue(HEADER_STATE_KEY, self.table.horizontalHeader().saveState())
        self._settings.setValue(HEADER_STATE_VERSION_KEY, HEADER_STATE_VERSION)

    def _reset_columns(self) -> None:
        self._settings.remove(HEADER_STATE_KEY)
        header = self.table.horizontalHeader()
        for logical in range(header.count()):
            header.moveSection(header.visualIndex(logical), logical)
        for column, width in DEFAULT_WIDTHS.items():
            header.showSection(column)
            header.resizeSection(column, width)
        self.table.stretch_name_column()
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self._save_header()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._save_header()
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
