#!/usr/bin/env bash
# Storefront benchmark (issue 4). In one run, on this machine, on a suite of its own (.devstack-bench/, made anew):
#  1. seeds CUSTOMERS customers with ORDERS_EACH orders each through the real path (signed webhooks to the webhook
#     gateway, consumed into Postgres by customer-service and order-service);
#  2. storefront reads through the local API gateway (:8080), signed as Shopify's app proxy signs them, spread over
#     the seeded customers, at a fixed 1,000/s for SECONDS each: locations/countries, customers/me, orders;
#  3. order status change -> server-sent event delivered: STREAMS customers hold /proxy/orders/events open through
#     the gateway while signed orders/updated webhooks change their orders at STATUS_RATE/s;
#  4. the services' memory (VmRSS, VmHWM);
#  5. order-event consumption rate: order-service stopped, BACKLOG orders/create events written straight to
#     shopify.orders, order-service started again (same command line and environment) and timed draining them.
# The storefront rate limits (120/min per customer, 600/min per address by default) are raised for the run
# through the environment, which run.sh passes on to the services: one client address sends all the load here.
# Usage: bench/run-storefront.sh [SECONDS]   (default 30 per measurement; at most 80, the app-proxy signature
# is made once per load and stays fresh 90 s). Knobs: CUSTOMERS (200), ORDERS_EACH (3), STREAMS (50),
# STATUS_RATE (100), BACKLOG (50000); PARTS (reads sse consumption: the measurements to run, after the seed); DRAIN_JAVA_OPTS: JVM options for the order-service that drains the backlog
# (default: the same command line as before, run.sh's production settings). Results: bench/results/raw/storefront-*.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-30}
customers=${CUSTOMERS:-200}
orders_each=${ORDERS_EACH:-3}
streams=${STREAMS:-50}
status_rate=${STATUS_RATE:-100}
backlog=${BACKLOG:-50000}
parts=" ${PARTS:-reads sse consumption} "
out=bench/results/raw
mkdir -p "$out"
shop=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
shop=${shop%%,*}
first_customer=9100000000000
first_order=8200000000000
backlog_first_order=8300000000000
backlog_first_customer=9200000000000

