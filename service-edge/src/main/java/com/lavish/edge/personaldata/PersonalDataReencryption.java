package com.lavish.edge.personaldata;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Brings every stored personal value of the service into its current form under the primary key of
 * {@code PERSONAL_DATA_KEYSET} (ADR 0005): values under an older key after a rotation and, while
 * {@value PersonalDataConfig#UNBOUND_VALUES_ALLOWED} is true, values of a row-bound table that are not bound to their
 * row yet (plaintext stored before encryption, {@value PersonalDataCipher#PREFIX} values stored before row binding).
 * Once unbound values are refused, the job leaves them as it leaves any value that does not decrypt: it never binds a
 * value it could not have read to the row it found it in. The tables are those of the service's {@link EncryptedTable}
 * beans (row-bound) and {@link PersonalDataConverter} beans (column-bound), so a column that is encrypted is also
 * re-encrypted.
 *
 * <p>Safe with several replicas: each batch takes its rows {@code FOR UPDATE SKIP LOCKED}, so replicas share the work
 * and a row is rewritten by one of them. Rows are rewritten with plain SQL: the entities see plaintext, which did not
 * change. {@code personal_data_reencrypted_total} counts the rows rewritten, by table.
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
    private final AtomicBoolean toldAllBound = new AtomicBoolean();

    public PersonalDataReencryption(
            PersonalDataCipher cipher,
            PersonalDataReencryptionConfig config,
            MeterRegistry metrics,
            @All List<PersonalDataConverter> converters,
            @All List<EncryptedTable> rowBoundTables) {
        this.cipher = cipher;
        this.config = config;
        this.metrics = metrics;
        this.tables = statements(converters, rowBoundTables);
        // the key id names a key, it is no secret; it tells an operator which key is primary on this replica
        LOG.infof(
                "personal data is encrypted under key %s; values not bound to their row are %s",
                Integer.toUnsignedString(cipher.primaryKeyId()),
                cipher.unboundValuesAllowed()
                        ? "still read (" + PersonalDataConfig.UNBOUND_VALUES_ALLOWED + "=true)"
                        : "refused");
        tables.forEach(table -> metrics.counter(REENCRYPTED, "table", table.table()));
    }

    /**
     * The row-bound tables and the converters' columns grouped by table, in name order, so every replica runs alike. A
     * table is one or the other: its values are bound to their row or to their column, never both.
     */
    private static List<ReencryptionStatements> statements(
            List<PersonalDataConverter> converters, List<EncryptedTable> rowBoundTables) {
        Map<String, List<EncryptedColumn>> byTable = converters.stream()
                .map(PersonalDataConverter::column)
                .distinct()
                .sorted(Comparator.comparing(EncryptedColumn::context))
                .collect(Collectors.groupingBy(EncryptedColumn::table, LinkedHashMap::new, Collectors.toList()));
        List<ReencryptionStatements> statements = Stream.concat(
                        byTable.entrySet().stream().map(e -> new ReencryptionStatements(e.getKey(), e.getValue())),
                        rowBoundTables.stream().distinct().map(ReencryptionStatements::of))
                .sorted(Comparator.comparing(ReencryptionStatements::table))
                .toList();
        Set<String> names = new HashSet<>();
        for (ReencryptionStatements table : statements) {
            if (!names.add(table.table())) {
                throw new IllegalStateException(table.table() + " is declared twice for personal data: as an "
                        + "EncryptedTable and by PersonalDataConverters, or as two EncryptedTables");
            }
        }
        return statements;
    }

    /** The tables the job rewrites and their encrypted columns. */
    public List<ReencryptionStatements> tables() {
        return tables;
    }

    @Scheduled(
            identity = "personal-data-reencryption",
            every = "${personal-data.reencryption.every}",
            delayed = "${personal-data.reencryption.delay:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reencryptAll()
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("personal data: %d rows re-encrypted under the primary key", count);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Rewrites every row not in its current form, table after table, one transaction per batch, until a batch comes
     * back short (rows that do not decrypt, or are unbound while such values are refused, are logged and left, and the
     * next batch starts after them).
     *
     * @return the rows rewritten
     */
    public Uni<Long> reencryptAll() {
        return Multi.createFrom()
                .iterable(tables)
                .onItem()
                .transformToUniAndConcatenate(this::reencryptTable)
                .collect()
                .asList()
                .invoke(this::tellWhenAllBound)
                .map(runs -> runs.stream().mapToLong(Batch::rewritten).sum());
    }

    /**
     * While unbound values are allowed, says once when a run found nothing to do: every value is then bound to its row
     * under the primary key, and the operator can refuse unbound values (ADR 0005).
     */
    private void tellWhenAllBound(List<Batch> runs) {
        boolean nothingFound = runs.stream().allMatch(run -> run.found() == 0);
        if (cipher.unboundValuesAllowed() && nothingFound && toldAllBound.compareAndSet(false, true)) {
            LOG.infof(
                    "personal data: every stored value is in its current form; %s can be set to false (ADR 0005)",
                    PersonalDataConfig.UNBOUND_VALUES_ALLOWED);
        }
    }

    /** One table's batches, summed: the rows found stale and the rows rewritten. */
    private Uni<Batch> reencryptTable(ReencryptionStatements table) {
        int batchSize = config.batchSize();
        return Multi.createBy()
                .repeating()
                .uni(
                        AtomicLong::new,
                        after -> Panache.withTransaction(() -> reencryptBatch(table, after.get(), batchSize))
                                .invoke(batch -> after.set(batch.lastId())))
                .whilst(batch -> batch.found() == batchSize)
                .onItem()
                .invoke(batch ->
                        metrics.counter(REENCRYPTED, "table", table.table()).increment(batch.rewritten()))
                .collect()
                .in(() -> new long[2], (sum, batch) -> {
                    sum[0] += batch.found();
                    sum[1] += batch.rewritten();
                })
                .map(sum -> new Batch((int) Math.min(Integer.MAX_VALUE, sum[0]), sum[1], 0));
    }

    /** What one batch found, what it rewrote, and its last row's id; a row it could not read is found and left. */
    private record Batch(int found, long rewritten, long lastId) {}

    /** Takes up to {@code batchSize} such rows after {@code after} (locked, skipping rows another replica holds). */
    private Uni<Batch> reencryptBatch(ReencryptionStatements statements, long after, int batchSize) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(statements.selectStale(), Object[].class)
                        .setParameter("prefix", statements.prefix())
                        .setParameter("primaryOutputPrefix", cipher.primaryOutputPrefixHex())
                        .setParameter("after", after)
                        .setParameter("batchSize", batchSize)
                        .getResultList()
                        .chain(rows -> rewrite(session, statements, rows)));
    }

    private Uni<Batch> rewrite(Mutiny.Session session, ReencryptionStatements statements, List<Object[]> rows) {
        Uni<Long> rewritten = Uni.createFrom().item(0L);
        long lastId = 0;
        for (Object[] row : rows) {
            // one statement at a time: a reactive session runs one operation at once
            rewritten = rewritten.chain(
                    count -> rewriteRow(session, statements, row).map(done -> done ? count + 1 : count));
            lastId = ((Number) row[0]).longValue();
        }
        long last = lastId;
        return rewritten.map(count -> new Batch(rows.size(), count, last));
    }

    private Uni<Boolean> rewriteRow(Mutiny.Session session, ReencryptionStatements statements, Object[] row) {
        long id = ((Number) row[0]).longValue();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < statements.columns().size(); i++) {
            EncryptedColumn column = statements.columns().get(i);
            String stored = statements.value(row, i);
            try {
                values.add(
                        statements.rowBound()
                                ? cipher.reencrypt(stored, column, statements.key(row))
                                : cipher.reencrypt(stored, column));
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
