package com.lavish.orders.support;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** What an order test class has: the fixture, opened on first use and closed after the class. */
public abstract class OrderTestSupport {

    @Inject
    public AgroalDataSource database;

    public static OrderEventFixture fixture;

    @BeforeEach
    public void openFixture() {
        if (fixture == null) {
            fixture = new OrderEventFixture(database);
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
