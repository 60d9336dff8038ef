package com.lavish.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.sync.client.AdminApiBucket;
import com.lavish.sync.client.QueryCost;
import com.lavish.sync.client.ThrottleStatus;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared cost bucket in the real Redis: the estimates a replica gets from it, without Shopify. The test profile
 * assumes a bucket of 1,000 points restoring 50 a second until Shopify's first answer.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class AdminApiBucketTest {

    @Inject
    AdminApiBucket bucket;

    @Test
    void aReservationBeyondWhatIsLeftWaitsForTheRestoreRate() {
        String shop = shop();
        assertEquals(Duration.ZERO, bucket.reserve(shop, 900).await().indefinitely());
        Duration wait = bucket.reserve(shop, 300).await().indefinitely();
        // 100 points were left (plus what a few ms restored): 200 more at 50 a second is about 4 s
        assertTrue(wait.toMillis() > 3_500 && wait.toMillis() <= 4_000, "waited " + wait);
    }

    @Test
    void waitersQueueBehindEachOtherInsteadOfAllWakingAtOnce() {
        String shop = shop();
        bucket.reserve(shop, 1000).await().indefinitely();
        Duration first = bucket.reserve(shop, 100).await().indefinitely();
        Duration second = bucket.reserve(shop, 100).await().indefinitely();
        assertTrue(second.toMillis() >= first.toMillis() + 1_900, first + " then " + second);
    }

    @Test
    void shopifysThrottleStatusGivesTheBucketsSizeAndRate() {
        String shop = shop();
        bucket.reserve(shop, 10).await().indefinitely();
        // a Plus shop: 20,000 points restoring 1,000 a second, 1,000 of them left after this document
        bucket.observe(shop, new QueryCost(10, 10, new ThrottleStatus(20_000, 1_000, 1_000)))
                .await().indefinitely();
        Duration wait = bucket.reserve(shop, 3_000).await().indefinitely();
        // 990 by our count (Shopify's is only ever lower): 2,010 more at 1,000 a second
        assertTrue(wait.toMillis() > 1_900 && wait.toMillis() <= 2_010, "waited " + wait);
    }

    @Test
    void aThrottledAnswerReplacesTheEstimateWithShopifysCount() {
        String shop = shop();
        assertEquals(Duration.ZERO, bucket.reserve(shop, 50).await().indefinitely());
        // someone outside the suite drained the bucket: Shopify says 0 left of 1,000 at 50 a second
        Duration wait = bucket.throttled(shop, 50, new QueryCost(50, null, new ThrottleStatus(1_000, 0, 50)))
                .await().indefinitely();
        assertTrue(wait.toMillis() > 900 && wait.toMillis() <= 1_000, "waited " + wait);
    }

    @Test
    void whatADocumentDidNotCostIsRefunded() {
        String shop = shop();
        bucket.reserve(shop, 1000).await().indefinitely();
        bucket.observe(shop, new QueryCost(1000, 200, null)).await().indefinitely();
        // 800 refunded: a 700-point document goes at once
        assertEquals(Duration.ZERO, bucket.reserve(shop, 700).await().indefinitely());
    }

    private static String shop() {
        return "bucket-" + UUID.randomUUID() + ".myshopify.com";
    }
}
