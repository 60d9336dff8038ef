package com.lavish.shopifyfake.admin;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Billing attempts, which Shopify resolves asynchronously: subscriptionBillingAttemptCreate answers the attempt
 * pending, and after the store's billing delay {@link #resolve} settles it: an order, {@code orders/create},
 * {@code customers/purchasing_summary} and
 * {@code subscription_billing_attempts/success}, or a failure as scripted for the contract
 * ({@code subscription_billing_attempts/failure}).
 */
final class BillingAttempts {

    private final ShopData shop;
    private final Outbox outbox;
    private final UserErrors errors;
    private final BillingCycles cycles;

    BillingAttempts(ShopData shop, Outbox outbox, UserErrors errors, BillingCycles cycles) {
        this.shop = shop;
        this.outbox = outbox;
        this.errors = errors;
        this.cycles = cycles;
    }

    /**
     * subscriptionBillingAttemptCreate: the same idempotency key on the same contract answers the attempt it made
     * first, whatever its state, and charges nothing again.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> createAttempt(String contractGid, Map<String, Object> input) {
        String errorType = "BillingAttemptUserError";
        String payloadType = "SubscriptionBillingAttemptCreatePayload";
        String key = (String) input.get("idempotencyKey");
        if (key == null || key.isBlank()) {
            errors.add(
                    errorType,
                    "BLANK",
                    "Idempotency key can't be blank",
                    "subscriptionBillingAttemptInput",
                    "idempotencyKey");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        SubscriptionContract contract = shop.find(SubscriptionContract.class, contractGid);
        if (contract == null) {
            errors.add(
                    errorType, "CONTRACT_NOT_FOUND", "Subscription contract does not exist.", "subscriptionContractId");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        long contractId = contract.id();
        for (SubscriptionBillingAttempt attempt : shop.attempts.values()) {
            if (key.equals(attempt.get("idempotencyKey")) && attempt.contractId() == contractId) {
                return errors.payload(payloadType, "subscriptionBillingAttempt", attempt);
            }
        }
        String status = contract.status();
        if (status.equals("PAUSED")) {
            errors.add(errorType, "CONTRACT_PAUSED", "Subscription contract is paused.", "subscriptionContractId");
        } else if (status.equals("CANCELLED") || status.equals("EXPIRED")) {
            errors.add(
                    errorType,
                    "CONTRACT_TERMINATED",
                    "Subscription contract is " + status.toLowerCase(Locale.ROOT) + ".",
                    "subscriptionContractId");
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        Integer index = cycles.cycleIndex(contract, (Map<String, Object>) input.get("billingCycleSelector"));
        if (index == null) {
            errors.add(
                    errorType,
                    "CYCLE_INDEX_OUT_OF_RANGE",
                    "The billing cycle is out of range.",
                    "subscriptionBillingAttemptInput",
                    "billingCycleSelector");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        if (contract.skipped().contains(index)) {
            errors.add(
                    errorType,
                    "BILLING_CYCLE_SKIPPED",
                    "The billing cycle was skipped.",
                    "subscriptionBillingAttemptInput",
                    "billingCycleSelector");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        SubscriptionBillingAttempt attempt =
                shop.add(new SubscriptionBillingAttempt(shop.nextId("SubscriptionBillingAttempt"), contractId, index));
        attempt.put("idempotencyKey", key);
        attempt.put("createdAt", shop.nowText());
        attempt.put("originTime", input.get("originTime"));
        attempt.put("completedAt", null);
        attempt.put("ready", false);
        attempt.put("errorCode", null);
        attempt.put("errorMessage", null);
        attempt.put("respectInventoryPolicy", true);
        attempt.put("state", SchemaValues.object("SubscriptionBillingAttemptPendingState", "processing", true));
        attempt.put("subscriptionContract", contract);
        attempt.put("order", (Supplier<Object>)
                () -> attempt.orderId() == null ? null : shop.orders.get(attempt.orderId()));
        shop.attempts.put(attempt.id(), attempt);
        return errors.payload(payloadType, "subscriptionBillingAttempt", attempt);
    }

    /**
     * Which of the schema's failed-attempt error types carries a {@code SubscriptionBillingAttemptErrorCode} (its
     * inventory, payment or general error enum holds the code), or null when the code is not one of Shopify's.
     */
    static String errorTypeOf(String code) {
        GraphQLSchema schema = AdminSchema.load().graphQLSchema();
        if (!(schema.getType("SubscriptionBillingAttemptErrorCode") instanceof GraphQLEnumType all)
                || all.getValue(code) == null) {
            return null;
        }
        for (String type : List.of("Inventory", "Payment", "General")) {
            if (schema.getType("SubscriptionBillingAttempt" + type + "ErrorCode") instanceof GraphQLEnumType e
                    && e.getValue(code) != null) {
                return "SubscriptionBillingAttempt" + type + "Error";
            }
        }
        return "SubscriptionBillingAttemptUnexpectedError";
    }

