package com.lavish.sync.support;

import com.lavish.shopifyfake.ShopifyFakeServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * shopify-fake's Admin API in the test JVM on a free port, once for every test class, with the test profile's
 * access token and shop; points {@code shopify.admin-url} at it. Its webhooks go nowhere (no gateway runs here).
 */
public class ShopifyFakeAdminResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-only-fake-admin-token";
    private static ShopifyFakeServer fake;

    @Override
    public synchronized Map<String, String> start() {
        if (fake == null) {
            ShopifyFakeServer.Config config = ShopifyFakeServer.Config.parse(
                    List.of(
                            "--port",
                            "0",
                            "--shop",
                            SyncFixture.SHOP,
                            "--admin-token",
                            TOKEN,
                            "--edge",
                            "http://127.0.0.1:9"),
                    Map.of());
            try {
                ShopifyFakeServer started = ShopifyFakeServer.start(Vertx.vertx(), config)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                // the schema takes seconds to parse: ready before any test measures anything
                started.admin()
                        .ready()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(120, TimeUnit.SECONDS);
                fake = started;
            } catch (Exception e) {
                throw new IllegalStateException("shopify-fake did not start", e);
            }
        }
        return Map.of("shopify.admin-url", url(), "shopify.admin-token", TOKEN);
    }

    public static synchronized String url() {
        return "http://127.0.0.1:" + fake.port();
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM, like the devstack
    }
}
