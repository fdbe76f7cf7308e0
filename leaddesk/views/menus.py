"""Small rules every menu follows: text from data is shown as typed, and a context menu is deleted
once it closes (a right-click must not leave a menu behind)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu


def menu_label(text: str) -> str:
    """``text`` for a menu entry or button: a literal ``&`` is doubled so Qt does not make it a mnemonic."""
    return text.replace("&", "&&")


def popup_once(menu: QMenu, global_pos: QPoint) -> None:
    """Show a context menu that deletes itself (and its submenus) when it closes."""
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(global_pos)
