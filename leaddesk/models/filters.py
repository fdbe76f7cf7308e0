"""The list's filter values and the facts its filter menus need, for the views.

The views never import ``leaddesk.db`` queries (``tests/test_layers.py``); the filter values they name
(``FlagFilter``, "no stage", "no sentiment", a stage's name and place) are defined with the queries that
use them and offered to the views from here.
"""

from __future__ import annotations

from leaddesk.db.database import Database
from leaddesk.db.queries import NO_SENTIMENT as NO_SENTIMENT
from leaddesk.db.queries import NO_STAGE as NO_STAGE
from leaddesk.db.queries import FlagFilter as FlagFilter
from leaddesk.db.queries import StageInfo as StageInfo
from leaddesk.db.queries import stage_ids_in_use


def stages_in_use(database: Database) -> list[str]:
    """Stage ids that some contact carries (the account may not know every one of them)."""
    with database.read() as connection:
        return stage_ids_in_use(connection)
