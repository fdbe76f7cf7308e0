"""A profile's keys: the next or previous client of the list, and the sale status (Ctrl+1–4).

:func:`profile_key_actions` makes the actions; the profile dialog connects them, and Help → Keyboard
shortcuts lists actions made by the same function, so the page says what the keys really are.
Alt+Page Down / Alt+Page Up: no text field or list of the profile uses them (Alt+Down opens a combo
box, Ctrl+Page Down turns browser tabs), and the digits need Ctrl here because the profile has fields
to type in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from leaddesk.domain import SaleStatus
from leaddesk.views.list_keys import SALE_STATUS_KEYS, sale_status_action
from leaddesk.views.profile.overview_tab import OverviewTab

CONTEXT: Final = "ProfileKeys"
NEXT_CLIENT_KEYS: Final = "Alt+PgDown"
PREVIOUS_CLIENT_KEYS: Final = "Alt+PgUp"
NEXT_CLIENT: Final = QT_TRANSLATE_NOOP("ProfileKeys", "Next client in the list")
PREVIOUS_CLIENT: Final = QT_TRANSLATE_NOOP("ProfileKeys", "Previous client in the list")


@dataclass(frozen=True)
class ProfileKeyActions:
    next_client: QAction
    previous_client: QAction
    sale_status: tuple[tuple[SaleStatus, QAction], ...]

    def all(self) -> list[QAction]:
        return [self.next_client, self.previous_client, *(action for _status, action in self.sale_status)]


def profile_key_actions(parent: QWidget) -> ProfileKeyActions:
    """The profile's keyboard actions, added to ``parent`` (active while its window is)."""

    def step_action(text: str, keys: str, object_name: str) -> QAction:
        action = QAction(QCoreApplication.translate(CONTEXT, text), parent)
        action.setObjectName(object_name)
        action.setShortcut(QKeySequence(keys))
        return action

    keys = ProfileKeyActions(
        next_client=step_action(str(NEXT_CLIENT), NEXT_CLIENT_KEYS, "nextClientKey"),
        previous_client=step_action(str(PREVIOUS_CLIENT), PREVIOUS_CLIENT_KEYS, "previousClientKey"),
        sale_status=tuple(
            (status, sale_status_action(status, position, parent, modifier="Ctrl+"))
            for position, status in enumerate(SALE_STATUS_KEYS, start=1)
        ),
    )
    for action in keys.all():
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    parent.addActions(keys.all())
    return keys


def choose_sale_status(overview: OverviewTab, status: SaleStatus) -> None:
    """Ctrl+1–4: choose the sale status on the Overview and save it, as choosing it and pressing Save.

    When other fields of the form have unsaved changes too, the status is only chosen: Save saves it with
    them (a key must not save what the user typed elsewhere and has not decided on yet).
    """
    combo = overview.sale_status
    combo.setCurrentIndex(max(0, combo.findData(str(status))))
    if set(overview.changed_fields()) <= {"sale_status"}:
        overview.save_changes()
