"""``leaddesk export history CONTACT --format pdf`` (and the HTML it is printed from) as a real process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from leaddesk.db.database import open_database
from leaddesk.demo import ensure_demo_database
from leaddesk.export import history_html
from tests.support.events import EventLog, at, contact, message
from tests.support.sync import sqlite

HOSTILE_NAME = "<b>x</b> \u202eevil"
HOSTILE_TEXT = '<b>bold</b><img src="file:///etc/passwd"><a href="file:///etc/passwd">click</a> \u202egpj.exe'
HOSTILE_URL = "file:///etc/passwd"


def leaddesk(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The command line as a fresh process with no display and no Qt platform chosen: it must pick offscreen."""
    env = os.environ.copy()
    for variable in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(variable, None)
    env["LEADDESK_DEMO_NOW"] = "2026-11-24T15:00:00Z"
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", *args], capture_output=True, env=env, timeout=120, check=False
    )


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def assert_no_links(pdf: bytes) -> None:
    assert b"/URI" not in pdf
    assert b"/Link" not in pdf
    assert all(not annots.strip() for annots in re.findall(rb"/Annots\s*\[([^\]]*)\]", pdf))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ensure_demo_database(path).close()
    return path


@pytest.fixture(scope="module")
def longest(demo_db: Path) -> tuple[str, str]:
    """The id and name of the demo client with the most messages."""
    with sqlite(demo_db) as connection:
        row = connection.execute(
            "SELECT c.id, c.name FROM contacts AS c WHERE c.name IS NOT NULL "
            "ORDER BY c.message_count DESC, c.id LIMIT 1"
        ).fetchone()
    return str(row[0]), str(row[1])


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.sqlite"
    database = open_database(path)
    try:
        log = EventLog(database)
        card = {"title": "<i>Depto</i>", "description": None, "price": 1_000_000, "currency": "MXN", "url": HOSTILE_URL}
        log.apply(
            [
                contact("ct_bad", name=HOSTILE_NAME, phone="+34612345678", config={"note": "<script>x</script>"}),
                message("ct_bad", at(-30), message_id="m1", text=HOSTILE_TEXT),
                message("ct_bad", at(-20), message_id="m2", text=f"see {HOSTILE_URL} and https://example.com/x"),
                message(
                    "ct_bad",
                    at(-10),
                    message_id="m3",
                    direction="out",
                    author={"kind": "agent", "name": "<u>Bot</u>"},  # an agent's own name is shown
                    status="sent",
                    text="Mira",
                    card=card,
                ),
            ]
        )
    finally:
        database.close()
    return path


@pytest.mark.slow  # one demo database and three PDFs, each by a fresh process (~5 s)
def test_demo_history_pdf_is_a_multi_page_a4_document(demo_db: Path, longest: tuple[str, str], tmp_path: Path) -> None:
    contact_id, name = longest
    done = leaddesk("--db", str(demo_db), "export", "history", contact_id, "--format", "pdf")
    assert done.returncode == 0, done.stderr
    pdf = done.stdout
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert pages(pdf) >= 2  # two dozen messages, meetings, surveys and funnel history do not fit on one page
    assert len(pdf) > 20_000  # real text with embedded fonts, not an empty page
    assert re.search(rb"/MediaBox\s*\[0 0 595(\.0+)? 842(\.0+)?\]", pdf)  # A4 in points
    assert name.encode("utf-16-be") in pdf  # the document title names the client
    assert_no_links(pdf)  # the listing URLs in the demo are printed as text, never as links

    # --out writes the same document to the file and nothing to standard output.
    out = tmp_path / "history.pdf"
    written = leaddesk("--db", str(demo_db), "export", "history", contact_id, "--format", "pdf", "--out", str(out))
    assert written.returncode == 0, written.stderr
    assert written.stdout == b""
    saved = out.read_bytes()
    assert saved.startswith(b"%PDF-") and pages(saved) == pages(pdf)

    # The HTML the PDF is printed from holds the client's name, every section that has something and every message.
    page = leaddesk("--db", str(demo_db), "export", "history", contact_id, "--format", "html")
    assert page.returncode == 0, page.stderr
    text = page.stdout.decode("utf-8")
    assert f"<h1>\u2068{name}\u2069</h1>" in text
    for section in ("Profile", "Conversation", "Meetings", "Surveys", "Funnel history", "Configuration"):
        assert f"<h2>{section}</h2>" in text
    assert "<h2>Conflicts</h2>" not in text  # the demo client has none: an empty section is left out
    with sqlite(demo_db) as connection:
        shown = connection.execute(
            "SELECT count(*) FROM messages WHERE contact_id = ? AND type != 'reaction'", (contact_id,)
        ).fetchone()[0]
    assert text.count('<td colspan="2" class="') == shown


