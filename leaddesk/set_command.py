"""``leaddesk set``. (Built by the profile/edits work.)"""

from __future__ import annotations

import argparse
import sys

from leaddesk.db.database import Database


def run_set(database: Database, args: argparse.Namespace) -> int:
    print("leaddesk: set is not built yet", file=sys.stderr)
    return 1
