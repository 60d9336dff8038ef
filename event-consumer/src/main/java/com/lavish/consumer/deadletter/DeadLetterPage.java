package com.lavish.consumer.deadletter;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A page of one topic's dead letters, in partition and offset order.
 *
 * @param topic           the consumed topic, as the request named it
 * @param deadLetterTopic where its dead letters are, {@code <topic>.dlq}
 * @param deadLetters     at most the page's limit
 * @param next            where the next page starts ({@code ?partition=&from=}); null when this page reached the end
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeadLetterPage(String topic, String deadLetterTopic, List<DeadLetter> deadLetters, Position next) {

    /** A place in the dead-letter topic: a partition and an offset within it. */
    public record Position(int partition, long offset) {}
}
