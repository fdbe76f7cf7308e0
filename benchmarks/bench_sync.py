"""Sync a generated log from the relay simulator and compare with a bare sqlite3 executemany.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py 1000000
    PYTHONPATH=. .venv/bin/python benchmarks/bench_sync.py 50000      # a quick run

Prints events per second for the whole pull (HTTP + JSON + applier + one transaction per page),
next to inserting the same message rows with one ``executemany`` in one transaction.

The simulator runs in a process of its own, as the real relay runs on another machine: in the same
process its threads would take the GIL from the sync and the figure would measure the simulator.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leaddesk.db.database import open_database
from leaddesk.sync.apply import MESSAGE_COLUMNS, parse_message
from tests.relay_simulator.generate import generated_log
from tests.support.sync import run_sync


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("messages", type=int, nargs="?", default=1_000_000)
    args = parser.parse_args()
    events, elapsed, bare_elapsed = measure_sync(args.messages)
    print(f"{events:,} events ({args.messages:,} messages) generated")
    sync_rate = events / elapsed
    bare_rate = events / bare_elapsed
    print(f"sync from the simulator: {elapsed:8.2f} s  {sync_rate:>10,.0f} events/s")
    print(f"bare sqlite3 executemany: {bare_elapsed:7.2f} s  {bare_rate:>10,.0f} rows/s (pre-parsed, one transaction)")
    print(f"sync / bare: {sync_rate / bare_rate:.0%}")


def measure_sync(messages: int) -> tuple[int, float, float]:
    """(events, seconds of a first sync from a simulator in its own process, seconds of a bare executemany)."""
    folder = Path(tempfile.mkdtemp(prefix="leaddesk-bench-"))
    events = list(generated_log(messages))

    with serve_generated(messages) as url:
        database = open_database(folder / "sync.sqlite")
        started = time.perf_counter()
        summary = run_sync(database, url, "bench", media_per_cycle=0)
        elapsed = time.perf_counter() - started
        database.close()
    assert summary.ok and summary.events_applied == len(events), summary

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
    shutil.rmtree(folder, ignore_errors=True)
    return len(events), elapsed, bare_elapsed


@contextmanager
def serve_generated(messages: int) -> Iterator[str]:
    """The relay simulator serving ``messages`` generated messages in a process of its own (token
    ``bench``); yields its URL once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    relay = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.relay_simulator",
            "--port",
            str(port),
            "--token",
            "bench",
            "--generate",
            f"{messages}",
        ],
        cwd=Path(__file__).resolve().parent.parent,
        stdout=subprocess.DEVNULL,
    )
    try:
        _wait_until_serving(url)
        yield url
    finally:
        relay.terminate()
        relay.wait()


def _wait_until_serving(url: str) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            requests.get(f"{url}/v1/account", headers={"Authorization": "Bearer bench"}, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    raise SystemExit("the relay simulator did not start")


if __name__ == "__main__":
    main()
