"""The client list on a small screen and from the keyboard, its filter menus, columns and bulk edits.

Real widgets with the program's own style sheet, driven with pytest-qt (keys, clicks), on a real
SQLite file fed through the event applier.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QItemSelectionModel, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from leaddesk.app import apply_style
from leaddesk.db.database import Database
from leaddesk.models.client_table import Column
from leaddesk.views.client_actions import PauseUntilDialog, build_client_menu, install_client_actions
from leaddesk.views.main_window import MainWindow
from tests.support.events import EventLog, account_updated, at, contact, message

BLUE = QColor("#2F6FB3")


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The program's style sheet on the test application, as ``leaddesk`` sets it; removed after."""
    apply_style(qapp)
    yield qapp
    qapp.setStyleSheet("")


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def clients(database: Database) -> Database:
    events = [account_updated()]
    people = [
        ("ct_1", "Ana López", "+5215512345678", "pending", "warm", False),
        ("ct_2", "Bruno Díaz", "+14155552671", "pending", "hot", False),
        ("ct_3", "Carla Ruiz", "+34612345678", "signed", "warm", True),
        ("ct_4", "Diego Pérez", "+525598765432", "none", None, False),
        ("ct_5", "Elena Gómez", "+525511112222", "pending", "cold", False),
    ]
    for i, (cid, name, phone, sale, sentiment, mystery) in enumerate(people):
        fields = {"sentiment": sentiment} if sentiment else {}
        events.append(contact(cid, name=name, phone=phone, sale_status=sale, mystery_shopper=mystery, **fields))
        events.append(message(cid, at(-10 * (i + 1))))
    EventLog(database).apply(events)
    return database


def open_window(
    qtbot: QtBot, database: Database, settings: QSettings, size: tuple[int, int] = (1024, 700)
) -> MainWindow:
    window = MainWindow(database, settings=settings)
    qtbot.addWidget(window)
    install_client_actions(window, database)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def shown_ids(window: MainWindow) -> list[str]:
    return [window.model.contact_id(row) for row in range(window.model.rowCount())]


def close_to(color: QColor, expected: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(color.getRgb()[:3], expected.getRgb()[:3], strict=True))


