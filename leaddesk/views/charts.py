"""Small charts drawn with ``QPainter``: horizontal bars, stacked columns, an area, a legend.

One :func:`paint_chart` draws a :class:`Chart` into any paint device, so the same code paints the
widget on screen (:class:`ChartWidget`), a ``QImage`` saved as PNG (:func:`chart_image`) and a page
of a ``QPdfWriter`` (vector output). It returns the rectangle of every bar with the bar's key, which
the widget uses to say which bar was clicked. Labels come from our own figures; a survey question
comes from the relay and is drawn with ``drawText`` (always plain text, never markup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from leaddesk.models import words
from leaddesk.views.theme import LIGHT, ThemeColors, colors

DEFAULT_COLOR = "#4F86C6"


class ChartKind(Enum):
    BARS = "bars"  # horizontal bars, one per item, label on the left, value at the bar's end
    STACKED = "stacked"  # vertical columns, one per category, stacked by series
    AREA = "area"  # one series as a line over a filled area


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    color: str = DEFAULT_COLOR
    #: What a click on this bar means (e.g. a stage id); None: not clickable.
    key: Any = None
    #: The figure written at the bar's end; the value when empty.
    text: str = ""
    #: A second, quieter line under the label (e.g. "reached 40 · 62% go on · 1.8 days").
    note: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    color: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    kind: ChartKind
    bars: tuple[Bar, ...] = ()
    #: STACKED and AREA: the category labels along the bottom, and one series or more.
    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    #: Shown instead of the chart when there is nothing to draw.
    empty_text: str = str(QT_TRANSLATE_NOOP("Chart", "Nothing in this range"))
    #: BARS: the value of a full-length bar (else the largest value).
    scale_max: float | None = None

    @property
    def is_empty(self) -> bool:
        if self.kind == ChartKind.BARS:
            return not self.bars
        return not self.categories or not any(any(s.values) for s in self.series)


@dataclass
class HitArea:
    rect: QRectF
    key: Any


@dataclass
class _Fonts:
    label: QFont = field(default_factory=QFont)
    small: QFont = field(default_factory=QFont)
    value: QFont = field(default_factory=QFont)


def _fonts(base: QFont, scale: float) -> _Fonts:
    label = QFont(base)
    label.setPointSizeF(9.5 * scale)
    small = QFont(base)
    small.setPointSizeF(8.0 * scale)
    value = QFont(base)
    value.setPointSizeF(9.0 * scale)
    value.setBold(True)
    return _Fonts(label, small, value)


def format_number(value: float) -> str:
    """A figure with the locale's separators: "1,204", "4.4" / "1.204", "4,4"."""
    if float(value).is_integer():
        return words.number(int(value))
    return words.number(value, 1)


