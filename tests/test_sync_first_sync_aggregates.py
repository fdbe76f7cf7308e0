"""A first sync counts each client's messages, last activity and first message once at its end: the
figures are those of the messages it stored, and a first sync killed midway owes the recount, which
the next sync pays, ending in exactly the state of an uninterrupted one."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from tests.relay_simulator.generate import add_generated, scripted_log
from tests.relay_simulator.server import RelaySimulator
from tests.support.sync import snapshot

TOKEN = "aggregates-token"


def command(db: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "leaddesk", "--db", str(db), "--relay", url, "sync", "--once"]


def environment() -> dict[str, str]:
    return dict(os.environ, LEADDESK_RELAY_TOKEN=TOKEN, LEADDESK_SYNC_MAX_RETRY_SECONDS="20")


def sync_to_the_end(db: Path, url: str) -> None:
    done = subprocess.run(command(db, url), env=environment(), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def state(db: Path, key: str) -> Any:
    """A ``sync_state`` value; ``None`` also while the sync is still creating the file."""
    connection = sqlite3.connect(db)
    try:
        row = connection.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        connection.close()
    return None if row is None else row[0]


def aggregates_from_messages(db: Path) -> dict[str, tuple[int, str | None, str | None]]:
    """Each client's (message count, last activity, first non-reaction message), worked out in Python."""
    with closing(sqlite3.connect(db)) as connection:
        figures: dict[str, list[Any]] = {
            cid: [0, None, None] for (cid,) in connection.execute("SELECT id FROM contacts")
        }
        for contact_id, sent_at, kind in connection.execute("SELECT contact_id, sent_at, type FROM messages"):
            entry = figures[contact_id]
            entry[0] += 1
            entry[1] = sent_at if entry[1] is None else max(entry[1], sent_at)
            if kind != "reaction":
                entry[2] = sent_at if entry[2] is None else min(entry[2], sent_at)
    return {cid: (count, last, first) for cid, (count, last, first) in figures.items()}


def stored_aggregates(db: Path) -> dict[str, tuple[int, str | None, str | None]]:
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT id, message_count, last_activity, first_message_at FROM contacts")
        return {row[0]: (row[1], row[2], row[3]) for row in rows}


def test_a_first_sync_killed_midway_ends_with_the_aggregates_of_an_uninterrupted_one(tmp_path: Path) -> None:
    clean, killed = tmp_path / "clean.sqlite", tmp_path / "killed.sqlite"
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        add_generated(sim, 20_000)

        sync_to_the_end(clean, sim.url)
        assert stored_aggregates(clean) == aggregates_from_messages(clean)
        assert sum(count for count, _, _ in stored_aggregates(clean).values()) > 20_000
        assert state(clean, "aggregates_pending") is None

        sim.latency = 0.05  # pages come slowly, so the kill lands inside the pull
        process = subprocess.Popen(
            command(killed, sim.url), env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (killed.exists() and state(killed, "cursor")):
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert state(killed, "cursor"), "the sync was killed before it applied a page"
        assert state(killed, "aggregates_pending") == "1"

        sim.latency = 0.0
        sync_to_the_end(killed, sim.url)

    assert state(killed, "aggregates_pending") is None
    assert stored_aggregates(killed) == aggregates_from_messages(killed)
    assert snapshot(killed) == snapshot(clean)
