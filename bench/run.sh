#!/usr/bin/env bash
# bench/run.sh: `credits` against the stock `sqlite3` CLI doing the same work, in one run.
#
#   bench/run.sh [ROWS]          # ROWS defaults to 1000000
#
# Needs: a Rust toolchain, python3, the stock `sqlite3` CLI and GNU time (/usr/bin/time),
# all on a Linux machine. Files go to bench/out/ (gitignored): the generated CSV is kept and
# reused while bench/gen.py is unchanged; the databases are made anew on every run.
#
# What it does (issue 3, "Speed"):
#  1. `cargo build --release`.
#  2. bench/gen.py writes a log of ROWS entries in the `credits export` CSV format: a year
#     of generations in time order, over the shipped tables' platforms and models, twelve
#     projects, client tags, failures and refunds (see the top of gen.py).
#  3. Measures, side by side:
#     a. import: `credits import` of that CSV into a new database, vs `sqlite3 .import` of
#        the same CSV into a new table with the same columns and the same indexes (the
#        UNIQUE dedup key, `at`, the partial index on failed entries, and schema 6's
#        `project, at` and `platform, at`), also in WAL
#        mode. Wall time, and peak memory (max RSS from /usr/bin/time) of each.
#     b. report: `credits report --by project --by month` on the database credits wrote,
#        vs sqlite3 running the same SQL on the same file: credits' own aggregates and
#        local-month key, read out of crates/store/src/report.rs (`AGGREGATES`, `GroupKey::Month`)
#        so the two cannot drift, plus the totals query credits also runs. Best of 5.
#     c. log: one `credits log runway gen-4 --duration 5` vs one sqlite3 INSERT of the same
#        row into the same (now ROWS-entry) database. Best of 20: a single write is mostly
#        fsync, which varies from run to run.
#  4. Prints one table: both times, the ratio credits / sqlite3, and the targets of
#     issue 3 (import ≤ 2×, report ≤ 1.5×, log ≤ 2×, import peak memory < 100 MB).
#     credits' import also sums the days it adds (`entry_day`) and its report reads those
#     sums; sqlite3 runs the same report as a scan of every entry, the work credits saves.
#  5. Runs bench/growth.sh 1000 ROWS: each command at both sizes, growth and peak memory.
#
# Times are wall-clock, measured with bash's $EPOCHREALTIME around each process, and include
# process start-up on both sides. Run it on an idle machine; numbers vary by a few percent.

set -euo pipefail
shopt -s inherit_errexit

ROWS=${1:-1000000}
case $ROWS in
'' | *[!0-9]*) echo "usage: bench/run.sh [ROWS]  (ROWS a whole number, default 1000000)" >&2; exit 2 ;;
esac
[ "$ROWS" -ge 1 ] || { echo "ROWS must be at least 1" >&2; exit 2; }

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
CREDITS=${CARGO_TARGET_DIR:-$ROOT/target}/release/credits
SQLITE=${SQLITE3:-sqlite3}
GNU_TIME=/usr/bin/time

for tool in python3 "$SQLITE" cargo; do
    command -v "$tool" >/dev/null || { echo "bench: needs $tool on the PATH" >&2; exit 1; }
done
[ -x "$GNU_TIME" ] || { echo "bench: needs GNU time at $GNU_TIME" >&2; exit 1; }

mkdir -p "$OUT"
cd "$ROOT"

echo "building credits (release)…" >&2
cargo build --release --quiet

CSV=$OUT/log-$ROWS.csv
if [ ! -s "$CSV" ] || [ "$ROOT/bench/gen.py" -nt "$CSV" ]; then
    echo "generating $ROWS entries…" >&2
    python3 "$ROOT/bench/gen.py" "$ROWS" "$CSV.tmp"
    mv "$CSV.tmp" "$CSV"
fi

CDB=$OUT/credits.db
SDB=$OUT/sqlite3.db
rm -f "$CDB" "$CDB-wal" "$CDB-shm" "$SDB" "$SDB-wal" "$SDB-shm"

