package com.lavish.edge.personaldata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The job that rewrites personal data not under the primary key of {@code PERSONAL_DATA_KEYSET} (ADR 0005): values
 * under an older key after a rotation, and plaintext stored before encryption ({@link PersonalDataReencryption}).
 * With defaults, so that services without personal data start without these properties.
 */
@ConfigMapping(prefix = "personal-data.reencryption")
public interface PersonalDataReencryptionConfig {

    /**
     * Build-time switch: a service that stores personal data gets {@link PersonalDataReencryption}, which reads the
     * keyset at start and re-encrypts its columns on a schedule; the others (the webhook gateway) get neither.
     */
    String ENABLED = "personal-data.reencryption.enabled";

    /** See {@link #ENABLED}; read at build time, listed here so it is documented and known. */
    @WithDefault("false")
    boolean enabled();

    /**
     * How often the job looks for such rows ({@code off} stops it); the schedule reads the property itself. A run
     * goes on batch after batch until none is left, so the interval bounds only how soon a rotation starts being
     * applied.
     */
    @WithDefault("10m")
    String every();

    /**
     * How long after the start the first run waits (the schedule reads the property itself): every run reads the whole
     * of each table, and a replica that just started, after a deploy or a crash, has a backlog to catch up on first.
     */
    @WithDefault("5m")
    String delay();

    /** Rows per transaction: a batch holds its row locks until it commits. */
    @WithDefault("200")
    int batchSize();
}
