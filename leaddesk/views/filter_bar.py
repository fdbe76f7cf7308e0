"""The search box and the filters above the client list; they only describe a ``ClientFilter``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QToolButton,
    QWidget,
)

from leaddesk.domain import BotStatus, SaleStatus, Sentiment
from leaddesk.models import words
from leaddesk.models.client_table import ClientFilter
from leaddesk.models.filters import NO_SENTIMENT, NO_STAGE, FlagFilter, StageInfo
from leaddesk.models.icons import icon
from leaddesk.views.flow_layout import FlowLayout
from leaddesk.views.menus import menu_label

SEARCH_DEBOUNCE_MS = 200
#: %1: the Find key as the shortcuts page writes it ("Ctrl+F", "⌘F", "Control+F" in Spanish).
SEARCH_PLACEHOLDER = str(QT_TRANSLATE_NOOP("FilterBar", "Search name or phone  (%1)"))

#: Asked when a filter's menu opens: the contact column it narrows -> {value: clients it would show}.
CountProvider = Callable[[str], dict[Any, int]]


def with_count(label: str, count: int | None) -> str:
    """ "Pending (13)"; the bare label when the count is not known."""
    return label if count is None else f"{label} ({words.number(count)})"


class SearchBox(QLineEdit):
    """The search box: Esc clears it, Enter asks to go to the results (:attr:`submitted`)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ChoiceCombo(QComboBox):
    """A filter that takes one value; its open list shows how many clients each choice would show."""

    def __init__(
        self, object_name: str, tooltip: str, dimension: str, items: list[tuple[str, Any]], name: str = ""
    ) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setToolTip(tooltip)
        self.setAccessibleName(name or tooltip)
        self.setAccessibleDescription(tooltip)
        # As wide as its longest entry, whichever is chosen: choosing never changes its width.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # Qt draws a styled combo's list with a menu-item delegate that paints the highlighted entry
        # white on white; a styled-item delegate follows the style sheet's ::item:selected instead.
        self.setItemDelegate(QStyledItemDelegate(self))
        self.dimension = dimension
        self.count_provider: CountProvider | None = None
        self._labels = [label for label, _ in items]
        for label, value in items:
            self.addItem(label, value)

    def counts(self) -> dict[Any, int] | None:
        return self.count_provider(self.dimension) if self.count_provider is not None else None

    def showPopup(self) -> None:  # noqa: N802
        counts = self.counts()
        if counts is not None:
            # The counts go in the open list only; the box keeps its width meanwhile.
            self.setFixedWidth(self.width())
            total = sum(counts.values())
            for index, label in enumerate(self._labels):
                self.setItemText(index, with_count(label, self._count_of(self.itemData(index), counts, total)))
        view = self.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
        super().showPopup()

    def hidePopup(self) -> None:  # noqa: N802
        super().hidePopup()
        for index, label in enumerate(self._labels):
            self.setItemText(index, label)
        self.setMinimumWidth(0)
        self.setMaximumWidth(16_777_215)

    @staticmethod
    def _count_of(value: Any, counts: dict[Any, int], total: int) -> int:
        if value is None or value == FlagFilter.ANY:
            return total
        if value == FlagFilter.HIDE:
            return counts.get(0, 0)
        if value == FlagFilter.ONLY:
            return counts.get(1, 0)
        return counts.get(value, 0)


