"""One sync cycle with the relay, as plain Python (no Qt): push the outbox, pull the log, fetch media.

    engine = SyncEngine(database, client)
    summary = engine.run_cycle()

Rules (``relay-protocol.md``):

- Push: queued edits go one at a time in ``outbox.id`` order, each with its own stored idempotency
  key. A passing fault retries the same edit with the same key (full-jitter back-off, ``Retry-After``
  honoured) and never skips ahead; the edit's answer and its effect are written in one transaction,
  so a crash at any instant re-sends at most an edit the relay will answer from its idempotency memory.
- Pull: each page is applied and its ``next`` cursor stored in one transaction. 410 restarts from
  the empty cursor (re-applying is idempotent).
- 401 stops everything at once; nothing local is dropped.
- Media: the window's worker fetches ``media_per_cycle`` per cycle, ``sync --once`` (``all_media``)
  every missing one; a media that keeps failing is left ``missing`` for the next sync, never retried
  in a loop. ``SyncSummary.media_missing`` says how many are left when the cycle ends.
- A write that cannot get the database's write lock within the busy timeout (another program held it
  that long) ends the cycle with the outcome ``busy``: that page, or that edit's answer, was rolled
  back whole with its cursor, so the next cycle pulls the page again and re-sends the edit with the
  same key (the relay answers it from its idempotency memory).
"""

from __future__ import annotations

import json
import logging
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from sqlalchemy import Connection, text

