package com.lavish.gateway.service;

import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.events.ShopifyWebhookHeaders;
import com.lavish.gateway.config.WebhookConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The answer to a webhook that is not accepted: counts it, logs the reason and the shop (never the body, the
 * signature or a secret), and builds its problem+json. Every authentication failure gets the same 401, so a caller
 * without the secret learns nothing about which check failed or what else the gateway checks.
 */
@ApplicationScoped
public class WebhookRejections {

    private static final Logger LOG = Logger.getLogger(WebhookRejections.class);

    private static final Problem UNAUTHORIZED =
            Problem.of(401, "Unauthorized", "the webhook is not signed by the Shopify app this gateway serves");
    /** RFC 9110 asks a 401 to name a scheme; this one says where the credential goes. */
    private static final Map<String, String> CHALLENGE =
            Map.of("WWW-Authenticate", "HMAC-SHA256 realm=\"shopify-webhooks\", header=\"X-Shopify-Hmac-Sha256\"");

    private final WebhookMetrics metrics;
    private final long maxBodySize;
    private final long retryAfterSeconds;
    private final Duration triggeredMaxAge;
    private final Duration triggeredMaxAhead;

    @Inject
    public WebhookRejections(WebhookMetrics metrics, WebhookConfig config) {
        this.metrics = metrics;
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.retryAfterSeconds = Math.max(1, (config.publish().retryAfter().toMillis() + 999) / 1000);
        this.triggeredMaxAge = config.triggeredAt().maxAge();
        this.triggeredMaxAhead = config.triggeredAt().maxAhead();
    }

    /** 401 for every reason of the authentication family, with one body. */
    public ProblemException unauthenticated(RejectionReason reason, String shopHeader) {
        record(reason, shopHeader);
        return new ProblemException(UNAUTHORIZED, CHALLENGE);
    }

    public ProblemException missingHeader(String header, String shop) {
        record(RejectionReason.MISSING_HEADER, shop);
        return ProblemException.badRequest(header, "the " + header + " header is missing or empty");
    }

    public ProblemException notJson(String shop) {
        record(RejectionReason.NOT_JSON, shop);
        return new ProblemException(
                new Problem(Problem.BLANK, "Bad Request", 400, "the body is not one well-formed JSON object", "body"));
    }

    /**
     * A trigger time outside the window. Shopify's retries keep their first trigger time, so retrying cannot help:
     * the answer says so in the header's terms.
     *
     * @param tooOld true when the time is older than the window, false when it is ahead of the gateway's clock
     */
    public ProblemException triggeredAtOutOfWindow(boolean tooOld, String shop) {
        record(RejectionReason.TRIGGERED_AT_OUT_OF_WINDOW, shop);
        String header = ShopifyWebhookHeaders.TRIGGERED_AT;
        return ProblemException.badRequest(
                header,
                tooOld
                        ? "the " + header + " header is more than " + spoken(triggeredMaxAge)
                                + " in the past; Shopify retries"
                                + " a delivery for 4 hours only, so this is a stale copy of one"
                        : "the " + header + " header is more than " + spoken(triggeredMaxAhead)
                                + " ahead of this gateway's clock");
    }

    /** A privacy topic's or app/uninstalled's signed body that does not match its delivery's topic or shop. */
    ProblemException complianceMismatch(CompliancePayloadVerifier.Mismatch mismatch, String shop) {
        record(mismatch.reason(), shop);
        return ProblemException.badRequest(mismatch.field(), mismatch.detail());
    }

    /**
     * @param closeConnection whether to ask the client to close the connection (HTTP/1.x, body left unread)
     */
    public ProblemException tooLarge(String shopHeader, boolean closeConnection) {
        record(RejectionReason.TOO_LARGE, shopHeader);
        Map<String, String> headers = new HashMap<>();
        if (closeConnection) {
            headers.put("Connection", "close");
        }
        return new ProblemException(
                Problem.of(
                        413,
                        "Content Too Large",
                        "the body is larger than the " + maxBodySize + " bytes this gateway accepts"),
                headers);
    }

    public ProblemException unreadableBody(String shopHeader) {
        record(RejectionReason.UNREADABLE_BODY, shopHeader);
        return new ProblemException(
                new Problem(Problem.BLANK, "Bad Request", 400, "the body could not be read to its end", "body"));
    }

    /** Kafka did not take the event: Shopify retries the same delivery later. */
    public ProblemException unavailable(String shop, String webhookId, Throwable cause) {
        metrics.rejected(RejectionReason.KAFKA_UNAVAILABLE);
        LOG.warnf(
                "webhook %s of shop %s not stored, answered 503: %s",
                printable(webhookId), printable(shop), describe(cause));
        return ProblemException.unavailable("the event could not be stored; retry later", retryAfterSeconds);
    }

    /** Kafka refused the record as too large for the topic: retrying cannot help. */
    public ProblemException tooLargeForKafka(String shop, String webhookId) {
        metrics.rejected(RejectionReason.TOO_LARGE);
        LOG.warnf(
                "webhook %s of shop %s is larger than Kafka accepts, answered 413",
                printable(webhookId), printable(shop));
        return new ProblemException(
                Problem.of(413, "Content Too Large", "the body is larger than the event store accepts"));
    }

    private void record(RejectionReason reason, String shop) {
        metrics.rejected(reason);
        LOG.debugf("webhook rejected: reason=%s shop=%s", reason.tag(), printable(shop));
    }

    /** A header value fit for a log line: an unauthenticated caller chooses it, so no control characters, and short. */
    static String printable(String value) {
        if (value == null) {
            return "-";
        }
        String cut = value.length() > 100 ? value.substring(0, 100) + "…" : value;
        return cut.replaceAll("[^A-Za-z0-9._:/@+-]", "?");
    }

    /** 5h, 90min, 30s: the window's bounds as an operator configures them. */
    static String spoken(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "min";
        }
        return duration.toMillis() % 1000 == 0 ? seconds + "s" : duration.toMillis() + "ms";
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause
                ? cause.getClass().getSimpleName() + ": " + cause.getMessage()
                : cause.getClass().getSimpleName() + " caused by "
                        + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