class _StayOpenMenu(QMenu):
    """A menu that stays open while the user ticks several of its checkable entries."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            event.accept()
            return
        super().mouseReleaseEvent(event)


class MultiChoiceButton(QToolButton):
    """A filter that takes several values: a button whose menu has one checkable entry per value.

    The button reads "Any sale status" when nothing is ticked, else the ticked labels ("Pending, Signed").
    When its menu opens, each entry shows how many clients it would show ("Pending (13)").
    """

    #: The ticked values changed (by the user, or by :meth:`set_chosen` unless told not to).
    changed = Signal()

    #: Labels shown on the button before the rest are summed up as "+N".
    SHOWN = 2

    def __init__(
        self,
        object_name: str,
        any_label: str,
        tooltip: str,
        items: Iterable[tuple[str, str]] = (),
        dimension: str = "",
        name: str = "",
    ) -> None:
        super().__init__()
        #: What the filter is ("Sale status"), for a screen reader.
        self._name = name or any_label
        self.setObjectName(object_name)
        self.setToolTip(tooltip)
        self.setAccessibleDescription(tooltip)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.dimension = dimension
        self.count_provider: CountProvider | None = None
        self._any_label = any_label
        self._menu = _StayOpenMenu(self)
        self._menu.aboutToShow.connect(self._show_counts)
        self.setMenu(self._menu)
        self._any = QAction(any_label, self)  # not the menu's: its clear() deletes the actions it owns
        self._any.triggered.connect(lambda: self.set_chosen(()))
        self._actions: list[QAction] = []
        self._labels: dict[int, str] = {}
        self.set_items(list(items))

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """Offer ``items`` (label, value); values still offered stay ticked. Emits nothing."""
        kept = self.chosen()
        self._menu.clear()
        self._menu.addAction(self._any)
        self._menu.addSeparator()
        self._actions = []
        self._labels = {}
        for label, value in items:
            action = QAction(menu_label(label), self._menu)  # a stage "Visit & sign" keeps its "&"
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value in kept)
            action.toggled.connect(self._toggled)
            self._menu.addAction(action)
            self._actions.append(action)
            self._labels[id(action)] = label
        self._update_text()

    def values(self) -> list[str]:
        return [str(action.data()) for action in self._actions]

    def label_of(self, action: QAction) -> str:
        """The entry's label without its count."""
        return self._labels.get(id(action), action.text())

    def chosen(self) -> frozenset[str]:
        return frozenset(str(a.data()) for a in getattr(self, "_actions", []) if a.isChecked())

    def set_chosen(self, values: Iterable[str], *, notify: bool = True) -> None:
        wanted = set(values)
        before = self.chosen()
        for action in self._actions:
            action.blockSignals(True)
            action.setChecked(str(action.data()) in wanted)
            action.blockSignals(False)
        self._update_text()
        if notify and self.chosen() != before:
            self.changed.emit()

    def _show_counts(self) -> None:
        counts = self.count_provider(self.dimension) if self.count_provider is not None else None
        total = sum(counts.values()) if counts is not None else None
        self._any.setText(with_count(self._any_label, total))
        for action in self._actions:
            value = str(action.data())
            key: Any = None if value in (NO_STAGE, NO_SENTIMENT) else value
            action.setText(
                menu_label(with_count(self.label_of(action), None if counts is None else counts.get(key, 0)))
            )

    def _toggled(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        labels = [self.label_of(a) for a in self._actions if a.isChecked()]
        self._any.setCheckable(True)
        self._any.setChecked(not labels)
        if not labels:
            self.setText(self._any_label)
        elif len(labels) <= self.SHOWN + 1:
            self.setText(menu_label(", ".join(labels)))
        else:
            self.setText(menu_label(", ".join(labels[: self.SHOWN]) + f" +{len(labels) - self.SHOWN}"))
        # A screen reader hears the filter's name and what is ticked, not just "Pending, Signed".
        self.setAccessibleName(
            QCoreApplication.translate("FilterBar", "%1: %2").replace("%1", self._name).replace("%2", self.text())
            if labels
            else self._any_label
        )


class FilterBar(QWidget):
    """The filters row (it wraps onto a second line in a narrow window); :attr:`search` is a separate
    widget the window puts in its toolbar."""

    #: The search or a filter changed (the search after a short pause in typing).
    changed = Signal()
    #: Enter in the search box: show the results and go to them.
    results_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.search = SearchBox()
        self.search.setObjectName("searchBox")
        find_key = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
        self.search.setPlaceholderText(
            QCoreApplication.translate("FilterBar", SEARCH_PLACEHOLDER).replace("%1", find_key)
        )
        self.search.setAccessibleName(self.tr("Search clients"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            self.tr("Words that start a client's name, or a phone number. Esc clears; Enter goes to the list")
        )
        self.search.addAction(QAction(icon("search"), "", self.search), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(240)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(self._debounce.start)
        self.search.textChanged.connect(self._update_clear_button)
        # Enter runs the search at once, then the window moves to the results.
        self.search.submitted.connect(self._search_now)

        self.sale = MultiChoiceButton(
            "saleFilter",
            self.tr("Any sale status"),
            self.tr("Show only clients with one of the ticked sale statuses"),
            [(words.label(SaleStatus, s), s.value) for s in SaleStatus],
            dimension="sale_status",
            name=self.tr("Sale status filter"),
        )
        self.bot = ChoiceCombo(
            "botFilter",
            self.tr("Show only clients whose bot is active, paused, or handed to an agent"),
            "bot_status",
            [(self.tr("Any bot status"), None)] + [(words.label(BotStatus, s), s.value) for s in BotStatus],
            name=self.tr("Bot filter"),
        )
        self.stage = MultiChoiceButton(
            "stageFilter",
            self.tr("Any stage"),
            self.tr("Show only clients in one of the ticked funnel stages"),
            [(self.no_stage_label(), NO_STAGE)],
            dimension="funnel_stage",
            name=self.tr("Funnel stage filter"),
        )
        self.sentiment = MultiChoiceButton(
            "sentimentFilter",
            self.tr("Any sentiment"),
            self.tr("Show only clients with one of the ticked sentiments"),
            [(words.label(Sentiment, s), s.value) for s in Sentiment] + [(self.tr("No sentiment yet"), NO_SENTIMENT)],
            dimension="sentiment",
            name=self.tr("Sentiment filter"),
        )
        self.mystery = ChoiceCombo(
            "mysteryFilter",
            self.tr("Mystery shoppers are internal testers"),
            "mystery_shopper",
            [
                (self.tr("With mystery shoppers"), FlagFilter.ANY),
                (self.tr("Hide mystery shoppers"), FlagFilter.HIDE),
                (self.tr("Only mystery shoppers"), FlagFilter.ONLY),
            ],
            name=self.tr("Mystery shopper filter"),
        )
        self.contractor = ChoiceCombo(
            "contractorFilter",
            self.tr("Contractors are suppliers and third parties"),
            "contractor",
            [
                (self.tr("With contractors"), FlagFilter.ANY),
                (self.tr("Hide contractors"), FlagFilter.HIDE),
                (self.tr("Only contractors"), FlagFilter.ONLY),
            ],
            name=self.tr("Contractor filter"),
        )
        self.unread = QCheckBox(self.tr("Unread only"))
        self.unread.setObjectName("unreadFilter")
        self.unread.setToolTip(self.tr("Show only clients with messages nobody has read yet"))
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setIcon(icon("filter-clear"))
        self.clear_button.setToolTip(self.tr("Remove the search and every filter (Ctrl+Shift+L)"))
        self.clear_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)

        layout = FlowLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        caption = QLabel(self.tr("Filter:"))
        caption.setObjectName("filterCaption")
        layout.addWidget(caption)
        for choice in self.choices():
            choice.changed.connect(self._filters_changed)
        for combo in self.combos():
            combo.currentIndexChanged.connect(self._filters_changed)
        for widget in (self.sale, self.bot, self.stage, self.sentiment, self.mystery, self.contractor):
            layout.addWidget(widget)
        self.unread.toggled.connect(self._filters_changed)
        layout.addWidget(self.unread)
        layout.addWidget(self.clear_button)
        self._update_clear_button()

    def no_stage_label(self) -> str:
        return self.tr("No stage")

    def combos(self) -> list[ChoiceCombo]:
        """The filters that take one value."""
        return [self.bot, self.mystery, self.contractor]

    def choices(self) -> list[MultiChoiceButton]:
        """The filters that take several values (sale status, funnel stage, sentiment)."""
        return [self.sale, self.stage, self.sentiment]

    def set_count_provider(self, provider: CountProvider | None) -> None:
        """Who counts the clients each choice would show, when a filter's menu opens."""
        for choice in self.choices():
            choice.count_provider = provider
        for combo in self.combos():
            combo.count_provider = provider

    def set_stages(self, stages: list[StageInfo], other_ids: list[str]) -> None:
        """Offer the account's stages in order, then ids some client carries that the account lacks."""
        known = {s.id for s in stages}
        items = [(stage.name, stage.id) for stage in stages]
        items += [(stage_id, stage_id) for stage_id in other_ids if stage_id not in known]
        items.append((self.no_stage_label(), NO_STAGE))
        before = self.stage.chosen()
        self.stage.set_items(items)
        if self.stage.chosen() != before:  # a ticked stage is gone: the list must follow
            self._filters_changed()

    def apply_to(self, query: ClientFilter) -> ClientFilter:
        """``query`` (its sort kept) with this bar's search and filters."""

        def chosen(combo: QComboBox) -> frozenset[str]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({str(value)})

        return replace(
            query.filters_cleared(),
            search=self.search.text().strip(),
            sale_statuses=self.sale.chosen(),
            bot_statuses=chosen(self.bot),
            funnel_stages=self.stage.chosen(),
            sentiments=self.sentiment.chosen(),
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
            for choice in self.choices():
                choice.set_chosen((), notify=False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._debounce.stop()
        self._filters_changed()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.changed.emit()
        self.results_requested.emit()

    def _filters_changed(self) -> None:
        self._update_clear_button()
        self.changed.emit()

    def _update_clear_button(self) -> None:
        busy = any(c.currentIndex() > 0 for c in self.combos()) or any(c.chosen() for c in self.choices())
        busy = busy or self.unread.isChecked()
        self.clear_button.setEnabled(busy or bool(self.search.text().strip()))
