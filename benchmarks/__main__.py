"""Every speed figure of issue 13 at one size, each next to its alternative measured in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks                       # 250,000 / 5,000,000
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks --clients 20000 --messages 400000

The database is :mod:`benchmarks.bigdb`'s (built once, kept in the temporary folder). Prints one
Markdown table: figure | LeadDesk | aim | met | the alternative, then a line per aim that was missed.
Times are medians of a few runs after a warm-up (the SQLite page cache warm, as in a running window).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtSql import QSqlDatabase, QSqlQuery, QSqlQueryModel
from PySide6.QtWidgets import QApplication, QTableView

from benchmarks import bench_analytics, bench_profile, bench_sync
from benchmarks.bigdb import big_database, default_path, heavy_contact
from leaddesk.db.analytics import compute_figures
from leaddesk.db.database import Database, open_database
from leaddesk.db.search import DEFAULT_LIMIT, search_messages
from leaddesk.first_paint import ENV as FIRST_PAINT_ENV
from leaddesk.models.client_table import TAIL_DELAY_MS, ClientTableModel, Column
from leaddesk.views.client_list import ClientListView

#: The columns the QSqlQueryModel alternative shows, in the list's order.
LIST_COLUMNS = "name, phone, last_activity, bot_status, sale_status, funnel_stage, sentiment"
#: The same sort keys as plain columns (what an ORDER BY on QSqlQueryModel would use).
SORT_COLUMNS = {
    Column.NAME: "name COLLATE NOCASE",
    Column.PHONE: "phone",
    Column.LAST_ACTIVITY: "last_activity",
    Column.BOT_STATUS: "bot_status",
    Column.SALE_STATUS: "sale_status",
    Column.FUNNEL_STAGE: "funnel_stage",
    Column.SENTIMENT: "sentiment",
}
#: What a user types, one key at a time: a name, then a phone number.
NAME_TYPED = "Lucia"
PHONE_TYPED = "+5215500000001"
#: Words looked up in every message (the slowest first page counts).
FTS_WORDS = ("visita", "infonavit", "terraza", "recamaras")
#: QSortFilterProxyModel sorts and filters in Python-visible Qt code over every row it holds: it is
#: measured on the first rows of the list only (all of them would take minutes at 250,000).
PROXY_SAMPLE = 20_000
WINDOW = (1024, 700)


@dataclass
class Figure:
    key: str
    label: str
    aim: str
    value: str = ""
    met: bool | None = None
    alternative: str = ""
    note: str = ""


def median_seconds(action: Callable[[], object], runs: int = 3) -> float:
    """Median wall time of ``runs`` calls, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


# --- process start ------------------------------------------------------------------------------


def first_paint(db_path: Path, config: Path) -> tuple[float, int]:
    """(seconds from process start to the painted client list, resident KiB then) of a real window."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config), **{FIRST_PAINT_ENV: "1"})
    env.pop("LEADDESK_RELAY_URL", None)
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("first-paint "):
            parts = line.split()
            return float(parts[1]) - started, int(parts[3])
    raise RuntimeError(f"the window reported no first paint: {done.stdout}\n{done.stderr}")


def measure_start(figures: dict[str, Figure], db_path: Path, folder: Path, runs: int) -> None:
    empty = folder / "empty.sqlite"
    open_database(empty).close()
    first_paint(db_path, folder)  # warm the file cache, as a second start does
    big = [first_paint(db_path, folder) for _ in range(runs)]
    small = [first_paint(empty, folder) for _ in range(runs)]
    big_s = statistics.median(s for s, _ in big)
    small_s = statistics.median(s for s, _ in small)
    start = figures["start"]
    start.value = f"{big_s:.2f} s"
    start.met = big_s < 1.5
    start.alternative = f"empty database: {small_s:.2f} s ({big_s / small_s:.2f} ×)"
    big_mb = statistics.median(kb for _, kb in big) / 1024
    small_mb = statistics.median(kb for _, kb in small) / 1024
    memory = figures["memory"]
    memory.value = f"{big_mb:,.0f} MB"
    memory.met = big_mb < 300
    memory.alternative = f"empty database: {small_mb:,.0f} MB"


# --- the client list ----------------------------------------------------------------------------


def qt_database(path: Path) -> QSqlDatabase:
    connection = QSqlDatabase.addDatabase("QSQLITE", "bench")
    connection.setDatabaseName(str(path))
    if not connection.open():
        raise RuntimeError(connection.lastError().text())
    return connection


def painted(view: QTableView) -> None:
    view.viewport().grab()  # lays out and paints the visible rows


def sql_model_view(connection: QSqlDatabase, sql: str) -> tuple[QSqlQueryModel, QTableView]:
    model = QSqlQueryModel()
    model.setQuery(QSqlQuery(sql, connection))
    view = QTableView()
    view.setModel(model)
    view.resize(*WINDOW)
    view.show()
    painted(view)
    return model, view


def idle(app: QApplication, seconds: float = (TAIL_DELAY_MS + 50) / 1000) -> None:
    """Let the window idle as a user's pause would: the list reads the rest of its order then
    (``TAIL_DELAY_MS`` after its first screen), not inside the next click."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)


