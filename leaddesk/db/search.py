"""Search every message of every client: the query language, the FTS5 query and the index upkeep.

What matches (``cli-contract.md``, "Search"): a message whose text or voice transcript contains every
word of the query, each as the start of a word, whatever the case and the accents; words in double
quotes must follow one another in that order. Words are runs of letters and digits, so whatever
else the user types (stray quotes, brackets, ``*``, ``-``, ``NEAR(``, ``AND``, SQL) only separates
words: :func:`fts_query` never hands FTS5 an operator, and a query never fails.

The index is ``messages_fts`` (migration 0006), external content keyed by the rowid of ``messages``.
Hits come newest first by that rowid: messages reach the cache in the relay log's order, so the rowid
is their time order, and FTS5 walks its index backwards without sorting. A ranking by relevance
(bm25) would have to score every hit first (seconds for a common word in millions of messages).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass

#: How many hits one page (and ``leaddesk search`` without ``--limit``) returns.
DEFAULT_LIMIT = 50
#: Marks around a matched word in :attr:`SearchHit.marked_snippet`: private-use characters, so the
#: window can escape the text first and then turn only these into highlighting.
MARK_START = "\ue000"
MARK_END = "\ue001"
#: How many words a snippet shows around the matches.
SNIPPET_WORDS = 14

#: A word: a run of letters and digits (``_`` is not one, unlike ``\w``).
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class SearchQuery:
    """What the user asked for: single words and quoted phrases (each a list of words)."""

    words: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        return not self.words and not self.phrases


@dataclass(frozen=True)
class SearchHit:
    #: The message's rowid: the key to ask for the next page with (``before=``).
    rowid: int
    message_id: str
    contact_id: str
    name: str | None
    phone: str | None
    sent_at: str
    direction: str
    #: The text around the matches, matched words between :data:`MARK_START` and :data:`MARK_END`.
    marked_snippet: str

    @property
    def snippet(self) -> str:
        """The snippet as plain text, matched words in ``[`` ``]`` (the command line's form)."""
        return self.marked_snippet.replace(MARK_START, "[").replace(MARK_END, "]")

    def as_json(self) -> dict[str, str | None]:
        return {
            "contact_id": self.contact_id,
            "name": self.name,
            "message_id": self.message_id,
            "sent_at": self.sent_at,
            "direction": self.direction,
            "snippet": self.snippet,
        }


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def parse_query(text: str) -> SearchQuery:
    """Split what the user typed into words and quoted phrases; any text is a valid query.

    Quotes pair up from the left; a quote left without a partner is ignored. A quoted part with
    one word is just that word.
    """
    text = unicodedata.normalize("NFC", text)
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an odd number of quotes: the last one has no partner
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for position, part in enumerate(parts):
        found = _words(part)
        if position % 2 == 1 and len(found) > 1:
            phrases.append(tuple(found))
        else:
            words.extend(found)
    return SearchQuery(words=tuple(dict.fromkeys(words)), phrases=tuple(dict.fromkeys(phrases)))


def fts_query(query: SearchQuery) -> str:
    """The FTS5 MATCH expression: every word a quoted prefix term, phrases joined with ``+``.

    Each word is letters and digits only and quoted, so nothing the user typed is read as FTS5
    syntax. ``"a"* + "b"*`` is a phrase whose every word is matched as a prefix.
    """
    terms = [f'"{word}"*' for word in query.words]
    terms += [" + ".join(f'"{word}"*' for word in phrase) for phrase in query.phrases]
    return " AND ".join(terms)


_SEARCH = f"""
SELECT f.rowid, m.id, m.contact_id, c.name, c.phone, m.sent_at, m.direction,
       snippet(messages_fts, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_WORDS})
  FROM messages_fts AS f
  JOIN messages AS m ON m.rowid = f.rowid
  JOIN contacts AS c ON c.id = m.contact_id
 WHERE messages_fts MATCH :match AND f.rowid < :before
 ORDER BY f.rowid DESC
 LIMIT :limit
"""


def search_messages(
    connection: sqlite3.Connection, text: str, *, limit: int = DEFAULT_LIMIT, before: int | None = None
) -> list[SearchHit]:
    """The newest ``limit`` messages matching ``text``; ``before`` (a hit's rowid) asks for the next page."""
    query = parse_query(text)
    if query.empty or limit <= 0:
        return []
    rows = connection.execute(
        _SEARCH, {"match": fts_query(query), "before": before if before is not None else 2**63 - 1, "limit": limit}
    ).fetchall()
    return [
        SearchHit(
            rowid=row[0],
            message_id=row[1],
            contact_id=row[2],
            name=row[3],
            phone=row[4],
            sent_at=row[5],
            direction=row[6],
            marked_snippet=row[7] or "",
        )
        for row in rows
    ]


# --- keeping the index in step ---------------------------------------------------------------


def newest_message_rowid(cursor: sqlite3.Cursor) -> int:
    """The highest rowid in ``messages`` (0 when empty): rows inserted after this get higher ones."""
    return int(cursor.execute("SELECT coalesce(max(rowid), 0) FROM messages").fetchone()[0])


def index_new_messages(cursor: sqlite3.Cursor, after_rowid: int) -> None:
    """Add the messages inserted since :func:`newest_message_rowid` returned ``after_rowid``.

    SQLite gives a new row the rowid one above the highest in the table, so the rows above
    ``after_rowid`` are exactly those inserted since. One statement per page of the applier costs a
    first sync a few percent; an FTS5 insert from a trigger per row cost it two thirds of its speed.
    """
    cursor.execute(
        "INSERT INTO messages_fts (rowid, text, transcript) "
        "SELECT rowid, text, transcript FROM messages WHERE rowid > ?",
        (after_rowid,),
    )


def rebuild_index(cursor: sqlite3.Cursor) -> None:
    """Index every message again from scratch (after a ``VACUUM``, which may renumber rowids)."""
    cursor.execute("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')")
