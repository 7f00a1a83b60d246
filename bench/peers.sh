#!/usr/bin/env bash
# Against the peers (issue 7, part 4), side by side on the same machine in one run:
#   1. eligibility: afklaring's rulebook vs an OpenFisca model of the same conditions, 1,000,000 persons;
#   2. indicators: `afklaring indicators` vs DuckDB SQL over the exported journal;
#   3. import: `afklaring import` vs raw inserts of the same rows (SQLite prepared INSERTs,
#      PostgreSQL COPY) without validation or hashing.
# Run by hand, not in CI:
#
#   bench/peers.sh       # PERSONS=1000000 CASES=100000; results in bench/.data/peers.tsv
#
# Installs openfisca-core and duckdb from PyPI into bench/.venv. Needs PostgreSQL at $PG_BASE;
# the schemas bench_peers_import and bench_peers_raw are dropped first. About 10 minutes.
source "$(dirname "$0")/lib.sh"
PERSONS="${PERSONS:-1000000}"
CASES="${CASES:-100000}"
YEAR="${YEAR:-2022}"
RESULTS="$DATA/peers.tsv"
ensure_time
(cd "$ROOT" && cargo build --release -q -p afklaring \
    && cargo build --release -q -p rulebook --example peer_eligibility \
    && cargo build --release -q -p store-sqlite --example raw_insert \
    && cargo build --release -q -p store-postgres --example raw_copy)
if [ ! -x "$BENCH/.venv/bin/python" ]; then python3 -m venv "$BENCH/.venv"; fi
"$BENCH/.venv/bin/pip" install -q openfisca-core duckdb
PY="$BENCH/.venv/bin/python"
A="$BIN/afklaring"
machine | tee "$DATA/peers.machine"
echo "python: $($PY --version); $($PY -m pip list 2>/dev/null | grep -Ei '^(openfisca-core|duckdb|numpy) ' | tr -s ' ' | paste -sd';')" | tee -a "$DATA/peers.machine"
printf 'step\twall_s\tpeak_rss_mib\texit\n' >"$RESULTS"
cd "$DATA"

# 1. Eligibility on the same persons.
"$PY" "$BENCH/peers/persons.py" "$PERSONS" persons.csv 1
measure rulebook_1thread "$BIN/examples/peer_eligibility" persons.csv rulebook.csv 2019-06-01 1
measure rulebook_2threads "$BIN/examples/peer_eligibility" persons.csv rulebook2.csv 2019-06-01 2
measure openfisca bash -c "cd '$BENCH/peers' && '$PY' run_openfisca.py '$DATA/persons.csv' '$DATA/openfisca.csv' 2019-06-01"
# The dated branch (before L 193) on the first 100,000 persons.
head -100001 persons.csv >persons_100k.csv
"$BIN/examples/peer_eligibility" persons_100k.csv rulebook_2018.csv 2018-05-01 1 >/dev/null
(cd "$BENCH/peers" && "$PY" run_openfisca.py "$DATA/persons_100k.csv" "$DATA/openfisca_2018.csv" 2018-05-01 >/dev/null)
agree() { if cmp -s "$1" "$2"; then echo "all $(($(wc -l <"$1") - 1)) rows agree"; else echo "DIFFER: $(diff "$1" "$2" | grep -c '^<') rows"; fi; }
ELIG_AGREE="2019-06-01: $(agree rulebook.csv openfisca.csv); 2018-05-01: $(agree rulebook_2018.csv openfisca_2018.csv)"

# 2 and 3. The same journal into both stores, our import against the raw rows.
"$A" simulate --profile country --cases "$CASES" --seed 1 --population peers_pop.csv --out peers.jsonl 2>/dev/null
rm -f peers_import.db* peers_raw.db*
measure import_sqlite "$A" import peers.jsonl --db peers_import.db
measure raw_sqlite "$BIN/examples/raw_insert" peers_raw.db peers.jsonl
PGOPTIONS="-c client_min_messages=warning" psql -q "$PG_BASE" -c "DROP SCHEMA IF EXISTS bench_peers_import CASCADE" -c "DROP SCHEMA IF EXISTS bench_peers_raw CASCADE"
measure import_pg "$A" import peers.jsonl --db "$PG_BASE?schema=bench_peers_import"
measure raw_pg "$BIN/examples/raw_copy" "$PG_BASE?schema=bench_peers_raw" peers.jsonl

