#!/usr/bin/env bash
# bench/postgres.sh: `credits` on PostgreSQL against `psql` doing the same work on the same
# server, in one run (issue 20, item 9).
#
#   bench/postgres.sh [ROWS]                 # ROWS defaults to 1000000
#   BENCH_PG_URL=postgres://user@host:5432/postgres bench/postgres.sh [ROWS]
#
# Why: a studio ledger lives on a shared PostgreSQL server, so what `credits` costs there is
# the server's work plus its own. `psql` on the same server, on the same data, is the floor:
# the ratio says how much `credits` adds to what PostgreSQL itself needs.
#
# Needs: a Rust toolchain, python3, `psql`, GNU time (/usr/bin/time), and either PostgreSQL's
# server binaries (Debian's `postgresql` package: initdb and pg_ctl in
# /usr/lib/postgresql/*/bin or on the PATH; run as root, the server runs as the `postgres`
# user) or BENCH_PG_URL, a server to use instead, as a role that may create databases. With
# BENCH_PG_URL no server is started: the databases `credits_bench_big`, `credits_bench_small`
# and `credits_bench_psql` are made anew on it and dropped at the end. Without it, a throwaway
# server is made in a temp dir on a free port and stopped and removed at the end. Its settings
# are initdb's defaults (fsync, synchronous_commit and full_page_writes on: every commit waits
# for the disk, as on a real server; shared_buffers 128 MB) plus max_connections=200.
# Files go to bench/out/ (gitignored): the CSVs of bench/gen.py are kept and reused while
# gen.py is unchanged.
#
# What it measures, side by side, on one server:
#  1. import: `credits --db URL import` of the ROWS-entry CSV into a new, empty database
#     (credits makes its schema on first use) vs `psql \copy … CSV HEADER` of the same CSV into
#     a new table of the export's columns with the same UNIQUE dedup key and indexes as
#     credits' `entry` (as bench/run.sh does for sqlite3). One run each, after a CHECKPOINT and
#     a sync, so neither pays for writing back the other's pages. Also peak memory of the
#     client process (max RSS, GNU time): the server's is not counted on either side.
#  2. report: `credits report --by project --by month` on that ledger (best of 5) vs psql
#     running credits' own SQL for it as a scan of every entry (the aggregates and month key
#     read out of crates/store/src/report.rs, as run.sh does; run on the credits database's
#     `entry` table, since that SQL names its columns), plus the totals query. credits reads
#     its per-day sums instead: the target is an absolute one, ≤ 50 ms at a million entries.
#  3. log: one `credits log runway gen-4 --duration 5` vs one psql INSERT of the same row into
#     the psql table (each a new process and connection). Best of 20.
#  4. growth: `log`, `estimate` and `balance` (and the report) on two ledgers of 1,000 and
#     ROWS entries, best of 5, with the account, budget and five small entries bench/growth.sh
#     adds and its CREDITS_NOW; target ≤ 3×. The large ledger is the one imported in 1.
#  5. 16 processes logging at once: 16 workers each running 50 `credits log` one after
#     another on the large ledger (800 processes; every write takes credits' advisory lock, so
#     they queue for it), total wall time and logs per second. For reference the same 800
#     INSERTs into the psql table from 16 concurrent psql sessions of 50 statements each, and
#     from 16 workers × 50 psql processes (one connection per INSERT, as credits has).
#
# Times are wall-clock ($EPOCHREALTIME around each process), process start-up and connecting
# included on both sides. Server and clients share the machine: run it when it is idle.

set -euo pipefail
shopt -s inherit_errexit

ROWS=${1:-1000000}
case $ROWS in
'' | *[!0-9]*) echo "usage: bench/postgres.sh [ROWS]  (ROWS a whole number, default 1000000)" >&2; exit 2 ;;
esac
[ "$ROWS" -ge 1 ] || { echo "ROWS must be at least 1" >&2; exit 2; }
SMALL=1000
WORKERS=16
PER_WORKER=50

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
CREDITS=${CARGO_TARGET_DIR:-$ROOT/target}/release/credits
GNU_TIME=/usr/bin/time

