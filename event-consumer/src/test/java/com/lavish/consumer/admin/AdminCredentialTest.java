package com.lavish.consumer.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The admin credential end to end, through the admin's real dead-letter endpoint on a real broker: each configured
 * admin user gets in with their own password, anything else is a 401, and a user without the admin role a 403.
 */
@QuarkusTest
@QuarkusTestResource(
        value = DevStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka"))
class AdminCredentialTest {

    private static final String DEAD_LETTERS = "/admin/dead-letters/shopify.customers";
    private static final String ADMIN_PASSWORD = "test-only-admin-password";
    private static final String OPERATOR_PASSWORD = "test-only-operator-password";
    private static final String AUDITOR_PASSWORD = "test-only-auditor-password";

    private static ValidatableResponse deadLettersAs(String user, String password) {
        return given().auth()
                .preemptive()
                .basic(user, password)
                .get(DEAD_LETTERS)
                .then();
    }

    /** The one refusal of a credential: 401, the Basic challenge, a problem. */
    private static void refused(ValidatableResponse response) {
        response.statusCode(401)
                .header("WWW-Authenticate", equalTo("basic realm=\"lavish-admin\""))
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401));
    }

    @Test
    void aSecondAdminUserGetsInWithTheirOwnPassword() {
        deadLettersAs("operator", OPERATOR_PASSWORD).statusCode(200);
        deadLettersAs("admin", ADMIN_PASSWORD).statusCode(200);
    }

    @Test
    @Tag("security")
    void aWrongPasswordIsRefusedWithTheBasicChallenge() {
        refused(deadLettersAs("operator", "not-the-password"));
    }

    @Test
    @Tag("security")
    void oneAdminsPasswordDoesNotOpenAnothersAccount() {
        refused(deadLettersAs("operator", ADMIN_PASSWORD));
        refused(deadLettersAs("admin", OPERATOR_PASSWORD));
    }

    @Test
    @Tag("security")
    void anUnknownUserIsTheSameRefusalAsAWrongPassword() {
        refused(deadLettersAs("nobody", OPERATOR_PASSWORD));
        // user names are exact: the throttle counts them case-blind, the accounts do not match them so
        refused(deadLettersAs("OPERATOR", OPERATOR_PASSWORD));
    }

    @Test
    @Tag("security")
    void aUserWithoutTheAdminRoleIsForbidden() {
        deadLettersAs("auditor", AUDITOR_PASSWORD)
                .statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(403));
    }

    @Test
    @Tag("security")
    void theStoredHashIsNotThePasswordAndDoesNotOpenTheAccount() {
        String stored = ConfigProvider.getConfig().getValue("admin.users.operator.password-hash", String.class);
        assertTrue(stored.startsWith("$2a$"), "bcrypt in Modular Crypt Format");
        assertFalse(stored.contains(OPERATOR_PASSWORD), "the password is not in what is stored");
        // whoever reads the Secret has the hash, not the password: presenting the hash is a wrong password
        refused(deadLettersAs("operator", stored));
    }
}
