package com.lavish.customers.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The test users of the admin realm (their digests are in the %test config) and requests made as them. */
public final class AdminCredentials {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-only-admin-password";
    /** Authenticated, but without the admin role. */
    public static final String AUDITOR = "auditor";

    public static final String AUDITOR_PASSWORD = "test-only-auditor-password";

    private AdminCredentials() {}

    public static RequestSpecification asAdmin() {
        return given().contentType("application/json").auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    public static RequestSpecification asAuditor() {
        return given().contentType("application/json").auth().preemptive().basic(AUDITOR, AUDITOR_PASSWORD);
    }
}
