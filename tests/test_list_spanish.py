"""The client list, its filters, the bulk menu, Search all conversations and Analytics in Spanish.

Each window is built inside ``in_language("es")`` (the shipped catalogues and a Spanish locale) on the
demo database, as a Spanish-speaking office would open it; no English of the program may be left on
screen, and every control a screen reader reaches has a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QMenu,
)
from pytestqt.qtbot import QtBot

from leaddesk.db.analytics import DateRange
from leaddesk.db.database import Database
from leaddesk.domain import parse_time
from leaddesk.models import words
from leaddesk.models.client_table import Column
from leaddesk.models.filters import StageInfo
from leaddesk.views.analytics_page import AnalyticsPage
from leaddesk.views.client_actions import build_client_menu, install_client_actions
from leaddesk.views.main_window import MainWindow
from leaddesk.views.search_dialog import SearchDialog
from tests.support.i18n import english_left, in_language, menu_texts, unnamed_controls, visible_texts


@pytest.fixture
def spanish(qapp: object) -> Iterator[QLocale]:
    with in_language("es") as locale:
        yield locale


def open_window(qtbot: QtBot, database: Database, tmp_path: Path) -> MainWindow:
    window = MainWindow(database, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    install_client_actions(window, database)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def stage_names(window: MainWindow) -> list[str]:
    """The account's funnel stages: the server's words, not the program's."""
    stages: list[StageInfo] = window.model.stages
    return [stage.name for stage in stages]


def ours(texts: list[str], server_words: list[str]) -> list[str]:
    """The texts the program wrote, without those that are a stage name from the server."""
    return [text for text in texts if not any(text.replace("&&", "&").startswith(name) for name in server_words)]


def test_the_list_and_its_filters_speak_spanish(qtbot: QtBot, demo: Database, tmp_path: Path, spanish: QLocale) -> None:
    window = open_window(qtbot, demo, tmp_path)
    model, filters = window.model, window.filters

    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == ["Nombre", "Teléfono", "Actividad", "Bot", "Venta", "Etapa del embudo", "Sentimiento"]
    spoken = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole) for c in Column]
    assert spoken == headers
    assert [a.text() for a in window.table.column_menu().actions()][:3] == ["Columnas", "Nombre", "Teléfono"]

    # The cells a user reads: sale chips, bots, ages, all in Spanish.
    rows = range(min(model.rowCount(), 60))
    sales = {model.index(r, Column.SALE_STATUS).data() for r in rows}
    assert sales <= {"Ninguno", "Pendiente", "Firmado", "Vendido"} and "Ninguno" in sales
    bots = {model.index(r, Column.BOT_STATUS).data() for r in rows}
    assert bots & {"Activo", "En pausa", "Agente"} and not bots & {"Active", "Paused", "Agent"}
    ages = [model.index(r, Column.LAST_ACTIVITY).data() for r in rows]
    assert not [age for age in ages if re.search(r"ago|just now|yesterday", age)]
    sentiments = {model.index(r, Column.SENTIMENT).data() for r in rows}
    assert sentiments & {"Caliente", "Tibio", "Neutral", "Frío", "Negativo"}

    # The filter menus as they open, with how many clients each choice shows, counted the locale's way.
    filters.sale.menu().aboutToShow.emit()
    sale_entries = [a.text() for a in filters.sale.menu().actions() if a.text()]
    counts = model.choice_counts(model.query, "sale_status")
    assert sale_entries[0] == f"Cualquier estado de venta ({words.number(sum(counts.values()))})"
    assert f"Pendiente ({words.number(counts.get('pending', 0))})" in sale_entries
    filters.sentiment.menu().aboutToShow.emit()
    assert any(a.text().startswith("Todavía sin sentimiento (") for a in filters.sentiment.menu().actions())
    assert [filters.mystery.itemText(i) for i in range(3)] == [
        "Con clientes misteriosos",
        "Ocultar clientes misteriosos",
        "Solo clientes misteriosos",
    ]
    assert filters.clear_button.text() == "Quitar filtros"
    assert filters.search.placeholderText().startswith("Buscar nombre o teléfono")
    # The Find key written as the shortcuts page writes it (Qt's Spanish "Control+F"), not a fixed "Ctrl+F".
    find_key = QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)
    assert filters.search.placeholderText().endswith(f"({find_key})")

    # Ticked, a filter says what it holds, to the eye and to a screen reader.
    filters.sale.set_chosen({"pending", "signed"})
    assert filters.sale.text() == "Pendiente, Firmado"
    assert filters.sale.accessibleName() == "Filtro de estado de venta: Pendiente, Firmado"

    texts = visible_texts(filters) + visible_texts(filters.search) + visible_texts(window.table)
    texts += list(menu_texts(window.table.column_menu()))
    assert english_left(ours(texts, stage_names(window))) == []
    assert unnamed_controls(filters) == [] and unnamed_controls(filters.search) == []
    assert window.table.accessibleName() == "Clientes"
    window.grab().save(str(tmp_path / "list-es.png"))


def test_the_name_cell_says_its_marks_in_words(qtbot: QtBot, demo: Database, tmp_path: Path, spanish: QLocale) -> None:
    window = open_window(qtbot, demo, tmp_path)
    model = window.model
    from leaddesk.models.client_table import BadgesRole, UnreadRole

    marked = next(
        r
        for r in range(model.rowCount())
        if model.index(r, Column.NAME).data(BadgesRole) or model.index(r, 0).data(UnreadRole)
    )
    cell = model.index(marked, Column.NAME)
    spoken = cell.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith(cell.data())
    if cell.data(UnreadRole):
        assert "sin leer" in spoken and "sin leer" in cell.data(Qt.ItemDataRole.ToolTipRole)
    for badge in cell.data(BadgesRole):
        assert {"Mystery shopper": "Cliente misterioso", "Contractor": "Contratista"}[badge] in spoken


