package com.lavish.gateway.service;

import com.lavish.edge.config.ShopifyAppConfig;
import com.lavish.edge.problem.ProblemException;
import com.lavish.events.MalformedEventException;
import com.lavish.events.PayloadInspector;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.ShopifyTopicRoute;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.gateway.config.WebhookConfig;
import com.lavish.gateway.messaging.WebhookPublisher;
import com.lavish.gateway.service.WebhookSignatureVerifier.SecretSlot;
import io.quarkus.runtime.Startup;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.jboss.logging.Logger;

/**
 * Takes a webhook from its raw request to an acknowledged Kafka record. Checks run in this order, so that a caller
 * without the secret learns nothing beyond a 401: the HMAC over the raw bytes, the shop, then the headers Shopify
 * always sends, the trigger time, the body's JSON, and for the privacy topics and app/uninstalled the body against the
 * topic and shop. The body is never parsed before its signature is verified. The signature covers the body only
 * (docs/shopify-reference.md §1.2): the checks after it hold the unsigned headers to what a genuine delivery can say.
 */
@Startup // its configuration checks run at start, not on the first webhook
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);
    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final WebhookSignatureVerifier verifier;
    private final WebhookPublisher publisher;
    private final WebhookRejections rejections;
    private final WebhookMetrics metrics;
    private final TriggeredAtWindow window;
    private final Set<String> shops;

    @Inject
    public WebhookService(
            WebhookSignatureVerifier verifier,
            WebhookPublisher publisher,
            WebhookRejections rejections,
            WebhookMetrics metrics,
            ShopifyAppConfig app,
            WebhookConfig config) {
        this.verifier = verifier;
        this.publisher = publisher;
        this.rejections = rejections;
        this.metrics = metrics;
        this.window = new TriggeredAtWindow(
                config.triggeredAt().maxAge(), config.triggeredAt().maxAhead());
        this.shops = app.shops().stream()
                .map(WebhookService::normalizeShop)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        shops.forEach(shop -> {
            if (!SHOP_DOMAIN.matcher(shop).matches()) {
                throw new IllegalStateException("SHOPIFY_SHOPS holds something that is not a shop domain: " + shop);
            }
        });
        if (shops.isEmpty()) {
            throw new IllegalStateException("SHOPIFY_SHOPS names no shop: every webhook would be refused");
        }
    }

    /**
     * @return completes once Kafka has acknowledged the event; fails with a problem (401, 400, 413 or 503) otherwise.
     *         A Vert.x future, not a Uni: this is the gateway's hot path, and Mutiny's context propagation (it
     *         captures the CDI and trace contexts around every operator) took near half of its time
     *         (bench/README.md, issue 17).
     */
    public Future<Void> accept(WebhookDelivery delivery) {
        Admitted admitted;
        try {
            admitted = admit(delivery);
        } catch (ProblemException refused) {
            return Future.failedFuture(refused);
        }
        return publish(admitted);
    }

    /** A delivery that passed every check, with where it goes. */
    private record Admitted(ShopifyTopicRoute route, ShopifyEvent event) {}

    private Admitted admit(WebhookDelivery delivery) {
        if (delivery.body().length == 0) {
            // as Shopify's own library (reason missing_body): nothing was signed, so nothing is authenticated
            throw rejections.unauthenticated(RejectionReason.MISSING_BODY, delivery.shopDomain());
        }
        if (delivery.signature() == null) {
            throw rejections.unauthenticated(RejectionReason.MISSING_HMAC, delivery.shopDomain());
        }
        Optional<SecretSlot> signedWith = verifier.verify(delivery.body(), delivery.signature());
        if (signedWith.isEmpty()) {
            throw rejections.unauthenticated(RejectionReason.INVALID_HMAC, delivery.shopDomain());
        }
        String shop = normalizeShop(delivery.shopDomain());
        if (!shops.contains(shop)) {
            throw rejections.unauthenticated(RejectionReason.UNKNOWN_SHOP, delivery.shopDomain());
        }
        metrics.verified(signedWith.get());
        metrics.received(delivery.topic());

        if (delivery.topic() == null) {
            throw rejections.missingHeader(ShopifyWebhookHeaders.TOPIC, shop);
        }
        if (delivery.webhookId() == null) {
            throw rejections.missingHeader(ShopifyWebhookHeaders.WEBHOOK_ID, shop);
        }
        Optional<Instant> triggeredAt = TriggeredAtWindow.parse(delivery.triggeredAt());
        if (triggeredAt.isPresent()) {
            TriggeredAtWindow.Placement placement = window.place(triggeredAt.get(), delivery.receivedAt());
            if (placement != TriggeredAtWindow.Placement.INSIDE) {
                throw rejections.triggeredAtOutOfWindow(placement == TriggeredAtWindow.Placement.TOO_OLD, shop);
            }
        }
        ShopifyTopicRoute route = ShopifyTopicRoute.of(delivery.topic());
        try {
            String resourceId =
                    PayloadInspector.resourceId(delivery.body(), route.idPath()).orElse(null);
            ShopifyEvent event = new ShopifyEvent(
                    delivery.webhookId(),
                    delivery.topic(),
                    shop,
                    eventTime(delivery, triggeredAt),
                    resourceId,
                    delivery.apiVersion(),
                    delivery.eventId(),
                    delivery.body());
            Optional<CompliancePayloadVerifier.Mismatch> mismatch = CompliancePayloadVerifier.check(event);
            if (mismatch.isPresent()) {
                throw rejections.complianceMismatch(mismatch.get(), shop);
            }
            return new Admitted(route, event);
        } catch (MalformedEventException e) {
            throw rejections.notJson(shop);
        }
    }

    private Future<Void> publish(Admitted admitted) {
        ShopifyEvent event = admitted.event();
        String topic = admitted.route().kafkaTopic();
        long start = System.nanoTime();
        return publisher
                .publish(topic, event)
                .<Void>map(metadata -> {
                    metrics.published(topic, System.nanoTime() - start);
                    if (admitted.route() == ShopifyTopicRoute.UNROUTED) {
                        metrics.unrouted(event.type());
                    }
                    if (LOG.isDebugEnabled()) { // six arguments: an array and two boxes per webhook otherwise
                        LOG.debugf(
                                "webhook %s (%s) of %s stored in %s-%d@%d",
                                event.id(),
                                event.type(),
                                event.shopDomain(),
                                metadata.topic(),
                                metadata.partition(),
                                metadata.offset());
                    }
                    return null;
                })
                .recover(failure -> {
                    metrics.publishFailed(topic, System.nanoTime() - start);
                    return Future.failedFuture(
                            failure.getCause() instanceof RecordTooLargeException
                                    ? rejections.tooLargeForKafka(event.shopDomain(), event.id())
                                    : rejections.unavailable(event.shopDomain(), event.id(), failure));
                });
    }

    /**
     * X-Shopify-Triggered-At when it is a timestamp, which the window has bounded by now; otherwise when the gateway
     * received the webhook.
     */
    private static String eventTime(WebhookDelivery delivery, Optional<Instant> triggeredAt) {
        if (triggeredAt.isPresent()) {
            return delivery.triggeredAt(); // as Shopify wrote it, nanoseconds included
        }
        if (delivery.triggeredAt() != null) {
            LOG.debugf(
                    "webhook %s: X-Shopify-Triggered-At is not a timestamp; using the receive time",
                    WebhookRejections.printable(delivery.webhookId()));
        }
        return delivery.receivedAt().toString();
    }

    private static String normalizeShop(String shop) {
        return shop == null ? "" : shop.trim().toLowerCase(Locale.ROOT);
    }
}
