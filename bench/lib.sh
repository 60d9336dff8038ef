# Shared by the bench/run-*.sh scripts (sourced, not run).

# ready URL SECONDS: waits until the URL answers 2xx, or stops the script
ready() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || { echo "not ready: $1" >&2; exit 1; }; sleep 1
  done
}
