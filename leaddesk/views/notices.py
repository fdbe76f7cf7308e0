"""Tray notices: "a client wrote" while the window is in the background, and the unread count.

One notice per sync, summarised ("Ana López" / "Hola, quiero…" for one client, "3 clients wrote" for
more), made only from what the sync summary says it brought (``SyncSummary.pulled``, an
``ApplyResult``: new messages per contact, the newest one, the new contacts, their names). Nothing is
read again from the cache to decide what is news. The staff's choices (``Preferences.notices``,
``Preferences.notices_for_bot_messages``) are read at each sync, so Settings takes effect at once.

Clicking a notice brings the window forward and opens the client it was about. The tray icon's tooltip
says how many clients have unread messages; where the platform has a badge on the program's icon
(``QGuiApplication.setBadgeNumber``: macOS dock, some Linux docks) it shows the same number.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from typing import Final, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from leaddesk.phones import format_phone
from leaddesk.preferences import load_preferences

CONTEXT: Final = "Notices"
#: How much of a message a notice shows; the rest is in the profile.
PREVIEW_CHARS: Final = 90
#: How many names a notice about several clients lists.
NAMES_SHOWN: Final = 3
#: How long a notice stays, where the platform lets the program say.
NOTICE_MS: Final = 10_000
#: How long the unread count waits for more changes before it counts again.
UNREAD_RECOUNT_MS: Final = 300

#: What a notice says for a message without text, by message type.
TYPE_WORDS: Final = {
    "image": QT_TRANSLATE_NOOP("Notices", "Photo"),
    "audio": QT_TRANSLATE_NOOP("Notices", "Voice message"),
    "video": QT_TRANSLATE_NOOP("Notices", "Video"),
    "document": QT_TRANSLATE_NOOP("Notices", "Document"),
    "sticker": QT_TRANSLATE_NOOP("Notices", "Sticker"),
    "location": QT_TRANSLATE_NOOP("Notices", "Location"),
    "contacts": QT_TRANSLATE_NOOP("Notices", "Contact card"),
}

# Characters that must not reach a notice: controls (but the spaces they become) and bidi overrides.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
_SPACES = re.compile(r"\s+")


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


class ArrivedMessage(Protocol):
    """One new message, as the sync summary tells it (``leaddesk.sync.apply.NewMessage``)."""

    @property
    def contact_id(self) -> str: ...
    @property
    def sent_at(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def text(self) -> str | None: ...


class Arrivals(Protocol):
    """What one sync brought, as far as a notice needs it (``SyncSummary.pulled``, an ``ApplyResult``)."""

    @property
    def backlog(self) -> bool: ...
    @property
    def new_contacts(self) -> Set[str]: ...
    @property
    def client_messages(self) -> Mapping[str, int]: ...
    @property
    def bot_messages(self) -> Mapping[str, int]: ...
    @property
    def newest_client_message(self) -> ArrivedMessage | None: ...
    @property
    def newest_bot_message(self) -> ArrivedMessage | None: ...
    @property
    def who(self) -> Mapping[str, tuple[str | None, str | None]]: ...


@dataclass(frozen=True)
class Notice:
    title: str
    body: str
    #: The client the notice is about (clicking it opens their profile); None for several.
    contact_id: str | None


def one_line(text: str, limit: int = PREVIEW_CHARS) -> str:
    """A stranger's text made fit for a notice: one line, no control or direction characters, shortened."""
    flat = _SPACES.sub(" ", _INVISIBLE.sub(" ", text)).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def client_name(who: tuple[str | None, str | None] | None) -> str:
    """The name the list shows: the client's name, else their phone number, else "Unknown"."""
    name, phone = who if who is not None else (None, None)
    if name and one_line(name, 60):
        return one_line(name, 60)
    if phone:
        return format_phone(phone)
    return QCoreApplication.translate("Notices", "Unknown")


def message_preview(message: ArrivedMessage) -> str:
    """The message's own words, or what kind of message it is."""
    if message.text and one_line(message.text):
        return one_line(message.text)
    word = TYPE_WORDS.get(message.type)
    return _tr(str(word)) if word else QCoreApplication.translate("Notices", "New message")


