package com.lavish.subscriptions;

import static com.lavish.subscriptions.support.SubscriptionFixture.newId;
import static com.lavish.subscriptions.support.SubscriptionFixture.proxyPath;
import static com.lavish.subscriptions.support.SubscriptionFixture.storefront;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.lavish.devstack.DevStackTestResource;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataDecryptionException;
import com.lavish.edge.personaldata.PersonalDataReencryption;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncCommandType;
import com.lavish.events.sync.SyncMessages;
import com.lavish.subscriptions.repository.CommandOutbox;
import com.lavish.subscriptions.service.SyncCommands;
import com.lavish.subscriptions.support.SubscriptionFixture;
import com.lavish.subscriptions.support.SubscriptionTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The delivery address and its copies at rest (ADR 0005) against the real database, as after the migration (values
 * not bound to their row refused): the contract's address, an update's edit, the outbox's payload and a stored
 * Idempotency-Key answer are ciphertext bound to their row; the flows read them back; a value moved to another row is
 * refused rather than served; the re-encryption job rotates them with their rows' keys.
 */
@QuarkusTest
@QuarkusTestResource(DevStackTestResource.class)
class SubscriptionPersonalDataTest extends SubscriptionTestSupport {

    static final Instant NEXT_BILLING = Instant.now().plus(Duration.ofDays(400)).truncatedTo(ChronoUnit.DAYS);

    @Inject
    Pool pool;

    @Inject
    CommandOutbox outbox;

    @Inject
    PersonalDataReencryption reencryption;

    private static Map<String, String> address(String street) {
        return Map.of(
                "first_name",
                "Cara",
                "address1",
                street,
                "city",
                "Richmond",
                "province_code",
                "VIC",
                "country_code",
                "AU",
                "zip",
                "3121",
                "phone",
                "+61 3 9000 1111");
    }

    /** A new customer and their contract, as Shopify's webhook and sync-service's node make it. */
    private record Subscriber(long customer, long contract) {

        static Subscriber create() {
            Subscriber subscriber = new Subscriber(newId(), newId());
            fixture.createContract(subscriber.contract, subscriber.customer, NEXT_BILLING, null);
            return subscriber;
        }

        String path() {
            return path("");
        }

        String path(String action) {
            return proxyPath(customer, "subscriptions/" + contract + action);
        }
    }

    /** A subscriber with an address change sent to Shopify and not answered yet. */
    private static Subscriber withAddressChangePending(String street) {
        Subscriber subscriber = Subscriber.create();
        storefront()
                .body(Map.of("delivery_address", address(street)))
                .patch(subscriber.path())
                .then()
                .statusCode(202);
        return subscriber;
    }

    private int setContractColumn(long contract, String column, Object value) {
        return update(
                "update subscription.subscription_contract set " + column + " = ? where shop_domain = ? "
                        + "and shopify_id = ?",
                value,
                SubscriptionFixture.SHOP,
                contract);
    }

    private Map<String, Object> actionRow(long contract) {
        return fixture.rows(
                        "select * from subscription.contract_action where contract_shopify_id = ? "
                                + "order by id desc limit 1",
                        contract)
                .get(0);
    }

    private Map<String, Object> outboxRow(String commandId) {
        return fixture.rows("select * from subscription.sync_command_outbox where command_id = ?", commandId)
                .get(0);
    }

