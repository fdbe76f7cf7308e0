"""Light and dark: the palette, the style sheet and the colours painters use, following the system.

:func:`apply_theme` sets Fusion's palette and the style sheet for the staff's choice
(``Preferences.theme``: "system", "light" or "dark") and keeps following the desktop's colour scheme
(``QStyleHints.colorSchemeChanged``) while the choice is "system". Painters (the list's chips, the
conversation's bubbles, the charts) ask :func:`colors` when they paint, so a change shows at the next
repaint.

``resources/style.qss`` is written once, for light. The dark style sheet is made from it by
:func:`dark_style_sheet`: each colour is swapped for its dark counterpart, one table for text colours
(``color:``) and one for surfaces (backgrounds and borders), because the same blue is a text on one
line and a background under white text on another. A colour missing from the tables has its lightness
turned over, so a rule added later still reads on dark.

Chip colours are computed rather than listed: a funnel stage's colour is the account's own (any colour
the server sends), so :meth:`ThemeColors.solid_chip` and :meth:`ThemeColors.soft_chip` move the
text's (or the chip's) lightness until the text has a WCAG contrast of at least 4.5:1 on the chip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from leaddesk.paths import resource

#: WCAG AA for normal text.
TEXT_CONTRAST: Final = 4.5
#: WCAG AA for large text (a profile's initials).
LARGE_TEXT_CONTRAST: Final = 3.0
#: WCAG's contrast for marks that are not text (a bar, a dot), used for the dark theme's chart bars.
MARK_CONTRAST: Final = 3.0

LIGHT_CHOICE: Final = "light"
DARK_CHOICE: Final = "dark"
SYSTEM_CHOICE: Final = "system"


def relative_luminance(color: QColor) -> float:
    """WCAG 2's relative luminance of an opaque sRGB colour (0 black … 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two opaque colours, 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(color: QColor, under: QColor, amount: float) -> QColor:
    """``color`` laid over ``under`` at opacity ``amount``, as one opaque colour."""
    return QColor.fromRgbF(
        color.redF() * amount + under.redF() * (1 - amount),
        color.greenF() * amount + under.greenF() * (1 - amount),
        color.blueF() * amount + under.blueF() * (1 - amount),
    )


def with_contrast(color: QColor, against: QColor, minimum: float, *, lighter: bool) -> QColor:
    """``color`` with its lightness moved (up if ``lighter``, else down), hue kept, until it has
    ``minimum`` contrast with ``against``; white or black if no shade of the hue gets there."""
    hsl = QColor(color).toHsl()
    hue, saturation, lightness = max(hsl.hslHueF(), 0.0), hsl.hslSaturationF(), hsl.lightnessF()  # greys: hue -1
    step = 0.02 if lighter else -0.02
    candidate = QColor.fromHslF(hue, saturation, lightness)
    while contrast_ratio(candidate, against) < minimum:
        lightness += step
        if not 0.0 <= lightness <= 1.0:
            return QColor("#FFFFFF") if lighter else QColor("#000000")
        candidate = QColor.fromHslF(hue, saturation, lightness)
    return candidate


@dataclass(frozen=True)
class ChipColors:
    """A chip's fill and text (and, for soft chips, the account's own colour for its dot or border)."""

    background: QColor
    text: QColor
    accent: QColor


