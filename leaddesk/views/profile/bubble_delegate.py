"""Paints conversation rows as chat bubbles, as PLAIN text (QTextLayout; never HTML).

Each message is a list of blocks (text, file chip, image, card...) stacked in a bubble: the client's
on the left, the bot's and agents' on the right with the sender's name. Heights are cached per
message key and width, so a long history lays out once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from leaddesk.domain import find_folded
from leaddesk.models import words
from leaddesk.models.conversation import MEDIA_WORDS, SPOKEN_STATES, ChatItem, ItemRole
from leaddesk.views.theme import colors

#: Longer texts are cut for display (copy the message to get all of it).
MAX_SHOWN = 12_000
PAD = 9
GAP = 4
THUMB = QSize(220, 150)

#: A block's colour names its meaning by the light theme's shade; :func:`_in_theme` gives the painted one.
MUTED = QColor("#5F6B7A")
FAIL = QColor("#C0392B")
READ = QColor("#2E86DE")
AGENT = QColor("#1F6F43")

TICKS = {"pending": "\u25f7", "sent": "\u2713", "delivered": "\u2713\u2713", "read": "\u2713\u2713", "failed": "\u26a0"}
#: WhatsApp's reasons for not delivering, said the office's way; any other code shows WhatsApp's own title.
FAILURE_WORDS: dict[int | None, str] = {
    131047: str(
        QT_TRANSLATE_NOOP(
            "Conversation",
            "more than 24 hours since the client last wrote; WhatsApp only lets an approved template through",
        )
    ),
}
FILE_ICONS = {"document": "\U0001f4c4", "audio": "\U0001f3b5", "video": "\U0001f3ac", "image": "\U0001f5bc"}


#: lupdate reads ``translate("Context", "text")`` calls: the context stays a literal at each one.
translate = QCoreApplication.translate


def _code_number(code: Any) -> int | None:
    try:
        return int(code)
    except (TypeError, ValueError):
        return None


def utf16_length(text: str) -> int:
    """How many UTF-16 units ``text`` takes: Qt's text positions count these."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _size_text(size: int | None) -> str:
    if not size:
        return ""
    units = ["B", "KB", "MB", "GB"]
    power = min(int(math.log(size, 1024)), len(units) - 1) if size > 0 else 0
    return f"{words.number(round(size / 1024**power))} {units[power]}"


def shown(text: str) -> str:
    """The text as laid out: line breaks as Qt's line separator, very long texts cut."""
    if len(text) > MAX_SHOWN:
        more = translate("Conversation", "… %Ln more characters (right-click, Copy text)", None, len(text) - MAX_SHOWN)
        text = text[:MAX_SHOWN] + "\n" + more
    return text.replace("\r\n", "\n").replace("\n", "\u2028")


@dataclass(slots=True)
class Block:
    kind: str  # text, chip, image, card, footer
    text: str
    font: str = "body"  # body, small, bold, italic
    color: QColor | None = None
    path: str | None = None


