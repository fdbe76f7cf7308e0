"""The Analytics page's figures as a Qt object: computed off the GUI thread when the cache is large.

:meth:`AnalyticsModel.refresh` (after a sync, an edit, or a new date range) starts a computation and
keeps :attr:`AnalyticsModel.figures` as they were until the new ones arrive, so the page never
flickers to empty. A small cache is computed at once on the calling thread; a large one on a thread
of Qt's pool, each on its own SQLite connection (WAL lets it read while the sync writes). A result
that a newer request has overtaken is dropped.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from leaddesk.db.analytics import NO_SENTIMENT_KEY as NO_SENTIMENT_KEY
from leaddesk.db.analytics import DateRange as DateRange
from leaddesk.db.analytics import Figures as Figures
from leaddesk.db.analytics import compute_figures
from leaddesk.db.database import Database
from leaddesk.db.queries import count_clients

log = logging.getLogger(__name__)

#: Above this many clients the figures are computed on a worker thread.
THREAD_THRESHOLD = 20_000


class _Job(QRunnable):
    def __init__(self, model: AnalyticsModel, generation: int, date_range: DateRange) -> None:
        super().__init__()
        self._relay = model._relay  # a QObject of the GUI thread: its signal is delivered there
        self._database = model.database
        self._generation = generation
        self._range = date_range

    def run(self) -> None:
        try:
            with self._database.read() as connection:
                figures: Any = compute_figures(connection, self._range)
        except Exception as problem:  # reported, not raised into Qt's pool
            log.exception("analytics computation failed")
            figures = problem
        self._relay.done.emit(self._generation, figures)


class _Relay(QObject):
    done = Signal(int, object)


class AnalyticsModel(QObject):
    """The figures for one date range, kept up to date on request."""

    #: New figures (a :class:`Figures`).
    figures_changed = Signal(object)
    #: True while a computation runs (the page shows its busy indicator).
    busy_changed = Signal(bool)
    #: A computation failed (a sentence for the user).
    failed = Signal(str)

    def __init__(self, database: Database, parent: QObject | None = None, *, threaded: bool | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.date_range = DateRange()
        self.figures = Figures()
        #: None: decide by the size of the cache; True/False: always/never on a worker thread.
        self.threaded = threaded
        self._generation = 0
        self._running = 0
        # The pool first: children are deleted in order, and the pool's deletion waits for a running
        # job, which then still finds its relay alive.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def set_range(self, date_range: DateRange) -> None:
        if date_range != self.date_range:
            self.date_range = date_range
            self.refresh()

    def refresh(self) -> None:
        """Compute the figures again; the old ones stay until the new ones arrive."""
        self._generation += 1
        if not self._use_thread():
            with self.database.read() as connection:
                self._apply(compute_figures(connection, self.date_range))
            return
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, self._generation, self.date_range))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running computations (tests, closing the window)."""
        return bool(self._pool.waitForDone(msecs))

    def _use_thread(self) -> bool:
        if self.threaded is not None:
            return self.threaded
        with self.database.read() as connection:
            return count_clients(connection) > THREAD_THRESHOLD

    def _finished(self, generation: int, result: object) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy_changed.emit(False)
        if generation != self._generation:
            return  # a newer request is on its way
        if isinstance(result, Figures):
            self._apply(result)
        else:
            self.failed.emit(self.tr("The figures could not be computed: %1").replace("%1", str(result)))

    def _apply(self, figures: Figures) -> None:
        self.figures = figures
        self.figures_changed.emit(figures)
