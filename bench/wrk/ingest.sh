#!/usr/bin/env bash
# Webhook ingest measured from a second process: the published app on loopback (SQLite file, in-memory
# Hangfire) and wrk posting RingCentral inbound-SMS notifications (10% redeliveries). Prints wrk's line
# for a warm-up and a measured run, then waits until every stored notification has been processed.
# Needs wrk (apt-get install wrk) and python3. Usage: bench/wrk/ingest.sh [connections] [seconds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
connections="${1:-32}"; seconds="${2:-10}"; port=5099
work="$(mktemp -d)"; trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
# PUBLISH_ARGS, e.g. "-r linux-x64 --self-contained false -p:PublishReadyToRun=true", to measure a ReadyToRun build.
dotnet publish "$repo/HibachiAdmin" -c Release ${PUBLISH_ARGS:-} -o "$work/app" >/dev/null
python3 - "$repo/HibachiAdmin.Tests/Fixtures/ringcentral-inbound-sms.json" "$work/template.json" <<'PY'
import sys
t = open(sys.argv[1]).read()
t = t.replace('5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11', 'UUID').replace('1740001234016', 'MSGID').replace('+13055550123', 'PHONE')
open(sys.argv[2], 'w').write(t)
PY
export TOKEN="bench-verification-token" TEMPLATE="$work/template.json"
(cd "$work/app" && ConnectionStrings__Default="Data Source=$work/app.db" Bootstrap__AdminEmail=bench@hibachi.local \
  Bootstrap__AdminPassword="benchmark pass phrase" RingCentral__VerificationToken="$TOKEN" Logging__LogLevel__Default=Error \
  ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet HibachiAdmin.dll >"$work/app.log" 2>&1) & app=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
drain() {
  python3 - "$work/app.db" <<'PY'
import sqlite3, sys, time
start = time.time()
while True:
    c = sqlite3.connect(sys.argv[1]); stored, done = c.execute("select count(*), count(ProcessedAt) from InboundEvents").fetchone(); c.close()
    if stored == done or time.time() - start > 600: break
    time.sleep(1)
print(f"stored {stored} unique, processed {done}, backlog drained {time.time() - start:.0f} s after the run")
PY
}
echo "warm-up:  $(wrk -t1 -c"$connections" -d5s -s "$here/ingest.lua" "http://127.0.0.1:$port" | tail -1)"
drain
echo "measured: $(wrk -t1 -c"$connections" -d"${seconds}s" -s "$here/ingest.lua" "http://127.0.0.1:$port" | tail -1)"
drain
