# Shared helpers of the bench scripts (sourced): figures from a `/usr/bin/time -v` report, and rates.
# Seconds of a command, from /usr/bin/time -v's elapsed wall clock.
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
# CPU seconds (user + system).
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$1"; }
# Maximum resident set size in MB.
rss_mb() { awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$1"; }
# Count per second, with thousands separators.
rate() { awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%\047.0f", r / s; else print "n/a" }'; }
# Needs /usr/bin/time; builds the CLI jar and copies it to $1 (a copy: a rebuild during a run must not change the
# classes). $2 names the calling script in the error message.
cli_jar() {
  command -v /usr/bin/time >/dev/null || { echo "$2: /usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
  (cd "$here" && mvn -q -B -ntp -DskipTests package -pl cli -am 1>&2)
  cp "$here/cli/target/minutewise.jar" "$1"
}
# Visits to generate for about $1 service lines (the generator writes about 2.78 lines a visit since its SLP
# visits, which bill fewer lines; 3.03 before: a "10 M" bench wrote 9.17 M lines).
visits_for() { echo $(( $1 * 100 / 277 )); }
# The JVM options the launcher (bin/minutewise) runs every command with, so the bench measures the product as run.
jvm_options() { cat "$here/bin/jvm.options" 2>/dev/null || true; }
