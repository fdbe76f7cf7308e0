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
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import zip_longest
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sqlalchemy import Connection

from leaddesk.db import history
from leaddesk.db.database import Database
from leaddesk.db.queries import DEFAULT_QUERY, ClientQuery, client_rowids
from leaddesk.domain import BotStatus, MeetingStatus, SaleStatus, Sentiment, field_words, label_or_value
from leaddesk.phones import format_phone

if TYPE_CHECKING:
    from PySide6.QtCore import QDateTime

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


def write_text_output(out: Path | None, write: Callable[[io.TextIOWrapper], object], *, bom: bool) -> int:
    """Write text through ``write`` to ``out`` (standard output when None); the command's exit status.

    A reader that went away stops quietly; a file that cannot be written is said on standard error.
    """

    def run() -> None:
        with _text_output(out, bom=bom) as stream:
            write(stream)

    return _written(out, run)


def _written(out: Path | None, run: Callable[[], object]) -> int:
    try:
        run()
    except BrokenPipeError:
        return _closed_pipe()
    except OSError as problem:
        return _fail(f"cannot write {out}: {problem.strerror or problem}", EXIT_USAGE)
    return EXIT_OK


#: A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> Any:
    """One CSV cell. Text a spreadsheet would run as a formula gets a leading apostrophe, which
    Excel reads as "this is text" and does not show; phone numbers too (``'+5215512345678``), or
    Excel would turn them into numbers and drop the ``+``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class ClientWriter:
    """Writes ``export clients`` objects as CSV or JSON a batch at a time: the one serializer of the
    command line and of the window's File → Export."""

    def __init__(self, stream: IO[str], fmt: str) -> None:
        if fmt not in ("csv", "json"):
            raise ValueError(f"unknown format {fmt!r}")
        self._stream = stream
        self._fmt = fmt
        self._csv = csv.writer(stream, lineterminator="\r\n")
        self._first = True

    def begin(self) -> None:
        if self._fmt == "csv":
            self._csv.writerow(history.CLIENT_FIELDS)

    def write(self, items: Iterable[dict[str, Any]]) -> None:
        for item in items:
            if self._fmt == "csv":
                self._csv.writerow([_csv_value(item[key]) for key in history.CLIENT_FIELDS])
                continue
            # Exactly what ``json.dump(list_of_clients, stream, ensure_ascii=False, indent=2)`` writes.
            self._stream.write("[\n  " if self._first else ",\n  ")
            self._stream.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
            self._first = False

    def end(self) -> None:
        if self._fmt == "json":
            self._stream.write("[]\n" if self._first else "\n]\n")


def write_clients_json(database: Database, stream: IO[str], query: ClientQuery = DEFAULT_QUERY) -> None:
    _write_clients(database, stream, "json", query)


def write_clients_csv(database: Database, stream: IO[str], query: ClientQuery = DEFAULT_QUERY) -> None:
    _write_clients(database, stream, "csv", query)


def _write_clients(database: Database, stream: IO[str], fmt: str, query: ClientQuery) -> None:
    writer = ClientWriter(stream, fmt)
    writer.begin()
    with database.read() as connection:
        writer.write(history.iter_clients(connection, query))
    writer.end()


#: Clients read and written per step of the window's export (one short read transaction each).
EXPORT_BATCH = 1000


def client_list_export(
    database: Database, query: ClientQuery, path: Path, fmt: str, *, batch: int = EXPORT_BATCH
) -> Generator[tuple[int, int]]:
    """Write the clients ``query`` lists, in its order, to ``path``; yields (written, total) before the
    first batch and after each one.

    The file is written beside ``path`` under a temporary name and moved into place at the end, so
    closing the generator early (the user cancelled) leaves ``path`` as it was and no partial file.
    A CSV starts with a byte-order mark, as with ``--out``, so Excel reads it as UTF-8.
    """
    with database.read() as connection:
        rowids = client_rowids(connection, query)
    total = len(rowids)
    yield 0, total
    part = path.with_name(path.name + ".part")
    finished = False
    try:
        with part.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as stream:
            writer = ClientWriter(stream, fmt)
            writer.begin()
            for start in range(0, total, batch):
                with database.read() as connection:
                    writer.write(history.clients_by_rowids(connection, rowids[start : start + batch]))
                yield min(start + batch, total), total
            writer.end()
        part.replace(path)
        finished = True
    finally:
        if not finished:
            part.unlink(missing_ok=True)


