"""Searching every message (``cli-contract.md``, "Search"): what matches, the index kept in step, odd queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddesk import edits
from leaddesk.db.database import Database, open_database
from leaddesk.db.dbapi import dbapi_connection
from leaddesk.db.search import SearchHit, parse_query, search_messages
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.events import EventLog, at, contact, erased, message
from tests.support.sync import migrate, run_sync, sqlite

ODD_QUERIES = [
    '"',
    "*",
    "NEAR(",
    "-",
    "'; DROP TABLE messages; --",
    "(",
    ")",
    "AND",
    "OR NOT",
    "",
    "   ",
    "^",
    ":",
    "+",
]


RECAMARAS = "¿Sigue disponible el depto de 2 recámaras en Torre B?"


def search(database: Database, text: str, **kwargs: int) -> list[SearchHit]:
    with database.read() as connection:
        return search_messages(dbapi_connection(connection), text, **kwargs)


def found(database: Database, text: str) -> list[str]:
    return [hit.message_id for hit in search(database, text)]


def assert_index_whole(database: Database) -> None:
    """FTS5's own check of the index: every entry where it belongs, nothing left over."""
    with database.write() as connection:
        dbapi_connection(connection).execute("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')")


def voice_note(media_id: str) -> dict[str, object]:
    """A voice note's media (an audio message without one is a bad event)."""
    return {"media_id": media_id, "mime_type": "audio/ogg", "sha256": "a" * 64, "filename": None, "size": 1000}


@pytest.fixture
def log(database: Database) -> EventLog:
    events = EventLog(database)
    events.apply(
        [
            contact("ct_ana", name="Ana López"),
            contact("ct_jose", name="José Pérez"),
            message(
                "ct_ana", at(1), message_id="m_recamaras", text="¿Sigue disponible el depto de 2 recámaras en Torre B?"
            ),
            message("ct_ana", at(2), message_id="m_torre", text="La torre A tiene vista; la B no"),
            message("ct_jose", at(3), message_id="m_jose", text="Soy JOSÉ, busco casa con jardín"),
            message(
                "ct_jose",
                at(4),
                message_id="m_voice",
                type="audio",
                media=voice_note("md_voice"),
                text=None,
                transcript="Quisiera agendar una visita el sábado por la mañana",
            ),
            message("ct_jose", at(5), message_id="m_none", type="audio", media=voice_note("md_none"), text=None),
        ]
    )
    return events


def test_accents_and_capitals_do_not_matter(database: Database, log: EventLog) -> None:
    assert found(database, "recamaras") == ["m_recamaras"]
    assert found(database, "RECÁMARAS") == ["m_recamaras"]
    assert found(database, "recámara") == ["m_recamaras"]  # the start of "recámaras"
    assert found(database, "jose") == ["m_jose"]
    assert found(database, "José") == ["m_jose"]
    assert found(database, "JARDIN") == ["m_jose"]


def test_each_word_matches_the_start_of_a_word_only(database: Database, log: EventLog) -> None:
    assert found(database, "recam") == ["m_recamaras"]
    assert found(database, "dispo") == ["m_recamaras"]
    assert found(database, "amaras") == []  # inside a word: not a match
    assert found(database, "ponible") == []


def test_every_word_must_be_in_the_message(database: Database, log: EventLog) -> None:
    assert found(database, "depto torre") == ["m_recamaras"]
    assert found(database, "torre") == ["m_torre", "m_recamaras"]  # newest first
    assert found(database, "depto jardin") == []


def test_quoted_words_must_follow_one_another_in_order(database: Database, log: EventLog) -> None:
    assert found(database, '"torre b"') == ["m_recamaras"]
    assert found(database, '"TORRE B"') == ["m_recamaras"]
    assert found(database, '"b torre"') == []
    assert found(database, '"depto torre"') == []  # both words are there, but not one after the other
    assert found(database, '"de 2 recam"') == ["m_recamaras"]  # every word of a phrase is a prefix too
    assert found(database, '"torre a" vista') == ["m_torre"]


def test_words_are_runs_of_letters_and_digits(database: Database, log: EventLog) -> None:
    assert found(database, "2-recámaras") == ["m_recamaras"]
    assert found(database, "depto,torre.") == ["m_recamaras"]
    assert parse_query('casa "torre b" (jardín) -x*').words == ("casa", "jardín", "x")
    assert parse_query('casa "torre b" (jardín) -x*').phrases == (("torre", "b"),)


