#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle dist/LeadDesk/ (and dist/LeadDesk.app on macOS) from leaddesk.spec,
# with the project's .venv (made by scripts/bootstrap), and print the bundle's size.
#   scripts/build_bundle.sh
# LEADDESK_VENV names another virtual environment than .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${LEADDESK_VENV:-.venv}"
python="$venv/bin/python"
[ -x "$python" ] || { echo "build_bundle: no $python; run scripts/bootstrap first" >&2; exit 2; }

# The bundle extra (PyInstaller) is a build-time tool only; install it into the venv if missing.
if ! "$python" -c 'import PyInstaller' >/dev/null 2>&1; then
    "$python" -m pip install --quiet -e ".[bundle]"
fi

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller leaddesk.spec
elapsed=$(( $(date +%s) - start ))

bundle=dist/LeadDesk
[ -d "$bundle" ] || { echo "build_bundle: $bundle was not made" >&2; exit 1; }
size_mb=$("$python" - "$bundle" <<'PY'
import sys
from pathlib import Path
total = sum(p.stat().st_size for p in Path(sys.argv[1]).rglob("*") if p.is_file() and not p.is_symlink())
print(f"{total / 1_000_000:.1f}")
PY
)
files=$(find "$bundle" -type f | wc -l | tr -d ' ')
echo "bundle: $bundle built in ${elapsed}s: ${size_mb} MB in ${files} files (aim: under 150 MB)"
