#!/usr/bin/env bash
# Checks the PostgreSQL schema (`src/migrations/pg/0010_schema.sql`) on a throwaway server
# against the SQLite migrations (`src/migrations/0001_init.sql` … `0010_who.sql`):
#
# 1. loads it into a fresh database (one transaction, stops at the first error);
# 2. runs the same writes on PostgreSQL and on a SQLite file migrated to schema 10: varied
#    entries (platforms, models, projects, NULL project/cost/currency, statuses, kept 0/1,
#    utc offsets that move the local day across a month or year end, counts, durations,
#    amounts past 10^9 that split into _hi/_lo), tags, ledger checkpoints, updates of every
#    summed column, tag edits, deletes of tags and entries (with the cascade);
# 3. on PostgreSQL, part of the entries in one transaction with `SET LOCAL credits.bulk =
#    'on'`: checks that the three paused triggers did nothing and the others still fired,
#    then rebuilds the sums as `store::summary` does after a bulk insert;
# 4. checks on both that every sums table (`entry_day`, `entry_month`, `tag_day`,
#    `tag_month`) equals a from-scratch aggregate of `entry` / `entry_tag` (the aggregate
#    0006 and 0009 fill the tables with), and compares the sums tables, `ledger_checkpoint`,
#    `entry` and `entry_tag` row for row between the two (sorted CSV, diff);
# 5. compares date() and strftime() on both for the forms the store uses.
#
# Exits non-zero on any difference. Needs PostgreSQL's server binaries (initdb, pg_ctl; on
# the PATH, in PG_BIN, or Debian's /usr/lib/postgresql/*/bin), psql and sqlite3. Run as root
# it runs the server as the `postgres` user. The server and its files are removed at the end.
#
#   crates/store/tests/pg_schema_check.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
migrations="$here/../src/migrations"
schema=${PG_SCHEMA:-$migrations/pg/0010_schema.sql}  # another file: to check the check

pg_bin=${PG_BIN:-}
if [ -z "$pg_bin" ]; then
    if command -v initdb >/dev/null 2>&1; then
        pg_bin=$(dirname "$(command -v initdb)")
    else
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
fi
[ -x "$pg_bin/initdb" ] || { echo "no PostgreSQL server binaries (set PG_BIN)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed" >&2; exit 2; }

tmp=$(mktemp -d)
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown postgres "$tmp"
    as_pg=(runuser -u postgres --)
fi
port=${PG_CHECK_PORT:-54329}
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

cleanup() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap cleanup EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$tmp/data" --auth=trust --no-sync -E UTF8 --no-locale \
    -U postgres >"$tmp/initdb.log"
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" -w -l "$tmp/server.log" \
    -o "-k $tmp -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
psql_base=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
"${psql_base[@]}" -d postgres -c 'CREATE DATABASE t'
pg=("${psql_base[@]}" -d t)
lite=(sqlite3 -bail "$tmp/t.db")

failed=0
fail() { echo "FAIL: $*" >&2; failed=1; }

# 1. The schema, as the store will load it: one transaction with the marker row.
{
    echo 'BEGIN;'
    cat "$schema"
    echo "INSERT INTO credits_schema (one, application, version) VALUES (1, 'credits', 10);"
    echo 'COMMIT;'
} | "${pg[@]}" -f -
for f in "$migrations"/00*.sql; do cat "$f"; done | "${lite[@]}"
"${lite[@]}" 'PRAGMA foreign_keys = ON; DELETE FROM maintenance;'
echo "schema loaded (PostgreSQL $("${pg[@]}" -Atc 'SHOW server_version'), SQLite $(sqlite3 --version | cut -d' ' -f1))"

# Runs SQL on both backends (SQLite with foreign keys on, as the store opens it).
both() {
    "${pg[@]}" -c "$1"
    printf 'PRAGMA foreign_keys = ON;\n%s\n' "$1" | "${lite[@]}"
}

# 2. The writes, the same text on both.
both "
INSERT INTO price_table (platform, as_of, sha256) VALUES
    ('runway', '2026-01-15', '$(printf 'a%.0s' $(seq 64))'),
    ('Kling', '2026-02-01', '$(printf '0%.0s' $(seq 63))f');
