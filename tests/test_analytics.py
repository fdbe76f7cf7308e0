"""The Analytics figures (cli-contract.md, "Analytics") on a cache with known figures."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from leaddesk import edits
from leaddesk.analytics_export import parse_range
from leaddesk.db.analytics import DateRange, compute_figures
from leaddesk.db.database import Database
from tests.support.analytics import (
    EXPECTED_ALL_TIME,
    EXPECTED_NOVEMBER,
    build_known,
    child_env,
    local_tz,
    mystery_shopper_events,
)
from tests.support.events import EventLog, message

__all__ = ["local_tz"]  # the fixture, used by name

NOVEMBER = DateRange(date(2026, 11, 1), date(2026, 11, 30))
ALL_TIME = DateRange()


def figures(database: Database, date_range: DateRange = ALL_TIME) -> dict[str, Any]:
    with database.read() as connection:
        return compute_figures(connection, date_range).to_json()


def without_excluded(result: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in result.items() if key != "excluded"}


def run_cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db_path), "export", "analytics", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=child_env(),
        timeout=60,
    )


def test_every_figure_all_time_and_in_a_range(database: Database, local_tz: str) -> None:
    build_known(database)
    assert figures(database) == EXPECTED_ALL_TIME
    assert figures(database, NOVEMBER) == EXPECTED_NOVEMBER


def test_range_counts_local_days(database: Database, local_tz: str) -> None:
    build_known(database)
    # ct_d wrote at 05:00 UTC on Oct 1: Sep 30 here, so Sep 30 holds it and Oct 1 does not.
    sep_30 = figures(database, DateRange(date(2026, 9, 30), date(2026, 9, 30)))
    assert sep_30["clients"] == 1
    assert sep_30["sale_status"]["sold"] == 1
    assert sep_30["messages_per_day"] == [{"date": "2026-09-30", "in": 1, "out_bot": 0, "out_agent": 0}]
    assert figures(database, DateRange(date(2026, 10, 1), date(2026, 10, 1)))["clients"] == 0
    # Only one end: everything from Nov 11 on (ct_b is the only client who first wrote then; ct_a's
    # agent reply of Nov 11 local counts as a message of that day).
    from_nov_11 = figures(database, DateRange(date(2026, 11, 11), None))
    assert from_nov_11["to"] is None
    assert from_nov_11["clients"] == 1
    assert [d["date"] for d in from_nov_11["messages_per_day"]] == ["2026-11-11", "2026-11-20"]
    assert from_nov_11["meetings"] == {"scheduled": 1, "completed": 1, "cancelled": 0, "no_show": 0}
    until_oct_31 = figures(database, DateRange(None, date(2026, 10, 31)))
    assert until_oct_31["clients"] == 1  # ct_d; ct_c has no message, so no first message in any range
    assert until_oct_31["meetings"] == {"scheduled": 0, "completed": 0, "cancelled": 1, "no_show": 0}
    assert until_oct_31["surveys"] == [{"question": "How was the visit?", "answers": 1, "average_score": 3.0}]


def test_a_mystery_shopper_with_a_whole_history_changes_no_figure(database: Database, local_tz: str) -> None:
    log = build_known(database)
    log.apply(mystery_shopper_events("ct_m", mystery_shopper=True))
    log.apply(mystery_shopper_events("ct_k", contractor=True))
    for date_range, expected in ((DateRange(), EXPECTED_ALL_TIME), (NOVEMBER, EXPECTED_NOVEMBER)):
        result = figures(database, date_range)
        assert without_excluded(result) == without_excluded(expected)
        assert result["excluded"] == {"mystery_shoppers": 1, "contractors": 1}


@pytest.mark.parametrize("flag", ["mystery_shopper", "contractor"])
def test_flagging_a_client_locally_takes_it_out_of_every_figure_and_unflagging_brings_it_back(
    database: Database, local_tz: str, flag: str
) -> None:
    build_known(database)
    edits.set_flags(database, ["ct_b"], **{flag: True})  # queued for the relay; no sync
    result = figures(database)
    excluded_key = "mystery_shoppers" if flag == "mystery_shopper" else "contractors"
    assert result["excluded"][excluded_key] == 1
    assert result["clients"] == 3
    funnel = {s["stage"]: s for s in result["funnel"]}
    assert funnel["new"]["reached"] == 1 and funnel["new"]["avg_days_in_stage"] == 2.0
    assert funnel["interested"] == {**funnel["interested"], "clients": 1, "reached": 1, "conversion": 0.0}
    assert funnel["interested"]["avg_days_in_stage"] is None
    assert funnel["visit_scheduled"]["clients"] == 0 and funnel["visit_scheduled"]["reached"] == 0
    assert result["sale_status"]["signed"] == 0
    assert result["sentiment"]["hot"] == 0
    assert [d["date"] for d in result["new_clients_per_day"]] == ["2026-09-30", "2026-11-10"]
    assert [d["date"] for d in result["messages_per_day"]] == ["2026-09-30", "2026-11-10", "2026-11-11"]
    assert result["meetings"]["completed"] == 0
    assert result["surveys"] == [{"question": "How was the visit?", "answers": 1, "average_score": 3.0}]

    edits.set_flags(database, ["ct_b"], **{flag: False})
    assert figures(database) == EXPECTED_ALL_TIME


def test_a_flagged_client_with_messages_on_shared_days_is_subtracted_exactly(database: Database, local_tz: str) -> None:
    log = build_known(database)
    log.apply(mystery_shopper_events("ct_m", mystery_shopper=True))
    # The shopper also writes on a day the counted clients wrote on, and reacts (never counted).
    log.apply([message("ct_m", "2026-11-10T16:00:00Z"), message("ct_m", "2026-11-20T14:00:00Z")])
    assert without_excluded(figures(database)) == without_excluded(EXPECTED_ALL_TIME)


def test_an_empty_cache_has_zero_figures(database: Database) -> None:
    result = figures(database)
    assert result == {
        "from": None,
        "to": None,
        "clients": 0,
        "excluded": {"mystery_shoppers": 0, "contractors": 0},
        "funnel": [],
        "no_stage": 0,
        "sale_status": {"none": 0, "pending": 0, "signed": 0, "sold": 0},
        "sentiment": {"hot": 0, "warm": 0, "neutral": 0, "cold": 0, "negative": 0, "none": 0},
        "new_clients_per_day": [],
        "messages_per_day": [],
        "meetings": {"scheduled": 0, "completed": 0, "cancelled": 0, "no_show": 0},
        "surveys": [],
    }


def test_export_analytics_json_and_csv_from_a_real_process(database: Database, db_path: Path, local_tz: str) -> None:
    build_known(database)
    database.close()
    done = run_cli(db_path, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == EXPECTED_ALL_TIME
    done = run_cli(db_path, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == EXPECTED_NOVEMBER

    out = db_path.parent / "figures.csv"
    done = run_cli(db_path, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--out", str(out))
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["section", "key", "value"]
    table = {(section, key): value for section, key, value in rows[1:]}
    assert len(table) == len(rows) - 1  # each (section, key) once
    assert table[("range", "from")] == "2026-11-01"
    assert table[("clients", "clients")] == "2"
    assert table[("excluded", "mystery_shoppers")] == "0"
    assert table[("funnel.reached", "interested")] == "2"
    assert table[("funnel.conversion", "interested")] == "0.5"
    assert table[("funnel.avg_days_in_stage", "visit_scheduled")] == ""
    assert table[("funnel.color", "new")] == "#8E9AAF"
    assert table[("sale_status", "signed")] == "1"
    assert table[("sentiment", "none")] == "0"
    assert table[("new_clients_per_day", "2026-11-20")] == "1"
    assert table[("messages_per_day.out_agent", "2026-11-11")] == "1"
    assert table[("meetings", "completed")] == "1"
    assert table[("surveys.answers", "How was the visit?")] == "1"
    assert table[("surveys.average_score", "How was the visit?")] == "5.0"
    assert table[("surveys.average_score", "Anything else?")] == ""


@pytest.mark.parametrize(
    "args",
    [
        ("--from", "2026-13-01"),
        ("--to", "yesterday"),
        ("--from", "2026-11-30", "--to", "2026-11-01"),
        ("--from", "2026-1-5"),
    ],
)
def test_export_analytics_refuses_a_bad_date_with_exit_2(db_path: Path, args: tuple[str, ...]) -> None:
    done = run_cli(db_path, *args, "--format", "json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "--" in done.stderr


def test_parse_range_reads_both_ends() -> None:
    assert parse_range("2026-11-01", None) == DateRange(date(2026, 11, 1), None)
    with pytest.raises(ValueError, match="after"):
        parse_range("2026-11-02", "2026-11-01")


def test_first_message_follows_late_older_messages_and_skips_reactions(database: Database, local_tz: str) -> None:
    log = EventLog(database)
    log.apply([message("ct_x", "2026-11-20T12:00:00Z", message_id="wamid.x1")])
    log.apply(
        [
            message(
                "ct_x",
                "2026-11-18T12:00:00Z",
                type="reaction",
                text=None,
                reaction={"message_id": "wamid.x1", "emoji": "👍"},
            ),
            message("ct_x", "2026-11-19T12:00:00Z"),  # older, arriving later
            message(
                "ct_y",
                "2026-11-18T12:00:00Z",
                type="reaction",
                text=None,
                reaction={"message_id": "wamid.x1", "emoji": "👍"},
            ),
        ]
    )
    result = figures(database)
    assert result["new_clients_per_day"] == [{"date": "2026-11-19", "clients": 1}]  # ct_y only reacted
    assert figures(database, DateRange(date(2026, 11, 19), date(2026, 11, 19)))["clients"] == 1


def test_migration_0007_fills_first_message_of_a_cache_made_before_it(db_path: Path) -> None:

    from leaddesk.db.database import open_database
    from tests.support.sync import migrate, sqlite

    migrate(db_path, "0003")
    with sqlite(db_path) as connection:
        connection.execute("INSERT INTO contacts (id, version) VALUES ('ct_1', 1), ('ct_2', 1)")
        connection.executemany(
            "INSERT INTO messages (id, contact_id, direction, author_kind, sent_at, type, status, status_rank) "
            "VALUES (?, ?, 'in', 'client', ?, ?, 'received', 1)",
            [
                ("m1", "ct_1", "2026-11-20T10:00:00Z", "reaction"),
                ("m2", "ct_1", "2026-11-21T10:00:00Z", "text"),
                ("m3", "ct_1", "2026-11-22T10:00:00Z", "text"),
                ("m4", "ct_2", "2026-11-20T10:00:00Z", "reaction"),
            ],
        )
    database = open_database(db_path)
    database.close()
    with sqlite(db_path) as connection:
        firsts = dict(connection.execute("SELECT id, first_message_at FROM contacts").fetchall())
    assert firsts == {"ct_1": "2026-11-21T10:00:00Z", "ct_2": None}
