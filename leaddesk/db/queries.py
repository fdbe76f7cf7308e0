"""The client list as SQL: filters, search and sort become one ``WHERE ... ORDER BY``.

SQLite does the sorting, filtering and searching so the list stays quick with hundreds of
thousands of clients (design.md, "Speed at scale"). A caller first asks for the ordered row ids
(:func:`client_rowids`, one small integer per client), then fetches whole rows only for the ids it
shows (:func:`fetch_client_rows`, a block at a time).

Every function takes a SQLAlchemy ``Connection`` and returns plain Python values; nothing here
knows about Qt.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum, StrEnum
from typing import Any

from sqlalchemy import Connection, text

from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.db.outbox import PENDING_EDIT_COMMANDS, pending_edits_condition
from leaddesk.db.search_keys import (
    DEFAULT_REGION,
    UNKNOWN_NAME_WORD,
    contacts_region,
    search_candidates,
    search_words,
    typed_phone,
)
from leaddesk.domain import SENTIMENT_ORDER, BotStatus, SaleStatus


class SortKey(IntEnum):
    """What the list can be sorted by; the same numbers are the table's columns."""

    NAME = 0
    PHONE = 1
    LAST_ACTIVITY = 2
    BOT_STATUS = 3
    SALE_STATUS = 4
    FUNNEL_STAGE = 5
    SENTIMENT = 6


class FlagFilter(StrEnum):
    """How a yes/no flag (mystery shopper, contractor) narrows the list."""

    ANY = "any"
    HIDE = "hide"
    ONLY = "only"


#: The word the list shows for a client without a name; the search finds such clients by it.
UNKNOWN_NAME = UNKNOWN_NAME_WORD
#: A value in :attr:`ClientQuery.sentiments` that stands for "no sentiment yet".
NO_SENTIMENT = ""
#: A value in :attr:`ClientQuery.funnel_stages` that stands for "no stage".
NO_STAGE = ""


@dataclass(frozen=True)
class ClientQuery:
    """Which clients the list shows and in what order. Empty sets mean "any"."""

    search: str = ""
    sale_statuses: frozenset[str] = field(default_factory=frozenset)
    bot_statuses: frozenset[str] = field(default_factory=frozenset)
    funnel_stages: frozenset[str] = field(default_factory=frozenset)
    sentiments: frozenset[str] = field(default_factory=frozenset)
    mystery_shopper: FlagFilter = FlagFilter.ANY
    contractor: FlagFilter = FlagFilter.ANY
    unread_only: bool = False
    sort: SortKey = SortKey.LAST_ACTIVITY
    descending: bool = True

    @property
    def is_filtered(self) -> bool:
        """True when something narrows the list (the sort does not)."""
        return self != self.filters_cleared()

    def filters_cleared(self) -> ClientQuery:
        """The same sort with every filter and the search removed."""
        return ClientQuery(sort=self.sort, descending=self.descending)


DEFAULT_QUERY = ClientQuery()

_SALE_RANK = "CASE c.sale_status " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(SaleStatus)) + " END"
_BOT_RANK = "CASE c.bot_status " + " ".join(f"WHEN '{s.value}' THEN {i}" for i, s in enumerate(BotStatus)) + " END"
_SENTIMENT_RANK = "CASE c.sentiment " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(SENTIMENT_ORDER)) + " END"
#: A stage not in the account's table sorts after the known ones, by its id; no stage comes last.
_STAGE_RANK = "(SELECT s.position FROM funnel_stages s WHERE s.id = c.funnel_stage)"


