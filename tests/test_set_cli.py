"""``leaddesk set`` as a real process: exit codes and the edit it queues."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from leaddesk.db.database import open_database
from tests.support.profile import seed_rich_contact


@pytest.fixture
def seeded(db_path: Path) -> Path:
    database = open_database(db_path)
    seed_rich_contact(database)
    database.close()
    return db_path


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db), "set", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _state(db: Path) -> tuple[dict[str, object], list[dict[str, object]]]:
    database = open_database(db)
    try:
        with database.read() as connection:
            contact = dict(connection.execute(text("SELECT * FROM contacts WHERE id='ct_8812'")).mappings().one())
            outbox = [dict(r) for r in connection.execute(text("SELECT * FROM outbox ORDER BY id")).mappings()]
    finally:
        database.close()
    return contact, outbox


def test_set_by_phone_in_local_notation_queues_every_edit(seeded: Path) -> None:
    done = _run(
        seeded,
        "55 1234 5678",
        "--sale-status",
        "signed",
        "--stage",
        "interested",
        "--note",
        "ok",
        "--bot-status",
        "paused",
        "--until",
        "2099-05-01T09:00:00-06:00",
        "--contractor",
        "yes",
        "--name",
        "Ana M.",
    )
    assert done.returncode == 0, done.stderr
    assert "queued for ct_8812: sale status signed" in done.stdout
    contact, outbox = _state(seeded)
    assert contact["sale_status"] == "signed"
    assert contact["funnel_stage"] == "interested"
    assert contact["bot_paused_until"] == "2099-05-01T15:00:00Z"
    assert contact["contractor"] == 1
    assert contact["name"] == "Ana M."
    assert [r["type"] for r in outbox] == [
        "set_sale_status",
        "set_funnel_stage",
        "set_bot_status",
        "set_flags",
        "set_name",
    ]
    assert json.loads(str(outbox[1]["data"])) == {"stage": "interested", "note": "ok"}


@pytest.mark.parametrize("contact", ["ct_8812", "+52 1 55 1234 5678", "+5215512345678", "0052 1 55 1234 5678"])
def test_contact_by_id_or_phone(seeded: Path, contact: str) -> None:
    assert _run(seeded, contact, "--mystery-shopper", "yes").returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--bot-status", "agent", "--until", "2099-01-01T00:00:00Z"],
        ["--bot-status", "paused", "--until", "next tuesday"],
        ["--stage", "nowhere"],
        ["--stage", "visit_completed"],
        ["--note", "no stage"],
        ["--sale-status", "maybe"],
        [],
        ["--name", ""],
    ],
)
def test_bad_values_exit_2_and_queue_nothing(seeded: Path, args: list[str]) -> None:
    done = (
        _run(seeded, "ct_8812", "--sale-status", "sold", *args)
        if args and args[0] == "--stage"
        else _run(seeded, "ct_8812", *args)
    )
    assert done.returncode == 2, done.stdout + done.stderr
    _, outbox = _state(seeded)
    assert outbox == []


def test_no_such_contact_exits_6(seeded: Path) -> None:
    done = _run(seeded, "+34 600 000 000", "--sale-status", "sold")
    assert done.returncode == 6
    assert "no such contact" in done.stderr


def test_set_command_does_not_load_qt() -> None:
    # The edit path is importable without Qt: the CLI must not pull in widgets.
    done = subprocess.run(
        [sys.executable, "-c", "import leaddesk.set_command, sys; print('PySide6' in ' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "False"
