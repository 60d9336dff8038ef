package com.lavish.edge.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Values bound to their row ({@value PersonalDataCipher#ROW_BOUND_PREFIX}) and the unbound values before them. */
class RowBoundCipherTest {

    private static final EncryptedTable CUSTOMER =
            EncryptedTable.of("customer", List.of("shop_domain", "shopify_id"), "email", "phone");
    private static final EncryptedColumn EMAIL = CUSTOMER.column("email");
    private static final EncryptedColumn PHONE = CUSTOMER.column("phone");
    private static final RowKey ANN = CUSTOMER.key("shop.myshopify.com", 1001L);
    private static final RowKey BOB = CUSTOMER.key("shop.myshopify.com", 1002L);

    private static String keyset;

    @BeforeAll
    static void keyset() throws GeneralSecurityException {
        AeadConfig.register();
        keyset = TinkJsonProtoKeysetFormat.serializeKeyset(
                KeysetHandle.newBuilder()
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId()
                                .makePrimary())
                        .build(),
                InsecureSecretKeyAccess.get());
    }

    private static PersonalDataCipher refusing() {
        return PersonalDataCipher.fromKeyset(keyset, false);
    }

    private static PersonalDataCipher allowing() {
        return PersonalDataCipher.fromKeyset(keyset, true);
    }

    @Test
    void rowBoundValueDecryptsInItsRowAndIsCurrent() {
        PersonalDataCipher cipher = refusing();
        String stored = cipher.encrypt("ann@example.com", EMAIL, ANN);

        assertTrue(stored.startsWith(PersonalDataCipher.ROW_BOUND_PREFIX), stored);
        assertFalse(stored.contains("ann@example.com"), stored);
        assertEquals("ann@example.com", cipher.decrypt(stored, EMAIL, ANN));
        assertTrue(cipher.isCurrentRowBound(stored));
        assertFalse(cipher.isCurrent(stored), "not the column-bound form");
    }

    @Tag("security")
    @Test
    void valueCopiedIntoAnotherCustomersRowDoesNotDecryptThere() {
        PersonalDataCipher cipher = refusing();
        String annsEmail = cipher.encrypt("ann@example.com", EMAIL, ANN);

        PersonalDataDecryptionException failure =
                assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(annsEmail, EMAIL, BOB));
        assertTrue(
                failure.getMessage().startsWith("customer.email: the stored value does not decrypt"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("ann"), failure.getMessage());
        // nor in another column of the same row, nor in another shop's customer with the same id
        assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(annsEmail, PHONE, ANN));
        assertThrows(
                PersonalDataDecryptionException.class,
                () -> cipher.decrypt(annsEmail, EMAIL, CUSTOMER.key("other.myshopify.com", 1001L)));
    }

    @Tag("security")
    @Test
    void keyValuesCannotBeRecutIntoAnotherKeyWithTheSameText() {
        EncryptedTable requests = EncryptedTable.of(
                "idempotent_request",
                List.of("shop_domain", "shopify_customer_id", "idempotency_key"),
                "response_body");
        EncryptedColumn body = requests.column("response_body");
        PersonalDataCipher cipher = refusing();
        String stored = cipher.encrypt("{}", body, requests.key("a", 1L, "b|1:c"));

        // the same characters, cut differently: another row
        assertThrows(
                PersonalDataDecryptionException.class,
                () -> cipher.decrypt(stored, body, requests.key("a|1:1", 1L, "b")));
    }

    @Tag("security")
    @Test
    void unboundValuesAreRefusedOnceRefused() {
        PersonalDataCipher cipher = refusing();
        String columnBound = cipher.encrypt("ann@example.com", EMAIL);

        PersonalDataDecryptionException plaintext = assertThrows(
                PersonalDataDecryptionException.class, () -> cipher.decrypt("ann@example.com", EMAIL, ANN));
        assertTrue(plaintext.getMessage().contains("not bound to its row (plaintext)"), plaintext.getMessage());
        assertTrue(plaintext.getMessage().contains(PersonalDataConfig.UNBOUND_VALUES_ALLOWED), plaintext.getMessage());
        assertFalse(plaintext.getMessage().contains("ann@"), plaintext.getMessage());
        assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(columnBound, EMAIL, ANN));
        // and the job cannot bind them either
        assertThrows(PersonalDataDecryptionException.class, () -> cipher.reencrypt(columnBound, EMAIL, BOB));
    }

    @Test
    void unboundValuesAreReadAndBoundToTheirRowWhileAllowed() {
        PersonalDataCipher cipher = allowing();
        String columnBound = cipher.encrypt("ann@example.com", EMAIL);

        assertEquals("ann@example.com", cipher.decrypt(columnBound, EMAIL, ANN));
        assertEquals("+61 400", cipher.decrypt("+61 400", PHONE, ANN));
        assertFalse(cipher.isCurrentRowBound(columnBound));
        assertFalse(cipher.isCurrentRowBound("+61 400"));

        String bound = cipher.reencrypt(columnBound, EMAIL, ANN);
        assertTrue(cipher.isCurrentRowBound(bound), bound);
        assertEquals("ann@example.com", cipher.decrypt(bound, EMAIL, ANN));
        assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(bound, EMAIL, BOB));
        // a column-bound value that belongs to another column stays unreadable
        assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(columnBound, PHONE, ANN));
    }

    @Test
    void aRowKeyIsOfItsTableAndHasTheTablesKeyColumns() {
        PersonalDataCipher cipher = refusing();
        EncryptedColumn addressCity = new EncryptedColumn("customer_address", "city");

        assertThrows(IllegalArgumentException.class, () -> cipher.encrypt("Hobart", addressCity, ANN));
        assertThrows(IllegalArgumentException.class, () -> CUSTOMER.key("shop.myshopify.com"));
        assertThrows(IllegalArgumentException.class, () -> CUSTOMER.key("shop.myshopify.com", null));
        assertThrows(IllegalArgumentException.class, () -> CUSTOMER.column("city"));
        // a bigint read back from the row is the key the writer's long made
        assertEquals(CUSTOMER.key("s", 7L), RowKey.of("customer", "s", 7L));
        assertEquals(List.of("s", "7"), CUSTOMER.key("s", 7).values());
    }
}
