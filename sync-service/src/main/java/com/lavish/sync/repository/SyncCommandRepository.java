package com.lavish.sync.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.lavish.sync.SyncCommandRecord;
import com.lavish.sync.SyncCommandRecord.State;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

/** The command ledger's statements; callers run them in their transaction. */
@ApplicationScoped
public class SyncCommandRepository implements PanacheRepository<SyncCommandRecord> {

    /**
     * Records a key the first time it arrives (a second arrival changes nothing: ON CONFLICT, so two replicas
     * racing on one key cannot both record it) and answers the key's row, locked for the rest of the transaction.
     */
    public Uni<SyncCommandRecord> receive(String shop, String idempotencyKey, String commandId, String type,
                                          String origin, String command, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into {h-schema}sync_command (shop_domain, idempotency_key, command_id, command_type,
                            origin, command, state, attempts, received_at)
                        values (:shop, :key, :commandId, :type, :origin, :command, 'RECEIVED', 0, :now)
                        on conflict (shop_domain, idempotency_key) do nothing""")
                        .setParameter("shop", shop)
                        .setParameter("key", idempotencyKey)
                        .setParameter("commandId", commandId)
                        .setParameter("type", type)
                        .setParameter("origin", origin)
                        .setParameter("command", command)
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(() -> find("shopDomain = ?1 and idempotencyKey = ?2", shop, idempotencyKey)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).singleResult());
    }

    /** Marks a key as handed to Shopify (in the transaction that read it unanswered). */
    public Uni<Integer> markSending(long id, Instant now) {
        return update("""
                state = ?1, attempts = attempts + 1, firstSentAt = coalesce(firstSentAt, ?2), lastSentAt = ?2
                where id = ?3 and state not in (?4, ?5)""",
                State.SENDING, now, id, State.SUCCEEDED, State.REJECTED);
    }

    public Uni<Integer> complete(long id, State state, Long shopifyId, String result, String command, Instant now) {
        return update("state = ?1, shopifyId = ?2, result = ?3, command = ?4, completedAt = ?5 where id = ?6",
                state, shopifyId, result, command, now, id);
    }

    /** Keys of a shop in a state, the longest waiting first (FAILED ones: what an admin may send again). */
    public Uni<List<SyncCommandRecord>> inState(String shop, State state, int limit) {
        return find("shopDomain = ?1 and state = ?2 order by receivedAt, id", shop, state).page(0, limit).list();
    }
}
