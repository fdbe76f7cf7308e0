"""``leaddesk sync --once``: one full sync without a window, one summary line, the contract's exit codes.

Exit codes: 0 done; 2 bad arguments or configuration; 3 the relay refused the token (401);
4 the relay was unreachable or kept failing past the retry budget; 5 finished, but some queued edits
were refused or conflicted; 1 another program kept the database locked past the busy timeout (what was
applied stays; the next run goes on from there). The summary line on standard output is one of::

    synced: 1,204 events applied, 3 edits sent, 0 refused, 0 conflicts, 12 media fetched
    synced: 10 events applied, 1 edits sent, 1 refused, 0 conflicts, 0 media fetched; set_name on ct_1 refused (invalid)
    not synced: the relay refused the token (401); 0 events applied, 2 edits still queued
    not synced: the relay is unreachable; 0 events applied, 2 edits still queued

Knobs (environment): ``LEADDESK_SYNC_MAX_RETRY_SECONDS`` (default 90) and ``LEADDESK_SYNC_BACKOFF_CAP``
(default 20).
"""

from __future__ import annotations

import sys

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
        summary = SyncEngine(database, client).run_cycle()
    if summary.error and summary.outcome != "ok":
        print(f"leaddesk: {summary.error}", file=sys.stderr)
    print(summary_line(summary), flush=True)
    return exit_code(summary)
