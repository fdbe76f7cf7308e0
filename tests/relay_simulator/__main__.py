"""Serve the relay simulator by hand, to try the window against it.

    .venv/bin/python -m tests.relay_simulator --port 8765 --token demo-token --demo
    LEADDESK_RELAY_TOKEN=demo-token .venv/bin/python -m leaddesk --relay http://127.0.0.1:8765 sync --once

``--demo`` serves the demo's believable data (``leaddesk.demo.demo_events()`` when it exists, else a
generated log); ``--generate N`` serves N generated messages instead.
"""

from __future__ import annotations

import argparse
import time

from tests.relay_simulator.generate import add_generated, load_demo_into
from tests.relay_simulator.server import RelaySimulator


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.relay_simulator")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--token", default="demo-token")
    parser.add_argument("--demo", action="store_true", help="serve the demo's data")
    parser.add_argument("--generate", type=int, default=0, metavar="N", help="serve N generated messages")
    args = parser.parse_args()
    sim = RelaySimulator(token=args.token, port=args.port)
    if args.demo:
        load_demo_into(sim)
    if args.generate:
        add_generated(sim, args.generate)  # its contacts accept commands, for trying edits by hand
    sim.start()
    events = f"{sim.log_length:,} events"
    print(f"relay simulator on {sim.url} (token {args.token!r}), {events}; Ctrl+C stops it", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        sim.stop()


if __name__ == "__main__":
    main()
