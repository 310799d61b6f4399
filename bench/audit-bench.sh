#!/usr/bin/env bash
# Batch audit benchmark (issue 6). For each size (service lines, default 1M and 10M) it generates a year of
# synthetic visits with 1% injected errors, then times, on the same file and in one run:
#   1. wc -l                      the reading limit of the disk and page cache
#   2. audit --parse-only         the project's bare parse: every row cut, split and validated, no checks (1 thread)
#   3. audit                      the full audit, all cores, -Xmx512m (the heap bound), /usr/bin/time -v for
#                                 CPU and max RSS, a GC log for the heap; once with the JVM's default collector
#                                 (G1) and once with -XX:+UseParallelGC (the throughput collector)
# then checks that both audits wrote the same files and reports recall and precision on the injected errors
# (bench/recall.py, from the generator's labels)
# and prints Markdown tables for docs/PERFORMANCE.md. Not part of the test run.
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

. "$here/bench/lib.sh"
cli_jar "$jar" audit-bench
# The largest heap occupancy right after a collection, from a -Xlog:gc log (an upper bound of the live data).
heap_after() { grep -o -- '->[0-9]*M' "$1" | tr -dc '0-9\n' | sort -n | tail -1; }

main=()
phases=()
checks=()
for lines in $sizes; do
  visits=$(visits_for "$lines")
  data="$dir/visits-$lines.csv"
  echo "== $lines lines: generating $visits visits (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  /usr/bin/time -v java -Xmx$heap -jar "$jar" generate --visits "$visits" --seed 2026 --error-rate 0.01 \
      --out "$data" > "$dir/generate-$lines.json" 2> "$dir/generate-$lines.time"
  rows=$(( $(wc -l < "$data") - 1 ))
  bytes=$(stat -c %s "$data")
  gen_s=$(elapsed "$dir/generate-$lines.time")

  echo "== wc -l" >&2
  cat "$data" > /dev/null   # the same page-cache state for all
  /usr/bin/time -v wc -l "$data" > /dev/null 2> "$dir/wc-$lines.time"
  wc_s=$(elapsed "$dir/wc-$lines.time")

  echo "== bare parse" >&2
  /usr/bin/time -v java -Xmx$heap $(jvm_options) -jar "$jar" audit --parse-only "$data" > "$dir/parse-$lines.json" \
      2> "$dir/parse-$lines.time" || true
  parse_s=$(elapsed "$dir/parse-$lines.time")

  audits=""
  for gc in g1 parallel; do
    flag=$([ "$gc" = parallel ] && echo "-XX:+UseParallelGC" || echo "")
    echo "== full audit ($gc, load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    out="$dir/audit-$lines-$gc"
    rm -rf "$out"
    /usr/bin/time -v java -Xmx$heap $(jvm_options) $flag -Xlog:gc:file="$dir/gc-$lines-$gc.log" -jar "$jar" audit "$data" \
        --out "$out" > "$dir/audit-$lines-$gc.json" 2> "$dir/audit-$lines-$gc.time" || true
    t="$dir/audit-$lines-$gc.time"
    s=$(elapsed "$t")
    audits="$audits | $s s ($(rate "$rows" "$s")/s), CPU $(cpu "$t") s, heap $(heap_after "$dir/gc-$lines-$gc.log") MB, RSS $(rss_mb "$t") MB"
    phases+=("| $rows | $gc | $(tr -d '\n ' < "$out/run.json" | grep -o '"phaseSeconds":{[^}]*}' | sed 's/"phaseSeconds"://') | $(grep -o '"read" : [0-9]*' "$out/summary.json" | grep -o '[0-9]*$') |")
  done
  main+=("| $rows | $(( bytes / 1048576 )) MB | $gen_s s | $wc_s s ($(rate "$rows" "$wc_s")/s) | $parse_s s ($(rate "$rows" "$parse_s")/s)$audits |")
  # The same answer from both runs, and the injected errors found.
  same="the two collectors' findings.csv and claims.csv are byte for byte equal"
  for f in findings.csv claims.csv; do
    cmp -s "$dir/audit-$lines-g1/$f" "$dir/audit-$lines-parallel/$f" || same="the two collectors' $f DIFFER"
  done
  checks+=("$rows lines: $same; $(python3 "$here/bench/recall.py" "$data.labels.csv" \
      "$dir/audit-$lines-g1/findings.csv" || true)")
done

echo
echo "| lines | file | generate | wc -l | bare parse (1 thread) | full audit, G1 (default) | full audit, ParallelGC |"
echo "|---|---|---|---|---|---|---|"
for r in "${main[@]}"; do echo "$r"; done
echo
echo "| lines | collector | seconds per phase | rows read by the audit |"
echo "|---|---|---|---|"
for r in "${phases[@]}"; do echo "$r"; done
echo
for r in "${checks[@]}"; do echo "$r"; done
echo
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; heap -Xmx$heap; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
