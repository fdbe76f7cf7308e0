"""The Analytics figures (``cli-contract.md``, "Analytics"), computed in SQL from the cache.

Pure: takes a SQLAlchemy ``Connection`` and returns a :class:`Figures`; nothing here knows Qt.

Counted clients are the contacts that are neither mystery shoppers nor contractors, by the flags as
they are now (a local edit included). With a date range, the figures about clients count only those
whose first message (reactions aside) falls in it; the dated series count what happened in it.
Days are calendar days in the computer's time zone: each local day becomes its two UTC instants
(``[start, stop)``), so summer time and half-hour zones come out right.

How it stays quick on 250,000 clients and 5,000,000 messages (``benchmarks/bench_analytics.py``;
the indexes and ``contacts.first_message_at`` come with migration 0007):

- the client figures read ``contacts`` alone: its ``first_message_at`` (kept by the applier) says
  when each client first wrote;
- messages per day are sums of the kept counts per UTC hour (``message_hours``, migration 0011) for
  every local day that starts and ends on a whole UTC hour, and counts of short index ranges for the
  others (zones a half or quarter hour off UTC); new clients per day are counts of short index ranges,
  one per local day: nothing is sorted. The flagged clients' messages and first days, usually few,
  are then taken away in Python, found through their contact index;
- the stages each client's changes went to are kept on the client (``contacts.stages_reached``,
  migration 0011), so clients per stage, sale status, sentiment and stages reached are one walk of a
  covering index; the stays in each stage are kept per change (``funnel_changes.stay_days``,
  migration 0009) and averaged over a covering index.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection

from leaddesk.db.dbapi import dbapi_cursor
from leaddesk.db.stages_reached import read_stages
from leaddesk.domain import AuthorKind, Direction, MeetingStatus, SaleStatus, Sentiment, format_time, parse_time

#: The keys of ``sale_status``, ``sentiment`` and ``meetings``, in the order they are shown.
SALE_KEYS = tuple(s.value for s in SaleStatus)
NO_SENTIMENT_KEY = "none"
SENTIMENT_KEYS = (*(s.value for s in Sentiment), NO_SENTIMENT_KEY)
MEETING_KEYS = tuple(s.value for s in MeetingStatus)


@dataclass(frozen=True)
class DateRange:
    """Local calendar days, both ends included; ``None`` leaves that end open."""

    start: date | None = None
    end: date | None = None

    @property
    def is_all_time(self) -> bool:
        return self.start is None and self.end is None

    @classmethod
    def last_days(cls, days: int, today: date | None = None) -> DateRange:
        """The last ``days`` days up to and including today."""
        last = today or date.today()
        return cls(last - timedelta(days=days - 1), last)

    def utc_bounds(self) -> tuple[str | None, str | None]:
        """The range as UTC instants ``[start, stop)`` in the cache's time format."""
        return (
            None if self.start is None else local_midnight(self.start),
            None if self.end is None else local_midnight(self.end + timedelta(days=1)),
        )


def local_midnight(day: date) -> str:
    """The instant the local calendar day ``day`` begins, as UTC text."""
    return format_time(datetime.combine(day, time()).astimezone())


def local_day(instant: str) -> date:
    """The local calendar day of a UTC time from the cache."""
    return parse_time(instant).astimezone().date()


@dataclass(frozen=True)
class StageFigures:
    stage: str
    name: str
    color: str | None
    clients: int
    reached: int
    conversion: float | None
    avg_days_in_stage: float | None


@dataclass(frozen=True)
class DayMessages:
    day: date
    incoming: int
    out_bot: int
    out_agent: int


@dataclass(frozen=True)
class QuestionFigures:
    question: str
    answers: int
    average_score: float | None
    #: The highest score given to this question (not in the contract's JSON): the page draws each
    #: question on its own scale, so a 1–5 rating and a 0–10 score are never compared bar to bar.
    top_score: float | None = None


