#!/usr/bin/env bash
# The event path and the storefront reads (issues 4 and 12), in one run on this machine, on a suite of its own
# (.devstack-bench/, made anew) started by deploy/local/run.sh with its production JVM settings:
#  1. seeds CUSTOMERS customers with ORDERS_EACH orders each through the real path (signed webhooks to the webhook
#     gateway, consumed by customer-service and order-service);
#  2. webhook sent -> customer row committed, signed customers/create at ROW_RATE/s (after a minute unrecorded, so
#     both JVMs are past their JIT warm-up), each timed to the commit of the transaction that applied it;
#  3. order status change -> server-sent event delivered: STREAMS customers hold /proxy/orders/events open through the
#     local API gateway while signed orders/updated webhooks change their orders at STATUS_RATE/s;
#  4. storefront reads through the local API gateway (:8080) at 1,000/s for SECONDS each, signed as Shopify's app
#     proxy signs them: locations/countries, customers/me, orders;
#  5. catch-up: for customers/create (customer-service), orders/create (order-service: Shopify's full sample order,
#     5 lines) and subscription_contracts/create (subscription-service), the service is stopped, BACKLOG events are
#     written straight to its topic as the gateway writes them, the service is started again with the same command
#     line and environment (a cold JVM, as after a deploy or a crash) and timed from the first commit to the last;
#     then, warm, the service is frozen while a second backlog is written and timed again once let go;
#  6. the resident memory of each service after all that (VmRSS, and VmHWM, its peak).
# Every time is a commit time (pg_xact_commit_timestamp; devstack turns on track_commit_timestamp), never a
# transaction's start. The storefront rate limits are raised for the run through the environment (run.sh passes them
# on): one client address sends all the load here, and every request still takes its token from Redis.
# Usage: bench/run-event-path.sh [SECONDS]   (default 30 per read measurement; at most 80: the app-proxy signature
# of a read load is made once and stays fresh 90 s). Knobs: CUSTOMERS (500), ORDERS_EACH (3), ROW_RATE (500),
# STREAMS (500), STATUS_RATE (100), BACKLOG (50000), PARTS ("rows sse reads catch-up": what to measure after the
# seed). Raw outputs: bench/results/raw/event-path-*.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-30}
customers=${CUSTOMERS:-500}
orders_each=${ORDERS_EACH:-3}
row_rate=${ROW_RATE:-500}
streams=${STREAMS:-500}
status_rate=${STATUS_RATE:-100}
backlog=${BACKLOG:-50000}
parts=" ${PARTS:-rows sse reads catch-up} "
out=bench/results/raw
mkdir -p "$out"
shop=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
shop=${shop%%,*}
first_customer=9100000000000
first_order=8200000000000
services=(webhook-gateway customer-service order-service subscription-service)

# package, never install (the shared ~/.m2 must not get this checkout's snapshots): run.sh then finds every
# artifact in the modules' own target/ folders and does not build again
missing=false
[ -f bench/target/bench.classpath ] || missing=true
for name in "${services[@]}"; do [ -f "$name/target/quarkus-app/quarkus-run.jar" ] || missing=true; done
if $missing; then
  ./mvnw -q -B -ntp package -DskipTests
fi
cp="$(ls bench/target/bench-*.jar | head -1):$(cat bench/target/bench.classpath)"
bench() { java -cp "$cp" "$@"; }