def export_clients(database: Database, fmt: str, out: Path | None, query: ClientQuery = DEFAULT_QUERY) -> int:
    """``leaddesk export clients --format csv|json [--out FILE]`` and the list's filters (``query``)."""
    if fmt not in ("csv", "json"):
        return _fail(f"unknown format {fmt!r} (csv or json)", EXIT_USAGE)
    write = write_clients_json if fmt == "json" else write_clients_csv
    return write_text_output(out, lambda stream: write(database, stream, query), bom=fmt == "csv")


# --- one contact's history --------------------------------------------------------------------


@dataclass(frozen=True)
class RecordNames:
    """What the ids in a record stand for, so the document says "Visit scheduled", not "visit_scheduled"."""

    stages: Mapping[str, str] = field(default_factory=dict)
    agents: Mapping[str, str] = field(default_factory=dict)

    def stage(self, stage_id: str) -> str:
        """The stage's name; one the account does not list (yet) as words: ``visit_scheduled`` → "Visit scheduled"."""
        return self.stages.get(stage_id) or stage_id.replace("_", " ").strip().capitalize() or stage_id


def record_names(connection: Connection) -> RecordNames:
    return RecordNames(stages=history.stage_names(connection), agents=history.agent_names(connection))


#: A small style sheet inside the HTML, kept to what both browsers and Qt's rich-text subset (used
#: for the PDF) understand: class selectors, colours, margins in px (Qt ignores pt there), cell padding and
#: borders, ``white-space: nowrap``, no floats. Qt skips the ``@supports`` block, which centres the page in a
#: browser. Qt ignores ``page-break-after: avoid``: :mod:`leaddesk.export_pdf` keeps headings with what follows.
HISTORY_CSS = """
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; font-size: 10pt; color: #1f2328; }
@supports (max-width: 1em) { body { max-width: 52em; margin: 2em auto; } }
h1 { font-size: 20pt; font-weight: 600; margin: 0; }
h2 { font-size: 13pt; font-weight: 600; color: #075e54; margin-top: 22px; margin-bottom: 8px;
     page-break-after: avoid; break-after: avoid; }
h3 { font-size: 10.5pt; font-weight: 600; margin-top: 10px; margin-bottom: 6px; page-break-after: avoid; }
.phone { font-size: 12pt; color: #444c56; margin-top: 2px; }
.doc { font-size: 8.5pt; color: #6e7781; margin-top: 4px; }
.masthead { border-collapse: collapse; }
.masthead td { background-color: #e7f3ef; padding: 10px 14px; }
.grid, .data { border-collapse: collapse; }
.grid th, .grid td, .data th, .data td { padding: 4px 8px; border: 1px solid #d0d7de; text-align: left;
                                         vertical-align: top; }
.grid th, .data th { background-color: #f3f5f7; font-weight: 600; }
.data td.num { text-align: right; }
.nw { white-space: nowrap; }
.chat { border-collapse: separate; }
.chat td { padding: 6px 10px; vertical-align: top; }
td.in { background-color: #f1f3f5; }
td.out { background-color: #dcf8c6; }
td.failed { background-color: #fde2e1; }
.meta { font-size: 8pt; color: #57606a; }
.reactions { font-size: 9pt; color: #57606a; }
.note { color: #6e7781; font-style: italic; }
"""

NO_VALUE = "—"
#: The translation context of the document's words (``pyside6-lupdate`` reads ``translate("HistoryDocument", …)``).
CONTEXT = "HistoryDocument"
#: How an outgoing message's status reads (the conversation tab's words, in its "Conversation" context).
STATUS_WORDS = {
    "pending": "not sent yet",
    "sent": "sent",
    "delivered": "delivered",
    "read": "read",
    "failed": "not delivered",
}


#: What a file of each kind is called where it has no name of its own (the conversation tab's words).
MEDIA_WORDS = {
    "image": "Image",
    "sticker": "Sticker",
    "audio": "Voice message",
    "video": "Video",
    "document": "Document",
}


