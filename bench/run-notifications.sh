#!/usr/bin/env bash
# notification-service at a steady rate (issue 15's target: event committed -> email accepted by the SMTP server, p99
# within 2 s at 100 events/s, no duplicate over a 10-minute run). Starts the infrastructure and notification-service
# alone (deploy/local/run.sh --no-demo --only notification-service, state in .devstack-bench/notifications/) with its
# mail going to the benchmark's own SMTP server (bench SmtpSink on SMTP_PORT), makes CUSTOMERS customers, then
# publishes PAUSED subscription events open loop at RATE per second for SECONDS and times each email (bench
# NotificationLatency). OUTAGE=60 takes the SMTP server down for 60 s a third of the way through (what must be lost or
# sent twice: nothing). Usage: bench/run-notifications.sh [SECONDS] (600)   Knobs: RATE (100), CUSTOMERS (1000),
# SMTP_PORT (12525), OUTAGE (0).   Results: bench/results/raw/notifications-*.txt.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-600}
rate=${RATE:-100}
customers=${CUSTOMERS:-1000}
smtp_port=${SMTP_PORT:-12525}
state=$root/.devstack-bench/notifications
out=bench/results/raw
mkdir -p "$out" "$state"
result="$out/notifications-$(date +%Y%m%d-%H%M%S).txt"

# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_classpath notification-service/target/quarkus-app/quarkus-run.jar
# a real SMTP server named in the environment takes precedence over devstack's: here, the benchmark's
QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT=$smtp_port local_suite "$state" --only notification-service
# shellcheck disable=SC1091
source "$state/devstack/env"

{
  echo "# bench/run-notifications.sh $seconds (RATE=$rate CUSTOMERS=$customers OUTAGE=${OUTAGE:-0}), $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores"
  java -cp "$bench_cp" com.lavish.bench.NotificationLatency "$KAFKA_BOOTSTRAP_SERVERS" \
    "${SHOPIFY_SHOPS:-lavish-library.myshopify.com}" "$rate" "$seconds" 9007199300000001 "$customers" "$smtp_port" \
    http://127.0.0.1:9086 "${OUTAGE:-0}"
  curl -s http://127.0.0.1:9086/q/metrics | grep -E '^notifications_' | grep -v '_bucket' || true
} 2>&1 | grep -v "^SLF4J\|log4j" | tee "$result"
