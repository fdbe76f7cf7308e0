"""``leaddesk export``: the client list (CSV or JSON) and one contact's history (JSON or HTML).

Shapes are the public ones of ``cli-contract.md`` and come from :mod:`leaddesk.db.history`. Output is
UTF-8 whatever the console's code page: bytes go to ``sys.stdout.buffer`` or to ``--out``. A CSV
file written with ``--out`` starts with a byte-order mark, so Excel reads it as UTF-8. The client
list is streamed row by row, so a quarter of a million clients never sit in memory at once.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from leaddesk.db import history
from leaddesk.db.database import Database

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NO_SUCH_CONTACT = 6


@contextmanager
def _binary_output(out: Path | None) -> Iterator[IO[bytes]]:
    if out is None:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    with out.open("wb") as stream:
        yield stream


@contextmanager
def _text_output(out: Path | None, *, bom: bool) -> Iterator[io.TextIOWrapper]:
    with _binary_output(out) as raw:
        encoding = "utf-8-sig" if bom and out is not None else "utf-8"
        wrapper = io.TextIOWrapper(raw, encoding=encoding, newline="", write_through=True)
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()  # the wrapper must not close stdout


def _closed_pipe() -> int:
    """The reader went away (``leaddesk export ... | head``): stop quietly, as command-line tools do."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's last flush does not fail again
    return EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"leaddesk: {message}", file=sys.stderr)
    return code


def write_clients_json(database: Database, stream: IO[str]) -> None:
    """Exactly what ``json.dump(list_of_clients, stream, ensure_ascii=False, indent=2)`` writes, streamed."""
    with database.read() as connection:
        first = True
        for item in history.iter_clients(connection):
            stream.write("[\n  " if first else ",\n  ")
            stream.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
            first = False
        stream.write("[]\n" if first else "\n]\n")


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_clients_csv(database: Database, stream: IO[str]) -> None:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(history.CLIENT_FIELDS)
    with database.read() as connection:
        for item in history.iter_clients(connection):
            writer.writerow([_csv_value(item[key]) for key in history.CLIENT_FIELDS])


def export_clients(database: Database, fmt: str, out: Path | None) -> int:
    """``leaddesk export clients --format csv|json [--out FILE]``."""
    if fmt not in ("csv", "json"):
        return _fail(f"unknown format {fmt!r} (csv or json)", EXIT_USAGE)
    try:
        with _text_output(out, bom=fmt == "csv") as stream:
            if fmt == "json":
                write_clients_json(database, stream)
            else:
                write_clients_csv(database, stream)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        return _fail(f"cannot write {out}: {problem.strerror or problem}", EXIT_USAGE)
    return EXIT_OK


# --- one contact's history --------------------------------------------------------------------


def history_html(record: dict[str, Any]) -> str:
    """A self-contained, plain HTML page of a history; every text from the relay is escaped."""
    e = html.escape
    contact = record["contact"]
    title = contact["name"] or contact["phone"] or contact["id"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(str(title))} — LeadDesk history</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}"
        ".msg{margin:.4em 0;padding:.4em .7em;border-radius:.5em;max-width:75%;white-space:pre-wrap}"
        ".in{background:#f1f1f1}.out{background:#dcf8c6;margin-left:auto}"
        ".meta{color:#666;font-size:.85em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style>",
        "</head><body>",
        f"<h1>{e(str(title))}</h1>",
        "<table>",
    ]
    for key in history.CLIENT_FIELDS:
        value = contact[key]
        shown = "" if value is None else (("yes" if value else "no") if isinstance(value, bool) else str(value))
        parts.append(f"<tr><th>{e(key)}</th><td>{e(shown)}</td></tr>")
    parts.append("</table><h2>Conversation</h2>")
    for message in record["messages"]:
        author = message["author"]
        who = author["name"] or author["kind"]
        body = message["text"] or ""
        if message.get("transcript"):
            body = f"{body}\n[transcript] {message['transcript']}".strip()
        if message.get("card"):
            card = message["card"]
            price = card.get("price")
            priced = f" — {price:,.0f} {card.get('currency') or ''}" if isinstance(price, int | float) else ""
            body = f"{body}\n[listing] {card.get('title') or ''}{priced}".strip()
        if message.get("location"):
            place = message["location"]
            body = f"{body}\n[location] {place.get('name') or ''} {place.get('address') or ''}".strip()
        if message.get("media"):
            body = f"{body}\n[{message['type']}] {message['media'].get('filename') or ''}".strip()
        if not body:
            body = f"[{message['type']}]"
        reactions = " ".join(r["emoji"] for r in message["reactions"])
        parts.append(
            f'<div class="msg {e(message["direction"])}"><div class="meta">{e(str(who))} · {e(message["sent_at"])}'
            f" · {e(message['status'])}</div>{e(body)}"
            + (f'<div class="meta">{e(reactions)}</div>' if reactions else "")
            + "</div>"
        )
    if record["meetings"]:
        parts.append(
            "<h2>Meetings</h2><table><tr><th>When</th><th>Title</th><th>Where</th><th>Status</th><th>Agent</th></tr>"
        )
        for m in record["meetings"]:
            cells = (m["starts_at"], m["title"], m["location"], m["status"], m["agent"])
            parts.append("<tr>" + "".join(f"<td>{e(str(c or ''))}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    if record["surveys"]:
        parts.append("<h2>Surveys</h2>")
        for s in record["surveys"]:
            parts.append(f"<h3>{e(s['submitted_at'])}</h3><table>")
            for a in s["answers"]:
                score = "" if a["score"] is None else str(a["score"])
                parts.append(f"<tr><th>{e(a['question'])}</th><td>{e(a['answer'] or '')}</td><td>{e(score)}</td></tr>")
            parts.append("</table>")
    if record["funnel_history"]:
        parts.append(
            "<h2>Funnel history</h2><table><tr><th>When</th><th>From</th><th>To</th><th>By</th><th>Note</th></tr>"
        )
        for f in record["funnel_history"]:
            by = f["changed_by"]["name"] or f["changed_by"]["kind"]
            cells = (f["at"], f["from_stage"], f["to_stage"], by, f["note"])
            parts.append("<tr>" + "".join(f"<td>{e(str(c or ''))}</td>" for c in cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def export_history(database: Database, contact: str, fmt: str, out: Path | None) -> int:
    """``leaddesk export history CONTACT --format json|html|pdf [--out FILE]``."""
    if fmt not in ("json", "html", "pdf"):
        return _fail(f"unknown format {fmt!r} (json, html or pdf)", EXIT_USAGE)
    with database.read() as connection:
        contact_id = history.find_contact(connection, contact)
        record = None if contact_id is None else history.contact_history(connection, contact_id)
    if record is None:
        return _fail("no such contact", EXIT_NO_SUCH_CONTACT)
    if fmt == "pdf":
        return _fail("export history --format pdf is not built yet; use html", EXIT_USAGE)
    try:
        with _text_output(out, bom=False) as stream:
            if fmt == "json":
                json.dump(record, stream, ensure_ascii=False, indent=2)
                stream.write("\n")
            else:
                stream.write(history_html(record))
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        return _fail(f"cannot write {out}: {problem.strerror or problem}", EXIT_USAGE)
    return EXIT_OK