def message_blocks(item: ChatItem) -> list[Block]:
    blocks: list[Block] = []
    if item.outgoing or item.author_kind != "client":
        who = (
            item.author_name
            if item.author_kind == "agent"
            else translate("Conversation", "Bot")
            if item.author_kind == "bot"
            else None
        )
        if item.author_kind == "agent" and not who:
            who = translate("Conversation", "Agent")
        if who:
            blocks.append(Block("text", who, "bold", AGENT if item.author_kind == "agent" else READ))
    kind = item.type
    if kind in ("image", "sticker"):
        if item.media_state == "cached" and item.media_path:
            blocks.append(Block("image", "", path=item.media_path))
        else:
            label = translate("Conversation", MEDIA_WORDS[kind])
            state = {
                "expired": translate("Conversation", "no longer on the server"),
                "bad": translate("Conversation", "could not be verified"),
            }.get(item.media_state or "", translate("Conversation", "not downloaded yet"))
            blocks.append(
                Block(
                    "chip",
                    f"{FILE_ICONS['image']}  "
                    + translate("Conversation", "%1 (%2)").replace("%1", label).replace("%2", state),
                )
            )
    elif kind in ("document", "audio", "video"):
        file_name = item.media_filename or translate("Conversation", MEDIA_WORDS[kind])
        extra = " · ".join(p for p in (_size_text(item.media_size), _media_state(item)) if p)
        blocks.append(Block("chip", f"{FILE_ICONS[kind]}  {file_name}" + (f"\u2028{extra}" if extra else "")))
    elif kind == "location":
        loc = item.location or {}
        lines = [str(loc.get("name") or translate("Conversation", "Location")), str(loc.get("address") or "")]
        if loc.get("latitude") is not None and loc.get("longitude") is not None:
            lines.append(f"{loc['latitude']}, {loc['longitude']}")
        blocks.append(Block("chip", "\U0001f4cd  " + "\u2028".join(line for line in lines if line)))
    elif kind == "contacts":
        for card in item.contacts or [{}]:
            name: Any = card.get("name") if isinstance(card, dict) else None
            if isinstance(name, dict):
                name = name.get("formatted_name")
            phones = card.get("phones") if isinstance(card, dict) else None
            phone = ""
            if isinstance(phones, list) and phones and isinstance(phones[0], dict):
                phone = str(phones[0].get("phone") or "")
            shared = (str(name or translate("Conversation", "Contact")), phone)
            blocks.append(Block("chip", "\U0001f464  " + " ".join(p for p in shared if p)))
    elif kind in ("button", "interactive"):
        blocks.append(
            Block(
                "text",
                translate("Conversation", "Replied with a button")
                if kind == "button"
                else translate("Conversation", "Chose from a list"),
                "small",
                MUTED,
            )
        )
    elif kind == "unsupported":
        blocks.append(
            Block(
                "text", translate("Conversation", "A message of a kind WhatsApp does not let us show."), "italic", MUTED
            )
        )
    if item.text:
        blocks.append(Block("chip" if kind in ("button", "interactive") else "text", shown(item.text)))
    if item.transcript:
        blocks.append(
            Block(
                "text",
                translate("Conversation", "Transcript: %1").replace("%1", shown(item.transcript)),
                "italic",
                MUTED,
            )
        )
    if item.card:
        card = item.card
        lines = [str(card.get("title") or translate("Conversation", "Listing"))]
        if card.get("description"):
            lines.append(str(card["description"]))
        if card.get("price") is not None:
            try:
                lines.append(f"{words.number(round(float(card['price'])))} {card.get('currency') or ''}".strip())
            except (TypeError, ValueError):
                lines.append(str(card["price"]))
        if card.get("url"):
            lines.append(str(card["url"]))
        blocks.append(Block("card", shown("\n".join(lines))))
    footer = words.short_time(item.local_time) if item.local_time else ""
    if item.outgoing:
        footer += "  " + TICKS.get(item.status, "")
    blocks.append(Block("footer", footer, "small", MUTED))
    if item.status == "failed":
        known = FAILURE_WORDS.get(_code_number(item.error_code))
        reason = translate("Conversation", known) if known else item.error_title
        reason = reason or translate("Conversation", "no reason given")
        code = f" ({item.error_code})" if item.error_code and not known else ""
        blocks.append(
            Block(
                "text",
                shown(translate("Conversation", "Not delivered: %1").replace("%1", reason + code)),
                "small",
                FAIL,
            )
        )
    return blocks


def _in_theme(color: QColor | None) -> QColor | None:
    """A block's colour (one of the constants above) as the theme now painting shows that meaning."""
    if color is None:
        return None
    theme = colors()
    meanings = {
        MUTED.rgba(): theme.bubble_muted,
        FAIL.rgba(): theme.failed,
        READ.rgba(): theme.bot_name,
        AGENT.rgba(): theme.agent_name,
    }
    return meanings.get(color.rgba(), color)


def _media_state(item: ChatItem) -> str:
    if item.media_state == "cached" and item.media_path:
        return translate("Conversation", "click to open")
    return {
        "expired": translate("Conversation", "no longer on the server"),
        "bad": translate("Conversation", "could not be verified"),
    }.get(item.media_state or "", translate("Conversation", "not downloaded yet"))