def _order_by(query: ClientQuery, *, walk: bool = False) -> str:
    """The ORDER BY: nulls last either way, ties broken by rowid so the order is stable.

    Without a filter, the default order is exactly ``ix_contacts_last_activity`` (NULLs come last in
    DESC order, and the index keeps equal keys by rowid), so SQLite walks the index and sorts
    nothing. With a filter, walking that index means a table lookup per client just to throw most
    of them away (10x slower on 250k rows): a unary ``+`` on the key keeps the planner off the
    ORDER BY index, so it scans, filters, and sorts only the matches. ``walk`` keeps the index anyway:
    for the first block of a search that many clients match (a few hundred look-ups, then it stops).
    """
    direction = "DESC" if query.descending else "ASC"
    plus = "+" if query.is_filtered and not walk else ""
    key = query.sort
    if key == SortKey.LAST_ACTIVITY:
        if query.descending:
            return f"{plus}c.last_activity DESC, c.rowid"
        return f"{plus}c.last_activity ASC NULLS LAST, c.rowid"
    if key == SortKey.NAME:
        return f"{plus}c.name COLLATE NOCASE {direction} NULLS LAST, c.rowid"
    if key == SortKey.PHONE:
        return f"{plus}c.phone {direction} NULLS LAST, c.rowid"
    if key == SortKey.BOT_STATUS:
        return f"{_BOT_RANK} {direction}, c.bot_paused_until NULLS LAST, c.rowid"
    if key == SortKey.SALE_STATUS:
        return f"{_SALE_RANK} {direction}, c.rowid"
    if key == SortKey.SENTIMENT:
        return f"{_SENTIMENT_RANK} {direction} NULLS LAST, c.rowid"
    if key == SortKey.FUNNEL_STAGE:
        # Known stages by their position, then stages the account does not know (by id), then none.
        return f"c.funnel_stage IS NULL, {_STAGE_RANK} {direction} NULLS LAST, c.funnel_stage {direction}, c.rowid"
    raise ValueError(f"unknown sort key {key!r}")


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _in(column: str, values: frozenset[str], none_marker: str, params: dict[str, Any], prefix: str) -> str:
    """``column IN (...)``, where ``none_marker`` in ``values`` also lets NULL through."""
    names = []
    for i, value in enumerate(sorted(values)):
        if value == none_marker:
            continue
        name = f"{prefix}{i}"
        params[name] = value
        names.append(f":{name}")
    parts = []
    if names:
        parts.append(f"{column} IN ({', '.join(names)})")
    if none_marker in values:
        parts.append(f"{column} IS NULL")
    return "(" + " OR ".join(parts) + ")"


def _search_clause(search: str, params: dict[str, Any], region: str) -> str | None:
    """The clients ``search`` keeps ("The list's search" in the CLI contract), or None for "all".

    A name matches when each word of the search starts a word of it (``name_key`` holds the folded
    words, each after a space); a client without a name matches the word the list shows instead. A
    phone matches when the search is the same number (``phone_key``), or when the search's digits, at
    least four, appear in it. SQLite scans the narrow stored keys; nothing is filtered in Python.
    """
    words = search_words(search)
    phone = typed_phone(search, region)
    matches = []
    if words:
        parts = []
        for i, word in enumerate(words):
            params[f"word{i}"] = f"% {word}%"
            parts.append(f"c.name_key LIKE :word{i}")
        matches.append("(" + " AND ".join(parts) + ")")
        unknown = search_words(UNKNOWN_NAME)
        if all(any(shown.startswith(word) for shown in unknown) for word in words):
            matches.append("(c.name IS NULL OR c.name = '')")
    if phone.key:
        params["phone_key"] = phone.key
        matches.append("c.phone_key = :phone_key")
    if phone.digit_run:
        # Digits only: instr() finds the same rows as LIKE '%...%' without its case folding (half the time).
        params["digit_run"] = phone.digit_run
        matches.append("instr(c.phone_key, :digit_run) > 0 OR instr(c.phone, :digit_run) > 0")
    if not matches:
        return None
    return "(" + " OR ".join(matches) + ")"


def search_region(connection: Connection, query: ClientQuery) -> str:
    """The region a national number in ``query``'s search is read in (only looked up when it matters)."""
    typed = typed_phone(query.search)
    if not typed.key and not typed.digit_run:
        return DEFAULT_REGION
    cursor = dbapi_cursor(connection)
    try:
        return contacts_region(cursor)
    finally:
        cursor.close()


