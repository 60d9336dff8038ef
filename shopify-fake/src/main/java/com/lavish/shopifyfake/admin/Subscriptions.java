package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Subscription contracts (docs/shopify-reference.md §4): creation at checkout, status mutations, the draft flow
 * (update → draft edits → commit, each commit a new {@code revisionId}), billing cycles with skip/unskip, and
 * billing attempts, which Shopify resolves asynchronously: the attempt is answered pending, then after the store's
 * billing delay it succeeds (an order, {@code orders/create}, {@code subscription_billing_attempts/success}) or fails
 * as scripted for the contract ({@code subscription_billing_attempts/failure}).
 * <p>
 * Billing cycles are counted from the contract's first next billing date: cycle {@code i} is billed on
 * {@code anchorDate + (i - anchorIndex)} intervals and starts one interval before. A changed next billing date or
 * billing interval re-anchors the cycles at the cycle due next.
 */
final class Subscriptions {

    /** The first revision: the third change crosses to eleven digits, so a string comparison of revisions fails. */
    static final long FIRST_REVISION = 9_999_999_998L;

    private final ShopData shop;
    private final Outbox outbox;
    private final UserErrors errors = new UserErrors();

    Subscriptions(ShopData shop, Outbox outbox) {
        this.shop = shop;
        this.outbox = outbox;
    }

    private void error(String type, String code, String message, String... field) {
        errors.add(type, code, message, field);
    }

    // ---- creation (checkout) ----

