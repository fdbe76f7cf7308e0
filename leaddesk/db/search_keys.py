"""What the client list's search compares: a folded name and a normalized phone, stored on each contact.

``contacts.name_key`` holds the name's words, folded (case and accents dropped) and each preceded by a
space (" jose jimenez"), so "a word of the name starts with w" is ``name_key LIKE '% w%'``.
``contacts.phone_key`` holds the phone's digits with the country code, Mexican mobiles without the "1"
that Mexico dropped in 2019 ("+5213334924018" and "+523334924018" both give "523334924018"), so a
number typed in any common notation is one equality. Both are written by the event applier and by
edits of the name (:func:`refresh_search_keys`) and built for older rows by migration 0005.

``contact_search_terms`` (migration 0010, kept by triggers on ``contacts``) indexes each name word
(``"w" + word``) and each phone suffix from a digit (``"#" + suffix``): :func:`search_candidates`
reads from it the few contacts a rare search can match, so the list does not scan every contact.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import phonenumbers

from leaddesk.domain import fold_text

#: The word the list shows for a client without a name (``queries.UNKNOWN_NAME``); the search finds
#: such clients by it.
UNKNOWN_NAME_WORD = "Unknown"
#: The region a number typed without its country code is read in when the contacts say nothing.
DEFAULT_REGION = "MX"
#: How many contacts' numbers decide the region a national number is read in.
REGION_SAMPLE = 50

_WORD = re.compile(r"[^\W_]+")
#: Text that may be a phone number: digits and the punctuation people write numbers with.
_PHONE_LIKE = re.compile(r"^[\d\s()+\-./]+$")
#: A run of at least this many digits also finds the numbers that contain it.
MIN_DIGIT_RUN = 4


def search_words(text: str) -> list[str]:
    """The words of ``text`` as the search compares them: folded runs of letters and digits."""
    return _WORD.findall(fold_text(text))


def name_key(name: str | None) -> str:
    """The stored form of a name: its folded words, each after a space; "" for a name without words."""
    words = search_words(name or "")
    return "".join(" " + word for word in words)


def phone_key(phone: str | None) -> str:
    """The stored form of an E.164 phone: its digits, a Mexican mobile's old "1" dropped; "" for none."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    if digits.startswith("521") and len(digits) == 13:
        return "52" + digits[3:]
    return digits


@dataclass(frozen=True)
class TypedPhone:
    """What a search text means as a phone number."""

    #: The ``phone_key`` of the number it names, or "" if it names none.
    key: str
    #: Its digits, when they are enough (``MIN_DIGIT_RUN``) to look for inside numbers; else "".
    digit_run: str


def typed_phone(text: str, region: str = DEFAULT_REGION) -> TypedPhone:
    """Read ``text`` as a phone number: with ``+`` or ``00``, international; otherwise national in ``region``."""
    cleaned = text.strip()
    if not cleaned or not _PHONE_LIKE.match(cleaned):
        return TypedPhone("", "")
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    run = digits if len(digits) >= MIN_DIGIT_RUN else ""
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    international = cleaned.startswith("+")
    try:
        parsed = phonenumbers.parse(cleaned, None if international else region)
    except phonenumbers.NumberParseException:
        return TypedPhone("", run)
    if not international and not phonenumbers.is_possible_number(parsed):
        return TypedPhone("", run)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return TypedPhone(phone_key(e164), run)


def region_of_phones(phones: Iterable[str]) -> str:
    """The region most of ``phones`` (E.164) belong to; :data:`DEFAULT_REGION` when none is known."""
    regions: Counter[str] = Counter()
    for phone in phones:
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(phone, None))
        except phonenumbers.NumberParseException:
            continue
        if region and region != "ZZ":
            regions[region] += 1
    return regions.most_common(1)[0][0] if regions else DEFAULT_REGION


