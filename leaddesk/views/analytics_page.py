"""The Analytics page: the funnel, sales, leads over time, sentiment, meetings and surveys, as charts.

The page only shows :class:`leaddesk.models.analytics.AnalyticsModel`'s figures; a click on a funnel
bar, a sale status or a sentiment asks the window (:attr:`AnalyticsPage.open_clients_requested`) to
show the client list filtered to those clients.
"""

from __future__ import annotations

import csv
import html
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QMarginsF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.db.database import Database
from leaddesk.domain import SALE_STATUS_COLORS, SENTIMENT_COLORS, MeetingStatus, SaleStatus, Sentiment
from leaddesk.models import words
from leaddesk.models.analytics import NO_SENTIMENT_KEY, AnalyticsModel, DateRange, Figures
from leaddesk.models.client_table import ClientFilter
from leaddesk.models.filters import NO_SENTIMENT, FlagFilter
from leaddesk.views.charts import Bar, Chart, ChartKind, ChartWidget, Series, chart_image, format_number, paint_titled

CONTEXT = "AnalyticsPage"
RANGES = [
    (str(QT_TRANSLATE_NOOP("AnalyticsPage", "Last 7 days")), 7),
    (str(QT_TRANSLATE_NOOP("AnalyticsPage", "Last 30 days")), 30),
    (str(QT_TRANSLATE_NOOP("AnalyticsPage", "Last 90 days")), 90),
    (str(QT_TRANSLATE_NOOP("AnalyticsPage", "All time")), 0),
    (str(QT_TRANSLATE_NOOP("AnalyticsPage", "Custom…")), -1),
]
DEFAULT_RANGE_INDEX = 1
#: Longer ranges show new clients and messages per week instead of per day.
WEEKLY_AFTER_DAYS = 92
MEETING_COLORS = {"scheduled": "#4F86C6", "completed": "#3BB273", "cancelled": "#9AA5B1", "no_show": "#E4572E"}
EMPTY_TEXT = str(
    QT_TRANSLATE_NOOP(
        "AnalyticsPage",
        "No figures yet.\n\nOnce clients write to your WhatsApp number and LeadDesk has synced, this page shows "
        "how many leads reach each funnel stage and how long they stay, sales by status, new leads and messages "
        "per day, the clients' sentiment, meetings, and survey scores. Mystery shoppers and contractors are "
        "always left out.",
    )
)
COUNTING_TEXT = str(QT_TRANSLATE_NOOP("AnalyticsPage", "Counting the figures…"))
#: Counted clients only: the list with mystery shoppers and contractors hidden.
COUNTED = ClientFilter(mystery_shopper=FlagFilter.HIDE, contractor=FlagFilter.HIDE)


@dataclass(frozen=True)
class ChartCard:
    """One chart on the page and the sections of the figures its CSV holds."""

    name: str
    sections: tuple[str, ...]
    widget: ChartWidget
    frame: QFrame


def _days_between(figures: Figures) -> tuple[date, date] | None:
    days = [d for d, _ in figures.new_clients_per_day] + [m.day for m in figures.messages_per_day]
    start = figures.date_range.start or (min(days) if days else None)
    end = figures.date_range.end or (max(days) if days else None)
    if start is None or end is None:
        return None
    return start, end


def survey_scale(top_score: float | None) -> float:
    """The scale a question was asked on, from the highest score it got: 5 (a rating), 10, or 100."""
    top = top_score or 0
    return next(scale for scale in (5.0, 10.0, 100.0) if top <= scale) if top <= 100 else top


def _buckets(figures: Figures) -> tuple[list[date], bool]:
    """The first day of each column (every day, or every Monday for long ranges) and whether weekly."""
    span = _days_between(figures)
    if span is None:
        return [], False
    start, end = span
    weekly = (end - start).days + 1 > WEEKLY_AFTER_DAYS
    if weekly:
        start -= timedelta(days=start.weekday())
    step = timedelta(days=7 if weekly else 1)
    out = []
    day = start
    while day <= end:
        out.append(day)
        day += step
    return out, weekly


