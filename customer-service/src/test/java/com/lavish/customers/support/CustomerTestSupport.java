package com.lavish.customers.support;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** What a customer test class has: the fixture, opened on first use and closed after the class. */
public abstract class CustomerTestSupport {

    @Inject
    public AgroalDataSource database;

    public static CustomerEventFixture fixture;

    @BeforeEach
    public void openFixture() {
        if (fixture == null) {
            fixture = new CustomerEventFixture(database);
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
