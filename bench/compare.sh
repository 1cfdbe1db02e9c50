#!/usr/bin/env bash
# jixiao beside the text and table extractors, whole processes on the same files (not a test).
#
# The batch: every corpus PDF of two or more pages, each copied twice (28 files, 58 pages). On it:
#   pdftotext -layout   one process per file (poppler-utils; text only)
#   tika-app 3.2.2 -t   one batch run (text only)
#   tabula 1.0.5 CLI    --lattice --pages all --batch (tables only)
#   jixiao check        --format json --out DIR (the whole job: text, tables, narrative, checks)
# and single files: jixiao extract of a 3-page PDF and of a one-page text report, and a search
# from the command line over an index of the corpus. jixiao runs twice each time: through the
# launcher target/jixiao (class-data sharing archive, quick JIT for one-shot commands) and as
# plain `java -jar target/jixiao.jar`.
#
# Each command runs once untimed (file cache, JIT-less warm-up of nothing but the disk), then
# RUNS times (default 5); the table shows the medians of wall time, CPU time (user + sys, all
# threads and child processes) and peak RSS (the largest single process), and the ratios of
# jixiao's wall time to the others'. Last, the warm pipeline (PdfBenchmark, as bench/pdf.sh runs
# it) at 1 and 2 threads with -Xmx512m, with the default JIT and with the quick compiler only.
#
# Wall times depend on what else the machine runs: the load average is printed before and after;
# compare CPU times when it was not near 0. Tika-app and tabula (with its dependencies: Maven
# Central has no jar-with-dependencies of 1.0.5) are fetched from Maven Central into
# target/bench-tools/ by Maven; pdftotext is installed from Debian (poppler-utils) when missing.
#
# Usage: bench/compare.sh [RUNS]        (RUNS ≥ 1; env NO_BUILD=1 skips `mvn package`)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs="${1:-5}"
tools="$root/target/bench-tools"
work="$root/target/bench-compare"
corpus_file_pdf=corpus/chengdu-wuhou-2020-self-eval-eldercare/chengdu-wuhou-2020-self-eval-eldercare.pdf
corpus_file_txt=corpus/hangzhou-xihu-2024-declaration-elevator/hangzhou-xihu-2024-declaration-elevator.txt

say() { printf '%s\n' "$*" >&2; }

need() {  # need COMMAND DEBIAN-PACKAGE: install the package when the command is missing
    command -v "$1" >/dev/null 2>&1 && return 0
    say "$1 missing: installing Debian package $2"
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    else
        sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    fi
}
need pdftotext poppler-utils
need pdfinfo poppler-utils
[ -x /usr/bin/time ] || need /usr/bin/time time

if [ "${NO_BUILD:-0}" != 1 ] || [ ! -f target/jixiao.jar ]; then
    say "building target/jixiao.jar and the launcher (mvn package -DskipTests)"
    mvn -q -B -DskipTests package >/dev/null
fi
[ -x target/jixiao ] || { say "target/jixiao (the launcher) is missing: run mvn package"; exit 1; }

mkdir -p "$tools"
if [ ! -f "$tools/tika-app-3.2.2.jar" ]; then
    say "fetching tika-app 3.2.2"
    mvn -q -B dependency:copy -Dartifact=org.apache.tika:tika-app:3.2.2 -DoutputDirectory="$tools" >/dev/null
fi
if [ ! -f "$tools/tabula/tabula-1.0.5.jar" ]; then
    say "fetching tabula 1.0.5 and its dependencies"
    cat > "$tools/tabula-pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>tabula-cli</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>technology.tabula</groupId><artifactId>tabula</artifactId><version>1.0.5</version></dependency>
  </dependencies>
</project>
EOF
    mvn -q -B -f "$tools/tabula-pom.xml" dependency:copy-dependencies -DincludeScope=runtime \
        -DoutputDirectory="$tools/tabula" >/dev/null
fi

# The batch, and a copy for tabula (it writes its CSVs beside the PDFs).
rm -rf "$work"
mkdir -p "$work/batch" "$work/tabula-batch"
files=0; pages=0
# Born-digital PDFs only: the scans (corpus/scanned, pdf-scan-image-only) are read by OCR, which the
# text extractors do not do at all; comparing them would measure nothing of the two.
for f in $(find corpus -name '*.pdf' -not -path 'corpus/pdf-src/*' -not -path 'corpus/scanned/*' -not -path 'corpus/pdf-scan-image-only/*' | sort); do
    n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
    if [ "${n:-0}" -ge 2 ]; then
        for copy in a b; do cp "$f" "$work/batch/$copy-$(basename "$f")"; done
        files=$((files + 2)); pages=$((pages + 2 * n))
    fi
