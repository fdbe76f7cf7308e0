"""The client list's query and lazy model, on a real migrated SQLite file fed through the applier."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from leaddesk.db.database import Database
from leaddesk.db.queries import ClientQuery, FlagFilter, SortKey, client_rowids_sql
from leaddesk.models.client_table import (
    BLOCK_SIZE,
    BadgesRole,
    ClientTableModel,
    Column,
    ContactIdRole,
    RawValueRole,
    UnreadRole,
    format_phone,
)
from tests.support.events import EventLog, account_updated, at, contact, message


def fill(database: Database) -> EventLog:
    log = EventLog(database)
    log.apply(
        [
            account_updated(),
            contact(
                "ct_a",
                name="ana lópez",
                phone="+5215512345678",
                sale_status="signed",
                sentiment="warm",
                funnel_stage="closed",
                unread=2,
            ),
            contact(
                "ct_b",
                name="Bruno Díaz",
                phone="+14155552671",
                sale_status="none",
                sentiment="hot",
                funnel_stage="new",
                bot_status="paused",
                bot_paused_until="2026-11-26T09:00:00Z",
            ),
            contact(
                "ct_c",
                name="Carla Ruiz",
                phone="+34612345678",
                sale_status="sold",
                sentiment="negative",
                funnel_stage="mystery_stage",
                mystery_shopper=True,
            ),
            contact(
                "ct_d",
                name="<b>bold</b>",
                phone="+525598765432",
                sale_status="pending",
                sentiment=None,
                funnel_stage=None,
                contractor=True,
                bot_status="agent",
            ),
            message("ct_a", at(-10)),
            message("ct_b", at(-30)),
            message("ct_c", at(-5)),
            # A message for a contact the relay has not described yet: a placeholder with only a phone.
            message("ct_e", at(-1), **{"from": "5215500001111"}),
        ]
    )
    return log


def ids(model: ClientTableModel) -> list[str]:
    return [model.contact_id(row) for row in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester, database: Database) -> None:
    fill(database)
    model = ClientTableModel(database)
    qtmodeltester.check(model, force_py=True)
    model.sort(Column.NAME, Qt.SortOrder.AscendingOrder)
    model.set_query(ClientQuery(search="ana"))
    model.refresh()
    assert model.rowCount() == 1


def test_default_order_is_last_activity_newest_first_then_no_messages(database: Database) -> None:
    fill(database)
    model = ClientTableModel(database)
    assert ids(model) == ["ct_e", "ct_c", "ct_a", "ct_b", "ct_d"]
    assert model.total_count == 5


@pytest.mark.parametrize(
    ("key", "descending", "expected"),
    [
        (SortKey.NAME, False, ["ct_d", "ct_a", "ct_b", "ct_c", "ct_e"]),  # NOCASE, "<" first, no name last
        # Ties go by rowid: the placeholder ct_e was made first, before the states in its page.
        (SortKey.SALE_STATUS, False, ["ct_e", "ct_b", "ct_d", "ct_a", "ct_c"]),  # none, pending, signed, sold
        (SortKey.SENTIMENT, False, ["ct_b", "ct_a", "ct_c", "ct_e", "ct_d"]),  # hot, warm, negative, then none
        (SortKey.SENTIMENT, True, ["ct_c", "ct_a", "ct_b", "ct_e", "ct_d"]),  # nulls stay last
        (SortKey.FUNNEL_STAGE, False, ["ct_b", "ct_a", "ct_c", "ct_e", "ct_d"]),  # new, closed, unknown, none
        (SortKey.BOT_STATUS, True, ["ct_d", "ct_b", "ct_e", "ct_a", "ct_c"]),  # agent, paused, active
        (SortKey.LAST_ACTIVITY, False, ["ct_b", "ct_a", "ct_c", "ct_e", "ct_d"]),
    ],
)
def test_sort_runs_in_sql(database: Database, key: SortKey, descending: bool, expected: list[str]) -> None:
    fill(database)
    model = ClientTableModel(database)
    model.sort(int(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    assert ids(model) == expected
    assert reference_order(database, key, descending) == expected


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(SortKey))
def test_every_sort_matches_the_reference(database: Database, key: SortKey, descending: bool) -> None:
    fill(database)
    log = EventLog(database)
    log.apply([contact("ct_f", name="ANA LÓPEZ", phone="+5215512345000", sentiment="cold", funnel_stage="new")])
    model = ClientTableModel(database)
    model.sort(int(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    assert ids(model) == reference_order(database, key, descending)


#: The list's orders as the design describes them, written out here rather than taken from the SQL.
_RANKS: dict[SortKey, list[str]] = {
    SortKey.SALE_STATUS: ["none", "pending", "signed", "sold"],
    SortKey.BOT_STATUS: ["active", "paused", "agent"],
    SortKey.SENTIMENT: ["hot", "warm", "neutral", "cold", "negative"],
}

#: SQLite's NOCASE folds only A-Z.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def reference_order(database: Database, key: SortKey, descending: bool) -> list[str]:
    """The ids in the order the list should show them, sorted in Python from the raw ``contacts`` rows:
    nulls last whichever the direction, unknown stages after the account's ones (by id), ties by rowid."""
    with database.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT rowid, id, name, phone, last_activity, bot_status, bot_paused_until, sale_status, "
            "funnel_stage, sentiment FROM contacts"
        ).all()
        positions = dict(connection.exec_driver_sql("SELECT id, position FROM funnel_stages").all())
    sign = -1 if descending else 1

    def text_key(value: str | None) -> tuple[int, list[int]]:
        return (value is None, [sign * ord(ch) for ch in (value or "")] + [sign * -1])

    def sort_key(row: Any) -> tuple[Any, ...]:
        rowid, _id, name, phone, last_activity, bot, paused_until, sale, stage, sentiment = row
        if key == SortKey.NAME:
            return (*text_key(name.translate(_ASCII_LOWER) if name is not None else None), rowid)
        if key == SortKey.PHONE:
            return (*text_key(phone), rowid)
        if key == SortKey.LAST_ACTIVITY:
            return (*text_key(last_activity), rowid)
        if key == SortKey.SENTIMENT:
            rank = _RANKS[key].index(sentiment) if sentiment is not None else None
            return (rank is None, sign * (rank or 0), rowid)
        if key == SortKey.FUNNEL_STAGE:
            known = positions.get(stage)
            return (stage is None, known is None, sign * (known or 0), *text_key(stage)[1:], rowid)
        if key == SortKey.BOT_STATUS:
            return (sign * _RANKS[key].index(bot), paused_until is None, paused_until or "", rowid)
        return (sign * _RANKS[key].index(sale), rowid)

    return [row[1] for row in sorted(rows, key=sort_key)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ClientQuery(search="ANA"), {"ct_a"}),
        (ClientQuery(search="55 1234"), {"ct_a"}),
        (ClientQuery(search="(415) 555"), {"ct_b"}),
        (ClientQuery(search="100%"), set()),
        (ClientQuery(sale_statuses=frozenset({"sold", "signed"})), {"ct_a", "ct_c"}),
        (ClientQuery(bot_statuses=frozenset({"paused"})), {"ct_b"}),
        (ClientQuery(funnel_stages=frozenset({"mystery_stage"})), {"ct_c"}),
        (ClientQuery(funnel_stages=frozenset({""})), {"ct_d", "ct_e"}),
        (ClientQuery(sentiments=frozenset({"hot"})), {"ct_b"}),
        (ClientQuery(mystery_shopper=FlagFilter.ONLY), {"ct_c"}),
        (ClientQuery(mystery_shopper=FlagFilter.HIDE, contractor=FlagFilter.HIDE), {"ct_a", "ct_b", "ct_e"}),
        (ClientQuery(contractor=FlagFilter.ONLY), {"ct_d"}),
        (ClientQuery(unread_only=True), {"ct_a"}),
    ],
)
def test_filters_and_search_run_in_sql(database: Database, query: ClientQuery, expected: set[str]) -> None:
    fill(database)
    model = ClientTableModel(database, query)
    assert set(ids(model)) == expected
    assert model.total_count == 5


