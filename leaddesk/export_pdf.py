"""``export history --format pdf``: the history's HTML document laid out by Qt and printed to PDF.

The HTML is :func:`leaddesk.export.history_html`'s, in which every text from the relay is already
escaped, so Qt's rich-text parser sees it as plain text: no markup, no images, no links. Qt needs a
``QGuiApplication`` for fonts; on a machine without a display one is made on the offscreen platform.
Imported only by this command, so the rest of the command line starts without Qt.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

#: The writer's own margin; :func:`print_html` leaves 2 cm inside it and numbers the pages.
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
    print_html(document_html, writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


#: The margin around the text on every page, as ``QTextDocument.print_`` leaves it.
TEXT_MARGIN_CM = 2.0
#: The resolution Qt's rich text means by a length without a unit (frame margins, px).
SOURCE_DPI = 96


def paginate(document_html: str, device: QPagedPaintDevice) -> QTextDocument:
    """The document laid out in pages of ``device``, headings kept with their first lines.

    Qt's rich text ignores ``page-break-after: avoid``, so after laying the pages out, a heading
    whose first line of content falls on the next page gets a page break before it instead (once
    per heading, top to bottom, each after the layout of the ones above has settled).
    """
    document = QTextDocument()
    document.documentLayout().setPaintDevice(device)
    document.setDocumentMargin(0)
    document.setHtml(document_html)
    # In 96-dpi units, as QTextDocument.print_ gives them: the layout scales frame margins to the device.
    margin = int(TEXT_MARGIN_CM / 2.54 * SOURCE_DPI)
    margin_x = margin_y = margin
    frame = document.rootFrame().frameFormat()
    frame.setLeftMargin(margin_x)
    frame.setRightMargin(margin_x)
    frame.setTopMargin(margin_y)
    frame.setBottomMargin(margin_y)
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(QSizeF(device.width(), device.height()))
    keep_headings_with_next(document)
    return document


def _row_bottom(document: QTextDocument, block: QTextBlock) -> float:
    """Where the content that starts with ``block`` ends: the table row it is in, or the block itself."""
    layout = document.documentLayout()
    table: QTextTable | None = QTextCursor(block).currentTable()  # None outside a table, whatever the stubs say
    if table is None:
        return layout.blockBoundingRect(block).bottom()
    row = table.cellAt(block.position()).row()
    bottom = 0.0
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        inner = cell.firstCursorPosition().block()
        while inner.isValid() and inner.position() <= cell.lastCursorPosition().position():
            bottom = max(bottom, layout.blockBoundingRect(inner).bottom())
            inner = inner.next()
    return bottom


def _first_content(block: QTextBlock) -> QTextBlock | None:
    """The first block after a heading that is content: not a heading, not a table's header row, not empty."""
    following = block.next()
    while following.isValid():
        table: QTextTable | None = QTextCursor(following).currentTable()
        if following.blockFormat().headingLevel() > 0:
            pass
        elif table is not None:
            if table.cellAt(following.position()).row() >= table.format().headerRowCount():
                return following
        elif following.text().strip():
            return following
        following = following.next()
    return None


def keep_headings_with_next(document: QTextDocument) -> int:
    """Moves to the next page each heading (h2 and below) that would end a page; returns how many moved."""
    page_height = document.pageSize().height()
    layout = document.documentLayout()
    moved = 0
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level >= 2 and QTextCursor(block).currentTable() is None:
            content = _first_content(block)
            top = layout.blockBoundingRect(block).top()
            if content is not None:
                page = int(top // page_height)
                if int(_row_bottom(document, content) // page_height) > page:
                    breaking = QTextBlockFormat()
                    breaking.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).mergeBlockFormat(breaking)
                    moved += 1
        block = block.next()
    return moved


def print_html(document_html: str, device: QPagedPaintDevice) -> int:
    """Prints the document on ``device`` (a PDF writer or a printer), numbering the pages; returns how many."""
    document = paginate(document_html, device)
    page_size = document.pageSize()
    pages = document.pageCount()
    painter = QPainter(device)
    if not painter.isActive():
        return 0
    try:
        font = QFont(document.defaultFont())
        font.setPointSizeF(8)
        margin_x = int(TEXT_MARGIN_CM / 2.54 * SOURCE_DPI) * device.logicalDpiX() / SOURCE_DPI
        margin_y = int(TEXT_MARGIN_CM / 2.54 * SOURCE_DPI) * device.logicalDpiY() / SOURCE_DPI
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * page_size.height())
            document.drawContents(painter, QRectF(0, page * page_size.height(), page_size.width(), page_size.height()))
            painter.restore()
            painter.setFont(font)
            footer = QRectF(margin_x, page_size.height() - margin_y, page_size.width() - 2 * margin_x, margin_y / 2)
            painter.setPen(QColor("#6e7781"))
            painter.drawText(
                footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), f"{page + 1} / {pages}"
            )
    finally:
        painter.end()
    return pages
