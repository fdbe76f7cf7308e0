"""A client's record as a document a manager would forward: the profile's Export… and Print…, and its PDF read back."""

from __future__ import annotations

import html
import io
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db import history
from leaddesk.db.database import Database
from leaddesk.export import RecordNames, history_document, history_html, record_names
from leaddesk.export_pdf import html_to_pdf
from leaddesk.views.profile.dialog import ProfileDialog
from leaddesk.views.profile.record_actions import HTML_FILTER, PDF_FILTER
from tests.support.i18n import in_language
from tests.support.profile import seed, seed_many_messages, seed_rich_contact

#: Ids and protocol words that must not reach the document (they are in the seeded record).
RAW_IDS = ("ct_8812", "mt_301", "sv_55", "ag_19", "fc_1", "visit_scheduled", "Version", "Contact id")
SECTION_HEADINGS = {"Profile", "Conversation", "Meetings", "Surveys", "Funnel history", "Configuration", "Conflicts"}


@pytest.fixture
def mexico_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's clock in Mexico City (UTC-6, no summer time since 2022)."""
    monkeypatch.setenv("TZ", "America/Mexico_City")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def rich(database: Database) -> Database:
    seed_rich_contact(database)
    with database.write() as connection:
        connection.exec_driver_sql(
            "UPDATE contacts SET sale_status = 'sold', funnel_stage = 'visit_scheduled', "
            'config = \'{"language": "es", "assigned_agent": "ag_19"}\' WHERE id = \'ct_8812\''
        )
    return database


def record_of(database: Database, contact_id: str) -> tuple[dict[str, Any], Any]:
    with database.read() as connection:
        record = history.contact_history(connection, contact_id)
        names = record_names(connection)
    assert record is not None
    return record, names


def pdf_pages(data: bytes, wanted: Callable[[int, int], bool] = lambda number, count: True) -> list[str]:
    """The text of each page (of the pages ``wanted(index, count)`` picks; the others as ""), one space
    between words, the bidi isolates around relay text left out, ligatures ("ﬁ") as their letters."""
    pages = PdfReader(io.BytesIO(data)).pages
    return [
        re.sub(r"[ \t\u2068\u2069]+", " ", unicodedata.normalize("NFKC", page.extract_text() or ""))
        if wanted(index, len(pages))
        else ""
        for index, page in enumerate(pages)
    ]


def last_text_line(page: str) -> str:
    """The last line of a page's text, the "3 / 12" page number at its foot left out."""
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    lines = [line for line in lines if line not in ("·",)]
    lines = [line for line in lines if not re.fullmatch(r"\d+ / \d+", line)]
    return lines[-1] if lines else ""


def test_the_document_speaks_the_windows_words_in_local_time(
    qapp: QApplication, rich: Database, mexico_time: None
) -> None:
    record, names = record_of(rich, "ct_8812")
    with in_language("en"):  # the window in English: its catalogue gives the plurals
        page = history_html(record, names)
    plain = re.sub(r"<[^>]+>", " ", page)
    for raw in RAW_IDS:
        assert raw not in plain, raw
    assert re.search(r"Sale status</th><td[^>]*>\u2068Sold\u2069", page)
    assert re.search(r"Funnel stage</th><td[^>]*>\u2068Visit scheduled\u2069", page)
    assert "\u2068Laura Pérez\u2069" in page  # the assigned agent, by name
    assert "Assigned agent" in page and "assigned_agent" not in page
    assert "\u2068New lead\u2069" in page and "\u2068Interested\u2069" in page  # funnel stages by name
    assert "\u2068Completed\u2069" in page  # the meeting's status as the window says it
    # Times in the computer's zone, named once: 10:00 UTC is 04:00 in Mexico City.
    assert "times are local: CST (UTC-06:00)" in page
    assert "20 Nov 2026, 04:00" in page and "2026-11-20" not in page
    # An empty section is left out, not shown with "No conflicts".
    assert "<h2>Conflicts</h2>" not in page and "No conflicts" not in page
    # The count is of the rows shown: messages, with reactions under the message they answer, not as rows.
    rows = page.count('<td colspan="2" class="')
    assert rows == len(record["messages"]) == 11  # 12 seeded, one of them a reaction
    assert f"· {rows} messages ·" in page
    assert re.search(rf"Messages</th><td[^>]*>\u2068{rows}\u2069", page)
    assert record["contact"]["message_count"] == 12  # the JSON keeps the contract's own count


