"""The client list's own keys, as real actions: open (Enter), row menu, sale status 1–4.

:class:`ListKeys` runs an action when the list itself receives one of its keys, so the digits act only
while the list has the focus: typing a phone number in the search box, or Enter in another window's
field, never reaches them. (As shortcuts of the list, ``Qt.WidgetShortcut``, they would also take a key
meant for a window that has not become active yet.) Help → Keyboard shortcuts lists these same actions
(``shortcuts_dialog.py``), so the page cannot drift from what the keys do.
"""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

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
    return action


class ListKeys(QObject):
    """The list's keyboard actions, run when the list receives their keys (an event filter on it)."""

    def __init__(self, table: QWidget, actions: list[QAction]) -> None:
        super().__init__(table)
        self.setObjectName("listKeys")
        self.actions = actions
        table.installEventFilter(self)

    def action_for(self, event: QKeyEvent) -> QAction | None:
        # A digit or Enter of the number pad is the same key.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))
        for action in self.actions:
            if action.isEnabled() and any(key == pressed for key in action.shortcuts()):
                return action
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self.action_for(event)
            if action is not None:
                action.trigger()
                return True
        return False


def install_list_keys(window: Any, database: Database) -> ListKeys:
    """Give ``window.table`` its keys; ``ListKeys.actions`` in the order the shortcuts page lists them."""
    table = window.table

    def table_action(text: object, object_name: str, keys: list[QKeySequence]) -> QAction:
        action = QAction(_tr(text), table)
        action.setObjectName(object_name)
        action.setShortcuts(keys)
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
        action.triggered.connect(lambda _=False, s=status: _set_sale_status(window, database, s))
        actions.append(action)
    return ListKeys(table, actions)


#: A key changes this many selected clients at once without asking; more (Ctrl+A, then a digit typed
#: by a user who thought the search box had the focus) asks first.
KEY_EDIT_WITHOUT_ASKING: Final = 5


def _confirmed(window: Any, count: int, status: SaleStatus) -> bool:
    """Ask before a single key press changes many clients; "Cancel" is the default answer."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("ListKeys", "Change many clients?"),
        QCoreApplication.translate(
            "ListKeys", "Set the sale status of %n selected client(s) to %1?", None, count
        ).replace("%1", label(SaleStatus, status)),
        QMessageBox.StandardButton.Cancel,
        window,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    change = box.addButton(QCoreApplication.translate("ListKeys", "Change them"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    try:
        box.exec()
        return box.clickedButton() is change
    finally:
        box.deleteLater()


def _set_sale_status(window: Any, database: Database, status: SaleStatus) -> None:
    """The row menu's own edit for the selected clients, with its notice and "Undo"."""
    selected = window.selected_contact_ids()
    if not selected:
        return
    if len(selected) > KEY_EDIT_WITHOUT_ASKING and not _confirmed(window, len(selected), status):
        return
    client_menu = ClientMenu(window, database, window.table)
    try:
        client_menu.set_sale_status(status)
    finally:
        client_menu.menu.deleteLater()
