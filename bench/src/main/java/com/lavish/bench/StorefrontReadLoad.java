package com.lavish.bench;

import com.lavish.shopifyfake.AppProxySigner;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Storefront reads at a fixed rate ({@link OpenLoop}), each signed as Shopify's app proxy signs it, spread over a
 * range of signed-in customers, through whatever URL is given (the local API gateway in the benchmark). Usage:
 * {@code StorefrontReadLoad BASE_URL PATH RATE_PER_SECOND SECONDS SHOP FIRST_CUSTOMER_ID CUSTOMERS}, for example
 * {@code http://127.0.0.1:8080 /proxy/customers/me 1000 30 lavish-library.myshopify.com 9100000000000 200}.
 */
public final class StorefrontReadLoad {

    private StorefrontReadLoad() {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String path = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String shop = args[4];
        long firstCustomer = Long.parseLong(args[5]);
        int customers = Integer.parseInt(args[6]);
        String secret = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production");
        AppProxySigner signer = new AppProxySigner(secret);
        // one timestamp for the run: well inside the proxy's freshness window for the few seconds it lasts
        Instant signedAt = Instant.now();

        OpenLoop.run(path, base, rate, seconds, i -> {
            long customer = firstCustomer + i % customers;
            String query = signer.query(shop, customer, signedAt, Map.of());
            return new OpenLoop.Request(
                    new RequestOptions().setMethod(HttpMethod.GET).setURI(path + "?" + query), null, 200);
        });
    }
}
