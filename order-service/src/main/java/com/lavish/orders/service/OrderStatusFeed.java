package com.lavish.orders.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.consumer.privacy.PrivacyRequest;
import com.lavish.edge.problem.ProblemException;
import com.lavish.orders.OrderStatusChange;
import com.lavish.orders.config.OrderStatusStreamConfig;
import com.lavish.orders.repository.OrderStatusChangeRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Live order status for the storefront, across replicas. The replica that commits status changes publishes them to
 * one Redis channel, in one message per transaction; every replica (itself included) subscribes to that channel and
 * hands each change to the streams of that customer it holds open. A stream that resumes after a
 * {@code Last-Event-ID} first gets what it missed from {@code order_status_change}, then the live changes, each once.
 *
 * <p>A customer holds at most {@code orders.events.max-streams-per-customer} streams on a replica (429 beyond), and a
 * customer's streams end on every replica once customers/redact for them has committed.
 */
@ApplicationScoped
public class OrderStatusFeed {

    private static final Logger LOG = Logger.getLogger(OrderStatusFeed.class);

    /** What replicas pass each other: the change, and whose it is. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Broadcast(String shop, long customerId, OrderStatusEvent event) {}

    /** Whose streams end (customers/redact); an object, so a replica of the release before ignores it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EndedStreams(List<Customer> endedStreams) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Customer(String shop, long customerId) {}

    private final ReactivePubSubCommands<String> pubsub;
    private final OrderStatusChangeRepository changes;
    private final OrderStatusStreamConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    private final ConcurrentHashMap<String, Set<Follower>> followers = new ConcurrentHashMap<>();
    /** Streams open per customer on this replica, counted from the request, before the stream subscribes. */
    private final ConcurrentHashMap<String, Integer> openStreams = new ConcurrentHashMap<>();

    private volatile Cancellable subscription;

    public OrderStatusFeed(
            ReactiveRedisDataSource redis,
            OrderStatusChangeRepository changes,
            OrderStatusStreamConfig config,
            ObjectMapper json,
            MeterRegistry metrics) {
        this.pubsub = redis.pubsub(String.class);
        this.changes = changes;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        metrics.gauge(
                "orders.events.streams",
                followers,
                map -> map.values().stream().mapToInt(Set::size).sum());
    }

    void listen(@Observes StartupEvent started) {
        // a lost Redis connection ends the subscription: subscribe again, for as long as the service runs
        subscription = Multi.createFrom()
                .deferred(() -> pubsub.subscribe(config.channel()))
                .onFailure()
                .invoke(failure -> LOG.warnf("order status channel lost, subscribing again: %s", failure.getMessage()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .indefinitely()
                .subscribe()
                .with(this::received);
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /**
     * Tells every replica about the changes one transaction just committed, in one message. Never fails: the changes
     * are stored whatever happens here, and a client that missed one gets it on resumption; without Redis, this
     * replica's own clients still hear them.
     */
    public Uni<Void> announce(List<OrderStatusChange> committed) {
        // a change of an order without a customer has no stream to go to
        List<Broadcast> broadcasts = committed.stream()
                .filter(change -> change.shopifyCustomerId != null)
                .map(change -> new Broadcast(change.shopDomain, change.shopifyCustomerId, OrderStatusEvent.of(change)))
                .toList();
        if (broadcasts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pubsub.publish(config.channel(), write(broadcasts))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "%d order status changes not published to the other replicas: %s",
                            broadcasts.size(), failure.getMessage());
                    metrics.counter("orders.events.publish.failed").increment();
                    broadcasts.forEach(this::deliver);
                    return Uni.createFrom().voidItem();
                })
                .replaceWithVoid();
    }

    /**
     * The customer's status changes from now on; with {@code after}, first those stored after that id (at most
     * {@code orders.events.replay-limit} of them, oldest first).
     */
    public Multi<OrderStatusEvent> follow(String shop, long customerId, Long after) {
        String key = key(shop, customerId);
        // taken now, while the request can still be answered 429; given back when the stream ends however it ends
        Runnable release = reserveStream(key);
        return Multi.createFrom()
                .<OrderStatusEvent>emitter(emitter -> {
                    Follower follower = new Follower(emitter);
                    followers
                            .computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet())
                            .add(follower);
                    emitter.onTermination(() -> followers.computeIfPresent(key, (k, set) -> {
                        set.remove(follower);
                        return set.isEmpty() ? null : set;
                    }));
                    // live changes that arrive while the missed ones are read wait for them, so none is lost or sent
                    // twice
                    Uni<List<OrderStatusEvent>> missed = after == null
                            ? Uni.createFrom().item(List.of())
                            : Panache.withSession(() -> changes.after(shop, customerId, after, config.replayLimit()))
                                    .map(rows -> rows.stream()
                                            .map(OrderStatusEvent::of)
                                            .toList());
                    missed.subscribe().with(follower::replayed, emitter::fail);
                })
                .onTermination()
                .invoke(release);
    }

