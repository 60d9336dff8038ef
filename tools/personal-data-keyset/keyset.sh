#!/usr/bin/env bash
# Makes and rotates PERSONAL_DATA_KEYSET values with Tink (the version the suite pins); see the README and
# docs/adr/0005-personal-data-encryption.md. The keyset is secret: once it is in the Secret, delete the files made here.
#
#   tools/personal-data-keyset/keyset.sh new > keyset.json
#   tools/personal-data-keyset/keyset.sh add < keyset.json          (rotation, step 1)
#   tools/personal-data-keyset/keyset.sh promote KEY_ID < keyset.json (rotation, step 2)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../run-java-tool.sh" service-edge "$here/PersonalDataKeyset.java" "$@"
