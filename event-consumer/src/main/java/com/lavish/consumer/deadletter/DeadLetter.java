package com.lavish.consumer.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.lavish.events.CloudEventHeaders;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One dead letter as the admin sees it: where it is, which delivery it was, and why it failed. The body is not
 * shown, only its size: it may hold a customer's personal data.
 *
 * @param partition       its partition in the dead-letter topic
 * @param offset          its offset there (the replay names it by partition and offset)
 * @param key             the record key, {@code <shop>/<resource id>}
 * @param ceId            the delivery (X-Shopify-Webhook-Id); absent when the record had no CloudEvent headers
 * @param reason          SmallRye's {@code dead-letter-reason}: the failure's message
 * @param cause           SmallRye's {@code dead-letter-cause}: the message of the failure's cause, if any
 * @param sourcePartition the partition of the source topic it was consumed from ({@code dead-letter-partition})
 * @param sourceOffset    its offset there ({@code dead-letter-offset})
 * @param timestamp       when it was dead-lettered
 * @param bodyBytes       the size of the body in bytes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeadLetter(
        int partition,
        long offset,
        String key,
        String ceId,
        String ceType,
        String ceSource,
        String reason,
        String cause,
        Integer sourcePartition,
        Long sourceOffset,
        Instant timestamp,
        int bodyBytes) {

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetter(
                record.partition(),
                record.offset(),
                text(record.key()),
                header(headers, CloudEventHeaders.ID),
                header(headers, CloudEventHeaders.TYPE),
                header(headers, CloudEventHeaders.SOURCE),
                header(headers, KafkaDeadLetterQueue.DEAD_LETTER_REASON),
                header(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE),
                number(header(headers, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION), Integer::valueOf),
                number(header(headers, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET), Long::valueOf),
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? 0 : record.value().length);
    }

    static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static <N> N number(String text, Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
