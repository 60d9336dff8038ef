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

# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_classpath customer-service/target/quarkus-app/quarkus-run.jar
local_suite "$state"

{
  echo "# bench/run-page-load.sh $runs (ORDERS=$orders), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
  E2E_TARGET="$state/browser" java -cp "$bench_cp" com.lavish.bench.AccountPageLoad "$runs" "$orders"
} | tee "$result"
