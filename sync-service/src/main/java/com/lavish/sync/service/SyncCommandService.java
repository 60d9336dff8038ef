package com.lavish.sync.service;

import com.lavish.consumer.Delivery;
import com.lavish.consumer.EventOutcome;
import com.lavish.consumer.EventWork;
import com.lavish.events.ShopifyEvent;
import com.lavish.events.sync.SyncCommand;
import com.lavish.events.sync.SyncMessages;
import com.lavish.events.sync.SyncResult;
import com.lavish.events.sync.SyncResult.SyncOutcome;
import com.lavish.sync.config.SyncCommandConfig;
import com.lavish.sync.messaging.SyncRecordPublisher;
import com.lavish.sync.repository.SyncCommandLedger;
import com.lavish.sync.repository.SyncCommandLedger.Entry;
import com.lavish.sync.repository.SyncCommandLedger.Key;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Applies a poll of sync.commands at most once per idempotency key, with the command ledger:
 * <ol>
 *   <li>one statement records every key of the poll and marks the ones not answered yet SENDING, committed
 *       <em>before</em> Shopify is called, so a restart knows their outcome may be unknown;</li>
 *   <li>each key not answered is sent to Shopify once ({@link CommandPoll}: one record key's commands in offset order,
 *       record keys side by side, {@code sync.commands.concurrency} at a time); a key answered before (SUCCEEDED,
 *       REJECTED) is answered again from the ledger, with the new command's id, and Shopify is not called;</li>
 *   <li>one statement records every answer, committed; then every result is published to sync.results.</li>
 * </ol>
 * A key that FAILED (Shopify unreachable within the retries) is tried again when it is delivered again, in a later
 * poll. Shopify's own failures never fail the poll; the ledger's or the broker's do, and event-consumer's pipeline
 * tries it again: what Shopify answered meanwhile is held ({@link AnswersInFlight}), not sent twice. Counted in
 * {@code sync.commands} (type, outcome; {@code replayed} for answers given again), once the results are published.
 */
@ApplicationScoped
public class SyncCommandService implements EventWork<SyncCommand> {

    private static final Logger LOG = Logger.getLogger(SyncCommandService.class);

    private final SyncCommandLedger ledger;
    private final ShopifyCommands shopify;
    private final SyncRecordPublisher results;
    private final SyncCommandConfig config;
    private final MeterRegistry metrics;
    private final AnswersInFlight inFlight = new AnswersInFlight();

    public SyncCommandService(
            SyncCommandLedger ledger,
            ShopifyCommands shopify,
            SyncRecordPublisher results,
            SyncCommandConfig config,
            MeterRegistry metrics) {
        this.ledger = ledger;
        this.shopify = shopify;
        this.results = results;
        this.config = config;
        this.metrics = metrics;
    }

    /** The pipeline's count of deliveries ({@code applied}, {@code duplicate} for answers given again). */
    @Override
    public String metric() {
        return "sync.commands.consumed";
    }

    @Override
    public Optional<SyncCommand> read(ShopifyEvent event) {
        return Optional.of(SyncMessages.readCommand(event.payload()));
    }

    @Override
    public Uni<Void> apply(List<Delivery<SyncCommand>> deliveries) {
        CommandPoll poll = new CommandPoll(deliveries);
        Map<Key, CommandAnswer> answers = new ConcurrentHashMap<>(inFlight.of(deliveries));
        List<SyncCommand> unanswered = poll.keys().stream()
                .filter(key -> !answers.containsKey(key))
                .map(key -> poll.of(key).get(0).change())
                .toList();
        return ledger.send(unanswered, Instant.now())
                .chain(entries -> reply(poll, entries, answers))
                .call(() -> ledger.complete(
                        answers.values().stream().map(CommandAnswer::completion).toList()))
                .map(replies -> deliveries.stream().map(replies::get).toList())
                .call(this::publish)
                .invoke(this::count)
                .replaceWithVoid();
    }

    /** What each delivery is answered: the answer Shopify gives now, or one given before. */
    private record Reply(Delivery<SyncCommand> delivery, SyncResult result, boolean replayed) {}

