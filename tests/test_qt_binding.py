"""The Qt binding pairing survives tens of thousands of calls that return nothing (design.md, the trap).

PySide6 6.12.0 takes one reference from ``None`` on every Qt call that returns nothing. On CPython 3.11
``None`` is an ordinary object, so its count falls with each call until the interpreter dies
(``Fatal Python error: none_dealloc``); on 3.12 and newer ``None`` is immortal and the count cannot
fall. So the pairing is safe only if every Python that ``pyproject.toml`` admits has an immortal
``None``: these tests check that, and that the calls leave the count where it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
#: The first CPython whose ``None`` is immortal (PEP 683).
FIRST_IMMORTAL_NONE = (3, 12)
#: The PySide6 release with the None refcount bug that LeadDesk pins and lives with.
PINNED_PYSIDE = "6.12.0"

SCRIPT = r"""
import sys
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
before = sys.getrefcount(None)
for i in range(12_500):
    label.setText("x")
    label.resize(10 + i % 5, 10)
    QCoreApplication.processEvents()
    index.data(Qt.ItemDataRole.DisplayRole)  # through C++ into the Python data() that returns None
print(before, sys.getrefcount(None))
"""


def pairing_is_safe(python: tuple[int, int], pyside: str) -> bool:
    """Whether this CPython and PySide6 pair survives the None refcount bug."""
    return pyside != PINNED_PYSIDE or python >= FIRST_IMMORTAL_NONE


def admitted_pythons() -> list[tuple[int, int]]:
    """The CPython 3.x minor versions ``requires-python`` lets install LeadDesk (3.8 to 3.20)."""
    spec = SpecifierSet(tomllib.loads(PYPROJECT.read_text())["project"]["requires-python"])
    return [(3, minor) for minor in range(8, 21) if spec.contains(f"3.{minor}.0")]


def pinned_pyside() -> str:
    for line in tomllib.loads(PYPROJECT.read_text())["project"]["dependencies"]:
        requirement = Requirement(line)
        if requirement.name == "PySide6-Essentials":
            (only,) = requirement.specifier
            assert only.operator == "==", "PySide6 must be pinned exactly: the workaround is for one release"
            return only.version
    raise AssertionError("PySide6-Essentials is not a dependency")


def test_the_bad_pairing_is_recognised() -> None:
    assert not pairing_is_safe((3, 11), PINNED_PYSIDE)
    assert pairing_is_safe((3, 12), PINNED_PYSIDE)


def test_pyproject_admits_no_python_with_a_mortal_none() -> None:
    pyside = pinned_pyside()
    assert pyside == version("PySide6-Essentials")  # the pin is what these tests run on
    admitted = admitted_pythons()
    assert admitted and sys.version_info[:2] in admitted
    unsafe = [python for python in admitted if not pairing_is_safe(python, pyside)]
    assert unsafe == [], f"requires-python admits {unsafe}, where {pyside} kills the process"


def test_fifty_thousand_void_calls_leave_the_process_alive_and_none_untouched() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert "none_dealloc" not in done.stderr
    assert done.returncode == 0, done.stderr
    before, after = (int(value) for value in done.stdout.split())
    assert after >= before, f"None lost {before - after} references in 50,000 void calls"