def colours(image: QImage, left: int, top: int, right: int, bottom: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for x in range(max(left, 0), min(right, image.width())):
        for y in range(max(top, 0), min(bottom, image.height())):
            name = QColor(image.pixel(x, y)).name()
            found[name] = found.get(name, 0) + 1
    return found


# --- 8. the highlighted entry of a one-value filter is readable ---------------------------------


@pytest.mark.parametrize("combo_name", ["bot", "mystery", "contractor"])
def test_the_highlighted_entry_of_a_one_value_filter_is_not_white_on_white(
    qtbot: QtBot, styled: QApplication, clients: Database, settings: QSettings, combo_name: str
) -> None:
    window = open_window(qtbot, clients, settings)
    combo = getattr(window.filters, combo_name)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    index = view.model().index(1, 0)
    view.setCurrentIndex(index)
    view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.wait(20)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    found = colours(image, rect.left(), rect.top(), rect.right(), rect.bottom())
    background = QColor(max(found, key=lambda name: found[name]))
    # A coloured highlight, and text on it that differs from it: not white on white.
    assert close_to(background, BLUE), found
    text_pixels = sum(n for name, n in found.items() if QColor(name).lightness() - background.lightness() > 60)
    assert text_pixels >= 15, found
    combo.hidePopup()


def test_the_highlighted_entry_of_the_sentiment_menu_is_readable(
    qtbot: QtBot, styled: QApplication, clients: Database, settings: QSettings
) -> None:
    window = open_window(qtbot, clients, settings)
    button = window.filters.sentiment
    menu = button.menu()
    assert menu is not None
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    qtbot.waitExposed(menu)
    entry = next(a for a in menu.actions() if a.data() == "warm")
    menu.setActiveAction(entry)
    qtbot.wait(20)
    image = menu.grab().toImage()
    rect = menu.actionGeometry(entry)
    found = colours(image, rect.left() + 2, rect.top() + 1, rect.right() - 2, rect.bottom() - 1)
    background = QColor(max(found, key=lambda name: found[name]))
    assert background.lightness() < 200, found  # a coloured highlight, not white
    text_pixels = sum(n for name, n in found.items() if QColor(name).lightness() - background.lightness() > 60)
    assert text_pixels >= 15, found
    menu.close()


# --- 9. small screens ---------------------------------------------------------------------------


def choose_three_filters(window: MainWindow) -> None:
    window.filters.sale.set_chosen(["pending", "signed"])
    window.filters.sentiment.set_chosen(["hot", "warm", "cold"])
    window.filters.mystery.setCurrentIndex(window.filters.mystery.findData("hide"))


@pytest.mark.parametrize("size", [(1024, 700), (1440, 900)])
def test_filters_never_widen_the_window_nor_clip_their_labels_and_the_columns_fit(
    qtbot: QtBot, styled: QApplication, clients: Database, settings: QSettings, size: tuple[int, int]
) -> None:
    window = open_window(qtbot, clients, settings, size)
    choose_three_filters(window)
    qtbot.wait(50)
    assert (window.width(), window.height()) == size
    assert window.minimumSizeHint().width() <= 1024
    bar = window.filters
    for widget in (bar.sale, bar.bot, bar.stage, bar.sentiment, bar.mystery, bar.contractor, bar.unread):
        assert widget.isVisible()
        assert widget.width() >= widget.sizeHint().width(), widget.objectName()  # nothing squeezed: "Any s…tatus"
        right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
        assert right <= window.width(), widget.objectName()
    table = window.table
    qtbot.waitUntil(lambda: not table.horizontalScrollBar().isVisible(), timeout=2000)
    header = table.horizontalHeader()
    sentiment_right = header.sectionViewportPosition(Column.SENTIMENT) + header.sectionSize(Column.SENTIMENT)
    assert sentiment_right <= table.viewport().width()
    assert header.sectionSize(Column.NAME) >= 120


# --- 12. the keyboard ---------------------------------------------------------------------------


def test_filter_buttons_and_menus_show_keyboard_focus(
    qtbot: QtBot, styled: QApplication, clients: Database, settings: QSettings
) -> None:
    window = open_window(qtbot, clients, settings)
    window.activateWindow()
    for widget in (window.filters.sale, window.filters.stage, window.filters.bot):
        unfocused = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus, timeout=2000)
        focused = widget.grab().toImage()
        middle = unfocused.height() // 2
        assert not close_to(QColor(unfocused.pixel(0, middle)), BLUE, 30), widget.objectName()
        assert close_to(QColor(focused.pixel(0, middle)), BLUE, 30), widget.objectName()
        assert close_to(QColor(focused.pixel(1, middle)), BLUE, 30), widget.objectName()


def _popup_menu(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=2000)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


@pytest.mark.parametrize("key", ["shift+f10", "menu"])
def test_the_keyboard_opens_the_row_menu_at_the_current_row(
    qtbot: QtBot, clients: Database, settings: QSettings, key: str
) -> None:
    window = open_window(qtbot, clients, settings)
    table = window.table
    table.setFocus()
    table.selectRow(3)
    if key == "menu":
        qtbot.keyClick(table, Qt.Key.Key_Menu)
    else:
        qtbot.keyClick(table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    menu = _popup_menu(qtbot)
    row = table.visualRect(window.model.index(3, 0))
    row_bottom = table.viewport().mapToGlobal(row.bottomLeft()).y()
    assert abs(menu.pos().y() - row_bottom) <= 4  # under the current row, wherever the mouse is
    assert menu.actions()[0].text() == "1 client"
    menu.close()
    # A keyboard context-menu event (as the platform sends for the Menu key) does the same.
    table.selectRow(1)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(5, 5), table.mapToGlobal(QPoint(5, 5)))
    QApplication.sendEvent(table, event)
    menu = _popup_menu(qtbot)
    row = table.visualRect(window.model.index(1, 0))
    assert abs(menu.pos().y() - table.viewport().mapToGlobal(row.bottomLeft()).y()) <= 4
    menu.close()


