"""Connect the sync worker to the main window: status bar, "Sync now", Settings, list refresh.

Wiring, like ``app.py`` (it builds nothing of its own): the views never hold the worker or the engine.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QSystemTrayIcon

from leaddesk.db.database import Database
from leaddesk.domain import parse_time
from leaddesk.models.unread import unread_clients
from leaddesk.preferences import load_preferences
from leaddesk.sync.engine import PullProgress, SyncSummary, queued_edits
from leaddesk.sync.settings import get_token
from leaddesk.sync.worker import SyncWorker
from leaddesk.views.notices import TrayNotices, make_tray
from leaddesk.views.settings_dialog import LEAVE_DEMO, DemoSettingsDialog, SettingsDialog
from leaddesk.views.sync_status import SyncStatusWidget
from leaddesk.views.theme import apply_theme


def attach_sync(
    window: Any,
    database: Database,
    worker: SyncWorker,
    *,
    demo: bool = False,
    leave_demo: Callable[[], None] | None = None,
) -> SyncStatusWidget:
    """Wire ``worker`` into ``window`` (a MainWindow); the caller starts the worker and stops it on close.

    In the demo (``demo``) Settings only says the demo never connects to a relay and offers to leave it
    (``leave_demo``); "Sync now" opens Settings whenever no relay is set (always, in the demo).
    """
    status = SyncStatusWidget()
    window.statusBar().addPermanentWidget(status)
    worker.state_changed.connect(status.set_state)
    worker.progress.connect(status.set_progress)

    def refresh_waiting(*_args: object) -> None:
        status.set_waiting(queued_edits(database))

    def finished(summary: SyncSummary) -> None:
        status.set_waiting(summary.edits_waiting)
        wait_ms = worker.next_cycle_ms
        if worker.state in ("offline", "failed") and wait_ms is not None:
            seconds = max(1, round(wait_ms / 1000))
            status.set_hint(
                QCoreApplication.translate(
                    "SyncStatusWidget", "Trying again in %n s; press F5 to try now.", None, seconds
                )
            )
        else:
            status.set_hint("")

    worker.cycle_finished.connect(finished)

    def pulled(where: PullProgress) -> None:
        if where.first_sync:
            try:
                reached = parse_time(where.reached) if where.reached else None
            except ValueError:  # the server's word: a time that does not parse is simply not shown
                reached = None
            status.set_first_sync_progress(where.clients, reached)

    worker.pull_progress.connect(pulled)

    def show_empty_reason(state: str, _detail: str = "") -> None:
        # With no clients yet: while a sync runs they are on their way; with no server to sync
        # with, the two ways in (connect, or the demo); otherwise the plain empty list.
        if demo:
            window.set_empty_reason("none")
        elif state == "syncing":
            window.set_empty_reason("syncing")
        elif not worker.relay_url or not worker.token:
            window.set_empty_reason("welcome")
        else:
            window.set_empty_reason("none")

    worker.state_changed.connect(show_empty_reason)
    show_empty_reason(worker.state)
    # An edit made in the window updates the list; the count of edits waiting follows it.
    window.model.counts_changed.connect(refresh_waiting)
    worker.contacts_changed.connect(window.refresh_clients)

    def follow_theme_choice(before: str) -> None:
        """A light/dark choice changed in Settings → General takes effect at once."""
        chosen = load_preferences().theme
        application = QApplication.instance()
        if chosen != before and isinstance(application, QApplication):
            apply_theme(application, chosen)

    def open_settings() -> None:
        theme_before = load_preferences().theme
        if demo:
            demo_dialog = DemoSettingsDialog(window)
            try:
                choice = demo_dialog.exec()
            finally:
                demo_dialog.deleteLater()
            follow_theme_choice(theme_before)
            if choice == LEAVE_DEMO and leave_demo is not None:
                leave_demo()
            return
        dialog = SettingsDialog(window)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            url, _token, ca = dialog.values()
        finally:
            dialog.deleteLater()
        follow_theme_choice(theme_before)
        if accepted:
            token = (get_token(url) if url else None) or os.environ.get("LEADDESK_RELAY_TOKEN") or None
            worker.configure(url, token, ca)
            worker.request_sync()

    def sync_now() -> None:
        # Nothing to sync with: the place to set a relay is Settings (in the demo, it says why not).
        if demo or not worker.relay_url or not worker.token:
            open_settings()
        else:
            worker.request_sync()

    window.sync_requested.connect(sync_now)
    window.settings_requested.connect(open_settings)
    if demo:
        status.set_state("demo", "")
    refresh_waiting()
    return status


def attach_notices(
    window: Any,
    database: Database,
    worker: SyncWorker,
    *,
    tray: QSystemTrayIcon | None = None,
    settings: QSettings | None = None,
) -> TrayNotices:
    """Tray notices of what each sync brought, and the unread count on the tray's tooltip and the badge.

    ``tray`` defaults to the program's own tray icon; ``settings`` to the user's preferences store.
    """
    tray = tray if tray is not None else make_tray(window)
    notices = TrayNotices(window, tray, lambda: None if database.closed else unread_clients(database), settings)

    def finished(summary: SyncSummary) -> None:
        notices.sync_finished(summary.pulled)
        notices.recount_unread()

    worker.cycle_finished.connect(finished)
    window.model.counts_changed.connect(lambda *_args: notices.recount_unread_soon())
    notices.recount_unread()
    return notices
