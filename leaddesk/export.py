"""``leaddesk export``. (Built by the demo/CLI work.)"""

from __future__ import annotations

import sys
from pathlib import Path

from leaddesk.db.database import Database


def export_clients(database: Database, fmt: str, out: Path | None) -> int:
    print("leaddesk: export clients is not built yet", file=sys.stderr)
    return 1


def export_history(database: Database, contact: str, fmt: str, out: Path | None) -> int:
    print("leaddesk: export history is not built yet", file=sys.stderr)
    return 1
