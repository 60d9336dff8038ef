package com.lavish.consumer;

import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Whether a failure says something about a dependency rather than about the records: the database, Redis or the
 * broker away or overloaded, a connection reset, a transaction that lost a race. Such a failure is waited out and
 * the same records tried again, however long it takes; it is never a reason to dead-letter. Anything else (a
 * constraint the data violates, a value Postgres refuses, a bug) is about the records.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes and codes that pass with time: connection exceptions (08), serialization failure and deadlock
     * (40001, 40P01), insufficient resources (53), lock not available (55P03), query cancelled (57014, a statement
     * timeout), the server shutting down or starting up (57P01 to 57P03), system errors such as I/O (58).
     */
    private static final Set<String> CLASSES = Set.of("08", "53", "58");

    private static final Set<String> CODES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException pg) {
                return isTransientSqlState(pg.getSqlState());
            }
            if (cause instanceof IOException
                    || cause instanceof TimeoutException
                    || cause instanceof io.smallrye.mutiny.TimeoutException
                    || cause instanceof RetriableException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            if (isClosedConnection(cause)) {
                return true;
            }
        }
        return false;
    }

    static boolean isTransientSqlState(String sqlState) {
        return sqlState != null
                && sqlState.length() == 5
                && (CODES.contains(sqlState) || CLASSES.contains(sqlState.substring(0, 2)));
    }

    /**
     * Vert.x's own words for a connection that went away or never came: the SQL client's closed connection, the pool
     * that timed out waiting for one, a Redis client whose connection dropped.
     */
    private static boolean isClosedConnection(Throwable cause) {
        String type = cause.getClass().getName();
        if (type.equals("io.vertx.sqlclient.ClosedConnectionException")
                || type.equals("io.vertx.core.impl.NoStackTraceTimeoutException")
                || type.equals("io.vertx.core.http.ConnectionPoolTooBusyException")
                || type.startsWith("io.netty.channel.")) {
            return true;
        }
        String message = cause.getMessage();
        return (type.startsWith("io.vertx.") || type.equals("java.lang.IllegalStateException"))
                && message != null
                && (message.contains("Connection is closed")
                        || message.contains("Connection was closed")
                        || message.contains("Connection is not active")
                        || message.equals("Timeout")
                        || message.contains("Pool closed")
                        || message.contains("Client is closed"));
    }
}
