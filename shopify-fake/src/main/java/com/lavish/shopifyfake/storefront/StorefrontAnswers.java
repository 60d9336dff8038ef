package com.lavish.shopifyfake.storefront;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;

/** How the storefront's paths answer: a redirect after a form, plain text for a person, JSON for the Ajax cart. */
final class StorefrontAnswers {

    static final ObjectMapper JSON = new ObjectMapper();

    private StorefrontAnswers() {}

    static void redirect(HttpServerResponse response, String location) {
        response.setStatusCode(303).putHeader("Location", location).end();
    }

    static void text(HttpServerResponse response, int status, String text) {
        response.setStatusCode(status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(text);
    }

    static void json(HttpServerResponse response, int status, Object body) {
        try {
            response.setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            response.setStatusCode(500).end();
        }
    }

    static Long positive(String text) {
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text.trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
