"""A cache with known Analytics figures, built through the real applier, and the figures it must give.

The local time zone is fixed to UTC-6 without summer time (``TZ=CST6``, the POSIX form, so no time
zone database is needed): ``ct_d``'s only message, at 05:00 UTC on Oct 1, falls on Sep 30 there.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

from leaddesk.db.database import Database
from tests.support.events import (
    EventLog,
    account_updated,
    contact,
    funnel_change,
    meeting,
    message,
    survey,
)

LOCAL_TZ = "CST6"

Q_VISIT = "How was the visit?"
Q_ELSE = "Anything else?"


@pytest.fixture
def local_tz(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The process's local time zone set to UTC-6 for the test (and its child processes)."""
    monkeypatch.setenv("TZ", LOCAL_TZ)
    time.tzset()
    yield LOCAL_TZ
    monkeypatch.undo()
    time.tzset()


def known_events() -> list[dict[str, Any]]:
    """Four counted clients (one without messages, one in a stage the account does not list)."""
    return [
        account_updated(),
        contact("ct_a", funnel_stage="interested", sale_status="pending", sentiment="warm"),
        contact("ct_b", funnel_stage="visit_scheduled", sale_status="signed", sentiment="hot"),
        contact("ct_c", funnel_stage=None, sale_status="none", sentiment=None),
        contact("ct_d", funnel_stage="old_stage", sale_status="sold", sentiment="cold"),
        message("ct_a", "2026-11-10T15:00:00Z", message_id="wamid.a1"),
        message("ct_a", "2026-11-10T15:01:00Z", direction="out", author={"kind": "bot", "name": "Bot"}, status="read"),
        # 21:00 on Nov 11 local time, though Nov 12 in UTC.
        message(
            "ct_a", "2026-11-12T03:00:00Z", direction="out", author={"kind": "agent", "name": "Laura"}, status="read"
        ),
        message(
            "ct_a",
            "2026-11-12T04:00:00Z",
            type="reaction",
            text=None,
            reaction={"message_id": "wamid.a1", "emoji": "👍"},
        ),
        message("ct_b", "2026-11-20T12:00:00Z"),
        message("ct_b", "2026-11-20T12:05:00Z", direction="out", author={"kind": "bot", "name": "Bot"}, status="read"),
        message("ct_d", "2026-10-01T05:00:00Z"),
        funnel_change("ct_a", None, "new", "2026-11-10T15:00:00Z"),
        funnel_change("ct_a", "new", "interested", "2026-11-12T15:00:00Z"),
        funnel_change("ct_b", None, "new", "2026-11-20T12:00:00Z"),
        funnel_change("ct_b", "new", "interested", "2026-11-21T12:00:00Z"),
        funnel_change("ct_b", "interested", "visit_scheduled", "2026-11-23T00:00:00Z"),
        meeting("mt_a1", "ct_a", "2026-12-01T16:00:00Z", "scheduled"),
        meeting("mt_a2", "ct_a", "2026-10-15T16:00:00Z", "cancelled"),
        meeting("mt_b1", "ct_b", "2026-11-25T17:00:00Z", "completed"),
        survey("sv_a", "ct_a", "2026-10-20T10:00:00Z", [(Q_VISIT, 3)]),
        survey("sv_b", "ct_b", "2026-11-26T10:00:00Z", [(Q_VISIT, 5), (Q_ELSE, None)]),
    ]


def build_known(database: Database) -> EventLog:
    log = EventLog(database)
    log.apply(known_events())
    return log


def mystery_shopper_events(contact_id: str = "ct_m", **flags: bool) -> list[dict[str, Any]]:
    """A flagged client with a whole history inside every range the tests use."""
    flags = flags or {"mystery_shopper": True}
    return [
        contact(contact_id, funnel_stage="closed", sale_status="sold", sentiment="negative", **flags),
        message(contact_id, "2026-11-15T15:00:00Z"),
        message(contact_id, "2026-11-20T13:00:00Z", direction="out", author={"kind": "bot", "name": "Bot"}),
        message(contact_id, "2026-11-21T13:00:00Z", direction="out", author={"kind": "agent", "name": "Laura"}),
        funnel_change(contact_id, None, "new", "2026-11-15T15:00:00Z"),
        funnel_change(contact_id, "new", "closed", "2026-11-16T15:00:00Z"),
        meeting(f"mt_{contact_id}", contact_id, "2026-11-18T16:00:00Z", "no_show"),
        survey(f"sv_{contact_id}", contact_id, "2026-11-19T10:00:00Z", [("Secret question?", 1), (Q_VISIT, 1)]),
    ]


