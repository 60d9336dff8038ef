package com.lavish.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One transaction on one connection of the reactive pool, for a poll's set-based statements. The connection is the
 * pipeline's own, not a Hibernate session's: statements sent on it without waiting are pipelined. A transaction that
 * fails or outlives its timeout is abandoned: nothing more is sent on it but the rollback, and its connection is
 * closed without waiting for a server that may not answer.
 */
public final class BatchTransactions {

    private static final Logger LOG = Logger.getLogger(BatchTransactions.class);

    private final Pool pool;
    private final Duration timeout;

    public BatchTransactions(Pool pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    /** Runs the work in a transaction and commits it; fails, with nothing committed by this call, if any step fails. */
    public <T> Uni<T> inTransaction(Function<SqlConnection, Uni<T>> work) {
        return pool.getConnection()
                .chain(connection -> connection
                        .begin()
                        .chain(transaction -> work.apply(connection).call(transaction::commit))
                        .ifNoItem()
                        .after(timeout)
                        .failWith(() -> new java.util.concurrent.TimeoutException("the transaction took longer than "
                                + timeout + "; abandoned (rolled back) to be tried again"))
                        .onItemOrFailure()
                        .call((item, failure) -> {
                            if (failure == null) {
                                return connection.close();
                            }
                            // closing rolls back an open transaction; a frozen server answers later, so do not wait for
                            // it
                            connection
                                    .close()
                                    .subscribe()
                                    .with(
                                            ignored -> {},
                                            closing -> LOG.debugf(
                                                    "an abandoned connection did not close cleanly: %s",
                                                    closing.getMessage()));
                            return Uni.createFrom().voidItem();
                        }));
    }
}