def test_the_bulk_menu_and_its_notice_speak_spanish(
    qtbot: QtBot, demo: Database, tmp_path: Path, spanish: QLocale
) -> None:
    window = open_window(qtbot, demo, tmp_path)
    window.table.selectRow(0)
    window.table.selectionModel().select(
        window.model.index(1, 0),
        window.table.selectionModel().SelectionFlag.Select | window.table.selectionModel().SelectionFlag.Rows,
    )
    menu: QMenu = build_client_menu(window, demo, window.table)
    owner = menu._owner  # type: ignore[attr-defined]
    texts = list(menu_texts(menu))
    assert texts[1] == "2 clientes"
    titles = [a.text() for a in menu.actions() if a.menu() is not None]
    assert titles == ["Cambiar estado de venta", "Cambiar etapa del embudo", "Marcas", "Bot"]
    assert english_left(ours(texts, stage_names(window))) == []

    owner.entry("Cambiar estado de venta", "Vendido").trigger()
    assert window.undo_notice.label.text() == "Estado de venta Vendido: 2 clientes"
    owner = build_client_menu(window, demo, window.table)._owner  # type: ignore[attr-defined]
    owner.entry("Bot", "Pausar el bot").trigger()
    assert window.undo_notice.label.text() == "Pausar el bot: 2 clientes"


def test_search_all_conversations_speaks_spanish(
    qtbot: QtBot, demo: Database, tmp_path: Path, spanish: QLocale
) -> None:
    dialog = SearchDialog(demo)
    qtbot.addWidget(dialog)
    dialog.resize(900, 560)
    dialog.show()
    assert dialog.windowTitle() == "Buscar en todas las conversaciones"
    assert dialog.summary.text().startswith("Escribe palabras")
    dialog.open_with("visita")
    shown = dialog.model.rowCount()
    assert shown > 1
    more = "+" if dialog.model.canFetchMore(dialog.model.index(0, 0).parent()) else ""
    assert dialog.summary.text() == f"{words.number(shown)}{more} mensajes, primero los más recientes"
    model = dialog.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == ["Cliente", "Fecha", "Mensaje"]
    first = model.index(0, 1)
    assert first.data() == words.short_date_time(parse_time(model.hit(0).sent_at))
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole).startswith(("<qt>De ", "<qt>Para "))
    assert english_left(visible_texts(dialog)) == []
    assert unnamed_controls(dialog) == []
    dialog.open_with("zzzznada")
    assert dialog.summary.text() == "Ningún mensaje coincide."
    dialog.grab().save(str(tmp_path / "search-es.png"))


def test_analytics_speaks_spanish_with_the_locales_numbers(
    qtbot: QtBot, demo: Database, tmp_path: Path, spanish: QLocale
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))  # "4,4": Spain's decimal comma
    page = AnalyticsPage(demo, threaded=False)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.set_range(DateRange())
    qtbot.waitExposed(page)

    titles = {name: chart.title for name, chart in page.charts.items()}
    assert titles == {
        "funnel": "Embudo: clientes en cada etapa",
        "sale_status": "Ventas por estado",
        "sentiment": "Clientes por último sentimiento",
        "meetings": "Citas por estado",
        "surveys": "Respuestas de encuestas: puntuación media",
        "new_clients_per_day": "Clientes nuevos por semana",
        "messages_per_day": "Mensajes por semana",
    }
    charts = page.charts
    assert [bar.label for bar in charts["sale_status"].bars] == ["Ninguno", "Pendiente", "Firmado", "Vendido"]
    assert charts["sentiment"].bars[-1].label == "Sin datos"
    assert {bar.label for bar in charts["meetings"].bars} <= {"Programada", "Realizada", "Cancelada", "No se presentó"}
    assert [s.name for s in charts["messages_per_day"].series] == ["De clientes", "Bot", "Agentes"]
    spanish_months = {"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "sep", "oct", "nov", "dic"}
    for day in charts["messages_per_day"].categories:
        number, month = day.split(" ", 1)
        assert number.isdigit() and month.rstrip(".") in spanish_months, day
    # Decimals with Spain's comma, on the axis words and the figures at the bars' ends.
    assert all(re.fullmatch(r"\d+,\d / \d+", bar.text) for bar in charts["surveys"].bars)
    assert any(re.search(r"\d,\d días en la etapa", bar.note) for bar in charts["funnel"].bars)
    figures = page.model.figures
    assert page.summary.text().startswith(f"{words.number(figures.clients)} clientes · ")
    messages = sum(m.incoming + m.out_bot + m.out_agent for m in figures.messages_per_day)
    assert messages > 1000 and f" · {words.number(messages)} mensajes · " in page.summary.text()
    assert not re.search(r"\d,\d", page.summary.text())  # no English thousands separator in Spain
    assert page.left_out.text().startswith("No se cuentan: ")

    assert page.print_button.text() == "Imprimir…" and page.pdf_button.text() == "Guardar como PDF…"
    assert english_left(visible_texts(page)) == []
    assert unnamed_controls(page) == []
    page.grab().save(str(tmp_path / "analytics-es.png"))


def test_an_empty_analytics_page_explains_itself_in_spanish(qtbot: QtBot, database: Database, spanish: QLocale) -> None:
    page = AnalyticsPage(database, threaded=False)
    qtbot.addWidget(page)
    page.show()
    page.set_range(DateRange())
    assert page.empty.text().startswith("Todavía no hay cifras.")
    assert english_left(visible_texts(page)) == []
