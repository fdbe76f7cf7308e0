"""File → Export: the client list as the window shows it (its search, filters and order), to CSV or JSON.

The writing is :func:`leaddesk.export.client_list_export`, the same serializer as ``leaddesk export
clients``. Here only the file dialog, the progress dialog (a batch of clients per step, so the
window keeps answering and Cancel works) and what the window says when it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog, QWidget

from leaddesk.db.database import Database
from leaddesk.export import EXPORT_BATCH, client_list_export
from leaddesk.models import words
from leaddesk.models.client_table import ClientTableModel

#: (parent, caption, suggested file, filters) → (the file chosen, the filter chosen), or None if cancelled.
SaveChooser = Callable[[QWidget, str, Path, str], tuple[Path, str] | None]

#: The file dialog's choices, in English; shown translated (the patterns stay the same in every language).
CSV_FILTER = str(QT_TRANSLATE_NOOP("ClientListExport", "CSV for Excel (*.csv)"))
JSON_FILTER = str(QT_TRANSLATE_NOOP("ClientListExport", "JSON (*.json)"))
#: Shown only when an export takes longer than this (ms), so a small list does not flash a dialog.
PROGRESS_DELAY_MS = 400


def ask_save_path(parent: QWidget, caption: str, suggested: Path, filters: str) -> tuple[Path, str] | None:
    """The system's "Save as" dialog."""
    chosen, selected_filter = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    return (Path(chosen), selected_filter) if chosen else None


def documents_folder() -> Path:
    """The user's documents folder, or the home folder where there is none (a file dialog would
    otherwise open in whatever folder the program was started from)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def suggested_list_file(today: date | None = None) -> Path:
    """``clients-2026-11-30.csv`` in the documents folder."""
    return documents_folder() / f"clients-{(today or date.today()).isoformat()}.csv"


def format_for(path: Path, selected_filter: str) -> tuple[Path, str]:
    """The format a file name asks for (its extension; else the filter chosen), and the name with it."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".json"):
        return path, suffix[1:]
    fmt = "json" if selected_filter.endswith("(*.json)") else "csv"
    return path.with_name(f"{path.name}.{fmt}"), fmt


class ClientListExport(QObject):
    """The main window's File → Export action (``action``); :meth:`export_to` does it without asking."""

    def __init__(
        self,
        window: QMainWindow,
        database: Database,
        model: ClientTableModel,
        choose_path: SaveChooser = ask_save_path,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._database = database
        self._model = model
        self.choose_path = choose_path
        #: Clients read and written per step (tests make it small to cancel midway).
        self.batch = EXPORT_BATCH
        #: The progress dialog of the export running now (None between exports).
        self.progress: QProgressDialog | None = None
        self.action = QAction(self.tr("Export client list…"), window)
        self.action.setObjectName("exportClientsAction")
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.setToolTip(self.tr("Save the clients shown, in their order, as CSV (for Excel) or JSON"))
        self.action.triggered.connect(self.run)

    def run(self) -> Path | None:
        """Ask where, then export; returns the file written, or None if cancelled or it failed."""
        filters = ";;".join(self.tr(choice) for choice in (CSV_FILTER, JSON_FILTER))
        chosen = self.choose_path(self._window, self.tr("Export client list"), suggested_list_file(), filters)
        if chosen is None:
            return None
        path, fmt = format_for(*chosen)
        return path if self.export_to(path, fmt) else None

    def export_to(self, path: Path, fmt: str) -> bool:
        """Write the clients the list shows to ``path`` as ``csv`` or ``json``, with a progress dialog."""
        progress = QProgressDialog(self.tr("Exporting clients…"), self.tr("Cancel"), 0, 0, self._window)
        progress.setWindowTitle(self.tr("Export client list"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress
        steps = client_list_export(self._database, self._model.query, path, fmt, batch=self.batch)
        total = 0
        try:
            for written, total in steps:
                progress.setMaximum(max(total, 1))
                progress.setLabelText(
                    self.tr("Exporting clients: %1 of %2")
                    .replace("%1", words.number(written))
                    .replace("%2", words.number(total))
                )
                progress.setValue(written)  # once shown, the window-modal dialog lets the window repaint here
                # Before it shows (the first PROGRESS_DELAY_MS), paint and run timers, but take no input.
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
                if progress.wasCanceled():
                    steps.close()  # removes the partial file
                    self._say(self.tr("Export cancelled; nothing was written."))
                    return False
        except OSError as problem:
            steps.close()
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Export failed"),
                self.tr("The client list could not be written to %1:\n%2")
                .replace("%1", str(path))
                .replace("%2", str(problem.strerror or problem)),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        finally:
            progress.close()
            progress.deleteLater()
            self.progress = None
        self._say(self.tr("Exported %Ln client(s) to %1", None, total).replace("%1", path.name))
        return True

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 10_000)
