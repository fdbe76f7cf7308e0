"""The Qt binding pairing survives tens of thousands of calls that return nothing (design.md, the trap)."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel

class Empty(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 1
    def columnCount(self, parent=QModelIndex()):
        return 1
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None

app = QApplication([])
label = QLabel()
model = Empty()
index = model.index(0, 0)
for i in range(12_500):
    label.setText("x")
    label.resize(10 + i % 5, 10)
    QCoreApplication.processEvents()
    index.data(Qt.ItemDataRole.DisplayRole)  # through C++ into the Python data() that returns None
print("alive")
"""


def test_fifty_thousand_void_calls_leave_the_process_alive() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert "none_dealloc" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "alive"