def _bucket_of(day: date, weekly: bool) -> date:
    return day - timedelta(days=day.weekday()) if weekly else day


def _label(day: date) -> str:
    return words.day_month(day)


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def percent(share: float) -> str:
    """ "62%" with the locale's digits and percent sign."""
    locale = QLocale()
    return locale.toString(round(share * 100)) + locale.percent()


def build_charts(figures: Figures) -> dict[str, Chart]:
    """The page's charts for ``figures`` (pure: no widgets)."""
    charts: dict[str, Chart] = {}
    funnel_bars = []
    for stage in figures.funnel:
        parts = [QCoreApplication.translate("AnalyticsPage", "reached %1").replace("%1", words.number(stage.reached))]
        if stage.conversion is not None and stage is not figures.funnel[-1]:
            parts.append(
                QCoreApplication.translate("AnalyticsPage", "%1 went on").replace("%1", percent(stage.conversion))
            )
        if stage.avg_days_in_stage is not None:
            parts.append(
                QCoreApplication.translate("AnalyticsPage", "%1 days in stage").replace(
                    "%1", words.number(stage.avg_days_in_stage, 1)
                )
            )
        funnel_bars.append(
            Bar(stage.name, stage.clients, stage.color or "#8E9AAF", key=("stage", stage.stage), note=" · ".join(parts))
        )
    charts["funnel"] = Chart(
        QCoreApplication.translate("AnalyticsPage", "Funnel: clients in each stage"),
        ChartKind.BARS,
        tuple(funnel_bars),
        empty_text=QCoreApplication.translate(
            "AnalyticsPage", "No funnel stages yet: they come from the server with the first sync."
        ),
    )
    nothing = QCoreApplication.translate("AnalyticsPage", "Nothing in this range")
    charts["sale_status"] = Chart(
        QCoreApplication.translate("AnalyticsPage", "Sales by status"),
        ChartKind.BARS,
        tuple(
            Bar(words.label(SaleStatus, s), figures.sale_status[s.value], SALE_STATUS_COLORS[s], key=("sale", s.value))
            for s in SaleStatus
        ),
        empty_text=nothing,
    )
    sentiment_bars = [
        Bar(words.label(Sentiment, s), figures.sentiment[s.value], SENTIMENT_COLORS[s], key=("sentiment", s.value))
        for s in Sentiment
    ]
    sentiment_bars.append(
        Bar(
            QCoreApplication.translate("AnalyticsPage", "Not yet known"),
            figures.sentiment[NO_SENTIMENT_KEY],
            "#C5CDD8",
            key=("sentiment", NO_SENTIMENT),
        )
    )
    charts["sentiment"] = Chart(
        QCoreApplication.translate("AnalyticsPage", "Clients by latest sentiment"),
        ChartKind.BARS,
        tuple(sentiment_bars),
        empty_text=nothing,
    )
    charts["meetings"] = Chart(
        QCoreApplication.translate("AnalyticsPage", "Meetings by status"),
        ChartKind.BARS,
        tuple(
            Bar(words.label(MeetingStatus, key), value, MEETING_COLORS.get(key, "#4F86C6"))
            for key, value in figures.meetings.items()
        ),
        empty_text=nothing,
    )
    # Each scored question on its own scale ("4.4 / 5", "8.6 / 10"); questions answered in words have no mean.
    scored = [q for q in figures.surveys if q.average_score is not None]
    charts["surveys"] = Chart(
        QCoreApplication.translate("AnalyticsPage", "Survey answers: mean score"),
        ChartKind.BARS,
        tuple(
            Bar(
                q.question,
                (q.average_score or 0) / survey_scale(q.top_score),
                "#A15EDB",
                text=f"{words.number(q.average_score or 0, 1)} / {format_number(survey_scale(q.top_score))}",
                note=QCoreApplication.translate("AnalyticsPage", "%Ln answer(s)", None, q.answers),
            )
            for q in scored
        ),
        empty_text=QCoreApplication.translate("AnalyticsPage", "No scored survey answers in this range"),
        scale_max=1.0,
    )
    buckets, weekly = _buckets(figures)
    index = {day: i for i, day in enumerate(buckets)}
    new_clients = [0.0] * len(buckets)
    for day, count in figures.new_clients_per_day:
        new_clients[index[_bucket_of(day, weekly)]] += count
    charts["new_clients_per_day"] = Chart(
        QCoreApplication.translate("AnalyticsPage", "New clients per week")
        if weekly
        else QCoreApplication.translate("AnalyticsPage", "New clients per day"),
        ChartKind.AREA,
        categories=tuple(_label(d) for d in buckets),
        series=(Series(QCoreApplication.translate("AnalyticsPage", "New clients"), "#4F86C6", tuple(new_clients)),),
        empty_text=nothing,
    )
    incoming, out_bot, out_agent = ([0.0] * len(buckets) for _ in range(3))
    for item in figures.messages_per_day:
        at = index[_bucket_of(item.day, weekly)]
        incoming[at] += item.incoming
        out_bot[at] += item.out_bot
        out_agent[at] += item.out_agent
    charts["messages_per_day"] = Chart(
        QCoreApplication.translate("AnalyticsPage", "Messages per week")
        if weekly
        else QCoreApplication.translate("AnalyticsPage", "Messages per day"),
        ChartKind.STACKED,
        categories=tuple(_label(d) for d in buckets),
        series=(
            Series(QCoreApplication.translate("AnalyticsPage", "From clients"), "#4F86C6", tuple(incoming)),
            Series(QCoreApplication.translate("AnalyticsPage", "Bot"), "#A3BFE0", tuple(out_bot)),
            Series(QCoreApplication.translate("AnalyticsPage", "Agents"), "#F2A541", tuple(out_agent)),
        ),
        empty_text=nothing,
    )
    return charts