@dataclass(frozen=True)
class Figures:
    """Everything the Analytics page shows; :meth:`to_json` is the contract's JSON object."""

    date_range: DateRange = field(default_factory=DateRange)
    clients: int = 0
    mystery_shoppers: int = 0
    contractors: int = 0
    funnel: tuple[StageFigures, ...] = ()
    no_stage: int = 0
    sale_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SALE_KEYS, 0))
    sentiment: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SENTIMENT_KEYS, 0))
    new_clients_per_day: tuple[tuple[date, int], ...] = ()
    messages_per_day: tuple[DayMessages, ...] = ()
    meetings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEETING_KEYS, 0))
    surveys: tuple[QuestionFigures, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "from": _iso(self.date_range.start),
            "to": _iso(self.date_range.end),
            "clients": self.clients,
            "excluded": {"mystery_shoppers": self.mystery_shoppers, "contractors": self.contractors},
            "funnel": [
                {
                    "stage": s.stage,
                    "name": s.name,
                    "color": s.color,
                    "clients": s.clients,
                    "reached": s.reached,
                    "conversion": s.conversion,
                    "avg_days_in_stage": s.avg_days_in_stage,
                }
                for s in self.funnel
            ],
            "no_stage": self.no_stage,
            "sale_status": dict(self.sale_status),
            "sentiment": dict(self.sentiment),
            "new_clients_per_day": [{"date": d.isoformat(), "clients": n} for d, n in self.new_clients_per_day],
            "messages_per_day": [
                {"date": d.day.isoformat(), "in": d.incoming, "out_bot": d.out_bot, "out_agent": d.out_agent}
                for d in self.messages_per_day
            ],
            "meetings": dict(self.meetings),
            "surveys": [
                {"question": q.question, "answers": q.answers, "average_score": q.average_score} for q in self.surveys
            ],
        }

    def csv_rows(self, sections: Iterable[str] | None = None) -> list[tuple[str, str, str]]:
        """The figures as ``(section, key, value)`` rows (``--format csv``); only ``sections`` if given.

        A section is a key of the JSON object; a list of objects becomes one section per field
        (``funnel.reached``, ``messages_per_day.in``), keyed by the item (stage id, date, question).
        """
        wanted = None if sections is None else set(sections)
        rows = [row for row in self._all_csv_rows() if wanted is None or row[0].split(".")[0] in wanted]
        return [(section, key, _csv_text(value)) for section, key, value in rows]

    def _all_csv_rows(self) -> Iterator[tuple[str, str, Any]]:
        yield "range", "from", _iso(self.date_range.start)
        yield "range", "to", _iso(self.date_range.end)
        yield "clients", "clients", self.clients
        yield "excluded", "mystery_shoppers", self.mystery_shoppers
        yield "excluded", "contractors", self.contractors
        for name in ("name", "color", "clients", "reached", "conversion", "avg_days_in_stage"):
            for stage in self.funnel:
                yield f"funnel.{name}", stage.stage, getattr(stage, name)
        yield "no_stage", "no_stage", self.no_stage
        for key, value in self.sale_status.items():
            yield "sale_status", key, value
        for key, value in self.sentiment.items():
            yield "sentiment", key, value
        for day, count in self.new_clients_per_day:
            yield "new_clients_per_day", day.isoformat(), count
        for name, attribute in (("in", "incoming"), ("out_bot", "out_bot"), ("out_agent", "out_agent")):
            for item in self.messages_per_day:
                yield f"messages_per_day.{name}", item.day.isoformat(), getattr(item, attribute)
        for key, value in self.meetings.items():
            yield "meetings", key, value
        for question in self.surveys:
            yield "surveys.answers", question.question, question.answers
        for question in self.surveys:
            yield "surveys.average_score", question.question, question.average_score

    @property
    def is_empty(self) -> bool:
        """Nothing to show: no counted client, message, meeting or survey."""
        return not (self.clients or self.messages_per_day or any(self.meetings.values()) or self.surveys)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    return str(value)