def test_cells_are_formatted_once_and_plain(database: Database) -> None:
    fill(database)
    model = ClientTableModel(database, ClientQuery(sort=SortKey.NAME, descending=False))

    def cell(row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return model.data(model.index(row, column), role)

    assert cell(0, Column.NAME) == "<b>bold</b>"
    assert "<b>" not in cell(0, Column.NAME, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt;" in cell(0, Column.NAME, Qt.ItemDataRole.ToolTipRole)
    assert cell(0, Column.NAME, BadgesRole) == ["Contractor"]
    assert cell(0, Column.BOT_STATUS) == "Agent"
    assert cell(0, Column.SENTIMENT) == "—"
    assert cell(1, Column.PHONE) == "+52 55 1234 5678"
    assert cell(1, Column.PHONE, RawValueRole) == "+5215512345678"
    assert "+5215512345678" in cell(1, Column.PHONE, Qt.ItemDataRole.ToolTipRole)
    assert cell(1, Column.NAME, UnreadRole) == 2
    assert cell(1, Column.NAME, Qt.ItemDataRole.FontRole).bold()
    assert cell(1, Column.SALE_STATUS) == "Signed"
    assert cell(1, Column.FUNNEL_STAGE) == "Closed"
    # Its pause ended on Nov 26 (the relay resumes the bot then): it no longer reads "Paused until Nov 26".
    assert cell(2, Column.BOT_STATUS).startswith("Active (pause ended Nov 2")
    assert cell(3, Column.FUNNEL_STAGE) == "mystery_stage"
    assert cell(3, Column.NAME, BadgesRole) == ["Mystery shopper"]
    assert cell(4, Column.NAME) == "Unknown"
    assert cell(4, Column.PHONE) == "+52 55 0000 1111"
    assert cell(4, Column.NAME, ContactIdRole) == "ct_e"
    assert model.data(QModelIndex()) is None


def test_rows_are_fetched_in_blocks_not_per_cell(database: Database) -> None:
    log = EventLog(database)
    log.apply([contact(f"ct_{i:04d}", name=f"Client {i:04d}") for i in range(BLOCK_SIZE + 50)])
    model = ClientTableModel(database, ClientQuery(sort=SortKey.NAME, descending=False))
    statements: list[str] = []
    from sqlalchemy import event

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.startswith("SELECT"):
            statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        for row in range(BLOCK_SIZE):
            for column in Column:
                model.data(model.index(row, column))
        assert len(statements) == 1
        model.data(model.index(BLOCK_SIZE + 10, 0))
        assert len(statements) == 2
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    assert model.data(model.index(BLOCK_SIZE + 10, 0)) == f"Client {BLOCK_SIZE + 10:04d}"


def test_sort_keeps_persistent_indexes_on_their_client(database: Database) -> None:
    fill(database)
    model = ClientTableModel(database)
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(model.index(ids(model).index("ct_b"), 0))
    model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert kept.isValid()
    assert kept.data(ContactIdRole) == "ct_b"


def test_refresh_sees_new_and_erased_clients(database: Database) -> None:
    log = fill(database)
    model = ClientTableModel(database)
    counts: list[tuple[int, int]] = []
    model.counts_changed.connect(lambda shown, total: counts.append((shown, total)))
    log.apply([contact("ct_f", name="Fresh"), {"type": "contact.erased", "data": {"contact_id": "ct_a"}}])
    model.refresh()
    assert "ct_f" in ids(model)
    assert "ct_a" not in ids(model)
    assert counts[-1] == (5, 5)


def test_default_sort_walks_the_last_activity_index() -> None:
    sql, _ = client_rowids_sql(ClientQuery())
    assert "ORDER BY c.last_activity DESC, c.rowid" in sql
    filtered, _ = client_rowids_sql(ClientQuery(search="x"))
    assert "+c.last_activity" in filtered  # a filter keeps the planner off the ORDER BY index


def test_default_sort_plan_uses_index(database: Database) -> None:
    from sqlalchemy import text

    sql, params = client_rowids_sql(ClientQuery())
    with database.read() as connection:
        plan = " ".join(str(r[3]) for r in connection.execute(text("EXPLAIN QUERY PLAN " + sql), params))
    assert "ix_contacts_last_activity" in plan
    assert "TEMP B-TREE" not in plan


@pytest.mark.parametrize(
    ("e164", "shown"),
    [("+5215512345678", "+52 55 1234 5678"), ("+14155552671", "+1 415-555-2671"), ("+999", "+999"), (None, "")],
)
def test_format_phone(e164: str | None, shown: str) -> None:
    assert format_phone(e164) == shown


def test_the_waiting_clock_counts_only_edits_of_fields_the_list_shows(database: Database) -> None:
    from leaddesk import edits
    from leaddesk.models.client_table import PendingEditsRole

    fill(database)
    # A reply, a reviewed mark and a configuration change wait too, but change nothing the list shows.
    edits.send_message(database, "ct_a", "Le llamo mañana")
    edits.mark_reviewed(database, ["ct_a", "ct_b"])
    edits.set_config(database, ["ct_b"], set={"language": "es"})
    edits.set_sale_status(database, ["ct_b"], "pending")
    edits.set_flags(database, ["ct_b"], contractor=True)
    edits.set_sale_status(database, ["ct_b"], "signed")
    model = ClientTableModel(database)
    row = {cid: r for r, cid in enumerate(ids(model))}

    def cell(contact_id: str, role: int) -> Any:
        return model.data(model.index(row[contact_id], Column.NAME), role)

    assert cell("ct_a", PendingEditsRole) == 0
    assert "not sent" not in cell("ct_a", Qt.ItemDataRole.ToolTipRole)
    assert cell("ct_b", PendingEditsRole) == 3
    assert "3 changes not sent yet: sale status, flags" in cell("ct_b", Qt.ItemDataRole.ToolTipRole)


def test_ages_follow_the_clock_without_a_query_and_keep_selection_and_scroll(qtbot: Any, database: Database) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView
    from sqlalchemy import event

    from leaddesk.domain import parse_time
    from tests.support.events import BASE_TIME

    log = EventLog(database)
    log.apply([contact(f"ct_{i:03d}", name=f"Client {i:03d}") for i in range(120)])
    log.apply([message(f"ct_{i:03d}", at(-i)) for i in range(120)])
    model = ClientTableModel(database)
    model.refresh_ages(BASE_TIME)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    age = model.index(0, Column.LAST_ACTIVITY)
    assert (age.data(), model.index(5, Column.LAST_ACTIVITY).data()) == ("just now", "5 min ago")
    assert parse_time(age.data(RawValueRole)) == BASE_TIME

    view.scrollTo(model.index(60, 0), QTableView.ScrollHint.PositionAtTop)
    view.viewport().grab()  # the rows now on screen are read and formatted, as a user sees them
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().select(model.index(61, 0), flags)
    view.selectionModel().select(model.index(63, 0), flags)
    view.selectionModel().setCurrentIndex(model.index(63, 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    statements: list[str] = []
    event.listen(database.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: changed.append((a.row(), a.column(), b.row(), b.column())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.layoutChanged.connect(lambda: resets.append(True))

    model.refresh_ages(BASE_TIME + timedelta(hours=3))
    assert model.index(0, Column.LAST_ACTIVITY).data() == "3 h ago"
    assert model.index(61, Column.LAST_ACTIVITY).data() == "4 h ago"
    # Only the age column, no query, no reset; selection, current row and scroll stay.
    assert changed == [(0, Column.LAST_ACTIVITY, 119, Column.LAST_ACTIVITY)]
    assert statements == [] and resets == []
    assert sorted(i.row() for i in view.selectionModel().selectedRows()) == [61, 63]
    assert view.currentIndex().row() == 63
    assert view.verticalScrollBar().value() == scrolled
    model.refresh_ages(BASE_TIME + timedelta(hours=3))  # nothing changed: nothing to repaint
    assert len(changed) == 1

    # The model's own timer does it every minute (here made fast).
    model.age_timer.setInterval(20)
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    assert model.index(0, Column.LAST_ACTIVITY).data() != "3 h ago"  # the real clock, far after BASE_TIME


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", list(SortKey))
def test_every_sort_of_several_blocks_matches_the_reference(database: Database, key: SortKey, descending: bool) -> None:
    """Clients over three blocks, many sharing each value (the sorts by a status read one value at a
    time), with pauses, unknown stages and no stage or sentiment: every order is the reference's, and
    the rows past the first block are there before anything else is read."""
    fill(database)
    stages = ["new", "closed", "mystery_stage", "zz_unknown", None]
    sentiments = ["hot", "warm", "neutral", "cold", "negative", None]
    bots = ["active", "paused", "agent"]
    log = EventLog(database)
    log.apply(
        [
            contact(
                f"ct_{i:03d}",
                name=f"Client {i % 7}",
                phone=f"+52155000{i % 40:05d}",
                sale_status=["none", "pending", "signed", "sold"][i % 4],
                funnel_stage=stages[i % 5],
                sentiment=sentiments[i % 6],
                bot_status=bots[i % 3],
                bot_paused_until=f"2026-11-2{i % 3}T09:00:00Z" if i % 3 == 1 and i % 2 else None,
            )
            for i in range(3 * BLOCK_SIZE)
        ]
    )
    model = ClientTableModel(database)
    assert model.rowCount() == 3 * BLOCK_SIZE + 5  # the count comes before the order past the first block
    model.sort(int(key), Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    assert ids(model) == reference_order(database, key, descending)
