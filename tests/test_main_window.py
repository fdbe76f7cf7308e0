"""The main window driven as a person would: typing, clicking headers, choosing filters, keys."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.models.client_table import Column, ContactIdRole
from leaddesk.views.filter_bar import MultiChoiceButton
from leaddesk.views.main_window import PAGE_LIST, PAGE_NO_CLIENTS, PAGE_NO_MATCHES, MainWindow, format_counts
from tests.support.events import EventLog, account_updated, at, contact, message


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def filled(database: Database) -> Database:
    EventLog(database).apply(
        [
            account_updated(),
            contact("ct_a", name="Ana López", phone="+5215512345678", sale_status="signed", sentiment="warm"),
            contact("ct_b", name="Bruno Díaz", phone="+14155552671", bot_status="paused", funnel_stage="closed"),
            contact("ct_c", name="Carla Ruiz", phone="+34612345678", mystery_shopper=True, sentiment="hot"),
            contact("ct_d", name="<b>bold</b>", phone="+525598765432", contractor=True, unread=3),
            message("ct_a", at(-10)),
            message("ct_b", at(-30)),
            message("ct_c", at(-5)),
        ]
    )
    return database


def make_window(qtbot: QtBot, database: Database, settings: QSettings) -> MainWindow:
    window = MainWindow(database, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, filled: Database, settings: QSettings) -> Iterator[MainWindow]:
    yield make_window(qtbot, filled, settings)


def shown_ids(window: MainWindow) -> list[str]:
    return [window.model.contact_id(row) for row in range(window.model.rowCount())]


def test_counts_format(qapp: QApplication) -> None:
    assert format_counts(1204, 5310) == "1,204 of 5,310 clients"
    assert format_counts(5310, 5310) == "5,310 clients"
    assert format_counts(1, 1) == "1 client"


def test_typing_in_search_filters_after_the_debounce(qtbot: QtBot, window: MainWindow) -> None:
    assert window.count_label.text() == "4 clients"
    qtbot.keyClicks(window.search, "carl")
    assert window.model.rowCount() == 4  # not yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: shown_ids(window) == ["ct_c"], timeout=2000)
    assert window.count_label.text() == "1 of 4 clients"
    window.search.clear()
    qtbot.keyClicks(window.search, "+1 (415)")
    qtbot.waitUntil(lambda: shown_ids(window) == ["ct_b"], timeout=2000)


def test_header_click_sorts(qtbot: QtBot, window: MainWindow) -> None:
    assert shown_ids(window)[0] == "ct_c"  # newest activity first
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.NAME) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    first = shown_ids(window)[0]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    second = shown_ids(window)[0]
    assert {first, second} == {"ct_d", "ct_c"}  # "<b>bold</b>" first one way, "Carla Ruiz" the other
    assert window.model.query.sort == Column.NAME


@pytest.mark.parametrize(
    ("combo", "value", "expected"),
    [
        ("sale", "signed", ["ct_a"]),
        ("bot", "paused", ["ct_b"]),
        ("stage", "closed", ["ct_b"]),
        ("sentiment", "hot", ["ct_c"]),
        ("mystery", "only", ["ct_c"]),
        ("mystery", "hide", ["ct_a", "ct_b", "ct_d"]),
        ("contractor", "only", ["ct_d"]),
    ],
)
def test_each_filter_narrows_and_counts(window: MainWindow, combo: str, value: str, expected: list[str]) -> None:
    box = getattr(window.filters, combo)
    if isinstance(box, MultiChoiceButton):
        box.set_chosen([value])
    else:
        box.setCurrentIndex(box.findData(value))
    assert sorted(shown_ids(window)) == expected
    assert window.count_label.text() == f"{len(expected)} of 4 clients"
    window.filters.clear_button.click()
    assert window.count_label.text() == "4 clients"


def test_sale_status_and_stage_filters_take_several_values(qtbot: QtBot, window: MainWindow, filled: Database) -> None:
    edits.set_sale_status(filled, ["ct_c"], "pending")
    window.refresh_clients()
    sale = window.filters.sale
    assert sale.text() == "Any sale status"
    menu = sale.menu()
    assert menu is not None
    entries = {a.data(): a for a in menu.actions() if a.isCheckable() and a.data() is not None}
    # Ticking entries in the open menu: it stays open, and each tick narrows the list at once.
    sale.show()
    menu.popup(sale.mapToGlobal(sale.rect().bottomLeft()))
    qtbot.waitExposed(menu)
    for value in ("pending", "signed"):
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(entries[value]).center())
    assert menu.isVisible()
    menu.close()
    assert sale.text() == "Pending, Signed"
    assert window.model.query.sale_statuses == frozenset({"pending", "signed"})
    assert sorted(shown_ids(window)) == ["ct_a", "ct_c"]
    assert window.count_label.text() == "2 of 4 clients"
    assert window.filters.clear_button.isEnabled()

    stages = window.filters.stage
    assert "No stage" in [a.text() for a in stages.menu().actions()]  # type: ignore[union-attr]
    stages.set_chosen(["closed", "new"])
    assert window.model.query.funnel_stages == frozenset({"closed", "new"})
    window.filters.clear_button.click()
    assert (sale.text(), stages.text()) == ("Any sale status", "Any stage")
    assert window.count_label.text() == "4 clients"


def test_no_matches_state_and_clear_filters(qtbot: QtBot, window: MainWindow) -> None:
    window.filters.unread.setChecked(True)
    window.filters.mystery.setCurrentIndex(window.filters.mystery.findData("only"))
    assert window.pages.currentIndex() == PAGE_NO_MATCHES
    assert window.count_label.text() == "0 of 4 clients"
    assert window.no_matches.primary_button is not None
    qtbot.mouseClick(window.no_matches.primary_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == PAGE_LIST
    assert window.model.rowCount() == 4


def test_enter_and_double_click_ask_to_open_the_profile(qtbot: QtBot, window: MainWindow) -> None:
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    expected = window.model.contact_id(1)
    with qtbot.waitSignal(window.open_profile_requested) as opened:
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened.args == [expected]
    assert window.selected_contact_ids() == [expected]

    index = window.model.index(2, Column.PHONE)
    rect = window.table.visualRect(index)
    # A real double-click is a press and release, then the double-click event.
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(window.open_profile_requested) as opened:
        qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [index.data(ContactIdRole)]


def test_ctrl_f_focuses_the_search(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.search, timeout=2000)


def test_sync_and_settings_signals(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sync_requested):
        window.sync_action.trigger()
    with qtbot.waitSignal(window.settings_requested):
        window.settings_action.trigger()


def test_empty_database_shows_how_to_start(qtbot: QtBot, database: Database, settings: QSettings) -> None:
    window = make_window(qtbot, database, settings)
    assert window.pages.currentIndex() == PAGE_NO_CLIENTS
    assert "No clients" in window.no_clients.title.text()
    assert "leaddesk --demo" in window.no_clients.hint.text()
    assert window.count_label.text() == "0 clients"
    assert window.no_clients.primary_button is not None
    with qtbot.waitSignal(window.settings_requested):
        qtbot.mouseClick(window.no_clients.primary_button, Qt.MouseButton.LeftButton)


def test_refresh_keeps_the_selection(filled: Database, window: MainWindow) -> None:
    window.table.selectRow(shown_ids(window).index("ct_b"))
    EventLog(filled).apply([contact("ct_z", name="Zoe"), message("ct_z", at(5))])
    window.refresh_clients()
    assert shown_ids(window)[0] == "ct_z"
    assert window.selected_contact_ids() == ["ct_b"]
    assert window.count_label.text() == "5 clients"


def test_header_state_survives_a_new_window(qtbot: QtBot, filled: Database, settings: QSettings) -> None:
    first = make_window(qtbot, filled, settings)
    header = first.table.horizontalHeader()
    header.moveSection(header.visualIndex(Column.SENTIMENT), 0)
    header.resizeSection(Column.PHONE, 222)
    first.table.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
    first.close()

    second = make_window(qtbot, filled, settings)
    header = second.table.horizontalHeader()
    assert header.visualIndex(Column.SENTIMENT) == 0
    assert header.sectionSize(Column.PHONE) == 222
    assert header.sortIndicatorSection() == Column.NAME
    assert second.model.query.sort == Column.NAME
    assert shown_ids(second)[0] == "ct_d"


def test_names_are_plain_text(window: MainWindow) -> None:
    row = shown_ids(window).index("ct_d")
    index = window.model.index(row, Column.NAME)
    assert index.data() == "<b>bold</b>"
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt;" in tooltip
    assert window.table.grab().width() > 0  # the delegates paint it without error
