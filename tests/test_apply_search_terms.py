"""The applier writes a contact with its search keys in one upsert: the term index and the keys must be
exactly those of the contact's name and phone, whatever order the versions come in."""

from __future__ import annotations

from typing import Any

from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.db.search_keys import name_key, phone_key, search_candidates
from tests.support.events import EventLog, at, contact, message


def _terms_by_hand(name_key_text: str | None, phone: str | None, phone_key_text: str | None) -> set[str]:
    """What ``contact_search_terms`` holds for one contact: each name word, each phone suffix from a digit
    that keeps at least four characters (of the phone and of its key)."""
    terms = {"w" + word for word in (name_key_text or "").split()}
    for number in (phone, phone_key_text):
        for start, character in enumerate(number or ""):
            if character.isdigit() and start <= len(number or "") - 4:
                terms.add("#" + (number or "")[start:])
    return terms


def _state(database: Database) -> dict[str, tuple[Any, ...]]:
    """Each contact's name, phone, stored keys and terms."""
    with database.read() as connection:
        cursor = dbapi_cursor(connection)
        contacts = cursor.execute("SELECT rowid, id, name, phone, name_key, phone_key FROM contacts").fetchall()
        found: dict[str, tuple[Any, ...]] = {}
        for rowid, contact_id, name, phone, stored_name_key, stored_phone_key in contacts:
            terms = {
                t for (t,) in cursor.execute("SELECT term FROM contact_search_terms WHERE contact_rowid = ?", (rowid,))
            }
            found[contact_id] = (name, phone, stored_name_key, stored_phone_key, terms)
        return found


def test_new_renamed_and_stale_contacts_keep_exact_keys_and_terms(database: Database) -> None:
    log = EventLog(database)
    log.apply(
        [
            contact("ct_a", name="Lucía Pérez", phone="+5215512340001", version=1),
            contact("ct_b", name=None, phone="+5215512340002", version=1),
            message("ct_c", at(1), phone="+5215512340003"),  # a placeholder from a message
        ]
    )
    # A newer version renames and renumbers; an older one comes late and must change nothing.
    log.apply(
        [
            contact("ct_a", name="Ana María Ruiz", phone="+14155550101", version=3),
            contact("ct_b", name="Jose Ñúñez", phone="+5215512340002", version=2),
            contact("ct_c", name="Carla", phone="+5215512340003", version=1),
        ]
    )
    log.apply([contact("ct_a", name="Lucía Pérez", phone="+5215512340001", version=2)])

    state = _state(database)
    assert [state[c][:2] for c in ("ct_a", "ct_b", "ct_c")] == [
        ("Ana María Ruiz", "+14155550101"),
        ("Jose Ñúñez", "+5215512340002"),
        ("Carla", "+5215512340003"),
    ]
    for contact_id, (name, phone, stored_name_key, stored_phone_key, terms) in state.items():
        assert (stored_name_key, stored_phone_key) == (name_key(name), phone_key(phone)), contact_id
        assert terms == _terms_by_hand(stored_name_key, phone, stored_phone_key), contact_id

    # What a user notices: the list's rare-search shortcut finds the new name and number, not the old.
    with database.read() as connection:
        cursor = dbapi_cursor(connection)
        rowid = cursor.execute("SELECT rowid FROM contacts WHERE id = 'ct_a'").fetchone()[0]
        assert search_candidates(cursor, "maria", "MX", 3000) == [rowid]
        assert search_candidates(cursor, "lucia", "MX", 3000) == []
        assert search_candidates(cursor, "5550101", "MX", 3000) == [rowid]