def paint_chart(
    painter: QPainter, rect: QRectF, chart: Chart, *, scale: float = 1.0, ink: ThemeColors = LIGHT
) -> list[HitArea]:
    """Draw ``chart`` inside ``rect`` in ``ink``'s colours (light, as on paper, unless the screen's theme is
    given); returns the clickable bars' rectangles (device-independent)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    # Point sizes already follow the device's resolution; only lengths in pixels take ``scale``.
    fonts = _fonts(painter.font(), 1.0)
    try:
        if chart.is_empty:
            painter.setFont(fonts.label)
            painter.setPen(ink.chart_muted)
            empty = QCoreApplication.translate("Chart", chart.empty_text)  # the default is marked, not translated
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, empty)
            return []
        if chart.kind == ChartKind.BARS:
            return _paint_bars(painter, rect, chart, fonts, scale, ink)
        if chart.kind == ChartKind.STACKED:
            return _paint_columns(painter, rect, chart, fonts, scale, ink)
        return _paint_area(painter, rect, chart, fonts, scale, ink)
    finally:
        painter.restore()


def _elided(metrics: QFontMetricsF, text: str, width: float) -> str:
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(width, 0.0))


def _paint_bars(
    painter: QPainter, rect: QRectF, chart: Chart, fonts: _Fonts, scale: float, ink: ThemeColors
) -> list[HitArea]:
    label_metrics = QFontMetricsF(fonts.label)
    value_metrics = QFontMetricsF(fonts.value)
    has_notes = any(bar.note for bar in chart.bars)
    row_height = min(rect.height() / len(chart.bars), (44 if has_notes else 30) * scale)
    label_width = min(
        max(label_metrics.horizontalAdvance(bar.label) for bar in chart.bars) + 12 * scale, rect.width() * 0.38
    )
    value_room = max(value_metrics.horizontalAdvance(bar.text or format_number(bar.value)) for bar in chart.bars)
    value_room += 10 * scale
    bar_left = rect.left() + label_width
    bar_room = max(rect.right() - bar_left - value_room, 10.0)
    largest = chart.scale_max or max((bar.value for bar in chart.bars), default=0) or 1
    hits = []
    for index, bar in enumerate(chart.bars):
        top = rect.top() + index * row_height
        bar_height = min(row_height * (0.5 if has_notes else 0.66), 22 * scale)
        bar_top = top + (row_height - bar_height) / 2 - (5 * scale if has_notes else 0)
        painter.setFont(fonts.label)
        painter.setPen(ink.chart_text)
        label_rect = QRectF(rect.left(), bar_top, label_width - 10 * scale, bar_height)
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _elided(label_metrics, bar.label, label_rect.width()),
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink.chart_grid)
        painter.drawRoundedRect(QRectF(bar_left, bar_top, bar_room, bar_height), 3 * scale, 3 * scale)
        length = max(bar_room * (bar.value / largest), 2 * scale if bar.value else 0)
        bar_rect = QRectF(bar_left, bar_top, length, bar_height)
        painter.setBrush(ink.mark(QColor(bar.color)))
        if length:
            painter.drawRoundedRect(bar_rect, 3 * scale, 3 * scale)
        painter.setFont(fonts.value)
        painter.setPen(ink.chart_text)
        text = bar.text or format_number(bar.value)
        painter.drawText(
            QRectF(bar_left + length + 6 * scale, bar_top, value_room + bar_room - length, bar_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        if bar.note:
            painter.setFont(fonts.small)
            painter.setPen(ink.chart_muted)
            note_rect = QRectF(bar_left, bar_top + bar_height + 2 * scale, rect.right() - bar_left, 14 * scale)
            painter.drawText(
                note_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                _elided(QFontMetricsF(fonts.small), bar.note, note_rect.width()),
            )
        if bar.key is not None:
            # The whole row is the target: the label, the track and the figure.
            hits.append(HitArea(QRectF(rect.left(), top, rect.width(), row_height), bar.key))
    return hits


def _legend(
    painter: QPainter, rect: QRectF, series: Sequence[Series], fonts: _Fonts, scale: float, ink: ThemeColors
) -> float:
    """Draw the legend in one row at the top of ``rect``; returns its height."""
    painter.setFont(fonts.small)
    metrics = QFontMetricsF(fonts.small)
    x = rect.left()
    height = metrics.height() + 6 * scale
    for item in series:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink.mark(QColor(item.color)))
        swatch = 10 * scale
        painter.drawRoundedRect(QRectF(x, rect.top() + (height - swatch) / 2, swatch, swatch), 2 * scale, 2 * scale)
        painter.setPen(ink.chart_muted)
        x += swatch + 5 * scale
        painter.drawText(QRectF(x, rect.top(), 400 * scale, height), Qt.AlignmentFlag.AlignVCenter, item.name)
        x += metrics.horizontalAdvance(item.name) + 16 * scale
    return height + 4 * scale


def _axes(
    painter: QPainter, rect: QRectF, chart: Chart, largest: float, fonts: _Fonts, scale: float, ink: ThemeColors
) -> tuple[QRectF, float]:
    """Grid lines with their values on the left and a few category labels below; returns the plot area."""
    metrics = QFontMetricsF(fonts.small)
    step = _nice_step(largest)
    top_value = step * max(1, -(-largest // step))
    left_room = metrics.horizontalAdvance(format_number(top_value)) + 8 * scale
    bottom_room = metrics.height() + 6 * scale
    plot = QRectF(
        rect.left() + left_room, rect.top() + 4 * scale, rect.width() - left_room, rect.height() - bottom_room
    )
    painter.setFont(fonts.small)
    value = 0.0
    while value <= top_value + 1e-9:
        y = plot.bottom() - plot.height() * value / top_value
        painter.setPen(QPen(ink.chart_grid, 1 * scale))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(ink.chart_muted)
        painter.drawText(
            QRectF(rect.left(), y - 8 * scale, left_room - 6 * scale, 16 * scale),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_number(value),
        )
        value += step
    count = len(chart.categories)
    label_width = max(metrics.horizontalAdvance(c) for c in chart.categories) + 12 * scale
    every = max(1, int(-(-count * label_width // max(plot.width(), 1))))
    slot = plot.width() / count
    for index in range(0, count, every):
        centre = plot.left() + slot * (index + 0.5)
        painter.drawText(
            QRectF(centre - label_width / 2, plot.bottom() + 3 * scale, label_width, bottom_room),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            chart.categories[index],
        )
    return plot, top_value


def _nice_step(largest: float) -> float:
    """A round grid step giving 3 to 5 lines up to ``largest``."""
    if largest <= 0:
        return 1.0
    raw = largest / 4
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return max(1.0, float(factor * magnitude))
    return float(10 * magnitude)


def _paint_columns(
    painter: QPainter, rect: QRectF, chart: Chart, fonts: _Fonts, scale: float, ink: ThemeColors
) -> list[HitArea]:
    legend = _legend(painter, rect, chart.series, fonts, scale, ink)
    area = rect.adjusted(0, legend, 0, 0)
    totals = [sum(s.values[i] for s in chart.series) for i in range(len(chart.categories))]
    plot, top_value = _axes(painter, area, chart, max(totals, default=0), fonts, scale, ink)
    slot = plot.width() / len(chart.categories)
    width = max(slot * 0.7, 1.0)
    painter.setPen(Qt.PenStyle.NoPen)
    for index in range(len(chart.categories)):
        base = plot.bottom()
        for item in chart.series:
            height = plot.height() * item.values[index] / top_value
            painter.setBrush(ink.mark(QColor(item.color)))
            painter.drawRect(QRectF(plot.left() + slot * index + (slot - width) / 2, base - height, width, height))
            base -= height
    return []


def _paint_area(
    painter: QPainter, rect: QRectF, chart: Chart, fonts: _Fonts, scale: float, ink: ThemeColors
) -> list[HitArea]:
    item = chart.series[0]
    plot, top_value = _axes(painter, rect, chart, max(item.values, default=0), fonts, scale, ink)
    slot = plot.width() / len(chart.categories)
    points = [
        QPointF(plot.left() + slot * (i + 0.5), plot.bottom() - plot.height() * value / top_value)
        for i, value in enumerate(item.values)
    ]
    line = QPainterPath(points[0])
    for point in points[1:]:
        line.lineTo(point)
    fill = QPainterPath(line)
    fill.lineTo(points[-1].x(), plot.bottom())
    fill.lineTo(points[0].x(), plot.bottom())
    fill.closeSubpath()
    colour = ink.mark(QColor(item.color))
    shade = QColor(colour)
    shade.setAlpha(60)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(shade)
    painter.drawPath(fill)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, 2 * scale))
    painter.drawPath(line)
    if len(points) <= 40:
        painter.setBrush(colour)
        for point in points:
            painter.drawEllipse(point, 2.5 * scale, 2.5 * scale)
    return []


def chart_image(chart: Chart, size: QSize, *, device_pixel_ratio: float = 2.0) -> QImage:
    """The chart on a white image (for PNG), drawn at ``device_pixel_ratio`` for sharp text."""
    image = QImage(
        int(size.width() * device_pixel_ratio), int(size.height() * device_pixel_ratio), QImage.Format.Format_ARGB32
    )
    image.setDevicePixelRatio(device_pixel_ratio)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        paint_titled(painter, QRectF(0, 0, size.width(), size.height()), chart)
    finally:
        painter.end()
    return image


def paint_titled(
    painter: QPainter, rect: QRectF, chart: Chart, *, scale: float = 1.0, ink: ThemeColors = LIGHT
) -> list[HitArea]:
    """The chart with its title above it (images and printed pages)."""
    title = QFont(painter.font())
    title.setPointSizeF(11)
    title.setBold(True)
    painter.save()
    painter.setFont(title)
    painter.setPen(ink.chart_text)
    height = QFontMetricsF(title).height() + 10 * scale
    inner = rect.adjusted(14 * scale, 10 * scale, -14 * scale, -10 * scale)
    painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), height), Qt.AlignmentFlag.AlignLeft, chart.title)
    painter.restore()
    return paint_chart(painter, inner.adjusted(0, height, 0, 0), chart, scale=scale, ink=ink)


class ChartWidget(QWidget):
    """Paints one :class:`Chart`; a click on a bar with a key emits :attr:`bar_clicked` with that key."""

    bar_clicked = Signal(object)

    def __init__(self, chart: Chart | None = None, parent: QWidget | None = None, *, min_height: int = 160) -> None:
        super().__init__(parent)
        self.chart = chart or Chart("", ChartKind.BARS)
        self._hits: list[HitArea] | None = None  # None: not painted since the chart changed
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_chart(self, chart: Chart) -> None:
        self.chart = chart
        self._hits = None
        self.update()

    def hit_areas(self) -> list[HitArea]:
        """Where the clickable bars are, in widget coordinates, as last painted."""
        return list(self._hits if self._hits is not None else self._layout_hits())

    def _layout_hits(self) -> list[HitArea]:
        image = QImage(max(self.width(), 1), max(self.height(), 1), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            return paint_chart(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.chart, ink=colors())
        finally:
            painter.end()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self._hits = paint_chart(painter, QRectF(self.rect()).adjusted(4, 4, -4, -4), self.chart, ink=colors())
        finally:
            painter.end()

    def key_at(self, position: QPointF) -> Any:
        for hit in self.hit_areas():
            if hit.rect.contains(position):
                return hit.key
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        clickable = self.key_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            key = self.key_at(event.position())
            if key is not None:
                self.bar_clicked.emit(key)
                return
        super().mouseReleaseEvent(event)
