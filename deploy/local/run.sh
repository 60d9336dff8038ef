#!/usr/bin/env bash
# Runs the suite on this machine: the infrastructure (embedded PostgreSQL, Redis, Kafka and a mail server unless
# the environment names real servers), every service that exists, the local API gateway on port 8080, and then a
# demo that sends signed sample webhooks and shows the storefront API answering.
#
#   deploy/local/run.sh                  everything, then the demo
#   deploy/local/run.sh --no-demo        everything, no demo
#   deploy/local/run.sh --only customer-service [NAME...]   the infrastructure and just those services
#   deploy/local/run.sh --rebuild        build every module first, even when its artifacts exist
#   deploy/local/run.sh --replicas order-service=2 [NAME=N...]   N replicas (1-6) of a service, behind the gateway
#
# Replica k of a service listens on its port + 100 x (k - 1) (order-service's second: 8183, management 9183), logs
# to NAME-k.log, and joins the same consumer groups; the gateway sends the service's requests to each replica in
# turn, passing over one that refuses the connection. The pid and ports of every replica: .devstack/replicas
# (lines: name index port management-port pid). Ctrl-C stops everything it started. Logs: .devstack/logs/.
# Secrets come from the environment; the defaults below are fake and only for this machine. Every server listens
# on 127.0.0.1 only; EDGE_HOST=0.0.0.0 opens the API gateway and shopify-fake to other machines (the services and
# their management ports stay local).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

# name:port, as design.md fixes them; each service's management port (/q/health, /q/metrics, /q/openapi) is its port
# + 1000 (quarkus.management.port in its application.properties), which no gateway routes to
all_services=(webhook-gateway:8081 customer-service:8082 order-service:8083 subscription-service:8084 sync-service:8085 notification-service:8086)
edge_port=${EDGE_PORT:-8080}
edge_host=${EDGE_HOST:-127.0.0.1}
# JVM settings of each service (bench/README.md says what each costs and buys): a small heap and the serial collector
# suit a 2-core machine; a young generation with room for a poll's records (they die when the poll commits, and are
# not promoted to fill the old generation); the JIT's default code cache, since a smaller one made it flush and
# recompile the hot path without end. Override with SERVICE_JAVA_OPTS for every service, or JAVA_OPTS_<name with _
# for -> (JAVA_OPTS_customer_service) for one. TrimNativeHeapInterval hands the memory the JIT's compilations and the
# start-up freed back to the system every 5 s (glibc keeps it otherwise: 16 MB in a service after a catch-up)
service_java_opts=${SERVICE_JAVA_OPTS:--Xms32m -Xmx96m -Xmn40m -XX:SurvivorRatio=3 -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m -Xss512k -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError}
# glibc's malloc keeps an arena per thread that allocates; two are enough for a JVM's native allocations, and each
# one more holds on to freed memory the process no longer needs
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
state=${DEVSTACK_HOME:-$root/.devstack}
logs="$state/logs"

demo=true
rebuild=false
only=()
replicas=() # NAME=N, from --replicas
while [ $# -gt 0 ]; do
  case "$1" in
    --no-demo) demo=false ;;
    --rebuild) rebuild=true ;;
    --only) shift; while [ $# -gt 0 ] && [[ "$1" != --* ]]; do only+=("$1"); shift; done; continue ;;
    --replicas)
      shift
      if [ $# -eq 0 ] || [[ "$1" == --* ]]; then
        echo "run.sh: --replicas takes NAME=N pairs, e.g. --replicas order-service=2" >&2; exit 2
      fi
      while [ $# -gt 0 ] && [[ "$1" != --* ]]; do replicas+=("$1"); shift; done; continue ;;
    -h|--help) sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p;}' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

