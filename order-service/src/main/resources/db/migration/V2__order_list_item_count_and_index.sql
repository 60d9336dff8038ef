-- The storefront's order list reads one index and the order rows, nothing else: the item count is kept on the order
-- (order-service's OrderWrites writes it with each version) instead of summed over the lines of every order listed,
-- and the index is in the list's own order, undated orders last, tombstones left out, so a page needs no sort.

alter table customer_order add column item_count integer not null default 0;

-- the orders there already: the sum of coalesce(current_quantity, quantity) over their lines, as written from now on
update customer_order o set item_count = l.items
from (select order_id, sum(coalesce(current_quantity, quantity)) as items from order_line group by order_id) l
where l.order_id = o.id;

-- The list: where shop_domain, shopify_customer_id and deleted_at is null, order by placed_at desc nulls last,
-- shopify_id desc, paged by (placed_at, shopify_id)
create index customer_order_customer_list on customer_order
    (shop_domain, shopify_customer_id, placed_at desc nulls last, shopify_id desc) where deleted_at is null;

-- Its predecessor ordered undated orders first (desc alone means nulls first), so the list sorted anyway; the other
-- reads by customer (the export, customers/redact) are served by customer_order_customer_number
drop index customer_order_customer_placed;
