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
webhook() { # topic customer-id email: Shopify's sample about that customer (Ada's carries her name throughout)
  local names=""
  [ "$2" = "$ada" ] && names=', "first_name": "Ada", "last_name": "Lovelace"'
  curl -s -X POST "$SHOP_FAKE/admin/fake/webhooks/${1//\//%2F}" -H 'Content-Type: application/json' \
    --data "{\"customer_id\": $2, \"email\": \"$3\"$names}"
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
token=$(curl -s -X POST -H "X-Fake-Logged-In-Customer-Id: $ada" -H 'Content-Type: application/json' "$SHOP_FAKE/apps/lavish/session" \
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

# Ada's profile after her orders: orders_count and total_spent come from Shopify's customers/purchasing_summary,
# which shopify-fake sends after each order webhook, counted from the orders it holds for her; they should agree
# with the orders the suite holds (order-service): every order counts, a cancelled one adds nothing to the total.
profile_after_orders() {
  step "Ada's profile now: her order count and total spent (Shopify's purchasing summary), beside the orders the suite holds"
  local have="" want="" code
  for _ in $(seq 1 40); do
    code=$(curl -s -o /tmp/lavish-demo-me.json -w '%{http_code}' -H "X-Fake-Logged-In-Customer-Id: $ada" \
      "$SHOP_FAKE/apps/lavish/customers/me")
    curl -s -o /tmp/lavish-demo-orders-now.json -H "X-Fake-Logged-In-Customer-Id: $ada" "$SHOP_FAKE/apps/lavish/orders"
    have=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d.get("orders_count"), (d.get("total_spent") or {}).get("amount"))' \
      /tmp/lavish-demo-me.json 2>/dev/null || true)
    want=$(python3 -c 'import json,sys; from decimal import Decimal
o=json.load(open(sys.argv[1])).get("orders") or []
print(len(o), sum((Decimal(x["total_price"]) for x in o if not x.get("cancelled_at")), Decimal("0.00")))' \
      /tmp/lavish-demo-orders-now.json 2>/dev/null || true)
    [ "$code" = 200 ] && [ -n "$want" ] && [ "$have" = "$want" ] && break
    sleep 0.5
  done
  echo "-> $code"
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(json.dumps({k: d.get(k) for k in ("id", "email", "first_name", "last_name", "orders_count", "total_spent")}, indent=2))' \
    /tmp/lavish-demo-me.json 2>/dev/null || pretty < /tmp/lavish-demo-me.json
  echo "The orders the suite holds for her (count, total of those not cancelled): ${want:-none}"
  if [ -n "$want" ] && [ "$have" = "$want" ]; then echo "They agree."; else
    echo "demo: her profile says ${have:-nothing} (customer-service applies the summary in its own time; its log says why)" >&2
  fi
}

# whether a service runs: its readiness on its management port (run.sh: its port + 1000)
profile_shown=false
orders_sent=false
if curl -fsS -o /dev/null "http://127.0.0.1:${ORDER_SERVICE_MANAGEMENT_PORT:-9083}/q/health/ready" 2>/dev/null; then
  step "Shopify sends a signed orders/create for Ada: Shopify's sample order, now hers (and not cancelled)"
  # shopify-fake follows each order webhook with customers/purchasing_summary for her (her profile's order count)
  curl -s -X POST "$SHOP_FAKE/admin/fake/webhooks/orders%2Fcreate" -H 'Content-Type: application/json' \
    --data "{\"customer_id\": $ada, \"email\": \"ada.lovelace@example.com.au\", \"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"cancelled\": false}"
  echo

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
    --data "{\"customer_id\": $ada, \"email\": \"ada.lovelace@example.com.au\", \"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"financial_status\": \"paid\", \"cancelled\": false}"
  echo
  for _ in $(seq 1 16); do grep -q '^data:' /tmp/lavish-demo-events.txt && break; sleep 0.5; done
  kill "$listener" 2>/dev/null || true
  wait "$listener" 2>/dev/null || true
  cat /tmp/lavish-demo-events.txt
  orders_sent=true
fi

if curl -fsS -o /dev/null "http://127.0.0.1:${SUBSCRIPTION_SERVICE_MANAGEMENT_PORT:-9084}/q/health/ready" 2>/dev/null \
  && curl -fsS -o /dev/null "http://127.0.0.1:${SYNC_SERVICE_MANAGEMENT_PORT:-9085}/q/health/ready" 2>/dev/null; then
  admin_password=${ADMIN_PASSWORD:-local-dev-admin-password-not-for-production}
  admin() { curl -s -u "admin:$admin_password" -H 'Content-Type: application/json' "$@"; echo; }
  # a field of a JSON answer on stdin, by a Python expression over it (d): the demo's only JSON tool
  field() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1" 2>/dev/null || true; }
  until_answer() { # url, python condition on d, seconds: the answer once the condition holds (as Ada)
    local deadline=$((SECONDS + $3))
    while :; do
      curl -s -H "X-Fake-Logged-In-Customer-Id: $ada" "$1" > /tmp/lavish-demo-sub.json
      [ "$(field "bool($2)" < /tmp/lavish-demo-sub.json)" = True ] && return 0
      [ $SECONDS -lt $deadline ] || { echo "demo: not seen within $3 s; the services' logs say why" >&2; return 1; }
      sleep 0.5
    done
  }
  subscription_url() { echo "$SHOP_FAKE/apps/lavish/subscriptions/$contract"; }
  act() { # method path-after-contract [json]: a change Ada asks for, with an Idempotency-Key
    # JSON always: a change through the app proxy that is not JSON is refused as a cross-site form would be
    curl -s -w '\n-> %{http_code}\n' -X "$1" -H "X-Fake-Logged-In-Customer-Id: $ada" -H "Idempotency-Key: demo-$run_id-${2:-change}-$RANDOM" \
      -H 'Content-Type: application/json' ${3:+--data "$3"} "$(subscription_url)${2:+/$2}" | cut -c1-400
  }
  confirmed() { # expected status: wait until Shopify confirmed the change, show status and pending
    until_answer "$(subscription_url)" "d.get('status') == '$1' and not d.get('pending')" 30
    field "{k: d.get(k) for k in ('status', 'pending', 'last_action', 'next_billing_date')}" < /tmp/lavish-demo-sub.json
  }

  reconcile() { # resources...: a reconciliation pass now (again if the scheduled one holds the shop's lock)
    local query
    query=$(printf 'resource=%s&' "$@")
    for _ in $(seq 1 20); do
      admin -X POST "$EDGE/admin/reconciliation/runs?${query%&}" > /tmp/lavish-demo-reconcile.json
      grep -q '"skipped"' /tmp/lavish-demo-reconcile.json || break
      sleep 1
    done
    pretty < /tmp/lavish-demo-reconcile.json
  }
  # this run's own keys: the database outlives a run of the suite, Shopify's (the fake's) state does not
  run_id=$(date +%s)

  step "First load: sync-service reads the shop's catalogue from the Admin API as a bulk operation"
  reconcile products

  step "The merchant creates a selling plan group on the Monthly Book Box: stored pending, sent to Shopify once"
  product=$(curl -s "$SHOP_FAKE/fake/admin/products" | field "[p for p in d['products'] if p['title'] == 'Lavish Monthly Book Box'][0]['id']")
  admin -X POST "$EDGE/admin/subscriptions/selling-plan-groups" -H "Idempotency-Key: demo-monthly-box-$run_id" --data "{
    \"shop\": \"$shop\", \"name\": \"Monthly book box\", \"options\": [\"Delivery every\"],
    \"product_ids\": [\"$product\"],
    \"plans\": [{\"name\": \"Monthly book box, 10% off\", \"option\": \"1 month\", \"interval\": \"month\", \"interval_count\": 1, \"percentage_off\": 10},
                {\"name\": \"Every 3 months\", \"option\": \"3 months\", \"interval\": \"month\", \"interval_count\": 3}]}" \
    | cut -c1-300
  for _ in $(seq 1 30); do
    admin "$EDGE/admin/subscriptions/selling-plan-groups?shop=$shop" > /tmp/lavish-demo-groups.json
    [ "$(field "[g['state'] for g in d if g['name'] == 'Monthly book box'][0]" < /tmp/lavish-demo-groups.json)" = live ] && break
    sleep 0.5
  done
  field "[{k: g[k] for k in ('name', 'state', 'shopify_id', 'plans')} for g in d if g['name'] == 'Monthly book box'][0]" \
    < /tmp/lavish-demo-groups.json
  monthly=$(field "[p['shopify_id'] for g in d if g['name'] == 'Monthly book box' for p in g['plans'] if p['interval_count'] == 1][0]" < /tmp/lavish-demo-groups.json)
  quarterly=$(field "[p['shopify_id'] for g in d if g['name'] == 'Monthly book box' for p in g['plans'] if p['interval_count'] == 3][0]" < /tmp/lavish-demo-groups.json)
  echo "In Shopify (the fake), groups with that name: $(curl -s "$SHOP_FAKE/fake/admin/selling-plan-groups" \
    | field "len([g for g in d['sellingPlanGroups'] if g['name'] == 'Monthly book box'])")"

  step "Ada checks out the box on the monthly plan: Shopify sends orders/create and subscription_contracts/create"
  variant=$(curl -s "$SHOP_FAKE/fake/admin/products" | field "[p for p in d['products'] if p['title'] == 'Lavish Monthly Book Box'][0]['variants'][0]['id']")
  curl -s -X POST "$SHOP_FAKE/fake/admin/checkouts" -H 'Content-Type: application/json' \
    --data "{\"customerId\": $ada, \"variantId\": \"$variant\", \"sellingPlanId\": \"$monthly\"}" > /tmp/lavish-demo-checkout.json
  contract=$(field "str(d['contractId']).rsplit('/', 1)[-1]" < /tmp/lavish-demo-checkout.json)
  echo "contract $contract"

  step "Her subscription on the storefront: the thin webhook, completed from the Admin API (lines, next billing date)"
  until_answer "$(subscription_url)" "d.get('lines')" 30
  field "{k: d.get(k) for k in ('id', 'status', 'next_billing_date', 'plan', 'lines')}" < /tmp/lavish-demo-sub.json

  step "She pauses it: 202 pending at once, then confirmed by Shopify"
  act POST pause
  confirmed paused
  step "She resumes it"
  act POST resume
  confirmed active
  step "She skips the next box"
  act POST skip
  until_answer "$(subscription_url)" "d.get('skipped_cycles') and not d.get('pending')" 30
  field "{k: d.get(k) for k in ('status', 'skipped_cycles', 'next_billing_date', 'next_delivery')}" < /tmp/lavish-demo-sub.json
  act POST unskip
  until_answer "$(subscription_url)" "not d.get('skipped_cycles') and not d.get('pending')" 30

  step "Billing: the merchant brings the run forward to her billing date; her card is declined once (scripted)"
  curl -s -X POST "$SHOP_FAKE/fake/admin/billing-script" -H 'Content-Type: application/json' \
    --data "{\"contractId\": \"$contract\", \"errorCode\": \"insufficient_funds\", \"failures\": 1}"; echo
  due=$(field "d['next_billing_date']" < /tmp/lavish-demo-sub.json)
  admin -X POST "$EDGE/admin/subscriptions/billing/run?as_of=$due"
  until_answer "$(subscription_url)" "d['billing'].get('next_retry_at')" 30
  field "d['billing']" < /tmp/lavish-demo-sub.json
  step "Dunning retries on its schedule; the retry is paid and her next billing date moves on a month"
  retry=$(field "d['billing']['next_retry_at']" < /tmp/lavish-demo-sub.json)
  admin -X POST "$EDGE/admin/subscriptions/billing/run?as_of=$retry"
  until_answer "$(subscription_url)" "d['billing']['steps'][0]['step'] == 'billed'" 30
  field "{'next_billing_date': d['next_billing_date'], 'steps': d['billing']['steps']}" < /tmp/lavish-demo-sub.json
  step "Her card was declined: Shopify emails her a link to update it (shopify-fake records the email it would send)"
  for _ in $(seq 1 20); do
    curl -s "$SHOP_FAKE/fake/admin/payment-method-emails" > /tmp/lavish-demo-payment-emails.json
    [ "$(field "len([e for e in d['emails'] if e['customerId'].endswith('/$ada')])" \
      < /tmp/lavish-demo-payment-emails.json)" -gt 0 ] 2>/dev/null && break
    sleep 0.5
  done
  sent=$(field "[(e['customerPaymentMethodId'], e['sentAt']) for e in d['emails'] if e['customerId'].endswith('/$ada')]" \
    < /tmp/lavish-demo-payment-emails.json)
  if [ -n "$sent" ] && [ "$sent" != "[]" ]; then echo "$sent"; else
    echo "none recorded (subscription-service asks for it once per dunning run when the card was at fault)"
  fi

  step "She changes the frequency to every 3 months (Shopify's draft flow), then cancels"
  act PATCH "" "{\"selling_plan_id\": \"$quarterly\"}"
  until_answer "$(subscription_url)" "d['billing_policy']['interval_count'] == 3 and not d.get('pending')" 30
  field "{k: d.get(k) for k in ('billing_policy', 'plan', 'last_action')}" < /tmp/lavish-demo-sub.json
  act POST cancel
  confirmed cancelled

  step "Another customer tries Ada's subscription: 404"
  storefront "$other" "subscriptions/$contract"

  profile_after_orders
  profile_shown=true

  step "A webhook that never arrives: Shopify's webhooks are muted while Ada buys again; reconciliation heals it"
  curl -s -X POST "$SHOP_FAKE/fake/admin/webhooks/mute" -H 'Content-Type: application/json' --data '{"all": true}'; echo
  curl -s -X POST "$SHOP_FAKE/fake/admin/checkouts" -H 'Content-Type: application/json' \
    --data "{\"customerId\": $ada, \"variantId\": \"$variant\", \"sellingPlanId\": \"$monthly\"}" > /tmp/lavish-demo-checkout2.json
  curl -s -X DELETE "$SHOP_FAKE/fake/admin/webhooks/mute"; echo
  missed=$(field "d['orderName']" < /tmp/lavish-demo-checkout2.json)
  echo "Ada's orders before: $(curl -s -H "X-Fake-Logged-In-Customer-Id: $ada" "$SHOP_FAKE/apps/lavish/orders" \
    | field "[o['name'] for o in d['orders']]")  (Shopify has $missed)"
  reconcile orders subscription_contracts
  for _ in $(seq 1 30); do
    curl -s -H "X-Fake-Logged-In-Customer-Id: $ada" "$SHOP_FAKE/apps/lavish/orders" > /tmp/lavish-demo-orders2.json
    grep -q "\"$missed\"" /tmp/lavish-demo-orders2.json && break
    sleep 0.5
  done
  echo "Ada's orders after: $(field "[o['name'] for o in d['orders']]" < /tmp/lavish-demo-orders2.json)"
  healed=$(field "str(d['contractId']).rsplit('/', 1)[-1]" < /tmp/lavish-demo-checkout2.json)
  until_answer "$SHOP_FAKE/apps/lavish/subscriptions" "'$healed' in [s['id'] for s in d['subscriptions']]" 30
  echo "Her subscriptions: $(field "[(s['id'], s['status']) for s in d['subscriptions']]" < /tmp/lavish-demo-sub.json)"
fi

# no subscription services: her orders came only from the order webhooks above
if [ "$profile_shown" = false ] && [ "$orders_sent" = true ]; then
  profile_after_orders
fi

if curl -fsS -o /dev/null "http://127.0.0.1:${NOTIFICATION_SERVICE_MANAGEMENT_PORT:-9086}/q/health/ready" 2>/dev/null; then
  # devstack's GreenMail keeps every message; a mailbox's login and password are its address
  imap=${DEVSTACK_IMAP_URL:-imap://127.0.0.1:3143}
  subjects() { # address: the subjects of the mail in its inbox, one a line (nothing when it has none)
    # message by message: curl shows a FETCH of several messages without their header text
    local number
    for number in $(curl -s --max-time 5 --user "$1:$1" "$imap/INBOX" -X 'SEARCH ALL' 2>/dev/null \
      | tr -d '\r' | sed -n 's/^\* SEARCH//p'); do
      curl -s --max-time 5 --user "$1:$1" "$imap/INBOX;MAILINDEX=$number;SECTION=HEADER.FIELDS%20(SUBJECT)" \
        2>/dev/null | tr -d '\r' | grep -i '^subject:' || true
    done
  }
  step "The emails Ada got from the suite (notification-service, over SMTP to devstack's mail server)"
  # she signed up as ada.reader@ and changed to ada.lovelace@ (the webhooks above): her mail may be at either
  found=false
  for _ in $(seq 1 10); do
    for address in ada.lovelace@example.com.au ada.reader@example.com.au; do
      [ -n "$(subjects "$address")" ] && found=true
    done
    $found && break
    sleep 1
  done
  for address in ada.lovelace@example.com.au ada.reader@example.com.au; do
    mail=$(subjects "$address")
    [ -n "$mail" ] && printf '%s:\n%s\n' "$address" "$mail"
  done
  $found || echo "no mail for Ada within 10 s (notification-service's log says why); the demo goes on"
  echo "Read them in full: IMAP at $imap, login and password her address, e.g."
  echo "  curl -s --user 'ada.lovelace@example.com.au:ada.lovelace@example.com.au' '$imap/INBOX;MAILINDEX=1'"
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
