#!/usr/bin/env bash
# Smoke test of the packaged application (the jpackage app-image, or an installed copy):
#  1. the headless launcher (aurora-locus-server) starts on a free port with a temporary data folder,
#     answers com.atproto.server.describeServer, creates an account over XRPC, and stops;
#  2. the desktop launcher (Aurora Locus) under an X server (xvfb-run when there is no DISPLAY): on a
#     first start its window (the setup wizard) shows, and a second launch exits at once, asking the
#     first to come forward, instead of failing on the port; then, with a pds.env in the default
#     per-user data folder (a returning user), the window shows and its in-process server answers.
#     Nothing may be written into the application folder.
# Nothing touches the real user's data: the JVM's user.home (which Java takes from the password
# database, not from HOME) and HOME point into a temporary folder.
#
#   installers/smoke-test.sh [APP_DIR]     APP_DIR defaults to installers/target/dist-app-image/Aurora Locus
#                                          (for the .deb: /opt/aurora-locus)
# Timings go to stdout and to installers/target/smoke/timings.txt; a screenshot to installers/target/smoke/.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
APP=${1:-"$HERE/target/dist-app-image/Aurora Locus"}
OUT="$HERE/target/smoke"
SERVER_BIN="$APP/bin/aurora-locus-server"
GUI_BIN="$APP/bin/Aurora Locus"
TIMEOUT_S=90