CARDS: list[tuple[str, tuple[str, ...], int, int, int, int]] = [
    # name, CSV sections, row, column, row span, column span
    ("funnel", ("funnel", "no_stage"), 0, 0, 1, 2),
    ("sale_status", ("sale_status",), 0, 2, 1, 1),
    ("new_clients_per_day", ("new_clients_per_day",), 1, 0, 1, 1),
    ("messages_per_day", ("messages_per_day",), 1, 1, 1, 1),
    ("sentiment", ("sentiment",), 1, 2, 1, 1),
    ("meetings", ("meetings",), 2, 0, 1, 1),
    ("surveys", ("surveys",), 2, 1, 1, 2),
]


class AnalyticsPage(QWidget):
    """The whole page; :attr:`model` holds the figures."""

    #: Show the client list filtered like this (a ``ClientFilter``).
    open_clients_requested = Signal(object)

    def __init__(self, database: Database, parent: QWidget | None = None, *, threaded: bool | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("analyticsPage")
        self.model = AnalyticsModel(database, self, threaded=threaded)
        self.charts: dict[str, Chart] = {}
        #: Where the file dialogs start (tests set it; None: the user's documents).
        self.save_folder: Path | None = None

        self.range_combo = QComboBox()
        self.range_combo.setObjectName("analyticsRange")
        self.range_combo.setAccessibleName(self.tr("Date range"))
        for label, days in RANGES:
            self.range_combo.addItem(_tr(label), days)
        self.range_combo.setCurrentIndex(DEFAULT_RANGE_INDEX)
        self.start_edit = QDateEdit()
        self.end_edit = QDateEdit()
        self.start_edit.setAccessibleName(self.tr("First day"))
        self.end_edit.setAccessibleName(self.tr("Last day"))
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.setDate(QDate.currentDate())
            edit.setVisible(False)
            edit.dateChanged.connect(self._custom_changed)
        self.start_edit.setDate(QDate.currentDate().addDays(-29))
        self.left_out = QLabel()
        self.left_out.setObjectName("analyticsLeftOut")
        self.left_out.setToolTip(self.tr("Mystery shoppers and contractors are not counted; click to see them"))
        self.left_out.setTextFormat(Qt.TextFormat.RichText)  # our own numbers and words only
        self.left_out.linkActivated.connect(self._left_out_clicked)
        self.busy = QProgressBar()
        self.busy.setObjectName("analyticsBusy")
        self.busy.setAccessibleName(self.tr("Counting the figures"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(8)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_page)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setObjectName("analyticsPdf")
        self.pdf_button.clicked.connect(self._ask_pdf)

        header = QHBoxLayout()
        title = QLabel(self.tr("Analytics"))
        title.setObjectName("analyticsTitle")
        header.addWidget(title)
        header.addSpacing(12)
        header.addWidget(self.range_combo)
        header.addWidget(self.start_edit)
        header.addWidget(self.end_edit)
        header.addWidget(self.busy)
        header.addStretch(1)
        header.addWidget(self.left_out)
        header.addSpacing(12)
        header.addWidget(self.print_button)
        header.addWidget(self.pdf_button)

        self.summary = QLabel()
        self.summary.setObjectName("analyticsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        grid_host = QWidget()
        grid_host.setObjectName("analyticsGrid")
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.cards: dict[str, ChartCard] = {}
        for name, sections, row, column, rows, columns in CARDS:
            card = self._card(name, sections)
            grid.addWidget(card.frame, row, column, rows, columns)
            self.cards[name] = card
        for column in range(3):
            grid.setColumnStretch(column, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        scroll.setAccessibleName(self.tr("Charts"))

        self.empty = QLabel(_tr(EMPTY_TEXT))
        self.empty.setObjectName("analyticsEmpty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(60)
        self.stack = QStackedWidget()
        self.stack.addWidget(scroll)
        self.stack.addWidget(self.empty)

        column_layout = QVBoxLayout(self)
        column_layout.setContentsMargins(16, 12, 16, 12)
        column_layout.setSpacing(8)
        column_layout.addLayout(header)
        column_layout.addWidget(self.summary)
        column_layout.addWidget(self.stack, 1)

        self.model.figures_changed.connect(self._show)
        self.model.busy_changed.connect(self.busy.setVisible)
        self.model.failed.connect(self.summary.setText)
        self.range_combo.currentIndexChanged.connect(self._range_changed)
        self.model.date_range = self._chosen_range()
        self._show(self.model.figures)
        # Until the first figures arrive (a large cache takes seconds) say so, rather than "no figures".
        self.empty.setText(_tr(COUNTING_TEXT))
        self.stack.setCurrentWidget(self.empty)
        self._stale = True  # computed when first shown

    # --- building ------------------------------------------------------------------------------

    def _card(self, name: str, sections: tuple[str, ...]) -> ChartCard:
        frame = QFrame()
        frame.setObjectName("analyticsCard")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        top = QHBoxLayout()
        caption = QLabel()
        caption.setObjectName("analyticsCardTitle")
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setWordWrap(True)  # a long title (Spanish) wraps rather than widen the page past the window
        top.addWidget(caption, 1)
        tips = {
            "PNG": self.tr("Save this chart as an image"),
            "CSV": self.tr("Save this chart's figures for a spreadsheet"),
        }
        for text, handler in (("PNG", self._ask_png), ("CSV", self._ask_csv)):
            button = QToolButton()
            button.setText(text)
            button.setObjectName(f"save{text}_{name}")
            button.setToolTip(tips[text])
            button.setAccessibleName(tips[text])
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, n=name, h=handler: h(n))
            top.addWidget(button)
        layout.addLayout(top)
        widget = ChartWidget(min_height=190 if name != "funnel" else 250)
        widget.setObjectName(f"chart_{name}")
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        widget.bar_clicked.connect(self._bar_clicked)
        layout.addWidget(widget, 1)
        frame.setProperty("caption", caption)
        return ChartCard(name, sections, widget, frame)

    # --- showing -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the figures again (after a sync or an edit); the old ones stay until then.

        A hidden page (the client list's tab is open) only notes that its figures are stale, and
        computes them when it is shown: a sync every 30 s need not recount a large cache nobody looks at.
        """
        if self.isVisible():
            self._stale = False
            self.model.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _show(self, figures: Figures) -> None:
        self.charts = build_charts(figures)
        for name, card in self.cards.items():
            chart = self.charts[name]
            card.widget.set_chart(chart)
            caption = card.frame.property("caption")
            if isinstance(caption, QLabel):
                caption.setText(chart.title)
            card.widget.setAccessibleName(chart.title)
        self.empty.setText(_tr(EMPTY_TEXT))
        self.stack.setCurrentIndex(1 if figures.is_empty and figures.date_range.is_all_time else 0)
        self.left_out.setText(self._left_out_text(figures))
        signed = figures.sale_status["signed"] + figures.sale_status["sold"]
        messages = sum(m.incoming + m.out_bot + m.out_agent for m in figures.messages_per_day)
        meetings = sum(figures.meetings.values())
        parts = [
            self.tr("%Ln client(s)", None, figures.clients),
            self.tr("%Ln signed or sold", None, signed),
            self.tr("%Ln message(s)", None, messages),
            self.tr("%Ln meeting(s)", None, meetings),
        ]
        if figures.no_stage:
            parts.append(self.tr("%Ln without a stage", None, figures.no_stage))
        self.summary.setText(" · ".join(parts))

    @staticmethod
    def _left_out_text(figures: Figures) -> str:
        def part(count: int, text: str, link: str) -> str:
            shown = html.escape(text)
            return f'<a href="{link}">{shown}</a>' if count else shown

        mystery, contractors = AnalyticsPage._left_out_parts(figures)
        return (
            html.escape(QCoreApplication.translate("AnalyticsPage", "Left out: %1, %2"))
            .replace("%1", part(figures.mystery_shoppers, mystery, "mystery"))
            .replace("%2", part(figures.contractors, contractors, "contractor"))
        )

    @staticmethod
    def _left_out_parts(figures: Figures) -> tuple[str, str]:
        return (
            QCoreApplication.translate("AnalyticsPage", "%Ln mystery shopper(s)", None, figures.mystery_shoppers),
            QCoreApplication.translate("AnalyticsPage", "%Ln contractor(s)", None, figures.contractors),
        )

    # --- the date range ------------------------------------------------------------------------

    def _chosen_range(self) -> DateRange:
        days = int(self.range_combo.currentData())
        custom = days < 0
        self.start_edit.setVisible(custom)
        self.end_edit.setVisible(custom)
        if custom:
            first, last = self.start_edit.date().toPython(), self.end_edit.date().toPython()
            assert isinstance(first, date) and isinstance(last, date)
            return DateRange(min(first, last), max(first, last))
        if days == 0:
            return DateRange()
        return DateRange.last_days(days)

    def set_range(self, date_range: DateRange) -> None:
        """Show ``date_range`` (a custom range unless it is all time)."""
        if date_range.is_all_time:
            self.range_combo.setCurrentIndex(3)
            return
        for edit, day in ((self.start_edit, date_range.start), (self.end_edit, date_range.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day) if day else QDate.currentDate())
            edit.blockSignals(False)
        if self.range_combo.currentIndex() == len(RANGES) - 1:
            self._range_changed()
        else:
            self.range_combo.setCurrentIndex(len(RANGES) - 1)

    def _range_changed(self) -> None:
        date_range = self._chosen_range()
        if date_range != self.model.date_range:
            self.model.date_range = date_range
            self.refresh()

    def _custom_changed(self) -> None:
        if int(self.range_combo.currentData()) < 0:
            self._range_changed()

    # --- opening the list ----------------------------------------------------------------------

    def _bar_clicked(self, key: object) -> None:
        if not isinstance(key, tuple) or len(key) != 2:
            return
        kind, value = key
        if kind == "stage":
            query = ClientFilter(
                funnel_stages=frozenset({value}), mystery_shopper=FlagFilter.HIDE, contractor=FlagFilter.HIDE
            )
        elif kind == "sale":
            query = ClientFilter(
                sale_statuses=frozenset({value}), mystery_shopper=FlagFilter.HIDE, contractor=FlagFilter.HIDE
            )
        elif kind == "sentiment":
            query = ClientFilter(
                sentiments=frozenset({value}), mystery_shopper=FlagFilter.HIDE, contractor=FlagFilter.HIDE
            )
        else:
            return
        self.open_clients_requested.emit(query)

    def _left_out_clicked(self, link: str) -> None:
        if link == "mystery":
            self.open_clients_requested.emit(ClientFilter(mystery_shopper=FlagFilter.ONLY))
        elif link == "contractor":
            self.open_clients_requested.emit(ClientFilter(contractor=FlagFilter.ONLY))

    # --- saving and printing -------------------------------------------------------------------

    def save_png(self, name: str, path: Path) -> bool:
        image = chart_image(self.charts[name], QSize(720, 420 if name == "funnel" else 360))
        # PNG whatever the name ends with; the stubs want bytes, PySide6 itself a str.
        return bool(image.save(str(path), "PNG"))  # type: ignore[call-overload]

    def save_csv(self, name: str, path: Path) -> None:
        sections = list(self.cards[name].sections)
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, lineterminator="\r\n")
            writer.writerow(("section", "key", "value"))
            writer.writerows(self.model.figures.csv_rows(sections))

    def paint_pages(self, device: QPdfWriter | QPrinter) -> None:
        """Every chart on A4 pages of ``device`` (a ``QPdfWriter`` or a printer), two to a page."""
        painter = QPainter(device)
        try:
            layout = device.pageLayout()
            page = QRectF(layout.paintRectPixels(device.resolution()))
            scale = device.resolution() / 96.0
            half = page.height() / 2
            heading = painter.font()
            heading.setPointSizeF(14)
            for index, (name, *_rest) in enumerate(CARDS):
                if index and index % 2 == 0:
                    device.newPage()
                top = page.top() + (index % 2) * half
                if index == 0:
                    painter.save()
                    painter.setFont(heading)
                    painter.drawText(
                        QRectF(page.left(), page.top(), page.width(), 30 * scale),
                        Qt.AlignmentFlag.AlignLeft,
                        self.tr("LeadDesk Analytics — %1").replace("%1", self._range_words()),
                    )
                    painter.restore()
                    painter.drawText(
                        QRectF(page.left(), page.top() + 30 * scale, page.width(), 36 * scale),
                        Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,  # a long line (Spanish) wraps
                        self.tr("%1. Left out: %2, %3.")
                        .replace("%1", self.summary.text())
                        .replace("%2", self._left_out_parts(self.model.figures)[0])
                        .replace("%3", self._left_out_parts(self.model.figures)[1]),
                    )
                    top += 66 * scale
                paint_titled(painter, QRectF(page.left(), top, page.width(), half - 50 * scale), self.charts[name],
                             scale=scale)  # fmt: skip
        finally:
            painter.end()

    def _range_words(self) -> str:
        date_range = self.model.figures.date_range
        if date_range.is_all_time:
            return self.tr("all time")

        def day(when: date | None, otherwise: str) -> str:
            if when is None:
                return otherwise
            return QLocale().toString(QDate(when.year, when.month, when.day), QLocale.FormatType.ShortFormat)

        return (
            self.tr("%1 to %2")
            .replace("%1", day(date_range.start, self.tr("the beginning")))
            .replace("%2", day(date_range.end, self.tr("today")))
        )

    def save_pdf(self, path: Path) -> None:
        writer = QPdfWriter(str(path))
        writer.setResolution(150)
        writer.setTitle(self.tr("LeadDesk Analytics"))
        writer.setCreator("LeadDesk")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        self.paint_pages(writer)
        del writer

    def print_page(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.paint_pages(printer)

    def _start_folder(self) -> str:
        return str(self.save_folder or Path.home())

    def _ask_png(self, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart as image"),
            str(Path(self._start_folder()) / f"{name}.png"),
            self.tr("PNG image (*.png)"),
        )
        if path:
            self.save_png(name, Path(path))

    def _ask_csv(self, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save figures"), str(Path(self._start_folder()) / f"{name}.csv"), self.tr("CSV file (*.csv)")
        )
        if path:
            self.save_csv(name, Path(path))

    def _ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path(self._start_folder()) / "analytics.pdf"), self.tr("PDF file (*.pdf)")
        )
        if path:
            self.save_pdf(Path(path))
