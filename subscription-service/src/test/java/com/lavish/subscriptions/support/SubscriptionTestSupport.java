package com.lavish.subscriptions.support;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** What every subscription test class has: the fixture, opened on first use and closed after the class. */
public abstract class SubscriptionTestSupport {

    @Inject
    public AgroalDataSource database;

    public static SubscriptionFixture fixture;

    @BeforeEach
    public void openFixture() {
        if (fixture == null) {
            fixture = new SubscriptionFixture(database);
        }
    }

    @AfterAll
    public static void closeFixture() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }
}
