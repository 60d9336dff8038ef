-- The customer topics beyond create/update/delete: marketing consent (email and SMS), tags added and removed,
-- the purchasing summary (order count and amount spent), and merges. Each kind of change has its own version
-- column, since each comes from its own topic and any of them may arrive late or twice.

alter table customer
    -- customers_email_marketing_consent/update: consent_updated_at, or when the event was triggered
    add column email_consent_version      timestamp(6) with time zone,
    add column sms_marketing_state        varchar,
    add column sms_marketing_opt_in_level varchar,
    add column sms_marketing_updated_at   timestamp(6) with time zone,
    add column sms_consent_version        timestamp(6) with time zone,
    -- customers/purchasing_summary: Shopify's own count of the customer's orders and what they spent
    add column number_of_orders           bigint,
    add column amount_spent               numeric(20, 4),
    add column amount_spent_currency      varchar,
    add column purchasing_summary_version timestamp(6) with time zone,
    -- customers/merge: this customer was merged into that one (a tombstone: deleted_at is set too)
    add column merged_into_shopify_id     bigint;

-- One row per tag the customer has or had: a tag's own last change wins, so tags_added and tags_removed of
-- different tags commute, and a late event about one tag never undoes a newer one about it.
create table customer_tag (
    customer_id  bigint not null references customer (id) on delete cascade,
    tag          varchar not null,
    present      boolean not null,
    changed_at   timestamp(6) with time zone not null,
    primary key (customer_id, tag)
);
