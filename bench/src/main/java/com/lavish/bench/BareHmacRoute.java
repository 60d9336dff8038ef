package com.lavish.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The limits the gateway is measured against, with no framework: a bare Vert.x route that reads the body, checks
 * Shopify's HMAC in constant time and answers 200. Given a Kafka cluster and a topic it is the durable limit: after
 * the HMAC it publishes the raw body with kafka-clients (acks=all, idempotence, the gateway's 1 ms linger) and answers
 * 200 only once Kafka has acknowledged it, 503 when Kafka refused it. The record is keyed by shop and webhook id, so
 * the load spreads over the partitions as the gateway's (keyed by shop and resource id) does. Usage: {@code BareHmacRoute PORT [BOOTSTRAP_SERVERS TOPIC]}; the
 * secret comes from SHOPIFY_API_SECRET as for the gateway.
 */
public final class BareHmacRoute {

    private BareHmacRoute() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        KafkaProducer<String, byte[]> producer = args.length > 2 ? producer(args[1]) : null;
        String topic = args.length > 2 ? args[2] : null;
        if (producer != null) {
            producer.partitionsFor(topic); // the metadata, before the first request
        }
        byte[] key = System.getenv()
                .getOrDefault("SHOPIFY_API_SECRET", "local-dev-secret-not-for-production")
                .getBytes(StandardCharsets.UTF_8);
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        vertx.createHttpServer()
                .requestHandler(request -> request.body().onSuccess(body -> {
                    String header = request.getHeader("X-Shopify-Hmac-Sha256");
                    byte[] bytes = body.getBytes();
                    boolean valid;
                    try {
                        valid = header != null
                                && MessageDigest.isEqual(
                                        Base64.getDecoder().decode(header),
                                        macs.get().doFinal(bytes));
                    } catch (IllegalArgumentException notBase64) {
                        valid = false;
                    }
                    if (!valid || producer == null) {
                        request.response().setStatusCode(valid ? 200 : 401).end();
                    } else {
                        publish(producer, topic, request, bytes);
                    }
                }))
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        System.out.println((producer == null ? "bare HMAC route" : "durable limit route (HMAC, Kafka acks=all)")
                + " on port " + port);
    }

    private static void publish(
            KafkaProducer<String, byte[]> producer, String topic, HttpServerRequest request, byte[] body) {
        String key = request.getHeader("X-Shopify-Shop-Domain") + "/" + request.getHeader("X-Shopify-Webhook-Id");
        // send() is called on the event loop: with the topic's metadata fetched at start and the buffer far from full
        // it only appends to a batch, and this route is the limit, not a model of every failure
        producer.send(
                new ProducerRecord<>(topic, key, body),
                (metadata, error) -> request.response()
                        .setStatusCode(error == null ? 200 : 503)
                        .end());
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }
}
