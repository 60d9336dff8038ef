package com.lavish.customers.service;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.lavish.customers.EncryptedColumns;
import com.lavish.customers.config.PersonalDataReencryptionConfig;
import com.lavish.customers.repository.EncryptedRowsRepository;
import com.lavish.customers.repository.EncryptedRowsRepository.Batch;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.ReencryptionStatements;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Brings every stored personal value under the primary key of {@code PERSONAL_DATA_KEYSET} (ADR 0005): values under
 * an older key after a rotation, and plaintext stored before encryption. Safe with several replicas: each batch
 * takes its rows {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and a row is rewritten by one of them.
 * {@code personal_data_reencrypted_total} counts the rows rewritten, by table.
 *
 * <p>{@link Startup}: the keyset is read when the service starts, so a missing or unusable one stops the start
 * instead of the first customer event.
 */
@Startup
@ApplicationScoped
public class PersonalDataReencryption {

    static final String REENCRYPTED = "personal.data.reencrypted";

    private static final Logger LOG = Logger.getLogger(PersonalDataReencryption.class);
    private static final List<ReencryptionStatements> TABLES = List.of(
            new ReencryptionStatements("customer", EncryptedColumns.CUSTOMER),
            new ReencryptionStatements("customer_address", EncryptedColumns.CUSTOMER_ADDRESS));

    private final EncryptedRowsRepository rows;
    private final PersonalDataReencryptionConfig config;
    private final MeterRegistry metrics;

    public PersonalDataReencryption(EncryptedRowsRepository rows, PersonalDataReencryptionConfig config,
            MeterRegistry metrics, PersonalDataCipher cipher) {
        this.rows = rows;
        this.config = config;
        this.metrics = metrics;
        // the key id names a key, it is no secret; it tells an operator which key is primary on this replica
        LOG.infof("personal data is encrypted under key %s", Integer.toUnsignedString(cipher.primaryKeyId()));
        TABLES.forEach(table -> metrics.counter(REENCRYPTED, "table", table.table()));
    }

    @Scheduled(identity = "personal-data-reencryption", every = "${personal-data.reencryption.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reencryptAll().invoke(count -> {
            if (count > 0) {
                LOG.infof("personal data: %d rows re-encrypted under the primary key", count);
            }
        }).replaceWithVoid();
    }

    /**
     * Rewrites every row not under the primary key, table after table, one transaction per batch, until a batch
     * comes back short or rewrites nothing (rows that do not decrypt are logged and left, never retried in a loop).
     *
     * @return the rows rewritten
     */
    public Uni<Long> reencryptAll() {
        return Multi.createFrom().iterable(TABLES)
                .onItem().transformToUniAndConcatenate(this::reencryptTable)
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    private Uni<Long> reencryptTable(ReencryptionStatements table) {
        int batchSize = config.batchSize();
        return Multi.createBy().repeating()
                .uni(() -> Panache.withTransaction(() -> rows.reencryptBatch(table, batchSize)))
                .whilst(batch -> batch.found() == batchSize && batch.rewritten() > 0)
                .onItem().invoke(batch -> metrics.counter(REENCRYPTED, "table", table.table()).increment(batch.rewritten()))
                .collect().with(Collectors.summingLong(Batch::rewritten));
    }
}
