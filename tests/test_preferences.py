from pathlib import Path

from PySide6.QtCore import QSettings

from leaddesk.preferences import LANGUAGE_KEY, THEME_KEY, Preferences, load_preferences, save_preferences


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_choices_survive_a_restart(tmp_path: Path) -> None:
    chosen = Preferences(language="es", theme="dark", notices=False, notices_for_bot_messages=True)
    save_preferences(chosen, ini(tmp_path))
    assert load_preferences(ini(tmp_path)) == chosen


def test_a_new_computer_follows_the_system_and_notices_clients_only(tmp_path: Path) -> None:
    assert load_preferences(ini(tmp_path)) == Preferences(language="system", theme="system", notices=True)
    assert load_preferences(ini(tmp_path)).notices_for_bot_messages is False


def test_an_unknown_saved_value_falls_back_to_the_system(tmp_path: Path) -> None:
    store = ini(tmp_path)
    store.setValue(LANGUAGE_KEY, "klingon")
    store.setValue(THEME_KEY, 3)
    assert load_preferences(store) == Preferences()
