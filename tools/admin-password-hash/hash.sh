#!/usr/bin/env bash
# Makes the bcrypt hash of an admin user's password (cost 12, Modular Crypt Format) for
# ADMIN_USERS_<NAME>_PASSWORD_HASH; see docs/adr/0006-admin-credential.md. The hash is not the password, but it is
# still a secret (a weak password can be guessed from it offline): put it in the Secret, nowhere else.
#
#   tools/admin-password-hash/hash.sh                               asks for the password twice, without echo
#   printf '%s' "$password" | tools/admin-password-hash/hash.sh     from standard input, for scripts
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../run-java-tool.sh" event-consumer "$here/AdminPasswordHash.java" "$@"
