"""Bring the translation catalogues in line with the code, then build the .qm files the program loads.

    .venv/bin/python scripts/update_translations.py

``pyside6-lupdate`` adds every new ``tr()`` / ``QCoreApplication.translate`` string of ``leaddesk/`` to
``resources/i18n/leaddesk_es.ts`` (to be translated, in Qt Linguist or any editor) and the plural
forms of English (``%n``) to ``leaddesk_en.ts``; ``pyside6-lrelease`` turns both into the ``.qm`` files
shipped beside them. ``tests/test_translations.py`` fails when a string is missing or unfinished, or a
``.qm`` is older than its ``.ts``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else name


def sources() -> list[str]:
    """Every Python file of the program (lupdate reads Python only when named, not from a folder)."""
    return sorted(str(path) for path in (ROOT / "leaddesk").rglob("*.py") if "__pycache__" not in path.parts)


def lupdate(ts: Path, *, plurals_only: bool = False, keep_obsolete: bool = False) -> None:
    command = [tool("pyside6-lupdate"), *sources(), "-locations", "none"]
    if plurals_only:
        command.append("-pluralonly")
    if not keep_obsolete:
        command.append("-no-obsolete")
    subprocess.run([*command, "-ts", str(ts)], check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    keep = "--keep-obsolete" in sys.argv
    spanish = CATALOGUES / "leaddesk_es.ts"
    english = CATALOGUES / "leaddesk_en.ts"
    lupdate(spanish, keep_obsolete=keep)
    lupdate(english, plurals_only=True, keep_obsolete=keep)
    for ts in (spanish, english):
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
