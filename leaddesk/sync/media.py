"""The media cache: verified bytes under ``<media_dir>/<sha256[:2]>/<sha256>`` (cards under ``cards/``).

``media.local_path`` holds the path relative to ``Database.media_dir``; ``media_file()`` resolves it
and refuses anything outside the folder. A row is ``cached`` only after LeadDesk wrote its file (to a
temporary name in the folder, then renamed into place) and, for a hash, checked the bytes as they came.
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
from leaddesk.domain import MediaState, format_time, utc_now
from leaddesk.media_paths import (
    UnsafeMediaPath,
    card_path,
    inside_media_dir,
    is_own_name,
    is_sha256,
    sha256_path,
)
from leaddesk.sync.client import MEDIA_MAX_BYTES, MediaTooLarge, Refused, RelayClient

log = logging.getLogger(__name__)

#: How many media one cycle of the window's worker fetches; ``sync --once`` fetches them all.
MEDIA_PER_CYCLE = 200

# Profile images and message images/stickers first: they are what the window shows at once.
_PRIORITY = """CASE
            WHEN m.kind = 'profile' THEN 0
            WHEN m.kind = 'message' AND (m.mime_type LIKE 'image/%' OR m.mime_type IS NULL) THEN 1
            WHEN m.kind = 'card' THEN 2
            ELSE 3
          END"""
_MISSING = f"""
SELECT {_PRIORITY} AS priority, m.rowid, m.id, m.kind, m.sha256
  FROM media AS m
 WHERE m.state = 'missing' AND ({_PRIORITY} > :priority OR ({_PRIORITY} = :priority AND m.rowid > :rowid))
 ORDER BY priority, m.rowid
 LIMIT :limit
"""


@dataclass(frozen=True)
class MissingMedia:
    """One media row to fetch; ``key`` orders them (priority, rowid) so a pass visits each once."""

    key: tuple[int, int]
    media_id: str
    kind: str
    sha256: str | None


#: Before the first missing media.
START: tuple[int, int] = (-1, -1)


def missing_batch(database: Database, after: tuple[int, int], limit: int) -> list[MissingMedia]:
    """The next ``limit`` missing media after ``after``, most wanted first."""
    with database.read() as connection:
        rows = connection.execute(text(_MISSING), {"priority": after[0], "rowid": after[1], "limit": limit}).all()
    return [MissingMedia((int(r[0]), int(r[1])), str(r[2]), str(r[3]), r[4]) for r in rows]


def missing_count(database: Database) -> int:
    with database.read() as connection:
        return int(connection.execute(text("SELECT count(*) FROM media WHERE state = 'missing'")).scalar_one())


def media_file(database: Database, local_path: str) -> Path:
    """The cached file ``local_path`` names; ``UnsafeMediaPath`` if it would lie outside the media folder."""
    return inside_media_dir(database.media_dir, local_path)


def _mark(database: Database, media_id: str, state: MediaState, local_path: str | None = None) -> None:
    with database.write() as connection:
        connection.execute(
            text("UPDATE media SET state = :state, local_path = :path, fetched_at = :at WHERE id = :id"),
            {"state": str(state), "path": local_path, "at": format_time(utc_now()), "id": media_id},
        )


def _verified_copy(database: Database, sha256: str, relative: str, target: Path) -> bool:
    """Whether LeadDesk already wrote and checked these bytes (for another media id with the same hash)."""
    with database.read() as connection:
        recorded = connection.execute(
            text("SELECT 1 FROM media WHERE local_path = :p AND sha256 = :s AND state = 'cached' LIMIT 1"),
            {"p": relative, "s": sha256},
        ).first()
    return recorded is not None and target.is_file()


def fetch_one(database: Database, client: RelayClient, media_id: str, sha256: str | None, kind: str = "") -> str:
    """Fetch one media into the cache and record its state: ``cached``, ``expired`` or ``bad``.

    A message's or profile's media needs a valid sha256 (else it is ``bad``, and nothing is fetched);
    a card's image has none by protocol. A passing fault (``PassingFault``) propagates and leaves the
    row ``missing``.
    """
    if kind == "card" and sha256 is None:
        relative, wanted = card_path(media_id), None
    elif is_sha256(sha256):
        assert sha256 is not None
        relative, wanted = sha256_path(sha256), sha256
    else:
        log.warning("media %s has no valid sha256; marked bad, not fetched", media_id)
        _mark(database, media_id, MediaState.BAD)
        return MediaState.BAD
    try:
        target = media_file(database, relative)
    except UnsafeMediaPath:  # cannot happen with the names above; checked all the same
        _mark(database, media_id, MediaState.BAD)
        return MediaState.BAD
    if wanted is not None and _verified_copy(database, wanted, relative, target):
        _mark(database, media_id, MediaState.CACHED, relative)
        return MediaState.CACHED
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".part-", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            try:
                got = client.media(media_id, out, max_bytes=MEDIA_MAX_BYTES)
            except MediaTooLarge:
                state = MediaState.BAD
            except Refused as problem:
                state = MediaState.EXPIRED if problem.status == 404 else MediaState.BAD
            else:
                state = MediaState.CACHED if wanted is None or got.sha256 == wanted else MediaState.BAD
            out.flush()
            if state == MediaState.CACHED:
                os.fsync(out.fileno())
        if state == MediaState.CACHED:
            Path(temp_name).replace(target)
            _mark(database, media_id, state, relative)
        else:
            if state == MediaState.BAD:
                log.warning("media %s refused: too large or its sha256 does not match", media_id)
            _mark(database, media_id, state)
        return state
    finally:
        with contextlib.suppress(FileNotFoundError):
            Path(temp_name).unlink()


def delete_unused_files(database: Database, local_paths: Iterable[str]) -> None:
    """After an erasure has committed: delete cached files no remaining media row uses.

    Only files LeadDesk wrote and recorded: a name of the shape it gives its files, inside the media
    folder. Anything else a row may hold is left alone.
    """
    paths = list(dict.fromkeys(local_paths))
    if not paths:
        return
    with database.read() as connection:
        for relative in paths:
            if not isinstance(relative, str) or not is_own_name(relative):
                continue
            try:
                target = media_file(database, relative)
            except UnsafeMediaPath:
                continue
            used = connection.execute(
                text("SELECT 1 FROM media WHERE local_path = :p LIMIT 1"), {"p": relative}
            ).first()
            if used is None:
                with contextlib.suppress(FileNotFoundError, IsADirectoryError):
                    target.unlink()
