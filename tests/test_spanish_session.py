"""Issue 14's acceptance, in one working session on the demo data with the Spanish locale: the main
window (the list and the Analytics page), a client's profile opened with Enter and each of its tabs,
Settings (both pages) and the keyboard shortcuts page show no English word of the program's own strings.
The demo's own account names its stages in the window's language, so nothing is left out of the check.

Each piece has its finer test (test_frame_spanish, test_list_spanish, test_profile_language); this one
walks them together as a Spanish-speaking user would, so that a string none of them looks at is caught."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from leaddesk.app import build_window
from leaddesk.db.database import Database
from leaddesk.demo import name_demo_stages
from leaddesk.views.settings_dialog import SettingsDialog
from tests.support.i18n import english_left, in_language, visible_texts


def english_on(root: QWidget) -> list[tuple[str, str]]:
    return english_left(visible_texts(root))


def each_tab(qtbot: QtBot, tabs: QTabWidget) -> Iterator[str]:
    """Click each tab in turn, as a user would; yields its title."""
    for index in range(tabs.count()):
        qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
        QApplication.processEvents()
        yield tabs.tabText(index)


def test_a_working_session_in_spanish_shows_no_english(qtbot: QtBot, demo: Database, tmp_path: Path) -> None:
    name_demo_stages(demo, "es")  # as the window opens the demo in Spanish
    with in_language("es"):
        session = build_window(demo, demo=True, start_sync=False)
        window = session.window
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)

        titles = [(title, english_on(window)) for title in each_tab(qtbot, window.tabs)]
        assert [title for title, _ in titles] == ["Clientes", "Estadísticas"]
        assert [(title, left) for title, left in titles if left] == []

        window.tabs.setCurrentIndex(0)
        window.table.setFocus()
        window.table.selectRow(0)
        qtbot.keyClick(window.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(session.profiles))
        profile = next(iter(session.profiles.values()))
        qtbot.waitExposed(profile)
        for title in each_tab(qtbot, profile.tabs):
            assert english_on(profile) == [], f"English left on the profile's {title!r} tab"
        profile.close()

        settings = SettingsDialog(
            window, preferences_store=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(settings)
        settings.show()
        qtbot.waitExposed(settings)
        pages = [(title, english_on(settings)) for title in each_tab(qtbot, settings.tabs)]
        assert [title for title, _ in pages] == ["Servidor", "General"]
        assert [(title, left) for title, left in pages if left] == []
        settings.reject()

        shortcuts = window.show_shortcuts()
        qtbot.waitExposed(shortcuts)
        assert shortcuts.windowTitle() == "Atajos de teclado"
        assert english_on(shortcuts) == []
        shortcuts.close()
        session.close()
