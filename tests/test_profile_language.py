"""The client's profile in Spanish: every tab on the demo data, with no English left on screen, dates the
Spanish way, and a name for every control a screen reader reaches."""

from __future__ import annotations

import html
import io
import os
import re
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.export import history_document
from leaddesk.export_pdf import html_to_pdf
from leaddesk.models.conversation import ItemRole
from leaddesk.views.profile import ProfileDialog
from leaddesk.views.profile.common import EDIT_PROBLEMS, edit_problem
from tests.support.i18n import english_left, in_language, unnamed_controls, visible_texts
from tests.support.profile import contact_state, seed, seed_rich_contact, stages_event

TABS_ES = ["Resumen", "Conversación", "Citas", "Encuesta", "Historial del embudo", "Configuración del bot"]


def richest_client(database: Database) -> str:
    """The demo client with a survey, a meeting still to come and the most messages: every tab has rows."""
    with database.read() as connection:
        row = connection.exec_driver_sql(
            "SELECT c.id FROM contacts c WHERE EXISTS (SELECT 1 FROM surveys s WHERE s.contact_id = c.id) "
            "AND EXISTS (SELECT 1 FROM funnel_changes f WHERE f.contact_id = c.id) "
            "ORDER BY EXISTS (SELECT 1 FROM meetings m WHERE m.contact_id = c.id "
            "AND m.starts_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) DESC, c.message_count DESC LIMIT 1"
        ).first()
    assert row is not None
    return str(row[0])


def relay_words(database: Database) -> set[str]:
    """Texts that come from the relay's data, not from the program: the account's stage names (the demo's
    are English, as an account's may be)."""
    with database.read() as connection:
        return {str(name) for (name,) in connection.exec_driver_sql("SELECT name FROM funnel_stages")}


def program_texts(dialog: ProfileDialog, database: Database) -> list[str]:
    relay = relay_words(database)
    return [text for text in visible_texts(dialog) if not any(name in text for name in relay)]


def shown_tabs(qtbot: QtBot, dialog: ProfileDialog) -> Iterator[str]:
    """Each tab in turn, shown as a user would click it; yields the tab's title."""
    for index in range(dialog.tabs.count()):
        qtbot.mouseClick(
            dialog.tabs.tabBar(), Qt.MouseButton.LeftButton, pos=dialog.tabs.tabBar().tabRect(index).center()
        )
        assert dialog.tabs.currentIndex() == index
        QApplication.processEvents()
        yield dialog.tabs.tabText(index)


