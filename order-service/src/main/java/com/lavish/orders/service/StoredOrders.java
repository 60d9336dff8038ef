package com.lavish.orders.service;

import java.time.Instant;
import java.util.Map;

/**
 * The stored state a poll's decisions start from, read once for the whole poll: its orders (locked for the
 * transaction) and, for the buyers its versions name, when each first asked to be redacted.
 */
public record StoredOrders(Map<OrderFold.Key, StoredOrder> orders, Map<OrderFold.Customer, Instant> redactedCustomers) {

    /** The order as stored, or null when there is no row for it. */
    public StoredOrder order(OrderFold.Key key) {
        return orders.get(key);
    }

    /** When the shop's customer first asked to be redacted (customers/redact), or null. */
    public Instant redactedAt(OrderFold.Customer customer) {
        return redactedCustomers.get(customer);
    }
}