"
# 300 entries: two years, month ends, offsets from -1439 to +1439 minutes.
both "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300),
p(i, y, mo, h, mi) AS (
    SELECT i, 2025 + i % 2, 1 + (i * 7) % 12, (i * 5) % 24, (i * 13) % 60 FROM n),
q(i, y, mo, d, h, mi) AS (
    SELECT i, y, mo,
           CASE WHEN i % 10 = 0 THEN CASE WHEN mo = 2 THEN 28 WHEN mo IN (4, 6, 9, 11) THEN 30
                                          ELSE 31 END
                WHEN i % 10 = 1 THEN 1
                ELSE 1 + (i * 11) % 28 END,
           CASE WHEN i % 10 IN (0, 1) THEN 23 - i % 2 * 23 ELSE h END, mi
    FROM p)
INSERT INTO entry (at, utc_offset_min, platform, model, duration_ms, resolution, audio, refs,
                   mode, chars, count, upscale, credits_milli, cost_micro, currency, pricing,
                   price_source, project, note, status, refunded_at, kept, dedup_key,
                   price_table, logged_by, machine)
SELECT y || '-' || CASE WHEN mo < 10 THEN '0' ELSE '' END || mo
         || '-' || CASE WHEN d < 10 THEN '0' ELSE '' END || d
         || 'T' || CASE WHEN h < 10 THEN '0' ELSE '' END || h
         || ':' || CASE WHEN mi < 10 THEN '0' ELSE '' END || mi || ':07Z',
       CASE i % 8 WHEN 0 THEN 0 WHEN 1 THEN 60 WHEN 2 THEN -300 WHEN 3 THEN 345
                  WHEN 4 THEN -1439 WHEN 5 THEN 1439 WHEN 6 THEN 780 ELSE -60 END,
       CASE i % 3 WHEN 0 THEN 'runway' WHEN 1 THEN 'Kling' ELSE 'émotion' END,
       CASE i % 4 WHEN 0 THEN 'gen4' WHEN 1 THEN 'gen4_turbo' WHEN 2 THEN 'Veo 3' ELSE 'v2' END,
       CASE WHEN i % 6 = 0 THEN NULL WHEN i % 7 = 0 THEN 1000000000000 ELSE i * 1234567 END,
       CASE WHEN i % 2 = 0 THEN '1080p' END, CASE WHEN i % 5 = 0 THEN i % 2 END, NULL, NULL,
       NULL,
       CASE WHEN i = 50 THEN 1000000 ELSE 1 + i % 4 END, 0,
       i * 1000 + CASE WHEN i % 9 = 0 THEN 5000000000000 ELSE 0 END,
       CASE WHEN i % 4 = 0 THEN NULL
            ELSE i * 12345 + CASE WHEN i % 13 = 0 THEN 3000000000000 ELSE 0 END END,
       CASE WHEN i % 4 = 0 THEN NULL WHEN i % 7 = 0 THEN 'EUR' ELSE 'USD' END,
       'test', 'account',
       CASE i % 5 WHEN 0 THEN NULL WHEN 1 THEN 'alpha' WHEN 2 THEN 'Zeta'
                  WHEN 3 THEN 'beta, \"quoted\"' ELSE 'ß' END,
       NULL,
       CASE i % 5 WHEN 1 THEN 'failed' WHEN 2 THEN 'refunded' ELSE 'ok' END, NULL,
       CASE WHEN i % 3 = 0 THEN 0 ELSE 1 END, 'k' || i,
       CASE i % 3 WHEN 0 THEN NULL WHEN 1 THEN 1 ELSE 2 END, 'ann', NULL
FROM q;
"
both "
INSERT INTO entry_tag (entry_id, key, value)
    SELECT id, 'client', CASE id % 3 WHEN 0 THEN 'acme' WHEN 1 THEN 'bolt' ELSE 'Çava' END
    FROM entry WHERE id % 2 = 0;
