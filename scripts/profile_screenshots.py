"""Render every tab of the profile dialog on the demo data to ``docs/screenshots/profile-*.png``, and the
Overview with unsaved changes (one of them refused by the check before saving) at 1024x700 and 1440x900.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/profile_screenshots.py [OUT_DIR] [--language es]``
``[--theme dark]``

With ``--language es`` the window speaks Spanish (Mexico's locale), the client shown is one whose bot speaks
Spanish, and the files end in ``-es`` (``profile-overview-es.png``); with ``--theme dark`` in ``-dark``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale
from PySide6.QtWidgets import QApplication

from leaddesk.demo import ensure_demo_database
from leaddesk.i18n import install_translations
from leaddesk.views.profile import ProfileDialog
from leaddesk.views.theme import apply_theme

TABS = ["overview", "conversation", "meetings", "survey", "funnel", "configuration"]


def unsaved(app: QApplication, dialog: ProfileDialog, out: Path, suffix: str = "") -> None:
    """The Overview with changes not saved yet: a new sale status and stage, and a pause that already ended."""
    overview = dialog.overview
    dialog.tabs.setCurrentWidget(overview)
    overview.sale_status.setCurrentIndex(overview.sale_status.findData("signed"))
    overview.stage.setCurrentIndex(1 if overview.stage.currentIndex() == 0 else 0)
    overview.stage_note.setText("Firmó en la oficina de ventas" if suffix else "Signed at the sales office")
    overview.bot_paused.setChecked(True)
    overview.pause_until_on.setChecked(True)
    overview.pause_until.setDateTime(QDateTime.currentDateTime().addSecs(-2 * 3600))
    overview.save_changes()  # refused before saving: the pause is marked, nothing is saved
    for width, height in ((1024, 700), (1440, 900)):
        dialog.resize(width, height)
        app.processEvents()
        path = out / f"profile-unsaved-{width}{suffix}.png"
        dialog.grab().save(str(path))
        print(path, dialog.windowTitle())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_out = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    parser.add_argument("out", nargs="?", type=Path, default=default_out)
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--language", choices=("en", "es"), default="en")
    args = parser.parse_args()
    out: Path = args.out
    language: str = args.language
    suffix = ("" if language == "en" else f"-{language}") + ("-dark" if args.theme == "dark" else "")
    out.mkdir(parents=True, exist_ok=True)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("LeadDesk-screenshots")
    app.setStyle("Fusion")
    apply_theme(app, args.theme)
    if language != "en":
        install_translations(language, QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico))
    with tempfile.TemporaryDirectory() as folder:
        database = ensure_demo_database(Path(folder) / "demo.sqlite", language)
        with database.read() as connection:
            # The demo client with the richest record: a survey, a visit still to come, many messages.
            # In another language, a client whose bot speaks it: the conversation matches the window.
            row = connection.exec_driver_sql(
                "SELECT c.id FROM contacts c WHERE EXISTS (SELECT 1 FROM surveys s WHERE s.contact_id = c.id) "
                "ORDER BY (? = 'en' OR json_extract(c.config, '$.language') = ?) DESC, "
                "EXISTS (SELECT 1 FROM meetings m WHERE m.contact_id = c.id "
                "AND m.starts_at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) DESC, c.message_count DESC LIMIT 1",
                (language, language),
            ).first()
            if row is None:
                row = connection.exec_driver_sql("SELECT id FROM contacts ORDER BY message_count DESC LIMIT 1").first()
        assert row is not None, "the demo database has no clients"
        dialog = ProfileDialog(database, str(row[0]))
        dialog.resize(900, 720)
        dialog.show()
        for position, name in enumerate(TABS):
            dialog.tabs.setCurrentIndex(position)
            app.processEvents()
            if name == "conversation":
                dialog.conversation.scroll_to_newest()
                app.processEvents()
            dialog.grab().save(str(out / f"profile-{name}{suffix}.png"))
            print(out / f"profile-{name}{suffix}.png")
        unsaved(app, dialog, out, suffix)
        dialog.overview.refresh()
        dialog.close()
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
