package com.lavish.edge.ratelimit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lavish.devstack.Component;
import com.lavish.devstack.SharedDevStack;
import com.lavish.edge.identity.StorefrontConfig;
import com.lavish.edge.identity.StorefrontConfig.Algorithm;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The limiter's scripts on a real Redis (devstack's), outside Quarkus: the counting rules of both algorithms, the
 * script reloaded after Redis lost it, and failing open when Redis is away or slow. Every test counts under keys of
 * its own, as the tests share one Redis.
 */
class RedisRateLimiterTest {

    /** Long enough that a loaded machine never lets a window pass between the requests that must share it. */
    private static final Duration LONG_WINDOW = Duration.ofSeconds(30);
    /** Short enough to wait out, in the tests that prove what happens once the window has passed. */
    private static final Duration SHORT_WINDOW = Duration.ofMillis(800);

    private static final Duration WAIT_FOR_ANSWER = Duration.ofSeconds(10);

    private static Vertx vertx;
    private static String redisHosts;
    private static final List<Redis> clients = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startRedis() {
        redisHosts = Optional.ofNullable(
                        SharedDevStack.start(Set.of(Component.REDIS)).get("quarkus.redis.hosts"))
                .orElseGet(() -> System.getenv("QUARKUS_REDIS_HOSTS"));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void closeClients() {
        clients.forEach(Redis::close);
        vertx.closeAndAwait();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void admitsUpToTheLimitThenRefusesWithARetryAfterWithinTheWindow(Algorithm algorithm) {
        RedisRateLimiter limiter = limiter(algorithm, Duration.ofSeconds(5));
        List<RateLimit> limits = List.of(new RateLimit(uniqueKey(), 3, LONG_WINDOW));

        for (int i = 0; i < 3; i++) {
            assertTrue(acquire(limiter, limits).allowed(), "request " + (i + 1) + " of 3 is admitted");
        }
        RateLimitDecision fourth = acquire(limiter, limits);

        assertFalse(fourth.allowed());
        assertTrue(fourth.retryAfter().toMillis() > 0, "a refusal says when to come back");
        assertTrue(
                fourth.retryAfter().compareTo(LONG_WINDOW) <= 0,
                "Retry-After " + fourth.retryAfter() + " is within the window");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aRefusedRequestIsNotCountedSoTheSubjectIsAdmittedAgainAfterItsRetryAfter(Algorithm algorithm) {
        RedisRateLimiter limiter = limiter(algorithm, Duration.ofSeconds(5));
        List<RateLimit> limits = List.of(new RateLimit(uniqueKey(), 1, SHORT_WINDOW));
        assertTrue(acquire(limiter, limits).allowed());
        RateLimitDecision refused = acquire(limiter, limits);
        assertFalse(refused.allowed());
        // counted, these would keep a sliding window full past the first refusal's Retry-After
        for (int i = 0; i < 3; i++) {
            assertFalse(acquire(limiter, limits).allowed(), "still within the window");
        }
        long retryAt = System.currentTimeMillis() + refused.retryAfter().toMillis();

        // just past the Retry-After: the subject is admitted again, and counted anew
        await().pollInterval(Duration.ofMillis(20))
                .atMost(SHORT_WINDOW.multipliedBy(4))
                .until(() -> System.currentTimeMillis() > retryAt + 10 && !limiter.recentlyRefused(limits));

        assertTrue(acquire(limiter, limits).allowed(), "admitted again: the refused requests were not counted");
        assertFalse(acquire(limiter, limits).allowed(), "and this one counted: the next is refused");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aRequestRefusedByOneLimitIsNotCountedInTheOther(Algorithm algorithm) {
        RedisRateLimiter limiter = limiter(algorithm, Duration.ofSeconds(5));
        RateLimit address = new RateLimit(uniqueKey(), 3, LONG_WINDOW);
        RateLimit firstCustomer = new RateLimit(uniqueKey(), 1, LONG_WINDOW);

        assertTrue(acquire(limiter, List.of(firstCustomer, address)).allowed());
        for (int i = 0; i < 3; i++) {
            assertFalse(acquire(limiter, List.of(firstCustomer, address)).allowed(), "over the customer's limit of 1");
        }

        // the address has admitted one request: the three refused ones left it two more
        assertTrue(acquire(limiter, List.of(new RateLimit(uniqueKey(), 1, LONG_WINDOW), address))
                .allowed());
        assertTrue(acquire(limiter, List.of(new RateLimit(uniqueKey(), 1, LONG_WINDOW), address))
                .allowed());
        assertFalse(
                acquire(limiter, List.of(new RateLimit(uniqueKey(), 1, LONG_WINDOW), address))
                        .allowed(),
                "the address's limit of 3 is reached by the three admitted requests only");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void afterScriptFlushTheLimiterLoadsItsScriptAgainAndStillCounts(Algorithm algorithm) {
        ReactiveRedisDataSource redis = dataSource(redisHosts);
        RedisRateLimiter limiter = new RedisRateLimiter(redis, config(algorithm, Duration.ofSeconds(5)));
        assertTrue(acquire(limiter, List.of(new RateLimit(uniqueKey(), 1, LONG_WINDOW)))
                .allowed());

        redis.execute("SCRIPT", "FLUSH").await().atMost(WAIT_FOR_ANSWER);

        List<RateLimit> limits = List.of(new RateLimit(uniqueKey(), 1, LONG_WINDOW));
        assertTrue(acquire(limiter, limits).allowed());
        // failing open would admit this one too: a refusal proves the script ran
        assertFalse(acquire(limiter, limits).allowed(), "the reloaded script counts");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void failsOpenWhenRedisIsUnreachable(Algorithm algorithm) {
        RedisRateLimiter limiter = new RedisRateLimiter(
                dataSource("redis://127.0.0.1:" + closedPort()), config(algorithm, Duration.ofSeconds(2)));
        List<RateLimit> limits = List.of(new RateLimit(uniqueKey(), 1, LONG_WINDOW));

        assertEquals(RateLimitDecision.ALLOWED, acquire(limiter, limits));
        assertEquals(RateLimitDecision.ALLOWED, acquire(limiter, limits), "over the limit, but nothing counts it");
        assertFalse(limiter.recentlyRefused(limits));
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void failsOpenWhenRedisAnswersSlowerThanTheTimeout(Algorithm algorithm) throws IOException {
        try (SilentServer silent = new SilentServer()) {
            RedisRateLimiter limiter = new RedisRateLimiter(
                    dataSource("redis://127.0.0.1:" + silent.port()), config(algorithm, Duration.ofMillis(200)));
            List<RateLimit> limits = List.of(new RateLimit(uniqueKey(), 1, LONG_WINDOW));

            assertEquals(RateLimitDecision.ALLOWED, acquire(limiter, limits));
            assertEquals(RateLimitDecision.ALLOWED, acquire(limiter, limits), "over the limit, but nothing counts it");
            assertTrue(silent.accepted() > 0, "the limiter did reach the server that never answers");
        }
    }

    @Test
    void recentlyRefusedReportsARefusedSubjectUntilItsRetryAfterPasses() {
        RedisRateLimiter limiter = limiter(Algorithm.SLIDING_WINDOW, Duration.ofSeconds(5));
        List<RateLimit> limits = List.of(new RateLimit(uniqueKey(), 1, SHORT_WINDOW));
        List<RateLimit> someoneElse = List.of(new RateLimit(uniqueKey(), 1, SHORT_WINDOW));

        assertTrue(acquire(limiter, limits).allowed());
        assertFalse(limiter.recentlyRefused(limits), "an admitted subject is not refused");
        long beforeRefusal = System.currentTimeMillis();
        RateLimitDecision refused = acquire(limiter, limits);
        assertFalse(refused.allowed());

        assertTrue(limiter.recentlyRefused(limits));
        assertFalse(limiter.recentlyRefused(someoneElse), "only the refused subject is remembered");
        await().pollInterval(Duration.ofMillis(20))
                .atMost(SHORT_WINDOW.multipliedBy(4))
                .until(() -> !limiter.recentlyRefused(limits));
        assertTrue(
                System.currentTimeMillis() - beforeRefusal
                        >= refused.retryAfter().toMillis(),
                "remembered for the whole Retry-After");
    }

    private RedisRateLimiter limiter(Algorithm algorithm, Duration redisTimeout) {
        return new RedisRateLimiter(dataSource(redisHosts), config(algorithm, redisTimeout));
    }

    private static RateLimitDecision acquire(RedisRateLimiter limiter, List<RateLimit> limits) {
        return limiter.acquire(limits).await().atMost(WAIT_FOR_ANSWER);
    }

    private static String uniqueKey() {
        return "test:rate:" + UUID.randomUUID();
    }

    private static ReactiveRedisDataSource dataSource(String hosts) {
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(hosts));
        clients.add(client);
        return new ReactiveRedisDataSourceImpl(vertx, client, RedisAPI.api(client));
    }

    /** A port nothing listens on: one the system just handed out, closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts connections and never answers: a Redis slower than any timeout. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> connections = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "silent-redis");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return connections.size();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    connections.add(server.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket connection : connections) {
                connection.close();
            }
        }
    }

    private static StorefrontConfig config(Algorithm algorithm, Duration redisTimeout) {
        StorefrontConfig.RateLimit rateLimit = new StorefrontConfig.RateLimit() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public Customer customer() {
                throw new UnsupportedOperationException("the limiter takes its limits from the caller");
            }

            @Override
            public Address address() {
                throw new UnsupportedOperationException("the limiter takes its limits from the caller");
            }

            @Override
            public Duration redisTimeout() {
                return redisTimeout;
            }

            @Override
            public String keyPrefix() {
                return "test:rate:";
            }
        };
        return new StorefrontConfig() {
            @Override
            public Proxy proxy() {
                throw new UnsupportedOperationException("not read by the limiter");
            }

            @Override
            public Api api() {
                throw new UnsupportedOperationException("not read by the limiter");
            }

            @Override
            public Session session() {
                throw new UnsupportedOperationException("not read by the limiter");
            }

            @Override
            public Optional<String> tokenSecret() {
                return Optional.empty();
            }

            @Override
            public Cors cors() {
                throw new UnsupportedOperationException("not read by the limiter");
            }

            @Override
            public RateLimit rateLimit() {
                return rateLimit;
            }
        };
    }
}