    /** A contract for a customer's checkout of a variant on a selling plan, with its origin order. */
    @SuppressWarnings("unchecked")
    Map<String, Object> checkout(long customerId, Map<String, Object> variant, Map<String, Object> plan, int quantity) {
        BigDecimal price = discounted(new BigDecimal((String) variant.get("price")), plan);
        Map<String, Object> order = shop.order(customerId,
                List.of(new ShopData.OrderLine(variant, quantity, price, plan)), "web");
        Map<String, Object> contract = shop.create("SubscriptionContract");
        long contractId = ShopData.id(contract);
        OffsetDateTime now = shop.now();
        Map<String, Object> billing = (Map<String, Object>) plan.get("billingPolicy");
        Map<String, Object> delivery = (Map<String, Object>) plan.get("deliveryPolicy");
        contract.put("status", "ACTIVE");
        contract.put("createdAt", AdminStore.format(now));
        contract.put("updatedAt", AdminStore.format(now));
        contract.put("revisionId", Long.toString(FIRST_REVISION));
        contract.put("currencyCode", AdminStore.CURRENCY);
        contract.put("billingPolicy", ShopData.object("SubscriptionBillingPolicy", "interval", billing.get("interval"),
                "intervalCount", billing.get("intervalCount"), "minCycles", billing.get("minCycles"),
                "maxCycles", billing.get("maxCycles"), "anchors", billing.getOrDefault("anchors", List.of())));
        contract.put("deliveryPolicy", ShopData.object("SubscriptionDeliveryPolicy", "interval",
                delivery.get("interval"), "intervalCount", delivery.get("intervalCount"), "anchors",
                delivery.getOrDefault("anchors", List.of())));
        Map<String, Object> customer = shop.customers.get(customerId);
        contract.put("deliveryMethod", shipping((Map<String, Object>) customer.get("defaultAddress")));
        contract.put("deliveryPrice", ShopData.money(BigDecimal.ZERO));
        contract.put("note", null);
        contract.put("customAttributes", List.of());
        contract.put("lastPaymentStatus", null);
        contract.put("lastBillingAttemptErrorType", null);
        Map<String, Object> line = shop.create("SubscriptionLine");
        line.putAll(lineFor(variant, plan, quantity, price));
        contract.put("lines", new ArrayList<>(List.of(line)));
        contract.put("_customerId", customerId);
        contract.put("_originOrderId", ShopData.id(order));
        contract.put("_orderIds", new ArrayList<>(List.of(ShopData.id(order))));
        contract.put("_skipped", new TreeSet<Integer>());
        contract.put("_billed", new TreeSet<Integer>());
        OffsetDateTime next = plus(now, (String) billing.get("interval"), (Integer) billing.get("intervalCount"), 1);
        contract.put("nextBillingDate", AdminStore.format(next));
        contract.put("_anchorIndex", 1);
        contract.put("_anchorDate", next);
        for (Map<String, Object> item : (List<Map<String, Object>>) order.get("_lines")) {
            item.put("contract", contract);
        }
        wireContract(contract);
        shop.contracts.put(contractId, contract);
        outbox.add("orders/create", WebhookPayloads.order(shop, order));
        outbox.add("subscription_contracts/create", WebhookPayloads.contract(contract));
        return contract;
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal discounted(BigDecimal price, Map<String, Object> plan) {
        for (Map<String, Object> policy : (List<Map<String, Object>>) plan.get("pricingPolicies")) {
            if ("SellingPlanFixedPricingPolicy".equals(policy.get(ShopData.TYPENAME))) {
                Map<String, Object> value = (Map<String, Object>) policy.get("adjustmentValue");
                String type = (String) policy.get("adjustmentType");
                if ("PERCENTAGE".equals(type)) {
                    BigDecimal off = BigDecimal.valueOf(((Number) value.get("percentage")).doubleValue());
                    return price.subtract(price.multiply(off).movePointLeft(2)).setScale(2, java.math.RoundingMode.HALF_UP);
                }
                BigDecimal amount = new BigDecimal((String) value.get("amount"));
                return "PRICE".equals(type) ? amount : price.subtract(amount).max(BigDecimal.ZERO);
            }
        }
        return price;
    }

    private Map<String, Object> lineFor(Map<String, Object> variant, Map<String, Object> plan, int quantity,
                                        BigDecimal price) {
        long productId = (Long) variant.get("_productId");
        Map<String, Object> product = shop.products.get(productId);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productId", product.get("id"));
        line.put("variantId", variant.get("id"));
        line.put("sellingPlanId", plan == null ? null : plan.get("id"));
        line.put("sellingPlanName", plan == null ? null : plan.get("name"));
        line.put("quantity", quantity);
        line.put("currentPrice", ShopData.money(price));
        line.put("lineDiscountedPrice", ShopData.money(price.multiply(BigDecimal.valueOf(quantity))));
        line.put("sku", variant.get("sku"));
        line.put("title", product.get("title"));
        line.put("variantTitle", variant.get("title"));
        line.put("requiresShipping", true);
        line.put("taxable", true);
        line.put("customAttributes", List.of());
        line.put("discountAllocations", List.of());
        line.put("_variantId", ShopData.id(variant));
        return line;
    }

    private Map<String, Object> shipping(Map<String, Object> address) {
        return ShopData.object("SubscriptionDeliveryMethodShipping", "address", address, "shippingOption",
                ShopData.object("SubscriptionDeliveryMethodShippingOption", "title", "Standard", "presentmentTitle",
                        "Standard", "code", "standard", "description", null));
    }

    /** The contract's computed fields. */
    @SuppressWarnings("unchecked")
    private void wireContract(Map<String, Object> contract) {
        long customerId = (Long) contract.get("_customerId");
        long originOrderId = (Long) contract.get("_originOrderId");
        long contractId = ShopData.id(contract);
        contract.put("customer", (Supplier<Object>) () -> shop.customers.get(customerId));
        contract.put("originOrder", (Supplier<Object>) () -> shop.orders.get(originOrderId));
        contract.put("orders", (Supplier<Object>) () -> ((List<Long>) contract.get("_orderIds")).stream()
                .map(shop.orders::get).toList());
        contract.put("linesCount", (Supplier<Object>) () -> ShopData.count(((List<?>) contract.get("lines")).size()));
        contract.put("lineCount", (Supplier<Object>) () -> ((List<?>) contract.get("lines")).size());
        contract.put("billingAttempts", (Supplier<Object>) () -> shop.attempts.values().stream()
                .filter(a -> Long.valueOf(contractId).equals(a.get("_contractId"))).toList());
    }

    // ---- status ----

    /** The status mutations: the payload type and webhook topic of each status they set. */
    private static final Map<String, String[]> STATUS_MUTATIONS = Map.of(
            "PAUSED", new String[] {"SubscriptionContractPausePayload", "subscription_contracts/pause"},
            "ACTIVE", new String[] {"SubscriptionContractActivatePayload", "subscription_contracts/activate"},
            "CANCELLED", new String[] {"SubscriptionContractCancelPayload", "subscription_contracts/cancel"},
            "EXPIRED", new String[] {"SubscriptionContractExpirePayload", "subscription_contracts/expire"},
            "FAILED", new String[] {"SubscriptionContractFailPayload", "subscription_contracts/fail"});

    /** subscriptionContractPause, Activate, Cancel, Expire and Fail. */
    Map<String, Object> setStatus(String contractGid, String status) {
        String payloadType = STATUS_MUTATIONS.get(status)[0];
        String errorType = "SubscriptionContractStatusUpdateUserError";
        Map<String, Object> contract = shop.find("SubscriptionContract", contractGid);
        if (contract == null) {
            error(errorType, "INVALID", "Subscription contract does not exist.", "subscriptionContractId");
            return errors.payload(payloadType, "contract", null);
        }
        String current = (String) contract.get("status");
        if (current.equals("CANCELLED") || current.equals("EXPIRED")) {
            error(errorType, "CONTRACT_TERMINATED", "Cannot update a subscription contract that is "
                    + current.toLowerCase(Locale.ROOT) + ".", "subscriptionContractId");
            return errors.payload(payloadType, "contract", null);
        }
        if (status.equals("PAUSED") && current.equals("FAILED")) {
            error(errorType, "INVALID", "Cannot pause a failed subscription contract.", "subscriptionContractId");
            return errors.payload(payloadType, "contract", null);
        }
        if (!current.equals(status)) {
            contract.put("status", status);
            changed(contract);
            outbox.add(STATUS_MUTATIONS.get(status)[1], WebhookPayloads.contract(contract));
        }
        return errors.payload(payloadType, "contract", contract);
    }

    /** subscriptionContractSetNextBillingDate: the cycles re-anchor at the cycle due next. */
    Map<String, Object> setNextBillingDate(String contractGid, String date) {
        String errorType = "SubscriptionContractUserError";
        String payloadType = "SubscriptionContractSetNextBillingDatePayload";
        Map<String, Object> contract = shop.find("SubscriptionContract", contractGid);
        if (contract == null) {
            error(errorType, "INVALID", "Subscription contract does not exist.", "contractId");
            return errors.payload(payloadType, "contract", null);
        }
        OffsetDateTime next;
        try {
            next = SearchQuery.instant(date);
        } catch (IllegalArgumentException e) {
            error(errorType, "INVALID", "Date is invalid.", "date");
            return errors.payload(payloadType, "contract", null);
        }
        if (!next.isAfter(shop.now())) {
            error(errorType, "INVALID", "Next billing date must be in the future.", "date");
            return errors.payload(payloadType, "contract", null);
        }
        int due = dueIndex(contract);
        contract.put("nextBillingDate", AdminStore.format(next));
        contract.put("_anchorIndex", due);
        contract.put("_anchorDate", next);
        changed(contract);
        outbox.add("subscription_contracts/update", WebhookPayloads.contract(contract));
        return errors.payload(payloadType, "contract", contract);
    }

    private void changed(Map<String, Object> contract) {
        contract.put("revisionId", Long.toString(Long.parseLong((String) contract.get("revisionId")) + 1));
        contract.put("updatedAt", shop.nowText());
    }

    // ---- drafts ----

    @SuppressWarnings("unchecked")
    Map<String, Object> draft(String contractGid) {
        String errorType = "SubscriptionDraftUserError";
        Map<String, Object> contract = shop.find("SubscriptionContract", contractGid);
        if (contract == null) {
            error(errorType, "INVALID", "Contract does not exist.", "contractId");
            return errors.payload("SubscriptionContractUpdatePayload", "draft", null);
        }
        Map<String, Object> draft = shop.create("SubscriptionDraft");
        for (String field : List.of("billingPolicy", "deliveryPolicy", "deliveryMethod", "deliveryPrice",
                "nextBillingDate", "note", "status", "currencyCode", "customAttributes")) {
            draft.put(field, contract.get(field));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) contract.get("lines")) {
            lines.add(new LinkedHashMap<>(line));
        }
        draft.put("lines", lines);
        draft.put("linesAdded", List.of());
        draft.put("linesRemoved", List.of());
        draft.put("customer", contract.get("customer"));
        draft.put("originalContract", contract);
        draft.put("_contractId", ShopData.id(contract));
        draft.put("_baseRevision", contract.get("revisionId"));
        draft.put("_committed", false);
        shop.drafts.put(ShopData.id(draft), draft);
        return errors.payload("SubscriptionContractUpdatePayload", "draft", draft);
    }

