"""The program's language: Qt translators for LeadDesk's own words and Qt's standard dialogs.

The language is chosen once at start-up, before any widget exists (a change in Settings takes effect
on the next start): the user's choice in Settings, or else the system's. ``QLocale.setDefault`` makes
every ``QLocale()`` (dates, times, numbers in ``models/words.py``) follow it. The CLI never loads a
translator, so its messages and its JSON stay the same in every language.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from leaddesk.paths import resource_file
from leaddesk.preferences import SYSTEM

#: Languages LeadDesk ships, as catalogue names: ``resources/i18n/leaddesk_<code>.qm``.
SHIPPED: Final = ("en", "es")
ENGLISH: Final = "en"

#: The translators installed now (QCoreApplication keeps no reference of its own).
_installed: list[QTranslator] = []


def choose_language(preference: str, system: QLocale | None = None) -> str:
    """The language to show: the user's choice, or the system's when it is one we ship, else English."""
    if preference in SHIPPED:
        return preference
    if preference != SYSTEM:
        return ENGLISH
    spoken = (system or QLocale.system()).name().split("_")[0]
    return spoken if spoken in SHIPPED else ENGLISH


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for dates and numbers: the system's own when it speaks ``language`` (Mexico's
    Spanish stays Mexican), else the language's main one."""
    system = system or QLocale.system()
    if system.name().split("_")[0] == language:
        return system
    return QLocale(language)


def install_translations(language: str, system: QLocale | None = None) -> QLocale:
    """Load LeadDesk's catalogue and Qt's own for ``language``, and make its locale the default."""
    remove_translations()
    chosen = locale_for(language, system)
    QLocale.setDefault(chosen)
    qt_catalogues = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_catalogues), ("leaddesk", None)):
        translator = QTranslator()
        if folder is not None:
            loaded = translator.load(f"{name}_{language}", folder)
        else:
            with resource_file(f"i18n/leaddesk_{language}.qm") as path:
                loaded = path.is_file() and translator.load(str(path))
        if loaded and QCoreApplication.installTranslator(translator):
            _installed.append(translator)
    return chosen


def shown_language() -> str:
    """The language the window speaks now ("es", "en"): the default locale's, which start-up set."""
    return QLocale().name().split("_")[0]


def remove_translations() -> None:
    """Back to the source language (English) with no translator installed."""
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
