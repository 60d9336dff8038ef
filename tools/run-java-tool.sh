#!/usr/bin/env bash
# Runs one of the suite's single-file Java tools (tools/<tool>/<Tool>.java) on the runtime classpath of the module
# whose libraries it uses, so it runs the versions the suite pins. The classpath is worked out once, with Maven, and
# kept in that module's target/ (delete it there after a dependency changes).
#
#   tools/run-java-tool.sh MODULE SOURCE.java [ARGS...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
module=$1
source=$2
shift 2
classpath="$root/$module/target/$(basename "$source" .java).classpath"
if [ ! -s "$classpath" ]; then
  (cd "$root" && ./mvnw -q -B -ntp dependency:build-classpath -pl "$module" -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$classpath" >&2)
fi
exec java -cp "$(cat "$classpath")" "$source" "$@"
