# Shared helpers for bench/national.sh and bench/peers.sh (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
DATA="${BENCH_DATA:-$BENCH/.data}"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release"
PG_BASE="${PG_BASE:-postgres://postgres@127.0.0.1:5432/test}"
mkdir -p "$DATA"

ensure_time() {
    if [ ! -x /usr/bin/time ]; then
        echo "installing GNU time (Debian package time)" >&2
        apt-get update -qq && apt-get install -y -qq time >/dev/null
    fi
}

# measure NAME CMD...: runs CMD under /usr/bin/time -v (bounded by STEP_TIMEOUT seconds), keeps its
# output in $DATA/NAME.{out,err}, and appends "NAME<TAB>wall s<TAB>peak RSS MiB<TAB>exit" to $RESULTS.
measure() {
    local name=$1; shift
    local tv="$DATA/$name.time"
    set +e
    /usr/bin/time -v -o "$tv" timeout "${STEP_TIMEOUT:-1800}" "$@" >"$DATA/$name.out" 2>"$DATA/$name.err"
    local status=$?
    set -e
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.1f", s}' "$tv")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$tv")
    printf '%s\t%s\t%s\t%s\n' "$name" "$wall" "$rss" "$status" >>"$RESULTS"
    printf '%-28s %9s s %8s MiB  exit %s\n' "$name" "$wall" "$rss" "$status" >&2
}

machine() {
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r); load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- crates || echo ' (crates modified)')"
}