@dataclass(frozen=True)
class ThemeColors:
    """The semantic colours of one theme, by meaning, for painters (widgets take theirs from the style
    sheet, whose notes and panels use the same colours)."""

    dark: bool
    window: QColor
    base: QColor
    alternate_base: QColor
    text: QColor
    muted_text: QColor
    border: QColor
    accent: QColor
    highlight: QColor
    highlighted_text: QColor
    link: QColor
    #: A problem: the red of a wrong field's border and of its message.
    problem: QColor
    problem_text: QColor
    problem_background: QColor
    #: Something waiting or needing attention: amber notes.
    warning_text: QColor
    warning_background: QColor
    warning_border: QColor
    conflict_background: QColor
    #: A quiet panel on the base colour (the profile's "at a glance" box).
    panel: QColor
    #: The conversation.
    chat_background: QColor
    bubble_client: QColor
    bubble_agent: QColor
    bubble_bot: QColor
    bubble_text: QColor
    bubble_muted: QColor
    bubble_border: QColor
    bubble_chip: QColor
    bubble_card: QColor
    agent_name: QColor
    bot_name: QColor
    delivered_read: QColor
    failed: QColor
    find_highlight: QColor
    find_current: QColor
    day_background: QColor
    day_text: QColor
    #: The client list's clock for changes not sent yet.
    waiting: QColor
    #: Charts on screen.
    chart_background: QColor
    chart_text: QColor
    chart_muted: QColor
    chart_grid: QColor

    def solid_chip(self, color: QColor) -> ChipColors:
        """A filled chip in ``color`` (sale status, unread count): white text on a shade of it in light,
        near-black text on a tint of it in dark, the fill moved until the text reads (4.5:1)."""
        text = QColor("#101418") if self.dark else QColor("#FFFFFF")
        fill = with_contrast(color, text, TEXT_CONTRAST, lighter=self.dark)
        return ChipColors(background=fill, text=text, accent=QColor(color))

    def soft_chip(self, color: QColor) -> ChipColors:
        """A quiet chip (funnel stage, badges): a wash of ``color`` on the base, text a shade of it."""
        wash = blend(color, self.base, 0.26 if self.dark else 0.14)
        text = with_contrast(color, wash, TEXT_CONTRAST, lighter=self.dark)
        return ChipColors(background=wash, text=text, accent=self.mark(color))

    def mark(self, color: QColor) -> QColor:
        """A bar or dot in ``color`` that stands out from the background: on dark, lightened until it
        has 3:1 (a navy stage would vanish); on light, the colour as chosen (as printed on paper)."""
        if not self.dark:
            return QColor(color)
        return with_contrast(color, self.chart_background, MARK_CONTRAST, lighter=True)


def _c(value: str) -> QColor:
    return QColor(value)


LIGHT: Final = ThemeColors(
    dark=False,
    window=_c("#F6F8FB"),
    base=_c("#FFFFFF"),
    alternate_base=_c("#F9FBFD"),
    text=_c("#1B2430"),
    muted_text=_c("#5F6B7A"),
    border=_c("#DCE3EC"),
    accent=_c("#2F6FB3"),
    highlight=_c("#2F6FB3"),
    highlighted_text=_c("#FFFFFF"),
    link=_c("#2F6FB3"),
    problem=_c("#C62828"),
    problem_text=_c("#7B1F1F"),
    problem_background=_c("#FBE3E3"),
    warning_text=_c("#8A5A00"),
    warning_background=_c("#FFF4D6"),
    warning_border=_c("#E8A25A"),
    conflict_background=_c("#FFF0E0"),
    panel=_c("#F3F6F9"),
    chat_background=_c("#EEF1F4"),
    bubble_client=_c("#FFFFFF"),
    bubble_agent=_c("#DCF3E4"),
    bubble_bot=_c("#E6EEF9"),
    bubble_text=_c("#1B1F24"),
    bubble_muted=_c("#5F6B7A"),
    bubble_border=QColor(0, 0, 0, 28),
    bubble_chip=QColor(0, 0, 0, 16),
    bubble_card=QColor(255, 255, 255, 180),
    agent_name=_c("#1F6F43"),
    bot_name=_c("#1A62AA"),
    delivered_read=_c("#2E86DE"),
    failed=_c("#C0392B"),
    find_highlight=_c("#FFE066"),
    find_current=_c("#E67E22"),
    day_background=_c("#DDE3EA"),
    day_text=_c("#3D4754"),
    waiting=_c("#8A94A3"),
    chart_background=_c("#FFFFFF"),
    chart_text=_c("#1F2933"),
    chart_muted=_c("#6B7785"),
    chart_grid=_c("#E6EAF0"),
)

DARK: Final = ThemeColors(
    dark=True,
    window=_c("#1B1F24"),
    base=_c("#1F2329"),
    alternate_base=_c("#23282E"),
    text=_c("#E4E9EF"),
    muted_text=_c("#A3AEBB"),
    border=_c("#3A414B"),
    accent=_c("#6FA8E8"),
    highlight=_c("#3A78BD"),
    highlighted_text=_c("#FFFFFF"),
    link=_c("#7FB2EE"),
    problem=_c("#F07B72"),
    problem_text=_c("#FFB4AB"),
    problem_background=_c("#4A2426"),
    warning_text=_c("#F5CD7A"),
    warning_background=_c("#3D3220"),
    warning_border=_c("#A8742F"),
    conflict_background=_c("#402C1C"),
    panel=_c("#272C33"),
    chat_background=_c("#14171B"),
    bubble_client=_c("#2A3038"),
    bubble_agent=_c("#1E3B2B"),
    bubble_bot=_c("#1F3048"),
    bubble_text=_c("#E6EBF0"),
    bubble_muted=_c("#A3AEBB"),
    bubble_border=QColor(255, 255, 255, 30),
    bubble_chip=QColor(255, 255, 255, 22),
    bubble_card=QColor(255, 255, 255, 16),
    agent_name=_c("#7FD8A4"),
    bot_name=_c("#8CBDF2"),
    delivered_read=_c("#6FB6F5"),
    failed=_c("#FF8A80"),
    find_highlight=_c("#7A5C00"),
    find_current=_c("#F0A050"),
    day_background=_c("#2A3038"),
    day_text=_c("#C3CCD6"),
    waiting=_c("#8792A1"),
    chart_background=_c("#1F2329"),
    chart_text=_c("#E4E9EF"),
    chart_muted=_c("#A3AEBB"),
    chart_grid=_c("#343B44"),
)

