package com.lavish.edge.personaldata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The column-bound form ({@value PersonalDataCipher#PREFIX}), the keyset's rules and rotation; see also {@link RowBoundCipherTest}. */
class PersonalDataCipherTest {

    private static final EncryptedColumn EMAIL = new EncryptedColumn("customer", "email");
    private static final EncryptedColumn PHONE = new EncryptedColumn("customer", "phone");
    private static final EncryptedColumn ADDRESS_EMAIL = new EncryptedColumn("customer_address", "email");

    private static KeysetHandle oldKeyset;
    private static KeysetHandle rotatedKeyset;

    @BeforeAll
    static void keysets() throws GeneralSecurityException {
        AeadConfig.register();
        oldKeyset = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        // rotation: the old key stays for reading, a new one becomes primary
        rotatedKeyset = KeysetHandle.newBuilder(oldKeyset)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId())
                .build();
        KeysetHandle.Builder promote = KeysetHandle.newBuilder(rotatedKeyset);
        promote.getAt(1).makePrimary();
        rotatedKeyset = promote.build();
    }

    private static String json(KeysetHandle keyset) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    @Test
    void storedValueIsVersionedCiphertextThatDecryptsToThePlaintext() throws GeneralSecurityException {
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(oldKeyset));
        String stored = cipher.encrypt("ann@example.com", EMAIL);

        assertTrue(stored.startsWith(PersonalDataCipher.PREFIX), stored);
        assertFalse(stored.contains("ann@example.com"), stored);
        assertEquals("ann@example.com", cipher.decrypt(stored, EMAIL));
        assertTrue(cipher.isCurrent(stored));
    }

    @Test
    void sameValueIsStoredDifferentlyEachTime() throws GeneralSecurityException {
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(oldKeyset));
        assertNotEquals(cipher.encrypt("ann@example.com", EMAIL), cipher.encrypt("ann@example.com", EMAIL));
    }

    @Test
    void nullStaysNull() throws GeneralSecurityException {
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(oldKeyset));
        assertNull(cipher.encrypt(null, EMAIL));
        assertNull(cipher.decrypt(null, EMAIL));
        assertTrue(cipher.isCurrent(null));
    }

    @Tag("security")
    @Test
    void ciphertextMovedToAnotherColumnFailsToDecryptNamingTheColumn() throws GeneralSecurityException {
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(oldKeyset));
        String email = cipher.encrypt("ann@example.com", EMAIL);

        PersonalDataDecryptionException asPhone =
                assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(email, PHONE));
        assertTrue(
                asPhone.getMessage().startsWith("customer.phone: the stored value does not decrypt"),
                asPhone.getMessage());
        assertFalse(asPhone.getMessage().contains("ann"), asPhone.getMessage());
        // same column name, other table: still another column
        assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(email, ADDRESS_EMAIL));
    }

    @Tag("security")
    @Test
    void alteredCiphertextFailsToDecrypt() throws GeneralSecurityException {
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(oldKeyset));
        byte[] ciphertext = Base64.getDecoder()
                .decode(cipher.encrypt("ann@example.com", EMAIL).substring(PersonalDataCipher.PREFIX.length()));
        ciphertext[ciphertext.length - 1] ^= 1;
        String altered = PersonalDataCipher.PREFIX + Base64.getEncoder().encodeToString(ciphertext);

        assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(altered, EMAIL));
        assertThrows(
                PersonalDataDecryptionException.class,
                () -> cipher.decrypt(PersonalDataCipher.PREFIX + "not base64!", EMAIL));
    }

    @Tag("security")
    @Test
    void rowBoundValueIsNotReadWithoutItsRow() throws GeneralSecurityException {
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(oldKeyset));
        String bound = cipher.encrypt("ann@example.com", EMAIL, new RowKey("customer", List.of("shop", "1")));

        // read as a column-bound value it would otherwise pass for plaintext
        assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(bound, EMAIL));
    }

    @Test
    void plaintextStoredBeforeEncryptionIsReadAsItIsAndIsNotCurrent() throws GeneralSecurityException {
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(oldKeyset));

        assertEquals("ann@example.com", cipher.decrypt("ann@example.com", EMAIL));
        assertFalse(cipher.isCurrent("ann@example.com"));
        String rewritten = cipher.reencrypt("ann@example.com", EMAIL);
        assertTrue(cipher.isCurrent(rewritten));
        assertEquals("ann@example.com", cipher.decrypt(rewritten, EMAIL));
    }

    @Test
    void valueUnderAnOlderKeyIsReadAfterRotationAndReencryptedUnderTheNewPrimary() throws GeneralSecurityException {
        String underOldKey = PersonalDataCipher.fromKeyset(json(oldKeyset)).encrypt("+61 400 000 000", PHONE);
        PersonalDataCipher rotated = PersonalDataCipher.fromKeyset(json(rotatedKeyset));

        assertEquals("+61 400 000 000", rotated.decrypt(underOldKey, PHONE));
        assertFalse(rotated.isCurrent(underOldKey));
        String rewritten = rotated.reencrypt(underOldKey, PHONE);
        assertTrue(rotated.isCurrent(rewritten));
        assertEquals(rotatedKeyset.getPrimary().getId(), rotated.primaryKeyId());
        byte[] head = Base64.getDecoder().decode(rewritten.substring(PersonalDataCipher.PREFIX.length()));
        assertEquals(rotated.primaryOutputPrefixHex(), HexFormat.of().formatHex(head, 0, 5));
    }

    @Test
    void valueOfAKeyNoLongerInTheKeysetFailsToDecrypt() throws GeneralSecurityException {
        String underOldKey = PersonalDataCipher.fromKeyset(json(oldKeyset)).encrypt("ann@example.com", EMAIL);
        KeysetHandle withoutOldKey =
                KeysetHandle.newBuilder(rotatedKeyset).deleteAt(0).build();
        PersonalDataCipher cipher = PersonalDataCipher.fromKeyset(json(withoutOldKey));

        PersonalDataDecryptionException failure =
                assertThrows(PersonalDataDecryptionException.class, () -> cipher.decrypt(underOldKey, EMAIL));
        assertTrue(
                failure.getMessage()
                        .contains("key "
                                + Integer.toUnsignedString(
                                        oldKeyset.getPrimary().getId())),
                failure.getMessage());
    }

    @Test
    void keysetWithAKeyOtherThanAes256GcmWithTinkPrefixIsRefused() throws GeneralSecurityException {
        KeysetHandle aes128 = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES128_GCM)
                        .withRandomId()
                        .makePrimary())
                .build();
        AesGcmParameters noPrefix = AesGcmParameters.builder()
                .setKeySizeBytes(32)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                .build();
        KeysetHandle raw = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(noPrefix)
                        .withRandomId()
                        .makePrimary())
                .build();

        assertThrows(IllegalStateException.class, () -> PersonalDataCipher.fromKeyset(json(aes128)));
        assertThrows(IllegalStateException.class, () -> PersonalDataCipher.fromKeyset(json(raw)));
    }

    @Test
    void missingOrMalformedKeysetStopsWithAMessageNamingTheVariableButNotTheValue() {
        PersonalDataConfig withoutKeyset = new PersonalDataConfig() {
            @Override
            public Optional<String> keyset() {
                return Optional.empty();
            }

            @Override
            public boolean unboundValuesAllowed() {
                return false;
            }
        };
        IllegalStateException missing =
                assertThrows(IllegalStateException.class, () -> new PersonalDataCipher(withoutKeyset));
        assertTrue(missing.getMessage().contains("PERSONAL_DATA_KEYSET"), missing.getMessage());

        IllegalStateException malformed = assertThrows(
                IllegalStateException.class,
                () -> PersonalDataCipher.fromKeyset("{\"primaryKeyId\": 1, \"secret-looking\": \"c2VjcmV0\"}"));
        assertTrue(malformed.getMessage().contains("PERSONAL_DATA_KEYSET"), malformed.getMessage());
        assertFalse(malformed.getMessage().contains("c2VjcmV0"), malformed.getMessage());
    }
}
