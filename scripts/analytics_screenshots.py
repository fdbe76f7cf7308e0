"""Render the Analytics page off screen on the demo database and on an empty one, for the docs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/analytics_screenshots.py [--out docs/screenshots]

Writes ``analytics-demo.png`` and ``analytics-empty.png`` (1024x700, the whole window with the
Analytics tab open, all time). Scratch databases and settings only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from leaddesk.app import make_application
from leaddesk.db.analytics import DateRange
from leaddesk.db.database import Database, open_database
from leaddesk.demo import ensure_demo_database
from leaddesk.views.main_window import MainWindow

SIZE = (1024, 700)


def shoot(database: Database, out: Path, *, demo: bool, settings_path: Path) -> None:
    app = make_application([sys.argv[0]])
    window = MainWindow(database, demo=demo, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.tabs.setCurrentWidget(window.analytics)
    window.analytics.set_range(DateRange())
    window.show()
    for _ in range(5):
        app.processEvents()
    if not window.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    window.close()
    print(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        demo = ensure_demo_database(folder / "demo.sqlite")
        try:
            shoot(demo, args.out / "analytics-demo.png", demo=True, settings_path=folder / "demo.ini")
        finally:
            demo.close()
        empty = open_database(folder / "empty.sqlite")
        try:
            shoot(empty, args.out / "analytics-empty.png", demo=False, settings_path=folder / "empty.ini")
        finally:
            empty.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
