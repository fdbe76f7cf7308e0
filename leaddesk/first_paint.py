"""For the benchmarks: report when the client list is first painted, then quit.

With ``LEADDESK_REPORT_FIRST_PAINT=1`` in the environment, the window prints one line
``first-paint <unix time> rss-kb <resident memory>`` on standard output once the client list (or
its empty state) has been painted, and quits. ``python -m benchmarks`` starts the program as a real process
and measures process start to that line (and the memory of the window open on its database).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "LEADDESK_REPORT_FIRST_PAINT"


def resident_kb() -> int:
    """This process's resident memory (VmRSS) in KiB; 0 where /proc is not there."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class _FirstPaint(QObject):
    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__(widgets[0])
        self._done = False
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # After this paint has finished: the line is printed once the rows are on screen.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.time():.6f} rss-kb {resident_kb()}", flush=True)
        app = QApplication.instance()
        if app is not None:
            app.quit()


def report_first_paint_if_asked(*pages: QWidget) -> None:
    """Watch the list's pages (its viewport, the empty states) for the first paint, if the environment asks."""
    if os.environ.get(ENV):
        _FirstPaint(list(pages))
