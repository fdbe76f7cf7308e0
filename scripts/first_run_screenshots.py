"""Render the first run off screen at 1024x700, for the docs: the welcome (no server set, no clients)
and the empty list while the first sync brings the clients.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/first_run_screenshots.py [--out docs/screenshots]

Writes ``first-run-welcome.png`` and ``first-run-getting-clients.png``. Uses a scratch database, settings
and data folders in a temporary folder: the user's own are never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[variable] = str(folder / variable.lower())  # no saved server, no user settings
        os.environ.pop("LEADDESK_RELAY_URL", None)
        os.environ.pop("LEADDESK_RELAY_TOKEN", None)

        from leaddesk.app import build_window, make_application
        from leaddesk.db.database import open_database
        from leaddesk.views.sync_status import SyncStatusWidget

        app = make_application([sys.argv[0]])
        database = open_database(folder / "empty.sqlite")
        session = build_window(database, start_sync=False)
        window = session.window
        try:
            window.resize(1024, 700)
            window.show()
            for name, reason in (("first-run-welcome.png", "welcome"), ("first-run-getting-clients.png", "syncing")):
                window.set_empty_reason(reason)
                status = window.findChild(SyncStatusWidget)
                if reason == "syncing" and status is not None:
                    status.set_state("syncing", "")
                for _ in range(5):
                    app.processEvents()
                out = args.out / name
                if not window.grab().save(str(out)):
                    raise SystemExit(f"could not write {out}")
                print(out)
        finally:
            session.close()
            window.close()
            database.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