def test_a_stage_the_account_does_not_list_reads_as_words(rich: Database) -> None:
    record, _ = record_of(rich, "ct_8812")
    page = history_html(record, RecordNames())  # no stage names known, e.g. before the first sync of the account
    assert "\u2068Visit scheduled\u2069" in page and "visit_scheduled" not in page


def test_json_export_stays_in_protocol_words_and_utc(rich: Database) -> None:
    record, _ = record_of(rich, "ct_8812")
    assert record["contact"]["sale_status"] == "sold"
    assert record["contact"]["funnel_stage"] == "visit_scheduled"
    assert record["messages"][0]["sent_at"] == "2026-11-20T10:00:00Z"
    assert record["config"]["assigned_agent"] == "ag_19"


def test_conflicts_are_shown_when_there_are_some(rich: Database) -> None:
    [outbox_id] = edits.set_sale_status(rich, ["ct_8812"], "pending")
    with rich.write() as connection:  # what the sync records when the relay answers 409
        connection.exec_driver_sql(
            "INSERT INTO edit_conflicts (contact_id, outbox_id, command_type, field, mine, theirs, at) "
            "VALUES ('ct_8812', ?, 'set_sale_status', 'sale_status', '\"sold\"', '\"signed\"', "
            "'2026-11-24T15:00:00Z')",
            (outbox_id,),
        )
    record, names = record_of(rich, "ct_8812")
    page = history_html(record, names)
    assert "<h2>Conflicts</h2>" in page
    assert "\u2068Sale status\u2069" in page and "\u2068Sold\u2069" in page and "\u2068Signed\u2069" in page


@pytest.fixture
def long_history(database: Database) -> Database:
    """A client with 2,000 messages and every other part of a record (meeting, survey, funnel, configuration)."""
    seed_many_messages(database, "ct_8812", 2000)
    seed_rich_contact(database)
    return database


@pytest.mark.slow  # a hundred-page PDF (~10 s)
def test_pdf_of_a_2000_message_history_reads_back(
    qapp: QApplication, long_history: Database, mexico_time: None
) -> None:
    with in_language("en"):
        found = history_document(long_history, "ct_8812")
    assert found is not None
    page, title = found
    pdf = html_to_pdf(page, title=title)
    # pypdf reads about 6 pages a second: the first two and the last eight, where the headings are.
    pages = pdf_pages(pdf, lambda index, count: index < 2 or index >= count - 8)
    assert len(pages) > 50
    text = "\n".join(pages)
    record, _ = record_of(long_history, "ct_8812")
    first, last = record["messages"][0]["text"], record["messages"][-1]["text"]
    flat = re.sub(r"\s+", " ", text)
    assert "Ana López" in pages[0]
    assert first[:60] in flat
    assert last[:60] in flat
    for raw in RAW_IDS:
        assert raw not in text, raw
    assert re.search(r"2,01\d messages", pages[0])  # the count of the rows that follow
    for heading in ("Conversation", "Meetings", "Surveys", "Funnel history", "Configuration"):
        assert heading in text
    assert "Completed" in text  # the meeting's status, never split across two lines of a narrow column
    for number, content in enumerate(pages, start=1):
        stranded = last_text_line(content)
        assert stranded not in SECTION_HEADINGS, f"page {number} ends with the heading {stranded!r}"
        assert not stranded.startswith("Submitted "), f"page {number} ends with a survey's heading"


def heading_texts(page: str) -> list[str]:
    """The text of every h2 and h3 of an HTML document, as plain text on one line."""
    found = re.findall(r"<h[23]>(.*?)</h[23]>", page, flags=re.DOTALL)
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>|[\u2068\u2069]", "", h))).strip() for h in found]


