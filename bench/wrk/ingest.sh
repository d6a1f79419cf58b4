#!/usr/bin/env bash
# Webhook ingest measured from a second process: the published app on loopback and wrk posting RingCentral
# inbound-SMS notifications (10% redeliveries). Prints wrk's line for a warm-up and a measured run, then
# waits until every stored notification has been processed.
# SQLite (default): one instance over a SQLite file, in-memory Hangfire.
# PostgreSQL: set PGHOST (and PGPORT, PGUSER, PGPASSWORD as psql reads them) to a server where a database may
# be created; INSTANCES=2 starts two app instances over that one database (Hangfire on PostgreSQL too) and one
# wrk per instance with half the connections each, as behind a load balancer; the lines are per instance.
# Needs wrk (apt-get install wrk), python3 and, for PostgreSQL, psql. Usage: bench/wrk/ingest.sh [connections] [seconds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"; repo="$(cd "$here/../.." && pwd)"
connections="${1:-32}"; seconds="${2:-10}"; instances="${INSTANCES:-1}"; base_port=5099
work="$(mktemp -d)"; apps=(); database=""
cleanup() {
  for pid in "${apps[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$database" ]; then psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# PUBLISH_ARGS, e.g. "-r linux-x64 --self-contained false -p:PublishReadyToRun=true", to measure a ReadyToRun build.
dotnet publish "$repo/HibachiAdmin" -c Release ${PUBLISH_ARGS:-} -o "$work/app" >/dev/null
python3 - "$repo/HibachiAdmin.Tests/Fixtures/ringcentral-inbound-sms.json" "$work/template.json" <<'PY'
import sys
t = open(sys.argv[1]).read()
t = t.replace('5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11', 'UUID').replace('1740001234016', 'MSGID').replace('+13055550123', 'PHONE')
open(sys.argv[2], 'w').write(t)
PY
export TOKEN="bench-verification-token" TEMPLATE="$work/template.json"

if [ -n "${PGHOST:-}" ]; then
  database="hibachi_wrk_$$"
  psql -q -d postgres -c "CREATE DATABASE \"$database\""
  cs="Host=$PGHOST;Port=${PGPORT:-5432};Username=${PGUSER:-postgres};Database=$database"
  [ -n "${PGPASSWORD:-}" ] && cs="$cs;Password=$PGPASSWORD"
  settings=(ConnectionStrings__Default="$cs" Database__Provider=Postgres Hangfire__Storage=Postgres)
  count() { psql -Atq -F ' ' -d "$database" -c 'select count(*), count("ProcessedAt") from "InboundEvents"'; }
else
  [ "$instances" -eq 1 ] || { echo "INSTANCES > 1 needs PostgreSQL (PGHOST)" >&2; exit 2; }
  settings=(ConnectionStrings__Default="Data Source=$work/app.db")
  count() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(*c.execute("select count(*), count(ProcessedAt) from InboundEvents").fetchone())' "$work/app.db"; }
fi

for i in $(seq 0 $((instances - 1))); do
  port=$((base_port + i))
  (cd "$work/app" && exec env "${settings[@]}" Bootstrap__AdminEmail=bench@hibachi.local \
    Bootstrap__AdminPassword="benchmark pass phrase" RingCentral__VerificationToken="$TOKEN" Logging__LogLevel__Default=Error \
    Hangfire__InboundWorkerCount="${INBOUND_WORKERS:-1}" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet HibachiAdmin.dll >"$work/app$i.log" 2>&1) &
  apps+=($!)
  # One at a time: the first start migrates the empty database and creates the admin.
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
done

drain() {
  local start=$SECONDS stored done
  while true; do
    read -r stored done < <(count)
    if [ "$stored" = "$done" ] || [ $((SECONDS - start)) -gt 600 ]; then break; fi
    sleep 1
  done
  echo "stored $stored unique, processed $done, backlog drained $((SECONDS - start)) s after the run"
}
run() {
  local duration=$1 label=$2 per=$((connections / instances)) pids=()
  for i in $(seq 0 $((instances - 1))); do
    (WRK_INSTANCE=$i wrk -t1 -c"$per" -d"$duration" -s "$here/ingest.lua" "http://127.0.0.1:$((base_port + i))" | tail -1 | sed "s/^/$label instance $i: /") &
    pids+=($!)
  done
  wait "${pids[@]}"
}
run 5s "warm-up: "
drain
run "${seconds}s" "measured:"
drain
