package com.lavish.notifications.service;

import com.lavish.events.subscription.SubscriptionEvent;
import com.lavish.events.subscription.SubscriptionEventType;
import com.lavish.events.subscription.SubscriptionEvents;
import com.lavish.notifications.config.NotificationsConfig;
import com.lavish.notifications.repository.OutgoingMessages;
import com.lavish.notifications.repository.OutgoingMessages.Claimed;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Sends the messages owed, after the transactions that queued them have committed: on a schedule, and at once when
 * a poll's commit nudges it. Each message is sent in a transaction of its own that claims it
 * {@code FOR UPDATE SKIP LOCKED}, hands it to the SMTP server and records the answer (sent, retrying with exponential
 * backoff, or failed for good on a 5xx) before it commits, so the lock keeps every other sender off it meanwhile.
 *
 * <p>The one window: the server has accepted the message but the JVM dies (or the database goes) before the commit.
 * The row is still queued and is sent again, with the same Message-ID ({@code <event id@domain>}), which lets the
 * provider recognise and drop the repeat. Nothing else sends twice: a committed {@code sent} is never claimed again.
 */
@ApplicationScoped
public class MessageSender {

    private static final Logger LOG = Logger.getLogger(MessageSender.class);

    private final Pool pool;
    private final ReactiveMailer mailer;
    private final OutgoingMessages outgoing;
    private final NotificationTemplates templates;
    private final NotificationsConfig.Sender config;
    private final NotificationMetrics metrics;
    /** Whether a drain runs in this JVM; only spares a second one the empty claims, SKIP LOCKED keeps them apart. */
    private final AtomicBoolean draining = new AtomicBoolean();

    private final AtomicBoolean nudgedMeanwhile = new AtomicBoolean();

    public MessageSender(
            Pool pool,
            ReactiveMailer mailer,
            OutgoingMessages outgoing,
            NotificationTemplates templates,
            NotificationsConfig config,
            NotificationMetrics metrics) {
        this.pool = pool;
        this.mailer = mailer;
        this.outgoing = outgoing;
        this.templates = templates;
        this.config = config.sender();
        this.metrics = metrics;
    }

    /** What became of one attempt, counted once its transaction has committed. */
    record Attempt(SubscriptionEventType kind, MessageState state, Instant occurredAt) {}

    @Scheduled(
            identity = "notification-sender",
            every = "${notifications.sender.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        // a pass that fails (the database away, the JVM stopping) leaves its message owed: the next pass takes it
        return drain().onFailure().recoverWithUni(failure -> {
            LOG.warnf("a sending pass failed, the next one tries again: %s", failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    /** Starts a drain without waiting for it: what a commit calls once it has queued messages. */
    public Uni<Void> nudge() {
        drain().subscribe()
                .with(done -> {}, failure -> LOG.warn("sending after a commit failed; the poll will retry", failure));
        return Uni.createFrom().voidItem();
    }

    /**
     * Sends what is due, up to a batch, in {@code concurrency} lanes that each claim the next message due (SKIP LOCKED
     * keeps them apart); a nudge during a drain makes it go round once more.
     */
    public Uni<Void> drain() {
        if (!draining.compareAndSet(false, true)) {
            nudgedMeanwhile.set(true);
            return Uni.createFrom().voidItem();
        }
        nudgedMeanwhile.set(false);
        int lanes = Math.max(1, config.concurrency());
        List<Uni<Void>> sending = new ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            sending.add(sendSome(Math.max(1, config.batchSize() / lanes)));
        }
        return Uni.join()
                .all(sending)
                .andCollectFailures()
                .replaceWithVoid()
                .eventually(() -> draining.set(false))
                .chain(() -> nudgedMeanwhile.getAndSet(false)
                        ? drain()
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> sendSome(int left) {
        if (left == 0) {
            return Uni.createFrom().voidItem();
        }
        return sendOne()
                .chain(sent -> sent ? sendSome(left - 1) : Uni.createFrom().voidItem());
    }

    /** Claims, sends and records one message; false when none was due. */
    Uni<Boolean> sendOne() {
        return pool.withTransaction(connection -> outgoing.claim(connection)
                        .chain(claimed -> claimed == null
                                ? Uni.createFrom().item(Optional.<Attempt>empty())
                                : attempt(connection, claimed).map(Optional::of)))
                .invoke(attempt -> attempt.ifPresent(a -> metrics.count(a.kind(), a.state(), a.occurredAt())))
                .map(Optional::isPresent);
    }

    private Uni<Attempt> attempt(SqlConnection connection, Claimed message) {
        SubscriptionEventType kind = SubscriptionEventType.valueOf(message.kind());
        if (kind.reminder() && message.remindersOff()) {
            return outgoing.close(connection, message.id(), MessageState.SUPPRESSED, "reminders unsubscribed")
                    .replaceWith(new Attempt(kind, MessageState.SUPPRESSED, message.occurredAt()));
        }
        if (message.recipient() == null) {
            // the customer's webhook has not arrived (or carried no email): wait for it as for a server that is away
            return refused(connection, message, kind, new IllegalStateException("no address known yet"));
        }
        RenderedEmail email;
        try {
            SubscriptionEvent event = SubscriptionEvents.read(message.payload().getBytes(StandardCharsets.UTF_8));
            email = templates.render(event, message.firstName(), EmailLocale.of(message.locale()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "message %d (%s) cannot be written", message.id(), message.kind());
            return outgoing.close(connection, message.id(), MessageState.FAILED, "cannot be written")
                    .replaceWith(new Attempt(kind, MessageState.FAILED, message.occurredAt()));
        }
        Mail mail = Mail.withHtml(message.recipient(), email.subject(), email.html())
                .setText(email.text())
                .addHeader("Message-ID", message.smtpMessageId());
        return mailer.send(mail)
                .ifNoItem()
                .after(config.sendTimeout())
                .fail()
                .onItem()
                .transformToUni(sent -> outgoing.sent(connection, message.id(), "250 accepted", email.subject())
                        .replaceWith(new Attempt(kind, MessageState.SENT, message.occurredAt())))
                .onFailure()
                .recoverWithUni(failure -> refused(connection, message, kind, failure));
    }

    private Uni<Attempt> refused(
            SqlConnection connection, Claimed message, SubscriptionEventType kind, Throwable failure) {
        SmtpAnswers.Failure answer = SmtpAnswers.read(failure);
        int attempts = message.attempts() + 1;
        if (answer.permanent() || attempts >= config.maxAttempts()) {
            LOG.warnf(
                    "message %d (%s) failed for good after %d attempts: %s",
                    message.id(), message.kind(), attempts, answer.answer());
            return outgoing.close(connection, message.id(), MessageState.FAILED, answer.answer())
                    .replaceWith(new Attempt(kind, MessageState.FAILED, message.occurredAt()));
        }
        Duration wait = SmtpAnswers.backoff(attempts, config.initialBackoff(), config.maxBackoff());
        LOG.infof(
                "message %d (%s) not sent (%s); attempt %d in %s",
                message.id(), message.kind(), answer.answer(), attempts + 1, wait);
        return outgoing.retryAt(
                        connection, message.id(), answer.answer(), Instant.now().plus(wait))
                .replaceWith(new Attempt(kind, MessageState.RETRYING, message.occurredAt()));
    }
}