@pytest.mark.slow  # eleven PDFs read back (~5 s)
def test_no_heading_is_left_at_the_foot_of_a_page(qapp: QApplication, database: Database) -> None:
    """Whatever the length of the conversation before them, no page ends with a heading (or its last line)."""
    seed_rich_contact(database)
    record, names = record_of(database, "ct_8812")
    filler = dict(record["messages"][0], text="Una línea más de la conversación, para llenar la página.", reactions=[])
    stranded: list[tuple[int, str]] = []
    # Eleven lengths: the sections after the conversation slide down the page a row at a time (without the
    # fix, four of these end a page with "Configuration", "Funnel history", "Surveys" or "Meetings").
    for extra in range(11, 22):
        page = history_html(dict(record, messages=[filler] * extra + record["messages"]), names)
        headings = heading_texts(page)
        pages = pdf_pages(html_to_pdf(page, title="x"), lambda index, count: index < count - 1)
        assert len(pages) >= 2
        for content in pages[:-1]:
            end = last_text_line(content)
            if any(heading.endswith(end) for heading in headings):
                stranded.append((extra, end))
    assert stranded == []


# --- the profile's buttons ----------------------------------------------------------------------


@pytest.fixture
def profile(qtbot: QtBot, rich: Database) -> ProfileDialog:
    dialog = ProfileDialog(rich, "ct_8812")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def saving_to(target: Path, chosen_filter: str) -> Any:
    def choose(parent: QWidget, caption: str, suggested: Path, filters: str) -> tuple[Path, str]:
        assert suggested.name.startswith("client-record-") and "Ana" not in suggested.name  # never relay text
        assert PDF_FILTER in filters and HTML_FILTER in filters
        return target, chosen_filter

    return choose


def test_export_button_writes_the_pdf_of_this_client(qtbot: QtBot, profile: ProfileDialog, tmp_path: Path) -> None:
    target = tmp_path / "ana.pdf"
    profile.record_actions.choose_path = saving_to(target, PDF_FILTER)
    qtbot.mouseClick(profile.record_actions.export_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    text = "\n".join(pdf_pages(data))
    assert "Ana López" in text and "Visit scheduled" in text and "ct_8812" not in text
    assert PdfReader(io.BytesIO(data)).metadata.title == "Ana López — LeadDesk client record"  # type: ignore[union-attr]


def test_export_button_writes_html_when_asked(qtbot: QtBot, profile: ProfileDialog, tmp_path: Path) -> None:
    target = tmp_path / "ana"
    profile.record_actions.choose_path = saving_to(target, HTML_FILTER)
    qtbot.mouseClick(profile.record_actions.export_button, Qt.MouseButton.LeftButton)
    page = (tmp_path / "ana.html").read_text(encoding="utf-8")
    record, names = record_of(profile._database, "ct_8812")
    # The same document as `leaddesk export history --format html`, bar the minute it was made.
    strip = re.compile(r"Client record from LeadDesk, [^·]*·")
    assert strip.sub("", page) == strip.sub("", history_html(record, names))


def test_print_button_prints_the_record_through_a_qprinter(
    qtbot: QtBot, profile: ProfileDialog, tmp_path: Path
) -> None:
    target = tmp_path / "printed.pdf"
    asked: list[QPrinter] = []

    def print_to_file(parent: QWidget, printer: QPrinter) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    profile.record_actions.choose_printer = print_to_file
    qtbot.mouseClick(profile.record_actions.print_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0].docName() == "Ana López — LeadDesk client record"
    pages = pdf_pages(target.read_bytes())
    assert "Ana López" in pages[0] and "Sold" in pages[0]
    assert re.fullmatch(r"1 / \d+", pages[0].strip().splitlines()[-1].strip())  # numbered pages


def test_print_cancelled_prints_nothing(qtbot: QtBot, profile: ProfileDialog, tmp_path: Path) -> None:
    target = tmp_path / "never.pdf"

    def cancel(parent: QWidget, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return False  # the user closed the print dialog with Cancel

    profile.record_actions.choose_printer = cancel
    assert profile.record_actions.print_record() is False
    assert not target.exists()


def test_export_of_a_client_erased_meanwhile_says_so(qtbot: QtBot, profile: ProfileDialog, tmp_path: Path) -> None:
    seed(profile._database, [{"type": "contact.erased", "data": {"contact_id": "ct_8812"}}])
    profile.record_actions.choose_path = saving_to(tmp_path / "gone.pdf", PDF_FILTER)
    assert profile.record_actions.export() is None
    assert not (tmp_path / "gone.pdf").exists()
