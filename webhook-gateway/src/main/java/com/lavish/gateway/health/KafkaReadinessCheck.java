package com.lavish.gateway.health;

import com.lavish.gateway.config.WebhookConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka cluster answers: without it every webhook would be answered 503, so traffic is better
 * sent to a replica that has it. Asks the cluster for its brokers, bounded by {@code webhook.health.kafka-timeout}.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "kafka";

    private final Admin admin;
    private final Duration timeout;

    @Inject
    public KafkaReadinessCheck(
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, WebhookConfig config) {
        this.timeout = config.health().kafkaTimeout();
        this.admin = Admin.create(adminConfig(kafkaConfig, timeout));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        return Uni.createFrom()
                .completionStage(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
                        .nodes()
                        .toCompletionStage())
                .ifNoItem()
                .after(timeout.plusMillis(250))
                .fail()
                .map(nodes -> HealthCheckResponse.named(NAME)
                        .status(!nodes.isEmpty())
                        .withData("brokers", nodes.size())
                        .build())
                .onFailure()
                .recoverWithItem(error -> HealthCheckResponse.named(NAME)
                        .down()
                        .withData("error", error.getClass().getSimpleName())
                        .build());
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }

    static Map<String, Object> adminConfig(Map<String, Object> kafkaConfig, Duration timeout) {
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (known.contains(key)) {
                config.put(key, value);
            }
        });
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "webhook-gateway-health");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        return config;
    }
}
