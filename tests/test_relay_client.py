"""The relay client against the simulator: errors by kind, the token never in text."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from leaddesk.sync.client import (
    ConfigurationError,
    Conflict,
    CursorExpired,
    PassingFault,
    Refused,
    RelayClient,
    Unauthorized,
    check_relay_url,
)
from tests.relay_simulator.server import Fault, RelaySimulator, make_contact

TOKEN = "client-secret-token"


@pytest.fixture
def sim() -> Iterator[RelaySimulator]:
    with RelaySimulator(token=TOKEN) as running:
        running.add_contact(make_contact("ct_1", "+5215500000001"))
        yield running


def test_account_and_events(sim: RelaySimulator) -> None:
    with RelayClient(sim.url, TOKEN) as client:
        assert client.account()["agent"]["name"] == "Laura Pérez"
        page = client.events("", 10)
        assert (len(page.events), page.next, page.has_more) == (1, "c_1", False)
        assert TOKEN not in repr(client)


def test_errors_map_to_kinds_without_the_token(sim: RelaySimulator) -> None:
    with RelayClient(sim.url, "wrong") as client, pytest.raises(Unauthorized) as refused:
        client.account()
    assert "wrong" not in str(refused.value)
    with RelayClient(sim.url, TOKEN) as client:
        sim.plan("/v1/events", Fault(status=429, retry_after=7), Fault(status=503), Fault(cut_after=5))
        with pytest.raises(PassingFault) as limited:
            client.events("")
        assert limited.value.retry_after == 7
        for _ in range(2):
            with pytest.raises(PassingFault):
                client.events("")
        sim.cursor_floor = 1
        with pytest.raises(CursorExpired):
            client.events("c_0")
        with pytest.raises(Refused) as unknown:
            client.command("k1", {"type": "set_name", "contact_id": "nobody", "base_version": 1, "data": {"name": "x"}})
        assert unknown.value.status == 404
        sim.change_contact("ct_1", name="Someone")
        with pytest.raises(Conflict) as conflict:
            client.command("k2", {"type": "set_name", "contact_id": "ct_1", "base_version": 1, "data": {"name": "x"}})
        assert conflict.value.contact["name"] == "Someone"
        # The same key with another body.
        with pytest.raises(Refused) as mismatch:
            client.command("k2", {"type": "set_name", "contact_id": "ct_1", "base_version": 2, "data": {"name": "y"}})
        assert mismatch.value.code == "idempotency_mismatch"
        with pytest.raises(Refused):
            client.media("md_none", io.BytesIO())


def test_replay_returns_the_first_answer(sim: RelaySimulator) -> None:
    body = {"type": "set_sale_status", "contact_id": "ct_1", "base_version": 1, "data": {"sale_status": "signed"}}
    with RelayClient(sim.url, TOKEN) as client:
        first = client.command("key-1", body)
        again = client.command("key-1", body)
    assert first.contact == again.contact and first.contact["version"] == 2
    assert sim.applications["key-1"] == 1


@pytest.mark.parametrize("url", ["http://relay.example.com", "ftp://127.0.0.1", "relay.example.com", "https://u:p@h"])
def test_refuses_unsafe_urls(url: str) -> None:
    with pytest.raises(ConfigurationError):
        check_relay_url(url)


def test_accepts_https_and_loopback_http() -> None:
    assert check_relay_url("https://relay.example.com/") == "https://relay.example.com"
    assert check_relay_url("http://[::1]:8080") == "http://[::1]:8080"
    assert check_relay_url("http://localhost:1") == "http://localhost:1"