def _where(
    query: ClientQuery, region: str = DEFAULT_REGION, *, leave_out: str | None = None
) -> tuple[str, dict[str, Any]]:
    """The WHERE of ``query``; ``leave_out`` names one filter (a :data:`FILTER_DIMENSIONS` key) to ignore."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    search = query.search.strip()
    if search:
        clause = _search_clause(search, params, region)
        if clause:
            clauses.append(clause)
    if query.sale_statuses and leave_out != "sale_status":
        clauses.append(_in("c.sale_status", query.sale_statuses, "\0", params, "sale"))
    if query.bot_statuses and leave_out != "bot_status":
        clauses.append(_in("c.bot_status", query.bot_statuses, "\0", params, "bot"))
    if query.funnel_stages and leave_out != "funnel_stage":
        clauses.append(_in("c.funnel_stage", query.funnel_stages, NO_STAGE, params, "stage"))
    if query.sentiments and leave_out != "sentiment":
        clauses.append(_in("c.sentiment", query.sentiments, NO_SENTIMENT, params, "sentiment"))
    for column, mode in (("mystery_shopper", query.mystery_shopper), ("contractor", query.contractor)):
        if leave_out == column:
            continue
        if mode == FlagFilter.HIDE:
            clauses.append(f"c.{column} = 0")
        elif mode == FlagFilter.ONLY:
            clauses.append(f"c.{column} = 1")
    if query.unread_only and leave_out != "unread":
        clauses.append("c.unread > 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def filter_sql(connection: Connection, query: ClientQuery) -> tuple[str, dict[str, Any], str]:
    """(`` WHERE ...`` or "", its parameters, the ORDER BY) of ``query`` over ``contacts AS c``.

    For other readers of the list (``export clients``), so that they keep the very clients, in the
    very order, that the window shows.
    """
    where, params = _where(query, search_region(connection, query))
    return where, params, _order_by(query)


#: The filters whose choices the list counts (the contact column each one narrows).
FILTER_DIMENSIONS = ("sale_status", "bot_status", "funnel_stage", "sentiment", "mystery_shopper", "contractor")


def choice_counts(connection: Connection, query: ClientQuery, dimension: str) -> dict[str | None, int]:
    """How many clients each value of ``dimension`` would show, the other filters and the search applied.

    One ``GROUP BY``, run when a filter's menu opens. Keys are the column's values (None for no
    stage or no sentiment; 0 and 1 for the yes/no flags).
    """
    if dimension not in FILTER_DIMENSIONS:
        raise ValueError(f"unknown filter {dimension!r}")
    where, params = _where(query, search_region(connection, query), leave_out=dimension)
    sql = f"SELECT c.{dimension}, count(*) FROM contacts c{where} GROUP BY c.{dimension}"
    return {value: int(count) for value, count in connection.execute(text(sql), params)}


def client_rowids_sql(
    query: ClientQuery, region: str = DEFAULT_REGION, candidates: Sequence[int] | None = None
) -> tuple[str, dict[str, Any]]:
    """The SQL (and its parameters) that lists the matching contacts' rowids in order; only among
    ``candidates`` (rowids, a superset of the search's matches: :func:`search_candidates`) if given."""
    where, params = _where(query, region)
    if candidates is not None:
        params["candidates"] = json.dumps(list(candidates))
        narrowed = "c.rowid IN (SELECT value FROM json_each(:candidates))"
        where = f"{where} AND {narrowed}" if where else f" WHERE {narrowed}"
    return f"SELECT c.rowid FROM contacts c{where} ORDER BY {_order_by(query)}", params


def client_rowids(connection: Connection, query: ClientQuery, limit: int | None = None) -> list[int]:
    """The rowids of the contacts that match ``query``, in its order, one int each: all of them, or
    the first ``limit`` (the first screen: SQLite then keeps only the best few while it sorts).

    A search that the term index narrows to a few candidates reads only them (not every contact).
    """
    cursor = dbapi_cursor(connection)
    try:
        if not query.is_filtered and query.sort in _GROUPED_SORTS:
            return _grouped_rowids(cursor, query, limit)
        region = search_region(connection, query)
        candidates = _search_candidates(cursor, query, region)
        sql, params = client_rowids_sql(query, region, candidates)
        return _rowid_array(cursor, sql if limit is None else f"{sql} LIMIT {int(limit)}", params)
    finally:
        cursor.close()


def _search_candidates(cursor: Any, query: ClientQuery, region: str) -> list[int] | None:
    """A few rowids that hold every contact ``query``'s search matches, or None (no search, or too many)."""
    if not query.search.strip():
        return None
    return search_candidates(cursor, query.search, region, CANDIDATE_LIMIT)


def _rowid_array(cursor: Any, sql: str, params: dict[str, Any] | Sequence[Any] = ()) -> list[int]:
    """The rowids ``sql`` selects, in its order, as one JSON array parsed in C.

    250,000 one-int rows through the cursor cost twice as much (and through SQLAlchemy's Result four
    times). The aggregate keeps the subquery's order: SQLite does not flatten a subquery with an
    ORDER BY into an aggregate query.
    """
    found = cursor.execute(f"SELECT json_group_array(rowid) FROM ({sql})", params).fetchone()[0]
    rowids: list[int] = json.loads(found)
    return rowids


#: The sorts on a computed rank of one indexed column (``_order_by``): no index holds the rank, so
#: one ORDER BY sorts every client in a temporary B-tree. Unfiltered, they are read instead as one
#: index range per value of the column (values found by index seeks), put in the rank's order.
_GROUPED_SORTS = {
    SortKey.SALE_STATUS: "sale_status",
    SortKey.BOT_STATUS: "bot_status",
    SortKey.SENTIMENT: "sentiment",
    SortKey.FUNNEL_STAGE: "funnel_stage",
}


def _column_values(cursor: Any, column: str) -> list[str]:
    """The distinct non-null values of an indexed contacts column, one index seek each (a skip scan)."""
    values: list[str] = []
    value = cursor.execute(f"SELECT min({column}) FROM contacts").fetchone()[0]
    while value is not None:
        values.append(value)
        value = cursor.execute(f"SELECT min({column}) FROM contacts WHERE {column} > ?", (value,)).fetchone()[0]
    return values


def _grouped_reads(cursor: Any, query: ClientQuery) -> list[tuple[str, str, list[str]]]:
    """The reads (WHERE, ORDER BY, parameters) that give, one after the other, every client's rowid
    in ``query``'s order (no filter), for a sort in :data:`_GROUPED_SORTS`.

    The same order as :func:`_order_by`: values of equal rank (only values the rank does not know, and
    NULL) form one group, read by rowid; every other group is one value, an index range that comes
    in rowid order already (the bot sort's by pause end first: ``ix_contacts_bot_status_paused_until``).
    """
    column = _GROUPED_SORTS[query.sort]
    values = _column_values(cursor, column)
    descending = query.descending
    groups: list[list[str | None]] = []
    if query.sort == SortKey.FUNNEL_STAGE:
        # Known stages by position (ties by id), then unknown ones by id, each its own group; no stage last.
        positions = dict(cursor.execute("SELECT id, position FROM funnel_stages").fetchall())
        known = sorted((v for v in values if v in positions), key=lambda v: (positions[v], v), reverse=descending)
        unknown = sorted((v for v in values if v not in positions), reverse=descending)
        no_stage: list[str | None] = [None]
        groups = [[v] for v in (*known, *unknown)]
        groups.append(no_stage)
    else:
        order = {
            SortKey.SALE_STATUS: [s.value for s in SaleStatus],
            SortKey.BOT_STATUS: [s.value for s in BotStatus],
            SortKey.SENTIMENT: list(SENTIMENT_ORDER),
        }[query.sort]
        ranked: list[list[str | None]] = [[v] for v in order if v in values]
        unranked: list[str | None] = [None, *(v for v in values if v not in order)]
        if descending:
            ranked.reverse()
        # A NULL rank sorts first ascending, last descending; the sentiment's is last either way.
        nulls_first = not descending and query.sort != SortKey.SENTIMENT
        groups = [unranked, *ranked] if nulls_first else [*ranked, unranked]
    bot = query.sort == SortKey.BOT_STATUS
    reads: list[tuple[str, str, list[str]]] = []  # (WHERE, ORDER BY, parameters), in order
    for group in groups:
        known_values = [v for v in group if v is not None]
        if len(known_values) == 1 and None not in group:
            # One value: an index range, already in the ORDER BY's order. The bot sort's pause ends
            # (nulls last) are two ranges of (bot_status, bot_paused_until).
            if bot:
                reads.append(
                    (f"{column} = ? AND bot_paused_until IS NOT NULL", "bot_paused_until, rowid", known_values)
                )
                reads.append((f"{column} = ? AND bot_paused_until IS NULL", "rowid", known_values))
            else:
                reads.append((f"{column} = ?", "rowid", known_values))
            continue
        # Values of equal rank (unknown ones, NULL): rare, a small sort.
        parts = [f"{column} IN ({','.join('?' * len(known_values))})"] if known_values else []
        if None in group:
            parts.append(f"{column} IS NULL")
        ties = "bot_paused_until NULLS LAST, rowid" if bot else "rowid"
        reads.append((" OR ".join(parts), ties, known_values))
    return reads


def _grouped_rowids(cursor: Any, query: ClientQuery, limit: int | None = None) -> list[int]:
    """Every client's rowid (or the first ``limit``) in ``query``'s order, by :func:`_grouped_reads`."""
    rowids: list[int] = []
    for where, order_by, params in _grouped_reads(cursor, query):
        sql = f"SELECT rowid FROM contacts WHERE {where} ORDER BY {order_by}"
        if limit is not None:
            if len(rowids) >= limit:
                break
            sql += f" LIMIT {int(limit) - len(rowids)}"
        rowids += _rowid_array(cursor, sql, params)
    return rowids


def is_pageable(query: ClientQuery) -> bool:
    """True when the list can show ``query``'s first block before it reads the rest of the order:
    no filter, or the search alone (other filters read their whole order at once)."""
    return replace(query, search="") == query.filters_cleared()


#: A search whose rarest part has at most this many candidates in ``contact_search_terms`` reads all
#: its matches at once through that table; past it, the matches are common enough that walking the
#: sort's index finds the first block after a few hundred clients.
CANDIDATE_LIMIT = 3000


def head_rowids(connection: Connection, query: ClientQuery, limit: int) -> tuple[list[int], bool]:
    """(the first ``limit`` rowids of ``query``'s order, True when they are all it matches), for a
    :func:`is_pageable` query: the first screen without the rest of the order.

    Unfiltered: the sort's index range with ``LIMIT``. A search: when the search-term index
    (:mod:`leaddesk.db.search_keys`) narrows it to a few candidates, all its matches (checked with the
    same ``WHERE`` as every other read, so the index only narrows); otherwise the first ``limit``
    matches met while walking the sort's index.
    """
    if not query.is_filtered:
        rowids = client_rowids(connection, query, limit=limit)
        return rowids, len(rowids) < limit
    region = search_region(connection, query)
    cursor = dbapi_cursor(connection)
    try:
        candidates = _search_candidates(cursor, query, region)
        if candidates is not None:
            sql, params = client_rowids_sql(query, region, candidates)
            return _rowid_array(cursor, sql, params), True
        where, params = _where(query, region)
        sql = f"SELECT c.rowid FROM contacts c{where} ORDER BY {_order_by(query, walk=True)} LIMIT {int(limit)}"
        rowids = _rowid_array(cursor, sql, params)
        return rowids, len(rowids) < limit
    finally:
        cursor.close()


@dataclass(frozen=True)
class _OrderTerm:
    """One key of :func:`_order_by`: the expression, its direction and where its NULLs go."""

    expression: str
    descending: bool = False
    nulls_last: bool = False


def _order_terms(query: ClientQuery) -> list[_OrderTerm]:
    """:func:`_order_by` as terms (the same order, key by key), for :func:`position_in_order`."""
    down = query.descending
    key = query.sort
    # SQLite puts NULL first ascending and last descending, unless the ORDER BY says NULLS LAST.
    default_nulls_last = down
    terms: list[_OrderTerm]
    if key == SortKey.LAST_ACTIVITY:
        terms = [_OrderTerm("c.last_activity", down, True)]
    elif key == SortKey.NAME:
        terms = [_OrderTerm("c.name COLLATE NOCASE", down, True)]
    elif key == SortKey.PHONE:
        terms = [_OrderTerm("c.phone", down, True)]
    elif key == SortKey.BOT_STATUS:
        terms = [_OrderTerm(_BOT_RANK, down, default_nulls_last), _OrderTerm("c.bot_paused_until", False, True)]
    elif key == SortKey.SALE_STATUS:
        terms = [_OrderTerm(_SALE_RANK, down, default_nulls_last)]
    elif key == SortKey.SENTIMENT:
        terms = [_OrderTerm(_SENTIMENT_RANK, down, True)]
    elif key == SortKey.FUNNEL_STAGE:
        terms = [
            _OrderTerm("c.funnel_stage IS NULL"),
            _OrderTerm(_STAGE_RANK, down, True),
            _OrderTerm("c.funnel_stage", down, default_nulls_last),
        ]
    else:
        raise ValueError(f"unknown sort key {key!r}")
    return [*terms, _OrderTerm("c.rowid")]


def _before(term: _OrderTerm, value: Any, name: str) -> str:
    """The condition "sorts before ``value`` on this term" (``value`` bound as ``:name``)."""
    expression = f"({term.expression})"
    if value is None:
        # Before a NULL: every non-NULL when NULLs come last; nothing when they come first.
        return f"{expression} IS NOT NULL" if term.nulls_last else "0"
    earlier = f"{expression} {'>' if term.descending else '<'} :{name}"
    return earlier if term.nulls_last else f"({expression} IS NULL OR {earlier})"


def _equal(term: _OrderTerm, value: Any, name: str) -> str:
    expression = f"({term.expression})"
    return f"{expression} IS NULL" if value is None else f"{expression} = :{name}"


def position_in_order(connection: Connection, query: ClientQuery, rowid: int) -> int | None:
    """The row of contact ``rowid`` in ``query``'s order (None if ``query`` leaves it out), without
    reading the order: a keyset count of the matches that sort before it.

    One count per key of the order (equal on the keys before it, earlier on this one), each a
    range of the key's index where there is one; how a sort that read only its first block learns
    where a selected client went.
    """
    if not query.is_filtered and query.sort in _GROUPED_SORTS:
        cursor = dbapi_cursor(connection)
        try:
            return _grouped_position(cursor, query, rowid)
        finally:
            cursor.close()
    region = search_region(connection, query)
    where, params = _where(query, region)
    terms = _order_terms(query)
    expressions = ", ".join(term.expression for term in terms)
    match = " AND ".join(part for part in (where.removeprefix(" WHERE "), "c.rowid = :at") if part)
    found = connection.execute(
        text(f"SELECT {expressions} FROM contacts c WHERE {match}"), {**params, "at": rowid}
    ).first()
    if found is None:
        return None
    values = {f"key{i}": value for i, value in enumerate(found)}
    parts = []
    for i, term in enumerate(terms):
        conditions = [_equal(earlier, found[j], f"key{j}") for j, earlier in enumerate(terms[:i])]
        conditions.append(_before(term, found[i], f"key{i}"))
        if "0" in conditions:
            continue
        prefix = where.removeprefix(" WHERE ")
        condition = " AND ".join([*([f"({prefix})"] if prefix else []), *conditions])
        parts.append(f"(SELECT count(*) FROM contacts c WHERE {condition})")
    if not parts:
        return 0
    return int(connection.execute(text("SELECT " + " + ".join(parts)), {**params, **values}).scalar_one())


def _grouped_position(cursor: Any, query: ClientQuery, rowid: int) -> int | None:
    """:func:`position_in_order` for a sort in :data:`_GROUPED_SORTS` (no filter): the clients of the
    reads before the client's own (an index range count each), and those before it in its read."""
    found = cursor.execute("SELECT bot_paused_until FROM contacts WHERE rowid = ?", (rowid,)).fetchone()
    if found is None:
        return None
    paused_until = found[0]
    before = 0
    for where, order_by, params in _grouped_reads(cursor, query):
        if cursor.execute(f"SELECT 1 FROM contacts WHERE rowid = ? AND ({where})", (rowid, *params)).fetchone():
            if order_by == "rowid":
                earlier, extra = "rowid < ?", [rowid]
            elif paused_until is None:  # "bot_paused_until NULLS LAST, rowid": after every pause end
                earlier, extra = "(bot_paused_until IS NOT NULL OR rowid < ?)", [rowid]
            else:
                earlier = "(bot_paused_until < ? OR (bot_paused_until = ? AND rowid < ?))"
                extra = [paused_until, paused_until, rowid]
            sql = f"SELECT count(*) FROM contacts WHERE ({where}) AND {earlier}"
            return before + int(cursor.execute(sql, (*params, *extra)).fetchone()[0])
        before += int(cursor.execute(f"SELECT count(*) FROM contacts WHERE {where}", params).fetchone()[0])
    return None


def count_matching(connection: Connection, query: ClientQuery) -> int:
    """How many clients ``query`` matches (its order aside)."""
    where, params = _where(query, search_region(connection, query))
    return int(connection.execute(text(f"SELECT count(*) FROM contacts c{where}"), params).scalar_one())


def count_clients(connection: Connection) -> int:
    """How many clients the cache holds, filters aside."""
    return int(connection.execute(text("SELECT count(*) FROM contacts")).scalar_one())


@dataclass(frozen=True)
class ClientRow:
    """One contact as the list and the exports need it (raw values, not yet formatted)."""

    rowid: int
    id: str
    name: str | None
    phone: str | None
    last_activity: str | None
    message_count: int
    bot_status: str
    bot_paused_until: str | None
    unread: int
    sale_status: str
    funnel_stage: str | None
    sentiment: str | None
    mystery_shopper: bool
    contractor: bool
    version: int | None
    #: The contact's pending edits (``db.outbox.PENDING_EDIT_COMMANDS``): the "waiting" clock.
    pending_edits: int
    #: The contact fields with an open edit conflict (sorted), for the list's conflict badge.
    conflict_fields: tuple[str, ...] = ()
    #: The command types of those queued edits, each once, in :data:`LIST_COMMANDS` order.
    pending_commands: tuple[str, ...] = ()


#: Edits of the fields the list shows: only these put the "waiting" clock after a name.
LIST_COMMANDS = PENDING_EDIT_COMMANDS

_ROW_COLUMNS = (
    "c.rowid, c.id, c.name, c.phone, c.last_activity, c.message_count, c.bot_status, c.bot_paused_until, "
    "c.unread, c.sale_status, c.funnel_stage, c.sentiment, c.mystery_shopper, c.contractor, c.version, "
    f"(SELECT group_concat(o.type) FROM outbox o WHERE {pending_edits_condition('o', 'c.id')}), "
    "(SELECT group_concat(DISTINCT e.field) FROM edit_conflicts e WHERE e.contact_id = c.id AND NOT e.resolved)"
)


def _row(values: Sequence[Any]) -> ClientRow:
    pending = values[15].split(",") if values[15] else []
    return ClientRow(
        rowid=values[0],
        id=values[1],
        name=values[2],
        phone=values[3],
        last_activity=values[4],
        message_count=values[5] or 0,
        bot_status=values[6],
        bot_paused_until=values[7],
        unread=values[8] or 0,
        sale_status=values[9],
        funnel_stage=values[10],
        sentiment=values[11],
        mystery_shopper=bool(values[12]),
        contractor=bool(values[13]),
        version=values[14],
        pending_edits=len(pending),
        conflict_fields=tuple(sorted(values[16].split(","))) if values[16] else (),
        pending_commands=tuple(command for command in LIST_COMMANDS if command in pending),
    )


#: SQLite allows 32,766 bound parameters; a block of a few hundred stays far below.
_MAX_IDS_PER_QUERY = 900


def fetch_client_rows(connection: Connection, rowids: Sequence[int]) -> dict[int, ClientRow]:
    """The rows for ``rowids`` (any order), keyed by rowid; a contact erased meanwhile is absent."""
    rows: dict[int, ClientRow] = {}
    for start in range(0, len(rowids), _MAX_IDS_PER_QUERY):
        chunk = [int(r) for r in rowids[start : start + _MAX_IDS_PER_QUERY]]
        marks = ",".join("?" * len(chunk))
        result = connection.exec_driver_sql(
            f"SELECT {_ROW_COLUMNS} FROM contacts c WHERE c.rowid IN ({marks})", tuple(chunk)
        )
        for values in result:
            row = _row(values)
            rows[row.rowid] = row
    return rows


def rowid_of(connection: Connection, contact_id: str) -> int | None:
    value = connection.execute(text("SELECT rowid FROM contacts WHERE id = :id"), {"id": contact_id}).scalar()
    return None if value is None else int(value)


def rowids_of(connection: Connection, contact_ids: Collection[str]) -> dict[str, int]:
    """contact id -> rowid, in one query (ids not in the cache, e.g. erased ones, are left out)."""
    if not contact_ids:
        return {}
    rows = connection.execute(
        text("SELECT id, rowid FROM contacts WHERE id IN (SELECT value FROM json_each(:ids))"),
        {"ids": json.dumps(sorted(contact_ids))},
    )
    return {str(contact_id): int(rowid) for contact_id, rowid in rows}


@dataclass(frozen=True)
class StageInfo:
    id: str
    name: str
    position: int
    color: str | None
    manual: bool


def funnel_stages(connection: Connection) -> list[StageInfo]:
    """The account's funnel stages in their order."""
    result = connection.execute(
        text("SELECT id, name, position, color, manual FROM funnel_stages ORDER BY position, id")
    )
    return [StageInfo(r[0], r[1], r[2], r[3], bool(r[4])) for r in result]


def stage_ids_in_use(connection: Connection) -> list[str]:
    """Stage ids that some contact carries (the account may not know every one of them)."""
    result = connection.execute(
        text("SELECT DISTINCT funnel_stage FROM contacts WHERE funnel_stage IS NOT NULL ORDER BY funnel_stage")
    )
    return [str(v) for v in result.scalars()]


#: Columns :func:`distinct_values` may read.
_SHARED_COLUMNS = frozenset(
    {"sale_status", "funnel_stage", "bot_status", "bot_paused_until", "mystery_shopper", "contractor", "phone", "name"}
)


def distinct_values(connection: Connection, contact_ids: Sequence[str], column: str) -> set[Any]:
    """The distinct values of ``column`` among these contacts (a bulk menu checks one shared by all)."""
    if column not in _SHARED_COLUMNS:
        raise ValueError(f"not a listed column: {column!r}")
    found: set[Any] = set()
    ids = list(contact_ids)
    for start in range(0, len(ids), _MAX_IDS_PER_QUERY):
        chunk = ids[start : start + _MAX_IDS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        result = connection.exec_driver_sql(
            f"SELECT DISTINCT {column} FROM contacts WHERE id IN ({marks})", tuple(chunk)
        )
        found.update(row[0] for row in result)
    return found


def contact_values(
    connection: Connection, contact_ids: Sequence[str], columns: Sequence[str]
) -> dict[str, tuple[Any, ...]]:
    """contact id -> the values of ``columns`` (for undoing a bulk edit: what each client had before)."""
    unknown = set(columns) - _SHARED_COLUMNS
    if unknown:
        raise ValueError(f"not listed columns: {sorted(unknown)!r}")
    values: dict[str, tuple[Any, ...]] = {}
    ids = list(contact_ids)
    for start in range(0, len(ids), _MAX_IDS_PER_QUERY):
        chunk = ids[start : start + _MAX_IDS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        result = connection.exec_driver_sql(
            f"SELECT id, {', '.join(columns)} FROM contacts WHERE id IN ({marks})", tuple(chunk)
        )
        for row in result:
            values[str(row[0])] = tuple(row[1:])
    return values
