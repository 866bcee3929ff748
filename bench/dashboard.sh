#!/usr/bin/env bash
# Benchmark: the leaders' dashboard at 10,000, 100,000 and 1,000,000 cases. Creates a fresh PostgreSQL database,
# starts the demo instance on it (scheduled jobs off), generates cases across the demo regions and the last two
# years directly in SQL (report + case_file + the case_history rows the rollups read), rebuilds the rollups through
# the admin endpoint, and times /assessment/dashboard signed in as the demo leader (district scope): median of
# 15 requests after 3 warm-up requests. Prints a table; the database is dropped at the end.
# Usage: bench/dashboard.sh [sizes...]      (default: 10000 100000 1000000; each size adds to the one before)
#        BENCH_KEEP_DB=1 keeps the database for a closer look (drop it yourself afterwards)
# Needs: psql and curl; PostgreSQL at PGHOST (127.0.0.1), user PGUSER (postgres).
# Times are wall-clock: on a machine shared with other work, compare sizes under the same load (keep two databases
# with BENCH_KEEP_DB=1, serve both and alternate requests) rather than across runs minutes apart.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("${@:-10000 100000 1000000}")
read -r -a SIZES <<< "${SIZES[*]}"
PORT="${PORT:-18081}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
DB="bench_dashboard_$$"
WORK="$(mktemp -d)"
APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  if [ -n "${BENCH_KEEP_DB:-}" ]; then echo "kept database $DB"; else
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB" > /dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -q -B -ntp -DskipTests package
JAR=$(ls -t target/chengguan-*.jar | head -n 1)
psql -q -d postgres -c "CREATE DATABASE $DB"

SPRING_PROFILES_ACTIVE=demo SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" \
  SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --chengguan.jobs.enabled=false \
  > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 180); do
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
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/admin" "http://localhost:$PORT/assessment/kpis")" = "200" ] && break
  sleep 1
done
sign_in "$WORK/leader" leader

