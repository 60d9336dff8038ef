package com.lavish.subscriptions.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.devstack.DatabaseRows;
import com.lavish.devstack.ManagementPort;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.Topics;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.subscription.SubscriptionEvents;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.testsupport.AppliedEvents;
import com.lavish.testsupport.EventPublisher;
import com.lavish.testsupport.TestShop;
import com.lavish.testsupport.Webhooks;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The subscription tests' view of the outside: Shopify's webhooks (from shopify-fake's samples) and the Admin API
 * nodes sync-service publishes, sent to the real broker as the gateway and sync-service send them; sync-service's
 * side of the command contract (reading sync.commands, answering on sync.results); signed app-proxy requests; and
 * rows of the subscription schema over JDBC.
 */
public final class SubscriptionFixture implements AutoCloseable {

    public static final String SHOP = TestShop.SHOP;
    public static final String SECRET = TestShop.SECRET;
    public static final Duration WAIT = AppliedEvents.WAIT;
    public static final ObjectMapper JSON = new ObjectMapper();

    private final EventPublisher publisher = new EventPublisher();
    private final TopicRecords commandRecords = new TopicRecords(Topics.SYNC_COMMANDS);
    private final TopicRecords eventRecords = new TopicRecords(Topics.SUBSCRIPTION_EVENTS);
    private final DataSource database;
    private final AppliedEvents ledger;

    public SubscriptionFixture(DataSource database) {
        this.database = database;
        this.ledger = new AppliedEvents(database, "subscription");
    }

    public static long newId() {
        return Webhooks.newEntityId();
    }

    // ---- Shopify's side: webhooks and Admin API nodes ----

    /** Shopify's subscription_contracts/create sample as this test's contract. */
    public static ObjectNode contractWebhook(long id, long customerId, long revision, String status) {
        ObjectNode body = SampleWebhooks.variant("subscription_contracts/create")
                .customerId(customerId)
                .tree();
        body.put("id", id);
        body.put("admin_graphql_api_id", "gid://shopify/SubscriptionContract/" + id);
        body.put("revision_id", Long.toString(revision));
        body.put("status", status);
        body.put("currency_code", "AUD");
        ObjectNode billing = (ObjectNode) body.get("billing_policy");
        billing.put("interval", "month");
        billing.put("interval_count", 1);
        billing.putNull("min_cycles");
        billing.putNull("max_cycles");
        ObjectNode delivery = (ObjectNode) body.get("delivery_policy");
        delivery.put("interval", "month");
        delivery.put("interval_count", 1);
        return body;
    }

    /**
     * The SubscriptionContract node sync-service publishes for a CONTRACT_FETCH: one line on the given plan, a
     * delivery address in Sydney.
     */
    public static ObjectNode contractNode(
            long id, long customerId, long revision, String status, Instant nextBillingDate, Long sellingPlanId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "gid://shopify/SubscriptionContract/" + id);
        node.put("status", status);
        node.put("revisionId", Long.toString(revision));
        node.put("nextBillingDate", nextBillingDate.toString());
        node.put("currencyCode", "AUD");
        node.putObject("customer").put("id", "gid://shopify/Customer/" + customerId);
        node.putObject("originOrder").put("id", "gid://shopify/Order/820982911946154508");
        ObjectNode billing = node.putObject("billingPolicy");
        billing.put("interval", "MONTH");
        billing.put("intervalCount", 1);
        billing.putNull("minCycles");
        billing.putNull("maxCycles");
        ObjectNode delivery = node.putObject("deliveryPolicy");
        delivery.put("interval", "MONTH");
        delivery.put("intervalCount", 1);
        ObjectNode address = node.putObject("deliveryMethod").putObject("address");
        address.put("firstName", "Ada");
        address.put("lastName", "Reader");
        address.put("address1", "88 George Street");
        address.putNull("address2");
        address.put("city", "Sydney");
        address.put("provinceCode", "NSW");
        address.put("countryCodeV2", "AU");
        address.put("zip", "2000");
        address.put("phone", "+61 2 5550 0123");
        ArrayNode lines = node.putObject("lines").putArray("nodes");
        ObjectNode line = lines.addObject();
        line.put("id", "gid://shopify/SubscriptionLine/" + UUID.randomUUID());
        line.put("productId", "gid://shopify/Product/788032119674292922");
        line.put("variantId", "gid://shopify/ProductVariant/39072856");
        if (sellingPlanId != null) {
            line.put("sellingPlanId", "gid://shopify/SellingPlan/" + sellingPlanId);
        } else {
            line.putNull("sellingPlanId");
        }
        line.put("sellingPlanName", "Monthly book box, 10% off");
        line.put("quantity", 1);
        ObjectNode price = line.putObject("currentPrice");
        price.put("amount", "53.91");
        price.put("currencyCode", "AUD");
        line.put("title", "Monthly book box");
        line.put("variantTitle", "Fiction");
        line.put("sku", "BOX-FICTION");
        return node;
    }

    /** Shopify's subscription_billing_cycles/skip of the contract's cycle billing at {@code due}. */
    public static ObjectNode cycleSkipWebhook(long contract, Instant due) {
        ObjectNode skip = JSON.createObjectNode();
        skip.put("subscription_contract_id", contract);
        skip.put("cycle_start_at", due.minus(Duration.ofDays(30)).toString());
        skip.put("cycle_end_at", due.toString());
        skip.put("cycle_index", 2);
        skip.putNull("contract_edit");
        // Shopify writes the date in the shop's zone: the cycle is its UTC date
        skip.put(
                "billing_attempt_expected_date",
                OffsetDateTime.ofInstant(due, ZoneOffset.ofHours(10)).toString());
        skip.put("skipped", true);
        skip.put("edited", false);
        return skip;
    }

    /** Publishes a webhook keyed by its entity, as the gateway does; returns its ce_id. */
    public String send(String topic, String type, long entityId, ObjectNode body) {
        return send(topic, webhookEvent(type, entityId, body));
    }

    public String send(String topic, ShopifyEvent event) {
        return publisher.publish(topic, event);
    }

    /**
     * Publishes the events as one batch of records, so the consumer fetches them together and, unless it is behind,
     * applies them in one poll; returns their ce_ids.
     */
    public List<String> sendTogether(String topic, List<ShopifyEvent> events) {
        return EventPublisher.publishInOnePoll(topic, events);
    }

    /** A webhook of the fixture's shop, keyed by its entity, as the gateway publishes it. */
    public static ShopifyEvent webhookEvent(String type, long entityId, ObjectNode body) {
        return Webhooks.event(type, SHOP, entityId, Webhooks.utf8(body));
    }

    /** A counter's value on /q/metrics (0 before its first increment). */
    public static double counter(String name, String tags) {
        String metrics = ManagementPort.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher value = Pattern.compile(
                        "(?m)^" + Pattern.quote(tags.isEmpty() ? name : name + "{" + tags + "}") + " ([0-9.E+-]+)$")
                .matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    /**
     * The polls of shopify.subscriptions applied so far, and the ones split around a failure, once they hold still: a
     * poll is counted after its commit and its relay, so an earlier test's may still be on its way.
     */
    public static List<Double> settledSubscriptionPolls() {
        List<List<Double>> reads = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).until(() -> {
            reads.add(List.of(
                    counter("event_consumer_batch_seconds_count", "consumer=\"subscription.events\""),
                    counter("subscription_events_batches_split_total", "")));
            int n = reads.size();
            return n >= 3
                    && reads.get(n - 1).equals(reads.get(n - 2))
                    && reads.get(n - 2).equals(reads.get(n - 3));
        });
        return reads.get(reads.size() - 1);
    }

    /** A subscription_contracts/* webhook on shopify.subscriptions, waited for until applied. */
    public String contractEvent(String topic, long id, ObjectNode body) {
        String ceId = send(Topics.SUBSCRIPTIONS, topic, id, body);
        awaitApplied(ceId);
        return ceId;
    }

    /** sync-service's answer to a CONTRACT_FETCH: the node as a reconcile/subscription_contracts event. */
    public String publishNode(ObjectNode node) {
        long id = Long.parseLong(node.get("id").asText().substring("gid://shopify/SubscriptionContract/".length()));
        String ceId = send(
                Topics.SUBSCRIPTIONS,
                new ShopifyEvent(
                        "reconcile:" + node.get("id").asText() + ":"
                                + node.get("revisionId").asText() + ":" + UUID.randomUUID(),
                        "reconcile/subscription_contracts",
                        SHOP,
                        Instant.now().toString(),
                        Long.toString(id),
                        "2026-07",
                        null,
                        node.toString().getBytes(StandardCharsets.UTF_8)));
        awaitApplied(ceId);
        return ceId;
    }

    /**
     * A contract as a customer's checkout makes it: the webhook, the fetch it asks for, and sync-service's answer
     * with the whole contract; returns once it is applied.
     */
    public void createContract(long id, long customerId, Instant nextBillingDate, Long sellingPlanId) {
        contractEvent("subscription_contracts/create", id, contractWebhook(id, customerId, 100, "active"));
        awaitCommand(c ->
                c.type() == SyncCommandType.CONTRACT_FETCH && Long.valueOf(id).equals(c.contractId()));
        publishNode(contractNode(id, customerId, 100, "ACTIVE", nextBillingDate, sellingPlanId));
    }

    // ---- sync-service's side ----

    /** Every command on sync.commands so far. */
    public List<SyncCommand> commands() {
        return commandRecords.all().stream()
                .map(record -> SyncMessages.readCommand(record.value()))
                .toList();
    }

    public List<SyncCommand> commands(Predicate<SyncCommand> which) {
        return commands().stream().filter(which).toList();
    }

    /** The first command that matches, once it is on sync.commands. */
    public SyncCommand awaitCommand(Predicate<SyncCommand> which) {
        await().atMost(WAIT).until(() -> !commands(which).isEmpty());
        return commands(which).get(0);
    }

    public SyncCommand awaitCommand(SyncCommandType type, long contractId) {
        return awaitCommand(c -> c.type() == type && Long.valueOf(contractId).equals(c.contractId()));
    }

    /** Answers a command as sync-service does, on sync.results; returns the result's ce_id. */
    public String answer(
            SyncCommand command,
            SyncResult.SyncOutcome outcome,
            String contractStatus,
            List<SyncResult.UserError> userErrors,
            Long shopifyId,
            Map<String, Long> sellingPlanIds) {
        SyncResult result = new SyncResult(
                command.commandId(),
                command.idempotencyKey(),
                command.shop(),
                command.type(),
                command.origin(),
                outcome,
                userErrors,
                outcome == SyncResult.SyncOutcome.SUCCEEDED ? null : "Shopify said no",
                command.contractId(),
                shopifyId,
                sellingPlanIds,
                contractStatus,
                Instant.now().toString());
        publisher.publish(
                Topics.SYNC_RESULTS,
                command.recordKey().toString(),
                SyncMessages.write(result),
                SyncMessages.headers(result));
        return command.commandId();
    }

    public String succeed(SyncCommand command, String contractStatus) {
        return answer(command, SyncResult.SyncOutcome.SUCCEEDED, contractStatus, List.of(), command.contractId(), null);
    }

    /** Waits until the outbox has sent everything, so its topics hold all there will be. */
    public void awaitOutboxSent() {
        await().atMost(WAIT)
                .until(() -> rows("select 1 from subscription.sync_command_outbox where sent_at is null")
                        .isEmpty());
    }

    // ---- what the service tells the suite: subscription.events ----

    /** The records on subscription.events about one contract of the fixture's shop, each as published. */
    public List<ConsumerRecord<String, byte[]>> eventRecords(SubscriptionEventType type, long contractId) {
        return eventRecords.all().stream()
                .filter(record -> {
                    SubscriptionEvent event = SubscriptionEvents.read(record.value());
                    return event.type() == type && event.contractId() == contractId && SHOP.equals(event.shop());
                })
                .toList();
    }

    public List<SubscriptionEvent> events(SubscriptionEventType type, long contractId) {
        return eventRecords(type, contractId).stream()
                .map(record -> SubscriptionEvents.read(record.value()))
                .toList();
    }

    /** The first such event, once it is on subscription.events. */
    public SubscriptionEvent awaitEvent(SubscriptionEventType type, long contractId) {
        await().atMost(WAIT).until(() -> !events(type, contractId).isEmpty());
        return events(type, contractId).get(0);
    }

    // ---- the storefront ----

    /** A path as Shopify's app proxy forwards it for the customer: signed, fresh. */
    public static String proxyPath(long customerId, String path) {
        return "/proxy/" + path + "?" + TestShop.signedQuery(customerId, Map.of());
    }

    /**
     * A storefront request through the app proxy (its query is signed as sent: no re-encoding), as the theme sends
     * it: JSON, which a cross-site form cannot send.
     */
    public static RequestSpecification storefront() {
        return given().urlEncodingEnabled(false).contentType("application/json");
    }

    public static RequestSpecification asAdmin() {
        return given().contentType("application/json").auth().preemptive().basic("admin", "test-only-admin-password");
    }

    // ---- the database ----

    public void awaitApplied(String ceId) {
        ledger.awaitApplied(ceId);
    }

    /** The service's keyset (the test profile's), refusing unbound values as the service does. */
    public static PersonalDataCipher cipher() {
        return PersonalDataCipher.fromKeyset(ConfigProvider.getConfig().getValue("personal-data.keyset", String.class));
    }

    public Map<String, Object> contractRow(long shopifyId) {
        List<Map<String, Object>> found = rows(
                "select * from subscription.subscription_contract " + "where shop_domain = ? and shopify_id = ?",
                SHOP,
                shopifyId);
        return found.isEmpty() ? Map.of() : found.get(0);
    }

    /** Every row of a query, each by column label, in order. */
    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        return DatabaseRows.of(database, sql, parameters);
    }

    @Override
    public void close() {
        publisher.close();
        commandRecords.close();
        eventRecords.close();
    }
}
