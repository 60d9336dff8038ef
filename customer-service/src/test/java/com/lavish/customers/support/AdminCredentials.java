package com.lavish.customers;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The test users of the admin realm (their digests are in the %test config) and requests made as them. */
final class AdminCredentials {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-only-admin-password";
    /** Authenticated, but without the admin role. */
    static final String AUDITOR = "auditor";
    static final String AUDITOR_PASSWORD = "test-only-auditor-password";

    private AdminCredentials() {
    }

    static RequestSpecification asAdmin() {
        return given().contentType("application/json").auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    static RequestSpecification asAuditor() {
        return given().contentType("application/json").auth().preemptive().basic(AUDITOR, AUDITOR_PASSWORD);
    }
}
