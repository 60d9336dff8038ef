-- Personal values are bound to their row (ADR 0005): the associated data of an address's values holds the address's
-- key, its customer's Shopify id and its own. The row carries its customer's Shopify id, since the set-based write
-- encrypts before the database has given the customer its id, and a read of the row then knows its key by itself.
alter table customer_address add column customer_shopify_id bigint;

update customer_address a set customer_shopify_id = c.shopify_id from customer c where c.id = a.customer_id;

alter table customer_address alter column customer_shopify_id set not null;
