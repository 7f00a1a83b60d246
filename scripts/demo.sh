#!/usr/bin/env bash
# The main job on the embedded default (SQLite, demo data): builds afklaring, builds a demo
# municipality from the simulator into a fresh SQLite file, creates demo users (their logins are
# printed), shows one case on the command line, and serves the web application on localhost.
# ADDR=127.0.0.1:8080 and CASES=5000 can be changed; NO_SERVE=1 stops after the command-line tour.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p afklaring
bin="${CARGO_TARGET_DIR:-target}/release/afklaring"
db=demo/afklaring.db
mkdir -p demo
rm -f "$db" "$db-wal" "$db-shm"

echo "== a simulated municipality through the command line"
"$bin" simulate --cases 2000 --seed 1 --out demo/kommune.jsonl --population demo/befolkning.csv
"$bin" import demo/kommune.jsonl --db demo/cli.db
"$bin" verify --db demo/cli.db
case_id=$(head -n1 demo/kommune.jsonl | sed -E 's/.*"case":"([^"]+)".*/\1/')
"$bin" show "$case_id" --db demo/cli.db --as-of 2024-12-31 | head -n 30
"$bin" assess "$case_id" --db demo/cli.db --as-of 2024-12-31 | head -n 30
rm -f demo/cli.db demo/cli.db-wal demo/cli.db-shm

[ -n "${NO_SERVE:-}" ] && exit 0
echo "== the web application (Ctrl+C stops it)"
exec "$bin" serve --demo --demo-cases "${CASES:-5000}" --db "$db" --addr "${ADDR:-127.0.0.1:8080}"
