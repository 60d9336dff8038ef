package com.lavish.edge.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;

/**
 * Encrypts personal data for storage with Tink's AEAD (AES256-GCM) under the keyset of {@code PERSONAL_DATA_KEYSET}
 * (ADR 0005). The primary key encrypts; every key of the keyset decrypts, which is what makes rotation possible.
 *
 * <p>A stored value is {@value #PREFIX} followed by the Base64 of Tink's ciphertext, whose first five bytes are Tink's
 * output prefix: 0x01 and the id of the key that encrypted it. A value without {@value #PREFIX} was stored before
 * encryption and is returned as it is, until the re-encryption job rewrites it. The associated data is the
 * column's {@code table.column}, so a value moved to another column fails to decrypt instead of reading as data.
 *
 * <p>The AEAD primitive is made once; encrypting or decrypting is one AES-GCM operation and no lookup.
 */
@ApplicationScoped
public class PersonalDataCipher {

    /** The version prefix of a stored ciphertext. */
    public static final String PREFIX = "enc1:";

    private static final byte TINK_START_BYTE = 0x01;
    private static final int TINK_PREFIX_BYTES = 5;
    private static final int AES256_KEY_BYTES = 32;

    private final Aead aead;
    private final int primaryKeyId;

    @Inject
    public PersonalDataCipher(PersonalDataConfig config) {
        this(parse(config.keyset().filter(json -> !json.isBlank()).orElseThrow(() -> new IllegalStateException(
                "personal-data.keyset (PERSONAL_DATA_KEYSET) is not set: personal data can be neither stored nor "
                        + "read; see docs/adr/0005-personal-data-encryption.md for how to make a keyset"))));
    }

    PersonalDataCipher(KeysetHandle keyset) {
        requireAes256GcmWithKeyIds(keyset);
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal-data.keyset (PERSONAL_DATA_KEYSET) gives no AEAD: " + e.getMessage(), e);
        }
        this.primaryKeyId = keyset.getPrimary().getId();
    }

    /** A cipher over a keyset in Tink's JSON form (tests and tools; services inject the bean). */
    public static PersonalDataCipher fromKeyset(String keysetJson) {
        return new PersonalDataCipher(parse(keysetJson));
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
                throw new IllegalStateException("personal-data.keyset (PERSONAL_DATA_KEYSET): key " + Integer.toUnsignedString(entry.getId())
                        + " is not an AES256_GCM key with Tink's output prefix (template AES256_GCM)");
            }
        }
    }

    /** The stored form of {@code plaintext} in {@code column}, under the primary key; null stays null. */
    public String encrypt(String plaintext, EncryptedColumn column) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] ciphertext = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(column));
            return PREFIX + Base64.getEncoder().encodeToString(ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(column.context() + ": encryption failed", e);
        }
    }

    /**
     * The plaintext of a stored value of {@code column}: decrypted when it is our ciphertext, as it is when it was
     * stored before encryption; null stays null.
     *
     * @throws PersonalDataDecryptionException when it is our ciphertext and does not decrypt for this column
     */
    public String decrypt(String stored, EncryptedColumn column) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        byte[] ciphertext;
        try {
            ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw failure(column, "it is not Base64", e);
        }
        try {
            return new String(aead.decrypt(ciphertext, associatedData(column)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            String keyId = ciphertext.length >= TINK_PREFIX_BYTES && ciphertext[0] == TINK_START_BYTE
                    ? Integer.toUnsignedString(keyId(ciphertext)) : "unknown";
            throw failure(column, "key " + keyId + "; the value belongs to another column, was altered, or its key "
                    + "is no longer in PERSONAL_DATA_KEYSET", e);
        }
    }

    private static PersonalDataDecryptionException failure(EncryptedColumn column, String reason, Throwable cause) {
        return new PersonalDataDecryptionException(column.context() + ": the stored value does not decrypt (" + reason + ")", cause);
    }

    /** The value in the stored form under today's primary key: what the re-encryption job writes back. */
    public String reencrypt(String stored, EncryptedColumn column) {
        return encrypt(decrypt(stored, column), column);
    }

    /** True when {@code stored} is null or our ciphertext under the primary key: nothing for re-encryption to do. */
    public boolean isCurrent(String stored) {
        if (stored == null) {
            return true;
        }
        if (!stored.startsWith(PREFIX)) {
            return false;
        }
        // the first 8 Base64 characters hold the first 6 bytes: Tink's 5-byte prefix and one more
        int end = Math.min(stored.length(), PREFIX.length() + 8);
        try {
            byte[] head = Base64.getDecoder().decode(stored.substring(PREFIX.length(), end));
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
        return HexFormat.of().formatHex(ByteBuffer.allocate(TINK_PREFIX_BYTES).put(TINK_START_BYTE).putInt(primaryKeyId).array());
    }

    private static int keyId(byte[] tinkCiphertext) {
        return ByteBuffer.wrap(tinkCiphertext, 1, 4).getInt();
    }

    private static byte[] associatedData(EncryptedColumn column) {
        return column.context().getBytes(StandardCharsets.UTF_8);
    }
}