pids=()
# last started first: a restarted service before run.sh stops the infrastructure under it
cleanup() { for (( i=${#pids[@]}-1; i>=0; i-- )); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# shellcheck source=bench/lib.sh
source bench/lib.sh
service_pid() { pgrep -f "$1/target/quarkus-app/quarkus-run.jar" | head -1; }

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
for port in 8080 8081 8082 8083 8084 9081 9082 9083 9084 8090 15432 16379 19092; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: stop the running suite (or whatever holds it) first" >&2; exit 1
  fi
done
export DEVSTACK_HOME="$root/.devstack-bench"
rm -rf "$DEVSTACK_HOME"
export STOREFRONT_RATE_LIMIT_CUSTOMER_REQUESTS=${STOREFRONT_RATE_LIMIT_CUSTOMER_REQUESTS:-1000000}
export STOREFRONT_RATE_LIMIT_ADDRESS_REQUESTS=${STOREFRONT_RATE_LIMIT_ADDRESS_REQUESTS:-1000000}
deploy/local/run.sh --no-demo --only "${services[@]}" >"$out/event-path-suite.log" 2>&1 &
pids+=("$!")
# readiness is on each service's management port (run.sh: its port + 1000)
for port in 9081 9082 9083 9084; do ready "http://127.0.0.1:$port/q/health/ready" 300; done
ready http://127.0.0.1:8090/health 60
# shellcheck disable=SC1091
source "$DEVSTACK_HOME/env"
jdbc=$QUARKUS_DATASOURCE_JDBC_URL
echo "== services: $(tr '\0' ' ' <"/proc/$(service_pid customer-service)/cmdline" | sed 's/ -jar .*//')"

echo "== seed: $customers customers, $orders_each orders each, as signed webhooks through the webhook gateway"
bench com.lavish.bench.StorefrontSeed http://127.0.0.1:8081/webhooks "$jdbc" "$shop" "$first_customer" "$customers" \
  "$first_order" "$orders_each" | tee "$out/event-path-seed.txt"

if [[ $parts == *" rows "* ]]; then
  echo "== webhook sent -> customer row committed at ${row_rate}/s for ${seconds}s (after 60 s unrecorded)"
  bench com.lavish.bench.OpenLoopLoad http://127.0.0.1:8081/webhooks "$row_rate" 60 "$shop" 9300000000000 \
    >"$out/event-path-rows-warm-up.txt"
  bench com.lavish.bench.OpenLoopLoad http://127.0.0.1:8081/webhooks "$row_rate" "$seconds" "$shop" 9400000000000 \
    "$out/event-path-rows-sent.csv" | tee "$out/event-path-rows.txt"
  sleep 5
  bench com.lavish.bench.RowCommitLatency "$jdbc" "$out/event-path-rows-sent.csv" | tee -a "$out/event-path-rows.txt"
fi

if [[ $parts == *" sse "* ]]; then
  echo "== order status change -> SSE delivered: $streams streams, orders/updated at ${status_rate}/s for ${seconds}s"
  bench com.lavish.bench.StatusStreamLatency http://127.0.0.1:8080 http://127.0.0.1:8081/webhooks "$jdbc" "$shop" \
    "$first_customer" "$streams" "$first_order" "$status_rate" "$seconds" | tee "$out/event-path-sse.txt"
fi

if [[ $parts == *" reads "* ]]; then
  : >"$out/event-path-reads.txt"
  # a fresh JVM is several times slower until the JIT has compiled its hot paths at the rate they run at: each path
  # runs unrecorded first, at the measured rate, right before it is measured
  for path in /proxy/locations/countries /proxy/customers/me /proxy/orders; do
    echo "== warm-up (unrecorded): $path, 1000/s for 20s"
    bench com.lavish.bench.StorefrontReadLoad http://127.0.0.1:8080 "$path" 1000 20 "$shop" "$first_customer" \
      "$customers" >>"$out/event-path-reads-warm-up.txt"
    echo "== $path through the local API gateway, 1000/s for ${seconds}s (after 3 s of warm-up)"
    bench com.lavish.bench.StorefrontReadLoad http://127.0.0.1:8080 "$path" 1000 "$seconds" "$shop" \
      "$first_customer" "$customers" | tee -a "$out/event-path-reads.txt"
  done
fi

# catch_up SERVICE SCHEMA KIND FIRST_ID: the service stopped, a backlog written, the service started again and timed
catch_up() {
  local name=$1 schema=$2 kind=$3 first=$4
  local pid; pid=$(service_pid "$name")
  local cmd env
  mapfile -d '' cmd <"/proc/$pid/cmdline"
  mapfile -d '' env <"/proc/$pid/environ"
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  bench com.lavish.bench.EventBacklog "$KAFKA_BOOTSTRAP_SERVERS" "$shop" "$kind" "$backlog" "$first" "backlog-$kind-" \
    | tee -a "$out/event-path-catch-up.txt"
  echo "$name again: ${cmd[*]}"
  env -i "${env[@]}" "${cmd[@]}" >"$out/event-path-$name-2.log" 2>&1 &
  local again=$!
  pids+=("$again")
  # java itself in the background (not the bench function's subshell), so that its pid is the one to stop
  java -cp "$cp" com.lavish.bench.CatchUpRate "$jdbc" "$schema" "backlog-$kind-" "$backlog" 900 \
    >"$out/event-path-catch-up-$kind-progress.txt" 2>&1 &
  local rate=$!
  while kill -0 "$rate" 2>/dev/null; do
    if ! kill -0 "$again" 2>/dev/null; then
      echo "$name stopped while draining the backlog: $(tail -1 "$out/event-path-$name-2.log")" \
        | tee -a "$out/event-path-catch-up.txt"
      kill "$rate"
    fi
    sleep 2
  done
  if wait "$rate"; then
    grep -E "^(consumed [0-9]+ of|best)" "$out/event-path-catch-up-$kind-progress.txt" | sed "s/^/$kind (cold): /" \
      | tee -a "$out/event-path-catch-up.txt"
  else # what was consumed before it stopped
    bench com.lavish.bench.CatchUpRate "$jdbc" "$schema" "backlog-$kind-" "$backlog" 0 | tail -2 \
      | sed "s/^/$kind (cold): /" | tee -a "$out/event-path-catch-up.txt"
    return
  fi
  # the same service fallen behind while running (a burst, a pause): its JIT warm from the drain above, it is frozen
  # (SIGSTOP, well within Kafka's session timeout) while a second backlog is written, then let go
  kill -STOP "$again"
  bench com.lavish.bench.EventBacklog "$KAFKA_BOOTSTRAP_SERVERS" "$shop" "$kind" "$backlog" "$((first + backlog))" \
    "warm-$kind-" | tee -a "$out/event-path-catch-up.txt"
  kill -CONT "$again"
  bench com.lavish.bench.CatchUpRate "$jdbc" "$schema" "warm-$kind-" "$backlog" 900 \
    >"$out/event-path-catch-up-$kind-warm-progress.txt" 2>&1 || true
  grep -E "^(consumed [0-9]+ of|best)" "$out/event-path-catch-up-$kind-warm-progress.txt" | sed "s/^/$kind (warm): /" \
    | tee -a "$out/event-path-catch-up.txt"
}

if [[ $parts == *" catch-up "* ]]; then
  : >"$out/event-path-catch-up.txt"
  echo "== catch-up: $backlog events waiting, then the service started (cold JVM)"
  catch_up customer-service customer customers 9500000000000
  catch_up order-service orders orders 8500000000000
  catch_up subscription-service subscription contracts 7500000000000
fi

echo "== memory of each service after the benchmarks"
for name in "${services[@]}"; do
  echo "$name: $(grep -E 'VmRSS|VmHWM' "/proc/$(service_pid "$name")/status" | tr -s ' \t\n' ' ')"
done | tee "$out/event-path-memory.txt"
