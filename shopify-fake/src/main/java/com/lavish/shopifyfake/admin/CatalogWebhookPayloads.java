package com.lavish.shopifyfake.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lavish.shopifyfake.SampleWebhooks;
import java.util.Map;

/**
 * The catalogue's webhooks, {@code selling_plan_groups/*} and {@code products/update}, shaped like Shopify's samples
 * as {@link WebhookPayloads} describes.
 */
final class CatalogWebhookPayloads {

    private CatalogWebhookPayloads() {}

    /** selling_plan_groups/create and /update. */
    static ObjectNode group(ShopData shop, SellingPlanGroup group) {
        ObjectNode body = WebhookPayloads.node();
        body.put("admin_graphql_api_id", group.gid());
        body.put("id", group.id());
        body.put("name", group.name());
        body.put("merchant_code", (String) group.get("merchantCode"));
        body.put("admin_graphql_api_app", "gid://shopify/App/" + AdminApi.APP_ID);
        body.putNull("app_id");
        body.put("description", (String) group.get("description"));
        ArrayNode options = body.putArray("options");
        group.options().forEach(options::add);
        WebhookPayloads.putInt(body, "position", group.get("position"));
        body.put("summary", group.summary());
        ArrayNode plans = body.putArray("selling_plans");
        for (SellingPlan plan : group.plans()) {
            ObjectNode p = plans.addObject();
            p.put("name", plan.name());
            ArrayNode planOptions = p.putArray("options");
            plan.options().forEach(planOptions::add);
            WebhookPayloads.putInt(p, "position", plan.get("position"));
            p.put("description", (String) plan.get("description"));
            WebhookPayloads.billingPolicy(p, plan.billingPolicy());
            Map<String, Object> delivery = plan.deliveryPolicy();
            ObjectNode d = WebhookPayloads.deliveryPolicy(p, delivery);
            d.putArray("anchors");
            WebhookPayloads.putInt(d, "cutoff", delivery.get("cutoff"));
            d.put("pre_anchor_behavior", WebhookPayloads.lower(delivery.get("preAnchorBehavior")));
            ArrayNode pricing = p.putArray("pricing_policies");
            for (SellingPlan.Pricing policy : plan.pricing()) {
                ObjectNode pp = pricing.addObject();
                pp.put("adjustment_type", WebhookPayloads.lower(policy.adjustmentType()));
                pp.put(
                        "adjustment_value",
                        policy.percentage() != null
                                ? policy.percentage().toString()
                                : policy.amount().toPlainString());
                WebhookPayloads.putInt(pp, "after_cycle", policy.afterCycle());
            }
        }
        body.putArray("product_variants");
        ArrayNode products = body.putArray("products");
        for (long productId : group.productIds()) {
            Product product = shop.products.get(productId);
            if (product != null) {
                ObjectNode p = products.addObject();
                p.put("id", productId);
                p.put("storefront_graphql_api_id", "gid://shopify/Product/" + productId);
                p.put("title", (String) product.get("title"));
            }
        }
        return body;
    }

    /** selling_plan_groups/delete. */
    static ObjectNode groupDeleted(SellingPlanGroup group) {
        ObjectNode body = WebhookPayloads.node();
        body.put("admin_graphql_api_id", group.gid());
        body.put("id", group.id());
        return body;
    }

    /** products/update. */
    static ObjectNode product(Product product) {
        ObjectNode body = WebhookPayloads.node();
        long productId = product.id();
        body.put("admin_graphql_api_id", product.gid());
        body.put("body_html", (String) product.get("descriptionHtml"));
        body.put("created_at", (String) product.get("createdAt"));
        body.put("handle", (String) product.get("handle"));
        body.put("id", productId);
        body.put("product_type", (String) product.get("productType"));
        body.put("published_at", (String) product.get("publishedAt"));
        body.putNull("template_suffix");
        body.put("title", (String) product.get("title"));
        body.put("updated_at", (String) product.get("updatedAt"));
        body.put("vendor", (String) product.get("vendor"));
        body.put("status", WebhookPayloads.lower(product.get("status")));
        body.put("published_scope", "web");
        body.put("tags", String.join(", ", product.tags()));
        ArrayNode variants = body.putArray("variants");
        ArrayNode variantGids = SampleWebhooks.JSON.createArrayNode();
        for (ProductVariant variant : product.variants()) {
            ObjectNode v = variants.addObject();
            v.put("admin_graphql_api_id", variant.gid());
            v.putNull("barcode");
            v.putNull("compare_at_price");
            v.put("created_at", (String) variant.get("createdAt"));
            v.put("id", variant.id());
            v.put("inventory_policy", "deny");
            WebhookPayloads.putInt(v, "position", variant.get("position"));
            v.put("price", (String) variant.get("price"));
            v.put("product_id", productId);
            v.put("sku", (String) variant.get("sku"));
            v.put("taxable", true);
            v.put("title", (String) variant.get("title"));
            v.put("updated_at", (String) variant.get("updatedAt"));
            v.put("option1", (String) variant.get("title"));
            v.putNull("option2");
            v.putNull("option3");
            v.putNull("image_id");
            v.putNull("inventory_item_id");
            WebhookPayloads.putInt(v, "inventory_quantity", variant.get("inventoryQuantity"));
            WebhookPayloads.putInt(v, "old_inventory_quantity", variant.get("inventoryQuantity"));
            variantGids.addObject().put("admin_graphql_api_id", variant.gid()).put("updated_at", (String)
                    variant.get("updatedAt"));
        }
        body.putArray("options");
        body.putArray("images");
        body.putNull("image");
        body.putArray("media");
        body.set("variant_gids", variantGids);
        body.put("has_variants_that_requires_components", false);
        body.putNull("category");
        return body;
    }
}