def contacts_region(cursor: sqlite3.Cursor) -> str:
    """The region a national number is read in: that of most of the first contacts' numbers."""
    rows = cursor.execute(
        f"SELECT phone FROM contacts WHERE phone IS NOT NULL AND phone != '' LIMIT {REGION_SAMPLE}"
    ).fetchall()
    return region_of_phones(str(row[0]) for row in rows)


def refresh_search_keys(cursor: sqlite3.Cursor, contact_ids: Iterable[str]) -> None:
    """Recompute ``name_key`` and ``phone_key`` of these contacts from their name and phone."""
    ids = list(dict.fromkeys(contact_ids))
    for start in range(0, len(ids), 500):
        chunk: Sequence[str] = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = cursor.execute(
            f"SELECT id, name, phone, name_key, phone_key FROM contacts WHERE id IN ({marks})", list(chunk)
        ).fetchall()
        changed = []
        for contact_id, name, phone, old_name_key, old_phone_key in rows:
            keys = (name_key(name), phone_key(phone))
            if keys != (old_name_key, old_phone_key):
                changed.append((*keys, contact_id))
        cursor.executemany("UPDATE contacts SET name_key = ?, phone_key = ? WHERE id = ?", changed)


#: The key prefixes of ``contact_search_terms``: a name word, a phone suffix.
NAME_WORD_TERM = "w"
PHONE_SUFFIX_TERM = "#"


def _term_range(cursor: sqlite3.Cursor, prefix: str, limit: int) -> set[int] | None:
    """The contacts with a term that starts with ``prefix``; None when more than ``limit`` terms do."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    found = cursor.execute(
        "SELECT json_group_array(contact_rowid) FROM (SELECT contact_rowid FROM contact_search_terms "
        "WHERE term >= ? AND term < ? LIMIT ?)",
        (prefix, upper, limit + 1),
    ).fetchone()[0]
    rowids: list[int] = json.loads(found)
    return None if len(rowids) > limit else set(rowids)


def search_candidates(cursor: sqlite3.Cursor, search: str, region: str, limit: int) -> list[int] | None:
    """The rowids of a few contacts among which are all those ``search`` matches (the list's search:
    every word starts a word of the name, or the client has no name and the words start "Unknown",
    or the phone is the typed number or holds its digits); None when no index narrows it to at most
    ``limit`` (the caller then walks its sort's index instead).

    A superset: the list checks every candidate with its own ``WHERE``.
    """
    words = search_words(search)
    phone = typed_phone(search, region)
    if not words and not phone.key and not phone.digit_run:
        return None
    candidates: set[int] = set()
    if words:
        # Every word must start a name word: the rarest word's contacts hold every match by name.
        rarest = None
        for word in words:
            found = _term_range(cursor, NAME_WORD_TERM + word, limit)
            if found is not None and (rarest is None or len(found) < len(rarest)):
                rarest = found
        if rarest is None:
            return None
        candidates |= rarest
        unknown = search_words(UNKNOWN_NAME_WORD)
        if all(any(shown.startswith(word) for shown in unknown) for word in words):
            nameless = cursor.execute(
                "SELECT json_group_array(rowid) FROM (SELECT rowid FROM contacts "
                "WHERE name_key = '' OR name_key IS NULL LIMIT ?)",
                (limit + 1,),
            ).fetchone()[0]
            if len(found := json.loads(nameless)) > limit:
                return None
            candidates |= set(found)
    if phone.key:
        same = cursor.execute(
            "SELECT json_group_array(rowid) FROM (SELECT rowid FROM contacts WHERE phone_key = ? LIMIT ?)",
            (phone.key, limit + 1),
        ).fetchone()[0]
        if len(found := json.loads(same)) > limit:
            return None
        candidates |= set(found)
    if phone.digit_run:
        holding = _term_range(cursor, PHONE_SUFFIX_TERM + phone.digit_run, limit)
        if holding is None:
            return None
        candidates |= holding
    return sorted(candidates) if len(candidates) <= limit else None