class BubbleDelegate(QStyledItemDelegate):
    """Paints :class:`ChatItem` rows; emits ``media_clicked(message_id)`` on a file chip or image."""

    media_clicked = Signal(str)

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._sizes: dict[tuple[str, int], QSize] = {}
        self._pixmaps: dict[str, QPixmap] = {}
        base = QFont(view.font())
        self._fonts = {
            "body": base,
            "small": QFont(base),
            "bold": QFont(base),
            "italic": QFont(base),
        }
        self._fonts["small"].setPointSizeF(max(base.pointSizeF() - 1.5, 7.0))
        self._fonts["bold"].setPointSizeF(max(base.pointSizeF() - 1.0, 7.0))
        self._fonts["bold"].setBold(True)
        self._fonts["italic"].setItalic(True)
        self._day_font = QFont(base)
        self._day_font.setPointSizeF(max(base.pointSizeF() - 1.0, 7.0))
        self._day_font.setBold(True)

    def clear_cache(self) -> None:
        self._sizes.clear()

    def forget(self, key: str) -> None:
        for cached in [k for k in self._sizes if k[0] == key]:
            del self._sizes[cached]

    # --- geometry --------------------------------------------------------------------------

    def _max_width(self) -> int:
        width = self._view.viewport().width()
        return max(160, min(int(width * 0.74), 620))

    def _layout(
        self, text: str, font: QFont, width: float, formats: list[QTextLayout.FormatRange] | None = None
    ) -> tuple[QTextLayout, float, float]:
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setTextDirection(Qt.LayoutDirection.LeftToRight)
        layout.setTextOption(option)
        if formats:
            layout.setFormats(formats)
        layout.beginLayout()
        height = 0.0
        natural = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
            natural = max(natural, line.naturalTextWidth())
        layout.endLayout()
        return layout, height, natural

    def _measure(
        self, item: ChatItem, formats_for: str | None = None
    ) -> tuple[list[tuple[Block, QTextLayout | None, float, float]], float, float]:
        inner = self._max_width() - 2 * PAD
        measured: list[tuple[Block, QTextLayout | None, float, float]] = []
        width = 0.0
        height = 0.0
        for block in message_blocks(item):
            if block.kind == "image":
                measured.append((block, None, THUMB.width(), THUMB.height()))
                width = max(width, THUMB.width())
                height += THUMB.height() + GAP
                continue
            chip = block.kind in ("chip", "card")
            text_width = inner - (16 if chip else 0)
            formats = self._highlights(block.text, formats_for) if formats_for and block.kind != "footer" else None
            layout, h, natural = self._layout(block.text, self._fonts[block.font], text_width, formats)
            if chip:
                natural += 16
                h += 12
            measured.append((block, layout, natural, h))
            width = max(width, natural)
            height += h + GAP
        return measured, min(width, inner), height - GAP

    def _highlights(self, text: str, needle: str) -> list[QTextLayout.FormatRange]:
        """Accent- and case-blind matches of ``needle`` in ``text``, as Qt's UTF-16 ranges.

        Python counts a code point as one; Qt counts UTF-16 units, so an emoji before a match (the file
        chip's icon) counts two. The spans are mapped through the prefix's UTF-16 length.
        """
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(colors().find_highlight))
        ranges: list[QTextLayout.FormatRange] = []
        for start, end in find_folded(text, needle):
            found = QTextLayout.FormatRange()
            found.start = utf16_length(text[:start])
            found.length = utf16_length(text[start:end])
            found.format = fmt
            ranges.append(found)
        return ranges

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        item = index.data(ItemRole)
        if not isinstance(item, ChatItem):
            return QSize(0, 0)
        if item.kind == "day":
            return QSize(self._view.viewport().width(), 36)
        key = (item.key + f"|{len(item.reactions)}|{item.status}", self._view.viewport().width())
        cached = self._sizes.get(key)
        if cached is None:
            _, width, height = self._measure(item)
            extra = 24 if item.reactions else 0
            cached = QSize(int(width) + 2 * PAD, math.ceil(height) + 2 * PAD + 8 + extra)
            self._sizes[key] = cached
        return QSize(self._view.viewport().width(), cached.height())

    # --- painting --------------------------------------------------------------------------

    def _bubble_rect(self, option: QStyleOptionViewItem, item: ChatItem, width: float, height: float) -> QRectF:
        w = width + 2 * PAD
        x = option.rect.right() - 12 - w if item.outgoing else option.rect.left() + 12
        return QRectF(x, option.rect.top() + 4, w, height + 2 * PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        item = index.data(ItemRole)
        if not isinstance(item, ChatItem):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if item.kind == "day":
            self._paint_day(painter, option, item)
            painter.restore()
            return
        model = index.model()
        needle = getattr(model, "find_text", "") or None
        current = getattr(model, "current_match", None) == item.key
        measured, width, height = self._measure(item, needle)
        bubble = self._bubble_rect(option, item, width, height)
        path = QPainterPath()
        path.addRoundedRect(bubble, 10, 10)
        theme = colors()
        agent = item.author_kind == "agent"
        background = theme.bubble_client if not item.outgoing else theme.bubble_agent if agent else theme.bubble_bot
        painter.fillPath(path, background)
        pen = QPen(theme.find_current, 2.5) if current else QPen(theme.bubble_border, 1)
        painter.setPen(pen)
        painter.drawPath(path)
        y = bubble.top() + PAD
        left = bubble.left() + PAD
        # Bubbles have backgrounds of their own, so the text is the theme's bubble text whatever the palette.
        text_color = theme.bubble_text
        for block, layout, natural, h in measured:
            if block.kind == "image" and block.path:
                self._paint_image(painter, QRectF(left, y, THUMB.width(), THUMB.height()), block.path)
            elif layout is not None:
                painter.setPen(_in_theme(block.color) or text_color)
                if block.kind in ("chip", "card"):
                    chip = QRectF(left, y, natural, h)
                    chip_path = QPainterPath()
                    chip_path.addRoundedRect(chip, 6, 6)
                    painter.fillPath(chip_path, theme.bubble_chip if block.kind == "chip" else theme.bubble_card)
                    painter.setPen(_in_theme(block.color) or text_color)
                    layout.draw(painter, QPointF(left + 8, y + 6))
                elif block.kind == "footer":
                    fm = QFontMetrics(self._fonts["small"])
                    x = bubble.right() - PAD - fm.horizontalAdvance(block.text)
                    if item.status == "read" and item.outgoing:
                        painter.setPen(theme.delivered_read)
                    elif item.status == "failed":
                        painter.setPen(theme.failed)
                    layout.draw(painter, QPointF(x, y))
                else:
                    layout.draw(painter, QPointF(left, y))
            y += h + GAP
        if item.reactions:
            self._paint_reactions(painter, bubble, item)
        painter.restore()

    def _paint_day(self, painter: QPainter, option: QStyleOptionViewItem, item: ChatItem) -> None:
        fm = QFontMetrics(self._day_font)
        w = fm.horizontalAdvance(item.label) + 24
        rect = QRectF(option.rect.center().x() - w / 2, option.rect.top() + 7, w, 22)
        path = QPainterPath()
        path.addRoundedRect(rect, 11, 11)
        painter.fillPath(path, colors().day_background)
        painter.setPen(colors().day_text)
        painter.setFont(self._day_font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, item.label)

    def _paint_image(self, painter: QPainter, rect: QRectF, path: str) -> None:
        pixmap = self._pixmaps.get(path)
        if pixmap is None:
            loaded = QPixmap(path) if Path(path).exists() else QPixmap()
            pixmap = (
                loaded.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
                if not loaded.isNull()
                else loaded
            )
            self._pixmaps[path] = pixmap
        if pixmap.isNull():
            painter.fillRect(rect, colors().bubble_chip)
            painter.setPen(colors().bubble_muted)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, translate("Conversation", "Image missing"))
        else:
            painter.drawPixmap(QPointF(rect.left(), rect.top()), pixmap)

    def _paint_reactions(self, painter: QPainter, bubble: QRectF, item: ChatItem) -> None:
        text = " ".join(item.reactions)
        fm = QFontMetrics(self._fonts["body"])
        w = fm.horizontalAdvance(text) + 14
        x = bubble.left() + 8 if not item.outgoing else bubble.right() - 8 - w
        rect = QRectF(x, bubble.bottom() + 2, w, 20)
        path = QPainterPath()
        path.addRoundedRect(rect, 10, 10)
        painter.fillPath(path, colors().bubble_client)
        painter.setPen(colors().bubble_border)
        painter.drawPath(path)
        painter.setPen(colors().bubble_text)
        painter.setFont(self._fonts["body"])
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # --- clicks on file chips ----------------------------------------------------------------

    def editorEvent(  # noqa: N802
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            item = index.data(ItemRole)
            if isinstance(item, ChatItem) and item.kind == "message" and item.media_id:
                _, width, height = self._measure(item)
                bubble = self._bubble_rect(option, item, width, height)
                if bubble.contains(event.position()) and event.button() == Qt.MouseButton.LeftButton:
                    self.media_clicked.emit(item.key)
                    return True
        return False

    def tooltip_rect(self, option: QStyleOptionViewItem, item: ChatItem) -> QRect:
        _, width, height = self._measure(item)
        return self._bubble_rect(option, item, width, height).toRect()


def status_words(item: ChatItem) -> str:
    english = SPOKEN_STATES.get(item.status)
    return translate("Conversation", english) if english else item.status
