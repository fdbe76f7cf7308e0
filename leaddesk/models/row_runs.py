"""Row numbers grouped into runs, so a model reports many rows with few signals."""

from __future__ import annotations

from collections.abc import Iterable


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Row numbers as sorted (first, last) runs of consecutive rows: [7, 1, 2, 3] -> [(1, 3), (7, 7)]."""
    found: list[tuple[int, int]] = []
    for row in sorted(rows):
        if found and found[-1][1] == row - 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found
