"""The list's search (cli-contract.md, "The list's search"): in the window, the model and ``export clients``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from leaddesk import edits
from leaddesk.db.database import Database, open_database
from leaddesk.db.queries import ClientQuery, client_rowids, head_rowids
from leaddesk.domain import fold_text
from leaddesk.views.main_window import MainWindow
from tests.support.events import EventLog, account_updated, at, contact, message
from tests.support.list_scan import scanned
from tests.support.sync import migrate

PEOPLE = {
    "ct_jose": ("José Jiménez", "+5213334924018"),
    "ct_maria": ("MARÍA JIMÉNEZ-LÓPEZ", "+523312345678"),
    "ct_raul": ("Raúl Núñez", "+34612345678"),
    "ct_nameless": (None, "+14155552671"),
    "ct_ximena": ("Ximena Ortiz", "+525511112222"),
}


@pytest.fixture
def people(database: Database) -> Database:
    events = [account_updated()]
    for i, (contact_id, (name, phone)) in enumerate(PEOPLE.items()):
        events.append(contact(contact_id, name=name, phone=phone))
        events.append(message(contact_id, at(-10 * (i + 1))))
    EventLog(database).apply(events)
    return database


def found(database: Database, search: str) -> set[str]:
    """Who the search finds; the list's first read (through the term index, migration 0010) agrees."""
    with database.read() as connection:
        rowids = client_rowids(connection, ClientQuery(search=search))
        assert head_rowids(connection, ClientQuery(search=search), 100) == (rowids, True)
        assert rowids == scanned(connection, ClientQuery(search=search))
        ids = connection.execute(text("SELECT rowid, id FROM contacts")).all()
    by_rowid = {rowid: contact_id for rowid, contact_id in ids}
    return {by_rowid[rowid] for rowid in rowids}


def test_fold_text_drops_case_and_accents() -> None:
    assert fold_text("JIMÉNEZ") == fold_text("jiménez") == "jimenez"
    assert fold_text("Raúl Núñez") == "raul nunez"


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("jimenez", {"ct_jose", "ct_maria"}),
        ("JIMÉNEZ", {"ct_jose", "ct_maria"}),
        ("raul", {"ct_raul"}),
        ("RAÚL nú", {"ct_raul"}),
        ("jose jim", {"ct_jose"}),
        ("lopez", {"ct_maria"}),  # "Jiménez-López": each part is a word
        ("imenez", set()),  # words must start with what is typed
        ("mena", set()),  # not inside "Ximena"
        ("Unknown", {"ct_nameless"}),
        ("unkn", {"ct_nameless"}),
    ],
)
def test_names_are_found_by_word_prefixes_whatever_the_case_and_accents(
    people: Database, search: str, expected: set[str]
) -> None:
    assert found(people, search) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "+52 1 33 3492 4018",
        "+52 33 3492 4018",
        "0052 33 3492 4018",
        "0052 1 33 3492 4018",
        "33 3492 4018",
        "(33) 3492-4018",
        "33.3492.4018",
        "+5213334924018",
        "523334924018",
    ],
)
def test_a_mexican_mobile_is_found_in_any_common_notation(people: Database, typed: str) -> None:
    assert found(people, typed) == {"ct_jose"}


def test_a_run_of_four_digits_finds_the_numbers_that_contain_it(people: Database) -> None:
    assert found(people, "4924") == {"ct_jose"}
    assert found(people, "1234") == {"ct_maria", "ct_raul"}  # +523312345678, +34612345678
    assert found(people, "612 345 678") == {"ct_raul"}  # a Spanish national number
    assert found(people, "+1 (415) 555-2671") == {"ct_nameless"}
    assert found(people, "492") == set()  # three digits are no number


def test_a_renamed_client_is_found_by_the_new_name_at_once(people: Database) -> None:
    edits.set_name(people, ["ct_ximena"], "Ángela Ruíz")
    assert found(people, "angela") == {"ct_ximena"}
    assert found(people, "ximena") == set()


def test_migration_0005_builds_the_keys_of_existing_clients(tmp_path: Path) -> None:

    path = tmp_path / "old.sqlite"
    migrate(path, "0003")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO contacts (id, phone, name, version) VALUES ('ct_1', '+5213334924018', 'José Jiménez', 3)"
        )
        connection.execute("INSERT INTO contacts (id, phone, version) VALUES ('ct_2', '+34612345678', 1)")
    connection.close()
    database = open_database(path)
    try:
        assert found(database, "jimenez") == {"ct_1"}
        assert found(database, "0052 33 3492 4018") == {"ct_1"}
        assert found(database, "unknown") == {"ct_2"}
    finally:
        database.close()


def test_typing_in_the_search_box_is_accent_blind(qtbot: QtBot, people: Database, tmp_path: Path) -> None:
    window = MainWindow(people, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search, "jimenez")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
    names = {window.model.index(row, 0).data() for row in range(2)}
    assert names == {"José Jiménez", "MARÍA JIMÉNEZ-LÓPEZ"}
    window.search.clear()
    qtbot.keyClicks(window.search, "+52 1 33 3492 4018")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=3000)
    assert window.model.index(0, 0).data() == "José Jiménez"


