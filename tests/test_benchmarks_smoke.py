"""``python -m benchmarks`` at a small size, so that the runner cannot rot: every figure is produced.

Only that a figure was measured is asserted, never its value: a shared CI machine's timings say
nothing. The full size (250,000 clients) and its table are in docs/performance.md.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.__main__ import new_figures

ROOT = Path(__file__).resolve().parent.parent
#: A measured value: a number with its unit ("12 ms", "1.52 s", "61,200 events/s", "163 MB").
MEASURED = re.compile(r"^\d[\d,.]* (ms|s|MB|events/s)\b")


@pytest.mark.slow
def test_the_runner_prints_every_figure_at_20000_clients(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--clients", "20000", "--messages", "200000",
         "--sync-messages", "20000", "--start-runs", "1", "--cache-dir", str(tmp_path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = lines.index("| figure | LeadDesk | aim | met | alternative, same run |")
    rows = [line.split(" | ") for line in lines[header + 2 :] if line.startswith("| ")]
    assert len(rows) == len(new_figures()), done.stdout
    for label, value, _aim, met, alternative in rows:
        assert MEASURED.match(value), f"{label}: no figure ({value!r})"
        assert re.search(r"\d", alternative), f"{label}: no alternative ({alternative!r})"
        assert met in ("yes", "**no**"), f"{label}: {met!r}"
    # Each missed aim is named under the table, with its figure.
    missed = [row[0].lstrip("| ") for row in rows if row[3] == "**no**"]
    for label in missed:
        assert any(line.startswith(f"missed: {label}: ") for line in lines), label