# adds cases start+1 … stop, spread over the demo communities and compounds, 40 categories and the last 730 days
generate() {
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -v start="$1" -v stop="$2" <<'SQL'
CREATE TEMP TABLE places AS
  SELECT row_number() OVER (ORDER BY r.id) - 1 AS n, r.id, r.path,
         CASE WHEN r.region_level = 'COMPOUND' THEN r.parent_id ELSE r.id END AS community_id,
         COALESCE(r.latitude, p.latitude) AS lat, COALESCE(r.longitude, p.longitude) AS lng
  FROM region r LEFT JOIN region p ON p.id = r.parent_id
  WHERE r.region_level IN ('COMMUNITY', 'COMPOUND');
CREATE TEMP TABLE cats AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM category
  WHERE leaf AND active AND accept_minutes IS NOT NULL AND handle_minutes IS NOT NULL ORDER BY id LIMIT 40;
CREATE TEMP TABLE units AS
  SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM org_unit WHERE kind IN ('DEPARTMENT', 'SQUADRON');
CREATE TEMP TABLE g AS
  SELECT i, 1000000 + i AS id, 'B' || lpad(i::text, 9, '0') AS code, pl.id AS place_id, pl.path, pl.community_id,
         round((pl.lat + (random() - 0.5) * 0.012)::numeric, 6) AS lat,
         round((pl.lng + (random() - 0.5) * 0.012)::numeric, 6) AS lng,
         ca.id AS category_id, un.id AS unit_id,
         (ARRAY['QR_CODE', 'HOTLINE_12345', 'QR_CODE', 'PHONE', 'WALK_IN', 'PATROL', 'GRID', 'COMMUNITY_BODY',
                'WHISTLE', 'HOTLINE_12345', 'API'])[1 + i % 11] AS channel,
         now() - random() * interval '730 days' AS created_at,
         (1 + random() * 120)::int AS resp, (30 + random() * 2880)::int AS handle, random() AS fate
  FROM generate_series(:start + 1, :stop) i
  JOIN places pl ON pl.n = i % (SELECT count(*) FROM places)
  JOIN cats ca ON ca.n = (i / 7 + i % 5) % (SELECT count(*) FROM cats)
  JOIN units un ON un.n = (i / 3) % (SELECT count(*) FROM units);
ALTER TABLE g ADD COLUMN state varchar(16);
UPDATE g SET state = CASE
  WHEN created_at > now() - interval '3 days' THEN
    CASE WHEN fate < 0.3 THEN 'PENDING' WHEN fate < 0.5 THEN 'ACCEPTED' WHEN fate < 0.8 THEN 'DISPATCHED' ELSE 'HANDLING' END
  WHEN fate < 0.03 THEN 'DECLINED'
  WHEN fate < 0.04 THEN 'HANDLING'
  WHEN fate < 0.12 THEN 'CLOSED'
  ELSE 'ARCHIVED' END;
INSERT INTO report (id, tracking_code, channel, kind, status, community_id, place_id, region_path, category_id,
                    description, latitude, longitude, received_at, rating, rated_at)
SELECT id, code, channel, 'COMPLAINT',
       CASE state WHEN 'PENDING' THEN 'PENDING' WHEN 'DECLINED' THEN 'DECLINED'
                  WHEN 'CLOSED' THEN 'CLOSED' WHEN 'ARCHIVED' THEN 'CLOSED' ELSE 'IN_PROGRESS' END,
       community_id, CASE WHEN place_id = community_id THEN NULL ELSE place_id END, path, category_id,
       '基准测试生成的诉求', lat, lng, created_at,
       CASE WHEN state = 'ARCHIVED' THEN CASE WHEN fate < 0.5 THEN 'FAIRLY_SATISFIED' ELSE 'SATISFIED' END END,
       CASE WHEN state = 'ARCHIVED' THEN created_at + interval '3 days' END
FROM g;
INSERT INTO case_file (id, report_id, tracking_code, channel, state, handling_mode, category_id, community_id,
                       region_path, assignee_unit_id, accept_due_at, handle_started_at, handle_due_at, rework_count,
                       created_at, closed_at)
SELECT id, id, code, channel, state, 'DISPATCHED', category_id, community_id, path,
       CASE WHEN state IN ('DISPATCHED', 'HANDLING', 'CLOSED', 'ARCHIVED') THEN unit_id END,
       created_at + interval '60 minutes',
       CASE WHEN state NOT IN ('PENDING', 'ACCEPTED', 'DECLINED') THEN created_at + resp * interval '1 minute' END,
       CASE WHEN state NOT IN ('PENDING', 'ACCEPTED', 'DECLINED') THEN created_at + (resp + 1440) * interval '1 minute' END,
       CASE WHEN fate BETWEEN 0.12 AND 0.15 THEN 1 ELSE 0 END, created_at,
       CASE WHEN state IN ('CLOSED', 'ARCHIVED', 'DECLINED') THEN created_at + (resp + 10 + handle + 30) * interval '1 minute' END
FROM g;
INSERT INTO case_history (case_id, seq, occurred_at, actor, action, from_state, to_state, prev_hash, hash)
SELECT id, 1, created_at, '系统', 'OPENED', NULL, 'PENDING', 'bench', 'bench' FROM g
UNION ALL
SELECT id, 2, created_at + resp * interval '1 minute', 'dispatcher',
       CASE WHEN state = 'DECLINED' THEN 'DECLINE' ELSE 'ACCEPT' END, 'PENDING',
       CASE WHEN state = 'DECLINED' THEN 'DECLINED' ELSE 'ACCEPTED' END, 'bench', 'bench'
FROM g WHERE state <> 'PENDING'
UNION ALL
SELECT id, 3, created_at + (resp + 10) * interval '1 minute', 'dispatcher', 'DISPATCH', 'REGISTERED', 'DISPATCHED',
       'bench', 'bench'
FROM g WHERE state IN ('DISPATCHED', 'HANDLING', 'CLOSED', 'ARCHIVED')
UNION ALL
SELECT id, 4, created_at + (resp + 10 + handle) * interval '1 minute', 'handler', 'FEEDBACK_DONE', 'HANDLING',
       'FEEDBACK', 'bench', 'bench'
FROM g WHERE state IN ('CLOSED', 'ARCHIVED')
UNION ALL
SELECT id, 5, created_at + (resp + 10 + handle + 30) * interval '1 minute', 'dispatcher', 'VERIFY_PASS', 'FEEDBACK',
       'CLOSED', 'bench', 'bench'
FROM g WHERE state IN ('CLOSED', 'ARCHIVED')
UNION ALL
SELECT id, 6, created_at + interval '3 days', '居民回访', 'ARCHIVE', 'CLOSED', 'ARCHIVED', 'bench', 'bench'
FROM g WHERE state = 'ARCHIVED';
SELECT setval(pg_get_serial_sequence('report', 'id'), (SELECT max(id) FROM report));
SELECT setval(pg_get_serial_sequence('case_file', 'id'), (SELECT max(id) FROM case_file));
ANALYZE report;
ANALYZE case_file;
ANALYZE case_history;
SQL
}

