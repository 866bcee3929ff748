#!/usr/bin/env bash
# Benchmark: the public notice card card.pdf under load, at -Xmx256m with the README's JVM settings.
# Starts the platform twice on a fresh embedded database of its own (first start seeds the demo data, the second
# finds it) and prints both start-up times; then, on the second run:
#   1. card.pdf with 32 clients (wrk): the cached rate, p99 and errors — the goal is ≥ 300/s, no error;
#   2. card.pdf revalidated with If-None-Match (304s);
#   3. a simple intake load (POST /api/v1/reports, limits raised so the limiter stays in the path but lets it through);
# then the process's resident memory (RSS now and its peak, VmHWM) — the goal is < 600 MB — and whether the log
# shows an OutOfMemoryError or a dead thread. The machine may be shared: the rates are this run's, not a ceiling.
# Besides, the same clients load the small /css/app.css: the app's own ceiling on this machine at this moment, to
# read the other rates against.
# Usage: bench/public-pdf.sh [seconds per load, default 20] [clients, default 32]
#        KEEP_DATA=1 bench/public-pdf.sh …  reuses the database of the previous run (second start only)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_LOAD="${1:-20}"
CLIENTS="${2:-32}"
PORT="${BENCH_PORT:-18088}"
WORK="target/bench-public-pdf"
COMMUNITY=370471001001
JVM=(-Xms64m -Xmx256m -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=96m -XX:MaxDirectMemorySize=64m)

if ! command -v wrk > /dev/null 2>&1; then
  SUDO=""; if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get install -y -qq wrk > /dev/null
fi

./mvnw -q -B -ntp -DskipTests compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=runtime > /dev/null
if [ "${KEEP_DATA:-0}" != 1 ] || [ ! -d "$WORK/data" ]; then KEEP_DATA=0; rm -rf "$WORK"; fi
mkdir -p "$WORK/data"
APP_PID=""
stop() { if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2> /dev/null; then kill "$APP_PID"; wait "$APP_PID" 2> /dev/null || true; fi; APP_PID=""; }
trap stop EXIT

# Starts the platform (in this shell, so that APP_PID is known to stop) and sets STARTUP to how long it took;
# the log goes to $WORK/$1.log
start() {
  local began; began=$(date +%s.%N)
  MALLOC_ARENA_MAX=2 java "${JVM[@]}" -Dchengguan.startup-report=true -cp "target/classes:$(cat target/bench-classpath.txt)" chengguan.Application \
    --server.port="$PORT" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:h2:file:./$WORK/data/chengguan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    --chengguan.intake.reports-per-ip.capacity=100000000 --chengguan.intake.reports-per-phone.capacity=100000000 \
    > "$WORK/$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 6000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; then
      # wall time, and the CPU time the process used: on a shared machine the second is the steadier figure
      STARTUP="$(awk "BEGIN { printf \"%.1f s wall, \", $(date +%s.%N) - $began }")"
      STARTUP+="$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f s CPU", ($14 + $15) / hz }' "/proc/$APP_PID/stat")"
      return 0
    fi
    if ! kill -0 "$APP_PID" 2> /dev/null; then echo "the platform did not start; see $WORK/$1.log" >&2; exit 1; fi
    sleep 0.2
  done
  echo "no answer after 20 minutes" >&2; exit 1
}

if [ "$KEEP_DATA" != 1 ]; then
start first
echo "first start (fresh database, demo data seeded): ${STARTUP} (Spring: $(grep -o 'Started Application in [0-9.]* seconds' "$WORK/first.log" | grep -o '[0-9.]*' || echo '?') s)"
stop
fi
start second
echo "second start (demo data present):               ${STARTUP} (Spring: $(grep -o 'Started Application in [0-9.]* seconds' "$WORK/second.log" | grep -o '[0-9.]*' || echo '?') s)"

URL="http://127.0.0.1:$PORT/public/communities/$COMMUNITY/card.pdf"
curl -sf -o "$WORK/card.pdf" -D "$WORK/card.headers" "$URL"
ETAG=$(grep -i '^etag:' "$WORK/card.headers" | cut -d' ' -f2- | tr -d '\r')
echo "card.pdf: $(stat -c %s "$WORK/card.pdf") bytes, ETag $ETAG"

rss() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$APP_PID/status"; echo; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
# Runs wrk ($1 = name, then wrk's arguments) and prints rate, p99, errors and the platform's CPU per request: on a
# shared machine the CPU per request says more than the rate (2 cores = 2,000 CPU ms per second at most).
load() {
  local name=$1; shift
  local before; before=$(cpu_ticks)
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_PER_LOAD}s" --timeout 10s --latency "$@" > "$WORK/wrk-$name.txt"
  local after; after=$(cpu_ticks)
  local done_requests; done_requests=$(awk '/requests in/ {print $1}' "$WORK/wrk-$name.txt")
  echo "$(summary "$WORK/wrk-$name.txt"), $(awk -v t=$((after - before)) -v n="$done_requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.2f CPU ms per request", t * 1000 / hz / n; else printf "no request done" }')"
}
summary() { # rate, p99, errors from wrk's output
  awk '/Requests\/sec/ {rate=$2} /99%/ {p99=$2} /Non-2xx/ {non=$5} /Socket errors/ {sock=$0}
       END {printf "%s/s, p99 %s, non-2xx/3xx %s%s\n", rate, p99, (non==""?0:non), (sock==""?"":", "sock)}' "$1"
}

echo "RSS before load: $(rss)"
CSS="http://127.0.0.1:$PORT$(curl -sf "http://127.0.0.1:$PORT/login" | grep -o '/css/app-[0-9a-f]*\.css' | head -1)"
echo "ceiling: $CSS, $CLIENTS clients: $(load css "$CSS")"
echo "card.pdf, $CLIENTS clients, cached:        $(load card "$URL")"
echo "RSS after card.pdf: $(rss)"

echo "card.pdf, $CLIENTS clients, If-None-Match: $(load 304 -H "If-None-Match: $ETAG" "$URL")"

cat > "$WORK/report.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"communityCode": "370471003009", "categoryCode": "E0101", "kind": "SUGGESTION", '
    .. '"description": "压测：南门垃圾桶满溢 %d", "lat": 34.85, "lng": 117.42, "accuracy": 15, '
    .. '"address": "欣兴社区南门", "phone": "1370000%04d", "idempotencyKey": "bench-%d-%d-%d"}',
    n, n % 10000, os.time(), math.random(1, 1000000000), n)
  return wrk.format("POST", "/api/v1/reports", {["Content-Type"] = "application/json"}, body)
end
LUA
echo "intake POST /api/v1/reports, $CLIENTS clients: $(load intake -s "$WORK/report.lua" "http://127.0.0.1:$PORT")"
echo "RSS after intake: $(rss)"
sleep 5   # let the requests still queued when wrk stopped finish before the platform is stopped

if grep -qE 'OutOfMemoryError|Exception in thread' "$WORK/second.log"; then
  echo "FAILED: the log shows an OutOfMemoryError or a dead thread:"; grep -E 'OutOfMemoryError|Exception in thread' "$WORK/second.log" | head -5
  exit 1
fi
echo "no OutOfMemoryError, no dead thread (log: $WORK/second.log)"
