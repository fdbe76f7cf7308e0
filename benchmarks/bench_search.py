"""Search 5,000,000 messages: the first page of hits, FTS5 against ``LIKE '%word%'`` on the same table.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_search.py               # 5,000,000 messages
    PYTHONPATH=. .venv/bin/python benchmarks/bench_search.py 200000        # a quick run

Makes (once, then reuses) a cache in the temp folder with 250,000 clients and N generated messages of
Spanish and English sales talk, inserted with one bulk ``executemany`` and indexed with FTS5's
``rebuild`` (the migration's way). Prints, for a common word, a rare word, a two-letter prefix and
a quoted phrase: the median time to LeadDesk's first page of 50 hits (``leaddesk.db.search``), and
the time of ``LIKE '%word%'`` over text and transcript with the same order and limit, in the same
run. A ``LIKE`` finds a common word fast (the first 50 rows it reads match) and a rare one slowly
(it reads the whole table); it also misses other accents and capitals. Then the size the index adds.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leaddesk.db.database import open_database
from leaddesk.db.search import DEFAULT_LIMIT, rebuild_index, search_messages

CONTACTS = 250_000
RARE_WORD = "helipuerto"  # in 5 messages, however many there are

CLIENT_OPENINGS = [
    "Hola, buenas tardes.",
    "Buen día,",
    "Hi, good morning.",
    "Hola!",
    "Disculpe,",
    "Hello,",
    "Qué tal,",
]
CLIENT_ASKS = [
    "¿sigue disponible el departamento de {n} recámaras en Torre {t}?",
    "¿cuánto cuesta el depto de {n} recámaras?",
    "¿tienen estacionamiento para {n} autos?",
    "me interesa agendar una visita el {d}.",
    "¿aceptan crédito Infonavit o Fovissste?",
    "¿cuál es el precio del penthouse con terraza?",
    "is the {n}-bedroom apartment in Tower {t} still available?",
    "how much is the down payment for the unit {u}?",
    "can I schedule a visit on {d}?",
    "¿el enganche es del {p}%?",
    "¿permiten mascotas? tengo un perro pequeño.",
    "quisiera información del desarrollo en Reforma.",
    "¿la unidad {u} tiene vista al parque?",
    "¿cuándo es la entrega de la Torre {t}?",
    "what are the maintenance fees per month?",
    "¿hay gimnasio y alberca?",
]
BOT_ANSWERS = [
    "¡Hola! Soy el asistente virtual de Torres del Parque. Con gusto te ayudo. ¿Cuántas recámaras buscas?",
    "El departamento de {n} recámaras en Torre {t} cuesta {price} USD, con {m} m² y balcón.",
    "Claro, te agendo la visita para el {d} a las {h}:00. ¿Te confirmo por este medio?",
    "La entrega de la Torre {t} es en junio de 2027; la Torre A ya está entregada.",
    "Sí, aceptamos crédito bancario, Infonavit y Fovissste. El enganche es del {p}%.",
    "Hi! I'm the virtual assistant of Torres del Parque. How many bedrooms are you looking for?",
    "The {n}-bedroom unit {u} is {price} USD with a {m} m² terrace.",
    "Todas las unidades incluyen al menos un cajón de estacionamiento techado.",
    "Sí se permiten mascotas pequeñas en todas las torres.",
    "La cuota de mantenimiento es de {price2} MXN al mes e incluye seguridad 24 horas.",
]
DAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "Monday", "Friday", "Saturday"]


def _text(rng: random.Random, inbound: bool) -> str:
    values = {
        "n": rng.randint(1, 4),
        "t": rng.choice("ABCDE"),
        "d": rng.choice(DAYS),
        "u": f"{rng.choice('ABCDE')}-{rng.randint(101, 2404)}",
        "p": rng.choice((10, 15, 20, 25, 30)),
        "price": f"{rng.randint(150, 900)},{rng.randint(0, 999):03d}",
        "price2": f"{rng.randint(2, 9)},{rng.randint(0, 9)}00",
        "m": rng.randint(55, 240),
        "h": rng.randint(9, 18),
    }
    if inbound:
        return f"{rng.choice(CLIENT_OPENINGS)} {rng.choice(CLIENT_ASKS).format(**values)}"
    return rng.choice(BOT_ANSWERS).format(**values)


def _rows(messages: int) -> Iterator[tuple[object, ...]]:
    rng = random.Random(5)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    step = (datetime(2026, 11, 24, tzinfo=UTC) - start) / messages
    rare_every = max(messages // 5, 1)
    for index in range(messages):
        inbound = index % 2 == 0
        voice = inbound and index % 23 == 0
        text = _text(rng, inbound)
        if index % rare_every == rare_every // 2:
            text += f" ¿El edificio tiene {RARE_WORD}?"
        sent_at = (start + step * index).strftime("%Y-%m-%dT%H:%M:%SZ")
        yield (
            f"wamid.B{index:010d}",
            f"ct_{rng.randrange(CONTACTS):07d}",
            "in" if inbound else "out",
            "client" if inbound else "bot",
            sent_at,
            "audio" if voice else "text",
            None if voice else text,
            text if voice else None,
            "received" if inbound else "delivered",
            0 if inbound else 2,
        )


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def build(path: Path, messages: int) -> tuple[int, int, float]:
    """The cache at ``path``: (size without the index, size with it, seconds to build the index)."""
    database = open_database(path)
    database.close()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("PRAGMA cache_size=-2000000")  # 2 GB: a bulk load that does not spill pages
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO contacts (id, phone, name, version) VALUES (?, ?, ?, 1)",
        ((f"ct_{n:07d}", f"+52155{n:08d}", f"Cliente {n}") for n in range(CONTACTS)),
    )
    started = time.perf_counter()
    connection.executemany(
        "INSERT INTO messages (id, contact_id, direction, author_kind, sent_at, type, text, transcript, status, "
        "status_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _rows(messages),
    )
    connection.execute("COMMIT")
    print(f"  {messages:,} messages inserted in {time.perf_counter() - started:.1f} s (bulk executemany)")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    without = _size(path)  # the bulk insert wrote nothing to the index (its trigger is for local replies)
    started = time.perf_counter()
    connection.execute("BEGIN")
    rebuild_index(connection.cursor())
    connection.execute("COMMIT")
    took = time.perf_counter() - started
    connection.execute("INSERT INTO messages_fts (messages_fts) VALUES ('optimize')")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return without, _size(path), took


def _median_ms(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("messages", type=int, nargs="?", default=5_000_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = Path(tempfile.gettempdir()) / f"leaddesk-bench-search-{args.messages}.sqlite"
    sizes = Path(f"{path}.sizes")
    if not path.exists() or not sizes.exists():
        print(f"building {path} (once) ...")
        path.unlink(missing_ok=True)
        without, with_index, took = build(path, args.messages)
        sizes.write_text(f"{without} {with_index} {took}")
    without, with_index, took = (float(v) for v in sizes.read_text().split())

    database = open_database(path)
    connection = database.engine.raw_connection().driver_connection
    assert isinstance(connection, sqlite3.Connection)
    total = connection.execute("SELECT count(*) FROM messages").fetchone()[0]
    print(f"{total:,} messages, {CONTACTS:,} clients in {path}")
    like_sql = (
        "SELECT m.id, m.contact_id, c.name, m.sent_at, m.text FROM messages AS m "
        "JOIN contacts AS c ON c.id = m.contact_id WHERE m.text LIKE :p OR m.transcript LIKE :p "
        "ORDER BY m.rowid DESC LIMIT :limit"
    )
    print(f"{'query':<28}{'FTS5 first page':>18}{'hits':>7}{'LIKE first page':>18}{'hits':>7}")
    for label, query, like in (
        ("common word", "departamento", "departamento"),
        ("rare word", RARE_WORD, RARE_WORD),
        ("two-letter prefix", "re", "re"),
        ("accents + prefix", "RECAMARA", "recámara"),
        ('phrase "torre b"', '"torre b"', "torre b"),
        ("one letter", "b", "b"),
        ("two words", "penthouse terraza", "penthouse con terraza"),
    ):
        fts_ms, hits = _median_ms(lambda q=query: search_messages(connection, q, limit=DEFAULT_LIMIT), args.runs)
        like_runs = 1 if like == RARE_WORD else args.runs
        like_ms, rows = _median_ms(
            lambda p=like: connection.execute(like_sql, {"p": f"%{p}%", "limit": DEFAULT_LIMIT}).fetchall(),
            like_runs,
        )
        assert isinstance(hits, list) and isinstance(rows, list)
        print(f"{label:<28}{fts_ms:>15.1f} ms{len(hits):>7}{like_ms:>15.1f} ms{len(rows):>7}")
    connection.close()
    database.close()
    added = with_index - without
    print(
        f"index: {added / 2**20:,.0f} MiB added to {without / 2**20:,.0f} MiB ({added / without:.0%}); "
        f"built by FTS5 'rebuild' in {took:.1f} s"
    )


if __name__ == "__main__":
    main()