def test_esc_clears_the_search_enter_goes_to_the_results_and_clear_filters_follows_the_search(
    qtbot: QtBot, clients: Database, settings: QSettings
) -> None:
    window = open_window(qtbot, clients, settings)
    search = window.search
    clear = window.filters.clear_button
    assert not clear.isEnabled()
    search.setFocus()
    qtbot.keyClicks(search, "bru")
    assert clear.isEnabled()  # a search alone is something to clear
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert shown_ids(window) == ["ct_2"]
    qtbot.waitUntil(window.table.hasFocus, timeout=2000)
    assert window.selected_contact_ids() == ["ct_2"]
    assert window.table.currentIndex().row() == 0

    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    qtbot.waitUntil(lambda: len(shown_ids(window)) == 5, timeout=2000)
    assert not clear.isEnabled()

    qtbot.keyClicks(search, "car")
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert search.text() == ""
    assert len(shown_ids(window)) == 5


# --- extras: counts, several sentiments, columns --------------------------------------------------


def test_filter_menus_count_each_choice_with_the_other_filters_applied(
    qtbot: QtBot, clients: Database, settings: QSettings
) -> None:
    window = open_window(qtbot, clients, settings)
    window.filters.sentiment.set_chosen(["warm", "hot"])
    assert window.model.query.sentiments == frozenset({"warm", "hot"})
    assert sorted(shown_ids(window)) == ["ct_1", "ct_2", "ct_3"]
    sale_menu = window.filters.sale.menu()
    assert sale_menu is not None
    sale_menu.aboutToShow.emit()
    texts = [a.text() for a in sale_menu.actions() if a.text()]
    assert texts == ["Any sale status (3)", "None (0)", "Pending (2)", "Signed (1)", "Sold (0)"]
    # Its own filter is left out: the sentiment menu counts every sentiment.
    sentiment_menu = window.filters.sentiment.menu()
    assert sentiment_menu is not None
    sentiment_menu.aboutToShow.emit()
    texts = [a.text() for a in sentiment_menu.actions() if a.text()]
    assert texts[0] == "Any sentiment (5)"
    assert "Cold (1)" in texts and "No sentiment yet (1)" in texts
    assert window.filters.sentiment.text() == "Warm, Hot" or window.filters.sentiment.text() == "Hot, Warm"

    mystery = window.filters.mystery
    mystery.showPopup()
    assert [mystery.itemText(i) for i in range(3)] == [
        "With mystery shoppers (3)",
        "Hide mystery shoppers (2)",
        "Only mystery shoppers (1)",
    ]
    mystery.hidePopup()
    assert mystery.itemText(1) == "Hide mystery shoppers"


def test_columns_hidden_from_the_header_menu_stay_hidden_after_a_restart(
    qtbot: QtBot, clients: Database, settings: QSettings
) -> None:
    first = open_window(qtbot, clients, settings)
    header = first.table.horizontalHeader()
    where = QPoint(20, 5)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where, header.viewport().mapToGlobal(where))
    QApplication.sendEvent(header.viewport(), event)
    menu = _popup_menu(qtbot)
    phone = next(a for a in menu.actions() if a.text() == "Phone")
    assert phone.isChecked()
    assert not next(a for a in menu.actions() if a.text() == "Name").isEnabled()  # the Name column stays
    phone.trigger()
    menu.close()
    assert header.isSectionHidden(Column.PHONE)
    first.close()

    second = open_window(qtbot, clients, settings)
    assert second.table.horizontalHeader().isSectionHidden(Column.PHONE)
    second.reset_columns_action.trigger()
    assert not second.table.horizontalHeader().isSectionHidden(Column.PHONE)


# --- extras: bulk edits ---------------------------------------------------------------------------


def select(window: MainWindow, ids: list[str]) -> None:
    window.table.clearSelection()
    rows = [shown_ids(window).index(cid) for cid in ids]
    for row in rows:
        index = window.model.index(row, 0)
        window.table.selectionModel().select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def column_of(database: Database, column: str) -> dict[str, object]:
    with database.read() as connection:
        return dict(connection.execute(text(f"SELECT id, {column} FROM contacts")).all())  # type: ignore[arg-type]


