package com.lavish.customers.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The job that rewrites personal data not under the primary key of {@code PERSONAL_DATA_KEYSET} (ADR 0005): values
 * under an older key after a rotation, and plaintext stored before encryption.
 */
@ConfigMapping(prefix = "personal-data.reencryption")
public interface PersonalDataReencryptionConfig {

    /**
     * How often the job looks for such rows ({@code 10m}; {@code off} stops it); the schedule reads the property
     * itself. A run goes on batch after batch until none is left, so the interval bounds only how soon a rotation
     * starts being applied.
     */
    String every();

    /** Rows per transaction: a batch holds its row locks until it commits. */
    @WithDefault("200")
    int batchSize();
}
