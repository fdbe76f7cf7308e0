"""A first sync as the window runs it: the list filling as pages arrive, next to the list filled at the end.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=. .venv/bin/python benchmarks/bench_first_sync_window.py 200000

For each way, a fresh cache, the assembled window (``build_window``) and its sync worker against the
relay simulator in a process of its own: the whole first sync's time (events/s), when the first client
was on screen, how many times the list was updated, and the longest the window's thread went without
answering (a 10 ms timer's longest gap). "At the end" is the window before the first run's change: the
worker told the list only when the cycle ended.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer

from benchmarks.bench_sync import serve_generated
from leaddesk.app import build_window, make_application
from leaddesk.db.database import open_database


@dataclass
class Run:
    seconds: float
    #: CPU seconds of the whole process (window and sync threads): less troubled by other programs.
    cpu_seconds: float
    events: int
    first_row_seconds: float | None
    list_updates: int
    longest_stall_ms: float
    clients: int


def first_sync(url: str, folder: Path, *, fill_as_pages_arrive: bool) -> Run:
    app = make_application([sys.argv[0]])
    database = open_database(folder / f"{'fill' if fill_as_pages_arrive else 'end'}.sqlite")
    session = build_window(database, start_sync=False)
    window, worker = session.window, session.worker
    window.resize(1024, 700)
    window.show()
    worker.configure(url, "bench")
    if not fill_as_pages_arrive:
        worker._tell_arrived = lambda: None  # type: ignore[method-assign]  # the list told only at the end

    updates = 0
    first_row: list[float] = []
    started = time.perf_counter()

    def counted(*_args: object) -> None:
        nonlocal updates
        updates += 1

    def maybe_first_row(*_args: object) -> None:
        if not first_row and window.model.rowCount() > 0:
            first_row.append(time.perf_counter() - started)

    worker.contacts_changed.connect(counted)
    window.model.counts_changed.connect(maybe_first_row)

    stall = 0.0
    last_tick = time.perf_counter()

    def tick() -> None:
        nonlocal stall, last_tick
        now = time.perf_counter()
        stall = max(stall, now - last_tick)
        last_tick = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    summaries: list[object] = []
    loop = QEventLoop()
    worker.cycle_finished.connect(lambda summary: (summaries.append(summary), loop.quit()))
    started = last_tick = time.perf_counter()
    cpu_started = time.process_time()
    worker.request_sync()
    loop.exec()
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    heartbeat.stop()
    for _ in range(3):
        app.processEvents()
    summary = summaries[0]
    assert getattr(summary, "ok", False), summary
    run = Run(
        seconds=elapsed,
        cpu_seconds=cpu,
        events=int(summary.events_applied),  # type: ignore[attr-defined]
        first_row_seconds=first_row[0] if first_row else None,
        list_updates=updates,
        longest_stall_ms=stall * 1000,
        clients=window.model.total_count,
    )
    session.close()
    window.close()
    database.close()
    return run


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("messages", type=int, nargs="?", default=200_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="leaddesk-bench-first-sync-"))
    try:
        with serve_generated(args.messages) as url:
            runs = {
                "list fills as pages arrive": first_sync(url, folder, fill_as_pages_arrive=True),
                "list filled at the end (before)": first_sync(url, folder, fill_as_pages_arrive=False),
            }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"first sync of {args.messages:,} messages through the window")
    print(f"{'':34} {'seconds':>8} {'CPU s':>6} {'events/s':>9} {'first row':>10} {'updates':>8} {'longest stall':>14}")
    for name, run in runs.items():
        first = f"{run.first_row_seconds:.2f} s" if run.first_row_seconds is not None else "-"
        print(
            f"{name:34} {run.seconds:8.1f} {run.cpu_seconds:6.1f} {run.events / run.seconds:9,.0f} {first:>10} "
            f"{run.list_updates:8} {run.longest_stall_ms:11.0f} ms   ({run.clients:,} clients)"
        )


if __name__ == "__main__":
    main()