    /** Settles a pending attempt: a scripted failure for its contract, else a paid order. */
    void resolve(SubscriptionBillingAttempt attempt) {
        if (!attempt.pending()) {
            return;
        }
        long contractId = attempt.contractId();
        SubscriptionContract contract = shop.contracts.get(contractId);
        ShopData.BillingScript script = shop.billingScripts.get(contractId);
        attempt.put("ready", true);
        attempt.put("completedAt", shop.nowText());
        if (script != null && script.failures() != 0) {
            if (script.failures() > 0) {
                shop.billingScripts.put(
                        contractId, new ShopData.BillingScript(script.errorCode(), script.failures() - 1));
            }
            fail(attempt, contract, script.errorCode().toUpperCase(Locale.ROOT));
        } else {
            succeed(attempt, contract);
        }
    }

    private void fail(SubscriptionBillingAttempt attempt, SubscriptionContract contract, String code) {
        String message =
                "The billing attempt failed: " + code.toLowerCase(Locale.ROOT).replace('_', ' ');
        attempt.put("errorCode", code);
        attempt.put("errorMessage", message);
        String errorType = errorTypeOf(code);
        attempt.put(
                "state",
                SchemaValues.object(
                        "SubscriptionBillingAttemptFailedState",
                        "error",
                        SchemaValues.object(errorType, "code", code)));
        attempt.put(
                "processingError",
                SchemaValues.object("SubscriptionBillingAttemptGenericError", "code", code, "message", message));
        contract.lastPayment(
                "FAILED",
                switch (errorType) {
                    case "SubscriptionBillingAttemptInventoryError" -> "INVENTORY_ERROR";
                    case "SubscriptionBillingAttemptPaymentError" -> "PAYMENT_ERROR";
                    default -> "CUSTOMER_ERROR";
                });
        outbox.add("subscription_billing_attempts/failure", WebhookPayloads.attempt(attempt));
    }

    /** An order of the contract's lines as they are now; the next billing date moves past the cycle billed. */
    private void succeed(SubscriptionBillingAttempt attempt, SubscriptionContract contract) {
        List<Order.Line> lines = new ArrayList<>();
        for (SubscriptionLine line : contract.lines()) {
            ProductVariant variant = shop.variants.get(line.variantId());
            String planGid = line.sellingPlanGid();
            SellingPlan plan = shop.find(SellingPlan.class, planGid);
            lines.add(new Order.Line(
                    variant,
                    line.quantity(),
                    line.price(),
                    planGid,
                    plan == null ? line.sellingPlanName() : plan.name()));
        }
        Order order = shop.order(contract.customerId(), lines, "subscription_contract");
        ContractCheckout.ownLines(order, contract);
        long orderId = order.id();
        contract.orderIds().add(orderId);
        attempt.orderId(orderId);
        attempt.put("state", SchemaValues.object("SubscriptionBillingAttemptSuccessState", "order", order));
        int index = attempt.cycleIndex();
        contract.billed().add(index);
        contract.lastPayment("SUCCEEDED", null);
        if (index >= contract.dueIndex()) {
            contract.nextBillingDate(contract.schedule().billingDate(index + 1));
        }
        outbox.add("orders/create", WebhookPayloads.order(shop, order));
        outbox.add("customers/purchasing_summary", shop.purchasingSummary(contract.customerId()));
        outbox.add("subscription_billing_attempts/success", WebhookPayloads.attempt(attempt));
    }
}