INSERT INTO entry_tag (entry_id, key, value) SELECT id, 'kind', 'hero' FROM entry WHERE id % 3 = 0;
INSERT INTO entry_tag (entry_id, key, value) SELECT id, 'shot', 'n' || id FROM entry WHERE id % 7 = 0;
INSERT INTO ledger_checkpoint (platform, at, state) VALUES
    ('runway', '2025-01-01T00:00:00Z', 'r1'), ('runway', '2025-07-01T00:00:00Z', 'r2'),
    ('runway', '2026-02-01T00:00:00Z', 'r3'), ('runway', '2026-12-31T00:00:00Z', 'r4'),
    ('Kling', '2025-03-01T00:00:00Z', 'k1'), ('Kling', '2026-05-01T00:00:00Z', 'k2'),
    ('émotion', '2025-11-01T00:00:00Z', 'e1'), ('émotion', '2026-12-31T23:59:59Z', 'e2'),
    ('other', '2024-01-01T00:00:00Z', 'o1');
"
# Updates of every column a sum, a key or a checkpoint reads, most of them alone (so an
# `UPDATE OF` list missing one shows), tag edits, deletes. Before each statement a fresh set
# of checkpoints (its number in the seconds), so which of them each one deletes shows too.
updates=(
"UPDATE entry SET status = 'failed' WHERE id % 7 = 0 AND status = 'ok'"
"UPDATE entry SET status = 'refunded', refunded_at = at WHERE id % 11 = 0 AND status = 'failed'"
"UPDATE entry SET refunded_at = NULL WHERE id % 3 = 0 AND refunded_at IS NOT NULL"
"UPDATE entry SET project = CASE WHEN project IS NULL THEN 'newp' END WHERE id % 13 = 0"
"UPDATE entry SET at = substr(at, 1, 8) || '15' || substr(at, 11) WHERE id % 17 = 0"
"UPDATE entry SET credits_milli = credits_milli + 1500000000 WHERE id % 19 = 0"
"UPDATE entry SET cost_micro = NULL, currency = NULL WHERE id % 23 = 0"
"UPDATE entry SET cost_micro = 77, currency = 'GBP' WHERE id % 29 = 0 AND cost_micro IS NULL"
"UPDATE entry SET currency = 'CHF' WHERE id % 27 = 0 AND currency IS NOT NULL"
"UPDATE entry SET cost_micro = cost_micro + 999999999 WHERE id % 26 = 0"
"UPDATE entry SET kept = 1 - kept WHERE id % 31 = 0"
"UPDATE entry SET utc_offset_min = -utc_offset_min WHERE id % 37 = 0"
"UPDATE entry SET count = count + 1 WHERE id % 41 = 0 AND count < 1000000"
"UPDATE entry SET duration_ms = coalesce(duration_ms, 0) + 7 WHERE id % 33 = 0 AND coalesce(duration_ms, 0) < 1000000000000"
"UPDATE entry SET price_table = NULL WHERE id % 43 = 0"
"UPDATE entry SET platform = 'runway' WHERE id % 47 = 0"
"UPDATE entry SET model = 'gen-x' WHERE id % 53 = 0"
"UPDATE entry SET note = 'n' WHERE id % 2 = 0"
"UPDATE entry SET utc_offset_min = utc_offset_min WHERE id % 59 = 0"
"UPDATE entry SET at = '2026-01-01T00:30:00Z', utc_offset_min = -60, platform = 'Kling', model = 'v2', project = 'alpha', status = 'ok', kept = 1, currency = 'USD', cost_micro = 5, price_table = 1, refunded_at = NULL WHERE id IN (61, 62, 63)"
"UPDATE entry_tag SET value = 'changed' WHERE key = 'client' AND entry_id % 9 = 0"
"UPDATE entry_tag SET key = 'kind2' WHERE key = 'kind' AND entry_id % 4 = 0"
"UPDATE entry_tag SET entry_id = entry_id + 1 WHERE key = 'shot' AND entry_id % 14 = 0"
"DELETE FROM entry_tag WHERE key = 'client' AND entry_id % 10 = 0"
"DELETE FROM entry WHERE id % 23 = 5"
"DELETE FROM entry WHERE id IN (1, 2, 3, 62)"
)
both "CREATE TABLE checkpoint_log (step INTEGER, platform TEXT, at TEXT, state TEXT);"
step=0
for u in "${updates[@]}"; do
    step=$((step + 1))
    s2=$(printf '%02d' "$step")
    both "INSERT INTO ledger_checkpoint (platform, at, state)
              SELECT p.platform, t.at || ':${s2}Z', 'step $step'
              FROM (SELECT 'runway' AS platform UNION ALL SELECT 'Kling' UNION ALL SELECT 'émotion') p,
                   (SELECT '2025-03-01T00:00' AS at UNION ALL SELECT '2025-09-01T00:00'
                    UNION ALL SELECT '2026-03-01T00:00' UNION ALL SELECT '2026-11-01T00:00') t;
          $u;
          INSERT INTO checkpoint_log SELECT $step, platform, at, state FROM ledger_checkpoint;"
