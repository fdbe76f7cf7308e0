"""``leaddesk export`` run as a real process, its output checked against the CLI contract."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from leaddesk import __version__
from leaddesk.db.database import open_database
from leaddesk.demo import ensure_demo_database

CLIENT_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "phone": (str, type(None)),
    "name": (str, type(None)),
    "last_activity": (str, type(None)),
    "bot_status": (str,),
    "bot_paused_until": (str, type(None)),
    "unread": (int,),
    "sale_status": (str,),
    "funnel_stage": (str, type(None)),
    "sentiment": (str, type(None)),
    "mystery_shopper": (bool,),
    "contractor": (bool,),
    "version": (int, type(None)),
    "message_count": (int,),
    "pending_edits": (int,),
}


def leaddesk(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = os.environ.copy()
    # The demo follows the clock to the hour; pin it so two runs either side of an hour agree.
    env["LEADDESK_DEMO_NOW"] = "2026-11-24T15:00:00Z"
    if home is not None:
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[variable] = str(home / variable.lower())
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", *args], capture_output=True, env=env, timeout=120, check=False
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    ensure_demo_database(path).close()
    return path


def check_client(item: dict[str, Any]) -> None:
    assert list(item) == list(CLIENT_TYPES)
    for key, types in CLIENT_TYPES.items():
        assert isinstance(item[key], types), (key, item[key])
        if bool not in types:
            assert not isinstance(item[key], bool), key


@pytest.mark.slow  # two fresh demo databases, each made by a separate process (~5 s)
def test_demo_export_clients_json_has_the_contract_shape_newest_first_and_is_deterministic(tmp_path: Path) -> None:
    first = leaddesk("--demo", "export", "clients", "--format", "json", home=tmp_path / "a")
    assert first.returncode == 0, first.stderr
    clients = json.loads(first.stdout.decode("utf-8"))
    assert 280 <= len(clients) <= 320
    for item in clients:
        check_client(item)
    times = [c["last_activity"] for c in clients if c["last_activity"] is not None]
    assert times == sorted(times, reverse=True)
    assert len({c["id"] for c in clients}) == len(clients)
    # A second, fresh demo database exports the very same bytes.
    second = leaddesk("export", "clients", "--format", "json", "--demo", home=tmp_path / "b")
    assert second.returncode == 0, second.stderr
    assert second.stdout == first.stdout
    # The real database was not touched by --demo.
    assert not (tmp_path / "a" / "xdg_data_home" / "LeadDesk" / "leaddesk.sqlite").exists()


def test_json_is_exactly_what_json_dump_writes(demo_db: Path) -> None:
    done = leaddesk("--db", str(demo_db), "export", "clients", "--format", "json")
    assert done.returncode == 0
    parsed = json.loads(done.stdout)
    assert done.stdout.decode("utf-8") == json.dumps(parsed, ensure_ascii=False, indent=2) + "\n"
    assert "é" in done.stdout.decode("utf-8")  # UTF-8, not \\u escapes


def test_csv_has_the_same_columns_and_rows_as_json(demo_db: Path, tmp_path: Path) -> None:
    as_json = json.loads(leaddesk("--db", str(demo_db), "export", "clients", "--format", "json").stdout)
    done = leaddesk("--db", str(demo_db), "export", "clients", "--format", "csv")
    assert done.returncode == 0
    assert not done.stdout.startswith(b"\xef\xbb\xbf")  # no BOM on standard output
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode("utf-8"), newline="")))
    assert list(rows[0]) == list(CLIENT_TYPES)
    assert [r["id"] for r in rows] == [c["id"] for c in as_json]
    assert {r["mystery_shopper"] for r in rows} == {"true", "false"}

    out = tmp_path / "clients.csv"
    written = leaddesk("--db", str(demo_db), "export", "clients", "--format", "csv", "--out", str(out))
    assert written.returncode == 0 and written.stdout == b""
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with a BOM
    assert out.read_bytes()[3:] == done.stdout


def test_pending_edits_counts_queued_edits_of_listed_fields_as_the_list_does(tmp_path: Path) -> None:
    # One meaning of "pending edits" (db/outbox.py PENDING_EDIT_COMMANDS): the list's waiting clock and
    # the export agree; an applied edit, a queued reviewed mark or a queued reply is not one.
    path = tmp_path / "cache.sqlite"
    database = open_database(path)
    with database.write() as connection:
        connection.execute(text("INSERT INTO contacts (id, phone, version) VALUES ('ct_1', '+34612345678', 1)"))
        for key, kind, state in (
            ("k1", "set_sale_status", "queued"),
            ("k2", "set_name", "queued"),
            ("k3", "set_sale_status", "applied"),
            ("k4", "mark_reviewed", "queued"),
            ("k5", "send_message", "queued"),
        ):
            connection.execute(
                text(
                    "INSERT INTO outbox (idempotency_key, contact_id, type, data, state, created_at) "
                    "VALUES (:k, 'ct_1', :t, '{}', :s, '2026-11-24T15:00:00Z')"
                ),
                {"k": key, "t": kind, "s": state},
            )
    database.close()
    done = leaddesk("--db", str(path), "export", "clients", "--format", "json")
    assert json.loads(done.stdout)[0]["pending_edits"] == 2


def test_empty_database_exports_an_empty_array(tmp_path: Path) -> None:
    done = leaddesk("--db", str(tmp_path / "empty.sqlite"), "export", "clients", "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout) == []


def _contact_with_everything(demo_db: Path) -> dict[str, Any]:
    database = open_database(demo_db)
    try:
        with database.read() as connection:
            found = connection.execute(
                text(
                    "SELECT c.id, c.phone FROM contacts AS c WHERE c.phone LIKE '+52%' AND EXISTS "
                    "(SELECT 1 FROM surveys s WHERE s.contact_id = c.id) ORDER BY c.id LIMIT 1"
                )
            ).one()
    finally:
        database.close()
    return {"id": found.id, "phone": found.phone}


def test_export_history_by_national_phone_has_the_contract_shape(demo_db: Path) -> None:
    wanted = _contact_with_everything(demo_db)
    national = wanted["phone"][3:5] + " " + wanted["phone"][5:9] + " " + wanted["phone"][9:]  # e.g. 55 1234 5678
    done = leaddesk("--db", str(demo_db), "export", "history", national, "--format", "json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert list(record) == ["contact", "messages", "meetings", "surveys", "funnel_history", "config", "conflicts"]
    check_client(record["contact"])
    assert record["contact"]["id"] == wanted["id"]
    assert record["contact"]["message_count"] >= len(record["messages"])
    for key in ("messages", "meetings", "surveys", "funnel_history"):
        assert record[key], key
    message = record["messages"][0]
    for key in ("id", "direction", "author", "sent_at", "type", "text", "status", "transcript", "card", "reactions"):
        assert key in message
    assert all(m["type"] != "reaction" for m in record["messages"])
    assert [m["sent_at"] for m in record["messages"]] == sorted(m["sent_at"] for m in record["messages"])
    assert [f["at"] for f in record["funnel_history"]] == sorted(f["at"] for f in record["funnel_history"])
    assert set(record["meetings"][0]) == {"id", "title", "starts_at", "ends_at", "location", "status", "agent"}
    assert set(record["surveys"][0]) == {"id", "meeting_id", "submitted_at", "answers"}
    assert set(record["funnel_history"][0]) == {"from_stage", "to_stage", "changed_by", "note", "at"}
    assert isinstance(record["config"], dict)
    # The same contact by id and by E.164.
    by_id = leaddesk("--db", str(demo_db), "export", "history", wanted["id"], "--format", "json")
    by_e164 = leaddesk("--db", str(demo_db), "export", "history", wanted["phone"], "--format", "json")
    assert by_id.stdout == done.stdout == by_e164.stdout


def test_history_folds_reactions_latest_wins_and_empty_takes_back(tmp_path: Path) -> None:
    from leaddesk.sync.apply import apply_events

    path = tmp_path / "cache.sqlite"
    database = open_database(path)

    def msg(mid: str, at: str, direction: str = "in", **extra: Any) -> dict[str, Any]:
        body = {
            "id": mid,
            "contact_id": "ct_1",
            "direction": direction,
            "from": "34612345678",
            "author": {"kind": "client" if direction == "in" else "agent", "name": "X"},
            "sent_at": at,
            "type": "text",
            "text": "<b>hola</b>",
            "status": "received" if direction == "in" else "sent",
        }
        body.update(extra)
        return {"seq": 1, "id": mid, "type": "message.upserted", "at": at, "data": {"message": body}}

    def react(mid: str, at: str, target: str, emoji: str, direction: str = "in") -> dict[str, Any]:
        return msg(mid, at, direction, type="reaction", text=None, reaction={"message_id": target, "emoji": emoji})

    with database.write() as connection:
        apply_events(
            connection,
            [
                msg("m1", "2026-11-24T10:00:00Z"),
                msg("m2", "2026-11-24T10:01:00Z", "out"),
                react("r1", "2026-11-24T10:02:00Z", "m2", "👍"),
                react("r2", "2026-11-24T10:03:00Z", "m2", "❤️"),  # replaces 👍
                react("r3", "2026-11-24T10:04:00Z", "m1", "😂", "out"),
                react("r4", "2026-11-24T10:05:00Z", "m1", "", "out"),  # taken back
                react("r5", "2026-11-24T10:06:00Z", "m1", "🙏"),
            ],
        )
    database.close()
    done = leaddesk("--db", str(path), "export", "history", "+34 612 34 56 78", "--format", "json")
    assert done.returncode == 0, done.stderr
    messages = json.loads(done.stdout)["messages"]
    assert [m["id"] for m in messages] == ["m1", "m2"]
    assert messages[0]["reactions"] == [{"emoji": "🙏", "direction": "in"}]
    assert messages[1]["reactions"] == [{"emoji": "❤️", "direction": "in"}]

    page = leaddesk("--db", str(path), "export", "history", "ct_1", "--format", "html")
    assert page.returncode == 0
    assert b"&lt;b&gt;hola&lt;/b&gt;" in page.stdout and b"<b>hola</b>" not in page.stdout


def test_unknown_contact_exits_6(demo_db: Path) -> None:
    for who in ("ct_nobody", "+34 600 00 00 00", "not a phone"):
        done = leaddesk("--db", str(demo_db), "export", "history", who, "--format", "json")
        assert done.returncode == 6, who
        assert b"no such contact" in done.stderr
        assert done.stdout == b""


@pytest.mark.parametrize(
    "args",
    [
        ("export", "clients", "--format", "xml"),
        ("export", "clients"),
        ("export", "history", "ct_1", "--format", "csv"),
        ("export", "everything", "--format", "json"),
    ],
)
def test_bad_arguments_exit_2(args: tuple[str, ...], tmp_path: Path) -> None:
    done = leaddesk("--db", str(tmp_path / "x.sqlite"), *args)
    assert done.returncode == 2
    assert b"usage:" in done.stderr


def test_version_prints_the_version() -> None:
    done = leaddesk("--version")
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"LeadDesk {__version__}"
