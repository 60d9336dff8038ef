#!/usr/bin/env bash
# The account page's first visit in Chromium (issue 14's page-load target: complete within 1 s on the local suite).
# Starts the local run (deploy/local/run.sh --no-demo, state in .devstack-bench/page-load/), arranges a subscriber with
# ORDERS orders through Shopify's fake, then opens /account RUNS times, each in a fresh headless Chromium (no cache),
# and reports navigation timing and the portal complete (bench AccountPageLoad). Needs Debian's chromium and
# chromium-driver.
# Usage: bench/run-page-load.sh [RUNS] (10)   Knobs: ORDERS (10).   Results: bench/results/raw/page-load-*.txt.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-10}
orders=${ORDERS:-10}
state=$root/.devstack-bench/page-load
out=bench/results/raw
mkdir -p "$out" "$state"
result="$out/page-load-$(date +%Y%m%d-%H%M%S).txt"

# package, never install (the shared ~/.m2 must not get this checkout's snapshots); run.sh needs every service
if [ ! -f bench/target/bench.classpath ] || [ ! -f customer-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -B -ntp package -DskipTests
fi
bench_cp="$(ls bench/target/bench-*.jar | head -1):$(cat bench/target/bench.classpath)"

rm -rf "$state/devstack"
DEVSTACK_HOME="$state/devstack" bash deploy/local/run.sh --no-demo >"$state/run.log" 2>&1 &
suite=$!
trap 'kill "$suite" 2>/dev/null || true; wait "$suite" 2>/dev/null || true' EXIT INT TERM
deadline=$((SECONDS + 360))
until grep -q "The suite runs" "$state/run.log"; do
  kill -0 "$suite" 2>/dev/null || { echo "the suite did not start; see $state/run.log" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "the suite did not start in time; see $state/run.log" >&2; exit 1; }
  sleep 1
done

{
  echo "# bench/run-page-load.sh $runs (ORDERS=$orders), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
  E2E_TARGET="$state/browser" java -cp "$bench_cp" com.lavish.bench.AccountPageLoad "$runs" "$orders"
} | tee "$result"
