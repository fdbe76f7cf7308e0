"""``leaddesk search`` as a real process: the JSON shape, limits, exit codes, odd queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from leaddesk.db.database import open_database
from tests.support.events import EventLog, at, contact, contact_state, message

#: Brackets of the message's own are plain text in a snippet, like everything else in it.
BRACKETS = "Su [cita] es el sábado"


def search_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db), "search", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, TZ="UTC"),
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search-cli") / "cache.sqlite"
    database = open_database(path)
    log = EventLog(database)
    log.apply(
        [contact("ct_ana", name="Ana López"), contact("ct_beto", name=None)]
        + [message("ct_ana", at(n), message_id=f"m_{n:02d}", text=f"Oferta número {n} en Torre B") for n in range(60)]
        + [
            message(
                "ct_beto", at(100), message_id="m_beto", direction="out", status="sent", text="Su [cita] es el sábado"
            )
        ]
    )
    database.close()
    return path


def test_json_hits_newest_first_in_the_contract_shape(cache: Path) -> None:
    done = search_cli(cache, "torre", "--limit", "2", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        {
            "contact_id": "ct_ana",
            "name": "Ana López",
            "message_id": "m_59",
            "sent_at": at(59),
            "direction": "in",
            "snippet": "Oferta número 59 en [Torre] B",
        },
        {
            "contact_id": "ct_ana",
            "name": "Ana López",
            "message_id": "m_58",
            "sent_at": at(58),
            "direction": "in",
            "snippet": "Oferta número 58 en [Torre] B",
        },
    ]


def test_at_most_50_hits_by_default(cache: Path) -> None:
    done = search_cli(cache, "OFERTA", "--format", "json")
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert len(hits) == 50
    assert [hit["message_id"] for hit in hits] == [f"m_{n:02d}" for n in range(59, 9, -1)]


def test_text_lines_say_when_who_and_the_snippet(cache: Path) -> None:
    done = search_cli(cache, "sabado", "--format", "text")
    assert done.returncode == 0, done.stderr
    phone = contact_state("ct_beto")["phone"]  # a client without a name is shown by its number
    assert done.stdout == f"2026-11-24 16:40  {phone} (ct_beto)  out  Su [cita] es el [sábado]\n"


def test_nothing_found_is_exit_0_with_an_empty_array(cache: Path) -> None:
    done = search_cli(cache, "helicóptero", "--format", "json")
    assert (done.returncode, json.loads(done.stdout), done.stderr) == (0, [], "")
    done = search_cli(cache, "helicóptero", "--format", "text")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


@pytest.mark.parametrize("query", ['"', "*", "NEAR(", "'; DROP TABLE messages; --", "(", "AND", ""])
def test_odd_queries_exit_0(cache: Path, query: str) -> None:
    done = search_cli(cache, query, "--format", "json")
    assert (done.returncode, json.loads(done.stdout), done.stderr) == (0, [], "")


def test_stray_operators_around_words_still_find_them(cache: Path) -> None:
    done = search_cli(cache, '"torre* (oferta -59', "--format", "json")
    assert done.returncode == 0, done.stderr
    assert [hit["message_id"] for hit in json.loads(done.stdout)] == ["m_59"]


def test_a_lone_dash_is_a_query_not_an_option(cache: Path) -> None:
    done = search_cli(cache, "-", "--format", "json")
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


@pytest.mark.parametrize(
    "args",
    [
        ("torre", "--limit", "0", "--format", "json"),
        ("torre", "--limit", "many", "--format", "json"),
        ("torre", "--format", "csv"),
        ("torre",),
        ("--format", "json"),
    ],
)
def test_bad_arguments_exit_2(cache: Path, args: tuple[str, ...]) -> None:
    done = search_cli(cache, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr
