"""The gate between relay data and the file system: which hashes name a file, which paths stay inside."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaddesk.media_paths import (
    UnsafeMediaPath,
    cached_file,
    card_path,
    inside_media_dir,
    is_own_name,
    is_sha256,
    safe_file_name,
    sha256_path,
)

VALID = hashlib.sha256(b"bytes").hexdigest()

HOSTILE = [
    "../../x",
    "../x",
    "ab/../../x",
    "ab/./x",
    "/tmp/x",
    "/etc/passwd",
    "C:\\Windows\\x",
    "C:/Windows/x",
    "c:x",
    "..\\..\\x",
    "ab\\..\\..\\x",
    "\\\\server\\share\\x",
    "//server/share/x",
    "\\x",
    "x:stream",
    "",
    ".",
    "..",
    "ab/",
    "ab//x",
    "a\x00b",
    "CON",
    "ab/nul.txt",
    "ab/x.",
    "ab/x ",
    "x" * 600,
]


@pytest.mark.parametrize("relative", HOSTILE)
def test_hostile_paths_are_refused(tmp_path: Path, relative: str) -> None:
    media = tmp_path / "db-media"
    with pytest.raises(UnsafeMediaPath):
        inside_media_dir(media, relative)


@pytest.mark.parametrize("relative", [f"{VALID[:2]}/{VALID}", card_path("md_card"), "cards/md_card_1", "a/b/c.jpg"])
def test_plain_relative_paths_land_inside(tmp_path: Path, relative: str) -> None:
    media = tmp_path / "db-media"
    assert inside_media_dir(media, relative) == media.resolve().joinpath(*relative.split("/"))


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    media = tmp_path / "db-media"
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / VALID).write_bytes(b"not ours")
    media.mkdir()
    (media / VALID[:2]).symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafeMediaPath):
        inside_media_dir(media, sha256_path(VALID))
    assert cached_file(media, "cached", sha256_path(VALID)) is None


def test_only_a_verified_file_counts(tmp_path: Path) -> None:
    media = tmp_path / "db-media"
    target = media / VALID[:2] / VALID
    target.parent.mkdir(parents=True)
    target.write_bytes(b"bytes")
    assert cached_file(media, "cached", sha256_path(VALID)) == target.resolve()
    for state in ("missing", "ok", "bad", "expired", None):
        assert cached_file(media, state, sha256_path(VALID)) is None
    assert cached_file(media, "cached", None) is None
    assert cached_file(media, "cached", "../" + VALID) is None
    assert cached_file(media, "cached", f"{VALID[:2]}/{'0' * 64}") is None  # recorded but not there


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        (VALID, True),
        (VALID[:63], False),
        (VALID + "0", False),
        (VALID.upper(), False),
        ("g" * 64, False),
        (" " + VALID[1:], False),
        (VALID[:63] + "\n", False),
        (None, False),
        (64, False),
    ],
)
def test_a_sha256_is_64_lowercase_hex(value: object, valid: bool) -> None:
    assert is_sha256(value) is valid


def test_sha256_path_refuses_anything_else() -> None:
    assert sha256_path(VALID) == f"{VALID[:2]}/{VALID}"
    with pytest.raises(UnsafeMediaPath):
        sha256_path("../../" + VALID[:58])


def test_card_files_are_named_by_a_hash_of_the_id() -> None:
    for media_id in ("../../../etc/passwd", "C:\\x", "..", "", "md_1"):
        name = card_path(media_id)
        assert name.startswith("cards/") and is_sha256(name[len("cards/") :])
    assert card_path("md_1") != card_path("md_2")


def test_own_names() -> None:
    assert is_own_name(f"{VALID[:2]}/{VALID}")
    assert is_own_name(card_path("md_x"))
    assert is_own_name("cards/md_old-name.1")  # named by LeadDesk before 0004
    for name in (
        f"ff/{VALID}",
        f"{VALID[:2]}/{VALID[:63]}",
        "cards/..",
        "cards/.",
        "cards/a/b",
        "x/../cards/a",
        "../x",
    ):
        assert not is_own_name(name)


_PIECES = st.sampled_from(["..", ".", "/", "\\", "C:", "c:", "\\\\", "//", "ab", "x", " ", "\x00", "~", "nul", "CON"])


@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=st.one_of(st.text(max_size=80), st.lists(_PIECES, max_size=12).map("".join)))
def test_any_string_is_refused_or_lands_strictly_inside(tmp_path: Path, relative: str) -> None:
    media = tmp_path / "db-media"
    root = media.resolve()
    try:
        target = inside_media_dir(media, relative)
    except UnsafeMediaPath:
        return
    assert target != root and target.is_relative_to(root)
    assert os.path.commonpath([root, target]) == str(root)
    assert ".." not in relative.replace("\\", "/").split("/")
    assert ":" not in relative and not relative.startswith(("/", "\\"))


@settings(max_examples=300)
@given(value=st.text(alphabet="0123456789abcdefABCDEF./\\:", max_size=70))
def test_only_exact_hashes_give_a_cache_name(value: str) -> None:
    if is_sha256(value):
        assert len(value) == 64 and value == value.lower()
        assert sha256_path(value) == f"{value[:2]}/{value}"
    else:
        with pytest.raises(UnsafeMediaPath):
            sha256_path(value)


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("Brochure.pdf", "Brochure.pdf"),
        ("../../.bashrc", "bashrc"),
        ("..\\..\\Startup\\run.bat", "run.bat"),
        ("C:\\Windows\\System32\\x.dll", "x.dll"),
        ("\\\\server\\share\\doc.pdf", "doc.pdf"),
        ("/etc/passwd", "passwd"),
        ("a:b.txt", "ab.txt"),
        ("..", "fallback"),
        ("CON.txt", "fallback"),
        ("", "fallback"),
        (None, "fallback"),
        ("line\nbreak.txt", "linebreak.txt"),
    ],
)
def test_a_relay_file_name_is_suggested_as_a_bare_name(name: object, suggested: str) -> None:
    assert safe_file_name(name, "fallback") == suggested
