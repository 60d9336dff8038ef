package com.lavish.gateway.rest;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;

import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.gateway.config.WebhookConfig;
import com.lavish.gateway.service.WebhookRejections;

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
    public WebhookBodyReader(WebhookConfig config, WebhookRejections rejections,
                             @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> serverLimit) {
        this.limit = config.maxBodySize().asLongValue();
        if (limit <= 0 || limit > MAX_ARRAY) {
            throw new IllegalStateException("webhook.max-body-size must be between 1 byte and 2 GB: " + limit);
        }
        this.drainLimit = limit * DRAIN_LIMITS;
        this.rejections = rejections;
        serverLimit.filter(server -> server.asLongValue() <= limit).ifPresent(server -> LOG.warnf(
                "quarkus.http.limits.max-body-size (%d) is not above webhook.max-body-size (%d): oversize webhooks"
                        + " get the server's bare 413 instead of problem+json", server.asLongValue(), limit));
    }

    /** @return the body, or a failure carrying the 413 (or the 400 of a body cut short) */
    public Uni<byte[]> read(RoutingContext routing) {
        return Uni.createFrom().emitter(emitter -> new Reading(routing, emitter).start());
    }

    /** One body being read. Vert.x calls every handler on the connection's event loop, so no locking. */
    private final class Reading {

        private final RoutingContext routing;
        private final HttpServerRequest request;
        private final UniEmitter<? super byte[]> emitter;
        private Buffer body;
        private long received;
        private boolean done;

        Reading(RoutingContext routing, UniEmitter<? super byte[]> emitter) {
            this.routing = routing;
            this.request = routing.request();
            this.emitter = emitter;
        }

        void start() {
            long declared = declaredLength();
            boolean http1 = request.version() != HttpVersion.HTTP_2;
            boolean expectsContinue = http1 && request.headers()
                    .contains(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE, true);
            if (declared > limit) {
                if (expectsContinue) {
                    // the client waits for a 100 before sending the body: it never comes, the connection ends
                    done = true;
                    routing.addEndHandler(ignored -> request.connection().close());
                    emitter.fail(rejections.tooLarge(shop(), true));
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
            request.endHandler(ignored -> complete(body == null ? new byte[0] : body.getBytes()));
            request.exceptionHandler(error -> {
                if (!done) {
                    done = true;
                    emitter.fail(rejections.unreadableBody(shop()));
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
            if (body == null) {
                long declared = declaredLength();
                body = Buffer.buffer((int) Math.min(declared > 0 ? declared : 1024, INITIAL_CAPACITY_CAP));
            }
            body.appendBuffer(chunk);
        }

        /** Answers 413 now and drops what is still coming, so the client reads the answer instead of a reset. */
        private void refuseAndDrain() {
            done = true;
            body = null;
            emitter.fail(rejections.tooLarge(shop(), false));
        }

        private void complete(byte[] bytes) {
            if (!done) {
                done = true;
                emitter.complete(bytes);
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
