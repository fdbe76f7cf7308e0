"""File → Export from the main window: the list as it is filtered and sorted on screen, to CSV and JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from leaddesk.db.database import Database
from leaddesk.db.history import CLIENT_FIELDS
from leaddesk.models.client_table import Column
from leaddesk.views.export_actions import CSV_FILTER, JSON_FILTER, format_for, suggested_list_file
from leaddesk.views.main_window import MainWindow
from tests.support.events import EventLog, account_updated, at, contact, message
from tests.support.profile import seed_contacts

NAMES = {
    "ct_a": "Ana López",
    "ct_b": "Bruno Díaz",
    "ct_c": "Carla Núñez",
    "ct_d": "=1+1",
    "ct_e": "Zoë Ångström",
    "ct_f": "Raúl Jiménez",
}


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def filled(database: Database) -> Database:
    EventLog(database).apply(
        [
            account_updated(),
            contact("ct_a", name=NAMES["ct_a"], phone="+5215512345678", sale_status="signed"),
            contact("ct_b", name=NAMES["ct_b"], phone="+14155552671", sale_status="sold"),
            contact("ct_c", name=NAMES["ct_c"], phone="+34612345678", mystery_shopper=True),
            contact("ct_d", name=NAMES["ct_d"], phone="+525598765432", contractor=True),
            contact("ct_e", name=NAMES["ct_e"], phone="+447911123456"),
            contact("ct_f", name=NAMES["ct_f"], phone="+523334924018", sale_status="sold"),
            message("ct_a", at(-10)),
            message("ct_b", at(-30)),
            message("ct_c", at(-5)),
            message("ct_d", at(-50)),
        ]
    )
    return database


def make_window(qtbot: QtBot, database: Database, settings: QSettings, target: Path) -> MainWindow:
    window = MainWindow(database, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    chosen: list[Path] = []

    def choose(parent: object, caption: str, suggested: Path, filters: str) -> tuple[Path, str]:
        chosen.append(suggested)
        return target, CSV_FILTER if target.suffix == ".csv" else JSON_FILTER

    window.export_list.choose_path = choose
    return window


def shown(window: MainWindow) -> list[tuple[str, str]]:
    """(contact id, name as displayed) of every row, top to bottom."""
    model = window.model
    return [(model.contact_id(row), model.index(row, Column.NAME).data()) for row in range(model.rowCount())]


def file_menu_action(window: MainWindow, name: str) -> None:
    """Triggers the File menu's action ``name`` as a click on it would."""
    file_menu = window.menuBar().actions()[0].menu()
    assert file_menu is not None
    action = next(a for a in file_menu.actions() if a.objectName() == name)
    action.trigger()


def test_csv_of_the_filtered_sorted_list_opens_in_python_with_the_same_rows(
    qtbot: QtBot, filled: Database, settings: QSettings, tmp_path: Path
) -> None:
    target = tmp_path / "clients.csv"
    window = make_window(qtbot, filled, settings, target)
    # A filter (sale status signed or sold) and a sort (by name, Z first), set as the user sets them.
    window.filters.sale.set_chosen(["signed", "sold"])
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.NAME) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    if window.model.query.descending is False:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    on_screen = shown(window)
    assert [cid for cid, _ in on_screen] == ["ct_f", "ct_b", "ct_a"]  # Raúl, Bruno, Ana

    file_menu_action(window, "exportClientsAction")

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list(CLIENT_FIELDS)
    assert [(r["id"], r["name"]) for r in rows] == on_screen  # same rows, same order, accents intact
    assert rows[0]["sale_status"] == "sold" and rows[0]["phone"] == "'+523334924018"
    assert "Exported 3 clients to clients.csv" in window.statusBar().currentMessage()


def test_formula_text_is_inert_and_every_row_comes_back(
    qtbot: QtBot, filled: Database, settings: QSettings, tmp_path: Path
) -> None:
    target = tmp_path / "all.csv"
    window = make_window(qtbot, filled, settings, target)
    assert window.export_list.run() == target
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["id"] for r in rows] == [cid for cid, _ in shown(window)]
    by_id = {r["id"]: r for r in rows}
    assert by_id["ct_d"]["name"] == "'=1+1"  # a leading apostrophe: Excel shows =1+1 as text, never computes it
    assert by_id["ct_e"]["name"] == "Zoë Ångström"
    assert all(r["phone"].startswith("'+") for r in rows)  # text, not a number that loses its "+"
    assert not any(r[key].startswith(("=", "+", "-", "@")) for r in rows for key in CLIENT_FIELDS)


