#!/usr/bin/env bash
# QR redirect throughput, measured from a second process with wrk: the published app (SQLite, scans recorded)
# against a bare Kestrel app answering the same 302 (bench/QrBare), in the same run, alternating, on this machine.
# Then: every request's scan in the database after a graceful stop, and what a kill -9 mid-run loses.
# QUEUE sets Qr:ScanQueueCapacity (default 100,000): a backlog beyond it is dropped and logged, never waited for.
# Needs wrk, curl and python3. Usage: bench/wrk/qr-redirect.sh [connections] [seconds] [rounds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
connections="${1:-32}"; seconds="${2:-10}"; rounds="${3:-2}"
app_port=5111; bare_port=5112
work="$(mktemp -d)"; pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet publish "$repo/HibachiAdmin" -c Release -o "$work/app" >/dev/null
dotnet publish "$repo/bench/QrBare" -c Release -o "$work/bare" >/dev/null

start_app() { # $1 = database file
  (cd "$work/app" && exec env ConnectionStrings__Default="Data Source=$1" Bootstrap__AdminEmail=bench@hibachi.local \
    Bootstrap__AdminPassword="benchmark pass phrase" Logging__LogLevel__Default=Error Logging__LogLevel__HibachiAdmin.Features.QrCodes=Warning \
    Qr__PublicBaseUrl=https://hibachi.example Qr__ScanQueueCapacity="${QUEUE:-100000}" \
    ASPNETCORE_URLS="http://127.0.0.1:$app_port" dotnet HibachiAdmin.dll >>"$work/app.log" 2>&1) &
  app_pid=$!; pids+=("$app_pid")
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$app_port/healthz" >/dev/null && return; sleep 0.5; done
  echo "app did not start" >&2; cat "$work/app.log" >&2; exit 1
}
make_code() {
  local token
  token=$(curl -sf -H 'Content-Type: application/json' -d '{"email":"bench@hibachi.local","password":"benchmark pass phrase"}' \
    "http://127.0.0.1:$app_port/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"Spring flyer","type":"flyer","destinationUrl":"https://hibachi.example/menu","campaign":"Spring 2027","venue":"Harbor Hall"}' \
    "http://127.0.0.1:$app_port/api/v1/qr-codes" | python3 -c 'import json,sys; print(json.load(sys.stdin)["slug"])'
}
scans() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute("select count(*) from QrScans").fetchone()[0])' "$1"; }
measure() { # $1 label, $2 port, $3 duration
  QR_PATH="/q/$slug?qr=1" wrk -t2 -c"$connections" -d"$3" -s "$here/qr.lua" "http://127.0.0.1:$2" | tail -1 | sed "s/^/$1: /"
}
requests_of() { sed -n 's/.*requests \([0-9]*\),.*/\1/p' <<<"$1"; }

if [ -z "${ONLY_KILL:-}" ]; then
(cd "$work/bare" && exec env Location="https://hibachi.example/menu?utm_source=flyer&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall" \
  ASPNETCORE_URLS="http://127.0.0.1:$bare_port" dotnet QrBare.dll >"$work/bare.log" 2>&1) &
pids+=($!)
start_app "$work/app.db"
slug=$(make_code)
for _ in $(seq 1 60); do curl -s -o /dev/null "http://127.0.0.1:$bare_port/q/x" && break; sleep 0.5; done
echo "app: $(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$app_port/q/$slug?qr=1")"
echo "bare: $(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$bare_port/q/$slug")"

total=1 # the curl above
line=$(measure "warm-up app " $app_port 5s); echo "$line"; total=$((total + $(requests_of "$line")))
measure "warm-up bare" $bare_port 5s
for r in $(seq 1 "$rounds"); do
  line=$(measure "round $r app " $app_port "${seconds}s"); echo "$line"; total=$((total + $(requests_of "$line")))
  measure "round $r bare" $bare_port "${seconds}s"
done

# Graceful stop (SIGTERM, systemd's default; a script's background job ignores SIGINT): the writer drains the queue before exit.
kill -TERM "$app_pid"; wait "$app_pid" || true
stored=$(scans "$work/app.db")
echo "graceful stop: wrk completed $total redirects (plus at most $connections in flight at each wrk stop); scans stored $stored"
fi

# kill -9 in the middle of a run: what was queued or in the batch being written is lost. KILL_CONNECTIONS (default:
# connections) sets the load; ONLY_KILL=1 runs only this part.
start_app "$work/kill.db"
slug=$(make_code)
QR_PATH="/q/$slug?qr=1" wrk -t1 -c"${KILL_CONNECTIONS:-$connections}" -d"${seconds}s" -s "$here/qr.lua" "http://127.0.0.1:$app_port" >"$work/kill.txt" 2>&1 &
wrk_pid=$!
sleep $((seconds / 2))
kill -9 "$app_pid"; kill_at=$(date +%s.%N)
wait "$wrk_pid" || true
answered=$(requests_of "$(tail -1 "$work/kill.txt")")
kept=$(scans "$work/kill.db")
echo "kill -9 at half time ($(tail -1 "$work/kill.txt" | sed 's/,.*//') before the kill): $answered redirects answered, $kept scans stored, $((answered - kept)) lost"
grep -h "dropped" "$work/app.log" || echo "no scan dropped (the queue never filled)"
