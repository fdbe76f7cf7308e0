"""Build the QApplication and the main window, and run until the window closes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from leaddesk import __version__
from leaddesk.db.database import Database
from leaddesk.paths import APP_AUTHOR, APP_NAME, resource


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named (QSettings and platformdirs use the names), styled and with its icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("leaddesk")
    app.setStyle("Fusion")
    apply_style(app)
    from leaddesk.models.icons import icon

    app.setWindowIcon(icon("leaddesk"))
    return app


def apply_style(app: QApplication) -> None:
    style = resource("style.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def run_window(db_path: Path, *, demo: bool = False, relay_url: str | None = None) -> int:
    """Open the database (the demo one is filled on first use), show the main window, run it."""
    app = make_application()
    database: Database
    if demo:
        from leaddesk.demo import ensure_demo_database

        database = ensure_demo_database(db_path)
    else:
        from leaddesk.db.database import open_database

        database = open_database(db_path)
    from leaddesk.views.main_window import MainWindow

    try:
        window = MainWindow(database, demo=demo)
        window.show()
        return int(app.exec())
    finally:
        database.close()
