"""The Analytics page and its model: the same figures as the export, clicks that open the list, saving."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db.analytics import DateRange, Figures, QuestionFigures
from leaddesk.db.database import Database
from leaddesk.db.queries import FlagFilter
from leaddesk.models.analytics import AnalyticsModel
from leaddesk.models.client_table import ContactIdRole
from leaddesk.views.analytics_page import build_charts
from leaddesk.views.main_window import MainWindow
from tests.support.analytics import EXPECTED_ALL_TIME, build_known, local_tz, mystery_shopper_events
from tests.support.events import EventLog

__all__ = ["local_tz"]


def open_window(qtbot: QtBot, database: Database, tmp_path: Path) -> MainWindow:
    from PySide6.QtCore import QSettings

    window = MainWindow(database, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 900)
    window.show()
    window.tabs.setCurrentWidget(window.analytics)
    window.analytics.set_range(DateRange())
    qtbot.waitExposed(window)
    return window


def listed_ids(window: MainWindow) -> set[str]:
    model = window.model
    return {model.index(row, 0).data(ContactIdRole) for row in range(model.rowCount())}


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def click_bar(qtbot: QtBot, window: MainWindow, chart: str, key: object) -> None:
    widget = window.analytics.cards[chart].widget
    widget.repaint()
    hits = [hit for hit in widget.hit_areas() if hit.key == key]
    assert hits, f"no bar {key} in {chart}"
    centre = hits[0].rect.center()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))


def test_model_on_a_worker_thread_gives_the_export_figures_and_keeps_old_ones_meanwhile(
    qtbot: QtBot, database: Database, local_tz: str
) -> None:
    model = AnalyticsModel(database, threaded=True)
    with qtbot.waitSignal(model.figures_changed, timeout=10_000):
        model.refresh()
    assert model.figures.to_json() == EXPECTED_ALL_TIME | {
        "clients": 0,
        "funnel": [],
        "no_stage": 0,
        "sale_status": dict.fromkeys(EXPECTED_ALL_TIME["sale_status"], 0),
        "sentiment": dict.fromkeys(EXPECTED_ALL_TIME["sentiment"], 0),
        "new_clients_per_day": [],
        "messages_per_day": [],
        "meetings": dict.fromkeys(EXPECTED_ALL_TIME["meetings"], 0),
        "surveys": [],
    }
    build_known(database)
    busy: list[bool] = []
    model.busy_changed.connect(busy.append)
    before = model.figures
    with qtbot.waitSignal(model.figures_changed, timeout=10_000):
        model.refresh()
        assert model.figures is before  # nothing blanked while the new figures are computed
    assert busy == [True, False]
    assert model.figures.to_json() == EXPECTED_ALL_TIME

    # A mystery shopper changes nothing; flagging ct_b as a contractor (a local edit) takes it out.
    EventLog(database).apply(mystery_shopper_events())
    edits.set_flags(database, ["ct_b"], contractor=True)
    with qtbot.waitSignal(model.figures_changed, timeout=10_000):
        model.refresh()
    assert model.figures.clients == 3
    assert (model.figures.mystery_shoppers, model.figures.contractors) == (1, 1)
    edits.set_flags(database, ["ct_b"], contractor=False)
    with qtbot.waitSignal(model.figures_changed, timeout=10_000):
        model.refresh()
    assert {k: v for k, v in model.figures.to_json().items() if k != "excluded"} == {
        k: v for k, v in EXPECTED_ALL_TIME.items() if k != "excluded"
    }


def test_clicking_a_funnel_bar_opens_the_list_filtered_to_that_stage(
    qtbot: QtBot, database: Database, tmp_path: Path, local_tz: str
) -> None:
    build_known(database)
    EventLog(database).apply(mystery_shopper_events("ct_m"))
    window = open_window(qtbot, database, tmp_path)
    click_bar(qtbot, window, "funnel", ("stage", "interested"))
    assert window.tabs.currentIndex() == 0
    assert window.filters.stage.chosen() == {"interested"}
    assert window.filters.mystery.currentData() == FlagFilter.HIDE
    assert listed_ids(window) == {"ct_a"}


def test_clicking_a_sale_status_and_a_sentiment_opens_the_list_filtered(
    qtbot: QtBot, database: Database, tmp_path: Path, local_tz: str
) -> None:
    build_known(database)
    window = open_window(qtbot, database, tmp_path)
    click_bar(qtbot, window, "sale_status", ("sale", "signed"))
    assert window.tabs.currentIndex() == 0
    assert listed_ids(window) == {"ct_b"}
    window.tabs.setCurrentWidget(window.analytics)
    click_bar(qtbot, window, "sentiment", ("sentiment", "cold"))
    assert window.filters.sale.chosen() == frozenset()
    assert listed_ids(window) == {"ct_d"}


def test_the_left_out_note_opens_the_list_of_mystery_shoppers(
    qtbot: QtBot, database: Database, tmp_path: Path, local_tz: str
) -> None:
    log = build_known(database)
    log.apply(mystery_shopper_events("ct_m"))
    window = open_window(qtbot, database, tmp_path)
    assert "1 mystery shopper" in window.analytics.left_out.text()
    window.analytics.left_out.linkActivated.emit("mystery")
    assert window.tabs.currentIndex() == 0
    assert listed_ids(window) == {"ct_m"}


def test_an_edit_refreshes_the_page(qtbot: QtBot, database: Database, tmp_path: Path, local_tz: str) -> None:
    build_known(database)
    window = open_window(qtbot, database, tmp_path)
    assert "4 clients" in window.analytics.summary.text()
    edits.set_flags(database, ["ct_a"], mystery_shopper=True)
    window.refresh_clients()  # what the window does after any edit or sync
    assert "3 clients" in window.analytics.summary.text()
    assert "1 mystery shopper" in window.analytics.left_out.text()

    # With the client list's tab open the page only notes it is stale, and counts again when shown.
    window.tabs.setCurrentIndex(0)
    edits.set_flags(database, ["ct_a"], mystery_shopper=False)
    window.refresh_clients()
    assert "3 clients" in window.analytics.summary.text()
    window.tabs.setCurrentWidget(window.analytics)
    assert "4 clients" in window.analytics.summary.text()


def test_saving_png_csv_and_pdf_writes_readable_files(
    qtbot: QtBot, database: Database, tmp_path: Path, local_tz: str
) -> None:
    build_known(database)
    window = open_window(qtbot, database, tmp_path)
    page = window.analytics
    for name in page.cards:
        png = tmp_path / f"{name}.png"
        assert page.save_png(name, png)
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 500
        page.save_csv(name, tmp_path / f"{name}.csv")
    rows = read_csv(tmp_path / "sale_status.csv")
    assert rows == [
        ["section", "key", "value"],
        ["sale_status", "none", "1"],
        ["sale_status", "pending", "1"],
        ["sale_status", "signed", "1"],
        ["sale_status", "sold", "1"],
    ]
    funnel = read_csv(tmp_path / "funnel.csv")
    assert ["funnel.reached", "new", "2"] in funnel and ["no_stage", "no_stage", "2"] in funnel
    pdf = tmp_path / "analytics.pdf"
    page.save_pdf(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 4


def test_a_large_cache_is_counted_on_a_worker_thread_with_a_busy_indicator(
    qtbot: QtBot, database: Database, local_tz: str
) -> None:
    from leaddesk.views.analytics_page import COUNTING_TEXT, AnalyticsPage

    build_known(database)
    page = AnalyticsPage(database, threaded=True)
    qtbot.addWidget(page)
    page.set_range(DateRange())
    with qtbot.waitSignal(page.model.figures_changed, timeout=10_000):
        page.show()
        assert page.empty.text() == COUNTING_TEXT  # not "no figures" while counting
        assert page.busy.isVisible()
    assert not page.busy.isVisible()
    assert page.stack.currentWidget() is not page.empty
    assert page.summary.text().startswith("4 clients")


def test_an_empty_cache_says_what_will_appear(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    window = open_window(qtbot, database, tmp_path)
    page = window.analytics
    assert page.stack.currentWidget() is page.empty
    assert "funnel" in page.empty.text() and "left out" in page.empty.text()


def test_long_ranges_are_charted_per_week_with_every_message_kept(database: Database, local_tz: str) -> None:
    from datetime import date

    from leaddesk.db.analytics import compute_figures
    from leaddesk.views.analytics_page import build_charts

    build_known(database)
    with database.read() as connection:
        short = compute_figures(connection, DateRange(date(2026, 11, 1), date(2026, 11, 30)))
        long = compute_figures(connection, DateRange(date(2026, 6, 1), date(2026, 11, 30)))
    daily = build_charts(short)["messages_per_day"]
    weekly = build_charts(long)["messages_per_day"]
    assert daily.title == "Messages per day" and len(daily.categories) == 30
    assert weekly.title == "Messages per week" and len(weekly.categories) == 27
    assert weekly.categories[0] == "Jun 1"  # a Monday
    assert [sum(series.values) for series in daily.series] == [2, 2, 1]
    assert [sum(series.values) for series in weekly.series] == [3, 2, 1]  # ct_d's Sep 30 message too
    new_clients = build_charts(long)["new_clients_per_day"]
    assert sum(new_clients.series[0].values) == 3


def test_the_range_chooser_sets_the_whole_page(qtbot: QtBot, database: Database, tmp_path: Path, local_tz: str) -> None:
    from datetime import date

    build_known(database)
    window = open_window(qtbot, database, tmp_path)
    page = window.analytics
    assert page.model.figures.clients == 4  # all time
    page.range_combo.setCurrentIndex(0)
    assert page.model.date_range == DateRange.last_days(7)
    assert page.start_edit.isHidden()
    page.set_range(DateRange(date(2026, 11, 1), date(2026, 11, 30)))
    assert page.range_combo.currentText() == "Custom…" and not page.start_edit.isHidden()
    assert page.model.figures.to_json()["clients"] == 2
    assert "2 clients" in page.summary.text()
    page.end_edit.setDate(page.end_edit.date().addDays(-15))  # Nov 1 to Nov 15: only ct_a
    assert page.model.figures.clients == 1


def test_each_survey_question_is_drawn_on_its_own_scale() -> None:
    """A 1–5 rating of 4.4 must not look worse than a 0–10 score of 8.6; a question answered in words has no bar."""
    figures = Figures(
        surveys=(
            QuestionFigures("How was the visit?", 28, 4.4, 5),
            QuestionFigures("How likely are you to recommend us?", 20, 8.6, 10),
            QuestionFigures("What would make you decide?", 37, None, None),
        )
    )
    bars = build_charts(figures)["surveys"].bars
    assert [(bar.label, bar.text) for bar in bars] == [
        ("How was the visit?", "4.4 / 5"),
        ("How likely are you to recommend us?", "8.6 / 10"),
    ]
    rating, score = bars
    assert rating.value > score.value  # 88% of its scale against 86%
