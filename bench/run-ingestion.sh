#!/usr/bin/env bash
# The gateway against durable ingestion's limit on this machine (issue 17), in one run, on a suite of its own
# (.devstack-bench/ingestion, made anew) started by deploy/local/run.sh --only webhook-gateway, with its production JVM
# settings; no consumer runs, so the load measures ingestion alone (as the gateway runs on its own pod):
#  1. wrk, closed loop, 2 threads, 64 connections, the same 2,000 signed customers/create deliveries round-robin,
#     WARMUP seconds unrecorded then SECONDS recorded, against three peers in turn, ROUNDS times:
#       - the HMAC-only route (bench's BareHmacRoute: no Kafka, no framework), for reference;
#       - the durable limit (BareHmacRoute with Kafka: the HMAC, then kafka-clients with acks=all and idempotence,
#         200 after the acknowledgement; no framework), on the gateway's own topic;
#       - the webhook gateway (every check, the same acknowledgement);
#  2. the gateway at a fixed 1,000/s for SECONDS (open loop: latency from each request's due time);
#  3. the gateway's resident memory after that (VmRSS, VmHWM).
# The gateway's share is its throughput over the durable limit's, from the same rounds.
# Usage: bench/run-ingestion.sh [SECONDS]   (default 30). Knobs: WARMUP (20), ROUNDS (2), JFR (set: a Flight Recorder
# profile of the gateway over its first measured run, ingestion-gateway.jfr).
# Raw outputs: bench/results/raw/ingestion-*.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-30}
warmup=${WARMUP:-20}
rounds=${ROUNDS:-2}
out=bench/results/raw
mkdir -p "$out"
shop=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
shop=${shop%%,*}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk (Debian's package)" >&2; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh
bench_classpath webhook-gateway/target/quarkus-app/quarkus-run.jar
bench() { java -cp "$bench_cp" "$@"; }

state="$root/.devstack-bench/ingestion"
mkdir -p "$state"
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
local_suite "$state" --only webhook-gateway
# shellcheck disable=SC1091
source "$state/devstack/env"
gateway_pid=$(pgrep -f 'webhook-gateway/target/quarkus-app/quarkus-run.jar' | head -1)

# java itself in the background, not the bench function: $! must be the JVM, which the script's end stops
java -cp "$bench_cp" com.lavish.bench.BareHmacRoute 8098 >"$out/ingestion-hmac-route.log" 2>&1 &
background "$!"
java -cp "$bench_cp" com.lavish.bench.BareHmacRoute 8099 "$KAFKA_BOOTSTRAP_SERVERS" shopify.customers >"$out/ingestion-durable-route.log" 2>&1 &
background "$!"
until grep -q "on port" "$out/ingestion-hmac-route.log" && grep -q "on port" "$out/ingestion-durable-route.log"; do
  sleep 0.5
done

export REQUESTS="$out/ingestion-requests.lua"
bench com.lavish.bench.SignedRequestSet "$REQUESTS" 2000 "$shop" 5000000000000000

declare -A total
for round in $(seq 1 "$rounds"); do
  for target in "hmac-only route:8098" "durable limit:8099" "webhook gateway:8081"; do
    name=${target%%:*}; port=${target##*:}
    wrk -t2 -c64 -d"${warmup}s" -s bench/wrk-signed.lua "http://127.0.0.1:$port/webhooks" >/dev/null
    if [ -n "${JFR:-}" ] && [ "$port" = 8081 ] && [ "$round" = 1 ]; then
      # the gateway's profile over its first measured run, for where its time goes (bench/README.md says how to read it)
      jcmd "$gateway_pid" JFR.start name=ingestion settings=profile duration="${seconds}s" \
        filename="$root/$out/ingestion-gateway.jfr" >/dev/null
    fi
    echo "== round $round: wrk -t2 -c64 -d${seconds}s --latency: $name (after ${warmup}s of warm-up)"
    wrk -t2 -c64 -d"${seconds}s" --latency -s bench/wrk-signed.lua "http://127.0.0.1:$port/webhooks" \
      | tee "$out/ingestion-wrk-$port-$round.txt"
    if grep -q "Non-2xx" "$out/ingestion-wrk-$port-$round.txt"; then
      echo "!! $name answered something other than 2xx (above)"
    fi
    rate=$(awk '/Requests\/sec/{print $2}' "$out/ingestion-wrk-$port-$round.txt")
    total[$port]=$(echo "${total[$port]:-0} + $rate" | bc)
  done
done
echo "== over $rounds rounds: hmac-only $(echo "${total[8098]} / $rounds" | bc)/s," \
  "durable limit $(echo "${total[8099]} / $rounds" | bc)/s, gateway $(echo "${total[8081]} / $rounds" | bc)/s:" \
  "the gateway at $(echo "scale=1; 100 * ${total[8081]} / ${total[8099]}" | bc) % of the durable limit" \
  | tee "$out/ingestion-share.txt"

echo "== open loop, 1000/s for ${seconds}s: webhook gateway"
bench com.lavish.bench.OpenLoopLoad http://127.0.0.1:8081/webhooks 1000 "$seconds" "$shop" \
  $((6000000000000000 + $(date +%s) % 1000000 * 100000)) | tee "$out/ingestion-open-loop-1000.txt"

echo "== gateway memory after the load"
grep -E 'VmRSS|VmHWM' "/proc/$gateway_pid/status" | tee "$out/ingestion-gateway-memory.txt"
