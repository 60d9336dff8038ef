-- Shopify's mandatory privacy requests (shopify.compliance, shopify-reference.md §1.6) as customer-service received
-- them. Written in the transaction of the erasure it records; the ce_id key makes a second delivery change nothing.
-- Kept after shop/redact: it is the record that the shop's data was erased, and it holds only Shopify ids.
create table privacy_request (
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

create index privacy_request_shop_received_at on privacy_request (shop_domain, received_at);