def test_every_tab_of_a_profile_speaks_spanish_on_the_demo_data(qtbot: QtBot, demo: Database) -> None:
    with in_language("es"):
        dialog = ProfileDialog(demo, richest_client(demo))
        qtbot.addWidget(dialog)
        dialog.resize(1024, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        titles = []
        for title in shown_tabs(qtbot, dialog):
            titles.append(title)
            assert english_left(program_texts(dialog, demo)) == [], f"English left on the tab {title!r}"
        assert titles == TABS_ES

        overview = dialog.overview
        labels = {label.text() for label in overview.findChildren(QLabel)}
        assert {"Estado de venta", "Etapa del embudo", "Sentimiento", "Próxima cita"} <= labels
        assert overview.save.text() == "Guardar cambios"
        assert [overview.sale_status.itemText(i) for i in range(4)] == ["Ninguno", "Pendiente", "Firmado", "Vendido"]
        assert overview.last_activity.text().startswith("Última actividad: ")
        assert overview.glance_values["messages"].text().endswith(" mensajes")

        days = [
            item.label
            for row in range(dialog.conversation.model.rowCount())
            if (item := dialog.conversation.model.index(row, 0).data(ItemRole)).kind == "day"
        ]
        assert days[-1] == "Hoy" or " de " in days[-1]  # "Martes, 24 de noviembre", never "Tuesday, November 24"
        assert all(not any(month in day for month in ("January", "November", "Monday", "Today")) for day in days)
        assert dialog.conversation.send.text() == "Enviar"

        meetings = dialog.meetings.findChildren(QTableView)[0].model()
        headers = [meetings.headerData(c, Qt.Orientation.Horizontal) for c in range(meetings.columnCount())]
        assert headers == ["Cuándo", "Título", "Lugar", "Agente", "Estado"]
        funnel = dialog.funnel.model
        assert funnel.headerData(3, Qt.Orientation.Horizontal) == "Cambiado por"
        assert dialog.record_actions.export_button.text() == "Exportar…"
        dialog.close()


def test_dates_in_the_profile_are_written_the_spanish_way(qtbot: QtBot, demo: Database) -> None:
    with in_language("es"):
        dialog = ProfileDialog(demo, richest_client(demo))
        qtbot.addWidget(dialog)
        first_row = dialog.funnel.model.index(0, 0).data()
    # "mar 24 nov 2026, 9:03 a.m.": the weekday and month as Spanish words, the day before the month.
    weekday, day, month, *_ = first_row.replace(",", "").split()
    assert weekday.rstrip(".") in {"lun", "mar", "mié", "jue", "vie", "sáb", "dom"}
    assert day.isdigit()
    assert month.rstrip(".") in {
        "ene",
        "feb",
        "mar",
        "abr",
        "may",
        "jun",
        "jul",
        "ago",
        "sept",
        "sep",
        "oct",
        "nov",
        "dic",
    }


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_control_of_the_profile_has_a_name_a_screen_reader_can_say(
    qtbot: QtBot, demo: Database, language: str
) -> None:
    with in_language(language):
        dialog = ProfileDialog(demo, richest_client(demo))
        qtbot.addWidget(dialog)
        dialog.resize(1024, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        for title in shown_tabs(qtbot, dialog):
            assert unnamed_controls(dialog) == [], f"controls without a name on the tab {title!r}"
        dialog.conversation.open_find()
        assert unnamed_controls(dialog) == []
        # Item views say what their columns are: the header titles, translated.
        view = dialog.config.table
        assert view.accessibleName()
        model = view.model()
        spoken = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert spoken == ("Ajuste" if language == "es" else "Setting")
        dialog.close()


# --- the printed and exported history, in the window's language ---------------------------------


@pytest.fixture
def mexico_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's clock in Mexico City (UTC-6, no summer time since 2022)."""
    monkeypatch.setenv("TZ", "America/Mexico_City")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def strip_made(page: str) -> str:
    """The page without the minute it was made."""
    return re.sub(r"LeadDesk, [^·]*·", "", page)


def document_words(page: str) -> list[str]:
    """The document's own words: headings, column and row titles, the line under the name. The bot's
    settings are left out (their names are the account's keys), as are the cells (the client's words)."""
    own = page.split("<h2>Configuraci")[0]
    found = re.findall(r"<h[23]>(.*?)</h[23]>|<th[^>]*>(.*?)</th>|<div class=\"doc\">(.*?)</div>", own)
    return [re.sub(r"\u2068.*?\u2069", "", html.unescape(next(part for part in parts if part))) for parts in found]


@pytest.fixture
def ana(database: Database) -> Database:
    seed_rich_contact(database)
    return database


def test_the_exported_history_follows_the_windows_language(
    qtbot: QtBot, ana: Database, tmp_path: Path, mexico_time: None
) -> None:
    with in_language("es"):
        dialog = ProfileDialog(ana, "ct_8812")
        qtbot.addWidget(dialog)
        chosen: list[str] = []

        def choose(parent: QWidget, caption: str, suggested: Path, filters: str) -> tuple[Path, str]:
            chosen.extend([caption, suggested.name, filters])
            return tmp_path / "ana", filters.split(";;")[1]  # the web page

        dialog.record_actions.choose_path = choose
        qtbot.mouseClick(dialog.record_actions.export_button, Qt.MouseButton.LeftButton)
        page = (tmp_path / "ana.html").read_text(encoding="utf-8")
        found = history_document(ana, "ct_8812")
    assert chosen[0] == "Exportar la ficha del cliente" and chosen[1].startswith("ficha-cliente-")
    assert "Página web (*.html)" in chosen[2]
    assert found is not None and strip_made(page) == strip_made(found[0])  # the window's document, in Spanish

    assert '<html lang="es">' in page
    for heading in ("Ficha", "Conversación", "Citas", "Encuestas", "Historial del embudo"):
        assert f"<h2>{heading}</h2>" in page
    assert "<th>Pregunta</th>" in page.replace(' width="50%"', "") and "Estado de venta" in page
    assert english_left(document_words(page)) == []
    # Dates the Spanish way, in the computer's zone: 10:00 UTC on Nov 20 is "20 nov 2026, 4:00" in Mexico City.
    assert "20 nov 2026, 4:00" in page and "Nov 2026" not in page
    assert "horas locales: CST (UTC-06:00)" in page
    assert re.search(r"· 11 mensajes ·", page)
    assert "\u2068Realizada\u2069" in page  # the meeting's status as the Spanish window says it
    # The PDF (Export… as PDF, and Print…) is this page printed: its text is Spanish too.
    pages = PdfReader(io.BytesIO(html_to_pdf(found[0], title=found[1]))).pages
    printed = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", " ".join(page.extract_text() or "" for page in pages)))
    assert "Historial del embudo" in printed and "20 nov 2026" in printed and "Conversation" not in printed
    assert found[1] == "Ana López — ficha del cliente de LeadDesk"


def test_the_command_line_history_stays_english_whatever_the_computers_language(ana: Database) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(ana.path), "export", "history", "ct_8812", "--format", "html"],
        capture_output=True,
        env={**os.environ, "LANG": "es_MX.UTF-8", "LC_ALL": "es_MX.UTF-8", "TZ": "UTC"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = done.stdout.decode("utf-8")
    assert "<h2>Conversation</h2>" in page and "20 Nov 2026, 10:00" in page
    assert "· 11 messages ·" in page and '<html lang="en">' in page


def test_why_a_save_was_refused_is_said_in_spanish(qtbot: QtBot, ana: Database) -> None:
    with in_language("es"):
        dialog = ProfileDialog(ana, "ct_8812")
        qtbot.addWidget(dialog)
        overview = dialog.overview
        qtbot.mouseClick(overview.bot_paused, Qt.MouseButton.LeftButton)
        overview.pause_until_on.setChecked(True)
        overview.pause_until.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
        qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
        assert overview.problem("bot") == "La hora para reanudar el bot debe ser futura."
        assert edit_problem(edits.EditError(f"The name is longer than {edits.MAX_NAME} characters.")) == (
            f"El nombre tiene más de {edits.MAX_NAME} caracteres."
        )


def test_every_edit_problem_the_profile_translates_is_still_said_by_the_edits() -> None:
    """The English of :mod:`leaddesk.edits` is matched word for word: a reworded message would stay English."""
    source = Path(edits.__file__).read_text(encoding="utf-8")
    for message in EDIT_PROBLEMS:
        assert message in source, message
    assert edits.COULD_NOT_SAVE in EDIT_PROBLEMS and edits.EMPTY_NAME in EDIT_PROBLEMS


def test_a_screen_reader_hears_who_wrote_each_message_when_and_whether_it_arrived(qtbot: QtBot, ana: Database) -> None:
    with in_language("es"):
        dialog = ProfileDialog(ana, "ct_8812")
        qtbot.addWidget(dialog)
        model = dialog.conversation.model
        heard = [model.index(row, 0).data(Qt.ItemDataRole.AccessibleTextRole) for row in range(model.rowCount())]
    assert any(text.startswith("El cliente a las ") and "¿sigue disponible" in text for text in heard)
    assert any(text.startswith("Bot a las ") or text.startswith("Laura Pérez a las ") for text in heard)
    assert any(text.endswith(("(entregado)", "(leído)", "(enviado)")) for text in heard)


def test_a_new_lead_with_nothing_yet_reads_spanish_on_every_tab(qtbot: QtBot, database: Database) -> None:
    """A client the server has just sent: no name, no messages, no meeting, no survey, no stage change."""
    bare = {"name": None, "unread": 0, "sentiment": None, "config": {}, "funnel_stage": None}
    seed(
        database,
        [
            stages_event(),
            {"type": "contact.upserted", "data": {"contact": contact_state("ct_new", "+5215500000009", **bare)}},
        ],
    )
    with in_language("es"):
        dialog = ProfileDialog(database, "ct_new")
        qtbot.addWidget(dialog)
        dialog.resize(1024, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        for title in shown_tabs(qtbot, dialog):
            assert english_left(program_texts(dialog, database)) == [], f"English left on the tab {title!r}"
            assert unnamed_controls(dialog) == []
        dialog.close()
    assert dialog.overview.glance_values["sentiment"].text() == "Aún sin valorar"
    assert dialog.overview.glance_values["messages"].text() == "0 mensajes"
    assert dialog.meetings.upcoming_title.text() == "Próximas: ninguna programada"
    assert dialog.meetings.past_title.text() == "Pasadas: ninguna"
    assert dialog.funnel.empty.text() == "Aún no hay cambios de etapa."
