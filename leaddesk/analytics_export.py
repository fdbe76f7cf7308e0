"""``leaddesk export analytics``: the Analytics page's figures as JSON or ``section,key,value`` CSV."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path
from typing import IO

from leaddesk.db.analytics import DateRange, Figures, compute_figures
from leaddesk.db.database import Database
from leaddesk.export import EXIT_USAGE, _fail, write_text_output

CSV_HEADER = ("section", "key", "value")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> date:
    """A ``YYYY-MM-DD`` calendar day; ``ValueError`` for anything else."""
    if not _DAY.fullmatch(text):
        raise ValueError(text)
    return date.fromisoformat(text)


def parse_range(start: str | None, end: str | None) -> DateRange:
    """``--from``/``--to`` as a :class:`DateRange`; ``ValueError`` with a sentence saying what is wrong."""
    days: list[date | None] = []
    for option, value in (("--from", start), ("--to", end)):
        if value is None:
            days.append(None)
            continue
        try:
            days.append(parse_day(value))
        except ValueError:
            raise ValueError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None
    first, last = days
    if first is not None and last is not None and first > last:
        raise ValueError(f"--from {start} is after --to {end}")
    return DateRange(first, last)


def write_json(figures: Figures, stream: IO[str]) -> None:
    json.dump(figures.to_json(), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_csv(figures: Figures, stream: IO[str], sections: list[str] | None = None) -> None:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(figures.csv_rows(sections))


def export_analytics(database: Database, start: str | None, end: str | None, fmt: str, out: Path | None) -> int:
    """``leaddesk export analytics [--from DATE] [--to DATE] --format json|csv [--out FILE]``."""
    if fmt not in ("json", "csv"):
        return _fail(f"unknown format {fmt!r} (json or csv)", EXIT_USAGE)
    try:
        date_range = parse_range(start, end)
    except ValueError as problem:
        return _fail(str(problem), EXIT_USAGE)
    with database.read() as connection:
        figures = compute_figures(connection, date_range)
    write = write_json if fmt == "json" else write_csv
    return write_text_output(out, lambda stream: write(figures, stream), bom=fmt == "csv")
