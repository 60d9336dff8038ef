package com.lavish.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopifyTopicRouteTest {

    @ParameterizedTest
    @CsvSource({
        "customers/create, shopify.customers, id",
        "customers/enable, shopify.customers, id",
        "customers/merge, shopify.customers, admin_graphql_api_customer_kept_id",
        "customers/purchasing_summary, shopify.customers, customerId",
        "customer.tags_added, shopify.customers, customerId",
        "customer.tags_removed, shopify.customers, customerId",
        "customers_email_marketing_consent/update, shopify.customers, customer_id",
        "customers_marketing_consent/update, shopify.customers, id",
        "customers/data_request, shopify.compliance, customer.id",
        "customers/redact, shopify.compliance, customer.id",
        "shop/redact, shopify.compliance, shop_id",
        "app/uninstalled, shopify.compliance, id",
        "orders/paid, shopify.orders, id",
        "orders/edited, shopify.orders, order_edit.order_id",
        "fulfillments/create, shopify.orders, order_id",
        "products/update, shopify.products, id",
        "subscription_contracts/pause, shopify.subscriptions, id",
        "subscription_billing_attempts/failure, shopify.subscriptions, subscription_contract_id",
        "selling_plan_groups/create, shopify.subscriptions, id",
        "inventory_levels/update, shopify.unrouted, id",
        "customersx/create, shopify.unrouted, id"
    })
    void routesEachShopifyTopicToItsFamilyAndIdField(String shopifyTopic, String kafkaTopic, String idPath) {
        ShopifyTopicRoute route = ShopifyTopicRoute.of(shopifyTopic);
        assertEquals(kafkaTopic, route.kafkaTopic());
        assertEquals(idPath, String.join(".", route.idPath()));
    }
}
