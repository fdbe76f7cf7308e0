"""A large cache written in bulk straight into the schema, for benchmarks (deterministic).

``big_database(clients, messages)`` returns the path of a migrated SQLite file holding that many
clients and messages, with meetings, surveys and funnel history in proportion, a few clients with
:data:`HEAVY_MESSAGES` messages each, the list's search keys and the full-text index filled in, built once and kept
in the temporary folder (``leaddesk-bigdb-<clients>-<messages>-<schema revision>.sqlite``) so later runs reuse it.
The same arguments always give the same rows (a seeded ``random.Random``).

    PYTHONPATH=. .venv/bin/python benchmarks/bigdb.py 250000 5000000
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_list_search import FIRST, LAST
from benchmarks.bench_search import _text as message_text
from leaddesk.db import message_hours, stages_reached
from leaddesk.db.database import open_database
from leaddesk.db.funnel_stays import FILL_ALL_STAY_DAYS
from leaddesk.db.migrate import head_revision
from leaddesk.db.search import rebuild_index
from leaddesk.db.search_keys import name_key, phone_key
from leaddesk.demo import FUNNEL_STAGES

#: The generated year of activity ends here.
END = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
SPAN_DAYS = 365
SEED = 20261124
STAGES = [str(stage["id"]) for stage in FUNNEL_STAGES]
SALE_STATUSES = ["none"] * 70 + ["pending"] * 16 + ["signed"] * 8 + ["sold"] * 6
SENTIMENTS = ["hot", "warm", "neutral", "cold", "negative", None]
SENTIMENT_WEIGHTS = [8, 25, 25, 12, 5, 25]
MEETING_STATUSES = ["scheduled", "completed", "cancelled", "no_show"]
QUESTIONS = ["How would you rate the visit?", "How clear was the price?", "What would make you decide?"]
BATCH = 50_000
#: The first clients each hold this many messages (a long-running conversation for the profile figure).
HEAVY_MESSAGES = 20_000
HEAVY_CLIENTS = 3
#: Bumped when the generated rows change, so an older cache in the temporary folder is not reused.
GENERATION = 2


def _time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def default_path(clients: int, messages: int) -> Path:
    # Named after the schema revision too: a cache of an older schema would be migrated (and backed up) on open.
    return Path(tempfile.gettempdir()) / f"leaddesk-bigdb-{clients}-{messages}-{head_revision()}-g{GENERATION}.sqlite"


def big_database(clients: int = 250_000, messages: int = 5_000_000, path: Path | None = None) -> Path:
    """The path of the generated cache, built first if it is not there yet."""
    target = path or default_path(clients, messages)
    if target.exists():
        return target
    partial = target.with_suffix(".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    open_database(partial).close()  # the schema, by the real migrations
    connection = sqlite3.connect(partial, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("BEGIN")
        _fill(connection, clients, messages)
        connection.execute("COMMIT")
        rebuild_index(connection.cursor())
        connection.execute("ANALYZE")
    finally:
        connection.close()
    partial.rename(target)
    return target


def _fill(connection: sqlite3.Connection, clients: int, messages: int) -> None:
    rng = random.Random(SEED)
    connection.executemany(
        "INSERT INTO funnel_stages (id, name, position, color, manual) VALUES (?, ?, ?, ?, ?)",
        [(s["id"], s["name"], s["order"], s["color"], s["manual"]) for s in FUNNEL_STAGES],
    )
    heavy = heavy_counts(clients, messages)
    rest = messages - sum(heavy)
    others = clients - len(heavy)
    per_client = rest // others if others else 0
    extra = rest - per_client * others
    start = END - timedelta(days=SPAN_DAYS)
    contact_rows = []
    message_rows: list[tuple[object, ...]] = []
    meeting_rows = []
    survey_rows = []
    answer_rows = []
    funnel_rows = []
    message_number = 0

    def flush(force: bool = False) -> None:
        if message_rows and (force or len(message_rows) >= BATCH):
            connection.executemany(
                "INSERT INTO messages (id, contact_id, direction, author_kind, author_name, sent_at, type, text, "
                "reaction_to, reaction_emoji, status, status_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                message_rows,
            )
            message_rows.clear()

    for number in range(clients):
        contact_id = f"ct_{number:07d}"
        if number < len(heavy):
            count, longest_gap = heavy[number], 600  # a busy conversation: minutes apart
        else:
            count, longest_gap = per_client + (1 if number - len(heavy) < extra else 0), 7_200
        first = start + timedelta(seconds=rng.randrange(SPAN_DAYS * 86_400 - 86_400))
        moment = first
        last = first_sent = None
        for index in range(count):
            if index == 0:
                direction, kind, author = "in", "client", None
            else:
                pick = rng.random()
                if pick < 0.45:
                    direction, kind, author = "in", "client", None
                elif pick < 0.9:
                    direction, kind, author = "out", "bot", "Bot"
                else:
                    direction, kind, author = "out", "agent", "Laura Pérez"
            moment = moment + timedelta(seconds=rng.randrange(20, longest_gap))
            sent_at = _time(min(moment, END))
            last = sent_at
            first_sent = first_sent or sent_at  # the first message is never a reaction here
            message_number += 1
            message_id = f"wamid.big{message_number:09d}"
            if index > 0 and rng.random() < 0.03:  # a reaction to the message before
                message_rows.append(
                    (message_id, contact_id, direction, kind, author, sent_at, "reaction", None,
                     f"wamid.big{message_number - 1:09d}", "👍", "received", 1)
                )  # fmt: skip
            else:
                message_rows.append(
                    (message_id, contact_id, direction, kind, author, sent_at, "text",
                     message_text(rng, direction == "in"), None, None,
                     "received" if direction == "in" else "read", 1 if direction == "in" else 4)
                )  # fmt: skip
        flush()
        # Funnel: a walk up the stages, a change every few days.
        depth = rng.choices(range(len(STAGES)), weights=[24, 25, 15, 10, 10, 9, 7])[0]
        stage_at = first
        previous: str | None = None
        for step in range(depth + 1):
            stage_at = stage_at + timedelta(hours=rng.randrange(1, 24 * 9))
            funnel_rows.append(
                (f"fc_{number:07d}_{step}", contact_id, previous, STAGES[step], "bot" if step < 2 else "agent",
                 None, "Bot" if step < 2 else "Laura Pérez", None, _time(min(stage_at, END)))
            )  # fmt: skip
            previous = STAGES[step]
        stage = STAGES[depth] if rng.random() > 0.01 else None
        if depth >= 2 and rng.random() < 0.8:
            meeting_start = first + timedelta(days=rng.randrange(1, 20))
            status = rng.choices(MEETING_STATUSES, weights=[30, 50, 12, 8])[0]
            meeting_id = f"mt_{number:07d}"
            meeting_rows.append(
                (meeting_id, contact_id, "Visit", _time(meeting_start), _time(meeting_start + timedelta(hours=1)),
                 "Sales office", status, "ag_19", "Laura Pérez", 1)
            )  # fmt: skip
            if status == "completed" and rng.random() < 0.6:
                survey_id = f"sv_{number:07d}"
                survey_rows.append((survey_id, contact_id, meeting_id, _time(meeting_start + timedelta(hours=20))))
                for position, question in enumerate(QUESTIONS):
                    score = None if position == 2 else rng.randint(1, 5)
                    answer_rows.append((survey_id, position, question, str(score or "Parking"), score))
        sentiment = rng.choices(SENTIMENTS, weights=SENTIMENT_WEIGHTS)[0]
        flag = rng.random()
        name = None if number % 50 == 49 else f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        phone = f"+521{5_500_000_000 + number}" if number % 2 else f"+52{3_300_000_000 + number}"
        contact_rows.append(
            (contact_id, phone, name, rng.choice(SALE_STATUSES), stage, sentiment,
             flag < 0.001, 0.001 <= flag < 0.006, 1, _time(first), last, count, first_sent,
             name_key(name), phone_key(phone))
        )  # fmt: skip
        if len(contact_rows) >= 20_000:
            _insert_contacts(connection, contact_rows)
    _insert_contacts(connection, contact_rows)
    flush(force=True)
    connection.executemany("INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", meeting_rows)
    connection.executemany(
        "INSERT INTO surveys (id, contact_id, meeting_id, submitted_at) VALUES (?, ?, ?, ?)", survey_rows
    )
    connection.executemany(
        "INSERT INTO survey_answers (survey_id, position, question, answer, score) VALUES (?, ?, ?, ?, ?)",
        answer_rows,
    )
    connection.executemany(
        "INSERT INTO funnel_changes (id, contact_id, from_stage, to_stage, changed_by_kind, changed_by_id, "
        "changed_by_name, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        funnel_rows,
    )
    connection.execute(FILL_ALL_STAY_DAYS)  # what the applier keeps for each page's contacts
    # The counts Analytics reads (migration 0011), kept by the applier and triggers, filled here at once.
    message_hours.recount_all(connection.cursor())
    stages_reached.fill_all(connection.cursor())


def heavy_counts(clients: int, messages: int) -> list[int]:
    """How many messages each of the first, busiest clients holds (fewer when the database is small)."""
    heavy = min(HEAVY_CLIENTS, clients // 100)
    per_heavy = min(HEAVY_MESSAGES, messages // 10 // max(heavy, 1))
    return [per_heavy] * heavy


def heavy_contact(clients: int, messages: int) -> tuple[str, int]:
    """The id of the busiest client and how many messages it holds."""
    counts = heavy_counts(clients, messages)
    return "ct_0000000", counts[0] if counts else messages // clients


def _insert_contacts(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    # Messages reference contacts; foreign keys are off on this raw connection, so order is free.
    connection.executemany(
        "INSERT INTO contacts (id, phone, name, sale_status, funnel_stage, sentiment, mystery_shopper, contractor, "
        "version, created_at, last_activity, message_count, first_message_at, name_key, phone_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    rows.clear()


def table_sizes(path: Path) -> Iterator[tuple[str, int]]:
    connection = sqlite3.connect(path)
    try:
        for table in ("contacts", "messages", "meetings", "surveys", "survey_answers", "funnel_changes"):
            yield table, int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("clients", type=int, nargs="?", default=250_000)
    parser.add_argument("messages", type=int, nargs="?", default=5_000_000)
    args = parser.parse_args()
    began = time.perf_counter()
    path = big_database(args.clients, args.messages)
    print(f"{path} ready in {time.perf_counter() - began:.1f} s")
    for table, count in table_sizes(path):
        print(f"  {table}: {count:,}")


if __name__ == "__main__":
    main()
