package com.lavish.subscriptions;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import io.agroal.api.AgroalDataSource;

/** What every subscription test class has: the fixture, opened on first use and closed after the class. */
abstract class SubscriptionTestSupport {

    @Inject
    AgroalDataSource database;

    static SubscriptionFixture fixture;

    @BeforeEach
    void openFixture() {
        if (fixture == null) {
            fixture = new SubscriptionFixture(database);
        }
    }

    @AfterAll
    static void closeFixture() {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }
}
