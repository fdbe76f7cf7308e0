"""``leaddesk sync --once``. (Built by the sync work.)"""

from __future__ import annotations

import sys

from leaddesk.db.database import Database


def sync_once(database: Database, relay_url: str | None, token: str | None) -> int:
    print("leaddesk: sync is not built yet", file=sys.stderr)
    return 1
