#!/usr/bin/env bash
# A flash sale (issue 17): COUNT (100,000) signed webhooks through the webhook gateway, open loop at RATE (2,000)/s,
# customers/create and orders/create in turn, each a new customer or order; then each consumer's drain. In one run,
# on a suite of its own (.devstack-bench/burst, made anew) started by deploy/local/run.sh with its production JVM
# settings: webhook-gateway, customer-service and notification-service (shopify.customers), order-service
# (shopify.orders).
#  1. a warm-up: WARM_COUNT (10,000) deliveries at the same rate, drained, so the JVMs are past their JIT warm-up;
#  2. the burst, every request recorded from the first: the gateway's answers by status and its latency from each
#     request's due time;
#  3. per consumer, once its ledger holds its whole share: when its last delivery committed, counted from the burst's
#     first and last send; its rows; and rows updated during the burst (a delivery applied twice would update its
#     row; every delivery is a new entity);
#  4. the records on the two topics against the deliveries sent (nothing lost between the 200 and Kafka).
# REPLICAS (e.g. "order-service=2") is passed to run.sh --replicas; KILL="order-service:2:25" kills that replica of
# the service (SIGKILL, as a crash) 25 s into the burst, and its partitions move to the other.
# CONSUMER_NICE=10 runs the consumers at that nice level: on this machine they share 2 cores with the gateway and Kafka,
# where on Kubernetes the gateway's pod has CPU of its own.
# Usage: bench/run-burst.sh   Knobs: COUNT, RATE, WARM_COUNT, REPLICAS, KILL, CONSUMER_NICE. Raw outputs:
# bench/results/raw/burst-*.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
count=${COUNT:-100000}
rate=${RATE:-2000}
warm_count=${WARM_COUNT:-10000}
replicas=${REPLICAS:-}
kill_spec=${KILL:-}
out=bench/results/raw
mkdir -p "$out"
shop=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
shop=${shop%%,*}
tag=burst${replicas:+-${replicas//[=,]/-}}${kill_spec:+-kill}

# shellcheck source=bench/lib.sh
source bench/lib.sh
services=(webhook-gateway customer-service notification-service order-service)
artifacts=()
for name in "${services[@]}"; do artifacts+=("$name/target/quarkus-app/quarkus-run.jar"); done
bench_classpath "${artifacts[@]}"
bench() { java -cp "$bench_cp" "$@"; }

state="$root/.devstack-bench/burst"
mkdir -p "$state"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
replica_args=()
[ -z "$replicas" ] || replica_args=(--replicas ${replicas//,/ })
local_suite "$state" --only "${services[@]}" "${replica_args[@]}"
if [ -n "${CONSUMER_NICE:-}" ]; then
  # the consumers below the gateway and Kafka on these 2 shared cores, as the gateway's own pod would have its CPU
  for name in customer-service notification-service order-service; do
    for pid in $(pgrep -f "$name/target/quarkus-app/quarkus-run.jar"); do renice -n "$CONSUMER_NICE" -p "$pid" >/dev/null; done
  done
  echo "== consumers reniced to $CONSUMER_NICE"
fi
# shellcheck disable=SC1091
source "$state/devstack/env"
jdbc=$QUARKUS_DATASOURCE_JDBC_URL
[ -z "$replicas" ] || { echo "== replicas (name index port management pid):"; cat "$state/devstack/replicas"; }

# schema:table:prefix-kind:share of the burst
consumers() { # PREFIX COUNT: each consumer's share of a burst of COUNT with that prefix
  echo "customer:customer:$1-c-:$(($2 / 2)) notification:recipient:$1-c-:$(($2 / 2)) orders:customer_order:$1-o-:$(($2 / 2))"
}
baseline() { # the tables' update counts now, appended to each consumer's spec
  local spec line specs=()
  for spec in $1; do
    line=$(bench com.lavish.bench.BurstDrain "$jdbc" --updates "${spec%%:*}:$(cut -d: -f2 <<<"$spec")")
    specs+=("$spec:${line##*:}")
  done
  echo "${specs[@]}"
}

# assignments: how many shopify.orders partitions each order-service replica holds (the Kafka client's own metric,
# summed over the channel's consumers)
assignments() {
  local name index port management pid
  while read -r name index port management pid; do
    [ "$name" = order-service ] || continue
    kill -0 "$pid" 2>/dev/null || { echo "$name $index: gone"; continue; }
    echo "$name $index: $(curl -s "http://127.0.0.1:$management/q/metrics" \
      | awk '/^kafka_consumer_coordinator_assigned_partitions.*shopify-orders/ {n += $2} END {print n + 0}')" \
      "of shopify.orders' partitions"
  done <"$state/devstack/replicas" | tee -a "$out/$tag.txt"
}

echo "== warm-up: $warm_count deliveries at $rate/s"
spec=$(baseline "$(consumers warm "$warm_count")")
# shellcheck disable=SC2086
bench com.lavish.bench.WebhookBurst http://127.0.0.1:8081/webhooks "$rate" "$warm_count" "$shop" 9300000000000 warm \
  "$out/$tag-warm-window.txt" | tee "$out/$tag-warm.txt"
# shellcheck disable=SC2086
bench com.lavish.bench.BurstDrain "$jdbc" "$out/$tag-warm-window.txt" 600 $spec | tee -a "$out/$tag-warm.txt"
sleep 5

if [ -n "$replicas" ]; then
  echo "== partitions per replica before the burst" | tee -a "$out/$tag.txt"
  assignments
fi
echo "== burst: $count deliveries at $rate/s"
spec=$(baseline "$(consumers flash "$count")")
if [ -n "$kill_spec" ]; then
  IFS=: read -r kill_name kill_index kill_after <<<"$kill_spec"
  (
    sleep "$kill_after"
    pid=$(awk -v n="$kill_name" -v i="$kill_index" '$1 == n && $2 == i {print $5}' "$state/devstack/replicas")
    echo "== $(date -u +%T) killing $kill_name replica $kill_index (pid $pid) with SIGKILL, ${kill_after}s into the burst"
    kill -9 "$pid"
  ) &
  background "$!"
fi
# the machine while the burst lasts: run queue, blocked processes, I/O wait (vmstat every 5 s)
vmstat -n 5 >"$out/$tag-vmstat.txt" &
background "$!"
bench com.lavish.bench.WebhookBurst http://127.0.0.1:8081/webhooks "$rate" "$count" "$shop" 9400000000000 flash \
  "$out/$tag-window.txt" | tee "$out/$tag.txt"
echo "== the gateway's own view: Kafka's acknowledgement (webhooks.publish.latency) and the HTTP answer, burst and warm-up"
curl -s http://127.0.0.1:9081/q/metrics | grep -E '^(webhooks_publish_latency_seconds|http_server_requests_seconds)' \
  | grep -E 'quantile|_max' | grep -E 'outcome="acked",quantile|acked",topic="shopify.(customers|orders)"|uri="/webhooks"' \
  | tee -a "$out/$tag.txt" || true
# shellcheck disable=SC2086
bench com.lavish.bench.BurstDrain "$jdbc" "$out/$tag-window.txt" 1800 $spec | tee -a "$out/$tag.txt"

echo "== records on Kafka (warm-up and burst): $((warm_count + count)) sent, half to each topic"
for topic in shopify.customers shopify.orders; do
  java -cp "$bench_cp" com.lavish.bench.TopicRecords "$KAFKA_BOOTSTRAP_SERVERS" "$topic"
done | tee -a "$out/$tag.txt"
if [ -n "$replicas" ]; then
  echo "== partitions per replica after the burst" | tee -a "$out/$tag.txt"
  assignments
fi