done

# 3. Entries 301..360 as a bulk import writes them: on PostgreSQL with the insert triggers
# paused, on SQLite (the reference) with every trigger.
bulk_rows="
WITH RECURSIVE n(i) AS (SELECT 301 UNION ALL SELECT i + 1 FROM n WHERE i < 360)
INSERT INTO entry (at, utc_offset_min, platform, model, duration_ms, count, credits_milli,
                   cost_micro, currency, pricing, project, status, kept, dedup_key, price_table)
SELECT '2026-' || CASE WHEN i % 2 = 0 THEN '06-30' ELSE '07-01' END || 'T'
         || CASE WHEN i % 3 = 0 THEN '23' ELSE '00' END || ':15:00Z',
       CASE i % 4 WHEN 0 THEN 120 WHEN 1 THEN -120 WHEN 2 THEN 0 ELSE 1439 END,
       CASE i % 3 WHEN 0 THEN 'runway' WHEN 1 THEN 'Kling' ELSE 'émotion' END,
       CASE i % 2 WHEN 0 THEN 'gen4' ELSE 'v2' END,
       CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1000 END, 1 + i % 3,
       i * 999 + CASE WHEN i % 11 = 0 THEN 2000000000 ELSE 0 END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE i * 3 END,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 'USD' END,
       'import', CASE WHEN i % 5 = 0 THEN NULL ELSE 'alpha' END,
       CASE i % 6 WHEN 1 THEN 'failed' ELSE 'ok' END, CASE WHEN i % 7 = 0 THEN 0 ELSE 1 END,
       'b' || i, CASE WHEN i % 2 = 0 THEN 2 END
FROM n;
INSERT INTO entry_tag (entry_id, key, value)
    SELECT id, 'client', CASE WHEN id % 2 = 0 THEN 'acme' ELSE 'bolt' END
    FROM entry WHERE dedup_key LIKE 'b%';
INSERT INTO entry_tag (entry_id, key, value)
    SELECT id, 'kind', 'hero' FROM entry WHERE dedup_key LIKE 'b%' AND id % 3 = 0;
