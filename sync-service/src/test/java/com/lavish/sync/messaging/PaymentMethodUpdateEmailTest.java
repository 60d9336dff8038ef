package com.lavish.sync.messaging;

import static com.lavish.sync.support.SyncFixture.contractCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.DevStackTestResource;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncResult;
import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.sync.ShopifyGid;
import com.lavish.sync.support.FakeShopify;
import com.lavish.sync.support.ShopifyFakeAdminResource;
import com.lavish.sync.support.SyncFixture;
import com.lavish.sync.support.SyncTestBase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** PAYMENT_METHOD_UPDATE_EMAIL through the broker and the ledger to the fake's customerPaymentMethodSendUpdateEmail. */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
@QuarkusTestResource(ShopifyFakeAdminResource.class)
class PaymentMethodUpdateEmailTest extends SyncTestBase {

    @Test
    void theCommandMakesShopifyEmailTheContractsCustomerOnce() {
        JsonPath contract = FakeShopify.contract(fixture.subscribe().contractGid());
        String customer = contract.getString("customerId");

        SyncResult sent = fixture.assertSucceeded(email(contract));

        assertEquals(ShopifyGid.numericId(customer), sent.shopifyId());
        assertEquals(1, FakeShopify.paymentMethodEmails(customer).size());
        assertEquals(
                contract.getString("customerPaymentMethodId"),
                FakeShopify.paymentMethodEmails(customer).get(0).get("customerPaymentMethodId"));
    }

    @Test
    void theSameIdempotencyKeyTwiceSendsOneEmail() {
        JsonPath contract = FakeShopify.contract(fixture.subscribe().contractGid());
        SyncCommand first = email(contract);
        fixture.assertSucceeded(first);
        long mutations = FakeShopify.mutations("customerPaymentMethodSendUpdateEmail");

        SyncCommand again = SyncFixture.reissue(first);
        fixture.send(again);
        SyncResult replayed = fixture.awaitResult(again);

        assertEquals(SyncOutcome.SUCCEEDED, replayed.outcome());
        assertEquals(
                1,
                FakeShopify.paymentMethodEmails(contract.getString("customerId"))
                        .size());
        assertEquals(mutations, FakeShopify.mutations("customerPaymentMethodSendUpdateEmail"));
    }

    @Test
    void aContractWithoutAPaymentMethodIsRejectedWithTheReason() {
        JsonPath contract = FakeShopify.contract(fixture.subscribe().contractGid());
        FakeShopify.revokePaymentMethod(contract.getString("customerPaymentMethodId"));
        SyncCommand command = email(contract);

        fixture.send(command);
        SyncResult rejected = fixture.awaitResult(command);

        assertEquals(SyncOutcome.REJECTED, rejected.outcome());
        assertTrue(rejected.message().contains("has no payment method"), rejected.message());
        assertEquals("REJECTED", fixture.ledger(command).get("state"));
        assertEquals(
                0,
                FakeShopify.paymentMethodEmails(contract.getString("customerId"))
                        .size());
    }

    private static SyncCommand email(JsonPath contract) {
        return contractCommand(
                SyncCommandType.PAYMENT_METHOD_UPDATE_EMAIL, ShopifyGid.numericId(contract.getString("id")));
    }
}
