"""``export history --format pdf``: the history's HTML document laid out by Qt and printed to PDF.

The HTML is :func:`leaddesk.export.history_html`'s, in which every text from the relay is already
escaped, so Qt's rich-text parser sees it as plain text: no markup, no images, no links. Qt needs a
``QGuiApplication`` for fonts; on a machine without a display one is made on the offscreen platform.
Imported only by this command, so the rest of the command line starts without Qt.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

#: The writer's own margin; ``QTextDocument.print_`` adds 2 cm inside it and numbers the pages.
PAGE_MARGIN_MM = 0.0
RESOLUTION_DPI = 300


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one; offscreen when nothing says where to show windows.

    ``QT_QPA_PLATFORM`` is set to ``offscreen`` only when it is unset and there is no X11 or Wayland
    display on a system that would need one (Windows and macOS always have their own platform).
    """
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM") and sys.platform not in ("win32", "darwin"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["leaddesk"])


def html_to_pdf(document_html: str, *, title: str) -> bytes:
    """An A4 PDF of ``document_html`` (already escaped), with page numbers at the foot of each page."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setTitle(title)
    writer.setCreator("LeadDesk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(document_html)
    # Not paginated beforehand, so print_ lays it out on the page with 2 cm margins and page numbers.
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())
