"""Overview: who the client is, and the fields staff edit (through ``leaddesk.edits``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.domain import (
    CommandType,
    SaleStatus,
    format_time,
    parse_time,
    pause_has_ended,
    utc_now,
)
from leaddesk.models import words
from leaddesk.models.profile import (
    NO_VALUE,
    contact_facts,
    contact_record,
    describe_values,
    glance,
    local_time,
    stage_name,
)
from leaddesk.phones import format_phone
from leaddesk.views.profile.common import (
    EditingTab,
    clear_problem,
    edit_problem,
    mark_problem,
    plain_label,
    problem_label,
    set_plain_tooltip,
    show_error,
)
from leaddesk.views.theme import LARGE_TEXT_CONTRAST, with_contrast

AVATAR = 96
#: The newest refusals not yet dismissed that the Overview tells.
REFUSALS_SHOWN = 3
MYSTERY_SHOPPER_HELP = str(QT_TRANSLATE_NOOP("OverviewTab", "An internal tester: left out of every statistic."))
CONTRACTOR_HELP = str(
    QT_TRANSLATE_NOOP("OverviewTab", "A supplier or third party: an agent answers them instead of the bot.")
)


def initials_avatar(name: str, size: int = AVATAR) -> QPixmap:
    words = [w for w in name.split() if w[:1].isalnum()]
    letters = "".join(w[0] for w in words[:2]).upper() or "?"
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    hue = sum(map(ord, name)) % 360
    painter.setBrush(with_contrast(QColor.fromHsl(hue, 110, 140), QColor("white"), LARGE_TEXT_CONTRAST, lighter=False))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(0, 0, size, size)
    font = QFont()
    font.setPixelSize(size // 3)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return pixmap


def round_photo(path: str, size: int = AVATAR) -> QPixmap | None:
    source = QPixmap(path)
    if source.isNull():
        return None
    scaled = source.scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
    )
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    clip = QPainterPath()
    clip.addEllipse(0, 0, size, size)
    painter.setClipPath(clip)
    painter.drawPixmap(0, 0, scaled)
    painter.end()
    return pixmap


#: The glance's rows: (attribute, label).
GLANCE_ROWS = (
    ("bot", str(QT_TRANSLATE_NOOP("OverviewTab", "Bot"))),
    ("sentiment", str(QT_TRANSLATE_NOOP("OverviewTab", "Sentiment"))),
    ("next_meeting", str(QT_TRANSLATE_NOOP("OverviewTab", "Next meeting"))),
    ("messages", str(QT_TRANSLATE_NOOP("OverviewTab", "Messages"))),
    ("unread", str(QT_TRANSLATE_NOOP("OverviewTab", "Unread"))),
)


class OverviewTab(EditingTab):
    """Who the client is, what matters at a glance, and the fields staff edit.

    One Save checks every changed field first; if one cannot be saved, nothing is saved, the form stays
    exactly as typed and the faulty field is marked. Otherwise all the edits go to the cache and the
    outbox in one transaction (:func:`leaddesk.edits.apply_edits`). ``dirty_changed(bool)`` tells
    whether the form differs from what was loaded.
    """

    def __init__(self, database: Database, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(database, contact_id, parent)
        self._contact: dict[str, Any] = {}
        #: The form's values as last filled from the cache: what differs from them is the user's unsaved edit.
        self._shown: dict[str, Any] = {}

        self.avatar = QLabel()
        self.avatar.setFixedSize(AVATAR, AVATAR)
        self.avatar.setAccessibleName(self.tr("Photo"))
        self.name_title = plain_label(selectable=True)
        title_font = self.name_title.font()
        title_font.setPointSizeF(title_font.pointSizeF() + 5)
        title_font.setBold(True)
        self.name_title.setFont(title_font)
        self.phone = plain_label(selectable=True)
        self.copy_phone = QPushButton(self.tr("Copy"))
        self.copy_phone.setToolTip(self.tr("Copy the phone number"))
        self.copy_phone.setAccessibleName(self.tr("Copy the phone number"))
        self.copy_phone.clicked.connect(self._copy_phone)
        self.first_contact = plain_label(muted=True)
        self.last_activity = plain_label(muted=True)

        head = QGridLayout()
        head.addWidget(self.avatar, 0, 0, 4, 1)
        head.addWidget(self.name_title, 0, 1, 1, 2)
        head.addWidget(self.phone, 1, 1)
        head.addWidget(self.copy_phone, 1, 2, Qt.AlignmentFlag.AlignLeft)
        head.addWidget(self.first_contact, 2, 1, 1, 2)
        head.addWidget(self.last_activity, 3, 1, 1, 2)
        head.setColumnStretch(3, 1)
        head.setHorizontalSpacing(14)

        # --- at a glance ---------------------------------------------------------------------
        self.glance_box = QFrame()
        self.glance_box.setObjectName("glance")
        glance_grid = QGridLayout(self.glance_box)
        glance_grid.setContentsMargins(10, 8, 10, 8)
        glance_grid.setHorizontalSpacing(12)
        glance_grid.setVerticalSpacing(3)
        self.glance_values: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(GLANCE_ROWS):
            name = plain_label(self.tr(label), muted=True)
            value = plain_label(selectable=True)
            value.setObjectName(f"glance_{key}")
            value.setAccessibleName(self.tr(label))
            glance_grid.addWidget(name, row % 3, (row // 3) * 2)
            glance_grid.addWidget(value, row % 3, (row // 3) * 2 + 1)
            self.glance_values[key] = value
        glance_grid.setColumnStretch(1, 1)
        glance_grid.setColumnStretch(3, 1)

        # --- conflicts and refusals --------------------------------------------------------
        self.notices = QVBoxLayout()
        self.pending = plain_label(wrap=True)
        self.pending.setProperty("tone", "waiting")  # colours: style.qss, light or dark
        self.pending.hide()

        # --- editable fields -----------------------------------------------------------------
        self.sale_status = QComboBox()
        for status in SaleStatus:
            self.sale_status.addItem(words.label(SaleStatus, status), str(status))
            self.sale_status.setItemData(
                self.sale_status.count() - 1, words.sale_status_meaning(status), Qt.ItemDataRole.ToolTipRole
            )
        self.sale_status.setAccessibleName(self.tr("Sale status"))
        self.stage = QComboBox()
        self.stage.setAccessibleName(self.tr("Funnel stage"))
        self.stage_note = QLineEdit()
        self.stage_note.setPlaceholderText(self.tr("Optional note: why the stage changed"))
        self.stage_note.setAccessibleName(self.tr("Note on the stage change"))
        self.stage_note.setMaxLength(1000)

        self.bot_active = QRadioButton(self.tr("Let the bot answer"))
        self.bot_paused = QRadioButton(self.tr("Pause the bot"))
        self.bot_agent = QRadioButton(self.tr("An agent takes over"))
        self.bot_group = QButtonGroup(self)
        for button in (self.bot_active, self.bot_paused, self.bot_agent):
            self.bot_group.addButton(button)
        self.pause_until_on = QCheckBox(self.tr("until"))
        self.pause_until_on.setAccessibleName(self.tr("Pause until a time"))
        self.pause_until = QDateTimeEdit()
        self.pause_until.setCalendarPopup(True)
        # Translators: a QDateTime format for the end of a pause; Spanish: "dd/MM/yyyy HH:mm".
        self.pause_until.setDisplayFormat(self.tr("yyyy-MM-dd HH:mm", "date and time format of the pause's end"))
        self.pause_until.setAccessibleName(self.tr("When the bot answers again"))
        self.pause_until_on.toggled.connect(self.pause_until.setEnabled)
        self.bot_paused.toggled.connect(self._pause_controls)
        bot_box = QVBoxLayout()
        bot_box.addWidget(self.bot_active)
        paused_row = QHBoxLayout()
        paused_row.addWidget(self.bot_paused)
        paused_row.addWidget(self.pause_until_on)
        paused_row.addWidget(self.pause_until)
        paused_row.addStretch(1)
        bot_box.addLayout(paused_row)
        bot_box.addWidget(self.bot_agent)

        self.mystery_shopper = QCheckBox(self.tr("Mystery shopper"))
        self.contractor = QCheckBox(self.tr("Contractor"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(edits.MAX_NAME)
        self.name_edit.setPlaceholderText(self.tr("The client's name"))
        self.name_edit.setAccessibleName(self.tr("Name"))
        #: Each field that can be refused before saving, with the message shown beside it.
        self.problems: dict[str, tuple[QWidget, QLabel]] = {
            "name": (self.name_edit, problem_label()),
            "stage": (self.stage, problem_label()),
            "stage_note": (self.stage_note, problem_label()),
            "bot": (self.pause_until, problem_label()),
        }
        # A field the user changes after a refused Save loses its mark: the message spoke of what was there.
        self.name_edit.textEdited.connect(lambda _text: clear_problem(*self.problems["name"]))
        self.stage.currentIndexChanged.connect(lambda _index: clear_problem(*self.problems["stage"]))
        self.stage_note.textEdited.connect(lambda _text: clear_problem(*self.problems["stage_note"]))
        self.pause_until.dateTimeChanged.connect(lambda _when: clear_problem(*self.problems["bot"]))
        bot_box.addWidget(self.problems["bot"][1])

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Name"), self._with_problem("name"))
        form.addRow(self.tr("Sale status"), self.sale_status)
        form.addRow(self.tr("Funnel stage"), self._with_problem("stage"))
        form.addRow("", self._with_problem("stage_note"))
        form.addRow(self.tr("Bot"), bot_box)
        flags = QVBoxLayout()
        flags.addWidget(self.mystery_shopper)
        flags.addWidget(plain_label(self.tr(MYSTERY_SHOPPER_HELP), muted=True))
        flags.addWidget(self.contractor)
        flags.addWidget(plain_label(self.tr(CONTRACTOR_HELP), muted=True))
        form.addRow(self.tr("Flags"), flags)
        set_plain_tooltip(self.mystery_shopper, self.tr(MYSTERY_SHOPPER_HELP))
        set_plain_tooltip(self.contractor, self.tr(CONTRACTOR_HELP))

        self.save = QPushButton(self.tr("Save changes"))
        self.save.setDefault(True)
        self.revert = QPushButton(self.tr("Undo changes"))
        self.revert.setToolTip(self.tr("Put back the values as they were loaded"))
        self.save.clicked.connect(self.save_changes)
        self.revert.clicked.connect(lambda: self.refresh())
        self.save.setEnabled(False)
        self.revert.setEnabled(False)
        self.unsaved_note = plain_label(self.tr("• Unsaved changes"), muted=True)
        self.unsaved_note.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unsaved_note)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.glance_box)
        layout.addLayout(self.notices)
        layout.addWidget(self.pending)
        layout.addWidget(line)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.refresh()
        for line_edit in (self.name_edit, self.stage_note):
            line_edit.textChanged.connect(self._form_changed)
        for combo in (self.sale_status, self.stage):
            combo.currentIndexChanged.connect(self._form_changed)
        for check in (self.bot_active, self.bot_paused, self.bot_agent, self.pause_until_on):
            check.toggled.connect(self._form_changed)
        for flag in (self.mystery_shopper, self.contractor):
            flag.toggled.connect(self._form_changed)
        self.pause_until.dateTimeChanged.connect(self._form_changed)

    def _with_problem(self, field: str) -> QWidget:
        widget, message = self.problems[field]
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        return box

    # --- unsaved changes -------------------------------------------------------------------

    def _comparable(self, values: dict[str, Any]) -> dict[str, Any]:
        """The form's values as they matter to a Save: the resume time only counts for a timed pause."""
        bot = values["bot"]
        paused = bot is self.bot_paused
        timed = paused and values["until_on"]
        return {
            "name": values["name"].strip(),
            "sale_status": values["sale_status"],
            "stage": values["stage"],
            "stage_note": values["stage_note"].strip(),
            "bot": self._bot_word(bot),
            "until": values["until"] if timed else None,
            "mystery_shopper": values["mystery_shopper"],
            "contractor": values["contractor"],
        }

    def _bot_word(self, button: object) -> str | None:
        return {id(self.bot_active): "active", id(self.bot_paused): "paused", id(self.bot_agent): "agent"}.get(
            id(button)
        )

    def changed_fields(self) -> dict[str, Any]:
        """Field -> the value typed, for every field that differs from what was loaded."""
        if not self._shown:
            return {}
        now = self._comparable(self._form_values())
        before = self._comparable(self._shown)
        return {key: value for key, value in now.items() if value != before[key]}

    def is_dirty(self) -> bool:
        return bool(self.changed_fields())

    def _form_changed(self, *_args: object) -> None:
        dirty = self.is_dirty()
        self.save.setEnabled(dirty)
        self.revert.setEnabled(dirty)
        self.unsaved_note.setVisible(dirty)
        self._note_dirty(dirty)

    def clear_problems(self) -> None:
        for widget, message in self.problems.values():
            clear_problem(widget, message)

    def problem(self, field: str) -> str:
        """The message shown beside ``field`` ("" when it is fine)."""
        return self.problems[field][1].text()

    # --- reading ---------------------------------------------------------------------------

    def _form_values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text(),
            "sale_status": self.sale_status.currentData(),
            "stage": self.stage.currentData(),
            "stage_note": self.stage_note.text(),
            "bot": self.bot_group.checkedButton(),
            "until_on": self.pause_until_on.isChecked(),
            "until": self.pause_until.dateTime().toSecsSinceEpoch(),
            "mystery_shopper": self.mystery_shopper.isChecked(),
            "contractor": self.contractor.isChecked(),
        }

    def _restore_form(self, values: dict[str, Any]) -> None:
        setters: dict[str, Callable[[Any], object]] = {
            "name": self.name_edit.setText,
            "sale_status": lambda v: self.sale_status.setCurrentIndex(max(0, self.sale_status.findData(v))),
            "stage": self._choose_stage,
            "stage_note": self.stage_note.setText,
            "bot": lambda v: v.setChecked(True) if v is not None else None,
            "until_on": self.pause_until_on.setChecked,
            "until": lambda v: self.pause_until.setDateTime(QDateTime.fromSecsSinceEpoch(v)),
            "mystery_shopper": self.mystery_shopper.setChecked,
            "contractor": self.contractor.setChecked,
        }
        for key, value in values.items():
            setters[key](value)
        self._pause_controls()

    def _choose_stage(self, stage: object) -> None:
        index = self.stage.findData(stage)
        if index >= 0:  # a stage the account no longer has cannot stay chosen
            self.stage.setCurrentIndex(index)

    def refresh(self, keep_unsaved: bool = False) -> None:
        """Re-read the client; with ``keep_unsaved`` (a sync finished), fields the user is editing keep their value."""
        unsaved: dict[str, Any] = {}
        if keep_unsaved and self._shown:
            now = self._form_values()
            unsaved = {key: value for key, value in now.items() if value != self._shown.get(key)}
        self._fill(unsaved)
        if not unsaved:
            self.clear_problems()
        self._form_changed()

    def _fill(self, unsaved: dict[str, Any]) -> None:
        contact = contact_record(self._database, self._contact_id)
        facts = contact_facts(self._database, self._contact_id)
        if contact is None or facts is None:
            self.name_title.setText(self.tr("This client is no longer on this computer."))
            self.setEnabled(False)
            return
        self._contact = contact
        name = contact["name"] or format_phone(contact["phone"]) or self._contact_id
        self.name_title.setText(name)
        self.name_title.setAccessibleName(self.tr("Client: %1").replace("%1", name))
        self.phone.setText(format_phone(contact["phone"]) or self.tr("No phone number"))
        self.phone.setAccessibleName(self.tr("Phone number: %1").replace("%1", self.phone.text()))
        self.copy_phone.setEnabled(bool(contact["phone"]))
        photo = round_photo(str(facts.photo)) if facts.photo is not None else None
        self.avatar.setPixmap(photo or initials_avatar(name))
        first = facts.first_contact
        self.first_contact.setText(self.tr("First contact: %1").replace("%1", local_time(first) if first else NO_VALUE))
        self.last_activity.setText(self.tr("Last activity: %1").replace("%1", local_time(contact["last_activity"])))

        self.name_edit.setText(contact["name"] or "")
        self.sale_status.setCurrentIndex(max(0, self.sale_status.findData(contact["sale_status"])))
        self._fill_stages(contact["funnel_stage"])
        self.stage_note.clear()
        status = contact["bot_status"]
        until = contact["bot_paused_until"]
        if pause_has_ended(status, until):
            # The relay resumes the bot when a pause ends; the form shows the state that holds now.
            status, until = "active", None
        {"active": self.bot_active, "paused": self.bot_paused, "agent": self.bot_agent}.get(
            status, self.bot_active
        ).setChecked(True)
        self.pause_until_on.setChecked(bool(until))
        moment = parse_time(until) if until else utc_now() + timedelta(days=1)
        self.pause_until.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
        self._pause_controls()
        self.mystery_shopper.setChecked(contact["mystery_shopper"])
        self.contractor.setChecked(contact["contractor"])
        self._shown = self._form_values()
        self._restore_form(unsaved)
        self._show_glance()
        self._show_notices()

    def _show_glance(self) -> None:
        summary = glance(self._database, self._contact_id)
        if summary is None:
            return
        for key, label in self.glance_values.items():
            label.setText(getattr(summary, key))

    def _fill_stages(self, current: str | None) -> None:
        self.stage.clear()
        manual = edits.manual_stages(self._database)
        if current is not None and current not in dict(manual):
            name = stage_name(self._database, current) or current
            self.stage.addItem(self.tr("%1 (set by the bot)").replace("%1", name), current)
            self.stage.setItemData(
                0, self.tr("Only the bot's rules move a client into this stage."), Qt.ItemDataRole.ToolTipRole
            )
        elif current is None:
            self.stage.addItem(self.tr("(none)"), None)
        for stage_id, name in manual:
            self.stage.addItem(name, stage_id)
        self.stage.setCurrentIndex(max(0, self.stage.findData(current)))

    def _pause_controls(self) -> None:
        paused = self.bot_paused.isChecked()
        self.pause_until_on.setEnabled(paused)
        self.pause_until.setEnabled(paused and self.pause_until_on.isChecked())

    def _show_notices(self) -> None:
        while self.notices.count():
            taken = self.notices.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        for conflict in edits.conflict_notices(self._database, self._contact_id):
            self.notices.addWidget(self._conflict_widget(conflict))
        refused = edits.refused_edits(self._database, self._contact_id)
        # A refused message is told in its own bubble (failed, with the reason); here only field edits.
        refused = [r for r in refused if r[1] != CommandType.SEND_MESSAGE]
        for outbox_id, command_type, reason in refused[-REFUSALS_SHOWN:]:
            self.notices.addWidget(self._refusal_widget(outbox_id, command_type, reason))
        fields = sorted(words.field_name(f) for f in edits.pending_fields(self._database, self._contact_id))
        self.pending.setVisible(bool(fields))
        self.pending.setText(
            self.tr("Not sent to the server yet: %1").replace("%1", ", ".join(fields)) if fields else ""
        )

    def _refusal_widget(self, outbox_id: int, command_type: str, reason: str | None) -> QWidget:
        box = QFrame()
        box.setObjectName(f"refusal_{outbox_id}")
        box.setProperty("card", "refusal")
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 4, 4, 4)
        what = words.edit_name(command_type)
        text = self.tr("The server did not accept your change of %1; the value went back.").replace("%1", what) + (
            f" {reason}" if reason else ""
        )
        label = plain_label(text, wrap=True)
        label.setProperty("tone", "problem")
        row.addWidget(label, 1)
        dismiss = QPushButton(self.tr("Dismiss"))
        dismiss.setObjectName(f"dismiss_refusal_{outbox_id}")
        dismiss.setToolTip(self.tr("Stop showing this notice"))
        dismiss.clicked.connect(lambda: self._dismiss_refusal(outbox_id))
        row.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        return box

    def _dismiss_refusal(self, outbox_id: int) -> None:
        try:
            edits.dismiss_refusal(self._database, outbox_id)
        except edits.EditError as problem:
            show_error(self, self.tr("Could not dismiss the notice"), edit_problem(problem))
        # Only the notices change: the fields the user may be editing keep their values.
        self._show_notices()

    def _conflict_widget(self, conflict: edits.ConflictNotice) -> QWidget:
        box = QFrame()
        box.setObjectName("conflict")
        box.setProperty("card", "conflict")
        row = QHBoxLayout(box)
        fields = [f for f in conflict.fields if not (f == "bot_paused_until" and "bot_status" in conflict.mine)]
        what = self.tr(" and ").join(words.field_name(f) for f in fields)
        text = (
            self.tr("Someone changed the %1 at the same time, and the server's value stands.").replace("%1", what)
            + "\n"
            + self.tr("You set: %1 — the server has: %2")
            .replace("%1", describe_values(self._database, conflict.mine))
            .replace("%2", describe_values(self._database, conflict.theirs))
        )
        row.addWidget(plain_label(text, wrap=True), 1)
        again = QPushButton(self.tr("Apply mine again"))
        dismiss = QPushButton(self.tr("Dismiss"))
        again.setObjectName(f"apply_again_{conflict.id}")
        dismiss.setObjectName(f"dismiss_{conflict.id}")
        again.clicked.connect(lambda: self._settle(conflict.id, again=True))
        dismiss.clicked.connect(lambda: self._settle(conflict.id, again=False))
        row.addWidget(again)
        row.addWidget(dismiss)
        return box

    def _settle(self, conflict_id: int, *, again: bool) -> None:
        try:
            if again:
                edits.apply_mine_again(self._database, conflict_id)
            else:
                edits.dismiss_conflict(self._database, conflict_id)
        except edits.EditError as problem:
            show_error(self, self.tr("Could not apply the change"), edit_problem(problem))
        self.refresh()
        self.edited.emit()

    def _copy_phone(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if self._contact.get("phone"):
            clipboard.setText(self._contact["phone"])

    # --- saving ----------------------------------------------------------------------------

    def plan(self) -> tuple[list[edits.PlannedEdit], dict[str, str]]:
        """(the edits one Save makes, field -> why it cannot be saved), checking every changed field."""
        changed = self.changed_fields()
        planned: list[edits.PlannedEdit] = []
        problems: dict[str, str] = {}

        def check(field: str, make: Callable[[], edits.PlannedEdit]) -> None:
            try:
                planned.append(make())
            except edits.EditError as problem:
                problems[field] = edit_problem(problem)

        if "name" in changed:
            check("name", lambda: edits.plan_name(self.name_edit.text()))
        if "sale_status" in changed:
            check("sale_status", lambda: edits.plan_sale_status(self.sale_status.currentData()))
        stage = self.stage.currentData()
        if "stage" in changed and stage is not None:
            check("stage", lambda: edits.plan_funnel_stage(self._database, stage, self.stage_note.text()))
        elif "stage_note" in changed and self.stage_note.text().strip():
            problems["stage_note"] = self.tr(
                "A note goes with a change of stage: pick the new stage, or clear the note."
            )
        if "bot" in changed or "until" in changed:
            bot = self._bot_word(self.bot_group.checkedButton()) or "active"
            until = None
            if bot == "paused" and self.pause_until_on.isChecked():
                until = format_time(datetime.fromtimestamp(self.pause_until.dateTime().toSecsSinceEpoch(), UTC))
            check("bot", lambda: edits.plan_bot_status(bot, until))
        flags = {key: changed[key] for key in ("mystery_shopper", "contractor") if key in changed}
        if flags:
            check("flags", lambda: edits.plan_flags(**flags))
        return planned, problems

    def save_changes(self) -> bool:
        """Save every changed field at once, or nothing: False (and the faulty fields marked) if one cannot be."""
        self.clear_problems()
        planned, problems = self.plan()
        if problems:
            for field, message in problems.items():
                if field in self.problems:
                    widget, label = self.problems[field]
                    mark_problem(widget, label, message)
                else:
                    show_error(self, self.tr("Not saved"), message)
            first = next((self.problems[f][0] for f in self.problems if f in problems), None)
            if first is not None:
                first.setFocus()
            return False
        if not planned:
            return False
        try:
            edits.apply_edits(self._database, [self._contact_id], planned)
        except edits.EditError as problem:
            # Nothing was saved (one transaction); the form stays as typed.
            show_error(self, self.tr("Could not save"), edit_problem(problem))
            return False
        self.refresh()
        self.edited.emit()
        return True
