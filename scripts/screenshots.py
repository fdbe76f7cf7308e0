"""Render the main window off screen on the demo database and on an empty one, for the docs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--theme dark]
        [--language es]

Writes ``main-window-demo.png`` and ``main-window-empty.png``, and ``main-window-filters-1024.png`` and
``main-window-filters-1440.png``: the demo data with three filters chosen, at 1024x700 and 1440x900.
With ``--theme dark`` the same in the dark theme, named ``…-dark.png``.
Uses scratch databases and settings in a temporary folder: the user's own data and window layout are
never touched. ``--language es`` renders in Spanish (the shipped catalogues and Mexico's locale, as on a
Spanish desktop) into the same names with an ``-es`` suffix, plus ``settings-general-es.png``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QSettings

from leaddesk.app import make_application
from leaddesk.db.database import Database, open_database
from leaddesk.demo import ensure_demo_database
from leaddesk.i18n import install_translations
from leaddesk.views.main_window import MainWindow
from leaddesk.views.settings_dialog import SettingsDialog
from leaddesk.views.theme import apply_theme

SIZE = (1280, 760)
#: The language to render in ("" : as make_application chose, from the settings or the system).
LANGUAGE = ""


def choose_three_filters(window: MainWindow) -> None:
    """Sale status Pending or Signed, a warm sentiment, mystery shoppers hidden."""
    window.filters.sale.set_chosen(["pending", "signed"])
    window.filters.sentiment.set_chosen(["hot", "warm"])
    window.filters.mystery.setCurrentIndex(window.filters.mystery.findData("hide"))


def shoot(
    database: Database,
    out: Path,
    *,
    demo: bool,
    settings_path: Path,
    size: tuple[int, int] = SIZE,
    filtered: bool = False,
    theme: str = "light",
) -> None:
    app = make_application([sys.argv[0]])
    apply_theme(app, theme)  # the one asked for, whatever this computer's saved choice
    if LANGUAGE:
        install_translations(LANGUAGE, QLocale("es_MX") if LANGUAGE == "es" else QLocale("en_US"))
    window = MainWindow(database, demo=demo, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    window.resize(*size)
    window.show()
    if filtered:
        choose_three_filters(window)
    for _ in range(5):
        app.processEvents()
    if not window.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    window.close()
    print(out)


def shoot_settings(out: Path, settings_path: Path) -> None:
    """Settings → General, as the staff see it."""
    app = make_application([sys.argv[0]])
    dialog = SettingsDialog(preferences_store=QSettings(str(settings_path), QSettings.Format.IniFormat))
    dialog.tabs.setCurrentIndex(1)
    dialog.resize(640, 440)
    dialog.show()
    for _ in range(5):
        app.processEvents()
    if not dialog.grab().save(str(out)):
        raise SystemExit(f"could not write {out}")
    dialog.close()
    print(out)


def main() -> int:
    global LANGUAGE
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--language", choices=("en", "es"), default="", help="render in this language")
    args = parser.parse_args()
    LANGUAGE = args.language
    suffix = f"-{LANGUAGE}" if LANGUAGE and LANGUAGE != "en" else ""
    args.out.mkdir(parents=True, exist_ok=True)
    suffix += "-dark" if args.theme == "dark" else ""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if LANGUAGE and LANGUAGE != "en":
            shoot_settings(args.out / f"settings-general{suffix}.png", folder / "settings.ini")
        demo = ensure_demo_database(folder / "demo.sqlite", LANGUAGE or None)
        try:
            shoot(
                demo,
                args.out / f"main-window-demo{suffix}.png",
                demo=True,
                settings_path=folder / "demo.ini",
                theme=args.theme,
            )
            for width, height in ((1024, 700), (1440, 900)):
                shoot(
                    demo,
                    args.out / f"main-window-filters-{width}{suffix}.png",
                    demo=True,
                    settings_path=folder / f"filters-{width}.ini",
                    size=(width, height),
                    filtered=True,
                    theme=args.theme,
                )
        finally:
            demo.close()
        empty = open_database(folder / "empty.sqlite")
        try:
            shoot(
                empty,
                args.out / f"main-window-empty{suffix}.png",
                demo=False,
                settings_path=folder / "empty.ini",
                theme=args.theme,
            )
        finally:
            empty.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
