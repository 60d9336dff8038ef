package com.lavish.notifications.service;

import com.lavish.consumer.privacy.PrivacyErasure;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.notifications.repository.RecipientWrites;
import com.lavish.notifications.repository.RecipientWrites.CustomerKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Shopify's privacy requests erase here: customers/redact the customer's address, name and whole message log,
 * leaving a row that says they were erased so no later event mails them; shop/redact every row of the shop.
 * customers/data_request is not taken up here yet: the message log is not part of the export so far.
 */
@ApplicationScoped
public class NotificationPrivacyErasure implements PrivacyErasure {

    private final RecipientWrites writes;

    public NotificationPrivacyErasure(RecipientWrites writes) {
        this.writes = writes;
    }

    @Override
    public Uni<Void> redactCustomers(SqlConnection connection, List<PrivacyRequest> requests) {
        Map<CustomerKey, Instant> erasures = new LinkedHashMap<>();
        requests.forEach(request -> erasures.putIfAbsent(
                new CustomerKey(request.shopDomain(), request.customerId()), request.receivedAt()));
        return writes.erase(connection, erasures);
    }

    /** Messages (resends first, on delete cascade), recipients and the ledger of the shop. */
    @Override
    public List<String> shopTables() {
        return List.of("message", "recipient", "applied_event");
    }

    @Override
    public boolean concerns(String type) {
        return PrivacyRequest.CUSTOMERS_REDACT.equals(type) || PrivacyRequest.SHOP_REDACT.equals(type);
    }
}
