"""The media cache: verified bytes under ``<media_dir>/<sha256[:2]>/<sha256>`` (cards by media id).

``media.local_path`` holds the path relative to ``Database.media_dir``; ``media_file()`` resolves it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from leaddesk.db.database import Database
from leaddesk.domain import format_time, utc_now
from leaddesk.sync.client import MEDIA_MAX_BYTES, MediaTooLarge, Refused, RelayClient

log = logging.getLogger(__name__)

MEDIA_PER_CYCLE = 200

# Profile images and message images/stickers first: they are what the window shows at once.
_MISSING = """
SELECT m.id, m.kind, m.sha256, m.mime_type
  FROM media AS m
 WHERE m.state = 'missing'
 ORDER BY CASE
            WHEN m.kind = 'profile' THEN 0
            WHEN m.kind = 'message' AND (m.mime_type LIKE 'image/%' OR m.mime_type IS NULL) THEN 1
            WHEN m.kind = 'card' THEN 2
            ELSE 3
          END, m.rowid
 LIMIT :limit
"""


@dataclass
class MediaResult:
    fetched: int = 0
    expired: int = 0
    bad: int = 0


def media_file(database: Database, local_path: str) -> Path:
    return database.media_dir / local_path


def relative_path(media_id: str, sha256: str | None) -> str:
    if sha256:
        return f"{sha256[:2]}/{sha256}"
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in media_id)
    return f"cards/{safe}"


def _mark(database: Database, media_id: str, state: str, local_path: str | None = None) -> None:
    with database.write() as connection:
        connection.execute(
            text("UPDATE media SET state = :state, local_path = :path, fetched_at = :at WHERE id = :id"),
            {"state": state, "path": local_path, "at": format_time(utc_now()), "id": media_id},
        )


def fetch_one(database: Database, client: RelayClient, media_id: str, sha256: str | None) -> str:
    """Fetch one media into the cache and record its state: ``ok``, ``expired`` or ``bad``.

    A passing fault (``PassingFault``) propagates and leaves the row ``missing``.
    """
    wanted = sha256.lower() if sha256 else None
    relative = relative_path(media_id, wanted)
    target = database.media_dir / relative
    if wanted and target.is_file():  # the same bytes were fetched for another media id
        _mark(database, media_id, "ok", relative)
        return "ok"
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".part-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            try:
                got = client.media(media_id, out, max_bytes=MEDIA_MAX_BYTES)
            except MediaTooLarge:
                state = "bad"
            except Refused as problem:
                state = "expired" if problem.status == 404 else "bad"
            else:
                state = "ok" if wanted is None or got.sha256 == wanted else "bad"
            out.flush()
            if state == "ok":
                os.fsync(out.fileno())
        if state == "ok":
            Path(temp_name).replace(target)
            _mark(database, media_id, "ok", relative)
        else:
            if state == "bad":
                log.warning("media %s refused: too large or its sha256 does not match", media_id)
            _mark(database, media_id, state)
        return state
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(temp_name).unlink()


def fetch_missing(
    database: Database, client: RelayClient, *, limit: int = MEDIA_PER_CYCLE, cancelled: object = None
) -> MediaResult:
    result = MediaResult()
    with database.read() as connection:
        rows = connection.execute(text(_MISSING), {"limit": limit}).all()
    for media_id, _kind, sha256, _mime in rows:
        if cancelled is not None and getattr(cancelled, "is_set", lambda: False)():
            break
        state = fetch_one(database, client, media_id, sha256)
        if state == "ok":
            result.fetched += 1
        elif state == "expired":
            result.expired += 1
        else:
            result.bad += 1
    return result


def delete_unused_files(database: Database, local_paths: Iterable[str]) -> None:
    """After an erasure has committed: delete cached files no remaining media row uses."""
    paths = list(dict.fromkeys(local_paths))
    if not paths:
        return
    with database.read() as connection:
        for relative in paths:
            used = connection.execute(
                text("SELECT 1 FROM media WHERE local_path = :p LIMIT 1"), {"p": relative}
            ).first()
            if used is None:
                with contextlib.suppress(FileNotFoundError):
                    media_file(database, relative).unlink()
