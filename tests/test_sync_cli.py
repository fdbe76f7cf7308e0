"""``leaddesk sync --once`` as a real process: exit codes and the one summary line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk import edits
from leaddesk.db.database import open_database
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.sync import snapshot, sqlite

TOKEN = "cli-token-xyz"


def sync_cli(db: Path, url: str, token: str | None = TOKEN, **env: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, LEADDESK_SYNC_MAX_RETRY_SECONDS="3", LEADDESK_SYNC_BACKOFF_CAP="0.5", **env)
    environment.pop("LEADDESK_RELAY_TOKEN", None)
    if token is not None:
        environment["LEADDESK_RELAY_TOKEN"] = token
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db), "--relay", url, "sync", "--once"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        running.add_contact(make_contact("ct_1", "+5215500000001", name="Uno"))
        running.add_message(make_message("wamid.1", "ct_1", phone="+5215500000001", sent_at="2026-11-24T15:30:00Z"))
        yield running


def test_exit_0_with_summary_line(sim: RelaySimulator, db_path: Path) -> None:
    done = sync_cli(db_path, sim.url)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "synced: 2 events applied, 0 edits sent, 0 refused, 0 conflicts, 0 media fetched\n"


def test_exit_3_on_401_changes_nothing(sim: RelaySimulator, db_path: Path) -> None:
    assert sync_cli(db_path, sim.url).returncode == 0
    database = open_database(db_path)
    edits.set_sale_status(database, ["ct_1"], "signed")
    database.close()
    sim.add_message(make_message("wamid.2", "ct_1", phone="+5215500000001"))
    before = snapshot(db_path)
    done = sync_cli(db_path, sim.url, token="revoked")
    assert done.returncode == 3
    assert done.stdout.startswith("not synced: the relay refused the token (401)")
    assert "revoked" not in done.stdout + done.stderr
    assert snapshot(db_path) == before


def test_exit_4_when_unreachable_keeps_queued_edits(sim: RelaySimulator, db_path: Path) -> None:
    assert sync_cli(db_path, sim.url).returncode == 0
    database = open_database(db_path)
    edits.set_name(database, ["ct_1"], "Uno B")
    database.close()
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    done = sync_cli(db_path, f"http://127.0.0.1:{port}")
    assert done.returncode == 4
    assert time.monotonic() - started < 120
    assert "1 edits still queued" in done.stdout
    with sqlite(db_path) as connection:
        assert connection.execute("SELECT state FROM outbox").fetchall() == [("queued",)]


def test_exit_5_when_an_edit_is_refused(sim: RelaySimulator, db_path: Path) -> None:
    assert sync_cli(db_path, sim.url).returncode == 0
    database = open_database(db_path)
    edits.set_sale_status(database, ["ct_1"], "sold")
    database.close()
    sim.change_contact("ct_1", sale_status="signed")
    done = sync_cli(db_path, sim.url)
    assert done.returncode == 5
    assert "0 edits sent, 0 refused, 1 conflicts" in done.stdout
    assert "set_sale_status on ct_1 conflicted" in done.stdout


@pytest.mark.parametrize(
    ("url", "token"), [("", TOKEN), ("http://relay.example.com", TOKEN), ("http://127.0.0.1:9", None)]
)
def test_exit_2_on_bad_configuration(db_path: Path, url: str, token: str | None) -> None:
    done = sync_cli(db_path, url, token=token)
    assert done.returncode == 2
    assert done.stdout == ""


@pytest.mark.slow  # waits out the default retry budget (~90 s), as a user's scheduled task would
def test_with_default_retry_budget_an_unreachable_relay_exits_4_within_two_minutes(db_path: Path) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("LEADDESK_SYNC_")}
    environment["LEADDESK_RELAY_TOKEN"] = TOKEN
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "leaddesk",
            "--db",
            str(db_path),
            "--relay",
            f"http://127.0.0.1:{port}",
            "sync",
            "--once",
        ],
        capture_output=True,
        text=True,
        env=environment,
        timeout=150,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 4, done.stderr
    assert elapsed < 120
    assert done.stdout.startswith("not synced: the relay is unreachable")
