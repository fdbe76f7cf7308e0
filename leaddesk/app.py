"""Build the QApplication and the main window. (Built by the client-list work.)"""

from __future__ import annotations

import sys
from pathlib import Path


def run_window(db_path: Path, *, demo: bool = False, relay_url: str | None = None) -> int:
    print("leaddesk: the window is not built yet", file=sys.stderr)
    return 1