def _significant(value: float | None) -> float | None:
    """Six significant digits: the contract asks for at least four, and 0.6213 reads better than 0.62133..."""
    return None if value is None else float(f"{value:.6g}")


# --- the computation ----------------------------------------------------------------------------

#: Every (direction, author kind) a message can have (the applier refuses others).
MESSAGE_KINDS = tuple((direction.value, kind.value) for direction in Direction for kind in AuthorKind)
_KIND_INDEX = "ix_messages_direction_author_kind_sent_at"
_STAYS_INDEX = "ix_funnel_changes_to_stage_stay_days"
_MEETINGS_INDEX = "ix_meetings_status_starts_at"

_FLAGGED = "(coalesce(c.mystery_shopper, 0) <> 0 OR coalesce(c.contractor, 0) <> 0)"

#: The local days the figures can fall on; ``whole``: the day starts and ends on a whole UTC hour.
_CREATE_TEMP = (
    "CREATE TEMP TABLE IF NOT EXISTS analytics_days (start TEXT PRIMARY KEY, stop TEXT NOT NULL, day TEXT NOT NULL, "
    "whole INTEGER NOT NULL) WITHOUT ROWID",
)


def compute_figures(connection: Connection, date_range: DateRange = DateRange()) -> Figures:
    """Every figure of the page for ``date_range``, read in one snapshot of the cache."""
    cursor = dbapi_cursor(connection)
    try:
        # Window functions, GROUP BY and the small tables here use temporary storage: memory, not a file.
        cursor.execute("PRAGMA temp_store = MEMORY")
        for statement in _CREATE_TEMP:
            cursor.execute(statement)
        try:
            return _compute(cursor, date_range)
        finally:
            cursor.execute("DELETE FROM temp.analytics_days")
    finally:
        cursor.close()


def _compute(cursor: sqlite3.Cursor, date_range: DateRange) -> Figures:
    start, stop = date_range.utc_bounds()
    mystery, contractors = cursor.execute(
        "SELECT coalesce(sum(coalesce(mystery_shopper, 0) <> 0), 0), coalesce(sum(coalesce(contractor, 0) <> 0), 0) "
        "FROM contacts"
    ).fetchone()
    params: list[Any] = []
    counted = f"NOT {_FLAGGED}" + _range_clause("c.first_message_at", start, stop, params)
    days = _fill_days(cursor, date_range)

    clients = 0
    sale = dict.fromkeys(SALE_KEYS, 0)
    sentiment = dict.fromkeys(SENTIMENT_KEYS, 0)
    in_stage: dict[str | None, int] = {}
    by_stages: dict[tuple[str | None, str | None], int] = {}
    # One walk of ix_contacts_analytics, in its order: nothing is sorted.
    for stage, sale_status, label, reached, count in cursor.execute(
        "SELECT c.funnel_stage, c.sale_status, c.sentiment, c.stages_reached, count(*) FROM contacts c "
        f"WHERE {counted} GROUP BY 1, 2, 3, 4",
        params,
    ):
        clients += count
        if sale_status in sale:
            sale[sale_status] += count
        sentiment[label if label in sentiment and label != NO_SENTIMENT_KEY else NO_SENTIMENT_KEY] += count
        in_stage[stage] = in_stage.get(stage, 0) + count
        by_stages[stage, reached] = by_stages.get((stage, reached), 0) + count

    funnel = _funnel(cursor, in_stage, by_stages, counted, params)
    known = {s.stage for s in funnel}
    no_stage = sum(count for stage, count in in_stage.items() if stage not in known)

    new_clients = _new_clients_per_day(cursor, days, start, stop)
    return Figures(
        date_range=date_range,
        clients=clients,
        mystery_shoppers=int(mystery),
        contractors=int(contractors),
        funnel=funnel,
        no_stage=no_stage,
        sale_status=sale,
        sentiment=sentiment,
        new_clients_per_day=new_clients,
        messages_per_day=_messages_per_day(cursor, days, start, stop),
        meetings=_meetings(cursor, start, stop),
        surveys=_surveys(cursor, start, stop),
    )