    private Map<String, Object> openDraft(String draftGid) {
        Map<String, Object> draft = shop.find("SubscriptionDraft", draftGid);
        if (draft == null) {
            error("SubscriptionDraftUserError", "INVALID", "Draft does not exist.", "draftId");
        } else if (Boolean.TRUE.equals(draft.get("_committed"))) {
            error("SubscriptionDraftUserError", "COMMITTED", "Draft has already been committed.", "draftId");
        }
        return errors.isEmpty() ? draft : null;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> updateDraft(String draftGid, Map<String, Object> input) {
        String errorType = "SubscriptionDraftUserError";
        Map<String, Object> draft = openDraft(draftGid);
        if (draft == null) {
            return errors.payload("SubscriptionDraftUpdatePayload", "draft", null);
        }
        Map<String, Object> billing = (Map<String, Object>) draft.get("billingPolicy");
        Map<String, Object> delivery = (Map<String, Object>) draft.get("deliveryPolicy");
        if (input.get("billingPolicy") instanceof Map<?, ?> b) {
            billing = policy("SubscriptionBillingPolicy", (Map<String, Object>) b);
        }
        if (input.get("deliveryPolicy") instanceof Map<?, ?> d) {
            delivery = policy("SubscriptionDeliveryPolicy", (Map<String, Object>) d);
        }
        for (Map<String, Object> p : List.of(billing, delivery)) {
            if (!(p.get("intervalCount") instanceof Integer count) || count < 1) {
                error(errorType, "GREATER_THAN_OR_EQUAL_TO", "Interval count must be greater than or equal to 1",
                        "input", p == billing ? "billingPolicy" : "deliveryPolicy", "intervalCount");
            }
        }
        if (errors.isEmpty() && !SellingPlanGroups.isMultiple((String) billing.get("interval"),
                (Integer) billing.get("intervalCount"), (String) delivery.get("interval"),
                (Integer) delivery.get("intervalCount"))) {
            error(errorType, "DELIVERY_MUST_BE_MULTIPLE_OF_BILLING",
                    "Billing interval must be a multiple of the delivery interval", "input", "deliveryPolicy");
        }
        Object next = input.get("nextBillingDate");
        if (next != null) {
            try {
                if (!SearchQuery.instant(next.toString()).isAfter(shop.now())) {
                    error(errorType, "INVALID_BILLING_DATE", "Next billing date must be in the future",
                            "input", "nextBillingDate");
                }
            } catch (IllegalArgumentException e) {
                error(errorType, "INVALID_BILLING_DATE", "Next billing date is invalid", "input", "nextBillingDate");
            }
        }
        Map<String, Object> method = null;
        if (input.get("deliveryMethod") instanceof Map<?, ?> m) {
            Map<String, Object> shippingInput = (Map<String, Object>) m.get("shipping");
            if (shippingInput == null) {
                error(errorType, "INVALID", "Only shipping delivery is supported by this shop", "input",
                        "deliveryMethod");
            } else {
                Map<String, Object> address = address((Map<String, Object>) shippingInput.get("address"));
                method = shipping(address);
            }
        }
        if (!errors.isEmpty()) {
            return errors.payload("SubscriptionDraftUpdatePayload", "draft", null);
        }
        draft.put("billingPolicy", billing);
        draft.put("deliveryPolicy", delivery);
        if (next != null) {
            draft.put("nextBillingDate", AdminStore.format(SearchQuery.instant(next.toString())));
        }
        if (method != null) {
            draft.put("deliveryMethod", method);
        }
        if (input.containsKey("note")) {
            draft.put("note", input.get("note"));
        }
        if (input.get("status") != null) {
            draft.put("status", input.get("status"));
        }
        if (input.get("deliveryPrice") != null) {
            draft.put("deliveryPrice", ShopData.money(new BigDecimal(input.get("deliveryPrice").toString())));
        }
        return errors.payload("SubscriptionDraftUpdatePayload", "draft", draft);
    }

    private static Map<String, Object> policy(String type, Map<String, Object> input) {
        return ShopData.object(type, "interval", input.get("interval"), "intervalCount", input.get("intervalCount"),
                "minCycles", input.get("minCycles"), "maxCycles", input.get("maxCycles"),
                "anchors", SellingPlanGroups.anchors(input.get("anchors"), List.of()));
    }

    private Map<String, Object> address(Map<String, Object> input) {
        Map<String, Object> address = shop.create("MailingAddress");
        Map<String, Object> in = input == null ? Map.of() : input;
        address.put("firstName", in.get("firstName"));
        address.put("lastName", in.get("lastName"));
        address.put("name", ((in.get("firstName") == null ? "" : in.get("firstName") + " ")
                + (in.get("lastName") == null ? "" : in.get("lastName"))).trim());
        address.put("address1", in.get("address1"));
        address.put("address2", in.get("address2"));
        address.put("city", in.get("city"));
        address.put("provinceCode", in.get("provinceCode"));
        address.put("province", in.get("provinceCode"));
        address.put("countryCodeV2", in.get("countryCode"));
        address.put("country", in.get("countryCode"));
        address.put("zip", in.get("zip"));
        address.put("phone", in.get("phone"));
        address.put("company", in.get("company"));
        return address;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> updateDraftLine(String draftGid, String lineGid, Map<String, Object> input) {
        String errorType = "SubscriptionDraftUserError";
        Map<String, Object> draft = openDraft(draftGid);
        if (draft == null) {
            return errors.payload("SubscriptionDraftLineUpdatePayload", "draft", null, "lineUpdated", null);
        }
        List<Map<String, Object>> lines = (List<Map<String, Object>>) draft.get("lines");
        Map<String, Object> line = lines.stream().filter(l -> lineGid.equals(l.get("id"))).findFirst().orElse(null);
        if (line == null) {
            error(errorType, "INVALID_LINES", "The line does not exist.", "lineId");
            return errors.payload("SubscriptionDraftLineUpdatePayload", "draft", null, "lineUpdated", null);
        }
        Integer quantity = (Integer) input.get("quantity");
        if (quantity != null && quantity < 1) {
            error(errorType, "GREATER_THAN_OR_EQUAL_TO", "Quantity must be greater than or equal to 1", "input",
                    "quantity");
        }
        Map<String, Object> variant = null;
        if (input.get("productVariantId") != null) {
            variant = shop.find("ProductVariant", (String) input.get("productVariantId"));
            if (variant == null) {
                error(errorType, "INVALID", "Product variant does not exist.", "input", "productVariantId");
            }
        }
        if (!errors.isEmpty()) {
            return errors.payload("SubscriptionDraftLineUpdatePayload", "draft", null, "lineUpdated", null);
        }
        Map<String, Object> updated = new LinkedHashMap<>(line);
        if (variant != null) {
            Map<String, Object> product = shop.products.get((Long) variant.get("_productId"));
            updated.put("variantId", variant.get("id"));
            updated.put("productId", product.get("id"));
            updated.put("sku", variant.get("sku"));
            updated.put("title", product.get("title"));
            updated.put("variantTitle", variant.get("title"));
            updated.put("_variantId", ShopData.id(variant));
        }
        if (quantity != null) {
            updated.put("quantity", quantity);
        }
        if (input.get("currentPrice") != null) {
            updated.put("currentPrice", ShopData.money(new BigDecimal(input.get("currentPrice").toString())));
        }
        for (String field : List.of("sellingPlanId", "sellingPlanName")) {
            if (input.containsKey(field)) {
                updated.put(field, input.get(field));
            }
        }
        BigDecimal price = new BigDecimal((String) ((Map<String, Object>) updated.get("currentPrice")).get("amount"));
        updated.put("lineDiscountedPrice", ShopData.money(price.multiply(BigDecimal.valueOf(
                (Integer) updated.get("quantity")))));
        lines.set(lines.indexOf(line), updated);
        return errors.payload("SubscriptionDraftLineUpdatePayload", "draft", draft, "lineUpdated", updated);
    }

    /** subscriptionDraftLineAdd: a variant at a price, on a plan or none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> addDraftLine(String draftGid, Map<String, Object> input) {
        String errorType = "SubscriptionDraftUserError";
        String payloadType = "SubscriptionDraftLineAddPayload";
        Map<String, Object> draft = openDraft(draftGid);
        if (draft == null) {
            return errors.payload(payloadType, "draft", null, "lineAdded", null);
        }
        Map<String, Object> variant = shop.find("ProductVariant", (String) input.get("productVariantId"));
        if (variant == null) {
            error(errorType, "INVALID", "Product variant does not exist.", "input", "productVariantId");
        }
        Integer quantity = (Integer) input.get("quantity");
        if (quantity == null || quantity < 1) {
            error(errorType, "GREATER_THAN_OR_EQUAL_TO", "Quantity must be greater than or equal to 1", "input",
                    "quantity");
        }
        Map<String, Object> plan = input.get("sellingPlanId") == null ? null
                : shop.find("SellingPlan", (String) input.get("sellingPlanId"));
        if (input.get("sellingPlanId") != null && plan == null) {
            error(errorType, "INVALID", "Selling plan does not exist.", "input", "sellingPlanId");
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "draft", null, "lineAdded", null);
        }
        Map<String, Object> line = shop.create("SubscriptionLine");
        line.putAll(lineFor(variant, plan, quantity, new BigDecimal(input.get("currentPrice").toString())));
        if (input.get("sellingPlanName") != null) {
            line.put("sellingPlanName", input.get("sellingPlanName"));
        }
        ((List<Map<String, Object>>) draft.get("lines")).add(line);
        return errors.payload(payloadType, "draft", draft, "lineAdded", line);
    }

    /** subscriptionDraftLineRemove: a contract keeps at least one line. */
    @SuppressWarnings("unchecked")
    Map<String, Object> removeDraftLine(String draftGid, String lineGid) {
        String errorType = "SubscriptionDraftUserError";
        String payloadType = "SubscriptionDraftLineRemovePayload";
        Map<String, Object> draft = openDraft(draftGid);
        if (draft == null) {
            return errors.payload(payloadType, "draft", null, "lineRemoved", null);
        }
        List<Map<String, Object>> lines = (List<Map<String, Object>>) draft.get("lines");
        Map<String, Object> line = lines.stream().filter(l -> lineGid.equals(l.get("id"))).findFirst().orElse(null);
        if (line == null) {
            error(errorType, "INVALID_LINES", "The line does not exist.", "lineId");
        } else if (lines.size() == 1) {
            error(errorType, "INVALID_LINES", "A subscription contract needs at least one line.", "lineId");
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "draft", null, "lineRemoved", null);
        }
        lines.remove(line);
        return errors.payload(payloadType, "draft", draft, "lineRemoved", line, "discountsUpdated", List.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> commit(String draftGid) {
        String errorType = "SubscriptionDraftUserError";
        Map<String, Object> draft = openDraft(draftGid);
        if (draft == null) {
            return errors.payload("SubscriptionDraftCommitPayload", "contract", null);
        }
        Map<String, Object> contract = shop.contracts.get((Long) draft.get("_contractId"));
        if (!contract.get("revisionId").equals(draft.get("_baseRevision"))) {
            error(errorType, "STALE_CONTRACT", "The contract has changed since the draft was created.", "draftId");
            return errors.payload("SubscriptionDraftCommitPayload", "contract", null);
        }
        String previousNext = (String) contract.get("nextBillingDate");
        Map<String, Object> previousBilling = (Map<String, Object>) contract.get("billingPolicy");
        int dueIndex = dueIndex(contract);
        for (String field : List.of("billingPolicy", "deliveryPolicy", "deliveryMethod", "deliveryPrice",
                "nextBillingDate", "note", "customAttributes")) {
            contract.put(field, draft.get(field));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) draft.get("lines")) {
            lines.add(new LinkedHashMap<>(line));
        }
        contract.put("lines", lines);
        String oldStatus = (String) contract.get("status");
        String newStatus = (String) draft.get("status");
        contract.put("status", newStatus);
        if (!previousNext.equals(contract.get("nextBillingDate")) || !previousBilling.equals(contract.get("billingPolicy"))) {
            contract.put("_anchorIndex", dueIndex);
            contract.put("_anchorDate", SearchQuery.instant((String) contract.get("nextBillingDate")));
        }
        changed(contract);
        draft.put("_committed", true);
        outbox.add("subscription_contracts/update", WebhookPayloads.contract(contract));
        if (!oldStatus.equals(newStatus)) {
            outbox.add(STATUS_MUTATIONS.get(newStatus)[1], WebhookPayloads.contract(contract));
        }
        return errors.payload("SubscriptionDraftCommitPayload", "contract", contract);
    }

    // ---- billing cycles ----

    /** The index of the cycle billed on the contract's next billing date. */
    private static int dueIndex(Map<String, Object> contract) {
        OffsetDateTime next = SearchQuery.instant((String) contract.get("nextBillingDate"));
        int index = (Integer) contract.get("_anchorIndex");
        OffsetDateTime anchor = (OffsetDateTime) contract.get("_anchorDate");
        while (anchor.isBefore(next)) {
            index++;
            anchor = step(contract, anchor, 1);
        }
        while (anchor.isAfter(next) && index > 1) {
            index--;
            anchor = step(contract, anchor, -1);
        }
        return index;
    }

    @SuppressWarnings("unchecked")
    private static OffsetDateTime step(Map<String, Object> contract, OffsetDateTime from, int cycles) {
        Map<String, Object> billing = (Map<String, Object>) contract.get("billingPolicy");
        return plus(from, (String) billing.get("interval"), (Integer) billing.get("intervalCount"), cycles);
    }

    static OffsetDateTime plus(OffsetDateTime from, String interval, int count, long times) {
        long n = (long) count * times;
        return switch (interval) {
            case "DAY" -> from.plusDays(n);
            case "WEEK" -> from.plusWeeks(n);
            case "YEAR" -> from.plusYears(n);
            default -> from.plusMonths(n);
        };
    }

    /** Cycle {@code index} of the contract (1 = the first after checkout). */
    @SuppressWarnings("unchecked")
    Map<String, Object> cycle(Map<String, Object> contract, int index) {
        int anchorIndex = (Integer) contract.get("_anchorIndex");
        OffsetDateTime expected = step(contract, (OffsetDateTime) contract.get("_anchorDate"), index - anchorIndex);
        OffsetDateTime start = step(contract, expected, -1);
        Set<Integer> skipped = (Set<Integer>) contract.get("_skipped");
        Set<Integer> billed = (Set<Integer>) contract.get("_billed");
        long contractId = ShopData.id(contract);
        Map<String, Object> cycle = ShopData.object("SubscriptionBillingCycle", "cycleIndex", index,
                "cycleStartAt", AdminStore.format(start), "cycleEndAt", AdminStore.format(expected),
                "billingAttemptExpectedDate", AdminStore.format(expected), "skipped", skipped.contains(index),
                "edited", false, "status", billed.contains(index) ? "BILLED" : "UNBILLED",
                "sourceContract", contract, "editedContract", null);
        cycle.put("billingAttempts", (Supplier<Object>) () -> shop.attempts.values().stream()
                .filter(a -> Long.valueOf(contractId).equals(a.get("_contractId"))
                        && Integer.valueOf(index).equals(a.get("_cycleIndex"))).toList());
        return cycle;
    }

    /** The cycle a selector ({index} or {date}) names, or null when it names none. */
    private Integer cycleIndex(Map<String, Object> contract, Map<String, Object> selector) {
        if (selector == null) {
            return dueIndex(contract);
        }
        if (selector.get("index") instanceof Integer index) {
            return index >= 1 ? index : null;
        }
        if (selector.get("date") != null) {
            OffsetDateTime date = SearchQuery.instant(selector.get("date").toString());
            OffsetDateTime created = SearchQuery.instant((String) contract.get("createdAt"));
            if (date.isBefore(created)) {
                return null;
            }
            for (int index = 1; index < 10_000; index++) {
                if (!date.isAfter(SearchQuery.instant((String) cycle(contract, index).get("cycleEndAt")))) {
                    return index;
                }
            }
        }
        return null;
    }

    /** The cycles in an index range, or those whose billing date falls in a date range (at most 250). */
    List<Map<String, Object>> cycles(String contractGid, Map<String, Object> indexRange, Map<String, Object> dateRange) {
        Map<String, Object> contract = shop.find("SubscriptionContract", contractGid);
        if (contract == null) {
            return List.of();
        }
        List<Map<String, Object>> cycles = new ArrayList<>();
        if (indexRange != null) {
            int from = Math.max(1, (Integer) indexRange.get("startIndex"));
            int to = (Integer) indexRange.get("endIndex");
            for (int index = from; index <= to && cycles.size() < Connections.MAX_PAGE; index++) {
                cycles.add(cycle(contract, index));
            }
            return cycles;
        }
        OffsetDateTime start = dateRange == null ? shop.now() : SearchQuery.instant(dateRange.get("startDate").toString());
        OffsetDateTime end = dateRange == null ? null : SearchQuery.instant(dateRange.get("endDate").toString());
        for (int index = 1; cycles.size() < Connections.MAX_PAGE && index < 10_000; index++) {
            Map<String, Object> cycle = cycle(contract, index);
            OffsetDateTime expected = SearchQuery.instant((String) cycle.get("billingAttemptExpectedDate"));
            if (end != null && expected.isAfter(end)) {
                break;
            }
            if (!expected.isBefore(start)) {
                cycles.add(cycle);
            }
        }
        return cycles;
    }

    /** subscriptionBillingCycle(billingCycleInput). */
    Map<String, Object> cycle(Map<String, Object> billingCycleInput) {
        Map<String, Object> contract = shop.find("SubscriptionContract", (String) billingCycleInput.get("contractId"));
        if (contract == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Integer index = cycleIndex(contract, (Map<String, Object>) billingCycleInput.get("selector"));
        return index == null ? null : cycle(contract, index);
    }

    /** subscriptionBillingCycleSkip ({@code skip}) and Unskip. */
    @SuppressWarnings("unchecked")
    Map<String, Object> skip(Map<String, Object> billingCycleInput, boolean skip) {
        String payloadType = skip ? "SubscriptionBillingCycleSkipPayload" : "SubscriptionBillingCycleUnskipPayload";
        String errorType = skip ? "SubscriptionBillingCycleSkipUserError" : "SubscriptionBillingCycleUnskipUserError";
        Map<String, Object> contract = shop.find("SubscriptionContract", (String) billingCycleInput.get("contractId"));
        if (contract == null) {
            error(errorType, "INVALID", "Subscription contract does not exist.", "billingCycleInput", "contractId");
            return errors.payload(payloadType, "billingCycle", null);
        }
        Map<String, Object> selector = (Map<String, Object>) billingCycleInput.get("selector");
        if (selector == null || (selector.get("index") == null) == (selector.get("date") == null)) {
            error(errorType, "INVALID", "Select the cycle by exactly one of index or date.", "billingCycleInput",
                    "selector");
            return errors.payload(payloadType, "billingCycle", null);
        }
        Integer index = cycleIndex(contract, selector);
        if (index == null) {
            error(errorType, "INVALID", "The billing cycle is out of range.", "billingCycleInput", "selector");
            return errors.payload(payloadType, "billingCycle", null);
        }
        Set<Integer> billed = (Set<Integer>) contract.get("_billed");
        if (billed.contains(index)) {
            error(errorType, "INVALID", "The billing cycle has already been billed.", "billingCycleInput", "selector");
            return errors.payload(payloadType, "billingCycle", null);
        }
        Set<Integer> skipped = (Set<Integer>) contract.get("_skipped");
        boolean changed = skip ? skipped.add(index) : skipped.remove(index);
        Map<String, Object> cycle = cycle(contract, index);
        if (changed) {
            outbox.add(skip ? "subscription_billing_cycles/skip" : "subscription_billing_cycles/unskip",
                    WebhookPayloads.cycle(cycle, ShopData.id(contract)));
        }
        return errors.payload(payloadType, "billingCycle", cycle);
    }

    // ---- billing attempts ----

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
            error(errorType, "BLANK", "Idempotency key can't be blank", "subscriptionBillingAttemptInput",
                    "idempotencyKey");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        Map<String, Object> contract = shop.find("SubscriptionContract", contractGid);
        if (contract == null) {
            error(errorType, "CONTRACT_NOT_FOUND", "Subscription contract does not exist.", "subscriptionContractId");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        long contractId = ShopData.id(contract);
        for (Map<String, Object> attempt : shop.attempts.values()) {
            if (key.equals(attempt.get("idempotencyKey")) && Long.valueOf(contractId).equals(attempt.get("_contractId"))) {
                return errors.payload(payloadType, "subscriptionBillingAttempt", attempt);
            }
        }
        String status = (String) contract.get("status");
        if (status.equals("PAUSED")) {
            error(errorType, "CONTRACT_PAUSED", "Subscription contract is paused.", "subscriptionContractId");
        } else if (status.equals("CANCELLED") || status.equals("EXPIRED")) {
            error(errorType, "CONTRACT_TERMINATED", "Subscription contract is " + status.toLowerCase(Locale.ROOT) + ".",
                    "subscriptionContractId");
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        Integer index = cycleIndex(contract, (Map<String, Object>) input.get("billingCycleSelector"));
        if (index == null) {
            error(errorType, "CYCLE_INDEX_OUT_OF_RANGE", "The billing cycle is out of range.",
                    "subscriptionBillingAttemptInput", "billingCycleSelector");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        if (((Set<Integer>) contract.get("_skipped")).contains(index)) {
            error(errorType, "BILLING_CYCLE_SKIPPED", "The billing cycle was skipped.",
                    "subscriptionBillingAttemptInput", "billingCycleSelector");
            return errors.payload(payloadType, "subscriptionBillingAttempt", null);
        }
        Map<String, Object> attempt = shop.create("SubscriptionBillingAttempt");
        attempt.put("idempotencyKey", key);
        attempt.put("createdAt", shop.nowText());
        attempt.put("originTime", input.get("originTime"));
        attempt.put("completedAt", null);
        attempt.put("ready", false);
        attempt.put("errorCode", null);
        attempt.put("errorMessage", null);
        attempt.put("respectInventoryPolicy", true);
        attempt.put("state", ShopData.object("SubscriptionBillingAttemptPendingState", "processing", true));
        attempt.put("subscriptionContract", contract);
        attempt.put("_contractId", contractId);
        attempt.put("_cycleIndex", index);
        attempt.put("order", (Supplier<Object>) () -> attempt.get("_orderId") == null ? null
                : shop.orders.get((Long) attempt.get("_orderId")));
        shop.attempts.put(ShopData.id(attempt), attempt);
        return errors.payload(payloadType, "subscriptionBillingAttempt", attempt);
    }

    /**
     * Which of the schema's failed-attempt error types carries a {@code SubscriptionBillingAttemptErrorCode} (its
     * inventory, payment or general error enum holds the code), or null when the code is not one of Shopify's.
     */
    static String errorTypeOf(String code) {
        graphql.schema.GraphQLSchema schema = AdminSchema.load().graphQLSchema();
        if (!(schema.getType("SubscriptionBillingAttemptErrorCode") instanceof graphql.schema.GraphQLEnumType all)
                || all.getValue(code) == null) {
            return null;
        }
        for (String type : List.of("Inventory", "Payment", "General")) {
            if (schema.getType("SubscriptionBillingAttempt" + type + "ErrorCode") instanceof graphql.schema.GraphQLEnumType e
                    && e.getValue(code) != null) {
                return "SubscriptionBillingAttempt" + type + "Error";
            }
        }
        return "SubscriptionBillingAttemptUnexpectedError";
    }

    /** Settles a pending attempt: a scripted failure for its contract, else a paid order. */
    @SuppressWarnings("unchecked")
    void resolve(Map<String, Object> attempt) {
        if (!Boolean.FALSE.equals(attempt.get("ready"))) {
            return;
        }
        long contractId = (Long) attempt.get("_contractId");
        Map<String, Object> contract = shop.contracts.get(contractId);
        ShopData.BillingScript script = shop.billingScripts.get(contractId);
        attempt.put("ready", true);
        attempt.put("completedAt", shop.nowText());
        if (script != null && script.failures() != 0) {
            if (script.failures() > 0) {
                shop.billingScripts.put(contractId, new ShopData.BillingScript(script.errorCode(), script.failures() - 1));
            }
            String code = script.errorCode().toUpperCase(Locale.ROOT);
            String message = "The billing attempt failed: " + code.toLowerCase(Locale.ROOT).replace('_', ' ');
            attempt.put("errorCode", code);
            attempt.put("errorMessage", message);
            String errorType = errorTypeOf(code);
            boolean inventory = errorType.equals("SubscriptionBillingAttemptInventoryError");
            attempt.put("state", ShopData.object("SubscriptionBillingAttemptFailedState", "error",
                    ShopData.object(errorType, "code", code)));
            attempt.put("processingError", ShopData.object("SubscriptionBillingAttemptGenericError", "code", code,
                    "message", message));
            contract.put("lastPaymentStatus", "FAILED");
            contract.put("lastBillingAttemptErrorType", inventory ? "INVENTORY_ERROR"
                    : errorType.equals("SubscriptionBillingAttemptPaymentError") ? "PAYMENT_ERROR" : "CUSTOMER_ERROR");
            outbox.add("subscription_billing_attempts/failure", WebhookPayloads.attempt(attempt));
            return;
        }
        List<ShopData.OrderLine> lines = new ArrayList<>();
        for (Map<String, Object> line : (List<Map<String, Object>>) contract.get("lines")) {
            Map<String, Object> variant = shop.variants.get((Long) line.get("_variantId"));
            BigDecimal price = new BigDecimal((String) ((Map<String, Object>) line.get("currentPrice")).get("amount"));
            Map<String, Object> plan = line.get("sellingPlanId") == null ? null
                    : shop.node((String) line.get("sellingPlanId"));
            lines.add(new ShopData.OrderLine(variant, (Integer) line.get("quantity"), price,
                    plan == null ? ShopData.object("SellingPlan", "id", line.get("sellingPlanId"), "name",
                            line.get("sellingPlanName")) : plan));
        }
        Map<String, Object> order = shop.order((Long) contract.get("_customerId"), lines, "subscription_contract");
        for (Map<String, Object> item : (List<Map<String, Object>>) order.get("_lines")) {
            item.put("contract", contract);
        }
        long orderId = ShopData.id(order);
        ((List<Long>) contract.get("_orderIds")).add(orderId);
        attempt.put("_orderId", orderId);
        attempt.put("state", ShopData.object("SubscriptionBillingAttemptSuccessState", "order", order));
        int index = (Integer) attempt.get("_cycleIndex");
        ((Set<Integer>) contract.get("_billed")).add(index);
        contract.put("lastPaymentStatus", "SUCCEEDED");
        contract.put("lastBillingAttemptErrorType", null);
        // the next billing date moves on past the cycle just billed
        if (index >= dueIndex(contract)) {
            contract.put("nextBillingDate", AdminStore.format(SearchQuery.instant((String) cycle(contract, index + 1)
                    .get("billingAttemptExpectedDate"))));
        }
        outbox.add("orders/create", WebhookPayloads.order(shop, order));
        outbox.add("subscription_billing_attempts/success", WebhookPayloads.attempt(attempt));
    }
}
