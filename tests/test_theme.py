"""Light and dark: every chip's text reads (WCAG AA) in both, "dark" paints dark, "system" follows the desktop."""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QCheckBox, QRadioButton, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from leaddesk.db.database import Database
from leaddesk.demo import FUNNEL_STAGES
from leaddesk.domain import SALE_STATUS_COLORS, SENTIMENT_COLORS, SaleStatus
from leaddesk.models.client_table import UNKNOWN_STAGE_COLOR, Column
from leaddesk.preferences import Preferences, load_preferences, save_preferences
from leaddesk.views.delegates import BADGE_COLORS, CONFLICT_COLOR, UNREAD_COLOR
from leaddesk.views.main_window import MainWindow
from leaddesk.views.profile import ProfileDialog
from leaddesk.views.profile.overview_tab import initials_avatar
from leaddesk.views.theme import (
    DARK,
    LIGHT,
    TEXT_CONTRAST,
    LeadDeskStyle,
    ThemeColors,
    apply_theme,
    colors,
    contrast_ratio,
    dark_style_sheet,
    relative_luminance,
    style_sheet,
)
from tests.support.events import EventLog, account_updated, at, contact, message
from tests.support.profile import seed_rich_contact

THEMES = pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])

#: Stage colours come from the account on the server: any colour at all, so a spread of hues and lightness.
ANY_COLOURS = [QColor.fromHslF(hue / 12, saturation, lightness) for hue in range(12) for saturation in (0.0, 0.5, 1.0)
               for lightness in (0.05, 0.3, 0.5, 0.7, 0.95)]  # fmt: skip


@pytest.fixture
def themed(qapp: QApplication) -> Iterator[QApplication]:
    """The application as ``leaddesk`` styles it; back to plain light (no style sheet) afterwards.

    Asked for before ``qtbot``, so its teardown runs after qtbot's has closed the test's windows; those
    are then deleted, and their garbage collected, before the style changes: a wrapper freed by the
    collector in the middle of the style sheet's re-polish would delete a widget under Qt's feet.
    """
    previous_style = qapp.style().name()
    qapp.setStyle("Fusion")
    yield qapp
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    apply_theme(qapp, "light")
    qapp.setStyleSheet("")
    qapp.setPalette(qapp.style().standardPalette())
    qapp.setStyle(previous_style)


@pytest.fixture
def filled(database: Database) -> Database:
    EventLog(database).apply(
        [
            account_updated(),
            contact("ct_a", name="Ana Lopez", phone="+5215512345678", sale_status="sold", sentiment="warm"),
            message("ct_a", at(-10)),
        ]
    )
    return database


def test_relative_luminance_and_contrast_follow_wcag() -> None:
    assert relative_luminance(QColor("#FFFFFF")) == pytest.approx(1.0)
    assert relative_luminance(QColor("#000000")) == pytest.approx(0.0)
    assert contrast_ratio(QColor("#FFFFFF"), QColor("#000000")) == pytest.approx(21.0)
    # WCAG's own examples: #767676 is the lightest grey that passes on white, #777777 fails.
    assert contrast_ratio(QColor("#767676"), QColor("#FFFFFF")) >= 4.5
    assert contrast_ratio(QColor("#777777"), QColor("#FFFFFF")) < 4.5


@THEMES
def test_every_chip_text_reads_on_its_chip(theme: ThemeColors) -> None:
    """Sale status and unread (solid), stages, badges and the conflict pill (soft), in light and in dark."""
    solid = [QColor(c) for c in SALE_STATUS_COLORS.values()] + [QColor(UNKNOWN_STAGE_COLOR), UNREAD_COLOR]
    soft = [QColor(str(stage["color"])) for stage in FUNNEL_STAGES] + [QColor(c) for c in BADGE_COLORS.values()]
    soft += [CONFLICT_COLOR, QColor(UNKNOWN_STAGE_COLOR)]
    failing = []
    for kind, base_colours in (("solid", solid + ANY_COLOURS), ("soft", soft + ANY_COLOURS)):
        for base in base_colours:
            chip = theme.solid_chip(base) if kind == "solid" else theme.soft_chip(base)
            ratio = contrast_ratio(chip.text, chip.background)
            if ratio < TEXT_CONTRAST:
                failing.append((kind, base.name(), chip.text.name(), chip.background.name(), round(ratio, 2)))
    assert failing == []


