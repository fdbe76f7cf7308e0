"""Build the QApplication and the main window, and run until the window closes."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon, QWidget

from leaddesk import __version__
from leaddesk.db.database import Database
from leaddesk.db.migrate import NewerDatabaseError
from leaddesk.i18n import choose_language, install_translations, shown_language
from leaddesk.paths import APP_AUTHOR, APP_NAME, resource
from leaddesk.preferences import load_preferences
from leaddesk.sync.engine import SyncSummary
from leaddesk.sync.settings import get_token, load_settings
from leaddesk.sync.worker import SyncWorker
from leaddesk.sync_wiring import attach_notices, attach_sync
from leaddesk.views.client_actions import install_client_actions
from leaddesk.views.list_keys import install_list_keys
from leaddesk.views.main_window import MainWindow
from leaddesk.views.notices import TrayNotices
from leaddesk.views.profile.dialog import ProfileDialog
from leaddesk.views.search_dialog import SearchDialog
from leaddesk.views.theme import LeadDeskStyle, apply_theme


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named (QSettings and platformdirs use the names), styled and with its icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("leaddesk")
    app.setStyle(LeadDeskStyle())  # Fusion, its check boxes visible in dark too
    preferences = load_preferences()
    install_translations(choose_language(preferences.language))  # before any widget exists
    apply_theme(app, preferences.theme)  # light or dark, and following the system's scheme
    from leaddesk.models.icons import icon

    app.setWindowIcon(icon("leaddesk"))
    return app


def apply_style(app: QApplication) -> None:
    style = resource("style.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


@dataclass
class WindowSession:
    """The main window and what hangs off it: the sync worker and the open profile dialogs."""

    window: MainWindow
    database: Database
    worker: SyncWorker
    profiles: dict[str, ProfileDialog] = field(default_factory=dict)
    search: SearchDialog | None = None
    #: Tray notices and the unread count (set by :func:`build_window`).
    notices: TrayNotices | None = None
    #: Set when the user chose "Leave the demo": the window closes and the real database opens.
    left_demo: bool = False
    #: Set when the user chose "Look around with demo data": the window closes and the demo opens.
    chose_demo: bool = False

    def leave_demo(self) -> None:
        self.left_demo = True
        self.window.close()

    def open_demo(self) -> None:
        self.chose_demo = True
        self.window.close()

    def open_profile(self, contact_id: str) -> ProfileDialog:
        """Show the client's profile; a second request raises the dialog already open for them."""
        dialog = self.profiles.get(contact_id)
        if dialog is None:
            dialog = ProfileDialog(self.database, contact_id, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed profiles do not pile up
            dialog.edited.connect(lambda edited_id: self.window.refresh_clients([edited_id]))
            dialog.finished.connect(lambda _result, cid=contact_id: self.profiles.pop(cid, None))
            dialog.step_requested.connect(lambda step, shown=dialog: self.step_profile(shown, step))
            self.profiles[contact_id] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def step_profile(self, dialog: ProfileDialog, step: int) -> ProfileDialog | None:
        """Put the next (``step`` 1) or previous (-1) client of the list, in the list's order, in place of
        ``dialog`` (same place, size and tab); the list selects them. None at either end, or when the
        filters hide the client shown (the list has no neighbour to give)."""
        model = self.window.model
        row = model.row_of(dialog.contact_id)
        if row is None or not 0 <= row + step < model.rowCount():
            return None
        target = row + step
        neighbour_id = model.contact_id(target)
        opened: list[ProfileDialog] = []

        def go() -> None:
            geometry, tab = dialog.saveGeometry(), dialog.tabs.currentIndex()
            neighbour = self.open_profile(neighbour_id)
            neighbour.restoreGeometry(geometry)
            neighbour.tabs.setCurrentIndex(tab)
            self.window.table.setCurrentIndex(model.index(target, 0))
            self.window.table.selectRow(target)
            dialog.close()
            opened.append(neighbour)

        if dialog.ask_to_discard(go):  # unsaved changes: asked first, and on "Discard" it goes on
            go()
        return opened[0] if opened else None

    def open_message(self, contact_id: str, message_id: str) -> ProfileDialog:
        """Show the client's profile at one message of the conversation (a search hit)."""
        dialog = self.open_profile(contact_id)
        dialog.show_message(message_id)
        return dialog

    def open_search(self) -> SearchDialog:
        """Show "Search all conversations" (one dialog, kept with its query while the window lives)."""
        if self.search is None:
            self.search = SearchDialog(self.database, self.window)
            self.search.open_requested.connect(self.open_message)
        self.search.open_with()
        return self.search

    def forget_erased_hits(self, summary: SyncSummary) -> None:
        """Search again after a sync that erased clients: their messages must not stay on screen."""
        if self.search is not None and summary.erased_contacts:
            self.search.model.refresh()

    def refresh_profiles(self, summary: SyncSummary) -> None:
        """Reload the open profiles whose contact the sync changed (all of them if the funnel changed)."""
        changed = set(summary.changed_contacts())
        for contact_id, dialog in self.profiles.items():
            if contact_id in changed or summary.funnel_stages_changed:
                dialog.refresh()

    def close(self) -> None:
        """Stop the sync (waiting for a running cycle to reach a safe point) and close the dialogs."""
        self.worker.stop()
        if self.notices is not None:
            self.notices.stop()
        for dialog in list(self.profiles.values()):
            dialog.close()


def relay_configuration(*, demo: bool, relay_url: str | None) -> tuple[str, str | None, str]:
    """(relay URL, token, extra CA bundle) for the window.

    ``--relay`` / ``LEADDESK_RELAY_URL`` win over the saved settings; the demo uses no relay at all, so
    it is never mixed with the office's real data and its practice edits are never sent. The token is the keyring's, or
    ``LEADDESK_RELAY_TOKEN`` (for trying the window against the relay simulator).
    """
    if demo:
        return "", None, ""  # the demo never touches a relay, not even one named by --relay
    saved = load_settings()
    url = relay_url or saved.relay_url
    token = (get_token(url) if url else None) or os.environ.get("LEADDESK_RELAY_TOKEN") or None
    return url, token, saved.ca_bundle


def build_window(
    database: Database,
    *,
    demo: bool = False,
    relay_url: str | None = None,
    start_sync: bool = True,
    tray: QSystemTrayIcon | None = None,
    preferences: QSettings | None = None,
) -> WindowSession:
    """The main window wired to the sync worker, the profile dialogs, the list's actions and the tray.

    In the demo the sync worker is never started, and the application's display name (which the window
    system adds to every title) becomes "LeadDesk — Demo". ``tray`` and ``preferences`` (the staff's
    choices, e.g. notices on or off) default to the program's tray icon and the user's settings.
    """
    demo_title = QCoreApplication.translate("MainWindow", "LeadDesk — Demo")
    QGuiApplication.setApplicationDisplayName(demo_title if demo else APP_NAME)
    window = MainWindow(database, demo=demo)
    url, token, ca_bundle = relay_configuration(demo=demo, relay_url=relay_url)
    worker = SyncWorker(database, url, token, ca_bundle=ca_bundle, parent=window)  # one database for every cycle
    session = WindowSession(window=window, database=database, worker=worker)
    attach_sync(window, database, worker, demo=demo, leave_demo=session.leave_demo)
    install_client_actions(window, database)
    install_list_keys(window, database)
    window.open_profile_requested.connect(session.open_profile)
    window.search_all_requested.connect(session.open_search)
    window.demo_requested.connect(session.open_demo)
    worker.cycle_finished.connect(session.refresh_profiles)
    worker.cycle_finished.connect(session.forget_erased_hits)
    session.notices = attach_notices(window, database, worker, tray=tray, settings=preferences)
    session.notices.open_client_requested.connect(session.open_profile)
    window.installEventFilter(_UnsavedProfilesGuard(session, window))
    if start_sync and not demo:
        worker.start()
    return session


#: The exit status when the database was made by a newer LeadDesk (the same as the command line's).
EXIT_NEWER_DATABASE = 2


def refuse_newer_database(problem: NewerDatabaseError, parent: QWidget | None = None) -> int:
    """Say in a dialog that this database needs a newer LeadDesk; returns the exit status."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("App", "LeadDesk cannot open this database"),
        str(problem),
        QMessageBox.StandardButton.Close,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        QCoreApplication.translate("App", "Install the newer LeadDesk that made it, or open another file with --db.")
    )
    try:
        box.exec()
    finally:
        box.deleteLater()
    return EXIT_NEWER_DATABASE


class _UnsavedProfilesGuard(QObject):
    """Closing the main window first asks about each open profile with unsaved changes."""

    def __init__(self, session: WindowSession, parent: QObject) -> None:
        super().__init__(parent)
        self._session = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close:
            for dialog in list(self._session.profiles.values()):
                if not dialog.ask_to_discard(self._session.window.close):
                    dialog.show()
                    dialog.raise_()
                    event.ignore()
                    return True
        return False


def run_window(db_path: Path, *, demo: bool = False, relay_url: str | None = None, real_db: Path | None = None) -> int:
    """Open the database (the demo one is filled on first use), show the main window, run it.

    ``real_db``: in a demo opened from the first-run welcome, the database "Leave the demo" goes back to.
    """
    app = make_application()
    database: Database
    try:
        if demo:
            from leaddesk.demo import ensure_demo_database

            # The demo's own account speaks the window's language: its stages are named in it.
            database = ensure_demo_database(db_path, shown_language())
        else:
            from leaddesk.db.database import open_database

            database = open_database(db_path)
    except NewerDatabaseError as problem:
        return refuse_newer_database(problem)
    try:
        session = build_window(database, demo=demo, relay_url=relay_url)
        from leaddesk.first_paint import report_first_paint_if_asked

        window = session.window
        report_first_paint_if_asked(
            window.table.viewport(), window.no_clients, window.no_matches, window.getting_clients, window.welcome
        )
        session.window.show()
        try:
            status = int(app.exec())
        finally:
            session.close()
    finally:
        database.close()
    if session.left_demo:
        from leaddesk.paths import default_db_path

        real = os.environ.get("LEADDESK_DB")
        back = real_db or (Path(real) if real else default_db_path())
        return run_window(back, demo=False, relay_url=relay_url)
    if session.chose_demo:
        from leaddesk.paths import demo_db_path

        return run_window(demo_db_path(), demo=True, relay_url=relay_url, real_db=db_path)
    return status
