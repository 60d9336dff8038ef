package com.lavish.customers;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import io.agroal.api.AgroalDataSource;

/** What a customer test class has: the fixture, opened on first use and closed after the class. */
abstract class CustomerTestSupport {

    @Inject
    AgroalDataSource database;

    static CustomerEventFixture fixture;

    @BeforeEach
    void openFixture() {
        if (fixture == null) {
            fixture = new CustomerEventFixture(database);
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
