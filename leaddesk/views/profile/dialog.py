"""The client profile: a non-modal dialog with one tab per part of the client's record."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.models.profile import contact_facts
from leaddesk.views.profile.config_tab import ConfigTab
from leaddesk.views.profile.conversation_tab import ConversationTab
from leaddesk.views.profile.funnel_tab import FunnelTab
from leaddesk.views.profile.keys import choose_sale_status, profile_key_actions
from leaddesk.views.profile.meetings_tab import MeetingsTab
from leaddesk.views.profile.overview_tab import OverviewTab
from leaddesk.views.profile.record_actions import RecordActions
from leaddesk.views.profile.survey_tab import SurveyTab

SETTINGS_KEY = "profile_dialog/geometry"
#: Put before the client's name in the title while the profile has unsaved changes.
DIRTY_MARK = "•"


class ProfileDialog(QDialog):
    """One client's profile. Several may be open at once; each remembers the last size used.

    ``edited(contact_id)`` is emitted after any edit made here, so the list can refresh its row.
    Call :meth:`refresh` after a sync changed the cache. While the Overview or the Configuration has
    unsaved changes the title starts with "•", and Esc or closing asks "Discard your changes?".
    """

    edited = Signal(str)
    #: Every tab was read again from the cache (:meth:`refresh`, after a sync that changed this contact).
    reloaded = Signal()
    #: The next (+1) or previous (-1) client of the list was asked for (Alt+Page Down / Alt+Page Up).
    step_requested = Signal(int)

    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setSizeGripEnabled(True)
        self._database = database
        self.contact_id = contact_id
        self._shown_message: str | None = None
        self.tabs = QTabWidget()
        self.overview = OverviewTab(database, contact_id)
        self.conversation = ConversationTab(database, contact_id)
        self.meetings = MeetingsTab(database, contact_id)
        self.survey = SurveyTab(database, contact_id)
        self.funnel = FunnelTab(database, contact_id)
        self.config = ConfigTab(database, contact_id)
        self.tabs.addTab(self.overview, self.tr("Overview"))
        self.tabs.addTab(self.conversation, self.tr("Conversation"))
        self.tabs.addTab(self.meetings, self.tr("Meetings"))
        self.tabs.addTab(self.survey, self.tr("Survey"))
        self.tabs.addTab(self.funnel, self.tr("Funnel history"))
        self.tabs.addTab(self.config, self.tr("Configuration"))
        self.tabs.setAccessibleName(self.tr("Parts of the client's profile"))
        for tab in (self.overview, self.conversation, self.config):
            tab.edited.connect(self._on_edited)
        self.overview.dirty_changed.connect(self._set_title)
        self.config.dirty_changed.connect(self._set_title)
        #: The "Discard your changes?" question while it is asked (tests answer it).
        self.discard_question: QMessageBox | None = None
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.record_actions = RecordActions(database, contact_id, self)
        layout.addLayout(self.record_actions.buttons())
        self.keys = profile_key_actions(self)
        self.keys.next_client.triggered.connect(lambda: self.step_requested.emit(1))
        self.keys.previous_client.triggered.connect(lambda: self.step_requested.emit(-1))
        for status, action in self.keys.sale_status:
            action.triggered.connect(lambda _=False, s=status: choose_sale_status(self.overview, s))
        self._set_title()
        geometry = QSettings().value(SETTINGS_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(820, 680)

    def _set_title(self, *_args: object) -> None:
        name = self.overview.name_title.text() or self.contact_id
        mark = f"{DIRTY_MARK} " if self.has_unsaved_changes() else ""
        # A window title is plain text; bidi overrides are isolated so they cannot flip the rest. The
        # window system adds the application's name (" — LeadDesk", or " — LeadDesk — Demo").
        self.setWindowTitle(f"{mark}\u2068{name}\u2069")

    def has_unsaved_changes(self) -> bool:
        return self.overview.is_dirty() or self.config.is_dirty()

    def ask_to_discard(self, then: Callable[[], object]) -> bool:
        """True if nothing is unsaved (go on). Otherwise ask "Discard your changes?" without blocking and
        return False; "Discard" puts the loaded values back and runs ``then``; "Keep editing" does nothing."""
        if not self.has_unsaved_changes():
            return True
        if self.discard_question is not None:
            self.discard_question.raise_()
            return False
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Unsaved changes"), self.tr("Discard your changes?"), parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("What you changed in this profile has not been saved."))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        discard.setObjectName("discardChanges")
        keep.setObjectName("keepEditing")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            self.discard_question = None
            if box.clickedButton() is discard:
                self.overview.refresh()
                self.config.refresh()
                then()
            box.deleteLater()

        box.finished.connect(lambda _result: answered())
        self.discard_question = box
        box.open()
        return False

    def reject(self) -> None:
        """Esc: close, unless there are unsaved changes the user wants to keep."""
        if self.ask_to_discard(lambda: QDialog.reject(self)):
            super().reject()

    def show_conversation(self) -> None:
        self.tabs.setCurrentWidget(self.conversation)

    def show_message(self, message_id: str) -> None:
        """Open the conversation at one message, marked (a search hit), instead of at the newest."""
        self._shown_message = message_id
        self.show_conversation()
        self.conversation.show_message(message_id)
        # The tab's own scroll to the newest message may still be queued (first show): come back after it.
        QTimer.singleShot(0, self._show_message_again)

    def _show_message_again(self) -> None:
        if self._shown_message is not None:
            self.conversation.show_message(self._shown_message)
            self._shown_message = None

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.conversation:
            self.conversation.scroll_to_newest()
            self._mark_reviewed()

    def _mark_reviewed(self) -> None:
        facts = contact_facts(self._database, self.contact_id)
        if facts is not None and facts.unread > 0:
            try:
                edits.mark_reviewed(self._database, [self.contact_id])
            except edits.CouldNotSave:
                return  # the database is busy: marked the next time the conversation is shown
            self._on_edited()

    def _on_edited(self) -> None:
        # What the user changed on the Overview and has not saved (yet, or because the database was
        # busy) stays; everything else shows the edit just made.
        self.overview.refresh(keep_unsaved=True)
        self.conversation.refresh_reply_state()
        self.funnel.refresh()  # a stage change shows at once, waiting to be sent
        self._set_title()
        self.edited.emit(self.contact_id)

    def refresh(self) -> None:
        """Re-read every tab (after a sync); what the user is editing and has not saved yet stays."""
        self.overview.refresh(keep_unsaved=True)
        self.conversation.refresh()
        self.meetings.refresh()
        self.survey.refresh()
        self.funnel.refresh()
        self.config.refresh(keep_unsaved=True)
        self._set_title()
        self.reloaded.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.tabs.currentWidget() is self.conversation:
            QTimer.singleShot(0, self.conversation.scroll_to_newest)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.isVisible() and not self.ask_to_discard(self.close):
            event.ignore()
            return
        QSettings().setValue(SETTINGS_KEY, self.saveGeometry())
        super().closeEvent(event)

    def done(self, result: int) -> None:
        QSettings().setValue(SETTINGS_KEY, self.saveGeometry())
        super().done(result)