"
# Writes to older entries inside the import's transaction: their triggers are not paused.
bulk_other="
UPDATE entry SET status = 'failed', credits_milli = credits_milli + 1 WHERE id IN (10, 12, 14);
UPDATE entry_tag SET value = 'in-bulk' WHERE key = 'client' AND entry_id = 16;
DELETE FROM entry WHERE id IN (20, 21);
"
# Aggregates from scratch (the SELECTs 0006 and 0009 fill the tables with, with `x IS NULL`
# summed as a CASE, so that both backends take them), over the entries `\$WHERE` keeps.
agg_entry_day() {
    echo "SELECT date(at, utc_offset_min || ' minutes'), utc_offset_min, platform, model,
           coalesce(project, ''), status, kept, coalesce(currency, ''),
           coalesce(price_table, 0), count(*), sum(count),
           coalesce(sum(duration_ms * count / 1000000000), 0),
           coalesce(sum(duration_ms * count % 1000000000), 0),
           sum(credits_milli / 1000000000), sum(credits_milli % 1000000000),
           coalesce(sum(cost_micro / 1000000000), 0),
           coalesce(sum(cost_micro % 1000000000), 0),
           sum(CASE WHEN cost_micro IS NULL THEN 1 ELSE 0 END),
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli / 1000000000 END), 0),
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli % 1000000000 END), 0)
    FROM entry WHERE $1
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
}
agg_entry_month() {
    echo "SELECT substr(date(at, utc_offset_min || ' minutes'), 1, 7), platform, model,
           coalesce(project, ''), status, kept, coalesce(currency, ''),
           coalesce(price_table, 0), count(*), sum(count),
           coalesce(sum(duration_ms * count / 1000000000), 0),
           coalesce(sum(duration_ms * count % 1000000000), 0),
           sum(credits_milli / 1000000000), sum(credits_milli % 1000000000),
           coalesce(sum(cost_micro / 1000000000), 0),
           coalesce(sum(cost_micro % 1000000000), 0),
           sum(CASE WHEN cost_micro IS NULL THEN 1 ELSE 0 END),
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli / 1000000000 END), 0),
           coalesce(sum(CASE WHEN cost_micro IS NOT NULL THEN credits_milli % 1000000000 END), 0)
    FROM entry WHERE $1
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
}
agg_tag() { # $1: day or month, $2: which entries
    local when="date(e.at, e.utc_offset_min || ' minutes'), e.utc_offset_min"
    local groups="1, 2, 3, 4, 5, 6, 7, 8, 9"
    if [ "$1" = month ]; then
        when="substr(date(e.at, e.utc_offset_min || ' minutes'), 1, 7)"
        groups="1, 2, 3, 4, 5, 6, 7, 8"
    fi
    echo "SELECT t.key, t.value, $when,
           e.platform, e.status, e.kept, coalesce(e.currency, ''), coalesce(e.price_table, 0),
           count(*), sum(e.count),
           coalesce(sum(e.duration_ms * e.count / 1000000000), 0),
           coalesce(sum(e.duration_ms * e.count % 1000000000), 0),
           sum(e.credits_milli / 1000000000), sum(e.credits_milli % 1000000000),
           coalesce(sum(e.cost_micro / 1000000000), 0),
           coalesce(sum(e.cost_micro % 1000000000), 0),
           sum(CASE WHEN e.cost_micro IS NULL THEN 1 ELSE 0 END),
           coalesce(sum(CASE WHEN e.cost_micro IS NOT NULL
                    THEN e.credits_milli / 1000000000 END), 0),
           coalesce(sum(CASE WHEN e.cost_micro IS NOT NULL
                    THEN e.credits_milli % 1000000000 END), 0)
    FROM entry_tag t JOIN entry e ON e.id = t.entry_id WHERE $2
    GROUP BY $groups"
}
# How many rows `table` and `query` do not share, either way (PostgreSQL: EXCEPT ALL).
pg_differ() {
    "${pg[@]}" -Atc "SELECT count(*) FROM ((TABLE $1 EXCEPT ALL ($2))
                                           UNION ALL (($2) EXCEPT ALL TABLE $1)) d"
}

# Checkpoints after the import's entries, which the import must delete (its paused trigger
# must not).
both "INSERT INTO ledger_checkpoint (platform, at, state) VALUES
    ('runway', '2026-06-30T12:00:00Z', 'rb'), ('Kling', '2026-09-01T00:00:00Z', 'kb'),
    ('émotion', '2026-07-01T00:00:00Z', 'eb'), ('other', '2026-09-01T00:00:00Z', 'ob');"
