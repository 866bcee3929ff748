#!/usr/bin/env bash
# Benchmark (issue 17): anonymous intake against the app's own ceiling and against PostgreSQL, in one run.
# One after the other, at 8 and at 32 clients (keep-alive, wrk from Debian):
#   1. static   GET /css/app.css              — the same app, clients and filter chain serving a small file
#   2. intake   POST /api/v1/reports (JSON)   — new reports without photos, each with its own idempotency key,
#               phone and position in a demo community; only 201 answers are counted
#   3. pgbench  the same statements as one report in one transaction (replay check, duplicate search, report,
#               timeline entry, duplicate row if any, case, first history entry), prepared, on the same database
# Prints the three rates, intake/static and intake/pgbench, p50/p99 of each, the app's CPU per request and the
# load client's CPU. The per-address and per-phone limits are raised, not switched off: the limiter stays in the
# path. A fresh PostgreSQL database with the demo data; dropped at the end.
# Usage: bench/intake.sh                 DURATION=20 (seconds per phase), CLIENTS="8 32", PORT=18086
#        BENCH_PROFILE=1 also records the 8-client intake phase with JFR and prints the hottest frames.
# Needs: JDK 17+, psql, pgbench, curl; wrk (installed with apt-get if missing). PostgreSQL at PGHOST (127.0.0.1).
# On a machine shared with other work the rates are noisy: compare the ratios of one run, not runs.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18086}"
DURATION="${DURATION:-20}"
read -r -a CLIENTS <<< "${CLIENTS:-8 32}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
DB="bench_intake_$$"
WORK="$(mktemp -d)"
APP=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk > /dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y wrk > /dev/null
fi
[ -n "${JAR:-}" ] || { ./mvnw -q -B -ntp -DskipTests package; JAR=$(ls -t target/chengguan-*.jar | head -n 1); }
psql -q -d postgres -c "CREATE DATABASE $DB"

JFR_OPTS=""
[ -n "${BENCH_PROFILE:-}" ] && JFR_OPTS="-XX:FlightRecorderOptions:stackdepth=256"
SPRING_PROFILES_ACTIVE=demo SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" \
  SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  java -Xmx512m $JFR_OPTS ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --chengguan.jobs.enabled=false \
  --chengguan.demo.case-history=false \
  --chengguan.intake.reports-per-ip.capacity=1000000000 --chengguan.intake.reports-per-phone.capacity=1000000000 \
  > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  kill -0 "$APP" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null || { tail -50 "$WORK/app.log"; exit 1; }
# the demo communities arrive just after the server starts listening
for _ in $(seq 1 120); do
  [ "$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM region WHERE region_level = 'COMMUNITY' AND latitude IS NOT NULL")" -gt 0 ] && break
  sleep 1
done
sleep 5

