-- event-consumer's ledger of applied events (EventLedger): the ce_id of every event a consumer applied, written in
-- the transaction of the change, so a redelivery changes nothing. Owned by the library: a service includes this
-- location (quarkus.flyway.locations=db/migration,db/event-consumer/ledger) instead of copying the table. Services
-- whose first migrations already made it (customer-, order-, subscription-service) see a no-op here; the statements
-- stay idempotent, since Flyway runs a repeatable migration again whenever it changes.
create table if not exists applied_event (
    event_id                     varchar primary key,
    shop_domain                  varchar not null,
    event_type                   varchar not null,
    -- X-Shopify-Event-Id: the same on every delivery of one underlying event (docs/shopify-reference.md §1.5)
    shopify_event_id             varchar,
    applied_at                   timestamp(6) with time zone not null default now()
);

create index if not exists applied_event_shop_applied_at on applied_event (shop_domain, applied_at);
