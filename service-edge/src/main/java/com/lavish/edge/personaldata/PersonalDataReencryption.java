package com.lavish.edge.personaldata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Brings every stored personal value of the service under the primary key of {@code PERSONAL_DATA_KEYSET} (ADR
 * 0005): values under an older key after a rotation, and plaintext stored before encryption. The columns are those
 * of the service's {@link PersonalDataConverter} beans, so a column that is encrypted is also re-encrypted.
 *
 * <p>Safe with several replicas: each batch takes its rows {@code FOR UPDATE SKIP LOCKED}, so replicas share the work
 * and a row is rewritten by one of them. Rows are rewritten with plain SQL: the entities' converters would see an
 * unchanged plaintext and write nothing. {@code personal_data_reencrypted_total} counts the rows rewritten, by table.
 *
 * <p>Built only into services that set {@value PersonalDataReencryptionConfig#ENABLED} (they bring Hibernate Reactive and
 * quarkus-scheduler). {@link Startup}: the keyset is read when the service starts, so a missing or unusable one stops
 * the start instead of the first event.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = PersonalDataReencryptionConfig.ENABLED, stringValue = "true")
public class PersonalDataReencryption {

    /** The counter of rows rewritten, tagged with {@code table}. */
    public static final String REENCRYPTED = "personal.data.reencrypted";

    private static final Logger LOG = Logger.getLogger(PersonalDataReencryption.class);

    private final PersonalDataCipher cipher;
    private final PersonalDataReencryptionConfig config;
    private final MeterRegistry metrics;
    private final List<ReencryptionStatements> tables;

    public PersonalDataReencryption(PersonalDataCipher cipher, PersonalDataReencryptionConfig config, MeterRegistry metrics,
            @All List<PersonalDataConverter> converters) {
        this.cipher = cipher;
        this.config = config;
        this.metrics = metrics;
        this.tables = statements(converters);
        // the key id names a key, it is no secret; it tells an operator which key is primary on this replica
        LOG.infof("personal data is encrypted under key %s", Integer.toUnsignedString(cipher.primaryKeyId()));
        tables.forEach(table -> metrics.counter(REENCRYPTED, "table", table.table()));
    }

    /** The encrypted columns grouped by table, tables and columns in name order, so every replica runs alike. */
    private static List<ReencryptionStatements> statements(List<PersonalDataConverter> converters) {
        Map<String, List<EncryptedColumn>> byTable = converters.stream().map(PersonalDataConverter::column).distinct()
                .sorted((a, b) -> a.context().compareTo(b.context()))
                .collect(Collectors.groupingBy(EncryptedColumn::table, LinkedHashMap::new, Collectors.toList()));
        return byTable.entrySet().stream().map(e -> new ReencryptionStatements(e.getKey(), e.getValue())).toList();
    }

    /** The tables the job rewrites and their encrypted columns. */
    public List<ReencryptionStatements> tables() {
        return tables;
    }

    @Scheduled(identity = "personal-data-reencryption", every = "${personal-data.reencryption.every}",
            delayed = "${personal-data.reencryption.delay:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
        return Multi.createFrom().iterable(tables)
                .onItem().transformToUniAndConcatenate(this::reencryptTable)
                .collect().with(Collectors.summingLong(Long::longValue));
    }

    private Uni<Long> reencryptTable(ReencryptionStatements table) {
        int batchSize = config.batchSize();
        return Multi.createBy().repeating()
                .uni(() -> Panache.withTransaction(() -> reencryptBatch(table, batchSize)))
                .whilst(batch -> batch.found() == batchSize && batch.rewritten() > 0)
                .onItem().invoke(batch -> metrics.counter(REENCRYPTED, "table", table.table()).increment(batch.rewritten()))
                .collect().with(Collectors.summingLong(Batch::rewritten));
    }

    /** What one batch found and what it rewrote; a row that does not decrypt is found and left as it is. */
    private record Batch(int found, int rewritten) {
    }

    /** Takes up to {@code batchSize} such rows (locked, skipping rows another replica holds) and rewrites them. */
    private Uni<Batch> reencryptBatch(ReencryptionStatements statements, int batchSize) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery(statements.selectStale(), Object[].class)
                .setParameter("prefix", PersonalDataCipher.PREFIX)
                .setParameter("primaryOutputPrefix", cipher.primaryOutputPrefixHex())
                .setParameter("batchSize", batchSize)
                .getResultList()
                .chain(rows -> rewrite(session, statements, rows)));
    }

    private Uni<Batch> rewrite(Mutiny.Session session, ReencryptionStatements statements, List<Object[]> rows) {
        Uni<Integer> rewritten = Uni.createFrom().item(0);
        for (Object[] row : rows) {
            // one statement at a time: a reactive session runs one operation at once
            rewritten = rewritten.chain(count -> rewriteRow(session, statements, row).map(done -> done ? count + 1 : count));
        }
        return rewritten.map(count -> new Batch(rows.size(), count));
    }

    private Uni<Boolean> rewriteRow(Mutiny.Session session, ReencryptionStatements statements, Object[] row) {
        long id = ((Number) row[0]).longValue();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < statements.columns().size(); i++) {
            EncryptedColumn column = statements.columns().get(i);
            try {
                values.add(cipher.reencrypt((String) row[i + 1], column));
            } catch (PersonalDataDecryptionException e) {
                // the id and the reason, never the value; the row stays as it is for someone to look at
                LOG.warnf("%s of row %d is left as it is: %s", column.context(), id, e.getMessage());
                return Uni.createFrom().item(false);
            }
        }
        Mutiny.Query<Object> update = session.createNativeQuery(statements.update());
        update.setParameter("id", id);
        for (int i = 0; i < values.size(); i++) {
            update.setParameter(statements.columns().get(i).column(), values.get(i));
        }
        return update.executeUpdate().map(updated -> updated == 1);
    }
}
