"""``leaddesk sync --once``: one full sync without a window, one summary line, the contract's exit codes.

Exit codes: 0 done; 2 bad arguments or configuration; 3 the relay refused the token (401);
4 the relay was unreachable or kept failing past the retry budget; 5 finished, but some queued edits
were refused or conflicted; 1 another program kept the database locked past the busy timeout (what was
applied stays; the next run goes on from there). The summary line on standard output is one of::

    synced: 1,204 events applied, 3 edits sent, 0 refused, 0 conflicts, 12 media fetched
    synced: 10 events applied, 1 edits sent, 1 refused, 0 conflicts, 0 media fetched; set_name on ct_1 refused (invalid)
    not synced: the relay refused the token (401); 0 events applied, 2 edits still queued
    not synced: the relay is unreachable; 0 events applied, 2 edits still queued

Every missing media is fetched before the line is printed; when that takes over ~2 s, standard error
shows ``fetching media: 120 of 450`` (in place on a terminal, a line per update elsewhere).

Knobs (environment): ``LEADDESK_SYNC_MAX_RETRY_SECONDS`` (default 90) and ``LEADDESK_SYNC_BACKOFF_CAP``
(default 20).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from leaddesk.db.database import Database
from leaddesk.sync.client import ConfigurationError, RelayClient
from leaddesk.sync.engine import SyncEngine, SyncSummary

EXIT_OK = 0
#: The database stayed locked by another program past the busy timeout; run it again.
EXIT_BUSY = 1
EXIT_CONFIG = 2
EXIT_UNAUTHORIZED = 3
EXIT_UNREACHABLE = 4
EXIT_EDITS_REFUSED = 5


class MediaProgress:
    """``fetching media: 120 of 450`` on standard error, once fetching has taken ~2 s, a few times a second.

    On a terminal the count rewrites itself in place; elsewhere (a log) each update is its own line.
    """

    def __init__(self, stream: TextIO | None = None, *, after: float = 2.0, every: float = 0.5) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.after = after
        self.every = every
        self._started: float | None = None
        self._shown_at: float | None = None
        self._last = ""

    def __call__(self, phase: str, done: int, total: int) -> None:
        if phase != "media":
            return
        now = time.monotonic()
        if self._started is None:
            self._started = now
        finished = total > 0 and done >= total
        if now - self._started < self.after and self._shown_at is None:
            return
        if self._shown_at is not None and now - self._shown_at < self.every and not finished:
            return
        self._show(f"fetching media: {done:,} of {total:,}", now)

    def _show(self, line: str, now: float) -> None:
        if line == self._last:
            return
        terminal = self.stream.isatty()
        self.stream.write(("\r" + line) if terminal else line + "\n")
        self.stream.flush()
        self._shown_at, self._last = now, line

    def close(self) -> None:
        """End the in-place line on a terminal."""
        if self._shown_at is not None and self.stream.isatty():
            self.stream.write("\n")
            self.stream.flush()


def summary_line(summary: SyncSummary) -> str:
    if summary.outcome == "ok":
        line = (
            f"synced: {summary.events_applied:,} events applied, {summary.edits_sent:,} edits sent, "
            f"{summary.edits_refused:,} refused, {summary.edits_conflicted:,} conflicts, "
            f"{summary.media_fetched:,} media fetched"
        )
        if summary.refused_details:
            line += "; " + "; ".join(summary.refused_details)
        return line
    reason = {
        "unauthorized": "the relay refused the token (401)",
        "unreachable": "the relay is unreachable",
        "config": "the relay settings are not usable",
        "cancelled": "cancelled",
        "busy": "the database stayed busy (another program was writing to it)",
    }.get(summary.outcome, summary.outcome)
    return (
        f"not synced: {reason}; {summary.events_applied:,} events applied, {summary.edits_sent:,} edits sent, "
        f"{summary.edits_waiting:,} edits still queued"
    )


def exit_code(summary: SyncSummary) -> int:
    match summary.outcome:
        case "ok":
            return EXIT_EDITS_REFUSED if summary.edits_refused or summary.edits_conflicted else EXIT_OK
        case "unauthorized":
            return EXIT_UNAUTHORIZED
        case "config":
            return EXIT_CONFIG
        case "busy":
            return EXIT_BUSY
        case _:
            return EXIT_UNREACHABLE


def sync_once(database: Database, relay_url: str | None, token: str | None) -> int:
    if not relay_url:
        from leaddesk.sync.settings import load_settings

        relay_url = load_settings().relay_url or None
    if not relay_url:
        print("leaddesk: no relay URL: give --relay URL or set LEADDESK_RELAY_URL", file=sys.stderr)
        return EXIT_CONFIG
    if not token:
        print("leaddesk: no relay token: set LEADDESK_RELAY_TOKEN", file=sys.stderr)
        return EXIT_CONFIG
    from leaddesk.sync.settings import load_settings

    try:
        client = RelayClient(relay_url, token, ca_bundle=load_settings().ca_bundle or None)
    except ConfigurationError as problem:
        print(f"leaddesk: {problem}", file=sys.stderr)
        return EXIT_CONFIG
    with client:
        progress = MediaProgress()
        try:
            summary = SyncEngine(database, client, progress=progress, all_media=True).run_cycle()
        finally:
            progress.close()
    if summary.error and summary.outcome != "ok":
        print(f"leaddesk: {summary.error}", file=sys.stderr)
    print(summary_line(summary), flush=True)
    return exit_code(summary)
