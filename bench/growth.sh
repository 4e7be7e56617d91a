#!/usr/bin/env bash
# bench/growth.sh: how each command's cost grows with the log, at 1,000 and 1,000,000
# entries of the same shape (bench/gen.py), side by side: time (best of 3, wall clock,
# process start-up included), the growth ratio, and peak memory (max RSS, GNU time).
#
#   bench/growth.sh [SMALL] [LARGE]     # default 1000 1000000
#
# Needs what bench/run.sh needs (python3, GNU /usr/bin/time). Files go to bench/out/.
# The log gets `account set runway --plan standard --since 2025-01-01`, a budget for
# `teaser`, and five entries of a small project `bench` (a filter that matches few entries
# at either size: what `history`/`export --project` cost beyond their output); `log`
# writes to a copy (synced to disk before it is timed), so every run starts alike.
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-1000}
large=${2:-1000000}
out=bench/out
mkdir -p "$out"
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/credits
export CREDITS_NOW=2026-11-21T12:00:00Z NO_COLOR=1 HOME="$PWD/$out/home"
mkdir -p "$HOME"

prepare() { # ROWS → bench/out/growth-ROWS.db
  local rows=$1 csv="$out/log-$1.csv" db="$out/growth-$1.db"
  [ -f "$csv" ] || python3 bench/gen.py "$rows" "$csv"
  if [ ! -f "$db" ] || [ "$csv" -nt "$db" ]; then
    rm -f "$db" "$db-wal" "$db-shm"
    CREDITS_DB="$db" "$bin" import "$csv" >/dev/null
    CREDITS_DB="$db" "$bin" account set runway --plan standard --since 2025-01-01 >/dev/null
    CREDITS_DB="$db" "$bin" budget set teaser 1000000 --money >/dev/null
    for day in 01 02 03 04 05; do
      # (Its warnings, that the balance is short, are expected: not shown.)
      CREDITS_DB="$db" "$bin" log runway gen-4 --duration 5 --project bench \
        --at "2026-11-${day}T10:00:00Z" >/dev/null 2>&1
    done
  fi
}

# Best of 3: "seconds max_rss_kb" of `credits ARGS` on DB (a copy for writing commands).
measure() {
  local db=$1 write=$2; shift 2
  local best="" rss=0
  for _ in 1 2 3; do
    local target=$db
    if [ "$write" = yes ]; then
      cp "$db" "$out/growth-copy.db"; rm -f "$out/growth-copy.db-wal" "$out/growth-copy.db-shm"
      sync  # else the copy's dirty pages are written out by the timed command's fsync
      target=$out/growth-copy.db
    fi
    local start end t kb
    start=$EPOCHREALTIME
    # A command that fails would be timed as fast: stop instead, and show why.
    if ! CREDITS_DB="$target" /usr/bin/time -f "%M" -o "$out/growth-rss.txt" "$bin" "$@" \
      >/dev/null 2>"$out/growth-stderr.txt"; then
      echo "growth: failed: credits $*" >&2
      cat "$out/growth-stderr.txt" >&2
      exit 1
    fi
    end=$EPOCHREALTIME
    t=$(python3 -c "print(f'{$end - $start:.4f}')")
    kb=$(tail -1 "$out/growth-rss.txt")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  echo "$best $rss"
}

prepare "$small"
prepare "$large"
# The imports just written are flushed now, not during the first timed command (a `log`
# measured 2.6 s instead of 15 ms while a million-row import was still being written back).
sync
commands=(
  "no|log runway gen-4 --duration 5|yes"
  "no|estimate runway gen-4 --duration 5|no"
  "no|balance runway|no"
  "no|status|no"
  "no|report --by project --by month|no"
  "no|report --by tag:client|no"
  "no|report --by tag:client --since 2026-06-01|no"
  "no|history --project bench --limit 5|no"
  "no|refunds|no"
  "no|budget check|no"
  "no|export --project bench|no"
  "no|export --project teaser|no"
  "no|plans --from-log --platform runway|no"
)
printf '%-40s %12s %12s %8s %12s\n' "command" "$small" "$large" "growth" "peak memory"
printf '%s\n' "------------------------------------------------------------------------------------------"
for c in "${commands[@]}"; do
  IFS='|' read -r _ args write <<<"$c"
  read -r -a argv <<<"$args"
  read -r ts _ < <(measure "$out/growth-$small.db" "$write" "${argv[@]}")
  read -r tl kl < <(measure "$out/growth-$large.db" "$write" "${argv[@]}")
  python3 - "$args" "$ts" "$tl" "$kl" <<'EOF'
import sys
args, ts, tl, kl = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
fmt = lambda s: f"{s*1000:.0f} ms" if s < 10 else f"{s:.1f} s"
print(f"{args:<40} {fmt(ts):>12} {fmt(tl):>12} {tl/ts:>7.1f}× {kl/1024:>9.0f} MB")
EOF
done
