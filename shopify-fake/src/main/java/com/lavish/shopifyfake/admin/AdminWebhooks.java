package com.lavish.shopifyfake.admin;

import com.lavish.shopifyfake.WebhookDelivery;
import com.lavish.shopifyfake.WebhookSender;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Sends the webhooks the Admin API's changes make, signed by {@link WebhookSender} as every webhook of the fake is,
 * to the gateway; remembers the last deliveries for {@code GET /fake/admin/webhooks}. Topics can be muted for a
 * number of deliveries, so that a change happens without its webhook (reconciliation must heal that).
 */
public final class AdminWebhooks implements Consumer<AdminStore.Webhook> {

    private static final Logger LOG = Logger.getLogger(AdminWebhooks.class);

    private static final int REMEMBERED = 500;
    /** The count that stands for "until unmuted". */
    private static final int ALWAYS = -1;

    /** One delivery as the fake made it. */
    public record Sent(String topic, String shop, String webhookId, Integer status, String problem, boolean muted) {}

    private final WebhookSender sender;
    private final URI gateway;
    private final Map<String, Integer> muted = new HashMap<>();
    private int mutedAll;
    private final Deque<Sent> sent = new ArrayDeque<>();

    public AdminWebhooks(WebhookSender sender, URI gateway) {
        this.sender = sender;
        this.gateway = gateway;
    }

    @Override
    public void accept(AdminStore.Webhook webhook) {
        if (consumeMute(webhook.topic())) {
            remember(new Sent(webhook.topic(), webhook.shop(), null, null, "muted", true));
            LOG.infof("admin webhook %s muted", webhook.topic());
            return;
        }
        WebhookDelivery delivery = WebhookDelivery.of(webhook.topic(), webhook.shop(), webhook.body());
        sender.sendAsync(gateway, delivery).whenComplete((response, failure) -> {
            if (failure != null) {
                remember(new Sent(
                        webhook.topic(),
                        webhook.shop(),
                        delivery.webhookId(),
                        null,
                        String.valueOf(failure.getCause() == null ? failure : failure.getCause()),
                        false));
                LOG.infof("admin webhook %s webhook-id=%s status=none", webhook.topic(), delivery.webhookId());
            } else {
                remember(new Sent(
                        webhook.topic(),
                        webhook.shop(),
                        delivery.webhookId(),
                        response.status(),
                        response.delivered() ? null : response.problem(),
                        false));
                LOG.infof(
                        "admin webhook %s webhook-id=%s status=%d",
                        webhook.topic(), delivery.webhookId(), response.status());
            }
        });
    }

    /**
     * Mutes topics (or every topic) for the next {@code count} deliveries of each; a negative count mutes until
     * {@link #unmute}.
     */
    public synchronized void mute(Set<String> topics, boolean all, Integer count) {
        int n = count == null ? ALWAYS : count;
        if (all) {
            mutedAll = n;
        }
        topics.forEach(topic -> muted.put(topic, n));
    }

    public synchronized void unmute() {
        muted.clear();
        mutedAll = 0;
    }

    private synchronized boolean consumeMute(String topic) {
        if (mutedAll != 0) {
            if (mutedAll > 0) {
                mutedAll--;
            }
            return true;
        }
        Integer left = muted.get(topic);
        if (left == null || left == 0) {
            return false;
        }
        if (left > 0) {
            muted.put(topic, left - 1);
        }
        return true;
    }

    private synchronized void remember(Sent delivery) {
        sent.addLast(delivery);
        while (sent.size() > REMEMBERED) {
            sent.removeFirst();
        }
    }

    public synchronized List<Sent> sent() {
        return new ArrayList<>(sent);
    }

    synchronized Map<String, Object> mutes() {
        Map<String, Object> mutes = new LinkedHashMap<>();
        mutes.put("all", mutedAll);
        mutes.put("topics", new LinkedHashMap<>(muted));
        return mutes;
    }
}
