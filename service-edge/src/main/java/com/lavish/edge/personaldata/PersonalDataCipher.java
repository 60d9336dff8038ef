package com.lavish.edge.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts personal data for storage with Tink's AEAD (AES256-GCM) under the keyset of {@code PERSONAL_DATA_KEYSET}
 * (ADR 0005). The primary key encrypts; every key of the keyset decrypts, which is what makes rotation possible.
 *
 * <p>Two stored forms, each a prefix followed by the Base64 of Tink's ciphertext, whose first five bytes are Tink's
 * output prefix: 0x01 and the id of the key that encrypted it.
 * <ul>
 * <li>{@value #ROW_BOUND_PREFIX}: bound to its row. The associated data is {@code table.column} and the row's key
 * ({@link RowKey}), so a value copied into another row, or another column, fails to decrypt instead of reading as
 * that row's data. What customer-service and subscription-service write ({@link EncryptedTable}).</li>
 * <li>{@value #PREFIX}: bound to its column only (associated data {@code table.column}): what
 * {@link PersonalDataConverter} writes (order-service), and what the row-bound columns held before row binding.</li>
 * </ul>
 * A value with neither prefix was stored before encryption. In a row-bound column such a value, and a
 * {@value #PREFIX} one, is "unbound": read (and rewritten by the re-encryption job) only while
 * {@value PersonalDataConfig#UNBOUND_VALUES_ALLOWED} is true, refused afterwards.
 *
 * <p>The AEAD primitive is made once; encrypting or decrypting is one AES-GCM operation and no lookup.
 */
@ApplicationScoped
public class PersonalDataCipher {

    /** The prefix of a value bound to its column only. */
    public static final String PREFIX = "enc1:";
    /** The prefix of a value bound to its row. */
    public static final String ROW_BOUND_PREFIX = "enc2:";

    private static final byte TINK_START_BYTE = 0x01;
    private static final int TINK_PREFIX_BYTES = 5;
    private static final int AES256_KEY_BYTES = 32;

    private final Aead aead;
    private final int primaryKeyId;
    private final boolean unboundValuesAllowed;

    @Inject
    public PersonalDataCipher(PersonalDataConfig config) {
        this(
                parse(
                        config.keyset()
                                .filter(json -> !json.isBlank())
                                .orElseThrow(
                                        () -> new IllegalStateException(
                                                "personal-data.keyset (PERSONAL_DATA_KEYSET) is not set: personal data can be neither stored nor "
                                                        + "read; see docs/adr/0005-personal-data-encryption.md for how to make a keyset"))),
                config.unboundValuesAllowed());
    }

    PersonalDataCipher(KeysetHandle keyset, boolean unboundValuesAllowed) {
        requireAes256GcmWithKeyIds(keyset);
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "personal-data.keyset (PERSONAL_DATA_KEYSET) gives no AEAD: " + e.getMessage(), e);
        }
        this.primaryKeyId = keyset.getPrimary().getId();
        this.unboundValuesAllowed = unboundValuesAllowed;
    }

    /**
     * A cipher over a keyset in Tink's JSON form that refuses unbound values in row-bound columns (tests and tools;
     * services inject the bean).
     */
    public static PersonalDataCipher fromKeyset(String keysetJson) {
        return fromKeyset(keysetJson, false);
    }

    /** A cipher over a keyset in Tink's JSON form (tests and tools; services inject the bean). */
    public static PersonalDataCipher fromKeyset(String keysetJson, boolean unboundValuesAllowed) {
        return new PersonalDataCipher(parse(keysetJson), unboundValuesAllowed);
    }

    private static KeysetHandle parse(String keysetJson) {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // the reason only: the message must not carry key material
            throw new IllegalStateException("personal-data.keyset (PERSONAL_DATA_KEYSET) is not a Tink JSON keyset: "
                    + e.getClass().getSimpleName());
        }
    }

    /** Every key must be AES256-GCM with Tink's prefix: the prefix is how a row tells which key encrypted it. */
    private static void requireAes256GcmWithKeyIds(KeysetHandle keyset) {
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (!(entry.getKey() instanceof AesGcmKey key)
                    || key.getParameters().getKeySizeBytes() != AES256_KEY_BYTES
                    || key.getParameters().getVariant() != AesGcmParameters.Variant.TINK) {
                throw new IllegalStateException(
                        "personal-data.keyset (PERSONAL_DATA_KEYSET): key " + Integer.toUnsignedString(entry.getId())
                                + " is not an AES256_GCM key with Tink's output prefix (template AES256_GCM)");
            }
        }
    }

    // ---- bound to the row: customer-service, subscription-service ----

    /** The stored form of {@code plaintext} in {@code column} of {@code row}, under the primary key; null stays null. */
    public String encrypt(String plaintext, EncryptedColumn column, RowKey row) {
        return seal(plaintext, ROW_BOUND_PREFIX, column, row.associatedData(column));
    }

    /**
     * The plaintext of a stored value of {@code column} in {@code row}; null stays null. An unbound value (plaintext,
     * or {@value #PREFIX}) is read as {@link #decrypt(String, EncryptedColumn)} reads it while
     * {@value PersonalDataConfig#UNBOUND_VALUES_ALLOWED} is true.
     *
     * @throws PersonalDataDecryptionException when the value does not decrypt for this column of this row, or is
     *         unbound and unbound values are refused
     */
    public String decrypt(String stored, EncryptedColumn column, RowKey row) {
        if (stored == null) {
            return null;
        }
        byte[] associatedData = row.associatedData(column);
        if (stored.startsWith(ROW_BOUND_PREFIX)) {
            return open(stored, ROW_BOUND_PREFIX, column, associatedData);
        }
        if (!unboundValuesAllowed) {
            throw new PersonalDataDecryptionException(
                    column.context() + ": the stored value is not bound to its row ("
                            + (stored.startsWith(PREFIX) ? PREFIX + " value" : "plaintext") + ") and "
                            + PersonalDataConfig.UNBOUND_VALUES_ALLOWED + " is false",
                    null);
        }
        return decrypt(stored, column);
    }

    /** The value in the stored form bound to its row, under today's primary key: what the re-encryption job writes. */
    public String reencrypt(String stored, EncryptedColumn column, RowKey row) {
        return encrypt(decrypt(stored, column, row), column, row);
    }

    /** True when {@code stored} is null or a row-bound ciphertext under the primary key: nothing for the job to do. */
    public boolean isCurrentRowBound(String stored) {
        return stored == null || isUnderPrimary(stored, ROW_BOUND_PREFIX);
    }

    /** Whether row-bound columns may still hold unbound values ({@value PersonalDataConfig#UNBOUND_VALUES_ALLOWED}). */
    public boolean unboundValuesAllowed() {
        return unboundValuesAllowed;
    }

    // ---- bound to the column only: PersonalDataConverter (order-service) ----

    /** The stored form of {@code plaintext} in {@code column}, bound to the column only; null stays null. */
    public String encrypt(String plaintext, EncryptedColumn column) {
        return seal(plaintext, PREFIX, column, column.context().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The plaintext of a stored value of a column-bound {@code column}: decrypted when it is a {@value #PREFIX}
     * ciphertext, as it is when it was stored before encryption; null stays null.
     *
     * @throws PersonalDataDecryptionException when it is our ciphertext and does not decrypt for this column, or is
     *         a row-bound value, which cannot be read without its row
     */
    public String decrypt(String stored, EncryptedColumn column) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(ROW_BOUND_PREFIX)) {
            throw new PersonalDataDecryptionException(
                    column.context() + ": the stored value is bound to a row, and " + "this column is read without one",
                    null);
        }
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        return open(stored, PREFIX, column, column.context().getBytes(StandardCharsets.UTF_8));
    }

    /** The value in the column-bound stored form under today's primary key: what the job writes back there. */
    public String reencrypt(String stored, EncryptedColumn column) {
        return encrypt(decrypt(stored, column), column);
    }

    /** True when {@code stored} is null or a column-bound ciphertext under the primary key. */
    public boolean isCurrent(String stored) {
        return stored == null || isUnderPrimary(stored, PREFIX);
    }

    // ---- both ----

    private String seal(String plaintext, String prefix, EncryptedColumn column, byte[] associatedData) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] ciphertext = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData);
            return prefix + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(column.context() + ": encryption failed", e);
        }
    }

    private String open(String stored, String prefix, EncryptedColumn column, byte[] associatedData) {
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(stored.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw failure(column, "it is not Base64", e);
        }
        try {
            return new String(aead.decrypt(ciphertext, associatedData), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            String keyId = ciphertext.length >= TINK_PREFIX_BYTES && ciphertext[0] == TINK_START_BYTE
                    ? Integer.toUnsignedString(keyId(ciphertext))
                    : "unknown";
            throw failure(
                    column,
                    "key " + keyId + "; the value belongs to another "
                            + (prefix.equals(ROW_BOUND_PREFIX) ? "row or column" : "column")
                            + ", was altered, or its key is no longer in PERSONAL_DATA_KEYSET",
                    e);
        }
    }

    private static PersonalDataDecryptionException failure(EncryptedColumn column, String reason, Throwable cause) {
        return new PersonalDataDecryptionException(
                column.context() + ": the stored value does not decrypt (" + reason + ")", cause);
    }

    private boolean isUnderPrimary(String stored, String prefix) {
        if (!stored.startsWith(prefix)) {
            return false;
        }
        // the first 8 Base64 characters hold the first 6 bytes: Tink's 5-byte prefix and one more
        int end = Math.min(stored.length(), prefix.length() + 8);
        try {
            byte[] head = Base64.getDecoder().decode(stored.substring(prefix.length(), end));
            return head.length >= TINK_PREFIX_BYTES && head[0] == TINK_START_BYTE && keyId(head) == primaryKeyId;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The id of the key that encrypts, as Tink's keyset lists it. */
    public int primaryKeyId() {
        return primaryKeyId;
    }

    /**
     * The hex of the output prefix that the primary key puts before every ciphertext ({@code 01} and its id): SQL
     * compares it with the head of a stored value to find rows under older keys (see {@link ReencryptionStatements}).
     */
    public String primaryOutputPrefixHex() {
        return HexFormat.of()
                .formatHex(ByteBuffer.allocate(TINK_PREFIX_BYTES)
                        .put(TINK_START_BYTE)
                        .putInt(primaryKeyId)
                        .array());
    }

    private static int keyId(byte[] tinkCiphertext) {
        return ByteBuffer.wrap(tinkCiphertext, 1, 4).getInt();
    }
}
