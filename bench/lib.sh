# Shared helpers of the bench scripts (sourced): figures from a `/usr/bin/time -v` report, and rates.
# Seconds of a command, from /usr/bin/time -v's elapsed wall clock.
elapsed() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
# CPU seconds (user + system).
cpu() { awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$1"; }
# Maximum resident set size in MB.
rss_mb() { awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$1"; }
# Count per second, with thousands separators.
rate() { awk -v r="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%\047.0f", r / s; else print "n/a" }'; }
