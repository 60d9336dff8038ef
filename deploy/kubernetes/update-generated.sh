#!/usr/bin/env bash
# Regenerates each service's Kubernetes manifest with quarkus-kubernetes (from its application.properties) and copies
# it to base/services/<service>/kubernetes.yml, the committed copy kustomize reads. Run it after changing a service's
# quarkus.kubernetes.* settings (or anything that shows in its manifest: port, probes, env), then commit both;
# deploy's GeneratedManifestsTest fails while a committed copy differs from what its service generates.
#
#   deploy/kubernetes/update-generated.sh                   every service that has a component here and a module
#   deploy/kubernetes/update-generated.sh order-service     just these
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

services=("$@")
if [ ${#services[@]} -eq 0 ]; then
  for dir in "$here"/base/services/*/; do
    name=$(basename "$dir")
    [ -f "$name/pom.xml" ] && services+=("$name")
  done
fi
list=$(IFS=,; echo "${services[*]}")
echo "==> packaging $list (tests skipped) to generate their manifests"
./mvnw -B -ntp -q package -pl "$list" -am -DskipTests
for name in "${services[@]}"; do
  # without the annotations that name the build (commit, repository, time): they change with every commit
  grep -Ev '^ *app\.quarkus\.io/(commit-id|vcs-uri|build-timestamp):' "$name/target/kubernetes/kubernetes.yml" \
    > "$here/base/services/$name/kubernetes.yml"
  echo "    $name -> deploy/kubernetes/base/services/$name/kubernetes.yml"
done