def test_json_of_the_list_is_the_contract_objects_in_screen_order(
    qtbot: QtBot, filled: Database, settings: QSettings, tmp_path: Path
) -> None:
    target = tmp_path / "clients.json"
    window = make_window(qtbot, filled, settings, target)
    qtbot.keyClicks(window.search, "ra")  # the search as typed: Raúl, Carla, ...
    qtbot.waitUntil(lambda: window.model.query.search == "ra")
    assert 0 < window.model.rowCount() < len(NAMES)
    on_screen = shown(window)

    file_menu_action(window, "exportClientsAction")

    data = target.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    clients = json.loads(data.decode("utf-8"))
    assert [(c["id"], c["name"]) for c in clients] == on_screen
    assert all(list(c) == list(CLIENT_FIELDS) for c in clients)
    assert data.decode("utf-8") == json.dumps(clients, ensure_ascii=False, indent=2) + "\n"  # as the CLI writes it


def test_cancel_midway_leaves_no_file_and_keeps_an_old_one(
    qtbot: QtBot, database: Database, settings: QSettings, tmp_path: Path
) -> None:
    seed_contacts(database, 600)
    target = tmp_path / "clients.csv"
    target.write_text("yesterday's export", encoding="utf-8")
    window = make_window(qtbot, database, settings, target)
    exporter = window.export_list
    exporter.batch = 20
    seen: list[int] = []

    def cancel_after_a_few_batches() -> None:
        progress = exporter.progress
        if progress is None:
            return
        seen.append(progress.value())
        if progress.value() >= 100:
            progress.cancel()
        else:
            QTimer.singleShot(0, cancel_after_a_few_batches)

    QTimer.singleShot(0, cancel_after_a_few_batches)
    assert exporter.export_to(target, "csv") is False
    assert seen and 0 < max(seen) < 600  # it was written in steps, and the window ran between them
    assert target.read_text(encoding="utf-8") == "yesterday's export"
    assert list(tmp_path.glob("*.part")) == []
    assert window.statusBar().currentMessage() == "Export cancelled; nothing was written."
    assert exporter.progress is None


def test_a_large_list_shows_progress_to_the_end(
    qtbot: QtBot, database: Database, settings: QSettings, tmp_path: Path
) -> None:
    seed_contacts(database, 600)
    target = tmp_path / "big.csv"
    window = make_window(qtbot, database, settings, target)
    window.export_list.batch = 50
    maxima: list[tuple[int, int]] = []

    def watch() -> None:
        progress = window.export_list.progress
        if progress is not None:
            maxima.append((progress.value(), progress.maximum()))
            QTimer.singleShot(0, watch)

    QTimer.singleShot(0, watch)
    assert window.export_list.export_to(target, "csv")
    assert maxima and all(total == 600 for _, total in maxima)
    assert len({value for value, _ in maxima}) > 3
    with target.open(encoding="utf-8-sig", newline="") as stream:
        assert len(list(csv.DictReader(stream))) == 600


def test_unwritable_folder_says_so(qtbot: QtBot, filled: Database, settings: QSettings, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "clients.csv"
    window = make_window(qtbot, filled, settings, target)
    assert window.export_list.run() is None
    boxes = window.findChildren(QMessageBox)
    assert len(boxes) == 1 and "could not be written" in boxes[0].text()
    assert not target.parent.exists()


def test_suggested_name_and_format_by_extension() -> None:
    from datetime import date

    suggested = suggested_list_file(date(2026, 11, 30))
    assert suggested.name == "clients-2026-11-30.csv"
    assert format_for(Path("/x/list.JSON"), CSV_FILTER) == (Path("/x/list.JSON"), "json")
    assert format_for(Path("/x/list"), JSON_FILTER) == (Path("/x/list.json"), "json")
    assert format_for(Path("/x/list"), CSV_FILTER) == (Path("/x/list.csv"), "csv")
