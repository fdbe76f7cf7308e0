"""``funnel_changes.stay_days``: how long a client stayed in the stage a change took it to.

The days from a change to the same client's next one (changes at the same instant follow in stage
id order, as ``ix_funnel_changes_contact_id_at_to_stage`` has them), ``NULL`` for the client's latest
change. It depends only on that client's changes, which only the applier adds and an erasure removes
with the client: the applier refreshes it for the contacts of each page (:func:`refresh_stay_days`),
migration 0009 fills it for the changes cached before. The Analytics funnel averages it per stage.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

_STAYS = (
    "SELECT id, julianday(lead(at) OVER (PARTITION BY contact_id ORDER BY at, to_stage)) - julianday(at) AS days "
    "FROM funnel_changes INDEXED BY ix_funnel_changes_contact_id_at_to_stage"
)

#: Every change's stay, for the migration.
FILL_ALL_STAY_DAYS = (
    f"UPDATE funnel_changes SET stay_days = stays.days FROM ({_STAYS}) AS stays "
    "WHERE funnel_changes.id = stays.id AND stays.days IS NOT NULL"
)

_REFRESH = (
    f"UPDATE funnel_changes SET stay_days = stays.days FROM ({_STAYS} "
    "WHERE contact_id IN (SELECT value FROM json_each(?))) AS stays "
    "WHERE funnel_changes.id = stays.id AND funnel_changes.stay_days IS NOT stays.days"
)


def refresh_stay_days(cursor: sqlite3.Cursor, contact_ids: Iterable[str]) -> None:
    """Recompute ``stay_days`` for every change of these contacts (one statement for a page)."""
    ids = sorted(set(contact_ids))
    if ids:
        cursor.execute(_REFRESH, (json.dumps(ids),))
