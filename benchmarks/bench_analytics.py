"""The Analytics page's figures on 250,000 clients and 5,000,000 messages, next to loading rows into Python.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_analytics.py [CLIENTS MESSAGES]

The cache is :mod:`benchmarks.bigdb`'s (built once, kept in the temporary folder). Prints the median
of several runs of ``compute_figures`` (all time, and the last 30 days of the generated data), then
the same all-time figures computed the obvious way: every needed row loaded into Python and counted
there, and checks that both agree. Then messages per day alone: the kept counts per UTC hour
(``message_hours``, migration 0011) summed into local days, next to counting the message index per
local day and kind (what the page did before), both on every day of the data.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from bisect import bisect_right
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bigdb import END, big_database
from leaddesk.db.analytics import MESSAGE_KINDS, DateRange, compute_figures, local_day, local_midnight
from leaddesk.db.database import open_database


def in_python(connection: Any) -> dict[str, Any]:
    """Clients, sale status, new clients and messages per day, by loading rows (the obvious way)."""
    cursor = connection.connection.driver_connection.cursor()
    flagged = set()
    sale: Counter[str] = Counter()
    counted = set()
    for contact_id, sale_status, mystery, contractor in cursor.execute(
        "SELECT id, sale_status, mystery_shopper, contractor FROM contacts"
    ):
        if mystery or contractor:
            flagged.add(contact_id)
        else:
            counted.add(contact_id)
            sale[sale_status] += 1
    first: dict[str, str] = {}
    per_day: dict[Any, list[int]] = defaultdict(lambda: [0, 0, 0])
    day_cache: dict[str, Any] = {}
    for contact_id, sent_at, direction, kind, kind_of_message in cursor.execute(
        "SELECT contact_id, sent_at, direction, author_kind, type FROM messages"
    ):
        if kind_of_message == "reaction" or contact_id in flagged:
            continue
        if contact_id not in first or sent_at < first[contact_id]:
            first[contact_id] = sent_at
        hour = sent_at[:13]
        day = day_cache.get(hour)
        if day is None:
            day = day_cache[hour] = local_day(sent_at)
        entry = per_day[day]
        entry[0 if direction == "in" else 1 if kind == "bot" else 2] += 1
    starts = sorted({local_midnight(day) for day in per_day})
    new = Counter(bisect_right(starts, at) for at in first.values())
    return {"clients": len(counted), "sale": dict(sale), "days": len(per_day), "new_clients": sum(new.values())}


def messages_per_day(connection: Any, days: list[date], *, from_hours: bool) -> dict[str, int]:
    """Messages per local day (every kind together), from the kept hours or by counting the index."""
    cursor = connection.connection.driver_connection.cursor()
    cursor.execute("CREATE TEMP TABLE IF NOT EXISTS bench_days (start TEXT PRIMARY KEY, stop TEXT, day TEXT)")
    cursor.execute("DELETE FROM temp.bench_days")
    cursor.executemany(
        "INSERT INTO temp.bench_days VALUES (?, ?, ?)",
        [(local_midnight(day), local_midnight(day + timedelta(days=1)), day.isoformat()) for day in days],
    )
    if from_hours:
        sql = (
            "SELECT d.day, sum(h.messages) FROM temp.bench_days d JOIN message_hours h "
            "ON h.hour >= substr(d.start, 1, 13) AND h.hour < substr(d.stop, 1, 13) GROUP BY d.day"
        )
    else:
        sql = (
            "SELECT d.day, "
            + " + ".join(
                "(SELECT count(*) FROM messages m INDEXED BY ix_messages_direction_author_kind_sent_at "
                f"WHERE m.direction = '{direction}' AND m.author_kind = '{kind}' AND m.sent_at >= d.start "
                "AND m.sent_at < d.stop AND m.type <> 'reaction')"
                for direction, kind in MESSAGE_KINDS
            )
            + " FROM temp.bench_days d"
        )
    return {day: count for day, count in cursor.execute(sql) if count}


def timed(action: Any, runs: int) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(runs):
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clients", type=int, nargs="?", default=250_000)
    parser.add_argument("messages", type=int, nargs="?", default=5_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    began = time.perf_counter()
    path = big_database(args.clients, args.messages)
    print(f"cache {path} ({time.perf_counter() - began:.1f} s to build or find)")
    database = open_database(path)
    try:
        with database.read() as connection:
            compute_figures(connection)  # warm the page cache, as a running window has
            seconds, figures = timed(lambda: compute_figures(connection), args.runs)
            print(f"page figures, all time:          {seconds * 1000:8.0f} ms (median of {args.runs})")
            last_day = (END - timedelta(hours=6)).date()
            month = DateRange(last_day - timedelta(days=29), last_day)
            month_seconds, _ = timed(lambda: compute_figures(connection, month), args.runs)
            print(f"page figures, last 30 days:      {month_seconds * 1000:8.0f} ms")
            python_seconds, loaded = timed(lambda: in_python(connection), 1)
            print(f"rows loaded into Python (part of the figures only): {python_seconds * 1000:8.0f} ms")
            assert loaded["clients"] == figures.clients, (loaded["clients"], figures.clients)
            assert loaded["sale"] == {k: v for k, v in figures.sale_status.items() if v}, loaded["sale"]
            assert loaded["days"] == len(figures.messages_per_day)
            assert loaded["new_clients"] == sum(n for _, n in figures.new_clients_per_day)
            assert any(s.avg_days_in_stage is not None for s in figures.funnel), "no stays in the funnel"
            print(f"both agree: {figures.clients:,} clients, {len(figures.messages_per_day)} days with messages")
            first, last = figures.messages_per_day[0].day, figures.messages_per_day[-1].day
            # Days on whole UTC hours only: in a zone a half or quarter hour off UTC the page counts the index too.
            days = [
                day
                for day in (first + timedelta(days=n) for n in range((last - first).days + 1))
                if local_midnight(day)[13:] == local_midnight(day + timedelta(days=1))[13:] == ":00:00Z"
            ]
            if not days:
                print("messages per day: no local day here starts on a whole UTC hour (the page counts the index)")
            else:
                hours_seconds, from_hours = timed(
                    lambda: messages_per_day(connection, days, from_hours=True), args.runs
                )
                index_seconds, from_index = timed(
                    lambda: messages_per_day(connection, days, from_hours=False), args.runs
                )
                assert from_hours == from_index, "the kept hours and the index disagree"
                print(
                    f"messages per day, {len(days)} days: kept hours {hours_seconds * 1000:.0f} ms, "
                    f"counting the index {index_seconds * 1000:.0f} ms (the same counts)"
                )
    finally:
        database.close()


if __name__ == "__main__":
    main()