@THEMES
def test_plain_cells_and_bubbles_read(theme: ThemeColors) -> None:
    """Sentiment and bot status are the palette's text beside a dot; bubbles and their muted lines too."""
    pairs = {
        "text on base": (theme.text, theme.base),
        "text on alternate rows": (theme.text, theme.alternate_base),
        "selected text": (theme.highlighted_text, theme.highlight),
        "muted on base": (theme.muted_text, theme.base),
        "problem text": (theme.problem_text, theme.problem_background),
        "waiting note": (theme.warning_text, theme.warning_background),
        "day": (theme.day_text, theme.day_background),
        "chart labels": (theme.chart_muted, theme.chart_background),
    }
    for bubble in ("client", "agent", "bot"):
        background = getattr(theme, f"bubble_{bubble}")
        pairs[f"{bubble} bubble"] = (theme.bubble_text, background)
        pairs[f"muted in {bubble} bubble"] = (theme.bubble_muted, background)
        pairs[f"failed in {bubble} bubble"] = (theme.failed, background)
    pairs["agent's name"] = (theme.agent_name, theme.bubble_agent)
    pairs["bot's name"] = (theme.bot_name, theme.bubble_bot)
    low = {name: round(contrast_ratio(*pair), 2) for name, pair in pairs.items() if contrast_ratio(*pair) < 4.5}
    assert low == {}
    # A sentiment's dot is no text, but it must still be seen (WCAG's 3:1 for marks) on dark.
    if theme.dark:
        assert all(contrast_ratio(theme.mark(QColor(c)), theme.base) >= 3 for c in SENTIMENT_COLORS.values())


