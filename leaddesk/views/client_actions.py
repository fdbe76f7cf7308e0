"""The client list's context menu: edit every selected client at once (sale status, stage, flags, bot).

``install_client_actions(main_window, database)`` adds the menu to ``main_window.table`` (right click,
Shift+F10 or the Menu key). Each entry is one call to ``leaddesk.edits`` (one transaction for the whole
selection); the entry that every selected client already has is checked. After an edit the window says
what was done, with "Undo", which queues the reverse edits through the same path.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QPoint, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.domain import BotStatus, SaleStatus, parse_time, utc_now
from leaddesk.models import words
from leaddesk.phones import format_phone
from leaddesk.views.menus import menu_label

#: An edit of the selected clients: (their ids) -> outbox ids.
Edit = Callable[[list[str]], list[int]]

#: The words of this module in the translation catalogues.
CONTEXT = "ClientMenu"

#: The menu's entries in English (translated where shown).
BOT_CHOICES = (
    (str(QT_TRANSLATE_NOOP("ClientMenu", "Let the bot answer")), BotStatus.ACTIVE),
    (str(QT_TRANSLATE_NOOP("ClientMenu", "Pause the bot")), BotStatus.PAUSED),
    (str(QT_TRANSLATE_NOOP("ClientMenu", "An agent takes over")), BotStatus.AGENT),
)
FLAG_CHOICES = (
    (str(QT_TRANSLATE_NOOP("ClientMenu", "Mark as mystery shopper (left out of analytics)")), "mystery_shopper", True),
    (str(QT_TRANSLATE_NOOP("ClientMenu", "Not a mystery shopper")), "mystery_shopper", False),
    (str(QT_TRANSLATE_NOOP("ClientMenu", "Mark as contractor (routed to an agent)")), "contractor", True),
    (str(QT_TRANSLATE_NOOP("ClientMenu", "Not a contractor")), "contractor", False),
)


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def clients_word(count: int) -> str:
    """ "1 client", "1,204 clients" (the locale's separators)."""
    return QCoreApplication.translate("ClientMenu", "%Ln client(s)", None, count)


class PauseUntilDialog(QDialog):
    """Pick when the paused bot resumes: a date and time in the future only."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pauseUntilDialog")
        self.setWindowTitle(self.tr("Pause the bot until…"))
        now = QDateTime.currentDateTime()
        tomorrow_nine = QDateTime(now.date().addDays(1), QTime(9, 0))
        self.when = QDateTimeEdit(tomorrow_nine)
        self.when.setObjectName("pauseUntil")
        self.when.setAccessibleName(self.tr("Resume the bot on"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when.setMinimumDateTime(now.addSecs(60))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.when.dateTimeChanged.connect(self._check)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("The bot stays quiet for %1 until:").replace("%1", clients_word(count)))
        label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
        layout.addWidget(self.when)
        layout.addWidget(self.buttons)
        self._check()

    def until(self) -> datetime:
        """The chosen moment, aware, in the computer's time zone."""
        chosen = self.when.dateTime().toPython()
        assert isinstance(chosen, datetime)
        return chosen.astimezone()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.until() > datetime.now().astimezone())


