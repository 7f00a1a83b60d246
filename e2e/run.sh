#!/usr/bin/env bash
# Browser tests: builds the binary, starts `afklaring serve --demo` on a free port with a fresh
# database, runs the node tests in headless Chromium and stops the server. Exits non-zero on failure.
# E2E_SCREENSHOTS=docs/screenshots e2e/run.sh also saves the README's screenshots.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e: installing Debian's chromium" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d e2e/node_modules/playwright-core ]; then
  (cd e2e && npm install --no-audit --no-fund --silent)
fi

cargo build -q -p afklaring
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"${CARGO_TARGET_DIR:-target}"/debug/afklaring serve --demo --demo-cases "${E2E_CASES:-500}" --db "$tmp/e2e.db" --addr "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  grep -q "afklaring kører" "$tmp/server.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/server.log" >&2; echo "e2e: the server stopped" >&2; exit 1; }
  sleep 0.5
done
grep -q "afklaring kører" "$tmp/server.log" || { cat "$tmp/server.log" >&2; echo "e2e: the server did not start" >&2; exit 1; }

passwords=$(python3 - "$tmp/server.log" <<'PY'
import json, re, sys
logins = {}
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"\s+(\S+)\s+.*adgangskode: (\S+)", line)
    if m:
        logins[m.group(1)] = m.group(2)
print(json.dumps(logins))
PY
)
if [ -n "${E2E_SCREENSHOTS:-}" ]; then
  mkdir -p "$E2E_SCREENSHOTS"
  export E2E_SCREENSHOTS="$(cd "$E2E_SCREENSHOTS" && pwd)"
fi
cd e2e
E2E_BASE="http://127.0.0.1:$port" E2E_PASSWORDS="$passwords" node --test --test-concurrency=1 tests/