def _rules(sheet: str) -> Iterator[tuple[str, dict[str, str]]]:
    for found in re.finditer(r"([^{}]+)\{([^{}]*)\}", re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        declarations = (part.partition(":") for part in found.group(2).split(";"))
        rule = {name.strip().lower(): value.strip() for name, colon, value in declarations if colon}
        yield found.group(1).strip(), rule


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_style_sheet_text_reads_on_its_background(qapp: QApplication, dark: bool) -> None:
    """Each text colour of the style sheet, on its rule's background (or the window's and the fields')."""
    theme = DARK if dark else LIGHT
    low = []
    for selector, rule in _rules(style_sheet(dark)):
        if ":disabled" in selector:
            continue  # WCAG asks nothing of disabled controls
        own = rule.get("background") or rule.get("background-color")
        grounds = [QColor(own)] if own and own.startswith("#") else [theme.base, theme.window]
        for prop, ground in (("color", grounds), ("selection-color", [QColor(rule.get("selection-background-color"))])):
            if prop in rule and rule[prop].startswith("#"):
                ratio = min(contrast_ratio(QColor(rule[prop]), g) for g in ground)
                if ratio < TEXT_CONTRAST:
                    low.append((selector, prop, rule[prop], round(ratio, 2)))
    assert low == []
    if dark:  # and no light surface is left over from the light sheet
        surfaces = [rule.get("background", "") for _, rule in _rules(style_sheet(True))]
        assert [s for s in surfaces if s.startswith("#") and relative_luminance(QColor(s)) > 0.25] == []


def test_a_colour_added_to_the_light_sheet_later_still_turns_dark(qapp: QApplication) -> None:
    """A rule written for light only, with colours the dark tables do not know, reads on dark too."""
    ((_, rule),) = _rules(dark_style_sheet("QFrame#newNotice { background: #FAF6E8; color: #3A3020; }"))
    assert relative_luminance(QColor(rule["background"])) < 0.05
    assert contrast_ratio(QColor(rule["color"]), QColor(rule["background"])) >= TEXT_CONTRAST


def _chip_pixels(window: MainWindow, row: int, column: Column) -> Counter[int]:
    table = window.table
    rect = table.visualRect(window.model.index(row, int(column)))
    image: QImage = table.viewport().grab(rect).toImage()
    return Counter(image.pixel(x, y) for y in range(image.height()) for x in range(image.width()))


def _shows_chip(window: MainWindow, theme: ThemeColors) -> bool:
    """The sale status cell of the first row holds the theme's chip for "Sold", with its text colour."""
    window.table.clearSelection()
    chip = theme.solid_chip(QColor(SALE_STATUS_COLORS[SaleStatus.SOLD]))
    pixels = _chip_pixels(window, 0, Column.SALE_STATUS)
    fill, text = chip.background.rgb(), chip.text.rgb()
    return pixels[fill] > 100 and pixels[text] > 3


def _window(qtbot: QtBot, database: Database, tmp_path: Path) -> MainWindow:
    window = MainWindow(database, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1200, 500)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_dark_choice_paints_dark(themed: QApplication, qtbot: QtBot, filled: Database, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    save_preferences(Preferences(theme="dark"), settings)

    apply_theme(themed, load_preferences(settings).theme)
    window = _window(qtbot, filled, tmp_path)

    assert colors() is DARK
    assert relative_luminance(themed.palette().color(QPalette.ColorRole.Window)) < 0.02
    assert relative_luminance(window.table.palette().color(QPalette.ColorRole.Text)) > 0.7
    assert _shows_chip(window, DARK)
    assert not _shows_chip(window, LIGHT)
    # The list itself is dark: the style sheet's dark twin, not the light one.
    corner = window.table.viewport().grab().toImage().pixelColor(window.table.viewport().width() - 2, 2)
    assert relative_luminance(corner) < 0.05


def test_system_follows_the_desktop_while_running_and_a_choice_holds(
    themed: QApplication, qtbot: QtBot, filled: Database, tmp_path: Path
) -> None:
    hints = themed.styleHints()
    apply_theme(themed, "system")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    window = _window(qtbot, filled, tmp_path)
    assert _shows_chip(window, LIGHT)

    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop turns dark with the window open
    qtbot.waitUntil(lambda: _shows_chip(window, DARK))
    assert relative_luminance(themed.palette().color(QPalette.ColorRole.Window)) < 0.02

    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: _shows_chip(window, LIGHT))
    assert relative_luminance(themed.palette().color(QPalette.ColorRole.Window)) > 0.8

    apply_theme(themed, "light")  # a forced choice ignores the desktop
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.wait(50)
    assert _shows_chip(window, LIGHT)
    assert colors() is LIGHT


def test_an_open_profile_turns_dark_with_the_desktop(themed: QApplication, qtbot: QtBot, database: Database) -> None:
    """The conversation's backdrop and bubbles, and the notes under them, follow a change while open."""
    seed_rich_contact(database)
    hints = themed.styleHints()
    apply_theme(themed, "system")
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    dialog = ProfileDialog(database, "ct_8812")
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.conversation)
    qtbot.waitExposed(dialog)
    view = dialog.conversation.view

    def backdrop() -> float:
        return relative_luminance(view.viewport().grab().toImage().pixelColor(2, 2))

    def pixels_of(color: QColor) -> int:
        image = view.viewport().grab().toImage()
        return sum(image.pixel(x, y) == color.rgb() for y in range(0, image.height(), 2) for x in range(image.width()))

    assert backdrop() > 0.8
    assert pixels_of(LIGHT.bubble_client) > 500
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: backdrop() < 0.02)
    assert pixels_of(DARK.bubble_client) > 500
    assert pixels_of(LIGHT.bubble_client) < 50  # white only in an emoji or two
    dialog.close()


def test_a_profiles_initials_read_on_their_circle(qapp: QApplication) -> None:
    """The initials are large white text (WCAG: 3:1) on a circle whose hue comes from the name."""
    for name in ("Roberto Ramírez", "Ana López", "Brian Davis", "Zoë", "Unknown", "Mariana Jiménez", "Li Wei"):
        image = initials_avatar(name).toImage()
        circle = image.pixelColor(8, image.height() // 2)  # left of the letters, inside the circle
        assert contrast_ratio(circle, QColor("white")) >= 3.0, name


@pytest.mark.parametrize("widget_type", ["check box", "radio button"])
def test_an_empty_check_box_or_radio_button_shows_on_dark(qtbot: QtBot, themed: QApplication, widget_type: str) -> None:
    """Fusion draws their edge in the window's colour made darker: on dark it all but vanished (WCAG 1.4.11: 3:1)."""
    themed.setStyle(LeadDeskStyle())
    apply_theme(themed, "dark")
    button = QCheckBox("Mystery shopper") if widget_type == "check box" else QRadioButton("Pause the bot")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxIndicator
        if widget_type == "check box"
        else QStyle.SubElement.SE_RadioButtonIndicator
    )
    box = button.style().subElementRect(element, option, button)
    image = button.grab().toImage()
    window = DARK.window
    edge = max(
        contrast_ratio(image.pixelColor(x, y), window)
        for x in range(box.left(), box.right() + 1)
        for y in range(box.top(), box.bottom() + 1)
    )
    assert edge >= 3.0, edge