def _range_clause(column: str, start: str | None, stop: str | None, params: list[Any]) -> str:
    clauses = []
    if start is not None:
        clauses.append(f"{column} >= ?")
        params.append(start)
    if stop is not None:
        clauses.append(f"{column} < ?")
        params.append(stop)
    return "".join(f" AND {clause}" for clause in clauses)


def _fill_days(cursor: sqlite3.Cursor, date_range: DateRange) -> list[str]:
    """Fill the table of local days the figures can fall on; returns their UTC starts, in order."""
    first_day, last_day = date_range.start, date_range.end
    if first_day is None or last_day is None:
        # The first and last message of each kind: two steps into the index per kind.
        ends = [
            row[0]
            for direction, author_kind in MESSAGE_KINDS
            for order in ("ASC", "DESC")
            for row in cursor.execute(
                f"SELECT sent_at FROM messages INDEXED BY {_KIND_INDEX} WHERE direction = ? AND author_kind = ? "
                f"AND type <> 'reaction' ORDER BY sent_at {order} LIMIT 1",
                (direction, author_kind),
            ).fetchall()
        ]
        if not ends:
            return []
        first_day = first_day or local_day(min(ends))
        last_day = last_day or local_day(max(ends))
    rows = []
    day = first_day
    start = local_midnight(day)
    while day <= last_day:
        following = day + timedelta(days=1)
        stop = local_midnight(following)
        rows.append((start, stop, day.isoformat(), _on_the_hour(start) and _on_the_hour(stop)))
        day, start = following, stop
    cursor.executemany("INSERT INTO temp.analytics_days (start, stop, day, whole) VALUES (?, ?, ?, ?)", rows)
    return [row[0] for row in rows]


def _on_the_hour(instant: str) -> bool:
    """Whether a cache time (``2026-11-24T06:00:00Z``) is a whole UTC hour."""
    return instant[13:] == ":00:00Z"


def _messages_per_day(
    cursor: sqlite3.Cursor, day_starts: Sequence[str], start: str | None, stop: str | None
) -> tuple[DayMessages, ...]:
    counts: dict[str, list[int]] = {}
    # A day on whole UTC hours: the sum of its hours' kept counts (24 short ranges of message_hours).
    for day, direction, author_kind, count in cursor.execute(
        "SELECT d.day, h.direction, h.author_kind, sum(h.messages) FROM temp.analytics_days d "
        "JOIN message_hours h ON h.hour >= substr(d.start, 1, 13) AND h.hour < substr(d.stop, 1, 13) "
        "WHERE d.whole GROUP BY 1, 2, 3"
    ):
        counts.setdefault(day, [0, 0, 0])[_column(direction, author_kind)] += count
    # Any other day (a zone a half or quarter hour off UTC), per kind of message, the count of one short
    # range of the index: nothing is sorted.
    per_kind = ", ".join(
        f"(SELECT count(*) FROM messages m INDEXED BY {_KIND_INDEX} WHERE m.direction = '{direction}' "
        f"AND m.author_kind = '{author_kind}' AND m.sent_at >= d.start AND m.sent_at < d.stop "
        "AND m.type <> 'reaction')"
        for direction, author_kind in MESSAGE_KINDS
    )
    for day, *by_kind in cursor.execute(f"SELECT d.day, {per_kind} FROM temp.analytics_days d WHERE NOT d.whole"):
        values = [0, 0, 0]
        for (direction, author_kind), count in zip(MESSAGE_KINDS, by_kind, strict=True):
            values[_column(direction, author_kind)] += count
        counts[day] = values
    # Take away the flagged clients' messages: few, and found through the contact index (forced: with a
    # date range the planner would rather walk every message of the range).
    params: list[Any] = []
    in_range = _range_clause("m.sent_at", start, stop, params)
    days = _day_names(cursor)
    for sent_at, direction, author_kind in cursor.execute(
        "SELECT m.sent_at, m.direction, m.author_kind FROM contacts c CROSS JOIN messages m "
        "INDEXED BY ix_messages_contact_id_sent_at ON m.contact_id = c.id "
        f"WHERE {_FLAGGED} AND m.type <> 'reaction'{in_range}",
        params,
    ):
        index = bisect_right(day_starts, sent_at) - 1
        if index < 0:
            continue
        entry = counts.get(days[index])
        if entry is None:
            continue
        entry[_column(direction, author_kind)] -= 1
    return tuple(DayMessages(date.fromisoformat(day), *values) for day, values in sorted(counts.items()) if any(values))


