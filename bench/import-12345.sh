#!/usr/bin/env bash
# Benchmark: imports a generated 12345 work-order CSV of N rows (default 20000) through the REST endpoint into a
# fresh demo instance on the embedded H2 database, and prints rows per second and the server's memory.
# Usage: bench/import-12345.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-20000}"
PORT="${PORT:-18080}"
WORK="$(mktemp -d)"
trap 'kill "$APP" 2>/dev/null || true; rm -rf "$WORK"' EXIT

JAR=$(ls target/chengguan-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B -ntp -DskipTests package
  JAR=$(ls target/chengguan-*.jar | head -n 1)
fi

SPRING_DATASOURCE_URL="jdbc:h2:file:$WORK/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" > "$WORK/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" > /dev/null && break
  sleep 1
done

COMMUNITIES=(德仁社区 光明社区 天安社区 复兴社区 兴安社区 松江社区 兴城花园社区 锦绣园社区 欣兴社区)
CATEGORIES=(暴露垃圾 占道经营 机动车乱停放 乱堆乱放 噪声扰民 油烟扰民 路灯不亮 私搭乱建 飞线充电)
{
  echo "工单编号,受理时间,来电人,来电号码,所属社区,诉求分类,诉求类型,诉求内容,事发地址"
  awk -v rows="$ROWS" -v c="${COMMUNITIES[*]}" -v k="${CATEGORIES[*]}" 'BEGIN {
    n = split(c, cs, " "); m = split(k, ks, " ");
    for (i = 1; i <= rows; i++) {
      printf "BENCH%07d,2026-11-%02d %02d:%02d:00,居民,139%08d,%s,%s,投诉,第%d号工单：小区附近有%s问题，请尽快处理。,测试路%d号\n",
        i, 1 + i % 20, 8 + i % 10, i % 60, i, cs[1 + i % n], ks[1 + i % m], i, ks[1 + i % m], i % 300
    }
  }'
} > "$WORK/orders.csv"
echo "rows: $ROWS, file: $(du -h "$WORK/orders.csv" | cut -f1)"

START=$(date +%s.%N)
RESPONSE=$(curl -s -w '\n%{http_code}' -u dispatcher:Demo@2026 -F "file=@$WORK/orders.csv;type=text/csv" \
  "http://localhost:$PORT/api/v1/hotline-imports")
CODE=$(echo "$RESPONSE" | tail -n 1)
RESPONSE=$(echo "$RESPONSE" | head -n 1)
if [ "$CODE" != "202" ]; then
  echo "upload refused: HTTP $CODE $(echo "$RESPONSE" | head -c 300)"
  exit 1
fi
PREVIEWED=$(date +%s.%N)
ID=$(echo "$RESPONSE" | sed -E 's/.*"id":([0-9]+).*/\1/')
echo "preview (upload, parse, check every row): $(echo "$PREVIEWED - $START" | bc) s"
while true; do
  STATUS=$(curl -fs -u dispatcher:Demo@2026 "http://localhost:$PORT/api/v1/hotline-imports/$ID")
  STATE=$(echo "$STATUS" | sed -E 's/.*"status":"([A-Z]+)".*/\1/')
  [ "$STATE" = "RUNNING" ] || break
  sleep 1
done
END=$(date +%s.%N)
IMPORTED=$(echo "$STATUS" | sed -E 's/.*"importedRows":([0-9]+).*/\1/')
FAILED=$(echo "$STATUS" | sed -E 's/.*"failedRows":([0-9]+).*/\1/')
SECONDS_TOTAL=$(echo "$END - $START" | bc)
echo "status: $STATE, imported: $IMPORTED, failed: $FAILED"
echo "total: $SECONDS_TOTAL s, $(echo "scale=0; $IMPORTED / $SECONDS_TOTAL" | bc) rows/s"
echo "server RSS after import: $(( $(ps -o rss= -p "$APP") / 1024 )) MB"
