-- An order's lines and fulfillments keep their order's id without a foreign key. Only OrderWrites writes them: in the
-- transaction that writes their order, joined to the order's row (a fulfillment before its order gets a placeholder
-- row first), so a line or fulfillment never points at an order that is not there. The foreign key checked that
-- once more for every row, a lookup and a lock of the order's row per line, and that was a fifth of a catch-up's
-- cost (bench/README.md: a warm drain of full sample orders went from about 5,000 to about 6,400 orders/s without it).
-- Nothing relied on its cascade: orders/delete keeps the order as a tombstone and deletes its lines and fulfillments
-- itself, and shop/redact deletes the shop's rows from every table by shop_domain (OrderPrivacyErasure lists them).
alter table order_line drop constraint order_line_order_id_fkey;
alter table order_fulfillment drop constraint order_fulfillment_order_id_fkey;
