package com.lavish.events;

/**
 * The record key rule: {@code <shop domain>/<resource id>}. Every event of one entity of one shop shares a key,
 * so Kafka keeps them on one partition and in order.
 */
public record RecordKey(String shopDomain, String resourceId) {

    public RecordKey {
        if (shopDomain == null || shopDomain.isEmpty() || shopDomain.indexOf('/') >= 0) {
            throw new IllegalArgumentException("shop domain must be non-empty and hold no '/': " + shopDomain);
        }
        if (resourceId == null || resourceId.isEmpty()) {
            throw new IllegalArgumentException("resource id must be non-empty");
        }
    }

    public static RecordKey parse(String key) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("record key is not <shop domain>/<resource id>: " + key);
        }
        return new RecordKey(key.substring(0, slash), key.substring(slash + 1));
    }

    @Override
    public String toString() {
        return shopDomain + "/" + resourceId;
    }
}
