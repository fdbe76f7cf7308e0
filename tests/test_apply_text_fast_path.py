"""The inline parse of a plain text message (the bulk of a first sync) judges every message exactly as
the strict parser does: the same row for a good one, a skipped event for a bad one.

The strict parser is reached by handing the message as a read-only mapping rather than a ``dict``,
which the inline path never takes."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

import pytest

from leaddesk.sync.apply import BadEvent, ParsedMessage, parse_message
from tests.relay_simulator.server import make_message

GOOD = make_message("wamid.T1", "ct_t", phone="+5215500000001", raw={"wa": 1})

VARIANTS: list[tuple[str, dict[str, Any]]] = [
    ("plain inbound", {}),
    ("outbound", {"direction": "out", "author": {"kind": "agent", "name": "Rosa"}, "status": "delivered"}),
    ("transcript", {"transcript": "hola"}),
    ("empty raw", {"raw": {}}),
    ("no raw", {"raw": None}),
    ("offset time", {"sent_at": "2026-11-24T09:03:57-06:00"}),
    ("no sender", {"from": None}),
    ("sender not digits", {"from": "abc"}),
    ("empty text", {"text": ""}),
    ("no text", {"text": None}),
    ("text a number", {"text": 5}),
    ("id missing", {"id": None}),
    ("empty contact", {"contact_id": ""}),
    ("bad direction", {"direction": "sideways"}),
    ("direction a list", {"direction": ["in"]}),
    ("outbound status on inbound", {"status": "delivered"}),
    ("status a list", {"status": ["received"]}),
    ("author a string", {"author": "client"}),
    ("unknown author kind", {"author": {"kind": "robot", "name": None}}),
    ("author name a number", {"author": {"kind": "client", "name": 7}}),
    ("sender a number", {"from": 5215500000001}),
    ("transcript a number", {"transcript": 1}),
    ("bad time", {"sent_at": "yesterday"}),
    ("time a number", {"sent_at": 20261124}),
    ("contacts not a list", {"contacts": {}}),
    ("contacts a list", {"contacts": [{"name": "Ana"}]}),
    ("error", {"error": {"code": 131047, "title": "Re-engagement"}}),
    ("card", {"card": {"price": 1.5, "media_id": "m1"}}),
]


def strict(message: dict[str, Any]) -> ParsedMessage | str:
    try:
        return parse_message({"message": MappingProxyType(message)})
    except BadEvent as problem:
        return f"bad: {problem}"


def inline(message: dict[str, Any]) -> ParsedMessage | str:
    try:
        return parse_message({"message": message})
    except BadEvent as problem:
        return f"bad: {problem}"


@pytest.mark.parametrize(("change"), [change for _, change in VARIANTS], ids=[name for name, _ in VARIANTS])
def test_a_text_message_is_judged_as_the_strict_parser_judges_it(change: dict[str, Any]) -> None:
    message = dict(GOOD, **change)
    assert inline(message) == strict(message)


def test_the_strict_parser_tells_good_from_bad_in_these_variants() -> None:
    """The comparison above covers both kinds: good messages and skipped ones."""
    outcomes = [isinstance(strict(dict(GOOD, **change)), str) for _, change in VARIANTS]
    assert any(outcomes) and not all(outcomes)
    parsed = inline(GOOD)
    assert isinstance(parsed, ParsedMessage)
    assert parsed.phone == "+5215500000001"
    assert (parsed.row[0], parsed.row[7], parsed.row[-1]) == ("wamid.T1", "Hola", '{"wa": 1}')