def _heading(text: str) -> str:
    return f"<h2>{html.escape(text)}</h2>"


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Qt's translation of the document's words, in the language of the window that asks for it (the command
    line installs the English catalogue, :func:`english_document`). Qt is imported only when a document is
    made, so ``export clients`` starts without it."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(context, text, disambiguation, n)


def _number(value: int) -> str:
    """A count with the language's separators: 2,010 / 2.010."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(value)


def _qt_local(local: datetime) -> QDateTime:
    """A local wall-clock time as Qt formats it (the zone is named once, at the top of the document)."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second))


@contextmanager
def english_document() -> Iterator[None]:
    """The command line's HTML and PDF in the window's English: its words and plurals ("1 message",
    "2,010 messages") and US numbers, whatever the computer's language. The window makes the document in
    its own language instead; the JSON never changes."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from leaddesk.i18n import install_translations, remove_translations

    application = QCoreApplication.instance() or QCoreApplication(["leaddesk"])
    before = QLocale()
    install_translations("en", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        yield
    finally:
        remove_translations()
        QLocale.setDefault(before)
        del application


def _isolated(value: object) -> str:
    """Relay text escaped and wrapped in a bidi isolate, so a U+202E inside cannot flip what follows."""
    return f"\u2068{html.escape(str(value))}\u2069"


def _multiline(value: str) -> str:
    return "<br>".join(_isolated(line) for line in value.split("\n"))


class LocalClock:
    """Formats RFC 3339 times in the computer's time zone and remembers which zones it used,
    so the document can name them once (``CST (UTC-06:00)``; both names where summer time changes it)."""

    def __init__(self) -> None:
        self._zones: dict[str, None] = {}

    def moment(self, value: str | None) -> datetime | None:
        if not value:
            return None
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        local = moment.astimezone()
        self._zones[self._zone(local)] = None
        return local

    @staticmethod
    def _zone(local: datetime) -> str:
        offset = local.utcoffset() or timedelta(0)
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        numeric = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        name = local.tzname() or ""
        if name in ("UTC", "GMT") and minutes == 0:
            return "UTC"
        if not name or name[0] in "+-" or name.startswith(("UTC", "GMT")):
            return numeric
        return f"{name} ({numeric})"

    def when(self, value: str | None) -> str:
        """``24 Nov 2026, 09:03`` in local time, the language's way (the text as given if it is not a time)."""
        from PySide6.QtCore import QLocale

        local = self.moment(value)
        if local is None:
            return value or ""
        # Translators: a QDateTime format; Spanish: "d MMM yyyy, H:mm".
        pattern = translate("HistoryDocument", "d MMM yyyy, HH:mm", "date and time format")
        return QLocale().toString(_qt_local(local), pattern)

    @staticmethod
    def _time(local: datetime) -> str:
        from PySide6.QtCore import QLocale

        # Translators: a QTime format; Spanish: "H:mm".
        return QLocale().toString(_qt_local(local).time(), translate("HistoryDocument", "HH:mm", "time format"))

    def span(self, starts: str | None, ends: str | None) -> str:
        """``23 Sep 2026, 23:30–00:30`` (the end's date only when it differs)."""
        start, end = self.moment(starts), self.moment(ends)
        if start is None:
            return self.when(ends)
        if end is None:
            return self.when(starts)
        if end.date() == start.date():
            return f"{self.when(starts)}–{self._time(end)}"
        return f"{self.when(starts)} – {self.when(ends)}"

    def zones(self) -> str:
        """The zones the formatted times are in: ``CST (UTC-06:00)``, or ``CET (UTC+01:00) and CEST (UTC+02:00)``."""
        names = list(self._zones) or [self._zone(datetime.now(UTC).astimezone())]
        if len(names) == 1:
            return names[0]
        return translate("HistoryDocument", "%1 and %2").replace("%1", ", ".join(names[:-1])).replace("%2", names[-1])


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return translate("HistoryDocument", "yes") if value else translate("HistoryDocument", "no")
    if isinstance(value, str | int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _label(kind: Any, value: object) -> str:
    """An enum value in the window's words (``sold`` → ``Sold`` / ``Vendido``); an unknown value as it is."""
    return NO_VALUE if value is None else translate("Words", label_or_value(kind, value))


def _cells(values: Iterable[Any], nowrap: Iterable[int] = ()) -> str:
    """One table row of relay values, each escaped and isolated; the columns in ``nowrap`` never wrap."""
    keep = set(nowrap)
    return (
        "<tr>"
        + "".join(
            f'<td class="nw">{_isolated(v)}</td>' if i in keep else f"<td>{_isolated(v)}</td>"
            for i, v in enumerate(values)
        )
        + "</tr>"
    )


def _data_table(*columns: tuple[str, int]) -> str:
    """The start of a data table: a header row of (title, width in percent); 0 leaves the width free."""
    heads = "".join(
        f'<th width="{width}%">{html.escape(title)}</th>' if width else f"<th>{html.escape(title)}</th>"
        for title, width in columns
    )
    return f'<table class="data" width="100%" cellspacing="0"><thead><tr>{heads}</tr></thead>'


def _size(size: object) -> str:
    return f" ({_number(round(size / 1024))} KB)" if isinstance(size, int | float) and size else ""


def _message_body(message: dict[str, Any]) -> str:
    """What a message says, as plain text (its parts on separate lines), in the conversation tab's words."""
    lines: list[str] = []
    kind = message["type"]
    media = message.get("media") or {}
    if kind in ("image", "sticker", "document", "audio", "video"):
        label = translate("Conversation", MEDIA_WORDS[kind])
        if media.get("filename"):
            label = translate("Conversation", "%1: %2").replace("%1", label).replace("%2", str(media["filename"]))
        lines.append(label + _size(media.get("size")))
    elif kind == "location":
        place = message.get("location") or {}
        named = " — ".join(str(p) for p in (place.get("name"), place.get("address")) if p)
        location = translate("Conversation", "Location")
        lines.append(
            translate("Conversation", "%1: %2").replace("%1", location).replace("%2", named) if named else location
        )
    elif kind == "contacts":
        for card in message.get("contacts") or [{}]:
            name: Any = card.get("name") if isinstance(card, dict) else None
            if isinstance(name, dict):
                name = name.get("formatted_name")
            phones = card.get("phones") if isinstance(card, dict) else None
            phone = str(phones[0].get("phone") or "") if isinstance(phones, list) and phones else ""
            shared = " ".join(p for p in (str(name or translate("Conversation", "Contact")), phone) if p)
            lines.append(translate("HistoryDocument", "Shared contact: %1").replace("%1", shared))
    elif kind == "unsupported":
        lines.append(translate("Conversation", "A message of a kind WhatsApp does not let us show."))
    if message.get("text"):
        prefix = {
            "button": translate("HistoryDocument", "Replied with a button: %1"),
            "interactive": translate("HistoryDocument", "Chose from a list: %1"),
        }.get(kind, "%1")
        lines.append(prefix.replace("%1", message["text"]))
    if message.get("transcript"):
        lines.append(translate("Conversation", "Transcript: %1").replace("%1", message["transcript"]))
    if message.get("card"):
        card = message["card"]
        price = card.get("price")
        priced = (
            f" — {_number(round(price))} {card.get('currency') or ''}".rstrip()
            if isinstance(price, int | float)
            else ""
        )
        listing = translate("Conversation", "Listing")
        lines.append(f"{listing}: {card.get('title') or ''}{priced}")
        if card.get("description"):
            lines.append(str(card["description"]))
        if card.get("url"):
            lines.append(str(card["url"]))  # shown as text, never made a link
    if not lines:
        lines.append(kind.capitalize())
    return "\n".join(lines)


def _author(who: dict[str, Any], client_name: str) -> str:
    kind = who.get("kind")
    if kind == "client":
        return who.get("name") or client_name or translate("HistoryDocument", "Client")
    if kind == "bot":
        return translate("Conversation", "Bot")
    if kind == "agent":
        return who.get("name") or translate("Conversation", "Agent")
    if kind == "system":
        return who.get("name") or translate("HistoryDocument", "The server")
    return who.get("name") or str(kind or "")


def _message_row(message: dict[str, Any], clock: LocalClock, client_name: str) -> str:
    who = _author(message["author"], client_name)
    meta = f"{_isolated(who)} · {html.escape(clock.when(message['sent_at']))}"
    if message["direction"] == "out":
        english = STATUS_WORDS.get(message["status"] or "")
        status = translate("Conversation", english) if english else message["status"] or ""
        error = message.get("error")
        if error:
            code = f" ({error.get('code')})" if error.get("code") is not None else ""
            reason = (error.get("title") or translate("Conversation", "no reason given")) + code
            status = translate("Conversation", "%1: %2").replace("%1", status).replace("%2", reason)
        meta += f" · {_isolated(status)}"
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


def _bot(contact: dict[str, Any], clock: LocalClock) -> str:
    if contact["bot_status"] == BotStatus.PAUSED and contact["bot_paused_until"]:
        return translate("HistoryDocument", "Paused until %1").replace("%1", clock.when(contact["bot_paused_until"]))
    return _label(BotStatus, contact["bot_status"])


def _conflict_value(field_name: str, value: Any, names: RecordNames, clock: LocalClock) -> str:
    if value is None:
        return NO_VALUE
    if field_name == "sale_status":
        return _label(SaleStatus, value)
    if field_name == "bot_status":
        return _label(BotStatus, value)
    if field_name == "funnel_stage":
        return names.stage(str(value))
    if field_name == "bot_paused_until":
        return clock.when(str(value))
    return _shown(value)


def _config_value(value: Any, names: RecordNames) -> str:
    if isinstance(value, str):
        return names.agents.get(value, value)
    return _shown(value)


def history_html(record: dict[str, Any], names: RecordNames | None = None, *, now: datetime | None = None) -> str:
    """A self-contained HTML document of one contact's record, for a person: the window's words,
    local times with the zone named, no ids, no empty sections. Every text from the relay is escaped.

    ``names`` turns stage and agent ids into names (:func:`record_names`). The PDF export renders
    this very document with Qt, so it keeps to Qt's rich-text subset.
    """
    from PySide6.QtCore import QLocale

    names = names or RecordNames()
    clock = LocalClock()
    contact = record["contact"]
    client_name = contact["name"] or ""
    title = client_name or format_phone(contact["phone"]) or translate("HistoryDocument", "Unknown client")
    messages = record["messages"]
    count = len(messages)
    body: list[str] = []

    stage = contact["funnel_stage"]
    flags = [
        label
        for key, label in (
            ("mystery_shopper", translate("HistoryDocument", "Mystery shopper")),
            ("contractor", translate("HistoryDocument", "Contractor")),
        )
        if contact[key]
    ]
    profile = [
        (translate("HistoryDocument", "Sale status"), _label(SaleStatus, contact["sale_status"])),
        (translate("HistoryDocument", "Funnel stage"), names.stage(stage) if stage else NO_VALUE),
        (translate("HistoryDocument", "Bot"), _bot(contact, clock)),
        (translate("HistoryDocument", "Sentiment"), _label(Sentiment, contact["sentiment"])),
        (translate("HistoryDocument", "Last activity"), clock.when(contact["last_activity"]) or NO_VALUE),
        (translate("HistoryDocument", "Messages"), _number(count)),
        (translate("HistoryDocument", "Flags"), ", ".join(flags) or NO_VALUE),
        (translate("HistoryDocument", "Unread"), _number(contact["unread"])),
    ]
    if contact["pending_edits"]:
        profile.append((translate("HistoryDocument", "Changes not sent yet"), _number(contact["pending_edits"])))
    body += [_heading(translate("HistoryDocument", "Profile")), '<table class="grid" width="100%" cellspacing="0">']
    for left, right in zip_longest(profile[0::2], profile[1::2]):
        row = "<tr>"
        for item in (left, right):
            if item is None:
                row += "<th></th><td></td>"
            else:
                row += f'<th width="20%">{html.escape(item[0])}</th><td width="30%">{_isolated(item[1])}</td>'
        body.append(row + "</tr>")
    body.append("</table>")

    if messages:
        body += [
            _heading(translate("HistoryDocument", "Conversation")),
            '<table class="chat" width="100%" cellspacing="4">',
        ]
        body.extend(_message_row(m, clock, client_name) for m in messages)
        body.append("</table>")

    meetings = {m["id"]: m for m in record["meetings"]}
    if record["meetings"]:
        body.append(_heading(translate("HistoryDocument", "Meetings")))
        body.append(
            _data_table(
                (translate("HistoryDocument", "When"), 27),
                (translate("HistoryDocument", "Title"), 0),
                (translate("HistoryDocument", "Place"), 22),
                (translate("HistoryDocument", "Agent"), 15),
                (translate("HistoryDocument", "Status"), 11),
            )
        )
        for m in record["meetings"]:
            values = (
                clock.span(m["starts_at"], m["ends_at"]) or NO_VALUE,
                m["title"] or NO_VALUE,
                m["location"] or NO_VALUE,
                m["agent"] or NO_VALUE,
                _label(MeetingStatus, m["status"]),
            )
            body.append(_cells(values, nowrap=(4,)))
        body.append("</table>")

    if record["surveys"]:
        body.append(_heading(translate("HistoryDocument", "Surveys")))
        for s in record["surveys"]:
            meeting = meetings.get(s.get("meeting_id") or "")
            about = (
                translate("HistoryDocument", " — about %1 on %2")
                .replace("%1", meeting["title"] or translate("HistoryDocument", "a meeting"))
                .replace("%2", clock.when(meeting["starts_at"]))
                if meeting
                else translate("HistoryDocument", " — about a meeting not on this computer yet")
                if s.get("meeting_id")
                else ""
            )
            submitted = translate("HistoryDocument", "Submitted %1").replace("%1", clock.when(s["submitted_at"]))
            body.append(f"<h3>{html.escape(submitted)}{_isolated(about)}</h3>")
            body.append(
                _data_table(
                    (translate("HistoryDocument", "Question"), 50),
                    (translate("HistoryDocument", "Answer"), 0),
                    (translate("HistoryDocument", "Score"), 10),
                )
            )
            for a in s["answers"]:
                score = NO_VALUE if a["score"] is None else str(a["score"])
                body.append(
                    f"<tr><td>{_isolated(a['question'] or NO_VALUE)}</td><td>{_isolated(a['answer'] or NO_VALUE)}</td>"
                    f'<td class="num">{html.escape(score)}</td></tr>'
                )
            body.append("</table>")
            scores = [a["score"] for a in s["answers"] if isinstance(a["score"], int | float)]
            if scores:
                average = QLocale().toString(sum(scores) / len(scores), "f", 1)
                said = translate("HistoryDocument", "Average score: %1").replace("%1", average)
                body.append(f'<p class="note">{html.escape(said)}</p>')

    if record["funnel_history"]:
        body.append(_heading(translate("HistoryDocument", "Funnel history")))
        body.append(
            _data_table(
                (translate("HistoryDocument", "When"), 21),
                (translate("HistoryDocument", "From"), 18),
                (translate("HistoryDocument", "To"), 18),
                (translate("HistoryDocument", "Changed by"), 17),
                (translate("HistoryDocument", "Note"), 0),
            )
        )
        for f in record["funnel_history"]:
            by = f["changed_by"]
            if by["kind"] == "agent":
                who = translate("Profile", "%1 (agent)").replace("%1", by["name"] or translate("Profile", "an agent"))
            elif by["kind"] == "bot":
                who = translate("Profile", "the bot")
            elif by["kind"] == "system":
                who = translate("Profile", "the server")
            else:
                who = by["name"] or by["kind"] or ""
            start = names.stage(f["from_stage"]) if f["from_stage"] else translate("Profile", "(start)")
            to = names.stage(f["to_stage"]) if f["to_stage"] else NO_VALUE
            body.append(_cells((clock.when(f["at"]), start, to, who, f["note"] or "")))
        body.append("</table>")

    if record["config"]:
        body += [
            _heading(translate("HistoryDocument", "Configuration")),
            '<table class="grid" width="100%" cellspacing="0">',
        ]
        for key, value in record["config"].items():
            label = str(key).replace("_", " ").strip().capitalize() or str(key)
            body.append(
                f'<tr><th width="30%">{_isolated(label)}</th><td>{_isolated(_config_value(value, names))}</td></tr>'
            )
        body.append("</table>")

    if record["conflicts"]:
        body.append(_heading(translate("HistoryDocument", "Conflicts")))
        body.append(
            _data_table(
                (translate("HistoryDocument", "When"), 21),
                (translate("HistoryDocument", "What"), 18),
                (translate("HistoryDocument", "Mine"), 0),
                (translate("HistoryDocument", "The server's"), 0),
                (translate("HistoryDocument", "State"), 11),
            )
        )
        for c in record["conflicts"]:
            field = c["field"]
            english = {"reviewed mark": "read mark"}.get(field_words(field), field_words(field))
            what = translate("Words", english)
            what = what[:1].upper() + what[1:]
            mine = _conflict_value(c["field"], c["mine"], names, clock)
            theirs = _conflict_value(c["field"], c["theirs"], names, clock)
            state = (
                translate("HistoryDocument", "Resolved") if c.get("resolved") else translate("HistoryDocument", "Open")
            )
            body.append(_cells((clock.when(c["at"]), what, mine, theirs, state), nowrap=(4,)))
        body.append("</table>")

    made = clock.when((now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"))
    about = (
        translate(
            "HistoryDocument", "Client record from LeadDesk, %1 · %Ln message(s) · times are local: %2", None, count
        )
        .replace("%1", made)
        .replace("%2", clock.zones())
    )
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(QLocale().bcp47Name().split("-")[0])}"><head><meta charset="utf-8">',
        f"<title>{html.escape(_title_words()).replace('%1', _isolated(title))}</title>",
        f"<style>{HISTORY_CSS}</style>",
        "</head><body>",
        '<table class="masthead" width="100%" cellspacing="0"><tr><td>',
        f"<h1>{_isolated(title)}</h1>",
        f'<div class="phone">{_isolated(format_phone(contact["phone"]))}</div>'
        if contact["phone"] and client_name
        else "",
        f'<div class="doc">{html.escape(about)}</div>',
        "</td></tr></table>",
    ]
    return "\n".join(p for p in [*head, *body, "</body></html>\n"] if p)


def history_document(database: Database, contact: str) -> tuple[str, str] | None:
    """(HTML, title) of the record of ``contact`` (an id or a phone), or None if there is no such contact."""
    with database.read() as connection:
        contact_id = history.find_contact(connection, contact)
        record = None if contact_id is None else history.contact_history(connection, contact_id)
        names = record_names(connection)
    if record is None:
        return None
    return history_html(record, names), document_title(record)


def _title_words() -> str:
    return translate("HistoryDocument", "%1 — LeadDesk client record")


def document_title(record: dict[str, Any]) -> str:
    contact = record["contact"]
    name = contact["name"] or format_phone(contact["phone"]) or translate("HistoryDocument", "Unknown client")
    return _title_words().replace("%1", name)


def _export_pdf(record: dict[str, Any], names: RecordNames, out: Path | None) -> int:
    if out is None and sys.stdout.isatty():
        return _fail("a PDF is not for the terminal: use --out FILE or redirect the output", EXIT_USAGE)
    from leaddesk.export_pdf import ensure_gui_application, html_to_pdf

    ensure_gui_application()  # before english_document, which would otherwise make a QCoreApplication
    with english_document():
        page, title = history_html(record, names), document_title(record)
    data = html_to_pdf(page, title=title)

    def run() -> None:
        with _binary_output(out) as stream:
            stream.write(data)

    return _written(out, run)


def export_history(database: Database, contact: str, fmt: str, out: Path | None) -> int:
    """``leaddesk export history CONTACT --format json|html|pdf [--out FILE]``.

    The JSON is the contract's (protocol words, UTC); HTML and PDF are the document for a person.
    """
    if fmt not in ("json", "html", "pdf"):
        return _fail(f"unknown format {fmt!r} (json, html or pdf)", EXIT_USAGE)
    with database.read() as connection:
        contact_id = history.find_contact(connection, contact)
        record = None if contact_id is None else history.contact_history(connection, contact_id)
        names = record_names(connection)
    if record is None:
        return _fail("no such contact", EXIT_NO_SUCH_CONTACT)
    if fmt == "pdf":
        return _export_pdf(record, names, out)
    page = None
    if fmt == "html":  # made before --out is opened
        with english_document():
            page = history_html(record, names)

    def write(stream: io.TextIOWrapper) -> None:
        if page is None:
            json.dump(record, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        else:
            stream.write(page)

    return write_text_output(out, write, bom=False)
