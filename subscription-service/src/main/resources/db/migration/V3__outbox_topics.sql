-- The outbox carries subscription events (subscription.events) beside the commands for sync-service: one outbox and
-- one relay, so an event exists exactly when the change that caused it committed. Rows written before are commands.
alter table sync_command_outbox add column topic varchar not null default 'sync.commands';

-- What is asked once per occasion, however often it is asked: an UPCOMING_BILLING per contract and billing date (two
-- runs of the job, or two replicas), a PAYMENT_METHOD_UPDATE_EMAIL per dunning run. The row is the marker: a second
-- insert of the same key does nothing (the inserts say on conflict do nothing).
create unique index sync_command_outbox_once on sync_command_outbox (shop_domain, idempotency_key)
    where type in ('UPCOMING_BILLING', 'PAYMENT_METHOD_UPDATE_EMAIL');
