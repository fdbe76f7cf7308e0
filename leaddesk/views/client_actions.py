"""The client list's context menu: set the sale status, funnel stage or flags of every selected client.

``install_client_actions(main_window, database)`` adds the menu to ``main_window.table``; each action
is one call to ``leaddesk.edits`` (one transaction for the whole selection), then the list refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.domain import SaleStatus
from leaddesk.views.menus import menu_label, popup_once


def build_client_menu(main_window: Any, database: Database, parent: QWidget) -> QMenu:
    ids: list[str] = list(main_window.selected_contact_ids())
    menu = QMenu(parent)
    label = "1 client" if len(ids) == 1 else f"{len(ids)} clients"
    header = menu.addAction(label)
    header.setEnabled(False)

    def run(edit: Callable[[list[str]], list[int]]) -> None:
        try:
            edit(ids)
        except edits.EditError as problem:
            box = QMessageBox(QMessageBox.Icon.Warning, "Edit refused", str(problem), parent=parent)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return
        main_window.refresh_clients()

    if len(ids) == 1:
        open_action = menu.addAction("Open profile")
        open_action.triggered.connect(lambda: main_window.open_profile_requested.emit(ids[0]))
    sale = menu.addMenu("Set sale status")
    for status in SaleStatus:
        action = sale.addAction(status.label)
        action.setToolTip(status.meaning)
        action.triggered.connect(lambda _=False, s=str(status): run(lambda c: edits.set_sale_status(database, c, s)))
    stage_menu = menu.addMenu("Set funnel stage")
    for stage_id, name in edits.manual_stages(database):
        action = stage_menu.addAction(menu_label(name))
        action.triggered.connect(lambda _=False, s=stage_id: run(lambda c: edits.set_funnel_stage(database, c, s)))
    flags = menu.addMenu("Flags")
    for text, kwargs in (
        ("Mark as mystery shopper (left out of analytics)", {"mystery_shopper": True}),
        ("Not a mystery shopper", {"mystery_shopper": False}),
        ("Mark as contractor (routed to an agent)", {"contractor": True}),
        ("Not a contractor", {"contractor": False}),
    ):
        action = flags.addAction(text)
        action.triggered.connect(lambda _=False, k=kwargs: run(lambda c: edits.set_flags(database, c, **k)))
    bot = menu.addMenu("Bot")
    for text, bot_status in (
        ("Let the bot answer", "active"),
        ("Pause the bot", "paused"),
        ("An agent takes over", "agent"),
    ):
        action = bot.addAction(text)
        action.triggered.connect(lambda _=False, s=bot_status: run(lambda c: edits.set_bot_status(database, c, s)))
    for action in menu.actions()[1:]:
        action.setEnabled(bool(ids))
    return menu


def install_client_actions(main_window: Any, database: Database) -> None:
    """Give the main window's client table a context menu acting on the selected clients."""
    table = main_window.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos: QPoint) -> None:
        menu = build_client_menu(main_window, database, table)
        popup_once(menu, table.viewport().mapToGlobal(pos))

    table.customContextMenuRequested.connect(show)