_current: ThemeColors = LIGHT


def colors() -> ThemeColors:
    """The colours of the theme applied now (light until :func:`apply_theme` says otherwise)."""
    return _current


# --- the style sheet -----------------------------------------------------------------------------------

#: style.qss's text colours (``color:``, ``selection-color:``) and their dark counterparts.
DARK_TEXT: Final = {
    "#1B2430": "#E4E9EF",
    "#1F2933": "#E4E9EF",
    "#2F6FB3": "#8CBDF2",
    "#4F5B69": "#B4BFCB",
    "#52606D": "#B0BBC7",
    "#5F6B7A": "#9AA6B4",
    "#6B7785": "#9AA6B4",
    "#B5BEC9": "#5C6673",
    "#C62828": "#F07B72",
    "#7B1F1F": "#FFB4AB",
    "#8A5A00": "#F5CD7A",
    "#FFFFFF": "#FFFFFF",
}
#: style.qss's surfaces (backgrounds, borders, selections) and their dark counterparts.
DARK_SURFACE: Final = {
    "#FFFFFF": "#1F2329",
    "#F6F8FB": "#16191D",
    "#F9FBFD": "#23282E",
    "#F1F4F8": "#272C33",
    "#F0F3F7": "#2A2F36",
    "#EEF1F5": "#2A2F36",
    "#E3E8EF": "#30363F",
    "#DCE3EC": "#3A414B",
    "#C9D3DF": "#46505C",
    "#9FB3CC": "#5E7087",
    "#EAF2FB": "#233247",
    "#DCEAFB": "#2B3F58",
    "#C9DDF5": "#34506F",
    "#4F86C6": "#5B93D3",
    "#2F6FB3": "#3A78BD",
    "#3A7CC2": "#4786CB",
    "#FBE3E3": "#4A2426",
    "#F0C4C4": "#6B3336",
    "#F3F6F9": "#272C33",
    "#FFF4D6": "#3D3220",
    "#FFF0E0": "#402C1C",
    "#E8A25A": "#A8742F",
    "#EEF1F4": "#14171B",
}
_TEXT_PROPERTIES: Final = frozenset({"color", "selection-color"})
_HEX: Final = re.compile(r"#[0-9A-Fa-f]{6}\b")
_BLOCK: Final = re.compile(r"\{([^{}]*)\}")


def _turned_over(value: str) -> str:
    """A colour with its lightness turned over (light surfaces dark, dark text light), hue kept."""
    hsl = QColor(value).toHsl()
    lightness = 0.08 + 0.84 * (1 - hsl.lightnessF())
    return QColor.fromHslF(max(hsl.hslHueF(), 0.0), hsl.hslSaturationF() * 0.8, lightness).name().upper()


def _dark_declaration(declaration: str) -> str:
    name, colon, value = declaration.partition(":")
    if not colon:
        return declaration
    table = DARK_TEXT if name.strip().lower() in _TEXT_PROPERTIES else DARK_SURFACE
    return name + colon + _HEX.sub(lambda found: table.get(found.group(0).upper(), _turned_over(found.group(0))), value)


def dark_style_sheet(light: str) -> str:
    """The dark twin of a light style sheet: every colour inside ``{ … }`` swapped (see the module)."""

    def block(found: re.Match[str]) -> str:
        return "{" + ";".join(_dark_declaration(part) for part in found.group(1).split(";")) + "}"

    return _BLOCK.sub(block, light)


def style_sheet(dark: bool) -> str:
    """The program's style sheet for light or dark ("" if the resource is missing)."""
    path = resource("style.qss")
    light = path.read_text(encoding="utf-8") if path.is_file() else ""
    return dark_style_sheet(light) if dark else light


# --- the palette --------------------------------------------------------------------------------------


