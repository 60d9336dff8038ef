package com.lavish.shopifyfake;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopify's own example payload per topic (resources {@code webhooks/<topic with / as __>.json}, sources in that
 * folder's README), and Lavish variants of them that change values only, never the shape: no field is added,
 * removed or retyped, so a consumer tested with a variant is tested against what Shopify sends.
 */
public final class SampleWebhooks {

    /** The topics with a sample. */
    public static final List<String> TOPICS = List.of(
            "customers/create",
            "customers/update",
            "customers/delete",
            "customers/enable",
            "customers/disable",
            "orders/create",
            "orders/updated",
            "orders/paid",
            "orders/cancelled",
            "orders/fulfilled",
            "orders/partially_fulfilled",
            "orders/edited",
            "orders/delete",
            "fulfillments/create",
            "fulfillments/update",
            "subscription_contracts/create",
            "customers/data_request",
            "customers/redact",
            "shop/redact",
            "app/uninstalled",
            // what the Admin API fake's changes send (see admin.WebhookPayloads)
            "products/update",
            "selling_plan_groups/create",
            "selling_plan_groups/update",
            "selling_plan_groups/delete",
            "subscription_contracts/update",
            "subscription_contracts/activate",
            "subscription_contracts/pause",
            "subscription_contracts/cancel",
            "subscription_contracts/expire",
            "subscription_contracts/fail",
            "subscription_billing_cycles/skip",
            "subscription_billing_cycles/unskip",
            "subscription_billing_attempts/success",
            "subscription_billing_attempts/failure",
            "customers/purchasing_summary");

    /** Zone of the Lavish shop: variants' timestamps carry its offset, as Shopify's carry the shop's. */
    public static final ZoneId SHOP_ZONE = ZoneId.of("Australia/Sydney");

    private static final Map<String, byte[]> PUBLISHED = new ConcurrentHashMap<>();

    private static final Set<String> CURRENCY_FIELDS = Set.of("currency", "currency_code", "presentment_currency");

    // Integers parse to IntNode/LongNode/BigIntegerNode, decimals to BigDecimal: nothing passes through a double.
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private SampleWebhooks() {}

    /** Resource file name of a sample: {@code customers/create} → {@code customers__create.json}. */
    public static String fileName(String topicOrName) {
        String name = topicOrName.endsWith(".json") ? topicOrName.substring(0, topicOrName.length() - 5) : topicOrName;
        return name.replace("/", "__") + ".json";
    }

    /** The sample's bytes exactly as stored: Shopify's example, pretty-printed as on its reference page. */
    public static byte[] published(String topicOrName) {
        // cached: the benchmarks build thousands of variants
        return PUBLISHED
                .computeIfAbsent(fileName(topicOrName), SampleWebhooks::read)
                .clone();
    }

