"""The client list after a sync, at scale: a whole reset next to the row-by-row update, in the same run.

Makes a cache with N clients (default 250,000, the rows of ``bench_list_search.fill``), opens the real
list (model and ``ClientListView``, offscreen), scrolls to the middle and selects three clients. Then
it times:

- ``model ready + first rows``: the model built (the ordered rowids) and the first screen's cells read;
- after a sync that changed 3 clients (their sale status, written in SQL as the applier would), showing
  it the old way, a reset with the selection and scroll put back by contact id (``ClientListView.refresh``),
  and the row-by-row way (``ClientListView.apply_changes``: ``dataChanged`` for the 3 rows);
- the same for a new client that sorts to the top and an erased one (rows inserted and removed).

Each figure includes reading the cells of the screen the user then sees (after a reset every one of them
is read again from SQLite; row by row only the changed ones). Run it on an older tree to compare with
what it had: ``PYTHONPATH=<old tree>:. python benchmarks/bench_list_updates.py`` (rows it cannot run say so).

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python benchmarks/bench_list_updates.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from benchmarks.bench_list_search import fill
from leaddesk.db.database import Database, open_database
from leaddesk.models.client_table import ClientTableModel, ContactIdRole
from leaddesk.views.client_list import ClientListView

RUNS = 5


def read_screen(view: ClientListView) -> int:
    """Read every cell of the rows on screen, as painting them would (display, tooltip, colour roles)."""
    model = view.model()
    top = max(view.rowAt(0), 0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    for row in range(top, bottom + 1):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
                index.data(role)
    return bottom - top + 1


def median_ms(runs: int, setup: Callable[[], None], work: Callable[[], None]) -> float:
    times = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def write(database: Database, sql: str, *params: object) -> None:
    with database.write() as connection:
        connection.exec_driver_sql(sql, params)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 250_000
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        start = time.perf_counter()
        fill(path, count)
        print(f"{count:,} clients made in {time.perf_counter() - start:.1f} s")
        database = open_database(path)

        holder: list[ClientTableModel] = []

        def build() -> None:
            holder[:] = [ClientTableModel(database)]
            for row in range(min(30, holder[0].rowCount())):
                for column in range(holder[0].columnCount()):
                    holder[0].index(row, column).data()

        ready = median_ms(RUNS, lambda: None, build)
        print(f"model ready + first rows (30 rows x 7 cells): {ready:.0f} ms")

        model = ClientTableModel(database)
        view = ClientListView(model)
        view.resize(1280, 700)
        view.show()
        app.processEvents()
        middle = model.rowCount() // 2
        view.scrollTo(model.index(middle - 3, 0), view.ScrollHint.PositionAtTop)
        selection = QItemSelection()
        for row in (middle, middle + 2, middle + 5):
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        view.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        app.processEvents()
        selected = view.selected_contact_ids()
        top = view.model().index(view.rowAt(0), 0).data(ContactIdRole)
        changed = [selected[0], str(model.index(middle + 4, 0).data(ContactIdRole)), "ct_17"]
        flip = iter(range(10**6))

        def change_three() -> None:
            status = "sold" if next(flip) % 2 else "pending"
            write(database, "UPDATE contacts SET sale_status = ? WHERE id IN (?, ?, ?)", status, *changed)

        def check() -> None:
            assert view.selected_contact_ids() == selected, "the selection moved"
            assert view.model().index(view.rowAt(0), 0).data(ContactIdRole) == top, "the list scrolled"

        has_rows = hasattr(view, "apply_changes")
        rows_line = "row by row (dataChanged)"
        print(f"\n{'a sync that changed 3 clients, shown':<44}{'median':>10}")

        def by_reset() -> None:
            view.refresh()
            read_screen(view)
            check()

        print(f"{'  reset, selection + scroll put back by id':<44}{median_ms(RUNS, change_three, by_reset):>7.0f} ms")
        if has_rows:

            def by_rows() -> None:
                view.apply_changes(changed)
                read_screen(view)
                check()

            print(f"{'  ' + rows_line:<44}{median_ms(RUNS, change_three, by_rows):>7.0f} ms")
        else:
            print(f"{'  ' + rows_line:<44}{'(not in this tree)':>18}")

        serial = iter(range(10**6))
        state: dict[str, str] = {}

        def come_and_go() -> None:
            # A new client that sorts to the top (newest activity) and one erased client above the screen.
            number = next(serial)
            if "new" in state:
                write(database, "DELETE FROM contacts WHERE id = ?", state["new"])
            state["new"] = f"ct_new_{number}"
            write(
                database,
                "INSERT INTO contacts (id, phone, name, last_activity, sale_status, version) "
                "VALUES (?, ?, 'Aaron First', '2099-01-01T00:00:00Z', 'none', 1)",
                state["new"],
                f"+52155{number:08d}",
            )
            write(database, "DELETE FROM contacts WHERE id = ?", f"ct_{1000 + number}")
            state["erased"] = f"ct_{1000 + number}"

        print(f"\n{'a new client at the top and an erased one':<44}{'median':>10}")
        print(f"{'  reset, selection + scroll put back by id':<44}{median_ms(RUNS, come_and_go, by_reset):>7.0f} ms")
        if has_rows:

            def by_inserts() -> None:
                view.apply_changes([state["new"], state["erased"]])
                read_screen(view)
                check()

            print(
                f"{'  row by row (rowsInserted / rowsRemoved)':<44}{median_ms(RUNS, come_and_go, by_inserts):>7.0f} ms"
            )
        view.close()
        database.close()


if __name__ == "__main__":
    main()
