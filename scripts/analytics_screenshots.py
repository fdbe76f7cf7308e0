"""Render the Analytics page off screen on the demo database and on an empty one, for the docs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/analytics_screenshots.py [--out docs/screenshots] \
        [--language es] [--theme dark]

Writes ``analytics-demo.png`` and ``analytics-empty.png``: the Analytics page at 1024x700, all time; with
``--language es`` the page in Spanish (es_MX), as ``analytics-demo-es.png`` and ``analytics-empty-es.png``,
plus one chart saved as the page's PNG export does (``analytics-chart-funnel-es.png``); with ``--theme dark``
the same in the dark theme, named ``…-dark.png``. Scratch databases only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale

from leaddesk.app import make_application
from leaddesk.db.analytics import DateRange
from leaddesk.db.database import Database, open_database
from leaddesk.demo import ensure_demo_database
from leaddesk.i18n import install_translations
from leaddesk.views.analytics_page import AnalyticsPage
from leaddesk.views.theme import apply_theme

SIZE = (1024, 700)


def shoot(database: Database, out: Path, language: str = "en", chart: Path | None = None, theme: str = "light") -> None:
    app = make_application([sys.argv[0]])
    apply_theme(app, theme)  # the one asked for, whatever this computer's saved choice
    system = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico) if language == "es" else QLocale("en_US")
    install_translations(language, system)
    page = AnalyticsPage(database)
    page.set_range(DateRange())
    page.resize(*SIZE)
    page.show()
    for _ in range(5):
        app.processEvents()
    if not page.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    if chart is not None:
        page.model.wait()
        app.processEvents()
        page.save_png("funnel", chart)
        print(chart)
    page.close()
    page.deleteLater()  # deleted by Qt, on this thread, before its database is closed
    app.processEvents()
    print(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "es"), default="en", help="the window's language (default en)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    args = parser.parse_args()
    suffix = ("" if args.language == "en" else f"-{args.language}") + ("-dark" if args.theme == "dark" else "")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        demo = ensure_demo_database(folder / "demo.sqlite", args.language)
        try:
            chart = args.out / f"analytics-chart-funnel{suffix}.png" if suffix else None
            shoot(demo, args.out / f"analytics-demo{suffix}.png", args.language, chart, args.theme)
        finally:
            demo.close()
        empty = open_database(folder / "empty.sqlite")
        try:
            shoot(empty, args.out / f"analytics-empty{suffix}.png", args.language, None, args.theme)
        finally:
            empty.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
