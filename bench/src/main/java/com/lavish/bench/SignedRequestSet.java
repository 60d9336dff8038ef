package com.lavish.bench;

import com.lavish.shopifyfake.SampleWebhooks;
import com.lavish.shopifyfake.WebhookSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a Lua file for wrk holding {@code count} customers/create deliveries, each with its own customer id and
 * webhook id, signed as Shopify signs them; bench/wrk-signed.lua sends them round-robin.
 * Usage: {@code SignedRequestSet OUT.lua COUNT SHOP FIRST_CUSTOMER_ID}.
 */
public final class SignedRequestSet {

    private SignedRequestSet() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        String shop = args[2];
        long firstId = Long.parseLong(args[3]);
        String secret = System.getenv().getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production");
        WebhookSigner signer = new WebhookSigner(secret, "2026-07");
        StringBuilder lua = new StringBuilder("return {\n");
        for (int i = 0; i < count; i++) {
            byte[] body = SampleWebhooks.customer("customers/create", firstId + i, "reader" + i + "@example.com.au");
            Map<String, String> headers = signer.headers("customers/create", shop, body);
            lua.append("{ body = ")
                    .append(luaString(new String(body, StandardCharsets.UTF_8)))
                    .append(", headers = {");
            headers.forEach((k, v) -> lua.append('[')
                    .append(luaString(k))
                    .append("] = ")
                    .append(luaString(v))
                    .append(", "));
            lua.append("} },\n");
        }
        lua.append("}\n");
        Files.writeString(out, lua);
    }

    private static String luaString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