# --- export clients: the list's filters, as a real process --------------------------------------


def leaddesk(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEADDESK_")}
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", *args], capture_output=True, env=env, timeout=120, check=False
    )


@pytest.fixture
def filtered_db(database: Database, db_path: Path) -> Path:
    EventLog(database).apply(
        [
            account_updated(),
            contact("ct_jose", name="José Jiménez", phone="+5213334924018", sale_status="pending", sentiment="warm"),
            contact("ct_maria", name="María Jiménez", phone="+523312345678", sale_status="sold", sentiment="hot"),
            contact("ct_raul", name="Raúl Núñez", phone="+34612345678", sale_status="pending", unread=2),
            contact("ct_ms", name="Mario Jiménez", phone="+525500000000", mystery_shopper=True, bot_status="agent"),
            contact("ct_co", name="Constructora", phone="+525511111111", contractor=True, funnel_stage="closed"),
            message("ct_jose", at(-50)),
            message("ct_maria", at(-40)),
            message("ct_raul", at(-30)),
            message("ct_ms", at(-20)),
            message("ct_co", at(-10)),
        ]
    )
    return db_path


def exported(db: Path, *args: str) -> list[str]:
    done = leaddesk("--db", str(db), "export", "clients", "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    return [item["id"] for item in json.loads(done.stdout)]


def test_export_clients_takes_the_lists_filters_and_search(filtered_db: Path) -> None:
    assert exported(filtered_db) == ["ct_co", "ct_ms", "ct_raul", "ct_maria", "ct_jose"]
    assert exported(filtered_db, "--search", "jimenez") == ["ct_ms", "ct_maria", "ct_jose"]
    assert exported(filtered_db, "--search", "JIMÉNEZ", "--mystery-shopper", "no") == ["ct_maria", "ct_jose"]
    assert exported(filtered_db, "--sale-status", "pending", "--sale-status", "sold") == [
        "ct_raul",
        "ct_maria",
        "ct_jose",
    ]
    assert exported(filtered_db, "--sentiment", "hot", "--sentiment", "warm") == ["ct_maria", "ct_jose"]
    assert exported(filtered_db, "--sentiment", "none", "--contractor", "no", "--mystery-shopper", "no") == ["ct_raul"]
    assert exported(filtered_db, "--unread") == ["ct_raul"]
    assert exported(filtered_db, "--contractor", "yes") == ["ct_co"]
    assert exported(filtered_db, "--stage", "closed") == ["ct_co"]
    assert exported(filtered_db, "--bot-status", "agent", "--search", "+52 55 0000 0000") == ["ct_ms"]
    assert exported(filtered_db, "--search", "0052 1 33 3492 4018") == ["ct_jose"]
    # CSV keeps the same rows.
    done = leaddesk("--db", str(filtered_db), "export", "clients", "--format", "csv", "--search", "raul")
    assert done.returncode == 0
    assert [line.split(",")[0] for line in done.stdout.decode().splitlines()[1:]] == ["ct_raul"]


def test_export_clients_gets_what_the_window_shows(qtbot: QtBot, filtered_db: Path, tmp_path: Path) -> None:
    database = open_database(filtered_db)
    try:
        window = MainWindow(database, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.filters.sale.set_chosen(["pending", "sold"])
        window.search.setText("jim")
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=3000)
        shown = [window.model.contact_id(row) for row in range(window.model.rowCount())]
    finally:
        database.close()
    assert exported(filtered_db, "--search", "jim", "--sale-status", "pending", "--sale-status", "sold") == shown


@pytest.mark.parametrize(
    "args",
    [
        ("--sale-status", "maybe"),
        ("--bot-status", "asleep"),
        ("--sentiment", "lukewarm"),
        ("--mystery-shopper", "perhaps"),
        ("--contractor",),
        ("--search",),
    ],
)
def test_export_clients_refuses_bad_filter_values_with_exit_2(filtered_db: Path, args: tuple[str, ...]) -> None:
    done = leaddesk("--db", str(filtered_db), "export", "clients", "--format", "json", *args)
    assert done.returncode == 2
    assert b"usage:" in done.stderr
    assert done.stdout == b""


def test_migration_0005_goes_back_to_0003_keeping_the_clients(tmp_path: Path) -> None:

    path = tmp_path / "cache.sqlite"
    database = open_database(path)
    EventLog(database).apply([contact("ct_1", name="José Jiménez", phone="+5213334924018"), message("ct_1", at(-1))])
    database.close()
    migrate(path, "0003", down=True)
    connection = sqlite3.connect(path)
    try:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(contacts)")]
        assert "name_key" not in columns and "phone_key" not in columns
        assert connection.execute("SELECT name, message_count FROM contacts").fetchall() == [("José Jiménez", 1)]
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()
    reopened = open_database(path)  # and up again: the keys are rebuilt
    try:
        assert found(reopened, "jimenez") == {"ct_1"}
    finally:
        reopened.close()
