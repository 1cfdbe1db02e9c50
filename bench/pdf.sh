#!/usr/bin/env bash
# PDF throughput benchmark (not a test): the PDF corpus repeated to N reports through the whole
# pipeline in one JVM; prints reports/s, pages/s, peak heap and pdftotext's time for the same files.
# Usage: bench/pdf.sh [reports=200] [threads=1] [max heap=512m]
set -euo pipefail
cd "$(dirname "$0")/.."
reports="${1:-200}"; threads="${2:-1}"; heap="${3:-512m}"
mvn -q -B -DskipTests package >/dev/null
java -Xmx"$heap" -cp target/jixiao.jar org.jixiao.bench.PdfBenchmark corpus "$reports" "$threads"
