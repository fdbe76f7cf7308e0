"""The list's context menu: a bulk edit of 500 selected clients through the one edit path."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from sqlalchemy import text

from leaddesk.db.database import Database
from leaddesk.views.client_actions import build_client_menu, install_client_actions
from leaddesk.views.main_window import MainWindow
from tests.support.profile import seed_contacts


def test_bulk_sale_status_for_500_selected(qtbot: Any, database: Database, tmp_path: Any) -> None:
    seed_contacts(database, 500)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(database, settings=settings)
    qtbot.addWidget(window)
    install_client_actions(window, database)
    window.show()
    window.table.selectAll()
    assert len(window.selected_contact_ids()) == 500
    menu = build_client_menu(window, database, window.table)
    sale = next(a.menu() for a in menu.actions() if a.text() == "Set sale status")
    signed = next(a for a in sale.actions() if a.text() == "Signed")
    signed.trigger()
    with database.read() as connection:
        assert connection.execute(text("SELECT count(*) FROM contacts WHERE sale_status = 'signed'")).scalar() == 500
        assert connection.execute(text("SELECT count(*) FROM outbox")).scalar() == 500