checkpoints_before=$("${pg[@]}" -Atc 'SELECT count(*) FROM ledger_checkpoint')
{
    echo "BEGIN;"
    echo "SET LOCAL credits.bulk = 'on';"
    echo "SELECT coalesce(max(id), 0) AS max_before FROM entry \\gset"
    echo "$bulk_rows"
    # The paused triggers did nothing: no sums and no checkpoint moved for the new rows.
    echo "SELECT count(*) AS checkpoints_in_bulk FROM ledger_checkpoint \\gset"
    echo "$bulk_other"
    echo "SELECT count(*) AS day_diff_in_bulk FROM ((TABLE entry_day EXCEPT ALL ($(agg_entry_day 'id <= :max_before')))
            UNION ALL (($(agg_entry_day 'id <= :max_before')) EXCEPT ALL TABLE entry_day)) d \\gset"
    echo "SELECT count(*) AS tag_diff_in_bulk FROM ((TABLE tag_day EXCEPT ALL ($(agg_tag day 'e.id <= :max_before')))
            UNION ALL (($(agg_tag day 'e.id <= :max_before')) EXCEPT ALL TABLE tag_day)) d \\gset"
    echo "SELECT count(*) AS new_rows FROM entry WHERE id > :max_before \\gset"
    echo "\\echo bulk: :new_rows new entries; checkpoints :checkpoints_in_bulk (before: $checkpoints_before); rows of entry_day / tag_day off the sums of the older entries: :day_diff_in_bulk / :tag_diff_in_bulk"
    echo "\\set bad 0"
    echo "SELECT :checkpoints_in_bulk <> $checkpoints_before OR :day_diff_in_bulk <> 0 OR :tag_diff_in_bulk <> 0 OR :new_rows <> 60 AS bad \\gset"
    echo "\\if :bad"
    echo "  DO \$\$ BEGIN RAISE EXCEPTION 'a paused trigger fired, or one that is not paused did not'; END \$\$;"
    echo "\\endif"
    # What `store::summary::after_bulk_insert` does: checkpoints from each platform's
    # earliest new entry, the days around the new entries summed again, the new tags' sums
    # added (one upsert per key).
    echo "DELETE FROM ledger_checkpoint c WHERE c.at >= (SELECT min(e.at) FROM entry e
            WHERE e.id > :max_before AND e.platform = c.platform);"
    echo "SELECT date(min(at), '-1 day') AS lo, date(max(at), '+1 day') AS hi FROM entry WHERE id > :max_before \\gset"
    echo "DELETE FROM entry_day WHERE day BETWEEN :'lo' AND :'hi';"
    echo "INSERT INTO entry_day $(agg_entry_day "date(at, utc_offset_min || ' minutes') BETWEEN :'lo' AND :'hi'");"
    echo "INSERT INTO tag_day $(agg_tag day 'e.id > :max_before')
          ON CONFLICT (key, value, day, utc_offset_min, platform, status, kept, currency, price_table)
          DO UPDATE SET entries = tag_day.entries + excluded.entries,
            clips = tag_day.clips + excluded.clips,
            seconds_hi = tag_day.seconds_hi + excluded.seconds_hi,
            seconds_lo = tag_day.seconds_lo + excluded.seconds_lo,
            credits_hi = tag_day.credits_hi + excluded.credits_hi,
            credits_lo = tag_day.credits_lo + excluded.credits_lo,
            cost_hi = tag_day.cost_hi + excluded.cost_hi, cost_lo = tag_day.cost_lo + excluded.cost_lo,
            unpriced = tag_day.unpriced + excluded.unpriced,
            priced_hi = tag_day.priced_hi + excluded.priced_hi,
            priced_lo = tag_day.priced_lo + excluded.priced_lo;"
    echo "COMMIT;"
} >"$tmp/bulk.sql"
"${pg[@]}" -f "$tmp/bulk.sql" || fail "bulk mode (see above)"
printf 'PRAGMA foreign_keys = ON;\n%s\n%s\n' "$bulk_rows" "$bulk_other" | "${lite[@]}"
# After the import's transaction, the triggers are back.
both "
INSERT INTO entry (at, utc_offset_min, platform, model, count, credits_milli, pricing, status,
                   kept, dedup_key)
    VALUES ('2026-07-01T00:30:00Z', -60, 'runway', 'gen4', 2, 1234, 'test', 'ok', 1, 'after');
INSERT INTO entry_tag (entry_id, key, value)
    SELECT id, 'client', 'acme' FROM entry WHERE dedup_key = 'after';
"
[ "$("${pg[@]}" -Atc "SELECT current_setting('credits.bulk', true) IS DISTINCT FROM 'on'")" = t ] \
    || fail "credits.bulk outlived its transaction"

