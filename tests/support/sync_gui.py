"""Helpers for GUI tests that sync through the real engine with the relay simulator.

A :class:`Desk` is the assembled window (``leaddesk.app.build_window``) pointed at a simulator, with
the sync worker's retries made short, and a few ways to read what the window shows.
"""

from __future__ import annotations

import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from leaddesk.app import WindowSession, build_window
from leaddesk.db.database import Database
from leaddesk.models.client_table import Column, ContactIdRole
from leaddesk.sync.engine import SyncSummary
from leaddesk.views.sync_status import SyncStatusWidget
from tests.support.sync import fast_retry


def closed_port_url() -> str:
    """A loopback URL nobody listens on: the relay is unreachable there."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def rows(path: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, args).fetchall()
    finally:
        connection.close()


@dataclass
class Desk:
    qtbot: QtBot
    session: WindowSession

    @classmethod
    def open(
        cls, qtbot: QtBot, database: Database, url: str, token: str, *, retry_seconds: float = 1.0, **build: Any
    ) -> Desk:
        """``build``: more of :func:`build_window`'s options (``tray``, ``preferences``)."""
        session = build_window(database, start_sync=False, **build)
        qtbot.addWidget(session.window)
        session.worker.configure(url, token)
        session.worker.retry = fast_retry(retry_seconds)
        session.worker.read_timeout = 5.0
        session.window.show()
        qtbot.waitExposed(session.window)
        return cls(qtbot, session)

    @property
    def window(self) -> Any:
        return self.session.window

    def point_at(self, url: str, token: str, *, retry_seconds: float = 1.0) -> None:
        self.session.worker.configure(url, token)
        self.session.worker.retry = fast_retry(retry_seconds)

    def sync(self) -> SyncSummary:
        """One cycle through the sync worker (a QThread), waited for with qtbot."""
        with self.qtbot.waitSignal(self.session.worker.cycle_finished, timeout=30_000) as finished:
            self.session.worker.request_sync()
        assert finished.args is not None
        summary = finished.args[0]
        assert isinstance(summary, SyncSummary)
        return summary

    def status_text(self) -> str:
        """What the status bar says about the sync."""
        status = self.window.findChild(SyncStatusWidget)
        assert isinstance(status, SyncStatusWidget)
        return str(status.state_label.text())

    def list_row(self, contact_id: str) -> int:
        model = self.window.model
        for row in range(model.rowCount()):
            if model.index(row, 0).data(ContactIdRole) == contact_id:
                return int(row)
        raise AssertionError(f"{contact_id} is not in the list")

    def cell(self, contact_id: str, column: Column, role: int) -> Any:
        model = self.window.model
        return model.index(self.list_row(contact_id), int(column)).data(role)

    def close(self) -> None:
        self.session.close()
        self.session.window.close()
