"""Open the profile of a client with 20,000 messages: time to the first painted conversation.

Compares the bubble list view (newest page, cached heights) with the obvious way: one QTextBrowser
holding the whole history as HTML. Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_profile.py [N_MESSAGES]``
"""

from __future__ import annotations

import html
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QTextBrowser

from leaddesk.db.database import Database, open_database
from leaddesk.domain import format_time, utc_now
from leaddesk.sync.apply import apply_events
from leaddesk.views.profile import ProfileDialog

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


def time_bubbles(app: QApplication, database: Database) -> float:
    started = time.perf_counter()
    dialog = ProfileDialog(database, CONTACT)
    dialog.resize(900, 720)
    dialog.tabs.setCurrentWidget(dialog.conversation)
    dialog.show()
    dialog.conversation.scroll_to_newest()
    dialog.conversation.view.viewport().grab()  # lays out and paints the visible bubbles
    elapsed = time.perf_counter() - started
    dialog.close()
    dialog.deleteLater()
    app.processEvents()
    return elapsed


def time_text_browser(app: QApplication, rows: list[tuple[str, str, str]]) -> float:
    started = time.perf_counter()
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
        bubbles = statistics.median(time_bubbles(app, database) for _ in range(5))
        browser = statistics.median(time_text_browser(app, rows) for _ in range(2))
        database.close()
    print(f"messages: {count}")
    print(f"profile dialog, bubble list view, first paint: {bubbles * 1000:.0f} ms (median of 5)")
    print(f"QTextBrowser with the whole history as HTML:   {browser * 1000:.0f} ms (median of 2)")
    print(f"ratio: {browser / bubbles:.1f}x faster")
    return 0


if __name__ == "__main__":
    sys.exit(main())
