"""Things that had two definitions and now have one: what a person sees agrees wherever it is shown."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from leaddesk import edits
from leaddesk.db import history
from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.export import history_html, record_names
from leaddesk.models.client_table import ClientTableModel, Column
from leaddesk.sync.apply import store_funnel_stages
from tests.support.events import EventLog, account_updated, contact, message

MEXICAN_MOBILE = "+5215512345678"  # as WhatsApp writes it, with the "1" Mexico dropped in 2019


def _stages(database: Database) -> list[tuple[str, str]]:
    with database.read() as connection:
        return [
            (r[0], r[1]) for r in dbapi_cursor(connection).execute("SELECT id, name FROM funnel_stages ORDER BY id")
        ]


def test_the_list_and_the_printed_history_write_a_phone_alike_and_the_json_keeps_e164(database: Database) -> None:
    EventLog(database).apply(
        [contact("ct_1", phone=MEXICAN_MOBILE, name="Ana"), message("ct_1", "2026-11-24T15:00:00Z")]
    )
    model = ClientTableModel(database)
    shown = model.data(model.index(0, Column.PHONE), Qt.ItemDataRole.DisplayRole)
    assert shown == "+52 55 1234 5678"
    with database.read() as connection:
        record = history.contact_history(connection, "ct_1")
        names = record_names(connection)
    assert record is not None
    page = history_html(record, names)
    assert "+52 55 1234 5678" in page and "+52 15512345678" not in page
    assert json.loads(json.dumps(record))["contact"]["phone"] == MEXICAN_MOBILE


def test_the_list_and_the_export_count_the_same_pending_edits(database: Database) -> None:
    EventLog(database).apply([contact("ct_1", name="Ana"), message("ct_1", "2026-11-24T15:00:00Z")])
    edits.set_sale_status(database, ["ct_1"], "signed")
    edits.set_name(database, ["ct_1"], "Ana María")
    edits.mark_reviewed(database, ["ct_1"])  # waits too, but is not a pending edit
    edits.send_message(database, "ct_1", "Buenos días")  # a reply, not an edit
    from leaddesk.models.client_table import PendingEditsRole

    model = ClientTableModel(database)
    with database.read() as connection:
        exported = history.client(connection, "ct_1")
    assert exported is not None
    assert model.data(model.index(0, Column.NAME), PendingEditsRole) == exported["pending_edits"] == 2


def test_funnel_stages_follow_one_rule_from_the_account_and_from_events(database: Database) -> None:
    first = [{"id": "new", "name": "New lead", "order": 1, "color": "#8E9AAF", "manual": True}]
    renamed = [{"id": "new", "name": "Fresh lead", "order": 1, "color": "#8E9AAF", "manual": True}]
    log = EventLog(database)
    assert log.apply([account_updated(first)]).funnel_stages_changed
    assert not log.apply([account_updated(first)]).funnel_stages_changed  # the same stages again: no change
    assert _stages(database) == [("new", "New lead")]
    assert log.apply([account_updated(renamed)]).funnel_stages_changed
    assert _stages(database) == [("new", "Fresh lead")]
    # GET /v1/account (no seq) tells the stages as they are now: applied when they differ, and only then.
    rows = [("new", "New lead", 1, "#8E9AAF", 1)]
    with database.write() as connection:
        assert store_funnel_stages(dbapi_cursor(connection), rows)
        assert not store_funnel_stages(dbapi_cursor(connection), rows)
        # An event no newer than the last one applied is too old to replace them.
        assert not store_funnel_stages(dbapi_cursor(connection), [("old", "Old", 1, "#000000", 1)], seq=1)
    assert _stages(database) == [("new", "New lead")]