done
cp "$work"/batch/*.pdf "$work/tabula-batch/"

# An index of the corpus for search (the corpus holds a scan on purpose: check exits 1).
target/jixiao check corpus --index "$work/index" >/dev/null 2>&1 || true

# measure NAME CMD...: one untimed run, then $runs timed runs; appends "NAME wall cpu rss" medians.
results="$work/results.txt"
: > "$results"
measure() {
    local name="$1"; shift
    local times="$work/times-$(echo "$name" | tr -c 'A-Za-z0-9' '_')"
    : > "$times"
    say "  $name"
    for i in $(seq 0 "$runs"); do
        reset_outputs
        if [ "$i" = 0 ]; then
            "$@" >/dev/null 2>&1 || { say "    failed: $*"; "$@" >/dev/null; }
        else
            /usr/bin/time -f '%e %U %S %M' -o "$times.one" "$@" >/dev/null 2>&1 || true
            tail -n 1 "$times.one" >> "$times"
        fi
    done
    awk -v name="$name" '
        { wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 }
        function median(a, n,   i, j, t) {
            for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        END { printf "%s\t%.2f\t%.2f\t%.0f\n", name, median(wall, NR), median(cpu, NR), median(rss, NR) / 1024 }
    ' "$times" >> "$results"
}
reset_outputs() {
    rm -rf "$work/out" "$work/tika-out"
    rm -f "$work"/tabula-batch/*.csv
    mkdir -p "$work/out" "$work/tika-out"
}

say "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $runs runs each"
say "batch: $files files, $pages pages"
measure "pdftotext -layout, one process per file" \
    bash -c 'for f in "$1"/*.pdf; do pdftotext -layout "$f" - >/dev/null || exit 1; done' pdftotext "$work/batch"
measure "tika-app 3.2.2 -t, batch" java -jar "$tools/tika-app-3.2.2.jar" -t -i "$work/batch" -o "$work/tika-out"
measure "tabula 1.0.5 CLI, lattice, batch" java -cp "$tools/tabula/*" technology.tabula.CommandLineApp --lattice --pages all --batch "$work/tabula-batch"
measure "jixiao check (target/jixiao)" target/jixiao check "$work/batch" --format json --out "$work/out"
measure "jixiao check (java -jar)" java -jar target/jixiao.jar check "$work/batch" --format json --out "$work/out"
measure "jixiao extract 3-page PDF (target/jixiao)" target/jixiao extract "$corpus_file_pdf"
measure "jixiao extract 3-page PDF (java -jar)" java -jar target/jixiao.jar extract "$corpus_file_pdf"
measure "jixiao extract 1-page text (target/jixiao)" target/jixiao extract "$corpus_file_txt"
measure "jixiao extract 1-page text (java -jar)" java -jar target/jixiao.jar extract "$corpus_file_txt"
measure "jixiao search (target/jixiao)" target/jixiao search 响应时间 --index "$work/index"
measure "jixiao search (java -jar)" java -jar target/jixiao.jar search 响应时间 --index "$work/index"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "Batch of $files PDFs ($pages pages) and single files; medians of $runs runs; $(nproc) cores;"
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (wall times are only comparable on a quiet machine)"
echo
awk -F'\t' '
    BEGIN { printf "%-46s %8s %8s %10s\n", "command", "wall s", "CPU s", "peak RSS" }
    { printf "%-46s %8.2f %8.2f %6d MiB\n", $1, $2, $3, $4; wall[$1] = $2 }
    END {
        tika = wall["tika-app 3.2.2 -t, batch"]; tabula = wall["tabula 1.0.5 CLI, lattice, batch"]
        pdftotext = wall["pdftotext -layout, one process per file"]
        print ""
        print "ratios of wall times (target: ≤ 0.5 × tika-app, ≤ 0.6 × tabula)"
        n = split("jixiao check (target/jixiao)|jixiao check (java -jar)", j, "|")
        for (i = 1; i <= n; i++) {
            printf "  %-30s = %.2f × tika-app, %.2f × tabula, %.1f × pdftotext\n", j[i], wall[j[i]] / tika, wall[j[i]] / tabula, wall[j[i]] / pdftotext
        }
        print "single files (target: extract ≤ 1.0 s wall and ≤ 200 MiB, search ≤ 0.8 s)"
    }
' "$results"
grep -E '^jixiao (extract|search)' "$results" | awk -F'\t' '{ printf "  %-44s %.2f s, %d MiB\n", $1, $2, $4 }'

echo
echo "Warm pipeline (PdfBenchmark as bench/pdf.sh runs it: the corpus PDFs repeated to 200 reports, -Xmx512m;"
echo "target: ≥ 75 pages/s on one thread, ≥ 1.7 × that on two, peak heap ≤ 512 MB)"
# Both JIT settings: the JVM's default (C1 then C2), and the quick compiler only, as target/jixiao
# runs its one-shot commands; over these 200 reports C2 is still compiling and costs more than it saves.
for jit in -XX:+TieredCompilation -XX:TieredStopAtLevel=1; do
    for threads in 1 2; do
        java "$jit" -Xmx512m -cp target/jixiao.jar org.jixiao.bench.PdfBenchmark corpus 200 "$threads" 2>/dev/null \
            | grep -E '^(jixiao pipeline|process CPU)' | sed "s/^/  $jit, $threads thread(s): /"
    done
done