def _new_clients_per_day(
    cursor: sqlite3.Cursor, day_starts: Sequence[str], start: str | None, stop: str | None
) -> tuple[tuple[date, int], ...]:
    """Clients by the local day of their first message: a count of an index range per day, less the
    flagged clients' first days (few)."""
    counts = {
        day: count
        for day, count in cursor.execute(
            "SELECT d.day, (SELECT count(*) FROM contacts c INDEXED BY ix_contacts_first_message_at "
            "WHERE c.first_message_at >= d.start AND c.first_message_at < d.stop) FROM temp.analytics_days d"
        )
    }
    days = _day_names(cursor)
    params: list[Any] = []
    in_range = _range_clause("c.first_message_at", start, stop, params)
    for (first_at,) in cursor.execute(
        f"SELECT c.first_message_at FROM contacts c WHERE {_FLAGGED} AND c.first_message_at IS NOT NULL{in_range}",
        params,
    ).fetchall():
        index = bisect_right(day_starts, first_at) - 1
        if index >= 0:
            counts[days[index]] -= 1
    return tuple((date.fromisoformat(day), count) for day, count in sorted(counts.items()) if count)


def _column(direction: str, author_kind: str) -> int:
    """0: in; 1: out by the bot; 2: any other outgoing message."""
    if direction == Direction.IN:
        return 0
    return 1 if author_kind == AuthorKind.BOT else 2


def _day_names(cursor: sqlite3.Cursor) -> list[str]:
    return [row[0] for row in cursor.execute("SELECT day FROM temp.analytics_days ORDER BY start").fetchall()]


def _funnel(
    cursor: sqlite3.Cursor,
    in_stage: dict[str | None, int],
    by_stages: dict[tuple[str | None, str | None], int],
    counted: str,
    params: Sequence[Any],
) -> tuple[StageFigures, ...]:
    """The account's stages with their figures; ``counted`` is the SQL condition on ``contacts c``,
    ``by_stages`` the counted clients by current stage and ``stages_reached``."""
    stages = cursor.execute("SELECT id, name, position, color FROM funnel_stages ORDER BY position, id").fetchall()
    reached = _reached(stages, by_stages)
    stays = _mean_stays(cursor, counted, params)
    figures = []
    for stage_id, name, _position, color in stages:
        count, converted = reached.get(stage_id, (0, 0))
        figures.append(
            StageFigures(
                stage=stage_id,
                name=name,
                color=color,
                clients=in_stage.get(stage_id, 0),
                reached=count,
                conversion=_significant(converted / count) if count else None,
                avg_days_in_stage=_significant(stays.get(stage_id)),
            )
        )
    return tuple(figures)


