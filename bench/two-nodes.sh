#!/usr/bin/env bash
# Two app nodes (the packaged jar, profiles demo + cluster) on one fresh PostgreSQL database behind HAProxy, rate
# limits in Redis. Intake load goes through HAProxy while node A is killed (kill -9) and started again. Then it
# prints and checks (issue 17, part 4):
#   - 0 acknowledged reports lost, 0 duplicates (clients retry a failed request with the same idempotency key),
#     and every report has exactly one case
#   - a staff session signed in on node A keeps working on node B after A is killed (Spring Session JDBC)
#   - scheduled jobs ran once per period: 300 outbox messages queued while both nodes relay every second
#     (ShedLock) are each sent once
#   - rate limits hold across nodes: one phone alternating between A and B gets the per-phone allowance once
#   - a category deactivated on node A is refused by node B within seconds (reference caches)
# Usage: bench/two-nodes.sh        PORT_A=18186 PORT_B=18286 PORT_LB=18386 WORKERS=4 REPORTS=120
#        REDIS_URL=redis://127.0.0.1:6379/0  JAR=target/chengguan-….jar (default: build it)
# Needs: JDK 17+, psql, curl, redis-cli, haproxy (installed with apt-get if missing), Redis and PostgreSQL running.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT_A="${PORT_A:-18186}" PORT_B="${PORT_B:-18286}" PORT_LB="${PORT_LB:-18386}"
WORKERS="${WORKERS:-4}" REPORTS="${REPORTS:-120}"
REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}"
DB="bench_two_nodes_$$"
WORK="$(mktemp -d)"
NODE_A="" NODE_B="" LB=""
LOADERS=()
cleanup() {
  for pid in "${LOADERS[@]}" $NODE_A $NODE_B $LB; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" > /dev/null 2>&1 || true
  [ -n "${BENCH_KEEP_LOGS:-}" ] && echo "logs kept in $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

command -v haproxy > /dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy > /dev/null
redis-cli -u "$REDIS_URL" ping > /dev/null || { echo "Redis does not answer at $REDIS_URL"; exit 1; }
[ -n "${JAR:-}" ] || { ./mvnw -q -B -ntp -DskipTests package; JAR=$(ls -t target/chengguan-*.jar | head -n 1); }
psql -q -d postgres -c "CREATE DATABASE $DB"

# both nodes seal the case history with the same key, as every node of a real cluster must (README, 安全)
HISTORY_KEY="bench:$(head -c 32 /dev/urandom | base64 -w0)"
# one node: $1 = name, $2 = port; output appended to $WORK/<name>.log (a restarted node continues its log)
start_node() {
  SPRING_PROFILES_ACTIVE=demo,cluster SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:5432/$DB" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    CHENGGUAN_REDIS_URL="$REDIS_URL" CHENGGUAN_KEYS_HISTORY="$HISTORY_KEY" \
    java -Xmx384m ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$2" \
    --chengguan.demo.case-history=false --chengguan.data-dir="$WORK/data-$1" \
    --chengguan.notifications.relay-interval=PT1S \
    --chengguan.intake.reports-per-ip.capacity=1000000000 \
    >> "$WORK/$1.log" 2>&1 &
  echo $!
}
wait_healthy() {   # $1 = port, $2 = pid
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$1/actuator/health" > /dev/null && return 0
    kill -0 "$2" 2>/dev/null || { echo "node on port $1 stopped:"; grep -m 3 -E 'ERROR|Exception' "$WORK"/*.log; return 1; }
    sleep 1
  done
  echo "node on port $1 did not come up"; return 1
}
# signs in through the login form on port $1; leaves the session in the cookie jar $2
sign_in() {
  local port="$1" jar="$2" user="$3" token
  token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$user" --data-urlencode "password=Demo@2026" \
    --data-urlencode "_csrf=$token" "http://127.0.0.1:$port/login"
}
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

cat > "$WORK/haproxy.cfg" <<CFG
global
  maxconn 512
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 3
  option redispatch
frontend intake
  bind 127.0.0.1:$PORT_LB
  default_backend nodes
backend nodes
  balance roundrobin
  option httpchk GET /actuator/health
  server a 127.0.0.1:$PORT_A check inter 500ms fall 2 rise 2
  server b 127.0.0.1:$PORT_B check inter 500ms fall 2 rise 2
CFG
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
LB=$!

echo "starting node A (demo data on the fresh database), then node B"
NODE_A=$(start_node a "$PORT_A"); wait_healthy "$PORT_A" "$NODE_A"
for _ in $(seq 1 120); do
  sign_in "$PORT_A" "$WORK/admin" admin || true
  [ "$(status_of -b "$WORK/admin" "http://127.0.0.1:$PORT_A/catalog/categories")" = "200" ] && break
  sleep 1
done
NODE_B=$(start_node b "$PORT_B"); wait_healthy "$PORT_B" "$NODE_B"
sleep 2

# --- a staff session signed in on node A
sign_in "$PORT_A" "$WORK/dispatcher" dispatcher
SESSION_BEFORE=$(status_of -b "$WORK/dispatcher" "http://127.0.0.1:$PORT_A/cases")

# --- 300 outbox messages falling due over the next 40 s, while both nodes relay every second
psql -q -d "$DB" -c "INSERT INTO notification_outbox (channel, recipient, message, created_at, next_attempt_at)
  SELECT 'SMS', '1390000' || lpad(g::text, 4, '0'), 'two-nodes message ' || g || ' end', now(),
         now() + (g % 40) * interval '1 second' FROM generate_series(1, 300) g"

# --- intake load through HAProxy; a failed request is retried with the same idempotency key
psql -tA -F ' ' -d "$DB" -c "SELECT code, latitude, longitude FROM region WHERE region_level = 'COMMUNITY' AND latitude IS NOT NULL ORDER BY code" > "$WORK/places"
worker() {
  local w="$1" i attempt code body key place lat lng
  mapfile -t places < "$WORK/places"
  for i in $(seq 1 "$REPORTS"); do
    key="two-$w-$i-$$"
    read -r place lat lng <<< "${places[$(( (w * 7 + i) % ${#places[@]} ))]}"
    body=$(printf '{"communityCode":"%s","categoryCode":"E0101","kind":"COMPLAINT","description":"双节点测试 %s","lat":%s,"lng":%s,"phone":"138%08d","idempotencyKey":"%s"}' \
      "$place" "$key" "$lat" "$lng" $(( (w * 100000 + i) )) "$key")
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      code=$(curl -s -m 10 -o "$WORK/resp-$w" -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary "$body" "http://127.0.0.1:$PORT_LB/api/v1/reports" || true)
      if [ "$code" = "201" ]; then
        echo "$key $(grep -o '"trackingCode":"[^"]*"' "$WORK/resp-$w" | cut -d'"' -f4)" >> "$WORK/acked-$w"
        break
      fi
      echo "$key attempt $attempt answered $code" >> "$WORK/retries-$w"
      sleep 0.3
    done
  done
}
echo "intake load: $WORKERS clients × $REPORTS reports through HAProxy :$PORT_LB"
for w in $(seq 1 "$WORKERS"); do worker "$w" & LOADERS+=($!); done
sleep 8
echo "kill -9 node A (pid $NODE_A) at $(date -u +%T)"
kill -9 "$NODE_A"; wait "$NODE_A" 2>/dev/null || true
KILLED_AT=$(date +%s)
sleep 1
SESSION_ON_B=$(status_of -b "$WORK/dispatcher" "http://127.0.0.1:$PORT_B/cases")
SESSION_VIA_LB=$(status_of -b "$WORK/dispatcher" "http://127.0.0.1:$PORT_LB/cases")
sleep 4
echo "starting node A again"
NODE_A=$(start_node a "$PORT_A"); wait_healthy "$PORT_A" "$NODE_A"
echo "node A back after $(( $(date +%s) - KILLED_AT )) s"
SESSION_ON_A_AGAIN=$(status_of -b "$WORK/dispatcher" "http://127.0.0.1:$PORT_A/cases")
for pid in "${LOADERS[@]}"; do wait "$pid"; done
LOADERS=()

# --- one phone alternating between the nodes: the per-phone allowance (10 a day) holds once, not twice
PHONE="137$(printf '%08d' $(( (RANDOM * 32768 + RANDOM) % 100000000 )))"
GRANTED=0 REFUSED=0
for i in $(seq 1 24); do
  port=$([ $((i % 2)) = 0 ] && echo "$PORT_A" || echo "$PORT_B")
  code=$(status_of -H 'Content-Type: application/json' --data-binary \
    "{\"communityCode\":\"370471001001\",\"categoryCode\":\"E0101\",\"kind\":\"COMPLAINT\",\"description\":\"跨节点限流测试：路灯不亮\",\"phone\":\"$PHONE\",\"idempotencyKey\":\"limit-$$-$i\"}" \
    "http://127.0.0.1:$port/api/v1/reports")
  [ "$code" = "201" ] && GRANTED=$((GRANTED + 1))
  [ "$code" = "429" ] && REFUSED=$((REFUSED + 1))
done

# --- a category deactivated on node A, refused on node B
report_to_b() {
  status_of -H 'Content-Type: application/json' --data-binary \
    "{\"communityCode\":\"370471001001\",\"categoryCode\":\"$1\",\"kind\":\"COMPLAINT\",\"description\":\"分类缓存测试\",\"phone\":\"1360000$(printf '%04d' $((RANDOM % 10000)))\",\"idempotencyKey\":\"cat-$$-$RANDOM$RANDOM\"}" \
    "http://127.0.0.1:$PORT_B/api/v1/reports"
}
CAT_CODE=E0102
IFS='|' read -r CAT_ID CAT_NAME CAT_SORT CAT_DEPT CAT_MODE CAT_ACCEPT CAT_HANDLE CAT_BASIS CAT_LEGAL CAT_ICON < <(psql -tA -d "$DB" -c \
  "SELECT id, name, sort_order, COALESCE(responsible_department, ''), handling_mode, accept_minutes, handle_minutes, limit_basis,
          COALESCE(legal_basis, ''), COALESCE(icon, '') FROM category WHERE code = '$CAT_CODE'")
BEFORE_EDIT=$(report_to_b "$CAT_CODE")   # node B now holds the category in its cache
edit_category() {   # $1 = true/false
  local version token
  version=$(psql -tA -d "$DB" -c "SELECT version FROM category WHERE id = $CAT_ID")
  sign_in "$PORT_A" "$WORK/admin" admin
  token=$(curl -fs -b "$WORK/admin" -c "$WORK/admin" "http://127.0.0.1:$PORT_A/catalog/categories/$CAT_ID" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"//')
  status_of -b "$WORK/admin" -c "$WORK/admin" --data-urlencode "_csrf=$token" --data-urlencode "name=$CAT_NAME" \
    --data-urlencode "sortOrder=$CAT_SORT" --data-urlencode "responsibleDepartment=$CAT_DEPT" \
    --data-urlencode "handlingMode=$CAT_MODE" --data-urlencode "acceptMinutes=$CAT_ACCEPT" \
    --data-urlencode "handleMinutes=$CAT_HANDLE" --data-urlencode "limitBasis=$CAT_BASIS" \
    --data-urlencode "legalBasis=$CAT_LEGAL" --data-urlencode "icon=$CAT_ICON" --data-urlencode "active=$1" \
    --data-urlencode "version=$version" "http://127.0.0.1:$PORT_A/catalog/categories/$CAT_ID"
}
EDIT_STATUS=$(edit_category false)
EDIT_START=$(date +%s%N)
SEEN_MS=""
for _ in $(seq 1 60); do
  if [ "$(report_to_b "$CAT_CODE")" = "400" ]; then SEEN_MS=$(( ($(date +%s%N) - EDIT_START) / 1000000 )); break; fi
  sleep 0.25
done
RESTORE_STATUS=$(edit_category true)

# --- what the database says
# let the relays drain the outbox: the last messages fall due 40 s after they were queued, which on a quick run is
# after the load has ended (bounded: 90 s at the most)
for _ in $(seq 1 90); do
  [ "$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM notification_outbox WHERE message LIKE 'two-nodes message %' AND sent_at IS NULL")" = 0 ] && break
  sleep 1
done
sleep 3   # and what a relay had in hand
cat "$WORK"/acked-* 2>/dev/null | sort > "$WORK/acked"
ACKED=$(wc -l < "$WORK/acked")
RETRIED=$(cat "$WORK"/retries-* 2>/dev/null | wc -l)
psql -q -d "$DB" -c "CREATE TABLE bench_acked (idem TEXT, tracking_code TEXT)"
psql -q -d "$DB" -c "\\copy bench_acked FROM '$WORK/acked' WITH (DELIMITER ' ')"
LOST=$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM bench_acked a WHERE NOT EXISTS (
  SELECT 1 FROM report r WHERE r.idempotency_key = 'r:' || a.idem AND r.tracking_code = a.tracking_code)")
DUP_KEYS=$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM (SELECT idem FROM bench_acked GROUP BY idem HAVING COUNT(DISTINCT tracking_code) > 1) d")
DUP_REPORTS=$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM (SELECT description FROM report WHERE description LIKE '双节点测试 %' GROUP BY description HAVING COUNT(*) > 1) d")
STORED=$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM report WHERE description LIKE '双节点测试 %'")
CASELESS=$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM report r WHERE r.description LIKE '双节点测试 %' AND (SELECT COUNT(*) FROM case_file c WHERE c.report_id = r.id) <> 1")
OUTBOX_SENT=$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM notification_outbox WHERE message LIKE 'two-nodes message %' AND sent_at IS NOT NULL")
OUTBOX_MULTI=$(psql -tA -d "$DB" -c "SELECT COUNT(*) FROM notification_outbox WHERE message LIKE 'two-nodes message %' AND attempts <> 1")
SENT_LINES=$(cat "$WORK/a.log" "$WORK/b.log" | grep -c 'SMS to .*two-nodes message ' || true)
SENT_BY_A=$(grep -c 'SMS to .*two-nodes message ' "$WORK/a.log" || true)
SENT_BY_B=$(grep -c 'SMS to .*two-nodes message ' "$WORK/b.log" || true)
SENT_TWICE=$(cat "$WORK/a.log" "$WORK/b.log" | grep -o 'two-nodes message [0-9]* end' | sort | uniq -d | wc -l)

FAIL=0
check() {   # $1 = description, $2 = condition result (0 = pass)
  if [ "$2" = 0 ]; then echo "  PASS  $1"; else echo "  FAIL  $1"; FAIL=1; fi
}
t() { if eval "$1"; then echo 0; else echo 1; fi; }
echo
echo "two nodes — $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  reports acknowledged $ACKED of $((WORKERS * REPORTS)) sent (retried answers: $RETRIED); stored $STORED"
check "0 acknowledged reports lost (lost: $LOST)" "$(t "[ $LOST = 0 ] && [ $ACKED = $((WORKERS * REPORTS)) ]")"
check "0 duplicates (keys with two codes: $DUP_KEYS, descriptions stored twice: $DUP_REPORTS)" "$(t "[ $DUP_KEYS = 0 ] && [ $DUP_REPORTS = 0 ]")"
check "every report has exactly one case (without: $CASELESS)" "$(t "[ $CASELESS = 0 ]")"
check "staff session survives the kill: /cases on A before $SESSION_BEFORE, on B after $SESSION_ON_B, via HAProxy $SESSION_VIA_LB, on A again $SESSION_ON_A_AGAIN" \
  "$(t "[ $SESSION_BEFORE = 200 ] && [ $SESSION_ON_B = 200 ] && [ $SESSION_VIA_LB = 200 ] && [ $SESSION_ON_A_AGAIN = 200 ]")"
# a kill between a send and its commit may repeat that one message (at-least-once by design): allow one
check "outbox relayed once per message under ShedLock: sent $OUTBOX_SENT/300, log lines $SENT_LINES (A $SENT_BY_A, B $SENT_BY_B), sent twice $SENT_TWICE, attempts<>1 $OUTBOX_MULTI" \
  "$(t "[ $OUTBOX_SENT = 300 ] && [ $SENT_TWICE -le 1 ] && [ $OUTBOX_MULTI = 0 ]")"
check "rate limit across nodes: one phone alternating A/B got $GRANTED of 24 (allowance 10), $REFUSED answered 429" "$(t "[ $GRANTED = 10 ] && [ $REFUSED = 14 ]")"
check "category deactivated on A (answer $EDIT_STATUS; B accepted it before: $BEFORE_EDIT) refused on B after ${SEEN_MS:-never} ms (restored: $RESTORE_STATUS)" \
  "$(t "[ -n '$SEEN_MS' ] && [ ${SEEN_MS:-99999} -le 6000 ] && [ $BEFORE_EDIT = 201 ]")"
echo "  ShedLock rows:"
psql -tA -F ' ' -d "$DB" -c "SELECT name, locked_by, locked_at FROM shedlock ORDER BY name" | sed 's/^/    /'
exit $FAIL
