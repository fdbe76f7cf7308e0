"""After a sync (headless and through the settings), the token is nowhere on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from leaddesk import paths
from leaddesk.sync import settings
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import RelaySimulator
from tests.support.sync import MemoryKeyring, run_sync

TOKEN = "tok_SECRET_b7f3e1d9c2a8"


def files_holding(folder: Path, secret: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and secret in p.read_bytes()]


def test_token_is_nowhere_on_disk(memory_keyring: MemoryKeyring, isolated_user_folders: Path, tmp_path: Path) -> None:
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        settings.save_settings(settings.RelaySettings(relay_url=sim.url))
        settings.set_token(sim.url, TOKEN)
        assert settings.get_token(sim.url) == TOKEN
        assert memory_keyring.passwords == {("LeadDesk", sim.url): TOKEN}
        db = paths.default_db_path()
        from leaddesk.db.database import open_database

        database = open_database(db)
        try:
            assert run_sync(database, sim.url, settings.get_token(sim.url) or "").ok
        finally:
            database.close()
        done = subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", str(db), "-v", "sync", "--once"],
            capture_output=True,
            text=True,
            env=dict(os.environ, LEADDESK_RELAY_TOKEN=TOKEN),
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert TOKEN not in done.stdout + done.stderr
    secret = TOKEN.encode()
    folders = [paths.data_dir(), paths.config_dir(), paths.log_dir(), isolated_user_folders, tmp_path]
    assert any(paths.data_dir().rglob("*.sqlite"))
    for folder in folders:
        assert files_holding(folder, secret) == []
