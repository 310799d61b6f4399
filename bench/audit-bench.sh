#!/usr/bin/env bash
# Batch audit benchmark (issue 6). For each size (service lines, default 1M and 10M) it generates a year of
# synthetic visits with 1% injected errors, then times, on the same file and in one run:
#   1. wc -l                      the reading limit of the disk and page cache
#   2. audit --parse-only         the project's bare parse: every row cut, parsed and validated, no checks
#   3. audit                      the full audit, all cores, -Xmx512m (the heap bound), /usr/bin/time -v for max RSS
# and prints a Markdown table for docs/PERFORMANCE.md. Not part of the test run.
#
#   bench/audit-bench.sh                      # 1M and 10M lines in $BENCH_DIR (default /tmp/minutewise-bench)
#   BENCH_SIZES="200000" bench/audit-bench.sh # a quick one
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/minutewise-bench}"
sizes="${BENCH_SIZES:-1000000 10000000}"
heap="${BENCH_HEAP:-512m}"
jar="$dir/minutewise.jar"
mkdir -p "$dir"

(cd "$here" && mvn -q -B -ntp -DskipTests package -pl cli -am 1>&2)
cp "$here/cli/target/minutewise.jar" "$jar"   # a copy: a rebuild during the run must not change the classes
command -v /usr/bin/time >/dev/null || { echo "audit-bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

# Seconds of a command, from /usr/bin/time's elapsed wall clock.
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
field() { awk -F': ' -v k="$2" '$1 ~ k {print $2}' "$1"; }

rows_md=()
for lines in $sizes; do
  visits=$(( lines * 100 / 303 ))   # the generator writes about 3.03 service lines a visit
  data="$dir/visits-$lines.csv"
  echo "== $lines lines: generating $visits visits" >&2
  /usr/bin/time -v java -Xmx$heap -jar "$jar" generate --visits "$visits" --seed 2026 --error-rate 0.01 \
      --out "$data" > "$dir/generate-$lines.json" 2> "$dir/generate-$lines.time"
  rows=$(( $(wc -l < "$data") - 1 ))
  bytes=$(stat -c %s "$data")
  gen_s=$(elapsed "$dir/generate-$lines.time")

  echo "== wc -l" >&2
  cat "$data" > /dev/null   # same page-cache state for all three
  /usr/bin/time -v wc -l "$data" > /dev/null 2> "$dir/wc-$lines.time"
  wc_s=$(elapsed "$dir/wc-$lines.time")

  echo "== bare parse" >&2
  /usr/bin/time -v java -Xmx$heap -jar "$jar" audit --parse-only "$data" > "$dir/parse-$lines.json" \
      2> "$dir/parse-$lines.time" || true
  parse_s=$(elapsed "$dir/parse-$lines.time")
  parse_rss=$(field "$dir/parse-$lines.time" "Maximum resident")

  echo "== full audit" >&2
  out="$dir/audit-$lines"
  rm -rf "$out"
  /usr/bin/time -v java -Xmx$heap -Xlog:gc:file="$dir/gc-$lines.log" -jar "$jar" audit "$data" --out "$out" \
      > "$dir/audit-$lines.json" 2> "$dir/audit-$lines.time" || true
  audit_s=$(elapsed "$dir/audit-$lines.time")
  audit_rss=$(field "$dir/audit-$lines.time" "Maximum resident")
  audit_cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$dir/audit-$lines.time")
  # The largest heap in use after a collection (what the live data needs), from the GC log.
  heap_after=$(grep -o -- '->[0-9]*M' "$dir/gc-$lines.log" | tr -dc '0-9\n' | sort -n | tail -1)
  read_rows=$(grep -o '"read" : [0-9]*' "$out/summary.json" | grep -o '[0-9]*$')

  rate() { awk -v r="$rows" -v s="$1" 'BEGIN { if (s > 0) printf "%.0f", r / s; else print "n/a" }'; }
  rows_md+=("| $rows | $(( bytes / 1048576 )) MB | $gen_s s | $wc_s s ($(rate "$wc_s")/s) | $parse_s s ($(rate "$parse_s")/s) | $audit_s s ($(rate "$audit_s")/s) | $audit_cpu s | $heap_after MB | $(( audit_rss / 1024 )) MB | $read_rows |")
done

echo
echo "| lines | file | generate | wc -l | bare parse | full audit | audit CPU (user+sys) | max heap after GC (-Xmx$heap) | audit max RSS | rows read by the audit |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for r in "${rows_md[@]}"; do echo "$r"; done
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
