"""Relay hashes and ids that try to be file paths: nothing outside LeadDesk's folders is read, taken or touched.

Each hostile ``sha256`` goes out both as a contact's profile image and as a message's media. Canary
files sit where a naive ``media_dir / sha[:2] / sha`` would land (outside the media folder, and for
the 63/65-character strings inside it, where LeadDesk never wrote them). A sync fetches, the relay
erases the contacts, another sync runs: every canary keeps its bytes and its mtime, and no file or
folder outside the database's own files and the media folder appears or changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaddesk.db.database import Database, open_database
from leaddesk.models.profile import contact_facts
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.sync import run_sync, sqlite

TOKEN = "hostile-media-token"
VALID = hashlib.sha256(b"the real portrait").hexdigest()


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        yield running


@pytest.fixture
def deep_database(tmp_path: Path) -> Iterator[Database]:
    """A database three folders down, so ``..`` paths from the media folder still land in ``tmp_path``."""
    folder = tmp_path / "home" / "leaddesk"
    folder.mkdir(parents=True)
    opened = open_database(folder / "cache.sqlite")
    yield opened
    opened.close()


def _naive_target(media_dir: Path, sha: str) -> Path:
    """Where ``media_dir / sha[:2] / sha`` lands with backslashes read as separators (as on Windows)."""
    return Path(str(media_dir / sha[:2] / sha).replace("\\", "/"))


def _tree(root: Path, leaddesk_own: list[Path]) -> dict[str, tuple[str, int, int]]:
    """Every file and folder under ``root`` that is not LeadDesk's own (kind, size, mtime in ns)."""
    listing: dict[str, tuple[str, int, int]] = {}
    for path in sorted(root.rglob("*")):
        if any(path == own or path.is_relative_to(own) for own in leaddesk_own):
            continue
        info = path.lstat()
        listing[str(path.relative_to(root))] = ("dir" if path.is_dir() else "file", info.st_size, info.st_mtime_ns)
    return listing


def test_hostile_hashes_never_touch_a_file_outside(
    sim: RelaySimulator, deep_database: Database, tmp_path: Path
) -> None:
    database = deep_database
    media_dir = database.media_dir
    # Canary files where the hostile values point.
    canaries = {
        "relative": tmp_path / "canary-relative",
        "absolute": tmp_path / "outside" / "canary-absolute",
        "windows-relative": tmp_path / "canary-windows",
    }
    hostile = {
        "relative": "../../canary-relative",  # media/../../../canary-relative = tmp_path/canary-relative
        "absolute": str(canaries["absolute"]),
        "windows-relative": "..\\..\\canary-windows",
        "windows-drive": "C:\\Windows\\x",
        "windows-unc": "\\\\server\\share\\x",
        "63": VALID[:63],
        "65": VALID + "a",
        "upper": VALID.upper(),
    }
    for name, sha in hostile.items():
        target = _naive_target(media_dir, sha)
        if name in canaries:
            assert target.resolve() == canaries[name]
        elif name in ("63", "65", "upper"):
            canaries[name] = target  # a file LeadDesk never wrote, where the old code would have looked
        else:
            continue  # C:\ and \\server: no such place on this system; the tree listing covers them
    # Files that merely exist, even at the exact place of a valid hash, are never taken as cached.
    media_dir.mkdir(exist_ok=True)
    canaries["drive-form"] = media_dir / "C:" / "C:\\Windows\\x"
    for canary in canaries.values():
        canary.parent.mkdir(parents=True, exist_ok=True)
        canary.write_bytes(b"canary " + canary.name.encode())
    planted = media_dir / VALID[:2] / VALID
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_bytes(b"planted, not fetched")
    canary_state = {name: (path.read_bytes(), path.stat().st_mtime_ns) for name, path in canaries.items()}

    # The relay: for each hostile value a contact with it as profile image and a message with it as media.
    contacts = []
    for index, sha in enumerate(hostile.values()):
        contact_id, phone = f"ct_h{index}", f"+52155000{index:05d}"
        contacts.append(contact_id)
        sim.add_media(f"md_p{index}", b"relay bytes p")
        sim.add_media(f"md_m{index}", b"relay bytes m")
        sim.add_contact(
            make_contact(
                contact_id, phone, profile_image={"media_id": f"md_p{index}", "sha256": sha, "mime_type": "image/png"}
            )
        )
        sim.add_message(
            make_message(
                f"wamid.H{index}",
                contact_id,
                phone=phone,
                type="image",
                text=None,
                media={"media_id": f"md_m{index}", "mime_type": "image/png", "sha256": sha},
            )
        )
    # A real portrait (valid hash, planted file with other bytes) and a card whose id is a path.
    assert sim.add_media("md_real", b"the real portrait") == VALID
    sim.add_media("../../../canary-relative", b"card image")
    sim.add_contact(make_contact("ct_ok", "+5215500099999", profile_image={"media_id": "md_real", "sha256": VALID}))
    sim.add_message(
        make_message(
            "wamid.card",
            "ct_ok",
            phone="+5215500099999",
            type="interactive",
            card={"title": "Torre", "media_id": "../../../canary-relative"},
        )
    )
    own = [database.media_dir, *database.path.parent.glob(database.path.name + "*")]
    before = _tree(tmp_path, own)

    summary = run_sync(database, sim.url, TOKEN, all_media=True)
    assert summary.outcome == "ok"
    # The hostile media were marked bad as their events were applied: none was even tried.
    assert (summary.media_fetched, summary.media_bad, summary.media_missing) == (2, 0, 0)
    with sqlite(database.path) as connection:
        states = dict(connection.execute("SELECT id, state FROM media").fetchall())
        paths = dict(connection.execute("SELECT id, local_path FROM media").fetchall())
        kept = connection.execute("SELECT count(*) FROM contacts WHERE id LIKE 'ct_h%'").fetchone()[0]
        messages = connection.execute("SELECT count(*) FROM messages WHERE id LIKE 'wamid.H%'").fetchone()[0]
    assert kept == len(hostile) and messages == len(hostile)  # the contact and the message stay
    for index in range(len(hostile)):
        assert states[f"md_p{index}"] == states[f"md_m{index}"] == "bad"
        assert paths[f"md_p{index}"] is None and paths[f"md_m{index}"] is None
        facts = contact_facts(database, f"ct_h{index}")
        assert facts is not None and facts.photo is None  # no canary shown as the profile photo
    fetched = {path for method, path in sim.requests if path.startswith("/v1/media/")}
    assert fetched == {"/v1/media/md_real", "/v1/media/..%2F..%2F..%2Fcanary-relative"}
    # The planted file was replaced by the checked download, not taken as it was.
    assert states["md_real"] == "cached" and planted.read_bytes() == b"the real portrait"
    facts = contact_facts(database, "ct_ok")
    assert facts is not None and facts.photo == planted.resolve()

    for contact_id in [*contacts, "ct_ok"]:
        sim.add_event("contact.erased", {"contact_id": contact_id})
    assert run_sync(database, sim.url, TOKEN, all_media=True).outcome == "ok"
    assert run_sync(database, sim.url, TOKEN, all_media=True).outcome == "ok"

    assert not planted.exists()  # LeadDesk's own verified file of an erased contact does go
    for name, path in canaries.items():
        assert (path.read_bytes(), path.stat().st_mtime_ns) == canary_state[name], name
    assert _tree(tmp_path, own) == before
