#!/usr/bin/env bash
# Load benchmark of the web application: the caseworker's worklist and the case page with 50
# concurrent clients against a 100,000-case database (built once by `serve --demo`, then reused).
# Prints requests per second and the latency percentiles (p50, p90, p99) that wrk measures.
#
#   bench/web_load.sh                     # 100,000 cases, 50 connections, 30 s per page
#   CASES=20000 DURATION=10s bench/web_load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CASES=${CASES:-100000}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
DB=${DB:-target/bench/web_${CASES}.db}

command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
cargo build --release -q -p afklaring
mkdir -p "$(dirname "$DB")"
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
echo "Starting the server on $DB ($CASES cases; the first run builds the database, which takes minutes) …"
"${CARGO_TARGET_DIR:-target}/release/afklaring" serve --demo --demo-cases "$CASES" --db "$DB" --addr "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
for _ in $(seq 1 3600); do
  grep -q "afklaring kører" "$tmp/server.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; exit 1; }
  sleep 1
done
base="http://127.0.0.1:$port"
password=$(sed -n 's/^  sagsbehandler  *.*adgangskode: \([^ ]*\).*/\1/p' "$tmp/server.log" | head -1)
session=$(curl -s -D - -o /dev/null -H 'content-type: application/json' \
  -d "{\"user\":\"sagsbehandler\",\"password\":\"$password\"}" "$base/api/login" |
  sed -n 's/^[Ss]et-[Cc]ookie: afklaring_session=\([^;]*\).*/\1/p' | tr -d '\r')
[ -n "$session" ] || { echo "login failed" >&2; exit 1; }
cases=$(curl -s -H "Cookie: afklaring_session=$session" "$base/api/worklist?scope=unit" |
  python3 -c 'import json,sys; ids=[]; [ids.append(i["case"]) for i in json.load(sys.stdin)["items"] if i["case"] not in ids]; print(len(ids)); print("\n".join(ids))')
count=$(echo "$cases" | head -1)
{
  echo "local ids = {"
  echo "$cases" | tail -n +2 | sed 's/.*/  "&",/'
  echo "}"
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format("GET", "/sager/" .. ids[(i % #ids) + 1]) end'
} >"$tmp/cases.lua"
cases_total=$(grep -o "Demokommunen er bygget: [0-9]* sager" "$tmp/server.log" || echo "database reused")
echo "Database: $DB ($cases_total). Case page rotates over $count cases of the caseworker's unit."
run() {
  local name=$1; shift
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: afklaring_session=$session" "$@")
  local p50 p90 p99 rps errors
  p50=$(echo "$out" | awk '$1=="50%"{print $2}')
  p90=$(echo "$out" | awk '$1=="90%"{print $2}')
  p99=$(echo "$out" | awk '$1=="99%"{print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/{print $5}')
  printf '%-28s %10s req/s   p50 %8s   p90 %8s   p99 %8s   non-2xx %s\n' "$name" "$rps" "$p50" "$p90" "$p99" "${errors:-0}"
}
echo "wrk: $THREADS threads, $CONNECTIONS connections, $DURATION per page, on $(nproc) cores shared with the server"
run "worklist (/arbejdsliste)" "$base/arbejdsliste"
run "worklist API (/api/worklist)" "$base/api/worklist"
run "case page (/sager/{case})" -s "$tmp/cases.lua" "$base"
