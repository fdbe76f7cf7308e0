"""Painters for the client list's cells: the name with its badges, and coloured chips and dots.

Every string is painted with ``QPainter.drawText``, which never interprets markup: a client called
``<b>bold</b>`` shows exactly that.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from leaddesk.models.client_table import (
    BadgesRole,
    ChipColorRole,
    ConflictsRole,
    PendingEditsRole,
    UnreadRole,
    badge_label,
)
from leaddesk.views.theme import colors

ModelIndex = QModelIndex | QPersistentModelIndex

PAD = 8
PILL_PAD = 7
BADGE_COLORS = {"Mystery shopper": "#7D3C98", "Contractor": "#8A6D3B"}
UNREAD_COLOR = QColor("#2F6FB3")
#: An open edit conflict: the badge the profile's conflict notice matches.
CONFLICT_COLOR = QColor("#C8641E")
CONFLICT_LABEL = str(QT_TRANSLATE_NOOP("NameDelegate", "⚠ conflict"))
#: Edits waiting for the relay: a small, muted clock after the name (the light theme's; see theme.colors()).
WAITING_COLOR = QColor("#8A94A3")
CLOCK = 11


def _background(
    option: QStyleOptionViewItem, painter: QPainter, index: ModelIndex
) -> tuple[QStyleOptionViewItem, QWidget | None]:
    """Paint the cell's background, selection and focus as the style would, without its text."""
    opt = QStyleOptionViewItem(option)
    QStyledItemDelegate().initStyleOption(opt, index)
    opt.text = ""
    opt.icon = opt.icon.__class__()
    widget = option.widget
    style = widget.style() if widget is not None else QApplication.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return opt, widget


def _coloured_cell(
    option: QStyleOptionViewItem, painter: QPainter, index: ModelIndex
) -> tuple[QStyleOptionViewItem, str, Any, QRect]:
    """Start a cell that shows its text with a colour (chip, dot): the background painted, the painter
    saved (the caller restores it) and antialiased; (option, text, colour or None, content rect)."""
    opt, _ = _background(option, painter, index)
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    color = index.data(ChipColorRole)
    rect = QRect(opt.rect).adjusted(PAD, 0, -PAD, 0)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return opt, text, color, rect


def _text_color(opt: QStyleOptionViewItem) -> QColor:
    selected = bool(opt.state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return opt.palette.color(role)


def _pill(painter: QPainter, rect: QRectF, fill: QColor, border: QColor | None = None) -> None:
    painter.setPen(Qt.PenStyle.NoPen if border is None else border)
    painter.setBrush(fill)
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)


def _clock(painter: QPainter, center_x: float, center_y: float, color: QColor) -> None:
    """A small clock face: the same "waiting for the relay" sign as a pending message's."""
    radius = CLOCK / 2 - 0.5
    pen = QPen(color, 1.3)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(QPointF(center_x, center_y), radius, radius)
    painter.drawLine(QPointF(center_x, center_y), QPointF(center_x, center_y - radius + 2))
    painter.drawLine(QPointF(center_x, center_y), QPointF(center_x + radius - 2.2, center_y))