    /** One of the customer's streams on this replica; a 429 when they hold as many as they may. */
    private Runnable reserveStream(String key) {
        int cap = config.maxStreamsPerCustomer();
        AtomicBoolean admitted = new AtomicBoolean();
        openStreams.compute(key, (k, open) -> {
            int count = open == null ? 0 : open;
            if (count >= cap) {
                return open;
            }
            admitted.set(true);
            return count + 1;
        });
        if (!admitted.get()) {
            throw ProblemException.tooManyRequests(
                    "at most " + cap + " live order streams per customer are open at "
                            + "once; close one (another tab or window) and try again",
                    5);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                openStreams.computeIfPresent(key, (k, open) -> open <= 1 ? null : open - 1);
            }
        };
    }

    /**
     * Ends the streams of customers whose data customers/redact erased, on every replica (this one too, if Redis is
     * away). Never fails: the erasure has committed whatever happens here.
     */
    public Uni<Void> endStreams(List<PrivacyRequest> redactions) {
        List<Customer> customers = redactions.stream()
                .filter(r -> r.customerId() != null)
                .map(r -> new Customer(r.shopDomain(), r.customerId()))
                .toList();
        if (customers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pubsub.publish(config.channel(), write(new EndedStreams(customers)))
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf(
                            "the end of %d redacted customers' streams not published to the other replicas: %s",
                            customers.size(), failure.getMessage());
                    customers.forEach(this::end);
                    return Uni.createFrom().voidItem();
                })
                .replaceWithVoid();
    }

    /** One transaction's changes; or one change alone, as a replica of the release before publishes it. */
    private void received(String message) {
        try {
            JsonNode tree = json.readTree(message);
            if (tree.has("ended_streams")) {
                json.treeToValue(tree, EndedStreams.class).endedStreams().forEach(this::end);
            } else if (tree.isArray()) {
                for (JsonNode broadcast : tree) {
                    deliver(json.treeToValue(broadcast, Broadcast.class));
                }
            } else {
                deliver(json.treeToValue(tree, Broadcast.class));
            }
        } catch (JsonProcessingException e) {
            // another version's message, or noise on the channel: nobody's stream should end for it
            LOG.warnf("unreadable message on the order status channel ignored: %s", e.getOriginalMessage());
        }
    }

    private void deliver(Broadcast broadcast) {
        Set<Follower> following = followers.get(key(broadcast.shop(), broadcast.customerId()));
        if (following != null) {
            following.forEach(follower -> follower.live(broadcast.event()));
        }
    }

    private void end(Customer customer) {
        Set<Follower> following = followers.get(key(customer.shop(), customer.customerId()));
        if (following != null) {
            following.forEach(Follower::end);
        }
    }

    private String write(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message for the order status channel could not be written as JSON", e);
        }
    }

    private static String key(String shop, long customerId) {
        return shop + "/" + customerId;
    }

    /** One open stream: holds live changes back until the missed ones are sent, then passes them straight on. */
    private static final class Follower {

        private final MultiEmitter<? super OrderStatusEvent> emitter;
        private List<OrderStatusEvent> held = new ArrayList<>();

        Follower(MultiEmitter<? super OrderStatusEvent> emitter) {
            this.emitter = emitter;
        }

        synchronized void live(OrderStatusEvent event) {
            if (held != null) {
                held.add(event);
            } else {
                emitter.emit(event);
            }
        }

        void end() {
            emitter.complete();
        }

        synchronized void replayed(List<OrderStatusEvent> missed) {
            Set<String> sent = new HashSet<>();
            missed.forEach(event -> {
                sent.add(event.id());
                emitter.emit(event);
            });
            held.stream().filter(event -> !sent.contains(event.id())).forEach(emitter::emit);
            held = null;
        }
    }
}