def palette(theme: ThemeColors) -> QPalette:
    """Fusion's palette for the theme: windows, fields, text, selection, links, disabled text."""
    result = QPalette()
    roles = QPalette.ColorRole
    # Fusion paints a tab's frame in the button colour: the window's, so that a tab's page and its frame match.
    button = QColor("#22272D") if theme.dark else QColor("#F3F5F8")
    for role, color in (
        (roles.Window, theme.window),
        (roles.WindowText, theme.text),
        (roles.Base, theme.base),
        (roles.AlternateBase, theme.alternate_base),
        (roles.Text, theme.text),
        (roles.PlaceholderText, theme.muted_text),
        (roles.Button, button),
        (roles.ButtonText, theme.text),
        (roles.BrightText, QColor("#FFFFFF")),
        (roles.Highlight, theme.highlight),
        (roles.HighlightedText, theme.highlighted_text),
        (roles.Link, theme.link),
        (roles.LinkVisited, theme.link),
        (roles.ToolTipBase, theme.panel if theme.dark else QColor("#FFFFF0")),
        (roles.ToolTipText, theme.text),
        (roles.Light, button.lighter(130)),
        (roles.Midlight, button.lighter(110)),
        (roles.Mid, theme.border),
        (roles.Dark, button.darker(160)),
        (roles.Shadow, QColor("#000000")),
    ):
        result.setColor(role, color)
    disabled = theme.muted_text.darker(130) if theme.dark else QColor("#A0A8B2")
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return result


# --- following the system ------------------------------------------------------------------------------


def _system_is_dark(scheme: Qt.ColorScheme) -> bool:
    return scheme == Qt.ColorScheme.Dark


class ThemeFollower(QObject):
    """Keeps the application's theme on the staff's choice, and on the desktop's scheme for "system".

    The desktop's scheme is the one ``colorSchemeChanged`` last reported (or ``colorScheme()`` at
    start); a forced "light" or "dark" is also asked of the platform (Qt ≥ 6.8), so native dialogs match.
    """

    def __init__(self, app: QApplication, choice: str) -> None:
        super().__init__(app)
        self._app = app
        self.choice = SYSTEM_CHOICE
        self.system_scheme = app.styleHints().colorScheme()
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        self.set_choice(choice)

    def set_choice(self, choice: str) -> ThemeColors:
        self.choice = choice if choice in (LIGHT_CHOICE, DARK_CHOICE) else SYSTEM_CHOICE
        hints = self._app.styleHints()
        if self.choice == SYSTEM_CHOICE:
            hints.unsetColorScheme()
            self.system_scheme = hints.colorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if self.choice == DARK_CHOICE else Qt.ColorScheme.Light)
        return self._apply()

    def is_dark(self) -> bool:
        if self.choice == SYSTEM_CHOICE:
            return _system_is_dark(self.system_scheme)
        return self.choice == DARK_CHOICE

    def _scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self.choice != SYSTEM_CHOICE:
            return  # our own request for a forced scheme, or a desktop change we were told to ignore
        self.system_scheme = scheme
        self._apply()

    def _apply(self) -> ThemeColors:
        global _current
        theme = DARK if self.is_dark() else LIGHT
        changed = theme is not _current
        _current = theme
        self._app.setPalette(palette(theme))
        self._app.setStyleSheet(style_sheet(theme.dark))
        if changed:
            for widget in self._app.allWidgets():
                widget.update()
        return theme


def apply_theme(app: QApplication, theme_choice: str) -> ThemeColors:
    """Apply "system", "light" or "dark" to ``app`` (Fusion's palette, the style sheet, :func:`colors`)
    and, for "system", follow the desktop's scheme from now on. Returns the colours now in use."""
    follower = app.findChild(ThemeFollower)
    if isinstance(follower, ThemeFollower):
        return follower.set_choice(theme_choice)
    ThemeFollower(app, theme_choice)
    return colors()


# --- check boxes and radio buttons --------------------------------------------------------------------


class LeadDeskStyle(QProxyStyle):
    """Fusion, with check boxes and radio buttons that show on a dark window.

    Fusion draws their edge in the window's colour made darker: on a dark window an empty box or circle
    was all but invisible (seen on the profile's flags, the bot choice and "Unread only"). In dark, the
    edge is drawn in the theme's border colour instead (Fusion's edge is ``Window.darker(140)``, so the
    window colour handed to it is the border made lighter by as much)."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawPrimitive(  # noqa: N802
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        indicators = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if element in indicators and _current.dark:
            palette = QPalette(option.palette)
            palette.setColor(QPalette.ColorRole.Window, INDICATOR_EDGE_DARK.lighter(140))
            option.palette = palette
        super().drawPrimitive(element, option, painter, widget)


#: The edge of an empty check box or radio button on a dark window.
INDICATOR_EDGE_DARK: Final = QColor("#8A94A3")
