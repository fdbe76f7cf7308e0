"""A database made by a newer LeadDesk: the window says so in a dialog and exits cleanly; every
command says so in one line on standard error and exits 2. The file is never touched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from leaddesk.app import run_window
from tests.support.newer import stamp_future


def test_the_window_says_so_in_a_dialog_and_exits_cleanly(
    qtbot: QtBot, db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = stamp_future(db_path)
    seen: list[tuple[str, str]] = []

    def answer_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer_the_dialog)
            return
        seen.append((box.text(), box.informativeText()))
        box.button(QMessageBox.StandardButton.Close).click()

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, sheet = app.style().name(), app.styleSheet()
    QTimer.singleShot(50, answer_the_dialog)
    try:
        status = run_window(db_path)  # the function `leaddesk` (no subcommand) runs
    finally:  # run_window styles the one QApplication; later tests get it back as it was
        app.setStyle(style)
        app.setStyleSheet(sheet)

    assert status == 2
    assert len(seen) == 1
    text, advice = seen[0]
    assert "newer version of LeadDesk" in text and str(db_path) in text
    assert "Install the newer LeadDesk" in advice
    assert "Traceback" not in capfd.readouterr().err
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [
        ["sync", "--once"],
        ["set", "ct_1", "--sale-status", "sold"],
        ["export", "history", "ct_1", "--format", "json"],
    ],
    ids=["sync", "set", "export-history"],
)
def test_each_command_says_so_in_one_line_and_exits_2(db_path: Path, command: list[str]) -> None:
    before = stamp_future(db_path)
    env = {**os.environ, "LEADDESK_RELAY_TOKEN": "t", "LEADDESK_RELAY_URL": "http://127.0.0.1:9"}
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(db_path), *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("leaddesk: ") and "newer version of LeadDesk" in lines[0]
    assert done.stdout == ""
    assert db_path.read_bytes() == before
