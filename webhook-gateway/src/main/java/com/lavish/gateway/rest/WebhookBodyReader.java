package com.lavish.gateway.rest;

import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.gateway.config.WebhookConfig;
import com.lavish.gateway.service.WebhookRejections;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads a webhook body as raw bytes, on the event loop, up to {@code webhook.max-body-size}. A declared
 * Content-Length over the limit is refused before any byte is read; a chunked body is counted as it arrives and
 * refused as soon as it passes the limit, so no oversize body is ever held in memory. Either way the answer is a
 * problem+json 413 (the server's own, bare 413 of {@code quarkus.http.limits.max-body-size} is only an outer guard).
 */
@Startup // its configuration checks run at start, not on the first webhook
@ApplicationScoped
public class WebhookBodyReader {

    /** After a 413 the rest of the body is read and dropped, so the client sees the answer; up to this many limits. */
    private static final int DRAIN_LIMITS = 8;

    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    private static final int INITIAL_CAPACITY_CAP = 1 << 20;
    private static final Logger LOG = Logger.getLogger(WebhookBodyReader.class);

    private final long limit;
    private final long drainLimit;
    private final WebhookRejections rejections;

    @Inject
    public WebhookBodyReader(
            WebhookConfig config,
            WebhookRejections rejections,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        this.limit = config.maxBodySize().asLongValue();
        if (limit <= 0 || limit > MAX_ARRAY) {
            throw new IllegalStateException("webhook.max-body-size must be between 1 byte and 2 GB: " + limit);
        }
        this.drainLimit = limit * DRAIN_LIMITS;
        this.rejections = rejections;
        serverLimit
                .filter(server -> server.asLongValue() <= limit)
                .ifPresent(server -> LOG.warnf(
                        "quarkus.http.limits.max-body-size (%d) is not above webhook.max-body-size (%d): oversize webhooks"
                                + " get the server's bare 413 instead of problem+json",
                        server.asLongValue(), limit));
    }

    /** @return the body, or a failure carrying the 413 (or the 400 of a body cut short) */
    public Future<byte[]> read(RoutingContext routing) {
        Promise<byte[]> body = Promise.promise();
        new Reading(routing, body).start();
        return body.future();
    }

    /** One body being read. Vert.x calls every handler on the connection's event loop, so no locking. */
    private final class Reading {

        private final RoutingContext routing;
        private final HttpServerRequest request;
        private final Promise<byte[]> outcome;
        private byte[] body;
        private int length;
        private long received;
        private boolean done;

        Reading(RoutingContext routing, Promise<byte[]> outcome) {
            this.routing = routing;
            this.request = routing.request();
            this.outcome = outcome;
        }

        void start() {
            long declared = declaredLength();
            boolean http1 = request.version() != HttpVersion.HTTP_2;
            boolean expectsContinue =
                    http1 && request.headers().contains(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE, true);
            if (declared > limit) {
                if (expectsContinue) {
                    // the client waits for a 100 before sending the body: it never comes, the connection ends
                    done = true;
                    routing.addEndHandler(ignored -> request.connection().close());
                    outcome.fail(rejections.tooLarge(shop(), true));
                    return;
                }
                refuseAndDrain();
            }
            if (request.isEnded()) {
                // something upstream already consumed the body
                RequestBody read = routing.body();
                Buffer buffer = read == null ? null : read.buffer();
                complete(buffer == null ? new byte[0] : buffer.getBytes());
                return;
            }
            request.handler(this::onChunk);
            request.endHandler(ignored -> complete(bodyBytes()));
            request.exceptionHandler(error -> {
                if (!done) {
                    done = true;
                    outcome.fail(rejections.unreadableBody(shop()));
                }
            });
            if (expectsContinue && !done) {
                request.response().writeContinue();
            }
            request.resume();
        }

        private void onChunk(Buffer chunk) {
            received += chunk.length();
            if (done) {
                if (received > drainLimit) {
                    abort();
                }
                return;
            }
            if (received > limit) {
                refuseAndDrain();
                return;
            }
            append(chunk);
        }

        /**
         * Copies the chunk straight into the body's array: sized from Content-Length, so a declared body is copied
         * once out of the network buffer and handed over as it is (no intermediate buffer, no final copy).
         */
        private void append(Buffer chunk) {
            int needed = length + chunk.length();
            if (body == null) {
                long declared = declaredLength();
                body = new byte[Math.max(needed, (int) Math.min(declared > 0 ? declared : 1024, INITIAL_CAPACITY_CAP))];
            } else if (needed > body.length) {
                body = Arrays.copyOf(body, (int) Math.max(needed, Math.min(MAX_ARRAY, 2L * body.length)));
            }
            chunk.getBytes(0, chunk.length(), body, length);
            length = needed;
        }

        private byte[] bodyBytes() {
            if (body == null) {
                return new byte[0];
            }
            return length == body.length ? body : Arrays.copyOf(body, length);
        }

        /** Answers 413 now and drops what is still coming, so the client reads the answer instead of a reset. */
        private void refuseAndDrain() {
            done = true;
            body = null;
            outcome.fail(rejections.tooLarge(shop(), false));
        }

        private void complete(byte[] bytes) {
            if (!done) {
                done = true;
                outcome.complete(bytes);
            }
        }

        /** A client that keeps sending long after its 413 loses the connection. */
        private void abort() {
            request.handler(null);
            if (request.version() == HttpVersion.HTTP_2) {
                request.response().reset();
            } else {
                request.connection().close();
            }
        }

        private long declaredLength() {
            String value = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
            if (value == null) {
                return -1;
            }
            try {
                return Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private String shop() {
            return request.getHeader(ShopifyWebhookHeaders.SHOP_DOMAIN);
        }
    }
}
