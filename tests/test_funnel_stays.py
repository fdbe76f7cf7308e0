"""``funnel_changes.stay_days`` (migration 0009) kept in step: by the applier, by erasure, by the migration.

The Analytics funnel's mean days in each stage averages this stored column; every test here checks
the page's figure and that the column equals the days to each client's next change, computed afresh.
"""

from __future__ import annotations

from pathlib import Path

from leaddesk.db.analytics import compute_figures
from leaddesk.db.database import Database
from tests.support.analytics import local_tz
from tests.support.events import EventLog, account_updated, contact, erased, funnel_change
from tests.support.sync import migrate, sqlite

__all__ = ["local_tz"]  # the fixture, used by name

FRESH_STAYS = (
    "SELECT id, julianday(lead(at) OVER (PARTITION BY contact_id ORDER BY at, to_stage)) - julianday(at) "
    "FROM funnel_changes"
)


def mean_days(database: Database) -> dict[str, float | None]:
    with database.read() as connection:
        funnel = compute_figures(connection).funnel
    return {stage.stage: stage.avg_days_in_stage for stage in funnel if stage.stage in ("new", "interested")}


def assert_stored_equals_fresh(db_path: Path) -> None:
    with sqlite(db_path) as connection:
        stored = dict(connection.execute("SELECT id, stay_days FROM funnel_changes").fetchall())
        fresh = dict(connection.execute(FRESH_STAYS).fetchall())
    assert stored == fresh


def test_stays_follow_a_change_that_arrives_late_and_an_erasure(database: Database, db_path: Path) -> None:
    log = EventLog(database)
    log.apply(
        [
            account_updated(),
            contact("ct_x", funnel_stage="interested"),
            contact("ct_y", funnel_stage="interested"),
            funnel_change("ct_x", None, "new", "2026-11-10T12:00:00Z"),
            funnel_change("ct_x", "new", "interested", "2026-11-14T12:00:00Z"),
            funnel_change("ct_y", None, "new", "2026-11-01T12:00:00Z"),
            funnel_change("ct_y", "new", "interested", "2026-11-04T12:00:00Z"),
        ]
    )
    assert mean_days(database) == {"new": 3.5, "interested": None}  # (4 + 3) / 2; nobody left interested
    assert_stored_equals_fresh(db_path)

    # An older change of ct_x arrives on a later page: ct_x was new for one day, then interested for three.
    log.apply([funnel_change("ct_x", "new", "interested", "2026-11-11T12:00:00Z")])
    assert mean_days(database) == {"new": 2.0, "interested": 3.0}
    assert_stored_equals_fresh(db_path)

    log.apply([erased("ct_y")])
    assert mean_days(database) == {"new": 1.0, "interested": 3.0}
    assert_stored_equals_fresh(db_path)


def test_migration_0009_fills_stays_of_a_cache_made_before_it(db_path: Path) -> None:

    from leaddesk.db.database import open_database

    migrate(db_path, "0007")
    with sqlite(db_path) as connection:
        connection.execute("INSERT INTO contacts (id, version) VALUES ('ct_1', 1), ('ct_2', 1)")
        connection.executemany(
            "INSERT INTO funnel_changes (id, contact_id, to_stage, changed_by_kind, at) VALUES (?, ?, ?, 'bot', ?)",
            [
                ("f1", "ct_1", "new", "2026-11-20T12:00:00Z"),
                ("f2", "ct_1", "interested", "2026-11-22T00:00:00Z"),
                ("f3", "ct_1", "visit_scheduled", "2026-11-23T00:00:00Z"),
                ("f4", "ct_2", "new", "2026-11-21T00:00:00Z"),
            ],
        )
    open_database(db_path).close()
    with sqlite(db_path) as connection:
        stays = dict(connection.execute("SELECT id, stay_days FROM funnel_changes").fetchall())
    assert stays == {"f1": 1.5, "f2": 1.0, "f3": None, "f4": None}
    assert_stored_equals_fresh(db_path)
