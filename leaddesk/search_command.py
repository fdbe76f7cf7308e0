"""``leaddesk search QUERY [--limit N] --format json|text``: find messages in every client's history.

Exit status (``cli-contract.md``): 0, also when nothing is found; 2 bad arguments. Every query can be
read: whatever is not a letter or a digit only separates words (``leaddesk.db.search``).
"""

from __future__ import annotations

import io
import json
import sys
from typing import IO

from leaddesk.db.database import Database
from leaddesk.db.dbapi import dbapi_connection
from leaddesk.db.search import SearchHit, search_messages
from leaddesk.domain import parse_time

EXIT_OK = 0


def _text_line(hit: SearchHit) -> str:
    when = parse_time(hit.sent_at).astimezone().strftime("%Y-%m-%d %H:%M")
    who = hit.name or hit.phone or hit.contact_id
    # One hit per line: line breaks inside a message would read as another hit.
    snippet = " ".join(hit.snippet.split())
    return f"{when}  {who} ({hit.contact_id})  {hit.direction}  {snippet}"


def write_hits(hits: list[SearchHit], fmt: str, stream: IO[str]) -> None:
    if fmt == "json":
        json.dump([hit.as_json() for hit in hits], stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    for hit in hits:
        stream.write(_text_line(hit) + "\n")


def run_search(database: Database, query: str, limit: int, fmt: str) -> int:
    with database.read() as connection:
        hits = search_messages(dbapi_connection(connection), query, limit=limit)
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True)
    try:
        write_hits(hits, fmt, out)
        out.flush()
    except BrokenPipeError:
        return EXIT_OK
    finally:
        out.detach()
    return EXIT_OK
