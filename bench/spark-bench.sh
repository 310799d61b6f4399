#!/usr/bin/env bash
# Spark job benchmark (issue 8): the same generated input (default 10M service lines, 1% injected errors) audited
# by the Spark job in local mode with 1 and then 2 executor threads (local[1], local[2]), and by the single-process
# audit with 2 threads beside it; /usr/bin/time -v for wall clock, CPU and max RSS. Prints a Markdown table for
# docs/PERFORMANCE.md. Not part of the test run.
#
#   bench/spark-bench.sh                        # 10M lines in $BENCH_DIR (default /tmp/minutewise-bench)
#   BENCH_LINES=200000 bench/spark-bench.sh     # a quick one
#   BENCH_THREADS="1 2" BENCH_AUDIT=0 ...       # thread counts; skip the single-process audit
#   AUDIT_DIR=/tmp/minutewise-bench/audit-10000000-g1 BENCH_AUDIT=0 ...   # compare with audit-bench's run
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-/tmp/minutewise-bench}"
lines="${BENCH_LINES:-10000000}"
threads="${BENCH_THREADS:-1 2}"
heap="${BENCH_SPARK_HEAP:-6g}"
mkdir -p "$dir"
. "$here/bench/lib.sh"
jar="$dir/minutewise.jar"
cli_jar "$jar" spark-bench
"$here/bin/minutewise-spark" --help > /dev/null   # builds the job's jar and Spark's classpath if needed

data="$dir/visits-$lines.csv"
if [ ! -f "$data" ]; then
  visits=$(visits_for "$lines")
  echo "== generating $visits visits" >&2
  java -jar "$jar" generate --visits "$visits" --seed 2026 --error-rate 0.01 --out "$data" > /dev/null
fi
rows=$(( $(wc -l < "$data") - 1 ))
echo "| runner | threads | rows | seconds | rows/s | CPU s | max RSS MB | load average before |"
echo "|---|---|---|---|---|---|---|---|"
for t in $threads; do
  out="$dir/spark-$lines-$t"
  rm -rf "$out"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== Spark local[$t] (load average $load)" >&2
  MINUTEWISE_SPARK_JAVA_OPTS="-Xmx$heap" /usr/bin/time -v "$here/bin/minutewise-spark" "$data" --out "$out" \
      --master "local[$t]" > "$dir/spark-$lines-$t.json" 2> "$dir/spark-$lines-$t.time" || true
  s=$(elapsed "$dir/spark-$lines-$t.time")
  echo "| Spark job, local[$t] | $t | $rows | $s | $(rate "$rows" "$s") | $(cpu "$dir/spark-$lines-$t.time") | $(rss_mb "$dir/spark-$lines-$t.time") | $load |"
done
if [ "${BENCH_AUDIT:-1}" = 1 ]; then
  out="$dir/audit-$lines-t2"
  rm -rf "$out"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== single-process audit, 2 threads (load average $load)" >&2
  /usr/bin/time -v java -Xmx512m $(jvm_options) -jar "$jar" audit "$data" --out "$out" --threads 2 > "$dir/audit-$lines-t2.json" \
      2> "$dir/audit-$lines-t2.time" || true
  s=$(elapsed "$dir/audit-$lines-t2.time")
  echo "| single-process audit | 2 | $rows | $s | $(rate "$rows" "$s") | $(cpu "$dir/audit-$lines-t2.time") | $(rss_mb "$dir/audit-$lines-t2.time") | $load |"
fi
# The same results: summaries equal, the same rows (against this run's audit, or AUDIT_DIR, e.g. audit-bench's).
audit_dir="${AUDIT_DIR:-$dir/audit-$lines-t2}"
if [ -f "$audit_dir/summary.json" ] && command -v python3 >/dev/null; then
  for t in $threads; do
    python3 - "$audit_dir/summary.json" "$dir/spark-$lines-$t/summary.json" <<'PY' >&2
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
print("summary of", sys.argv[2], "equals the audit's" if a == b else "DIFFERS from the audit's")
PY
    python3 "$here/bench/compare-outputs.py" "$audit_dir" "$dir/spark-$lines-$t" >&2
  done
fi