    private int update(String sql, Object... parameters) {
        try (var connection = database.getConnection();
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row-bound ciphertext: the prefix, then Base64 (which may hold a short word by chance, so no word is sought). */
    private static void assertRowBound(Object stored) {
        assertTrue(
                stored instanceof String s
                        && s.startsWith(PersonalDataCipher.ROW_BOUND_PREFIX)
                        && s.substring(PersonalDataCipher.ROW_BOUND_PREFIX.length())
                                .matches("[A-Za-z0-9+/]+=*"),
                "stored: " + stored);
    }

    @Test
    void anAddressChangeIsCiphertextInTheActionAndTheOutboxAndIsStillSentAndApplied() {
        String street = "7 Flinders Lane " + newId();
        Subscriber cara = withAddressChangePending(street);
        long contract = cara.contract();

        SyncCommand update = fixture.awaitCommand(SyncCommandType.CONTRACT_UPDATE, contract);
        assertEquals(street, update.contractEdit().deliveryAddress().address1(), "sync-service gets the address");
        assertRowBound(actionRow(contract).get("edit"));
        assertRowBound(outboxRow(update.commandId()).get("payload"));
        String anywhere = "%" + street + "%";
        assertTrue(
                fixture.rows(
                                "select 1 from subscription.contract_action where edit like ? "
                                        + "union all select 1 from subscription.sync_command_outbox where payload like ? "
                                        + "union all select 1 from subscription.idempotent_request where response_body like ?",
                                anywhere,
                                anywhere,
                                anywhere)
                        .isEmpty(),
                "the address in clear nowhere in the tables");

        // the poll that confirms it reads the edit back and applies it
        fixture.awaitApplied(fixture.succeed(update, "ACTIVE"));
        storefront()
                .get(cara.path())
                .then()
                .statusCode(200)
                .body("delivery_address.address1", equalTo(street))
                .body("delivery_address.city", equalTo("Richmond"));
        assertRowBound(fixture.contractRow(contract).get("delivery_address1"));
        assertTrue(fixture.rows(
                        "select 1 from subscription.subscription_contract where delivery_address1 like ?", anywhere)
                .isEmpty());
    }

    @Tag("security")
    @Test
    void anotherContractsAddressCopiedIntoAContractIsRefusedNotServed() {
        Subscriber ann = Subscriber.create();
        Subscriber bob = Subscriber.create();
        String annsStreet = "Ann's street " + ann.contract();
        setContractColumn(
                ann.contract(),
                "delivery_address1",
                SubscriptionFixture.cipher()
                        .encrypt(
                                annsStreet,
                                EncryptedColumns.DELIVERY_ADDRESS1,
                                EncryptedColumns.contractKey(SubscriptionFixture.SHOP, ann.contract())));
        storefront().get(ann.path()).then().statusCode(200).body("delivery_address.address1", equalTo(annsStreet));

        Object bobsOwn = fixture.contractRow(bob.contract()).get("delivery_address1");
        setContractColumn(
                bob.contract(),
                "delivery_address1",
                fixture.contractRow(ann.contract()).get("delivery_address1"));
        try {
            storefront().get(bob.path()).then().statusCode(500).body(not(containsString("Ann's street")));
            storefront()
                    .get(proxyPath(bob.customer(), "subscriptions"))
                    .then()
                    .statusCode(500)
                    .body(not(containsString("Ann's street")));
        } finally {
            setContractColumn(bob.contract(), "delivery_address1", bobsOwn);
        }
        storefront().get(bob.path()).then().statusCode(200);
    }

    @Tag("security")
    @Test
    void anotherActionsEditCopiedIntoAnActionIsRefusedNotRead() {
        Subscriber ann = withAddressChangePending("Ann's lane " + newId());
        Subscriber bob = withAddressChangePending("Bob's lane " + newId());
        Map<String, Object> bobsAction = actionRow(bob.contract());

        update(
                "update subscription.contract_action set edit = ? where id = ?",
                actionRow(ann.contract()).get("edit"),
                bobsAction.get("id"));
        try {
            // the view loads the contract's actions: Bob's does not decrypt in Bob's row
            storefront().get(bob.path()).then().statusCode(500).body(not(containsString("Ann's lane")));
        } finally {
            update(
                    "update subscription.contract_action set edit = ? where id = ?",
                    bobsAction.get("edit"),
                    bobsAction.get("id"));
        }
        storefront().get(bob.path()).then().statusCode(200);
    }

    @Tag("security")
    @Test
    void anotherCustomersStoredAnswerIsRefusedNotReplayed() {
        Subscriber ann = Subscriber.create();
        Subscriber bob = Subscriber.create();
        String annsKey = UUID.randomUUID().toString();
        String bobsKey = UUID.randomUUID().toString();
        storefront()
                .header("Idempotency-Key", annsKey)
                .post(ann.path("/pause"))
                .then()
                .statusCode(202);
        storefront()
                .header("Idempotency-Key", bobsKey)
                .post(bob.path("/pause"))
                .then()
                .statusCode(202);
        String sql = "select response_body from subscription.idempotent_request where shopify_customer_id = ? "
                + "and idempotency_key = ?";
        String bobsAnswer =
                (String) fixture.rows(sql, bob.customer(), bobsKey).get(0).get("response_body");
        String annsAnswer =
                (String) fixture.rows(sql, ann.customer(), annsKey).get(0).get("response_body");
        assertRowBound(annsAnswer);

        String set = "update subscription.idempotent_request set response_body = ? where shopify_customer_id = ? "
                + "and idempotency_key = ?";
        update(set, annsAnswer, bob.customer(), bobsKey);
        try {
            storefront()
                    .header("Idempotency-Key", bobsKey)
                    .post(bob.path("/pause"))
                    .then()
                    .statusCode(500)
                    .body(not(containsString(Long.toString(ann.contract()))));
        } finally {
            update(set, bobsAnswer, bob.customer(), bobsKey);
        }
        storefront()
                .header("Idempotency-Key", bobsKey)
                .post(bob.path("/pause"))
                .then()
                .statusCode(202)
                .body("id", equalTo(Long.toString(bob.contract())));
    }

    @Tag("security")
    @Test
    void anOutboxPayloadCopiedIntoAnotherCommandsRowOrLeftInPlaintextIsNotRelayed() {
        long contract = newId();
        SyncCommand genuine = SyncCommands.contract(
                SubscriptionFixture.SHOP, SyncCommandType.CONTRACT_CANCEL, contract, "test/" + UUID.randomUUID());
        SyncCommand other = SyncCommands.contract(
                SubscriptionFixture.SHOP, SyncCommandType.CONTRACT_FETCH, contract, "test/" + UUID.randomUUID());
        String plaintext = SyncCommands.payload(genuine);

        for (String planted : List.of(outbox.storedPayload(genuine), plaintext)) {
            // in a transaction that never commits: the relay never sees the row
            Throwable failure = assertThrows(
                    Throwable.class,
                    () -> pool.withTransaction(connection -> connection
                                    .preparedQuery("""
                                    insert into subscription.sync_command_outbox (shop_domain, command_id,
                                        idempotency_key, type, record_key, payload) values ($1, $2, $3, $4, $5, $6)""")
                                    .execute(Tuple.of(
                                            other.shop(),
                                            other.commandId(),
                                            other.idempotencyKey(),
                                            other.type().name(),
                                            other.recordKey().toString(),
                                            planted))
                                    .chain(() -> outbox.lockUnsent(connection, 100_000)))
                            .await()
                            .atMost(Duration.ofSeconds(30)));
            assertTrue(failure instanceof PersonalDataDecryptionException, failure.toString());
            assertTrue(failure.getMessage().startsWith("sync_command_outbox.payload:"), failure.getMessage());
        }
        assertTrue(
                fixture.rows("select 1 from subscription.sync_command_outbox where command_id = ?", other.commandId())
                        .isEmpty());
    }

    @Test
    void valuesUnderTheKeyBeforeRotationAreRewrittenUnderTheNewPrimaryWithTheirRowsKeys() throws Throwable {
        Subscriber dan = withAddressChangePending("3 Rotation Road " + newId());
        long contract = dan.contract();
        SyncCommand update = fixture.awaitCommand(SyncCommandType.CONTRACT_UPDATE, contract);
        await().atMost(SubscriptionFixture.WAIT)
                .until(() -> outboxRow(update.commandId()).get("sent_at") != null);
        Map<String, Object> action = actionRow(contract);
        RowKey contractKey = EncryptedColumns.contractKey(SubscriptionFixture.SHOP, contract);
        RowKey actionKey =
                EncryptedColumns.actionKey(SubscriptionFixture.SHOP, contract, (String) action.get("command_id"));
        RowKey commandKey = EncryptedColumns.commandKey(SubscriptionFixture.SHOP, update.commandId());
        PersonalDataCipher current = SubscriptionFixture.cipher();
        String edit = current.decrypt((String) action.get("edit"), EncryptedColumns.ACTION_EDIT, actionKey);
        String payload = new String(SyncMessages.write(update), StandardCharsets.UTF_8);

        PersonalDataCipher beforeRotation = keysetBeforeRotation();
        setContractColumn(
                contract,
                "delivery_city",
                beforeRotation.encrypt("Hobart", EncryptedColumns.DELIVERY_CITY, contractKey));
        update(
                "update subscription.contract_action set edit = ? where id = ?",
                beforeRotation.encrypt(edit, EncryptedColumns.ACTION_EDIT, actionKey),
                action.get("id"));
        update(
                "update subscription.sync_command_outbox set payload = ? where command_id = ?",
                beforeRotation.encrypt(payload, EncryptedColumns.COMMAND_PAYLOAD, commandKey),
                update.commandId());
        storefront().get(dan.path()).then().statusCode(200).body("delivery_address.city", equalTo("Hobart"));

        VertxContextSupport.subscribeAndAwait(() -> reencryption.reencryptAll());

        String city = (String) fixture.contractRow(contract).get("delivery_city");
        String storedEdit = (String) actionRow(contract).get("edit");
        String storedPayload = (String) outboxRow(update.commandId()).get("payload");
        for (String stored : List.of(city, storedEdit, storedPayload)) {
            assertTrue(current.isCurrentRowBound(stored), stored);
        }
        assertEquals("Hobart", current.decrypt(city, EncryptedColumns.DELIVERY_CITY, contractKey));
        assertEquals(edit, current.decrypt(storedEdit, EncryptedColumns.ACTION_EDIT, actionKey));
        assertEquals(payload, current.decrypt(storedPayload, EncryptedColumns.COMMAND_PAYLOAD, commandKey));
        assertThrows(
                PersonalDataDecryptionException.class,
                () -> beforeRotation.decrypt(city, EncryptedColumns.DELIVERY_CITY, contractKey));
    }

    /** The test profile's keyset as it was before its rotation: its older key alone, primary. */
    private static PersonalDataCipher keysetBeforeRotation() throws GeneralSecurityException {
        KeysetHandle rotated = TinkJsonProtoKeysetFormat.parseKeyset(
                ConfigProvider.getConfig().getValue("personal-data.keyset", String.class),
                InsecureSecretKeyAccess.get());
        KeysetHandle.Builder before = KeysetHandle.newBuilder(rotated);
        int primary = rotated.getAt(0).isPrimary() ? 0 : 1;
        before.getAt(1 - primary).makePrimary();
        before.deleteAt(primary);
        return PersonalDataCipher.fromKeyset(
                TinkJsonProtoKeysetFormat.serializeKeyset(before.build(), InsecureSecretKeyAccess.get()));
    }
}