# --- what the load sends: demo communities with their positions, reportable categories
psql -tA -F ' ' -d "$DB" -c "SELECT code, latitude, longitude FROM region WHERE region_level = 'COMMUNITY' AND latitude IS NOT NULL ORDER BY code" > "$WORK/places"
psql -tA -d "$DB" -c "SELECT code FROM category WHERE leaf AND active ORDER BY code LIMIT 40" > "$WORK/categories"
{
  echo "places = {"; awk '{printf "  {\"%s\", %s, %s},\n", $1, $2, $3}' "$WORK/places"; echo "}"
  echo "categories = {"; awk '{printf "  \"%s\",\n", $1}' "$WORK/categories"; echo "}"
  cat <<'LUA'
local threads = {}
local counter = 0
local thread_id = 0
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  created = 0
  other = 0
  thread_id = id
  math.randomseed(os.time() * 1000 + id)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local p = places[math.random(#places)]
  local lat = p[2] + (math.random() - 0.5) * 0.01
  local lng = p[3] + (math.random() - 0.5) * 0.01
  local body = string.format('{"communityCode":"%s","categoryCode":"%s","kind":"COMPLAINT",'
    .. '"description":"压测：路边垃圾没人清理","lat":%.6f,"lng":%.6f,"accuracy":20,'
    .. '"phone":"139%08d","idempotencyKey":"bench-%d-%d-%d"}',
    p[1], categories[math.random(#categories)], lat, lng, math.random(0, 99999999), thread_id, counter, math.random(1, 1e9))
  return wrk.format(nil, "/api/v1/reports", nil, body)
end
function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end
function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("CREATED %d OTHER %d SECONDS %.3f\n", c, o, summary.duration / 1e6))
end
LUA
} > "$WORK/intake.lua"
cat > "$WORK/static.lua" <<'LUA'
function done(summary, latency, requests)
  io.write(string.format("OK %d SECONDS %.3f\n", summary.requests - summary.errors.status, summary.duration / 1e6))
end
LUA

COMMUNITY_ID=$(psql -tA -d "$DB" -c "SELECT id FROM region WHERE region_level = 'COMMUNITY' ORDER BY code LIMIT 1")
REGION_PATH=$(psql -tA -d "$DB" -c "SELECT path FROM region WHERE id = $COMMUNITY_ID")
CATEGORY_ID=$(psql -tA -d "$DB" -c "SELECT id FROM category WHERE leaf AND active ORDER BY code LIMIT 1")
cat > "$WORK/report.sql" <<'SQL'
\set lat random(34800000, 34900000)
\set lng random(117400000, 117500000)
\set row (:lat / 1000)
\set col (:lng / 2000)
\set cell :row * 1000000 + :col
\set b0 :cell - 1000001
\set b1 :cell - 999999
\set c0 :cell - 1
\set c1 :cell + 1
\set a0 :cell + 999999
\set a1 :cell + 1000001
BEGIN;
SELECT id, tracking_code, duplicate_candidates FROM report WHERE idempotency_key = 'pgbench-' || CAST(:client_id AS TEXT) || '-' || random();
SELECT COALESCE(MAX(id), 0) AS candidate FROM (SELECT id, latitude, longitude FROM report WHERE category_id = :category
  AND (geo_cell BETWEEN :b0 AND :b1 OR geo_cell BETWEEN :c0 AND :c1 OR geo_cell BETWEEN :a0 AND :a1)
  AND received_at >= now() - interval '72 hours' AND received_at <= now() AND status IN ('PENDING', 'IN_PROGRESS')
  ORDER BY received_at DESC LIMIT 50) c \gset
INSERT INTO report (tracking_code, channel, kind, status, community_id, place_id, region_path, category_id, description,
    latitude, longitude, geo_cell, location_accuracy_m, address, reporter_name, reporter_phone, received_at, received_by,
    idempotency_key, external_source, external_id, duplicate_candidates)
  VALUES (upper(substr(md5(random()::text), 1, 10)), 'API', 'COMPLAINT', 'PENDING', :community, NULL, :path, :category,
    '压测：路边垃圾没人清理', CAST(:lat AS NUMERIC) / 1000000, CAST(:lng AS NUMERIC) / 1000000, :cell, 20, NULL, NULL, '13900000000',
    now(), NULL, 'pgbench-' || gen_random_uuid(), NULL, NULL, 0) RETURNING id AS report_id, tracking_code \gset
INSERT INTO report_event (report_id, occurred_at, event_type, public_note, actor) VALUES (:report_id, now(), 'RECEIVED', NULL, NULL);
\if :candidate > 0
INSERT INTO report_duplicate (report_id, candidate_id, distance_m) VALUES (:report_id, :candidate, 0);
\endif
INSERT INTO case_file (report_id, tracking_code, channel, state, handling_mode, category_id, community_id, region_path,
    accept_due_at, created_at)
  VALUES (:report_id, :tracking_code, 'API', 'PENDING', 'DISPATCHED', :category, :community, :path, now() + interval '1 hour', now())
  RETURNING id AS case_id \gset
INSERT INTO case_history (case_id, seq, occurred_at, actor, action, from_state, to_state, note, photo_ids, prev_hash, hash)
  VALUES (:case_id, 1, now(), '系统', 'OPENED', NULL, 'PENDING', '来源：小程序/APP', NULL, repeat('0', 64), md5(random()::text) || md5(random()::text));
END;
SQL

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
# wrk: rate, p50, p99 (ms), the client's CPU % of one core, the app's CPU ms per counted request
run_wrk() {
  local clients="$1" script="$2" url="$3" out="$WORK/wrk.out" before after t0 t1 wrk_cpu
  before=$(cpu_ticks "$APP")
  /usr/bin/time -f "%U %S %e" -o "$WORK/wrk.time" \
    wrk -t2 -c"$clients" -d"${DURATION}s" --latency -s "$script" "$url" > "$out"
  after=$(cpu_ticks "$APP")
  local ok secs p50 p99
  read -r ok secs < <(awk '/^CREATED/ {print $2, $6} /^OK/ {print $2, $4}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out"); p99=$(awk '$1 == "99%" {print $2}' "$out")
  wrk_cpu=$(awk '{printf "%.0f", ($1 + $2) / $3 * 100}' "$WORK/wrk.time")
  local other; other=$(awk '/^CREATED/ {print $4}' "$out"); other="${other:-0}"
  awk -v ok="$ok" -v s="$secs" -v p50="$p50" -v p99="$p99" -v cpu="$wrk_cpu" -v app=$((after - before)) -v tick="$TICK" -v other="$other" \
    'BEGIN { printf "%.0f %s %s %s %.2f %s\n", ok / s, p50, p99, cpu, (ok > 0 ? app * 1000 / tick / ok : 0), other }'
}
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else if (v ~ /s$/) printf "%.2f", v * 1000; else print v }'; }
run_pgbench() {
  local clients="$1"
  rm -f "$WORK"/pgbench_log.*
  (cd "$WORK" && pgbench -n -M prepared -c "$clients" -j 2 -T "$DURATION" -l -f "$WORK/report.sql" \
    -D community="$COMMUNITY_ID" -D category="$CATEGORY_ID" -D path="$REGION_PATH" "$DB" > "$WORK/pgbench.out" 2>&1) \
    || { cat "$WORK/pgbench.out"; return 1; }
  local tps; tps=$(awk '/^tps/ {printf "%.0f", $3}' "$WORK/pgbench.out")
  cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n > "$WORK/lat"
  local n; n=$(wc -l < "$WORK/lat")
  local p50 p99
  p50=$(awk -v n="$n" 'NR == int(n * 0.50) + 1 {printf "%.2f", $1 / 1000; exit}' "$WORK/lat")
  p99=$(awk -v n="$n" 'NR == int(n * 0.99) + 1 {printf "%.2f", $1 / 1000; exit}' "$WORK/lat")
  echo "$tps $p50 $p99"
}

# warm-up: JIT, connection pool, caches
wrk -t2 -c8 -d10s "http://127.0.0.1:$PORT/css/app.css" > /dev/null
wrk -t2 -c8 -d10s -s "$WORK/intake.lua" "http://127.0.0.1:$PORT" > /dev/null

echo
echo "intake bench — $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), ${DURATION}s per phase"
printf '%-8s %-8s %9s %9s %9s %9s %12s\n' clients phase "req/s" "p50 ms" "p99 ms" "wrk CPU%" "app CPU ms"
declare -A RATE
for c in "${CLIENTS[@]}"; do
  read -r rate p50 p99 cpu app _ < <(run_wrk "$c" "$WORK/static.lua" "http://127.0.0.1:$PORT/css/app.css")
  RATE[static$c]=$rate
  printf '%-8s %-8s %9s %9s %9s %9s %12s\n' "$c" static "$rate" "$(to_ms "$p50")" "$(to_ms "$p99")" "$cpu" "$app"
  if [ -n "${BENCH_PROFILE:-}" ] && [ "$c" = "${CLIENTS[0]}" ]; then
    jcmd "$APP" JFR.start name=intake settings=profile filename="$WORK/intake.jfr" > /dev/null
  fi
  read -r rate p50 p99 cpu app other < <(run_wrk "$c" "$WORK/intake.lua" "http://127.0.0.1:$PORT")
  if [ -n "${BENCH_PROFILE:-}" ] && [ "$c" = "${CLIENTS[0]}" ]; then
    jcmd "$APP" JFR.stop name=intake > /dev/null
  fi
  RATE[intake$c]=$rate
  printf '%-8s %-8s %9s %9s %9s %9s %12s\n' "$c" intake "$rate" "$(to_ms "$p50")" "$(to_ms "$p99")" "$cpu" "$app"
  [ "$other" != "0" ] && echo "         ($other intake answers were not 201 and are not counted)"
  read -r rate p50 p99 < <(run_pgbench "$c")
  RATE[pgbench$c]=$rate
  printf '%-8s %-8s %9s %9s %9s %9s %12s\n' "$c" pgbench "$rate" "$p50" "$p99" "-" "-"
done
echo
for c in "${CLIENTS[@]}"; do
  awk -v c="$c" -v i="${RATE[intake$c]}" -v s="${RATE[static$c]}" -v p="${RATE[pgbench$c]}" \
    'BEGIN { printf "%2s clients: intake/static = %.2f (goal >= 0.5)   intake/pgbench = %.2f\n", c, i / s, i / p }'
done
echo "reports stored: $(psql -tA -d "$DB" -c 'SELECT COUNT(*) FROM report') (cases: $(psql -tA -d "$DB" -c 'SELECT COUNT(*) FROM case_file'))"
if [ -n "${BENCH_PROFILE:-}" ] && [ -f "$WORK/intake.jfr" ]; then
  echo
  echo "where the time goes in the ${CLIENTS[0]}-client intake phase (JFR execution samples of the app's threads;"
  echo "a sample counts for every group with a frame in its stack, so the shares overlap):"
  jfr print --events jdk.ExecutionSample "$WORK/intake.jfr" > "$WORK/samples.txt"
  cat > "$WORK/groups.awk" <<'AWK'
BEGIN {
  g = 0
  pattern[++g] = "org\\.apache\\.(catalina|coyote|tomcat)";   label[g] = "Tomcat (HTTP parsing, connector)"
  pattern[++g] = "org\\.springframework\\.security";          label[g] = "Spring Security filter chain"
  pattern[++g] = "org\\.springframework\\.web\\.servlet";     label[g] = "Spring MVC dispatch"
  pattern[++g] = "tools\\.jackson";                           label[g] = "JSON (Jackson)"
  pattern[++g] = "chengguan\\.intake";                        label[g] = "intake code (inclusive)"
  pattern[++g] = "chengguan\\.cases";                         label[g] = "case opening (inclusive)"
  pattern[++g] = "io\\.github\\.bucket4j";                    label[g] = "rate limiter (Bucket4j)"
  pattern[++g] = "org\\.springframework\\.transaction";       label[g] = "transaction management"
  pattern[++g] = "org\\.springframework\\.jdbc";              label[g] = "Spring JDBC (JdbcClient)"
  pattern[++g] = "com\\.zaxxer";                              label[g] = "connection pool (Hikari)"
  pattern[++g] = "org\\.postgresql";                          label[g] = "PostgreSQL driver"
  pattern[++g] = "org\\.springframework\\.data";              label[g] = "Spring Data (cache misses)"
  pattern[++g] = "java\\.security\\.MessageDigest";           label[g] = "SHA-256 (history hash)"
  pattern[++g] = "ch\\.qos\\.logback";                        label[g] = "logging"
}
/jdk\.ExecutionSample/ { if (inside) finish(); inside = 1; split("", seen); next }
inside && /line:/ { for (i = 1; i <= g; i++) if ($0 ~ pattern[i]) seen[i] = 1 }
function finish(   i) { total++; for (i in seen) count[i]++ }
END {
  if (inside) finish()
  printf "  %d samples\n", total
  for (i = 1; i <= g; i++) printf "  %5.1f %%  %s\n", (total ? 100 * count[i] / total : 0), label[i]
}
AWK
  awk -f "$WORK/groups.awk" "$WORK/samples.txt"
fi