from leaddesk.db import state as sync_state
from leaddesk.db.database import Database, DatabaseBusy
from leaddesk.db.dbapi import dbapi_connection
from leaddesk.db.outbox import apply_contact_changes, contact_changes, current_config
from leaddesk.db.queries import count_clients
from leaddesk.domain import CommandType, MediaState, OutboxState, format_time, status_rank, utc_now
from leaddesk.sync.apply import (
    CONTACT_COLUMNS,
    ApplyResult,
    BadEvent,
    apply_events,
    apply_events_dbapi,
    parse_contact,
    parse_funnel_stages,
    store_funnel_stages,
)
from leaddesk.sync.bulk import recount_aggregates, start_deferring
from leaddesk.sync.client import (
    Cancelled,
    ConfigurationError,
    Conflict,
    CursorExpired,
    EventsPage,
    PassingFault,
    Refused,
    RelayClient,
    RelayError,
    Unauthorized,
)
from leaddesk.sync.media import (
    MEDIA_PER_CYCLE,
    START,
    MissingMedia,
    delete_unused_files,
    fetch_one,
    missing_batch,
    missing_count,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

PAGE_LIMIT = 1000
#: How long one request keeps being retried through passing faults before the relay counts as unreachable.
ENV_MAX_RETRY_SECONDS = "LEADDESK_SYNC_MAX_RETRY_SECONDS"
#: The largest single back-off pause.
ENV_BACKOFF_CAP = "LEADDESK_SYNC_BACKOFF_CAP"
DEFAULT_MAX_RETRY_SECONDS = 90.0
DEFAULT_BACKOFF_CAP = 20.0
#: Tries of one media through passing faults before this run leaves it for the next sync.
MEDIA_ATTEMPTS = 3
#: Media given up one after another before the relay counts as failing and the media step stops.
MEDIA_GIVE_UP_IN_A_ROW = 3
_MEDIA_BATCH = 500
#: How long one pull transaction keeps taking pages that are already fetched before it commits.
GROUP_SECONDS = 0.1


class Unreachable(RelayError):  # noqa: N818 - a state of the relay
    """The relay kept failing (or could not be reached) for longer than the retry budget."""


@dataclass
class RetryPolicy:
    max_seconds: float = DEFAULT_MAX_RETRY_SECONDS
    base: float = 0.25
    cap: float = DEFAULT_BACKOFF_CAP

    @classmethod
    def from_env(cls) -> RetryPolicy:
        def number(name: str, default: float) -> float:
            try:
                return max(0.0, float(os.environ.get(name, default)))
            except ValueError:
                return default

        return cls(
            max_seconds=number(ENV_MAX_RETRY_SECONDS, DEFAULT_MAX_RETRY_SECONDS),
            cap=number(ENV_BACKOFF_CAP, DEFAULT_BACKOFF_CAP),
        )


@dataclass
class SyncSummary:
    outcome: str = "running"  # ok, unauthorized, unreachable, config, cancelled, busy
    error: str | None = None
    #: What the pulled pages did, added up page by page (:meth:`ApplyResult.merge`).
    pulled: ApplyResult = field(default_factory=ApplyResult)
    edits_sent: int = 0
    edits_refused: int = 0
    edits_conflicted: int = 0
    refused_details: list[str] = field(default_factory=list)
    edits_waiting: int = 0
    media_fetched: int = 0
    media_expired: int = 0
    media_bad: int = 0
    media_missing: int = 0  # media still to fetch when the cycle ended
    retries: int = 0
    account_name: str | None = None
    agent_name: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == "ok"

    @property
    def events_applied(self) -> int:
        return self.pulled.applied

    @property
    def unknown_events(self) -> int:
        return self.pulled.unknown

    @property
    def bad_events(self) -> int:
        return self.pulled.bad

    @property
    def new_contacts(self) -> set[str]:
        return self.pulled.new_contacts

    @property
    def touched_contacts(self) -> set[str]:
        """Contacts whose row may have changed: by the pulled pages, or by an edit's answer."""
        return self.pulled.touched_contacts

    @property
    def erased_contacts(self) -> set[str]:
        return self.pulled.erased_contacts

    @property
    def funnel_stages_changed(self) -> bool:
        return self.pulled.funnel_stages_changed

    @funnel_stages_changed.setter
    def funnel_stages_changed(self, changed: bool) -> None:
        self.pulled.funnel_stages_changed = changed

    def changed_contacts(self) -> list[str]:
        return sorted(self.new_contacts | self.touched_contacts | self.erased_contacts)


#: progress(phase, done, total): phase is "push", "pull" or "media"; total 0 when unknown.
ProgressCallback = Callable[[str, int, int], None]


@dataclass(frozen=True)
class PullProgress:
    """Where the pull is, after each committed group of pages (for the window's list and status bar).

    The protocol gives no count of the events still to come (a cursor is opaque, ``has_more`` is all it
    says), so this tells only what is known: how many events and new clients so far, and the time of
    the newest event applied (the log runs oldest first, so a first sync reaches today at its end).
    """

    #: The cache is being filled for the first time (the pull began at the log's start, or goes on
    #: with a first sync that was killed).
    first_sync: bool
    #: Events applied by this pull so far.
    events: int
    #: Clients in the cache: those before the pull and the new ones it brought.
    clients: int
    #: RFC 3339 time of the last event applied ("" when it did not say).
    reached: str = ""
    #: The contacts this group of pages created or changed (their rows can be shown now).
    changed: frozenset[str] = frozenset()


PullProgressCallback = Callable[[PullProgress], None]


class SyncEngine:
    def __init__(
        self,
        database: Database,
        client: RelayClient,
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
        retry: RetryPolicy | None = None,
        page_limit: int = PAGE_LIMIT,
        media_per_cycle: int = MEDIA_PER_CYCLE,
        all_media: bool = False,
        pull_progress: PullProgressCallback | None = None,
    ) -> None:
        """``all_media``: fetch every missing media (``sync --once``), not ``media_per_cycle`` of them."""
        self.database = database
        self.client = client
        self.progress = progress or (lambda _phase, _done, _total: None)
        self.pull_progress = pull_progress or (lambda _where: None)
        self.cancel = cancel or threading.Event()
        self.retry = retry or RetryPolicy.from_env()
        self.page_limit = page_limit
        self.media_per_cycle = media_per_cycle
        self.all_media = all_media

    # --- the cycle --------------------------------------------------------------------------

    def run_cycle(self) -> SyncSummary:
        summary = SyncSummary()
        try:
            self._account(summary)
            self._push(summary)
            self._pull(summary)
            self._media(summary)
        except Unauthorized as problem:
            summary.outcome, summary.error = "unauthorized", str(problem)
        except Unreachable as problem:
            summary.outcome, summary.error = "unreachable", str(problem)
        except ConfigurationError as problem:
            summary.outcome, summary.error = "config", str(problem)
        except Cancelled:
            summary.outcome = "cancelled"
        except DatabaseBusy as problem:
            self._busy(summary, problem)
        else:
            summary.outcome = "ok"
            try:
                with self.database.write() as connection:
                    sync_state.set_state(connection, sync_state.LAST_SYNC_AT, format_time(utc_now()))
            except DatabaseBusy as problem:
                self._busy(summary, problem)
        summary.edits_waiting = self.queued_count()
        summary.media_missing = missing_count(self.database)
        return summary

    @staticmethod
    def _busy(summary: SyncSummary, problem: DatabaseBusy) -> None:
        log.warning("sync stopped, to be retried: %s", problem)
        summary.outcome = "busy"
        summary.error = "the database stayed busy (another program was writing to it); the next sync goes on"

    def queued_count(self) -> int:
        with self.database.read() as connection:
            return int(
                connection.execute(
                    text("SELECT count(*) FROM outbox WHERE state = :s"), {"s": OutboxState.QUEUED}
                ).scalar_one()
            )

    def _call(self, summary: SyncSummary, what: Callable[[], T]) -> T:
        """``what()``, retried through passing faults until the retry budget is spent."""
        started = time.monotonic()
        attempt = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled
            try:
                return what()
            except PassingFault as problem:
                remaining = self.retry.max_seconds - (time.monotonic() - started)
                if remaining <= 0:
                    raise Unreachable(f"the relay kept failing: {problem}", status=problem.status) from None
                if problem.retry_after is not None:
                    pause = problem.retry_after
                else:
                    pause = random.uniform(0, min(self.retry.cap, self.retry.base * 2**attempt))
                pause = min(pause, remaining)
                attempt += 1
                summary.retries += 1
                log.info("passing fault (%s); retrying in %.2f s", problem, pause)
                if self.cancel.wait(pause):
                    raise Cancelled from None

    # --- account ----------------------------------------------------------------------------

    def _account(self, summary: SyncSummary) -> None:
        body = self._call(summary, self.client.account)
        account, agent = body["account"], body["agent"]
        summary.account_name = str(account.get("name") or "")
        summary.agent_name = str(agent.get("name") or "")
        try:
            stages = parse_funnel_stages(body.get("funnel_stages"))
        except BadEvent:
            stages = None
        with self.database.write() as connection:
            for key, value in (
                (sync_state.ACCOUNT_ID, account.get("id")),
                (sync_state.ACCOUNT_NAME, account.get("name")),
                (sync_state.AGENT_ID, agent.get("id")),
                (sync_state.AGENT_NAME, agent.get("name")),
                (sync_state.AGENT_ROLE, agent.get("role")),
            ):
                sync_state.set_state(connection, key, None if value is None else str(value))
            if stages is not None and store_funnel_stages(dbapi_connection(connection).cursor(), stages):
                summary.funnel_stages_changed = True

    # --- push -------------------------------------------------------------------------------

    def _next_queued(self) -> tuple[Any, ...] | None:
        with self.database.read() as connection:
            row = connection.execute(
                text(
                    "SELECT id, idempotency_key, type, contact_id, base_version, data FROM outbox "
                    "WHERE state = :s ORDER BY id LIMIT 1"
                ),
                {"s": OutboxState.QUEUED},
            ).first()
        return None if row is None else tuple(row)

    def _push(self, summary: SyncSummary) -> None:
        total = self.queued_count()
        done = 0
        while True:
            if self.cancel.is_set():
                raise Cancelled
            row = self._next_queued()
            if row is None:
                return
            outbox_id, key, command_type, contact_id, base_version, data_text = row
            data = json.loads(data_text)
            body = {"type": command_type, "contact_id": contact_id, "base_version": base_version, "data": data}
            try:
                answer = self._call(summary, lambda: self.client.command(key, body))  # noqa: B023 - called at once
            except Conflict as conflict:
                self._record_conflict(outbox_id, command_type, contact_id, data, conflict)
                summary.edits_conflicted += 1
                summary.refused_details.append(f"{command_type} on {contact_id} conflicted")
            except Refused as refusal:
                self._record_refusal(outbox_id, command_type, contact_id, refusal)
                summary.edits_refused += 1
                summary.refused_details.append(
                    f"{command_type} on {contact_id} refused ({refusal.code or refusal.status})"
                )
            else:
                self._record_applied(outbox_id, answer.contact, answer.message, summary)
                summary.edits_sent += 1
            summary.touched_contacts.add(contact_id)
            done += 1
            self.progress("push", done, max(total, done))

    def _mark(self, cursor: sqlite3.Cursor, outbox_id: int, state: str, error: str | None) -> None:
        cursor.execute(
            "UPDATE outbox SET state = ?, last_error = ?, answered_at = ?, attempts = attempts + 1 WHERE id = ?",
            (state, error, format_time(utc_now()), outbox_id),
        )

    def _take_relay_contact(self, connection: sqlite3.Connection, contact: dict[str, Any]) -> None:
        """Make the relay's answer the contact's state, even at the version already stored."""
        version = contact.get("version")
        if isinstance(version, int):
            # The stored row at this same version may carry a queued edit's overlay; the relay's word wins
            # and the applier re-lays whatever is still queued.
            connection.execute(
                "UPDATE contacts SET version = version - 1 WHERE id = ? AND version = ?", (contact.get("id"), version)
            )
        apply_events_dbapi(connection, [{"type": "contact.upserted", "seq": 0, "data": {"contact": contact}}])

    def _record_applied(
        self, outbox_id: int, contact: dict[str, Any], message: dict[str, Any] | None, summary: SyncSummary
    ) -> None:
        with self.database.write() as sa_connection:
            connection = dbapi_connection(sa_connection)
            cursor = connection.cursor()
            self._mark(cursor, outbox_id, OutboxState.APPLIED, None)
            self._take_relay_contact(connection, contact)
            if message is not None:
                apply_events_dbapi(connection, [{"type": "message.upserted", "seq": 0, "data": {"message": message}}])
            # The local stand-in of a sent message goes; the relay's own row (now or from the log) replaces it.
            cursor.execute("DELETE FROM messages WHERE outbox_id = ?", (outbox_id,))

    def _record_conflict(
        self, outbox_id: int, command_type: str, contact_id: str, data: dict[str, Any], conflict: Conflict
    ) -> None:
        with self.database.write() as sa_connection:
            connection = dbapi_connection(sa_connection)
            cursor = connection.cursor()
            self._mark(cursor, outbox_id, OutboxState.CONFLICT, "version_conflict")
            try:
                theirs_row = parse_contact({"contact": conflict.contact})
            except BadEvent:
                theirs_row = None
            theirs_config: dict[str, Any] = {}
            if theirs_row is not None:
                loaded = json.loads(theirs_row[CONTACT_COLUMNS.index("config")])
                theirs_config = loaded if isinstance(loaded, dict) else {}
            mine = contact_changes(command_type, data, theirs_config or current_config(cursor, contact_id))
            now = format_time(utc_now())
            for column, value in mine.items():
                theirs = theirs_row[CONTACT_COLUMNS.index(column)] if theirs_row is not None else None
                cursor.execute(
                    "INSERT INTO edit_conflicts (contact_id, outbox_id, command_type, field, mine, theirs, at, "
                    "resolved) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                    (
                        contact_id,
                        outbox_id,
                        command_type,
                        column,
                        _as_json(column, value),
                        _as_json(column, theirs),
                        now,
                    ),
                )
            if theirs_row is not None:
                self._take_relay_contact(connection, dict(conflict.contact))

    def _record_refusal(self, outbox_id: int, command_type: str, contact_id: str, refusal: Refused) -> None:
        with self.database.write() as sa_connection:
            cursor = dbapi_connection(sa_connection).cursor()
            self._mark(cursor, outbox_id, OutboxState.REFUSED, str(refusal))
            row = cursor.execute("SELECT previous FROM outbox WHERE id = ?", (outbox_id,)).fetchone()
            previous = json.loads(row[0]) if row is not None and row[0] else None
            if isinstance(previous, dict) and previous:
                # Columns a newer queued edit sets keep that edit's value.
                later = cursor.execute(
                    "SELECT type, data FROM outbox WHERE contact_id = ? AND state = ? AND id > ?",
                    (contact_id, OutboxState.QUEUED, outbox_id),
                ).fetchall()
                covered: set[str] = set()
                for later_type, later_data in later:
                    covered.update(contact_changes(later_type, json.loads(later_data), {}))
                restore = {
                    column: value
                    for column, value in previous.items()
                    if column not in covered and column in CONTACT_COLUMNS and column not in ("id", "version")
                }
                apply_contact_changes(cursor, contact_id, restore)
            if command_type == CommandType.SEND_MESSAGE:
                cursor.execute(
                    "UPDATE messages SET status = 'failed', status_rank = ?, error_code = ?, error_title = ? "
                    "WHERE outbox_id = ?",
                    (status_rank("failed"), refusal.code or str(refusal.status), _plain_reason(refusal), outbox_id),
                )

    # --- pull -------------------------------------------------------------------------------

    def _pull(self, summary: SyncSummary) -> None:
        """Pull page after page; each page's effects and its cursor commit in one transaction.

        The next page is fetched (HTTP and JSON) on a helper thread while this one is applied:
        SQLite releases the GIL while it writes, so on two cores the two overlap. Only one request
        is ever in flight, and the cursor still moves only with an applied page. When the next page
        is already there, it joins the same transaction (up to ``GROUP_SECONDS``): a first sync pays
        one commit per few pages instead of one per page, and never holds the write lock waiting
        for the network.
        """
        with self.database.read() as connection:
            cursor = sync_state.get_state(connection, sync_state.CURSOR) or ""
        with self.database.write() as connection:
            deferring = start_deferring(dbapi_connection(connection).cursor())
        try:
            # A first sync: from the log's start, or the go-on of one that was killed (it still defers).
            start = PullProgress(first_sync=cursor == "" or deferring, events=0, clients=0)
            if start.first_sync:
                with self.database.read() as connection:
                    start = replace(start, clients=count_clients(connection))
            self._pull_pages(summary, cursor, count_activity=not deferring, start=start)
        finally:
            if deferring:
                # Also when the pull stops early (cancelled, unreachable): the list never keeps
                # figures that are wrong after a sync. Only a killed process leaves them owed.
                try:
                    with self.database.write() as connection:
                        recount_aggregates(dbapi_connection(connection).cursor())
                except DatabaseBusy:
                    log.warning("contact aggregates left for the next sync: the database stayed busy")

    def _pull_pages(self, summary: SyncSummary, cursor: str, *, count_activity: bool, start: PullProgress) -> None:
        restarted = False
        done = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="leaddesk-pull") as fetcher:

            def fetch(after: str) -> Future[EventsPage]:
                return fetcher.submit(self._call, summary, lambda: self.client.events(after, self.page_limit))

            pending = fetch(cursor)
            try:
                while True:
                    if self.cancel.is_set():
                        raise Cancelled
                    try:
                        page = pending.result()
                    except CursorExpired:
                        if restarted:
                            raise Unreachable("the relay refused even the empty cursor", status=410) from None
                        restarted = True
                        cursor = ""
                        with self.database.write() as connection:
                            sync_state.set_state(connection, sync_state.CURSOR, "")
                        pending = fetch(cursor)
                        continue
                    applied = ApplyResult()
                    last = False
                    with self.database.write(bulk=True) as connection:
                        started = time.monotonic()
                        while True:
                            stuck = not page.events and page.next == cursor
                            last = not page.has_more or stuck
                            if not last:
                                pending = fetch(page.next)
                            applied.merge(self._apply_page(connection, page, count_activity))
                            cursor = page.next
                            if (
                                last
                                or self.cancel.is_set()
                                or not pending.done()
                                or pending.exception() is not None
                                or time.monotonic() - started > GROUP_SECONDS
                            ):
                                break
                            page = pending.result()
                    delete_unused_files(self.database, applied.erased_media_paths)
                    summary.pulled.merge(applied)
                    done += applied.applied + applied.unknown + applied.bad
                    self.progress("pull", done, 0)
                    self.pull_progress(
                        PullProgress(
                            first_sync=start.first_sync,
                            events=done,
                            clients=start.clients + len(summary.pulled.new_contacts),
                            reached=_event_time(page.events),
                            changed=frozenset(
                                applied.new_contacts | applied.touched_contacts | applied.erased_contacts
                            ),
                        )
                    )
                    if last:
                        return
            finally:
                pending.cancel()

    @staticmethod
    def _apply_page(connection: Connection, page: EventsPage, count_activity: bool) -> ApplyResult:
        """One page's events and its cursor, inside the caller's transaction."""
        result = apply_events(connection, page.events, count_activity=count_activity)
        sync_state.set_state(connection, sync_state.CURSOR, page.next)
        sync_state.add_to_counter(connection, sync_state.UNKNOWN_EVENTS, result.unknown)
        sync_state.add_to_counter(connection, sync_state.BAD_EVENTS, result.bad)
        return result

    # --- media ------------------------------------------------------------------------------

    def _media(self, summary: SyncSummary) -> None:
        """Fetch missing media: all of them for ``sync --once``, else at most ``media_per_cycle``.

        One pass in (priority, rowid) order visits each missing media once, so a media that keeps
        failing is tried ``MEDIA_ATTEMPTS`` times and left ``missing`` for the next sync; it never
        loops. Several given up in a row mean the relay is failing: the step stops, the data is in.
        """
        cap = None if self.all_media else self.media_per_cycle
        if cap is not None and cap <= 0:
            return
        total = missing_count(self.database)
        if cap is not None:
            total = min(total, cap)
        done = given_up_in_a_row = 0
        after = START
        self.progress("media", 0, total)
        while cap is None or done < cap:
            batch = missing_batch(self.database, after, _MEDIA_BATCH if cap is None else min(_MEDIA_BATCH, cap - done))
            if not batch:
                return
            for media in batch:
                if self.cancel.is_set():
                    return
                after = media.key
                state = self._fetch_media(media, summary)
                done += 1
                total = max(total, done)
                self.progress("media", done, total)
                if state is None:
                    given_up_in_a_row += 1
                    if given_up_in_a_row >= MEDIA_GIVE_UP_IN_A_ROW:
                        log.info("media fetching stopped: the relay keeps failing")
                        return
                    continue
                given_up_in_a_row = 0
                if state == MediaState.CACHED:
                    summary.media_fetched += 1
                elif state == MediaState.EXPIRED:
                    summary.media_expired += 1
                else:
                    summary.media_bad += 1

    def _fetch_media(self, media: MissingMedia, summary: SyncSummary) -> str | None:
        """One media through passing faults (a few tries); ``None`` when this run gives it up."""
        for attempt in range(MEDIA_ATTEMPTS):
            try:
                return fetch_one(self.database, self.client, media.media_id, media.sha256, media.kind)
            except PassingFault as problem:
                summary.retries += 1
                if attempt + 1 == MEDIA_ATTEMPTS:
                    log.info("media %s left for the next sync: %s", media.media_id, problem)
                    return None
                pause = random.uniform(0, min(self.retry.cap, self.retry.base * 2**attempt))
                if problem.retry_after is not None:
                    pause = min(problem.retry_after, self.retry.cap)
                if self.cancel.wait(pause):
                    return None
        return None


def _event_time(events: list[Any]) -> str:
    """The ``at`` of the last event of a page, if it has a plausible one."""
    if events and isinstance(events[-1], dict):
        at = events[-1].get("at")
        if isinstance(at, str) and len(at) <= 40:
            return at
    return ""


def _as_json(column: str, value: Any) -> str:
    if column == "config" and isinstance(value, str):
        return value  # already a JSON object's text
    if column in ("mystery_shopper", "contractor") and value is not None:
        value = bool(value)
    return json.dumps(value, ensure_ascii=False)


def _plain_reason(refusal: Refused) -> str:
    if refusal.code == "outside_window":
        return "Not sent: the client last wrote more than 24 hours ago"
    return "Not sent: the relay refused this message"


def queued_edits(database: Database) -> int:
    """How many edits wait to be sent (for the status bar)."""
    with database.read() as connection:
        return int(
            connection.execute(
                text("SELECT count(*) FROM outbox WHERE state = :s"), {"s": OutboxState.QUEUED}
            ).scalar_one()
        )