class NameDelegate(QStyledItemDelegate):
    """The client's name, elided, with an unread count and pills for mystery shoppers and contractors.

    A client with an open edit conflict gets an orange "⚠ conflict" pill (the tooltip names the field);
    one with edits still waiting for the relay gets a small muted clock after the name.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt, _ = _background(option, painter, index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRect(opt.rect).adjusted(PAD, 0, -PAD // 2, 0)
        unread = int(index.data(UnreadRole) or 0)
        badges: list[str] = index.data(BadgesRole) or []
        conflicts = bool(index.data(ConflictsRole))
        waiting = int(index.data(PendingEditsRole) or 0) > 0

        small = QFont(opt.font)
        small.setPointSizeF(max(small.pointSizeF() - 1.5, 6.5))
        small.setBold(True)
        small_metrics = QFontMetrics(small)
        pill_height = small_metrics.height() + 2
        top = rect.center().y() - pill_height / 2 + 1

        # Lay the badges out from the right, then give the name what is left.
        right = rect.right()
        pills: list[tuple[QRectF, str, QColor, bool]] = []
        for badge in reversed(badges):
            label = badge_label(badge)
            width = small_metrics.horizontalAdvance(label) + 2 * PILL_PAD
            pills.append(
                (
                    QRectF(right - width, top, width, pill_height),
                    label,
                    QColor(BADGE_COLORS.get(badge, "#6B7785")),
                    False,
                )
            )
            right -= width + 4
        if conflicts:
            conflict = QCoreApplication.translate("NameDelegate", CONFLICT_LABEL)
            width = small_metrics.horizontalAdvance(conflict) + 2 * PILL_PAD
            pills.append((QRectF(right - width, top, width, pill_height), conflict, CONFLICT_COLOR, False))
            right -= width + 4
        if unread > 0:
            label = str(unread) if unread < 1000 else "999+"
            width = max(small_metrics.horizontalAdvance(label) + 2 * PILL_PAD - 2, pill_height)
            pills.append((QRectF(right - width, top, width, pill_height), label, UNREAD_COLOR, True))
            right -= width + 6

        clock_room = CLOCK + 6 if waiting else 0
        name_rect = QRect(rect.left(), rect.top(), max(right - rect.left() - clock_room, 0), rect.height())
        font = QFont(opt.font)
        painter.setFont(font)
        text_color = _text_color(opt)
        painter.setPen(text_color)
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = QFontMetrics(font)
        elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        if waiting and name_rect.width() > 0:
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)
            clock_x = rect.left() + metrics.horizontalAdvance(elided) + 5 + CLOCK / 2
            _clock(painter, clock_x, rect.center().y() + 1, text_color if selected else colors().waiting)

        painter.setFont(small)
        for pill_rect, label, color, filled in pills:
            if pill_rect.left() < rect.left():
                continue  # no room: the tooltip still says it
            if filled:
                chip = colors().solid_chip(color)
                _pill(painter, pill_rect, chip.background)
            else:
                chip = colors().soft_chip(color)
                _pill(painter, pill_rect, chip.background, chip.accent)
            painter.setPen(chip.text)
            painter.drawText(pill_rect, int(Qt.AlignmentFlag.AlignCenter), label)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 150, hint.height())


class ChipDelegate(QStyledItemDelegate):
    """A value shown as a coloured chip: solid (sale status) or soft (funnel stage), in the theme's
    shades of the value's colour so that its text reads (``ThemeColors.solid_chip``/``soft_chip``)."""

    def __init__(self, solid: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._solid = solid

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt, text, color, rect = _coloured_cell(option, painter, index)
        font = QFont(opt.font)
        if not isinstance(color, QColor):
            painter.setFont(font)
            painter.setPen(_text_color(opt))
            elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
            painter.restore()
            return
        font.setPointSizeF(max(font.pointSizeF() - 0.5, 6.5))
        font.setBold(self._solid)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        height = metrics.height() + 4
        max_text = max(rect.width() - 2 * PILL_PAD - (10 if not self._solid else 0), 0)
        elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_text)
        width = metrics.horizontalAdvance(elided) + 2 * PILL_PAD + (10 if not self._solid else 0)
        pill = QRectF(rect.left(), rect.center().y() - height / 2 + 1, min(width, rect.width()), height)
        if self._solid:
            chip = colors().solid_chip(color)
            _pill(painter, pill, chip.background)
            painter.setPen(chip.text)
            painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), elided)
        else:
            chip = colors().soft_chip(color)
            _pill(painter, pill, chip.background)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(chip.accent)
            painter.drawEllipse(QRectF(pill.left() + PILL_PAD - 1, pill.center().y() - 3, 6, 6))
            painter.setPen(chip.text)
            text_rect = pill.adjusted(PILL_PAD + 9, 0, -PILL_PAD + 2, 0)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()


class DotDelegate(QStyledItemDelegate):
    """A coloured dot before the text (sentiment)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt, text, color, rect = _coloured_cell(option, painter, index)
        if isinstance(color, QColor):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colors().mark(color))
            painter.drawEllipse(QRectF(rect.left(), rect.center().y() - 4 + 1, 8, 8))
            rect = rect.adjusted(14, 0, 0, 0)
        font = QFont(opt.font)
        painter.setFont(font)
        painter.setPen(_text_color(opt))
        elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()
