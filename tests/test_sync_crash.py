"""``leaddesk sync --once`` killed with SIGKILL at random moments, then run to the end: the state the protocol
says (an independent reduction of what the relay served, tests/support/reference.py), the exact state of one
clean run, no duplicated message, and every command applied exactly once on the relay."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leaddesk import edits
from leaddesk.db.database import open_database
from tests.relay_simulator.generate import generated_log, scripted_log
from tests.relay_simulator.server import RelaySimulator, make_contact, make_message
from tests.support.reference import ServedLog, differences, reduce_events
from tests.support.sync import run_sync, snapshot

TOKEN = "crash-token"
KILLS = 18


def base_log(sim: RelaySimulator) -> None:
    scripted_log(sim)
    sim.add_contact(make_contact("ct_e", "+5215500000100", name="Edith"))
    sim.add_message(make_message("wamid.E1", "ct_e", phone="+5215500000100", sent_at="2026-11-24T15:40:00Z"))


def later_log(sim: RelaySimulator) -> None:
    sim.change_contact("ct_beto", sale_status="pending")  # makes the queued sale-status edit conflict
    sim.add_serialized(generated_log(30_000, start_seq=10_000))


def command(db: Path, url: str) -> list[str]:
    return [sys.executable, "-m", "leaddesk", "--db", str(db), "--relay", url, "sync", "--once"]


def environment() -> dict[str, str]:
    return dict(os.environ, LEADDESK_RELAY_TOKEN=TOKEN, LEADDESK_SYNC_MAX_RETRY_SECONDS="20")


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_and_doubles_nothing(tmp_path: Path) -> None:
    template = tmp_path / "template.sqlite"
    with RelaySimulator(token=TOKEN) as first:
        base_log(first)
        served_first = ServedLog(first)  # the template's sync; the crashed runs go on from its cursor
        database = open_database(template)
        assert run_sync(database, first.url, TOKEN).ok
        edits.set_sale_status(database, ["ct_beto"], "sold")
        edits.set_name(database, ["ct_ana"], "Ana María López")
        edits.send_message(database, "ct_e", "Le confirmo la visita del jueves")
        edits.mark_reviewed(database, ["ct_ana"])
        edits.set_funnel_stage(database, ["ct_e"], "visit_scheduled", note="jueves 17:00")
        edits.send_message(database, "ct_e", "¿Trae su identificación?")
        database.close()

    clean_path = tmp_path / "clean.sqlite"
    crashed_path = tmp_path / "crashed.sqlite"
    for target in (clean_path, crashed_path):
        shutil.copy(template, target)
        if template.with_name("template-media").exists():
            shutil.copytree(template.with_name("template-media"), target.with_name(target.stem + "-media"))

    with RelaySimulator(token=TOKEN) as clean_sim:
        base_log(clean_sim)
        later_log(clean_sim)
        done = subprocess.run(
            command(clean_path, clean_sim.url),
            env=environment(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 5, done.stderr  # the conflict
    expected = snapshot(clean_path)

    rng = random.Random(20261124)
    with RelaySimulator(token=TOKEN) as sim:
        base_log(sim)
        served = ServedLog(sim)
        later_log(sim)
        sim.latency = 0.3  # every request takes a while, so each run gets only a few steps before its kill
        kills = 0
        for _ in range(KILLS):
            process = subprocess.Popen(
                command(crashed_path, sim.url), env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(rng.uniform(0.3, 1.6))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            process.wait(timeout=30)
        assert kills >= KILLS // 2
        sim.latency = 0.0
        done = subprocess.run(
            command(crashed_path, sim.url), env=environment(), capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode in (0, 5), done.stderr
        applications = dict(sim.applications)

    assert set(applications.values()) == {1}, applications
    assert len(applications) == 5  # five edits applied; the sixth conflicted
    assert differences(crashed_path, reduce_events(served_first.events + served.events)) == []
    assert snapshot(crashed_path) == expected
