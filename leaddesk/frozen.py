"""The bundle's entry point: start-up fixes that only a frozen (PyInstaller) program needs, then the CLI.

``leaddesk.spec`` builds two executables from this script: ``LeadDesk`` (windowed) and ``leaddesk-cli``
(console). A windowed Windows executable has no console, so ``sys.stdout`` and ``sys.stderr`` are None:
``LeadDesk.exe self-test`` typed in a console would print nothing. Here the windowed program attaches
to the console of the process that started it, if there is one, so its subcommands can print; without
one, output goes to the null device instead of failing on None.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def attach_parent_console() -> bool:
    """On Windows, reopen stdout and stderr on the parent's console, if there is one."""
    if sys.platform == "win32":
        import ctypes

        attach_parent_process = -1
        if ctypes.windll.kernel32.AttachConsole(attach_parent_process):
            sys.stdout = Path("CONOUT$").open("w", encoding="utf-8", errors="replace")  # noqa: SIM115 - process-long
            sys.stderr = Path("CONOUT$").open("w", encoding="utf-8", errors="replace")  # noqa: SIM115
            return True
    return False


def fix_standard_streams() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    if attach_parent_console():
        return
    null = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115 - for the process' life
    if sys.stdout is None:
        sys.stdout = null
    if sys.stderr is None:
        sys.stderr = null


#: Set to anything, the program prints ``first-paint <seconds>`` when the main window first paints, then
#: quits (exit 0): how ``scripts/time_startup.py`` times start-up, frozen or from source, the same way.
STARTUP_PROBE_VARIABLE = "LEADDESK_STARTUP_PROBE"
STARTUP_MARKER = "first-paint"


def install_startup_probe() -> None:
    """Make the QApplication now and watch it for the main window's first paint."""
    import time

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    from leaddesk.app import make_application

    started = time.perf_counter()
    app = make_application()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                app.removeEventFilter(self)
                print(f"{STARTUP_MARKER} {time.perf_counter() - started:.3f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    probe = FirstPaint(app)
    app.installEventFilter(probe)


def main() -> None:
    fix_standard_streams()
    if os.environ.get(STARTUP_PROBE_VARIABLE):
        install_startup_probe()
    from leaddesk.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
