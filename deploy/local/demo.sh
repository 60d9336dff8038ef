#!/usr/bin/env bash
# The demo: Shopify (shopify-fake) sends signed webhooks through the local API gateway, and the storefront asks
# for the signed-in customer's data through Shopify's app proxy (shopify-fake again, which signs the request
# as Shopify does). run.sh calls it once the suite is up; by hand:
#   EDGE=http://127.0.0.1:8080 SHOP_FAKE=http://127.0.0.1:8090 bash deploy/local/demo.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
EDGE=${EDGE:-http://127.0.0.1:8080}
SHOP_FAKE=${SHOP_FAKE:-http://127.0.0.1:8090}
shops=${SHOPIFY_SHOPS:-lavish-library.myshopify.com}
shop=${shops%%,*}
fake_cp="$(ls shopify-fake/target/shopify-fake-*.jar | head -1):$(cat shopify-fake/target/shopify-fake.classpath)"
fake() { java -cp "$fake_cp" com.lavish.shopifyfake.ShopifyFakeCli "$@"; }
pretty() { if command -v python3 >/dev/null; then python3 -m json.tool; else cat; fi; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
webhook() { # topic customer-id email
  curl -s -X POST "$SHOP_FAKE/admin/fake/webhooks/${1//\//%2F}" -H 'Content-Type: application/json' \
    --data "{\"customer_id\": $2, \"email\": \"$3\"}"
  echo
}
storefront() { # customer-id (empty: not logged in), path
  curl -s -w '\n-> %{http_code}\n' ${1:+-H "X-Fake-Logged-In-Customer-Id: $1"} "$SHOP_FAKE/apps/lavish/$2"
}

# Beyond 2^53 on purpose: a JavaScript number would round it; the suite keeps it exact.
ada=9007199254740993
other=$((RANDOM + 1000))

step "Shopify sends a signed customers/create webhook for customer $ada (gateway answers after Kafka has it)"
webhook customers/create "$ada" "ada.reader@example.com.au"

step "Ada's browser asks for her profile: /apps/lavish/customers/me on the shop, signed by Shopify's app proxy"
for _ in $(seq 1 30); do
  code=$(curl -s -o /tmp/lavish-demo-me.json -w '%{http_code}' -H "X-Fake-Logged-In-Customer-Id: $ada" \
    "$SHOP_FAKE/apps/lavish/customers/me")
  [ "$code" = 200 ] && break
  sleep 0.5
done
echo "-> $code"
pretty < /tmp/lavish-demo-me.json

step "Shopify sends a newer customers/update: the profile follows"
webhook customers/update "$ada" "ada.lovelace@example.com.au"
sleep 2
curl -s -H "X-Fake-Logged-In-Customer-Id: $ada" "$SHOP_FAKE/apps/lavish/customers/me" | pretty

step "The theme gets a short-lived token through the app proxy, then calls the API directly with it"
token=$(curl -s -X POST -H "X-Fake-Logged-In-Customer-Id: $ada" "$SHOP_FAKE/apps/lavish/session" \
  | sed -E 's/.*"token" *: *"([^"]+)".*/\1/')
curl -s -H "Authorization: Bearer $token" -H "Origin: http://127.0.0.1:8090" -w '\n-> %{http_code}\n' \
  "$EDGE/api/customers/me" | head -c 300
echo

step "Address-form data for the theme, public and cached (a second ask with the ETag gets 304)"
curl -s -D /tmp/lavish-demo-headers "$SHOP_FAKE/apps/lavish/locations/countries" | head -c 400
echo
etag=$(grep -i '^etag:' /tmp/lavish-demo-headers | cut -d' ' -f2- | tr -d '\r')
curl -s -o /dev/null -w 'again with If-None-Match -> %{http_code}\n' -H "If-None-Match: $etag" \
  "$SHOP_FAKE/apps/lavish/locations/countries"

if curl -fsS -o /dev/null "http://127.0.0.1:${ORDER_SERVICE_PORT:-8083}/q/health/ready" 2>/dev/null; then
  step "Shopify sends a signed orders/create for Ada: Shopify's sample order, now hers"
  webhook orders/create "$ada" "ada.lovelace@example.com.au"

  step "Ada's orders through the app proxy: /apps/lavish/orders (newest first, ids and money as strings)"
  for _ in $(seq 1 30); do
    code=$(curl -s -o /tmp/lavish-demo-orders.json -w '%{http_code}' -H "X-Fake-Logged-In-Customer-Id: $ada" \
      "$SHOP_FAKE/apps/lavish/orders")
    [ "$code" = 200 ] && grep -q '"id"' /tmp/lavish-demo-orders.json && break
    sleep 0.5
  done
  echo "-> $code"
  pretty < /tmp/lavish-demo-orders.json
  number=$(sed -E 's/.*"number" *: *([0-9]+).*/\1/' /tmp/lavish-demo-orders.json)

  step "One order by its number, direct through the gateway with Ada's session token: lines, totals, tracking"
  curl -s -H "Authorization: Bearer $token" -H "Origin: http://127.0.0.1:8090" -w '\n-> %{http_code}\n' \
    "$EDGE/api/orders/$number" | head -c 600
  echo

  step "Another customer asks for Ada's order number: 404, nothing of hers"
  storefront "$other" "orders/$number"

  step "Live status: Ada's page listens on /api/orders/events (server-sent events); Shopify marks the order paid"
  # the page reads the stream with fetch(), which can send the token (EventSource cannot)
  timeout 10 curl -sN -H "Authorization: Bearer $token" -H "Origin: http://127.0.0.1:8090" \
    "$EDGE/api/orders/events" > /tmp/lavish-demo-events.txt 2>/dev/null &
  listener=$!
  sleep 2
  curl -s -X POST "$SHOP_FAKE/admin/fake/webhooks/orders%2Fpaid" -H 'Content-Type: application/json' \
    --data "{\"customer_id\": $ada, \"financial_status\": \"paid\"}"
  echo
  for _ in $(seq 1 16); do grep -q '^data:' /tmp/lavish-demo-events.txt && break; sleep 0.5; done
  kill "$listener" 2>/dev/null || true
  wait "$listener" 2>/dev/null || true
  cat /tmp/lavish-demo-events.txt
fi

step "Another signed-in customer ($other) sees only their own data: none yet"
storefront "$other" customers/me

step "A visitor who is not logged in"
storefront "" customers/me

step "A forged proxy request straight to the API (customer id changed after Shopify signed it)"
curl -s -w '\n-> %{http_code}\n' "$(fake proxy-url --base "$EDGE" --path /proxy/customers/me --customer-id "$other" \
  | sed "s/logged_in_customer_id=$other/logged_in_customer_id=$ada/")"

step "A webhook with a wrong signature"
curl -s -w '\n-> %{http_code}\n' -X POST "$EDGE/webhooks" -H 'Content-Type: application/json' \
  -H 'X-Shopify-Topic: customers/create' -H "X-Shopify-Shop-Domain: $shop" \
  -H 'X-Shopify-Webhook-Id: demo-forged' -H 'X-Shopify-Hmac-Sha256: bm90IHRoZSByaWdodCBzaWduYXR1cmU=' \
  --data '{"id":1,"email":"mallory@example.com"}'
