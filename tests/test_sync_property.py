"""Property: duplicates and reordering of the log, and resuming from any cursor, give the state the protocol
says (an independent reduction of what the relay served), and the same state as one clean run."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaddesk.db.database import open_database
from tests.relay_simulator.generate import scripted_log
from tests.relay_simulator.server import RelaySimulator
from tests.support.reference import ServedLog, differences
from tests.support.sync import run_sync, snapshot

TOKEN = "prop-token"


def sync_state_free(path: Path) -> dict[str, list[tuple[object, ...]]]:
    state = snapshot(path)
    state.pop("sync_state")  # cursor and skipped-event counters depend on the log's length
    return state


def reference(folder: Path) -> dict[str, list[tuple[object, ...]]]:
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        database = open_database(folder / "reference.sqlite")
        assert run_sync(database, sim.url, TOKEN).ok
        database.close()
    return sync_state_free(folder / "reference.sqlite")


EXPECTED = reference(Path(tempfile.mkdtemp(prefix="leaddesk-prop-")))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 2**32 - 1),
    duplicates=st.integers(0, 10),
    page_limit=st.integers(1, 12),
    stop_after=st.integers(0, 40),
)
def test_duplicates_reordering_and_resuming_give_the_same_state(
    seed: int, duplicates: int, page_limit: int, stop_after: int
) -> None:
    rng = random.Random(seed)
    with RelaySimulator(token=TOKEN) as sim:
        scripted_log(sim)
        events = list(sim._events)
        events += [rng.choice(events) for _ in range(duplicates)]
        rng.shuffle(events)
        sim._events[:] = events
        served = ServedLog(sim)
        folder = Path(tempfile.mkdtemp(prefix="leaddesk-prop-"))
        database = open_database(folder / "cache.sqlite")
        try:
            # A first run that stops after some events (as if closed), then resumes from its cursor.
            full, sim._events[:] = list(sim._events), sim._events[:stop_after]
            assert run_sync(database, sim.url, TOKEN, page_limit=page_limit).ok
            sim._events[:] = full
            assert run_sync(database, sim.url, TOKEN, page_limit=page_limit).ok
        finally:
            database.close()
    assert differences(folder / "cache.sqlite", served.reference()) == []
    assert sync_state_free(folder / "cache.sqlite") == EXPECTED