# 4. Every sums table against its aggregate from scratch, on PostgreSQL and on SQLite.
check_sums() { # $1: table, $2: aggregate
    local n
    n=$(pg_differ "$1" "$2")
    [ "$n" = 0 ] || fail "PostgreSQL: $n rows of $1 differ from the aggregate of the entries"
    n=$("${lite[@]}" "SELECT count(*) FROM (SELECT * FROM (SELECT * FROM $1 EXCEPT $2)
                                          UNION ALL SELECT * FROM ($2 EXCEPT SELECT * FROM $1))")
    [ "$n" = 0 ] || fail "SQLite: $n rows of $1 differ from the aggregate of the entries"
    echo "$1: $("${pg[@]}" -Atc "SELECT count(*) FROM $1") rows, equal to the aggregate on both"
}
check_sums entry_day "$(agg_entry_day true)"
check_sums entry_month "$(agg_entry_month true)"
check_sums tag_day "$(agg_tag day true)"
check_sums tag_month "$(agg_tag month true)"

# Row for row between the backends: each row as its fields joined by the unit separator,
# NULL as \N (the two CLIs quote CSV differently).
sep=$'\x1f'
rows_pg() { "${pg[@]}" -At -F "$sep" -P 'null=\N' -c "$1"; }
rows_lite() { sqlite3 -list -separator "$sep" -nullvalue '\N' "$tmp/t.db" "$1"; }
compare() { # $1: name, $2: query
    rows_pg "$2" | LC_ALL=C sort >"$tmp/$1.pg"
    rows_lite "$2" | LC_ALL=C sort >"$tmp/$1.lite"
    if diff -u "$tmp/$1.lite" "$tmp/$1.pg" >"$tmp/$1.diff"; then
        echo "$1: $(wc -l <"$tmp/$1.pg") rows, the same on PostgreSQL and SQLite"
    else
        tr "$sep" ',' <"$tmp/$1.diff" | sed -n '1,40p' >&2
        fail "$1 differs between SQLite (-) and PostgreSQL (+)"
    fi
}
for t in entry_day entry_month tag_day tag_month ledger_checkpoint checkpoint_log entry_tag entry; do
    compare "$t" "SELECT * FROM $t"
done
# ORDER BY on text, not sorted again: byte order on both (COLLATE "C"). NULLs left out
# (first on SQLite, last on PostgreSQL).
q="SELECT DISTINCT project FROM entry WHERE project IS NOT NULL ORDER BY 1"
[ "$(rows_pg "$q")" = "$(rows_lite "$q")" ] \
    && echo "ORDER BY project: the same order on both ($(rows_pg "$q" | paste -sd' '))" \
    || fail "ORDER BY on text differs"

# 5. date() and strftime() on both, for the forms the store uses.
dates="CREATE TABLE dt (t TEXT, off INTEGER);
INSERT INTO dt (t, off) VALUES
    ('2026-01-01T00:00:00Z', 0), ('2025-12-31T23:30:00Z', 60), ('2025-12-31T23:30:00Z', -60),
    ('2024-02-28T22:00:00Z', 345), ('2024-02-29', 0), ('2024-02-29', -1439),
    ('2026-03-29T01:30:00Z', 1439), ('2026-10-31T23:59:59Z', 1), ('1999-12-31T12:00:00Z', -720),
    ('2026-07-01T00:15:00Z', -120), ('2020-12-31', 0), ('2021-01-03T10:00:00Z', 0),
    ('2027-01-01T00:00:00Z', -1), (NULL, 0), ('2026-01-01T00:00:00Z', NULL);"
date_query="SELECT t, off, date(t), date(t, off || ' minutes'), date(t, (-off) || ' minutes'),
       date(t, '+1 day'), date(t, '-1 day'), date(t, '90 minutes', '-60 minutes'),
       date(t, '+1 day', (-off) || ' minutes'),
       strftime('%Y-%m', t, off || ' minutes'), strftime('%Y-%m-%d', t),
       strftime('%Y-%m-%dT%H:%M:%SZ', t), strftime('%Y-%m-%dT%H:%M:%SZ', t, '+20 hours'),
       strftime('%Y-%m-%dT%H:%M:%SZ', date(t, off || ' minutes'), (-off) || ' minutes'),
       strftime('%Y-%m-%dT%H:%M:%SZ', date(t, off || ' minutes'), '+1 day', (-off) || ' minutes')
