package com.lavish.edge.personaldata;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The key of personal data at rest (ADR 0005). Optional here so that services without personal data (the webhook
 * gateway) start without it; {@link PersonalDataCipher} refuses to work without it, and a service that stores
 * personal data ({@value PersonalDataReencryptionConfig#ENABLED}) reads it at start.
 */
@ConfigMapping(prefix = "personal-data")
public interface PersonalDataConfig {

    /**
     * {@code PERSONAL_DATA_KEYSET}: a Tink keyset in Tink's JSON form, cleartext, as kept in a Kubernetes Secret.
     * Every key in it is an AES256-GCM key with Tink's output prefix; the primary encrypts, every key decrypts.
     */
    Optional<String> keyset();
}
