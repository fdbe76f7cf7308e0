"""Help → Keyboard shortcuts: every key of the window, read from its real actions.

Nothing here names a key: the rows are the main window's menu and window actions, the client list's
own actions (``list_keys.py``) and a profile's (``profile/keys.py``, made by the same function a profile
uses), each with the keys it really has, written the platform's way (⌘ on macOS).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.views.list_keys import ListKeys
from leaddesk.views.profile.keys import profile_key_actions


def action_words(action: QAction) -> str:
    """The action's text as a person reads it: no mnemonic marks, no trailing "…"."""
    text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…").removesuffix("...").strip()


def key_words(action: QAction) -> str:
    """The action's keys, the platform's way ("Ctrl+Shift+F"; "⇧⌘F" on macOS).

    Return and the keypad's Enter are one key to a person: only "Enter" ("Intro" in Spanish) is named.
    """
    keys = [key for key in action.shortcuts() if not key.isEmpty()]
    if QKeySequence(Qt.Key.Key_Enter) in keys:
        keys = [key for key in keys if key != QKeySequence(Qt.Key.Key_Return)]
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)


def _menu_actions(menu: QMenu) -> Iterable[QAction]:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_actions(submenu)
        else:
            yield action


def window_actions(window: Any) -> list[QAction]:
    """The main window's actions that have keys: its menus' (in menu order), then its own others."""
    found: list[QAction] = []
    for top in window.menuBar().actions():
        if isinstance(top.menu(), QMenu):
            found.extend(_menu_actions(top.menu()))
    found.extend(window.actions())
    unique = list(dict.fromkeys(found))
    return [action for action in unique if key_words(action)]


class ShortcutsDialog(QDialog):
    """The keys of the main window, the client list and a client's profile, in one list."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcutsList")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)

        # A profile's actions, made by the profile's own function on a widget that is never shown.
        self._profile_keys_owner = QWidget(self)
        self._profile_keys_owner.hide()
        profile_actions = profile_key_actions(self._profile_keys_owner).all()
        list_keys = window.table.findChild(ListKeys)
        list_actions = list_keys.actions if isinstance(list_keys, ListKeys) else []
        self._add_section(self.tr("Main window"), window_actions(window))
        self._add_section(self.tr("Client list (when it has the focus)"), list_actions)
        self._add_section(self.tr("Client profile"), profile_actions)
        self.tree.expandAll()
        first_section = self.tree.topLevelItem(0)
        first_action = first_section.child(0) if first_section is not None else None
        if first_action is not None:
            self.tree.setCurrentItem(first_action)  # the arrows start on an action, not on a heading

        hint = QLabel(
            self.tr(
                "Every menu opens with Alt and its underlined letter; Tab and "
                "Shift+Tab move between the controls of a window, Ctrl+Tab between its tabs."
            )
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(560, 560)

    def _add_section(self, title: str, actions: list[QAction]) -> None:
        section = QTreeWidgetItem(self.tree, [title])
        section.setFirstColumnSpanned(True)
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for action in actions:
            item = QTreeWidgetItem(section, [action_words(action), key_words(action)])
            item.setToolTip(0, action.toolTip() if action.toolTip() != action.text() else "")

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, action, keys) for every row, as shown."""
        found: list[tuple[str, str, str]] = []
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            assert section is not None
            for child in range(section.childCount()):
                item = section.child(child)
                assert item is not None
                found.append((section.text(0), item.text(0), item.text(1)))
        return found
