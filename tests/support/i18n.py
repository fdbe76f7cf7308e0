"""Run a window in another language and find English left on screen.

``in_language("es")`` installs the shipped catalogues (LeadDesk's and Qt's) and the Spanish locale as
start-up would on a Spanish system, and takes them away after. ``english_left(widget)`` lists the
visible texts of a window (labels, buttons, menus, tabs, headers, placeholders, tooltips, titles,
accessible names) that hold a word which only the program's English strings use: the words of every
source string of ``resources/i18n/leaddesk_es.ts``, less those that also appear in a Spanish translation
("Total", "WhatsApp", "Email" are both).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)

from leaddesk.i18n import install_translations, remove_translations

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "leaddesk_es.ts"
WORD = re.compile(r"[A-Za-zÀ-ÿ]{4,}")


@contextmanager
def in_language(language: str) -> Iterator[QLocale]:
    """The program's words and Qt's in ``language``, with its locale, for the block."""
    before = QLocale()
    system = QLocale(QLocale.Language.Spanish, QLocale.Country.Mexico) if language == "es" else QLocale("en_US")
    try:
        yield install_translations(language, system)
    finally:
        remove_translations()
        QLocale.setDefault(before)


@cache
def english_only_words() -> frozenset[str]:
    """Words of the program's English strings that no Spanish translation uses."""
    english: set[str] = set()
    spanish: set[str] = set()
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        english.update(word.lower() for word in WORD.findall(message.findtext("source") or ""))
        translation = message.find("translation")
        if translation is not None:
            texts = [translation.text or ""] + [form.text or "" for form in translation.iter("numerusform")]
            for text in texts:
                spanish.update(word.lower() for word in WORD.findall(text))
    return frozenset(english - spanish)


def menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        if action.menu() is not None:
            yield from menu_texts(action.menu())


def menu_bar_texts(window: QMainWindow) -> list[str]:
    """Every text of the window's menus (titles, entries, their tooltips, submenus)."""
    texts: list[str] = []
    for action in window.menuBar().actions():
        if action.menu() is not None:
            texts.extend(menu_texts(action.menu()))
    return [text for text in texts if text]


def _view_headers(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    if isinstance(view, (QTableView, QTreeView)):
        for column in range(model.columnCount()):
            header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str):
                yield header
            tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield tip


def visible_texts(root: QWidget) -> list[str]:
    """The program's own texts a user sees or hears (a screen reader) in ``root`` and its children.

    Item views give their headers only: their cells hold what the relay sent (names, messages).
    """
    texts: list[str] = [root.windowTitle(), root.accessibleName(), root.toolTip()]
    if isinstance(root, QMainWindow):
        texts.extend(menu_bar_texts(root))
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        texts.extend([widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()])
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
            menu = widget.menu() if isinstance(widget, (QPushButton, QToolButton)) else None  # radio buttons have none
            if menu is not None:
                texts.extend(menu_texts(menu))
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(index) for index in range(widget.count()))
            texts.extend(widget.tabToolTip(index) for index in range(widget.count()))
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(index) for index in range(widget.count()))
        elif isinstance(widget, QAbstractItemView):
            texts.extend(_view_headers(widget))
    return [text for text in texts if text]


def english_left(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(English word, the text it is in) for each visible text that still speaks the program's English."""
    words = english_only_words()
    found = []
    for text in texts:
        for word in WORD.findall(text.replace("&", "")):
            if word.lower() in words:
                found.append((word, text))
    return found


def unnamed_controls(root: QWidget) -> list[str]:
    """Controls of ``root`` a screen reader could not name: shown, taking the keyboard focus, with neither
    an accessible name nor a visible text holding a letter ("▲" or "✕" says nothing). Parts of another
    control (a spin box's line edit, a combo box's list) are named by that control, so they are skipped."""
    from PySide6.QtWidgets import QAbstractSpinBox

    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.focusProxy() is not None or isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox)):
            continue
        if widget.accessibleName().strip():
            continue
        text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
        if isinstance(widget, QTabBar):
            text = " ".join(widget.tabText(index) for index in range(widget.count()))
        if not re.search(r"[^\W\d_]", text):
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found
