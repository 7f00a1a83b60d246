#!/usr/bin/env bash
# National scale (issue 7, part 3): a 300,000-case country through every whole-population step,
# with wall time and peak memory (/usr/bin/time -v) of each. Run by hand, not in CI:
#
#   bench/national.sh            # CASES=300000 SEED=1; results in bench/.data/national.tsv
#
# Needs PostgreSQL at $PG_BASE (default postgres://postgres@127.0.0.1:5432/test); the schema
# bench_national is dropped first. About 15 minutes on the 2-core machine; every step is bounded
# by STEP_TIMEOUT (default 1800 s).
source "$(dirname "$0")/lib.sh"
CASES="${CASES:-300000}"
SEED="${SEED:-1}"
RESULTS="$DATA/national.tsv"
PG="$PG_BASE?schema=bench_national"
ensure_time
(cd "$ROOT" && cargo build --release -q -p afklaring && cargo bench -q -p assess --bench assess_all --no-run 2>/dev/null)
ASSESS_BENCH=$(cd "$ROOT" && cargo bench -p assess --bench assess_all --no-run --message-format=json 2>/dev/null \
    | sed -n 's/.*"executable":"\([^"]*assess_all[^"]*\)".*/\1/p' | tail -1)
A="$BIN/afklaring"
machine | tee "$DATA/national.machine"
printf 'step\twall_s\tpeak_rss_mib\texit\n' >"$RESULTS"
cd "$DATA"
rm -f national.db national.db-* national_split.db national_split.db-* muni_*.jsonl

measure simulate "$A" simulate --profile country --cases "$CASES" --seed "$SEED" --population pop.csv --out country.jsonl
echo "journal: $(wc -l <country.jsonl) events, $(du -m country.jsonl | cut -f1) MB" | tee -a "$DATA/national.machine"

# One file, one transaction (the import is atomic per file).
measure import_sqlite_whole "$A" import country.jsonl --db national.db
# The same journal as one file per municipality (the partitioning key): each import holds one file.
awk -F'"' '{f="muni_" substr($4,2,3) ".jsonl"; print > f}' country.jsonl
for f in muni_*.jsonl; do measure "import_sqlite_${f%.jsonl}" "$A" import "$f" --db national_split.db; done
PGOPTIONS="-c client_min_messages=warning" psql -q "$PG_BASE" -c "DROP SCHEMA IF EXISTS bench_national CASCADE"
for f in muni_*.jsonl; do measure "import_pg_${f%.jsonl}" "$A" import "$f" --db "$PG"; done
if [ "${PG_WHOLE:-0}" = 1 ]; then
    PGOPTIONS="-c client_min_messages=warning" psql -q "$PG_BASE" -c "DROP SCHEMA IF EXISTS bench_national CASCADE"
    measure import_pg_whole "$A" import country.jsonl --db "$PG"
fi

measure verify_sqlite "$A" verify --db national.db
measure verify_pg "$A" verify --db "$PG"
measure export_sqlite "$A" export --db national.db --out export.jsonl
# No CLI path assesses every case: the assess bench does, on the same number of simulated cases
# (demo profile, generated in blocks; its own output separates assessing from simulating).
measure assess_all_bench "$ASSESS_BENCH" "$CASES" 2024-12-31
measure worklist_sqlite "$A" worklist --as-of 2024-12-31 --db national.db
measure worklist_pg "$A" worklist --as-of 2024-12-31 --db "$PG"
measure review_sqlite "$A" review --as-of 2025-01-01 --format csv --out review.csv --db national.db
measure indicators_sqlite "$A" indicators --db national.db --population pop.csv --year 2022
measure indicators_journal "$A" indicators --journal country.jsonl --population pop.csv --year 2022
measure benchmark_sqlite "$A" benchmark --db national.db --population pop.csv --year 2022

echo
echo "import reports:"; grep -h "imported" "$DATA"/import_*.err | sed 's/^/  /'
echo "assess bench:"; sed 's/^/  /' "$DATA/assess_all_bench.out"
echo "worklist items: $(($(wc -l <"$DATA/worklist_sqlite.out") - 1)); reviewed cases: $(($(wc -l <review.csv) - 1))"
echo
column -t -s $'\t' "$RESULTS"
