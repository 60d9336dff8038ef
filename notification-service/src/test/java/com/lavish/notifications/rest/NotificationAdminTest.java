package com.lavish.notifications.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.notifications.support.NotificationFixture;
import com.lavish.notifications.support.NotificationTestSupport;
import com.lavish.notifications.support.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The admin's view of the emails: the list of a customer's messages, and a resend that keeps the original's place. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class NotificationAdminTest extends NotificationTestSupport {

    private static RequestSpecification asAdmin() {
        return given().contentType("application/json").auth().preemptive().basic("admin", "test-only-admin-password");
    }

    @Test
    void theAdminListsWhatACustomerWasSentAndResendsAMessage() throws Exception {
        Delivered sent = deliver("example.com", "Mary", "en", SubscriptionEventType.CONTRACT_CREATED);
        SubscriptionEvent created = sent.event();
        long customer = sent.customer();
        String address = sent.address();

        String id = asAdmin()
                .queryParam("shop", NotificationFixture.SHOP)
                .queryParam("customer", customer)
                .when()
                .get("/admin/notifications")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].kind", equalTo("CONTRACT_CREATED"))
                .body("[0].state", equalTo("sent"))
                .body("[0].attempts", equalTo(1))
                .body("[0].message_id", equalTo("<" + created.eventId() + "@notifications.lavish>"))
                .body("[0].recipient", startsWith("r***@"))
                .body("[0].subject", equalTo("Welcome to your Lavish Test subscription"))
                .extract()
                .path("[0].id");

        asAdmin()
                .when()
                .post("/admin/notifications/" + id + "/resend")
                .then()
                .statusCode(202)
                .body("resend_of", equalTo(id))
                .body("state", equalTo("queued"));

        List<MimeMessage> emails = awaitEmails(address, 2);
        assertEquals(2, emails.size());
        assertNotEquals(emails.get(0).getHeader("Message-ID")[0], emails.get(1).getHeader("Message-ID")[0]);
        await().atMost(WAIT)
                .until(() -> fixture.messages(created.eventId()).stream().allMatch(m -> "sent".equals(m.get("state"))));
        List<Map<String, Object>> rows = fixture.messages(created.eventId());
        assertEquals(2, rows.size(), "the original and its resend");
        assertEquals(created.eventId(), rows.get(0).get("event_id"), "the original keeps the event's id");
    }

    @Test
    void aResendOfAMessageThatDoesNotExistIsNotFound() {
        asAdmin()
                .when()
                .post("/admin/notifications/999999999/resend")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @Tag("security")
    void theAdminPathsRefuseARequestWithoutTheCredential() {
        given().queryParam("shop", NotificationFixture.SHOP)
                .queryParam("customer", 1)
                .when()
                .get("/admin/notifications")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .when()
                .post("/admin/notifications/1/resend")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .auth()
                .preemptive()
                .basic("admin", "not-the-password")
                .when()
                .post("/admin/notifications/1/resend")
                .then()
                .statusCode(401);
    }
}