def _stage(stage: str, name: str, color: str, clients: int, reached: int, conv: Any, days: Any) -> dict[str, Any]:
    return {
        "stage": stage,
        "name": name,
        "color": color,
        "clients": clients,
        "reached": reached,
        "conversion": conv,
        "avg_days_in_stage": days,
    }


def _later_stages() -> list[dict[str, Any]]:
    return [
        _stage("visit_completed", "Visit completed", "#E4572E", 0, 0, None, None),
        _stage("proposal_sent", "Proposal sent", "#A15EDB", 0, 0, None, None),
        _stage("negotiating", "Negotiating", "#29335C", 0, 0, None, None),
        _stage("closed", "Closed", "#3BB273", 0, 0, None, None),
    ]


#: ``export analytics --format json`` on the known cache, all time.
EXPECTED_ALL_TIME: dict[str, Any] = {
    "from": None,
    "to": None,
    "clients": 4,
    "excluded": {"mystery_shoppers": 0, "contractors": 0},
    "funnel": [
        _stage("new", "New lead", "#8E9AAF", 0, 2, 1.0, 1.5),
        _stage("interested", "Interested", "#4F86C6", 1, 2, 0.5, 1.5),
        _stage("visit_scheduled", "Visit scheduled", "#F2A541", 1, 1, 0.0, None),
        *_later_stages(),
    ],
    "no_stage": 2,
    "sale_status": {"none": 1, "pending": 1, "signed": 1, "sold": 1},
    "sentiment": {"hot": 1, "warm": 1, "neutral": 0, "cold": 1, "negative": 0, "none": 1},
    "new_clients_per_day": [
        {"date": "2026-09-30", "clients": 1},
        {"date": "2026-11-10", "clients": 1},
        {"date": "2026-11-20", "clients": 1},
    ],
    "messages_per_day": [
        {"date": "2026-09-30", "in": 1, "out_bot": 0, "out_agent": 0},
        {"date": "2026-11-10", "in": 1, "out_bot": 1, "out_agent": 0},
        {"date": "2026-11-11", "in": 0, "out_bot": 0, "out_agent": 1},
        {"date": "2026-11-20", "in": 1, "out_bot": 1, "out_agent": 0},
    ],
    "meetings": {"scheduled": 1, "completed": 1, "cancelled": 1, "no_show": 0},
    "surveys": [
        {"question": Q_VISIT, "answers": 2, "average_score": 4.0},
        {"question": Q_ELSE, "answers": 1, "average_score": None},
    ],
}

#: The same for ``--from 2026-11-01 --to 2026-11-30``: ct_c (no message) and ct_d (Sep 30) drop out
#: of the client figures; meetings and surveys count by their own dates.
EXPECTED_NOVEMBER: dict[str, Any] = {
    **EXPECTED_ALL_TIME,
    "from": "2026-11-01",
    "to": "2026-11-30",
    "clients": 2,
    "no_stage": 0,
    "sale_status": {"none": 0, "pending": 1, "signed": 1, "sold": 0},
    "sentiment": {"hot": 1, "warm": 1, "neutral": 0, "cold": 0, "negative": 0, "none": 0},
    "new_clients_per_day": EXPECTED_ALL_TIME["new_clients_per_day"][1:],
    "messages_per_day": EXPECTED_ALL_TIME["messages_per_day"][1:],
    "meetings": {"scheduled": 0, "completed": 1, "cancelled": 0, "no_show": 0},
    "surveys": [
        {"question": Q_VISIT, "answers": 1, "average_score": 5.0},
        {"question": Q_ELSE, "answers": 1, "average_score": None},
    ],
}


def child_env() -> dict[str, str]:
    """The environment for a ``leaddesk`` child process in the tests' local time zone."""
    return {**os.environ, "TZ": LOCAL_TZ}
