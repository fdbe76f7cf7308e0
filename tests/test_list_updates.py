"""Issue 10, "updates row by row": a sync or an edit updates only the rows it changed.

The window is the assembled one (``build_window``) with 5,000 clients, synced by its real worker from the
relay simulator over HTTP. What is watched is what a user would notice: the selection and the scroll
position stay on the same clients, and the model never resets (a reset is what makes them jump).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.db.queries import DEFAULT_QUERY, SortKey
from leaddesk.domain import format_time
from leaddesk.models.client_table import MAX_ROW_RUNS, ClientTableModel, Column, ContactIdRole
from leaddesk.models.conversation import ConversationModel, ItemRole
from leaddesk.views.client_actions import build_client_menu
from leaddesk.views.client_list import ClientListView
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.profile import contact_state as profile_contact
from tests.support.profile import seed, seed_contacts, seed_rich_contact
from tests.support.sync_gui import Desk

TOKEN = "row-by-row-token"
CLIENTS = 5000
IDS = [f"ct_{i:05d}" for i in range(CLIENTS)]


class Watch:
    """What a model reported: resets, inserted/removed rows, the rows ``dataChanged`` covered."""

    def __init__(self, model: QAbstractItemModel) -> None:
        self.resets = 0
        self.layouts = 0
        self.inserted: list[tuple[int, int]] = []
        self.removed: list[tuple[int, int]] = []
        self.changed_rows: set[int] = set()
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._layout)
        model.rowsInserted.connect(lambda _parent, first, last: self.inserted.append((first, last)))
        model.rowsRemoved.connect(lambda _parent, first, last: self.removed.append((first, last)))
        model.dataChanged.connect(self._changed)

    def _reset(self) -> None:
        self.resets += 1

    def _layout(self) -> None:
        self.layouts += 1

    def _changed(self, top: QModelIndex, bottom: QModelIndex, _roles: Any = None) -> None:
        self.changed_rows.update(range(top.row(), bottom.row() + 1))


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    now = datetime.now(UTC).replace(microsecond=0)
    with RelaySimulator(token=TOKEN, now=now) as running:
        for i, contact_id in enumerate(IDS):
            running.add_contact(make_contact(contact_id, f"+52155{i:08d}", name=f"Client {i:05d}"))
        yield running


@pytest.fixture
def desk(qtbot: QtBot, sim: RelaySimulator, database: Database) -> Iterator[Desk]:
    opened = Desk.open(qtbot, database, sim.url, TOKEN)
    assert opened.sync().ok
    opened.window.table.sortByColumn(int(Column.NAME), Qt.SortOrder.AscendingOrder)  # a sort: the last reset
    assert opened.window.model.rowCount() == CLIENTS
    yield opened
    opened.close()


def _select_rows_on_screen(desk: Desk, first: int, *rows: int) -> None:
    """Scroll so ``first`` is near the top, then click it and Ctrl+click the other rows, like a user."""
    table = desk.window.table
    table.scrollTo(table.model().index(first - 3, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    for row, modifier in [(first, Qt.KeyboardModifier.NoModifier)] + [
        (row, Qt.KeyboardModifier.ControlModifier) for row in rows
    ]:
        rect = table.visualRect(table.model().index(row, int(Column.PHONE)))
        assert table.viewport().rect().contains(rect.center()), f"row {row} is not on screen"
        desk.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _on_screen(desk: Desk) -> list[str]:
    """The contact ids of the first 10 rows the list shows, top to bottom (the window shows more)."""
    table = desk.window.table
    top = table.rowAt(0)
    assert top >= 0 and table.rowAt(table.viewport().height() - 1) >= top + 10
    return [str(table.model().index(row, 0).data(ContactIdRole)) for row in range(top, top + 10)]


def _cell(desk: Desk, contact_id: str, column: Column) -> str:
    model = desk.window.model
    return str(model.index(_row(desk, contact_id), int(column)).data())


def _row(desk: Desk, contact_id: str) -> int:
    row = desk.window.model.row_of(contact_id)
    assert row is not None, contact_id
    return int(row)


def test_a_sync_that_changes_3_of_5000_clients_updates_only_their_rows(desk: Desk, sim: RelaySimulator) -> None:
    _select_rows_on_screen(desk, 2000, 2002)
    selected = desk.window.selected_contact_ids()
    assert selected == [IDS[2000], IDS[2002]]
    scroll = desk.window.table.verticalScrollBar().value()
    shown = _on_screen(desk)
    watch = Watch(desk.window.model)
    changed = [IDS[2000], IDS[2004], IDS[10]]  # selected, on screen, far away

    for contact_id in changed:
        sim.change_contact(contact_id, sale_status="sold")
    assert desk.sync().ok

    assert watch.resets == 0 and watch.inserted == [] and watch.removed == [] and watch.layouts == 0
    assert watch.changed_rows == {2000, 2004, 10}
    assert [_cell(desk, contact_id, Column.SALE_STATUS) for contact_id in changed] == ["Sold"] * 3
    assert desk.window.selected_contact_ids() == selected
    assert desk.window.table.currentIndex().data(ContactIdRole) == IDS[2002]
    assert desk.window.table.verticalScrollBar().value() == scroll
    assert _on_screen(desk) == shown


def test_a_new_client_at_the_top_is_inserted_and_an_erased_one_removed(desk: Desk, sim: RelaySimulator) -> None:
    _select_rows_on_screen(desk, 3000, 3001, 3005)
    selected = desk.window.selected_contact_ids()
    shown = _on_screen(desk)
    watch = Watch(desk.window.model)

    sim.add_contact(make_contact("ct_new", "+5215599999999", name="Aaron First"))
    assert desk.sync().ok

    assert watch.resets == 0 and watch.removed == [] and watch.inserted == [(0, 0)]
    assert desk.window.model.index(0, 0).data(ContactIdRole) == "ct_new"
    assert desk.window.model.rowCount() == CLIENTS + 1
    assert desk.window.selected_contact_ids() == selected
    assert _on_screen(desk) == shown  # the row above pushed nothing on screen down

    sim.add_event("contact.erased", {"contact_id": IDS[1]})  # above the screen
    sim.add_event("contact.erased", {"contact_id": IDS[3001]})  # selected
    assert desk.sync().ok

    assert watch.resets == 0 and watch.inserted == [(0, 0)]
    assert watch.removed == [(3002, 3002), (2, 2)]  # rows as they were: the new client sits above both
    assert desk.window.model.rowCount() == CLIENTS - 1
    assert desk.window.selected_contact_ids() == [IDS[3000], IDS[3005]]
    assert _on_screen(desk)[0] == shown[0]  # the row erased above the screen pulled nothing up
    assert IDS[3001] not in _on_screen(desk)


def test_at_the_top_a_new_client_arriving_above_is_seen(desk: Desk, sim: RelaySimulator) -> None:
    table = desk.window.table
    desk.qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(2, 1)).center()
    )
    assert table.verticalScrollBar().value() == 0
    watch = Watch(desk.window.model)

    sim.add_contact(make_contact("ct_new", "+5215599999999", name="Aaron First"))
    assert desk.sync().ok

    assert watch.resets == 0 and watch.inserted == [(0, 0)]
    assert table.verticalScrollBar().value() == 0 and _on_screen(desk)[0] == "ct_new"
    assert desk.window.selected_contact_ids() == [IDS[2]]


def test_a_client_that_moves_keeps_the_selection_on_its_clients(desk: Desk, sim: RelaySimulator) -> None:
    """A rename that moves a row is a layout change (persistent indexes follow), never a reset."""
    _select_rows_on_screen(desk, 4000, 4001)
    selected = desk.window.selected_contact_ids()
    shown = _on_screen(desk)
    watch = Watch(desk.window.model)

    sim.change_contact(IDS[4001], name="Zoe Last")  # selected; sorts to the bottom
    assert desk.sync().ok

    assert watch.resets == 0 and watch.inserted == [] and watch.removed == [] and watch.layouts == 1
    assert desk.window.model.index(CLIENTS - 1, 0).data(ContactIdRole) == IDS[4001]
    assert desk.window.selected_contact_ids() == selected
    assert _on_screen(desk)[0] == shown[0]


def test_an_open_profile_reloads_only_when_its_contact_changed(desk: Desk, sim: RelaySimulator) -> None:
    reloads: dict[str, int] = {IDS[7]: 0, IDS[8]: 0}
    for contact_id in reloads:
        dialog = desk.session.open_profile(contact_id)
        desk.qtbot.waitExposed(dialog)
        dialog.reloaded.connect(lambda cid=contact_id: reloads.__setitem__(cid, reloads[cid] + 1))

    sim.change_contact(IDS[7], name="Renamed Seven")
    assert desk.sync().ok
    assert reloads == {IDS[7]: 1, IDS[8]: 0}
    assert "Renamed Seven" in desk.session.profiles[IDS[7]].windowTitle()

    sim.add_message(make_message("wamid.x8", IDS[8], text="Hola", phone="+5215500000008", sent_at=format_time(sim.now)))
    assert desk.sync().ok
    assert reloads == {IDS[7]: 1, IDS[8]: 1}

    assert desk.sync().ok  # nothing new: nobody reloads
    assert reloads == {IDS[7]: 1, IDS[8]: 1}


def test_an_edit_in_the_window_updates_only_the_edited_rows(desk: Desk, database: Database) -> None:
    _select_rows_on_screen(desk, 1500, 1503)
    selected = desk.window.selected_contact_ids()
    scroll = desk.window.table.verticalScrollBar().value()
    watch = Watch(desk.window.model)

    menu = build_client_menu(desk.window, database, desk.window.table)
    sale = next(a.menu() for a in menu.actions() if a.text() == "Set sale status")
    next(a for a in sale.actions() if a.text() == "Signed").trigger()

    assert watch.resets == 0 and watch.inserted == [] and watch.removed == []
    assert watch.changed_rows == {1500, 1503}
    assert [_cell(desk, cid, Column.SALE_STATUS) for cid in selected] == ["Signed", "Signed"]
    assert desk.window.selected_contact_ids() == selected
    assert desk.window.table.verticalScrollBar().value() == scroll

    # The profile's Save goes the same way: only its row.
    watch.changed_rows.clear()
    dialog = desk.session.open_profile(IDS[1501])
    desk.qtbot.waitExposed(dialog)
    dialog.overview.name_edit.setText("Client 01501 Jr")
    with desk.qtbot.waitSignal(dialog.edited, timeout=2000):
        desk.qtbot.mouseClick(dialog.overview.save, Qt.MouseButton.LeftButton)
    assert watch.resets == 0 and watch.changed_rows == {1501}
    assert _cell(desk, IDS[1501], Column.NAME) == "Client 01501 Jr"
    assert desk.window.selected_contact_ids() == selected


def test_the_conversation_inserts_new_rows_and_updates_changed_ones(qtbot: QtBot, database: Database) -> None:
    """A reaction to an old message and a new message: one row changed, one inserted, nothing replaced."""
    seed_rich_contact(database)
    model = ConversationModel(database, "ct_8812")
    before = [model.index(row, 0).data(ItemRole) for row in range(model.rowCount())]
    target = next(row for row, item in enumerate(before) if item.kind == "message" and not item.reactions)
    target_id = before[target].key
    watch = Watch(model)

    last_sent = max(item.sent_at for item in before if item.kind == "message")
    seed(
        database,
        [
            {
                "type": "message.upserted",
                "data": {
                    "message": make_message(
                        "react1",
                        "ct_8812",
                        type="reaction",
                        reaction={"message_id": target_id, "emoji": "❤"},
                        direction="in",
                        phone="+5215512345678",
                        sent_at=last_sent,
                    )
                },
            }
        ],
    )
    edits.send_message(database, "ct_8812", "Nuevo")
    model.refresh()

    assert watch.resets == 0 and watch.removed == [] and watch.layouts == 0
    assert len(watch.inserted) == 1 and watch.inserted[0][0] == len(before)
    assert target in watch.changed_rows and watch.changed_rows <= {target}
    assert model.index(target, 0).data(ItemRole).reactions == ["❤"]
    after = [model.index(row, 0).data(ItemRole) for row in range(len(before))]
    assert [item.key for item in after] == [item.key for item in before]


def test_hundreds_of_scattered_changes_fall_back_to_one_reset_keeping_the_selection(
    qtbot: QtBot, database: Database
) -> None:
    """Past MAX_ROW_RUNS separate runs, one reset is cheaper than the signals; the selection still follows."""
    ids = seed_contacts(database, 1000)
    model = ClientTableModel(database, replace(DEFAULT_QUERY, sort=SortKey.NAME))
    view = ClientListView(model)
    qtbot.addWidget(view)
    view.show()
    kept = ids[500]  # not among the erased below
    row = model.row_of(kept)
    assert row is not None
    view.selectionModel().select(
        model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    view.selectionModel().setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
    watch = Watch(model)
    erased = ids[0:1000:3]  # hundreds of rows, scattered over the list
    assert kept not in erased
    seed(database, [{"type": "contact.erased", "data": {"contact_id": cid}} for cid in erased])

    view.apply_changes(erased)

    assert watch.resets == 1 and watch.removed == []
    assert model.rowCount() == 1000 - len(erased) > MAX_ROW_RUNS
    assert view.selected_contact_ids() == [kept]
    assert view.current_contact_id() == kept


@pytest.mark.parametrize("round_seed", range(3))
def test_random_changes_leave_the_rows_a_fresh_query_gives(
    qtmodeltester: ModelTester, database: Database, round_seed: int
) -> None:
    """New, erased, renamed (moved) and filtered-out clients at once: the rows end as a fresh model's,
    with the signals Qt's model tester accepts, and never a reset."""
    rng = random.Random(round_seed)
    versions = {cid: 1 for cid in seed_contacts(database, 150)}
    query = replace(DEFAULT_QUERY, sort=SortKey.NAME, sale_statuses=frozenset({"none", "pending"}))
    model = ClientTableModel(database, query)
    qtmodeltester.check(model, force_py=True)
    watch = Watch(model)
    for step in range(4):
        events: list[dict[str, Any]] = []
        changed: set[str] = set()
        for cid in rng.sample(sorted(versions), 12):
            versions[cid] += 1
            name = rng.choice([f"Client {rng.randrange(1000)}", f"Aa {step} {cid}", "Zz"])
            sale = rng.choice(["none", "pending", "sold"])
            state = profile_contact(cid, "+5215500000000", name, version=versions[cid], sale_status=sale)
            events.append({"type": "contact.upserted", "data": {"contact": state}})
            changed.add(cid)
        for cid in rng.sample(sorted(versions.keys() - changed), 5):
            events.append({"type": "contact.erased", "data": {"contact_id": cid}})
            del versions[cid]
            changed.add(cid)
        for n in range(4):
            cid = f"ct_new_{step}_{n}"
            versions[cid] = 1
            state = profile_contact(cid, "+5215500000001", f"Client {rng.randrange(1000)}")
            events.append({"type": "contact.upserted", "data": {"contact": state}})
            changed.add(cid)
        seed(database, events)
        assert model.update_contacts(changed)
        fresh = ClientTableModel(database, query)
        assert [model.contact_id(r) for r in range(model.rowCount())] == [
            fresh.contact_id(r) for r in range(fresh.rowCount())
        ]
        assert [model.index(r, Column.NAME).data() for r in range(model.rowCount())] == [
            fresh.index(r, Column.NAME).data() for r in range(fresh.rowCount())
        ]
    assert watch.resets == 0
