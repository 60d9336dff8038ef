package com.lavish.customers.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import com.lavish.edge.personaldata.EncryptedColumn;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.PersonalDataDecryptionException;
import com.lavish.edge.personaldata.ReencryptionStatements;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Rewrites the encrypted columns of rows that hold a value not under the primary key, in the caller's transaction,
 * with plain SQL: the entities' converters would see an unchanged plaintext and write nothing.
 */
@ApplicationScoped
public class EncryptedRowsRepository {

    private static final Logger LOG = Logger.getLogger(EncryptedRowsRepository.class);

    private final PersonalDataCipher cipher;

    public EncryptedRowsRepository(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** What one batch found and what it rewrote; a row that does not decrypt is found and left as it is. */
    public record Batch(int found, int rewritten) {
    }

    /** Takes up to {@code batchSize} such rows (locked, skipping rows another replica holds) and rewrites them. */
    public Uni<Batch> reencryptBatch(ReencryptionStatements statements, int batchSize) {
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
