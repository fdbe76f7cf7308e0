"""The pure rules of the vocabulary: status ranks and times."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from leaddesk.domain import humanize_age, merge_status, normalize_time


@pytest.mark.parametrize(
    ("arrivals", "final"),
    [
        (["sent", "delivered", "read"], "read"),
        (["failed", "delivered"], "failed"),
        (["sent", "failed"], "failed"),
        (["read", "failed"], "read"),
        (["delivered", "sent"], "delivered"),
    ],
)
def test_a_status_never_goes_back_whatever_the_order(arrivals: list[str], final: str) -> None:
    for order in itertools.permutations(arrivals):
        current = None
        for status in order:
            current = merge_status(current, status)
        assert current == final


def test_times_are_normalized_to_utc_text_that_sorts() -> None:
    assert normalize_time("2026-11-24T10:03:57-05:00") == "2026-11-24T15:03:57Z"
    assert normalize_time("2026-11-24T15:03:57.123Z") == "2026-11-24T15:03:57Z"
    with pytest.raises(ValueError, match="time zone"):
        normalize_time("2026-11-24T15:03:57")


def test_ages_read_like_a_person_would_say_them() -> None:
    now = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    assert humanize_age(now - timedelta(seconds=20), now) == "just now"
    assert humanize_age(now - timedelta(minutes=5), now) == "5 min ago"
    assert humanize_age(now - timedelta(hours=3), now) == "3 h ago"
    assert humanize_age(now - timedelta(days=1, hours=2), now) == "yesterday"
    assert humanize_age(now - timedelta(days=4), now) == "4 days ago"
