package com.lavish.sync.repository;

import com.lavish.sync.SyncCommandRecord;
import com.lavish.sync.SyncCommandRecord.State;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The command ledger for the admin's paths (Hibernate Reactive); a poll of commands writes it set-based through
 * {@link SyncCommandLedger}.
 */
@ApplicationScoped
public class SyncCommandRepository implements PanacheRepository<SyncCommandRecord> {

    /** Keys of a shop in a state, the longest waiting first (FAILED ones: what an admin may send again). */
    public Uni<List<SyncCommandRecord>> inState(String shop, State state, int limit) {
        return find("shopDomain = ?1 and state = ?2 order by receivedAt, id", shop, state)
                .page(0, limit)
                .list();
    }
}
