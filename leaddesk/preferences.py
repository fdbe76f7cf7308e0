"""The staff's own choices on this computer: language, light or dark, and notices.

Kept in ``QSettings`` beside the window's geometry, so that each person's desktop keeps its own. The
window, the Settings dialog and the start-up (which must pick the language before any widget exists)
all read them through here, one key each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QSettings

from leaddesk.paths import APP_AUTHOR, APP_NAME

#: "system" follows the desktop; otherwise a language code LeadDesk ships ("es", "en").
LANGUAGE_KEY: Final = "preferences/language"
#: "system" follows the desktop's colour scheme; otherwise "light" or "dark".
THEME_KEY: Final = "preferences/theme"
#: A tray notice when a client writes or a new lead arrives while the window is in the background.
NOTICES_KEY: Final = "preferences/notices"
#: Also a notice for the bot's own messages (off unless chosen).
NOTICES_FOR_BOT_KEY: Final = "preferences/notices_for_bot_messages"

SYSTEM: Final = "system"
LANGUAGES: Final = (SYSTEM, "es", "en")
THEMES: Final = (SYSTEM, "light", "dark")


@dataclass(frozen=True)
class Preferences:
    language: str = SYSTEM
    theme: str = SYSTEM
    notices: bool = True
    notices_for_bot_messages: bool = False


def app_settings() -> QSettings:
    """The settings store of this user on this computer (the registry, a plist or an ini file)."""
    return QSettings(APP_AUTHOR, APP_NAME)


def _choice(settings: QSettings, key: str, choices: tuple[str, ...]) -> str:
    value = settings.value(key, SYSTEM)
    return value if isinstance(value, str) and value in choices else SYSTEM


def _flag(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):  # ini files give strings back
        return value.strip().lower() in {"true", "1", "yes"}
    return bool(value)


def load_preferences(settings: QSettings | None = None) -> Preferences:
    """The saved choices; anything missing or unknown falls back to its default."""
    store = settings if settings is not None else app_settings()
    defaults = Preferences()
    return Preferences(
        language=_choice(store, LANGUAGE_KEY, LANGUAGES),
        theme=_choice(store, THEME_KEY, THEMES),
        notices=_flag(store, NOTICES_KEY, defaults.notices),
        notices_for_bot_messages=_flag(store, NOTICES_FOR_BOT_KEY, defaults.notices_for_bot_messages),
    )


def save_preferences(preferences: Preferences, settings: QSettings | None = None) -> None:
    store = settings if settings is not None else app_settings()
    store.setValue(LANGUAGE_KEY, preferences.language)
    store.setValue(THEME_KEY, preferences.theme)
    store.setValue(NOTICES_KEY, preferences.notices)
    store.setValue(NOTICES_FOR_BOT_KEY, preferences.notices_for_bot_messages)
    store.sync()
