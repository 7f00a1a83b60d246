#!/usr/bin/env bash
# The main job on the embedded default (SQLite, demo data): builds afklaring, simulates a
# municipality, imports it, verifies it, and shows one case and its assessment.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p afklaring
bin=target/release/afklaring
mkdir -p demo
rm -f demo/afklaring.db demo/afklaring.db-wal demo/afklaring.db-shm
"$bin" simulate --cases 2000 --seed 1 --out demo/kommune.jsonl --population demo/befolkning.csv
"$bin" import demo/kommune.jsonl --db demo/afklaring.db
"$bin" verify --db demo/afklaring.db
case_id=$(head -n1 demo/kommune.jsonl | sed -E 's/.*"case":"([^"]+)".*/\1/')
"$bin" show "$case_id" --db demo/afklaring.db --as-of 2024-12-31
if "$bin" help assess >/dev/null 2>&1; then
  "$bin" assess "$case_id" --db demo/afklaring.db --as-of 2024-12-31
fi