class ClientMenu:
    """The menu for the selected clients, and what its entries do."""

    def __init__(self, main_window: Any, database: Database, parent: QWidget) -> None:
        self.window = main_window
        self.database = database
        self.parent = parent
        self.ids: list[str] = list(main_window.selected_contact_ids())
        self.menu = QMenu(parent)
        self.menu.setObjectName("clientMenu")
        self.menu.setAccessibleName(QCoreApplication.translate("ClientMenu", "Edit the selected clients"))
        self._build()

    # --- building -----------------------------------------------------------------------------

    def _shared(self, column: str) -> Any:
        """The value every selected client has in ``column``, or a marker when they differ."""
        if not self.ids:
            return _DIFFERENT
        values = self.window.model.shared_values(self.ids, column)
        return next(iter(values)) if len(values) == 1 else _DIFFERENT

    def _build(self) -> None:
        menu, ids = self.menu, self.ids
        header = menu.addAction(clients_word(len(ids)))
        header.setEnabled(False)
        if len(ids) == 1:
            open_action = menu.addAction(QCoreApplication.translate("ClientMenu", "Open profile"))
            open_action.triggered.connect(lambda: self.window.open_profile_requested.emit(ids[0]))

        sale = menu.addMenu(QCoreApplication.translate("ClientMenu", "Set sale status"))
        current_sale = self._shared("sale_status")
        for status in SaleStatus:
            action = sale.addAction(words.label(SaleStatus, status))
            action.setToolTip(words.sale_status_meaning(status))
            action.setCheckable(True)
            action.setChecked(current_sale == status)
            action.triggered.connect(lambda _=False, s=status: self.set_sale_status(s))

        stage_menu = menu.addMenu(QCoreApplication.translate("ClientMenu", "Set funnel stage"))
        current_stage = self._shared("funnel_stage")
        for stage_id, name in edits.manual_stages(self.database):
            action = stage_menu.addAction(menu_label(name))  # a stage 'Visit & sign' keeps its '&'
            action.setCheckable(True)
            action.setChecked(current_stage == stage_id)
            action.triggered.connect(lambda _=False, s=stage_id, n=name: self.set_stage(s, n))

        flags = menu.addMenu(QCoreApplication.translate("ClientMenu", "Flags"))
        shared_flags = {column: self._shared(column) for column in ("mystery_shopper", "contractor")}
        for english, column, value in FLAG_CHOICES:
            text = _tr(english)
            action = flags.addAction(text)
            action.setCheckable(True)
            action.setChecked(shared_flags[column] is not _DIFFERENT and bool(shared_flags[column]) == value)
            action.triggered.connect(lambda _=False, c=column, v=value, t=text: self.set_flag(c, v, t))

        bot = menu.addMenu(QCoreApplication.translate("ClientMenu", "Bot"))
        current_bot = self._shared("bot_status")
        for english, bot_status in BOT_CHOICES:
            text = _tr(english)
            action = bot.addAction(text)
            action.setCheckable(True)
            action.setChecked(current_bot == bot_status)
            action.triggered.connect(lambda _=False, s=bot_status, t=text: self.set_bot(s, t))
        pause_until = bot.addAction(QCoreApplication.translate("ClientMenu", "Pause until…"))
        pause_until.setObjectName("pauseUntilAction")
        pause_until.triggered.connect(self.pause_until)

        menu.addSeparator()
        mark_read = menu.addAction(QCoreApplication.translate("ClientMenu", "Mark read"))
        mark_read.setToolTip(QCoreApplication.translate("ClientMenu", "The team has read these clients' messages"))
        mark_read.triggered.connect(self.mark_read)
        copy = menu.addAction(QCoreApplication.translate("ClientMenu", "Copy phone numbers"))
        copy.triggered.connect(self.copy_phones)
        for action in menu.actions()[1:]:
            action.setEnabled(bool(ids))

    def entry(self, *path: str) -> Any:
        """The action at ``path`` of labels ("Set sale status", "Pending"), for tests and the keyboard."""
        menu: Any = self.menu
        for label in path[:-1]:
            menu = next(a.menu() for a in menu.actions() if a.text() == label)
        return next(a for a in menu.actions() if a.text() == path[-1])

    # --- doing --------------------------------------------------------------------------------

    def _run(self, edit: Edit, done: str, undo: Callable[[], None] | None) -> bool:
        try:
            edit(self.ids)
        except edits.EditError as problem:
            title = (
                QCoreApplication.translate("ClientMenu", "Could not save")
                if isinstance(problem, edits.CouldNotSave)
                else QCoreApplication.translate("ClientMenu", "Change refused")
            )
            box = QMessageBox(QMessageBox.Icon.Warning, title, str(problem), parent=self.parent)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        self.window.refresh_clients(self.ids)
        self.window.show_notice(done, undo)
        return True

    def _before(self, *columns: str) -> dict[tuple[Any, ...], list[str]]:
        """The selected clients grouped by what these columns hold now."""
        groups: dict[tuple[Any, ...], list[str]] = defaultdict(list)
        for contact_id, values in self.window.model.contact_values(self.ids, columns).items():
            groups[tuple(values)].append(contact_id)
        return groups

    def _undo(self, steps: Sequence[tuple[list[str], Edit]], what: str) -> Callable[[], None]:
        """Put each group of clients back with its own edit (queued like any other edit)."""

        def undo() -> None:
            failed = 0
            for contact_ids, edit in steps:
                try:
                    edit(contact_ids)
                except edits.EditError:
                    failed += len(contact_ids)
            self.window.refresh_clients([cid for contact_ids, _edit in steps for cid in contact_ids])
            if failed:
                self.window.show_notice(
                    QCoreApplication.translate("ClientMenu", "Undone: %1; %2 could not be put back")
                    .replace("%1", what)
                    .replace("%2", clients_word(failed))
                )
            else:
                self.window.show_notice(QCoreApplication.translate("ClientMenu", "Undone: %1").replace("%1", what))

        return undo

    def set_sale_status(self, status: SaleStatus) -> None:
        database = self.database
        before = self._before("sale_status")
        steps = [(ids, _sale_edit(database, str(value[0]))) for value, ids in before.items() if value[0] != status]
        done = (
            QCoreApplication.translate("ClientMenu", "Set %1 to %2")
            .replace("%1", clients_word(len(self.ids)))
            .replace("%2", words.label(SaleStatus, status))
        )
        self._run(_sale_edit(database, str(status)), done, self._undo(steps, done))

    def set_stage(self, stage_id: str, name: str) -> None:
        database = self.database
        before = self._before("funnel_stage")
        steps = [
            (ids, _stage_edit(database, value[0])) for value, ids in before.items() if value[0] != stage_id and value[0]
        ]
        done = (
            QCoreApplication.translate("ClientMenu", "Moved %1 to %2")
            .replace("%1", clients_word(len(self.ids)))
            .replace("%2", name)
        )
        self._run(_stage_edit(database, stage_id), done, self._undo(steps, done))

    def set_flag(self, column: str, value: bool, text: str) -> None:
        database = self.database
        before = self._before(column)
        steps = [
            (ids, _flag_edit(database, column, bool(old[0]))) for old, ids in before.items() if bool(old[0]) != value
        ]
        done = (
            QCoreApplication.translate("ClientMenu", "%1: %2")
            .replace("%1", text.split(" (")[0])
            .replace("%2", clients_word(len(self.ids)))
        )
        self._run(_flag_edit(database, column, value), done, self._undo(steps, done))

    def set_bot(self, status: BotStatus, text: str, until: datetime | None = None) -> None:
        database = self.database
        before = self._before("bot_status", "bot_paused_until")
        steps = [
            (ids, _bot_edit(database, str(old[0]), _still_ahead(old[1])))
            for old, ids in before.items()
            if (old[0], old[1]) != (status, until)
        ]
        done = (
            QCoreApplication.translate("ClientMenu", "%1: %2")
            .replace("%1", text)
            .replace("%2", clients_word(len(self.ids)))
        )
        self._run(_bot_edit(database, str(status), until), done, self._undo(steps, done))

    def pause_until(self) -> None:
        dialog = PauseUntilDialog(len(self.ids), self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        until = dialog.until()
        moment = until.astimezone(UTC)
        text = (
            QCoreApplication.translate("ClientMenu", "Bot paused until %1, %2")
            .replace("%1", words.month_day(moment))
            .replace("%2", words.short_time(moment))
        )
        self.set_bot(BotStatus.PAUSED, text, until)

    def mark_read(self) -> None:
        database = self.database
        done = QCoreApplication.translate("ClientMenu", "Marked %1 as read").replace("%1", clients_word(len(self.ids)))
        self._run(lambda ids: edits.mark_reviewed(database, ids), done, None)

    def copy_phones(self) -> None:
        phones = self.window.model.contact_values(self.ids, ("phone",))
        numbers = [format_phone(phones[cid][0]) for cid in self.ids if cid in phones and phones[cid][0]]
        QGuiApplication.clipboard().setText("\n".join(numbers))
        count = len(numbers)
        self.window.show_notice(QCoreApplication.translate("ClientMenu", "Copied %Ln phone number(s)", None, count))


class _Different:
    """Selected clients that do not all share a value."""


_DIFFERENT = _Different()


def _still_ahead(until: str | None) -> str | None:
    """A pause end to restore, or None once it has passed (the relay takes only future times)."""
    if until and parse_time(until) > utc_now() + timedelta(seconds=30):
        return until
    return None


def _sale_edit(database: Database, value: str) -> Edit:
    return lambda ids: edits.set_sale_status(database, ids, value)


def _stage_edit(database: Database, stage_id: str) -> Edit:
    return lambda ids: edits.set_funnel_stage(database, ids, stage_id)


def _flag_edit(database: Database, column: str, value: bool) -> Edit:
    return lambda ids: edits.set_flags(database, ids, **{column: value})


def _bot_edit(database: Database, status: str, until: str | datetime | None) -> Edit:
    return lambda ids: edits.set_bot_status(database, ids, status, until if status == BotStatus.PAUSED else None)


def build_client_menu(main_window: Any, database: Database, parent: QWidget) -> QMenu:
    """The menu for the window's selected clients (kept alive by its parent until it closes)."""
    client_menu = ClientMenu(main_window, database, parent)
    client_menu.menu._owner = client_menu  # type: ignore[attr-defined]  # the actions' receiver lives with the menu
    return client_menu.menu


def install_client_actions(main_window: Any, database: Database) -> None:
    """Give the main window's client table a context menu acting on the selected clients."""
    table = main_window.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos: QPoint) -> None:
        menu = build_client_menu(main_window, database, table)
        menu.aboutToHide.connect(menu.deleteLater)  # after its chosen entry has run
        menu.popup(table.viewport().mapToGlobal(pos))

    table.customContextMenuRequested.connect(show)
