"""Closing the window never hangs: during a long sync, a retry pause, a media download, or a request
the relay holds, the window is gone within 3 seconds, and what was done so far stays."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from leaddesk.db.database import Database
from leaddesk.sync.engine import RetryPolicy
from tests.relay_simulator.generate import generated_log
from tests.relay_simulator.server import Fault, RelaySimulator, make_message
from tests.support.sync_gui import Desk, rows

TOKEN = "close-token"
CLOSE_WITHIN_S = 3.0


def close_timed(desk: Desk) -> float:
    started = time.monotonic()
    desk.close()
    return time.monotonic() - started


def sync_threads_alive() -> bool:
    return any(t.name == "leaddesk-sync" and t.is_alive() for t in threading.enumerate())


def test_closing_during_a_long_sync(qtbot: QtBot, database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.add_serialized(generated_log(20_000))
        sim.latency = 0.2
        desk = Desk.open(qtbot, database, sim.url, TOKEN)
        pulled: list[int] = []
        desk.session.worker.progress.connect(lambda done, _total: pulled.append(done))
        desk.session.worker.request_sync()
        qtbot.waitUntil(lambda: bool(pulled), timeout=20_000)
        assert close_timed(desk) < CLOSE_WITHIN_S
        assert desk.session.worker.state == "stopped"
        cursor = rows(database.path, "SELECT value FROM sync_state WHERE key = 'cursor'")
        assert cursor and cursor[0][0]  # the pages applied before closing are kept, with their cursor


def test_closing_during_a_retry_pause(qtbot: QtBot, database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.plan("/v1/account", *[Fault(status=503) for _ in range(50)])
        desk = Desk.open(qtbot, database, sim.url, TOKEN)
        desk.session.worker.retry = RetryPolicy(max_seconds=300, base=20, cap=60)  # long pauses
        desk.session.worker.request_sync()
        qtbot.waitUntil(lambda: ("GET", "/v1/account") in sim.requests, timeout=10_000)
        qtbot.wait(300)  # now in the pause before the next try
        assert close_timed(desk) < CLOSE_WITHIN_S
        assert not sync_threads_alive()


def test_closing_during_a_media_download(qtbot: QtBot, database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        body = bytes(range(256)) * 16 * 1024  # 4 MiB
        sha = sim.add_media("md_big", body)
        sim.plan("/v1/media/md_big", Fault(trickle=256 * 1024))  # 16 s to send it all
        media = {"media_id": "md_big", "mime_type": "image/jpeg", "sha256": sha, "filename": None, "size": len(body)}
        sim.add_message(make_message("wamid.BIG", "ct_big", text=None, type="image", media=media, phone="+5215500001"))
        desk = Desk.open(qtbot, database, sim.url, TOKEN)
        desk.session.worker.request_sync()
        media_dir = database.media_dir
        qtbot.waitUntil(lambda: any(p.stat().st_size > 64 * 1024 for p in _parts(media_dir)), timeout=20_000)
        assert close_timed(desk) < CLOSE_WITHIN_S
        assert not sync_threads_alive()
        assert _parts(media_dir) == []  # the half-written file is gone
        assert rows(database.path, "SELECT state FROM media WHERE id = 'md_big'") == [("missing",)]


def test_closing_while_the_relay_holds_a_request(qtbot: QtBot, database: Database) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.plan("/v1/events", Fault(delay=4.0))  # longer than closing may wait, shorter than the read timeout
        desk = Desk.open(qtbot, database, sim.url, TOKEN)
        desk.session.worker.request_sync()
        qtbot.waitUntil(lambda: ("GET", "/v1/events") in sim.requests, timeout=10_000)
        assert close_timed(desk) < CLOSE_WITHIN_S
        assert desk.session.worker.state == "stopped"
        # The cycle left behind ends on its own once the relay answers; it starts nothing new.
        qtbot.waitUntil(lambda: not sync_threads_alive(), timeout=15_000)
        assert sim.requests.count(("GET", "/v1/account")) == 1


def _parts(folder: Path) -> list[Path]:
    return list(folder.rglob(".part-*")) if folder.exists() else []
