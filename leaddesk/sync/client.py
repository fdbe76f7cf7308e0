"""The relay's HTTP API on a ``requests.Session``: timeouts, the bearer token, errors as exceptions.

Every failure is one of a few exception classes, so the engine decides by kind, not by status code:
``PassingFault`` (retry: 5xx, 429, timeouts, connection errors, a body that is not the promised
JSON), ``Unauthorized`` (401: stop), ``CursorExpired`` (410), ``Conflict`` (409 with the relay's
contact) and ``Refused`` (400, 403, 404, 422). The token lives only in the session's headers: it is
never part of a message, an exception or a ``repr``.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit

import requests

from leaddesk import __version__
from leaddesk.sync.tls import CABundleError, make_session

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
MEDIA_MAX_BYTES = 16 * 1024 * 1024
#: Media bodies are read in chunks this big; cancellation is checked between them.
MEDIA_CHUNK = 16 * 1024


class Cancelled(Exception):  # noqa: N818 - a state, not a failure
    """The cycle was asked to stop; everything done so far is committed."""


class RelayError(Exception):
    """Something the relay (or the way to it) did; ``str()`` never holds the token."""

    def __init__(self, message: str, *, status: int | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class ConfigurationError(RelayError):
    """The relay URL (or CA bundle) cannot be used as given."""


class PassingFault(RelayError):  # noqa: N818 - the protocol's words
    """Retry later: 5xx, 429, a timeout, a dropped connection, a cut or malformed body."""

    def __init__(self, message: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, status=status)
        self.retry_after = retry_after


class Unauthorized(RelayError):  # noqa: N818 - the protocol's words
    """401: the token is missing, wrong or revoked."""


class CursorExpired(RelayError):  # noqa: N818 - the protocol's words
    """410: the log no longer keeps events after our cursor."""


class Refused(RelayError):  # noqa: N818 - the protocol's words
    """400, 403, 404 or 422: the request is wrong and will stay wrong."""


class Conflict(RelayError):  # noqa: N818 - the protocol's words
    """409: a field the command sets changed after ``base_version``; ``contact`` is the relay's state."""

    def __init__(self, message: str, contact: Mapping[str, Any]) -> None:
        super().__init__(message, status=409, code="version_conflict")
        self.contact = contact


class MediaTooLarge(RelayError):  # noqa: N818 - the protocol's words
    pass


@dataclass
class EventsPage:
    events: list[Any]
    next: str
    has_more: bool


@dataclass
class CommandAnswer:
    contact: dict[str, Any]
    message: dict[str, Any] | None = None
    seq: int | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass
class MediaDownload:
    size: int
    sha256: str
    content_type: str | None


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_relay_url(url: str) -> str:
    """The base URL without a trailing slash; ``ConfigurationError`` if it cannot be used."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError("the relay URL must start with https:// and name a host")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise ConfigurationError("plain http:// is allowed only for a loopback address; use https://")
    if parts.username or parts.password:
        raise ConfigurationError("the relay URL must not hold a user name or password")
    return url.strip().rstrip("/")


class RelayClient:
    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        ca_bundle: str | Path | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        cancel: threading.Event | None = None,
    ) -> None:
        self.base_url = check_relay_url(base_url)
        #: Set from another thread to stop a media download between two chunks (``Cancelled``).
        self.cancel = cancel or threading.Event()
        if ca_bundle is not None and not Path(ca_bundle).is_file():
            raise ConfigurationError("the extra CA bundle file does not exist")
        self.timeout = (connect_timeout, read_timeout)
        # Verification stays on: certifi's roots plus REQUESTS_CA_BUNDLE plus the Settings bundle
        # (an office proxy that inspects TLS), and the system's proxy settings.
        try:
            self._session: requests.Session = make_session(Path(ca_bundle) if ca_bundle else None)
        except CABundleError as problem:
            raise ConfigurationError(str(problem)) from None
        self._session.headers["Authorization"] = f"Bearer {token}"
        self._session.headers["User-Agent"] = f"LeadDesk/{__version__}"
        self._session.headers["Accept"] = "application/json"

    def __repr__(self) -> str:
        return f"RelayClient({self.base_url!r})"

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> RelayClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- plumbing ---------------------------------------------------------------------------

    def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        try:
            return self._session.request(method, self.base_url + path, timeout=self.timeout, **kwargs)
        except requests.exceptions.SSLError:
            raise ConfigurationError("the relay's certificate was not accepted (check the CA bundle)") from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema):
            raise ConfigurationError("the relay URL is not valid") from None
        except requests.exceptions.RequestException as problem:
            raise PassingFault(f"{method} {path}: {type(problem).__name__}") from None

    @staticmethod
    def _json(response: requests.Response, what: str) -> Any:
        try:
            return json.loads(response.content)
        except requests.exceptions.RequestException as problem:
            raise PassingFault(f"{what}: body cut off ({type(problem).__name__})") from None
        except ValueError:
            raise PassingFault(f"{what}: the body is not JSON", status=response.status_code) from None

    def _raise_for(self, response: requests.Response, what: str) -> None:
        status = response.status_code
        if status < 400:
            return
        code: str | None = None
        detail = ""
        body: Any = None
        try:
            body = json.loads(response.content)
        except (ValueError, requests.exceptions.RequestException):
            body = None
        if isinstance(body, dict):
            code = body.get("error") if isinstance(body.get("error"), str) else None
            detail = str(body["detail"]) if isinstance(body.get("detail"), str) else ""
        message = f"{what}: {status}" + (f" {code}" if code else "") + (f" ({detail})" if detail else "")
        if status == 401:
            raise Unauthorized(f"{what}: the relay refused the token", status=401, code=code)
        if status == 410:
            raise CursorExpired(message, status=410, code=code)
        if status == 409 and isinstance(body, dict) and isinstance(body.get("contact"), dict):
            raise Conflict(message, body["contact"])
        if status == 429 or status >= 500 or status == 409:
            raise PassingFault(message, status=status, retry_after=_retry_after(response))
        raise Refused(message, status=status, code=code)

    # --- the API ----------------------------------------------------------------------------

    def account(self) -> dict[str, Any]:
        response = self._request("GET", "/v1/account")
        self._raise_for(response, "account")
        body = self._json(response, "account")
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("account"), dict)
            or not isinstance(body.get("agent"), dict)
        ):
            raise PassingFault("account: not the promised shape")
        return body

    def events(self, after: str, limit: int = 1000) -> EventsPage:
        response = self._request("GET", "/v1/events", params={"after": after, "limit": limit})
        self._raise_for(response, "events")
        body = self._json(response, "events")
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("events"), list)
            or not isinstance(body.get("next"), str)
            or not isinstance(body.get("has_more"), bool)
        ):
            raise PassingFault("events: not the promised shape")
        return EventsPage(events=body["events"], next=body["next"], has_more=body["has_more"])

    def command(self, idempotency_key: str, body: Mapping[str, Any]) -> CommandAnswer:
        payload = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
        response = self._request(
            "POST",
            "/v1/commands",
            data=payload,
            headers={"Idempotency-Key": idempotency_key, "Content-Type": "application/json"},
        )
        self._raise_for(response, f"command {body.get('type')}")
        answer = self._json(response, "command")
        if not isinstance(answer, dict) or not isinstance(answer.get("contact"), dict):
            raise PassingFault("command: not the promised shape")
        message = answer.get("message")
        seq = answer.get("seq")
        return CommandAnswer(
            contact=answer["contact"],
            message=message if isinstance(message, dict) else None,
            seq=seq if isinstance(seq, int) else None,
            raw=answer,
        )

    def media(self, media_id: str, out: IO[bytes], *, max_bytes: int = MEDIA_MAX_BYTES) -> MediaDownload:
        """Stream a media body into ``out``; ``MediaTooLarge`` past ``max_bytes``, ``Cancelled`` when asked."""
        # The id is the relay's data: one percent-encoded path segment, never a path of its own.
        response = self._request("GET", f"/v1/media/{quote(media_id, safe='')}", stream=True)
        with response:
            self._raise_for(response, "media")
            declared = response.headers.get("Content-Length")
            if declared is not None and declared.isdigit() and int(declared) > max_bytes:
                raise MediaTooLarge("media: larger than the cap")
            digest = hashlib.sha256()
            size = 0
            try:
                for chunk in response.iter_content(chunk_size=MEDIA_CHUNK):
                    if self.cancel.is_set():
                        raise Cancelled
                    size += len(chunk)
                    if size > max_bytes:
                        raise MediaTooLarge("media: larger than the cap")
                    digest.update(chunk)
                    out.write(chunk)
            except requests.exceptions.RequestException as problem:
                raise PassingFault(f"media: body cut off ({type(problem).__name__})") from None
            return MediaDownload(
                size=size, sha256=digest.hexdigest(), content_type=response.headers.get("Content-Type")
            )


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    from leaddesk.domain import utc_now

    return max(0.0, (moment - utc_now()).total_seconds())
