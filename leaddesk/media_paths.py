"""The one gate between relay data and the file system: media hashes and paths inside the media folder.

Media ids, hashes and file names come from strangers. A hash is a media's name in the cache only when
it is exactly 64 lowercase hex characters, and every path made from a stored ``local_path`` is resolved
(symbolic links followed) and must land strictly inside the media folder, whatever the operating
system: backslashes count as separators, and drive letters, UNC names, ``..`` and device names are refused.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from leaddesk.domain import MediaState

_SHA256 = re.compile(r"[0-9a-f]{64}")
#: The names LeadDesk itself gives cached files: ``ab/<sha256>`` and ``cards/<sha256 of the media id>``.
_OWN_NAME = re.compile(r"(?:(?P<prefix>[0-9a-f]{2})/(?P<sha>[0-9a-f]{64})|cards/[0-9a-f]{64})")
#: Card files written by LeadDesk before 0004 were named after the media id with unsafe characters replaced.
_OLD_CARD_NAME = re.compile(r"cards/[A-Za-z0-9_.-]+")
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)


class UnsafeMediaPath(ValueError):  # noqa: N818 - says what was found, like the relay's errors
    """A path from relay data (or from a row it shaped) that could lie outside the media folder."""


def is_sha256(value: object) -> bool:
    """True for exactly 64 lowercase hex characters: the only hashes that name a cached file."""
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def sha256_path(sha256: str) -> str:
    """Where the verified bytes with this hash live, relative to the media folder."""
    if not is_sha256(sha256):
        raise UnsafeMediaPath("not a sha256")
    return f"{sha256[:2]}/{sha256}"


def card_path(media_id: str) -> str:
    """A card image (the protocol gives it no hash): named after a hash of its id, never the id itself."""
    return "cards/" + hashlib.sha256(media_id.encode("utf-8", "surrogatepass")).hexdigest()


def is_own_name(relative: str) -> bool:
    """Whether ``relative`` has the shape of a name LeadDesk gives the files it writes."""
    if _OLD_CARD_NAME.fullmatch(relative) and relative not in ("cards/.", "cards/.."):
        return True
    match = _OWN_NAME.fullmatch(relative)
    return match is not None and (match["prefix"] is None or match["sha"].startswith(match["prefix"]))


def inside_media_dir(media_dir: Path, relative: str) -> Path:
    """``media_dir / relative``, fully resolved, or ``UnsafeMediaPath`` unless it lies inside the folder.

    Checked before anything is read, written, opened or deleted there.
    """
    if not isinstance(relative, str) or not relative or len(relative) > 512:
        raise UnsafeMediaPath("empty or overlong media path")
    if "\x00" in relative or ":" in relative:  # NUL, drive letters (C:), alternate data streams
        raise UnsafeMediaPath("media path with a drive or a NUL")
    parts = relative.replace("\\", "/").split("/")
    if parts[0] == "":  # /abs, \abs, //server, \\server
        raise UnsafeMediaPath("absolute media path")
    for part in parts:
        if part in ("", ".", "..") or part != part.rstrip(". "):
            raise UnsafeMediaPath("media path with an empty, dot or dot-dot part")
        if part.split(".")[0].upper() in _WINDOWS_DEVICES:
            raise UnsafeMediaPath("media path naming a Windows device")
    root = media_dir.resolve()
    target = root.joinpath(*parts).resolve()
    if target == root or not target.is_relative_to(root):
        raise UnsafeMediaPath("media path outside the media folder")
    return target


def cached_file(media_dir: Path, state: object, relative: object) -> Path | None:
    """The file of a media row that LeadDesk verified as it wrote it (state ``cached``), if it is there."""
    if state != MediaState.CACHED or not isinstance(relative, str):
        return None
    try:
        path = inside_media_dir(media_dir, relative)
    except UnsafeMediaPath:
        return None
    return path if path.is_file() else None


def safe_file_name(name: object, fallback: str) -> str:
    """A relay-given file name as a bare name to suggest in a Save dialog: no folder, drive or control characters."""
    if not isinstance(name, str):
        return fallback
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable() and ch not in ':*?"<>|').strip(". ")
    if not base or base.split(".")[0].upper() in _WINDOWS_DEVICES:
        return fallback
    return base[:200]
