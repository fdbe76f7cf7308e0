"""The profile's "Export…" and "Print…": the client's record as ``leaddesk export history`` makes it.

The document is :func:`leaddesk.export.history_document` (HTML; the PDF is that page printed by
:func:`leaddesk.export_pdf.print_html`), so the window and the command line hand on the same record.
The suggested file name never comes from the relay's text: a client's name is not a path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QPushButton, QWidget

from leaddesk.db.database import Database
from leaddesk.export import history_document
from leaddesk.export_pdf import html_to_pdf, print_html
from leaddesk.views.export_actions import SaveChooser, ask_save_path, documents_folder
from leaddesk.views.profile.common import set_plain_tooltip, show_error

PDF_FILTER = str(QT_TRANSLATE_NOOP("RecordActions", "PDF (*.pdf)"))
HTML_FILTER = str(QT_TRANSLATE_NOOP("RecordActions", "Web page (*.html)"))


#: lupdate reads ``translate("Context", "text")`` calls: the context stays a literal at each one.
translate = QCoreApplication.translate


#: Shows the system's print dialog for ``printer``; True when the user chose to print.
PrinterChooser = Callable[[QWidget, QPrinter], bool]


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("RecordActions", "Print client record"))
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


def suggested_record_file(today: date | None = None) -> Path:
    """``client-record-2026-11-30.pdf`` in the documents folder."""
    # Translators: the start of a file name; letters, digits and hyphens only.
    stem = translate("RecordActions", "client-record")
    return documents_folder() / f"{stem}-{(today or date.today()).isoformat()}.pdf"


class RecordActions(QObject):
    """The two buttons (``export_button``, ``print_button``) and what they do for one client."""

    def __init__(
        self,
        database: Database,
        contact_id: str,
        parent: QWidget,
        choose_path: SaveChooser = ask_save_path,
        choose_printer: PrinterChooser = ask_printer,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._contact_id = contact_id
        self._parent = parent
        self.choose_path = choose_path
        self.choose_printer = choose_printer
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportRecordButton")
        set_plain_tooltip(
            self.export_button, self.tr("Save this client's whole record as a PDF or a web page, to forward")
        )
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printRecordButton")
        set_plain_tooltip(self.print_button, self.tr("Print this client's whole record"))
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(self.print_record)

    def buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        return row

    def _document(self) -> tuple[str, str] | None:
        found = history_document(self._database, self._contact_id)
        if found is None:
            show_error(
                self._parent, self.tr("Nothing to export"), self.tr("This client is no longer on this computer.")
            )
        return found

    def export(self) -> Path | None:
        """Ask where, then write the record as PDF or HTML (by the name's extension); the file, or None."""
        html_filter = translate("RecordActions", HTML_FILTER)
        chosen = self.choose_path(
            self._parent,
            self.tr("Export client record"),
            suggested_record_file(),
            f"{translate('RecordActions', PDF_FILTER)};;{html_filter}",
        )
        if chosen is None:
            return None
        path, selected_filter = chosen
        if path.suffix.lower() not in (".pdf", ".html", ".htm"):
            path = path.with_name(path.name + (".html" if selected_filter == html_filter else ".pdf"))
        document = self._document()
        if document is None:
            return None
        page, title = document
        try:
            with busy():
                if path.suffix.lower() == ".pdf":
                    path.write_bytes(html_to_pdf(page, title=title))
                else:
                    path.write_text(page, encoding="utf-8")
        except OSError as problem:
            show_error(
                self._parent,
                self.tr("Export failed"),
                self.tr("Could not write %1:\n%2")
                .replace("%1", str(path))
                .replace("%2", str(problem.strerror or problem)),
            )
            return None
        return path

    def print_record(self, printer: QPrinter | None = None) -> bool:
        """Show the print dialog and print the record; True when it was printed."""
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.choose_printer(self._parent, printer):
            return False
        document = self._document()
        if document is None:
            return False
        page, title = document
        printer.setDocName(title)
        with busy():
            printed = print_html(page, printer) > 0
        if not printed:
            show_error(self._parent, self.tr("Not printed"), self.tr("The printer could not be opened."))
        return printed


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while a long record is laid out (a 2,000-message record takes a second or two)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
