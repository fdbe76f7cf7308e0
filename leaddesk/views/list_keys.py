"""The client list's own keys, as real actions on the list: open (Enter), row menu, sale status 1–4.

They live on the table with ``Qt.WidgetShortcut``: the digits act only while the list has the focus, so
typing a phone number in the search box never changes anyone's sale status. Help → Keyboard shortcuts
lists these same actions (``shortcuts_dialog.py``), so the page cannot drift from what the keys do.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from leaddesk.db.database import Database
from leaddesk.domain import SaleStatus
from leaddesk.models.words import label
from leaddesk.views.client_actions import ClientMenu

CONTEXT: Final = "ListKeys"
#: The sale statuses in the order of their keys: 1 None, 2 Pending, 3 Signed, 4 Sold.
SALE_STATUS_KEYS: Final = tuple(SaleStatus)
OPEN_CLIENT: Final = QT_TRANSLATE_NOOP("ListKeys", "Open the client's profile")
ROW_MENU: Final = QT_TRANSLATE_NOOP("ListKeys", "Menu of the selected clients")
SET_SALE_STATUS: Final = QT_TRANSLATE_NOOP("ListKeys", "Sale status: %1")


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def sale_status_action(status: SaleStatus, position: int, parent: QWidget, *, modifier: str = "") -> QAction:
    """The action "Sale status: Pending" on key ``position`` (1–4); ``modifier`` ("Ctrl+") where keys type text."""
    action = QAction(_tr(SET_SALE_STATUS).replace("%1", label(SaleStatus, status)), parent)
    action.setObjectName(f"saleStatusKey{position}")
    keys = [QKeySequence(f"{modifier}{position}")]
    if not modifier:
        keys.append(QKeySequence(f"Ctrl+{position}"))  # the same keys as in a profile also work here
    action.setShortcuts(keys)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return action


def install_list_keys(window: Any, database: Database) -> list[QAction]:
    """Give ``window.table`` its keys; returns the actions (in the order the shortcuts page lists them)."""
    table = window.table

    def table_action(text: object, object_name: str, keys: list[QKeySequence]) -> QAction:
        action = QAction(_tr(text), table)
        action.setObjectName(object_name)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        table.addAction(action)
        return action

    open_client = table_action(
        OPEN_CLIENT, "openClientKey", [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
    )

    def open_current() -> None:
        contact_id = table.current_contact_id()
        if contact_id:
            window.open_profile_requested.emit(contact_id)

    open_client.triggered.connect(open_current)
    row_menu = table_action(ROW_MENU, "rowMenuKey", [QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu)])
    row_menu.triggered.connect(table.request_row_menu)

    actions = [open_client, row_menu]
    for position, status in enumerate(SALE_STATUS_KEYS, start=1):
        action = sale_status_action(status, position, table)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _=False, s=status: _set_sale_status(window, database, s))
        table.addAction(action)
        actions.append(action)
    return actions


def _set_sale_status(window: Any, database: Database, status: SaleStatus) -> None:
    """The row menu's own edit for the selected clients, with its notice and "Undo"."""
    if not window.selected_contact_ids():
        return
    client_menu = ClientMenu(window, database, window.table)
    try:
        client_menu.set_sale_status(status)
    finally:
        client_menu.menu.deleteLater()
