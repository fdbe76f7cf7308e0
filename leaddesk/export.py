"""``leaddesk export``: the client list (CSV or JSON) and one contact's history (JSON, HTML or PDF).

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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import zip_longest
from pathlib import Path
from typing import IO, Any

import phonenumbers

from leaddesk.db import history
from leaddesk.db.database import Database
from leaddesk.db.queries import DEFAULT_QUERY, ClientQuery

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


def write_clients_json(database: Database, stream: IO[str], query: ClientQuery = DEFAULT_QUERY) -> None:
    """Exactly what ``json.dump(list_of_clients, stream, ensure_ascii=False, indent=2)`` writes, streamed."""
    with database.read() as connection:
        first = True
        for item in history.iter_clients(connection, query):
            stream.write("[\n  " if first else ",\n  ")
            stream.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
            first = False
        stream.write("[]\n" if first else "\n]\n")


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def write_clients_csv(database: Database, stream: IO[str], query: ClientQuery = DEFAULT_QUERY) -> None:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(history.CLIENT_FIELDS)
    with database.read() as connection:
        for item in history.iter_clients(connection, query):
            writer.writerow([_csv_value(item[key]) for key in history.CLIENT_FIELDS])


def export_clients(database: Database, fmt: str, out: Path | None, query: ClientQuery = DEFAULT_QUERY) -> int:
    """``leaddesk export clients --format csv|json [--out FILE]`` and the list's filters (``query``)."""
    if fmt not in ("csv", "json"):
        return _fail(f"unknown format {fmt!r} (csv or json)", EXIT_USAGE)
    try:
        with _text_output(out, bom=fmt == "csv") as stream:
            if fmt == "json":
                write_clients_json(database, stream, query)
            else:
                write_clients_csv(database, stream, query)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        return _fail(f"cannot write {out}: {problem.strerror or problem}", EXIT_USAGE)
    return EXIT_OK


# --- one contact's history --------------------------------------------------------------------


#: How the record's contact fields are labelled in the HTML and PDF documents.
FIELD_LABELS = {
    "id": "Contact id",
    "phone": "Phone",
    "name": "Name",
    "last_activity": "Last activity",
    "bot_status": "Bot",
    "bot_paused_until": "Bot paused until",
    "unread": "Unread",
    "sale_status": "Sale status",
    "funnel_stage": "Funnel stage",
    "sentiment": "Sentiment",
    "mystery_shopper": "Mystery shopper",
    "contractor": "Contractor",
    "version": "Version",
    "message_count": "Messages",
    "pending_edits": "Edits waiting for the relay",
}
_TIME_FIELDS = {"last_activity", "bot_paused_until"}

