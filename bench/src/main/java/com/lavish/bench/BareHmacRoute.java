package com.lavish.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The limit the gateway is measured against: a bare Vert.x route that reads the body, checks Shopify's HMAC in
 * constant time and answers 200, with no Kafka and no framework. Usage: {@code BareHmacRoute PORT}; the secret
 * comes from SHOPIFY_API_SECRET as for the gateway.
 */
public final class BareHmacRoute {

    private BareHmacRoute() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byte[] key = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production")
                .getBytes(StandardCharsets.UTF_8);
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String header = request.getHeader("X-Shopify-Hmac-Sha256");
            boolean valid;
            try {
                valid = header != null && MessageDigest.isEqual(Base64.getDecoder().decode(header),
                        macs.get().doFinal(body.getBytes()));
            } catch (IllegalArgumentException notBase64) {
                valid = false;
            }
            request.response().setStatusCode(valid ? 200 : 401).end();
        })).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        System.out.println("bare HMAC route on port " + port);
    }
}
