#!/usr/bin/env bash
# Benchmark: every staff list at demo volume and at a district's real load — 100,000 open cases, 300,000 reports
# (each with its case: the other 200,000 closed over two years) and about 1,000,000 case_history rows (S in
# docs/DECISIONS). Creates a fresh PostgreSQL database, starts the demo instance on it (scheduled jobs off, the
# bench-only statement log on: chengguan.bench.count-statements=true logs "SQL statements: N for GET …" per
# request, session and audit statements included), times each page signed in with a demo account through a
# session cookie (median of $BENCH_REQUESTS requests after 3 warm-ups), generates the volume in SQL
# (generate_series, over the demo communities, categories and units), ANALYZEs and times every page again.
# Prints one line per page: demo time, time at volume, their ratio, statements per view at both volumes.
# Goal: every page within 1.5× of its demo time and at most 12 statements per view.
# Usage: bench/inbox.sh          BENCH_REQUESTS=15 (default 11), BENCH_KEEP_DB=1 keeps the database,
#        BENCH_OPEN=100000 BENCH_REPORTS=300000 change the volume.
# Needs: psql and curl; PostgreSQL at PGHOST (127.0.0.1), user PGUSER (postgres).
# Times are wall-clock: on a machine shared with other work they move with its load; the statement counts do not.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18087}"
REQUESTS="${BENCH_REQUESTS:-11}"
OPEN="${BENCH_OPEN:-100000}"
REPORTS="${BENCH_REPORTS:-300000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
DB="bench_inbox_$$"
WORK="$(mktemp -d)"
APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  if [ -n "${BENCH_KEEP_DB:-}" ]; then echo "kept database $DB"; else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" > /dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -q -B -ntp -DskipTests package
JAR=$(ls -t target/chengguan-*.jar | head -n 1)
psql -q -d postgres -c "CREATE DATABASE $DB"

SPRING_PROFILES_ACTIVE=demo SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" \
  SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --chengguan.jobs.enabled=false \
  --chengguan.bench.count-statements=true > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 600); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
curl -fs "http://localhost:$PORT/actuator/health" > /dev/null || { tail -50 "$WORK/app.log"; exit 1; }

