package com.lavish.testsupport;

import static org.awaitility.Awaitility.await;

import com.lavish.devstack.DatabaseRows;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A service's ledger of the events it has applied (event-consumer's {@code <schema>.applied_event}): an event whose
 * id is there was consumed and committed, whatever it changed.
 */
public final class AppliedEvents {

    /** How long a test waits for the service to consume what it published. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final DataSource database;
    private final String schema;

    public AppliedEvents(DataSource database, String schema) {
        this.database = database;
        this.schema = schema;
    }

    public boolean applied(String eventId) {
        return !DatabaseRows.of(database, "select 1 from " + schema + ".applied_event where event_id = ?", eventId)
                .isEmpty();
    }

    /** Returns once the event is in the ledger; fails the test after {@link #WAIT}. */
    public void awaitApplied(String eventId) {
        await().atMost(WAIT).until(() -> applied(eventId));
    }
}
