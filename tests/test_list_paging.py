"""The list reads only its first block on a sort or a search key, and reads the rest later (issue 13).

At 250,000 clients reading a whole new order per click or key cost 100–350 ms; the model now reads
the first block (``head_rowids``), finds where each selected client went by a keyset count
(``position_in_order``), and finds a rare search's matches in the term index that triggers keep
(``contact_search_terms``, migration 0010). These tests hold each shortcut to the whole order it
replaces.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db import queries
from leaddesk.db.database import Database, open_database
from leaddesk.db.queries import ClientQuery, SortKey, client_rowids, head_rowids, position_in_order
from leaddesk.db.search_keys import search_words
from leaddesk.models.client_table import BLOCK_SIZE, TAIL_DELAY_MS, ClientTableModel, Column, ContactIdRole
from tests.support.events import EventLog, account_updated, at, contact, erased, message
from tests.support.list_scan import scanned
from tests.support.sync import migrate, sqlite

#: Enough clients for several blocks, with ties and NULLs in every sort key.
CLIENTS = 3 * BLOCK_SIZE + 7


def many_clients(database: Database) -> EventLog:
    stages = ["new", "closed", "mystery_stage", None]
    log = EventLog(database)
    events = [account_updated()]
    for i in range(CLIENTS):
        events.append(
            contact(
                f"ct_{i:03d}",
                name=None if i % 23 == 0 else f"Client {['Ana', 'Luis', 'Lucía'][i % 3]} {i % 11}",
                phone=f"+5215500{i % 17:06d}" if i % 31 else f"+34612{i:06d}",
                sale_status=["none", "pending", "signed", "sold"][i % 4],
                funnel_stage=stages[i % 4],
                sentiment=["hot", "warm", None][i % 3],
                bot_status=["active", "paused", "agent"][i % 3],
                bot_paused_until=f"2026-11-2{i % 3}T09:00:00Z" if i % 3 == 1 and i % 2 else None,
            )
        )
        if i % 5:
            events.append(message(f"ct_{i:03d}", at(-(i % 13))))
    log.apply(events)
    return log


def every_query() -> list[ClientQuery]:
    queries_ = [ClientQuery(sort=key, descending=down) for key in SortKey for down in (False, True)]
    plain = (SortKey.NAME, SortKey.PHONE, SortKey.LAST_ACTIVITY)
    queries_ += [ClientQuery(search="lu", sort=key, descending=down) for key in plain for down in (False, True)]
    return queries_


@pytest.mark.parametrize("query", every_query(), ids=repr)
def test_a_keyset_count_gives_each_clients_row_in_the_whole_order(database: Database, query: ClientQuery) -> None:
    many_clients(database)
    with database.read() as connection:
        order = client_rowids(connection, query)
        every = [int(r) for r in connection.exec_driver_sql("SELECT rowid FROM contacts").scalars()]
        positions = {rowid: position_in_order(connection, query, rowid) for rowid in every}
    assert [
        rowid for rowid, _ in sorted(((r, p) for r, p in positions.items() if p is not None), key=lambda x: x[1])
    ] == order
    assert all(positions[rowid] == row for row, rowid in enumerate(order))
    assert sum(p is None for p in positions.values()) == len(every) - len(order)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", list(Column))
def test_a_sort_keeps_clients_selected_far_down_on_their_clients(
    database: Database, column: Column, descending: bool
) -> None:
    many_clients(database)
    model = ClientTableModel(database)
    model.sort(Column.PHONE, Qt.SortOrder.AscendingOrder)
    rows = [3, BLOCK_SIZE + 4, CLIENTS - 2]
    kept = [QPersistentModelIndex(model.index(row, 0)) for row in rows]
    chosen = [model.contact_id(row) for row in rows]
    model.sort(column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    with database.read() as connection:
        order = client_rowids(connection, model.query)
        ids = dict(connection.exec_driver_sql("SELECT rowid, id FROM contacts").all())
    assert model.rowCount() == CLIENTS
    for index, contact_id in zip(kept, chosen, strict=True):
        assert index.isValid()
        assert ids[order[index.row()]] == contact_id  # the row the whole order gives it
        assert index.data(ContactIdRole) == contact_id  # and the model shows it there


def test_many_matches_show_a_first_block_then_the_rest_is_inserted(
    qtbot: QtBot, qtmodeltester: ModelTester, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    many_clients(database)
    # "Client" starts every named client's name: past this limit, the first block is found by walking
    # the sort's index (as "L" among 250,000 clients), and the count comes with the rest.
    monkeypatch.setattr(queries, "CANDIDATE_LIMIT", 20)
    model = ClientTableModel(database)
    qtmodeltester.check(model, force_py=True)  # and keeps checking every signal below
    counts: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.counts_changed.connect(lambda shown, total: counts.append((shown, total)))
    model.modelReset.connect(lambda: resets.append(True))
    query = ClientQuery(search="client")
    model.set_query(query)
    with database.read() as connection:
        order = client_rowids(connection, query)
        ids = dict(connection.exec_driver_sql("SELECT rowid, id FROM contacts").all())
    assert len(order) > BLOCK_SIZE
    assert model.rowCount() == BLOCK_SIZE
    assert [model.contact_id(row) for row in range(BLOCK_SIZE)] == [ids[r] for r in order[:BLOCK_SIZE]]
    assert counts == []  # no count is told before it is known
    resets.clear()
    with qtbot.waitSignal(model.rowsInserted, timeout=TAIL_DELAY_MS + 2000):
        pass
    assert resets == []
    assert model.rowCount() == len(order)
    assert [model.contact_id(row) for row in range(len(order))] == [ids[r] for r in order]
    assert counts == [(len(order), CLIENTS)]
    # A sort of those rows keeps them all, and reads again only its first block.
    kept = QPersistentModelIndex(model.index(len(order) - 1, 0))
    chosen = model.contact_id(len(order) - 1)
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == len(order)
    assert kept.data(ContactIdRole) == chosen


def expected_terms(connection: sqlite3.Connection) -> set[tuple[str, int]]:
    """What ``contact_search_terms`` must hold, computed in Python from every contact."""
    terms = set()
    for rowid, key, phone, phone_key in connection.execute("SELECT rowid, name_key, phone, phone_key FROM contacts"):
        terms |= {("w" + word, rowid) for word in (key or "").split()}
        for text in (phone, phone_key):
            terms |= {("#" + text[i:], rowid) for i in range(len(text or "") - 3) if text[i].isdigit()}
    return terms


def stored_terms(connection: sqlite3.Connection) -> set[tuple[str, int]]:
    return set(connection.execute("SELECT term, contact_rowid FROM contact_search_terms"))


SEARCHES = ["lu", "lucia", "LUCÍA 7", "client ana 1", "unk", "unknown", "5500", "+52 1 55 0000 0003", "0003", "x"]


def test_the_term_index_follows_the_applier_and_edits_and_finds_what_a_scan_finds(
    database: Database, db_path: Path
) -> None:
    log = many_clients(database)
    edits.set_name(database, ["ct_004", "ct_023"], "Ángela Ruíz")
    log.apply([contact("ct_005", name="Zoe", phone="+34612345678"), erased("ct_006")])
    with database.read() as connection:
        for search in [*SEARCHES, "angela", "zoe", "612 345 678"]:
            query = ClientQuery(search=search)
            head, every_match = head_rowids(connection, query, 10_000)
            assert every_match
            assert head == client_rowids(connection, query) == scanned(connection, query), search
        found = client_rowids(connection, ClientQuery(search="angela ruiz"))
        assert len(found) == 2
    with sqlite(db_path) as connection:
        assert stored_terms(connection) == expected_terms(connection)


def test_migration_0010_indexes_the_clients_already_cached(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    migrate(path, "0009")
    with sqlite(path) as connection:
        connection.executemany(
            "INSERT INTO contacts (id, phone, name, name_key, phone_key, version) VALUES (?, ?, ?, ?, ?, 1)",
            [
                ("ct_1", "+5213334924018", "José Jiménez", " jose jimenez", "523334924018"),
                ("ct_2", "+34612345678", None, "", "34612345678"),
            ],
        )
    migrate(path, "0010")
    with sqlite(path) as connection:
        assert stored_terms(connection) == expected_terms(connection)
        assert ("wjimenez", 1) in stored_terms(connection)
    database = open_database(path)
    try:
        with database.read() as connection:
            for search in ("jimenez", "0052 33 3492 4018", "unknown", "4924"):
                head, every_match = head_rowids(connection, ClientQuery(search=search), 10)
                assert every_match and len(head) == 1, search
    finally:
        database.close()


def test_search_words_are_what_the_index_stores() -> None:
    # name_key's words and search_words agree, so a typed word's prefix is a range of the index.
    assert search_words("MARÍA Jiménez-López") == ["maria", "jimenez", "lopez"]


def test_a_client_that_arrived_unannounced_is_in_place_once_the_rest_of_a_sort_is_read(
    qtbot: QtBot, qtmodeltester: ModelTester, database: Database
) -> None:
    log = many_clients(database)
    model = ClientTableModel(database)
    qtmodeltester.check(model, force_py=True)
    model.data(model.index(CLIENTS - 1, 0))  # the whole order is read
    log.apply([contact("ct_new", name="Aaron First", phone="+5215599999999")])  # the model is not told
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    with qtbot.waitSignal(model.counts_changed, timeout=TAIL_DELAY_MS + 2000):
        pass  # the rest of the order, read after the first block, brings the newcomer
    with database.read() as connection:
        order = client_rowids(connection, model.query)
        ids = dict(connection.exec_driver_sql("SELECT rowid, id FROM contacts").all())
    assert [model.contact_id(row) for row in range(model.rowCount())] == [ids[r] for r in order]
    assert model.contact_id(0) == "ct_new"