# seconds for one request, signed in with cookie jar $1; fails on anything but 200
timed() {
  curl -s -o "$WORK/page.html" -w '%{http_code} %{time_total}\n' -b "$1" "$2" | {
    read -r code seconds
    [ "$code" = "200" ] || { echo "HTTP $code for $2" >&2; exit 1; }
    echo "$seconds"
  }
}

ROWS=()
DONE=0
for SIZE in "${SIZES[@]}"; do
  T0=$(date +%s.%N)
  generate "$DONE" "$SIZE" > /dev/null
  T1=$(date +%s.%N)
  TOKEN=$(curl -fs -b "$WORK/admin" -c "$WORK/admin" "http://localhost:$PORT/assessment/kpis" | grep -o 'name="_csrf" content="[^"]*"' | sed 's/.*content="//;s/"//')
  CODE=$(curl -s -o "$WORK/rebuild.html" -w '%{http_code}' -b "$WORK/admin" --data-urlencode "_csrf=$TOKEN" \
    "http://localhost:$PORT/assessment/rollups/rebuild")
  [ "$CODE" = "302" ] || { echo "rebuild refused: HTTP $CODE"; tail -40 "$WORK/app.log"; exit 1; }
  T2=$(date +%s.%N)
  DONE=$SIZE
  URL="http://localhost:$PORT/assessment/dashboard"
  for _ in 1 2 3; do timed "$WORK/leader" "$URL" > /dev/null; done
  grep -q 'id="kpi-CLOSURE_RATE"' "$WORK/page.html" || { echo "dashboard without figures"; exit 1; }
  TIMES=()
  for _ in $(seq 1 15); do TIMES+=("$(timed "$WORK/leader" "$URL")"); done
  MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | sed -n 8p)
  SHOWN=$(grep -o 'id="kpi-CLOSURE_RATE">[^<]*' "$WORK/page.html" | sed 's/.*>//')
  HEAT=$(timed "$WORK/leader" "http://localhost:$PORT/assessment/heatmap?from=$(date -d '-11 months' +%Y-%m)&to=$(date +%Y-%m)")
  STATS=$(psql -qtA -d "$DB" -c "SELECT (SELECT count(*) FROM case_file) || ' ' || (SELECT count(*) FROM case_history) || ' ' || (SELECT count(*) FROM assessment_rollup)")
  read -r CASES HISTORY ROLLUP <<< "$STATS"
  ROWS+=("$(printf '%9s | %9s | %8s | %7.1f s | %7.1f s | %10.0f ms | %8.0f ms' "$CASES" "$HISTORY" "$ROLLUP" \
    "$(echo "$T1 - $T0" | bc)" "$(echo "$T2 - $T1" | bc)" "$(echo "$MEDIAN * 1000" | bc)" "$(echo "$HEAT * 1000" | bc)")")
  echo "${ROWS[-1]}   (办结率 shown: $SHOWN)"
done

echo
echo "    cases |   history |  rollups | generate | rebuild | dashboard (median) | heat map (12 months)"
printf '%s\n' "${ROWS[@]}"
