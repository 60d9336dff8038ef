package com.lavish.orders;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import io.agroal.api.AgroalDataSource;

/** What an order test class has: the fixture, opened on first use and closed after the class. */
abstract class OrderTestSupport {

    @Inject
    AgroalDataSource database;

    static OrderEventFixture fixture;

    @BeforeEach
    void openFixture() {
        if (fixture == null) {
            fixture = new OrderEventFixture(database);
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