# signs in through the login form; leaves the session in the cookie jar $1
sign_in() {
  local jar="$1" user="$2" token
  token=$(curl -fs -c "$jar" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$user" --data-urlencode "password=Demo@2026" \
    --data-urlencode "_csrf=$token" "http://localhost:$PORT/login"
}
# demo accounts are loaded just after the server starts listening
for _ in $(seq 1 60); do
  sign_in "$WORK/admin" admin
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/admin" "http://localhost:$PORT/audit")" = "200" ] && break
  sleep 1
done
sign_in "$WORK/dispatcher" dispatcher
sign_in "$WORK/handler" handler

# name | account | path
PAGES=(
  "cases 待受理|dispatcher|/cases?inbox=TO_ACCEPT"
  "cases 待派遣|dispatcher|/cases?inbox=TO_DISPATCH"
  "cases 我的待办|dispatcher|/cases?inbox=MINE"
  "cases 我的待办 (处置)|handler|/cases?inbox=MINE"
  "cases 即将超期|dispatcher|/cases?inbox=DUE_SOON"
  "cases 已超期|dispatcher|/cases?inbox=OVERDUE"
  "cases 督办|dispatcher|/cases?inbox=SUPERVISED"
  "cases 全部|dispatcher|/cases?inbox=ALL"
  "cases 全部 page 3|dispatcher|/cases?inbox=ALL&page=2"
  "intake/reports|dispatcher|/intake/reports"
  "intake/reports 待处理|dispatcher|/intake/reports?status=PENDING"
  "fieldwork/ledgers|dispatcher|/fieldwork/ledgers"
  "fieldwork/logs|dispatcher|/fieldwork/logs"
  "engagement/surveys|dispatcher|/engagement/surveys"
  "engagement/needs|dispatcher|/engagement/needs"
  "engagement/events|dispatcher|/engagement/events"
  "engagement/deliberations|dispatcher|/engagement/deliberations"
  "engagement/volunteers|dispatcher|/engagement/volunteers"
  "engagement/merchants|dispatcher|/engagement/merchants"
  "org/staff|admin|/org/staff"
  "audit|admin|/audit"
)

# seconds for one request, signed in with cookie jar $1; fails on anything but 200
timed() {
  curl -s -o "$WORK/page.html" -w '%{http_code} %{time_total}\n' -b "$1" "$2" | {
    read -r code seconds
    [ "$code" = "200" ] || { echo "HTTP $code for $2" >&2; exit 1; }
    echo "$seconds"
  }
}

# measures every page; writes "median_ms statements" per page, in order, to $1
measure() {
  : > "$1"
  for page in "${PAGES[@]}"; do
    IFS='|' read -r _ account path <<< "$page"
    for _ in 1 2 3; do timed "$WORK/$account" "http://localhost:$PORT$path" > /dev/null; done
    TIMES=()
    for _ in $(seq 1 "$REQUESTS"); do TIMES+=("$(timed "$WORK/$account" "http://localhost:$PORT$path")"); done
    sleep 0.2   # the statement line is written as the request ends
    STATEMENTS=$(grep -F "for GET $path" "$WORK/app.log" | tail -n 1 | sed 's/.*SQL statements: \([0-9]*\).*/\1/')
    MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | sed -n "$(( (REQUESTS + 1) / 2 ))p")
    echo "$(echo "$MEDIAN * 1000" | bc) ${STATEMENTS:-?}" >> "$1"
  done
}

measure "$WORK/demo"
DEMO_STATS=$(psql -qtA -d "$DB" -c "SELECT (SELECT count(*) FROM case_file WHERE state NOT IN ('ARCHIVED', 'DECLINED', 'MERGED')) || ' ' || (SELECT count(*) FROM report) || ' ' || (SELECT count(*) FROM case_history)")

T0=$(date +%s.%N)
psql -q -v ON_ERROR_STOP=1 -d "$DB" -v open="$OPEN" -v total="$REPORTS" > /dev/null <<'SQL'
CREATE TEMP TABLE places AS
  SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.id, r.path,
         CASE WHEN r.region_level = 'COMPOUND' THEN r.parent_id ELSE r.id END AS community_id,
         COALESCE(r.latitude, p.latitude) AS lat, COALESCE(r.longitude, p.longitude) AS lng
  FROM region r LEFT JOIN region p ON p.id = r.parent_id
  WHERE r.region_level IN ('COMMUNITY', 'COMPOUND');
CREATE TEMP TABLE cats AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, accept_minutes, handle_minutes FROM category
  WHERE leaf AND active AND accept_minutes IS NOT NULL AND handle_minutes IS NOT NULL ORDER BY id LIMIT 40;
CREATE TEMP TABLE units AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM org_unit WHERE kind IN ('DEPARTMENT', 'SQUADRON');
-- cases 1 … :open are open (received in the last 30 days), the rest closed over the last two years
CREATE TEMP TABLE g AS
  SELECT i, 2000000 + i AS id, 'V' || lpad(i::text, 9, '0') AS code, pl.id AS place_id, pl.path, pl.community_id,
         round((pl.lat + (random() - 0.5) * 0.012)::numeric, 6) AS lat,
         round((pl.lng + (random() - 0.5) * 0.012)::numeric, 6) AS lng,
         ca.id AS category_id, ca.accept_minutes, ca.handle_minutes, un.id AS unit_id,
         (ARRAY['QR_CODE', 'HOTLINE_12345', 'QR_CODE', 'PHONE', 'WALK_IN', 'PATROL', 'GRID', 'COMMUNITY_BODY',
                'WHISTLE', 'HOTLINE_12345', 'API'])[1 + i % 11] AS channel,
         CASE WHEN i <= :open THEN now() - random() * interval '30 days'
              ELSE now() - interval '30 days' - random() * interval '700 days' END AS created_at,
         CASE WHEN i <= :open THEN (ARRAY['PENDING', 'ACCEPTED', 'REGISTERED', 'DISPATCHED', 'DISPATCHED', 'HANDLING',
                                           'HANDLING', 'FEEDBACK'])[1 + i % 8]
              WHEN i % 10 = 0 THEN 'CLOSED' ELSE 'ARCHIVED' END AS state,
         (1 + random() * 120)::int AS resp, random() AS fate
  FROM generate_series(1, :total) i
  JOIN places pl ON pl.n = i % (SELECT count(*) FROM places)
  JOIN cats ca ON ca.n = (i / 7 + i % 5) % (SELECT count(*) FROM cats)
  JOIN units un ON un.n = (i / 3) % (SELECT count(*) FROM units);
INSERT INTO report (id, tracking_code, channel, kind, status, community_id, place_id, region_path, category_id,
                    description, latitude, longitude, received_at, rating, rated_at)
SELECT id, code, channel, 'COMPLAINT',
       CASE state WHEN 'PENDING' THEN 'PENDING' WHEN 'CLOSED' THEN 'CLOSED' WHEN 'ARCHIVED' THEN 'CLOSED'
                  ELSE 'IN_PROGRESS' END,
       community_id, CASE WHEN place_id = community_id THEN NULL ELSE place_id END, path, category_id,
       '基准测试生成的诉求', lat, lng, created_at,
       CASE WHEN state = 'ARCHIVED' THEN CASE WHEN fate < 0.5 THEN 'FAIRLY_SATISFIED' ELSE 'SATISFIED' END END,
       CASE WHEN state = 'ARCHIVED' THEN created_at + interval '3 days' END
FROM g;
-- deadlines from the category's limits, squeezed for open cases so that some are overdue, some due soon
INSERT INTO case_file (id, report_id, tracking_code, channel, state, handling_mode, category_id, community_id,
                       region_path, assignee_unit_id, accept_due_at, handle_started_at, handle_due_at,
                       escalation_level, rework_count, created_at, closed_at, accept_warn_at, handle_warn_at)
SELECT id, id, code, channel, state, 'DISPATCHED', category_id, community_id, path,
       CASE WHEN state IN ('DISPATCHED', 'HANDLING', 'FEEDBACK', 'CLOSED', 'ARCHIVED') THEN unit_id END,
       created_at + accept_minutes * interval '1 minute' * (1 + fate * 600),
       CASE WHEN state NOT IN ('PENDING', 'ACCEPTED') THEN created_at + resp * interval '1 minute' END,
       CASE WHEN state NOT IN ('PENDING', 'ACCEPTED')
            THEN created_at + resp * interval '1 minute' + handle_minutes * interval '1 minute' * (1 + fate * 20) END,
       CASE WHEN i <= :open AND i % 97 = 0 THEN 1 ELSE 0 END,
       CASE WHEN fate BETWEEN 0.12 AND 0.15 THEN 1 ELSE 0 END, created_at,
       CASE WHEN state IN ('CLOSED', 'ARCHIVED') THEN created_at + interval '2 days' END,
       -- the stored 80 % warnings the 即将超期 tab filters on (natural time here; the calendar's own in the app)
       created_at + accept_minutes * interval '1 minute' * (1 + fate * 600) * 0.8,
       CASE WHEN state NOT IN ('PENDING', 'ACCEPTED')
            THEN created_at + resp * interval '1 minute'
                 + handle_minutes * interval '1 minute' * (1 + fate * 20) * 0.8 END
FROM g;
INSERT INTO case_history (case_id, seq, occurred_at, actor, action, from_state, to_state, prev_hash, hash)
SELECT id, 1, created_at, '系统', 'OPENED', NULL, 'PENDING', 'bench', 'bench' FROM g
UNION ALL
SELECT id, 2, created_at + resp * interval '1 minute', 'dispatcher', 'ACCEPT', 'PENDING', 'ACCEPTED', 'bench', 'bench'
FROM g WHERE state <> 'PENDING'
UNION ALL
SELECT id, 3, created_at + (resp + 10) * interval '1 minute', 'dispatcher', 'DISPATCH', 'REGISTERED', 'DISPATCHED',
       'bench', 'bench'
FROM g WHERE state IN ('DISPATCHED', 'HANDLING', 'FEEDBACK', 'CLOSED', 'ARCHIVED')
UNION ALL
SELECT id, 4, created_at + interval '1 day', 'handler', 'FEEDBACK_DONE', 'HANDLING', 'FEEDBACK', 'bench', 'bench'
FROM g WHERE state IN ('FEEDBACK', 'CLOSED', 'ARCHIVED')
UNION ALL
SELECT id, 5, created_at + interval '2 days', 'dispatcher', 'VERIFY_PASS', 'FEEDBACK', 'CLOSED', 'bench', 'bench'
FROM g WHERE state IN ('CLOSED', 'ARCHIVED');
SELECT setval(pg_get_serial_sequence('report', 'id'), (SELECT max(id) FROM report));
SELECT setval(pg_get_serial_sequence('case_file', 'id'), (SELECT max(id) FROM case_file));
ANALYZE report;
ANALYZE case_file;
ANALYZE case_history;
SQL
T1=$(date +%s.%N)
BIG_STATS=$(psql -qtA -d "$DB" -c "SELECT (SELECT count(*) FROM case_file WHERE state NOT IN ('ARCHIVED', 'DECLINED', 'MERGED')) || ' ' || (SELECT count(*) FROM report) || ' ' || (SELECT count(*) FROM case_history)")
measure "$WORK/big"

read -r DC DR DH <<< "$DEMO_STATS"
read -r BC BR BH <<< "$BIG_STATS"
echo
echo "demo volume: $DC open cases, $DR reports, $DH history rows"
echo "bench volume: $BC open cases, $BR reports, $BH history rows (generated in $(printf '%.0f' "$(echo "$T1 - $T0" | bc)") s)"
echo "median of $REQUESTS requests after 3 warm-ups; statements per page view from the bench-only statement log"
echo
printf '%9s | %9s | %5s | %10s | %-16s | %s\n' "demo ms" "volume ms" "ratio" "statements" "goal ≤1.5×, ≤12" "page"
i=0
paste -d' ' "$WORK/demo" "$WORK/big" | while read -r dms dst bms bst; do
  IFS='|' read -r name _ _ <<< "${PAGES[$i]}"
  ratio=$(echo "scale=2; $bms / $dms" | bc)
  ok="ok"
  if [ "$(echo "$ratio > 1.5" | bc)" = "1" ]; then ok="SLOWER"; fi
  if [ "$bst" = "?" ] || [ "$bst" -gt 12 ]; then ok="$ok, STATEMENTS"; fi
  printf '%9.1f | %9.1f | %5.2f | %4s → %-3s | %-16s | %s\n' "$dms" "$bms" "$ratio" "$dst" "$bst" "$ok" "$name"
  i=$((i + 1))
done