def list_sql(where: str = "", order: str = "last_activity DESC") -> str:
    return f"SELECT {LIST_COLUMNS} FROM contacts{where} ORDER BY {order}"


def measure_list(figures: dict[str, Figure], database: Database, db_path: Path, app: QApplication) -> None:
    connection = qt_database(db_path)
    try:
        measure_list_on(figures, database, connection, app)
    finally:
        connection.close()
        del connection  # the last handle: Qt removes only a connection no one holds
        QSqlDatabase.removeDatabase("bench")


def measure_list_on(
    figures: dict[str, Figure], database: Database, connection: QSqlDatabase, app: QApplication
) -> None:
    keep: list[Any] = []

    def leaddesk_first_rows() -> None:
        model = ClientTableModel(database)
        view = ClientListView(model)
        view.resize(*WINDOW)
        view.show()
        painted(view)
        keep.append((model, view))

    def sql_first_rows() -> None:
        keep.append(sql_model_view(connection, list_sql()))

    ours = median_seconds(leaddesk_first_rows)
    theirs = median_seconds(sql_first_rows)
    figure = figures["model"]
    figure.value, figure.met = ms(ours), ours < 0.03
    figure.alternative = f"QSqlQueryModel: {ms(theirs)}"
    for _model, view in keep:
        view.close()
        view.deleteLater()
    keep.clear()
    app.processEvents()

    model = ClientTableModel(database)
    view = ClientListView(model)
    view.resize(*WINDOW)
    view.show()
    painted(view)
    idle(app)

    # Sort: every column, both directions; the slowest is the figure.
    sorts: list[tuple[float, str]] = []
    for column in Column:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            started = time.perf_counter()
            model.sort(column, order)
            painted(view)
            sorts.append((time.perf_counter() - started, f"{column.name.lower()} {order.name[:-5].lower()}"))
    sql_sorts: list[float] = []
    for sql_key in SORT_COLUMNS.values():
        for direction in ("ASC", "DESC"):
            started = time.perf_counter()
            sql_model, sql_view = sql_model_view(connection, list_sql(order=f"{sql_key} {direction}"))
            sql_sorts.append(time.perf_counter() - started)
            sql_view.close()
            sql_view.deleteLater()
    sample, sample_view = sql_model_view(connection, list_sql() + f" LIMIT {PROXY_SAMPLE}")
    while sample.canFetchMore():
        sample.fetchMore()
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(sample)
    proxy_sorts = []
    for column in range(len(Column)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            started = time.perf_counter()
            proxy.sort(column, order)
            proxy_sorts.append(time.perf_counter() - started)
    slowest, which = max(sorts)
    figure = figures["sort"]
    figure.value = f"{ms(slowest)} (slowest: {which}; median {ms(statistics.median(s for s, _ in sorts))})"
    figure.met = slowest < 0.05
    figure.alternative = (
        f"QSqlQueryModel ORDER BY: {ms(min(sql_sorts))}–{ms(max(sql_sorts))}; "
        f"QSortFilterProxyModel on {PROXY_SAMPLE:,} rows: {ms(min(proxy_sorts))}–{ms(max(proxy_sorts))}"
    )
    model.sort(Column.LAST_ACTIVITY, Qt.SortOrder.DescendingOrder)

    # Search as you type: one key at a time, each a new query of the list.
    typed = [NAME_TYPED[:n] for n in range(1, len(NAME_TYPED) + 1)]
    typed += [PHONE_TYPED[:n] for n in range(1, len(PHONE_TYPED) + 1)]
    keys: list[tuple[float, str]] = []
    for text in typed:
        started = time.perf_counter()
        model.set_query(replace(model.query, search=text))
        painted(view)
        keys.append((time.perf_counter() - started, text))
    like_keys = []
    for text in typed:
        pattern = text.replace("'", "''")
        started = time.perf_counter()
        where = f" WHERE name LIKE '%{pattern}%' OR phone LIKE '%{pattern}%'"
        sql_model, sql_view = sql_model_view(connection, list_sql(where=where))
        like_keys.append(time.perf_counter() - started)
        sql_view.close()
        sql_view.deleteLater()
    proxy.sort(-1)
    proxy.setFilterKeyColumn(0)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy_keys = []
    for text in NAME_TYPED[:1], NAME_TYPED[:2], NAME_TYPED:
        started = time.perf_counter()
        proxy.setFilterFixedString(text)
        proxy_keys.append(time.perf_counter() - started)
    slowest, which = max(keys)
    figure = figures["search"]
    figure.value = f"{ms(slowest)} (slowest: {which!r}; median {ms(statistics.median(s for s, _ in keys))})"
    figure.met = slowest < 0.05
    figure.alternative = (
        f"QSqlQueryModel LIKE: {ms(min(like_keys))}–{ms(max(like_keys))}; "
        f"proxy filter on {PROXY_SAMPLE:,} rows: {ms(min(proxy_keys))}–{ms(max(proxy_keys))}"
    )
    model.set_query(replace(model.query, search=""))
    painted(view)
    idle(app)

    # Scroll to the last row.
    started = time.perf_counter()
    view.scrollToBottom()
    painted(view)
    ours = time.perf_counter() - started
    sql_model, sql_view = sql_model_view(connection, list_sql())
    started = time.perf_counter()
    while sql_model.canFetchMore():  # QSqlQueryModel knows only the rows it has fetched
        sql_model.fetchMore()
    sql_view.scrollToBottom()
    painted(sql_view)
    theirs = time.perf_counter() - started
    figure = figures["scroll"]
    figure.value, figure.met = ms(ours), ours < 0.05
    figure.alternative = f"QSqlQueryModel: {ms(theirs)}"
    for widget in (view, sql_view, sample_view):
        widget.close()
        widget.deleteLater()
    app.processEvents()
    del sql_model, sample, proxy, model


# --- profile, analytics, full-text search, sync ------------------------------------------------


def measure_profile(
    figures: dict[str, Figure], database: Database, app: QApplication, clients: int, messages: int
) -> None:
    contact, count = heavy_contact(clients, messages)
    bench_profile.time_bubbles(app, database, contact)  # warm-up: fonts, page cache
    runs = [bench_profile.time_bubbles(app, database, contact) for _ in range(3)]
    ours = statistics.median(s for s, _ in runs)
    page = runs[0][1]

    def browser() -> float:
        return bench_profile.time_text_browser(app, lambda: bench_profile.newest_rows(database, page, contact))

    browser()
    theirs = statistics.median(browser() for _ in range(3))
    figure = figures["profile"]
    figure.label = f"open a profile with {count:,} messages, to first paint"
    figure.value, figure.met = ms(ours), ours < 0.15
    figure.alternative = f"the same {page} messages in a QTextBrowser: {ms(theirs)}"


def measure_analytics(figures: dict[str, Figure], database: Database) -> None:
    with database.read() as connection:
        compute_figures(connection)
        ours, _ = bench_analytics.timed(lambda: compute_figures(connection), 3)
        theirs, _ = bench_analytics.timed(lambda: bench_analytics.in_python(connection), 1)
    figure = figures["analytics"]
    figure.value, figure.met = ms(ours), ours < 1
    figure.alternative = f"rows loaded into Python (part of the figures): {ms(theirs)}"


def measure_fts(figures: dict[str, Figure], db_path: Path) -> None:
    connection = sqlite3.connect(db_path)
    like_sql = (
        "SELECT m.id, m.contact_id, c.name, m.sent_at, m.text FROM messages AS m "
        "JOIN contacts AS c ON c.id = m.contact_id WHERE m.text LIKE :p OR m.transcript LIKE :p "
        "ORDER BY m.rowid DESC LIMIT :limit"
    )
    ours = []
    theirs = []
    for word in FTS_WORDS:
        ours.append(median_seconds(lambda w=word: search_messages(connection, w, limit=DEFAULT_LIMIT)))
        theirs.append(
            median_seconds(
                lambda w=word: connection.execute(like_sql, {"p": f"%{w}%", "limit": DEFAULT_LIMIT}).fetchall(), 1
            )
        )
    connection.close()
    figure = figures["fts"]
    figure.value, figure.met = f"{ms(max(ours))} (slowest of {len(FTS_WORDS)} words)", max(ours) < 0.05
    figure.alternative = f"LIKE '%word%': {ms(min(theirs))}–{ms(max(theirs))}"


def measure_sync(figures: dict[str, Figure], messages: int) -> None:
    events, elapsed, bare = bench_sync.measure_sync(messages)
    rate = events / elapsed
    figure = figures["sync"]
    figure.label = f"sync ingest, {events:,} events from a simulator process"
    figure.value, figure.met = f"{rate:,.0f} events/s", rate >= 50_000
    figure.alternative = f"bare executemany of the same rows: {events / bare:,.0f} rows/s"


# --- the table ----------------------------------------------------------------------------------


def new_figures() -> dict[str, Figure]:
    rows = [
        Figure("start", "process start to the painted client list", "< 1.5 s"),
        Figure("model", "model ready and first rows painted", "< 30 ms"),
        Figure("sort", "sort by each column, both directions", "< 50 ms"),
        Figure("search", "search as you type, per key, from one letter on", "< 50 ms"),
        Figure("scroll", "scroll to the last row", "< 50 ms"),
        Figure("profile", "open a profile with its messages, to first paint", "< 150 ms"),
        Figure("analytics", "analytics page, all time", "< 1 s"),
        Figure("fts", "full-text search, first page", "< 50 ms"),
        Figure("sync", "sync ingest from a simulator process", "≥ 50,000 events/s"),
        Figure("memory", "resident memory, window open on that database", "< 300 MB"),
    ]
    return {figure.key: figure for figure in rows}


def print_table(figures: dict[str, Figure]) -> None:
    print("| figure | LeadDesk | aim | met | alternative, same run |")
    print("|---|---|---|---|---|")
    for figure in figures.values():
        met = "–" if figure.met is None else "yes" if figure.met else "**no**"
        print(f"| {figure.label} | {figure.value or '–'} | {figure.aim} | {met} | {figure.alternative or '–'} |")
    missed = [figure for figure in figures.values() if figure.met is False]
    for figure in missed:
        print(f"missed: {figure.label}: {figure.value} against {figure.aim}")
    if not missed:
        print("every aim met")


#: ``--only`` names -> the runner's parts.
STEPS = {
    "start": "process start",
    "list": "client list",
    "profile": "profile",
    "analytics": "analytics",
    "fts": "full-text search",
    "sync": "sync",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=250_000)
    parser.add_argument("--messages", type=int, default=5_000_000)
    parser.add_argument(
        "--sync-messages", type=int, default=None, help="messages in the sync figure (default: a fifth, at most 1M)"
    )
    parser.add_argument("--start-runs", type=int, default=3, help="process starts per database")
    parser.add_argument(
        "--cache-dir", type=Path, default=None, help="where the generated database is kept (default: the temp folder)"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=STEPS,
        help="measure only this part (repeatable; default: all): " + ", ".join(STEPS),
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    began = time.perf_counter()
    db_path = big_database(
        args.clients,
        args.messages,
        args.cache_dir / default_path(args.clients, args.messages).name if args.cache_dir else None,
    )
    print(f"database {db_path} ({time.perf_counter() - began:.0f} s to build or find)", flush=True)
    figures = new_figures()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory(prefix="leaddesk-bench-") as folder:
        steps: list[tuple[str, Callable[[], None]]] = [
            ("process start", lambda: measure_start(figures, db_path, Path(folder), args.start_runs)),
        ]
        database = open_database(db_path)
        steps += [
            ("client list", lambda: measure_list(figures, database, db_path, app)),
            ("profile", lambda: measure_profile(figures, database, app, args.clients, args.messages)),
            ("analytics", lambda: measure_analytics(figures, database)),
            ("full-text search", lambda: measure_fts(figures, db_path)),
            (
                "sync",
                lambda: measure_sync(figures, args.sync_messages or min(args.messages // 5, 1_000_000)),
            ),
        ]
        chosen = {STEPS[name] for name in args.only or STEPS}
        try:
            for name, step in [(name, step) for name, step in steps if name in chosen]:
                started = time.perf_counter()
                step()
                print(f"  {name}: measured in {time.perf_counter() - started:.0f} s", flush=True)
        finally:
            database.close()
    print(
        f"{args.clients:,} clients, {args.messages:,} messages; Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    print_table(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
