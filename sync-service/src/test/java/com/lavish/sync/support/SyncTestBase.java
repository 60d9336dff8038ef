package com.lavish.sync.support;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every sync test against the fake shares: a {@link SyncFixture} opened before each test and closed after it.
 * Subclasses carry {@code @QuarkusTest} and the test resources (devstack, the fake's Admin API).
 */
public abstract class SyncTestBase {

    @Inject
    public AgroalDataSource database;

    public SyncFixture fixture;

    @BeforeEach
    public void openFixture() {
        fixture = new SyncFixture(database);
    }

    @AfterEach
    public void closeFixture() {
        fixture.close();
    }
}
