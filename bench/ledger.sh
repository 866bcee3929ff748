#!/usr/bin/env bash
# Benchmark: writes a 附件2 ledger of N entries (default 10000) with a deliberately small heap (-Xmx64m) and prints
# the time, the file size and the peak heap used. POI's streaming workbook keeps 100 rows in memory; the PDF is
# written page by page (platform.documents.StreamedPdf), so only the page being drawn and the font are in memory.
# Goals: `bench/ledger.sh 10000` (xlsx) and `bench/ledger.sh 50000 pdf` both finish within the 64 MB heap.
# Usage: bench/ledger.sh [entries] [xlsx|pdf]
set -euo pipefail
cd "$(dirname "$0")/.."
ENTRIES="${1:-10000}"
FORMAT="${2:-xlsx}"
./mvnw -q -B -ntp -DskipTests test-compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
java -Xmx64m -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" chengguan.bench.LedgerBench "$ENTRIES" "$FORMAT"
