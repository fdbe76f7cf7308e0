"""A ``message.upserted`` of a known type whose data does not fit is a bad event: skipped, counted,
logged without personal data, never stored, so the list's message count is the history's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from leaddesk.db.database import open_database
from leaddesk.db.state import BAD_EVENTS, get_state
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message

TOKEN = "bad-messages"
PHONE = "+5215512340000"


def leaddesk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ, LEADDESK_RELAY_TOKEN=TOKEN),
        timeout=120,
        check=False,
    )


def test_malformed_reaction_is_skipped_counted_and_not_in_the_message_count(db_path: Path) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        sim.add_contact(make_contact("ct_ana", PHONE, name="Ana Secreta"))
        texts = [
            ("wamid.1", "in", "Hola, quiero informes"),
            ("wamid.2", "out", "Con gusto"),
            ("wamid.3", "in", "Gracias"),
        ]
        for number, (message_id, direction, body) in enumerate(texts):
            sim.add_message(
                make_message(
                    message_id,
                    "ct_ana",
                    direction=direction,
                    text=body,
                    phone=PHONE,
                    sent_at=f"2026-11-24T15:0{number}:00Z",
                )
            )
        # A reaction without its reaction object, one that names no message, a location without coordinates.
        for message_id, fields in (
            ("wamid.r1", {"type": "reaction", "text": None}),
            ("wamid.r2", {"type": "reaction", "text": None, "reaction": {"emoji": "👍"}}),
            ("wamid.l1", {"type": "location", "text": None, "location": {"name": "Casa de Ana Secreta"}}),
        ):
            sim.add_message(make_message(message_id, "ct_ana", phone=PHONE, sent_at="2026-11-24T15:09:00Z", **fields))

        synced = leaddesk(db_path, "--relay", sim.url, "sync", "--once")
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.startswith("synced: 4 events applied")
    warnings = [line for line in synced.stderr.splitlines() if "skipped a bad message.upserted" in line]
    assert len(warnings) == 3, synced.stderr
    for private in ("Ana Secreta", "5512340000", "ct_ana", "wamid.r1", "Hola"):
        assert private not in synced.stderr

    database = open_database(db_path)
    try:
        with database.read() as connection:
            assert get_state(connection, BAD_EVENTS) == "3"
            stored = connection.exec_driver_sql("SELECT id FROM messages ORDER BY id").scalars().all()
    finally:
        database.close()
    assert stored == ["wamid.1", "wamid.2", "wamid.3"]

    listed = leaddesk(db_path, "export", "clients", "--format", "json")
    history = leaddesk(db_path, "export", "history", "ct_ana", "--format", "json")
    assert listed.returncode == history.returncode == 0, listed.stderr + history.stderr
    [client] = json.loads(listed.stdout)
    shown = json.loads(history.stdout)["messages"]
    assert client["message_count"] == len(shown) == 3