say() { printf 'smoke: %s\n' "$*" >&2; }
fail() { say "FAILED: $*"; exit 1; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

free_port() {  # a loopback port nothing listens on
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    done
    return 1
}

wait_for() {  # wait_for SECONDS CMD...: runs CMD every 0.1 s until it succeeds
    local deadline=$(( $(date +%s) + $1 )); shift
    until "$@"; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}

answers() { curl -fsS --max-time 2 "http://127.0.0.1:$1/xrpc/com.atproto.server.describeServer" -o "$2" 2>/dev/null; }

isolate() {  # isolate DIR: this shell's children see DIR as their home and nothing of the real user's
    mkdir -p "$1"
    export HOME="$1"
    export JAVA_TOOL_OPTIONS="-Duser.home=$1"
    unset XDG_DATA_HOME PDS_DATA_DIRECTORY PDS_HOSTNAME
}

# --- 2. the desktop launcher (runs inside the X server; called by the script itself) ---------------

window_viewable() {  # a mapped, full-size window titled "Aurora Locus"
    local id
    for id in $(xwininfo -root -tree 2>/dev/null | awk '/"Aurora Locus"/ {print $1}'); do
        xwininfo -id "$id" 2>/dev/null | awk '/Map State:/ {m=$3} /Width:/ {w=$2} END {exit !(m == "IsViewable" && w >= 200)}' \
            && return 0
    done
    return 1
}

launch_gui() {  # launch_gui LOG: starts the desktop launcher, waits for its window; sets GUI_PID and WINDOW_MS
    local started
    started=$(now_ms)
    "$GUI_BIN" >"$1" 2>&1 &
    GUI_PID=$!
    wait_for "$TIMEOUT_S" window_viewable || { tail -30 "$1" >&2; fail "no Aurora Locus window within ${TIMEOUT_S}s"; }
    WINDOW_MS=$(( $(now_ms) - started ))
    LAUNCHED_AT=$started
}

stop_gui() {
    kill "$GUI_PID" 2>/dev/null || true
    wait "$GUI_PID" 2>/dev/null || true
    # the window must be gone before the next launch looks for one
    wait_for 30 eval '! window_viewable' || fail "the window stayed after its process ended"
}

gui_part() {
    local work=$1 port first_ms server_ms second_ms data
    isolate "$work/gui-home"
    port=$(free_port) || fail "no free port"
    export PDS_PORT=$port
    data="$HOME/.local/share/aurora-locus"
    trap 'kill "$GUI_PID" 2>/dev/null || true' EXIT

    # a first start: no pds.env yet, so the window is the setup wizard
    launch_gui "$OUT/gui-first.log"
    first_ms=$WINDOW_MS
    say "first start: window (setup) viewable after ${first_ms} ms"
    local second_started
    second_started=$(now_ms)
    timeout 60 "$GUI_BIN" >"$OUT/gui-second.log" 2>&1 || fail "a second launch failed (exit $?): $(cat "$OUT/gui-second.log")"
    second_ms=$(( $(now_ms) - second_started ))
    grep -q "already running" "$OUT/gui-second.log" || fail "a second launch did not hand over to the first: $(cat "$OUT/gui-second.log")"
    kill -0 "$GUI_PID" 2>/dev/null || fail "the first instance died when the second was launched"
    grep -q "asked this one to come forward" "$OUT/gui-first.log" || fail "the first instance was not asked to come forward"
    say "a second launch handed over to the first and exited after ${second_ms} ms"
    if command -v import >/dev/null 2>&1; then import -window root "$OUT/gui-setup.png" 2>/dev/null || true; fi
    stop_gui

    # a returning user: pds.env exists (the local trial, as the wizard leaves it), so the server starts at once
    mkdir -p "$data"
    printf '# written by installers/smoke-test.sh: the local trial\n' >"$data/pds.env"
    launch_gui "$OUT/gui.log"
    say "configured start: window viewable after ${WINDOW_MS} ms"
    wait_for "$TIMEOUT_S" answers "$port" "$work/gui-describe.json" || { tail -30 "$OUT/gui.log" >&2; fail "the desktop app's server did not answer"; }
    server_ms=$(( $(now_ms) - LAUNCHED_AT ))
    say "desktop app's server answered after ${server_ms} ms"
    grep -q PDS_JWT_SECRET "$data/pds.env" || fail "the desktop app did not complete pds.env in the default data folder $data"
    if command -v import >/dev/null 2>&1; then import -window root "$OUT/gui-window.png" 2>/dev/null || true; fi
    stop_gui
    trap - EXIT
    printf 'gui_first_window_ms=%s\ngui_window_ms=%s\ngui_server_ms=%s\ngui_second_launch_ms=%s\n' \
        "$first_ms" "$WINDOW_MS" "$server_ms" "$second_ms" >>"$OUT/timings.txt"
}

if [ "${1:-}" = --gui-part ]; then
    APP=$3; GUI_BIN="$APP/bin/Aurora Locus"
    gui_part "$2"
    exit 0
fi

# --- 1. the headless launcher ------------------------------------------------------------------------

[ -x "$SERVER_BIN" ] && [ -x "$GUI_BIN" ] || fail "no packaged application at $APP (build it with ./aurora package)"
command -v curl >/dev/null 2>&1 || fail "curl is needed"
command -v xwininfo >/dev/null 2>&1 || fail "xwininfo is needed to see the window (apt-get install x11-utils)"
rm -rf "$OUT"; mkdir -p "$OUT"
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
touch "$WORK/before"
begin=$(date +%s)

(
    isolate "$WORK/server-home"
    export PDS_DATA_DIRECTORY="$WORK/server-data"
    port=$(free_port) || fail "no free port"
    export PDS_PORT=$port
    started=$(now_ms)
    "$SERVER_BIN" >"$OUT/server.log" 2>&1 &
    pid=$!
    trap 'kill "$pid" 2>/dev/null || true' EXIT
    wait_for "$TIMEOUT_S" answers "$port" "$WORK/describe.json" || { tail -30 "$OUT/server.log" >&2; fail "the headless server did not answer within ${TIMEOUT_S}s"; }
    server_ms=$(( $(now_ms) - started ))
    say "headless server answered describeServer after ${server_ms} ms"
    grep -q '"availableUserDomains":\[".test"\]' "$WORK/describe.json" || fail "describeServer: $(cat "$WORK/describe.json")"

    status=$(curl -sS --max-time 30 -o "$WORK/account.json" -w '%{http_code}' -X POST -H 'content-type: application/json' \
        -d '{"handle":"alice.test","email":"alice@example.com","password":"smoke-test-password-1"}' \
        "http://127.0.0.1:$port/xrpc/com.atproto.server.createAccount")
    [ "$status" = 200 ] && grep -q '"did":"did:plc:' "$WORK/account.json" && grep -q '"accessJwt"' "$WORK/account.json" \
        || fail "createAccount answered $status: $(cat "$WORK/account.json")"
    say "created alice.test over XRPC"

    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && fail "the headless server did not stop on SIGTERM"
    trap - EXIT
    [ -f "$PDS_DATA_DIRECTORY/pds.env" ] && [ -f "$PDS_DATA_DIRECTORY/account.sqlite" ] || fail "no pds.env/account.sqlite in $PDS_DATA_DIRECTORY"
    printf 'server_answer_ms=%s\n' "$server_ms" >>"$OUT/timings.txt"
)

# --- 2. the desktop launcher, under Xvfb unless there is a display -----------------------------------

if [ -n "${DISPLAY:-}" ]; then
    "$0" --gui-part "$WORK" "$APP"
elif command -v xvfb-run >/dev/null 2>&1; then
    xvfb-run -a "$0" --gui-part "$WORK" "$APP"
else
    fail "no DISPLAY and no xvfb-run (apt-get install xvfb xauth) for the desktop launcher"
fi

written=$(find "$APP" -newer "$WORK/before" -print -quit 2>/dev/null || true)
[ -z "$written" ] || fail "the application wrote into its install folder: $written"
say "passed in $(( $(date +%s) - begin )) s; timings in $OUT/timings.txt"
cat "$OUT/timings.txt"