def notice_for(arrivals: Arrivals, *, bot_messages: bool = False) -> Notice | None:
    """The one notice a sync deserves, or None when it brought no news (or a whole first history)."""
    if arrivals.backlog:
        return None
    counts = dict(arrivals.client_messages)
    newest = arrivals.newest_client_message
    if bot_messages:
        for contact_id, count in arrivals.bot_messages.items():
            counts[contact_id] = counts.get(contact_id, 0) + count
        bot_newest = arrivals.newest_bot_message
        if bot_newest is not None and (newest is None or bot_newest.sent_at > newest.sent_at):
            newest = bot_newest
    newcomers = set(arrivals.new_contacts)
    everyone = counts.keys() | newcomers
    if not everyone:
        return None
    if len(everyone) == 1:
        (contact_id,) = everyone
        name = client_name(arrivals.who.get(contact_id))
        count = counts.get(contact_id, 0)
        if contact_id in newcomers:
            title = QCoreApplication.translate("Notices", "New client: %1").replace("%1", name)
        elif count > 1:
            title = QCoreApplication.translate("Notices", "%1 (%n new messages)", None, count).replace("%1", name)
        else:
            title = name
        if newest is not None and newest.contact_id == contact_id:
            body = message_preview(newest)
        elif count:
            body = QCoreApplication.translate("Notices", "%n new message(s)", None, count)
        else:
            body = QCoreApplication.translate("Notices", "A new client is in the list")
        return Notice(title, _safe_body(body), contact_id)
    # Several: the newest writer first, then the others by name.
    first = [newest.contact_id] if newest is not None and newest.contact_id in everyone else []
    others = sorted((c for c in everyone if c not in first), key=lambda c: client_name(arrivals.who.get(c)).lower())
    ordered = first + others
    names = ", ".join(client_name(arrivals.who.get(c)) for c in ordered[:NAMES_SHOWN])
    if len(ordered) > NAMES_SHOWN:
        names = QCoreApplication.translate("Notices", "%1 and %n more", None, len(ordered) - NAMES_SHOWN).replace(
            "%1", names
        )
    if everyone <= newcomers:
        title = QCoreApplication.translate("Notices", "%n new clients", None, len(everyone))
    else:
        title = QCoreApplication.translate("Notices", "%n clients wrote", None, len(everyone))
        if newcomers:
            names += "\n" + QCoreApplication.translate("Notices", "%n of them new", None, len(newcomers))
    return Notice(title, _safe_body(names), None)


def _safe_body(text: str) -> str:
    # Linux notification servers read the body as simple markup ("body-markup"): a stranger's "<b>"
    # or "&" must show as typed, not as formatting. Elsewhere the body is plain text already.
    return html.escape(text, quote=False) if sys.platform.startswith("linux") else text


def in_background(window: QWidget) -> bool:
    """True when the staff cannot see the window: hidden, minimized, or another program is in front."""
    return not window.isVisible() or window.isMinimized() or QApplication.activeWindow() is None


def make_tray(parent: QObject) -> QSystemTrayIcon:
    """The program's tray icon, shown where the desktop has a tray (notices need one to appear)."""
    tray = QSystemTrayIcon(QGuiApplication.windowIcon(), parent)
    tray.setToolTip(QCoreApplication.applicationName())
    if QSystemTrayIcon.isSystemTrayAvailable():
        tray.show()
    return tray


class TrayNotices(QObject):
    """Shows a sync's news in the tray while the window is in the background; keeps the unread count."""

    #: A notice about one client was clicked: open their profile (the contact id).
    open_client_requested = Signal(str)

    def __init__(
        self,
        window: QWidget,
        tray: QSystemTrayIcon,
        count_unread: Callable[[], int | None],
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self.tray = tray
        self._count_unread = count_unread
        self._settings = settings
        self._clicked_contact: str | None = None
        self.unread_clients = 0
        self._stopped = False
        tray.messageClicked.connect(self._notice_clicked)
        tray.activated.connect(self._tray_activated)
        # Typing in the search changes the list's counts at every key; the unread count needs none of them.
        self._recount = QTimer(self)
        self._recount.setSingleShot(True)
        self._recount.setInterval(UNREAD_RECOUNT_MS)
        self._recount.timeout.connect(self.recount_unread)

    def recount_unread(self) -> None:
        """Count again now (``count_unread`` gives None once there is nothing to count: the cache closed)."""
        count = None if self._stopped else self._count_unread()
        if count is not None:
            self.set_unread(count)

    def recount_unread_soon(self) -> None:
        """Count again once the changes stop coming (an edit, a filter, a sync's rows)."""
        if not self._stopped:
            self._recount.start()

    def stop(self) -> None:
        """The window closes: no count after this, and no tray icon left behind."""
        self._stopped = True
        self._recount.stop()
        self.tray.hide()

    def sync_finished(self, arrivals: Arrivals) -> Notice | None:
        """Tell what a sync brought, if the window is in the background and the staff want notices."""
        preferences = load_preferences(self._settings)
        if not preferences.notices or not in_background(self._window):
            return None
        notice = notice_for(arrivals, bot_messages=preferences.notices_for_bot_messages)
        if notice is None:
            return None
        self._clicked_contact = notice.contact_id
        self.tray.showMessage(notice.title, notice.body, QGuiApplication.windowIcon(), NOTICE_MS)
        return notice

    def set_unread(self, clients: int) -> None:
        """How many clients have unread messages: the tray's tooltip and, where there is one, the badge."""
        self.unread_clients = clients
        app_name = QCoreApplication.applicationName() or "LeadDesk"
        if clients:
            self.tray.setToolTip(
                self.tr("%1: %n client(s) with unread messages", None, clients).replace("%1", app_name)
            )
        else:
            self.tray.setToolTip(self.tr("%1: everything read").replace("%1", app_name))
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and hasattr(app, "setBadgeNumber"):  # Qt 6.5 and newer
            app.setBadgeNumber(clients)  # the dock or taskbar icon, where the platform has a badge

    def bring_forward(self) -> None:
        """Show the window in front of the others, as it was before it was minimized or hidden."""
        window = self._window
        if window.isMinimized():
            window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    def _notice_clicked(self) -> None:
        self.bring_forward()
        if self._clicked_contact is not None:
            self.open_client_requested.emit(self._clicked_contact)

    def _tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.bring_forward()
