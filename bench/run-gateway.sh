#!/usr/bin/env bash
# Gateway benchmark (issue 3). In one run, on this machine:
#  1. webhook sent -> customer row committed, at a fixed 200/s, with customer-service consuming;
#  2. (customer-service stopped) wrk, closed loop, signed customers/create deliveries: the bare HMAC-only Vert.x
#     route (the limit) and the webhook gateway (HMAC + Kafka publish with acks=all, answer after the ack),
#     same requests, same settings;
#  3. the gateway at a fixed 1,000/s (open loop, latency from each request's due time);
#  4. the gateway's resident memory (VmRSS now and VmHWM, its peak) after the load.
# The suite runs from deploy/local/run.sh, on a stack of its own in .devstack-bench/ (made anew each run).
# Usage: bench/run-gateway.sh [SECONDS]   (default 30 per measurement). Results: bench/results/raw/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-30}
out=bench/results/raw
mkdir -p "$out"
shop=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
shop=${shop%%,*}

[ -f bench/target/bench.classpath ] || ./mvnw -q -B install -DskipTests
cp="$(ls bench/target/bench-*.jar | head -1):$(cat bench/target/bench.classpath)"
bench() { java -cp "$cp" "$@"; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# shellcheck source=bench/lib.sh
source bench/lib.sh

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
for port in 8080 8081 8082 9081 9082 15432 16379 19092; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: stop the running suite (or whatever holds it) first" >&2; exit 1
  fi
done
# a stack of its own, new each run: the load leaves a large backlog that a local run should never inherit
export DEVSTACK_HOME="$root/.devstack-bench"
rm -rf "$DEVSTACK_HOME"
deploy/local/run.sh --no-demo --only webhook-gateway customer-service >"$out/suite.log" 2>&1 &
pids+=("$!")
# readiness is on each service's management port (run.sh: its port + 1000)
ready http://127.0.0.1:9081/q/health/ready 300
ready http://127.0.0.1:9082/q/health/ready 300
gateway_pid=$(pgrep -f 'webhook-gateway/target/quarkus-app/quarkus-run.jar' | head -1)
echo "== service JVMs: $(tr '\0' ' ' < "/proc/$gateway_pid/cmdline" | sed 's/ -jar.*//')"

# First, while nothing else loads the machine: webhook sent -> customer row committed, with customer-service
# consuming (ids, and so webhook ids, unique per run)
echo "== webhook sent -> customer row committed, 200/s for ${seconds}s"
# a minute at the same rate first: until the JIT has compiled both services' hot paths, a fresh JVM is several
# times slower and the backlog it builds would be measured instead of the steady state
bench com.lavish.bench.OpenLoopLoad http://127.0.0.1:8081/webhooks 200 60 "$shop" \
  $((5000000000000000 + $(date +%s) % 1000000 * 100000)) >/dev/null
sleep 10
first=$((7000000000000000 + $(date +%s) % 1000000 * 100000))
bench com.lavish.bench.OpenLoopLoad http://127.0.0.1:8081/webhooks 200 "$seconds" "$shop" "$first" "$out/sent-200.csv" \
  | tee "$out/open-loop-200.txt"
sleep 5
# shellcheck disable=SC1091
source "$DEVSTACK_HOME/env"
bench com.lavish.bench.RowCommitLatency "$QUARKUS_DATASOURCE_JDBC_URL" "$out/sent-200.csv" | tee "$out/row-latency.txt"

# Then the gateway alone, as it runs in production (its own pod): customer-service stops here, so the
# closed-loop runs below measure the gateway, not the consumer draining their backlog beside it
pkill -f 'customer-service/target/quarkus-app/quarkus-run.jar' || true

bench com.lavish.bench.BareHmacRoute 8099 >"$out/bare.log" 2>&1 &
pids+=("$!")
sleep 2

export REQUESTS="$out/requests.lua"
bench com.lavish.bench.SignedRequestSet "$REQUESTS" 2000 "$shop" 5000000000000000

for target in "bare HMAC route:8099" "webhook gateway:8081"; do
  name=${target%%:*}; port=${target##*:}
  echo "== wrk warm-up: $name"
  wrk -t1 -c32 -d10s -s bench/wrk-signed.lua "http://127.0.0.1:$port/webhooks" >/dev/null
  echo "== wrk -t1 -c64 -d${seconds}s --latency: $name"
  wrk -t1 -c64 -d"${seconds}s" --latency -s bench/wrk-signed.lua "http://127.0.0.1:$port/webhooks" | tee "$out/wrk-$port.txt"
done

echo "== open loop, 1000/s for ${seconds}s: webhook gateway"
bench com.lavish.bench.OpenLoopLoad http://127.0.0.1:8081/webhooks 1000 "$seconds" "$shop" \
  $((6000000000000000 + $(date +%s) % 1000000 * 100000)) | tee "$out/open-loop-1000.txt"

echo "== gateway memory after the load"
grep -E 'VmRSS|VmHWM' "/proc/$gateway_pid/status" | tee "$out/gateway-memory.txt"