def test_hostile_text_stays_literal_in_html_and_never_becomes_a_link_in_pdf(hostile_db: Path) -> None:
    page = leaddesk("--db", str(hostile_db), "export", "history", "ct_bad", "--format", "html")
    assert page.returncode == 0, page.stderr
    text = page.stdout.decode("utf-8")
    assert "&lt;b&gt;bold&lt;/b&gt;&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in text
    assert "&lt;a href=&quot;file:///etc/passwd&quot;&gt;click&lt;/a&gt; \u202egpj.exe\u2069" in text
    assert "&lt;b&gt;x&lt;/b&gt; \u202eevil" in text
    assert "&lt;u&gt;Bot&lt;/u&gt;" in text and "&lt;i&gt;Depto&lt;/i&gt;" in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text
    for tag in ("<b>", "<img", "<a ", "<u>", "<i>", "<script"):
        assert tag not in text, tag

    done = leaddesk("--db", str(hostile_db), "export", "history", "+34 612 34 56 78", "--format", "pdf")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"%PDF-") and pages(done.stdout) == 1
    assert_no_links(done.stdout)
    assert not re.search(rb"/Subtype\s*/Image", done.stdout)  # no image was loaded, least of all /etc/passwd


def test_qt_reads_the_html_as_plain_text_with_no_anchor_or_image(hostile_db: Path, qapp: QApplication) -> None:
    """What Qt lays out for the PDF: the hostile text as characters, no anchors, no images."""
    from leaddesk.db import history

    database = open_database(hostile_db)
    try:
        with database.read() as connection:
            record = history.contact_history(connection, "ct_bad")
    finally:
        database.close()
    assert record is not None
    document = QTextDocument()
    document.setHtml(history_html(record))
    plain = document.toPlainText()
    for literal in (HOSTILE_TEXT, HOSTILE_NAME, "<u>Bot</u>", HOSTILE_URL, "https://example.com/x"):
        assert literal in plain, literal
    block = document.begin()
    while block.isValid():
        fragment = block.begin()
        while not fragment.atEnd():
            char_format = fragment.fragment().charFormat()
            assert not char_format.isAnchor(), fragment.fragment().text()
            assert not char_format.isImageFormat(), fragment.fragment().text()
            fragment += 1
        block = block.next()


def test_unknown_contact_exits_6_and_writes_nothing(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "nobody.pdf"
    done = leaddesk("--db", str(demo_db), "export", "history", "ct_nobody", "--format", "pdf", "--out", str(out))
    assert done.returncode == 6
    assert b"no such contact" in done.stderr
    assert done.stdout == b"" and not out.exists()


def test_bad_format_and_unwritable_out_exit_2(hostile_db: Path, tmp_path: Path) -> None:
    bad = leaddesk("--db", str(hostile_db), "export", "history", "ct_bad", "--format", "docx")
    assert bad.returncode == 2
    assert b"usage:" in bad.stderr and bad.stdout == b""
    nowhere = tmp_path / "missing-folder" / "x.pdf"
    done = leaddesk("--db", str(hostile_db), "export", "history", "ct_bad", "--format", "pdf", "--out", str(nowhere))
    assert done.returncode == 2
    assert b"cannot write" in done.stderr