export SHOPIFY_API_SECRET=${SHOPIFY_API_SECRET:-local-dev-secret-not-for-production}
export SHOPIFY_SHOPS=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
export SHOPIFY_API_VERSION=${SHOPIFY_API_VERSION:-2026-07}
export STOREFRONT_TOKEN_SECRET=${STOREFRONT_TOKEN_SECRET:-local-dev-token-secret-not-for-production-use}
export STOREFRONT_CORS_ORIGINS=${STOREFRONT_CORS_ORIGINS:-http://127.0.0.1:8090,http://localhost:8090}
# The admin credential (ADR 0006): user admin, password local-dev-admin-password-not-for-production; services get
# only its bcrypt hash (cost 12). A fake for this machine; make your own with tools/admin-password-hash/hash.sh, and
# add users as ADMIN_USERS_<NAME>_PASSWORD_HASH and ADMIN_USERS_<NAME>_ROLES
export ADMIN_USERS_ADMIN_PASSWORD_HASH=${ADMIN_USERS_ADMIN_PASSWORD_HASH:-'$2a$12$wjdXrtlJKDYnvDVNIYfZ9uBLC3lnQBwgjlRQ4eYAyP4vYMon0pl5i'}
export ADMIN_USERS_ADMIN_ROLES=${ADMIN_USERS_ADMIN_ROLES:-admin}

# The key of personal data at rest (ADR 0005): a fake Tink keyset for this machine only, the same as customer-service's
# %dev one (made with tools/personal-data-keyset/keyset.sh new); never for real customers
local_fake_personal_data_keyset='{"primaryKeyId":1064020938,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"GiDDJM1pGNkh6Z1NkKeB2iGENtaHw728IQPwRw/551Telg==","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":1064020938,"outputPrefixType":"TINK"}]}'
export PERSONAL_DATA_KEYSET=${PERSONAL_DATA_KEYSET:-$local_fake_personal_data_keyset}
# sync-service writes to Shopify's Admin API: here shopify-fake's, with its fake token
export SHOPIFY_ADMIN_URL=${SHOPIFY_ADMIN_URL:-http://127.0.0.1:8090}
export SHOPIFY_ADMIN_TOKEN=${SHOPIFY_ADMIN_TOKEN:-shpat_local-fake-admin-token-not-for-production}
# notification-service signs its unsubscribe links with this; its mail goes to devstack's GreenMail (the env file
# names it) unless QUARKUS_MAILER_HOST names a real SMTP server
export NOTIFICATIONS_UNSUBSCRIBE_SECRET=${NOTIFICATIONS_UNSUBSCRIBE_SECRET:-local-dev-unsubscribe-secret-not-for-production}
# the origin the links in the emails point at: the local API gateway, which routes /notifications/... to the service
export NOTIFICATIONS_UNSUBSCRIBE_BASE_URL=${NOTIFICATIONS_UNSUBSCRIBE_BASE_URL:-http://127.0.0.1:$edge_port}

# The services that exist in this checkout, narrowed by --only.
services=()
for entry in "${all_services[@]}"; do
  name=${entry%%:*}
  [ -f "$name/pom.xml" ] || continue
  if [ ${#only[@]} -gt 0 ] && [[ ! " ${only[*]} " == *" $name "* ]]; then continue; fi
  services+=("$entry")
done
for wanted in "${only[@]}"; do
  [ -f "$wanted/pom.xml" ] || { echo "run.sh: there is no service '$wanted' in this checkout" >&2; exit 2; }
done

# --replicas: each NAME=N names a service this run starts, once, with N from 1 to 6
seen=" "
for pair in "${replicas[@]}"; do
  name=${pair%%=*}; count=${pair#*=}
  if [[ ! $pair =~ ^[a-z][a-z-]*=[0-9]+$ ]]; then
    echo "run.sh: --replicas takes NAME=N (e.g. order-service=2), was '$pair'" >&2; exit 2
  fi
  if [[ " ${services[*]} " != *" $name:"* ]]; then
    echo "run.sh: --replicas $pair: '$name' is not a service this run starts (it starts: ${services[*]%%:*})" >&2
    exit 2
  fi
  if [ "$((10#$count))" -lt 1 ] || [ "$((10#$count))" -gt 6 ]; then
    echo "run.sh: --replicas $pair: a service runs 1 to 6 replicas here" >&2; exit 2
  fi
  [[ $seen != *" $name "* ]] || { echo "run.sh: --replicas names '$name' twice" >&2; exit 2; }
  seen+="$name "
done
replica_count() { # name: how many replicas of it this run starts
  local pair count=1
  for pair in "${replicas[@]}"; do [ "${pair%%=*}" != "$1" ] || count=$((10#${pair#*=})); done
  echo "$count"
}
# Every replica this run starts, as "name index port management-port": replica k of a service listens on its port +
# 100 x (k - 1), its management on that + 1000 (order-service's: 8083/9083, 8183/9183, ... 8583/9583), which no
# other port of the run uses; the check below says so if EDGE_PORT picks one of them.
instances=()
for entry in "${services[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  for ((index = 1; index <= $(replica_count "$name"); index++)); do
    instances+=("$name $index $((port + 100 * (index - 1))) $((port + 100 * (index - 1) + 1000))")
  done
done
claimed=("$edge_port the local API gateway" "8090 shopify-fake" "15432 devstack's PostgreSQL" "16379 devstack's Redis"
  "19092 devstack's Kafka" "19093 devstack's Kafka controller" "2525 devstack's SMTP" "3143 devstack's IMAP")
for instance in "${instances[@]}"; do
  read -r name index port management <<<"$instance"
  for wanted in "$port $name (replica $index)" "$management $name's management (replica $index)"; do
    for taken in "${claimed[@]}"; do
      if [ "${taken%% *}" = "${wanted%% *}" ]; then
        echo "run.sh: port ${wanted%% *} would serve both ${taken#* } and ${wanted#* }" >&2; exit 2
      fi
    done
    claimed+=("$wanted")
  done
done

# Build what is missing.
devstack_jar=$(ls devstack/launcher/target/devstack-*.jar 2>/dev/null | head -1 || true)
missing=false
[ -n "$devstack_jar" ] && [ -f devstack/launcher/target/devstack.classpath ] || missing=true
[ -f shopify-fake/target/shopify-fake.classpath ] || missing=true
for entry in "${services[@]}"; do
  [ -f "${entry%%:*}/target/quarkus-app/quarkus-run.jar" ] || missing=true
done
if $missing || $rebuild; then
  echo "==> building (./mvnw install -DskipTests); the first build fetches dependencies and takes a few minutes"
  ./mvnw -q -B install -DskipTests
  devstack_jar=$(ls devstack/launcher/target/devstack-*.jar | head -1)
fi
devstack_cp="$devstack_jar:$(cat devstack/launcher/target/devstack.classpath)"

mkdir -p "$logs"
# a benchmark reads the replicas' pids here: never the ones of an earlier run
rm -f "$state/replicas"
pids=()
stop_all() {
  # a second Ctrl-C must not cut the clean-up short and leave servers behind
  trap '' INT TERM
  trap - EXIT
  rm -f "$state/replicas"
  if [ ${#pids[@]} -gt 0 ]; then
    echo
    echo "==> stopping what run.sh started"
    # the services, the fake and the gateway together (each Quarkus service closes its consumers and pools in a few
    # seconds), the infrastructure after them, so consumers commit before Kafka goes; whatever outlives its bound
    # is killed, so Ctrl-C returns within about ten seconds
    local infrastructure=()
    [ "${pids[0]}" = "${devstack_pid:-}" ] && infrastructure=("${pids[0]}")
    stop_within 7 "${pids[@]:${#infrastructure[@]}}"
    stop_within 3 "${infrastructure[@]}"
  fi
}
stop_within() { # seconds, pids...: SIGTERM to each, then SIGKILL to what still runs after that many seconds
  local deadline=$((SECONDS + $1)); shift
  [ $# -gt 0 ] || return 0
  kill "$@" 2>/dev/null || true
  local pid running
  while [ $SECONDS -lt $deadline ]; do
    running=false
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && running=true; done
    $running || break
    sleep 0.2
  done
  kill -9 "$@" 2>/dev/null || true
  wait "$@" 2>/dev/null || true
}
trap stop_all INT TERM EXIT

wait_for() { # url, what, seconds[, pid]: until the url answers 2xx (and not once the process of that pid has ended)
  local url=$1 what=$2 deadline=$((SECONDS + $3)) pid=${4:-}
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "run.sh: $what did not get ready; see $logs" >&2; exit 1; fi
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then echo "run.sh: $what stopped; see $logs" >&2; exit 1; fi
    sleep 1
  done
}

echo "==> infrastructure (logs in $logs/devstack.log)"
rm -f "$state/env"
java -cp "$devstack_cp" com.lavish.devstack.DevStackMain --home "$state" >"$logs/devstack.log" 2>&1 &
devstack_pid=$!
pids+=("$devstack_pid")
deadline=$((SECONDS + 180))
until [ -f "$state/env" ]; do
  if ! kill -0 "$devstack_pid" 2>/dev/null; then
    wait "$devstack_pid" && status=0 || status=$?
    if [ "$status" = 3 ] && [ -f "$state/env" ]; then
      echo "    devstack already runs for $state: using it"; pids=("${pids[@]:1}"); break
    fi
    echo "run.sh: devstack stopped (status $status); see $logs/devstack.log" >&2; exit 1
  fi
  [ $SECONDS -lt $deadline ] || { echo "run.sh: devstack did not get ready; see $logs/devstack.log" >&2; exit 1; }
  sleep 1
done
# shellcheck disable=SC1091
source "$state/env"

# Shopify's stand-in starts before the services: sync-service calls its Admin API from the first command on.
echo "==> shopify-fake on port 8090: Shopify's app proxy at /apps/lavish/..., its Admin API, webhooks on demand"
fake_cp="$(ls shopify-fake/target/shopify-fake-*.jar | head -1):$(cat shopify-fake/target/shopify-fake.classpath)"
java -cp "$fake_cp" com.lavish.shopifyfake.ShopifyFakeServer --host "$edge_host" --port 8090 \
  --edge "http://127.0.0.1:$edge_port" >"$logs/shopify-fake.log" 2>&1 &
pids+=("$!")
wait_for "http://127.0.0.1:8090/health" "shopify-fake" 30

# Replicas differ in their ports and log file only. Each joins its service's consumer groups (the same group.id) as a
# member of its own: the broker names members itself, and no service sets a group.instance.id or a client.id in its
# configuration (the channels keep Quarkus' default client ids), so nothing else needs to differ; the groups split
# the topics' 6 partitions between the replicas.
rows=() # "name index port management-port pid", for $state/replicas
for instance in "${instances[@]}"; do
  read -r name index port management <<<"$instance"
  log="$logs/$name.log"
  [ "$index" = 1 ] || log="$logs/$name-$index.log"
  opts_var="JAVA_OPTS_${name//-/_}"
  # Quarkus' production profile listens on all interfaces, as Kubernetes needs; here only this machine may call
  # shellcheck disable=SC2086
  QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$port \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$management \
    java ${!opts_var:-$service_java_opts} -jar "$name/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
  pids+=("$!")
  rows+=("$instance $!")
  count=$(replica_count "$name")
  what=$name; [ "$count" = 1 ] || what="$name replica $index of $count"
  echo "==> $what on port $port, management on $management, pid $! (log: $log)"
done
# written whole, so a benchmark that finds the file finds every line
printf '%s\n' "${rows[@]}" >"$state/replicas.partial"
mv "$state/replicas.partial" "$state/replicas"
for row in "${rows[@]}"; do
  read -r name index port management pid <<<"$row"
  what=$name; [ "$(replica_count "$name")" = 1 ] || what="$name replica $index"
  wait_for "http://127.0.0.1:$management/q/health/ready" "$what" 120 "$pid"
done

# The gateway reads which service owns a path from routes.properties (by the service's port) and learns here the
# ports of the replicas of each service that runs more than one, which take its requests in turn
backends=()
for entry in "${services[@]}"; do
  ports=""
  for instance in "${instances[@]}"; do
    read -r name index port management <<<"$instance"
    if [ "$name" = "${entry%%:*}" ]; then ports+="${ports:+,}$port"; fi
  done
  if [[ $ports == *,* ]]; then backends+=(--backend "${entry##*:}=$ports"); fi
done
echo "==> local API gateway on $edge_host:$edge_port${backends[*]:+ (${backends[*]})}"
java -cp "$devstack_cp" com.lavish.devstack.LocalApiGateway --host "$edge_host" --port "$edge_port" \
  --routes deploy/local/routes.properties "${backends[@]}" >"$logs/gateway.log" 2>&1 &
pids+=("$!")
deadline=$((SECONDS + 30))
until (exec 3<>"/dev/tcp/127.0.0.1/$edge_port") 2>/dev/null; do
  [ $SECONDS -lt $deadline ] || { echo "run.sh: the local API gateway did not start; see $logs/gateway.log" >&2; exit 1; }
  sleep 1
done


names=" ${services[*]} "
if $demo && [[ $names == *" webhook-gateway:"* ]] && [[ $names == *" customer-service:"* ]]; then
  # a demo that stops early leaves the suite running, to look into
  EDGE="http://127.0.0.1:$edge_port" SHOP_FAKE="http://127.0.0.1:8090" bash deploy/local/demo.sh \
    || echo "run.sh: the demo stopped early (above); the suite keeps running, logs in $logs" >&2
fi

echo
echo "The storefront in a browser (shopify-fake renders theme-extension/'s blocks; the demo's customer is Ada):"
echo "  account page:  http://127.0.0.1:8090/account/login?customer_id=9007199254740993"
echo "  product page:  http://127.0.0.1:8090/products/lavish-monthly-book-box"
if [ -n "${DEVSTACK_IMAP_URL:-}" ]; then
  echo "The mail the suite sends: devstack's SMTP server keeps it; read a recipient's mailbox over IMAP at"
  echo "  $DEVSTACK_IMAP_URL (login and password: the recipient's address), e.g."
  echo "  curl -s --user 'ada.lovelace@example.com.au:ada.lovelace@example.com.au' '$DEVSTACK_IMAP_URL/INBOX' -X 'SEARCH ALL'"
  echo "  curl -s --user 'ada.lovelace@example.com.au:ada.lovelace@example.com.au' '$DEVSTACK_IMAP_URL/INBOX;MAILINDEX=1'"
fi
echo "The suite runs: webhooks and the storefront API on http://127.0.0.1:$edge_port; the storefront as Shopify's"
echo "app proxy forwards it on http://127.0.0.1:8090/apps/lavish/... (Ctrl-C stops it)."
wait