#: A small style sheet inside the HTML, kept to what both browsers and Qt's rich-text subset (used
#: for the PDF) understand: class selectors, colours, margins in px (Qt ignores pt there), cell padding and
#: borders, no floats. Qt skips the ``@supports`` block, which centres the page in a browser.
HISTORY_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 10pt; color: #1f2328; }
@supports (max-width: 1em) { body { max-width: 52em; margin: 2em auto; } }
h1 { font-size: 20pt; font-weight: 600; margin: 0; }
h2 { font-size: 13pt; font-weight: 600; color: #075e54; margin-top: 22px; margin-bottom: 8px; }
h3 { font-size: 10.5pt; font-weight: 600; margin-top: 10px; margin-bottom: 6px; }
.phone { font-size: 12pt; color: #444c56; margin-top: 2px; }
.doc { font-size: 8.5pt; color: #6e7781; margin-top: 4px; }
.masthead { border-collapse: collapse; }
.masthead td { background-color: #e7f3ef; padding: 10px 14px; }
.grid, .data { border-collapse: collapse; }
.grid th, .grid td, .data th, .data td { padding: 4px 8px; border: 1px solid #d0d7de; text-align: left;
                                         vertical-align: top; }
.grid th, .data th { background-color: #f3f5f7; font-weight: 600; }
.data td.num { text-align: right; }
.chat { border-collapse: separate; }
.chat td { padding: 6px 10px; vertical-align: top; }
td.in { background-color: #f1f3f5; }
td.out { background-color: #dcf8c6; }
td.failed { background-color: #fde2e1; }
.meta { font-size: 8pt; color: #57606a; }
.reactions { font-size: 9pt; color: #57606a; }
.note { color: #6e7781; font-style: italic; }
"""


def _isolated(value: object) -> str:
    """Relay text escaped and wrapped in a bidi isolate, so a U+202E inside cannot flip what follows."""
    return f"\u2068{html.escape(str(value))}\u2069"


def _multiline(value: str) -> str:
    return "<br>".join(_isolated(line) for line in value.split("\n"))


def _when(value: str | None) -> str:
    """An RFC 3339 time as ``2026-11-24 15:03``, in UTC (as given if it does not parse)."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M")


def _phone(value: str | None) -> str:
    if not value:
        return ""
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _cells(values: Iterable[Any]) -> str:
    """One table row of relay values, each escaped and isolated."""
    return "<tr>" + "".join(f"<td>{_isolated(v)}</td>" for v in values) + "</tr>"


def _data_table(*columns: tuple[str, int]) -> str:
    """The start of a data table: a header row of (title, width in percent); 0 leaves the width free."""
    heads = "".join(
        f'<th width="{width}%">{html.escape(title)}</th>' if width else f"<th>{html.escape(title)}</th>"
        for title, width in columns
    )
    return f'<table class="data" width="100%" cellspacing="0"><thead><tr>{heads}</tr></thead>'


def _span(starts: str | None, ends: str | None) -> str:
    """``2026-09-24 23:30–00:30`` (the end's date only when it differs)."""
    start, end = _when(starts), _when(ends)
    if not end:
        return start
    if start[:10] == end[:10] and len(end) > 11:
        end = end[11:]
    return f"{start}–{end}"


def _message_body(message: dict[str, Any]) -> str:
    """What a message says, as plain text (its parts on separate lines)."""
    lines: list[str] = []
    kind = message["type"]
    if message.get("media"):
        media = message["media"]
        size = media.get("size")
        sized = f" ({size / 1024:,.0f} KB)" if isinstance(size, int | float) and size else ""
        lines.append(f"[{kind}] {media.get('filename') or media.get('mime_type') or ''}{sized}".rstrip())
    if message.get("text"):
        lines.append(message["text"])
    if message.get("transcript"):
        lines.append(f"Transcript: {message['transcript']}")
    if message.get("card"):
        card = message["card"]
        price = card.get("price")
        priced = f" — {price:,.0f} {card.get('currency') or ''}".rstrip() if isinstance(price, int | float) else ""
        lines.append(f"Listing: {card.get('title') or ''}{priced}")
        if card.get("description"):
            lines.append(str(card["description"]))
        if card.get("url"):
            lines.append(str(card["url"]))  # shown as text, never made a link
    if message.get("location"):
        place = message["location"]
        named = " — ".join(str(p) for p in (place.get("name"), place.get("address")) if p)
        lines.append(f"Location: {named}" if named else "Location")
    if message.get("contacts"):
        lines.append(f"Shared contact: {_shown(message['contacts'])}")
    if not lines:
        lines.append(f"[{kind}]")
    return "\n".join(lines)


def _message_row(message: dict[str, Any]) -> str:
    author = message["author"]
    who = author["name"] or str(author["kind"] or "").capitalize()
    status = message["status"] or ""
    error = message.get("error")
    if error:
        status = f"{status}: {error.get('title') or ''} ({error.get('code')})"
    meta = f"{_isolated(who)} · {html.escape(_when(message['sent_at']))} · {_isolated(status)}"
    css = "out" if message["direction"] == "out" else "in"
    if message["status"] == "failed":
        css += " failed"
    reactions = " ".join(_isolated(r["emoji"]) for r in message["reactions"])
    cell = (
        f'<td colspan="2" class="{css}"><span class="meta">{meta}</span><br>{_multiline(_message_body(message))}'
        + (f'<br><span class="reactions">{reactions}</span>' if reactions else "")
        + "</td>"
    )
    spacer = '<td width="20%"></td>'
    return f"<tr>{cell}{spacer}</tr>" if css.startswith("in") else f"<tr>{spacer}{cell}</tr>"


def history_html(record: dict[str, Any]) -> str:
    """A self-contained HTML document of one contact's record; every text from the relay is escaped.

    The PDF export renders this very document with Qt, so it keeps to Qt's rich-text subset.
    """
    contact = record["contact"]
    title = contact["name"] or _phone(contact["phone"]) or contact["id"]
    count = len(record["messages"])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_isolated(title)} — LeadDesk history</title>",
        f"<style>{HISTORY_CSS}</style>",
        "</head><body>",
        '<table class="masthead" width="100%" cellspacing="0"><tr><td>',
        f"<h1>{_isolated(title)}</h1>",
        f'<div class="phone">{_isolated(_phone(contact["phone"]))}</div>' if contact["phone"] else "",
        f'<div class="doc">LeadDesk client record · {html.escape(str(contact["id"]))} · '
        f"{count} message{'s' if count != 1 else ''} · times in UTC</div>",
        "</td></tr></table>",
        "<h2>Profile</h2>",
        '<table class="grid" width="100%" cellspacing="0">',
    ]
    fields = [k for k in history.CLIENT_FIELDS if k not in ("name", "phone", "id")]
    for left, right in zip_longest(fields[0::2], fields[1::2]):
        row = "<tr>"
        for key in (left, right):
            if key is None:
                row += "<th></th><td></td>"
                continue
            value = contact[key]
            shown = _when(value) if key in _TIME_FIELDS else _shown(value)
            row += f'<th width="20%">{html.escape(FIELD_LABELS[key])}</th><td width="30%">{_isolated(shown)}</td>'
        parts.append(row + "</tr>")
    parts.append("</table>")

    parts.append("<h2>Conversation</h2>")
    if record["messages"]:
        parts.append('<table class="chat" width="100%" cellspacing="4">')
        parts.extend(_message_row(m) for m in record["messages"])
        parts.append("</table>")
    else:
        parts.append('<p class="note">No messages.</p>')

    parts.append("<h2>Meetings</h2>")
    if record["meetings"]:
        parts.append(_data_table(("When", 24), ("Title", 0), ("Where", 22), ("Status", 12), ("Agent", 15)))
        for m in record["meetings"]:
            parts.append(
                _cells(
                    (
                        _span(m["starts_at"], m["ends_at"]),
                        m["title"] or "",
                        m["location"] or "",
                        m["status"] or "",
                        m["agent"] or "",
                    )
                )
            )
        parts.append("</table>")
    else:
        parts.append('<p class="note">No meetings.</p>')

    parts.append("<h2>Surveys</h2>")
    if record["surveys"]:
        for s in record["surveys"]:
            about = f" · meeting {html.escape(s['meeting_id'])}" if s.get("meeting_id") else ""
            parts.append(f"<h3>Submitted {html.escape(_when(s['submitted_at']))}{about}</h3>")
            parts.append(_data_table(("Question", 50), ("Answer", 0), ("Score", 10)))
            for a in s["answers"]:
                score = "" if a["score"] is None else str(a["score"])
                parts.append(
                    f"<tr><td>{_isolated(a['question'] or '')}</td><td>{_isolated(a['answer'] or '')}</td>"
                    f'<td class="num">{html.escape(score)}</td></tr>'
                )
            parts.append("</table>")
    else:
        parts.append('<p class="note">No surveys.</p>')

    parts.append("<h2>Funnel history</h2>")
    if record["funnel_history"]:
        parts.append(_data_table(("When", 19), ("From", 18), ("To", 18), ("By", 15), ("Note", 0)))
        for f in record["funnel_history"]:
            by = f["changed_by"]["name"] or str(f["changed_by"]["kind"] or "").capitalize()
            stages = (str(f["from_stage"] or "—").replace("_", " "), str(f["to_stage"] or "").replace("_", " "))
            parts.append(_cells((_when(f["at"]), *stages, by, f["note"] or "")))
        parts.append("</table>")
    else:
        parts.append('<p class="note">No stage changes.</p>')

    parts.append("<h2>Configuration</h2>")
    if record["config"]:
        parts.append('<table class="grid" width="100%" cellspacing="0">')
        for key, value in record["config"].items():
            parts.append(f'<tr><th width="30%">{_isolated(key)}</th><td>{_isolated(_shown(value))}</td></tr>')
        parts.append("</table>")
    else:
        parts.append('<p class="note">Nothing configured.</p>')

    parts.append("<h2>Conflicts</h2>")
    if record["conflicts"]:
        parts.append(_data_table(("When", 19), ("Field", 18), ("Mine", 0), ("Relay's", 0), ("State", 10)))
        for c in record["conflicts"]:
            state = "resolved" if c.get("resolved") else "open"
            parts.append(_cells((_when(c["at"]), c["field"], _shown(c["mine"]), _shown(c["theirs"]), state)))
        parts.append("</table>")
    else:
        parts.append('<p class="note">No conflicts.</p>')
    parts.append("</body></html>\n")
    return "\n".join(p for p in parts if p)


def _export_pdf(record: dict[str, Any], out: Path | None) -> int:
    if out is None and sys.stdout.isatty():
        return _fail("a PDF is not for the terminal: use --out FILE or redirect the output", EXIT_USAGE)
    from leaddesk.export_pdf import html_to_pdf

    contact = record["contact"]
    title = f"{contact['name'] or contact['phone'] or contact['id']} — LeadDesk history"
    data = html_to_pdf(history_html(record), title=title)
    try:
        with _binary_output(out) as stream:
            stream.write(data)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        return _fail(f"cannot write {out}: {problem.strerror or problem}", EXIT_USAGE)
    return EXIT_OK


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
        return _export_pdf(record, out)
    page = history_html(record) if fmt == "html" else None  # made before --out is opened
    try:
        with _text_output(out, bom=False) as stream:
            if page is None:
                json.dump(record, stream, ensure_ascii=False, indent=2)
                stream.write("\n")
            else:
                stream.write(page)
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        return _fail(f"cannot write {out}: {problem.strerror or problem}", EXIT_USAGE)
    return EXIT_OK
