#!/usr/bin/env bash
# CI for the PyInstaller bundle: build it (once), then run the frozen program as a user would:
#   1. every shipped library finds the libraries it links to (Linux, with ldd)
#   2. `LeadDesk self-test` prints `self-test ok`
#   3. `LeadDesk --demo export clients --format json` prints the demo's clients (checked with Python)
#   4. `LeadDesk sync --once` against the relay simulator (started from the source tree) pulls every client
#   5. start-up to the first painted window, frozen and from source (scripts/time_startup.py)
# and prints the bundle's size.
#   scripts/check_bundle.sh            build, then check
#   scripts/check_bundle.sh --no-build check the bundle already in dist/LeadDesk
# Needs .venv (scripts/bootstrap test); installs the bundle extra (PyInstaller) into it if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${LEADDESK_VENV:-.venv}"
python="$venv/bin/python"
[ -x "$python" ] || { echo "check_bundle: no $python; run scripts/bootstrap test first" >&2; exit 2; }

if [ "${1:-}" != "--no-build" ]; then
    scripts/build_bundle.sh
fi
bundle="$PWD/dist/LeadDesk"
exe="$bundle/LeadDesk"
[ -x "$exe" ] || { echo "check_bundle: no $exe; build it first" >&2; exit 1; }

# A scratch home: the frozen program must not read or write the developer's data, config or keyring.
scratch="$(mktemp -d)"
relay_pid=""
cleanup() {
    # `wait` answers 143 for the killed simulator; under `set -e` that would become our exit status.
    if [ -n "$relay_pid" ]; then
        kill "$relay_pid" 2>/dev/null || true
        wait "$relay_pid" 2>/dev/null || true
    fi
    rm -rf "$scratch"
}
trap cleanup EXIT
export XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state"
platform_given="${QT_QPA_PLATFORM:-}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
unset LEADDESK_DB LEADDESK_RELAY_URL LEADDESK_RELAY_TOKEN

step() { echo; echo "== $*"; }

if [ "$(uname -s)" = "Linux" ] && command -v ldd >/dev/null 2>&1; then
    step "shipped libraries resolve"
    # Libraries the bundle ships (Qt, PySide6, Python, ICU) must find each other inside the bundle.
    # Libraries the system provides (X11/xcb, GL, fontconfig) may be missing on a server: listed, not fatal.
    missing_ours=0
    while IFS= read -r -d '' file; do
        while read -r lib; do
            case "$lib" in
                libQt6*|libpyside6*|libshiboken6*|libpython3*|libicu*) echo "MISSING $lib (needed by ${file#"$bundle"/})"; missing_ours=1 ;;
                *) echo "system library not on this machine: $lib (needed by ${file#"$bundle"/})" ;;
            esac
        done < <(LD_LIBRARY_PATH="$bundle/_internal:$bundle/_internal/PySide6/Qt/lib" ldd "$file" 2>/dev/null | awk '/not found/ {print $1}' | sort -u)
    done < <(find "$bundle/_internal" -name '*.so*' -type f -print0)
    [ "$missing_ours" = 0 ] || { echo "check_bundle: the bundle lacks libraries it ships itself" >&2; exit 1; }
    echo "ok: every Qt, PySide6, Python and ICU library the bundle needs is in it"
fi

step "self-test"
"$exe" self-test | tee "$scratch/self-test.txt"
[ "$(tail -n 1 "$scratch/self-test.txt")" = "self-test ok" ] || { echo "check_bundle: self-test did not print 'self-test ok'" >&2; exit 1; }

step "export clients from the demo data"
"$exe" --demo export clients --format json > "$scratch/demo-clients.json"
"$python" - "$scratch/demo-clients.json" <<'PY'
import json, sys
clients = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(clients, list) and len(clients) >= 50, f"expected the demo's clients, got {len(clients)}"
needed = {"id", "phone", "name", "last_activity", "bot_status", "sale_status", "message_count", "pending_edits"}
assert all(needed <= set(client) for client in clients), "a client lacks a field of the CLI contract"
times = [c["last_activity"] for c in clients if c["last_activity"]]
assert times == sorted(times, reverse=True), "not in the list's default order (last activity, newest first)"
print(f"ok: {len(clients)} demo clients exported as JSON, newest activity {times[0] if times else None}")
PY

step "export one client's history as PDF from the demo data"
first_client="$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))[0]["id"])' "$scratch/demo-clients.json")"
"$exe" --demo export history "$first_client" --format pdf --out "$scratch/history.pdf"
[ "$(head -c 5 "$scratch/history.pdf")" = "%PDF-" ] || { echo "check_bundle: export history --format pdf made no PDF" >&2; exit 1; }
echo "ok: $first_client's history as a PDF of $(wc -c < "$scratch/history.pdf" | tr -d ' ') bytes"

step "sync --once against the relay simulator"
port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
token="bundle-check-$RANDOM$RANDOM"
"$python" -m tests.relay_simulator --port "$port" --token "$token" --demo > "$scratch/relay.log" 2>&1 &
relay_pid=$!
"$python" - "$port" <<'PY'
import socket, sys, time
deadline = time.monotonic() + 30
while True:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit("the relay simulator did not start in 30 s")
        time.sleep(0.1)
PY
db="$scratch/synced.sqlite"
LEADDESK_RELAY_TOKEN="$token" "$exe" --db "$db" --relay "http://127.0.0.1:$port" sync --once
"$exe" --db "$db" export clients --format json > "$scratch/synced-clients.json"
"$python" - "$scratch/synced-clients.json" <<'PY'
import json, sys
clients = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(clients) >= 50, f"the sync brought {len(clients)} clients"
print(f"ok: sync --once pulled {len(clients)} clients from the relay simulator")
PY
LEADDESK_RELAY_TOKEN="wrong-token" "$exe" --db "$db" --relay "http://127.0.0.1:$port" sync --once && status=0 || status=$?
[ "$status" = 3 ] || { echo "check_bundle: a refused token should exit 3, got $status" >&2; exit 1; }
echo "ok: a refused token exits 3"

step "start-up to the first painted window"
# Under Xvfb when it is installed (and no platform was asked for), else off screen; the script says which.
if [ -z "$platform_given" ]; then
    env -u QT_QPA_PLATFORM "$python" scripts/time_startup.py --frozen "$exe"
else
    "$python" scripts/time_startup.py --frozen "$exe"
fi

step "size"
"$python" - "$bundle" <<'PY'
import sys
from pathlib import Path
files = [p for p in Path(sys.argv[1]).rglob("*") if p.is_file() and not p.is_symlink()]
print(f"bundle {sys.argv[1]}: {sum(p.stat().st_size for p in files) / 1_000_000:.1f} MB in {len(files)} files (aim: under 150 MB)")
PY
echo
echo "bundle check ok"
