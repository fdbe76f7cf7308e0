"""The conversation model: paging at the top, day rows, reactions folded, find; checked by qtmodeltester."""

from __future__ import annotations

from typing import Any

from leaddesk import edits
from leaddesk.db.database import Database
from leaddesk.models.conversation import PAGE, ChatItem, ConversationModel, ItemRole
from tests.support.profile import seed_many_messages, seed_rich_contact


def _items(model: ConversationModel) -> list[ChatItem]:
    return [model.index(row, 0).data(ItemRole) for row in range(model.rowCount())]


def test_qtmodeltester(qtmodeltester: Any, database: Database) -> None:
    seed_rich_contact(database)
    model = ConversationModel(database, "ct_8812")
    qtmodeltester.check(model)


def test_reactions_fold_under_their_target_and_days_separate(database: Database) -> None:
    seed_rich_contact(database)
    items = _items(ConversationModel(database, "ct_8812"))
    messages = [i for i in items if i.kind == "message"]
    assert "m6" not in [m.key for m in messages]  # the reaction is not a row
    assert next(m for m in messages if m.key == "m2").reactions == ["👍"]
    assert items[0].kind == "day"
    days = [i.day for i in items if i.kind == "day"]
    assert days == sorted(set(days))
    assert [m.sent_at for m in messages] == sorted(m.sent_at for m in messages)


def test_opens_with_the_newest_page_and_pages_older_at_the_top(database: Database) -> None:
    seed_many_messages(database, "ct_big", 1000)
    model = ConversationModel(database, "ct_big")
    messages = [i for i in _items(model) if i.kind == "message"]
    assert len(messages) == PAGE
    assert messages[-1].key == "bulk_000999"
    assert model.has_older()
    while model.has_older():
        model.fetch_older()
    items = _items(model)
    keys = [i.key for i in items if i.kind == "message"]
    assert keys == [f"bulk_{i:06d}" for i in range(1000)]
    day_keys = [i.key for i in items if i.kind == "day"]
    assert len(day_keys) == len(set(day_keys))  # no day shown twice at a page seam


def test_find_loads_down_to_an_old_match(database: Database) -> None:
    seed_many_messages(database, "ct_big", 1000)
    model = ConversationModel(database, "ct_big")
    matches = model.find("Message number 5:")
    assert matches == ["bulk_000005"]
    row = model.row_of("bulk_000005")
    assert row is not None and model.item(row).key == "bulk_000005"


def test_refresh_shows_a_sent_message_without_reset(qtbot: Any, database: Database) -> None:
    """The new message is inserted at the end: no reset, no row removed, the rows shown stay as they were."""
    seed_rich_contact(database)
    model = ConversationModel(database, "ct_8812")
    before = model.rowCount()
    shown = _items(model)
    resets: list[None] = []
    removed: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(None))
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    edits.send_message(database, "ct_8812", "Nuevo")
    with qtbot.waitSignal(model.rowsInserted):
        model.refresh()
    assert resets == [] and removed == []
    assert inserted and inserted[0][0] == before  # appended after every row already shown
    assert sum(last - first + 1 for first, last in inserted) == model.rowCount() - before
    assert _items(model)[:before] == shown
    last = model.item(model.rowCount() - 1)
    assert (last.text, last.status, last.author_kind) == ("Nuevo", "pending", "agent")
    model.refresh()  # nothing changed: nothing emitted
    assert resets == [] and removed == [] and len(inserted) == 1
