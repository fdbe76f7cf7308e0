"""Sync a generated log from the relay simulator and compare with a bare sqlite3 executemany.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py 1000000
    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py 50000      # a quick run

Prints events per second for the whole pull (HTTP + JSON + applier + one transaction per page),
next to inserting the same message rows with one ``executemany`` in one transaction.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leaddesk.db.database import open_database
from leaddesk.sync.apply import MESSAGE_COLUMNS, parse_message
from tests.relay_simulator.generate import generated_log
from tests.relay_simulator.server import RelaySimulator
from tests.support.sync import run_sync


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("messages", type=int, nargs="?", default=1_000_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="leaddesk-bench-"))
    events = list(generated_log(args.messages))
    print(f"{len(events):,} events ({args.messages:,} messages) generated")

    with RelaySimulator(token="bench") as sim:
        sim.add_serialized(events)
        database = open_database(folder / "sync.sqlite")
        started = time.perf_counter()
        summary = run_sync(database, sim.url, "bench", media_per_cycle=0)
        elapsed = time.perf_counter() - started
        database.close()
    assert summary.ok and summary.events_applied == len(events), summary
    sync_rate = len(events) / elapsed

    # The same message rows, parsed ahead, with one bare executemany in one transaction.
    rows = []
    contacts = []
    for raw in events:
        event = json.loads(raw)
        if event["type"] == "message.upserted":
            rows.append(parse_message(event["data"]).row)
        else:
            contacts.append((event["data"]["contact"]["id"], event["data"]["contact"]["phone"]))
    bare = open_database(folder / "bare.sqlite")
    bare.close()
    connection = sqlite3.connect(folder / "bare.sqlite", isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO contacts (id, phone) VALUES (?, ?)", contacts)
    marks = ",".join("?" * len(MESSAGE_COLUMNS))
    connection.executemany(f"INSERT INTO messages ({', '.join(MESSAGE_COLUMNS)}) VALUES ({marks})", rows)
    connection.execute("COMMIT")
    bare_elapsed = time.perf_counter() - started
    connection.close()
    bare_rate = len(events) / bare_elapsed

    print(f"sync from the simulator: {elapsed:8.2f} s  {sync_rate:>10,.0f} events/s")
    print(f"bare sqlite3 executemany: {bare_elapsed:7.2f} s  {bare_rate:>10,.0f} rows/s (pre-parsed, one transaction)")
    print(f"sync / bare: {sync_rate / bare_rate:.0%}")


if __name__ == "__main__":
    main()
