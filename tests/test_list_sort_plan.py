"""The list's sorts on plain columns walk their indexes: no sort of every client on each click.

At 250,000 clients a temporary B-tree per click cost 70–90 ms more than walking the index
(docs/performance.md); a query that sorts but does not filter must not lose the index.
"""

from __future__ import annotations

import pytest

from leaddesk.db.database import Database
from leaddesk.db.queries import ClientQuery, SortKey, client_rowids_sql


@pytest.mark.parametrize(
    ("key", "descending", "index"),
    [
        (SortKey.NAME, False, "ix_contacts_name"),
        (SortKey.PHONE, False, "ix_contacts_phone"),
        (SortKey.LAST_ACTIVITY, False, "ix_contacts_last_activity"),
        (SortKey.LAST_ACTIVITY, True, "ix_contacts_last_activity"),
    ],
)
def test_an_unfiltered_sort_walks_its_index(database: Database, key: SortKey, descending: bool, index: str) -> None:
    sql, params = client_rowids_sql(ClientQuery(sort=key, descending=descending))
    with database.read() as connection:
        plan = [str(row[3]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert any(index in step for step in plan), plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_a_filtered_sort_scans_and_sorts_only_the_matches(database: Database) -> None:
    sql, params = client_rowids_sql(ClientQuery(search="lucia", sort=SortKey.NAME))
    with database.read() as connection:
        plan = [str(row[3]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
    assert not any("ix_contacts_name " in f"{step} " for step in plan), plan