def test_bulk_menu_marks_the_shared_value_and_its_notice_undoes_the_edit(
    qtbot: QtBot, clients: Database, settings: QSettings
) -> None:
    window = open_window(qtbot, clients, settings)
    select(window, ["ct_1", "ct_2", "ct_5"])  # all three pending
    menu = build_client_menu(window, clients, window.table)
    owner = menu._owner  # type: ignore[attr-defined]
    assert owner.entry("Set sale status", "Pending").isChecked()
    assert not owner.entry("Set sale status", "Sold").isChecked()
    assert owner.entry("Flags", "Not a mystery shopper").isChecked()
    assert owner.entry("Bot", "Let the bot answer").isChecked()

    select(window, ["ct_1", "ct_3", "ct_4"])  # pending, signed, none
    menu = build_client_menu(window, clients, window.table)
    owner = menu._owner  # type: ignore[attr-defined]
    assert not any(a.isChecked() for a in owner.entry("Set sale status", "Sold").parent().actions())
    owner.entry("Set sale status", "Sold").trigger()
    assert {k: v for k, v in column_of(clients, "sale_status").items() if k in ("ct_1", "ct_3", "ct_4")} == {
        "ct_1": "sold",
        "ct_3": "sold",
        "ct_4": "sold",
    }
    notice = window.undo_notice
    assert notice.isVisible()
    assert notice.label.text() == "Set 3 clients to Sold"
    undo = notice.button("Undo")
    assert undo is not None
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    sale = column_of(clients, "sale_status")
    assert (sale["ct_1"], sale["ct_3"], sale["ct_4"]) == ("pending", "signed", "none")
    assert notice.label.text() == "Undone: Set 3 clients to Sold"
    with clients.read() as connection:
        queued = connection.execute(text("SELECT count(*) FROM outbox WHERE type = 'set_sale_status'")).scalar()
    assert queued == 6  # three edits, three reverse edits: each queued for the relay


def test_bulk_mark_read_copy_phones_and_pause_until(qtbot: QtBot, clients: Database, settings: QSettings) -> None:
    with clients.write() as connection:
        connection.execute(text("UPDATE contacts SET unread = 3"))
    window = open_window(qtbot, clients, settings)
    select(window, ["ct_1", "ct_2"])
    owner = build_client_menu(window, clients, window.table)._owner  # type: ignore[attr-defined]
    owner.entry("Mark read").trigger()
    unread = column_of(clients, "unread")
    assert (unread["ct_1"], unread["ct_2"], unread["ct_3"]) == (0, 0, 3)
    assert window.undo_notice.label.text() == "Marked 2 clients as read"

    owner = build_client_menu(window, clients, window.table)._owner  # type: ignore[attr-defined]
    owner.entry("Copy phone numbers").trigger()
    assert QGuiApplication.clipboard().text() == "+52 55 1234 5678\n+1 415-555-2671"

    def answer_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PauseUntilDialog)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.when.setMinimumDateTime(QDateTime.currentDateTime().addDays(-2))
        dialog.when.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
        assert not ok.isEnabled()  # the past is refused
        dialog.when.setDateTime(QDateTime.currentDateTime().addDays(2))
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, answer_dialog)
    owner = build_client_menu(window, clients, window.table)._owner  # type: ignore[attr-defined]
    owner.entry("Bot", "Pause until…").trigger()
    bots = column_of(clients, "bot_status")
    untils = column_of(clients, "bot_paused_until")
    assert (bots["ct_1"], bots["ct_2"], bots["ct_3"]) == ("paused", "paused", "active")
    paused_until = datetime.fromisoformat(str(untils["ct_1"]).replace("Z", "+00:00"))
    assert timedelta(days=1, hours=23) < paused_until - datetime.now().astimezone() < timedelta(days=2, minutes=1)
    assert window.undo_notice.button("Undo") is not None


def test_the_pause_dialog_starts_in_the_future(qtbot: QtBot) -> None:
    dialog = PauseUntilDialog(3)
    qtbot.addWidget(dialog)
    assert dialog.until() > datetime.now().astimezone()
    assert dialog.when.minimumDateTime() > QDateTime.currentDateTime()
    assert isinstance(dialog, QWidget)