def _mean_stays(cursor: sqlite3.Cursor, counted: str, params: Sequence[Any]) -> dict[str, float]:
    """Per stage, the mean days the counted clients stayed in it (each change keeps its stay in
    ``funnel_changes.stay_days``, kept by the applier)."""
    if params:
        return dict(
            cursor.execute(
                "SELECT f.to_stage, avg(f.stay_days) FROM contacts c JOIN funnel_changes f ON f.contact_id = c.id "
                f"WHERE {counted} AND f.stay_days IS NOT NULL GROUP BY f.to_stage",
                params,
            ).fetchall()
        )
    # Without a date range every client but the flagged few counts: the sums and counts of every
    # stay, over a covering index in stage order, less the flagged clients' (found by their contact).
    totals = {
        stage: (days, count)
        for stage, days, count in cursor.execute(
            f"SELECT to_stage, total(stay_days), count(*) FROM funnel_changes INDEXED BY {_STAYS_INDEX} "
            "WHERE stay_days IS NOT NULL GROUP BY to_stage"
        )
    }
    for stage, days, count in cursor.execute(
        "SELECT f.to_stage, total(f.stay_days), count(*) FROM contacts c CROSS JOIN funnel_changes f "
        f"INDEXED BY ix_funnel_changes_contact_id_at ON f.contact_id = c.id WHERE {_FLAGGED} "
        "AND f.stay_days IS NOT NULL GROUP BY f.to_stage"
    ):
        all_days, all_count = totals[stage]
        totals[stage] = (all_days - days, all_count - count)
    return {stage: days / count for stage, (days, count) in totals.items() if count}


def _reached(
    stages: Sequence[tuple[Any, ...]], by_stages: dict[tuple[str | None, str | None], int]
) -> dict[str, tuple[int, int]]:
    """Per stage: (counted clients that ever reached it, those of them that reached a higher stage too).

    A stage is reached by a funnel change into it (``contacts.stages_reached``), or by being in it
    now; only the stages the account lists count, higher by their position.
    """
    positions = {stage_id: position for stage_id, _name, position, _color in stages}
    totals = {stage_id: [0, 0] for stage_id in positions}
    for (current, stored), count in by_stages.items():
        reached = [stage for stage in read_stages(stored) | {current} if stage in positions]
        if not reached:
            continue
        top = max(positions[stage] for stage in reached)
        for stage in reached:
            totals[stage][0] += count
            if top > positions[stage]:
                totals[stage][1] += count
    return {stage_id: (was, went_on) for stage_id, (was, went_on) in totals.items()}


def _meetings(cursor: sqlite3.Cursor, start: str | None, stop: str | None) -> dict[str, int]:
    params: list[Any] = []
    in_range = _range_clause("m.starts_at", start, stop, params)
    meetings = dict.fromkeys(MEETING_KEYS, 0)
    # Every meeting by status over a covering index (migration 0011), less the flagged clients' (few,
    # found by their contact), instead of a look-up of each meeting's client.
    for status, count in cursor.execute(
        f"SELECT m.status, count(*) FROM meetings m INDEXED BY {_MEETINGS_INDEX} "
        f"WHERE true{in_range} GROUP BY m.status",
        params,
    ):
        if status in meetings:
            meetings[status] += count
    for status, count in cursor.execute(
        "SELECT m.status, count(*) FROM contacts c CROSS JOIN meetings m INDEXED BY ix_meetings_contact_id_starts_at "
        f"ON m.contact_id = c.id WHERE {_FLAGGED}{in_range} GROUP BY m.status",
        params,
    ):
        if status in meetings:
            meetings[status] -= count
    return meetings


def _surveys(cursor: sqlite3.Cursor, start: str | None, stop: str | None) -> tuple[QuestionFigures, ...]:
    params: list[Any] = []
    in_range = _range_clause("s.submitted_at", start, stop, params)
    return tuple(
        QuestionFigures(question, count, _significant(average), top)
        for question, count, average, top in cursor.execute(
            "SELECT a.question, count(*), avg(a.score), max(a.score) "
            "FROM survey_answers a JOIN surveys s ON s.id = a.survey_id "
            # The flagged clients, few, as one list read from a covering index: no look-up per survey.
            f"WHERE s.contact_id NOT IN (SELECT c.id FROM contacts c WHERE {_FLAGGED}){in_range} GROUP BY a.question "
            "ORDER BY min(s.submitted_at || ' ' || s.id || ' ' || printf('%09d', a.position))",
            params,
        )
    )