# package, never install (the shared ~/.m2 must not get this checkout's snapshots): run.sh then finds every
# artifact in the modules' own target/ folders and does not build again
if [ ! -f bench/target/bench.classpath ] || [ ! -f order-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -q -B -ntp package -DskipTests
fi
cp="$(ls bench/target/bench-*.jar | head -1):$(cat bench/target/bench.classpath)"
bench() { java -cp "$cp" "$@"; }

pids=()
# last started first: the restarted order-service before run.sh stops the infrastructure under it
cleanup() { for (( i=${#pids[@]}-1; i>=0; i-- )); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# shellcheck source=bench/lib.sh
source bench/lib.sh
service_pid() { pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1; }
memory() { # label pid...
  local label=$1; shift
  for name in "$@"; do
    local pid; pid=$(service_pid "$name")
    echo "$label $name: $(grep -E 'VmRSS|VmHWM' "/proc/$pid/status" | tr -s ' \t\n' ' ')"
  done
}

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
for port in 8080 8081 8082 8083 8090 15432 16379 19092; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: stop the running suite (or whatever holds it) first" >&2; exit 1
  fi
done
export DEVSTACK_HOME="$root/.devstack-bench"
rm -rf "$DEVSTACK_HOME"
# one client address and a few hundred customers send 1,000/s here: limits far above the load, so the
# benchmark measures the services (each request still takes its token from Redis), not the limiter's refusals
export STOREFRONT_RATE_LIMIT_CUSTOMER_REQUESTS=${STOREFRONT_RATE_LIMIT_CUSTOMER_REQUESTS:-1000000}
export STOREFRONT_RATE_LIMIT_ADDRESS_REQUESTS=${STOREFRONT_RATE_LIMIT_ADDRESS_REQUESTS:-1000000}
deploy/local/run.sh --no-demo --only webhook-gateway customer-service order-service >"$out/storefront-suite.log" 2>&1 &
pids+=("$!")
for port in 8081 8082 8083; do ready "http://127.0.0.1:$port/q/health/ready" 300; done
ready http://127.0.0.1:8090/health 60
# shellcheck disable=SC1091
source "$DEVSTACK_HOME/env"
jdbc=$QUARKUS_DATASOURCE_JDBC_URL

echo "== seed: $customers customers, $orders_each orders each, as signed webhooks through the webhook gateway"
bench com.lavish.bench.StorefrontSeed http://127.0.0.1:8081/webhooks "$jdbc" "$shop" "$first_customer" "$customers" \
  "$first_order" "$orders_each" | tee "$out/storefront-seed.txt"

# a fresh JVM is several times slower until the JIT has compiled its hot paths (bench/README.md, issue 3):
# each path first runs unrecorded at a fifth of the rate
: >"$out/storefront-reads.txt"
if [[ $parts == *" reads "* ]]; then
for path in /proxy/locations/countries /proxy/customers/me /proxy/orders; do
  echo "== warm-up (unrecorded): $path, 200/s for 20s"
  bench com.lavish.bench.StorefrontReadLoad http://127.0.0.1:8080 "$path" 200 20 "$shop" "$first_customer" \
    "$customers" >>"$out/storefront-warm-up.txt"
done
for path in /proxy/locations/countries /proxy/customers/me /proxy/orders; do
  echo "== $path through the local API gateway, 1000/s for ${seconds}s (after 3 s of warm-up)"
  bench com.lavish.bench.StorefrontReadLoad http://127.0.0.1:8080 "$path" 1000 "$seconds" "$shop" \
    "$first_customer" "$customers" | tee -a "$out/storefront-reads.txt"
done
fi

if [[ $parts == *" sse "* ]]; then
echo "== order status change -> SSE delivered: $streams streams, orders/updated at ${status_rate}/s for ${seconds}s"
bench com.lavish.bench.StatusStreamLatency http://127.0.0.1:8080 http://127.0.0.1:8081/webhooks "$jdbc" "$shop" \
  "$first_customer" "$streams" "$first_order" "$status_rate" "$seconds" | tee "$out/storefront-sse.txt"
fi

echo "== memory after the reads and streams"
memory "after load:" webhook-gateway customer-service order-service | tee "$out/storefront-memory.txt"

[[ $parts == *" consumption "* ]] || exit 0
echo "== order events consumed: $backlog orders/create events waiting on shopify.orders, then order-service started"
order_pid=$(service_pid order-service)
mapfile -d '' order_cmd <"/proc/$order_pid/cmdline"
mapfile -d '' order_env <"/proc/$order_pid/environ"
kill "$order_pid"
while kill -0 "$order_pid" 2>/dev/null; do sleep 0.5; done
bench com.lavish.bench.OrderBacklog "$KAFKA_BOOTSTRAP_SERVERS" "$shop" "$backlog" "$backlog_first_order" \
  "$backlog_first_customer" 10000 | tee "$out/storefront-consumption.txt"
if [ -n "${DRAIN_JAVA_OPTS:-}" ]; then # other JVM options for the draining instance only: java OPTS -jar JAR
  # shellcheck disable=SC2206
  order_cmd=("${order_cmd[0]}" $DRAIN_JAVA_OPTS "${order_cmd[@]: -2}")
fi
echo "order-service again: ${order_cmd[*]}"
env -i "${order_env[@]}" "${order_cmd[@]}" >"$out/storefront-order-service-2.log" 2>&1 &
order_pid=$!
pids+=("$order_pid")
# java itself in the background (not the bench function's subshell), so that its pid is the one to stop
java -cp "$cp" com.lavish.bench.ConsumptionRate "$jdbc" backlog- "$backlog" 900 \
  >"$out/storefront-consumption-progress.txt" 2>&1 &
rate_pid=$!
while kill -0 "$rate_pid" 2>/dev/null; do
  if ! kill -0 "$order_pid" 2>/dev/null; then
    echo "order-service stopped while draining the backlog: $(tail -1 "$out/storefront-order-service-2.log")" \
      | tee -a "$out/storefront-consumption.txt"
    kill "$rate_pid"
  fi
  sleep 2
done
if wait "$rate_pid"; then
  tail -3 "$out/storefront-consumption-progress.txt" | tee -a "$out/storefront-consumption.txt"
else # what was consumed before it stopped
  bench com.lavish.bench.ConsumptionRate "$jdbc" backlog- "$backlog" 0 | tail -3 | tee -a "$out/storefront-consumption.txt"
fi
if kill -0 "$order_pid" 2>/dev/null; then
  echo "after the backlog: order-service: $(grep -E 'VmRSS|VmHWM' "/proc/$order_pid/status" | tr -s ' \t\n' ' ')" \
    | tee -a "$out/storefront-memory.txt"
fi