    private Uni<Map<Delivery<SyncCommand>, Reply>> reply(
            CommandPoll poll, Map<Key, Entry> entries, Map<Key, CommandAnswer> answers) {
        Map<Key, Uni<CommandAnswer>> calls = new HashMap<>();
        entries.forEach((key, entry) -> {
            if (!entry.state().answered()) {
                calls.put(key, call(poll.of(key), entry, answers));
            }
        });
        Map<Delivery<SyncCommand>, Reply> replies = new ConcurrentHashMap<>();
        return Multi.createFrom()
                .iterable(poll.lanes())
                .onItem()
                .transformToUni(lane -> Multi.createFrom()
                        .iterable(lane)
                        .onItem()
                        .transformToUniAndConcatenate(delivery -> reply(delivery, entries, answers, calls))
                        .invoke(reply -> replies.put(reply.delivery(), reply))
                        .collect()
                        .last())
                .merge(config.concurrency())
                .collect()
                .last()
                .replaceWith(replies);
    }

    private Uni<Reply> reply(
            Delivery<SyncCommand> delivery,
            Map<Key, Entry> entries,
            Map<Key, CommandAnswer> answers,
            Map<Key, Uni<CommandAnswer>> calls) {
        Key key = Key.of(delivery.change());
        Uni<CommandAnswer> call = calls.get(key);
        if (call != null) {
            return call.map(answer -> replyWith(delivery, answer));
        }
        Entry entry = entries.get(key);
        if (entry != null) {
            SyncResult stored = SyncMessages.readResult(entry.result().getBytes(StandardCharsets.UTF_8));
            LOG.debugf("%s: key answered before (%s); answering from the ledger", delivery.change(), stored.outcome());
            return Uni.createFrom().item(new Reply(delivery, CommandAnswer.replayed(delivery.change(), stored), true));
        }
        // Shopify answered an earlier try of this poll
        return Uni.createFrom().item(replyWith(delivery, answers.get(key)));
    }

    private static Reply replyWith(Delivery<SyncCommand> delivery, CommandAnswer answer) {
        return answer.answers(delivery)
                ? new Reply(delivery, answer.result(), false)
                : new Reply(delivery, CommandAnswer.replayed(delivery.change(), answer.result()), true);
    }

    /** The key's one call to Shopify, made by whichever of its deliveries comes first. */
    private Uni<CommandAnswer> call(List<Delivery<SyncCommand>> ofKey, Entry entry, Map<Key, CommandAnswer> answers) {
        Delivery<SyncCommand> sent = ofKey.get(0);
        return shopify.send(sent.change(), entry.sentBefore(), entry.firstSentAt())
                .map(outcome -> CommandAnswer.of(entry.id(), sent, outcome, Instant.now()))
                .invoke(answer -> {
                    answers.put(Key.of(sent.change()), answer);
                    inFlight.hold(ofKey, answer);
                    if (answer.result().outcome() != SyncOutcome.SUCCEEDED) {
                        LOG.infof(
                                "%s: %s: %s",
                                sent.change(),
                                answer.result().outcome(),
                                answer.result().message());
                    }
                })
                .memoize()
                .indefinitely();
    }

    /** Sends every result, then waits for the broker to have them all; one key's stay in their order. */
    private Uni<Void> publish(List<Reply> replies) {
        if (replies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(replies.stream()
                        .map(reply -> results.result(reply.delivery().change(), reply.result()))
                        .toList())
                .andFailFast()
                .replaceWithVoid();
    }

    private void count(List<Reply> replies) {
        for (Reply reply : replies) {
            if (reply.replayed()) {
                reply.delivery().outcome(EventOutcome.DUPLICATE);
            }
            String outcome = reply.replayed()
                    ? "replayed"
                    : reply.result().outcome().name().toLowerCase(Locale.ROOT);
            metrics.counter(
                            "sync.commands",
                            "type",
                            reply.delivery().change().type().name(),
                            "outcome",
                            outcome)
                    .increment();
        }
    }
}
