#!/usr/bin/env bash
# sync-service through Shopify's cost-based throttle (issue 6). On this machine, on infrastructure of its own
# (.devstack-bench/sync-throttle/, ports 15432/16379/19092 as the local run's), with shopify-fake's Admin API on FAKE_PORT and
# one sync-service on SYNC_PORT: for each bucket profile, CONTRACTS subscription contracts are seeded in the fake,
# its bucket set (full at the start) and sync-service's shared estimate in Redis cleared, COMMANDS pause/activate
# commands published to sync.commands at once, and their results timed on sync.results (bench SyncThrottleRate).
# Profiles: Standard (restore 100 points/s, bucket 2,000) and Plus (restore 1,000 points/s, bucket 20,000). Each
# command is one mutation (10 points): Standard allows 10 commands/s once the bucket's reserve is spent, Plus 100.
# Usage: bench/run-sync-throttle.sh   Knobs: STANDARD_COMMANDS (500), PLUS_COMMANDS (3000), CONTRACTS (200),
# FAKE_PORT (18090), SYNC_PORT (18085), SYNC_MANAGEMENT_PORT (its /q/health and /q/metrics: SYNC_PORT + 1000),
# SYNC_JAVA_OPTS (run.sh's service settings).
# Results: bench/results/raw/sync-throttle-*.txt.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
standard_commands=${STANDARD_COMMANDS:-500}
plus_commands=${PLUS_COMMANDS:-3000}
contracts=${CONTRACTS:-200}
fake_port=${FAKE_PORT:-18090}
sync_port=${SYNC_PORT:-18085}
sync_management_port=${SYNC_MANAGEMENT_PORT:-$((sync_port + 1000))}
sync_java_opts=${SYNC_JAVA_OPTS:--Xms32m -Xmx96m -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=48m -Xss512k}
shop=lavish-bench.myshopify.com
token=bench-only-fake-admin-token
state=$root/.devstack-bench/sync-throttle
out=bench/results/raw
mkdir -p "$out" "$state"
result="$out/sync-throttle-$(date +%Y%m%d-%H%M%S).txt"

# package, never install (the shared ~/.m2 must not get this checkout's snapshots)
if [ ! -f bench/target/bench.classpath ] || [ ! -f sync-service/target/quarkus-app/quarkus-run.jar ] \
    || [ ! -f devstack/launcher/target/devstack.classpath ] || [ ! -f shopify-fake/target/shopify-fake.classpath ]; then
  ./mvnw -q -B -ntp package -DskipTests -pl sync-service,bench,devstack/launcher,shopify-fake -am
fi
bench_cp="$(ls bench/target/bench-*.jar | head -1):$(cat bench/target/bench.classpath)"
devstack_cp="$(ls devstack/launcher/target/devstack-*.jar | head -1):$(cat devstack/launcher/target/devstack.classpath)"
fake_cp="$(ls shopify-fake/target/shopify-fake-*.jar | head -1):$(cat shopify-fake/target/shopify-fake.classpath)"

pids=()
cleanup() { for (( i=${#pids[@]}-1; i>=0; i-- )); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
# shellcheck source=bench/lib.sh
source bench/lib.sh

echo "==> infrastructure ($state)"
rm -f "$state/env"
java -cp "$devstack_cp" com.lavish.devstack.DevStackMain --home "$state" >"$state/devstack.log" 2>&1 &
pids+=("$!")
deadline=$((SECONDS + 180))
until [ -f "$state/env" ]; do
  kill -0 "${pids[0]}" 2>/dev/null || { echo "devstack stopped; see $state/devstack.log" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "devstack did not get ready" >&2; exit 1; }
  sleep 1
done
# shellcheck disable=SC1091
source "$state/env"

echo "==> shopify-fake's Admin API on $fake_port"
java -cp "$fake_cp" com.lavish.shopifyfake.ShopifyFakeServer --port "$fake_port" --shop "$shop" \
  --admin-token "$token" --edge http://127.0.0.1:9 >"$state/fake.log" 2>&1 &
pids+=("$!")
ready "http://127.0.0.1:$fake_port/health" 60

echo "==> sync-service on $sync_port"
# shellcheck disable=SC2086
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$sync_port QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
  QUARKUS_MANAGEMENT_PORT=$sync_management_port SHOPIFY_ADMIN_URL="http://127.0.0.1:$fake_port" SHOPIFY_ADMIN_TOKEN=$token \
  SHOPIFY_SHOPS=$shop ADMIN_USERS_ADMIN_PASSWORD_HASH='$2a$12$wjdXrtlJKDYnvDVNIYfZ9uBLC3lnQBwgjlRQ4eYAyP4vYMon0pl5i' ADMIN_USERS_ADMIN_ROLES=admin SYNC_RECONCILIATION_EVERY=off \
  java $sync_java_opts -jar sync-service/target/quarkus-app/quarkus-run.jar >"$state/sync-service.log" 2>&1 &
pids+=("$!")
ready "http://127.0.0.1:$sync_management_port/q/health/ready" 120

redis=${QUARKUS_REDIS_HOSTS#redis://}
metrics="http://127.0.0.1:$sync_management_port/q/metrics"
{
  echo "# bench/run-sync-throttle.sh $(date -Is) on $(nproc) cores; commands: Standard $standard_commands, Plus $plus_commands, over $contracts contracts"
  SHOPIFY_ADMIN_TOKEN=$token java -cp "$bench_cp" com.lavish.bench.SyncThrottleRate standard \
    "http://127.0.0.1:$fake_port" "$KAFKA_BOOTSTRAP_SERVERS" "$redis" "$metrics" "$shop" 2000 100 "$standard_commands" "$contracts"
  SHOPIFY_ADMIN_TOKEN=$token java -cp "$bench_cp" com.lavish.bench.SyncThrottleRate plus \
    "http://127.0.0.1:$fake_port" "$KAFKA_BOOTSTRAP_SERVERS" "$redis" "$metrics" "$shop" 20000 1000 "$plus_commands" "$contracts"
  echo "# sync-service's THROTTLED retries and bucket waits:"
  curl -fsS "$metrics" | grep -E '^sync_(admin_api_throttled_total|throttle_waits_seconds_(count|sum)|commands_total)' || true
} 2>&1 | tee "$result"
echo "results: $result"
