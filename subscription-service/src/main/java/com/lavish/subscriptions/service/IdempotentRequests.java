package com.lavish.subscriptions.service;

import com.lavish.edge.identity.StorefrontCustomer;
import com.lavish.edge.personaldata.PersonalDataCipher;
import com.lavish.edge.personaldata.RowKey;
import com.lavish.edge.problem.Problem;
import com.lavish.edge.problem.ProblemException;
import com.lavish.subscriptions.EncryptedColumns;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The storefront's {@code Idempotency-Key}s, per customer, in {@code idempotent_request}, with the request's
 * fingerprint and the answer given, written in the transaction of the work: a repeat gets that answer and the work is
 * not done again; the same key with another request is a 422. Two requests racing on one key meet on the primary
 * key: the second waits for the first's commit, then finds its answer.
 *
 * <p>An answer is the customer's subscription as it stood, address included: it is stored encrypted and bound to its
 * row (shop, customer, key; ADR 0005), kept {@code subscriptions.idempotency.retention} (a day; a client retries
 * within minutes) and erased by customers/redact. Rows live no longer than that, so they need no re-encryption after
 * a key rotation (keep a retired key in the keyset for one retention period), and answers stored before row binding
 * are gone one retention period after it.
 */
@ApplicationScoped
public class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotentRequests.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final PersonalDataCipher cipher;
    private final Duration retention;

    public IdempotentRequests(
            PersonalDataCipher cipher,
            @ConfigProperty(name = "subscriptions.idempotency.retention", defaultValue = "24h") Duration retention) {
        this.cipher = cipher;
        this.retention = retention;
    }

    /**
     * Claims the key for this request in the current transaction.
     *
     * @return empty when the key is new (the caller does the work, then {@link #complete}s it); the stored answer
     *         when this request was answered before
     */
    public Uni<Optional<StoredAnswer>> claim(StorefrontCustomer who, String key, String fingerprint) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Uni.createFrom()
                    .failure(ProblemException.badRequest(
                            HEADER, "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID"));
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        insert into {h-schema}idempotent_request (shop_domain, shopify_customer_id, idempotency_key,
                            fingerprint, response_status, response_body)
                        values (:shop, :customer, :key, :fingerprint, 0, '')
                        on conflict do nothing""")
                        .setParameter("shop", who.shop())
                        .setParameter("customer", who.customerId())
                        .setParameter("key", key)
                        .setParameter("fingerprint", fingerprint)
                        .executeUpdate()
                        .chain(inserted -> inserted == 1
                                ? Uni.createFrom().item(Optional.<StoredAnswer>empty())
                                : session.createNativeQuery("""
                                        select fingerprint, response_status, response_body
                                        from {h-schema}idempotent_request where shop_domain = :shop
                                            and shopify_customer_id = :customer and idempotency_key = :key""", Object[].class)
                                        .setParameter("shop", who.shop())
                                        .setParameter("customer", who.customerId())
                                        .setParameter("key", key)
                                        .getSingleResult()
                                        .map(row -> Optional.of(stored(
                                                row,
                                                fingerprint,
                                                EncryptedColumns.idempotentRequestKey(
                                                        who.shop(), who.customerId(), key))))));
    }

    private StoredAnswer stored(Object[] row, String fingerprint, RowKey rowKey) {
        if (!fingerprint.equals(row[0])) {
            throw new ProblemException(new Problem(
                    Problem.BLANK,
                    "Unprocessable Content",
                    422,
                    "this Idempotency-Key was used for another request; use a new key for a new request",
                    HEADER));
        }
        String body = (String) row[2];
        // empty while the first request is still at work (it claimed the key, its answer is not in yet)
        return new StoredAnswer(
                ((Number) row[1]).intValue(),
                body.isEmpty() ? body : cipher.decrypt(body, EncryptedColumns.IDEMPOTENT_ANSWER, rowKey));
    }

    /** Stores the answer of the claimed key, in the transaction of the work. */
    public Uni<Void> complete(StorefrontCustomer who, String key, StoredAnswer answer) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        update {h-schema}idempotent_request set response_status = :status, response_body = :body
                        where shop_domain = :shop and shopify_customer_id = :customer and idempotency_key = :key""")
                        .setParameter("status", answer.status())
                        .setParameter(
                                "body",
                                cipher.encrypt(
                                        answer.body(),
                                        EncryptedColumns.IDEMPOTENT_ANSWER,
                                        EncryptedColumns.idempotentRequestKey(who.shop(), who.customerId(), key)))
                        .setParameter("shop", who.shop())
                        .setParameter("customer", who.customerId())
                        .setParameter("key", key)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Forgets answers older than the retention: a key is for retrying one request, not for ever. Scheduled; public
     * so that a test can run it when it has aged a row rather than wait for the schedule.
     */
    @Scheduled(
            identity = "idempotency-expiry",
            every = "${subscriptions.idempotency.expire-every:10m}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> expire() {
        return expireBefore(Instant.now().minus(retention))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "expired Idempotency-Key answers not deleted (the next run " + "does it): %s",
                        failure.getMessage()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    Uni<Integer> expireBefore(Instant before) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "delete from {h-schema}idempotent_request where created_at < :before")
                        .setParameter("before", before)
                        .executeUpdate()));
    }

    /** The fingerprint of a request: SHA-256 of what it asks (action, contract, normalised body). */
    public static String fingerprint(String request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