def test_voice_transcripts_are_searched(database: Database, log: EventLog) -> None:
    hits = search(database, "sabado visita")
    assert [hit.message_id for hit in hits] == ["m_voice"]
    assert hits[0].snippet == "Quisiera agendar una [visita] el [sábado] por la mañana"


def test_the_snippet_marks_the_matched_words_and_says_who_and_when(database: Database, log: EventLog) -> None:
    (hit,) = search(database, "recamaras torre")
    assert hit.snippet == "¿Sigue disponible el depto de 2 [recámaras] en [Torre] B?"
    assert hit.as_json() == {
        "contact_id": "ct_ana",
        "name": "Ana López",
        "message_id": "m_recamaras",
        "sent_at": at(1),
        "direction": "in",
        "snippet": "¿Sigue disponible el depto de 2 [recámaras] en [Torre] B?",
    }


def test_a_long_message_gives_a_short_snippet_around_the_match(database: Database, log: EventLog) -> None:
    long_text = " ".join(["palabra"] * 60) + " penthouse " + " ".join(["otra"] * 60)
    log.apply([message("ct_ana", at(10), message_id="m_long", text=long_text)])
    (hit,) = search(database, "penthouse")
    assert "[penthouse]" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 200


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_answer_without_an_error(database: Database, log: EventLog, query: str) -> None:
    assert search(database, query) == []


@pytest.mark.parametrize("query", ['"recamaras', "recamaras*", "-recamaras", "(recamaras)", "recamaras:", "^recamaras"])
def test_operators_around_a_word_are_read_as_plain_text(database: Database, log: EventLog, query: str) -> None:
    assert found(database, query) == ["m_recamaras"]


@pytest.mark.parametrize("query", ["NEAR(recamaras", "recamaras AND", "recamaras NOT park", "recamaras OR nothing"])
def test_fts_operator_names_are_plain_words(database: Database, log: EventLog, query: str) -> None:
    log.apply([message("ct_ana", at(7), message_id="m_words", text="Recámaras near the park, and not OR nothing")])
    assert found(database, query) == ["m_words"]


def test_sql_in_a_query_is_only_words(database: Database, log: EventLog) -> None:
    log.apply([message("ct_ana", at(6), message_id="m_sql", text="drop table messages please")])
    assert found(database, "'; DROP TABLE messages; --") == ["m_sql"]
    assert found(database, "recamaras") == ["m_recamaras"]  # the table is still there


def test_hits_come_newest_first_a_page_at_a_time(database: Database, log: EventLog) -> None:
    log.apply([message("ct_ana", at(100 + n), message_id=f"m_page{n:02d}", text=f"oferta {n}") for n in range(25)])
    first = search(database, "oferta", limit=10)
    assert [hit.message_id for hit in first] == [f"m_page{n:02d}" for n in range(24, 14, -1)]
    second = search(database, "oferta", limit=10, before=first[-1].rowid)
    third = search(database, "oferta", limit=10, before=second[-1].rowid)
    assert [hit.message_id for hit in second + third] == [f"m_page{n:02d}" for n in range(14, -1, -1)]
    assert [hit.sent_at for hit in first + second + third] == sorted((hit.sent_at for hit in first), reverse=True) + [
        hit.sent_at for hit in second + third
    ]


def test_an_erased_clients_messages_are_no_longer_found(database: Database, log: EventLog) -> None:
    assert found(database, "jardin") == ["m_jose"]
    log.apply([erased("ct_jose")])
    assert found(database, "jardin") == []
    assert found(database, "sabado") == []
    # A later event about them changes nothing, and the index stays whole.
    log.apply([message("ct_jose", at(9), message_id="m_late", text="jardín otra vez")])
    assert found(database, "jardin") == []
    assert found(database, "recamaras") == ["m_recamaras"]
    assert_index_whole(database)


def test_a_changed_message_is_found_by_its_new_words_only(database: Database, log: EventLog) -> None:
    log.apply([message("ct_ana", at(1), message_id="m_recamaras", text="Ahora pregunto por un penthouse")])
    assert found(database, "recamaras") == []
    assert found(database, "penthouse") == ["m_recamaras"]
    # A transcript that arrives later for a voice note without text.
    log.apply(
        [
            message(
                "ct_jose",
                at(5),
                message_id="m_none",
                type="audio",
                media=voice_note("md_none"),
                text=None,
                transcript="terraza amplia",
            )
        ]
    )
    assert found(database, "terraza") == ["m_none"]
    assert_index_whole(database)


