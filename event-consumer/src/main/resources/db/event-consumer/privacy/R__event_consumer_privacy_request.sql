-- Shopify's mandatory privacy requests (shopify.compliance, docs/shopify-reference.md §1.6) as a service received them
-- (event-consumer's PrivacyRequestLedger), written in the transaction of the erasure it records; the ce_id key makes
-- a second delivery change nothing. Kept after shop/redact: the record that the shop's data was erased, holding only
-- Shopify ids. Owned by the library: a service includes this location (db/event-consumer/privacy) instead of copying
-- the table; where an earlier migration made it, only the indexes it lacked are added. Idempotent statements only.
create table if not exists privacy_request (
    -- X-Shopify-Webhook-Id
    ce_id                        varchar primary key,
    shop_domain                  varchar not null,
    -- customers/redact, shop/redact, customers/data_request, app/uninstalled
    type                         varchar not null,
    -- Shopify's customer id for customers/*; null for shop-wide requests
    shopify_customer_id          bigint,
    -- ce_time: when Shopify sent the request (Shopify gives 30 days to carry it out)
    received_at                  timestamp(6) with time zone not null,
    -- when it was carried out; null while work is owed (customers/data_request until the export exists)
    completed_at                 timestamp(6) with time zone
);

create index if not exists privacy_request_shop_received_at on privacy_request (shop_domain, received_at);
create index if not exists privacy_request_customer on privacy_request (shop_domain, shopify_customer_id, type);
