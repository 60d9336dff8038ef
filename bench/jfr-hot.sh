#!/usr/bin/env bash
# Where a JFR recording's CPU samples go: the methods most often on top of the stack (self), and the share of samples
# whose stack holds a frame matching each PATTERN (inclusive), e.g. 'resteasy' 'KafkaProducer.send' 'micrometer'.
# Usage: bench/jfr-hot.sh RECORDING.jfr [PATTERN...]   (jfr ships with the JDK)
set -euo pipefail
recording=$1; shift
samples=$(mktemp)
trap 'rm -f "$samples"' EXIT
# one line per sample: its thread, then its frames top first, separated by |
jfr print --events jdk.ExecutionSample --stack-depth 96 "$recording" | awk '
  /^jdk.ExecutionSample/ { if (line != "") print line; line = ""; next }
  /sampledThread = / { sub(/.*sampledThread = "/, ""); sub(/".*/, ""); line = $0; next }
  /line:/ { frame = $0; sub(/^[ \t]+/, "", frame); sub(/\(.*/, "", frame); line = line "|" frame }
  END { if (line != "") print line }' >"$samples"
total=$(wc -l <"$samples")
echo "== $total samples; by thread (top 8)"
cut -d'|' -f1 "$samples" | sed 's/[0-9]\+$/N/' | sort | uniq -c | sort -rn | head -8
echo "== self (top 25)"
cut -d'|' -f2 "$samples" | sort | uniq -c | sort -rn | head -25
for pattern in "$@"; do
  n=$(grep -c -- "$pattern" "$samples" || true)
  echo "== inclusive '$pattern': $n of $total ($(( 100 * n / (total > 0 ? total : 1) ))%)"
done