FROM dt ORDER BY 1, 2"
both "$dates"
compare dates "$date_query"
# ISO weeks: SQLite learnt %G/%V in 3.46 (the store's bundled one has them); compare with
# the calendar where the sqlite3 CLI is older.
weeks="2020-12-31 2020-W53|2021-01-03 2020-W53|2021-01-04 2021-W01|2022-01-01 2021-W52|2024-12-30 2025-W01|2026-01-01 2026-W01|2026-06-15 2026-W25|2027-01-01 2026-W53|2026-12-31 2026-W53"
IFS='|' read -ra pairs <<<"$weeks"
for p in "${pairs[@]}"; do
    d=${p% *} want=${p#* }
    got=$("${pg[@]}" -Atc "SELECT strftime('%G-W%V', '$d'), strftime('%G-W%V', '${d}T12:00:00Z', '+0 minutes')")
    [ "$got" = "$want|$want" ] || fail "strftime('%G-W%V', '$d') is $got, not $want"
    lite_got=$(sqlite3 :memory: "SELECT strftime('%G-W%V', '$d')")
    [ -z "$lite_got" ] || [ "$lite_got" = "$want" ] || fail "SQLite's ISO week of $d is $lite_got"
done
echo "strftime('%G-W%V'): ${#pairs[@]} dates right"
# The functions are the schema's (text), inlined, and one-argument date() of an untyped
# literal is PostgreSQL's cast to its date type (documented in the schema).
[ "$("${pg[@]}" -Atc "SELECT pg_typeof(date('2026-01-02T03:04:05Z'))")" = date ] \
    || fail "date('literal') is no longer PostgreSQL's cast: update the schema's comment"
[ "$("${pg[@]}" -Atc "SELECT pg_typeof(date(CAST('2026-01-02T03:04:05Z' AS TEXT)))")" = text ] \
    || fail "date(CAST(literal AS TEXT)) is not the schema's function"
[ "$("${pg[@]}" -Atc "SELECT pg_typeof(date(t)) FROM dt LIMIT 1")" = text ] \
    || fail "date(text column) is not the schema's function"
[ "$("${pg[@]}" -Atc "PREPARE p AS SELECT pg_typeof(date(\$1)); EXECUTE p('2026-01-02T03:04:05Z')" | tail -n 1)" = text ] \
    || fail "date(\$1) is not the schema's function"
"${pg[@]}" -Atc "EXPLAIN (VERBOSE, COSTS OFF) SELECT date(at, utc_offset_min || ' minutes'),
        strftime('%G-W%V', at, utc_offset_min || ' minutes') FROM entry" \
    | grep -q 'to_char' || fail "date()/strftime() are not inlined"
[ "$("${pg[@]}" -Atc "SELECT json_group_array(json_array(key, value)) FROM entry_tag WHERE entry_id = 6")" \
    = '[["client","acme"],["kind","hero"]]' ] || fail "json_group_array(json_array(…)) text"
[ "$("${pg[@]}" -Atc "SELECT json_group_array(json_array(key, value)) FROM entry_tag WHERE false")" \
    = '[]' ] || fail "json_group_array of no rows is not []"
echo "date()/strftime() are the schema's, inlined; json_group_array(json_array()) as SQLite's"

# The writes must have hit every trigger's work: some rows negated away, some checkpoints left.
"${pg[@]}" -Atc "SELECT 'entries ' || count(*) FROM entry
                 UNION ALL SELECT 'tags ' || count(*) FROM entry_tag
                 UNION ALL SELECT 'checkpoints left ' || count(*) FROM ledger_checkpoint" | paste -sd' '

if [ "$failed" != 0 ]; then
    echo "pg_schema_check: FAILED" >&2
    exit 1
fi
echo "pg_schema_check: OK"
