"""Time LeadDesk from process start to its first painted main window: the frozen bundle and the source tree.

    .venv/bin/python scripts/time_startup.py [--frozen dist/LeadDesk/LeadDesk] [--runs 5]

Both run the same entry point (``leaddesk/frozen.py``) on the demo database with
``LEADDESK_STARTUP_PROBE=1``: the program prints ``first-paint`` as the main window first paints, then
quits. The time is measured here, from just before the process is started to that line, so it holds
the interpreter's (or the bootloader's) own start. One unmeasured run each first fills the demo
database and the disk cache; then runs alternate, and the median is printed.

The display: under Xvfb when it is installed and no ``DISPLAY`` is set (a real X server, the xcb
platform plugin), else Qt's offscreen platform plugin. The output says which.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "first-paint"


@contextmanager
def display() -> Iterator[tuple[dict[str, str], str]]:
    """Environment additions for a display, and its description."""
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" or not shutil.which("Xvfb"):
        why = "asked for" if shutil.which("Xvfb") else "no Xvfb installed"
        yield {"QT_QPA_PLATFORM": "offscreen"}, f"Qt offscreen platform ({why})"
        return
    if os.environ.get("DISPLAY"):
        yield {}, f"X display {os.environ['DISPLAY']}"
        return
    # -displayfd: Xvfb picks a free display number and writes it to the pipe once it is ready.
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}, f"Xvfb :{number} (xcb)"
    finally:
        server.terminate()
        server.wait(timeout=10)


def time_once(command: list[str], env: dict[str, str], timeout: float = 60) -> float:
    """Seconds from starting ``command`` to its ``first-paint`` line."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.startswith(MARKER):
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(
                f"{command[0]} ended without painting: {process.stderr.read() if process.stderr else ''}"
            )
        process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} exited {process.returncode} after painting")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--frozen", type=Path, default=ROOT / "dist" / "LeadDesk" / "LeadDesk", help="the bundle's executable"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    candidates = {"source": [sys.executable, "-m", "leaddesk.frozen", "--demo"]}
    if args.frozen.exists():
        candidates["frozen"] = [str(args.frozen.resolve()), "--demo"]
    else:
        print(f"no frozen executable at {args.frozen}: timing the source tree only")

    with tempfile.TemporaryDirectory(prefix="leaddesk-startup-") as scratch, display() as (extra, described):
        env = {
            **os.environ,
            **extra,
            "LEADDESK_STARTUP_PROBE": "1",
            "XDG_DATA_HOME": f"{scratch}/data",
            "XDG_CONFIG_HOME": f"{scratch}/config",
            "XDG_CACHE_HOME": f"{scratch}/cache",
            "XDG_STATE_HOME": f"{scratch}/state",
        }
        for command in candidates.values():  # fills the demo database, warms the disk cache
            time_once(command, env)
        times: dict[str, list[float]] = {name: [] for name in candidates}
        for _ in range(args.runs):
            for name, command in candidates.items():
                times[name].append(time_once(command, env))

    print(f"start-up to the first painted main window, demo database, {described}, median of {args.runs}:")
    for name, values in times.items():
        spread = f"min {min(values):.2f} s, max {max(values):.2f} s"
        print(f"  {name:<6} {statistics.median(values):.2f} s  ({spread})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
