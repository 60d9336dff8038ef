# Shared by the bench/run-*.sh scripts (sourced, not run).

# ready URL SECONDS: waits until the URL answers 2xx, or stops the script
ready() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "not ready: $1" >&2; exit 1; }; sleep 1
  done
}

# background PID...: processes the script started beside the suite (peers, load generators), stopped first when the
# script ends
bench_peers=()
background() { bench_peers+=("$@"); }

# local_suite STATE [run.sh options...]: the local run (deploy/local/run.sh) with a fresh database under
# STATE/devstack (Shopify's fake starts empty and hands out the same ids again) and its output in STATE/run.log, in
# the background until the script ends (then after what `background` named); returns once it says it runs, or
# stops the script
local_suite() {
  local state=$1; shift
  # the old log too: the wait below must not read the previous run's "The suite runs" before this one truncates it
  rm -rf "$state/devstack" "$state/run.log"
  DEVSTACK_HOME="$state/devstack" bash deploy/local/run.sh --no-demo "$@" >"$state/run.log" 2>&1 &
  local suite=$!
  # shellcheck disable=SC2064
  trap "kill \${bench_peers[@]} $suite 2>/dev/null || true; wait 2>/dev/null || true" EXIT INT TERM
  local deadline=$((SECONDS + 360))
  until grep -qs "The suite runs" "$state/run.log"; do
    kill -0 "$suite" 2>/dev/null || { echo "the suite did not start; see $state/run.log" >&2; exit 1; }
    [ $SECONDS -lt $deadline ] || { echo "the suite did not start in time; see $state/run.log" >&2; exit 1; }
    sleep 1
  done
}

# bench_classpath MODULE_JAR...: packages the suite (never installs: the shared ~/.m2 must not get this checkout's
# snapshots) when bench's classpath or one of these artifacts is missing, then sets bench_cp
bench_classpath() {
  local missing=false artifact
  [ -f bench/target/bench.classpath ] || missing=true
  for artifact in "$@"; do [ -f "$artifact" ] || missing=true; done
  if $missing; then ./mvnw -q -B -ntp package -DskipTests; fi
  bench_cp="$(ls bench/target/bench-*.jar | head -1):$(cat bench/target/bench.classpath)"
}
