"""The relay simulator: ``../shared/relay-protocol.md`` as a real HTTP server on 127.0.0.1.

State: the event log (each event kept pre-serialised, so pages are served fast), contacts with their
versions and the version at which each field last changed, commands by idempotency key (with how
many times each was applied), media blobs, and a plan of faults per path.

    sim = RelaySimulator(token="t").start()
    sim.add_contact(make_contact("ct_1", "+5215512345678"))
    sim.plan("/v1/events", Fault(status=503), Fault(status=429, retry_after=1))
    ... sim.url ...
    sim.stop()
"""

from __future__ import annotations

import copy
import hashlib
import json
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from leaddesk.demo import FUNNEL_STAGES  # the protocol page's example stages


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up mid-answer (killed in a crash test, timed out) is normal here."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


ACCOUNT = {"id": "acc_7Q2", "name": "Torres del Parque Sales"}
AGENT = {"id": "ag_19", "name": "Laura Pérez", "role": "agent"}

#: The contact fields each command sets (for field-level conflict detection).
COMMAND_FIELDS: dict[str, tuple[str, ...]] = {
    "set_sale_status": ("sale_status",),
    "set_funnel_stage": ("funnel_stage",),
    "set_bot_status": ("bot_status", "bot_paused_until"),
    "set_name": ("name",),
    "set_config": ("config",),
    "mark_reviewed": (),
    "send_message": (),
}
CONTACT_FIELDS = (
    "phone",
    "name",
    "profile_image",
    "bot_status",
    "bot_paused_until",
    "unread",
    "sale_status",
    "funnel_stage",
    "sentiment",
    "mystery_shopper",
    "contractor",
    "config",
)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def make_contact(contact_id: str, phone: str, **fields: Any) -> dict[str, Any]:
    """A whole contact state with sensible defaults (version 1)."""
    contact: dict[str, Any] = {
        "id": contact_id,
        "phone": phone,
        "name": None,
        "profile_image": None,
        "bot_status": "active",
        "bot_paused_until": None,
        "unread": 0,
        "sale_status": "none",
        "funnel_stage": "new",
        "sentiment": None,
        "mystery_shopper": False,
        "contractor": False,
        "config": {},
        "version": 1,
        "created_at": "2026-11-01T09:00:00Z",
        "updated_at": "2026-11-01T09:00:00Z",
    }
    contact.update(fields)
    return contact


