"""Open the profile of a client with 20,000 messages: time to the first painted conversation.

Like with like: the conversation tab opens on the newest page (``PAGE`` messages, bubbles painted by
a delegate); the obvious alternative gets the SAME page, read from the same cache with one query, as
HTML in a ``QTextBrowser``. Both are timed from nothing to the first painted view. The whole profile
dialog (which also builds every other tab) is timed to the same paint and printed beside them.
Separately, and only to show why the conversation pages at all: a ``QTextBrowser`` laying out the
whole history (all N messages) as HTML. Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_profile.py [N_MESSAGES]``
"""

from __future__ import annotations

import html
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QTextBrowser

from leaddesk.db.database import Database, open_database
from leaddesk.domain import format_time, utc_now
from leaddesk.models.conversation import ItemRole
from leaddesk.sync.apply import apply_events
from leaddesk.views.profile import ProfileDialog
from leaddesk.views.profile.conversation_tab import ConversationTab

CONTACT = "ct_bench"


def build(database: Database, count: int) -> list[tuple[str, str, str]]:
    contact = {
        "id": CONTACT,
        "phone": "+5215500000001",
        "name": "Ana López",
        "bot_status": "active",
        "unread": 0,
        "sale_status": "none",
        "funnel_stage": None,
        "sentiment": None,
        "mystery_shopper": False,
        "contractor": False,
        "config": {},
        "version": 1,
        "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-01-01T00:00:00Z",
    }
    start = utc_now() - timedelta(minutes=37 * count)
    rows: list[tuple[str, str, str]] = []
    events: list[dict[str, Any]] = [{"seq": 1, "type": "contact.upserted", "data": {"contact": contact}}]
    for i in range(count):
        direction = "out" if i % 3 == 0 else "in"
        sent_at = format_time(start + timedelta(minutes=37 * i))
        body = f"Message {i}: " + "Claro, con gusto le comparto la información del desarrollo. " * (1 + i % 4)
        rows.append((direction, sent_at, body))
        events.append(
            {
                "seq": i + 2,
                "type": "message.upserted",
                "data": {
                    "message": {
                        "id": f"wamid.{i:06d}",
                        "contact_id": CONTACT,
                        "direction": direction,
                        "from": "5215500000001" if direction == "in" else None,
                        "author": {"kind": "client" if direction == "in" else "bot", "name": None},
                        "sent_at": sent_at,
                        "type": "text",
                        "text": body,
                        "status": "received" if direction == "in" else "read",
                    }
                },
            }
        )
    with database.write() as connection:
        apply_events(connection, events)
    return rows


def time_bubbles(app: QApplication, database: Database, contact: str = CONTACT) -> tuple[float, int]:
    """Seconds to the first painted conversation, and how many messages that first page holds."""
    started = time.perf_counter()
    dialog = ProfileDialog(database, contact)
    dialog.resize(900, 720)
    dialog.tabs.setCurrentWidget(dialog.conversation)
    dialog.show()
    dialog.conversation.scroll_to_newest()
    dialog.conversation.view.viewport().grab()  # lays out and paints the visible bubbles
    elapsed = time.perf_counter() - started
    model = dialog.conversation.model
    shown = sum(1 for row in range(model.rowCount()) if model.index(row, 0).data(ItemRole).kind == "message")
    dialog.close()
    dialog.deleteLater()
    app.processEvents()
    return elapsed, shown


def time_conversation_tab(app: QApplication, database: Database) -> float:
    """Seconds to the first painted conversation tab on its own (model, list view, bubble delegate)."""
    started = time.perf_counter()
    tab = ConversationTab(database, CONTACT)
    tab.resize(900, 720)
    tab.show()
    tab.scroll_to_newest()
    tab.view.viewport().grab()
    elapsed = time.perf_counter() - started
    tab.close()
    tab.deleteLater()
    app.processEvents()
    return elapsed


def newest_rows(database: Database, limit: int, contact: str = CONTACT) -> list[tuple[str, str, str]]:
    """The newest ``limit`` messages, oldest first, read the plain way (one query)."""
    with database.read() as connection:
        found = connection.exec_driver_sql(
            "SELECT direction, sent_at, text FROM messages WHERE contact_id = ? ORDER BY sent_at DESC, id DESC LIMIT ?",
            (contact, limit),
        ).all()
    return [(str(r[0]), str(r[1]), str(r[2] or "")) for r in reversed(found)]


def time_text_browser(app: QApplication, read_rows: Callable[[], list[tuple[str, str, str]]]) -> float:
    """Seconds to read the rows, lay them out as HTML in a QTextBrowser scrolled to the end, and paint it."""
    started = time.perf_counter()
    rows = read_rows()
    parts = ["<html><body>"]
    for direction, sent_at, body in rows:
        align = "right" if direction == "out" else "left"
        parts.append(f'<p align="{align}" style="background:#eef">{html.escape(body)}<br><small>{sent_at}</small></p>')
    parts.append("</body></html>")
    browser = QTextBrowser()
    browser.resize(900, 720)
    browser.setHtml("".join(parts))
    browser.show()
    bar = browser.verticalScrollBar()
    bar.setValue(bar.maximum())
    browser.viewport().grab()
    elapsed = time.perf_counter() - started
    browser.close()
    browser.deleteLater()
    app.processEvents()
    return elapsed


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "bench.sqlite")
        rows = build(database, count)
        time_bubbles(app, database)  # warm up fonts and the SQLite page cache
        runs = [time_bubbles(app, database) for _ in range(5)]
        bubbles = statistics.median(elapsed for elapsed, _ in runs)
        page = runs[0][1]
        time_conversation_tab(app, database)
        tab_only = statistics.median(time_conversation_tab(app, database) for _ in range(5))
        time_text_browser(app, lambda: newest_rows(database, page))  # the same warm-up for the alternative
        same_page = statistics.median(time_text_browser(app, lambda: newest_rows(database, page)) for _ in range(5))
        whole = statistics.median(time_text_browser(app, lambda: rows) for _ in range(2))
        database.close()
    print(f"messages in the conversation: {count:,}; on the first page: {page}")
    print("like with like, the first page of the conversation painted:")
    print(f"  conversation tab alone, bubble list view:          {tab_only * 1000:.0f} ms (median of 5)")
    print(f"  QTextBrowser with the same {page} messages as HTML:  {same_page * 1000:.0f} ms (median of 5)")
    print(f"  ratio: {same_page / tab_only:.2f} (above 1: the bubble view is faster)")
    print(f"  the whole profile dialog (every tab built) to the same first paint: {bubbles * 1000:.0f} ms")
    print("for scale, not like with like:")
    print(f"  QTextBrowser with all {count:,} messages as HTML: {whole * 1000:.0f} ms (median of 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