    private static byte[] read(String fileName) {
        String resource = "webhooks/" + fileName;
        try (InputStream in = SampleWebhooks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample webhook " + fileName + "; samples: " + TOPICS);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The sample parsed as a tree, ids exact. */
    public static ObjectNode tree(String topicOrName) {
        try {
            return (ObjectNode) JSON.readTree(published(topicOrName));
        } catch (IOException e) {
            throw new UncheckedIOException("sample " + topicOrName + " is not JSON", e);
        }
    }

    /** A variant of the sample, to be given values. */
    public static Variant variant(String topicOrName) {
        return new Variant(tree(topicOrName));
    }

    /**
     * A Lavish customer's payload for a topic: Australian address, the given id and email, updated now. This is what
     * the demo and the benchmarks send.
     */
    public static byte[] customer(String topicOrName, long customerId, String email) {
        return variant(topicOrName)
                .lavish()
                .customerId(customerId)
                .email(email)
                .updatedAt(now())
                .bytes();
    }

    /**
     * What the fake sends for a topic (the CLI's {@code send} and the server's trigger): a Lavish variant of a sample
     * for a shop, updated now, with the customer's id and email when given.
     *
     * @param sample a topic or sample file name ({@code customers/create}, {@code customers__create.json})
     * @throws IllegalArgumentException when there is no such sample
     */
    public static byte[] lavish(String sample, String shopDomain, Long customerId, String email) {
        return lavishFor(sample, shopDomain, new Buyer(customerId, email, null, null), Map.of());
    }

    /**
     * Who a sample is about, each part optional (null keeps the sample's own): the customer's id, email and names.
     * The names go wherever the sample names its customer, so a story told with them stays one person.
     */
    public record Buyer(Long customerId, String email, String firstName, String lastName) {}

    /**
     * As above, with top-level fields the sample already has set to other values: the order statuses of an
     * orders/* sample ({@code financial_status}, {@code fulfillment_status}), say.
     *
     * @throws IllegalArgumentException when the sample has no such field
     */
    public static byte[] lavishFor(String sample, String shopDomain, Buyer buyer, Map<String, String> fields) {
        return lavishFor(sample, shopDomain, buyer, fields, null);
    }

    /**
     * As above, for an order of its own: {@code orderId} (when not null) is the order's id, and its number follows from
     * it ({@link Variant#order}), so several orders of one story stay apart.
     */
    public static byte[] lavishFor(
            String sample, String shopDomain, Buyer buyer, Map<String, String> fields, Long orderId) {
        if (!TOPICS.contains(sample.replace("__", "/").replace(".json", ""))) {
            throw new IllegalArgumentException("no sample '" + sample + "'; samples: " + TOPICS);
        }
        Variant variant = variant(sample).lavish().shopDomain(shopDomain).updatedAt(now());
        if (buyer.customerId() != null) {
            variant.customerId(buyer.customerId());
        }
        if (buyer.email() != null) {
            variant.email(buyer.email());
        }
        if (buyer.firstName() != null || buyer.lastName() != null) {
            variant.customerName(buyer.firstName(), buyer.lastName());
        }
        fields.forEach(variant::field);
        if (orderId != null) {
            variant.order(orderId, 1000 + orderId % 1_000_000);
        }
        return variant.bytes();
    }

    /** Now in the shop's zone, to the second, as Shopify writes {@code updated_at}. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(SHOP_ZONE).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * A sample being given new values. Each setter replaces values the sample already has (a string by a string, a
     * number by a number; a null stays null) and leaves the rest alone, so a topic without that field (a
     * {@code shop/redact} has no customer) stays as Shopify shapes it.
     */
    public static final class Variant {

        private final ObjectNode root;

        private Variant(ObjectNode root) {
            this.root = root;
        }

        /**
         * The customer's id everywhere the payload names it: the customer object's {@code id},
         * {@code admin_graphql_api_id} and its addresses' {@code customer_id}, or a contract's {@code customer_id}
         * and {@code admin_graphql_api_customer_id}.
         */
        public Variant customerId(long id) {
            ObjectNode customer = customerObject();
            if (customer != null) {
                replace(customer, "id", id);
                replace(customer, "admin_graphql_api_id", "gid://shopify/Customer/" + id);
                if (customer.get("default_address") instanceof ObjectNode address) {
                    replace(address, "customer_id", id);
                }
                for (JsonNode address : customer.path("addresses")) {
                    if (address instanceof ObjectNode a) {
                        replace(a, "customer_id", id);
                    }
                }
            }
            replace(root, "customer_id", id);
            replace(root, "admin_graphql_api_customer_id", "gid://shopify/Customer/" + id);
            return this;
        }

        /**
         * An order's identity: its {@code id} and {@code admin_graphql_api_id}, and its number as Shopify shows it
         * ({@code order_number}, {@code name} {@code #number}) and counts it ({@code number}, 1000 below).
         */
        public Variant order(long id, long orderNumber) {
            replace(root, "id", id);
            replace(root, "admin_graphql_api_id", "gid://shopify/Order/" + id);
            replace(root, "order_number", orderNumber);
            replace(root, "number", orderNumber - 1000);
            replace(root, "name", "#" + orderNumber);
            return this;
        }

        /** The customer's email, and an order's buyer email beside it. */
        public Variant email(String email) {
            ObjectNode customer = customerObject();
            if (customer != null) {
                replace(customer, "email", email);
                if (customer != root) {
                    replace(root, "email", email);
                    replace(root, "contact_email", email);
                }
            }
            return this;
        }

        /**
         * The customer's first and last name (null keeps the sample's): on the customer object and its addresses, and
         * on an order's billing and shipping address, with each address's {@code name} to match.
         */
        public Variant customerName(String firstName, String lastName) {
            ObjectNode customer = customerObject();
            List<JsonNode> named = new ArrayList<>();
            if (customer != null) {
                named.add(customer);
                named.add(customer.path("default_address"));
                customer.path("addresses").forEach(named::add);
            }
            if (customer != root) {
                named.add(root.path("billing_address"));
                named.add(root.path("shipping_address"));
            }
            for (JsonNode node : named) {
                if (node instanceof ObjectNode person) {
                    if (firstName != null) {
                        replace(person, "first_name", firstName);
                    }
                    if (lastName != null) {
                        replace(person, "last_name", lastName);
                    }
                    if (person != customer) {
                        replace(
                                person,
                                "name",
                                (person.path("first_name").asText("") + " "
                                                + person.path("last_name").asText(""))
                                        .trim());
                    }
                }
            }
            return this;
        }

        /** The resource's own {@code updated_at}, written as Shopify writes it ({@code 2021-12-31T19:00:00-05:00}). */
        public Variant updatedAt(OffsetDateTime updatedAt) {
            replace(root, "updated_at", updatedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            return this;
        }

        /** A top-level field the sample has, set to {@code value} (JSON null for a null value). */
        public Variant field(String name, String value) {
            if (!root.has(name)) {
                throw new IllegalArgumentException("the sample has no field '" + name + "'");
            }
            if (value == null) {
                root.putNull(name);
            } else {
                root.put(name, value);
            }
            return this;
        }

        /**
         * The shop a payload names: a compliance payload's {@code shop_domain} (Shopify's examples hold a placeholder
         * there), the shop resource's {@code myshopify_domain} and {@code domain}.
         */
        public Variant shopDomain(String shopDomain) {
            replace(root, "shop_domain", shopDomain);
            // the shop resource (app/uninstalled, shop/update): Shopify's example leaves its domains null, a real
            // delivery names the shop, and the gateway checks that it names the shop the delivery claims
            if (root.has("myshopify_domain")) {
                root.put("myshopify_domain", shopDomain);
                root.put("domain", shopDomain);
            }
            return this;
        }

        /** Every address in Sydney, every currency AUD: the Lavish shop's values in Shopify's shapes. */
        public Variant lavish() {
            lavish(root);
            return this;
        }

        /** The payload as a tree (live: later setters change it). */
        public ObjectNode tree() {
            return root;
        }

        /** The payload as compact JSON, as Shopify delivers it. */
        public byte[] bytes() {
            try {
                return JSON.writeValueAsBytes(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        // customers/* carry the customer at the root; orders and compliance payloads under "customer".
        private ObjectNode customerObject() {
            if (root.get("customer") instanceof ObjectNode customer) {
                return customer;
            }
            boolean customerResource =
                    root.has("id") && root.path("admin_graphql_api_id").asText().startsWith("gid://shopify/Customer/");
            return customerResource ? root : null;
        }

        private static void lavish(JsonNode node) {
            if (node instanceof ObjectNode object) {
                if (object.has("address1") && object.has("country_code")) {
                    sydney(object);
                }
                for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                    if (CURRENCY_FIELDS.contains(field.getKey())
                            && field.getValue().isTextual()) {
                        object.put(field.getKey(), "AUD");
                    } else {
                        lavish(field.getValue());
                    }
                }
            } else if (node != null && node.isArray()) {
                node.forEach(Variant::lavish);
            }
        }

        // Keeps Shopify's style per field: where its example holds a code ("ON", "CA") the variant holds one too.
        // The phone number is in 02 5550 xxxx, the range Australia reserves for fiction.
        private static void sydney(ObjectNode address) {
            Map<String, String[]> values = Map.of(
                    "address1", new String[] {"88 George Street", "88 George Street"},
                    "city", new String[] {"Sydney", "Sydney"},
                    "province", new String[] {"NSW", "New South Wales"},
                    "province_code", new String[] {"NSW", "NSW"},
                    "country", new String[] {"AU", "Australia"},
                    "country_code", new String[] {"AU", "AU"},
                    "country_name", new String[] {"AU", "Australia"},
                    "zip", new String[] {"2000", "2000"},
                    "phone", new String[] {"+61 2 5550 0123", "+61 2 5550 0123"});
            values.forEach((field, choice) -> {
                JsonNode current = address.get(field);
                if (current != null && current.isTextual()) {
                    address.put(field, current.asText().length() <= 3 ? choice[0] : choice[1]);
                }
            });
        }

        // A null stays null and a number a number: a variant changes values, never a field's JSON type.
        private static void replace(ObjectNode object, String field, long value) {
            if (object.path(field).isIntegralNumber()) {
                object.put(field, value);
            }
        }

        private static void replace(ObjectNode object, String field, String value) {
            if (object.path(field).isTextual()) {
                object.put(field, value);
            }
        }
    }
}
