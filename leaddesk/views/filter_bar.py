"""The search box and the filters above the client list; they only describe a ``ClientFilter``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from leaddesk.db.queries import NO_SENTIMENT, NO_STAGE, FlagFilter, StageInfo
from leaddesk.domain import BotStatus, SaleStatus, Sentiment
from leaddesk.models.client_table import ClientFilter
from leaddesk.models.icons import icon

SEARCH_DEBOUNCE_MS = 200
SEARCH_PLACEHOLDER = "Search name or phone  (Ctrl+F)"


def _combo(object_name: str, tooltip: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setToolTip(tooltip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for label, value in items:
        combo.addItem(label, value)
    return combo


class FilterBar(QWidget):
    """The filters row; :attr:`search` is a separate widget the window puts in its toolbar."""

    #: The search or a filter changed (the search after a short pause in typing).
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(QAction(icon("search"), "", self.search), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(300)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(self._debounce.start)
        # Enter runs the search at once.
        self.search.returnPressed.connect(self._search_now)

        self.sale = _combo(
            "saleFilter",
            "Show only clients with this sale status",
            [("Any sale status", None)] + [(s.label, s.value) for s in SaleStatus],
        )
        self.bot = _combo(
            "botFilter",
            "Show only clients whose bot is active, paused, or handed to an agent",
            [("Any bot status", None)] + [(s.label, s.value) for s in BotStatus],
        )
        self.stage = _combo("stageFilter", "Show only clients in this funnel stage", [("Any stage", None)])
        self.sentiment = _combo(
            "sentimentFilter",
            "Show only clients with this sentiment",
            [("Any sentiment", None)] + [(s.label, s.value) for s in Sentiment] + [("No sentiment yet", NO_SENTIMENT)],
        )
        self.mystery = _combo(
            "mysteryFilter",
            "Mystery shoppers are internal testers",
            [
                ("With mystery shoppers", FlagFilter.ANY),
                ("Hide mystery shoppers", FlagFilter.HIDE),
                ("Only mystery shoppers", FlagFilter.ONLY),
            ],
        )
        self.contractor = _combo(
            "contractorFilter",
            "Contractors are suppliers and third parties",
            [
                ("With contractors", FlagFilter.ANY),
                ("Hide contractors", FlagFilter.HIDE),
                ("Only contractors", FlagFilter.ONLY),
            ],
        )
        self.unread = QCheckBox("Unread only")
        self.unread.setObjectName("unreadFilter")
        self.unread.setToolTip("Show only clients with messages nobody has reviewed yet")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText("Clear filters")
        self.clear_button.setIcon(icon("filter-clear"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        caption = QLabel("Filter:")
        caption.setObjectName("filterCaption")
        layout.addWidget(caption)
        for combo in self.combos():
            combo.currentIndexChanged.connect(self._filters_changed)
            layout.addWidget(combo)
        self.unread.toggled.connect(self._filters_changed)
        layout.addWidget(self.unread)
        layout.addStretch(1)
        layout.addWidget(self.clear_button)
        self._update_clear_button()

    def combos(self) -> list[QComboBox]:
        return [self.sale, self.bot, self.stage, self.sentiment, self.mystery, self.contractor]

    def set_stages(self, stages: list[StageInfo], other_ids: list[str]) -> None:
        """Offer the account's stages in order, then ids some client carries that the account lacks."""
        current = self.stage.currentData()
        self.stage.blockSignals(True)
        try:
            self.stage.clear()
            self.stage.addItem("Any stage", None)
            known = {s.id for s in stages}
            for stage in stages:
                self.stage.addItem(stage.name, stage.id)
            for stage_id in other_ids:
                if stage_id not in known:
                    self.stage.addItem(stage_id, stage_id)
            self.stage.addItem("No stage", NO_STAGE)
            found = self.stage.findData(current)
            self.stage.setCurrentIndex(max(found, 0))
        finally:
            self.stage.blockSignals(False)

    def apply_to(self, query: ClientFilter) -> ClientFilter:
        """``query`` (its sort kept) with this bar's search and filters."""

        def chosen(combo: QComboBox) -> frozenset[str]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({str(value)})

        return replace(
            query.filters_cleared(),
            search=self.search.text().strip(),
            sale_statuses=chosen(self.sale),
            bot_statuses=chosen(self.bot),
            funnel_stages=chosen(self.stage),
            sentiments=chosen(self.sentiment),
            mystery_shopper=FlagFilter(self.mystery.currentData()),
            contractor=FlagFilter(self.contractor.currentData()),
            unread_only=self.unread.isChecked(),
        )

    def clear(self) -> None:
        """Remove the search and every filter (one change, not one per widget)."""
        widgets: list[QWidget] = [self.search, self.unread, *self.combos()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            self.unread.setChecked(False)
            for combo in self.combos():
                combo.setCurrentIndex(0)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._debounce.stop()
        self._filters_changed()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    def _filters_changed(self) -> None:
        self._update_clear_button()
        self.changed.emit()

    def _update_clear_button(self) -> None:
        busy = any(c.currentIndex() > 0 for c in self.combos()) or self.unread.isChecked()
        self.clear_button.setEnabled(busy or bool(self.search.text()))
