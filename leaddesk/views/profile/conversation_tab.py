"""Conversation: the whole history as bubbles in a list view, find, and a reply box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.media_paths import safe_file_name
from leaddesk.models import words
from leaddesk.models.conversation import ChatItem, ConversationModel, ItemRole
from leaddesk.models.profile import contact_facts
from leaddesk.views.menus import popup_once
from leaddesk.views.profile.bubble_delegate import BubbleDelegate
from leaddesk.views.profile.common import edit_problem, plain_label, show_error


class ConversationView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("conversation")  # its backdrop: style.qss, light or dark
        self.verticalScrollBar().setSingleStep(24)


class ConversationTab(QWidget):
    edited = Signal()

    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self.model = ConversationModel(database, contact_id, self)
        self.view = ConversationView(self)
        self.view.setAccessibleName(self.tr("Conversation"))
        self.delegate = BubbleDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setModel(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.delegate.media_clicked.connect(self.open_media)
        self.view.verticalScrollBar().valueChanged.connect(self._maybe_fetch_older)
        self._loading_older = False
        self.status = plain_label(muted=True)

        # --- find ------------------------------------------------------------------------------
        self.find_bar = QWidget()
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText(self.tr("Find in conversation"))
        self.find_edit.setAccessibleName(self.tr("Find in conversation"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_prev = QToolButton()
        self.find_prev.setText("▲")
        self.find_prev.setToolTip(self.tr("Previous match (Shift+Enter)"))
        self.find_prev.setAccessibleName(self.tr("Previous match"))
        self.find_next = QToolButton()
        self.find_next.setText("▼")
        self.find_next.setToolTip(self.tr("Next match (Enter)"))
        self.find_next.setAccessibleName(self.tr("Next match"))
        self.find_count = plain_label(muted=True)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close the search (Esc)"))
        close.setAccessibleName(self.tr("Close the search"))
        close.clicked.connect(self.close_find)
        row = QHBoxLayout(self.find_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.find_edit, 1)
        row.addWidget(self.find_count)
        row.addWidget(self.find_prev)
        row.addWidget(self.find_next)
        row.addWidget(close)
        self.find_bar.hide()
        self._matches: list[str] = []
        self._match = -1
        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(200)
        self._find_timer.timeout.connect(self._run_find)
        self.find_edit.textChanged.connect(lambda _text: self._find_timer.start())
        self.find_edit.returnPressed.connect(self.next_match)
        self.find_next.clicked.connect(self.next_match)
        self.find_prev.clicked.connect(self.previous_match)
        find = QShortcut(QKeySequence.StandardKey.Find, self, self.open_find)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.find_edit, self.close_find)
        QShortcut(QKeySequence("Shift+Return"), self.find_edit, self.previous_match)

        # --- reply -------------------------------------------------------------------------------
        self.bot_warning = QFrame()
        self.bot_warning.setObjectName("botWarning")
        warn_row = QHBoxLayout(self.bot_warning)
        warn_row.addWidget(
            plain_label(self.tr("The bot is answering this client. Sending a message does not pause it."), wrap=True),
            1,
        )
        self.pause_bot = QPushButton(self.tr("Pause the bot"))
        self.take_over = QPushButton(self.tr("Take over"))
        self.take_over.setToolTip(self.tr("An agent answers this client from now on; the bot stays quiet"))
        self.pause_bot.clicked.connect(lambda: self._set_bot("paused"))
        self.take_over.clicked.connect(lambda: self._set_bot("agent"))
        warn_row.addWidget(self.pause_bot)
        warn_row.addWidget(self.take_over)
        self.window_warning = plain_label(wrap=True)
        self.window_warning.setProperty("tone", "problem")
        self.reply = QPlainTextEdit()
        self.reply.setPlaceholderText(self.tr("Write a reply as yourself (Ctrl+Enter sends)"))
        self.reply.setAccessibleName(self.tr("Reply"))
        self.reply.setFixedHeight(64)
        self.send = QPushButton(self.tr("Send"))
        self.send.clicked.connect(self.send_reply)
        QShortcut(QKeySequence("Ctrl+Return"), self.reply, self.send_reply)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply, 1)
        reply_row.addWidget(self.send, 0, Qt.AlignmentFlag.AlignBottom)

        # A visible way to find, for those who do not know Ctrl+F.
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setObjectName("conversationFind")
        find_keys = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
        self.find_button.setToolTip(self.tr("Find in this conversation (%1)").replace("%1", find_keys))
        self.find_button.clicked.connect(self.open_find)
        top_row = QHBoxLayout()
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(self.find_bar, 1)
        top_row.addStretch(0)
        top_row.addWidget(self.find_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.bot_warning)
        layout.addWidget(self.window_warning)
        layout.addLayout(reply_row)
        self.refresh_reply_state()

    # --- showing -----------------------------------------------------------------------------

    def scroll_to_newest(self) -> None:
        self.view.doItemsLayout()
        self.view.scrollToBottom()

    def refresh(self) -> None:
        """Re-read after the cache changed (a sync, a sent message); keep the reader where they were."""
        bar = self.view.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        self.delegate.clear_cache()
        self.model.refresh()
        self.refresh_reply_state()
        if at_bottom:
            self.scroll_to_newest()

    def refresh_reply_state(self) -> None:
        facts = contact_facts(self._database, self._contact_id)
        self.bot_warning.setVisible(facts is not None and facts.bot_status == "active")
        problem = self._window_problem()
        self.window_warning.setText(problem or "")
        self.window_warning.setVisible(bool(problem))

    def _window_problem(self) -> str | None:
        """Why the server will likely refuse a message now (WhatsApp's 24-hour window; the rule is
        :func:`leaddesk.edits.window_problem`'s), in the window's language; None when a reply can go."""
        if edits.window_problem(self._database, self._contact_id) is None:
            return None
        hours = words.number(edits.WINDOW_HOURS)
        last = edits.last_inbound_at(self._database, self._contact_id)
        if last is None:
            return self.tr(
                "The client has never written: WhatsApp lets you answer only within %1 hours of their last message."
            ).replace("%1", hours)
        return (
            self.tr(
                "The client last wrote %1: WhatsApp lets you write freely only within %2 hours of their last "
                "message, so the server will likely refuse this one."
            )
            .replace("%1", words.age(last))
            .replace("%2", hours)
        )

    def _maybe_fetch_older(self, value: int) -> None:
        if value > 40 or self._loading_older or not self.model.has_older():
            return
        self._loading_older = True
        try:
            bar = self.view.verticalScrollBar()
            from_bottom = bar.maximum() - value
            if self.model.fetch_older():
                self.view.doItemsLayout()
                bar.setValue(bar.maximum() - from_bottom)
        finally:
            self._loading_older = False

    # --- find --------------------------------------------------------------------------------

    def open_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def close_find(self) -> None:
        self.find_bar.hide()
        self.find_edit.clear()
        self._run_find()

    def _run_find(self) -> None:
        self._find_timer.stop()
        self._matches = self.model.find(self.find_edit.text())
        self._match = -1
        self.view.viewport().update()
        if not self.find_edit.text():
            self.find_count.setText("")
            self.model.set_current_match(None)
        elif not self._matches:
            self.find_count.setText(self.tr("No matches"))
            self.model.set_current_match(None)
        else:
            self._go(len(self._matches) - 1)  # the newest match first, like the view itself

    def next_match(self) -> None:
        if self._find_timer.isActive() or self.model.find_text != self.find_edit.text():
            self._run_find()
            return
        if self._matches:
            self._go((self._match + 1) % len(self._matches))

    def previous_match(self) -> None:
        if self._find_timer.isActive() or self.model.find_text != self.find_edit.text():
            self._run_find()
        if self._matches:
            self._go((self._match - 1) % len(self._matches))

    def _go(self, position: int) -> None:
        self._match = position
        message_id = self._matches[position]
        row = self.model.row_of(message_id)
        self.model.set_current_match(message_id)
        self.find_count.setText(
            self.tr("%1 of %2")
            .replace("%1", words.number(position + 1))
            .replace("%2", words.number(len(self._matches)))
        )
        if row is not None:
            self.view.doItemsLayout()
            self.view.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)

    def show_message(self, message_id: str) -> bool:
        """Scroll to one message (loading older pages down to it) and mark it; False if it is not here."""
        row = self.model.row_of(message_id)
        if row is None:
            return False
        self.model.set_current_match(message_id)
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.doItemsLayout()
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def current_match(self) -> str | None:
        return self.model.current_match

    # --- media and copying -------------------------------------------------------------------

    def _item_at(self, pos: QPoint) -> ChatItem | None:
        index = self.view.indexAt(pos)
        item = index.data(ItemRole) if index.isValid() else None
        return item if isinstance(item, ChatItem) and item.kind == "message" else None

    def _menu(self, pos: QPoint) -> None:
        item = self._item_at(pos)
        if item is None:
            return
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy text"))
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(item.summary()))
        if item.media_id:
            cached = bool(item.media_state == "cached" and item.media_path)
            open_action = menu.addAction(self.tr("Open"))
            open_action.setEnabled(cached)
            open_action.triggered.connect(lambda: self.open_media(item.key))
            save = menu.addAction(self.tr("Save as…"))
            save.setEnabled(cached)
            save.triggered.connect(lambda: self.save_media(item))
        popup_once(menu, self.view.viewport().mapToGlobal(pos))

    def _item(self, message_id: str) -> ChatItem | None:
        row = self.model.row_of(message_id)
        return None if row is None else self.model.item(row)

    def open_media(self, message_id: str) -> None:
        item = self._item(message_id)
        if item is None or not item.media_id:
            return
        if item.media_state == "cached" and item.media_path and Path(item.media_path).exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(item.media_path))
        else:
            self.status.setText(self.tr("This file is not on this computer yet; it is downloaded at the next sync."))

    def save_media(self, item: ChatItem) -> None:
        if not item.media_path:
            return
        suggested = safe_file_name(item.media_filename, Path(item.media_path).name)  # a bare name, never a path
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save file"), suggested)
        if target:
            Path(target).write_bytes(Path(item.media_path).read_bytes())

    # --- sending -----------------------------------------------------------------------------

    def send_reply(self) -> None:
        text = self.reply.toPlainText()
        try:
            edits.send_message(self._database, self._contact_id, text)
        except edits.EditError as problem:
            show_error(self, self.tr("Message not sent"), edit_problem(problem))
            return
        self.reply.clear()
        self.delegate.clear_cache()
        self.model.refresh()
        self.scroll_to_newest()
        self.edited.emit()

    def _set_bot(self, status: str) -> None:
        try:
            edits.set_bot_status(self._database, [self._contact_id], status)
        except edits.EditError as problem:
            show_error(self, self.tr("Could not change the bot"), edit_problem(problem))
            return
        self.refresh_reply_state()
        self.edited.emit()
