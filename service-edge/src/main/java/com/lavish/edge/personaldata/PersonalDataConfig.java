package com.lavish.edge.personaldata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The key of personal data at rest (ADR 0005). Optional here so that services without personal data (the webhook
 * gateway) start without it; {@link PersonalDataCipher} refuses to work without it, and a service that stores
 * personal data ({@value PersonalDataReencryptionConfig#ENABLED}) reads it at start.
 */
@ConfigMapping(prefix = "personal-data")
public interface PersonalDataConfig {

    /** The property that lets row-bound columns still hold values not bound to their row. */
    String UNBOUND_VALUES_ALLOWED = "personal-data.unbound-values-allowed";

    /**
     * {@code PERSONAL_DATA_KEYSET}: a Tink keyset in Tink's JSON form, cleartext, as kept in a Kubernetes Secret.
     * Every key in it is an AES256-GCM key with Tink's output prefix; the primary encrypts, every key decrypts.
     */
    Optional<String> keyset();

    /**
     * {@code PERSONAL_DATA_UNBOUND_VALUES_ALLOWED}: whether a row-bound column ({@link EncryptedTable}) may still hold
     * values stored before row binding: plaintext from before encryption, and {@value PersonalDataCipher#PREFIX}
     * values, bound to their column only. While true such a value is read (a column-bound one decrypts in any row of
     * its column) and the re-encryption job binds it to its row; once false, reading one is a
     * {@link PersonalDataDecryptionException} and the job leaves it. False unless a service sets it, for the time its
     * old rows take to be rewritten (ADR 0005 has the operator's steps).
     */
    @WithDefault("false")
    boolean unboundValuesAllowed();
}