# PostgreSQL's binaries: initdb's directory, on the PATH or Debian's newest.
PG_BIN=${PG_BIN:-$(dirname "$(command -v initdb 2>/dev/null ||
    find /usr/lib/postgresql/*/bin -name initdb 2>/dev/null | sort -V | tail -n 1 ||
    echo /nonexistent/initdb)")}
# psql itself, not Debian's /usr/bin/psql: that is a Perl wrapper choosing a cluster, which
# adds ~25 ms of Perl start-up to every psql process (and would flatter credits' ratios).
if [ -z "${PSQL:-}" ]; then
    if [ -x "$PG_BIN/psql" ]; then PSQL=$PG_BIN/psql; else PSQL=psql; fi
fi
for tool in python3 "$PSQL" cargo; do
    command -v "$tool" >/dev/null || { echo "bench: needs $tool on the PATH" >&2; exit 1; }
done
[ -x "$GNU_TIME" ] || { echo "bench: needs GNU time at $GNU_TIME" >&2; exit 1; }

mkdir -p "$OUT"
cd "$ROOT"
export NO_COLOR=1

echo "building credits (release)…" >&2
cargo build --release --quiet

csv_of() { # ROWS → the path of a generated CSV of ROWS entries, made if missing or stale
    local csv=$OUT/log-$1.csv
    if [ ! -s "$csv" ] || [ "$ROOT/bench/gen.py" -nt "$csv" ]; then
        echo "generating $1 entries…" >&2
        python3 "$ROOT/bench/gen.py" "$1" "$csv.tmp"
        mv "$csv.tmp" "$csv"
    fi
    echo "$csv"
}
CSV=$(csv_of "$ROWS")
CSV_SMALL=$(csv_of "$SMALL")

# ---- the server ----

DATABASES=(credits_bench_big credits_bench_small credits_bench_psql)
PGDIR=''

as_postgres() { # runs a server binary as the `postgres` user when we are root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    if [ -n "$PGDIR" ]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$PGDIR"
    elif [ -n "${BASE_URL:-}" ]; then
        for db in "${DATABASES[@]}"; do
            "$PSQL" -X -q -d "$BASE_URL" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
        done
    fi
}
trap cleanup EXIT

if [ -n "${BENCH_PG_URL:-}" ]; then
    BASE_URL=$BENCH_PG_URL
    echo "using the server at BENCH_PG_URL (no server started)" >&2
else
    [ -x "$PG_BIN/initdb" ] || {
        echo "bench: needs PostgreSQL's server binaries (initdb, pg_ctl), or BENCH_PG_URL" >&2
        exit 1
    }
    PGDIR=$(mktemp -d /tmp/credits-pgbench.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$PGDIR"
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    echo "starting a throwaway PostgreSQL server on port $PORT…" >&2
    as_postgres "$PG_BIN/initdb" -D "$PGDIR/data" --auth=trust --no-sync -E UTF8 --no-locale \
        -U postgres >/dev/null
    as_postgres "$PG_BIN/pg_ctl" -D "$PGDIR/data" -w -l "$PGDIR/log" \
        -o "-k $PGDIR -p $PORT -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    BASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
fi

db_url() { # NAME → BASE_URL with its database replaced by NAME (query string kept)
    python3 -c 'import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' \
        "$BASE_URL" "$1"
}
BIG=$(db_url credits_bench_big)
SMALL_URL=$(db_url credits_bench_small)
PSQL_DB=$(db_url credits_bench_psql)

# psql without any ~/.psqlrc, stopping at the first error.
pq() { "$PSQL" -X -q -v ON_ERROR_STOP=1 "$@"; }

for db in "${DATABASES[@]}"; do
    pq -d "$BASE_URL" -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $db" \
        -c "CREATE DATABASE $db" >/dev/null
done

VERSION=$(pq -At -d "$BASE_URL" -c "SHOW server_version")
SETTINGS=$(pq -At -d "$BASE_URL" -c "SELECT string_agg(name || '=' || current_setting(name),
    ', ' ORDER BY name) FROM pg_settings WHERE name IN ('fsync',
    'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers', 'max_wal_size',
    'checkpoint_timeout', 'work_mem', 'max_connections', 'max_parallel_workers_per_gather')")

# ---- timing, as bench/run.sh ----

# `timed CMD…`: runs CMD (stdout discarded, stderr kept for a failure) and sets T_US to its
# wall time in µs.
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

# `timed_with_memory CMD…`: as `timed`, under GNU time; also sets MAXRSS_KIB. The server
# writes back its dirty pages and the disk is synced first, so that neither import pays for
# what was written before it.
timed_with_memory() {
    pq -d "$BASE_URL" -c CHECKPOINT >/dev/null
    sync
    timed "$GNU_TIME" -f '%M' -o "$OUT/maxrss.txt" "$@"
    MAXRSS_KIB=$(tail -n 1 "$OUT/maxrss.txt")
}

# The results, `name value` lines, for the tables at the end.
RESULTS=$OUT/postgres-results.txt
: >"$RESULTS"
record() { echo "$1 $2" >>"$RESULTS"; }

count_entries() { pq -At -d "$1" -c "SELECT count(*) FROM entry"; }

# ---- 1. import ----

# The equivalent table: the export's columns, with the indexes credits keeps on `entry`, and
# credits' byte-wise collation ("C") on its text.
pq -d "$PSQL_DB" >/dev/null <<'SQL'
CREATE TABLE entry (
    at TEXT COLLATE "C" NOT NULL, platform TEXT COLLATE "C" NOT NULL,
    model TEXT COLLATE "C" NOT NULL, duration NUMERIC, resolution TEXT COLLATE "C",
    audio TEXT COLLATE "C", refs BIGINT, mode TEXT COLLATE "C", chars BIGINT, count BIGINT,
    credits NUMERIC, cost NUMERIC, currency TEXT COLLATE "C", pricing TEXT COLLATE "C",
    project TEXT COLLATE "C", tags TEXT COLLATE "C", note TEXT COLLATE "C",
    status TEXT COLLATE "C", kept TEXT COLLATE "C", dedup_key TEXT COLLATE "C" NOT NULL UNIQUE
);
CREATE INDEX entry_at ON entry (at);
CREATE INDEX entry_failed ON entry (platform) WHERE status = 'failed';
CREATE INDEX entry_project_at ON entry (project, at);
CREATE INDEX entry_platform_at ON entry (platform, at);
SQL

echo "import: credits…" >&2
timed_with_memory "$CREDITS" --db "$BIG" import "$CSV"
record import_c "$T_US"
record mem_c "$MAXRSS_KIB"
echo "import: psql \\copy…" >&2
timed_with_memory "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$PSQL_DB" -c "\\copy entry FROM '$CSV' CSV HEADER"
record import_p "$T_US"
record mem_p "$MAXRSS_KIB"

rows_c=$(count_entries "$BIG")
rows_p=$(count_entries "$PSQL_DB")
if [ "$rows_c" != "$ROWS" ] || [ "$rows_p" != "$ROWS" ]; then
    echo "bench: expected $ROWS rows, credits has $rows_c and psql $rows_p" >&2
    exit 1
fi
record size_c "$(pq -At -d "$BIG" -c "SELECT pg_database_size(current_database())")"
record size_p "$(pq -At -d "$PSQL_DB" -c "SELECT pg_total_relation_size('entry')")"

# ---- 2. report ----

# credits' own SQL, from the source, so the comparison follows the code (as bench/run.sh).
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
GROUPS_SQL="SELECT e.project, $MONTH, $AGGREGATES FROM entry e GROUP BY 1, 2 ORDER BY 1, 2"
TOTALS_SQL="SELECT $AGGREGATES FROM entry e"

echo "report: credits and psql…" >&2
groups_c=$("$CREDITS" --db "$BIG" --json report --by project --by month |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["rows"]))')
groups_p=$(pq -At -d "$BIG" -c "$GROUPS_SQL" | wc -l)
if [ "$groups_c" != "$groups_p" ]; then
    echo "bench: credits reports $groups_c groups, the SQL $groups_p" >&2
    exit 1
fi
best 5 "$CREDITS" --db "$BIG" report --by project --by month
record report_c "$T_US"
best 5 pq -d "$BIG" -c "$GROUPS_SQL" -c "$TOTALS_SQL"
record report_p "$T_US"

# ---- 3. log ----

# The row `credits log runway gen-4 --duration 5` writes, in the export's columns, priced as
# `estimate` prices it (60 credits, $1.44 on the cheapest paid plan).
INSERT_SQL="INSERT INTO entry (at, platform, model, duration, audio, refs, count, credits,
    cost, currency, pricing, status, kept, dedup_key)
VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'runway', 'gen-4',
    5, 'false', 0, 1, 60, 1.44, 'USD', 'cheapest paid plan Standard, monthly', 'ok', 'true',
    'bench:' || md5(random()::text || clock_timestamp()::text));"

echo "log: credits and psql…" >&2
best 20 "$CREDITS" --db "$BIG" log runway gen-4 --duration 5
record log_c "$T_US"
best 20 pq -d "$PSQL_DB" -c "$INSERT_SQL"
record log_p "$T_US"

# ---- 4. growth ----

# Both ledgers as bench/growth.sh prepares its own: an account, a budget, five entries of a
# small project `bench`; and its clock.
export CREDITS_NOW=2026-11-21T12:00:00Z
echo "growth: preparing the $SMALL-entry ledger…" >&2
"$CREDITS" --db "$SMALL_URL" import "$CSV_SMALL" >/dev/null
for url in "$SMALL_URL" "$BIG"; do
    "$CREDITS" --db "$url" account set runway --plan standard --since 2025-01-01 >/dev/null
    "$CREDITS" --db "$url" budget set teaser 1000000 --money >/dev/null
    for day in 01 02 03 04 05; do
        # (Its warnings, that the balance is short, are expected: not shown.)
        "$CREDITS" --db "$url" log runway gen-4 --duration 5 --project bench \
            --at "2026-11-${day}T10:00:00Z" >/dev/null 2>&1
    done
done
pq -d "$BASE_URL" -c CHECKPOINT >/dev/null
sync

GROWTH=(
    "log runway gen-4 --duration 5"
    "estimate runway gen-4 --duration 5"
    "balance runway"
    "report --by project --by month"
)
echo "growth: ${#GROWTH[@]} commands at $SMALL and $ROWS entries…" >&2
for i in "${!GROWTH[@]}"; do
    read -r -a argv <<<"${GROWTH[$i]}"
    best 5 "$CREDITS" --db "$SMALL_URL" "${argv[@]}"
    record "growth_small_$i" "$T_US"
    best 5 "$CREDITS" --db "$BIG" "${argv[@]}"
    record "growth_large_$i" "$T_US"
done
unset CREDITS_NOW

# ---- 5. 16 processes logging at once ----

# `at_once CMD…`: WORKERS workers each run CMD PER_WORKER times, one after another; sets T_US
# to the wall time of the whole. Any failure stops the bench.
at_once() {
    local t0 t1 pids=() failed=0
    rm -f "$OUT"/stderr-*.txt
    t0=${EPOCHREALTIME/[.,]/}
    for w in $(seq "$WORKERS"); do
        (
            for _ in $(seq "$PER_WORKER"); do
                "$@" >/dev/null 2>>"$OUT/stderr-$w.txt" || exit 1
            done
        ) &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
    t1=${EPOCHREALTIME/[.,]/}
    if [ "$failed" = 1 ]; then
        echo "bench: failed: $WORKERS × $PER_WORKER of $*" >&2
        cat "$OUT"/stderr-*.txt >&2
        exit 1
    fi
    T_US=$((10#$t1 - 10#$t0))
}
TOTAL=$((WORKERS * PER_WORKER))
echo "at once: $WORKERS × $PER_WORKER credits log…" >&2
before=$(count_entries "$BIG")
pq -d "$BASE_URL" -c CHECKPOINT >/dev/null
at_once "$CREDITS" --db "$BIG" log runway gen-4 --duration 5
record burst_c "$T_US"
after=$(count_entries "$BIG")
[ $((after - before)) = "$TOTAL" ] || {
    echo "bench: $TOTAL logs at once added $((after - before)) entries" >&2
    exit 1
}

echo "at once: $WORKERS psql sessions × $PER_WORKER INSERTs…" >&2
for _ in $(seq "$PER_WORKER"); do echo "$INSERT_SQL"; done >"$OUT/inserts.sql"
pq -d "$BASE_URL" -c CHECKPOINT >/dev/null
at_once_sessions() { # one psql session per worker, PER_WORKER INSERTs each (autocommit)
    PER_WORKER=1 at_once pq -d "$PSQL_DB" -f "$OUT/inserts.sql"
}
at_once_sessions
record burst_p "$T_US"
echo "at once: $WORKERS × $PER_WORKER psql processes…" >&2
pq -d "$BASE_URL" -c CHECKPOINT >/dev/null
at_once pq -d "$PSQL_DB" -c "$INSERT_SQL"
record burst_pp "$T_US"
rows_p=$(count_entries "$PSQL_DB")
[ "$rows_p" = $((ROWS + 20 + 2 * TOTAL)) ] || {
    echo "bench: the psql table has $rows_p rows, expected $((ROWS + 20 + 2 * TOTAL))" >&2
    exit 1
}

# ---- the tables ----

python3 - "$ROWS" "$SMALL" "$CSV" "$VERSION" "$SETTINGS" "$RESULTS" "$TOTAL" "$WORKERS" \
    "$PER_WORKER" "${GROWTH[@]}" <<'PY'
import os, sys
rows, small, csv, version, settings, results = (int(sys.argv[1]), int(sys.argv[2]),
    *sys.argv[3:7])
total, workers, per_worker = map(int, sys.argv[7:10])
growth = sys.argv[10:]
r = dict((k, int(v)) for k, v in (line.split() for line in open(results)))

def dur(us):
    return f"{us / 1e6:.2f} s" if us >= 1e6 else f"{us / 1e3:.1f} ms"

def mb(n):
    return f"{n / 1e6:.0f} MB"

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
            if l.startswith("model name")), "?")
print(f"credits vs psql on PostgreSQL {version}: {rows:,} entries "
      f"({os.path.basename(csv)}, {mb(os.path.getsize(csv))}), {os.cpu_count()} CPUs ({cpu})")
print(f"server: {settings}")
print()
head = f"{'':36} {'credits':>10} {'psql':>10} {'ratio':>7}  {'target':<9} result"
print(head)
print("-" * len(head))
def line(name, c, p, target, ok, ratio=None):
    ratio = c / p if ratio is None else ratio
    shown = f"{ratio:.2f}×" if ratio >= 0.01 else f"{ratio:.4f}×"
    print(f"{name:36} {dur(c):>10} {dur(p):>10} {shown:>7}  {target:<9} "
          f"{'ok' if ok else 'MISSED'}")
ic, ip = r["import_c"], r["import_p"]
line("import (CSV → new database)", ic, ip, "≤ 2×", ic / ip <= 2)
print(f"{'import peak memory (client max RSS)':36} {mb(r['mem_c'] * 1024):>10} "
      f"{mb(r['mem_p'] * 1024):>10}")
rc, rp = r["report_c"], r["report_p"]
line("report --by project --by month", rc, rp, "≤ 50 ms", rc <= 50_000)
lc, lp = r["log_c"], r["log_p"]
line("log one entry (best of 20)", lc, lp, "≤ 2×", lc / lp <= 2)
bc, bp, bpp = r["burst_c"], r["burst_p"], r["burst_pp"]
print(f"{f'{workers} × {per_worker} logs at once (wall)':36} {dur(bc):>10} {dur(bp):>10} "
      f"{bc / bp:>6.2f}×  {'-':<9} {total / (bc / 1e6):.0f} logs/s "
      f"(psql {total / (bp / 1e6):.0f}/s)")
print(f"{'  psql: one process per INSERT':36} {'':>10} {dur(bpp):>10} {bc / bpp:>6.2f}×  "
      f"{'-':<9} (psql {total / (bpp / 1e6):.0f}/s)")
print(f"{'database size':36} {mb(r['size_c']):>10} {mb(r['size_p']):>10}")
print()
print("report is best of 5, log best of 20; import and the burst are one run each. Times")
print("include process start-up and connecting. The psql report is credits' scan SQL over")
print("every entry; credits reads its daily sums. The burst's psql column is 16 sessions of")
print(f"{per_worker} INSERTs each; its ratio line below, one psql process per INSERT.")
print()
head = f"{'command (best of 5)':40} {small:>10,} {rows:>10,} {'growth':>7}  {'target':<7} result"
print(head)
print("-" * len(head))
for i, args in enumerate(growth):
    s, l = r[f"growth_small_{i}"], r[f"growth_large_{i}"]
    targeted = not args.startswith("report")
    print(f"{args:40} {dur(s):>10} {dur(l):>10} {l / s:>6.1f}×  "
          f"{'≤ 3×' if targeted else '-':<7} {('ok' if l / s <= 3 else 'MISSED') if targeted else ''}")
PY
