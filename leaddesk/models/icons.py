"""Bundled icons as ``QIcon``s, loaded once (views and models share them)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from leaddesk.paths import resource


@cache
def icon(name: str) -> QIcon:
    """``resources/icons/<name>.svg`` as an icon (an empty icon if the file is missing)."""
    node = resource(f"icons/{name}.svg")
    if not node.is_file():
        return QIcon()
    # Outside a zip (a checkout, a wheel, a PyInstaller bundle) the resource is a real file, and a
    # file path keeps the SVG scalable for every device pixel ratio.
    return QIcon(str(node))