def make_message(
    message_id: str,
    contact_id: str,
    *,
    direction: str = "in",
    text: str | None = "Hola",
    sent_at: str = "2026-11-24T15:03:57Z",
    phone: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    message: dict[str, Any] = {
        "id": message_id,
        "contact_id": contact_id,
        "direction": direction,
        "from": phone.lstrip("+") if phone and direction == "in" else None,
        "author": {"kind": "client", "name": None} if direction == "in" else {"kind": "bot", "name": None},
        "sent_at": sent_at,
        "type": "text",
        "text": text,
        "media": None,
        "location": None,
        "reaction": None,
        "transcript": None,
        "card": None,
        "status": "received" if direction == "in" else "sent",
        "error": None,
        "raw": {},
    }
    message.update(fields)
    return message


@dataclass
class Fault:
    """One planned misbehaviour for the next request on a path.

    ``status``: answer with it (and ``retry_after`` for 429). ``delay``: sleep first (then behave, or
    apply the rest of the fault). ``cut_after``: send the real answer's headers but only that many body
    bytes, then close. ``apply_then``: for commands, apply it, then answer ``"500"`` or ``"drop"`` the
    connection without an answer. ``trickle``: send the real body at that many bytes per second (a slow
    download).
    """

    status: int | None = None
    retry_after: float | None = None
    delay: float = 0.0
    cut_after: int | None = None
    apply_then: str | None = None
    trickle: float | None = None


class RelaySimulator:
    def __init__(
        self,
        token: str = "test-token",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        now: datetime | None = None,
    ) -> None:
        self.token = token
        self.host = host
        self.port = port
        self.lock = threading.RLock()
        self.account = dict(ACCOUNT)
        self.agent = dict(AGENT)
        self.funnel_stages = copy.deepcopy(FUNNEL_STAGES)
        self._events: list[bytes] = []
        self._next_seq = 1
        self.contacts: dict[str, dict[str, Any]] = {}
        self.field_versions: dict[str, dict[str, int]] = {}
        self.last_inbound: dict[str, str] = {}
        #: idempotency key -> (body digest, status, answer bytes)
        self.commands: dict[str, tuple[str, int, bytes]] = {}
        self.applications: Counter[str] = Counter()
        self.media: dict[str, tuple[bytes, str]] = {}
        self.faults: dict[str, deque[Fault]] = {}
        self.requests: list[tuple[str, str]] = []
        self.cursor_floor = 0
        #: Seconds every answer waits (a slow relay).
        self.latency = 0.0
        self.now = now or datetime(2026, 11, 24, 16, 0, tzinfo=UTC)
        self._message_counter = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- running ----------------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._server is not None, "start() first"
        return f"http://{self.host}:{self._server.server_address[1]}"

    def start(self) -> RelaySimulator:
        server = _QuietServer((self.host, self.port), _make_handler(self))
        server.daemon_threads = True
        server.block_on_close = False
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="relay-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> RelaySimulator:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # --- the log ----------------------------------------------------------------------------

    @property
    def log_length(self) -> int:
        return len(self._events)

    def add_event(self, event_type: str, data: Mapping[str, Any], *, at: str | None = None) -> int:
        """Append an event (seq and id given here); track contacts and inbound times it shows."""
        with self.lock:
            seq = self._next_seq
            self._next_seq += 1
            event = {"seq": seq, "id": f"evt_{seq:08d}", "type": event_type, "at": at or iso(self.now), "data": data}
            self._track(event_type, data)
            self._events.append(json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode())
            return seq

    def add_raw(self, event: Any) -> None:
        """Append any JSON value as it is (a duplicate, a malformed event, an unknown type...)."""
        with self.lock:
            if isinstance(event, dict) and isinstance(event.get("seq"), int):
                self._next_seq = max(self._next_seq, event["seq"] + 1)
            self._events.append(json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode())

    def add_serialized(self, events: Iterable[bytes]) -> None:
        """Append pre-serialised events (for large generated logs; nothing is tracked)."""
        with self.lock:
            self._events.extend(events)

    def continue_after(self, seq: int) -> None:
        """New events get seqs after ``seq`` (the last of a log added with :meth:`add_serialized`)."""
        with self.lock:
            self._next_seq = max(self._next_seq, seq + 1)

    def duplicate(self, position: int) -> None:
        """Deliver the event at ``position`` (0-based) again at the end of the log."""
        with self.lock:
            self._events.append(self._events[position])

    def _track(self, event_type: str, data: Mapping[str, Any]) -> None:
        if event_type == "contact.upserted" and isinstance(data.get("contact"), dict):
            contact = data["contact"]
            old = self.contacts.get(contact["id"])
            if old is None or contact["version"] > old["version"]:
                changed = self.field_versions.setdefault(contact["id"], {})
                for name in CONTACT_FIELDS:
                    if old is None or old.get(name) != contact.get(name):
                        changed[name] = contact["version"]
                self.contacts[contact["id"]] = copy.deepcopy(contact)
        elif event_type == "message.upserted" and isinstance(data.get("message"), dict):
            message = data["message"]
            if message.get("direction") == "in":
                previous = self.last_inbound.get(message["contact_id"], "")
                self.last_inbound[message["contact_id"]] = max(previous, message["sent_at"])
        elif event_type == "contact.erased":
            self.contacts.pop(data.get("contact_id", ""), None)

    def add_contact(self, contact: dict[str, Any]) -> int:
        return self.add_event("contact.upserted", {"contact": contact})

    def change_contact(self, contact_id: str, **changes: Any) -> dict[str, Any]:
        """Someone else changes a contact on the relay: a new version, in the log."""
        with self.lock:
            contact = copy.deepcopy(self.contacts[contact_id])
            contact.update(changes)
            contact["version"] += 1
            contact["updated_at"] = iso(self.now)
            self.add_contact(contact)
            return contact

    def add_message(self, message: dict[str, Any]) -> int:
        return self.add_event("message.upserted", {"message": message})

    def add_media(self, media_id: str, body: bytes, content_type: str = "image/jpeg") -> str:
        self.media[media_id] = (body, content_type)
        return hashlib.sha256(body).hexdigest()

    def set_funnel_stages(self, stages: list[dict[str, Any]]) -> None:
        self.funnel_stages = copy.deepcopy(stages)
        self.add_event("account.updated", {"funnel_stages": stages})

    def plan(self, path: str, *faults: Fault) -> None:
        """Queue faults for the next requests whose path starts with ``path``."""
        with self.lock:
            self.faults.setdefault(path, deque()).extend(faults)

    def _take_fault(self, path: str) -> Fault | None:
        with self.lock:
            for prefix, queue in self.faults.items():
                if path.startswith(prefix) and queue:
                    return queue.popleft()
        return None

    # --- answers ----------------------------------------------------------------------------

    def events_page(self, after: str, limit: int) -> tuple[int, bytes]:
        with self.lock:
            if after:
                if not after.startswith("c_") or not after[2:].isdigit():
                    return 400, _error("bad_cursor", "unknown cursor")
                start = int(after[2:])
                if start < self.cursor_floor or start > len(self._events):
                    return 410, _error("cursor_expired", "the log no longer keeps this cursor")
            else:
                start = self.cursor_floor  # the empty cursor: from the oldest event the log still keeps
            end = min(start + limit, len(self._events))
            chunk = self._events[start:end]
            has_more = end < len(self._events)
        body = (
            b'{"events":['
            + b",".join(chunk)
            + b'],"next":"c_%d","has_more":%s}'
            % (
                end,
                b"true" if has_more else b"false",
            )
        )
        return 200, body

    def account_body(self) -> bytes:
        return _dump(
            {
                "account": self.account,
                "agent": self.agent,
                "funnel_stages": self.funnel_stages,
                "server_time": iso(self.now),
            }
        )

    def command(self, key: str | None, raw: bytes) -> tuple[int, bytes]:
        if not key:
            return 400, _error("missing_idempotency_key", "Idempotency-Key is required")
        digest = hashlib.sha256(raw).hexdigest()
        with self.lock:
            known = self.commands.get(key)
            if known is not None:
                if known[0] != digest:
                    return 422, _error("idempotency_mismatch", "this key was used with another body")
                return known[1], known[2]
            status, answer = self._run_command(raw)
            if status in (200, 409) or status in (400, 403, 404, 422):
                self.commands[key] = (digest, status, answer)
            if status == 200:
                self.applications[key] += 1
            return status, answer

    def _run_command(self, raw: bytes) -> tuple[int, bytes]:
        try:
            body = json.loads(raw)
        except ValueError:
            return 400, _error("bad_json", "the body is not JSON")
        if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
            return 400, _error("bad_request", "type, contact_id and data are required")
        kind, contact_id, data = body.get("type"), body.get("contact_id"), body["data"]
        if kind not in COMMAND_FIELDS and kind != "set_flags":
            return 422, _error("unknown_command", "unknown command type")
        contact = self.contacts.get(str(contact_id))
        if contact is None:
            return 404, _error("unknown_contact", "no such contact")
        fields = tuple(k for k in ("mystery_shopper", "contractor") if k in data) if kind == "set_flags" else None
        fields = fields if fields is not None else COMMAND_FIELDS[str(kind)]
        base = body.get("base_version")
        if fields and isinstance(base, int):
            changed = self.field_versions.get(contact["id"], {})
            if any(changed.get(name, 0) > base for name in fields):
                return 409, _dump({"error": "version_conflict", "contact": contact})
        new = copy.deepcopy(contact)
        extra: list[tuple[str, dict[str, Any]]] = []
        answer_message: dict[str, Any] | None = None
        match kind:
            case "set_sale_status":
                if data.get("sale_status") not in ("none", "pending", "signed", "sold"):
                    return 422, _error("invalid", "unknown sale status")
                new["sale_status"] = data["sale_status"]
            case "set_flags":
                if not fields or any(not isinstance(data[k], bool) for k in fields):
                    return 422, _error("invalid", "flags must be booleans")
                for name in fields:
                    new[name] = data[name]
                if data.get("contractor") is True:
                    new["bot_status"] = "agent"
                    new["bot_paused_until"] = None
            case "set_funnel_stage":
                stage = next((s for s in self.funnel_stages if s["id"] == data.get("stage")), None)
                if stage is None or not stage["manual"]:
                    return 422, _error("stage_not_manual", "only the bot's rules move a client into this stage")
                new["funnel_stage"] = stage["id"]
                extra.append(
                    (
                        "funnel.changed",
                        {
                            "id": f"fc_{contact['id']}_{contact['version'] + 1}",
                            "contact_id": contact["id"],
                            "from_stage": contact.get("funnel_stage"),
                            "to_stage": stage["id"],
                            "changed_by": {"kind": "agent", "id": self.agent["id"], "name": self.agent["name"]},
                            "note": data.get("note"),
                            "at": iso(self.now),
                        },
                    )
                )
            case "set_bot_status":
                if data.get("bot_status") not in ("active", "paused", "agent"):
                    return 422, _error("invalid", "unknown bot status")
                new["bot_status"] = data["bot_status"]
                new["bot_paused_until"] = data.get("until") if data["bot_status"] == "paused" else None
            case "mark_reviewed":
                new["unread"] = 0
            case "set_name":
                name = data.get("name")
                if not isinstance(name, str) or not 1 <= len(name) <= 200:
                    return 422, _error("invalid", "a name has 1 to 200 characters")
                new["name"] = name
            case "set_config":
                config = dict(new.get("config") or {})
                config.update(data.get("set") or {})
                for key in data.get("unset") or []:
                    config.pop(key, None)
                new["config"] = config
            case "send_message":
                text = data.get("text")
                if not isinstance(text, str) or not 1 <= len(text) <= 4096:
                    return 422, _error("invalid", "a message has 1 to 4096 characters")
                last = self.last_inbound.get(contact["id"])
                if last is None or datetime.fromisoformat(last.replace("Z", "+00:00")) < self.now - timedelta(hours=24):
                    return 422, _error("outside_window", "the client last wrote more than 24 hours ago")
                self._message_counter += 1
                answer_message = make_message(
                    f"wamid.SIM{self._message_counter:06d}",
                    contact["id"],
                    direction="out",
                    text=text,
                    sent_at=iso(self.now),
                    author={"kind": "agent", "name": self.agent["name"]},
                )
        if new != contact:
            new["version"] = contact["version"] + 1
            new["updated_at"] = iso(self.now)
            seq = self.add_contact(new)
        else:
            new = contact
            seq = self._next_seq - 1
        for event_type, event_data in extra:
            seq = self.add_event(event_type, event_data)
        answer: dict[str, Any] = {"result": "applied", "contact": new, "seq": seq}
        if answer_message is not None:
            seq = self.add_message(answer_message)
            self.add_event(
                "message.status",
                {"message_id": answer_message["id"], "status": "delivered", "at": iso(self.now), "error": None},
            )
            answer["message"] = answer_message
            answer["seq"] = seq
        return 200, _dump(answer)


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def _error(code: str, detail: str) -> bytes:
    return _dump({"error": code, "detail": detail})


def _make_handler(sim: RelaySimulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes: without TCP_NODELAY, Nagle plus the client's delayed ACK
        # hold every answer ~40 ms on loopback (500 commands took 23 s instead of a few).
        disable_nagle_algorithm = True
        timeout = 10

        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes, *, content_type: str = "application/json", **headers: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def _serve(self, method: str) -> None:
            parts = urlsplit(self.path)
            path = parts.path
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            with sim.lock:
                sim.requests.append((method, path))
            fault = sim._take_fault(path)
            if sim.latency:
                time.sleep(sim.latency)
            if fault is not None and fault.delay:
                time.sleep(fault.delay)
            if self.headers.get("Authorization") != f"Bearer {sim.token}":
                self._send(401, _error("unauthorized", "token missing, wrong or revoked"))
                return
            if fault is not None and fault.status is not None:
                headers = {} if fault.retry_after is None else {"Retry_After": str(fault.retry_after)}
                self._send(fault.status, _error("fault", "planned fault"), **headers)
                return
            status, body, content_type = self._answer(method, path, parts.query, raw)
            if fault is not None and fault.apply_then == "500":
                self._send(500, _error("internal", "planned fault after applying"))
                return
            if fault is not None and fault.apply_then == "drop":
                self.close_connection = True
                return
            if fault is not None and fault.cut_after is not None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: fault.cut_after])
                self.wfile.flush()
                self.close_connection = True
                return
            if fault is not None and fault.trickle:
                self._trickle(status, body, content_type, fault.trickle)
                return
            self._send(status, body, content_type=content_type)

        def _trickle(self, status: int, body: bytes, content_type: str, per_second: float) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            step = 4096
            self.close_connection = True
            try:
                for start in range(0, len(body), step):
                    self.wfile.write(body[start : start + step])
                    self.wfile.flush()
                    time.sleep(step / per_second)
            except OSError:
                pass  # the client went away

        def _answer(self, method: str, path: str, query: str, raw: bytes) -> tuple[int, bytes, str]:
            if method == "GET" and path == "/v1/account":
                return 200, sim.account_body(), "application/json"
            if method == "GET" and path == "/v1/events":
                params = parse_qs(query)
                try:
                    limit = int(params.get("limit", ["500"])[0])
                except ValueError:
                    limit = 0
                if not 1 <= limit <= 1000:
                    return 400, _error("bad_limit", "limit is 1 to 1000"), "application/json"
                status, body = sim.events_page(params.get("after", [""])[0], limit)
                return status, body, "application/json"
            if method == "POST" and path == "/v1/commands":
                status, body = sim.command(self.headers.get("Idempotency-Key"), raw)
                return status, body, "application/json"
            if method == "GET" and path.startswith("/v1/media/"):
                found = sim.media.get(unquote(path[len("/v1/media/") :]))
                if found is None:
                    return 404, _error("media_expired", "no such media"), "application/json"
                return 200, found[0], found[1]
            return 404, _error("not_found", "no such path"), "application/json"

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

    return Handler
