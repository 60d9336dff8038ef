#!/usr/bin/env bash
# The demo: signed sample webhooks go in through the local API gateway, and the storefront API answers for
# the signed-in customer only. run.sh calls it once the suite is up; it can be run again by hand:
#   EDGE=http://127.0.0.1:8080 bash deploy/local/demo.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
EDGE=${EDGE:-http://127.0.0.1:8080}
shops=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
shop=${shops%%,*}
fake_cp="$(ls shopify-fake/target/shopify-fake-*.jar | head -1):$(cat shopify-fake/target/shopify-fake.classpath)"
fake() { java -cp "$fake_cp" com.lavish.shopifyfake.ShopifyFakeCli "$@"; }
pretty() { if command -v python3 >/dev/null; then python3 -m json.tool; else cat; fi; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Beyond 2^53 on purpose: a JavaScript number would round it; the suite keeps it exact.
ada=9007199254740993
other=$((RANDOM + 1000))

step "Shopify sends a signed customers/create webhook for customer $ada"
fake send --gateway "$EDGE/webhooks/customers-create/" --topic customers/create --customer-id "$ada" \
  --email "ada.reader@example.com.au"

step "The storefront asks, through Shopify's app proxy, for the signed-in customer's profile"
url=$(fake proxy-url --base "$EDGE" --path /proxy/customers/me --customer-id "$ada")
for _ in $(seq 1 30); do
  code=$(curl -s -o /tmp/lavish-demo-me.json -w '%{http_code}' "$url")
  [ "$code" = 200 ] && break
  sleep 0.5
done
echo "GET /proxy/customers/me -> $code"
pretty < /tmp/lavish-demo-me.json

step "Shopify sends a newer customers/update: the profile follows"
fake send --gateway "$EDGE/webhooks" --topic customers/update --customer-id "$ada" \
  --email "ada.lovelace@example.com.au"
sleep 2
curl -s "$(fake proxy-url --base "$EDGE" --path /proxy/customers/me --customer-id "$ada")" | pretty

step "Another signed-in customer ($other) sees only their own data: none yet"
curl -s -w '\n-> %{http_code}\n' "$(fake proxy-url --base "$EDGE" --path /proxy/customers/me --customer-id "$other")"

step "A visitor who is not logged in"
curl -s -w '\n-> %{http_code}\n' "$(fake proxy-url --base "$EDGE" --path /proxy/customers/me --anonymous)"

step "A forged proxy request (customer id changed after signing)"
curl -s -w '\n-> %{http_code}\n' "$(fake proxy-url --base "$EDGE" --path /proxy/customers/me --customer-id "$other" \
  | sed "s/logged_in_customer_id=$other/logged_in_customer_id=$ada/")"

step "A webhook with a wrong signature"
curl -s -w '\n-> %{http_code}\n' -X POST "$EDGE/webhooks" -H 'Content-Type: application/json' \
  -H 'X-Shopify-Topic: customers/create' -H "X-Shopify-Shop-Domain: ${shop}" \
  -H 'X-Shopify-Webhook-Id: demo-forged' -H 'X-Shopify-Hmac-Sha256: bm90IHRoZSByaWdodCBzaWduYXR1cmU=' \
  --data '{"id":1,"email":"mallory@example.com"}'
