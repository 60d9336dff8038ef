package com.lavish.shopifyfake.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A draft's line edits: subscriptionDraftLineAdd, Update and Remove. They reach the contract on commit. */
final class SubscriptionDraftLines {

    private static final String ERROR_TYPE = SubscriptionDrafts.ERROR_TYPE;

    private final ShopData shop;
    private final UserErrors errors;
    private final SubscriptionDrafts drafts;

    SubscriptionDraftLines(ShopData shop, UserErrors errors, SubscriptionDrafts drafts) {
        this.shop = shop;
        this.errors = errors;
        this.drafts = drafts;
    }

    /** subscriptionDraftLineAdd: a variant at a price, on a plan or none. */
    Map<String, Object> addDraftLine(String draftGid, Map<String, Object> input) {
        String payloadType = "SubscriptionDraftLineAddPayload";
        SubscriptionDraft draft = drafts.open(draftGid);
        if (draft == null) {
            return errors.payload(payloadType, "draft", null, "lineAdded", null);
        }
        ProductVariant variant = shop.find(ProductVariant.class, (String) input.get("productVariantId"));
        if (variant == null) {
            errors.add(ERROR_TYPE, "INVALID", "Product variant does not exist.", "input", "productVariantId");
        }
        Integer quantity = (Integer) input.get("quantity");
        if (quantity == null || quantity < 1) {
            errors.add(
                    ERROR_TYPE,
                    "GREATER_THAN_OR_EQUAL_TO",
                    "Quantity must be greater than or equal to 1",
                    "input",
                    "quantity");
        }
        SellingPlan plan = shop.find(SellingPlan.class, (String) input.get("sellingPlanId"));
        if (input.get("sellingPlanId") != null && plan == null) {
            errors.add(ERROR_TYPE, "INVALID", "Selling plan does not exist.", "input", "sellingPlanId");
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "draft", null, "lineAdded", null);
        }
        SubscriptionLine line = ContractCheckout.line(
                shop,
                variant,
                plan,
                quantity,
                new BigDecimal(input.get("currentPrice").toString()));
        if (input.get("sellingPlanName") != null) {
            line.put("sellingPlanName", input.get("sellingPlanName"));
        }
        draft.lines().add(line);
        return errors.payload(payloadType, "draft", draft, "lineAdded", line);
    }

    /** subscriptionDraftLineUpdate: quantity, variant, price or plan; the line is replaced by an updated copy. */
    Map<String, Object> updateDraftLine(String draftGid, String lineGid, Map<String, Object> input) {
        String payloadType = "SubscriptionDraftLineUpdatePayload";
        SubscriptionDraft draft = drafts.open(draftGid);
        if (draft == null) {
            return errors.payload(payloadType, "draft", null, "lineUpdated", null);
        }
        List<SubscriptionLine> lines = draft.lines();
        SubscriptionLine line = find(lines, lineGid);
        if (line == null) {
            errors.add(ERROR_TYPE, "INVALID_LINES", "The line does not exist.", "lineId");
            return errors.payload(payloadType, "draft", null, "lineUpdated", null);
        }
        Integer quantity = (Integer) input.get("quantity");
        if (quantity != null && quantity < 1) {
            errors.add(
                    ERROR_TYPE,
                    "GREATER_THAN_OR_EQUAL_TO",
                    "Quantity must be greater than or equal to 1",
                    "input",
                    "quantity");
        }
        ProductVariant variant = null;
        if (input.get("productVariantId") != null) {
            variant = shop.find(ProductVariant.class, (String) input.get("productVariantId"));
            if (variant == null) {
                errors.add(ERROR_TYPE, "INVALID", "Product variant does not exist.", "input", "productVariantId");
            }
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "draft", null, "lineUpdated", null);
        }
        SubscriptionLine updated = new SubscriptionLine(line);
        if (variant != null) {
            updated.variant(variant, shop.products.get(variant.productId()));
        }
        if (quantity != null) {
            updated.put("quantity", quantity);
        }
        if (input.get("currentPrice") != null) {
            updated.put(
                    "currentPrice",
                    SchemaValues.money(new BigDecimal(input.get("currentPrice").toString())));
        }
        for (String field : List.of("sellingPlanId", "sellingPlanName")) {
            if (input.containsKey(field)) {
                updated.put(field, input.get(field));
            }
        }
        updated.put(
                "lineDiscountedPrice",
                SchemaValues.money(updated.price().multiply(BigDecimal.valueOf(updated.quantity()))));
        lines.set(lines.indexOf(line), updated);
        return errors.payload(payloadType, "draft", draft, "lineUpdated", updated);
    }

    /** subscriptionDraftLineRemove: a contract keeps at least one line. */
    Map<String, Object> removeDraftLine(String draftGid, String lineGid) {
        String payloadType = "SubscriptionDraftLineRemovePayload";
        SubscriptionDraft draft = drafts.open(draftGid);
        if (draft == null) {
            return errors.payload(payloadType, "draft", null, "lineRemoved", null);
        }
        List<SubscriptionLine> lines = draft.lines();
        SubscriptionLine line = find(lines, lineGid);
        if (line == null) {
            errors.add(ERROR_TYPE, "INVALID_LINES", "The line does not exist.", "lineId");
        } else if (lines.size() == 1) {
            errors.add(ERROR_TYPE, "INVALID_LINES", "A subscription contract needs at least one line.", "lineId");
        }
        if (!errors.isEmpty()) {
            return errors.payload(payloadType, "draft", null, "lineRemoved", null);
        }
        lines.remove(line);
        return errors.payload(payloadType, "draft", draft, "lineRemoved", line, "discountsUpdated", List.of());
    }

    private static SubscriptionLine find(List<SubscriptionLine> lines, String lineGid) {
        return lines.stream().filter(l -> lineGid.equals(l.gid())).findFirst().orElse(null);
    }
}
