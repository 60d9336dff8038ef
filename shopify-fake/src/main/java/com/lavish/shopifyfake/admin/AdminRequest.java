package com.lavish.shopifyfake.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One Admin API request as the data fetchers see it (in the GraphQL context): the shop, the webhooks it makes, the
 * mutations it ran, search warnings for {@code extensions.search}, and work to start once it has been answered.
 *
 * @param bulk     true while a bulk operation runs its query: connections then need no {@code first}/{@code last}
 *                 and give every item, as Shopify's bulk queries do
 * @param baseUrl  where this fake is reached ({@code http://host:port}), for the URLs it hands out
 */
record AdminRequest(
        ShopData shop,
        Outbox outbox,
        List<String> mutationNames,
        List<Map<String, Object>> searchWarnings,
        List<Runnable> afterCommit,
        BiConsumer<ShopData, SubscriptionBillingAttempt> billing,
        AdminGraphql engine,
        String baseUrl,
        boolean bulk) {

    static AdminRequest of(ShopData shop, AdminGraphql engine, String baseUrl, boolean bulk) {
        return new AdminRequest(
                shop,
                new Outbox(shop.domain()),
                new ArrayList<>(),
                new ArrayList<>(),
                new ArrayList<>(),
                engine::scheduleBilling,
                engine,
                baseUrl,
                bulk);
    }
}
