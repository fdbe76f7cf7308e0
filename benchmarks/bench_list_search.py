"""The list's search at scale: SQL on the stored search keys, next to folding every name in Python.

Makes a migrated cache with N clients (default 250,000: Spanish names with accents, Mexican mobiles in
both of WhatsApp's forms), then times the ordered rowids the list asks for, for a few searches and a
filter's menu counts, and the obvious alternative: read every name and phone and fold them in Python.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_list_search.py [N]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from leaddesk.db.database import open_database
from leaddesk.db.queries import ClientQuery, choice_counts, client_rowids
from leaddesk.db.search_keys import name_key, phone_key, search_words, typed_phone
from leaddesk.domain import fold_text

FIRST = ["José", "María", "Raúl", "Ana", "Luis", "Sofía", "Andrés", "Lucía", "Jesús", "Inés", "Óscar", "Marta"]
LAST = ["Jiménez", "López", "Pérez", "García", "Núñez", "Ruiz", "Díaz", "Hernández", "Muñoz", "Sánchez"]


def fill(path: Path, count: int) -> None:
    database = open_database(path)
    rng = random.Random(7)
    rows = []
    for i in range(count):
        name = None if i % 50 == 0 else f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        national = f"{rng.randrange(10**9, 10**10)}"
        phone = f"+521{national}" if i % 2 else f"+52{national}"
        activity = f"2026-{1 + i % 11:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00Z"
        rows.append((f"ct_{i}", phone, name, activity, name_key(name), phone_key(phone), rng.choice("nsp")))
    rows.append(("ct_known", "+5213334924018", "José Jiménez", "2026-11-29T10:00:00Z", "", "", "n"))
    rows[-1] = (*rows[-1][:4], name_key("José Jiménez"), phone_key("+5213334924018"), "n")
    with database.write() as connection:
        connection.exec_driver_sql("DELETE FROM contacts")
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.executemany(
            "INSERT INTO contacts (id, phone, name, last_activity, name_key, phone_key, sale_status, version) "
            "VALUES (?, ?, ?, ?, ?, ?, CASE ? WHEN 'n' THEN 'none' WHEN 's' THEN 'sold' ELSE 'pending' END, 1)",
            rows,
        )
    with database.write() as connection:
        connection.exec_driver_sql("ANALYZE")
    database.close()


def best_of(runs: int, work: Callable[[], int]) -> tuple[float, int]:
    best, found = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        found = work()
        best = min(best, time.perf_counter() - start)
    return best * 1000, found


def python_side(path: Path, search: str) -> int:
    """The obvious way: every name and phone into Python, folded and compared there."""
    database = open_database(path)
    words = search_words(search)
    phone = typed_phone(search)
    kept = []
    with database.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT rowid, name, phone FROM contacts ORDER BY last_activity DESC, rowid"
        ).fetchall()
    for rowid, name, number in rows:
        folded = fold_text(name or "Unknown").split()
        by_name = bool(words) and all(any(w.startswith(word) for w in folded) for word in words)
        by_phone = bool(phone.key) and phone_key(number) == phone.key
        if by_name or by_phone or (phone.digit_run and phone.digit_run in (number or "")):
            kept.append(rowid)
    database.close()
    return len(kept)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 250_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        start = time.perf_counter()
        fill(path, count)
        print(f"{count:,} clients made in {time.perf_counter() - start:.1f} s")
        database = open_database(path)
        print(f"{'search':<24}{'SQL on stored keys':>22}{'fold in Python':>18}{'clients':>10}")
        for search in ("jimenez", "JIMÉNEZ raul", "unknown", "+52 1 33 3492 4018", "0052 33 3492 4018", "3492"):
            query = ClientQuery(search=search)

            def sql(q: ClientQuery = query) -> int:
                with database.read() as connection:
                    return len(client_rowids(connection, q))

            sql_ms, found = best_of(5, sql)
            python_ms, python_found = best_of(2, lambda s=search: python_side(path, s))
            assert found == python_found, (search, found, python_found)
            print(f"{search:<24}{sql_ms:>19.1f} ms{python_ms:>15.1f} ms{found:>10,}")
        query = ClientQuery(search="jimenez", sale_statuses=frozenset({"pending"}))

        def counts() -> int:
            with database.read() as connection:
                return len(choice_counts(connection, query, "sale_status"))

        counts_ms, _ = best_of(5, counts)
        print(f"sale status menu counts with the search 'jimenez' and a filter: {counts_ms:.1f} ms (one GROUP BY)")
        database.close()


if __name__ == "__main__":
    main()