def test_a_message_twice_in_one_page_with_new_text_keeps_the_index_whole(database: Database, log: EventLog) -> None:
    log.apply(
        [
            message("ct_ana", at(20), message_id="m_twice", text="primera version"),
            message("ct_ana", at(20), message_id="m_twice", text="segunda version"),
            message("ct_ana", at(20), message_id="m_twice", text="segunda version"),
        ]
    )
    assert found(database, "primera") == []
    assert found(database, "segunda") == ["m_twice"]
    assert_index_whole(database)


def test_a_reply_written_here_is_found_and_forgotten_with_its_client(database: Database, log: EventLog) -> None:
    edits.send_message(database, "ct_jose", "Le confirmo la cita del sábado")
    assert [hit.contact_id for hit in search(database, "confirmo")] == ["ct_jose"]
    log.apply([erased("ct_jose")])
    assert found(database, "confirmo") == []
    assert_index_whole(database)


def test_a_message_is_found_right_after_the_sync_that_brings_it(database: Database) -> None:
    with RelaySimulator(token="t") as sim:
        sim.add_contact(make_contact("ct_1", "+5215500000001", name="Lucía Gómez"))
        sim.add_message(make_message("wamid.1", "ct_1", text="Hola", phone="+5215500000001"))
        assert run_sync(database, sim.url, "t", media_per_cycle=0).ok
        assert found(database, "terraza") == []
        sim.add_message(
            make_message("wamid.2", "ct_1", text="¿El penthouse tiene terraza?", sent_at="2026-11-24T16:00:00Z")
        )
        assert run_sync(database, sim.url, "t", media_per_cycle=0).ok
        hits = search(database, "TERRAZA")
        assert [(hit.message_id, hit.name) for hit in hits] == [("wamid.2", "Lucía Gómez")]
        sim.add_event("contact.erased", {"contact_id": "ct_1"})
        assert run_sync(database, sim.url, "t", media_per_cycle=0).ok
        assert found(database, "terraza") == []
    assert_index_whole(database)


def test_a_sent_reply_is_found_once_after_the_relay_confirms_it(database: Database) -> None:
    with RelaySimulator(token="t") as sim:
        sim.add_contact(make_contact("ct_1", "+5215500000001", name="Lucía Gómez"))
        sim.add_message(make_message("wamid.1", "ct_1", text="¿Hay visitas el domingo?", phone="+5215500000001"))
        assert run_sync(database, sim.url, "t", media_per_cycle=0).ok
        edits.send_message(database, "ct_1", "Sí, el domingo abrimos de 10 a 14")
        (local_id,) = found(database, "domingo abrimos")
        assert local_id.startswith("local:")  # the stand-in, before the relay answers
        assert run_sync(database, sim.url, "t", media_per_cycle=0).ok
        # The stand-in left the index with its row; the relay's own message took its place.
        (relay_id,) = found(database, "abrimos")
        assert not relay_id.startswith("local:")
        assert found(database, "domingo") == [relay_id, "wamid.1"]
    assert_index_whole(database)


def test_migration_0006_indexes_the_messages_already_in_a_cache(db_path: Path) -> None:
    migrate(db_path, "0003")
    with sqlite(db_path) as connection:
        connection.execute("INSERT INTO contacts (id, phone, name, version) VALUES ('ct_1', '+34612345678', 'Eva', 3)")
        connection.execute(
            "INSERT INTO messages (id, contact_id, direction, author_kind, sent_at, type, text, transcript, status, "
            "status_rank) VALUES ('m1', 'ct_1', 'in', 'client', '2026-11-20T10:00:00Z', 'audio', NULL, "
            "'Necesito información del ático', 'received', 0)"
        )
    database = open_database(db_path)
    try:
        assert found(database, "atico informacion") == ["m1"]
        assert_index_whole(database)
    finally:
        database.close()
    migrate(db_path, "0003", down=True)
    with sqlite(db_path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert not any(name.startswith("messages_fts") for name in names)
        assert connection.execute("SELECT count(*) FROM messages").fetchone() == (1,)
