"""``sync --once`` fetches every missing media; the window's worker fetches a capped share per cycle."""

from __future__ import annotations

import hashlib
import io
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk.db.database import Database, open_database
from leaddesk.sync.headless import MediaProgress
from leaddesk.sync.media import MEDIA_PER_CYCLE
from tests.relay_simulator.server import Fault, RelaySimulator, make_contact, make_message
from tests.support.sync import migrate, run_sync, sqlite
from tests.test_sync_cli import TOKEN, sync_cli


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        yield running


def _media_log(sim: RelaySimulator, count: int, *, contacts: int = 15) -> dict[str, str]:
    """``count`` image messages spread over ``contacts`` clients, each with its own bytes; id -> sha256."""
    hashes: dict[str, str] = {}
    for number in range(contacts):
        sim.add_contact(make_contact(f"ct_{number}", f"+52155000{number:05d}"))
    for index in range(count):
        number = index % contacts
        media_id = f"md_{index:04d}"
        hashes[media_id] = sim.add_media(media_id, f"image {index} ".encode() * 20)
        sim.add_message(
            make_message(
                f"wamid.{index}",
                f"ct_{number}",
                phone=f"+52155000{number:05d}",
                type="image",
                text=None,
                media={"media_id": media_id, "mime_type": "image/jpeg", "sha256": hashes[media_id], "size": 100},
            )
        )
    return hashes


def _assert_all_cached(db_path: Path, hashes: dict[str, str]) -> None:
    media_dir = db_path.with_name(db_path.stem + "-media")
    with sqlite(db_path) as connection:
        rows = connection.execute("SELECT id, sha256, state, local_path FROM media").fetchall()
    assert {row[0] for row in rows} == set(hashes)
    for media_id, sha, state, local_path in rows:
        assert state == "cached", media_id
        assert sha == hashes[media_id]
        assert hashlib.sha256((media_dir / local_path).read_bytes()).hexdigest() == sha
    assert not list(media_dir.rglob(".part-*"))  # no temporary file left behind


def test_sync_once_fetches_all_450_media_with_a_progress_count(sim: RelaySimulator, db_path: Path) -> None:
    hashes = _media_log(sim, 450)
    sim.latency = 0.01  # at least 4.5 s of media requests: long enough for the progress count to show
    started = time.monotonic()
    done = sync_cli(db_path, sim.url)
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(", 450 media fetched\n")
    _assert_all_cached(db_path, hashes)
    counts = [line for line in done.stderr.splitlines() if line.startswith("fetching media:")]
    assert counts, done.stderr
    assert all(re.fullmatch(r"fetching media: \d+ of 450", line) for line in counts), counts
    assert counts[-1] == "fetching media: 450 of 450"
    assert len(counts) <= took * 2 + 2  # a few times a second at most

    again = sync_cli(db_path, sim.url)
    assert again.returncode == 0 and again.stdout.endswith(", 0 media fetched\n")
    assert "fetching media" not in again.stderr


def test_the_worker_fetches_a_capped_share_per_cycle_and_says_what_is_left(
    sim: RelaySimulator, database: Database
) -> None:
    hashes = _media_log(sim, 450)
    seen = []
    for _cycle in range(3):
        summary = run_sync(database, sim.url, TOKEN)
        seen.append((summary.media_fetched, summary.media_missing))
    assert MEDIA_PER_CYCLE == 200
    assert seen == [(200, 250), (200, 50), (50, 0)]
    _assert_all_cached(database.path, hashes)


def test_a_media_that_keeps_failing_is_left_for_later_and_the_rest_is_fetched(
    sim: RelaySimulator, database: Database
) -> None:
    hashes = _media_log(sim, 30, contacts=3)
    sim.plan("/v1/media/md_0007", *[Fault(status=503) for _ in range(50)])
    summary = run_sync(database, sim.url, TOKEN, all_media=True)
    assert summary.outcome == "ok"
    assert (summary.media_fetched, summary.media_missing) == (29, 1)
    tries = [path for _method, path in sim.requests if path == "/v1/media/md_0007"]
    assert len(tries) == 3  # a few tries, never a loop
    with sqlite(database.path) as connection:
        assert connection.execute("SELECT id FROM media WHERE state = 'missing'").fetchall() == [("md_0007",)]
    # Once the relay serves it again, the next sync fetches it.
    sim.faults.clear()
    assert run_sync(database, sim.url, TOKEN, all_media=True).media_fetched == 1
    _assert_all_cached(database.path, hashes)


def test_when_the_relay_fails_every_media_the_fetching_stops_soon(sim: RelaySimulator, database: Database) -> None:
    _media_log(sim, 100, contacts=2)
    sim.plan("/v1/media/", *[Fault(status=500) for _ in range(1000)])
    started = time.monotonic()
    summary = run_sync(database, sim.url, TOKEN, all_media=True)
    assert summary.outcome == "ok"  # the data is in; the media wait for the next sync
    assert (summary.media_fetched, summary.media_missing) == (0, 100)
    assert len([path for _method, path in sim.requests if path.startswith("/v1/media/")]) == 9
    assert time.monotonic() - started < 10


def test_the_progress_count_waits_two_seconds_and_is_rate_limited() -> None:
    quiet = io.StringIO()
    progress = MediaProgress(quiet, after=60.0)
    for done in range(1, 101):
        progress("media", done, 100)
    progress.close()
    assert quiet.getvalue() == ""  # a quick fetch prints nothing

    shown = io.StringIO()
    progress = MediaProgress(shown, after=0.0, every=60.0)
    progress("pull", 5, 0)
    for done in range(1, 101):
        progress("media", done, 100)
    progress.close()
    # The first update, then nothing for a minute, except the last count.
    assert shown.getvalue() == "fetching media: 1 of 100\nfetching media: 100 of 100\n"


def test_migration_0004_keeps_only_files_leaddesk_verified(db_path: Path) -> None:

    migrate(db_path, "0003")
    valid = hashlib.sha256(b"x").hexdigest()
    rows = [
        ("md_good", "message", valid, "ok", f"{valid[:2]}/{valid}"),
        ("md_dotdot", "profile", "../../x", "ok", "../../x"),
        ("md_abs", "message", "/tmp/x", "missing", None),
        ("md_short", "message", valid[:63], "ok", f"{valid[:2]}/{valid[:63]}"),
        ("md_odd_path", "message", valid, "ok", "elsewhere/file"),
        ("md_card", "card", None, "ok", "cards/md_card"),
        ("md_card_dots", "card", None, "ok", "cards/.."),
        ("md_wait", "message", valid, "missing", None),
    ]
    with sqlite(db_path) as connection:
        connection.execute("INSERT INTO contacts (id, phone) VALUES ('ct_1', '+5215500000001')")
        connection.executemany(
            "INSERT INTO media (id, contact_id, kind, sha256, state, local_path) VALUES (?, 'ct_1', ?, ?, ?, ?)", rows
        )
    open_database(db_path).close()
    connection = sqlite3.connect(db_path)
    try:
        got = dict(
            ((row[0]), (row[1], row[2])) for row in connection.execute("SELECT id, state, local_path FROM media")
        )
    finally:
        connection.close()
    assert got == {
        "md_good": ("cached", f"{valid[:2]}/{valid}"),
        "md_dotdot": ("bad", None),
        "md_abs": ("bad", None),
        "md_short": ("bad", None),
        "md_odd_path": ("missing", None),
        "md_card": ("cached", "cards/md_card"),
        "md_card_dots": ("missing", None),
        "md_wait": ("missing", None),
    }
