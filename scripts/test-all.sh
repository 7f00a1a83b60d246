#!/usr/bin/env bash
# Runs every test afklaring has, on a fresh machine: installs what the tests need, starts
# PostgreSQL if it is down, then runs the Rust workspace tests (SQLite and PostgreSQL) and the
# browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== set-up"
# PostgreSQL: the store and server tests run against it as well as SQLite.
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
# statsmodels: the benchmark's estimates are checked against it.
python3 -c 'import statsmodels' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check statsmodels

echo "== style: rustfmt and clippy"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== cargo test (workspace)"
cargo test --workspace 2>&1

echo "== server tests on PostgreSQL"
# The same HTTP suite again, each test on a fresh scratch schema instead of a SQLite file.
AFKLARING_TEST_BACKEND=postgres cargo test -p web 2>&1

if [ -x e2e/run.sh ]; then
  echo "== browser end-to-end tests"
  e2e/run.sh
fi