"$A" export --db peers_import.db --out peers_export.jsonl
measure indicators_afklaring_db "$A" indicators --db peers_import.db --population peers_pop.csv --year "$YEAR" --json
measure indicators_afklaring_file "$A" indicators --journal peers_export.jsonl --population peers_pop.csv --year "$YEAR" --json
cp indicators_afklaring_db.out peers_indicators.json
rm -f journal.parquet
measure duckdb "$PY" "$BENCH/peers/duckdb_indicators.py" peers_export.jsonl peers_pop.csv "$YEAR" "$DATA" peers_indicators.json

# The figures, as ratios of times measured above.
secs() { sed -n "s/.*$2 \([0-9.]*\) s.*/\1/p" "$DATA/$1" | head -1; }
wall() { awk -F'\t' -v s="$1" '$1 == s {print $2}' "$RESULTS"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
R1=$(secs rulebook_1thread.out evaluate); R2=$(secs rulebook_2threads.out evaluate); OF=$(secs openfisca.out calculate)
I_S=$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' import_sqlite.err); RAW_S=$(sed -n 's/.* in \([0-9.]*\) s:.*/\1/p' raw_sqlite.out)
I_P=$(sed -n 's/.* in \([0-9.]*\) s$/\1/p' import_pg.err); RAW_P=$(sed -n 's/.* in \([0-9.]*\) s:.*/\1/p' raw_pg.out)
DQ=$(sed -n 's/.*over Parquet \([0-9.]*\) s.*/\1/p' duckdb.out); DE=$(sed -n 's/.*Parquet \([0-9.]*\) s;.*/\1/p' duckdb.out)
{
echo
echo "== eligibility, $PERSONS persons (compute only; reading and writing the CSV apart)"
echo "afklaring rulebook::evaluate, 1 thread:  $R1 s   end to end $(wall rulebook_1thread) s"
echo "afklaring rulebook::evaluate, 2 threads: $R2 s   end to end $(wall rulebook_2threads) s"
echo "OpenFisca calculate (3 statuses):        $OF s   end to end $(wall openfisca) s"
echo "throughput ratio afklaring/OpenFisca: 1 thread $(ratio "$OF" "$R1"), 2 threads $(ratio "$OF" "$R2"); end to end $(ratio "$(wall openfisca)" "$(wall rulebook_1thread)") (1 thread)"
echo "agreement: $ELIG_AGREE"
echo
echo "== indicators, $CASES cases, year $YEAR"
cat "$DATA/duckdb.out"
echo "afklaring indicators from the store: $(wall indicators_afklaring_db) s; from the journal file: $(wall indicators_afklaring_file) s"
echo "time ratio afklaring/DuckDB: store vs Parquet query $(ratio "$(wall indicators_afklaring_db)" "$DQ"); journal file vs JSONL-to-Parquet plus query $(ratio "$(wall indicators_afklaring_file)" "$(awk -v a="$DE" -v b="$DQ" 'BEGIN {print a + b}')")"
echo
echo "== import, $CASES cases ($(wc -l <peers.jsonl) events), store time from text in memory to commit"
echo "SQLite: afklaring import $I_S s, raw INSERT $RAW_S s: our import reaches $(awk -v a="$RAW_S" -v b="$I_S" 'BEGIN {printf "%.0f", 100 * a / b}') % of the raw speed"
echo "PostgreSQL: afklaring import $I_P s, raw COPY $RAW_P s: our import reaches $(awk -v a="$RAW_P" -v b="$I_P" 'BEGIN {printf "%.0f", 100 * a / b}') % of the raw speed"
echo
column -t -s $'\t' "$RESULTS"
} | tee "$DATA/peers.summary"