# The sqlite3 CLI without any ~/.sqliterc.
sq() { "$SQLITE" -init /dev/null -batch -bail "$@"; }

# `timed CMD…`: runs CMD (stdout discarded, stderr kept for a failure) and sets T_US to its
# wall time in µs. $EPOCHREALTIME is read in this shell: no process around the command.
timed() {
    local t0 t1
    t0=${EPOCHREALTIME/[.,]/}
    if ! "$@" >/dev/null 2>"$OUT/stderr.txt"; then
        echo "bench: failed: $*" >&2
        cat "$OUT/stderr.txt" >&2
        exit 1
    fi
    t1=${EPOCHREALTIME/[.,]/}
    T_US=$((10#$t1 - 10#$t0))
}

# `best N CMD…`: the fastest of N runs; sets T_US.
best() {
    local n=$1 best=''
    shift
    for _ in $(seq "$n"); do
        timed "$@"
        if [ -z "$best" ] || [ "$T_US" -lt "$best" ]; then best=$T_US; fi
    done
    T_US=$best
}

# `timed_with_memory CMD…`: as `timed`, under GNU time; also sets MAXRSS_KIB. The disk is
# synced first: the files written or deleted just before (a build, the last run's
# databases) would otherwise be written back during the timed command.
timed_with_memory() {
    sync
    timed "$GNU_TIME" -f '%M' -o "$OUT/maxrss.txt" "$@"
    MAXRSS_KIB=$(tail -n 1 "$OUT/maxrss.txt")
}

# ---- a. import ----

# The equivalent table: the export's columns, with the indexes credits keeps on `entry`.
sq "$SDB" >/dev/null <<'SQL'
PRAGMA journal_mode = WAL;
CREATE TABLE entry (
    at TEXT NOT NULL, platform TEXT NOT NULL, model TEXT NOT NULL, duration NUMERIC,
    resolution TEXT, audio TEXT, refs INTEGER, mode TEXT, chars INTEGER, count INTEGER,
    credits NUMERIC, cost NUMERIC, currency TEXT, pricing TEXT, project TEXT, tags TEXT,
    note TEXT, status TEXT, kept TEXT, dedup_key TEXT NOT NULL UNIQUE
);
CREATE INDEX entry_at ON entry (at);
CREATE INDEX entry_failed ON entry (platform) WHERE status = 'failed';
CREATE INDEX entry_project_at ON entry (project, at);
CREATE INDEX entry_platform_at ON entry (platform, at);
SQL

echo "import: credits…" >&2
timed_with_memory "$CREDITS" --db "$CDB" import "$CSV"
import_c=$T_US mem_c=$MAXRSS_KIB
echo "import: sqlite3…" >&2
timed_with_memory "$SQLITE" -init /dev/null -batch -bail "$SDB" ".import --csv --skip 1 '$CSV' entry"
import_s=$T_US mem_s=$MAXRSS_KIB

rows_c=$(sq "$CDB" "SELECT count(*) FROM entry")
rows_s=$(sq "$SDB" "SELECT count(*) FROM entry")
if [ "$rows_c" != "$ROWS" ] || [ "$rows_s" != "$ROWS" ]; then
    echo "bench: expected $ROWS rows, credits has $rows_c and sqlite3 $rows_s" >&2
    exit 1
fi

# ---- b. report ----

# credits' own SQL, from the source, so the comparison follows the code.
read_sql() {
    python3 - "$ROOT/crates/store/src/report.rs" "$1" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
def grab(pattern):
    m = re.search(pattern, src, re.S)
    if not m:
        sys.exit(f"bench: cannot find {pattern!r} in crates/store/src/report.rs")
    return re.sub(r'\\\n\s*', '', m.group(1))
if sys.argv[2] == "aggregates":
    print(grab(r'const AGGREGATES: &str = "(.*?)";'))
else:
    local = grab(r'const LOCAL: &str = "(.*?)";')
    print(grab(r'GroupKey::Month => format!\("(.*?)"\)').replace("{LOCAL}", local))
PY
}
AGGREGATES=$(read_sql aggregates)
MONTH=$(read_sql month)
REPORT_SQL="SELECT e.project, $MONTH, $AGGREGATES FROM entry e GROUP BY 1, 2 ORDER BY 1, 2;
SELECT $AGGREGATES FROM entry e;"

echo "report: credits and sqlite3…" >&2
groups_c=$("$CREDITS" --db "$CDB" --json report --by project --by month |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["rows"]))')
groups_s=$(sq "$CDB" "SELECT e.project, $MONTH, $AGGREGATES FROM entry e GROUP BY 1, 2" | wc -l)
if [ "$groups_c" != "$groups_s" ]; then
    echo "bench: credits reports $groups_c groups, the SQL $groups_s" >&2
    exit 1
fi
best 5 "$CREDITS" --db "$CDB" report --by project --by month
report_c=$T_US
best 5 sq "$CDB" "$REPORT_SQL"
report_s=$T_US

# ---- c. log ----

# The row `credits log runway gen-4 --duration 5` writes, priced like `estimate` would.
INSERT_SQL="INSERT INTO entry (at, utc_offset_min, platform, model, duration_ms, audio, refs,
    count, credits_milli, cost_micro, currency, pricing, project, status, kept, dedup_key)
VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 0, 'runway', 'gen-4', 5000, 0, 0, 1, 60000,
    1440000, 'USD', 'cheapest paid plan Standard, monthly', NULL, 'ok', 1,
    'bench:' || hex(randomblob(8)));"

echo "log: credits and sqlite3…" >&2
best 20 "$CREDITS" --db "$CDB" log runway gen-4 --duration 5
log_c=$T_US
best 20 sq "$CDB" "$INSERT_SQL"
log_s=$T_US

# ---- the table ----

python3 - "$ROWS" "$CSV" "$("$SQLITE" --version | cut -d' ' -f1)" \
    "$import_c" "$import_s" "$report_c" "$report_s" "$log_c" "$log_s" "$mem_c" "$mem_s" \
    "$(stat -c %s "$CDB")" "$(stat -c %s "$SDB")" <<'PY'
import os, sys
rows, csv, version = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ic, is_, rc, rs, lc, ls, mc, ms, dc, ds = map(int, sys.argv[4:])

def dur(us):
    return f"{us / 1e6:.2f} s" if us >= 1e6 else f"{us / 1e3:.1f} ms"

def mb(n):
    return f"{n / 1e6:.0f} MB"

print(f"credits vs sqlite3 {version}: {rows:,} entries "
      f"({os.path.basename(csv)}, {mb(os.path.getsize(csv))}), {os.cpu_count()} CPUs")
print()
head = f"{'':34} {'credits':>10} {'sqlite3':>10} {'ratio':>7}  {'target':<9} result"
print(head)
print("-" * len(head))
for name, c, s, limit in [
    ("import (CSV → new database)", ic, is_, 2.0),
    ("report --by project --by month", rc, rs, 1.5),
    ("log one entry (best of 20)", lc, ls, 2.0),
]:
    ratio = c / s
    target = f"≤ {limit:g}×"
    shown = f"{ratio:.2f}" if ratio >= 0.01 else f"{ratio:.4f}"
    print(f"{name:34} {dur(c):>10} {dur(s):>10} {shown:>6}×  {target:<9} "
          f"{'ok' if ratio <= limit else 'MISSED'}")
peak = mc * 1024
print(f"{'import peak memory (max RSS)':34} {mb(peak):>10} {mb(ms * 1024):>10} {'':>7}  "
      f"{'< 100 MB':<9} {'ok' if peak < 100e6 else 'MISSED'}")
print(f"{'database size':34} {mb(dc):>10} {mb(ds):>10}")
print()
print("report is best of 5 runs, log best of 20; import is one run. Times include process start-up.")
PY

# ---- growth ----
# Each command at 1,000 and at ROWS entries of the same shape: time, growth and peak memory
# (issue 12). Its own databases, so the ones above are not touched.
echo
bash "$ROOT/bench/growth.sh" 1000 "$ROWS"
