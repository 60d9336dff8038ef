package com.lavish.customers.messaging;

import static com.lavish.events.WebhookFields.bool;
import static com.lavish.events.WebhookFields.connectionNodes;
import static com.lavish.events.WebhookFields.eventTime;
import static com.lavish.events.WebhookFields.id;
import static com.lavish.events.WebhookFields.referenceId;
import static com.lavish.events.WebhookFields.requiredId;
import static com.lavish.events.WebhookFields.restCase;
import static com.lavish.events.WebhookFields.text;
import static com.lavish.events.WebhookFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.lavish.customers.service.CustomerSnapshot;
import com.lavish.customers.service.CustomerSnapshot.AddressSnapshot;
import com.lavish.customers.service.CustomerSnapshot.EmailMarketingConsent;
import com.lavish.events.ShopifyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code Customer} node of the Admin GraphQL API, as reconciliation publishes it, into the same
 * {@link CustomerSnapshot} a customers/* webhook gives: camelCase fields, gids, upper-case enums and a tag list
 * become the webhook's spelling, so one stale guard orders both shapes by {@code updatedAt}.
 */
final class CustomerNodeReader {

    private CustomerNodeReader() {}

    static CustomerSnapshot snapshot(ShopifyEvent event, JsonNode node) {
        Instant updatedAt = timestamp(node, "updatedAt");
        JsonNode emailConsent = node.get("emailMarketingConsent");
        return new CustomerSnapshot(
                requiredId(event, node, "id"),
                text(node, "email"),
                text(node, "firstName"),
                text(node, "lastName"),
                text(node, "phone"),
                restCase(node, "state"),
                text(node, "note"),
                bool(node, "verifiedEmail"),
                null,
                timestamp(node, "createdAt"),
                updatedAt != null ? updatedAt : eventTime(event),
                tags(node.get("tags")),
                emailConsent != null && emailConsent.isObject()
                        ? new EmailMarketingConsent(
                                restCase(emailConsent, "marketingState"),
                                restCase(emailConsent, "marketingOptInLevel"),
                                timestamp(emailConsent, "consentUpdatedAt"))
                        : null,
                addresses(node));
    }

    /** The webhook's comma-separated spelling of the node's tag list; null (keep the stored tags) when absent. */
    private static String tags(JsonNode list) {
        return list == null || !list.isArray() ? null : String.join(", ", CustomerWebhookReader.tagSet(list));
    }

    /** Null when the node carries no address list, so the stored addresses are kept. */
    private static List<AddressSnapshot> addresses(JsonNode node) {
        List<JsonNode> nodes = connectionNodes(node, "addresses");
        if (nodes.isEmpty() && !node.has("addresses")) {
            return null;
        }
        Long defaultId = referenceId(node, "defaultAddress");
        List<AddressSnapshot> addresses = new ArrayList<>();
        for (JsonNode address : nodes) {
            // a MailingAddress gid carries a query (?model_name=CustomerAddress); its number is the address id
            Long id = id(address.get("id"));
            if (id != null && addresses.stream().noneMatch(a -> a.id() == id)) {
                addresses.add(new AddressSnapshot(
                        id,
                        text(address, "firstName"),
                        text(address, "lastName"),
                        text(address, "company"),
                        text(address, "address1"),
                        text(address, "address2"),
                        text(address, "city"),
                        text(address, "province"),
                        text(address, "provinceCode"),
                        text(address, "country"),
                        text(address, "countryCodeV2"),
                        text(address, "zip"),
                        text(address, "phone"),
                        id.equals(defaultId)));
            }
        }
        return addresses;
    }
}
