package com.lavish.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.sync.client.AdminApiBucket.Reservation;
import com.lavish.sync.support.ShopifyFakeAdminResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shared cost bucket in the real Redis: the waits it asks of callers, without Shopify. The test profile assumes
 * a bucket of 1,000 points restoring 50 a second until Shopify's first answer. The waits are computed, not timed.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class AdminApiBucketTest {

    @Inject
    AdminApiBucket bucket;

    @Test
    void aReservationBeyondWhatIsLeftWaitsForTheRestoreRate() {
        String shop = shop();
        assertEquals(Duration.ZERO, reserve(shop, 900).delay());
        Duration wait = reserve(shop, 300).delay();
        // 100 points were left (plus what a few ms restored): 200 more at 50 a second is about 4 s
        assertTrue(wait.toMillis() > 3_500 && wait.toMillis() <= 4_000, "waited " + wait);
    }

    @Test
    void waitersQueueBehindEachOtherInsteadOfAllWakingAtOnce() {
        String shop = shop();
        reserve(shop, 1000);
        Duration first = reserve(shop, 100).delay();
        Duration second = reserve(shop, 100).delay();
        assertTrue(second.toMillis() >= first.toMillis() + 1_900, first + " then " + second);
    }

    @Test
    void shopifysThrottleStatusGivesTheBucketsSizeRateAndCount() {
        String shop = shop();
        Reservation call = reserve(shop, 10);
        // a Plus shop: 20,000 points restoring 1,000 a second, 1,000 of them left after this document
        bucket.observe(shop, call, new QueryCost(10, 10, new ThrottleStatus(20_000, 1_000, 1_000)))
                .await()
                .indefinitely();
        Duration wait = reserve(shop, 3_000).delay();
        assertTrue(wait.toMillis() > 1_900 && wait.toMillis() <= 2_000, "waited " + wait);
    }

    @Test
    void anotherReplicasUnansweredReservationStillCounts() {
        String shop = shop();
        // another replica reserved 500 points and has not had its answer yet
        reserve(shop, 500);
        Reservation mine = reserve(shop, 10);
        // Shopify ran only mine: 990 of 1,000 left by its count
        bucket.observe(shop, mine, new QueryCost(10, 10, new ThrottleStatus(1_000, 990, 50)))
                .await()
                .indefinitely();
        Duration wait = reserve(shop, 600).delay();
        // 490 left once the other call runs: 110 more at 50 a second
        assertTrue(wait.toMillis() > 2_100 && wait.toMillis() <= 2_200, "waited " + wait);
    }

    @Test
    void aThrottledAnswerReplacesTheEstimateWithShopifysCount() {
        String shop = shop();
        Reservation call = reserve(shop, 50);
        assertEquals(Duration.ZERO, call.delay());
        // someone outside the suite drained the bucket: Shopify says 0 left of 1,000 at 50 a second
        Duration wait = bucket.throttled(shop, call, 50, new QueryCost(50, null, new ThrottleStatus(1_000, 0, 50)))
                .await()
                .indefinitely()
                .delay();
        assertTrue(wait.toMillis() > 900 && wait.toMillis() <= 1_000, "waited " + wait);
    }

    @Test
    void whatADocumentDidNotCostIsRefunded() {
        String shop = shop();
        Reservation call = reserve(shop, 1000);
        bucket.observe(shop, call, new QueryCost(1000, 200, null)).await().indefinitely();
        // 800 refunded: a 700-point document goes at once
        assertEquals(Duration.ZERO, reserve(shop, 700).delay());
    }

    private Reservation reserve(String shop, int cost) {
        return bucket.reserve(shop, cost).await().indefinitely();
    }

    private static String shop() {
        return "bucket-" + UUID.randomUUID() + ".myshopify.com";
    }
}
